//! Steps 2 and 3's module (feature `app`) on the real index.html, in
//! headless Chromium: it takes what step 1 hands over (`<body data-check>`
//! and the `klinik-step1` event), and the deployer's offices.json, good or
//! hostile. Run with `cargo test --target wasm32-unknown-unknown
//! --no-default-features --features app --target-dir target/app --test
//! app_web` (./build.sh test does).
#![cfg(all(target_arch = "wasm32", feature = "app"))]

use klinik_nik::web::app::{set_office_config, start};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const INDEX: &str = include_str!("../www/index.html");

fn page() -> Document {
    let d = web_sys::window().unwrap().document().unwrap();
    if d.get_element_by_id("diagnose").is_none() {
        let body = &INDEX[INDEX.find("<body>").unwrap() + 6..INDEX.find("</body>").unwrap()];
        // Beside the test runner's own output (it reads it from the body).
        let page = d.create_element("div").unwrap();
        page.set_inner_html(body);
        d.body().unwrap().append_child(&page).unwrap();
        // What step 1 would have said of a valid Bondowoso NIK.
        d.body()
            .unwrap()
            .set_attribute("data-check", "10000:3511")
            .unwrap();
        let nik: HtmlInputElement = d.get_element_by_id("nik").unwrap().dyn_into().unwrap();
        nik.set_value("3511015003850001");
        start();
    }
    d
}

fn attr(d: &Document, id: &str, name: &str) -> String {
    d.get_element_by_id(id)
        .and_then(|e| e.get_attribute(name))
        .unwrap_or_default()
}

fn step1_says(d: &Document, check: &str) {
    d.body()
        .unwrap()
        .set_attribute("data-check", check)
        .unwrap();
    d.dispatch_event(&web_sys::Event::new("klinik-step1").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
fn takes_what_step_1_hands_over() {
    let d = page();
    assert_eq!(
        d.body().unwrap().get_attribute("data-app").as_deref(),
        Some("ready")
    );
    assert_eq!(attr(&d, "office-contact", "data-regency"), "3511");
    assert!(attr(&d, "wa-link", "href").contains("3511015003850001"));
    // A NIK of another regency typed in step 1: the office follows.
    step1_says(&d, "10000:3173");
    assert_eq!(attr(&d, "office-contact", "data-regency"), "3173");
    // An old Papua code (91.01 Merauke before the 2022 split): today's code.
    step1_says(&d, "10000:9101");
    assert_eq!(attr(&d, "office-contact", "data-regency"), "9301");
    // Garbage in the attribute is "nothing checked", never a panic.
    for bad in [
        "",
        "1",
        "10000:",
        "10000:99999999999",
        "zzzzz:3511",
        "\u{0}",
    ] {
        step1_says(&d, bad);
        assert_eq!(attr(&d, "office-contact", "data-regency"), "", "{bad:?}");
    }
    step1_says(&d, "10000:3511");
}

#[wasm_bindgen_test]
fn offices_json_good_bad_and_hostile() {
    let d = page();
    let state = || {
        d.body()
            .unwrap()
            .get_attribute("data-config")
            .unwrap_or_default()
    };
    set_office_config(r#"{"deployer": "Uji", "offices": []}"#);
    assert_eq!(state(), "ok");
    assert_eq!(
        d.get_element_by_id("deployer")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Dikelola oleh Uji.")
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for bad in [
        "{",
        "[]",
        "null",
        "\"x\"",
        deep.as_str(),
        "{\"offices\": 5}",
    ] {
        set_office_config(bad);
        assert_eq!(state(), "error", "{bad:?}");
    }
    set_office_config("");
    assert_eq!(state(), "none");
}
