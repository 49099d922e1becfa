//! Reading a list in: a paste or a file handed to the worker, the columns
//! found shown and chosen again, a check begun again or cancelled.

use super::protocol::Request;
use super::texts::column_letter;
use super::{by_id, now, option, to_js, Desk, ROLES};
use crate::browser::today;
use crate::table::Columns;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

impl Desk {
    /// Reads a paste (a string) or a `File`, then checks it.
    pub(super) fn load(&mut self, source: JsValue, file_name: Option<String>) {
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

    /// The columns' box, open when the page needs an answer from it.
    pub(super) fn open_columns(&self, open: bool) {
        if let Some(d) = by_id(&self.doc, "columns-step")
            .and_then(|e| e.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        {
            d.set_open(open);
        }
    }

    pub(super) fn fill_columns(&self) {
        let none = self.t("none");
        for role in ROLES {
            let Some(sel) = by_id(&self.doc, &format!("col-{role}")) else {
                continue;
            };
            sel.set_text_content(None);
            let chosen = self.role(role);
            option(&self.doc, &sel, "", none, chosen.is_none());
            for (i, h) in self.heads.iter().enumerate() {
                let label = format!("{}: {h}", column_letter(i));
                option(&self.doc, &sel, &i.to_string(), &label, chosen == Some(i));
            }
        }
        if let Some(h) =
            by_id(&self.doc, "has-header").and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            h.set_checked(self.columns.header);
        }
        // Sorting: problems first, or by any column of the list.
        if let Some(sel) =
            by_id(&self.doc, "sort").and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        {
            let keep = sel.value();
            sel.set_text_content(None);
            let names = std::iter::once(self.t("sort-default").to_string()).chain(
                self.heads
                    .iter()
                    .enumerate()
                    .map(|(i, h)| format!("{}: {h}", column_letter(i))),
            );
            for (i, label) in names.enumerate() {
                option(&self.doc, &sel, &i.to_string(), &label, false);
            }
            sel.set_value(if keep.is_empty() { "0" } else { &keep });
            if sel.selected_index() < 0 {
                sel.set_value("0");
            }
        }
    }

    pub(super) fn role(&self, role: &str) -> Option<usize> {
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
    pub(super) fn chosen_columns(&self) -> Columns {
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

    pub(super) fn recheck(&mut self) {
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

    pub(super) fn cancel(&mut self) {
        self.spawn();
        self.show("progress-step", false);
        self.show("columns-step", false);
        self.show("result-step", false);
        self.show("input-step", true);
        self.set_text("in-error", self.t("cancelled"));
        self.state("cancelled");
    }
}

/// The file a `change` or `drop` event carries.
pub(super) fn first_file(list: Option<web_sys::FileList>) -> Option<web_sys::File> {
    list.and_then(|l| l.get(0))
}
