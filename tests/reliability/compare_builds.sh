#!/bin/sh
# Runs rel_hashes of two or more builds (or the same one twice) and fails
# unless every line is the same: the machines' states and pictures do not
# depend on the compiler, the optimiser, the sanitizers or the run.
# Usage: compare_builds.sh REL_HASHES_1 REL_HASHES_2 [...]
set -u
[ $# -ge 2 ] || { echo "usage: $0 REL_HASHES_1 REL_HASHES_2 [...]" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
for exe in "$@"; do
    i=$((i + 1))
    "$exe" > "$tmp/$i.txt" || { echo "FAIL $exe exited with $?"; exit 1; }
done
lines=$(wc -l < "$tmp/1.txt")
[ "$lines" -gt 0 ] || { echo "FAIL $1 printed nothing"; exit 1; }
status=0
j=1
for exe in "$@"; do
    if ! cmp -s "$tmp/1.txt" "$tmp/$j.txt"; then
        echo "FAIL $exe differs from $1:"
        diff "$tmp/1.txt" "$tmp/$j.txt"
        status=1
    fi
    j=$((j + 1))
done
cat "$tmp/1.txt"
[ $status -eq 0 ] && echo "$# runs agree on $lines configurations"
exit $status
