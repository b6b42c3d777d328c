#!/usr/bin/env python3
"""MAME a2600 WAV (written with -samplerate 31399, the rate of its TIA sound
stream, so no resampling happens) -> the TIA's summed output level per
sample, run-length coded: lines "LEVEL COUNT", gzip'd. MAME's mix is linear,
UNIT per volume step; any sample off the grid by more than 1 is an error.
Usage: wav2levels.py IN.wav OUT.levels.gz"""
import gzip
import struct
import sys
import wave

UNIT = 13823 / 15  # MAME 0.251: AUDV 15 on one channel is 13823

def main():
    w = wave.open(sys.argv[1])
    if w.getframerate() != 31399 or w.getsampwidth() != 2:
        sys.exit("wav2levels: want 16-bit samples at 31399 Hz")
    ch = w.getnchannels()
    data = w.readframes(w.getnframes())
    samples = struct.unpack("<%dh" % (len(data) // 2), data)[0::ch]
    runs = []
    for s in samples:
        k = round(s / UNIT)
        if abs(s - k * UNIT) > 1.5 or not 0 <= k <= 30:
            sys.exit("wav2levels: sample %d is not a multiple of %.2f" % (s, UNIT))
        if runs and runs[-1][0] == k:
            runs[-1][1] += 1
        else:
            runs.append([k, 1])
    with gzip.GzipFile(sys.argv[2], "wb", mtime=0) as f:
        f.write("".join("%d %d\n" % (k, n) for k, n in runs).encode())

main()
