#!/bin/sh
# Names that try to leave the sandbox must fail with DOS error codes, and
# nothing may be created outside it. Also checks refused bad input.
# usage: dos_sandbox.sh FDX ROMS_DIR WORK_DIR
set -u
FDX=$1; ROMS=$2; WORK=$3
rm -rf "$WORK"; mkdir -p "$WORK/box/SUB"
nasm -f bin -I"$ROMS/" -o "$WORK/box/SANDBOX.COM" "$ROMS/sandbox.asm" || exit 1
ln -s /etc "$WORK/box/LINK"
fail=0
out=$("$FDX" run dos --dir "$WORK/box" "$WORK/box/SANDBOX.COM" 2>/dev/null | tr -d '\r')
want="FFFF0003
FFFF0003
FFFF0003
FFFF000F
FFFF0003
FFFF0003
FFFF0003
00000005
00000006
FFFF0001"
[ "$out" = "$want" ] || { echo "FAIL sandbox output:"; echo "$out"; fail=1; }
if find "$WORK" /tmp -maxdepth 1 -iname 'EVIL*' 2>/dev/null | grep -q .; then echo "FAIL: a file escaped"; fail=1; fi
[ -f "$WORK/box/OK.TXT" ] || { echo "FAIL: OK.TXT not created"; fail=1; }
# malformed .EXE headers: a clear error and a non-zero exit, never a crash
printf 'MZ\001\000\377\377' > "$WORK/TRUNC.EXE"
printf 'MZ\000\002\001\000\000\000\377\377\000\000\377\377\000\000\000\002\000\000\000\000\000\000\034\000\000\000' > "$WORK/HDR.EXE"
for bad in TRUNC.EXE HDR.EXE; do
    msg=$("$FDX" run dos --dir "$WORK" "$WORK/$bad" 2>&1); rc=$?
    if [ $rc = 0 ] || [ $rc -ge 128 ] || ! echo "$msg" | grep -q "EXE"; then
        echo "FAIL $bad: rc=$rc: $msg"; fail=1
    fi
done
# a program that runs off into memory it does not own is stopped
printf '\352\000\000\000\000' > "$WORK/WILD.COM"  # jmp far 0000:0000
msg=$("$FDX" run dos --dir "$WORK" "$WORK/WILD.COM" 2>&1); rc=$?
echo "$msg" | grep -q "outside its memory" && [ $rc = 255 ] || { echo "FAIL WILD.COM: rc=$rc: $msg"; fail=1; }
[ $fail = 0 ] && echo "ok sandbox"
exit $fail
