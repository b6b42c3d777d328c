#!/bin/sh
# Records the audio references of audio_refs.txt with MAME's a2600 driver
# (MAME 0.251): for each line CART SECONDS [...], MAME runs the cartridge
# for SECONDS and writes its sound at 31399 Hz, the rate of its TIA sound
# stream, so the WAV holds the stream's samples without resampling;
# wav2levels.py turns them into TIA output levels (run-length coded) in
# CART.SECONDS.levels.gz. The MAME command for one cartridge:
#   mame a2600 -cart CART -video none -sound none -nothrottle -skip_gameinfo \
#       -seconds_to_run SECONDS -wavwrite out.wav -samplerate 31399
# Run from anywhere: tests/atari2600/mame/audio_regen.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
roms=$here/../../../roms
PATH=$PATH:/usr/games
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

grep -v -e '^#' "$here/audio_refs.txt" | while read -r cart seconds opts; do
    [ -n "$cart" ] || continue
    out=$here/$(basename "$cart").$seconds.levels.gz
    (cd "$tmp" && HOME=$tmp mame a2600 -cart "$roms/$cart" -video none -sound none -nothrottle -skip_gameinfo \
        -seconds_to_run "$seconds" -wavwrite "$tmp/out.wav" -samplerate 31399 </dev/null >"$tmp/log" 2>&1) || true
    [ -s "$tmp/out.wav" ] || { cat "$tmp/log"; echo "audio_regen.sh: MAME made no sound for $cart"; exit 1; }
    python3 "$here/wav2levels.py" "$tmp/out.wav" "$out"
    rm -f "$tmp/out.wav"
    echo "$cart $seconds: $(basename "$out")"
done
