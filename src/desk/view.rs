//! The results on screen: the counts, the notes, the kinds of problem, the
//! virtual table (only the rows on screen exist) and the chosen row's details.

use super::protocol::Request;
use super::texts::thousands;
use super::{by_id, option, Desk};
use crate::Lang;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Row height in CSS px (the same in `desk.css`).
const ROW_H: f64 = 64.0;
/// The tallest the table's scroll area gets, in CSS px.
const MAX_H: f64 = 4_000_000.0;
/// The column headers' height, sticky above the rows (the same in `desk.css`).
const HEAD_H: f64 = 32.0;
/// Rows asked of the worker at a time.
pub(super) const PAGE: usize = 50;

impl Desk {
    pub(super) fn set_filter_value(&self, v: &str) {
        if let Some(s) =
            by_id(&self.doc, "filter").and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        {
            s.set_value(v);
        }
    }

    /// Asks the worker for the rows of the chosen filter.
    pub(super) fn new_order(&mut self) {
        self.epoch += 1;
        let filter = by_id(&self.doc, "filter")
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
            .map_or("problems".to_string(), |s| s.value());
        let epoch = self.epoch;
        let query = by_id(&self.doc, "search")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default();
        let sort = by_id(&self.doc, "sort")
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
            .and_then(|s| s.value().parse().ok())
            .unwrap_or(0);
        self.request(&Request::Order {
            filter,
            epoch,
            query,
            sort,
        });
    }

    pub(super) fn render_summary(&self) {
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
        // On a phone the rows start far below: one tap takes her there.
        self.show("to-rows", s.errors + s.warnings > 0);
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
            let add = |value: &str, label: String| option(doc, &sel, value, &label, false);
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

    /// Brings the table up and puts the focus on its first row.
    pub(super) fn jump_to_rows(&mut self) {
        if let Some(t) = by_id(&self.doc, "table") {
            t.scroll_into_view();
        }
        if let Some(r) = self
            .doc
            .query_selector("#rows .vt-row")
            .ok()
            .flatten()
            .and_then(|r| r.dyn_into::<HtmlElement>().ok())
        {
            let _ = r.focus();
        }
    }

    /// Draws the rows on screen (and a few around them); asks for the missing.
    pub(super) fn render_rows(&mut self) {
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
        let height = (f64::from(table.client_height()) - HEAD_H).max(ROW_H);
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
        let offset = top - (virtual_top - first as f64 * ROW_H) + HEAD_H;
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

    pub(super) fn row_element(&self, pos: usize) -> Option<Element> {
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
            c.set_text_content(Some(&r.number.to_string()));
        }
        if let Some(c) = cell("nik") {
            fill_nik(doc, &c, &r.nik);
        }
        if let Some(c) = cell("nm") {
            c.set_text_content(Some(&r.name));
        }
        if let Some(c) = cell("msg") {
            // Notes (nothing wrong) stay out of sight until the row is opened.
            let more = r.messages.len().saturating_sub(r.notes + 1);
            let first = r.messages.first().filter(|_| r.messages.len() > r.notes);
            match first {
                Some(m) => {
                    // The cell it is about, when it is not the NIK shown beside it.
                    if let (Some(at), Some(&col)) = (r.about.first(), r.about_column.first()) {
                        if col != 0 && Some(col as usize - 1) != self.columns.nik {
                            // "E Tempat, Tgl Lahir: “07-07-1991”": the column's
                            // name in its own span, which a phone leaves out
                            // so the message still shows.
                            let (column, cell) = at.split_once(": ").unwrap_or((at, ""));
                            let (letter, head) = column.split_once(' ').unwrap_or((column, ""));
                            if let (Ok(b), Ok(h)) =
                                (doc.create_element("b"), doc.create_element("span"))
                            {
                                b.set_text_content(Some(letter));
                                h.set_class_name("hd");
                                h.set_text_content(Some(&format!(" {head}")));
                                let _ = b.append_child(&h);
                                let _ = b.append_with_str_1(&format!(": {cell} "));
                                let _ = c.append_child(&b);
                            }
                        }
                    }
                    let _ = c.append_with_str_1(m);
                    if more > 0 {
                        let _ = c.append_with_str_1(&format!(" (+{more})"));
                    }
                }
                None => c.set_text_content(Some(&format!("{} {}", r.province, r.regency))),
            }
        }
        Some(el)
    }

    pub(super) fn select(&mut self, pos: usize) {
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
    pub(super) fn render_detail(&self) {
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
        // Problems, then the notes folded away (a KK shared with another
        // family name is normal within one family).
        let problems = add("ul", "");
        let notes = (r.notes > 0).then(|| add("details", "")).flatten();
        let notes_ul = notes.and_then(|d| {
            let sum = doc.create_element("summary").ok()?;
            sum.set_text_content(Some(
                &self.t("notes-more").replace("{}", &r.notes.to_string()),
            ));
            d.append_child(&sum).ok()?;
            let ul = doc.create_element("ul").ok()?;
            d.append_child(&ul).ok()?;
            Some(ul)
        });
        let first_note = r.messages.len() - r.notes;
        for (k, ((code, m), at)) in r.codes.iter().zip(&r.messages).zip(&r.about).enumerate() {
            let target = if k < first_note { &problems } else { &notes_ul };
            let (Some(target), Ok(li)) = (target, doc.create_element("li")) else {
                continue;
            };
            li.set_text_content(Some(m));
            if !at.is_empty() {
                if let Ok(p) = doc.create_element("span") {
                    p.set_class_name("at");
                    p.set_text_content(Some(at));
                    let _ = li.append_child(&p);
                }
            }
            if let Ok(c) = doc.create_element("code") {
                c.set_text_content(Some(code));
                let _ = li.append_with_str_1(" ");
                let _ = li.append_child(&c);
            }
            let _ = target.append_child(&li);
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
}

/// The NIK cell with its wrong characters in `<mark>`.
pub(super) fn fill_nik(doc: &Document, el: &Element, nik: &[(char, bool)]) {
    crate::browser::fill_marked(doc, el, nik.iter().copied(), false);
}
