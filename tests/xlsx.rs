//! The desk's way back into Excel (issue 22): the `.xlsx` download read back
//! with an independent reader (calamine), every NIK and KK identical, as
//! 16-character text, never a number Excel would round.
#![cfg(not(target_arch = "wasm32"))]

use calamine::{Data, Reader, Xlsx};
use klinik_nik::date::Date;
use klinik_nik::sheet::Sheet;
use klinik_nik::xlsx::{crc32, write, Sheet as XSheet, TooLarge, MAX_CELL};
use klinik_nik::Lang;
use std::io::Cursor;

fn checked(bytes: &[u8]) -> Sheet {
    let mut s = Sheet::read(bytes).unwrap();
    s.start(s.columns, Date::new(2026, 11, 28).unwrap());
    while !s.step(7) {}
    s
}

fn read_back(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("a workbook calamine opens");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).expect("the sheet reads");
            (n, range.rows().map(|r| r.to_vec()).collect())
        })
        .collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("a cell that is not text: {other:?}"),
    }
}

#[test]
fn every_nik_and_kk_comes_back_as_the_same_16_characters_of_text() {
    let list = std::fs::read("tests/data/desk-list.tsv").unwrap();
    let s = checked(&list);
    let bytes = s.xlsx(Lang::Id).unwrap();
    println!(
        "desk-list.tsv ({} B) -> .xlsx {} B",
        list.len(),
        bytes.len()
    );
    // Kept for a look with other readers (LibreOffice, openpyxl, Excel).
    let _ = std::fs::write("target/desk-list.xlsx", &bytes);
    let sheets = read_back(bytes);
    assert_eq!(
        sheets.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["Hasil", "Bermasalah"]
    );
    let (_, rows) = &sheets[0];
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let nik_col = header.iter().position(|h| h == "NIK").unwrap();
    let kk_col = header.iter().position(|h| h == "No KK").unwrap();
    // Same rows as the CSV download (the CLI's output), cell for cell.
    let csv = std::fs::read_to_string("tests/data/desk-list-expected.csv").unwrap();
    let csv_rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(rows.len(), csv_rows.len());
    let original: Vec<Vec<String>> = String::from_utf8(list)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    let mut sixteen = 0;
    for (r, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(text).collect();
        // Every cell as typed in the list, the damaged ones too.
        assert_eq!(cells[nik_col], original[r][nik_col], "row {}", r + 1);
        assert_eq!(cells[kk_col], original[r][kk_col], "row {}", r + 1);
        if r > 0 && cells[nik_col].len() == 16 && cells[nik_col].bytes().all(|b| b.is_ascii_digit())
        {
            sixteen += 1;
        }
    }
    println!("{sixteen} sixteen-digit NIKs read back as text, none rounded");
    assert!(sixteen >= 15);
    // The problem rows on their own sheet, with their row numbers.
    let (_, problems) = &sheets[1];
    assert_eq!(text(&problems[0][0]), "baris");
    assert!(problems.len() > 1);
    assert!(problems[1..]
        .iter()
        .all(|r| text(&r[0]).parse::<usize>().is_ok()));
}

#[test]
fn hostile_cells_are_written_as_text_or_cleaned() {
    let long = "9".repeat(MAX_CELL + 10);
    let rows = vec![
        vec!["a".to_string(), "b".to_string()],
        vec![
            "<script>&\"x\"</script>".to_string(),
            "=HYPERLINK(\"http://x\")".to_string(),
        ],
        vec!["ctl\u{1}\u{8}chars".to_string(), long],
        vec![String::new(), "3511015003850001".to_string()],
    ];
    let bytes = write(&[XSheet {
        name: "A/B:C*?[x]",
        rows: &rows,
    }])
    .unwrap();
    let sheets = read_back(bytes);
    assert_eq!(sheets[0].0, "A B C   x ");
    let r = &sheets[0].1;
    assert_eq!(text(&r[1][0]), "<script>&\"x\"</script>");
    // A formula stays text: inline strings are never evaluated.
    assert_eq!(text(&r[1][1]), "=HYPERLINK(\"http://x\")");
    assert_eq!(text(&r[2][0]), "ctlchars");
    assert_eq!(text(&r[2][1]).chars().count(), MAX_CELL);
    assert_eq!(text(&r[3][1]), "3511015003850001");
}

#[test]
fn limits_are_said_not_broken() {
    let rows = vec![Vec::<String>::new(); klinik_nik::xlsx::MAX_ROWS + 1];
    assert_eq!(
        write(&[XSheet {
            name: "x",
            rows: &rows
        }])
        .err(),
        Some(TooLarge::Rows(klinik_nik::xlsx::MAX_ROWS + 1))
    );
    assert_eq!(crc32(b""), 0);
    assert_eq!(
        crc32(b"The quick brown fox jumps over the lazy dog"),
        0x414F_A339
    );
}
