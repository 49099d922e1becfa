//! The office desk (`desk.html`): a whole list of NIKs checked in the
//! browser. The page shows and asks; the list lives in a Web Worker running
//! this same module, so a list of a million rows never blocks a keystroke.
//! Nothing is uploaded or stored: the list is in the worker's memory until
//! the tab is closed, and leaves it only as the files the user downloads, the
//! rows the user copies or the list the user prints.
//!
//! Which file does what:
//! - `mod.rs`: the page's state ([`Desk`]), the worker's life (spawn, send,
//!   every reply handled in `receive`), the language switch and the wiring of
//!   the page's events (`desk_page`);
//! - `protocol.rs`: the messages between the page and the worker;
//! - `worker.rs`: the worker's side: the list read, checked in chunks,
//!   ordered, searched and written out (the model itself is
//!   [`crate::sheet::Sheet`], the rules [`crate::table`]);
//! - `texts.rs`: the words in both languages;
//! - `input.rs`: a paste or a file in, the columns chosen, a check begun
//!   again or cancelled;
//! - `view.rs`: the counts, notes and kinds of problem, the virtual table
//!   (only the rows on screen exist, asked of the worker a page at a time)
//!   and the chosen row's details;
//! - `exports.rs`: the downloads, the printable problem list, the copy.

mod exports;
mod input;
mod protocol;
mod texts;
mod view;
mod worker;

pub use worker::desk_worker;

use crate::browser::{remember_lang, remembered_lang};
use crate::sheet::{RowView, Summary};
use crate::table::Columns;
use crate::Lang;
use gloo_events::{EventListener, EventListenerOptions};
use input::first_file;
use js_sys::Reflect;
use protocol::{Reply, Request};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use texts::{text, thousands};
use view::PAGE;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Worker};

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

/// Appends `<option value=…>label</option>` to a select.
fn option(doc: &Document, sel: &Element, value: &str, label: &str, selected: bool) {
    if let Ok(o) = doc.create_element("option") {
        let _ = o.set_attribute("value", value);
        o.set_text_content(Some(label));
        if selected {
            let _ = o.set_attribute("selected", "");
        }
        let _ = sel.append_child(&o);
    }
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

    fn state(&self, s: &str) {
        if let Some(b) = self.doc.body() {
            let _ = b.set_attribute("data-desk", s);
        }
    }

    fn receive(&mut self, data: JsValue) {
        let kind = Reflect::get(&data, &"kind".into())
            .ok()
            .and_then(|k| k.as_string());
        if let Some(kind @ ("csv" | "xlsx" | "problems")) = kind.as_deref() {
            if let Ok(bytes) = Reflect::get(&data, &"bytes".into()) {
                self.save_file(bytes.unchecked_into(), kind);
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
    listeners.extend(click("to-rows", Desk::jump_to_rows));
    listeners.extend(click("cancel", Desk::cancel));
    listeners.extend(click("download", |d| {
        let comma = by_id(&d.doc, "delim-comma")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|i| i.checked());
        let (delimiter, lang) = (if comma { "," } else { ";" }.to_string(), d.lang_str());
        d.request(&Request::Csv { delimiter, lang });
    }));
    listeners.extend(click("download-xlsx", |d| d.ask_xlsx(false)));
    listeners.extend(click("download-problems", |d| d.ask_xlsx(true)));
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
    if let Some(f) = by_id(&doc, "sort") {
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
