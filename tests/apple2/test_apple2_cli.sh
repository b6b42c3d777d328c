#!/bin/sh
# The fdx command with the Apple II machines: runs, screenshots, save
# states through files, disk saving that never damages an image, clean
# errors for bad input. Usage: test_apple2_cli.sh FDX DEMO_DSK
set -u
FDX=$1
DEMO=$2
T=$(mktemp -d /tmp/fdx-a2cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# runs headless with a disk and a screenshot
"$FDX" run apple2e "$DEMO" --headless --frames 30 --screenshot "$T/a.png" || fail "run apple2e with a disk"
[ -s "$T/a.png" ] || fail "no screenshot"

# --state-out / --state-in resume bit-exactly: 100+100 frames = 200 frames
"$FDX" run apple2p --frames 200 --stats 2>"$T/full.txt" --screenshot "$T/full.png" || fail "200 frames"
"$FDX" run apple2p --frames 100 --state-out "$T/s.state" || fail "state out"
"$FDX" run apple2p --frames 100 --state-in "$T/s.state" --stats 2>"$T/half.txt" --screenshot "$T/half.png" || fail "state in"
cmp -s "$T/full.txt" "$T/half.txt" || fail "registers differ after resuming"
cmp -s "$T/full.png" "$T/half.png" || fail "picture differs after resuming"

# fdx info ranks the sector order
cp "$DEMO" "$T/demo.dsk"
"$FDX" info "$T/demo.dsk" > "$T/info.txt" || fail "info"
grep -q "apple2p" "$T/info.txt" || fail "info does not name apple2p"
grep -q "order: DOS 3.3" "$T/info.txt" || fail "info gives no sector order"

# the write-protected demo disk is left alone; a disk not written to keeps its bytes
cp "$DEMO" "$T/copy.dsk"
"$FDX" run apple2p "$T/copy.dsk" --frames 300 || fail "boot a copy"
cmp -s "$DEMO" "$T/copy.dsk" || fail "an unwritten disk changed"
[ -z "$(ls "$T" | grep tmp-)" ] || fail "temporary file left behind"

# bad input: one line, non-zero exit, no crash
head -c 1000 "$DEMO" > "$T/short.dsk"
out=$("$FDX" run apple2p "$T/short.dsk" --frames 1 2>&1) && fail "short image accepted"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "error is not one line: $out"
printf 'WOZ2\377\n\r\n\0\0\0\0INFO' > "$T/bad.woz"
"$FDX" run apple2e "$T/bad.woz" --frames 1 2>/dev/null && fail "broken woz accepted"
"$FDX" run apple2p "$T/nothere.dsk" --frames 1 2>/dev/null && fail "missing file accepted"
"$FDX" run apple2p --write-protect maybe --frames 1 2>/dev/null && fail "bad option value accepted"
"$FDX" run apple2p a b c --frames 1 2>/dev/null && fail "three disks accepted"
echo "apple2 cli: all passed"
