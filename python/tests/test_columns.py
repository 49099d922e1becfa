"""Columns in, columns out: every kind of column data teams hand over, and
what a list really holds."""

import datetime as dt
import threading
import time

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import klinik_nik
from conftest import ROOT, TODAY

GOOD = "3511015003850001"  # Kabupaten Bondowoso, woman born 10-03-1985
FIELDS = ["input", "valid", "nik", "codes", "messages", "province_code", "province", "regency_code",
          "regency", "district_code", "district", "sex", "birth_date", "age", "serial"]


def test_a_record_with_every_decoded_field():
    r = klinik_nik.check_nik([GOOD], today=TODAY)
    assert isinstance(r, pa.StructArray)
    assert [f.name for f in r.type] == FIELDS
    assert r.to_pylist()[0] == {
        "input": GOOD, "valid": True, "nik": GOOD, "codes": [], "messages": [],
        "province_code": "35", "province": "Jawa Timur", "regency_code": "35.11",
        "regency": "Kabupaten Bondowoso", "district_code": "35.11.01", "district": "Maesan",
        "sex": "female", "birth_date": dt.date(1985, 3, 10), "age": 41, "serial": "0001",
    }


@pytest.mark.parametrize("make", [
    lambda v: pa.array(v),
    lambda v: pa.array(v, pa.large_string()),
    lambda v: pa.array(v, pa.string_view()),
    lambda v: pa.chunked_array([v[:1], v[1:]]),
    lambda v: pa.array(v).dictionary_encode(),
    lambda v: pl.Series(v),
    lambda v: pd.Series(v, dtype="string[pyarrow]"),
    lambda v: pd.Series(v, dtype=object),
    lambda v: list(v),
    lambda v: tuple(v),
], ids=["utf8", "large", "view", "chunked", "dictionary", "polars", "pandas-arrow", "pandas-object", "list", "tuple"])
def test_any_column_gives_the_same_records(make):
    values = [GOOD, "35110150O3850001", None, "3199015003850001"]
    got = klinik_nik.check_nik(make(values), today=TODAY).to_pylist()
    assert [r["valid"] for r in got] == [True, False, False, False]
    assert [r["codes"] for r in got] == [[], ["NIK_CHAR_INVALID"], ["NIK_EMPTY"], ["NIK_REGENCY_UNKNOWN"]]


def test_what_lists_really_hold_each_gets_a_record_never_an_exception():
    values = [
        None, float("nan"), 3.51102e15, 3511015003850010.0, 3511015003850001, 351101500385001,
        b"\xff\xfe3511", "x" * 1_000_000, True, dt.date(2020, 1, 1), 3.5, "", "  3511 0150 0385 0001 ",
        "'3511015003850001", "3,51102E+15",
    ]
    got = klinik_nik.check_nik(pd.Series(values, dtype=object), today=TODAY).to_pylist()
    assert len(got) == len(values)
    codes = [r["codes"] for r in got]
    assert codes[0] == codes[1] == ["NIK_EMPTY"], "None and pandas' NaN are missing values"
    assert codes[2] == ["TABLE_EXCEL_SCIENTIFIC"] and not got[2]["valid"]
    assert codes[3] == ["TABLE_EXCEL_TRUNCATED"] and got[3]["valid"], "a 16-digit float ending in 0: only a warning"
    assert codes[4] == [] and got[4]["valid"], "an integer keeps its digits"
    assert codes[5] == ["NIK_LENGTH"], "a 15-digit integer lost a digit"
    assert "NIK_CHAR_INVALID" in codes[6] and "\ufffd" in got[6]["input"], "bytes that are not UTF-8"
    assert not got[7]["valid"] and len(got[7]["input"]) == 1_000_000
    assert codes[14] == ["TABLE_EXCEL_SCIENTIFIC"], "Indonesian Excel's comma"
    assert got[12]["valid"] and got[12]["nik"] == GOOD
    # Excel's damage is said with the cell quoted.
    assert "3.51102E15" in got[2]["messages"][0]


def test_arrow_integers_floats_and_nulls():
    assert klinik_nik.check_nik(pa.array([3511015003850001], pa.int64()), today=TODAY).to_pylist()[0]["valid"]
    got = klinik_nik.check_nik(pa.array([3.51102e15, None], pa.float64()), today=TODAY).to_pylist()
    assert got[0]["codes"] == ["TABLE_EXCEL_SCIENTIFIC"] and got[1]["codes"] == ["NIK_EMPTY"]
    assert klinik_nik.check_nik(pa.nulls(3), today=TODAY).to_pylist()[2]["codes"] == ["NIK_EMPTY"]


