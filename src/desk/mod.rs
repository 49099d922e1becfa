//! The office desk (`desk.html`): a whole list of NIKs checked in the
//! browser. The page (this module) shows and asks; the list lives in a Web
//! Worker (`worker.rs`) running this same module, so a list of a million rows
//! never blocks a keystroke. Nothing is uploaded or stored: the list is in the
//! worker's memory until the tab is closed, and leaves it only as the CSV the
//! user downloads or the rows the user copies.
//!
//! The table draws only the rows on screen (a fixed row height; rows are
//! asked of the worker a page at a time).

mod worker;

pub use worker::desk_worker;

use crate::browser::{remember_lang, remembered_lang, today};
use crate::sheet::{RowView, Summary};
use crate::Lang;
use gloo_events::{EventListener, EventListenerOptions};
use js_sys::{Array, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Worker};

/// Row height in CSS px (the same in `desk.css`).
const ROW_H: f64 = 64.0;
/// The tallest the table's scroll area gets, in CSS px.
const MAX_H: f64 = 4_000_000.0;
/// Rows asked of the worker at a time.
const PAGE: usize = 50;

use crate::table::Columns;

/// Page → worker. A `load` also carries `text` (a paste) or `file` (a `File`).
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Request {
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
    },
    Print {
        lang: String,
    },
}

