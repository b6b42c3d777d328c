#!/bin/sh
# CPU-bound benchmark on bare86 (unthrottled): sieve, copy/checksum and a
# multiply/divide/shift mix. Prints each program's result, emulated
# instructions and cycles, and instructions and cycles per host second.
# usage: bench.sh FDX ROMS_DIR WORK_DIR [--callgrind]
# --callgrind instead prints host instructions per emulated instruction on
# the sieve (the figure the project tracks), counted with valgrind's
# callgrind over two run lengths (10 and 50 passes) so start-up cancels out.
set -eu
FDX=$1; ROMS=$2; WORK=$3
mkdir -p "$WORK"
if [ "${4:-}" = --callgrind ]; then
    count() { sed -n 's/^instructions //p' "$1"; }
    host() { callgrind_annotate "$1" 2>/dev/null | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,; }
    for n in 10 50; do
        nasm -f bin -DITER=$n -o "$WORK/sieve$n.bin" "$ROMS/sieve.asm"
        valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.$n" \
            "$FDX" run bare86 --load "$WORK/sieve$n.bin@0000:0100" --stats >/dev/null 2>"$WORK/sieve$n.stats"
    done
    di=$(($(count "$WORK/sieve50.stats") - $(count "$WORK/sieve10.stats")))
    dir=$(($(host "$WORK/cg.50") - $(host "$WORK/cg.10")))
    echo "sieve: $di instructions, $dir host instructions: $(echo "scale=1; $dir / $di" | bc) host per emulated instruction"
    exit 0
fi
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
