#!/bin/sh
# Bad input for the 6502 family: truncated, empty and oversized binaries,
# loads past 64 KiB, malformed --load/--start, unknown options, programs
# that halt, and malformed SingleStepTests files. Each must give a clear
# one-line error and a non-zero exit code, never a crash (a signal).
#
# usage: bad_input.sh FDX WORKDIR
set -u
fdx=$1
work=$2/bad_input
rm -rf "$work"
mkdir -p "$work" || exit 1
cd "$work" || exit 1
fails=0

# files -------------------------------------------------------------------
: >empty.bin
printf '\352\352' >two.bin                               # NOP NOP
head -c 65537 /dev/zero >big.bin                         # one byte too many
head -c 65536 /dev/zero >full.bin                        # exactly 64 KiB: fine
head -c 70000 /dev/zero >huge.bin
printf 'sim65\002\000\004\000\002\000\002' >hdronly.prg  # header, no body
printf 'sim6' >short.prg                                 # shorter than a header
printf 'sim65\002\000\004\000\002\000\002\352\352' >trunc.prg
printf 'sim65\002\000\004\000\002\000\003\352' >startout.prg # start after the body
printf 'sim65\001\000\004\000\002\000\002\352' >oldver.prg
printf 'sim65\002\007\004\000\002\000\002\352' >badcpu.prg
printf 'sim65\002\001\004\000\002\000\002\352' >cmos.prg # a 65C02 program
printf 'sim65\002\000\004\000\002\000\002\002' >jam.prg  # JAM at the start
printf 'sim65\002\001\004\000\002\000\002\333' >stp.prg  # STP at the start
{ printf 'sim65\002\000\004\000\002\000\002'; head -c 65400 /dev/zero; } >bigsim.prg
printf 'hello, world\n' >text.prg

# expect_err WANT CMD...: non-zero exit without a signal, one line on
# stderr that contains WANT
expect_err() {
    want=$1
    shift
    "$@" >out.txt 2>err.txt </dev/null
    rc=$?
    lines=$(wc -l <err.txt)
    if [ $rc = 0 ] || [ $rc -ge 128 ]; then
        echo "FAIL: $*: exit code $rc"
        fails=$((fails + 1))
    elif [ "$lines" != 1 ]; then
        echo "FAIL: $*: $lines lines on stderr, expected 1:"
        head -n 5 err.txt
        fails=$((fails + 1))
    elif ! grep -qF -- "$want" err.txt; then
        echo "FAIL: $*: stderr '$(cat err.txt)' does not say '$want'"
        fails=$((fails + 1))
    else
        echo "ok: $* -> $(cat err.txt) (exit $rc)"
    fi
}

# expect_sst WANT FILE: a malformed test file fails cleanly: exit 1, a FAIL
# line with WANT and the summary line
expect_sst() {
    want=$1
    "$fdx" sst --cpu 6502 "$2" >out.txt 2>err.txt
    rc=$?
    if [ $rc != 1 ] || ! grep -qF -- "$want" out.txt || ! grep -q '^0 passed, 1 failed$' out.txt; then
        echo "FAIL: fdx sst --cpu 6502 $2: exit $rc, output:"
        head -n 5 out.txt err.txt
        fails=$((fails + 1))
    else
        echo "ok: fdx sst $2 -> $(head -n 1 out.txt) (exit $rc)"
    fi
}

# bare6502 ------------------------------------------------------------------
expect_err "run past \$FFFF" "$fdx" run bare6502 --load two.bin@0xFFFF
expect_err "run past \$FFFF" "$fdx" run bare6502 --load full.bin@1
expect_err "empty" "$fdx" run bare6502 --load empty.bin@0x0200
expect_err "too large" "$fdx" run bare6502 --load big.bin@0
expect_err "FILE@ADDR" "$fdx" run bare6502 --load two.bin
expect_err "FILE@ADDR" "$fdx" run bare6502 --load two.bin@
expect_err "FILE@ADDR" "$fdx" run bare6502 --load @0x0200
expect_err "not an address" "$fdx" run bare6502 --load two.bin@zz
expect_err "not an address" "$fdx" run bare6502 --load two.bin@0x10000
expect_err "not an address" "$fdx" run bare6502 --load two.bin@-1
expect_err "No such file" "$fdx" run bare6502 --load missing.bin@0x0200
expect_err "past \$FFFF" "$fdx" run bare6502 --load two.bin@0 --start 0x10000
expect_err "start" "$fdx" run bare6502 --load two.bin@0 --start nowhere
expect_err "nothing to run" "$fdx" run bare6502
expect_err "no option --bogus" "$fdx" run bare6502 --bogus --load two.bin@0
expect_err "no file arguments" "$fdx" run bare65c02 --load two.bin@0 extra.bin
expect_err "on or off" "$fdx" run bare6502 --stop-on-loop=maybe --load two.bin@0
expect_err "max-cycles" "$fdx" run bare6502 --max-cycles lots --load two.bin@0
# a full 64 KiB image is not an error
if "$fdx" run bare6502 --load full.bin@0 --max-cycles 100 >/dev/null 2>err.txt; then
    echo "ok: a 64 KiB image at 0 loads"