/// Worker → page. The CSV comes as `{kind: "csv", bytes}`, handed over.
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Reply {
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
fn loaded(sheet: &crate::sheet::Sheet) -> Reply {
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

/// The desk's texts. Elements carry `data-t="key"`.
fn text(key: &str, lang: Lang) -> &'static str {
    use Lang::{En, Id};
    match (key, lang) {
        ("lang", Id) => "English",
        ("lang", En) => "Bahasa Indonesia",
        ("desk-title", Id) => "Cek banyak NIK sekaligus",
        ("desk-title", En) => "Check many NIKs at once",
        ("desk-intro", Id) => "Untuk petugas dan pendamping: tempel daftar dari Excel atau Google Sheets, atau buka berkas CSV. Semua diperiksa di perangkat ini: tidak ada yang diunggah atau disimpan.",
        ("desk-intro", En) => "For officers and volunteers: paste a list from Excel or Google Sheets, or open a CSV file. Everything is checked on this device: nothing is uploaded or stored.",
        ("back", Id) => "← Cek satu NIK",
        ("back", En) => "← Check one NIK",
        ("in-title", Id) => "1. Daftar",
        ("in-title", En) => "1. The list",
        ("paste-label", Id) => "Tempel dari Excel atau Google Sheets (dengan atau tanpa baris judul)",
        ("paste-label", En) => "Paste from Excel or Google Sheets (with or without a header row)",
        ("run", Id) => "Periksa",
        ("run", En) => "Check",
        ("file-label", Id) => "atau buka berkas CSV/TSV (bisa juga diseret ke halaman ini)",
        ("file-label", En) => "or open a CSV/TSV file (or drop it on this page)",
        ("cols-title", Id) => "2. Kolom",
        ("cols-title", En) => "2. Columns",
        ("cols-intro", Id) => "Periksa kolom yang kami temukan; ubah bila keliru.",
        ("cols-intro", En) => "Check the columns we found; change them if wrong.",
        ("c-nik", Id) => "NIK",
        ("c-nik", En) => "NIK",
        ("c-kk", Id) => "Nomor KK",
        ("c-kk", En) => "KK number",
        ("c-name", Id) => "Nama",
        ("c-name", En) => "Name",
        ("c-birth", Id) => "Tanggal lahir",
        ("c-birth", En) => "Birth date",
        ("c-sex", Id) => "Jenis kelamin",
        ("c-sex", En) => "Sex",
        ("c-regency", Id) => "Kab/Kota",
        ("c-regency", En) => "Regency/City",
        ("has-header", Id) => "Baris pertama adalah judul kolom",
        ("has-header", En) => "The first row holds column names",
        ("recheck", Id) => "Periksa dengan kolom ini",
        ("recheck", En) => "Check with these columns",
        ("none", Id) => "— tidak ada —",
        ("none", En) => "— none —",
        ("cancel", Id) => "Batalkan",
        ("cancel", En) => "Cancel",
        ("res-title", Id) => "3. Hasil",
        ("res-title", En) => "3. Results",
        ("kinds-title", Id) => "Jenis masalah (ketuk untuk menampilkan barisnya):",
        ("kinds-title", En) => "Kinds of problem (tap to show their rows):",
        ("print", Id) => "Cetak daftar baris bermasalah",
        ("print", En) => "Print the list of problem rows",
        ("print-title", Id) => "Baris bermasalah",
        ("print-title", En) => "Problem rows",
        ("pasted-list", Id) => "daftar yang ditempel",
        ("pasted-list", En) => "pasted list",
        ("print-count", Id) => "{} baris bermasalah, yang salah lebih dulu.",
        ("print-count", En) => "{} problem rows, errors first.",
        ("print-cut", Id) => "Dicetak {} baris pertama; semuanya ada di file .xlsx (lembar Bermasalah).",
        ("print-cut", En) => "The first {} rows are printed; all are in the .xlsx file (sheet Problem rows).",
        ("print-row", Id) => "Baris",
        ("print-row", En) => "Row",
        ("print-name", Id) => "Nama",
        ("print-name", En) => "Name",
        ("print-nik", Id) => "NIK tertulis",
        ("print-nik", En) => "NIK as written",
        ("print-what", Id) => "Yang perlu dicek",
        ("print-what", En) => "What to check",
        ("print-follow", Id) => "Tindak lanjut",
        ("print-follow", En) => "Follow-up",
        ("search-label", Id) => "Cari nama atau NIK di seluruh daftar",
        ("search-label", En) => "Search the whole list by name or NIK",
        ("found", Id) => "{} baris cocok",
        ("found", En) => "{} matching rows",
        ("filter-label", Id) => "Tampilkan",
        ("filter-label", En) => "Show",
        ("f-problems", Id) => "Baris bermasalah",
        ("f-problems", En) => "Rows with problems",
        ("f-all", Id) => "Semua baris (bermasalah dulu)",
        ("f-all", En) => "All rows (problems first)",
        ("f-duplicates", Id) => "NIK ganda",
        ("f-duplicates", En) => "Repeated NIKs",
        ("delim-label", Id) => "Pemisah kolom CSV",
        ("delim-label", En) => "CSV column separator",
        ("delim-semicolon", Id) => "titik koma ; (Excel berbahasa Indonesia)",
        ("delim-semicolon", En) => "semicolon ; (Excel in Indonesian)",
        ("delim-comma", Id) => "koma ,",
        ("delim-comma", En) => "comma ,",
        ("title-rows", Id) => "judul kolom di baris {}",
        ("title-rows", En) => "column names on row {}",
        ("download-xlsx", Id) => "Unduh untuk Excel (.xlsx)",
        ("download-xlsx", En) => "Download for Excel (.xlsx)",
        ("xlsx-note", Id) => "Di file .xlsx, NIK dan Nomor KK tersimpan sebagai teks, jadi Excel tidak mengubahnya menjadi angka. Lembar kedua berisi baris bermasalah saja.",
        ("xlsx-note", En) => "In the .xlsx file the NIK and KK numbers are stored as text, so Excel does not turn them into numbers. The second sheet holds the problem rows only.",
        ("csv-note", Id) => "CSV yang dibuka dengan klik dua kali diubah Excel: NIK menjadi angka (3,51101E+15) dan angka ke-16 menjadi 0. Buka CSV lewat Data › Dari Teks/CSV dengan kolom NIK dan KK diatur sebagai Teks, atau pakai file .xlsx.",
        ("csv-note", En) => "A CSV opened by double-click is changed by Excel: the NIK becomes a number (3.51101E+15) and its 16th digit a 0. Open a CSV through Data › From Text/CSV with the NIK and KK columns set to Text, or use the .xlsx file.",
        ("xlsx-too-large", Id) => "Daftar ini lebih dari 1.048.576 baris, batas satu lembar Excel: unduh CSV.",
        ("xlsx-too-large", En) => "This list has more than 1,048,576 rows, the limit of one Excel sheet: download the CSV.",
        ("download", Id) => "Unduh hasil (CSV)",
        ("download", En) => "Download results (CSV)",
        ("copy", Id) => "Salin baris bermasalah",
        ("copy", En) => "Copy rows with problems",
        ("privacy", Id) => "Daftar hanya ada di tab ini dan hilang saat tab ditutup. Tidak ada yang dikirim.",
        ("privacy", En) => "The list exists only in this tab and is gone when it is closed. Nothing is sent.",
        ("table-label", Id) => "Hasil per baris",
        ("table-label", En) => "Results by row",
        ("empty", Id) => "Teks atau berkas itu kosong.",
        ("empty", En) => "That text or file is empty.",
        ("binary", Id) => "Ini bukan berkas CSV atau teks (mungkin PDF, gambar, atau .xlsx). Di Excel: File › Save As › CSV, lalu buka berkas itu di sini.",
        ("binary", En) => "This is not a CSV or text file (perhaps a PDF, an image or an .xlsx). In Excel: File › Save As › CSV, then open that file here.",
        ("unreadable", Id) => "Berkas tidak dapat dibaca. Coba simpan ulang sebagai CSV.",
        ("unreadable", En) => "The file cannot be read. Try saving it again as CSV.",
        ("nothing", Id) => "Tempel daftar dulu, atau buka berkas.",
        ("nothing", En) => "Paste a list first, or open a file.",
        ("no-nik", Id) => "Tidak ada kolom yang tampak berisi NIK. Pilih kolom NIK di bawah, lalu periksa.",
        ("no-nik", En) => "No column looks like NIKs. Choose the NIK column below, then check.",
        ("choose-nik", Id) => "Pilih kolom NIK dulu.",
        ("choose-nik", En) => "Choose the NIK column first.",
        ("cancelled", Id) => "Dibatalkan. Daftar Anda masih di sini; periksa lagi kapan saja.",
        ("cancelled", En) => "Cancelled. Your list is still here; check it again any time.",
        ("worker-failed", Id) => "Pemeriksa gagal dimuat. Muat ulang halaman (perlu internet pada kunjungan pertama).",
        ("worker-failed", En) => "The checker failed to load. Reload the page (the first visit needs the internet).",
        ("reading", Id) => "Membaca daftar…",
        ("reading", En) => "Reading the list…",
        ("copied", Id) => "Disalin. Tempel di Excel atau Google Sheets.",
        ("copied", En) => "Copied. Paste it into Excel or Google Sheets.",
        ("copy-failed", Id) => "Tidak dapat menyalin di peramban ini; unduh CSV sebagai gantinya.",
        ("copy-failed", En) => "Copying is not possible in this browser; download the CSV instead.",
        ("rows", Id) => "baris",
        ("rows", En) => "rows",
        // Counts that add up: rows = format benar + salah; "perlu dicek" is
        // part of "format benar" (a NIK can be well-formed and repeated).
        ("valid", Id) => "format benar",
        ("valid", En) => "well-formed",
        ("errors", Id) => "salah",
        ("errors", En) => "with errors",
        ("warnings", Id) => "di antaranya perlu dicek",
        ("warnings", En) => "of those, to check",
        ("dups", Id) => "NIK ganda",
        ("dups", En) => "repeated NIKs",
        ("row", Id) => "Baris",
        ("row", En) => "Row",
        ("n-1252", Id) => "Berkas dibaca sebagai Windows-1252 (Excel lama), bukan UTF-8.",
        ("n-1252", En) => "The file was read as Windows-1252 (older Excel), not UTF-8.",
        ("n-truncated", Id) => "Excel menyimpan kolom NIK sebagai angka: NIK yang berakhir 0 mungkin kehilangan angka terakhirnya. Format kolom sebagai Teks dan ketik ulang NIK itu.",
        ("n-truncated", En) => "Excel stored the NIK column as numbers: NIKs ending in 0 may have lost their last digit. Format the column as Text and retype those NIKs.",
        ("n-open", Id) => "Ada tanda kutip \" yang tidak ditutup: baris sesudahnya terbaca sebagai satu sel.",
        ("n-open", En) => "A quote \" is never closed: the rows after it were read as one cell.",
        ("n-ragged", Id) => "Ada baris dengan jumlah kolom berbeda dari baris pertama.",
        ("n-ragged", En) => "Some rows have a different number of cells than the first.",
        ("no-rows", Id) => "Tidak ada baris untuk ditampilkan.",
        ("no-rows", En) => "No rows to show.",
        ("no-problems", Id) => "Tidak ada masalah yang ditemukan. Ingat: format benar bukan bukti NIK terdaftar atau aktif.",
        ("no-problems", En) => "No problems found. Remember: a correct format does not prove a NIK is registered or active.",
        _ => "",
    }
}

/// `12345` → `12.345` (Indonesian) or `12,345` (English).
fn thousands(n: usize, lang: Lang) -> String {
    let s = n.to_string();
    let sep = if lang == Lang::En { ',' } else { '.' };
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `A`, `B`, … `Z`, `AA`: the spreadsheet's column letters.
fn column_letter(i: usize) -> String {
    crate::xlsx::column(i)
}

const ROLES: [&str; 6] = ["nik", "kk", "name", "birth", "sex", "regency"];

struct Desk {
    doc: Document,
    lang: Lang,
    worker: Option<Worker>,
    worker_listeners: Vec<EventListener>,
    ready: bool,
    queue: Vec<JsValue>,
    file_name: Option<String>,
    heads: Vec<String>,
    columns: Columns,
    summary: Option<Summary>,
    epoch: u32,
    count: usize,
    rows: HashMap<usize, RowView>,
    asked: HashSet<usize>,
    selected: Option<usize>,
    started: f64,
    download_url: Option<String>,
    _listeners: Vec<EventListener>,
}

thread_local! {
    static DESK: RefCell<Option<Desk>> = const { RefCell::new(None) };
}

fn with_desk(f: impl FnOnce(&mut Desk)) {
    DESK.with(|d| {
        if let Some(desk) = d.borrow_mut().as_mut() {
            f(desk);
        }
    });
}

fn by_id(doc: &Document, id: &str) -> Option<Element> {
    doc.get_element_by_id(id)
}

/// A monotonic clock in ms (not `Date`, which tests may hold still).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    serde_wasm_bindgen::to_value(v).unwrap_or(JsValue::NULL)
}

impl Desk {
    fn set_text(&self, id: &str, s: &str) {
        if let Some(e) = by_id(&self.doc, id) {
            e.set_text_content(Some(s));
        }
    }

    fn show(&self, id: &str, on: bool) {
        if let Some(e) = by_id(&self.doc, id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            e.set_hidden(!on);
        }
    }

    fn t(&self, key: &str) -> &'static str {
        text(key, self.lang)
    }

    fn lang_str(&self) -> String {
        if self.lang == Lang::En { "en" } else { "id" }.to_string()
    }

    /// A fresh worker (the first, or after a cancel).
    fn spawn(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.worker_listeners.clear();
        self.ready = false;
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(web_sys::WorkerType::Module);
        let Ok(w) = Worker::new_with_options("desk-worker.js", &opts) else {
            self.fail("worker-failed");
            return;
        };
        self.worker_listeners
            .push(EventListener::new(&w, "message", |e| {
                if let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() {
                    let data = e.data();
                    with_desk(|d| d.receive(data));
                }
            }));
        self.worker_listeners
            .push(EventListener::new(&w, "error", |_| {
                with_desk(|d| d.fail("worker-failed"));
            }));
        self.worker = Some(w);
    }

    fn send(&mut self, msg: JsValue) {
        match (&self.worker, self.ready) {
            (Some(w), true) => {
                let _ = w.post_message(&msg);
            }
            _ => self.queue.push(msg),
        }
    }

    fn request(&mut self, r: &Request) {
        let v = to_js(r);
        self.send(v);
    }

    fn fail(&mut self, key: &str) {
        self.show("progress-step", false);
        self.show("input-step", true);
        self.set_text("in-error", self.t(key));
    }

    /// Reads a paste (a string) or a `File`, then checks it.
    fn load(&mut self, source: JsValue, file_name: Option<String>) {
        self.set_text("in-error", "");
        self.set_text("copy-done", "");
        self.file_name = file_name;
        self.summary = None;
        self.started = now();
        let msg = to_js(&Request::Load {
            today: today().to_string(),
        });
        let key = if source.is_string() { "text" } else { "file" };
        let _ = Reflect::set(&msg, &key.into(), &source);
        self.show("result-step", false);
        self.show("columns-step", false);
        self.show("progress-step", true);
        self.set_text("progress-text", self.t("reading"));
        if let Some(p) = by_id(&self.doc, "progress") {
            let _ = p.remove_attribute("value");
        }
        self.state("checking");
        self.send(msg);
    }

    fn state(&self, s: &str) {
        if let Some(b) = self.doc.body() {
            let _ = b.set_attribute("data-desk", s);
        }
    }

    fn receive(&mut self, data: JsValue) {
        let kind = Reflect::get(&data, &"kind".into())
            .ok()
            .and_then(|k| k.as_string());
        if let Some(ext @ ("csv" | "xlsx")) = kind.as_deref() {
            if let Ok(bytes) = Reflect::get(&data, &"bytes".into()) {
                self.save_file(bytes.unchecked_into(), ext);
            }
            return;
        }
        let Ok(reply) = serde_wasm_bindgen::from_value::<Reply>(data) else {
            return;
        };
        match reply {
            Reply::Ready => {
                self.ready = true;
                for m in std::mem::take(&mut self.queue) {
                    self.send(m);
                }
            }
            Reply::Loaded {
                records,
                columns,
                heads,
                windows_1252,
                delimiter,
            } => {
                self.heads = heads;
                self.columns = columns;
                self.fill_columns();
                self.show("columns-step", true);
                let sep = match delimiter.as_str() {
                    "\t" => "tab",
                    ";" => ";",
                    _ => ",",
                };
                let mut note = format!(
                    "{} {} · {} {}",
                    thousands(records.saturating_sub(columns.skip()), self.lang),
                    self.t("rows"),
                    if self.lang == Lang::En {
                        "separator"
                    } else {
                        "pemisah"
                    },
                    sep
                );
                if columns.header && columns.title_rows > 0 {
                    // The header under a title: say where it was found.
                    note.push_str(" · ");
                    note.push_str(
                        &self
                            .t("title-rows")
                            .replace("{}", &(columns.title_rows + 1).to_string()),
                    );
                }
                if windows_1252 {
                    note.push_str(" · ");
                    note.push_str(self.t("n-1252"));
                }
                self.set_text("read-note", &note);
                self.open_columns(columns.nik.is_none());
                if columns.nik.is_none() {
                    self.show("progress-step", false);
                    self.set_text("cols-error", self.t("no-nik"));
                    self.state("columns");
                } else {
                    self.set_text("cols-error", "");
                }
            }
            Reply::Failed { reason } => {
                self.fail(match reason.as_str() {
                    "empty" => "empty",
                    "binary" => "binary",
                    _ => "unreadable",
                });
                self.state("failed");
            }
            Reply::Progress { done, total } => {
                if let Some(p) = by_id(&self.doc, "progress") {
                    let _ = p.set_attribute("max", &total.max(1).to_string());
                    let _ = p.set_attribute("value", &done.to_string());
                }
                let s = if self.lang == Lang::En {
                    format!(
                        "Checking… {} of {} rows",
                        thousands(done, self.lang),
                        thousands(total, self.lang)
                    )
                } else {
                    format!(
                        "Memeriksa… {} dari {} baris",
                        thousands(done, self.lang),
                        thousands(total, self.lang)
                    )
                };
                self.set_text("progress-text", &s);
            }
            Reply::Checked => {
                let lang = self.lang_str();
                self.request(&Request::Summary { lang });
                self.set_filter_value("problems");
                self.new_order();
            }
            Reply::Done { summary, memory } => {
                let first = self.summary.is_none();
                self.summary = Some(summary);
                self.render_summary();
                self.show("progress-step", false);
                self.show("result-step", true);
                if first {
                    let ms = now() - self.started;
                    if let Some(b) = self.doc.body() {
                        let _ = b.set_attribute("data-checked-ms", &format!("{ms:.0}"));
                        let _ = b.set_attribute("data-worker-memory", &format!("{memory:.0}"));
                    }
                    self.state("done");
                    // On a phone the results start below the fold: bring them up.
                    if let Some(h) = by_id(&self.doc, "res-title") {
                        h.scroll_into_view();
                    }
                }
            }
            Reply::Order { epoch, count } => {
                if epoch == self.epoch {
                    self.count = count;
                    let searching = by_id(&self.doc, "search")
                        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                        .is_some_and(|i| !i.value().trim().is_empty());
                    let found = if searching {
                        self.t("found").replace("{}", &thousands(count, self.lang))
                    } else {
                        String::new()
                    };
                    self.set_text("search-count", &found);
                    self.rows.clear();
                    self.asked.clear();
                    self.selected = None;
                    self.show("row-detail", false);
                    if let Some(t) = by_id(&self.doc, "table") {
                        t.set_scroll_top(0);
                        let _ = t.set_attribute("aria-rowcount", &count.to_string());
                    }
                    self.render_rows();
                }
            }
            Reply::Rows { epoch, from, rows } => {
                if epoch == self.epoch {
                    for (k, r) in rows.into_iter().enumerate() {
                        self.rows.insert(from + k, r);
                    }
                    self.render_rows();
                    if let Some(sel) = self.selected {
                        if from <= sel && sel < from + PAGE {
                            self.render_detail();
                        }
                    }
                }
            }
            Reply::Copy { text, html } => self.copy(text, html),
            Reply::XlsxTooLarge => self.set_text("copy-done", self.t("xlsx-too-large")),
            Reply::Print { cells, total } => self.print_list(&cells, total),
        }
    }

    /// The columns' box, open when the page needs an answer from it.
    fn open_columns(&self, open: bool) {
        if let Some(d) = by_id(&self.doc, "columns-step")
            .and_then(|e| e.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            d.set_open(open);
        }
    }

    fn set_filter_value(&self, v: &str) {
        if let Some(s) =
            by_id(&self.doc, "filter").and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        {
            s.set_value(v);
        }
    }

    /// Asks the worker for the rows of the chosen filter.
    fn new_order(&mut self) {
        self.epoch += 1;
        let filter = by_id(&self.doc, "filter")
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
            .map_or("problems".to_string(), |s| s.value());
        let epoch = self.epoch;
        let query = by_id(&self.doc, "search")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        self.request(&Request::Order {
            filter,
            epoch,
            query,
        });
    }

    fn fill_columns(&self) {
        let none = self.t("none");
        for role in ROLES {
            let Some(sel) = by_id(&self.doc, &format!("col-{role}")) else {
                continue;
            };
            sel.set_text_content(None);
            let chosen = self.role(role);
            let add = |value: &str, label: &str, on: bool| {
                if let Ok(o) = self.doc.create_element("option") {
                    let _ = o.set_attribute("value", value);
                    o.set_text_content(Some(label));
                    if on {
                        let _ = o.set_attribute("selected", "");
                    }
                    let _ = sel.append_child(&o);
                }
            };
            add("", none, chosen.is_none());
            for (i, h) in self.heads.iter().enumerate() {
                add(
                    &i.to_string(),
                    &format!("{}: {h}", column_letter(i)),
                    chosen == Some(i),
                );
            }
        }
        if let Some(h) =
            by_id(&self.doc, "has-header").and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            h.set_checked(self.columns.header);
        }
    }

    fn role(&self, role: &str) -> Option<usize> {
        let c = &self.columns;
        match role {
            "nik" => c.nik,
            "kk" => c.kk,
            "name" => c.name,
            "birth" => c.birth,
            "sex" => c.sex,
            _ => c.regency,
        }
    }

    /// The columns as chosen in the selects.
    fn chosen_columns(&self) -> Columns {
        let get = |role: &str| {
            by_id(&self.doc, &format!("col-{role}"))
                .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
                .and_then(|s| s.value().parse().ok())
        };
        Columns {
            nik: get("nik"),
            kk: get("kk"),
            name: get("name"),
            birth: get("birth"),
            sex: get("sex"),
            regency: get("regency"),
            header: by_id(&self.doc, "has-header")
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                .is_some_and(|h| h.checked()),
            // The title rows found stay above the header.
            title_rows: self.columns.title_rows,
        }
    }

    fn recheck(&mut self) {
        let columns = self.chosen_columns();
        if columns.nik.is_none() {
            self.open_columns(true);
            self.set_text("cols-error", self.t("choose-nik"));
            return;
        }
        self.set_text("cols-error", "");
        self.columns = columns;
        self.summary = None;
        self.started = now();
        self.show("result-step", false);
        self.show("progress-step", true);
        self.state("checking");
        self.request(&Request::Check { columns });
    }

    fn cancel(&mut self) {
        self.spawn();
        self.show("progress-step", false);
        self.show("columns-step", false);
        self.show("result-step", false);
        self.show("input-step", true);
        self.set_text("in-error", self.t("cancelled"));
        self.state("cancelled");
    }

    fn render_summary(&self) {
        let Some(s) = &self.summary else { return };
        let doc = &self.doc;
        let Some(dl) = by_id(doc, "counts") else {
            return;
        };
        dl.set_text_content(None);
        for (n, key, kind) in [
            (s.rows, "rows", "rows"),
            (s.valid, "valid", "ok"),
            (s.errors, "errors", "error"),
            (s.warnings, "warnings", "warning"),
            (s.duplicates.len(), "dups", "dup"),
        ] {
            if let Ok(div) = doc.create_element("div") {
                let _ = div.set_attribute("data-count", kind);
                if let (Ok(dd), Ok(dt)) = (doc.create_element("dd"), doc.create_element("dt")) {
                    dd.set_text_content(Some(&thousands(n, self.lang)));
                    dt.set_text_content(Some(self.t(key)));
                    let _ = div.append_child(&dd);
                    let _ = div.append_child(&dt);
                }
                let _ = dl.append_child(&div);
            }
        }
        if let Some(ul) = by_id(doc, "notes") {
            ul.set_text_content(None);
            let mut notes: Vec<String> = Vec::new();
            if s.errors + s.warnings == 0 {
                notes.push(self.t("no-problems").into());
            }
            if s.truncated {
                notes.push(self.t("n-truncated").into());
            }
            if s.open_quotes > 0 {
                notes.push(self.t("n-open").into());
            }
            if s.ragged > 0 {
                notes.push(format!(
                    "{} ({})",
                    self.t("n-ragged"),
                    thousands(s.ragged, self.lang)
                ));
            }
            for (nik, rows) in s.duplicates.iter().take(5) {
                let rows: Vec<String> = rows.iter().map(u32::to_string).collect();
                notes.push(if self.lang == Lang::En {
                    format!("NIK {nik} is on rows {}.", rows.join(", "))
                } else {
                    format!("NIK {nik} ada di baris {}.", rows.join(", "))
                });
            }
            for n in notes {
                if let Ok(li) = doc.create_element("li") {
                    li.set_text_content(Some(&n));
                    let _ = ul.append_child(&li);
                }
            }
        }
        // Each kind of problem with its count, a tap away from its rows.
        if let Some(list) = by_id(doc, "kind-list") {
            list.set_text_content(None);
            // Errors and warnings; notes (cleaned, older codes) stay in the select.
            for k in s.by_code.iter().filter(|k| k.severity != "note") {
                if let Ok(b) = doc.create_element("button") {
                    let _ = b.set_attribute("type", "button");
                    let _ = b.set_attribute("data-filter", &k.code);
                    let _ = b.set_attribute("data-severity", &k.severity);
                    b.set_text_content(Some(&format!(
                        "{}: {}",
                        k.label,
                        thousands(k.rows, self.lang)
                    )));
                    let _ = list.append_child(&b);
                }
            }
        }
        // The filter: fixed choices, then each kind of problem with its count.
        if let Some(sel) = by_id(doc, "filter").and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        {
            let keep = sel.value();
            sel.set_text_content(None);
            let add = |value: &str, label: String| {
                if let Ok(o) = doc.create_element("option") {
                    let _ = o.set_attribute("value", value);
                    o.set_text_content(Some(&label));
                    let _ = sel.append_child(&o);
                }
            };
            add(
                "problems",
                format!(
                    "{} ({})",
                    self.t("f-problems"),
                    thousands(s.errors + s.warnings, self.lang)
                ),
            );
            add(
                "all",
                format!("{} ({})", self.t("f-all"), thousands(s.rows, self.lang)),
            );
            if !s.duplicates.is_empty() {
                let n: usize = s.duplicates.iter().map(|(_, r)| r.len()).sum();
                add(
                    "duplicates",
                    format!("{} ({})", self.t("f-duplicates"), thousands(n, self.lang)),
                );
            }
            for k in &s.by_code {
                add(
                    &k.code,
                    format!("{} ({})", k.label, thousands(k.rows, self.lang)),
                );
            }
            sel.set_value(if keep.is_empty() { "problems" } else { &keep });
        }
    }

    /// Draws the rows on screen (and a few around them); asks for the missing.
    fn render_rows(&mut self) {
        let doc = self.doc.clone();
        let Some(table) = by_id(&doc, "table") else {
            return;
        };
        let Some(body) = by_id(&doc, "rows") else {
            return;
        };
        // Through the CSSOM: the CSP forbids style attributes.
        let style = |id: &str, prop: &str, v: String| {
            if let Some(e) = by_id(&doc, id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = e.style().set_property(prop, &v);
            }
        };
        // Browsers cap an element's height (about 33 million px in Chromium):
        // past MAX_H the scroll position maps onto the rows proportionally.
        let full = self.count as f64 * ROW_H;
        let height = f64::from(table.client_height()).max(ROW_H);
        style("spacer", "height", format!("{}px", full.min(MAX_H)));
        let top = f64::from(table.scroll_top());
        let scale = if full > MAX_H {
            (full - height) / (MAX_H - height)
        } else {
            1.0
        };
        let virtual_top = top * scale;
        let first = ((virtual_top / ROW_H) as usize).saturating_sub(5);
        let last = (((virtual_top + height) / ROW_H) as usize + 5).min(self.count);
        let offset = top - (virtual_top - first as f64 * ROW_H);
        style("rows", "transform", format!("translateY({offset}px)"));
        body.set_text_content(None);
        if self.count == 0 {
            if let Ok(p) = doc.create_element("p") {
                p.set_class_name("vt-empty");
                p.set_text_content(Some(self.t("no-rows")));
                let _ = body.append_child(&p);
            }
        }
        let mut missing = Vec::new();
        for pos in first..last {
            let row = self.row_element(pos);
            if let Some(r) = row {
                let _ = body.append_child(&r);
            }
            if !self.rows.contains_key(&pos) {
                missing.push(pos / PAGE);
            }
        }
        missing.dedup();
        for page in missing {
            if self.asked.insert(page) {
                let (epoch, lang) = (self.epoch, self.lang_str());
                self.request(&Request::Rows {
                    epoch,
                    from: page * PAGE,
                    count: PAGE,
                    lang,
                });
            }
        }
    }

    fn row_element(&self, pos: usize) -> Option<Element> {
        let doc = &self.doc;
        let el = doc.create_element("div").ok()?;
        el.set_class_name("vt-row");
        let _ = el.set_attribute("role", "row");
        let _ = el.set_attribute("aria-rowindex", &(pos + 1).to_string());
        let _ = el.set_attribute("data-pos", &pos.to_string());
        let _ = el.set_attribute("tabindex", "0");
        if self.selected == Some(pos) {
            let _ = el.set_attribute("aria-selected", "true");
        }
        let Some(r) = self.rows.get(&pos) else {
            el.set_text_content(Some("…"));
            return Some(el);
        };
        let _ = el.set_attribute("data-verdict", &r.verdict);
        let cell = |class: &str| -> Option<Element> {
            let c = doc.create_element("span").ok()?;
            c.set_class_name(class);
            let _ = c.set_attribute("role", "cell");
            let _ = el.append_child(&c);
            Some(c)
        };
        if let Some(c) = cell("n") {
            c.set_text_content(Some(&format!("{} {}", self.t("row"), r.number)));
        }
        if let Some(c) = cell("nik") {
            fill_nik(doc, &c, &r.nik);
        }
        if let Some(c) = cell("nm") {
            c.set_text_content(Some(&r.name));
        }
        if let Some(c) = cell("msg") {
            let more = r.messages.len().saturating_sub(1);
            let first = r
                .messages
                .first()
                .map_or_else(|| format!("{} {}", r.province, r.regency), Clone::clone);
            c.set_text_content(Some(&if more > 0 {
                format!("{first} (+{more})")
            } else {
                first
            }));
        }
        Some(el)
    }

    fn select(&mut self, pos: usize) {
        self.selected = Some(pos);
        self.render_rows();
        self.render_detail();
        // On a phone the details are below the table: bring them into view.
        if let Some(d) = by_id(&self.doc, "row-detail") {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            d.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }

    /// Everything about the chosen row, below the table.
    fn render_detail(&self) {
        let doc = &self.doc;
        let Some(pos) = self.selected else { return };
        let Some(r) = self.rows.get(&pos) else { return };
        let Some(box_) = by_id(doc, "row-detail") else {
            return;
        };
        box_.set_text_content(None);
        let add = |tag: &str, text: &str| -> Option<Element> {
            let e = doc.create_element(tag).ok()?;
            e.set_text_content(Some(text));
            let _ = box_.append_child(&e);
            Some(e)
        };
        let title = if r.name.is_empty() {
            format!("{} {}", self.t("row"), r.number)
        } else {
            format!("{} {} — {}", self.t("row"), r.number, r.name)
        };
        add("h3", &title);
        if let Some(p) = add("p", "") {
            p.set_class_name("nik");
            fill_nik(doc, &p, &r.nik);
        }
        if let Some(ul) = add("ul", "") {
            for (code, m) in r.codes.iter().zip(&r.messages) {
                if let Ok(li) = doc.create_element("li") {
                    li.set_text_content(Some(m));
                    if let Ok(c) = doc.create_element("code") {
                        c.set_text_content(Some(code));
                        let _ = li.append_with_str_1(" ");
                        let _ = li.append_child(&c);
                    }
                    let _ = ul.append_child(&li);
                }
            }
        }
        let en = self.lang == Lang::En;
        for (label, v) in [
            (if en { "Province" } else { "Provinsi" }, &r.province),
            (if en { "Regency/City" } else { "Kab/Kota" }, &r.regency),
            (if en { "District" } else { "Kecamatan" }, &r.district),
            (if en { "Sex" } else { "Jenis kelamin" }, &r.sex),
            (
                if en { "Birth date" } else { "Tanggal lahir" },
                &r.birth_date,
            ),
        ] {
            if !v.is_empty() {
                add("p", &format!("{label}: {v}"));
            }
        }
        self.show("row-detail", true);
    }

    /// The download: `ext` is `csv` or `xlsx`.
    fn save_file(&mut self, bytes: Uint8Array, ext: &str) {
        let parts = Array::of1(&bytes);
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(if ext == "xlsx" {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        } else {
            "text/csv;charset=utf-8"
        });
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        if let Some(old) = self.download_url.replace(url.clone()) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        let name = match &self.file_name {
            Some(f) => {
                let stem = f.rsplit_once('.').map_or(f.as_str(), |(s, _)| s);
                format!("{stem}-hasil.{ext}")
            }
            None => format!("hasil-cek-nik.{ext}"),
        };
        if let Ok(a) = self.doc.create_element("a") {
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("download", &name);
            if let Some(a) = a.dyn_ref::<HtmlElement>() {
                a.click();
            }
        }
    }

    /// Fills the printable problem list (`#print-list`, shown only on
    /// paper) and opens the print dialog.
    fn print_list(&self, cells: &[String], total: usize) {
        let shown = cells.len() / 4;
        let Some(out) = by_id(&self.doc, "print-list") else {
            return;
        };
        out.set_text_content(None);
        let doc = &self.doc;
        let add = |parent: &Element, tag: &str, text: &str| -> Option<Element> {
            let e = doc.create_element(tag).ok()?;
            e.set_text_content(Some(text));
            parent.append_child(&e).ok()?;
            Some(e)
        };
        let source = self
            .file_name
            .clone()
            .unwrap_or_else(|| self.t("pasted-list").to_string());
        add(&out, "h1", &format!("{} — {source}", self.t("print-title")));
        let mut note = self
            .t("print-count")
            .replace("{}", &thousands(total, self.lang));
        if shown < total {
            note.push(' ');
            note.push_str(
                &self
                    .t("print-cut")
                    .replace("{}", &thousands(shown, self.lang)),
            );
        }
        add(&out, "p", &note);
        let Some(table) = add(&out, "table", "") else {
            return;
        };
        let Some(head) = add(&table, "tr", "") else {
            return;
        };
        for k in [
            "print-row",
            "print-name",
            "print-nik",
            "print-what",
            "print-follow",
        ] {
            add(&head, "th", self.t(k));
        }
        for r in cells.chunks(4) {
            let Some(tr) = add(&table, "tr", "") else {
                return;
            };
            for cell in r {
                add(&tr, "td", cell);
            }
            add(&tr, "td", "");
        }
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }

    /// Copies the problem rows: as an HTML table (Excel and LibreOffice
    /// paste its cells as text, so NIKs keep 16 digits) with the plain TSV
    /// beside it, or the TSV alone where the browser has no `ClipboardItem`.
    fn copy(&self, text: String, html: String) {
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
            return;
        };
        let promise = clipboard_item(&text, &html)
            .map(|item| nav.clipboard().write(&Array::of1(&item)))
            .unwrap_or_else(|| nav.clipboard().write_text(&text));
        let ok = self.t("copied");
        let failed = self.t("copy-failed");
        let done: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| {
            with_desk(|d| d.set_text("copy-done", ok));
        });
        let err: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| {
            with_desk(|d| d.set_text("copy-done", failed));
        });
        let _ = promise.then2(&done, &err);
        done.forget();
        err.forget();
    }

    fn apply_lang(&mut self) {
        let doc = &self.doc;
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", if self.lang == Lang::En { "en" } else { "id" });
        }
        if let Ok(list) = doc.query_selector_all("[data-t]") {
            for i in 0..list.length() {
                if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    if let Some(k) = e.get_attribute("data-t") {
                        let s = text(&k, self.lang);
                        if !s.is_empty() {
                            e.set_text_content(Some(s));
                        }
                    }
                }
            }
        }
        if let Some(t) = by_id(doc, "table") {
            let _ = t.set_attribute("aria-label", self.t("table-label"));
        }
        if !self.heads.is_empty() {
            self.fill_columns();
        }
        if self.summary.is_some() {
            let lang = self.lang_str();
            self.request(&Request::Summary { lang });
            self.rows.clear();
            self.asked.clear();
            self.render_rows();
        }
    }
}

