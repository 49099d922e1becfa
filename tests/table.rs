//! The office list: decoding, separators, records, columns, Excel damage.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::date::Date;
use klinik_nik::table::{self, Columns, Encoding, NotATable, Records, TableIssue};
use klinik_nik::Lang;

fn cols(header: &[&str]) -> Columns {
    table::detect_columns(&[header.iter().map(|s| s.to_string()).collect()])
}

#[test]
fn headers_in_the_words_people_use() {
    for (header, nik, kk, name, birth, sex, regency) in [
        (
            &["NIK", "Nama", "No KK"][..],
            Some(0),
            Some(2),
            Some(1),
            None,
            None,
            None,
        ),
        (
            &[
                "No.",
                "Nama Lengkap",
                "N I K",
                "Nomor KK",
                "TTL",
                "L/P",
                "Kab/Kota",
            ][..],
            Some(2),
            Some(3),
            Some(1),
            Some(4),
            Some(5),
            Some(6),
        ),
        (
            &["nik", "kk", "Tgl Lahir", "Jenis Kelamin"][..],
            Some(0),
            Some(1),
            None,
            Some(2),
            Some(3),
            None,
        ),
        (
            &["Nomor Induk Kependudukan", "Nomor Kartu Keluarga", "JK"][..],
            Some(0),
            Some(1),
            None,
            None,
            Some(2),
            None,
        ),
    ] {
        let c = cols(header);
        assert_eq!(
            (c.nik, c.kk, c.name, c.birth, c.sex, c.regency),
            (nik, kk, name, birth, sex, regency),
            "{header:?}"
        );
        assert!(c.header);
    }
    // No header: the column of 16-digit numbers, and the first row is data.
    let rows: Vec<Vec<String>> = vec![
        vec!["Budi".into(), "3511015003850001".into()],
        vec!["Siti".into(), "3.51102E+15".into()],
    ];
    let c = table::detect_columns(&rows);
    assert_eq!((c.nik, c.header), (Some(1), false));
    assert_eq!(
        table::detect_columns(&[vec!["a".into(), "b".into()]]).nik,
        None
    );
}

#[test]
fn excel_damage_rules() {
    for (cell, sci) in [
        ("3.51102E+15", true),
        ("3,51102E+15", true),
        ("3.51102e15", true),
        ("3511015003850001", false),
        ("E+15", false),
        ("3.5E+", false),
        ("NIK", false),
    ] {
        assert_eq!(table::is_scientific(cell), sci, "{cell}");
    }
    assert!(table::truncated(6, 10), "6 of 10 NIKs ending in 0");
    assert!(!table::truncated(2, 10), "one in ten ends in 0 by chance");
    assert!(!table::truncated(3, 4), "too few to say");
    assert!(
        !table::column_truncated(
            &[vec!["3.51102E+15".into()], vec!["3511015003850010".into()]],
            &Columns {
                nik: Some(0),
                ..Columns::default()
            }
        ),
        "one scientific cell does not make every NIK ending in 0 a row to check"
    );
    let today = Date::new(2026, 11, 28).unwrap();
    let c = cols(&["NIK", "KK"]);
    let row = |nik: &str, kk: &str, trunc: bool| {
        table::check_row(&[nik.into(), kk.into()], &c, trunc, today)
    };
    let r = row("'3511015003850001", "", false);
    assert_eq!(r.table, [TableIssue::ApostropheRemoved]);
    assert!(r.is_valid(), "the apostrophe is only a note");
    let r = row("3.51102E+15", "", true);
    assert_eq!(r.table, [TableIssue::ExcelScientific]);
    assert!(
        r.nik.issues.is_empty() && !r.is_valid(),
        "one message, not one per character"
    );
    let r = row("3511015003850010", "", true);
    assert_eq!(r.table, [TableIssue::ExcelTruncated]);
    assert!(
        r.is_valid(),
        "only a warning: the last digit may really be 0"
    );
    assert!(row("3511015003850010", "", false).table.is_empty());
    let r = row("3511012003150007", "3511012003150007", false);
    assert!(r.table.contains(&TableIssue::NikEqualsKk) && !r.is_valid());
}