else
    echo "FAIL: a 64 KiB image at 0: $(cat err.txt)"
    fails=$((fails + 1))
fi

# sim6502 / sim65c02 ---------------------------------------------------------
expect_err "truncated" "$fdx" run sim6502 hdronly.prg
expect_err "not a sim65 program" "$fdx" run sim6502 short.prg
expect_err "not a sim65 program" "$fdx" run sim6502 empty.bin
expect_err "not a sim65 program" "$fdx" run sim6502 text.prg
expect_err "outside the program" "$fdx" run sim6502 startout.prg
expect_err "version 1" "$fdx" run sim6502 oldver.prg
expect_err "unknown CPU type 7" "$fdx" run sim6502 badcpu.prg
expect_err "run it with sim65c02" "$fdx" run sim6502 cmos.prg
expect_err "run it with sim6502" "$fdx" run sim65c02 trunc.prg
expect_err "run past" "$fdx" run sim6502 bigsim.prg
expect_err "too large" "$fdx" run sim6502 huge.bin
expect_err "No such file" "$fdx" run sim6502 missing.prg
expect_err "which program" "$fdx" run sim6502
expect_err "no option --bogus" "$fdx" run sim6502 --bogus trunc.prg
expect_err "halted: JAM (\$02) at \$0200" "$fdx" run sim6502 jam.prg
expect_err "halted: STP (\$DB) at \$0200" "$fdx" run sim65c02 stp.prg
"$fdx" run sim6502 jam.prg >/dev/null 2>&1
rc=$?
if [ $rc = 127 ]; then echo "ok: a JAM exits with 127"; else echo "FAIL: a JAM exits with $rc"; fails=$((fails + 1)); fi

# fdx sst -----------------------------------------------------------------
printf '[{"name":"x", "initial": {' >cut.json
printf '{"a": 1}' >object.json
printf 'not json at all' >text.json
printf '[{"name": "a9 1", "initial": {"pc": "x"}}]' >badpc.json
printf '\037\213\010\000junk that is not deflate data at all' >junk.json.gz # gzip magic, then junk
printf '\001\002\003binary\377\376' >binary.json
printf '[{"name":"a9 00 00","initial":{"pc":512,"s":253,"a":0,"x":0,"y":0,"p":36,"ram":[[512,169],[513,0]]},' >t.head
printf '"final":{"pc":514,"s":253,"a":0,"x":0,"y":0,"p":38,"ram":[[512,169],[513,0]]},' >>t.head
cp t.head ok.json
printf '"cycles":[[512,169,"read"],[513,0,"read"]]}]' >>ok.json
cp t.head badkind.json
printf '"cycles":[[512,169,"read"],[513,0,"fetch"]]}]' >>badkind.json
cp t.head badaddr.json
printf '"cycles":[[512,169,"read"],[70000,0,"read"]]}]' >>badaddr.json
cp t.head shortcyc.json
printf '"cycles":[[512,169,"read"],[513,0]]}]' >>shortcyc.json
sed 's/\[513,0\]\]},"final"/[513,0],[70000,1]]},"final"/' ok.json >badram.json
gzip -c ok.json | head -c 60 >cut.json.gz
# the hand-made test itself must pass, or the others prove nothing
if "$fdx" sst --cpu 6502 ok.json >out.txt 2>&1 && grep -q '^1 passed, 0 failed$' out.txt; then
    echo "ok: the hand-made SST test passes"
else
    echo "FAIL: the hand-made SST test:"
    cat out.txt
    fails=$((fails + 1))
fi
expect_sst "not valid JSON" cut.json
expect_sst "not valid JSON" text.json
expect_sst "not a JSON array" object.json
expect_sst "malformed test" badpc.json
expect_sst "damaged gzip data" junk.json.gz
expect_sst "not valid JSON" binary.json
expect_sst "cut.json.gz" cut.json.gz
expect_sst "malformed test: cycle 1" badkind.json
expect_sst "malformed test: cycle 1" badaddr.json
expect_sst "malformed test: cycle 1" shortcyc.json
expect_sst "malformed test" badram.json
expect_sst "no such file" missing.json
expect_err "no test runner" "$fdx" sst --cpu z80 ok.json

if [ $fails != 0 ]; then
    echo "$fails bad-input case(s) failed"
    exit 1
fi
echo "all bad-input cases ok"
