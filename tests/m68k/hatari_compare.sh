#!/bin/sh
# hatari_compare.sh FDX MKPRG WORKDIR: builds the 68000 test programs, runs
# each on bare68k and on Debian's Hatari (--tos none --natfeats on) and
# compares the NatFeats (stderr) and GEMDOS (stdout) output and exit codes.
set -u
fdx=$1; mkprg=$2; work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
cd "$work" || exit 1
# Hatari wants a writable home for its configuration; keep it out of the user's.
export HOME="$work/home" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
mkdir -p "$HOME"
fail=0
for prog in hello:rt.c,hello.c cpumix:rt.c,cpumix.c exit42:exit42.s gemdos:gemdos.s; do
  name=${prog%%:*}
  srcs=$(echo "${prog#*:}" | tr ',' '\n' | sed "s|^|$here/|" | tr '\n' ' ')
  if ! sh "$here/build_prg.sh" "$mkprg" "$name.prg" $srcs 2>"$name.build"; then
    echo "FAIL $name: build"; cat "$name.build"; fail=1; continue
  fi
  "$fdx" run bare68k "$name.prg" >"$name.fdx.out" 2>"$name.fdx.err"
  frc=$?
  timeout 120 hatari --tos none --natfeats on --fast-forward on --sound off "$name.prg" \
    >"$name.hatari.raw" 2>"$name.hatari.rawerr"
  hrc=$?
  # Hatari's own messages are not part of the program's output.
  grep -v '^INFO \|^WARN \|^NatFeats: exit(' "$name.hatari.raw" >"$name.hatari.out"
  grep -v '^INFO \|^WARN \|^NatFeats: exit(' "$name.hatari.rawerr" >"$name.hatari.err"
  if [ "$frc" != "$hrc" ]; then
    echo "FAIL $name: exit code $frc, Hatari $hrc"; fail=1
  elif ! cmp -s "$name.fdx.err" "$name.hatari.err"; then
    echo "FAIL $name: NatFeats output differs"; diff "$name.hatari.err" "$name.fdx.err"; fail=1
  elif ! cmp -s "$name.fdx.out" "$name.hatari.out"; then
    echo "FAIL $name: GEMDOS output differs"; diff "$name.hatari.out" "$name.fdx.out"; fail=1
  elif [ ! -s "$name.fdx.err" ] && [ ! -s "$name.fdx.out" ]; then
    echo "FAIL $name: no output at all"; fail=1
  else
    echo "ok   $name (exit $frc, $(wc -l <"$name.fdx.err") NatFeats lines, $(wc -l <"$name.fdx.out") GEMDOS lines)"
  fi
done
exit $fail
