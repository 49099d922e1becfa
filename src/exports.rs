//! The core as a JavaScript module (wasm32, feature `core`, also in the
//! citizens' page): `checkNik`, `checkKk`, `checkPair` and `compareStated`
//! return plain objects of the same shape as the CLI's JSON Lines (one
//! writer, [`crate::json`]), so a government form or a civic site can check
//! NIKs in the browser, or in Node, without the Klinik NIK page.
//!
//! `today` is the browser's date unless given (`YYYY-MM-DD`): it decides the
//! century of a two-digit year and the age.

use crate::date::Date;
use crate::{Lang, Sex, Stated};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** `"id"` (Bahasa Indonesia, the default) or `"en"`. */
export type Lang = "id" | "en" | string;

/** One problem, with a stable machine code such as `NIK_DAY_INVALID`. */
export interface Issue {
  code: string;
  severity: "error" | "warning" | "note";
  /** Offsets into the cleaned 16 digits, or into the input when `span_of` is `"input"`. */
  start: number | null;
  end: number | null;
  span_of?: "input";
  message: string;
  /** For data teams: e.g. `"U+004F at input character 9"`. */
  detail?: string;
}

export interface Region { code: string; name: string }

/** What the CLI writes for one NIK (`klinik-nik check`). */
export interface NikRecord {
  input: string;
  /** No error-severity issue. A well-formed NIK is not proof it is registered or active. */
  valid: boolean;
  nik: string | null;
  issues: Issue[];
  province: Region | null;
  regency: Region | null;
  district: Region | null;
  sex: "male" | "female" | null;
  /** `YYYY-MM-DD`, the century guessed from `today`. */
  birth_date: string | null;
  age: number | null;
  serial: string | null;
}

/** What the CLI writes for one Nomor KK (`klinik-nik check --kk`). */
export interface KkRecord {
  input: string;
  valid: boolean;
  kk: string | null;
  issues: Issue[];
  province: Region | null;
  regency: Region | null;
  district: Region | null;
  recorded_date: string | null;
  serial: string | null;
}

/** What a person says about themselves, compared with the NIK. */
export interface Stated {
  /** `YYYY-MM-DD` */
  birthDate?: string;
  sex?: "male" | "female";
  /** Regency/city of residence: `"35.11"` or `"3511"`. */
  regency?: string;
}
"#;

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap_or(JsValue::NULL)
}

fn day(today: Option<String>) -> Date {
    today
        .as_deref()
        .and_then(|t| Date::parse_iso(t.trim()))
        .unwrap_or_else(crate::browser::today)
}

fn lang(lang: Option<String>) -> Lang {
    lang.as_deref().map_or(Lang::Id, Lang::parse)
}

/// One checked number as the CLI's record.
fn record(input: &str, report: &crate::Report, language: Option<String>) -> JsValue {
    let mut out = String::new();
    crate::json::report(&mut out, input, report, lang(language));
    parse(&out)
}

/// `checkNik("3511…", "en")`: the NIK checked and decoded.
#[wasm_bindgen(js_name = checkNik, unchecked_return_type = "NikRecord")]
pub fn check_nik(input: &str, language: Option<String>, today: Option<String>) -> JsValue {
    record(input, &crate::check_nik(input, day(today)), language)
}

/// `checkKk("No. KK: 3511…")`: the Nomor KK checked and decoded.
#[wasm_bindgen(js_name = checkKk, unchecked_return_type = "KkRecord")]
pub fn check_kk(input: &str, language: Option<String>, today: Option<String>) -> JsValue {
    record(input, &crate::check_kk(input, day(today)), language)
}

/// `checkPair(nik, kk)`: what needs both numbers (the same number typed twice).
#[wasm_bindgen(js_name = checkPair, unchecked_return_type = "Issue[]")]
pub fn check_pair(nik: &str, kk: &str, language: Option<String>, today: Option<String>) -> JsValue {
    let t = day(today);
    let issues = crate::check_pair(&crate::check_nik(nik, t), &crate::check_kk(kk, t));
    let mut out = String::new();
    crate::json::issues(&mut out, &issues, lang(language));
    parse(&out)
}

/// `compareStated(nik, {birthDate, sex, regency})`: what the person says
/// against what the NIK encodes.
#[wasm_bindgen(js_name = compareStated, unchecked_return_type = "Issue[]")]
pub fn compare_stated(
    nik: &str,
    #[wasm_bindgen(unchecked_param_type = "Stated")] stated: JsValue,
    language: Option<String>,
    today: Option<String>,
) -> JsValue {
    let field = |k: &str| {
        js_sys::Reflect::get(&stated, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let digits: String = field("regency")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let stated = Stated {
        birth_date: Date::parse_iso(field("birthDate").trim()),
        sex: Sex::parse(&field("sex")),
        regency: (digits.len() == 4).then(|| digits.parse().ok()).flatten(),
    };
    let issues = crate::compare(&crate::check_nik(nik, day(today)), &stated);
    let mut out = String::new();
    crate::json::issues(&mut out, &issues, lang(language));
    parse(&out)
}
