//! The glossary (data/glossary.toml): one word per thing. Fails when an
//! avoided form appears in a citizen-facing text, Indonesian or English: the
//! knowledge base (but for source titles, which quote their publishers), the
//! string literals of the modules that write messages, the report, the pages
//! and the desk, and the pages' HTML.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;

struct Term {
    use_: String,
    avoid: Vec<String>,
    unless_followed_by: Option<String>,
}

fn glossary() -> Vec<Term> {
    let text = fs::read_to_string("data/glossary.toml").unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    let terms = v["term"].as_array().expect("[[term]] tables");
    terms
        .iter()
        .map(|t| {
            let s = |k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_owned);
            assert!(
                s("why").is_some_and(|w| w.len() > 10),
                "every term says why: {t:?}"
            );
            Term {
                use_: s("use").expect("use"),
                avoid: t["avoid"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap().to_owned())
                    .collect(),
                unless_followed_by: s("unless_followed_by"),
            }
        })
        .collect()
}

/// Rust files whose string literals are messages, report or page text.
const RUST: &[&str] = &[
    "src/issue.rs",
    "src/diagnose.rs",
    "src/act.rs",
    "src/phone.rs",
    "src/table.rs",
    "src/sheet.rs",
    "src/offices.rs",
    "src/view.rs",
    "src/regions.rs",
    "src/guide.rs",
    "src/web/check/mod.rs",
    "src/web/check/flow.rs",
    "src/web/app/mod.rs",
    "src/web/app/act.rs",
    "src/web/app/diagnose.rs",
    "src/desk/mod.rs",
    "src/desk/texts.rs",
    "src/desk/view.rs",
    "src/desk/exports.rs",
    "src/desk/input.rs",
    "src/bin/cli/mod.rs",
    "src/bin/cli/table.rs",
];

const HTML: &[&str] = &[
    "www/index.html",
    "www/desk.html",
    "tools/preview.html",
    "src/web/app/act.html",
    "src/web/app/diagnose.html",
];

/// The string literals of one line of Rust, comments left out (a `'"'`
/// character literal is not a string).
fn literals(line: &str) -> Vec<String> {
    let c: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            '/' if c.get(i + 1) == Some(&'/') => break,
            '\'' if c.get(i + 2) == Some(&'\'') => i += 3,
            '\'' if c.get(i + 1) == Some(&'\\') && c.get(i + 3) == Some(&'\'') => i += 4,
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' && i + 1 < c.len() {
                        s.push(c[i]);
                        i += 1;
                    }
                    s.push(c[i]);
                    i += 1;
                }
                out.push(s);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Every `id`/`en` text of the knowledge base, sources left out.
fn guidance_texts(v: &toml::Value, skip: bool, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) if !skip => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|x| guidance_texts(x, skip, out)),
        toml::Value::Table(t) => {
            for (k, x) in t {
                let skip = skip
                    || matches!(
                        k.as_str(),
                        "sources" | "wait_source" | "key" | "when" | "channel" | "documents"
                    );
                guidance_texts(x, skip, out);
            }
        }
        _ => {}
    }
}

/// Text between the tags (and attribute values people read: aria-label, alt,
/// title, placeholder, content).
fn html_texts(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push(rest[..open].to_string());
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attr in [
            "aria-label=\"",
            "alt=\"",
            "title=\"",
            "placeholder=\"",
            "content=\"",
        ] {
            if let Some(p) = tag.find(attr) {
                let v = &tag[p + attr.len()..];
                out.push(v[..v.find('"').unwrap_or(v.len())].to_string());
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push(rest.to_string());
    out
}

/// (where, text) of everything a citizen or an officer reads.
fn corpus() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let kb: toml::Value =
        toml::from_str(&fs::read_to_string("data/guidance.toml").unwrap()).unwrap();
    let mut texts = Vec::new();
    guidance_texts(&kb, false, &mut texts);
    assert!(
        texts.len() > 200,
        "the knowledge base was read: {}",
        texts.len()
    );
    out.extend(
        texts
            .into_iter()
            .map(|t| ("data/guidance.toml".to_string(), t)),
    );
    for path in RUST {
        let src = fs::read_to_string(path).unwrap();
        for (n, line) in src.lines().enumerate() {
            // Source titles and addresses quote their publishers.
            let t = line.trim_start();
            if t.starts_with("title:") || t.starts_with("url:") {
                continue;
            }
            for l in literals(line) {
                out.push((format!("{path}:{}", n + 1), l));
            }
        }
    }
    for path in HTML {
        let src = fs::read_to_string(path).unwrap();
        out.extend(html_texts(&src).into_iter().map(|t| (path.to_string(), t)));
    }
    out
}

fn offences(terms: &[Term], corpus: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (place, text) in corpus {
        for t in terms {
            for a in &t.avoid {
                for (at, _) in text.match_indices(a.as_str()) {
                    let after = &text[at + a.len()..];
                    if t.unless_followed_by
                        .as_deref()
                        .is_some_and(|f| after.starts_with(f))
                    {
                        continue;
                    }
                    found.push(format!("{place}: {a:?} (use {:?}) in {text:?}", t.use_));
                }
            }
        }
    }
    found
}

#[test]
fn no_avoided_form_in_any_citizen_facing_text() {
    let terms = glossary();
    assert!(terms.len() >= 15);
    let corpus = corpus();
    let found = offences(&terms, &corpus);
    assert!(
        found.is_empty(),
        "{} avoided forms:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The check can fail: each avoided form is caught in a sentence, and the
/// `unless_followed_by` exception holds.
#[test]
fn the_check_catches_what_the_review_found() {
    let terms = glossary();
    for (text, caught) in [
        ("Layanan bilang NIK tidak ditemukan.", true),
        ("Sebutkan layanan yang menolak dan pesan persisnya.", true),
        ("KK baru: menikah, cerai, pisah KK", true),
        ("Ref: KN-7Q4M-2XHP", true),
        ("tunggu 3×24 jam, lalu coba lagi", true),
        ("tunggu 3×24 jam (3 hari), lalu coba lagi", false),
        ("Layanan menyatakan NIK tidak ditemukan.", false),
    ] {
        let corpus = vec![("sample".to_string(), text.to_string())];
        assert_eq!(!offences(&terms, &corpus).is_empty(), caught, "{text}");
    }
    // The literal reader keeps strings and drops comments and char literals.
    assert_eq!(literals(r#"let x = "a \"b\""; // "c""#), [r#"a \"b\""#]);
    assert_eq!(literals(r#"if c == '"' { "d" }"#), ["d"]);
    assert!(literals("/// \"Pesan persis\" in a doc comment").is_empty());
}
