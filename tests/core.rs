//! Table-driven tests of every NIK and KK rule. Each row names the story it tells.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::date::Date;
use klinik_nik::{check_kk, check_nik, check_pair, compare, Lang, Severity, Sex, Stated};

fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

fn codes(r: &klinik_nik::Report) -> Vec<String> {
    r.issues.iter().map(|i| i.code()).collect()
}

/// One NIK for every province of the current edition (codes from idn-area-data
/// 4.0.1's CSV, written out independently of the generated table), with the
/// names a person should see.
const PROVINCE_EXAMPLES: &[(&str, &str, &str, &str)] = &[
    (
        "1175011107830792",
        "Aceh",
        "Kota Subulussalam",
        "Simpang Kiri",
    ),
    (
        "1278010306740951",
        "Sumatera Utara",
        "Kota Gunungsitoli",
        "Gunungsitoli",
    ),
    (
        "1377011701117105",
        "Sumatera Barat",
        "Kota Pariaman",
        "Pariaman Tengah",
    ),
    ("1472011404119029", "Riau", "Kota Dumai", "Dumai Barat"),
    (
        "1572011410153658",
        "Jambi",
        "Kota Sungai Penuh",
        "Sungai Penuh",
    ),
    (
        "1674012110746500",
        "Sumatera Selatan",
        "Kota Prabumulih",
        "Prabumulih Barat",
    ),
    ("1771010201712182", "Bengkulu", "Kota Bengkulu", "Selebar"),
    ("1872015003691930", "Lampung", "Kota Metro", "Metro Pusat"),
    (
        "1971015909872962",
        "Kepulauan Bangka Belitung",
        "Kota Pangkal Pinang",
        "Bukit Intan",
    ),
    (
        "2172010406128975",
        "Kepulauan Riau",
        "Kota Tanjung Pinang",
        "Tanjung Pinang Barat",
    ),
    (
        "3175012310073375",
        "Daerah Khusus Ibukota Jakarta",
        "Kota Administrasi Jakarta Timur",
        "Matraman",
    ),
    ("3279015606599594", "Jawa Barat", "Kota Banjar", "Banjar"),
    (
        "3376015505312946",
        "Jawa Tengah",
        "Kota Tegal",
        "Tegal Barat",
    ),
    (
        "3471012302734920",
        "Daerah Istimewa Yogyakarta",
        "Kota Yogyakarta",
        "Tegalrejo",
    ),
    ("3579015706937354", "Jawa Timur", "Kota Batu", "Batu"),
    (
        "3674011002656851",
        "Banten",
        "Kota Tangerang Selatan",
        "Serpong",
    ),
    (
        "5171014603626910",
        "Bali",
        "Kota Denpasar",
        "Denpasar Selatan",
    ),
    (
        "5272010209735141",
        "Nusa Tenggara Barat",
        "Kota Bima",
        "Rasanae Barat",
    ),
    (
        "5371015110639502",
        "Nusa Tenggara Timur",
        "Kota Kupang",
        "Alak",
    ),
    (
        "6172016602114423",
        "Kalimantan Barat",
        "Kota Singkawang",
        "Singkawang Tengah",
    ),
    (
        "6271011601935073",
        "Kalimantan Tengah",
        "Kota Palangkaraya",
        "Pahandut",
    ),
    (
        "6372026105916321",
        "Kalimantan Selatan",
        "Kota Banjarbaru",
        "Landasan Ulin",
    ),
    (
        "6474016201595824",
        "Kalimantan Timur",
        "Kota Bontang",
        "Bontang Utara",
    ),
    (
        "6571010608073576",
        "Kalimantan Utara",
        "Kota Tarakan",
        "Tarakan Barat",
    ),
    (
        "7174016503944057",
        "Sulawesi Utara",
        "Kota Kotamobagu",
        "Kotamobagu Utara",
    ),
    (
        "7271015308102726",
        "Sulawesi Tengah",
        "Kota Palu",
        "Palu Timur",
    ),
    (
        "7373015509352244",
        "Sulawesi Selatan",
        "Kota Palopo",
        "Wara",
    ),
    (
        "7472016709356805",
        "Sulawesi Tenggara",
        "Kota Bau Bau",
        "Betoambari",
    ),
    (
        "7571015204191360",
        "Gorontalo",
        "Kota Gorontalo",
        "Kota Barat",
    ),
    (
        "7606010604843823",
        "Sulawesi Barat",
        "Kabupaten Mamuju Tengah",
        "Tobadak",
    ),
    (
        "8172014110234305",
        "Maluku",
        "Kota Tual",
        "Pulau Dullah Utara",
    ),
    (
        "8272011003538759",
        "Maluku Utara",
        "Kota Tidore Kepulauan",
        "Tidore",
    ),
    (
        "9171015203888446",
        "Papua",
        "Kota Jayapura",
        "Jayapura Utara",
    ),
    (
        "9212012008999164",
        "Papua Barat",
        "Kabupaten Pegunungan Arfak",
        "Anggi",
    ),
    (
        "9304015307501697",
        "Papua Selatan",
        "Kabupaten Asmat",
        "Agats",
    ),
    (
        "9408015601241104",
        "Papua Tengah",
        "Kabupaten Deiyai",
        "Tigi",
    ),
    (
        "9508014703145572",
        "Papua Pegunungan",
        "Kabupaten Nduga",
        "Kenyam",
    ),
    (
        "9671012002009287",
        "Papua Barat Daya",
        "Kota Sorong",
        "Sorong",
    ),
];