#[test]
fn stated_birth_date_sex_and_regency_from_the_list() {
    let today = Date::new(2026, 11, 28).unwrap();
    let c = cols(&["NIK", "TTL", "JK", "Kab/Kota"]);
    let codes = |cells: [&str; 4]| {
        let f: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
        table::check_row(&f, &c, false, today)
            .stated
            .iter()
            .map(|i| i.code())
            .collect::<Vec<_>>()
    };
    assert!(codes([
        "3511015003850001",
        "Bondowoso, 10-03-1985",
        "P",
        "Bondowoso"
    ])
    .is_empty());
    assert!(codes([
        "3511015003850001",
        "1985-03-10",
        "Perempuan",
        "Kab. Bondowoso"
    ])
    .is_empty());
    assert_eq!(
        codes(["3511015003850001", "11/03/1985", "L", ""]),
        ["STATED_BIRTH_DATE_DIFFERS", "STATED_SEX_DIFFERS"]
    );
    assert_eq!(
        codes(["3511015003850001", "", "", "Surabaya"]),
        ["STATED_REGENCY_DIFFERS"]
    );
    assert!(
        codes(["9101014101800009", "", "", "Merauke"]).is_empty(),
        "91.01 and 93.01 are the same place"
    );
    assert_eq!(
        table::parse_birth("Bondowoso, 10-03-1985"),
        Date::new(1985, 3, 10)
    );
    assert_eq!(table::parse_birth("31-02-1985"), None);
}

#[test]
fn decoding_and_separators() {
    assert_eq!(table::decode(b"").unwrap_err(), NotATable::Empty);
    assert_eq!(table::decode(b"%PDF-1.7").unwrap_err(), NotATable::Binary);
    assert_eq!(table::decode(b"PK\x03\x04").unwrap_err(), NotATable::Binary);
    assert_eq!(table::decode(b"a\0b").unwrap_err(), NotATable::Binary);
    let (t, e) = table::decode(b"Nama;NIK\r\nJos\xe9 \x93x\x94;1\r\n").unwrap();
    assert_eq!(e, Encoding::Windows1252);
    assert!(t.contains("Jos\u{e9} \u{201c}x\u{201d}"));
    assert_eq!(table::sniff("NIK\tNama\n1\tA\n"), b'\t');
    assert_eq!(table::sniff("NIK;Nama\n1;A, B\n"), b';');
    assert_eq!(table::sniff("NIK,Nama\n1,A\n"), b',');
}

#[test]
fn records_with_quotes() {
    let recs: Vec<_> = Records::new(b"a,\"b,\"\"c\"\"\nd\",e\r\nf,g\n\"open,h", b',').collect();
    assert_eq!(recs[0].fields, ["a", "b,\"c\"\nd", "e"]);
    assert_eq!(recs[1].fields, ["f", "g"]);
    assert_eq!(recs[2].fields, ["open,h"]);
    assert!(recs[2].open_quote && !recs[0].open_quote);
    // Ragged rows, 200 columns and a 1 MB cell are read as they are.
    let wide = vec!["x"; 200].join(";");
    assert_eq!(
        Records::new(wide.as_bytes(), b';')
            .next()
            .unwrap()
            .fields
            .len(),
        200
    );
    let big = format!("NIK\n{}\n", "9".repeat(1 << 20));
    let c = Records::new(big.as_bytes(), b',').nth(1).unwrap();
    assert_eq!(c.fields[0].len(), 1 << 20);
}

