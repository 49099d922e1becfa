//! The generated region table: sorted, unique, consistent, and carrying the
//! codes that matter for old NIKs.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::regions::{self, Edition, Level};

#[test]
fn sorted_and_unique() {
    for level in [Level::Province, Level::Regency, Level::District] {
        let codes = regions::codes(level);
        assert!(
            codes.windows(2).all(|w| w[0] < w[1]),
            "{level:?} not strictly sorted"
        );
    }
}

#[test]
fn every_parent_exists() {
    for d in regions::all(Level::District) {
        assert!(
            regions::regency(d.code / 100).is_some(),
            "district {} has no regency",
            d.dotted()
        );
        assert!(
            regions::province(d.code / 10000).is_some(),
            "district {} has no province",
            d.dotted()
        );
    }
    for r in regions::all(Level::Regency) {
        assert!(
            regions::province(r.code / 100).is_some(),
            "regency {} has no province",
            r.dotted()
        );
        let n = r.code % 100;
        assert!(
            (1..=69).contains(&n) || (71..=99).contains(&n),
            "{}: kabupaten 01–69, kota 71–99",
            r.dotted()
        );
    }
}

#[test]
fn counts_match_the_editions() {
    let current = |l| regions::all(l).filter(|r| r.editions.is_current()).count();
    // Kepmendagri 300.2.2-2138/2025: 38 provinces, 514 regencies/cities, 7,285 districts.
    assert_eq!(current(Level::Province), 38);
    assert_eq!(current(Level::Regency), 514);
    assert_eq!(current(Level::District), 7285);
    // Every edition together: about 7,879 district codes have existed (shared/domain);
    // the packages carry all but a few.
    let all = regions::codes(Level::District).len();
    assert!((7850..=7879).contains(&all), "{all}");
    let pre = regions::all(Level::Province)
        .filter(|r| r.editions.contains(Edition::Pre2022))
        .count();
    assert_eq!(pre, 34);
}

#[test]
fn names_are_clean() {
    for level in [Level::Province, Level::Regency, Level::District] {
        for r in regions::all(level) {
            assert!(
                !r.name.is_empty() && r.name.trim() == r.name,
                "{}: {:?}",
                r.dotted(),
                r.name
            );
            assert!(!r.name.contains("--"), "postal code left in {:?}", r.name);
            if level == Level::Regency {
                assert!(
                    r.name.starts_with("Kabupaten ") || r.name.starts_with("Kota "),
                    "{:?}",
                    r.name
                );
                assert_eq!(
                    r.name.starts_with("Kota "),
                    r.is_city(),
                    "{} {:?}",
                    r.dotted(),
                    r.name
                );
            }
        }
    }
}

#[test]
fn papua_history() {
    let merauke_old = regions::regency(9101).unwrap();
    assert_eq!(merauke_old.name, "Kabupaten Merauke");
    assert!(!merauke_old.editions.is_current());
    assert_eq!(merauke_old.editions.newest(), Edition::Pre2022);
    let merauke_new = regions::regency(9301).unwrap();
    assert!(merauke_new.editions.is_current());
    assert!(
        !regions::regency(9201).unwrap().editions.is_current(),
        "92.01 Sorong moved to 96.01"
    );
    assert_eq!(regions::regency(9601).unwrap().name, "Kabupaten Sorong");
    assert_eq!(regions::district(910203).unwrap().name, "Kurulu");
    assert_eq!(regions::district(950103).unwrap().name, "Asologaima");
    let gone = regions::all(Level::District)
        .filter(|d| !d.editions.is_current())
        .collect::<Vec<_>>();
    assert!(
        gone.iter()
            .all(|d| d.code / 10000 == 91 || d.code / 10000 == 92),
        "only Papua codes disappeared"
    );
    assert!(regions::province(65).unwrap().name == "Kalimantan Utara");
}

#[test]
fn edition_labels_name_the_right_decrees() {
    use klinik_nik::Lang;
    // idn-area-data 2.2.1 carries Kepmendagri 100.1.1-6117/2022 (37 provinces);
    // 3.1.2 is that edition plus Papua Barat Daya (38), which no decree of 2022 names.
    assert!(Edition::Y2022a
        .label(Lang::Id)
        .contains("100.1.1-6117/2022"));
    assert!(Edition::Y2022a.label(Lang::Id).contains("37 provinsi"));
    assert!(!Edition::Y2022b.label(Lang::Id).contains("100.1.1-6117"));
    assert!(Edition::Y2022b.label(Lang::En).contains("Papua Barat Daya"));
    assert_eq!(Edition::Pre2022.used_until(), 2022);
    assert_eq!(Edition::Y2022b.used_until(), 2025);
}

#[test]
fn upstream_names_corrected_by_the_generator() {
    // tools/gen_regions.py CORRECTIONS, counted in the table's header.
    for (code, name) in [
        (111707, "Timang Gajah"),
        (352922, "Ra'as"),
        (530220, "Kot Olin"),
        (531017, "Cibal Barat"),
    ] {
        assert_eq!(regions::district(code).unwrap().name, name);
    }
    for d in regions::all(Level::District) {
        assert!(!d.name.contains('"'), "{:?}", d.name);
    }
}