#[test]
fn every_province_has_an_example_that_validates() {
    assert_eq!(
        PROVINCE_EXAMPLES.len(),
        38,
        "the 2025 edition has 38 provinces"
    );
    for &(nik, prov, reg, dist) in PROVINCE_EXAMPLES {
        let r = check_nik(nik, today());
        assert!(r.is_valid(), "{nik}: {:?}", codes(&r));
        assert!(r.issues.is_empty(), "{nik}: {:?}", codes(&r));
        let d = r.decoded;
        assert_eq!(d.province.unwrap().name, prov, "{nik}");
        assert_eq!(d.regency.unwrap().name, reg, "{nik}");
        assert_eq!(d.district.unwrap().name, dist, "{nik}");
    }
}

/// (story, input, expected machine codes in order)
const NIK_CASES: &[(&str, &str, &[&str])] = &[
    ("a clean NIK of a Bondowoso woman", "3511015003850001", &[]),
    (
        "spaces between groups",
        "3511 0150 0385 0001",
        &["NIK_SEPARATORS_REMOVED"],
    ),
    (
        "dots and dashes",
        "35.11.01-500385-0001",
        &["NIK_SEPARATORS_REMOVED"],
    ),
    (
        "tab, CR and LF pasted along",
        "\t3511015003850001\r\n",
        &["NIK_SEPARATORS_REMOVED"],
    ),
    (
        "en dash and minus sign",
        "3511\u{2013}0150\u{2212}0385\u{2014}0001",
        &["NIK_SEPARATORS_REMOVED"],
    ),
    (
        "no-break spaces",
        "3511\u{a0}0150\u{202f}0385\u{2007}0001",
        &["NIK_SEPARATORS_REMOVED"],
    ),
    (
        "a NIK: label",
        "NIK: 3511015003850001",
        &["NIK_LABEL_REMOVED"],
    ),
    (
        "a nik label without colon",
        "nik 3511015003850001",
        &["NIK_LABEL_REMOVED"],
    ),
    (
        "No. KK label in the NIK field",
        "No. KK: 3511015003850001",
        &["NIK_LABEL_REMOVED"],
    ),
    (
        "zero-width space from a chat app",
        "3511\u{200b}015003850001",
        &["NIK_INVISIBLE_REMOVED"],
    ),
    (
        "right-to-left mark",
        "\u{200f}3511015003850001",
        &["NIK_INVISIBLE_REMOVED"],
    ),
    ("empty", "", &["NIK_EMPTY"]),
    ("only spaces", "   ", &["NIK_EMPTY"]),
    ("15 digits", "351101500385000", &["NIK_LENGTH"]),
    ("17 digits", "35110150038500011", &["NIK_LENGTH"]),
    (
        "letter O for zero",
        "35110150O3850001",
        &["NIK_CHAR_INVALID"],
    ),
    (
        "letter l for one",
        "35l1015003850001",
        &["NIK_CHAR_INVALID"],
    ),
    (
        "full-width digits",
        "\u{ff13}\u{ff15}11015003850001",
        &["NIK_CHAR_INVALID", "NIK_CHAR_INVALID"],
    ),
    (
        "Arabic-Indic digit",
        "\u{663}511015003850001",
        &["NIK_CHAR_INVALID"],
    ),
    (
        "superscript two",
        "35110150038500\u{b2}1",
        &["NIK_CHAR_INVALID"],
    ),
    (
        "an emoji",
        "3511015003850001\u{1f600}",
        &["NIK_CHAR_INVALID"],
    ),
    ("province 00", "0011015003850001", &["NIK_PROVINCE_UNKNOWN"]),
    (
        "province 20 never existed",
        "2011015003850001",
        &["NIK_PROVINCE_UNKNOWN"],
    ),
    (
        "regency 35.99 not in Jawa Timur",
        "3599015003850001",
        &["NIK_REGENCY_UNKNOWN"],
    ),
    (
        "district 35.11.99 unknown: a warning only",
        "3511995003850001",
        &["NIK_DISTRICT_UNKNOWN"],
    ),
    ("Kalimantan Utara (65, since 2012)", "6501010101900001", &[]),
    (
        "old Papua: 91.01 Merauke before 2022",
        "9101010101800001",
        &["NIK_REGION_OLD_EDITION"],
    ),
    (
        "old Papua: 92.01 Sorong before Papua Barat Daya",
        "9201010101800001",
        &["NIK_REGION_OLD_EDITION"],
    ),
    (
        "old district 91.02.03 Kurulu",
        "9102030101800001",
        &["NIK_REGION_OLD_EDITION"],
    ),
    ("new district 95.01.03 Asologaima", "9501030101800001", &[]),
    ("Papua Selatan 93.01 Merauke", "9301010101800001", &[]),
    ("Papua Barat Daya 96.01", "9601010101800001", &[]),
    ("day 00", "3511010003850001", &["NIK_DAY_INVALID"]),
    (
        "day 32 (between the ranges)",
        "3511013203850001",
        &["NIK_DAY_INVALID"],
    ),
    ("day 40", "3511014003850001", &["NIK_DAY_INVALID"]),
    ("day 72", "3511017203850001", &["NIK_DAY_INVALID"]),
    ("day 41 = a woman born on the 1st", "3511014103850001", &[]),
    ("day 71 = a woman born on the 31st", "3511017101850001", &[]),
    ("month 00", "3511011000850001", &["NIK_MONTH_INVALID"]),
    ("month 13", "3511011013850001", &["NIK_MONTH_INVALID"]),
    ("31 April", "3511013104850001", &["NIK_DATE_INVALID"]),
    (
        "a woman born 31 June",
        "3511017106850001",
        &["NIK_DATE_INVALID"],
    ),
    ("29 Feb 2024, leap", "3511012902240001", &[]),
    (
        "29 Feb 2023, not leap",
        "3511012902230001",
        &["NIK_DATE_INVALID"],
    ),
    (
        "29 Feb 2000, leap (century divisible by 400)",
        "3511012902000001",
        &[],
    ),
    ("serial 0000", "3511015003850000", &["NIK_SERIAL_ZERO"]),
    (
        "several problems at once",
        "0011013213850000",
        &[
            "NIK_PROVINCE_UNKNOWN",
            "NIK_DAY_INVALID",
            "NIK_MONTH_INVALID",
            "NIK_SERIAL_ZERO",
        ],
    ),
];

