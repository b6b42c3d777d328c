#!/bin/sh
# The long fuzz runs (README "Reliability"): fuzzes each target in chunks
# until it has executed EXECS inputs in all, keeping its corpus between
# chunks (and between sessions) in DIR/<target>/ and a line per chunk in
# DIR/<target>.runs: "seed executions cov features corpus_size exit".
#   long_run.sh BUILD TESTDATA DIR EXECS [TARGET...]
#   long_run.sh --report DIR      (executions so far, per target)
# BUILD is a -DFDX_FUZZ=ON build (any optimisation level; sanitizers on).
# Stops at the first crash: the input is in DIR/crashes/. CHUNK (seconds,
# default 900) bounds one libFuzzer process; its seed is random. TIMEOUT
# (seconds, default 20) is the time one input may take: larger on a busy
# machine, where a process at low priority can wait that long for the CPU.
# Then replay the corpora through a gcc ASan+UBSan build, for the checks
# the fuzz build leaves out: run_fuzz.sh --replay build-asan TESTDATA DIR.
set -u

total() { awk '{ n += $2 } END { print n + 0 }' "$dir/$1.runs" 2>/dev/null || echo 0; }

if [ "${1:-}" = --report ]; then
    dir=$2
    printf '%-22s %12s %7s %6s %7s\n' target executions chunks cov corpus
    for f in "$dir"/*.runs; do
        t=$(basename "$f" .runs)
        printf '%-22s %12s %7s %6s %7s\n' "$t" "$(total "$t")" "$(wc -l < "$f")" \
            "$(tail -1 "$f" | cut -d' ' -f3)" "$(ls "$dir/$t" 2>/dev/null | wc -l)"
    done
    exit 0
fi

build=$(cd "$1" && pwd) testdata=$2 dir=$3 want=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
chunk=${CHUNK:-900}
mkdir -p "$dir/crashes" "$dir/seeds" || exit 1
dir=$(cd "$dir" && pwd)
"$build/fuzz/make_seeds" "$dir/seeds" "$here/../.." "$testdata" >/dev/null || { echo "FAIL make_seeds"; exit 1; }
list=${*:-$(for t in "$build"/fuzz/fuzz_*; do [ -x "$t" ] && basename "$t"; done)}
# the loaders write every input to a file: in memory, not on the disk
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi

for t in $list; do
    mkdir -p "$dir/$t"
    touch "$dir/$t.runs"
    while [ "$(total "$t")" -lt "$want" ]; do
        left=$((want - $(total "$t")))
        extra=""
        [ -d "$dir/seeds/$t" ] && extra="$extra $dir/seeds/$t"
        [ -d "$here/regressions/$t" ] && extra="$extra $here/regressions/$t"
        log="$dir/$t.log"
        # -reload=0: one process per corpus, so rereading it (every second,
        # a stat of each of thousands of files) finds nothing new
        # shellcheck disable=SC2086
        "$build/fuzz/$t" -runs="$left" -max_total_time="$chunk" -seed=0 -reload=0 -timeout="${TIMEOUT:-20}" -rss_limit_mb=4096 \
            -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$dir/crashes/$t-" \
            "$dir/$t" $extra > "$log" 2>&1
        rc=$?
        seed=$(sed -n 's/^INFO: Seed: //p' "$log" | head -1)
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
        ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
        echo "${seed:-?} ${runs:-0} ${cov:-?} ${ft:-?} $(ls "$dir/$t" | wc -l) $rc" >> "$dir/$t.runs"
        if [ "$rc" != 0 ]; then
            echo "FAIL $t: exit $rc, log $log"
            grep -m5 -E 'ERROR|SUMMARY|runtime error' "$log"
            exit 1
        fi
    done
    printf '%-22s %12s executions in %3s chunks, cov %s\n' "$t" "$(total "$t")" \
        "$(wc -l < "$dir/$t.runs")" "$(tail -1 "$dir/$t.runs" | cut -d' ' -f3)"
done
