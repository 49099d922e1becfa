#!/usr/bin/env python3
"""Writes N lines of benchmark input for the CLI: mostly well-formed NIKs over
many regions, with typos, separators, garbage and empty lines mixed in.
Deterministic (fixed seed), standard library only."""
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(2026)
prefixes = ["351101", "317501", "910101", "650101", "960101", "110101", "737301", "320101", "530101", "940801"]
out = sys.stdout
buf = []
for i in range(n):
    k = rng.random()
    p = rng.choice(prefixes)
    nik = f"{p}{rng.randint(1, 28) + rng.choice((0, 40)):02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}{rng.randint(1, 9999):04d}"
    if k < 0.80:
        line = nik
    elif k < 0.90:
        line = f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}"
    elif k < 0.95:
        line = nik[:15]
    elif k < 0.98:
        line = nik[:9] + "O" + nik[10:]
    else:
        line = ""
    buf.append(line)
    if len(buf) >= 10000:
        out.write("\n".join(buf) + "\n")
        buf = []
if buf:
    out.write("\n".join(buf) + "\n")