#[test]
fn nik_rules_table() {
    for &(story, input, want) in NIK_CASES {
        let r = check_nik(input, today());
        assert_eq!(codes(&r), want, "{story}: {input:?}");
        let errors = want.iter().any(|c| {
            !c.ends_with("REMOVED")
                && !c.ends_with("OLD_EDITION")
                && !c.ends_with("DISTRICT_UNKNOWN")
        });
        assert_eq!(r.is_valid(), !errors, "{story}");
    }
}

#[test]
fn many_invalid_characters_are_summarised() {
    let r = check_nik("abcdefg", today());
    let mut want = vec!["NIK_CHAR_INVALID"; 5];
    want.push("NIK_CHAR_INVALID_MORE");
    assert_eq!(codes(&r), want);
    assert!(r.issues[5]
        .message(Lang::Id)
        .contains("Ada juga 2 karakter lain"));
    // Places are counted from 1 as people count digits; spans are 0-based into the input.
    assert!(r.issues[2].message(Lang::En).contains("at digit 3"));
    assert_eq!(r.issues[2].span.map(|s| (s.start, s.end)), Some((2, 3)));
}

#[test]
fn messages_point_at_the_digits_and_explain() {
    let r = check_nik("3511013502850001", today());
    let i = &r.issues[0];
    assert_eq!(i.span.map(|s| (s.start, s.end)), Some((6, 8)));
    assert!(i.message(Lang::Id).contains("tanggal + 40 (41–71)"));
    assert!(i.message(Lang::En).contains("41–71"));
    let r = check_nik("3511012902230001", today());
    assert!(r.issues[0]
        .message(Lang::Id)
        .contains("2023 bukan tahun kabisat"));
    let r = check_nik("351101500385000", today());
    assert!(r.issues[0].message(Lang::Id).contains("yang ada 15 angka"));
    let r = check_nik("3599015003850001", today());
    assert!(r.issues[0].message(Lang::Id).contains("Jawa Timur"));
    let r = check_nik("9101010101800001", today());
    let m = r.issues[0].message(Lang::Id);
    assert!(
        m.contains("91.01")
            && m.contains("Merauke")
            && m.contains("dipakai sampai 2022")
            && m.contains("sekarang Kabupaten Merauke 93.01, Provinsi Papua Selatan"),
        "{m}"
    );
    // 92.01 Sorong was in the 2022 editions and moved to Papua Barat Daya in 2025.
    let m = check_nik("9201010101800001", today()).issues[0].message(Lang::Id);
    assert!(
        m.contains("dipakai sampai 2025") && m.contains("Provinsi Papua Barat Daya"),
        "{m}"
    );
    // 91.18.20 existed only in Kepmendagri 050-145/2022, which no package carries:
    // a warning that says the code may simply be missing from our data.
    let r = check_nik("9118205003850001", today());
    let w = r
        .issues
        .iter()
        .find(|i| i.rule == klinik_nik::Rule::DistrictUnknown)
        .unwrap();
    assert_eq!(w.severity, klinik_nik::Severity::Warning);
    assert!(r.is_valid());
    let m = w.message(Lang::Id);
    assert!(
        m.contains("belum tentu salah") && m.contains("2022") && !m.contains("salah ketik"),
        "{m}"
    );
}

