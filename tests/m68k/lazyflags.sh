#!/bin/sh
# lazyflags.sh FDX WORKDIR: conditions on lazily kept flags (lazyflags.s)
# must agree with the same conditions on flags set directly.
set -u
fdx=$1; work=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work" && cd "$work" || exit 1
m68k-linux-gnu-as -m68000 -I "$here/../../roms/m68k" -o lazyflags.o "$here/lazyflags.s" &&
m68k-linux-gnu-ld -z noexecstack -Ttext=0x1000 -e 0x1000 -o lazyflags.elf lazyflags.o &&
m68k-linux-gnu-objcopy -O binary lazyflags.elf lazyflags.bin || { echo "FAIL: cannot assemble lazyflags.s"; exit 1; }
"$fdx" run bare68k --max-cycles 100000000 --load lazyflags.bin@0x1000 --start 0x1000 --stats >out.txt 2>&1
rc=$?
if [ $rc -ne 0 ]; then
  echo "FAIL: a condition on lazy flags differs (exit $rc); registers at the end:"
  cat out.txt
  exit 1
fi
echo "ok: conditions on lazy flags agree ($(sed -n 's/^instructions //p' out.txt) instructions)"
