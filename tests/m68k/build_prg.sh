#!/bin/sh
# build_prg.sh MKPRG OUT.PRG SOURCE... : builds a freestanding 68000 GEMDOS
# program from C and assembler sources with Debian's m68k-linux-gnu tools.
set -e
mkprg=$1; out=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
objs="$tmp/crt0.o $tmp/natfeats.o"
m68k-linux-gnu-as -m68000 -o "$tmp/crt0.o" "$here/crt0.s"
m68k-linux-gnu-as -m68000 -o "$tmp/natfeats.o" "$here/natfeats.s"
i=0
for src in "$@"; do
  i=$((i + 1))
  case "$src" in
    *.c) m68k-linux-gnu-gcc -m68000 -O2 -ffreestanding -fno-builtin -fno-pic -nostdlib -Wall -Wextra \
           -I"$here" -c -o "$tmp/o$i.o" "$src" ;;
    *.s|*.S) m68k-linux-gnu-as -m68000 -o "$tmp/o$i.o" "$src" ;;
  esac
  objs="$objs $tmp/o$i.o"
done
for base in 0 0x10000; do
  m68k-linux-gnu-ld -z noexecstack -nostdlib --defsym TEXT_BASE=$base -T "$here/prg.ld" -e _start -o "$tmp/p$base.elf" $objs
  m68k-linux-gnu-objcopy -O binary "$tmp/p$base.elf" "$tmp/p$base.bin"
done
"$mkprg" "$out" "$tmp/p0.bin" "$tmp/p0x10000.bin"