#[test]
fn decoding_sex_date_age_serial() {
    let r = check_nik("3511015003850042", today());
    let d = r.decoded;
    assert_eq!(d.sex, Some(Sex::Female));
    assert_eq!(d.date, Date::new(1985, 3, 10));
    assert_eq!(d.age, Some(41));
    assert_eq!(d.serial, Some(42));
    let m = check_nik("3511011003850001", today()).decoded;
    assert_eq!(m.sex, Some(Sex::Male));
}

#[test]
fn century_pivot_around_today() {
    // Born on today's date in 2026 → 2026 (age 0); one day later → 1926.
    let r = check_nik("3511012711260001", today());
    assert_eq!(r.decoded.date, Date::new(2026, 11, 27));
    assert_eq!(r.decoded.age, Some(0));
    let r = check_nik("3511012811260001", today());
    assert_eq!(r.decoded.date, Date::new(1926, 11, 28));
    assert_eq!(r.decoded.age, Some(99));
    // A child born in 2005 is not read as 1905 (python-stdnum's mistake).
    let r = check_nik("3511010101050001", today());
    assert_eq!(r.decoded.date, Date::new(2005, 1, 1));
    // The same digits checked on another day give another century.
    let r = check_nik("3511010101050001", Date::new(2004, 6, 1).unwrap());
    assert_eq!(r.decoded.date, Date::new(1905, 1, 1));
    // 29-02-00: 2000 is a leap year; read as 1900 (not leap) it would not exist.
    let r = check_nik("3511012902000001", Date::new(1999, 1, 1).unwrap());
    assert_eq!(r.issues[0].code(), "NIK_DATE_INVALID");
}

