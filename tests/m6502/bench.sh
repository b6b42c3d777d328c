#!/bin/sh
# 6502 benchmark: runs the CPU-bound programs roms/m6502/sieve.s (the BYTE
# sieve, 1899 primes) and roms/m6502/memsum.s (16 KiB fill, copy, checksum)
# on bare6502 unthrottled, checks their results, and prints emulated
# instructions and cycles per second (wall clock, host dependent).
#
# --callgrind: also counts host instructions per emulated instruction with
# valgrind --tool=callgrind: each program runs twice (ITER=1 and ITER=5) and
# the difference of the two totals is divided by the difference of the
# emulated instruction counts, so start-up and loading cancel out.
#
# usage: sh tests/m6502/bench.sh [--callgrind] [--iter N] [FDX]
#   FDX defaults to build/fdx; ITER (default 20) sets the wall-clock run length.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
roms=$here/../../roms/m6502
fdx=build/fdx
callgrind=0
iter=20
while [ $# -gt 0 ]; do
    case $1 in
    --callgrind) callgrind=1; shift ;;
    --iter) iter=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "bench.sh: unknown option '$1'" >&2; exit 2 ;;
    *) fdx=$1; shift ;;
    esac
done
[ -x "$fdx" ] || { echo "bench.sh: no fdx binary at '$fdx' (give its path)" >&2; exit 2; }
case $iter in ''|*[!0-9]*|0) echo "bench.sh: --iter wants a positive number" >&2; exit 2 ;; esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$roms/sieve.s" "$roms/memsum.s" "$roms/bare.cfg" "$tmp/"

# build NAME ITER: assembles $tmp/NAME-ITER.bin
build() {
    (cd "$tmp" && cl65 -t none -C bare.cfg --asm-define "ITER=$2" -o "$1-$2.bin" "$1.s" >/dev/null)
}

# run NAME ITER [wrapper...]: runs it; leaves --stats in $tmp/stats
run() {
    name=$1 it=$2
    shift 2
    "$@" "$fdx" run bare6502 --load "$tmp/$name-$it.bin@0x0200" --start 0x0200 --stop-on-loop --stats \
        >"$tmp/out" 2>"$tmp/stats"
}

stat() { # stat KEY: a number from $tmp/stats
    sed -n "s/^$1 \([0-9]*\)$/\1/p" "$tmp/stats"
}

# check NAME: the program's answer is in A (low) and X (high)
check() {
    regs=$(grep '^A=' "$tmp/stats")
    a=$(echo "$regs" | sed 's/.*A=\([0-9a-f]*\).*/\1/')
    x=$(echo "$regs" | sed 's/.* X=\([0-9a-f]*\).*/\1/')
    got=$((0x$x * 256 + 0x$a))
    case $1 in
    sieve) want=1899 ;;
    memsum) want=$(( (57344 * $2) % 65536 )) ;; # each pass sums to $E000
    esac
    if [ "$got" != "$want" ]; then
        echo "bench.sh: $1 ITER=$2 answered $got, expected $want" >&2
        exit 1
    fi
}

now_ns() { date +%s%N; }

echo "fdx 6502 benchmark: bare6502, $fdx"
for name in sieve memsum; do
    build "$name" "$iter"
    t0=$(now_ns)
    run "$name" "$iter"
    t1=$(now_ns)
    check "$name" "$iter"
    ins=$(stat instructions)
    cyc=$(stat cycles)
    ns=$((t1 - t0))
    [ "$ns" -gt 0 ] || ns=1
    ips=$((ins * 1000000000 / ns))
    cps=$((cyc * 1000000000 / ns))
    printf '%-7s ITER=%-3s %10s instructions %11s cycles %6s ms  %5s.%02u M instructions/s  %5s.%02u MHz\n' \
        "$name" "$iter" "$ins" "$cyc" "$((ns / 1000000))" "$((ips / 1000000))" "$((ips % 1000000 / 10000))" \
        "$((cps / 1000000))" "$((cps % 1000000 / 10000))"
done

if [ $callgrind = 1 ]; then
    command -v valgrind >/dev/null || { echo "bench.sh: --callgrind needs valgrind" >&2; exit 2; }
    echo "host instructions per emulated instruction (valgrind --tool=callgrind, ITER=5 minus ITER=1):"
    for name in sieve memsum; do
        for it in 1 5; do
            build "$name" "$it"
            run "$name" "$it" valgrind --tool=callgrind --callgrind-out-file="$tmp/cg-$it"
            check "$name" "$it"
            eval "ins_$it=\$(stat instructions)"
            eval "ir_$it=\$(sed -n 's/^summary: \([0-9]*\).*/\1/p' \"\$tmp/cg-$it\")"
        done
        # shellcheck disable=SC2154
        dins=$((ins_5 - ins_1))
        # shellcheck disable=SC2154
        dir=$((ir_5 - ir_1))
        per100=$((dir * 100 / dins))
        printf '%-7s %s host instructions / %s emulated = %s.%02u per instruction\n' "$name" "$dir" "$dins" \
            "$((per100 / 100))" "$((per100 % 100))"
    done
fi
