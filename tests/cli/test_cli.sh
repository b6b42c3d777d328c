#!/bin/sh
# The fdx command: basic commands work, bad input gives one clear line on
# stderr and a non-zero exit, never a crash.
FDX="$1"
fail=0; pass=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

expect() { # expect CODE DESCRIPTION -- command...
    want=$1; what=$2; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    if [ "$want" = nonzero ]; then
        if [ $got -ne 0 ] && [ $got -lt 128 ] && [ "$(wc -l <"$tmp/err")" -ge 1 ]; then pass=$((pass+1)); else
            echo "FAIL: $what (exit $got)"; cat "$tmp/err"; fail=$((fail+1)); fi
    elif [ $got -eq "$want" ]; then pass=$((pass+1)); else
        echo "FAIL: $what (exit $got, wanted $want)"; cat "$tmp/err"; fail=$((fail+1)); fi
}

expect 0 "help" -- "$FDX" --help
grep -q "fdx list" "$tmp/out" || { echo "FAIL: help text"; fail=$((fail+1)); }
expect 0 "version" -- "$FDX" --version
expect 0 "list" -- "$FDX" list
grep -q "Firmware search path" "$tmp/out" || { echo "FAIL: list shows the search path"; fail=$((fail+1)); }
printf '123456789' >"$tmp/f.bin"
expect 0 "info" -- "$FDX" info "$tmp/f.bin"
grep -q "cbf43926" "$tmp/out" || { echo "FAIL: info shows the CRC32"; fail=$((fail+1)); }
grep -q "f7c3bc1d808e04732adf679965ccc34ca7ae3441" "$tmp/out" || { echo "FAIL: info shows the SHA-1"; fail=$((fail+1)); }
expect nonzero "info on a missing file" -- "$FDX" info "$tmp/missing"
expect nonzero "info on a directory" -- "$FDX" info "$tmp"
expect nonzero "unknown command" -- "$FDX" frobnicate
expect nonzero "run without machine" -- "$FDX" run
expect nonzero "run unknown machine" -- "$FDX" run nosuchmachine
expect nonzero "sst without cpu" -- "$FDX" sst "$tmp"
expect nonzero "sst unknown cpu" -- "$FDX" sst --cpu z80 "$tmp"
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
