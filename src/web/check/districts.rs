//! District names on the first screen, one province at a time: the page's
//! wasm has every district code (so a district is checked offline too) but
//! not the names (32 KB gzip). When a NIK's province is known, boot.js
//! fetches `districts/PP.txt` (written from the same table by
//! `./build.sh build`; see `regions::district_file`); the service worker
//! keeps it, so every province once checked is named offline. A province
//! never fetched, offline, says its names come when the phone is online.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

enum Names {
    Loading,
    /// `retry`: the NIK changed since the last failure, so try again.
    Failed {
        retry: bool,
    },
    Loaded(Vec<(u32, String)>),
}

thread_local! {
    static PROVINCES: RefCell<Vec<(u32, Names)>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen]
extern "C" {
    /// boot.js: fetches `districts/PP.txt` and calls `setDistricts` with its
    /// text, or with nothing when it could not (offline, or not found).
    #[wasm_bindgen(catch, js_namespace = klinik, js_name = districts)]
    fn fetch_names(province: u32) -> Result<(), JsValue>;
}

/// What the page can say of a district's name now.
pub(super) enum Name {
    Known(String),
    /// Its province's file is on its way.
    Loading,
    /// Its province's file could not be fetched (offline, never seen).
    Offline,
}

/// The name of district `code` (a code of the tables), asking for its
/// province's file the first time, and again after a failure.
pub(super) fn name(code: u32) -> Name {
    let province = code / 10000;
    let (name, fetch) = PROVINCES.with(|ps| {
        let mut ps = ps.borrow_mut();
        match ps.iter_mut().find(|(p, _)| *p == province) {
            Some((_, Names::Loaded(list))) => {
                let name = list
                    .binary_search_by_key(&code, |(c, _)| *c)
                    .map_or(String::new(), |i| list[i].1.clone());
                (Name::Known(name), false)
            }
            Some((_, Names::Loading)) => (Name::Loading, false),
            // Tried again once the NIK changed: the phone may be back online.
            Some((_, Names::Failed { retry })) => (Name::Offline, std::mem::take(retry)),
            None => {
                ps.push((province, Names::Loading));
                (Name::Loading, true)
            }
        }
    });
    if fetch && fetch_names(province).is_err() {
        set(province, Names::Failed { retry: false });
        return Name::Offline;
    }
    name
}

/// The NIK changed: a province whose file failed is asked for again the
/// next time its name is wanted.
pub(super) fn retry() {
    PROVINCES.with(|ps| {
        for (_, names) in ps.borrow_mut().iter_mut() {
            if let Names::Failed { retry } = names {
                *retry = true;
            }
        }
    });
}

fn set(province: u32, names: Names) {
    PROVINCES.with(|ps| {
        let mut ps = ps.borrow_mut();
        match ps.iter_mut().find(|(p, _)| *p == province) {
            Some(slot) => slot.1 = names,
            None => ps.push((province, names)),
        }
    });
}

/// boot.js hands over a province's file (`undefined` when the fetch failed);
/// the NIK is drawn again with the names.
#[wasm_bindgen(js_name = setDistricts)]
pub fn set_districts(province: u32, text: Option<String>) {
    let list: Vec<(u32, String)> = text
        .as_deref()
        .map(|t| crate::regions::parse_district_file(province, t))
        .unwrap_or_default()
        .into_iter()
        .map(|(c, n)| (c, n.to_owned()))
        .collect();
    // A bad file is like none: the codes are still checked, the names wait.
    set(
        province,
        if list.is_empty() {
            Names::Failed { retry: false }
        } else {
            Names::Loaded(list)
        },
    );
    super::with_app(|app| app.render());
}
