#!/usr/bin/env python3
"""The pattern of every AUDC mode in a recording of roms/tests/t_audmodes.bin
(channel 0 alone, AUDF0 3, AUDC0 = 0..15 for 64 frames each), printed as
lines "EMULATOR AUDC PATTERN" for a2600_audiomodes (see its header for the
form of a pattern).
Usage: audio_modes.py stella RAW      (Stella through SDL's disk audio
                                        driver: float32 stereo at 48000 Hz)
       audio_modes.py mame LEVELS.gz  (MAME: wav2levels.py's run lengths at
                                        its TIA rate, 31399 Hz)
Stella's recording has glitches where the audio driver dropped or repeated
a fragment, so a pattern is the one that holds for most of the stream."""
import collections
import gzip
import struct
import sys

SEG = 64 * 262 * 228 / 3579545.0   # seconds a mode lasts (NTSC, 262 lines a frame)
TIA_RATE = 31399.5
STEP = 4                           # TIA samples a step at AUDF 3


def stella(path):
    d = open(path, 'rb').read()
    n = len(d) // 4
    left = struct.unpack('<%df' % n, d[:n * 4])[0::2]
    bits = [x > 0.3 for x in left]
    # the recording starts silent; mode 0 (constant on) begins at the first edge
    first = next(i for i in range(1, len(bits)) if bits[i] != bits[i - 1])
    return bits, 48000.0, first / 48000.0


def mame(path):
    bits = []
    for line in gzip.open(path, 'rt'):
        level, count = line.split()
        bits += [int(level) > 0] * int(count)
    return bits, 31399.0, 0.0


def runs(bits, a, b, per_step):
    i = a
    while i < b and bits[i] == bits[a]:
        i += 1
    r = []
    while i < b:
        j = i
        while j < b and bits[j] == bits[i]:
            j += 1
        if j >= b:
            break
        r.append((int(bits[i]), round((j - i) / per_step)))
        i = j
    return r


def pattern(r, level):
    if not r:
        return 'H' if level else 'L'
    n = len(r)
    for p in range(1, n // 3 + 1):
        if sum(r[i] == r[i + p] for i in range(n - p)) < 0.8 * (n - p):
            continue
        votes = collections.Counter()
        for i in range(n - p):
            if all(r[j] == r[j + p] for j in range(i, min(i + p, n - p))):
                w = r[i:i + p]
                votes[tuple(min(w[k:] + w[:k] for k in range(p)))] += 1
        if votes:
            best = votes.most_common(1)[0][0]
            return ' '.join('%s%d' % ('H' if lv else 'L', k) for lv, k in best)
    sys.exit('audio_modes.py: no repeating pattern')


def main():
    kind, path = sys.argv[1], sys.argv[2]
    bits, rate, t0 = stella(path) if kind == 'stella' else mame(path)
    per_step = rate / TIA_RATE * STEP
    for mode in range(16):
        a = int((t0 + (mode + 0.25) * SEG) * rate)
        b = int((t0 + (mode + 0.75) * SEG) * rate)
        print(kind, mode, pattern(runs(bits, a, b, per_step), bits[(a + b) // 2]))


main()
