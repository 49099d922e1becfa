"""Where python-stdnum 2.2 (`stdnum.id.nik.is_valid`, what data teams use
today) disagrees with this library: computed here, and the README's table must
say exactly this (run with KLINIK_NIK_UPDATE_README=1 to rewrite it)."""

import os
import re

import pyarrow as pa
from stdnum.id import nik as stdnum_nik

import klinik_nik
from conftest import ROOT, TODAY


def cases():
    """(what, NIKs) groups: NIKs made for every regency code of every
    edition, and the kinds of wrong NIK an office list holds."""
    places = klinik_nik._native.places()
    provinces = sorted({p // 10_000 for p in places})
    real = []
    for i, p in enumerate(places):
        real.append(f"{p:06d}150585{i % 9000 + 1:04d}")
        real.append(f"{p:06d}550585{i % 9000 + 1:04d}")
    unknown = [f"{p:02d}{99 if p != 99 else 98}010101800001" for p in provinces]
    unknown = [n for n in unknown if not klinik_nik.is_valid(n)]
    return [
        ("real regency codes of every edition, a man and a woman each", real),
        ("a regency code in no edition (3199…, one per province)", unknown),
        ("regency 00 (3100…, one per province)", [f"{p:02d}00010101800001" for p in provinces]),
        ("day 32–40 or above 71", [f"351101{d:02d}0185{s:04d}" for d in (32, 35, 40, 72, 80, 99) for s in (1, 2)]),
        ("month 00 or above 12", [f"35110101{m:02d}85{s:04d}" for m in (0, 13, 20, 99) for s in (1, 2)]),
        ("a date that does not exist (30-02, 31-04, women's 70-02)", ["3511013002850001", "3511013104850001", "3511017002850001"]),
        ("serial 0000", ["3511010101850000", "3511015505850000"]),
    ]


def table():
    rows = ["| NIKs | tried | klinik-nik: valid | python-stdnum 2.2: valid |", "|---|---:|---:|---:|"]
    notes = []
    for what, niks in cases():
        ours = klinik_nik.is_valid(pa.array(niks), today=TODAY).to_pylist()
        theirs = [stdnum_nik.is_valid(n) for n in niks]
        rows.append(f"| {what} | {len(niks):,} | {sum(ours):,} | {sum(theirs):,} |")
        if what.startswith("real"):
            rejected = sorted({n[:2] for n, t in zip(niks, theirs) if not t})
            names = [klinik_nik.parse(p + "01010101800001")["province"] or p for p in rejected]
            notes.append(f"python-stdnum rejects every real NIK of {len(rejected)} province codes: "
                         + ", ".join(f"{p} ({n})" for p, n in zip(rejected, names)) + ".")
    return "\n".join(rows) + "\n\n" + "\n".join(notes) + "\n"


def test_the_readme_table_is_what_stdnum_does():
    got = table()
    print(got)
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"<!-- stdnum-table -->\n(.*?)<!-- /stdnum-table -->", text, re.S)
    assert block
    if os.environ.get("KLINIK_NIK_UPDATE_README"):
        path.write_text(text.replace(block.group(0), f"<!-- stdnum-table -->\n{got}<!-- /stdnum-table -->"), encoding="utf-8")
    else:
        assert block.group(1) == got, "README.md's table differs from what python-stdnum does: rerun with KLINIK_NIK_UPDATE_README=1"
