# disasm_to_mri.awk: "fdx debug ... disasm" lines -> Motorola (MRI) assembly for
# m68k-linux-gnu-as --mri: one 16-byte slot per line, PC-relative operands
# and branch targets written relative to the slot's label.
function hex(s,   i, n) { n = 0; s = toupper(s); for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1; return n }
/^\(fdx\)/ { next }
{
  i = 2; if ($1 == "=>") i = 3
  addr_s = $(i - 1); addr = hex(addr_s); op = $i $(i + 1)
  while (i <= NF && ($i ~ /^[0-9A-F][0-9A-F]$/ || $i == "..")) i++
  t = ""; for (; i <= NF; i++) t = t (t == "" ? "" : " ") $i
  while (match(t, /\$[0-9A-F]+\(PC/))
    t = substr(t, 1, RSTART - 1) "(S" addr_s "+" (hex(substr(t, RSTART + 1, RLENGTH - 4)) - addr) ")" substr(t, RSTART + RLENGTH - 3)
  if (t ~ /^(B[A-Z][A-Z]\.[SW]|DB[A-Z][A-Z]?) / && match(t, /\$[0-9A-F]+$/))
    t = substr(t, 1, RSTART - 1) "S" addr_s "+" (hex(substr(t, RSTART + 1)) - addr)
  # not for an assembler: NatFeats, and BRA.S to pc+1 (GAS takes $FF as a 68020 long branch)
  if (t ~ /^NF_/ || t ~ /^B[A-Z][A-Z]\.S S[0-9A-F]+\+1$/) t = "DC.W $" op
  printf "S%s %s\n DCB.B S%s+16-*,0\n", addr_s, t, addr_s
}
