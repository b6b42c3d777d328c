#!/usr/bin/env python3
"""Stella snapshot (PNG, 2 screen pixels per TIA pixel) -> PGM of TIA colour
register values, through Stella's own palette learned from a snapshot of
roms/tests/t_colours.bin (line k of its picture shows colour 2k).

  png2pgm.py palette COLOURS.png PALETTE.txt
  png2pgm.py convert PALETTE.txt SNAP.png OUT.pgm
"""
import struct
import sys
import zlib

# Stella's picture line on which t_colours shows colour 0 (found by eye once:
# the line before its first non-black line).
COLOURS_TOP = 14


def read_png(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit(f'{path}: not a PNG')
    pos, idat = 8, b''
    while pos < len(data):
        n, = struct.unpack('>I', data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b'IHDR':
            w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
        elif kind == b'IDAT':
            idat += body
    if depth != 8 or ctype not in (2, 6):
        sys.exit(f'{path}: only 8-bit RGB(A) PNGs')
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    rows, prev, p = [], bytearray(stride), 0
    for _ in range(h):
        kind, line = raw[p], bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([(line[x * bpp] << 16) | (line[x * bpp + 1] << 8) | line[x * bpp + 2] for x in range(w)])
        prev = line
    return w, h, rows


def palette(png, out):
    w, h, rows = read_png(png)
    colours = [rows[COLOURS_TOP + k][w // 2] for k in range(128)]
    if len(set(colours)) != 128:
        sys.exit(f'{png}: the 128 colours are not all different (wrong COLOURS_TOP?)')
    with open(out, 'w') as f:
        for c in colours:
            f.write(f'{c:06x}\n')


def convert(pal, png, out):
    index = {int(line, 16): 2 * k for k, line in enumerate(open(pal))}
    w, h, rows = read_png(png)
    if w != 320:
        sys.exit(f'{png}: {w} pixels wide, expected 320')
    px = bytearray()
    for y, row in enumerate(rows):
        for x in range(0, w, 2):
            if row[x] not in index or row[x + 1] != row[x]:
                sys.exit(f'{png}: pixel {x},{y} ({row[x]:06x}) is not one TIA colour')
            px.append(index[row[x]])
    with open(out, 'wb') as f:
        f.write(b'P5\n160 %d\n255\n' % h + bytes(px))


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == 'palette':
        palette(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == 'convert':
        convert(*sys.argv[2:])
    else:
        sys.exit(__doc__)
