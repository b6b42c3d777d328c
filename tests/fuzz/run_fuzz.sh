#!/bin/sh
# Runs the fuzz targets of a build.
#   run_fuzz.sh --replay BUILD TESTDATA
#       (any build) makes the seed corpora and runs every seed and every
#       input in tests/fuzz/regressions/<target>/ once through each target.
#   run_fuzz.sh --fuzz BUILD TESTDATA SECONDS [TARGET...]
#       (a -DFDX_FUZZ=ON build) fuzzes each target for SECONDS, two at a
#       time, keeping the corpus in BUILD/fuzz-corpus/<target>; crashes go
#       to BUILD/fuzz-crashes/. Prints executions per target; fails on any
#       crash, leak, timeout or sanitizer report. FDX_FUZZ_SEED (default 1)
#       fixes libFuzzer's random seed so a CI run tries the same inputs
#       every time; FDX_FUZZ_SEED=0 lets libFuzzer pick one (long runs).
set -u
mode=$1 build=$(cd "$2" && pwd) testdata=$3
here=$(cd "$(dirname "$0")" && pwd)
seeds=$build/fuzz-seeds
rm -rf "$seeds"
"$build/fuzz/make_seeds" "$seeds" "$here/../.." "$testdata" >/dev/null || { echo "FAIL make_seeds"; exit 1; }

targets() {
    for t in "$build"/fuzz/fuzz_*; do [ -x "$t" ] && basename "$t"; done
}

case "$mode" in
--replay)
    status=0 n=0
    for t in $(targets); do
        dirs=""
        [ -d "$seeds/$t" ] && dirs="$seeds/$t"
        [ -d "$here/regressions/$t" ] && dirs="$dirs $here/regressions/$t"
        if [ -z "$dirs" ]; then echo "FAIL $t has no seeds"; status=1; continue; fi
        # shellcheck disable=SC2086
        if out=$("$build/fuzz/$t" $dirs 2>&1 >/dev/null </dev/null); then
            n=$((n + 1))
        else
            echo "FAIL $t:"; echo "$out" | tail -20; status=1
        fi
    done
    echo "$n targets replayed their seeds and regressions"
    exit $status ;;
--fuzz)
    secs=$4; shift 4
    list=${*:-$(targets)}
    mkdir -p "$build/fuzz-corpus" "$build/fuzz-crashes" "$build/fuzz-logs"
    seed=${FDX_FUZZ_SEED:-1}
    for t in $list; do echo "$t"; done | xargs -P 2 -I{} sh -c '
        t={}; build=$1; seeds=$2; here=$3; secs=$4; seed=$5
        mkdir -p "$build/fuzz-corpus/$t"
        extra=""
        [ -d "$here/regressions/$t" ] && extra="$here/regressions/$t"
        "$build/fuzz/$t" -max_total_time="$secs" -seed="$seed" -timeout=20 -rss_limit_mb=4096 -close_fd_mask=3 \
            -print_final_stats=1 -artifact_prefix="$build/fuzz-crashes/$t-" \
            "$build/fuzz-corpus/$t" "$seeds/$t" $extra > "$build/fuzz-logs/$t.log" 2>&1
        echo $? > "$build/fuzz-logs/$t.rc"' sh "$build" "$seeds" "$here" "$secs" "$seed"
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
