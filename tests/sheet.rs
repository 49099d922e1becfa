//! The office desk's list model (`klinik_nik::sheet`): the same answers as
//! the CLI, problem rows first, and no input that makes it panic.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::date::Date;
use klinik_nik::sheet::{Filter, Sheet, MAX_COLUMNS};
use klinik_nik::table::{Encoding, NotATable};
use klinik_nik::Lang;

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

fn checked(bytes: &[u8]) -> Sheet {
    let mut s = Sheet::read(bytes).unwrap();
    s.start(s.columns, today());
    while !s.step(7) {}
    s
}

/// The desk's download is the CLI's output, byte for byte: the same committed
/// file answers the `;` list and its tab-separated copy (what pasting from
/// Excel gives).
#[test]
fn the_desk_csv_is_the_cli_csv() {
    let expected = std::fs::read_to_string("tests/data/desk-list-expected.csv").unwrap();
    for file in ["tests/data/desk-list.csv", "tests/data/desk-list.tsv"] {
        let s = checked(&std::fs::read(file).unwrap());
        assert_eq!(s.csv(b';', Lang::Id), expected, "{file}");
    }
}

#[test]
fn the_summary_counts_rows_by_kind() {
    let s = checked(&std::fs::read("tests/data/desk-list.tsv").unwrap());
    let sum = s.summary(Lang::Id);
    assert_eq!(sum.rows, 20);
    assert_eq!(sum.valid, 15);
    assert_eq!(sum.errors, 5);
    assert_eq!(sum.delimiter, "\t");
    // One cell in scientific notation is its own error, not a sign that the
    // three NIKs ending in 0 lost a digit.
    assert!(!sum.truncated);
    assert_eq!(
        sum.duplicates,
        vec![("3511015003850001".to_string(), vec![2, 9])]
    );
    let count = |code: &str| {
        sum.by_code
            .iter()
            .find(|k| k.code == code)
            .map_or(0, |k| k.rows)
    };
    assert_eq!(count("TABLE_EXCEL_SCIENTIFIC"), 1);
    assert_eq!(count("TABLE_EXCEL_TRUNCATED"), 0);
    assert_eq!(count("TABLE_DUPLICATE_NIK"), 1);
    assert_eq!(count("NIK_CHAR_INVALID"), 1);
    assert_eq!(count("STATED_BIRTH_DATE_DIFFERS"), 1);
    // Errors first, then warnings, then notes; the commonest first within each.
    let severities: Vec<&str> = sum.by_code.iter().map(|k| k.severity.as_str()).collect();
    let rank = |s: &str| ["error", "warning", "note"].iter().position(|x| *x == s);
    assert!(
        severities.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{severities:?}"
    );
    assert_eq!(
        sum.by_code[0].label,
        "NIK: ada huruf atau tanda selain angka"
    );
}

#[test]
fn problem_rows_come_first_and_filters_pick_rows() {
    let s = checked(&std::fs::read("tests/data/desk-list.tsv").unwrap());
    let all = s.order(Filter::All);
    assert_eq!(all.len(), 20);
    let verdicts: Vec<String> = all
        .iter()
        .map(|&i| s.row(i as usize, Lang::Id).verdict)
        .collect();
    let rank = |v: &str| {
        ["error", "warning", "note", "ok"]
            .iter()
            .position(|x| *x == v)
    };
    assert!(
        verdicts.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])),
        "{verdicts:?}"
    );
    // Spreadsheet rows (header = row 1): the scientific cell is on row 4.
    let errors: Vec<u32> = all
        .iter()
        .map(|&i| s.row(i as usize, Lang::Id))
        .filter(|r| r.verdict == "error")
        .map(|r| r.number)
        .collect();
    assert_eq!(errors, vec![4, 6, 7, 17, 18]);
    let dup: Vec<u32> = s.order(Filter::Duplicates).iter().map(|i| i + 1).collect();
    assert_eq!(
        dup,
        vec![9, 2],
        "the warned repeat first, then the row it repeats"
    );
    let o: Vec<u32> = s
        .order(Filter::Code("NIK_CHAR_INVALID".into()))
        .iter()
        .map(|i| i + 1)
        .collect();
    assert_eq!(o, vec![6]);
    assert!(s.order(Filter::Code("NO_SUCH_CODE".into())).is_empty());
    assert_eq!(
        s.order(Filter::Problems).len(),
        5 + s.summary(Lang::Id).warnings
    );
}

