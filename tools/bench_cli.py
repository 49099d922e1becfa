#!/usr/bin/env python3
"""Times the CLI end to end on a file (output to /dev/null) and reports its
peak memory (ru_maxrss from wait4), to show that it streams. Best of 3 runs:
this machine is shared, and a single run can be slowed by a neighbour.

Usage: bench_cli.py BINARY INPUT_FILE [--table]
  without --table: one NIK per line, `check` writing JSON Lines;
  with --table: a CSV list, `check --table -` writing the enriched CSV."""
import os
import subprocess
import sys
import time

binary, path = sys.argv[1], sys.argv[2]
table = "--table" in sys.argv[3:]
lines = sum(1 for _ in open(path, "rb"))
args = [binary, "check", "--today", "2026-11-27"] + (["--table", "-", "--format", "csv"] if table else [])
best, peak = None, 0
for _ in range(3):
    with open(path, "rb") as stdin, open(os.devnull, "wb") as devnull:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdin=stdin, stdout=devnull, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"klinik-nik exited with status {status}")
    best = elapsed if best is None else min(best, elapsed)
    peak = max(peak, usage.ru_maxrss)
what = "table rows" if table else "lines"
print(f"CLI{' --table' if table else ''}: {lines} {what} in {best:.2f} s (best of 3) = {lines / best / 1e6:.2f} M {what}/s, "
      f"peak memory {peak / 1024:.1f} MiB")
