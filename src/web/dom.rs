//! What both page modules do with the DOM: find, read and write fields, add
//! elements (text only, never HTML), translate `data-t` texts, keep what was
//! typed in this tab, and the hand-over from step 1 to the rest.

use crate::Lang;
use gloo_events::EventListener;
use js_sys::{Array, Object, Reflect, JSON};
use std::cell::RefCell;
use std::thread::LocalKey;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, Storage,
};

/// Dispatched on `document` by step 1 after every change of the NIK, the KK
/// number or the language; `<body data-check>` then holds the new
/// [`crate::diagnose::Handoff`].
pub(super) const STEP1_EVENT: &str = "klinik-step1";

pub(super) fn by_id(doc: &Document, id: &str) -> Option<Element> {
    doc.get_element_by_id(id)
}

pub(super) fn set_text(doc: &Document, id: &str, s: &str) {
    if let Some(e) = by_id(doc, id) {
        e.set_text_content(Some(s));
    }
}

/// Shows or hides (the `hidden` attribute).
pub(super) fn show(el: &Element, visible: bool) {
    let _ = if visible {
        el.remove_attribute("hidden")
    } else {
        el.set_attribute("hidden", "")
    };
}

/// The value of an input, text area or select.
pub(super) fn value(doc: &Document, id: &str) -> String {
    let Some(e) = by_id(doc, id) else {
        return String::new();
    };
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    if let Some(t) = e.dyn_ref::<HtmlTextAreaElement>() {
        return t.value();
    }
    e.dyn_ref::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

pub(super) fn set_value(doc: &Document, id: &str, v: &str) {
    let Some(e) = by_id(doc, id) else { return };
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        i.set_value(v);
    } else if let Some(t) = e.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(v);
    } else if let Some(s) = e.dyn_ref::<HtmlSelectElement>() {
        s.set_value(v);
    }
}

/// Appends `<tag class=…>text</tag>` to `parent` and returns it.
pub(super) fn add(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    content: &str,
) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !content.is_empty() {
        e.set_text_content(Some(content));
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

/// The inputs matching `selector`.
pub(super) fn inputs(doc: &Document, selector: &str) -> Vec<HtmlInputElement> {
    let Ok(list) = doc.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlInputElement>().ok())
        .collect()
}

/// Values of the checked inputs named `name`.
pub(super) fn checked(doc: &Document, name: &str) -> Vec<String> {
    inputs(doc, &format!("input[name='{name}']:checked"))
        .iter()
        .map(|i| i.value())
        .collect()
}

/// Runs `f` on the module's state, once it is set (event handlers call this).
/// An event the module's own work fires while it runs (a `blur` when a handler
/// moves the caret with `focus()`) finds the state busy and is let go: a
/// second borrow would abort the module.
pub(super) fn with<T>(state: &'static LocalKey<RefCell<Option<T>>>, f: impl FnOnce(&mut T)) {
    state.with(|a| {
        if let Some(app) = a.try_borrow_mut().ok().as_mut().and_then(|a| a.as_mut()) {
            f(app);
        }
    });
}

/// Listens to `event` on the element `id`, if the page has it, with the module's state.
pub(super) fn on<T>(
    state: &'static LocalKey<RefCell<Option<T>>>,
    doc: &Document,
    listeners: &mut Vec<EventListener>,
    id: &str,
    event: &'static str,
    f: fn(&mut T),
) {
    if let Some(el) = by_id(doc, id) {
        on_target(state, &el, listeners, event, f);
    }
}

/// Listens to `event` on `target` (the window, the visual viewport…) with the
/// module's state. [`on`] goes through here too: one listener closure per
/// module, not one per call site (each costs ~0.9 KB gzip in the wasm).
pub(super) fn on_target<T>(
    state: &'static LocalKey<RefCell<Option<T>>>,
    target: &web_sys::EventTarget,
    listeners: &mut Vec<EventListener>,
    event: &'static str,
    f: fn(&mut T),
) {
    listeners.push(EventListener::new(target, event, move |_| with(state, f)));
}

/// Writes the texts of the `data-t` elements this module knows (`text`
/// gives "" for the others' keys) in `lang`, and the page's `lang`.
pub(super) fn translate(doc: &Document, lang: Lang, text: fn(&str, Lang) -> &'static str) {
    let Ok(list) = doc.query_selector_all("[data-t]") else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if let Some(key) = el.get_attribute("data-t") {
            // index.html carries the Indonesian text for the first paint;
            // rewriting identical text would only make the browser repaint.
            let t = text(&key, lang);
            if !t.is_empty() && el.text_content().as_deref() != Some(t) {
                el.set_text_content(Some(t));
            }
        }
    }
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", if lang == Lang::En { "en" } else { "id" });
    }
}

/// The page's language, as step 1 last set it.
pub(super) fn page_lang(doc: &Document) -> Lang {
    doc.document_element()
        .and_then(|r| r.get_attribute("lang"))
        .map_or(Lang::Id, |l| Lang::parse(&l))
}