#[test]
fn a_row_shows_the_faulty_characters() {
    let s = checked(&std::fs::read("tests/data/desk-list.tsv").unwrap());
    let r = s.row(5, Lang::Id); // spreadsheet row 6: "35110150O3850005"
    assert_eq!(r.number, 6);
    let bad: String = r.nik.iter().filter(|(_, b)| *b).map(|(c, _)| *c).collect();
    assert_eq!(bad, "O");
    assert_eq!(r.name, "Dewi");
    let r = s.row(16, Lang::En); // row 17: regency 99 exists nowhere
    let bad: Vec<usize> = r
        .nik
        .iter()
        .enumerate()
        .filter(|(_, (_, b))| *b)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(bad, vec![2, 3]);
    assert!(r.messages[0].contains("99"), "{:?}", r.messages);
    let r = s.row(1, Lang::Id);
    assert_eq!(
        (r.verdict.as_str(), r.province.as_str()),
        ("ok", "35 Jawa Timur")
    );
    assert_eq!(
        (r.sex.as_str(), r.birth_date.as_str()),
        ("perempuan", "10-03-1985")
    );
}

#[test]
fn problem_rows_paste_back_into_a_spreadsheet() {
    let s = checked(&std::fs::read("tests/data/desk-list.tsv").unwrap());
    let tsv = s.problems_tsv(Lang::Id);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), 1 + s.order(Filter::Problems).len());
    assert!(lines[0].starts_with("baris\tNo\tNama\tNIK"));
    assert!(
        lines[1].starts_with("4\t3\tRina\t3.51102E+15\t"),
        "{}",
        lines[1]
    );
    assert!(lines.iter().all(|l| l.split('\t').count() == 10), "{tsv}");
    // A problem row whose cells a spreadsheet would run as formulas.
    let s = checked(b"Nama\tNIK\n=HYPERLINK(\"http://x\")\t-3511\n");
    let tsv = s.problems_tsv(Lang::En);
    assert!(
        tsv.contains("\t'=HYPERLINK(\"http://x\")\t'-3511\t"),
        "{tsv}"
    );
}

#[test]
fn lists_without_a_header_and_other_encodings() {
    let s = checked(b"Siti\t3511015003850001\nBudi\t3511011203800002\n");
    assert_eq!((s.columns.nik, s.columns.header), (Some(1), false));
    assert_eq!(s.summary(Lang::Id).rows, 2);
    let s = Sheet::read(std::fs::read("tests/data/list-cp1252.tsv").unwrap()).unwrap();
    assert_eq!(s.encoding, Encoding::Windows1252);
    assert!(
        s.record(1).iter().any(|c| c.contains('\u{e9}')),
        "{:?}",
        s.record(1)
    );
    assert_eq!(Sheet::read(b"  \n".to_vec()).err(), Some(NotATable::Empty));
    assert_eq!(
        Sheet::read(b"\x89PNG\r\n\x1a\n....".to_vec()).err(),
        Some(NotATable::Binary)
    );
    assert_eq!(
        Sheet::read(b"%PDF-1.7".to_vec()).err(),
        Some(NotATable::Binary)
    );
}

#[test]
fn ragged_rows_open_quotes_huge_cells_and_wide_rows() {
    let mut text = String::from("NIK;Nama\n3511015003850001;Siti;extra\n3511011203800002\n");
    text.push_str(&format!("3511011203800002;{}\n", "x".repeat(1 << 20)));
    text.push_str("3511015003850001;\"never closed\n3511011203800002;Budi\n");
    let s = checked(text.as_bytes());
    let sum = s.summary(Lang::Id);
    assert_eq!(
        sum.rows, 4,
        "the open quote swallows the last line: {sum:?}"
    );
    assert_eq!(sum.open_quotes, 1);
    assert_eq!(sum.ragged, 2);
    assert_eq!(s.record(3)[1].len(), 1 << 20);
    let wide: String = (0..300).map(|i| format!("c{i},")).collect::<String>() + "NIK\n";
    let s = checked(format!("{wide}{}3511015003850001\n", ",".repeat(300)).as_bytes());
    assert_eq!(s.width(), MAX_COLUMNS);
    assert_eq!(s.columns.nik, Some(300));
    assert_eq!(s.summary(Lang::Id).valid, 1);
}

