//! The public core module's exports (`crate::exports`, feature `core`), in
//! headless Chromium: plain JS objects of the CLI's JSON Lines shape,
//! messages in the asked language, `today` from the browser's clock unless
//! given.
#![cfg(all(target_arch = "wasm32", feature = "core"))]

use js_sys::{Array, Reflect};
use klinik_nik::exports as web;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn s(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn check_nik_returns_a_plain_object() {
    let r = web::check_nik("3511 0150 0385 0001", Some("id".into()), None);
    assert_eq!(get(&r, "valid").as_bool(), Some(true));
    assert_eq!(s(&r, "input"), "3511 0150 0385 0001");
    assert_eq!(s(&r, "nik"), "3511015003850001");
    assert_eq!(s(&get(&r, "district"), "code"), "35.11.01");
    assert_eq!(s(&get(&r, "district"), "name"), "Maesan");
    assert_eq!(s(&get(&r, "regency"), "name"), "Kabupaten Bondowoso");
    assert_eq!(s(&r, "sex"), "female");
    assert_eq!(s(&r, "birth_date"), "1985-03-10");
    assert_eq!(s(&r, "serial"), "0001");
    // Age follows the browser's clock.
    let now = js_sys::Date::new_0();
    let (y, m, d) = (
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    );
    let expected = y - 1985 - if (m, d) < (3, 10) { 1 } else { 0 };
    assert_eq!(get(&r, "age").as_f64(), Some(expected as f64));
    let issues = Array::from(&get(&r, "issues"));
    assert_eq!(issues.length(), 1);
    assert_eq!(s(&issues.get(0), "code"), "NIK_SEPARATORS_REMOVED");
    assert_eq!(s(&issues.get(0), "severity"), "note");
    // A given day instead of the clock.
    let r = web::check_nik("3511015003850001", None, Some("2000-03-10".into()));
    assert_eq!(get(&r, "age").as_f64(), Some(15.0));
}

#[wasm_bindgen_test]
fn spans_and_languages() {
    for (lang, word) in [
        ("id", "tanggal lahir"),
        ("en", "day of birth"),
        ("en-US", "day of birth"),
        ("xx", "tanggal lahir"),
    ] {
        let r = web::check_nik("3511013502850001", Some(lang.into()), None);
        assert_eq!(get(&r, "valid").as_bool(), Some(false));
        let i = Array::from(&get(&r, "issues")).get(0);
        assert_eq!(s(&i, "code"), "NIK_DAY_INVALID");
        assert_eq!(get(&i, "start").as_f64(), Some(6.0));
        assert_eq!(get(&i, "end").as_f64(), Some(8.0));
        assert!(get(&i, "span_of").is_undefined(), "offsets into the digits");
        assert!(
            s(&i, "message").contains(word),
            "{lang}: {}",
            s(&i, "message")
        );
    }
}

#[wasm_bindgen_test]
fn invalid_characters_point_into_the_input() {
    let r = web::check_nik("35110150O3850001", None, None);
    assert!(get(&r, "nik").is_null());
    let i = Array::from(&get(&r, "issues")).get(0);
    assert_eq!(s(&i, "code"), "NIK_CHAR_INVALID");
    assert_eq!(s(&i, "span_of"), "input");
    assert_eq!(get(&i, "start").as_f64(), Some(8.0));
    assert!(s(&i, "message").contains("angka 0"));
    assert_eq!(s(&i, "detail"), "U+004F at input character 9");
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_do_not_crash() {
    // A JS string with a lone surrogate crosses the boundary as U+FFFD.
    let f = js_sys::Function::new_no_args("return '3511\\uD800015003850001'");
    let text = f.call0(&JsValue::NULL).unwrap().as_string().unwrap();
    let r = web::check_nik(&text, None, None);
    assert_eq!(get(&r, "valid").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn kk_pair_and_compare() {
    let kk = web::check_kk("No. KK: 3511012003150007", None, None);
    assert_eq!(s(&kk, "kk"), "3511012003150007");
    assert_eq!(s(&kk, "recorded_date"), "2015-03-20");
    assert!(get(&kk, "sex").is_undefined());
    let pair = Array::from(&web::check_pair(
        "3511011003850001",
        "3511011003850001",
        Some("en".into()),
        None,
    ));
    assert_eq!(s(&pair.get(0), "code"), "PAIR_SAME_NUMBER");
    let stated =
        js_sys::JSON::parse(r#"{"birthDate":"1985-03-12","sex":"male","regency":"35.78"}"#)
            .unwrap();
    let cmp = Array::from(&web::compare_stated("3511015003850001", stated, None, None));
    let codes: Vec<String> = cmp.iter().map(|i| s(&i, "code")).collect();
    assert_eq!(
        codes,
        [
            "STATED_BIRTH_DATE_DIFFERS",
            "STATED_SEX_DIFFERS",
            "STATED_REGENCY_DIFFERS"
        ]
    );
    let empty = js_sys::Object::new().into();
    assert!(Array::from(&web::compare_stated("3511015003850001", empty, None, None)).length() == 0);
    // Not an object at all: nothing stated, nothing compared, no crash.
    assert!(
        Array::from(&web::compare_stated(
            "3511015003850001",
            JsValue::NULL,
            None,
            None
        ))
        .length()
            == 0
    );
}