/// The NIK cell with its wrong characters in `<mark>`.
fn fill_nik(doc: &Document, el: &Element, nik: &[(char, bool)]) {
    crate::browser::fill_marked(doc, el, nik.iter().copied(), false);
}

/// The file a `change` or `drop` event carries.
fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|l| l.get(0))
}

/// Called by `desk.js`: wires the desk page.
#[wasm_bindgen(js_name = deskPage)]
pub fn desk_page() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut listeners = Vec::new();
    let click = |id: &str, f: fn(&mut Desk)| {
        by_id(&doc, id).map(|e| EventListener::new(&e, "click", move |_| with_desk(f)))
    };
    listeners.extend(click("run", |d| {
        let text = by_id(&d.doc, "paste")
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .map(|t| t.value())
            .unwrap_or_default();
        if text.trim().is_empty() {
            d.set_text("in-error", d.t("nothing"));
            return;
        }
        d.load(JsValue::from_str(&text), None);
    }));
    listeners.extend(click("recheck", Desk::recheck));
    listeners.extend(click("cancel", Desk::cancel));
    listeners.extend(click("download", |d| {
        let comma = by_id(&d.doc, "delim-comma")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|i| i.checked());
        let (delimiter, lang) = (if comma { "," } else { ";" }.to_string(), d.lang_str());
        d.request(&Request::Csv { delimiter, lang });
    }));
    listeners.extend(click("download-xlsx", |d| {
        let lang = d.lang_str();
        d.set_text("copy-done", "");
        d.request(&Request::Xlsx { lang });
    }));
    listeners.extend(click("print", |d| {
        let lang = d.lang_str();
        d.request(&Request::Print { lang });
    }));
    listeners.extend(click("copy", |d| {
        let lang = d.lang_str();
        d.set_text("copy-done", "");
        d.request(&Request::Copy { lang });
    }));
    listeners.extend(click("lang", |d| {
        d.lang = if d.lang == Lang::En {
            Lang::Id
        } else {
            Lang::En
        };
        remember_lang(d.lang);
        d.apply_lang();
    }));
    if let Some(f) = by_id(&doc, "file") {
        listeners.push(EventListener::new(&f, "change", |e| {
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
            if let Some(file) = first_file(input.as_ref().and_then(|i| i.files())) {
                let name = file.name();
                with_desk(|d| d.load(file.into(), Some(name)));
            }
            // So the same file, edited and saved again, can be opened again.
            if let Some(i) = input {
                i.set_value("");
            }
        }));
    }
    // A file dropped anywhere on the page is opened (never navigated to,
    // which would lose the page).
    let opts = EventListenerOptions::enable_prevent_default();
    listeners.push(EventListener::new_with_options(
        &doc,
        "dragover",
        opts,
        |e| {
            e.prevent_default();
        },
    ));
    listeners.push(EventListener::new_with_options(&doc, "drop", opts, |e| {
        e.prevent_default();
        let files = e
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|t| t.files());
        if let Some(file) = first_file(files) {
            let name = file.name();
            with_desk(|d| d.load(file.into(), Some(name)));
        }
    }));
    if let Some(k) = by_id(&doc, "kind-list") {
        listeners.push(EventListener::new(&k, "click", |e| {
            let code = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("button[data-filter]").ok().flatten())
                .and_then(|b| b.get_attribute("data-filter"));
            if let Some(code) = code {
                with_desk(|d| {
                    d.set_filter_value(&code);
                    d.new_order();
                    if let Some(f) = by_id(&d.doc, "filter") {
                        f.scroll_into_view();
                    }
                });
            }
        }));
    }
    if let Some(f) = by_id(&doc, "filter") {
        listeners.push(EventListener::new(&f, "change", |_| {
            with_desk(Desk::new_order)
        }));
    }
    if let Some(f) = by_id(&doc, "search") {
        listeners.push(EventListener::new(&f, "input", |_| {
            with_desk(Desk::new_order)
        }));
    }
    if let Some(t) = by_id(&doc, "table") {
        listeners.push(EventListener::new(&t, "scroll", |_| {
            with_desk(Desk::render_rows)
        }));
        let pick = |e: &web_sys::Event| {
            let pos = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".vt-row").ok().flatten())
                .and_then(|r| r.get_attribute("data-pos"))
                .and_then(|p| p.parse().ok());
            if let Some(pos) = pos {
                with_desk(|d| d.select(pos));
            }
        };
        listeners.push(EventListener::new(&t, "click", move |e| pick(e)));
        listeners.push(EventListener::new(&t, "keydown", move |e| {
            if e.dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Enter" || k.key() == " ")
            {
                e.prevent_default();
                pick(e);
            }
        }));
    }
    let mut desk = Desk {
        doc: doc.clone(),
        lang: remembered_lang(),
        worker: None,
        worker_listeners: Vec::new(),
        ready: false,
        queue: Vec::new(),
        file_name: None,
        heads: Vec::new(),
        columns: Columns::default(),
        summary: None,
        epoch: 0,
        count: 0,
        rows: HashMap::new(),
        asked: HashSet::new(),
        selected: None,
        started: 0.0,
        download_url: None,
        _listeners: listeners,
    };
    desk.spawn();
    desk.apply_lang();
    DESK.with(|d| *d.borrow_mut() = Some(desk));
    if let Some(b) = doc.body() {
        let _ = b.set_attribute("data-ready", "yes");
    }
}

/// `new ClipboardItem({"text/html": …, "text/plain": …})`, where the browser has it.
fn clipboard_item(text: &str, html: &str) -> Option<JsValue> {
    let ctor = Reflect::get(&js_sys::global(), &"ClipboardItem".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let flavours = js_sys::Object::new();
    for (mime, body) in [("text/html", html), ("text/plain", text)] {
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(
            &Array::of1(&JsValue::from_str(body)),
            &opts,
        )
        .ok()?;
        Reflect::set(&flavours, &mime.into(), &blob).ok()?;
    }
    Reflect::construct(&ctor, &Array::of1(&flavours)).ok()
}
