#!/usr/bin/env python3
"""Draws docs/icon.png, the packages' icon (128x128): log lines under a lens, one of them red.

Plain Python (no imaging library): shapes as distance functions, 4x4 samples per pixel, written as a PNG.
Run: python3 docs/make-icon.py docs/icon.png
"""
import math
import struct
import sys
import zlib

SIZE = 128
SAMPLES = 4

BACKGROUND = (30, 41, 59)
LINE = (148, 163, 184)
FAILURE = (239, 68, 68)
LENS = (251, 191, 36)
GLASS = (51, 65, 85)


def rounded_box(x, y, cx, cy, hw, hh, r):
    qx, qy = abs(x - cx) - hw + r, abs(y - cy) - hh + r
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r


def capsule(x, y, ax, ay, bx, by, r):
    px, py, dx, dy = x - ax, y - ay, bx - ax, by - ay
    t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - dx * t, py - dy * t) - r


# Log lines: (y, x from, x to, colour); the lens sits over the red one.
LINES = [(30, 24, 100, LINE), (46, 24, 84, LINE), (62, 24, 92, FAILURE), (78, 24, 70, LINE), (94, 24, 88, LINE)]
LENS_X, LENS_Y, LENS_R, RING = 56, 62, 27, 6


def colour(x, y):
    """The colour at a point, or None outside the icon."""
    if rounded_box(x, y, 64, 64, 64, 64, 22) > 0:
        return None
    c = BACKGROUND
    inside_lens = math.hypot(x - LENS_X, y - LENS_Y) < LENS_R - RING / 2
    if inside_lens:
        c = GLASS
    for ly, x0, x1, lc in LINES:
        if capsule(x, y, x0, ly, x1, ly, 3.5 if inside_lens else 3) <= 0:
            c = lc if inside_lens or lc is FAILURE else tuple(v // 2 + b // 2 for v, b in zip(lc, BACKGROUND))
    ring = abs(math.hypot(x - LENS_X, y - LENS_Y) - LENS_R) - RING / 2
    handle = capsule(x, y, LENS_X + 22, LENS_Y + 22, 108, 108, 7)
    if min(ring, handle) <= 0:
        c = LENS
    return c


def pixel(px, py):
    total = [0, 0, 0, 0]
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            c = colour(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
            if c is not None:
                total[0] += c[0]
                total[1] += c[1]
                total[2] += c[2]
                total[3] += 255
    n = SAMPLES * SAMPLES
    alpha = total[3] / n
    if alpha == 0:
        return (0, 0, 0, 0)
    covered = total[3] / 255
    return (round(total[0] / covered), round(total[1] / covered), round(total[2] / covered), round(alpha))


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "icon.png"
    with open(out, "wb") as f:
        f.write(png([[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]))