def test_a_wrong_argument_raises_a_type_error_that_says_what_was_expected():
    with pytest.raises(TypeError, match="expected a column"):
        klinik_nik.check_nik(GOOD)
    with pytest.raises(TypeError, match="expected one column, got a table of 2 columns"):
        klinik_nik.check_nik(pa.table({"a": [GOOD], "b": [GOOD]}))
    with pytest.raises(TypeError, match="expected a column of text or numbers"):
        klinik_nik.check_nik(pa.array([dt.date(2020, 1, 1)]))
    with pytest.raises(TypeError, match="expected an Arrow array"):
        klinik_nik.check_nik(42)
    with pytest.raises(ValueError, match="lang"):
        klinik_nik.check_nik([GOOD], lang="jv")
    with pytest.raises(ValueError, match="values, but nik has"):
        klinik_nik.compare_stated([GOOD], sex=["L", "P"])


def test_scalars_and_the_kk():
    assert klinik_nik.is_valid(GOOD) is True and klinik_nik.is_valid("3199015003850001") is False
    assert klinik_nik.is_valid(None) is False
    assert klinik_nik.is_valid(pa.array([GOOD, "x"])).to_pylist() == [True, False]
    d = klinik_nik.parse(GOOD, today=TODAY, lang="en")
    assert d["regency"] == "Kabupaten Bondowoso" and d["birth_date"] == dt.date(1985, 3, 10) and d["age"] == 41
    kk = klinik_nik.check_kk(["3511012003150007"], today=TODAY).to_pylist()[0]
    assert kk["valid"] and kk["kk"] == "3511012003150007" and "sex" not in kk and kk["recorded_date"] == dt.date(2015, 3, 20)
    pair = klinik_nik.check_pair([GOOD, GOOD], [GOOD, "3511012003150007"]).to_pylist()
    assert pair[0]["codes"] == ["PAIR_SAME_NUMBER"] and pair[1]["codes"] == []
    st = klinik_nik.compare_stated([GOOD], birth_date=["SLEMAN, 11 Maret 1985"], sex=["L"], regency=["Surabaya"], today=TODAY).to_pylist()[0]
    assert st["codes"] == ["STATED_BIRTH_DATE_DIFFERS", "STATED_SEX_DIFFERS", "STATED_REGENCY_DIFFERS"]
    assert "tertulis di daftar" in st["messages"][0]


def test_english_messages():
    got = klinik_nik.check_nik(["35110150O3850001"], lang="en").to_pylist()[0]
    assert got["messages"][0].startswith("There is the letter")


def test_the_gil_is_released_while_checking(capsys):
    column = pa.array([GOOD] * 2_000_000)
    done = threading.Event()
    spins = 0

    def work():
        klinik_nik.check_nik(column, today=TODAY)
        done.set()

    t = threading.Thread(target=work)
    start = time.perf_counter()
    t.start()
    while not done.is_set():
        spins += 1
    t.join()
    took = time.perf_counter() - start
    with capsys.disabled():
        print(f"\n2,000,000 NIKs in a thread: {took:.2f} s, the main thread ran {spins:,} loop turns meanwhile")
    assert spins > 10_000


def test_audit_is_the_clis_table_check(daftar):
    """The 20-row office list: the same nine result columns as the CLI's
    committed answer (tests/data/desk-list-expected.csv), byte for byte."""
    import csv

    df = pd.read_csv(ROOT / "tests/data/desk-list.csv", sep=";", dtype=str, keep_default_na=False)
    out, summary = klinik_nik.audit(df, nik="NIK", kk="No KK", name="Nama", birth_date="Tempat, Tgl Lahir",
                                    sex="JK", regency="Kab/Kota", today="2026-11-28", first_row=2)
    expected = list(csv.reader((ROOT / "tests/data/desk-list-expected.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    head, rows = expected[0], expected[1:]
    for k, col in enumerate(klinik_nik.RESULT_COLUMNS):
        j = head.index(col)
        assert out[col].tolist() == [r[j] for r in rows], col
    assert summary == {"rows": 20, "valid": 15, "errors": 5, "warnings": 3, "excel_truncated": False,
                       "duplicates": [("3511015003850001", [2, 9])]}
    # The same from Polars and from a pyarrow Table.
    pol, _ = klinik_nik.audit(pl.from_pandas(df), nik="NIK", kk="No KK", name="Nama", today="2026-11-28", first_row=2)
    tab, _ = klinik_nik.audit(pa.Table.from_pandas(df), nik="NIK", kk="No KK", name="Nama", today="2026-11-28", first_row=2)
    assert pol["codes"].to_list() == tab.column("codes").to_pylist()
    assert pol.columns[-9:] == list(klinik_nik.RESULT_COLUMNS)


def test_the_docstring_examples():
    import doctest

    failed, tried = doctest.testmod(klinik_nik)
    assert tried >= 4 and failed == 0
