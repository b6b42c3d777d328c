#!/bin/sh
# Runs the fuzz targets of a build.
#   run_fuzz.sh --replay BUILD TESTDATA [CORPORA]
#       (any build) makes the seed corpora and runs every seed and every
#       input in tests/fuzz/regressions/<target>/ once through each target,
#       and every input in CORPORA/<target>/ (the corpora of fuzz runs) if
#       given. The fuzz build leaves out UBSan's alignment and pointer-overflow
#       checks (CMakeLists.txt); a gcc ASan+UBSan build replaying the corpora
#       makes them.
#   run_fuzz.sh --fuzz BUILD TESTDATA SECONDS [TARGET...]
#       (a -DFDX_FUZZ=ON build) fuzzes each target, two at a time, for the
#       number of executions ci_runs.txt gives it (about 20 s each), or
#       SECONDS if that comes first; the corpus is kept in
#       BUILD/fuzz-corpus/<target>, crashes go to BUILD/fuzz-crashes/.
#       Prints executions per target; fails on any crash, leak, timeout or
#       sanitizer report. With a fixed count and a fixed seed (FDX_FUZZ_SEED,
#       default 1) a run tries the same inputs on every machine, however
#       fast, so CI passes where a run here passed. FDX_FUZZ_SEED=0 lets
#       libFuzzer pick a seed and FDX_FUZZ_RUNS=0 drops the count (longer,
#       exploring runs: then SECONDS alone bounds each target).
set -u
mode=$1 build=$(cd "$2" && pwd) testdata=$3 corpora=
[ "$mode" = --replay ] && [ $# -ge 4 ] && corpora=$(cd "$4" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
seeds=$build/fuzz-seeds
rm -rf "$seeds"
"$build/fuzz/make_seeds" "$seeds" "$here/../.." "$testdata" >/dev/null || { echo "FAIL make_seeds"; exit 1; }

targets() {
    for t in "$build"/fuzz/fuzz_*; do [ -x "$t" ] && basename "$t"; done
}

case "$mode" in
--replay)
    status=0 n=0 inputs=0
    for t in $(targets); do
        dirs=""
        [ -d "$seeds/$t" ] && dirs="$seeds/$t"
        [ -d "$here/regressions/$t" ] && dirs="$dirs $here/regressions/$t"
        if [ -z "$dirs" ]; then echo "FAIL $t has no seeds"; status=1; continue; fi
        [ -n "$corpora" ] && [ -d "$corpora/$t" ] && dirs="$dirs $corpora/$t"
        # shellcheck disable=SC2086
        if out=$("$build/fuzz/$t" $dirs 2>&1 >"$build/fuzz-replay.out" </dev/null); then
            n=$((n + 1))
            ran=$(sed -n 's/^\([0-9]*\) inputs ran$/\1/p' "$build/fuzz-replay.out" | tail -1)
            inputs=$((inputs + ${ran:-0}))
        else
            echo "FAIL $t:"; echo "$out" | tail -20; status=1
        fi
    done
    echo "$n targets replayed their seeds and regressions${corpora:+ and the corpora in $corpora}: $inputs inputs"
    exit $status ;;
--fuzz)
    secs=$4; shift 4
    list=${*:-$(targets)}
    mkdir -p "$build/fuzz-corpus" "$build/fuzz-crashes" "$build/fuzz-logs"
    seed=${FDX_FUZZ_SEED:-1}
    # The same inputs on every machine also need the same addresses (libFuzzer
    # keys what it learns from comparisons by code address: no ASLR), no
    # corpus reloads (timed) and work files under one name.
    norand=""
    setarch -R true 2>/dev/null && norand="setarch -R"
    export norand
    # work files in memory where there is /dev/shm: on a disk, writing every
    # input made most targets several times slower (the directory name
    # reaches the code under test: runs with the other one may differ)
    work=/tmp
    [ -d /dev/shm ] && [ -w /dev/shm ] && work=/dev/shm
    export work
    for t in $list; do
        runs=$(sed -n "s/^$t  *\([0-9][0-9]*\)$/\1/p" "$here/ci_runs.txt")
        [ -n "$runs" ] || { echo "FAIL $t has no line in tests/fuzz/ci_runs.txt" >&2; continue; }
        [ "${FDX_FUZZ_RUNS:-}" = 0 ] && runs=-1
        echo "$t $runs"
    done | xargs -P 2 -L 1 sh -c '
        t=$6; runs=$7; build=$1; seeds=$2; here=$3; secs=$4; seed=$5
        mkdir -p "$build/fuzz-corpus/$t"
        extra=""
        [ -d "$here/regressions/$t" ] && extra="$here/regressions/$t"
        # the seeds as a list in name order: libFuzzer orders them by size, and
        # files of one size in the order given (the order of a directory varies)
        inputs=$(ls -d "$seeds/$t"/* ${extra:+"$extra"/*} 2>/dev/null | LC_ALL=C sort | tr "\n" "," | sed "s/,\$//")
        rm -rf "$work/fdx-fuzz-$t"
        FDX_FUZZ_WORKDIR=$work/fdx-fuzz-$t $norand "$build/fuzz/$t" -runs="$runs" -max_total_time="$secs" \
            -seed="$seed" -reload=0 -timeout=20 -rss_limit_mb=4096 -close_fd_mask=3 -print_final_stats=1 \
            -artifact_prefix="$build/fuzz-crashes/$t-" -seed_inputs="$inputs" "$build/fuzz-corpus/$t" \
            > "$build/fuzz-logs/$t.log" 2>&1
        echo $? > "$build/fuzz-logs/$t.rc"
        rm -rf "$work/fdx-fuzz-$t"' sh "$build" "$seeds" "$here" "$secs" "$seed" || exit 1
    status=0
    for t in $list; do
        rc=$(cat "$build/fuzz-logs/$t.rc" 2>/dev/null || echo 1)
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-logs/$t.log" | tail -1)
        cov=$(grep -o 'cov: [0-9]*' "$build/fuzz-logs/$t.log" | tail -1)
        if [ "$rc" = 0 ]; then
            printf 'ok   %-22s %10s runs  %s\n' "$t" "${runs:-?}" "$cov"
        else
            printf 'FAIL %-22s exit %s, log %s\n' "$t" "$rc" "$build/fuzz-logs/$t.log"
            grep -m5 -E 'ERROR|SUMMARY|runtime error' "$build/fuzz-logs/$t.log"
            status=1
        fi
    done
    exit $status ;;
*)
    echo "usage: $0 --replay|--fuzz BUILD TESTDATA [SECONDS [TARGET...]]" >&2
    exit 2 ;;
esac
