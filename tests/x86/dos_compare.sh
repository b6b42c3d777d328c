#!/bin/sh
# Runs DOS test programs under `fdx run dos` and under Debian's DOSBox
# (headless) and compares their standard output and the files they write.
# usage: dos_compare.sh FDX ROMS_DIR WORK_DIR
set -eu
FDX=$1
ROMS=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK/src"
cd "$WORK/src"
nasm -f bin -I"$ROMS/" -o DOSTEST.COM "$ROMS/dostest.asm"
nasm -f bin -o DOSEXE.EXE "$ROMS/dosexe.asm"
bcc -Md -o CTEST.COM "$ROMS/ctest.c"

fail=0
# name|program|args|expected exit code
for t in "dostest|DOSTEST.COM|hi there|42" "dosexe|DOSEXE.EXE||5" "ctest|CTEST.COM|one two|7"; do
    name=${t%%|*}; rest=${t#*|}
    prog=${rest%%|*}; rest=${rest#*|}
    args=${rest%%|*}; code=${rest#*|}
    f="$WORK/fdx-$name"; b="$WORK/box-$name"
    mkdir -p "$f" "$b"
    cp "$prog" "$f/"; cp "$prog" "$b/"
    set +e
    # shellcheck disable=SC2086
    "$FDX" run dos --dir "$f" "$f/$prog" $args > "$f/STDOUT.TXT"
    rc=$?
    set -e
    if [ "$rc" != "$code" ]; then
        echo "FAIL $name: exit code $rc, expected $code"; fail=1
    fi
    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy HOME="$WORK" timeout 120 \
        dosbox -c "mount c $b" -c "c:" -c "$prog $args > STDOUT.TXT" -c exit > "$WORK/dosbox-$name.log" 2>&1 || true
    if [ ! -s "$b/STDOUT.TXT" ]; then
        echo "FAIL $name: DOSBox produced no output (see $WORK/dosbox-$name.log)"; fail=1; continue
    fi
    # every file DOSBox's run left must be the same under fdx (names compared case-blind)
    for file in "$b"/*; do
        base=$(basename "$file")
        other=$(find "$f" -maxdepth 1 -iname "$base" | head -1)
        if [ -z "$other" ] || ! cmp -s "$file" "$other"; then
            echo "FAIL $name: $base differs from DOSBox's"; fail=1
        fi
    done
    nf=$(ls "$f" | wc -l); nb=$(ls "$b" | wc -l)
    if [ "$nf" != "$nb" ]; then echo "FAIL $name: $nf files under fdx, $nb under DOSBox"; fail=1; fi
    [ $fail = 0 ] && echo "ok $name"
done
exit $fail
