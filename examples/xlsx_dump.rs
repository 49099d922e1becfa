//! Prints every sheet of an `.xlsx` file as JSON, read by calamine (an
//! independent reader): `{"Hasil": [["NIK", …], …], …}`, each cell as
//! `{"s": text}` or `{"n": number}`. The desk's e2e test reads its download
//! back with it.
//!
//!     cargo run --example xlsx_dump -- hasil.xlsx

use calamine::{Data, Reader, Xlsx};

fn main() {
    let path = std::env::args().nth(1).expect("an .xlsx file");
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("a workbook calamine opens");
    let mut out = serde_json::Map::new();
    for name in book.sheet_names().to_vec() {
        let range = book.worksheet_range(&name).expect("the sheet reads");
        let rows: Vec<serde_json::Value> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::String(s) => serde_json::json!({ "s": s }),
                        Data::Empty => serde_json::json!({ "s": "" }),
                        Data::Float(f) => serde_json::json!({ "n": f }),
                        Data::Int(i) => serde_json::json!({ "n": i }),
                        other => serde_json::json!({ "other": format!("{other:?}") }),
                    })
                    .collect()
            })
            .collect();
        out.insert(name, rows.into());
    }
    println!("{}", serde_json::Value::Object(out));
}
