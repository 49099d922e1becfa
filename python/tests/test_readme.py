"""The README's examples for pandas, Polars and DuckDB, run exactly as written
(the Spark one is run by test_spark.py)."""

import contextlib
import io

from conftest import readme_block


def run(title):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_block(title), f"README: {title}", "exec"), {})
    return out.getvalue()


def test_pandas_example(daftar):
    out = run("pandas (a list as offices keep it")
    assert out.startswith("20 15 [('3511015003850001', [2, 9])]")
    assert "Rina" in out and "TABLE_EXCEL_SCIENTIFIC" in out and "Dewi" in out


def test_polars_example(daftar):
    out = run("Polars:")
    assert "Rina" in out and "NIK_CHAR_INVALID" in out
    assert "Kabupaten Bondowoso" in out


def test_duckdb_example(daftar):
    out = run("DuckDB (SQL over the CSV")
    assert "('Dewi', '35110150O3850005')" in out and "Siti" not in out
