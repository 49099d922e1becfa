//! What leaves the worker for the user: the CSV and `.xlsx` downloads, the
//! printable problem list, and the copied rows.

use super::protocol::Request;
use super::texts::thousands;
use super::{by_id, with_desk, Desk};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

impl Desk {
    /// Asks the worker for the `.xlsx`: the whole list, or the problem rows alone.
    pub(super) fn ask_xlsx(&mut self, problems: bool) {
        let lang = self.lang_str();
        self.set_text("copy-done", "");
        self.request(&Request::Xlsx { lang, problems });
    }

    /// The download: `kind` is `csv`, `xlsx`, or `problems` (the problem
    /// rows' `.xlsx`, named "…-bermasalah.xlsx").
    pub(super) fn save_file(&mut self, bytes: Uint8Array, kind: &str) {
        let (ext, what) = match kind {
            "csv" => ("csv", "hasil"),
            "problems" => ("xlsx", "bermasalah"),
            _ => ("xlsx", "hasil"),
        };
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
                format!("{stem}-{what}.{ext}")
            }
            None => format!("{what}-cek-nik.{ext}"),
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
    pub(super) fn print_list(&self, cells: &[String], total: usize) {
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
    pub(super) fn copy(&self, text: String, html: String) {
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
}

/// `new ClipboardItem({"text/html": …, "text/plain": …})`, where the browser has it.
pub(super) fn clipboard_item(text: &str, html: &str) -> Option<JsValue> {
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
