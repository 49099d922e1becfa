//! What both browser modules (the citizens' page and the office desk) read
//! from the browser: today's date and the remembered language. `today` is
//! read here, from `js_sys::Date`, and nowhere else.

use crate::date::Date;
#[cfg(any(feature = "page", feature = "desk"))]
use crate::Lang;
use wasm_bindgen::UnwrapThrowExt;
#[cfg(any(feature = "page", feature = "desk"))]
use web_sys::Storage;

/// Today in the browser's local time zone.
pub(crate) fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or_else(|| Date::new(2026, 1, 1).unwrap_throw())
}

/// The language choice is not personal: it is kept in `localStorage`, shared
/// by both pages.
#[cfg(any(feature = "page", feature = "desk"))]
const LANG_KEY: &str = "klinik-nik-lang";

#[cfg(any(feature = "page", feature = "desk"))]
fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(any(feature = "page", feature = "desk"))]
pub(crate) fn remember_lang(lang: Lang) {
    if let Some(s) = local() {
        let _ = s.set_item(LANG_KEY, if lang == Lang::En { "en" } else { "id" });
    }
}

#[cfg(any(feature = "page", feature = "desk"))]
pub(crate) fn remembered_lang() -> Lang {
    local()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .map_or(Lang::Id, |l| Lang::parse(&l))
}

/// Writes characters into `el`, each wrong one in a `<mark>` (as text, never
/// HTML); `grouped` adds a space every four places, as a NIK is printed.
#[cfg(any(feature = "page", feature = "desk"))]
pub(crate) fn fill_marked(
    doc: &web_sys::Document,
    el: &web_sys::Element,
    chars: impl IntoIterator<Item = (char, bool)>,
    grouped: bool,
) {
    el.set_text_content(None);
    let mut run = String::new();
    for (i, (ch, bad)) in chars.into_iter().enumerate() {
        if grouped && i > 0 && i % 4 == 0 {
            run.push(' ');
        }
        if bad {
            if !run.is_empty() {
                let _ = el.append_with_str_1(&run);
                run.clear();
            }
            if let Ok(m) = doc.create_element("mark") {
                m.set_text_content(Some(&ch.to_string()));
                let _ = el.append_child(&m);
            }
        } else {
            run.push(ch);
        }
    }
    if !run.is_empty() {
        let _ = el.append_with_str_1(&run);
    }
}
