"""Shared pieces of the Python package's tests (run by ./build.sh test in a
fresh virtual environment with the wheel installed)."""

import csv
import datetime as dt
import os
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CLI = pathlib.Path(os.environ.get("KLINIK_NIK_CLI", ROOT / "target" / "release" / "klinik-nik"))
TODAY = "2026-12-03"


def readme_block(title: str) -> str:
    """The README's Python example that follows the line starting with `title`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(re.escape(title) + r"[^\n]*\n\n```python\n(.*?)```", text, re.S)
    assert m, f"no example after {title!r} in README.md"
    return m.group(1)


@pytest.fixture
def daftar(tmp_path, monkeypatch):
    """The README's `daftar.csv`: the 20-row office list of tests/data, comma-separated."""
    rows = list(csv.reader((ROOT / "tests/data/desk-list.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    with open(tmp_path / "daftar.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "daftar.csv"


@pytest.fixture(scope="session")
def cli():
    assert CLI.exists(), f"{CLI}: build it with cargo build --release"
    return str(CLI)


def today():
    return dt.date.fromisoformat(TODAY)
