#!/usr/bin/env python3
"""The CLI on a hostile batch: N lines mixing valid NIKs, garbage, empty lines,
CRLF, a BOM, invalid UTF-8 and 1 MB lines. Checks that every line is answered,
in order (every line counted, a sample of records compared with their input
lines), and reports throughput and peak memory (ru_maxrss, from wait4).

Usage: batch_proof.py BINARY [LINES]   (./build.sh batch)"""
import json
import os
import random
import subprocess
import sys
import time

binary = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
path = os.path.join("target", f"batch-{n}.txt")
rng = random.Random(27)
prefixes = ["351101", "317501", "910101", "650101", "960101", "110101", "737301"]
SAMPLE_EVERY = 9973
samples = {}  # line index -> the text the record's "input" must show


def nik():
    return (f"{rng.choice(prefixes)}{rng.randint(1, 28) + rng.choice((0, 40)):02d}"
            f"{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}{rng.randint(1, 9999):04d}")


def line(i):
    """(bytes to write, expected decoded input) for line i."""
    k = rng.random()
    if i == 0:
        return b"\xef\xbb\xbf" + nik().encode() + b"\r", None  # BOM and CRLF
    if i % 500_000 == 1:
        s = "9" * (1 << 20)  # a 1 MB line
        return s.encode(), s
    if k < 0.70:
        s = nik()
        return s.encode(), s
    if k < 0.78:
        s = nik()
        return s.encode() + b"\r", s  # CRLF
    if k < 0.84:
        return b"", ""
    if k < 0.90:
        s = "".join(rng.choice("abcXYZ<>&\"'\\ #+-.:") for _ in range(rng.randint(1, 40)))
        return s.encode(), s
    if k < 0.95:
        b = bytes(rng.randint(0x80, 0xFF) for _ in range(rng.randint(1, 8))) + b"3511"
        return b, None  # invalid UTF-8
    s = nik()[:15] + rng.choice("Oo lI\u00b2\uff10\u200b\U0001F600")
    return s.encode(), s


if not os.path.exists(path):
    with open(path, "wb") as f:
        buf = []
        for i in range(n):
            b, s = line(i)
            if i % SAMPLE_EVERY == 0 and s is not None:
                samples[i] = s
            buf.append(b)
            if len(buf) >= 100_000:
                f.write(b"\n".join(buf) + b"\n")
                buf = []
        if buf:
            f.write(b"\n".join(buf) + b"\n")
    with open(path + ".samples", "w") as f:
        json.dump(samples, f)
else:
    with open(path + ".samples") as f:
        samples = {int(k): v for k, v in json.load(f).items()}

size = os.path.getsize(path)
with open(path, "rb") as stdin, open(os.devnull, "wb") as devnull:
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "check", "--today", "2026-11-27"], stdin=stdin, stdout=devnull)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t0
assert status == 0, status
print(f"batch: {n} lines ({size / 1e6:.0f} MB) in {elapsed:.2f} s = {n / elapsed / 1e6:.2f} M lines/s, "
      f"peak memory {usage.ru_maxrss / 1024:.1f} MiB")

# Every line answered, in order.
with open(path, "rb") as stdin:
    p = subprocess.Popen([binary, "check", "--today", "2026-11-27"], stdin=stdin, stdout=subprocess.PIPE, bufsize=1 << 20)
    count = 0
    checked = 0
    for out in p.stdout:
        if count in samples:
            rec = json.loads(out)
            assert rec["input"] == samples[count], (count, rec["input"][:80], samples[count][:80])
            checked += 1
        count += 1
    assert p.wait() == 0
assert count == n, f"{count} records for {n} lines"
print(f"batch: {count} records for {n} lines, in order ({checked} sampled records compared with their input line)")
