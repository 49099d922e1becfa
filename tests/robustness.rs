//! Nothing panics, whatever is typed, pasted or piped: a property test over
//! arbitrary Unicode, and a committed list of nasty inputs replayed every run.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::date::Date;
use klinik_nik::view::ReportView;
use klinik_nik::{check_kk, check_nik, check_pair, compare, Lang, Report, Sex, Stated};
use proptest::prelude::*;

fn exercise(input: &str, today: Date) {
    let n = check_nik(input, today);
    let k = check_kk(input, today);
    let _ = check_pair(&n, &k);
    let stated = Stated {
        birth_date: Date::new(1990, 2, 28),
        sex: Some(Sex::Female),
        regency: Some(3511),
    };
    let _ = compare(&n, &stated);
    for r in [&n, &k] {
        invariants(input, r);
        for lang in [Lang::Id, Lang::En] {
            let v = ReportView::new(r, lang);
            for i in &v.issues {
                assert!(!i.message.is_empty(), "{} has no message", i.code);
            }
        }
    }
}

fn invariants(input: &str, r: &Report) {
    assert!(r.digits.as_str().len() <= 16);
    if let Some(n) = r.number() {
        assert_eq!(n.len(), 16);
        assert!(n.bytes().all(|b| b.is_ascii_digit()));
    }
    // Cleaning never invents digits.
    assert!(r.digits.count() <= input.chars().filter(char::is_ascii_digit).count());
    // Spans stay inside what they point into.
    for i in &r.issues {
        if let Some(s) = i.span {
            assert!(s.start <= s.end);
            match s.of {
                klinik_nik::issue::SpanOf::Digits => assert!(s.end <= 16),
                klinik_nik::issue::SpanOf::Input => assert!(s.end <= input.chars().count()),
            }
        }
    }
    // The report lists at most a handful of character problems, however long the input.
    assert!(r.issues.len() <= 20, "{} issues", r.issues.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_input_panics(input in "\\PC*", y in 1950i32..2100, m in 1u8..=12, d in 1u8..=28) {
        exercise(&input, Date::new(y, m, d).unwrap());
    }

    #[test]
    fn no_digit_soup_panics(input in "[0-9 .\\-:NIKnikKKO\u{200b}\u{ff10}-\u{ff19}]{0,40}") {
        exercise(&input, Date::new(2026, 11, 27).unwrap());
    }

    #[test]
    fn any_16_digits_are_handled(digits in "[0-9]{16}") {
        let r = check_nik(&digits, Date::new(2026, 11, 27).unwrap());
        prop_assert_eq!(r.number(), Some(digits.as_str()));
    }
}

/// Reads the committed list (JSON string syntax per line; lone surrogates,
/// which JS strings can hold, become U+FFFD as they do crossing into Rust).
fn nasty_inputs() -> Vec<String> {
    let text = include_str!("data/nasty-inputs.txt");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let units: Vec<u16> = decode_json_string(l);
            String::from_utf16_lossy(&units)
        })
        .collect()
}

fn decode_json_string(line: &str) -> Vec<u16> {
    let inner = &line[1..line.len() - 1];
    let mut out = Vec::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            let mut buf = [0u16; 2];
            out.extend_from_slice(c.encode_utf16(&mut buf));
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.push(u16::from_str_radix(&hex, 16).expect("hex escape"));
            }
            Some('n') => out.push(10),
            Some('r') => out.push(13),
            Some('t') => out.push(9),
            Some(other) => out.push(other as u16),
            None => {}
        }
    }
    out
}

#[test]
fn committed_nasty_inputs() {
    let inputs = nasty_inputs();
    assert!(inputs.len() >= 50, "{}", inputs.len());
    for input in &inputs {
        exercise(input, Date::new(2026, 11, 27).unwrap());
    }
}

#[test]
fn very_long_inputs() {
    let today = Date::new(2026, 11, 27).unwrap();
    let megabyte_of_digits = "1".repeat(1 << 20);
    let r = check_nik(&megabyte_of_digits, today);
    assert_eq!(r.digits.count(), 1 << 20);
    assert_eq!(r.issues.len(), 1);
    let junk = "\u{1f600}a\u{202e}".repeat(100_000);
    let r = check_nik(&junk, today);
    assert!(r.issues.len() <= 7);
    exercise(&"3511 ".repeat(50_000), today);
}

#[test]
fn extreme_today_dates() {
    for today in [
        Date::new(1, 1, 1),
        Date::new(1900, 1, 1),
        Date::new(9999, 12, 31),
    ] {
        exercise("3511015003850001", today.unwrap());
        exercise("3511012902000001", today.unwrap());
    }
}