#[test]
fn partial_input_is_checked_segment_by_segment() {
    assert_eq!(
        codes(&check_nik("00", today())),
        ["NIK_PROVINCE_UNKNOWN", "NIK_LENGTH"]
    );
    assert_eq!(
        codes(&check_nik("3599", today())),
        ["NIK_REGENCY_UNKNOWN", "NIK_LENGTH"]
    );
    assert_eq!(
        codes(&check_nik("35110135", today())),
        ["NIK_DAY_INVALID", "NIK_LENGTH"]
    );
    let r = check_nik("351101", today());
    assert_eq!(codes(&r), ["NIK_LENGTH"]);
    assert_eq!(r.decoded.district.unwrap().name, "Maesan");
    assert_eq!(r.number(), None);
}

const KK_CASES: &[(&str, &str, &[&str])] = &[
    ("a KK recorded 20-03-2015", "3511012003150007", &[]),
    (
        "a No. KK: label",
        "No. KK: 3511012003150007",
        &["KK_LABEL_REMOVED"],
    ),
    (
        "a Nomor KK label",
        "Nomor KK 3511012003150007",
        &["KK_LABEL_REMOVED"],
    ),
    ("too short", "35110120031500", &["KK_LENGTH"]),
    (
        "unknown province",
        "0011012003150007",
        &["KK_PROVINCE_UNKNOWN"],
    ),
    (
        "unknown regency",
        "3599012003150007",
        &["KK_REGENCY_UNKNOWN"],
    ),
    (
        "date not a date: a warning, not an error",
        "3511013513150007",
        &["KK_DATE_UNUSUAL"],
    ),
    (
        "29 Feb in a common year: a warning",
        "3511012902230007",
        &["KK_DATE_UNUSUAL"],
    ),
    (
        "a woman's NIK typed into the KK field",
        "3511015003850001",
        &["KK_DAY_ABOVE_40"],
    ),
    ("serial 0000", "3511012003150000", &["KK_SERIAL_ZERO"]),
    (
        "old Papua code",
        "9101012003150007",
        &["KK_REGION_OLD_EDITION"],
    ),
];

#[test]
fn kk_rules_table() {
    for &(story, input, want) in KK_CASES {
        let r = check_kk(input, today());
        assert_eq!(codes(&r), want, "{story}: {input:?}");
        for i in &r.issues {
            if i.code().contains("DATE") || i.code().contains("DAY") {
                assert_eq!(
                    i.severity,
                    Severity::Warning,
                    "{story}: KK date problems are warnings"
                );
            }
        }
    }
}

#[test]
fn pair_same_number() {
    let n = check_nik("3511011003850001", today());
    assert_eq!(
        check_pair(&n, &check_kk("3511011003850001", today()))[0].code(),
        "PAIR_SAME_NUMBER"
    );
    assert!(check_pair(&n, &check_kk("3511012003150007", today())).is_empty());
}

#[test]
fn compare_with_what_the_citizen_states() {
    let r = check_nik("3511015003850001", today());
    let same = Stated {
        birth_date: Date::new(1985, 3, 10),
        sex: Some(Sex::Female),
        regency: Some(3511),
    };
    assert!(compare(&r, &same).is_empty());

    let other_day = Stated {
        birth_date: Date::new(1985, 3, 12),
        ..Stated::default()
    };
    let i = &compare(&r, &other_day)[0];
    assert_eq!(i.code(), "STATED_BIRTH_DATE_DIFFERS");
    let m = i.message(Lang::Id);
    assert!(
        m.contains("10-03-1985") && m.contains("12-03-1985") && m.contains("akta kelahiran"),
        "{m}"
    );
    assert!(
        m.contains("belum tentu NIK salah"),
        "a corrected birth date is not a wrong NIK: {m}"
    );

    let century = Stated {
        birth_date: Date::new(2085, 3, 10),
        ..Stated::default()
    };
    assert_eq!(compare(&r, &century)[0].code(), "STATED_BIRTH_YEAR_CENTURY");

    let male = Stated {
        sex: Some(Sex::Male),
        ..Stated::default()
    };
    let i = &compare(&r, &male)[0];
    assert_eq!(i.code(), "STATED_SEX_DIFFERS");
    assert!(i.message(Lang::Id).contains("ditambah 40"));

    let moved = Stated {
        regency: Some(3578),
        ..Stated::default()
    };
    let i = &compare(&r, &moved)[0];
    assert_eq!(
        (i.code(), i.severity),
        ("STATED_REGENCY_DIFFERS".to_string(), Severity::Note)
    );
    let m = i.message(Lang::Id);
    assert!(
        m.contains("Bondowoso") && m.contains("Surabaya") && m.contains("pertama kali"),
        "{m}"
    );

    // Nothing to compare when the NIK could not be decoded.
    assert!(compare(&check_nik("12", today()), &same).is_empty());
}

