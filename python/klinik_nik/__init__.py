"""Check Indonesian NIK and Nomor KK numbers by the million.

The checks of Klinik NIK (the same Rust library as its website and its
``klinik-nik`` command line), over whole columns: every region code of every
edition (the new Papua provinces included), the birth date and sex encoded in
the number, the serial, Excel's damage (``3,51102E+15``, a lost sixteenth
digit), and a code and a message for every problem.

Columns go in as any Arrow array or chunked array (pyarrow, Polars, pandas,
DuckDB results: anything with ``__arrow_c_array__`` or ``__arrow_c_stream__``)
or as a plain Python sequence (a list, a pandas ``object`` Series of mixed
values). Results come out as Arrow: a ``pyarrow`` array or table when pyarrow
is installed, otherwise an object carrying the Arrow PyCapsule interface.

A valid format is not proof that a NIK is registered or active: only
Dukcapil can say that.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Optional, Sequence, Tuple, Union

from . import _native

__all__ = [
    "check_nik",
    "check_kk",
    "check_pair",
    "compare_stated",
    "is_valid",
    "parse",
    "audit",
    "RESULT_COLUMNS",
]

#: The columns ``audit`` adds, as ``klinik-nik check --table --format csv``
#: writes them (the library's own list).
RESULT_COLUMNS = tuple(_native.result_columns())


def _today(today: Optional[Union[_dt.date, str]]) -> Tuple[int, int, int]:
    if today is None:
        today = _dt.date.today()
    elif isinstance(today, str):
        today = _dt.date.fromisoformat(today)
    elif not isinstance(today, _dt.date):
        raise TypeError(f"today: expected a datetime.date or 'YYYY-MM-DD', got {type(today).__name__}")
    return (today.year, today.month, today.day)


def _arrow(result: Any) -> Any:
    """A pyarrow array where pyarrow is installed; the capsule object otherwise."""
    try:
        import pyarrow as pa
    except ImportError:
        return result
    return pa.array(result)


def _column(values: Any) -> Any:
    """How a column goes in: pandas ``object`` columns (mixed values, which
    pyarrow cannot convert) and numpy arrays as their values; everything
    else through the Arrow PyCapsule interface where it has it."""
    mod = type(values).__module__
    if mod.startswith("pandas") and str(getattr(values, "dtype", "")) == "object":
        return values.tolist()
    if hasattr(values, "__arrow_c_array__") or hasattr(values, "__arrow_c_stream__"):
        return values
    if mod.startswith("pandas"):
        try:
            import pyarrow as pa

            return pa.array(values)
        except Exception:  # noqa: BLE001 - any pandas column pyarrow cannot take
            return values.tolist()
    if mod.startswith("numpy"):
        return values.tolist()
    return values


def check_nik(
    values: Any, *, today: Optional[Union[_dt.date, str]] = None, lang: str = "id", dictionary: bool = True
) -> Any:
    """Check every value of a column as a NIK.

    Returns a struct array with one record per value, the fields of the
    ``klinik-nik check`` JSON Lines record: ``input``, ``valid``, ``nik``,
    ``codes``, ``messages``, ``province_code``, ``province``,
    ``regency_code``, ``regency``, ``district_code``, ``district``, ``sex``
    (``"male"``/``"female"``), ``birth_date`` (a date), ``age`` (at
    ``today``), ``serial``.

    The place and sex columns are dictionary-encoded (each name written
    once, a key per row: pandas and Polars read them as categoricals);
    ``dictionary=False`` gives plain text columns, which Spark needs.

    Missing values, numbers (a NIK Excel stored as a number: ``3.51102e15``
    gives ``TABLE_EXCEL_SCIENTIFIC``, a sixteen-digit float ending in 0
    ``TABLE_EXCEL_TRUNCATED``), bytes that are not UTF-8 and very long
    strings each get a record and a code, never an exception.

    >>> import klinik_nik
    >>> r = klinik_nik.check_nik(["3511015003850001", "35110150O3850001"], today="2026-12-03")
    >>> [x["valid"] for x in r.to_pylist()]
    [True, False]
    """
    return _arrow(_native.check_column(_column(values), False, _today(today), lang, dictionary))


def check_kk(
    values: Any, *, today: Optional[Union[_dt.date, str]] = None, lang: str = "id", dictionary: bool = True
) -> Any:
    """Check every value of a column as a Nomor KK (family card number).

    The same record as :func:`check_nik`, with ``kk`` for ``nik`` and
    ``recorded_date`` for ``birth_date``, and no ``sex`` or ``age``.
    """
    return _arrow(_native.check_column(_column(values), True, _today(today), lang, dictionary))


def check_pair(nik: Any, kk: Any, *, today: Optional[Union[_dt.date, str]] = None, lang: str = "id") -> Any:
    """A NIK and a KK number of the same row, checked together (e.g. the
    same number typed twice): a struct array of ``valid``, ``codes``,
    ``messages`` (``PAIR_*`` codes)."""
    return _arrow(_native.check_pair_columns(_column(nik), _column(kk), _today(today), lang))


def compare_stated(
    nik: Any,
    *,
    birth_date: Any = None,
    sex: Any = None,
    regency: Any = None,
    today: Optional[Union[_dt.date, str]] = None,
    lang: str = "id",
) -> Any:
    """What a list says of each person against what the NIK encodes: the
    birth date (``"05-08-1960"``, ``"SLEMAN, 5 Agustus 1960"``, a date), the
    sex (``L``/``P``, ``Laki-laki``/``Perempuan``) and the regency of
    residence (a name). A struct array of ``valid``, ``codes``, ``messages``
    (``STATED_*`` codes; a difference of regency is normal after a move)."""
    cols = [None if c is None else _column(c) for c in (birth_date, sex, regency)]
    return _arrow(_native.compare_stated_columns(_column(nik), *cols, _today(today), lang))


def is_valid(value: Any, *, today: Optional[Union[_dt.date, str]] = None) -> Any:
    """Whether a NIK is well-formed: ``True``/``False`` for one value, a
    boolean array for a column (the ``valid`` of :func:`check_nik`, faster).

    >>> import klinik_nik
    >>> klinik_nik.is_valid("3511015003850001"), klinik_nik.is_valid("3199015003850001")
    (True, False)
    """
    if isinstance(value, (str, bytes, int, float)) or value is None:
        return parse(value, today=today)["valid"]
    return _arrow(_native.is_valid_column(_column(value), _today(today)))


def parse(value: Any, *, today: Optional[Union[_dt.date, str]] = None, lang: str = "id", kk: bool = False) -> dict:
    """One NIK (or, with ``kk=True``, one KK number) checked: a dict with the
    fields of :func:`check_nik`'s records.

    >>> import klinik_nik
    >>> d = klinik_nik.parse("3511015003850001", today="2026-12-03")
    >>> d["regency"], d["sex"], d["birth_date"].isoformat()
    ('Kabupaten Bondowoso', 'female', '1985-03-10')
    """
    return _native.parse_one(value, _today(today), lang, kk)


def _get(table: Any, name: Optional[str]) -> Any:
    if name is None:
        return None
    try:
        col = table[name]
    except Exception as e:  # noqa: BLE001
        raise KeyError(f"no column {name!r} in the table") from e
    return _column(col)


def audit(
    table: Any,
    *,
    nik: str,
    kk: Optional[str] = None,
    name: Optional[str] = None,
    birth_date: Optional[str] = None,
    sex: Optional[str] = None,
    regency: Optional[str] = None,
    today: Optional[Union[_dt.date, str]] = None,
    lang: str = "id",
    first_row: int = 1,
) -> Tuple[Any, dict]:
    """A whole list, as ``klinik-nik check --table`` checks it: each NIK and
    KK, Excel's damage, the same NIK on two rows, NIK = KK, a KK under two
    family names, and the stated birth date, sex and regency against the NIK.

    ``table`` is a pandas or Polars DataFrame, a pyarrow Table or anything
    indexable by column name; the arguments name its columns. Returns the
    table with the nine columns of the CLI's CSV added (``nik_valid``,
    ``nik``, ``codes``, ``messages``, ``province``, ``regency``,
    ``district``, ``sex``, ``birth_date``, all text as in the CSV) and a
    summary dict (``rows``, ``valid``, ``errors``, ``warnings``,
    ``excel_truncated``, ``duplicates``: each repeated NIK with its rows).
    Rows are numbered from ``first_row`` (use 2 to match a spreadsheet with
    a header row, as the CLI does).
    """
    if hasattr(table, "arrow") and not hasattr(table, "__getitem__"):
        table = table.arrow()  # a DuckDB relation
    cols = [_get(table, c) for c in (kk, name, birth_date, sex, regency)]
    result, summary = _native.audit_columns(_get(table, nik), *cols, _today(today), lang, first_row)
    return _attach(table, result), summary


def _attach(table: Any, result: Any) -> Any:
    """The input table with the result columns added, in its own kind."""
    import pyarrow as pa

    res = pa.array(result)
    columns = {f.name: res.field(i) for i, f in enumerate(res.type)}
    mod = type(table).__module__
    if mod.startswith("pandas"):
        out = table.copy()
        for k, v in columns.items():
            out[k] = v.to_numpy(zero_copy_only=False)
        return out
    if mod.startswith("polars"):
        import polars as pl

        return table.with_columns([pl.from_arrow(v).alias(k) for k, v in columns.items()])
    if isinstance(table, pa.Table):
        for k, v in columns.items():
            table = table.append_column(k, v)
        return table
    return pa.table(columns)


#: The record of :func:`check_nik` as a Spark DDL schema, for ``mapInArrow``.
SPARK_SCHEMA = (
    "input string, valid boolean, nik string, codes array<string>, messages array<string>, "
    "province_code string, province string, regency_code string, regency string, "
    "district_code string, district string, sex string, birth_date date, age int, serial string"
)
__all__.append("SPARK_SCHEMA")
