//! The messages between the page and its worker: what the page asks
//! ([`Request`]) and what the worker answers ([`Reply`]), as plain objects
//! (serde); the bytes of a download travel beside them, handed over.

use crate::sheet::{RowView, Summary};
use crate::table::Columns;
use serde::{Deserialize, Serialize};

/// Page → worker. A `load` also carries `text` (a paste) or `file` (a `File`).
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(super) enum Request {
    Load {
        today: String,
    },
    Check {
        columns: Columns,
    },
    Order {
        filter: String,
        epoch: u32,
        /// The search box's words (empty: the filter alone).
        #[serde(default)]
        query: String,
        /// Sorted by this column's cells (its index + 1); 0: problems first.
        #[serde(default)]
        sort: usize,
    },
    Rows {
        epoch: u32,
        from: usize,
        count: usize,
        lang: String,
    },
    Summary {
        lang: String,
    },
    Csv {
        delimiter: String,
        lang: String,
    },
    Copy {
        lang: String,
    },
    Xlsx {
        lang: String,
        /// The problem rows alone (one sheet), not the whole list.
        #[serde(default)]
        problems: bool,
    },
    Print {
        lang: String,
    },
}

/// Worker → page. The CSV comes as `{kind: "csv", bytes}`, handed over.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(super) enum Reply {
    Ready,
    Loaded {
        records: usize,
        columns: Columns,
        /// A name for each column: its header, or its first cell.
        heads: Vec<String>,
        windows_1252: bool,
        delimiter: String,
    },
    Failed {
        reason: String,
    },
    Progress {
        done: usize,
        total: usize,
    },
    Checked,
    Done {
        summary: Summary,
        /// The worker's wasm memory in bytes (it only grows: its peak).
        memory: f64,
    },
    Order {
        epoch: u32,
        count: usize,
    },
    Rows {
        epoch: u32,
        from: usize,
        rows: Vec<RowView>,
    },
    Copy {
        text: String,
        html: String,
    },
    /// The list is beyond what an `.xlsx` sheet holds.
    XlsxTooLarge,
    /// The problem rows to print, four cells each (row, name, NIK as
    /// written, what is wrong), one after the other.
    Print {
        cells: Vec<String>,
        total: usize,
    },
}

/// What the page is told about a list just read.
pub(super) fn loaded(sheet: &crate::sheet::Sheet) -> Reply {
    // Column names from the header row, under any title rows.
    let top = sheet.columns.title_rows;
    let first = sheet.record(top);
    let second = sheet.record(top + 1);
    let heads = (0..sheet.width())
        .map(|i| {
            let cell = first.get(i).or(second.get(i)).map_or("", |s| s.trim());
            cell.chars().take(30).collect()
        })
        .collect();
    // Excel's empty lines at the end are no rows of the list (the summary
    // never counts them either).
    let mut records = sheet.len();
    while records > 0
        && sheet
            .record(records - 1)
            .iter()
            .all(|f| f.trim().is_empty())
    {
        records -= 1;
    }
    Reply::Loaded {
        records,
        columns: sheet.columns,
        heads,
        windows_1252: sheet.encoding == crate::table::Encoding::Windows1252,
        delimiter: char::from(sheet.delim).to_string(),
    }
}
