"""Speed of the Python package, printed (issue 23): check_nik with every
decoded field and is_valid over an Arrow string column on one thread, peak
memory, python-stdnum 2.2's is_valid on the same data, and the wheel's size.

    python python/benches/bench.py [ROWS] [STDNUM_ROWS] [WHEEL]

./build.sh test runs it briefly (1,000,000 rows); ./build.sh bench-python
runs the 10,000,000 rows the goals are stated for. Not a test: it prints.
"""

import os
import resource
import sys
import time

import numpy as np
import pyarrow as pa
from stdnum.id import nik as stdnum_nik

import klinik_nik

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
STDNUM_ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
WHEEL = sys.argv[3] if len(sys.argv) > 3 else None


def column(rows):
    """A register as data teams get them: NIKs of every regency code of every
    edition, men and women, one in twenty damaged (a letter O, a lost digit,
    a day out of range, Excel's notation)."""
    pool = []
    for i, p in enumerate(klinik_nik._native.places()):
        day = 1 + i % 28 + (40 if i % 2 else 0)
        pool.append(f"{p:06d}{day:02d}{1 + i % 12:02d}{(60 + i) % 100:02d}{1 + i % 9000:04d}")
    bad = ["35110150O3850001", "351101500385001", "3511013603850001", "3.51102E+15"]
    pool = pool * 5 + bad * (len(pool) // 16)
    picks = np.random.default_rng(23).integers(0, len(pool), rows)
    return pa.array(pool).take(pa.array(picks))


def best(f, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    col = column(ROWS)
    t_check = best(lambda: klinik_nik.check_nik(col, today="2026-12-03"))
    t_valid = best(lambda: klinik_nik.is_valid(col, today="2026-12-03"))
    sample = col.slice(0, STDNUM_ROWS).to_pylist()
    t_std = best(lambda: [stdnum_nik.is_valid(x) for x in sample], runs=1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    check_rate, valid_rate, std_rate = ROWS / t_check, ROWS / t_valid, STDNUM_ROWS / t_std

    def goal(ok):
        return "met" if ok else "NOT MET"

    print(f"python: {ROWS:,} NIKs (an Arrow string column), one thread, best of 3:")
    print(f"  check_nik, every decoded field: {t_check:.2f} s = {check_rate / 1e6:.2f} M rows/s (goal 5 M/s: {goal(check_rate >= 5e6)})")
    print(f"  is_valid, a boolean column:     {t_valid:.2f} s = {valid_rate / 1e6:.2f} M rows/s (goal 10 M/s: {goal(valid_rate >= 10e6)})")
    print(f"  python-stdnum 2.2 is_valid on the first {STDNUM_ROWS:,} of the same rows: {std_rate:,.0f} rows/s")
    print(f"  ratio: check_nik {check_rate / std_rate:.0f}x, is_valid {valid_rate / std_rate:.0f}x python-stdnum (goal 50x: {goal(check_rate / std_rate >= 50)})")
    print(f"  peak memory of this process: {peak:,.0f} MiB (the column itself: {col.nbytes / 2**20:,.0f} MiB)")
    if WHEEL:
        size = os.path.getsize(WHEEL)
        print(f"  the wheel: {size:,} B = {size / 2**20:.2f} MiB (goal 2 MiB: {goal(size <= 2 * 2**20)})")


if __name__ == "__main__":
    main()
