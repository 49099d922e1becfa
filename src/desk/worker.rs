//! The desk's Web Worker: holds the list ([`Sheet`]) and answers the page's
//! requests, so the page stays responsive however long the list. The page
//! cancels a check by terminating the worker.

use super::protocol::{Reply, Request};
use crate::date::Date;
use crate::sheet::{Filter, Sheet};
use crate::table::Columns;
use crate::table::NotATable;
use crate::Lang;
use gloo_events::EventListener;
use js_sys::{Array, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Records checked between two progress messages.
const CHUNK: usize = 5_000;

#[derive(Default)]
struct State {
    sheet: Option<Sheet>,
    today: Option<Date>,
    order: Vec<u32>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &Reply) {
    if let Ok(v) = serde_wasm_bindgen::to_value(reply) {
        let _ = scope().post_message(&v);
    }
}

/// Called by `desk-worker.js` once the module is loaded: answers messages
/// from then on and says so.
#[wasm_bindgen(js_name = deskWorker)]
pub fn desk_worker() {
    EventListener::new(&scope(), "message", |e| {
        if let Some(e) = e.dyn_ref::<MessageEvent>() {
            handle(&e.data());
        }
    })
    .forget();
    post(&Reply::Ready);
}

/// The bytes of a `load` request: a pasted text or a `File` (read here,
/// synchronously, which only a worker may do).
fn load_bytes(msg: &JsValue) -> Option<Vec<u8>> {
    let text = Reflect::get(msg, &"text".into()).ok()?;
    if let Some(t) = text.as_string() {
        return Some(t.into_bytes());
    }
    let file: web_sys::Blob = Reflect::get(msg, &"file".into()).ok()?.dyn_into().ok()?;
    let reader = web_sys::FileReaderSync::new().ok()?;
    let buf = reader.read_as_array_buffer(&file).ok()?;
    Some(Uint8Array::new(&buf).to_vec())
}

fn handle(msg: &JsValue) {
    let Ok(req) = serde_wasm_bindgen::from_value::<Request>(msg.clone()) else {
        return;
    };
    match req {
        Request::Load { today } => {
            let today = Date::parse_iso(&today);
            let Some(bytes) = load_bytes(msg) else {
                post(&Reply::Failed {
                    reason: "unreadable".into(),
                });
                return;
            };
            match Sheet::read(bytes) {
                Ok(sheet) => {
                    let loaded = super::protocol::loaded(&sheet);
                    let found = sheet.columns.nik.is_some();
                    let columns = sheet.columns;
                    STATE.with(|s| {
                        let mut s = s.borrow_mut();
                        s.sheet = Some(sheet);
                        s.today = today;
                    });
                    post(&loaded);
                    if found {
                        check(columns);
                    }
                }
                Err(e) => post(&Reply::Failed {
                    reason: match e {
                        NotATable::Empty => "empty",
                        NotATable::Binary => "binary",
                    }
                    .into(),
                }),
            }
        }
        Request::Check { columns } => check(columns),
        Request::Order {
            filter,
            epoch,
            query,
            sort,
        } => STATE.with(|s| {
            let mut s = s.borrow_mut();
            let order = s
                .sheet
                .as_ref()
                .map(|sh| {
                    let rows = sh.search(Filter::parse(&filter), &query);
                    match sort {
                        0 => rows,
                        c => sh.sorted(&rows, c - 1),
                    }
                })
                .unwrap_or_default();
            let count = order.len();
            s.order = order;
            post(&Reply::Order { epoch, count });
        }),
        Request::Rows {
            epoch,
            from,
            count,
            lang,
        } => STATE.with(|s| {
            let s = s.borrow();
            let Some(sheet) = s.sheet.as_ref() else {
                return;
            };
            let lang = Lang::parse(&lang);
            let rows = s
                .order
                .iter()
                .skip(from)
                .take(count.min(500))
                .map(|&i| sheet.row(i as usize, lang))
                .collect();
            post(&Reply::Rows { epoch, from, rows });
        }),
        Request::Summary { lang } => STATE.with(|s| {
            if let Some(sheet) = s.borrow().sheet.as_ref() {
                let memory = Reflect::get(&wasm_bindgen::memory(), &"buffer".into())
                    .and_then(|b| Reflect::get(&b, &"byteLength".into()))
                    .ok()
                    .and_then(|n| n.as_f64())
                    .unwrap_or(0.0);
                post(&Reply::Done {
                    summary: sheet.summary(Lang::parse(&lang)),
                    memory,
                });
            }
        }),
        Request::Csv { delimiter, lang } => STATE.with(|s| {
            let s = s.borrow();
            let Some(sheet) = s.sheet.as_ref() else {
                return;
            };
            let delim = if delimiter == "," { b',' } else { b';' };
            post_file("csv", sheet.csv(delim, Lang::parse(&lang)).as_bytes());
        }),
        Request::Copy { lang } => STATE.with(|s| {
            if let Some(sheet) = s.borrow().sheet.as_ref() {
                let lang = Lang::parse(&lang);
                post(&Reply::Copy {
                    text: sheet.problems_tsv(lang),
                    html: sheet.problems_html(lang),
                });
            }
        }),
        Request::Print { lang } => STATE.with(|s| {
            if let Some(sheet) = s.borrow().sheet.as_ref() {
                let lang = Lang::parse(&lang);
                post(&Reply::Print {
                    cells: sheet
                        .print_rows(lang, PRINT_LIMIT)
                        .into_iter()
                        .flatten()
                        .collect(),
                    total: sheet.order(Filter::Problems).len(),
                });
            }
        }),
        Request::Xlsx { lang, problems } => STATE.with(|s| {
            let s = s.borrow();
            let Some(sheet) = s.sheet.as_ref() else {
                return;
            };
            let lang = Lang::parse(&lang);
            let book = if problems {
                sheet.problems_xlsx(lang)
            } else {
                sheet.xlsx(lang)
            };
            let Ok(xlsx) = book else {
                post(&Reply::XlsxTooLarge);
                return;
            };
            post_file(if problems { "problems" } else { "xlsx" }, &xlsx);
        }),
    }
}

/// A download for the page, `{kind, bytes}` (`kind`: `csv`, `xlsx`, or
/// `problems` for the problem rows' `.xlsx`), its
/// buffer handed over, not copied: the page makes a Blob of it.
fn post_file(kind: &str, data: &[u8]) {
    let bytes = Uint8Array::from(data);
    let msg = js_sys::Object::new();
    let _ = Reflect::set(&msg, &"kind".into(), &kind.into());
    let _ = Reflect::set(&msg, &"bytes".into(), &bytes);
    let _ = scope().post_message_with_transfer(&msg, &Array::of1(&bytes.buffer()));
}

/// The most problem rows printed at once (about 200 A4 pages); the .xlsx
/// download has them all.
const PRINT_LIMIT: usize = 5000;

/// Checks the whole list in chunks, saying how far it got after each.
fn check(columns: Columns) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let today = s.today.unwrap_or_else(crate::browser::today);
        let Some(sheet) = s.sheet.as_mut() else {
            return;
        };
        sheet.start(columns, today);
        // Rows of the list, as the page counts them: the header is not one.
        let head = columns.skip();
        let total = sheet.len().saturating_sub(head);
        loop {
            let done = sheet.step(CHUNK);
            post(&Reply::Progress {
                done: sheet.progress().saturating_sub(head),
                total,
            });
            if done {
                break;
            }
        }
        post(&Reply::Checked);
    });
}