#[test]
fn chosen_columns_replace_the_found_ones() {
    let mut s = Sheet::read(b"a,b\n3511015003850001,3511015003850001\n".to_vec()).unwrap();
    let mut c = s.columns;
    c.header = true;
    c.nik = Some(0);
    c.kk = Some(1);
    s.start(c, today());
    while !s.step(100) {}
    assert_eq!(s.summary(Lang::Id).errors, 1, "NIK and KK the same number");
    c.kk = None;
    s.start(c, today());
    while !s.step(1) {}
    assert_eq!(s.summary(Lang::Id).errors, 0);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use klinik_nik::table::Records;
    use proptest::prelude::*;

    fn listish() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..300),
            "[0-9O\"';,\t\r\n ]{0,200}".prop_map(String::into_bytes),
            "(NIK|Nama|KK|TTL)?([;,\t]?\"?[0-9]{14,17}\"?[;,\t]?(L|P)?\r?\n){0,12}"
                .prop_map(String::into_bytes),
        ]
    }

    proptest! {
        /// No input makes the desk panic, whatever is asked of it afterwards.
        #[test]
        fn never_panics(bytes in listish(), step in 1usize..50) {
            if let Ok(mut s) = Sheet::read(bytes) {
                s.start(s.columns, today());
                while !s.step(step) {}
                let _ = s.summary(Lang::Id);
                for f in [Filter::All, Filter::Problems, Filter::Duplicates] {
                    for i in s.order(f) {
                        let _ = s.row(i as usize, Lang::En);
                    }
                }
                let _ = s.csv(b',', Lang::Id);
                let _ = s.problems_tsv(Lang::Id);
            }
        }

        /// Indexing a list (`next_span`) finds the records that reading it does.
        #[test]
        fn spans_agree_with_records(text in "[a\"\r\n;,\t]{0,60}") {
            let b = text.as_bytes();
            let mut spans = Records::new(b, b';');
            let mut recs = Records::new(b, b';');
            loop {
                let a = spans.next_span().map(|(start, _)| start);
                let before = recs.offset();
                let r = recs.next();
                prop_assert_eq!(a, r.as_ref().map(|_| before));
                prop_assert_eq!(spans.offset(), recs.offset());
                if r.is_none() { break; }
            }
        }
    }
}

/// Every rule and list code has a short label for the desk's summary.
#[test]
fn every_code_has_a_label() {
    let src = std::fs::read_to_string("src/issue.rs").unwrap();
    let rules: Vec<&str> = src
        .lines()
        .filter_map(|l| l.trim().strip_prefix("Rule::"))
        .filter_map(|l| {
            l.split_once("=> \"")
                .map(|(_, r)| r.trim_end_matches("\","))
        })
        .collect();
    assert!(rules.len() >= 23, "{rules:?}");
    let table = std::fs::read_to_string("src/table.rs").unwrap();
    let codes = table
        .lines()
        .filter_map(|l| l.split_once("=> \"TABLE_"))
        .map(|(_, r)| format!("TABLE_{}", r.trim_end_matches("\",")));
    for code in rules.iter().map(|r| format!("NIK_{r}")).chain(codes) {
        for lang in [Lang::Id, Lang::En] {
            let label = klinik_nik::table::code_label(&code, lang);
            assert_ne!(label, code, "no label for {code}");
        }
    }
}

