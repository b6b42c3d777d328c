#!/bin/sh
# bare68k_checks.sh FDX MKPRG WORKDIR: bare68k behaviour and bad input.
# Raw images with reset vectors and --start, the basepage command tail,
# NatFeats, --stats, save states, and guest faults (odd addresses, illegal
# opcodes, runaway code, double fault) and malformed files / options, which
# must give a clear one-line error and a non-zero exit, never a crash.
set -u
fdx=$1; mkprg=$2; work=$3
case $fdx in /*) ;; *) fdx=$PWD/$fdx ;; esac
case $mkprg in /*) ;; *) mkprg=$PWD/$mkprg ;; esac
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 1
fail=0
bad() { echo "FAIL $*"; fail=1; }

# asm NAME: assembles NAME.s (here-document on stdin) into NAME.bin at 0.
asm() {
  cat >"$1.s"
  m68k-linux-gnu-as -m68000 -o "$1.o" "$1.s" &&
    m68k-linux-gnu-ld -z noexecstack -nostdlib -Ttext=0 -e 0 -o "$1.elf" "$1.o" &&
    m68k-linux-gnu-objcopy -O binary "$1.elf" "$1.bin" || bad "$1: assembling"
}
# prg NAME: builds NAME.prg from NAME.s (stdin) with the test start-up code.
prg() {
  cat >"$1.s"
  sh "$here/build_prg.sh" "$mkprg" "$1.prg" "$work/$1.s" 2>"$1.build" || { bad "$1: build"; cat "$1.build"; }
}
# run NAME EXPECTED_RC EXPECTED_STDERR_REGEX ARGS...: runs fdx, checks the
# exit code and that stderr is exactly one line matching the pattern.
run() {
  name=$1; want=$2; pat=$3; shift 3
  timeout 60 "$fdx" "$@" >"$name.out" 2>"$name.err"
  rc=$?
  if [ "$rc" = 124 ]; then bad "$name: still running after 60 s"; return; fi
  if [ "$rc" -ge 128 ]; then bad "$name: crashed (exit $rc)"; cat "$name.err"; return; fi
  if [ "$rc" != "$want" ]; then bad "$name: exit $rc, expected $want"; cat "$name.err"; return; fi
  if [ -n "$pat" ]; then
    if [ "$(wc -l <"$name.err")" != 1 ] || ! grep -Eq -- "$pat" "$name.err"; then
      bad "$name: stderr is not one line matching /$pat/:"; cat "$name.err"; return
    fi
  fi
  echo "ok   $name"
}
# same NAME FILE TEXT: FILE holds exactly TEXT (printf format).
same() {
  printf "$3" >"$1.want"
  if cmp -s "$1.want" "$2"; then echo "ok   $1"; else bad "$1: $2 differs:"; diff "$1.want" "$2"; fi
}

# --- raw images ------------------------------------------------------------
# Reset vectors at 0: SSP, PC. NF_STDERR, then NF_SHUTDOWN (supervisor).
asm raw <<'EOF'
        .long   0x4000, start
        .org    0x100
start:  pea     msg(%pc)
        pea     nf_stderr(%pc)
        bsr.s   nf_id                   | NF_ID -> D0 (arguments at 4(SP))
        addq.l  #4,%sp
        move.l  %d0,-(%sp)
        bsr.s   nf_call                 | NF_CALL(id, msg)
        addq.l  #8,%sp
        move.l  %sp,%d6                 | proves the SSP came from the vector
        pea     nf_shutdown(%pc)
        bsr.s   nf_id
        move.l  %d0,-(%sp)
        bsr.s   nf_call
        bra.s   .
nf_id:  .word   0x7300
        rts
nf_call: .word  0x7301
        rts
nf_stderr:   .asciz "NF_STDERR"
nf_shutdown: .asciz "NF_SHUTDOWN"
msg:    .asciz  "raw image says hello\n"
        .even
EOF
run raw_vectors 0 '' run bare68k --load raw.bin@0
same raw_vectors_text raw_vectors.err 'raw image says hello\n'
# --stats (on stderr): registers with USP/SSP, PC, SR and its flags, then
# instructions and cycles.
run raw_stats 0 '' run bare68k --stats --load raw.bin@0
grep -q 'D6=00004000 ' raw_stats.err || bad "raw_stats: D6 (SSP from the vector) wrong: $(cat raw_stats.err)"
grep -Eq '^D0=[0-9a-f]{8} .*A7=[0-9a-f]{8} USP=[0-9a-f]{8} SSP=[0-9a-f]{8} PC=[0-9a-f]{8} SR=2[0-9a-f]{3} \[' raw_stats.err &&
  grep -Eq '^instructions [1-9][0-9]*$' raw_stats.err && grep -Eq '^cycles [1-9][0-9]*$' raw_stats.err ||
  { bad "raw_stats: --stats output:"; cat raw_stats.err; }

# The same code at 0x2000 started with --start (vector 0 still gives SSP).
printf '\000\000\100\000' >ssp.bin
run raw_start 0 '' run bare68k --load ssp.bin@0 --load raw.bin@0x2000 --start 0x2000
same raw_start_text raw_start.err 'raw image says hello\n'
# Two --load options at ... a file name with '@' in it: the last '@' splits.
cp raw.bin 'r@w.bin'
run raw_at_name 0 '' run bare68k --load 'r@w.bin@0'
# A smaller RAM mirrors: the program at 0 still runs with --ram 65536.
run raw_small_ram 0 '' run bare68k --ram 65536 --load raw.bin@0

# An instruction whose words run past the end of RAM into its mirror: with
# --ram 65536 the 5-word ORI.L #x,abs.L at $FFF6 is followed by the word at
# $10000, i.e. $0000 (ORI.W #$4000,D0 with the immediate at $0002), then
# the code at $0004. The CPU must not take these words from past the RAM
# buffer (the code window covers one page, the fast handlers need the
# instruction's whole span in it).
asm edge_lo <<'EOF'
        .long   0x404000                | SSP (a mirror of $4000); as code: ORI.W #$4000,D0
        move.l  (0x100).l,%d2
        bra.s   .
        .org    0x100
        .long   1
EOF
asm edge_hi <<'EOF'
        move.l  #0x12345678,%d1
        ori.l   #0x80000000,(0x100).l
EOF
run page_edge 0 '' run bare68k --ram 65536 --stats --max-cycles 2000 --load edge_lo.bin@0 --load edge_hi.bin@0xfff0 --start 0xfff0
grep -q 'D0=00004000 D1=12345678 D2=80000001 ' page_edge.err || { bad "page_edge: registers:"; cat page_edge.err; }

# --- guest faults on raw images: the CPU takes them, the host survives -------
# Runaway code: an endless loop stops at --max-cycles.
asm loop <<'EOF'
        .long   0x4000, start
start:  addq.l  #1,%d0
        bra.s   start
EOF
run runaway 0 '' run bare68k --stats --max-cycles 100000 --load loop.bin@0
grep -Eq '^cycles 1000[0-9][0-9]$' runaway.err || { bad "runaway: cycles not ~100000:"; cat runaway.err; }
# Double fault: an odd SSP makes the first exception's stacking fault -> halt.
asm halt <<'EOF'
        .long   0x4001, start
start:  .word   0x4afc                  | ILLEGAL
EOF
run double_fault 1 'halted' run bare68k --load halt.bin@0
# Vectors into the void: an illegal opcode with vector 4 = 0 runs the zeroed
# RAM (ORI.B #0,D0) until the cycle limit; no crash.
asm void <<'EOF'
        .long   0x4000, start
start:  .word   0xffff                  | line F, vector 11 = 0
EOF
run wild_vector 0 '' run bare68k --max-cycles 200000 --load void.bin@0

# --- GEMDOS programs ---------------------------------------------------------
# The command tail from the extra arguments, printed with NF_STDERR.
prg tail <<'EOF'
        .text
        .globl  main
main:   move.l  4(%sp),%a0              | basepage
        lea     0x81(%a0),%a1           | command tail text
        moveq   #0,%d0
        move.b  0x80(%a0),%d0           | its length
        move.b  #'|',(%a1,%d0.w)        | mark the end (replaces the NUL)
        clr.b   1(%a1,%d0.w)
        move.l  %a1,-(%sp)
        pea     name(%pc)
        jsr     nf_id
        addq.l  #4,%sp
        move.l  %d0,-(%sp)
        jsr     nf_call
        addq.l  #8,%sp
        moveq   #3,%d0
        rts
name:   .asciz  "NF_STDERR"
        .even
EOF
run prg_tail 3 '' run bare68k tail.prg one 'two three' 4
same prg_tail_text prg_tail.err 'one two three 4|'
run prg_no_tail 3 '' run bare68k tail.prg
same prg_no_tail_text prg_no_tail.err '|'

# Save state mid-run, resume: the two halves print what one run prints.
sh "$here/build_prg.sh" "$mkprg" hello.prg "$here/rt.c" "$here/hello.c" 2>hello.build || bad "hello: build"
run state_whole 0 '' run bare68k hello.prg
run state_first 0 '' run bare68k --max-cycles 15000 --state-out hello.state hello.prg
run state_second 0 '' run bare68k --state-in hello.state hello.prg
cat state_first.err state_second.err >state_joined.err
if [ ! -s state_first.err ] || cmp -s state_first.err state_whole.err; then
  bad "state: the first half should print part of the output"
elif ! cmp -s state_joined.err state_whole.err; then
  bad "state: resumed output differs"; diff state_whole.err state_joined.err
else echo "ok   state_resume"; fi

# Guest faults in a program: reported with the exception and the PC.
fault() {
  name=$1; pat=$2
  prg "$name"
  run "$name" 1 "$pat" run bare68k "$name.prg"
}
fault odd_read 'unhandled exception 3 \(address error\) at PC \$0081[0-9A-F]{2}$' <<'EOF'
        .text
        .globl  main
main:   lea     buf+1(%pc),%a0
        move.w  (%a0),%d0
        rts
buf:    .long   0
EOF
fault odd_write 'unhandled exception 3 \(address error\) at PC \$0081[0-9A-F]{2}$' <<'EOF'
        .text
        .globl  main
main:   lea     buf+1(%pc),%a0
        move.l  %d0,(%a0)
        rts
buf:    .long   0,0
EOF
fault odd_jump 'unhandled exception 3 \(address error\)' <<'EOF'
        .text
        .globl  main
main:   lea     main+1(%pc),%a0
        jmp     (%a0)
EOF
fault illegal 'unhandled exception 4 \(illegal instruction\) at PC \$0081[0-9A-F]{2}$' <<'EOF'
        .text
        .globl  main
main:   nop
        .word   0x4afc
        rts
EOF
fault line_a 'unhandled exception 10 \(line A\)' <<'EOF'
        .text
        .globl  main
main:   .word   0xa000
        rts
EOF
fault line_f 'unhandled exception 11 \(line F\)' <<'EOF'
        .text
        .globl  main
main:   .word   0xf000
        rts
EOF
fault privilege 'unhandled exception 8 \(privilege violation\)' <<'EOF'
        .text
        .globl  main
main:   move.w  #0x2700,%sr             | user mode: privileged
        rts
EOF
fault divzero 'unhandled exception 5 \(division by zero\)' <<'EOF'
        .text
        .globl  main
main:   moveq   #0,%d1
        divu    %d1,%d0
        rts
EOF
fault shutdown_user 'unhandled exception 8 \(privilege violation\)' <<'EOF'
        .text
        .globl  main
main:   pea     name(%pc)
        jsr     nf_id
        addq.l  #4,%sp
        move.l  %d0,-(%sp)
        jsr     nf_call                 | NF_SHUTDOWN is supervisor-only
        rts
name:   .asciz  "NF_SHUTDOWN"
        .even
EOF
fault gemdos_other 'GEMDOS \$4E is not available without TOS' <<'EOF'
        .text
        .globl  main
main:   move.w  #0x4e,-(%sp)            | Fsfirst
        trap    #1
        rts
EOF
fault trap_other 'unhandled exception 34 \(TRAP\)' <<'EOF'
        .text
        .globl  main
main:   trap    #2
        rts
EOF

# --- malformed GEMDOS programs: clear errors ---------------------------------
# hdr TEXT DATA BSS SYMS [ABS]: a 28-byte header.
hdr() {
  printf '\140\032'
  for v in "$1" "$2" "$3" "$4" 0 0; do
    printf "\\$(printf %03o $((v >> 24 & 255)))\\$(printf %03o $((v >> 16 & 255)))"
    printf "\\$(printf %03o $((v >> 8 & 255)))\\$(printf %03o $((v & 255)))"
  done
  printf "\\000\\$(printf %03o "${5:-0}")"
}
nops() { i=0; while [ $i -lt "$1" ]; do printf '\116\161'; i=$((i + 2)); done; }
printf 'HELLO, not a program at all.........' >notprg.prg
run prg_magic 1 'not a GEMDOS program' run bare68k notprg.prg
printf '\140\032\000\000' >short.prg
run prg_short 1 'not a GEMDOS program' run bare68k short.prg
: >empty.prg
run prg_empty 1 '.' run bare68k empty.prg
{ hdr 0x100 0 0 0; nops 16; } >trunc.prg
run prg_truncated 1 'header says 256 bytes' run bare68k trunc.prg
{ hdr 0xfffffffe 0xfffffffe 0 0xffffffff; nops 16; } >huge.prg
run prg_huge_sizes 1 'header says' run bare68k huge.prg
{ hdr 0x10 0 0x7ffffff0 0 1; nops 16; } >bigbss.prg
run prg_bss_too_big 1 'do not fit' run bare68k bigbss.prg
{ hdr 0x11 0 0 0 1; nops 18; } >odd.prg
run prg_odd_size 1 'odd text or data size' run bare68k odd.prg
{ hdr 0x10 0 0 0; nops 16; printf '\000\000\001\000'; } >relout.prg
run prg_reloc_outside 1 'relocation at offset \$100 is outside' run bare68k relout.prg
{ hdr 0x10 0 0 0; nops 16; printf '\000\000\000\002\002\002'; } >relend.prg
run prg_reloc_unterminated 1 'relocation table runs past the end' run bare68k relend.prg
{ hdr 0x10 0 0 0; nops 16; printf '\000\000'; } >reltrunc.prg
run prg_reloc_truncated 1 'truncated relocation table' run bare68k reltrunc.prg
{ hdr 0x10 0 0 0; nops 16; printf '\000\000\000\003'; } >relodd.prg
run prg_reloc_odd 1 'outside the program' run bare68k relodd.prg
run prg_missing 1 'no-such-file.prg' run bare68k no-such-file.prg
long=$(printf '%0130d' 0)
run prg_long_tail 1 'longer than 124' run bare68k tail.prg "$long"
{ hdr 0x10 0 0x10000 0 1; nops 16; } >bss64k.prg
run prg_small_ram 1 'do not fit in 64 KiB' run bare68k --ram 65536 bss64k.prg
run prg_and_start 1 'does not go with a GEMDOS program' run bare68k --start 0x1000 hello.prg

# --- bad options -----------------------------------------------------------
run nothing 1 'nothing to run' run bare68k
run load_no_at 1 'FILE@ADDR' run bare68k --load raw.bin
run load_bad_addr 1 'not an address' run bare68k --load raw.bin@zzz
run load_past_ram 1 'not an address' run bare68k --load raw.bin@0x1000000
run load_past_end 1 'run past the end of RAM' run bare68k --ram 65536 --load raw.bin@0xfff0
run load_missing 1 'nope.bin' run bare68k --load nope.bin@0
: >empty.bin
run load_empty 1 'empty' run bare68k --load empty.bin@0
run ram_not_pow2 1 '--ram must be a power of two' run bare68k --ram 100000 --load raw.bin@0
run ram_too_big 1 '--ram must be a power of two' run bare68k --ram 33554432 --load raw.bin@0
run ram_not_number 1 'ram' run bare68k --ram lots --load raw.bin@0
run start_odd 1 'is odd' run bare68k --load raw.bin@0 --start 0x1001

exit $fail
