#!/usr/bin/env python3
"""Generate src/regions_table.rs from the region-code packages on the registries.

Usage: gen_regions.py PACKAGE_DIR OUTPUT.rs

PACKAGE_DIR holds the extracted packages (see build.sh `regions`):
  idn-area-data-4.0.1/  idn-area-data-3.1.2/  idn-area-data-2.2.1/  (npm, ODbL data)
  nik-parser-1.0.1/     (npm, wilayah.json)
  iniknumber-0.1.0/     (PyPI wheel, data/location_data.csv)

and data/historical_regions.toml (committed beside this tool): the few codes
older than every package (renumbered before 2015), each with its law and
sources.

Every code any edition carries becomes one row with a bit set per edition that
carries it; the name comes from the newest edition that has the code. Pre-2022
sources are used for codes only where newer names exist, and their upper-case
names are title-cased otherwise. Nothing here is typed by hand: the packages
are the only input. Standard library only, so a fresh machine needs nothing.
"""
import csv
import json
import os
import re
import sys
import tomllib

# Bit per edition, oldest first. Keep in sync with `Edition` in src/regions.rs.
PRE2013, PRE2022, E2022A, E2022B, E2025 = 1, 2, 4, 8, 16

HISTORICAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "historical_regions.toml")


def dotted(code):
    code = code.strip()
    if "." in code:
        return code
    return ".".join(code[i:i + 2] for i in range(0, len(code), 2))


SMALL = {"dan", "di"}

# Cosmetic corrections of upstream names, by code: (name in the package, name
# written here). Only spelling marks and capitals; never a different name.
# Each is counted in the generated header; one that no longer matches the
# packages stops the generator, so a fixed upstream is noticed.
CORRECTIONS = {
    "11.17.07": ("Timang gajah", "Timang Gajah"),
    "35.29.22": ('Ra"as', "Ra'as"),
    "53.02.20": ("Kot olin", "Kot Olin"),
    "53.10.17": ("Cibal barat", "Cibal Barat"),
}

# District codes known to have existed only in Kepmendagri 050-145/2022 that no
# registry package carries (BRIEF §2.5): a NIK with one gets the
# district-unknown warning, whose text says such codes may be missing.
KNOWN_GAP = ["91.01.21", "91.01.22", "91.18.20", "91.18.21", "91.18.22", "91.18.23"]


def title(name):
    """'KAB. ACEH SELATAN' -> 'Kabupaten Aceh Selatan'; keeps mixed-case names."""
    name = re.sub(r"\s+--\s*\d+\s*$", "", name).strip()  # nik-parser appends postal codes
    name = re.sub(r"\s+", " ", name)
    if name != name.upper():
        return name
    name = re.sub(r"^KAB\.?\s+", "KABUPATEN ", name)
    name = re.sub(r"^KOTA ADM\.?\s+", "KOTA ADMINISTRASI ", name)
    out = []
    for i, word in enumerate(name.lower().split(" ")):
        if i and word in SMALL:
            out.append(word)
        else:
            out.append(re.sub(r"(^|[-(/'])([a-z])", lambda m: m.group(1) + m.group(2).upper(), word))
    name = " ".join(out)
    return name.replace("Dki ", "DKI ").replace("Di ", "DI ", 1) if name.startswith(("Dki", "Di ")) else name


