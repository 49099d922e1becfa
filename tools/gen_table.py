#!/usr/bin/env python3
"""Writes a benchmark office list: a header and N rows (No;Nama;NIK;No KK;Tgl
Lahir;JK), `;`-separated as Indonesian Excel saves it, with typos, Excel's
scientific notation and repeated NIKs mixed in. Deterministic, standard library only.
Usage: gen_table.py N [DISTINCT]  (DISTINCT: how many different NIKs, default N)"""
import random
import sys

n = int(sys.argv[1])
distinct = int(sys.argv[2]) if len(sys.argv) > 2 else n
rng = random.Random(2026)
prefixes = ["351101", "317501", "910101", "650101", "960101", "110101", "737301", "320101"]
out = sys.stdout
out.write("No;Nama;NIK;No KK;Tgl Lahir;JK\r\n")
buf = []
for i in range(n):
    r = random.Random(i % distinct)
    p = r.choice(prefixes)
    day, month, yy = r.randint(1, 28), r.randint(1, 12), r.randint(0, 99)
    female = r.random() < 0.5
    nik = f"{p}{day + (40 if female else 0):02d}{month:02d}{yy:02d}{r.randint(1, 9999):04d}"
    k = rng.random()
    if k < 0.02:
        nik = "3.51102E+15"
    elif k < 0.04:
        nik = nik[:9] + "O" + nik[10:]
    year = 2000 + yy if yy < 27 else 1900 + yy
    buf.append(f"{i + 1};Warga {i + 1};{nik};{p}0101100{i % 1000:03d};{day:02d}-{month:02d}-{year};{'P' if female else 'L'}")
    if len(buf) >= 10000:
        out.write("\r\n".join(buf) + "\r\n")
        buf = []
if buf:
    out.write("\r\n".join(buf) + "\r\n")
