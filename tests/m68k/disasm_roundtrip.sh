#!/bin/sh
# disasm_roundtrip.sh FDX SLOTS WORKDIR: the 68000 disassembler against GNU as.
# Every opcode word (with fixed extension words) is disassembled by fdx,
# the text is assembled again by m68k-linux-gnu-as --mri (Motorola syntax)
# and disassembled again: both listings must agree, bytes and text, except
# that "OR.W #x,Dn" and the like come back as ORI.W (the same instruction,
# two encodings).
set -u
fdx=$1; slots=$2; work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work" && cd "$work" || exit 1
"$slots" >slots.bin || { echo "FAIL: slots"; exit 1; }
i=0
while [ $i -lt 65536 ]; do echo "disasm $((i * 16)) 1"; i=$((i + 1)); done >script.txt
"$fdx" debug bare68k --load slots.bin@0 --script script.txt >first.txt 2>&1 || { echo "FAIL: fdx debug"; exit 1; }
awk -f "$here/disasm_to_mri.awk" first.txt >again.s
m68k-linux-gnu-as -m68000 --mri -o again.o again.s 2>as.err || { echo "FAIL: GNU as rejects the disassembly:"; head -20 as.err; exit 1; }
m68k-linux-gnu-ld -z noexecstack -Ttext=0 -e 0 -o again.elf again.o &&
  m68k-linux-gnu-objcopy -O binary again.elf again.bin || { echo "FAIL: link"; exit 1; }
"$fdx" debug bare68k --load again.bin@0 --script script.txt >second.txt 2>&1 || { echo "FAIL: fdx debug (2)"; exit 1; }
# address, bytes, text; the immediate forms of OR/AND/SUB/ADD/CMP Dn compare as the I forms
norm() {
  sed -e '/^(fdx)/d' -e 's/^=>/  /' \
      -e 's/^\( *[0-9A-F]*\)  .*\(OR\|AND\|SUB\|ADD\|CMP\)I\{0,1\}\(\.[BWL] #[$0-9A-F]*,D[0-7]\)$/\1  (either encoding) \2I\3/' "$1"
}
norm first.txt >first.norm
norm second.txt >second.norm
n=$(wc -l <first.norm); insns=$(grep -vc 'DC\.W' first.norm)
if [ "$n" != 65536 ] || [ "$insns" -lt 40000 ]; then
  echo "FAIL: $n lines, $insns instructions"; exit 1
fi
if ! cmp -s first.norm second.norm; then
  echo "FAIL: the round trip changes $(diff first.norm second.norm | grep -c '^<') of $n opcodes:"
  diff first.norm second.norm | head -20
  exit 1
fi
echo "ok   $insns of 65536 opcode words disassemble and assemble back identically ($((65536 - insns)) are not instructions)"