/// Issue 22: a real office sheet with a title and a blank row above the
/// header: the header is found on row 3, every column is found by its name,
/// and the counts are those of the same list without the title.
#[test]
fn a_title_and_blank_rows_above_the_header() {
    let plain = std::fs::read_to_string("tests/data/desk-list.tsv").unwrap();
    let width = plain.lines().next().unwrap().split('\t').count();
    for title in [
        // As Excel copies a range: the title's row has the other cells, empty.
        format!(
            "DAFTAR PENERIMA BLT DESA CONTOH 2026{}\n{}\n",
            "\t".repeat(width - 1),
            "\t".repeat(width - 1)
        ),
        // As typed or saved by other tools: the title alone, a blank line.
        "DAFTAR PENERIMA BLT DESA CONTOH 2026\n\n".to_string(),
    ] {
        let with = checked(format!("{title}{plain}").as_bytes());
        let without = checked(plain.as_bytes());
        assert_eq!(with.columns.title_rows, 2);
        let (a, b) = (with.columns, without.columns);
        assert_eq!(
            (a.nik, a.kk, a.name, a.birth, a.sex, a.regency, a.header),
            (b.nik, b.kk, b.name, b.birth, b.sex, b.regency, b.header)
        );
        assert!(
            a.kk.is_some() && a.birth.is_some() && a.sex.is_some(),
            "{a:?}"
        );
        let (sa, sb) = (with.summary(Lang::Id), without.summary(Lang::Id));
        assert_eq!(
            (sa.rows, sa.valid, sa.errors, sa.warnings),
            (sb.rows, sb.valid, sb.errors, sb.warnings)
        );
        // The download has the header, not the title, on top.
        assert!(with
            .csv(b';', Lang::Id)
            .trim_start_matches('\u{feff}')
            .starts_with("No;Nama;NIK;No KK;"));
        // Row numbers are the spreadsheet's (two rows lower).
        let first_problem = with.order(klinik_nik::sheet::Filter::Problems)[0];
        let first_problem_plain = without.order(klinik_nik::sheet::Filter::Problems)[0];
        assert_eq!(first_problem, first_problem_plain + 2);
    }
}

/// Issue 22: a NIK column pasted alone from Indonesian Excel, with
/// "3,40412E+15" in some cells, is one column, and those cells are Excel's
/// damage, not a comma-separated pair.
#[test]
fn a_lone_nik_column_with_indonesian_scientific_cells() {
    let list = "3511015003850001\n3,40412E+15\n3511011203800002\n3,51102E+15\n3404120101900001\n";
    let s = checked(list.as_bytes());
    assert_eq!(s.delim, b'\t');
    assert_eq!(s.width(), 1);
    let sum = s.summary(Lang::Id);
    assert_eq!(sum.rows, 5);
    assert_eq!(
        sum.by_code
            .iter()
            .find(|k| k.code == "TABLE_EXCEL_SCIENTIFIC")
            .map(|k| k.rows),
        Some(2)
    );
    assert_eq!(sum.by_code.len(), 1, "{:?}", sum.by_code);
}

/// Issue 22: the list's search finds a row anywhere, by a name in any case
/// or a NIK typed with spaces, whatever the filter shows.
#[test]
fn search_finds_a_row_far_down_by_name_or_nik() {
    let mut list = String::from("Nama\tNIK\n");
    for i in 0..5000u32 {
        list.push_str(&format!("Orang {i}\t35110150038{:05}\n", i + 1));
    }
    list.push_str("Siti Aminah Ramadhani\t3511015003850777\n");
    let s = checked(list.as_bytes());
    let last = s.len() as u32 - 1;
    assert_eq!(s.search(Filter::Problems, "aminah"), [last]);
    assert_eq!(s.search(Filter::Problems, "SITI AMINAH"), [last]);
    assert_eq!(s.search(Filter::All, "3511 0150 0385 0777"), [last]);
    assert_eq!(s.search(Filter::All, "tidak ada"), Vec::<u32>::new());
    assert_eq!(s.search(Filter::Problems, "  "), s.order(Filter::Problems));
}

/// Issue 22: in the desk's table the most serious problem of a row comes
/// first: a note (a NIK with a pre-2013 region code) never hides an error
/// (the NIK typed again as the KK) behind "(+1)".
#[test]
fn the_most_serious_problem_of_a_row_comes_first() {
    let list = "Nama\tNIK\tNo KK\nSiti\t6473015003850001\t6473015003850001\n";
    let s = checked(list.as_bytes());
    let siti = s.row(1, Lang::Id);
    assert_eq!(siti.verdict, "error");
    assert!(
        siti.codes.contains(&"NIK_REGION_OLD_EDITION".to_string()),
        "{:?}",
        siti.codes
    );
    assert_eq!(siti.codes[0], "TABLE_NIK_EQUALS_KK", "{:?}", siti.codes);
    assert!(siti.messages[0].starts_with("NIK dan Nomor KK di baris ini sama"));
}

