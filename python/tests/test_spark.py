"""The README's Spark recipe, run as written on local PySpark (local[2]) over
a generated 1,000,000-row Parquet file; every output row compared with
`klinik-nik check` on the same value."""

import contextlib
import datetime as dt
import io
import json
import os
import subprocess
import sys
import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import klinik_nik
from conftest import readme_block
from test_cli_agreement import corpus

ROWS = int(os.environ.get("KLINIK_NIK_SPARK_ROWS", "1000000"))


def test_spark_recipe_over_a_million_rows(tmp_path, monkeypatch, cli, capsys):
    monkeypatch.chdir(tmp_path)
    # The executors run this same Python (where the wheel is installed).
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    values = corpus()
    picks = np.random.default_rng(23).integers(0, len(values), ROWS)
    pq.write_table(pa.table({"nik": pa.array(values).take(pa.array(picks))}), "niks.parquet")

    ns = {}
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_block("Spark, where a list outgrows one machine"), "README: Spark", "exec"), ns)
    # Written as Parquet by the executors, as a register would be.
    ns["checked"].write.parquet("checked.parquet")
    took = time.perf_counter() - start
    table = pq.read_table("checked.parquet")
    spark = ns["spark"]
    spark.stop()
    assert table.num_rows == ROWS
    assert "|valid|" in out.getvalue().replace(" ", ""), out.getvalue()

    # Every row against the CLI's record for the same value (the CLI answers
    # each distinct value once; the corpus is ~1,200 values).
    today = dt.date.today().isoformat()
    lines = sorted(set(values))
    res = subprocess.run([cli, "check", "--today", today], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    expected = {line: json.loads(r) for line, r in zip(lines, res)}
    bad = 0
    inputs = table.column("input").to_pylist()
    valid = table.column("valid").to_pylist()
    codes = table.column("codes").to_pylist()
    births = table.column("birth_date").to_pylist()
    regencies = table.column("regency").to_pylist()
    for i in range(table.num_rows):
        t = expected[inputs[i]]
        if "E+" in inputs[i]:
            bad += codes[i] != ["TABLE_EXCEL_SCIENTIFIC"]
            continue
        want = (t["valid"], [x["code"] for x in t["issues"]], t["birth_date"], t["regency"] and t["regency"]["name"])
        got = (valid[i], codes[i], births[i] and births[i].isoformat(), regencies[i])
        bad += want != got
    with capsys.disabled():
        print(f"\nSpark local[2]: {ROWS:,} rows checked through mapInArrow in {took:.1f} s "
              f"({ROWS / took:,.0f} rows/s, Spark's start included), {bad} disagreements with klinik-nik check")
    assert bad == 0
