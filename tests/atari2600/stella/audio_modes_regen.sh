#!/bin/sh
# Records audio_modes.txt: the pattern of every AUDC mode as Stella (Debian
# package stella, 6.7 here) and MAME (0.251) play roms/tests/t_audmodes.bin.
# Stella has no headless sound dump: it runs on a virtual X server (xvfb)
# with SDL's disk audio driver, which writes what Stella plays to a file
# (float32 stereo at 48000 Hz, nearest-sample resampling); MAME writes its
# TIA stream at its own rate (see ../mame/audio_regen.sh). audio_modes.py
# turns each recording into patterns. The "differs" lines are kept.
# Needs: stella mame xvfb python3. Run from anywhere:
#   tests/atari2600/stella/audio_modes_regen.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cart=$here/../../../roms/tests/t_audmodes.bin
PATH=$PATH:/usr/games
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"

cat > "$tmp/run.sh" <<RUN
#!/bin/sh
SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=$tmp/stella.raw HOME=$tmp/home stella -audio.enabled 1 \\
    -audio.sample_rate 48000 -audio.resampling_quality 1 -audio.stereo 0 -audio.volume 100 \\
    -audio.preset 1 -uimessages 0 $cart >$tmp/log 2>&1 &
pid=\$!
sleep 22
kill \$pid
RUN
chmod +x "$tmp/run.sh"
timeout 60 xvfb-run -a "$tmp/run.sh" || true
[ -s "$tmp/stella.raw" ] || { cat "$tmp/log"; echo "audio_modes_regen.sh: Stella made no sound"; exit 1; }

(cd "$tmp" && HOME=$tmp/home mame a2600 -cart "$cart" -video none -sound none -nothrottle -skip_gameinfo \
    -seconds_to_run 18 -wavwrite "$tmp/mame.wav" -samplerate 31399 </dev/null >"$tmp/log" 2>&1) || true
[ -s "$tmp/mame.wav" ] || { cat "$tmp/log"; echo "audio_modes_regen.sh: MAME made no sound"; exit 1; }
python3 "$here/../mame/wav2levels.py" "$tmp/mame.wav" "$tmp/mame.levels.gz"

out=$here/audio_modes.txt
{
    sed -n '/^#/p; /^differs /p' "$out" 2>/dev/null || true
    python3 "$here/audio_modes.py" stella "$tmp/stella.raw"
    python3 "$here/audio_modes.py" mame "$tmp/mame.levels.gz"
} > "$tmp/out.txt"
mv "$tmp/out.txt" "$out"
echo "audio_modes_regen.sh: wrote $out"