/// A column Excel really cut to 15 digits (most NIKs end in 0) is said once
/// in the summary, and each NIK ending in 0 is a row to check, its cell quoted.
#[test]
fn a_column_cut_by_excel_marks_the_niks_ending_in_0() {
    // Twelve NIKs, eleven of them ending in 0 (row 3's ends in 1).
    let mut list = String::from("Nama\tNIK\n");
    for i in 0..12 {
        let last = if i == 1 { 1 } else { 0 };
        list.push_str(&format!("Orang {i}\t3511015003850{i:02}{last}\n"));
    }
    let s = checked(list.as_bytes());
    let sum = s.summary(Lang::Id);
    assert!(sum.truncated, "{list}");
    let cut = sum
        .by_code
        .iter()
        .find(|k| k.code == "TABLE_EXCEL_TRUNCATED")
        .unwrap();
    assert_eq!(cut.rows, 11);
    let row = s.row(
        s.order(Filter::Code("TABLE_EXCEL_TRUNCATED".into()))[0] as usize,
        Lang::Id,
    );
    assert!(
        row.messages
            .iter()
            .any(|m| m.starts_with("NIK \u{201c}35110150038500")),
        "{:?}",
        row.messages
    );
}

/// Issue 22 §3: each message names the cell it is about (column letter,
/// header, the cell as written); notes come last and are counted, so the
/// page can keep them out of sight.
#[test]
fn a_row_names_the_cell_each_problem_is_about() {
    let s = checked(&std::fs::read("tests/data/desk-list.tsv").unwrap());
    let all = s.order(Filter::All);
    let find = |name: &str| {
        all.iter()
            .map(|&i| s.row(i as usize, Lang::Id))
            .find(|r| r.name == name)
            .unwrap()
    };
    let sri = find("Sri");
    assert_eq!(sri.codes, ["STATED_BIRTH_DATE_DIFFERS"]);
    assert_eq!(
        sri.about,
        ["E Tempat, Tgl Lahir: \u{201c}07-07-1991\u{201d}"]
    );
    assert_eq!(sri.about_column, [5]);
    assert_eq!(sri.notes, 0);
    let joko = find("Joko");
    assert_eq!(joko.codes, ["TABLE_NIK_EQUALS_KK", "TABLE_KK_OTHER_FAMILY"]);
    assert_eq!(
        joko.notes, 1,
        "the KK shared with another family name is a note"
    );
    assert_eq!(joko.about[1], "D No KK: \u{201c}3511012003150007\u{201d}");
    // The printed list says what to check, not the note.
    let printed = s.print_rows(Lang::Id, 100);
    let joko_printed = printed.iter().find(|r| r[1] == "Joko").unwrap();
    assert!(joko_printed[3].starts_with("NIK dan Nomor KK di baris ini sama"));
    assert!(!joko_printed[3].contains("keluarga lain"));
    // Sorted by the "No" column: numbers by value, not as text.
    let by_no: Vec<u32> = s.sorted(&all, 0).iter().map(|i| i + 1).collect();
    assert_eq!(by_no, (2..=21).collect::<Vec<u32>>());
}

/// Issue 22 §3: the problem rows have a download of their own, the
/// workbook's "Bermasalah" sheet alone.
#[test]
fn the_problem_rows_alone_as_a_workbook() {
    let s = checked(&std::fs::read("tests/data/desk-list.tsv").unwrap());
    let one = s.problems_xlsx(Lang::Id).unwrap();
    let both = s.xlsx(Lang::Id).unwrap();
    assert!(one.starts_with(b"PK") && one.len() < both.len());
    let text = String::from_utf8_lossy(&one);
    assert!(text.contains("Bermasalah") && !text.contains("name=\"Hasil\""));
}
