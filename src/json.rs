//! The JSON the CLI writes (one record per checked number) and the public
//! browser module returns (`JSON.parse`d): one writer, so both have the
//! same shape. Hand-written because it is most of the CLI's time and keeps
//! serde_json out of the browser.

use crate::check::Report;
use crate::regions::Region;
use crate::{Issue, Lang, Subject};

/// `s` as a JSON string, quoted and escaped.
///
/// ```
/// let mut out = String::new();
/// klinik_nik::json::string(&mut out, "a\"b\n\u{2028}");
/// assert_eq!(out, r#""a\"b\n\u2028""#);
/// ```
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    // Copy runs that need no escaping in one go: this function is most of the
    // CLI's time otherwise. Escapes: quote, backslash, controls, and U+2028/9
    // (whose UTF-8 starts with 0xE2).
    let bytes = s.as_bytes();
    let mut start = 0;
    // Bytes that need a look: controls, quote, backslash, 0xE2 (one table lookup each).
    const LOOK: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 0x20 {
            t[i] = true;
            i += 1;
        }
        t[b'"' as usize] = true;
        t[b'\\' as usize] = true;
        t[0xE2] = true;
        t
    };
    for (i, &b) in bytes.iter().enumerate() {
        if !LOOK[b as usize] {
            continue;
        }
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0xE2 => match s.get(i..i + 3) {
                Some("\u{2028}") => "\\u2028",
                Some("\u{2029}") => "\\u2029",
                _ => continue,
            },
            _ => "",
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str(&format!("\\u{:04x}", b));
            start = i + 1;
        } else {
            out.push_str(esc);
            start = i + if b == 0xE2 { 3 } else { 1 };
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn region(out: &mut String, key: &str, r: Option<&Region>) {
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
    match r {
        None => out.push_str("null"),
        Some(r) => {
            out.push_str("{\"code\":\"");
            out.push_str(&r.dotted());
            out.push_str("\",\"name\":");
            string(out, r.name);
            out.push('}');
        }
    }
}

fn opt(out: &mut String, key: &str, v: Option<&str>) {
    out.push_str(",\"");
    out.push_str(key);
    out.push_str("\":");
    match v {
        None => out.push_str("null"),
        Some(s) => string(out, s),
    }
}

/// One checked number as the CLI's JSON Lines record (without the line end):
/// `input`, `valid`, `nik` (or `kk`), `issues`, `province`, `regency`,
/// `district`, `sex`, `birth_date`, `age` (or `recorded_date`), `serial`.
pub fn report(out: &mut String, input: &str, r: &Report, lang: Lang) {
    let kk = r.subject == Subject::Kk;
    out.push_str("{\"input\":");
    string(out, input);
    out.push_str(if r.is_valid() {
        ",\"valid\":true"
    } else {
        ",\"valid\":false"
    });
    opt(out, if kk { "kk" } else { "nik" }, r.number());
    out.push_str(",\"issues\":");
    issues(out, &r.issues, lang);
    let d = &r.decoded;
    region(out, "province", d.province.as_ref());
    region(out, "regency", d.regency.as_ref());
    region(out, "district", d.district.as_ref());
    let date = d.date.map(|x| x.to_string());
    if kk {
        opt(out, "recorded_date", date.as_deref());
    } else {
        opt(out, "sex", d.sex.map(|s| s.as_str()));
        opt(out, "birth_date", date.as_deref());
        match d.age {
            Some(a) => out.push_str(&format!(",\"age\":{a}")),
            None => out.push_str(",\"age\":null"),
        }
    }
    let serial = d.serial.map(|s| format!("{s:04}"));
    opt(out, "serial", serial.as_deref());
    out.push('}');
}

/// Issues as a JSON array, each `{code, severity, start, end, [span_of],
/// message, [detail]}` as in the CLI's records.
pub fn issues(out: &mut String, list: &[Issue], lang: Lang) {
    out.push('[');
    for (n, i) in list.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str("{\"code\":\"");
        out.push_str(i.subject.prefix());
        out.push('_');
        out.push_str(i.rule.as_str());
        out.push_str("\",\"severity\":\"");
        out.push_str(i.severity.as_str());
        out.push('"');
        match i.span {
            Some(s) => {
                out.push_str(&format!(",\"start\":{},\"end\":{}", s.start, s.end));
                if s.of == crate::issue::SpanOf::Input {
                    out.push_str(",\"span_of\":\"input\"");
                }
            }
            None => out.push_str(",\"start\":null,\"end\":null"),
        }
        out.push_str(",\"message\":");
        string(out, &i.message(lang));
        if let Some(detail) = i.detail() {
            out.push_str(",\"detail\":");
            string(out, &detail);
        }
        out.push('}');
    }
    out.push(']');
}
