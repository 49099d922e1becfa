//! Nothing lost when the phone discards the tab: what the citizen typed and
//! ticked is kept in `sessionStorage` (this tab only; gone when the tab is
//! closed or with "Hapus semua data"), never in `localStorage`, IndexedDB or
//! cookies. Only the language choice, which is not personal, goes to
//! `localStorage`. The JSON is made and read by the browser (`JSON`), so the
//! wasm carries no JSON code for it.

use super::{by_id, App};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, Storage};

const KEY: &str = "klinik-nik";

/// Every field whose value is kept (the WhatsApp text only once edited);
/// also every field "Hapus semua data" empties.
pub(super) const FIELDS: [&str; 13] = [
    "nik",
    "kk",
    "s-birth",
    "message-text",
    "since",
    "c-name",
    "c-village",
    "c-district",
    "c-phone",
    "c-tried",
    "office-wa",
    "office-search",
    "wa-text",
];

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub(super) use crate::browser::{remember_lang, remembered_lang};

/// Drops what was kept ("Hapus semua data").
pub(super) fn forget() {
    if let Some(s) = session() {
        let _ = s.remove_item(KEY);
    }
}

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

impl App {
    /// Keeps the current state in this tab; nothing typed means nothing kept.
    pub(super) fn save_session(&self) {
        let Some(store) = session() else { return };
        let doc = &self.doc;
        let o = Object::new();
        let mut any = false;
        for id in FIELDS {
            if id == "wa-text" && !self.message_edited {
                continue;
            }
            let v = super::act::value(doc, id);
            if !v.is_empty() {
                any = true;
                set(&o, id, &JsValue::from_str(&v));
            }
        }
        let ticked = Array::new();
        if let Ok(list) =
            doc.query_selector_all("input[type=radio]:checked, input[type=checkbox]:checked")
        {
            for i in 0..list.length() {
                if let Some(input) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                {
                    let name = if input.name().is_empty() {
                        input.id()
                    } else {
                        input.name()
                    };
                    ticked.push(&JsValue::from_str(&format!("{name}={}", input.value())));
                }
            }
        }
        if ticked.length() > 0 {
            any = true;
        }
        if !any {
            let _ = store.remove_item(KEY);
            return;
        }
        set(&o, "ticked", &ticked);
        set(&o, "diagnosed", &JsValue::from_bool(self.diagnosed));
        set(&o, "edited", &JsValue::from_bool(self.message_edited));
        if self.office_picked {
            if let Some(code) = self.office {
                set(&o, "office", &JsValue::from_f64(f64::from(code)));
            }
        }
        if let Some(json) = JSON::stringify(&o).ok().and_then(|j| j.as_string()) {
            let _ = store.set_item(KEY, &json);
        }
    }

    /// Puts back what `save_session` kept (the choice lists must exist already).
    pub(super) fn restore_session(&mut self) {
        let Some(json) = session().and_then(|s| s.get_item(KEY).ok().flatten()) else {
            return;
        };
        let Ok(o) = JSON::parse(&json) else { return };
        if !o.is_object() {
            return;
        }
        let doc = self.doc.clone();
        for id in FIELDS {
            if let Some(v) = get(&o, id).as_string() {
                super::act::set_value(&doc, id, &v);
            }
        }
        if let Some(ticked) = get(&o, "ticked").dyn_ref::<Array>() {
            for t in ticked.iter().filter_map(|t| t.as_string()) {
                let Some((name, value)) = t.split_once('=') else {
                    continue;
                };
                let selector = format!("input[name='{name}'], input#{name}");
                let Ok(list) = doc.query_selector_all(&selector) else {
                    continue;
                };
                for i in 0..list.length() {
                    if let Some(input) = list
                        .item(i)
                        .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                    {
                        if input.value() == value {
                            input.set_checked(true);
                        }
                    }
                }
            }
        }
        self.diagnosed = get(&o, "diagnosed").as_bool().unwrap_or(false);
        self.message_edited = get(&o, "edited").as_bool().unwrap_or(false);
        if let Some(code) = get(&o, "office").as_f64() {
            let code = code as u32;
            if crate::regions::regency(code).is_some() {
                self.office = Some(code);
                self.office_picked = true;
            }
        }
        if by_id(&doc, "office-search").is_some() {
            self.render_office_results();
        }
    }
}
