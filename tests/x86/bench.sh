#!/bin/sh
# CPU-bound benchmark on bare86 (unthrottled): sieve, copy/checksum and a
# multiply/divide/shift mix. Prints each program's result, emulated
# instructions and cycles, and instructions and cycles per host second.
# usage: bench.sh FDX ROMS_DIR WORK_DIR [ITER-SCALE]
# Host instructions per emulated instruction (the figure the project
# tracks) come from callgrind; see docs/x86.md.
set -eu
FDX=$1; ROMS=$2; WORK=$3
mkdir -p "$WORK"
# expected results: 1899 primes; checksum and mix values from this core,
# checked by hand for the sieve (1899 primes below 16384 among odd numbers)
for pe in sieve:076B copysum:4041 muldiv:CEB3; do
    p=${pe%%:*}; want=${pe#*:}
    nasm -f bin -o "$WORK/$p.bin" "$ROMS/$p.asm"
    t0=$(date +%s%N)
    out=$("$FDX" run bare86 --load "$WORK/$p.bin@0000:0100" --stats 2>"$WORK/$p.stats")
    t1=$(date +%s%N)
    ins=$(sed -n 's/^instructions //p' "$WORK/$p.stats")
    cyc=$(sed -n 's/^cycles //p' "$WORK/$p.stats")
    ns=$((t1 - t0)); [ "$ns" -gt 0 ] || ns=1
    echo "$p: result $out, $ins instructions, $cyc cycles, $((ins * 1000 / (ns / 1000000 + 1))) instr/s, $((cyc * 1000 / (ns / 1000000 + 1))) cycles/s (x$((cyc * 1000 / (ns / 1000000 + 1) / 4772727)) of a 4.77 MHz 8088)"
    [ -n "$ins" ] && [ "$ins" -gt 0 ]
    [ "$out" = "$want" ] || { echo "FAIL $p: result $out, expected $want"; exit 1; }
done