/// Nothing lost when the phone discards the tab: what the citizen typed and
/// ticked is kept in `sessionStorage` (this tab only; gone when the tab is
/// closed or with "Hapus semua data"), never in `localStorage`, IndexedDB or
/// cookies. One entry, as JSON made and read by the browser (the wasm
/// carries no JSON code); each module writes only its own keys of it.
const KEY: &str = "klinik-nik";

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Drops the whole entry, every module's part ("Hapus semua data": even what
/// a module that failed to load this time kept on an earlier view).
pub(super) fn forget() {
    if let Some(s) = session() {
        let _ = s.remove_item(KEY);
    }
}

fn kept() -> Object {
    session()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|j| JSON::parse(&j).ok())
        .filter(JsValue::is_object)
        .map_or_else(Object::new, JsCast::unchecked_into)
}

pub(super) fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

pub(super) fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

/// What one module keeps: its fields, its ticked boxes (inputs under
/// `ticked_in`, a selector) as `ticked_key`, and `more` keys it fills itself.
pub(super) struct Keep {
    pub fields: &'static [&'static str],
    pub ticked_in: &'static str,
    pub ticked_key: &'static str,
    pub more: &'static [&'static str],
}

impl Keep {
    /// Writes this module's part (`skip`: fields not to keep now; `more`
    /// fills the extra keys); nothing typed anywhere means nothing kept.
    pub(super) fn save(&self, doc: &Document, skip: &[&str], more: impl FnOnce(&Object)) {
        let Some(store) = session() else { return };
        let o = kept();
        for k in self
            .fields
            .iter()
            .chain(self.more)
            .chain([&self.ticked_key])
        {
            let _ = Reflect::delete_property(&o, &JsValue::from_str(k));
        }
        let mut any = false;
        for id in self.fields.iter().filter(|f| !skip.contains(f)) {
            let v = value(doc, id);
            if !v.is_empty() {
                any = true;
                set(&o, id, &JsValue::from_str(&v));
            }
        }
        let ticked = Array::new();
        let selector = format!(
            "{0} input[type=radio]:checked, {0} input[type=checkbox]:checked",
            self.ticked_in
        );
        for input in inputs(doc, &selector) {
            let name = if input.name().is_empty() {
                input.id()
            } else {
                input.name()
            };
            ticked.push(&JsValue::from_str(&format!("{name}={}", input.value())));
        }
        if ticked.length() > 0 {
            any = true;
            set(&o, self.ticked_key, &ticked);
        }
        if any {
            more(&o);
        }
        if Object::keys(&o).length() == 0 {
            let _ = store.remove_item(KEY);
        } else if let Some(json) = JSON::stringify(&o).ok().and_then(|j| j.as_string()) {
            let _ = store.set_item(KEY, &json);
        }
    }

    /// Puts back this module's part and returns the whole entry (for `more`).
    pub(super) fn restore(&self, doc: &Document) -> JsValue {
        let o: JsValue = kept().into();
        for id in self.fields {
            if let Some(v) = get(&o, id).as_string() {
                set_value(doc, id, &v);
            }
        }
        if let Some(ticked) = get(&o, self.ticked_key).dyn_ref::<Array>() {
            for t in ticked.iter().filter_map(|t| t.as_string()) {
                let Some((name, value)) = t.split_once('=') else {
                    continue;
                };
                for input in inputs(doc, &format!("input[name='{name}'], input#{name}")) {
                    if input.value() == value {
                        input.set_checked(true);
                    }
                }
            }
        }
        o
    }

    /// Empties this module's fields and boxes, and its part of what is kept.
    pub(super) fn clear(&self, doc: &Document) {
        for id in self.fields {
            set_value(doc, id, "");
        }
        let selector = format!(
            "{0} input[type=radio], {0} input[type=checkbox]",
            self.ticked_in
        );
        for input in inputs(doc, &selector) {
            input.set_checked(false);
        }
        self.save(doc, &[], |_| {});
    }
}

/// A module's state and its two ways in from event handlers: `APP`,
/// `with_app(f)` and `on(doc, listeners, id, event, f)` (see [`with`], [`on`]).
macro_rules! state {
    ($t:ty) => {
        thread_local! {
            static APP: std::cell::RefCell<Option<$t>> = const { std::cell::RefCell::new(None) };
        }

        fn with_app(f: impl FnOnce(&mut $t)) {
            $crate::web::dom::with(&APP, f);
        }

        /// Listens to `event` on the element `id`, if the page has it.
        #[allow(dead_code)]
        fn on_target(
            target: &web_sys::EventTarget,
            listeners: &mut Vec<gloo_events::EventListener>,
            event: &'static str,
            f: fn(&mut $t),
        ) {
            $crate::web::dom::on_target(&APP, target, listeners, event, f);
        }

        fn on(
            doc: &web_sys::Document,
            listeners: &mut Vec<gloo_events::EventListener>,
            id: &str,
            event: &'static str,
            f: fn(&mut $t),
        ) {
            $crate::web::dom::on(&APP, doc, listeners, id, event, f);
        }
    };
}
pub(super) use state;
