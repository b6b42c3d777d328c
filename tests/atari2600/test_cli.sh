#!/bin/sh
# The atari2600 machine from the command line: headless runs with
# screenshots, state round trips, fdx info, and bad input (clear errors, no
# hangs, no crashes). Usage: test_cli.sh FDX ROMS_DIR
set -u
fdx=$1
roms=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() { timeout 60 "$fdx" "$@"; }

# the demo, with and without --demo
run run atari2600 --headless --frames 30 --screenshot "$tmp/a.png" >/dev/null 2>&1 && [ -s "$tmp/a.png" ] && ok || bad "demo screenshot"
run run atari2600 --demo --frames 30 --screenshot "$tmp/b.png" >/dev/null 2>&1 && cmp -s "$tmp/a.png" "$tmp/b.png" && ok || bad "--demo differs from the default"

# state round trip: 40 frames straight = 20 + 20 through a state file
for cart in "$roms/tests/t_e7.bin" "$roms/tests/t_fe.bin" "$roms/tests/t_audio.bin" "$roms/tests/t_dpcmusic.bin" ""; do
    run run atari2600 $cart --frames 40 --screenshot "$tmp/s1.png" >/dev/null 2>&1 || bad "run $cart"
    run run atari2600 $cart --frames 20 --state-out "$tmp/st" >/dev/null 2>&1 || bad "state-out $cart"
    run run atari2600 $cart --frames 20 --state-in "$tmp/st" --screenshot "$tmp/s2.png" >/dev/null 2>&1 || bad "state-in $cart"
    cmp -s "$tmp/s1.png" "$tmp/s2.png" && ok || bad "state round trip of ${cart:-the demo}"
done
# a state of another cartridge is refused
run run atari2600 "$roms/tests/t_f8.bin" --frames 2 --state-in "$tmp/st" >/dev/null 2>"$tmp/err" && bad "foreign state accepted" || ok
grep -q "state" "$tmp/err" && ok || bad "foreign state message: $(cat "$tmp/err")"

# fdx info names the scheme
"$fdx" info "$roms/tests/t_e0.bin" | grep -q "atari2600.*e0" && ok || bad "info e0"
"$fdx" info "$roms/tests/t_f8sc.bin" | grep -q "atari2600.*f8sc" && ok || bad "info f8sc"

# DPC: the 10495-byte image (with the generator's 255 bytes) and the plain
# 10240 bytes are both recognised and give the same picture
head -c 10240 "$roms/tests/t_dpc.bin" > "$tmp/dpc10k.bin"
"$fdx" info "$roms/tests/t_dpc.bin" | grep -q "atari2600.*dpc" && ok || bad "info dpc 10495"
"$fdx" info "$tmp/dpc10k.bin" | grep -q "atari2600.*dpc" && ok || bad "info dpc 10240"
run run atari2600 "$roms/tests/t_dpc.bin" --frames 10 --screenshot "$tmp/d1.png" >/dev/null 2>&1 || bad "run dpc 10495"
run run atari2600 "$tmp/dpc10k.bin" --frames 10 --screenshot "$tmp/d2.png" >/dev/null 2>&1 || bad "run dpc 10240"
[ -s "$tmp/d1.png" ] && cmp -s "$tmp/d1.png" "$tmp/d2.png" && ok || bad "dpc 10240 and 10495 differ"

# bad input: clear one-line errors
expect_error() { # what pattern args...
    what=$1 pat=$2
    shift 2
    run run atari2600 "$@" --frames 5 >/dev/null 2>"$tmp/err"
    rc=$?
    if [ $rc -eq 0 ] || [ $rc -ge 124 ]; then bad "$what: exit $rc"; return; fi
    grep -q "$pat" "$tmp/err" && [ "$(wc -l < "$tmp/err")" -eq 1 ] && ok || bad "$what: $(cat "$tmp/err")"
}
head -c 5000 /dev/urandom > "$tmp/odd.bin"
: > "$tmp/empty.a26"
head -c 100 /dev/zero > "$tmp/small.bin"
expect_error "odd size" "not an Atari 2600 cartridge size" "$tmp/odd.bin"
expect_error "empty file" "not an Atari 2600 cartridge size" "$tmp/empty.a26"
expect_error "forced type, wrong size" "f8 cartridge has 8192 bytes" --cart-type f8 "$tmp/small.bin"
expect_error "missing file" "$tmp/nothere.bin" "$tmp/nothere.bin"
expect_error "a directory" "$tmp" "$tmp"
expect_error "two carts" "one cartridge" "$roms/tests/t_f8.bin" "$roms/tests/t_f6.bin"
expect_error "bad type" "cart-type" --cart-type zz "$roms/tests/t_f8.bin"
expect_error "dpc, wrong size" "dpc cartridge has 10240 bytes" --cart-type dpc "$roms/tests/t_f8.bin"
expect_error "dpc oscillator" "dpc-hz" --dpc-hz 5 "$roms/tests/t_dpc.bin"

# garbage that runs: no hang, frames still come (black but responsive)
head -c 4096 /dev/zero > "$tmp/brk.bin"          # BRK forever
run run atari2600 "$tmp/brk.bin" --frames 50 >/dev/null 2>&1 && ok || bad "all-zero cart"
printf '\002' > "$tmp/jam1"; head -c 4095 /dev/zero >> "$tmp/jam1"   # JAM at $F000? vector is $0000
head -c 4096 /dev/zero | tr '\000' '\002' > "$tmp/jam.bin"          # JAM everywhere
run run atari2600 "$tmp/jam.bin" --frames 50 --screenshot "$tmp/j.png" >/dev/null 2>&1 && [ -s "$tmp/j.png" ] && ok || bad "JAM cart"
# WSYNC forever: 85 02 4C 00 F0 (sta WSYNC; jmp $F000), vectors to $F000
{ printf '\205\002\114\000\360'; head -c 4085 /dev/zero; printf '\000\360\000\360\000\360'; } > "$tmp/wsync.bin"
run run atari2600 "$tmp/wsync.bin" --frames 50 >/dev/null 2>&1 && ok || bad "WSYNC forever"
head -c 32768 /dev/urandom > "$tmp/rnd.bin"
run run atari2600 "$tmp/rnd.bin" --frames 50 >/dev/null 2>&1 && ok || bad "random 32K cart"

echo "$pass passed, $fails failed"
[ $fails -eq 0 ]