/// Every province's names file reads back to exactly the table's districts
/// and names; a file for another province, a cut one or an error page gives nothing.
#[test]
fn district_files_round_trip_and_refuse_what_is_not_theirs() {
    use klinik_nik::regions::{district_file, parse_district_file};
    let mut total = 0;
    for p in regions::codes(Level::Province) {
        let file = district_file(p).unwrap();
        let names = parse_district_file(p, &file);
        let want: Vec<(u32, &str)> = regions::all(Level::District)
            .filter(|d| d.code / 10000 == p)
            .map(|d| (d.code, d.name))
            .collect();
        assert_eq!(names, want, "province {p}");
        assert!(names.iter().all(|(_, n)| !n.is_empty()), "province {p}");
        total += names.len();
        let other = if p == 35 { 36 } else { 35 };
        assert!(parse_district_file(other, &file).is_empty());
        let cut = &file[..file.len() / 2];
        assert!(parse_district_file(p, cut).is_empty());
    }
    assert_eq!(total, regions::codes(Level::District).len());
    assert!(parse_district_file(35, "<!doctype html><p>Not found").is_empty());
    assert!(parse_district_file(35, "").is_empty());
    assert!(district_file(10).is_none());
}

/// The copies of two province files the page's wasm tests use
/// (`tests/page_web.rs`) are what the build writes.
#[test]
fn district_file_copies_for_the_wasm_tests_are_current() {
    use klinik_nik::regions::district_file;
    assert_eq!(
        include_str!("data/districts-35.txt"),
        district_file(35).unwrap()
    );
    assert_eq!(
        include_str!("data/districts-11.txt"),
        district_file(11).unwrap()
    );
}

/// Kalimantan Utara was made from Kalimantan Timur by UU 20/2012: people first
/// registered there before carry 64.xx for life. Each old code is accepted with
/// a note that names today's regency, and step 3's office is today's.
#[test]
fn kalimantan_utara_before_2013() {
    use klinik_nik::{check_nik, date::Date, offices, Lang, Rule, Severity};
    let today = Date::new(2026, 12, 3).unwrap();
    let cases = [
        (6404, "Kabupaten Bulungan", 6501),
        (6405, "Kabupaten Malinau", 6502),
        (6406, "Kabupaten Nunukan", 6503),
        (6410, "Kabupaten Tana Tidung", 6504),
        (6473, "Kota Tarakan", 6571),
    ];
    for (old, name, now) in cases {
        let r = regions::regency(old).unwrap_or_else(|| panic!("{old} missing"));
        assert_eq!(r.name, name);
        assert!(!r.editions.is_current());
        assert_eq!(r.editions.newest(), Edition::Pre2013);
        assert_eq!(regions::regency(now).unwrap().name, name, "{now}");
        assert_eq!(offices::current_regency_for(old), Some(now), "{old}");
        // Step 3 addresses today's Dukcapil of that regency.
        let office = offices::builtin(now).unwrap_or_else(|| panic!("{now}: no office"));
        assert!(office.name.ends_with(name), "{}", office.name);

        let nik = format!("{old}010101900001");
        let report = check_nik(&nik, today);
        assert!(report.is_valid(), "{nik}: {:?}", report.issues);
        assert!(
            report.issues.iter().all(|i| i.severity == Severity::Note),
            "{nik}: only notes, got {:?}",
            report.issues
        );
        let old_note = report
            .issues
            .iter()
            .find(|i| i.rule == Rule::RegionOldEdition)
            .expect("a note on the old code");
        let msg = old_note.message(Lang::Id);
        assert!(msg.contains("dipakai sampai 2012"), "{msg}");
        assert!(
            msg.contains(&format!(
                "sekarang {name} {}",
                regions::dotted(now, klinik_nik::regions::Level::Regency)
            )),
            "{msg}"
        );
        assert!(msg.contains("Provinsi Kalimantan Utara"), "{msg}");
        // The district list of the old numbering is not known: a note, never a warning.
        let district = report
            .issues
            .iter()
            .find(|i| i.rule == Rule::DistrictUnknown)
            .expect("district note");
        assert_eq!(district.severity, Severity::Note);
        assert!(district.message(Lang::Id).contains("tidak bisa diperiksa"));
    }
    // Today's Kalimantan Timur codes are untouched and 64.12 is still unknown.
    assert_eq!(
        regions::regency(6402).unwrap().name,
        "Kabupaten Kutai Kartanegara"
    );
    assert!(regions::regency(6412).is_none());
    let report = check_nik("6412010101900001", today);
    assert!(report.issues.iter().any(|i| i.rule == Rule::RegencyUnknown));
}

/// The generated header says what the before-2013 edition holds and which
/// gaps remain, in the same numbers as the table.
#[test]
fn header_names_the_historical_codes_and_gaps() {
    let table = include_str!("../src/regions_table.rs");
    let header: String = table
        .lines()
        .take_while(|l| l.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let old: Vec<_> = regions::all(Level::Regency)
        .filter(|r| r.editions.newest() == Edition::Pre2013)
        .collect();
    assert_eq!(old.len(), 5);
    assert!(header.contains(&format!("{} regency codes of Kalimantan Timur", old.len())));
    for r in old {
        assert!(
            header.contains(&format!("{} {}", r.dotted(), r.name)),
            "{}",
            r.dotted()
        );
    }
    assert!(header.contains("Known gap: the district codes below the before-2013 regency codes"));
    assert!(header.contains("Pangandaran"));
}
