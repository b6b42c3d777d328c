#!/bin/sh
# bench.sh FDX WORKDIR [--quick | --callgrind]
# Runs the 68000 benchmark programs (roms/m68k: sieve, memsum, muldiv) on
# bare68k unthrottled and prints emulated instructions and cycles per
# second (wall clock). --callgrind instead counts host instructions per
# emulated instruction with valgrind (two run lengths, so start-up cost
# cancels out). --quick runs short versions and only checks the results.
set -u
fdx=$1; work=$2; mode=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
roms="$here/../../roms/m68k"
mkdir -p "$work" && cd "$work" || exit 1

count_file() { # count_file N FILE: the iteration count as a big-endian long
  printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(( ($1 >> 24) & 255 )) $(( ($1 >> 16) & 255 )) \
    $(( ($1 >> 8) & 255 )) $(( $1 & 255 )))" > "$2"
}

for p in sieve memsum muldiv; do
  m68k-linux-gnu-as -m68000 -I "$roms" -o $p.o "$roms/$p.s" &&
  m68k-linux-gnu-ld -z noexecstack -Ttext=0x1000 -e 0x1000 -o $p.elf $p.o &&
  m68k-linux-gnu-objcopy -O binary $p.elf $p.bin || { echo "FAIL: cannot assemble $p"; exit 1; }
done

run() { # run PROG COUNT [wrapper...]: prints "instructions cycles"; fails on a wrong result
  prog=$1; n=$2; shift 2
  count_file "$n" count.bin
  "$@" "$fdx" run bare68k --max-cycles 100000000000 --load $prog.bin@0x1000 --load count.bin@0xff0 \
    --start 0x1000 --stats 2>stats.txt
  rc=$?
  if [ $rc -ne 0 ]; then echo "FAIL: $prog exited with $rc" >&2; cat stats.txt >&2; return 1; fi
  echo "$(sed -n 's/^instructions //p' stats.txt) $(sed -n 's/^cycles //p' stats.txt)"
}

fail=0
case "$mode" in
--quick)
  for p in sieve:2 memsum:4 muldiv:4; do
    r=$(run ${p%%:*} ${p#*:}) || { fail=1; continue; }
    echo "ok   ${p%%:*}: $r (instructions cycles)"
  done ;;
--callgrind)
  for p in sieve:4:12 memsum:8:24 muldiv:10:30; do
    name=${p%%:*}; rest=${p#*:}; n1=${rest%%:*}; n2=${rest#*:}
    for n in $n1 $n2; do
      r=$(run $name $n valgrind --tool=callgrind --callgrind-out-file=cg.$name.$n.out) || { fail=1; continue 2; }
      eval "i$n=\${r%% *}"
      eval "ir$n=\$(callgrind_annotate cg.$name.$n.out 2>/dev/null | sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)"
    done
    eval "di=\$((i$n2 - i$n1)); dir=\$((ir$n2 - ir$n1))"
    echo "$name: $di instructions, $dir host instructions: $(echo "scale=1; $dir / $di" | bc) host per emulated instruction"
  done ;;
*)
  for p in sieve:200 memsum:400 muldiv:600; do
    name=${p%%:*}
    t0=$(date +%s%N)
    r=$(run $name ${p#*:}) || { fail=1; continue; }
    t1=$(date +%s%N)
    ins=${r% *}; cyc=${r#* }; ns=$((t1 - t0))
    echo "$name: $ins instructions, $cyc cycles in $((ns / 1000000)) ms:" \
      "$((ins * 1000 / (ns / 1000000 + 1) / 1000000)).$((ins * 1000 / (ns / 1000000 + 1) / 100000 % 10)) M instructions/s," \
      "$((cyc * 1000 / (ns / 1000000 + 1) / 1000000)) M cycles/s ($((cyc * 1000 / (ns / 1000000 + 1) / 80000)) % of an 8 MHz 68000)"
  done ;;
esac
exit $fail