def read_idn(root, version, bit, rows):
    base = os.path.join(root, f"idn-area-data-{version}", "package", "data")
    for level, fname in ((1, "provinces.csv"), (2, "regencies.csv"), (3, "districts.csv")):
        with open(os.path.join(base, fname), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                add(rows, dotted(r["code"]), level, r["name"], bit)


def read_pre2022(root, rows):
    path = os.path.join(root, "iniknumber-0.1.0", "iniknumber", "data", "location_data.csv")
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for code, name in reader:
            # The CSV went through a float conversion upstream: regency 11.10 is
            # written "11.1". Districts (11.10.01) kept their zeros.
            if re.fullmatch(r"\d\d\.\d", code):
                code += "0"
            level = code.count(".") + 1
            if level <= 3:
                add(rows, code, level, name, PRE2022)
    with open(os.path.join(root, "nik-parser-1.0.1", "package", "src", "wilayah.json"), encoding="utf-8") as f:
        w = json.load(f)
    for level, key in ((1, "provinsi"), (2, "kabkot"), (3, "kecamatan")):
        for code, name in w[key].items():
            add(rows, dotted(code), level, name, PRE2022)


def read_historical(rows):
    """data/historical_regions.toml: regency codes older than every package.
    Each must be absent from the packages (else the file is stale) and name a
    regency of the current edition (so the checker can name today's office)."""
    with open(HISTORICAL, "rb") as f:
        kb = tomllib.load(f)
    (edition,) = kb["edition"]
    if not edition.get("sources") or not edition.get("basis"):
        raise SystemExit("historical_regions.toml: the edition needs its basis and sources")
    current = {row["names"][E2025] for row in rows.values() if row["level"] == 2 and E2025 in row["names"]}
    added = []
    for r in edition["regencies"]:
        code, name = r["code"], r["name"]
        if code in rows:
            raise SystemExit(f"historical_regions.toml: {code} is now in the packages; drop it from the file")
        if name not in current:
            raise SystemExit(f"historical_regions.toml: {code} {name!r} is not a current regency name")
        add(rows, code, 2, name, PRE2013)
        added.append(f"{code} {name}")
    return edition, added


def add(rows, code, level, name, bit):
    if not re.fullmatch(r"\d\d(\.\d\d){%d}" % (level - 1), code):
        raise SystemExit(f"unexpected code {code!r} (level {level})")
    row = rows.setdefault(code, {"level": level, "bits": 0, "names": {}})
    row["bits"] |= bit
    row["names"].setdefault(bit, title(name))


def rust_str(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    root, out = sys.argv[1], sys.argv[2]
    meta = json.loads(os.environ.get("KLINIK_REGION_META", "{}"))
    rows = {}
    read_idn(root, "4.0.1", E2025, rows)
    read_idn(root, "3.1.2", E2022B, rows)
    read_idn(root, "2.2.1", E2022A, rows)
    read_pre2022(root, rows)
    historical, historical_added = read_historical(rows)

    applied = 0
    for code, (upstream, fixed) in CORRECTIONS.items():
        names = rows.get(code, {}).get("names", {})
        hits = [bit for bit, n in names.items() if n == upstream]
        if not hits:
            raise SystemExit(f"correction for {code}: {upstream!r} is no longer in the packages")
        for bit in hits:
            names[bit] = fixed
        applied += 1
    gap_present = [c for c in KNOWN_GAP if c in rows]
    if gap_present:
        raise SystemExit(f"known-gap codes now in the packages: {gap_present}; update KNOWN_GAP")

    # Integrity: every district's regency and province exist in some edition.
    for code, row in rows.items():
        parts = code.split(".")
        for k in range(1, len(parts)):
            parent = ".".join(parts[:k])
            if parent not in rows:
                raise SystemExit(f"{code}: parent {parent} missing")

    levels = {1: [], 2: [], 3: []}
    for code in sorted(rows):
        row = rows[code]
        newest = max(row["names"])
        name = row["names"][newest]
        if "\n" in name or not name:
            raise SystemExit(f"bad name for {code}: {name!r}")
        levels[row["level"]].append((int(code.replace(".", "")), name, row["bits"]))

    counts = {lvl: len(v) for lvl, v in levels.items()}
    current = {lvl: sum(1 for r in v if r[2] & E2025) for lvl, v in levels.items()}
    only_old = {lvl: sum(1 for r in v if not r[2] & E2025) for lvl, v in levels.items()}

    L = []
    L.append("// DO NOT EDIT THIS FILE. IT WAS AUTOMATICALLY GENERATED BY:")
    L.append("//")
    L.append("//   ./build.sh regions      (runs tools/gen_regions.py)")
    L.append("//")
    L.append("// from these registry packages, fetched by name and checked against these sha256:")
    for name, sha in meta.get("packages", []):
        L.append(f"//   {name:<36} {sha}")
    L.append("//")
    L.append("// Editions (bits in the *_EDITIONS arrays):")
    L.append(f"//   1 = before 2013: {len(historical_added)} regency codes of Kalimantan Timur moved to Kalimantan Utara")
    L.append("//       (data/historical_regions.toml, no package has them; law and sources there):")
    L.append("//       " + "; ".join(historical_added))
    L.append("//   2 = before 2022, 34 provinces (iniknumber data/location_data.csv, nik-parser wilayah.json; codes only)")
    L.append("//   4 = Kepmendagri 100.1.1-6117/2022, 37 provinces (idn-area-data 2.2.1)")
    L.append("//   8 = that 2022 edition plus Papua Barat Daya (UU 29/2022), 38 provinces (idn-area-data 3.1.2)")
    L.append("//  16 = Kepmendagri 300.2.2-2138/2025, current (idn-area-data 4.0.1; names preferred)")
    L.append("//")
    L.append(f"// Counts (all editions / current edition / only in older editions):")
    for lvl, label in ((1, "provinces"), (2, "regencies and cities"), (3, "districts")):
        L.append(f"//   {label:<22} {counts[lvl]:>5} / {current[lvl]:>5} / {only_old[lvl]:>4}")
    L.append("//")
    L.append(f"// Known gap: {len(KNOWN_GAP)} district codes that existed only in Kepmendagri 050-145/2022")
    L.append(f"// are in no registry package ({', '.join(KNOWN_GAP)}); a NIK with one")
    L.append("// gets the district-unknown warning, which says short-lived 2022 codes may be missing.")
    L.append("//")
    L.append("// Known gap: the district codes below the before-2013 regency codes (64.04.xx …) are")
    L.append("// in no source; a NIK with one gets a note that digits 5-6 cannot be checked.")
    L.append("// Known gap: district codes renumbered when a regency was split before 2015 (e.g.")
    L.append("// Pangandaran from Ciamis, UU 21/2012) are in no package; such a NIK gets the")
    L.append("// district-unknown warning, or the name of the district that has the code now")
    L.append("// (never an error).")
    L.append("//")
    L.append(f"// Cosmetic corrections of upstream names (tools/gen_regions.py CORRECTIONS): {applied}")
    for code, (upstream, fixed) in sorted(CORRECTIONS.items()):
        L.append(f"//   {code}  {upstream} -> {fixed}")
    L.append("//")
    L.append("// Region data from idn-area-data by Fityan Ali Nugroho and contributors")
    L.append("// (https://github.com/fityannugroho/idn-area-data), made available under the")
    L.append("// Open Database License (ODbL) 1.0; see data/LICENSE-ODbL.md. This table is a")
    L.append("// derived database and is likewise offered under the ODbL.")
    L.append("//")
    L.append("// Provinces: codes (sorted, digits without dots), edition bits, names joined")
    L.append("// by '\\n' in the same order. Regencies: a count per province and their two")
    L.append("// digits; districts: a count per regency and each one's two digits minus the")
    L.append("// previous one's (delta-coded, decoded once by src/regions.rs); then edition")
    L.append("// bits and names in code order.")
    L.append("")
    def names(ident, rs):
        L.append(f"pub static {ident}_NAMES: &str = concat!(")
        for r in rs:
            L.append(f"    {rust_str(r[1] + chr(10))},")
        L.append(");")

    def array(ident, ty, values, per_line):
        L.append(f"pub static {ident}: [{ty}; {len(values)}] = [")
        for i in range(0, len(values), per_line):
            L.append("    " + " ".join(f"{v}," for v in values[i:i + per_line]))
        L.append("];")

    # Codes are delta-coded so the wasm carries small, repetitive bytes
    # (2.2 KB gzip less than u32/u16 arrays): regencies as a count per
    # province and their two digits; districts (below) as a count per regency
    # and each one's two digits minus the previous one's in its regency.
    provinces = levels[1]
    array("PROVINCE_CODES", "u32", [r[0] for r in provinces], 10)
    array("PROVINCE_EDITIONS", "u8", [r[2] for r in provinces], 30)
    names("PROVINCE", provinces)
    L.append("")
    regencies = levels[2]
    counts_per_province = [sum(1 for r in regencies if r[0] // 100 == p[0]) for p in provinces]
    if sum(counts_per_province) != len(regencies):
        raise SystemExit("a regency without its province")
    array("REGENCY_COUNTS", "u8", counts_per_province, 30)
    array("REGENCY_SUFFIXES", "u8", [r[0] % 100 for r in regencies], 30)
    array("REGENCY_EDITIONS", "u8", [r[2] for r in regencies], 30)
    names("REGENCY", regencies)
    L.append("")
    # Districts are stored per regency: the last two digits only, and where
    # each regency's run starts (index into the district arrays), which keeps
    # the wasm small. Districts are sorted, so each regency's run is contiguous.
    regency_codes = [r[0] for r in levels[2]]
    starts, pos = [], 0
    ds = levels[3]
    for rc in regency_codes:
        while pos < len(ds) and ds[pos][0] // 100 < rc:
            raise SystemExit(f"district {ds[pos][0]} has no regency")
        starts.append(pos)
        while pos < len(ds) and ds[pos][0] // 100 == rc:
            pos += 1
    starts.append(pos)
    if pos != len(ds):
        raise SystemExit("districts left over after the last regency")
    steps = []
    for i in range(len(regency_codes)):
        prev = 0
        for d in ds[starts[i]:starts[i + 1]]:
            steps.append(d[0] % 100 - prev)
            prev = d[0] % 100
    array("DISTRICT_COUNTS", "u8", [starts[i + 1] - starts[i] for i in range(len(regency_codes))], 30)
    array("DISTRICT_STEPS", "u8", steps, 30)
    array("DISTRICT_EDITIONS", "u8", [r[2] for r in ds], 30)
    names("DISTRICT", ds)
    L.append("")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(L))
    for lvl, label in ((1, "provinces"), (2, "regencies/cities"), (3, "districts")):
        print(f"{label}: {counts[lvl]} in all editions, {current[lvl]} current, {only_old[lvl]} only in older editions")


if __name__ == "__main__":
    main()
