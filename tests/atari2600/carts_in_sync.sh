#!/bin/sh
# The committed test cartridges (roms/tests/*.bin) are what their sources
# assemble to: runs roms/tests/build.sh on a copy of the sources and
# compares every binary. Usage: carts_in_sync.sh ROMS_DIR (needs ca65/ld65)
set -eu
roms=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tests" "$tmp/atari2600"
cp "$roms"/tests/*.s "$roms"/tests/*.inc "$roms"/tests/build.sh "$tmp/tests/"
cp "$roms"/atari2600/*.inc "$tmp/atari2600/"
sh "$tmp/tests/build.sh" >/dev/null
pass=0
fails=0
for b in "$roms"/tests/*.bin; do
    n=$(basename "$b")
    if cmp -s "$b" "$tmp/tests/$n"; then pass=$((pass + 1)); else echo "FAIL: $n differs from what its source assembles to"; fails=$((fails + 1)); fi
done
echo "$pass passed, $fails failed"
[ $fails -eq 0 ]
