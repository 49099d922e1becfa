//! Compiles `data/guidance.toml` (the diagnose knowledge base, written for
//! review by office staff) into static Rust tables, so the site ships no TOML
//! parser. Every reference is resolved here: a wrong key, a missing language,
//! or a cause without sources, steps or channel stops the build with a message.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    id: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    key: String,
    #[serde(alias = "text")]
    name: Text,
    followup: Option<Text>,
    /// Services: where the citizen reaches the institution itself, when its
    /// sources say (shown when the top cause is fixed there).
    contact: Option<Text>,
    /// Services: the name on a compact choice.
    short: Option<Text>,
    #[serde(default)]
    sources: Vec<Source>,
    wait_source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    url: String,
    title: String,
    date: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Signal {
    when: String,
    weight: i32,
    because: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cause {
    key: String,
    title: Text,
    explain: Text,
    todo: Text,
    channel: String,
    steps: Vec<Text>,
    documents: Vec<String>,
    wait: Text,
    wait_source: Option<String>,
    /// Causes fixed at the institution: the request, in the words the
    /// citizen shows or sends to its staff (required for channel "institution").
    ask: Option<Text>,
    sources: Vec<Source>,
    signals: Vec<Signal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Kb {
    document: Vec<Named>,
    service: Vec<Named>,
    message: Vec<Named>,
    event: Vec<Named>,
    cause: Vec<Cause>,
}

const CHECKS: [(&str, &str); 6] = [
    ("nik_invalid", "NikInvalid"),
    ("nik_ok", "NikOk"),
    ("stated_differs", "StatedDiffers"),
    ("kk_looks_like_nik", "KkLooksLikeNik"),
    ("same_number", "SameNumber"),
    ("unrecorded_22_plus", "Unrecorded22Plus"),
];
const CHANNELS: [(&str, &str); 5] = [
    ("whatsapp", "WhatsApp"),
    ("visit", "Visit"),
    ("institution", "Institution"),
    ("kelurahan", "Kelurahan"),
    ("mixed", "Mixed"),
];

fn fail(msg: String) -> ! {
    panic!("data/guidance.toml: {msg}");
}

fn text(t: &Text, what: &str) -> String {
    if t.id.trim().is_empty() || t.en.trim().is_empty() {
        fail(format!("{what}: both `id` and `en` texts are required"));
    }
    format!("Text {{ id: {:?}, en: {:?} }}", t.id, t.en)
}

/// `&[Source { … }, …]`, refusing a source without a url, a title or a date.
fn sources(list: &[Source], what: &str) -> String {
    if list.is_empty() {
        fail(format!("{what}: needs at least one source"));
    }
    let mut out = String::from("&[");
    for s in list {
        if !s.url.starts_with("https://") && !s.url.starts_with("http://") {
            fail(format!("{what}: source url {:?}", s.url));
        }
        if s.title.is_empty() || s.date.chars().filter(char::is_ascii_digit).count() < 4 {
            fail(format!(
                "{what}: every source needs a title and a dated year"
            ));
        }
        write!(
            out,
            "Source {{ url: {:?}, title: {:?}, date: {:?} }}, ",
            s.url, s.title, s.date
        )
        .unwrap();
    }
    out.push(']');
    out
}

/// `Some("url")` when the waiting time's source is one of `list`; `None` when there is none.
fn wait_source(ws: &Option<String>, list: &[Source], what: &str) -> String {
    match ws {
        None => "None".into(),
        Some(u) if list.iter().any(|s| &s.url == u) => format!("Some({u:?})"),
        Some(u) => fail(format!(
            "{what}: wait_source {u:?} is not one of its sources"
        )),
    }
}

fn position(list: &[Named], key: &str, what: &str) -> usize {
    list.iter()
        .position(|n| n.key == key)
        .unwrap_or_else(|| fail(format!("{what}: unknown key {key:?}")))
}

fn named_table(out: &mut String, ty: &str, name: &str, list: &[Named]) {
    let mut seen = BTreeSet::new();
    writeln!(out, "pub static {name}: &[{ty}] = &[").unwrap();
    for n in list {
        if !seen.insert(n.key.as_str()) {
            fail(format!("{name}: key {:?} twice", n.key));
        }
        let what = format!("{name} {}", n.key);
        let followup = match (&n.followup, ty) {
            (Some(f), "Service") => format!(
                ", short: {}, followup: {}, contact: {}, sources: {}, wait_source: {}",
                text(
                    n.short
                        .as_ref()
                        .unwrap_or_else(|| fail(format!("{what}: a service needs a short name"))),
                    &what
                ),
                text(f, &what),
                n.contact
                    .as_ref()
                    .map_or("None".to_string(), |c| format!("Some({})", text(c, &what))),
                sources(&n.sources, &what),
                wait_source(&n.wait_source, &n.sources, &what)
            ),
            (None, "Service") => fail(format!("{what}: a service needs a followup")),
            (Some(_), _) => fail(format!("{what}: only services have a followup")),
            (None, _) if n.contact.is_some() => {
                fail(format!("{what}: only services have a contact"))
            }
            (None, _) if !n.sources.is_empty() || n.wait_source.is_some() => {
                fail(format!("{what}: only services and causes have sources"))
            }
            (None, _) => String::new(),
        };
        writeln!(
            out,
            "    {ty} {{ key: {:?}, name: {}{followup} }},",
            n.key,
            text(&n.name, &what)
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let path = "data/guidance.toml";
    println!("cargo:rerun-if-changed={path}");
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| fail(e.to_string()));
    let kb: Kb = toml::from_str(&src).unwrap_or_else(|e| fail(e.to_string()));

    let mut out =
        String::from("// Generated by build.rs from data/guidance.toml. Do not edit.\n\n");
    named_table(&mut out, "Document", "DOCUMENTS", &kb.document);
    named_table(&mut out, "Service", "SERVICES", &kb.service);
    named_table(&mut out, "Message", "MESSAGES", &kb.message);
    named_table(&mut out, "Event", "EVENTS", &kb.event);

    let mut used_docs = BTreeSet::new();
    let mut used_events = BTreeSet::new();
    let mut keys = BTreeSet::new();
    writeln!(out, "pub static CAUSES: &[Cause] = &[").unwrap();
    for c in &kb.cause {
        let what = format!("cause {}", c.key);
        if !keys.insert(c.key.clone()) {
            fail(format!("{what} twice"));
        }
        let channel = CHANNELS
            .iter()
            .find(|(k, _)| *k == c.channel)
            .unwrap_or_else(|| {
                fail(format!(
                    "{what}: channel {:?} is not one of {CHANNELS:?}",
                    c.channel
                ))
            })
            .1;
        if c.steps.is_empty()
            || c.sources.is_empty()
            || c.signals.is_empty()
            || c.documents.is_empty()
        {
            fail(format!(
                "{what}: needs steps, documents, sources and signals"
            ));
        }
        writeln!(out, "    Cause {{").unwrap();
        writeln!(out, "        key: {:?},", c.key).unwrap();
        writeln!(out, "        title: {},", text(&c.title, &what)).unwrap();
        writeln!(out, "        explain: {},", text(&c.explain, &what)).unwrap();
        writeln!(out, "        todo: {},", text(&c.todo, &what)).unwrap();
        writeln!(out, "        channel: Channel::{channel},").unwrap();
        writeln!(out, "        steps: &[").unwrap();
        for s in &c.steps {
            writeln!(out, "            {},", text(s, &what)).unwrap();
        }
        writeln!(out, "        ],").unwrap();
        let docs: Vec<String> = c
            .documents
            .iter()
            .map(|d| {
                used_docs.insert(d.clone());
                position(&kb.document, d, &what).to_string()
            })
            .collect();
        writeln!(out, "        documents: &[{}],", docs.join(", ")).unwrap();
        writeln!(out, "        wait: {},", text(&c.wait, &what)).unwrap();
        let ask = match (&c.ask, c.channel.as_str()) {
            (Some(a), "institution") => format!("Some({})", text(a, &what)),
            (None, "institution") => fail(format!(
                "{what}: a cause fixed at the institution needs `ask`, the request to its staff"
            )),
            (Some(_), _) => fail(format!(
                "{what}: only causes fixed at the institution have `ask`"
            )),
            (None, _) => "None".to_string(),
        };
        writeln!(out, "        ask: {ask},").unwrap();
        writeln!(
            out,
            "        wait_source: {},",
            wait_source(&c.wait_source, &c.sources, &what)
        )
        .unwrap();
        writeln!(out, "        sources: {},", sources(&c.sources, &what)).unwrap();
        writeln!(out, "        signals: &[").unwrap();
        for s in &c.signals {
            let (kind, key) = s
                .when
                .split_once(':')
                .unwrap_or_else(|| fail(format!("{what}: signal {:?} is not kind:key", s.when)));
            let when = match (kind, key) {
                ("event", "none") => "When::NoEvent".to_string(),
                ("service", k) => format!("When::Service({})", position(&kb.service, k, &what)),
                ("message", k) => format!("When::Message({})", position(&kb.message, k, &what)),
                ("event", k) => {
                    used_events.insert(k.to_string());
                    format!("When::Event({})", position(&kb.event, k, &what))
                }
                ("check", k) => format!(
                    "When::Check(CheckFlag::{})",
                    CHECKS
                        .iter()
                        .find(|(c, _)| *c == k)
                        .unwrap_or_else(|| fail(format!("{what}: check {k:?}")))
                        .1
                ),
                _ => fail(format!("{what}: signal {:?}", s.when)),
            };
            if s.weight <= 0 {
                fail(format!("{what}: signal weights are positive"));
            }
            writeln!(
                out,
                "            Signal {{ when: {when}, weight: {}, because: {} }},",
                s.weight,
                text(&s.because, &what)
            )
            .unwrap();
        }
        writeln!(out, "        ],").unwrap();
        writeln!(out, "    }},").unwrap();
    }
    writeln!(out, "];").unwrap();

    // No orphans: every document is asked for by a cause, every life event moves some cause.
    for d in &kb.document {
        if !used_docs.contains(&d.key) {
            fail(format!("document {:?} is not used by any cause", d.key));
        }
    }
    for e in &kb.event {
        if !used_events.contains(&e.key) {
            fail(format!("event {:?} is not used by any signal", e.key));
        }
    }
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("guidance_data.rs");
    std::fs::write(dest, out).unwrap();
}
