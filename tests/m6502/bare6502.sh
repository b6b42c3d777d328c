#!/bin/sh
# bare6502 / bare65c02: --load, --start, the reset vector, the stops
# (--stop-on-loop, JAM, STP, --max-cycles) and --stats, on tiny programs
# written here byte by byte (cycle counts from the data sheets).
#
# usage: bare6502.sh FDX WORKDIR
set -u
fdx=$1
work=$2/bare6502
rm -rf "$work"
mkdir -p "$work" || exit 1
cd "$work" || exit 1
fails=0

# expect NAME WANT-STATS CMD...: exit 0 and --stats (stderr) exactly WANT
expect() {
    name=$1 want=$2
    shift 2
    "$@" --stats >out.txt 2>err.txt </dev/null
    rc=$?
    printf '%s\n' "$want" >want.txt
    if [ $rc != 0 ]; then
        echo "FAIL $name: exit code $rc: $(cat err.txt)"
        fails=$((fails + 1))
    elif ! cmp -s want.txt err.txt; then
        echo "FAIL $name: --stats differ (< wanted, > got):"
        diff want.txt err.txt
        fails=$((fails + 1))
    else
        echo "ok $name"
    fi
}

# LDA #$42; LDX #$17; JMP * : 2 + 2 + 3 cycles, stops on the JMP to itself
printf '\251\102\242\027\114\004\002' >loop.bin
expect "stop-on-loop (JMP)" "A=42 X=17 Y=00 S=fd PC=0204 P=24 [nv-bdIzc]
instructions 3
cycles 7" "$fdx" run bare6502 --load loop.bin@0x0200 --start 0x0200 --stop-on-loop

# SEC; BCS * : a branch to itself (2 + 3 cycles)
printf '\070\260\376' >bloop.bin
expect "stop-on-loop (branch)" "A=00 X=00 Y=00 S=fd PC=0201 P=25 [nv-bdIzC]
instructions 2
cycles 5" "$fdx" run bare6502 --load bloop.bin@0x0200 --start 0x0200 --stop-on-loop

# without --stop-on-loop the same loop runs to --max-cycles (the run stops at
# the first instruction boundary at or after it: 2 + 3k >= 100 -> 101)
expect "max-cycles" "A=00 X=00 Y=00 S=fd PC=0201 P=25 [nv-bdIzC]
instructions 34
cycles 101" "$fdx" run bare6502 --load bloop.bin@0x0200 --start 0x0200 --max-cycles 100

# the reset vector: 7 reset cycles, then LDY #$99 (2), JAM (stops, 3 cycles
# as the test data has it); two loads, the vector last
printf '\240\231\002' >jam.bin
printf '\000\003' >vec.bin
expect "reset vector + JAM" "A=00 X=00 Y=99 S=fd PC=0302 P=a4 [Nv-bdIzc]
instructions 2
cycles 12" "$fdx" run bare6502 --load jam.bin@0x0300 --load vec.bin@0xFFFC

# a later --load overwrites an earlier one
printf '\240\001\002' >jam1.bin
expect "loads in order" "A=00 X=00 Y=01 S=fd PC=0302 P=24 [nv-bdIzc]
instructions 2
cycles 12" "$fdx" run bare6502 --load jam.bin@0x0300 --load jam1.bin@0x0300 --load vec.bin@0xFFFC

# 65C02: LDA #$41, INC A, STP (the NMOS 6502 has no INC A: $1A is a NOP there)
printf '\251\101\032\333' >cmos.bin
expect "bare65c02 STP" "A=42 X=00 Y=00 S=fd PC=0203 P=24 [nv-bdIzc]
instructions 3
cycles 7" "$fdx" run bare65c02 --load cmos.bin@0x0200 --start 0x0200
printf '\251\101\032\002' >nmos.bin
expect "bare6502 NOP \$1A" "A=41 X=00 Y=00 S=fd PC=0203 P=24 [nv-bdIzc]
instructions 3
cycles 7" "$fdx" run bare6502 --load nmos.bin@0x0200 --start 0x0200

# the built-in demo (the sieve once): 1899 primes = $076B in X:A
expect "demo" "A=6b X=07 Y=00 S=ff PC=02a1 P=25 [nv-bdIzC]
instructions 403722
cycles 1202612" "$fdx" run bare6502 --demo

# a save state taken half way resumes to the same end: the second run loads
# only the JAM program, so it gets there only through the state
"$fdx" run bare6502 --demo --max-cycles 500000 --state-out demo.state >/dev/null 2>&1
expect "state round trip" "A=6b X=07 Y=00 S=ff PC=02a1 P=25 [nv-bdIzC]
instructions 403722
cycles 1202612" "$fdx" run bare6502 --load jam.bin@0x0300 --start 0x0300 --stop-on-loop --state-in demo.state

if [ $fails != 0 ]; then
    echo "$fails bare6502 case(s) failed"
    exit 1
fi
echo "all bare6502 cases ok"
