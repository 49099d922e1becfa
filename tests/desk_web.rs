//! The desk's worker boundary, in a dedicated worker in headless Chromium:
//! the messages the page sends and the answers it gets, down to the CSV bytes.
//! Run with `cargo test --target wasm32-unknown-unknown --no-default-features
//! --features desk --test desk_web` (./build.sh test does).
#![cfg(all(target_arch = "wasm32", feature = "desk"))]

use js_sys::{Array, Reflect, Uint8Array, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

const LIST: &str = include_str!("data/desk-list.tsv");
const EXPECTED: &[u8] = include_bytes!("data/desk-list-expected.csv");

/// Runs `f` with the worker's `postMessage` recording what it is given; the
/// worker answers synchronously, so everything is recorded before `f` returns.
fn answers(f: impl FnOnce()) -> Vec<JsValue> {
    let global = js_sys::global();
    let original = Reflect::get(&global, &"postMessage".into()).unwrap();
    let got = Array::new();
    let g = got.clone();
    let rec = Closure::<dyn FnMut(JsValue)>::new(move |m: JsValue| {
        g.push(&m);
    });
    Reflect::set(&global, &"postMessage".into(), rec.as_ref()).unwrap();
    f();
    Reflect::set(&global, &"postMessage".into(), &original).unwrap();
    got.to_vec()
}

thread_local! {
    /// What the worker said when it started (once per test binary).
    static STARTED: Vec<String> = kinds(&answers(klinik_nik::desk::desk_worker));
}

fn send(msg: &JsValue) {
    STARTED.with(|_| ());
    let init = web_sys::MessageEventInit::new();
    init.set_data(msg);
    let e = web_sys::MessageEvent::new_with_event_init_dict("message", &init).unwrap();
    js_sys::global()
        .unchecked_into::<web_sys::EventTarget>()
        .dispatch_event(&e)
        .unwrap();
}

fn msg(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |v, k| Reflect::get(&v, &k.into()).unwrap())
}

fn kinds(replies: &[JsValue]) -> Vec<String> {
    let mut k: Vec<String> = replies
        .iter()
        .map(|r| get(r, "kind").as_string().unwrap())
        .collect();
    k.dedup();
    k
}

fn load(text: &str) -> Vec<JsValue> {
    let m = msg(r#"{"kind":"load","today":"2026-11-28"}"#);
    Reflect::set(&m, &"text".into(), &text.into()).unwrap();
    answers(|| send(&m))
}

#[wasm_bindgen_test]
fn a_pasted_list_is_checked_and_every_request_answered() {
    assert_eq!(STARTED.with(Clone::clone), ["ready"]);

    let r = load(LIST);
    assert_eq!(kinds(&r), ["loaded", "progress", "checked"]);
    assert_eq!(get(&r[0], "records").as_f64(), Some(21.0));
    assert_eq!(get(&r[0], "columns.nik").as_f64(), Some(2.0));
    assert_eq!(get(&r[0], "delimiter").as_string().unwrap(), "\t");

    let r = answers(|| send(&msg(r#"{"kind":"summary","lang":"id"}"#)));
    assert_eq!(kinds(&r), ["done"]);
    for (k, n) in [
        ("rows", 20.0),
        ("valid", 15.0),
        ("errors", 5.0),
        ("warnings", 3.0),
    ] {
        assert_eq!(get(&r[0], &format!("summary.{k}")).as_f64(), Some(n), "{k}");
    }
    assert!(get(&r[0], "memory").as_f64().unwrap() > 0.0);

    let r = answers(|| send(&msg(r#"{"kind":"order","filter":"problems","epoch":7}"#)));
    assert_eq!(get(&r[0], "count").as_f64(), Some(8.0));
    assert_eq!(get(&r[0], "epoch").as_f64(), Some(7.0));
    let r = answers(|| {
        send(&msg(
            r#"{"kind":"rows","epoch":7,"from":0,"count":2,"lang":"en"}"#,
        ))
    });
    let rows = get(&r[0], "rows");
    assert_eq!(get(&rows, "0.number").as_f64(), Some(4.0));
    assert_eq!(get(&rows, "0.verdict").as_string().unwrap(), "error");
    assert_eq!(get(&rows, "1.name").as_string().unwrap(), "Dewi");
    let message = get(&rows, "1.messages.0").as_string().unwrap();
    assert!(message.contains("“O”"), "{message}");
    assert_eq!(
        get(&rows, "1.about.0").as_string().unwrap(),
        "C NIK: “35110150O3850005”"
    );
    assert_eq!(get(&rows, "1.notes").as_f64(), Some(0.0));

    // Sorted by the third column (NIK): "sort" is the column's index + 1.
    let r = answers(|| {
        send(&msg(
            r#"{"kind":"order","filter":"problems","epoch":8,"query":"","sort":3}"#,
        ))
    });
    assert_eq!(get(&r[0], "count").as_f64(), Some(8.0));
    let r = answers(|| {
        send(&msg(
            r#"{"kind":"rows","epoch":8,"from":0,"count":1,"lang":"id"}"#,
        ))
    });
    // The smallest NIK first ("3.51102E+15" is not all digits: text, after them).
    assert_eq!(
        get(&get(&r[0], "rows"), "0.name").as_string().unwrap(),
        "Rudi"
    );

    let r = answers(|| send(&msg(r#"{"kind":"csv","delimiter":";","lang":"id"}"#)));
    let bytes: Uint8Array = get(&r[0], "bytes").unchecked_into();
    assert_eq!(bytes.to_vec(), EXPECTED, "the CLI's CSV, byte for byte");

    let r = answers(|| send(&msg(r#"{"kind":"copy","lang":"id"}"#)));
    let text = get(&r[0], "text").as_string().unwrap();
    assert_eq!(text.lines().count(), 9);
}

#[wasm_bindgen_test]
fn what_is_not_a_list_is_refused_and_no_nik_column_asks() {
    let r = load("  \n");
    assert_eq!(get(&r[0], "reason").as_string().unwrap(), "empty");
    let r = load("%PDF-1.7\n");
    assert_eq!(get(&r[0], "reason").as_string().unwrap(), "binary");
    // No column of NIKs: read, not checked, until the page says which column.
    let r = load("Nama\tAlamat\nSiti\tJl. Mawar\n");
    assert_eq!(kinds(&r), ["loaded"]);
    assert!(get(&r[0], "columns.nik").is_null() || get(&r[0], "columns.nik").is_undefined());
    let r = answers(|| {
        send(&msg(
            r#"{"kind":"check","columns":{"nik":1,"kk":null,"name":0,"birth":null,"sex":null,"regency":null,"header":true}}"#,
        ))
    });
    assert_eq!(kinds(&r), ["progress", "checked"]);
    // A message the worker does not know is ignored, not a crash.
    assert!(answers(|| send(&msg(r#"{"kind":"nonsense"}"#))).is_empty());
}