/// Issue 22: birth dates with the month in words are compared like the
/// others; what cannot be read is said once per row (a note, counted).
#[test]
fn month_names_are_read_and_unreadable_dates_are_said() {
    let today = Date::new(2026, 11, 28).unwrap();
    let c = cols(&["NIK", "Tempat, Tgl Lahir"]);
    let row = |birth: &str| {
        let f = vec!["3511015003850001".to_string(), birth.to_string()];
        table::check_row(&f, &c, false, today)
    };
    for same in [
        "BONDOWOSO, 10 Maret 1985",
        "10 Mar 1985",
        "10-Mar-1985",
        "Bondowoso, 10 MARET 1985",
    ] {
        let r = row(same);
        assert!(
            r.stated.is_empty() && r.table.is_empty(),
            "{same}: {:?} {:?}",
            r.stated,
            r.table
        );
    }
    let r = row("SLEMAN, 5 Agustus 1960");
    assert_eq!(
        r.stated.iter().map(|i| i.code()).collect::<Vec<_>>(),
        ["STATED_BIRTH_DATE_DIFFERS"]
    );
    for unreadable in [
        "tidak tahu",
        "Bondowoso",
        "10 Maretz 1985",
        "31 Februari 1985",
    ] {
        let r = row(unreadable);
        assert_eq!(r.table, [TableIssue::BirthUnreadable], "{unreadable}");
        assert_eq!(r.table[0].severity(), klinik_nik::Severity::Note);
        assert!(r.is_valid(), "an unreadable date never makes the NIK wrong");
    }
    assert!(row("").table.is_empty(), "an empty cell says nothing");
    assert_eq!(
        table::code_label("TABLE_BIRTH_UNREADABLE", klinik_nik::Lang::Id),
        "tanggal lahir tidak terbaca"
    );
}

/// Issue 22: Excel's damage in the KK column is explained as Excel's damage,
/// in one message (not one about a comma, an E and a +).
#[test]
fn excel_damage_in_the_kk_column() {
    let today = Date::new(2026, 11, 28).unwrap();
    let c = cols(&["NIK", "No KK"]);
    for cell in ["3,51101E+15", "3.51101E+15"] {
        let f = vec!["3511015003850001".to_string(), cell.to_string()];
        let r = table::check_row(&f, &c, false, today);
        let (codes, msgs) = table::codes_and_messages(&r, klinik_nik::Lang::Id);
        assert_eq!(codes, ["TABLE_EXCEL_SCIENTIFIC_KK"], "{cell}: {msgs:?}");
        assert!(msgs[0].starts_with("Excel menyimpan Nomor KK ini sebagai angka"));
        assert!(!r.is_valid());
    }
}

/// Issue 22 §4: messages about a list speak of what the list says ("tertulis
/// di daftar"), never to a form-filler ("Anda isi", "Ketik 16 angka", "bawa
/// akta"), for every rule that a citizen's page words for her.
#[test]
fn list_messages_speak_about_the_list() {
    let today = Date::new(2026, 12, 3).unwrap();
    let c = cols(&["NIK", "Nama", "Tanggal lahir", "JK", "Kabupaten"]);
    let rows: &[[&str; 5]] = &[
        ["", "Kosong", "", "", ""],
        ["35110150O3850005", "Dewi", "", "", ""],
        ["3511015003850l05", "Dewi", "", "", ""],
        ["３511015003850005", "Dewi", "", "", ""],
        ["3511995003850005", "Kecamatan", "", "", ""],
        ["3511015003850001", "Siti", "11-03-1985", "L", "Surabaya"],
        ["3511011203000001", "Tua", "12-03-1900", "", ""],
    ];
    let mut seen = Vec::new();
    for lang in [Lang::Id, Lang::En] {
        for r in rows {
            let fields: Vec<String> = r.iter().map(|s| s.to_string()).collect();
            let row = table::check_row(&fields, &c, false, today);
            let (codes, messages) = table::codes_and_messages(&row, lang);
            for (code, m) in codes.iter().zip(&messages) {
                for avoided in [
                    "Anda", "Ketik 16", "bawa", "Bawa", " you", "You ", "Type the", "Bring",
                ] {
                    assert!(!m.contains(avoided), "{code} ({avoided}): {m}");
                }
                seen.push(code.clone());
            }
        }
    }
    for code in [
        "NIK_EMPTY",
        "NIK_CHAR_INVALID",
        "NIK_DISTRICT_UNKNOWN",
        "STATED_BIRTH_DATE_DIFFERS",
        "STATED_SEX_DIFFERS",
        "STATED_REGENCY_DIFFERS",
        "STATED_BIRTH_YEAR_CENTURY",
    ] {
        assert!(
            seen.iter().any(|c| c == code),
            "{code} not reached: {seen:?}"
        );
    }
}
