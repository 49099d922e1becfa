//! Step 1's module (feature `page`) on the real index.html, in headless
//! Chromium: a typed NIK explained, what it hands to steps 2 and 3, and the
//! district names file in every state (asked for, loaded, bad, unreachable).
//! Run with `cargo test --target wasm32-unknown-unknown --test page_web`
//! (./build.sh test does).
#![cfg(all(target_arch = "wasm32", feature = "page"))]

use js_sys::{Array, Reflect};
use klinik_nik::web::check::{set_districts, start};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const INDEX: &str = include_str!("../www/index.html");

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

thread_local! {
    /// The provinces step 1 asked boot.js for (`klinik.districts`).
    static ASKED: Array = Array::new();
}

/// index.html's body, a stand-in for boot.js's `klinik.districts`, and step 1 wired (once).
fn page() -> Document {
    let d = doc();
    if d.get_element_by_id("nik").is_none() {
        let body = &INDEX[INDEX.find("<body>").unwrap() + 6..INDEX.find("</body>").unwrap()];
        // Beside the test runner's own output (it reads it from the body).
        let page = d.create_element("div").unwrap();
        page.set_inner_html(body);
        d.body().unwrap().append_child(&page).unwrap();
        let asked = ASKED.with(|a| a.clone());
        let f = Closure::<dyn FnMut(JsValue)>::new(move |p: JsValue| {
            asked.push(&p);
        });
        let klinik = js_sys::Object::new();
        Reflect::set(&klinik, &"districts".into(), f.as_ref()).unwrap();
        f.forget();
        Reflect::set(&js_sys::global(), &"klinik".into(), &klinik).unwrap();
        start();
    }
    d
}

fn type_nik(d: &Document, v: &str) {
    let input: HtmlInputElement = d.get_element_by_id("nik").unwrap().dyn_into().unwrap();
    input.set_value(v);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn text(d: &Document, selector: &str) -> String {
    d.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn a_typed_nik_is_explained_and_handed_over() {
    let d = page();
    assert_eq!(
        d.body().unwrap().get_attribute("data-ready").as_deref(),
        Some("yes")
    );
    let heard = std::rc::Rc::new(std::cell::Cell::new(0));
    let h = heard.clone();
    let _l = gloo_events::EventListener::new(&d, "klinik-step1", move |_| h.set(h.get() + 1));
    type_nik(&d, "3511015003850001");
    assert_eq!(text(&d, "#summary"), "Format NIK benar.");
    assert_eq!(text(&d, "[data-seg='reg'] .name"), "Kabupaten Bondowoso");
    assert_eq!(heard.get(), 1, "steps 2 and 3 are told");
    // Flags, regency, then the age the NIK gives today (born 1985: 40 or more).
    let check = d.body().unwrap().get_attribute("data-check").unwrap();
    let age: u32 = check
        .strip_prefix("10000:3511:")
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("{check}"));
    assert!(age >= 40, "{check}");
    type_nik(&d, "3511013203850001");
    assert_eq!(
        d.body().unwrap().get_attribute("data-check").as_deref(),
        Some("11000:3511")
    );
}

#[wasm_bindgen_test]
fn district_names_asked_for_loaded_refused_and_unreachable() {
    let d = page();
    type_nik(&d, "3511015003850001");
    assert!(
        ASKED.with(|a| a.includes(&JsValue::from(35), 0)),
        "province 35 asked for"
    );
    assert_eq!(text(&d, "[data-seg='dist'] .name"), "\u{2026}");
    // This module has no names to write the file from: a copy of the built
    // one (tests/regions.rs keeps it equal to what the build writes).
    let file = include_str!("data/districts-35.txt").to_string();
    set_districts(35, Some(file.clone()));
    assert_eq!(text(&d, "[data-seg='dist'] .name"), "Maesan");
    // Another province's file, garbage or nothing: no name, never a wrong one.
    for bad in [
        Some(include_str!("data/districts-11.txt").to_string()),
        Some("<!doctype html><title>404</title>".to_string()),
        Some(String::new()),
        None,
    ] {
        set_districts(35, bad);
        assert_eq!(
            text(&d, "[data-seg='dist'] .name"),
            "nama muncul bila tersambung ke internet"
        );
        assert_eq!(text(&d, "#summary"), "Format NIK benar.");
    }
    set_districts(35, Some(file));
    assert_eq!(text(&d, "[data-seg='dist'] .name"), "Maesan");
    // A province nobody asked about, or not a province: kept or ignored, no panic.
    set_districts(99, Some("x".into()));
    set_districts(u32::MAX, None);
    assert_eq!(text(&d, "[data-seg='dist'] .name"), "Maesan");
}
