#!/usr/bin/env python3
"""Times the CLI end to end on a file of NIKs (JSON Lines to /dev/null) and
reports its peak memory (ru_maxrss from wait4), to show that it streams.

Usage: bench_cli.py BINARY INPUT_FILE"""
import os
import subprocess
import sys
import time

binary, path = sys.argv[1], sys.argv[2]
lines = sum(1 for _ in open(path, "rb"))
with open(path, "rb") as stdin, open(os.devnull, "wb") as devnull:
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "check", "--today", "2026-11-27"], stdin=stdin, stdout=devnull)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
if status != 0:
    sys.exit(f"klinik-nik exited with status {status}")
print(f"CLI: {lines} lines in {elapsed:.2f} s = {lines / elapsed / 1e6:.2f} M lines/s, "
      f"peak memory {usage.ru_maxrss / 1024:.1f} MiB")