#[test]
fn a_valid_nik_is_never_called_registered_or_active() {
    for &(_, input, _) in NIK_CASES {
        let r = check_nik(input, today());
        for i in &r.issues {
            for lang in [Lang::Id, Lang::En] {
                let m = i.message(lang).to_lowercase();
                // "was first registered" (where) is fine; a claim of status is not.
                for claim in [
                    "terdaftar",
                    "aktif",
                    "is registered",
                    "is active",
                    "is valid",
                ] {
                    assert!(!m.contains(claim), "{}: {m}", i.code());
                }
            }
        }
    }
}

#[test]
fn every_message_exists_in_both_languages() {
    let mut inputs: Vec<&str> = NIK_CASES.iter().map(|c| c.1).collect();
    inputs.push("abcdefg");
    for input in inputs {
        for i in check_nik(input, today())
            .issues
            .iter()
            .chain(check_kk(input, today()).issues.iter())
        {
            let (id, en) = (i.message(Lang::Id), i.message(Lang::En));
            assert!(!id.is_empty() && !en.is_empty(), "{}", i.code());
            assert_ne!(id, en, "{} is not translated", i.code());
        }
    }
}

#[test]
fn a_bad_character_is_named_by_the_digit_place_people_count() {
    // The typo story: the letter O typed for a zero in the 9th place.
    let r = check_nik("3511 0110 O785 0002", today());
    let m = r.issues[0].message(Lang::Id);
    assert!(
        m.contains("huruf \u{201c}O\u{201d} di angka ke-9")
            && m.contains("Mungkin maksud Anda 0 (nol)"),
        "{m}"
    );
    assert!(!m.contains("U+"), "no code points for citizens: {m}");
    assert_eq!(
        r.issues[0].detail().as_deref(),
        Some("U+004F at input character 11"),
        "the code point stays available to data teams"
    );
    // The O takes a digit's place: no "15 digits" error on top of it.
    assert!(r.issues.iter().all(|i| i.rule != klinik_nik::Rule::Length));
    let en = check_nik("3511#110", today()).issues[0].message(Lang::En);
    assert!(en.contains("the mark \u{201c}#\u{201d} at digit 5"), "{en}");
    let slots = klinik_nik::check::typed_slots("NIK: 3511 0110 O785 0002");
    assert_eq!(slots.len(), 16);
    assert_eq!(
        slots.iter().position(|s| s.bad),
        Some(8),
        "the label and the spaces take no place"
    );
}

#[test]
fn a_kk_typed_as_a_nik_is_recognised() {
    use klinik_nik::check::nik_looks_like_kk;
    let t = Date::new(2026, 11, 28).unwrap();
    for (input, kk) in [
        ("3511012003260007", true),  // recorded 20-03-2026, within a year
        ("3511017503850001", true),  // day 75: no NIK has it
        ("3511011012260001", true),  // 10-12-2026: just ahead, read as 1926
        ("3511011012280001", false), // 10-12-2028: a man born 1928
        ("3511015003850001", false), // a woman born 1985
        ("3511012003150007", false), // a KK of 2015 looks like a man born 2015
        ("35110150O3850001", false), // not 16 digits
        ("", false),
    ] {
        assert_eq!(nik_looks_like_kk(input, t), kk, "{input}");
    }
}
