//! The "Apa yang terjadi?" step: questions as tap choices, built from the
//! knowledge base, and the diagnosis as cards. All text goes in with
//! `set_text_content`; nothing the citizen types is parsed as HTML.

use super::{text, App};
use crate::diagnose::{diagnose_with, Answers, DiagnosisView, EVENTS, MESSAGES, SERVICES};
use crate::web::dom::{add, by_id, checked};
use crate::Lang;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// Appends a `<ol>`/`<ul>` with one `<li>` per item and returns it.
pub(super) fn add_list<S: AsRef<str>>(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    items: &[S],
) -> Option<Element> {
    let list = add(doc, parent, tag, class, "")?;
    for item in items {
        add(doc, &list, "li", "", item.as_ref())?;
    }
    Some(list)
}

fn input_value(doc: &Document, id: &str) -> String {
    by_id(doc, id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// (list element id, input name, input type, options as (key, label)).
type ChoiceGroup = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

impl App {
    /// (Re)builds the choice lists in the current language, keeping what was ticked.
    pub(super) fn render_questions(&self) {
        let doc = &self.doc;
        let groups: [ChoiceGroup; 3] = [
            (
                "q-service-list",
                "service",
                "radio",
                SERVICES
                    .iter()
                    .map(|s| (s.key, s.short.get(self.lang)))
                    .collect(),
            ),
            (
                "q-message-list",
                "message",
                "radio",
                MESSAGES
                    .iter()
                    .map(|m| (m.key, m.name.get(self.lang)))
                    .collect(),
            ),
            (
                "q-events-list",
                "event",
                "checkbox",
                EVENTS
                    .iter()
                    .map(|e| (e.key, e.name.get(self.lang)))
                    .collect(),
            ),
        ];
        for (id, name, kind, options) in groups {
            let Some(list) = by_id(doc, id) else { continue };
            let before = checked(doc, name);
            list.set_text_content(None);
            // Services: the commonest four first, the rest one tap away.
            let details = (name == "service")
                .then(|| add(doc, &list, "details", "more", ""))
                .flatten();
            let more = if let Some(d) = &details {
                {
                    add(doc, d, "summary", "", text("more-services", self.lang));
                    let ticked_inside = before
                        .iter()
                        .any(|b| !COMMON_SERVICES.contains(&b.as_str()));
                    if ticked_inside {
                        let _ = d.set_attribute("open", "");
                    }
                }
                add(doc, d, "div", "choices chips", "")
            } else {
                None
            };
            let options: Vec<(&str, &str)> = if name == "service" {
                // The common ones in their listed order, then the rest as in the knowledge base.
                let common = COMMON_SERVICES
                    .iter()
                    .filter_map(|c| options.iter().find(|(k, _)| k == c).copied());
                let rest = options
                    .iter()
                    .filter(|(k, _)| !COMMON_SERVICES.contains(k))
                    .copied();
                common.chain(rest).collect()
            } else {
                options
            };
            for (key, label) in options {
                let parent = match &more {
                    Some(m) if !COMMON_SERVICES.contains(&key) => m.clone(),
                    _ => list.clone(),
                };
                let Some(l) = add(doc, &parent, "label", "choice", "") else {
                    continue;
                };
                let Ok(input) = doc.create_element("input") else {
                    continue;
                };
                let _ = input.set_attribute("type", kind);
                let _ = input.set_attribute("name", name);
                let _ = input.set_attribute("value", key);
                if before.iter().any(|b| b == key) {
                    let _ = input.set_attribute("checked", "");
                }
                let _ = l.append_child(&input);
                add(doc, &l, "span", "", label);
            }
            // "Lainnya" goes after the common choices.
            if let Some(d) = &details {
                let _ = list.append_child(d);
            }
        }
    }

    pub(super) fn answers(&self) -> Answers {
        let doc = &self.doc;
        let opt = |s: String| Some(s).filter(|s| !s.trim().is_empty());
        Answers {
            service: checked(doc, "service").pop(),
            message: checked(doc, "message").pop(),
            message_text: opt(input_value(doc, "message-text")),
            events: checked(doc, "event"),
            since: opt(input_value(doc, "since")),
            nik: opt(input_value(doc, "nik")),
            kk: opt(input_value(doc, "kk")),
            ..Answers::default()
        }
    }

    pub(super) fn render_diagnosis(&self) {
        let doc = &self.doc;
        let Some(out) = by_id(doc, "diagnosis") else {
            return;
        };
        out.set_text_content(None);
        let answers = self.answers();
        let d = diagnose_with(&answers, &self.handoff.facts, self.lang);
        render(doc, &out, &d, self.lang);
        // The answer carries its own way on to step 3, right under the top cause.
        if let Ok(Some(next)) = doc.query_selector("#diagnose .nav-buttons .next") {
            let _ = next.set_attribute("hidden", "");
        }
    }

    /// Focus on the top cause's title, scrolled to the top of the screen so the
    /// button to step 3 below its three lines is in view too.
    pub(super) fn focus_diagnosis(&self) {
        if let Some(h) = by_id(&self.doc, "diagnosis-summary")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
            h.scroll_into_view();
        }
    }
}

/// The services most people meet, shown first; the others are behind "Layanan lain".
const COMMON_SERVICES: [&str; 4] = ["bpjs_kesehatan", "bank", "sim_card", "bansos"];

/// A cause's card head: its data attributes, confidence and title.
fn cause_card(
    doc: &Document,
    parent: &Element,
    class: &str,
    c: &crate::diagnose::CauseView,
    title_tag: &str,
) -> Option<(Element, Element)> {
    let card = add(doc, parent, "article", class, "")?;
    let _ = card.set_attribute("data-cause", c.key);
    let _ = card.set_attribute("data-confidence", c.confidence);
    add(doc, &card, "p", "confidence", c.confidence_text)?;
    let title = add(doc, &card, title_tag, "title", c.title)?;
    add(doc, &card, "p", "todo", c.todo)?;
    Some((card, title))
}

/// "Mengapa:" and the answers that pointed at a cause.
fn reasons(doc: &Document, parent: &Element, list: &[&str], lang: Lang) -> Option<()> {
    if !list.is_empty() {
        let because = add(doc, parent, "div", "why", "")?;
        add(doc, &because, "span", "", text("because", lang))?;
        add_list(doc, &because, "ul", "", list)?;
    }
    Some(())
}

/// "Lama menunggu: …" and the sources, the end of every cause.
fn wait_and_sources(
    doc: &Document,
    parent: &Element,
    c: &crate::diagnose::CauseView,
    lang: Lang,
) -> Option<()> {
    add(
        doc,
        parent,
        "p",
        "wait",
        &format!("{} {}", text("wait", lang), c.wait),
    )?;
    sources(doc, parent, c.sources, lang)
}

/// One source list, as links with their dates.
fn sources(
    doc: &Document,
    parent: &Element,
    list: &[crate::diagnose::Source],
    lang: Lang,
) -> Option<()> {
    let details = add(doc, parent, "details", "sources", "")?;
    add(doc, &details, "summary", "", text("sources", lang))?;
    let ul = add(doc, &details, "ul", "", "")?;
    for s in list {
        let li = add(doc, &ul, "li", "", "")?;
        let a = add(doc, &li, "a", "", s.title)?;
        let _ = a.set_attribute("href", s.url);
        let _ = a.set_attribute("rel", "noopener noreferrer");
        add(doc, &li, "span", "", &format!(" ({})", s.date))?;
    }
    Some(())
}

/// The answer in one screen: the top cause in three short lines (what it is,
/// what to do, WhatsApp or a visit) and the way to step 3; the why, the full
/// steps, the documents, the other causes and the sources one tap away.
fn render(doc: &Document, out: &Element, d: &DiagnosisView, lang: Lang) -> Option<()> {
    let top = d.causes.first()?;
    let (card, title) = cause_card(doc, out, "cause top", top, "h3")?;
    title.set_class_name("title summary");
    title.set_id("diagnosis-summary");
    let _ = title.set_attribute("tabindex", "-1");
    let channel = add(doc, &card, "p", "channel", top.channel_short)?;
    let _ = channel.set_attribute("data-channel", top.channel);
    let go = add(doc, out, "a", "button primary to-act", text("to-act", lang))?;
    let _ = go.set_attribute("href", "#lapor");
    for n in &d.notices {
        let p = add(doc, out, "p", "notice", n.text)?;
        let _ = p.set_attribute("data-code", n.code);
    }

    let why = add(doc, out, "details", "why-more", "")?;
    add(doc, &why, "summary", "", text("why", lang))?;
    reasons(doc, &why, &top.reasons, lang)?;
    add(doc, &why, "p", "explain", top.explain)?;
    if top.key == "A" {
        two_servers(doc, &why, lang);
    }
    add(doc, &why, "h4", "", text("steps", lang))?;
    add_list(doc, &why, "ol", "steps", &d.steps)?;
    add(doc, &why, "h4", "", text("checklist", lang))?;
    add_list(doc, &why, "ul", "documents", &d.documents)?;
    add(doc, &why, "h4", "", text("have-ready", lang))?;
    add_list(doc, &why, "ul", "have-ready", &d.have_ready)?;
    wait_and_sources(doc, &why, top, lang)?;

    if d.causes.len() > 1 {
        let others = add(doc, out, "details", "other-causes", "")?;
        add(
            doc,
            &others,
            "summary",
            "",
            &format!("{} ({})", text("other-causes", lang), d.causes.len() - 1),
        )?;
        for c in &d.causes[1..] {
            let (card, _) = cause_card(doc, &others, "cause", c, "h4")?;
            add(doc, &card, "p", "where", c.channel_short)?;
            reasons(doc, &card, &c.reasons, lang)?;
            add(doc, &card, "p", "explain", c.explain)?;
            add(doc, &card, "h5", "", text("bring", lang))?;
            add_list(doc, &card, "ul", "", &c.documents)?;
            wait_and_sources(doc, &card, c, lang)?;
        }
    }
    let national = add(doc, out, "p", "national", d.national.text)?;
    let _ = national.set_attribute("data-call", d.national.call_centre);
    add(doc, out, "p", "disclaimer", d.disclaimer)?;
    Some(())
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

pub(super) fn svg(
    doc: &Document,
    parent: &Element,
    tag: &str,
    attrs: &[(&str, &str)],
    content: &str,
) -> Option<Element> {
    let e = doc.create_element_ns(Some(SVG_NS), tag).ok()?;
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    if !content.is_empty() {
        e.set_text_content(Some(content));
    }
    parent.append_child(&e).ok()?;
    Some(e)
}

/// Cause A in one picture: SIAK (up to date, linked to every regency office)
/// copied periodically to the Data Warehouse that institutions read; the copy
/// is where the record is missing.
fn two_servers(doc: &Document, parent: &Element, lang: Lang) -> Option<()> {
    let root = doc.create_element_ns(Some(SVG_NS), "svg").ok()?;
    for (k, v) in [
        ("viewBox", "0 0 340 150"),
        ("class", "diagram"),
        ("role", "img"),
    ] {
        let _ = root.set_attribute(k, v);
    }
    let _ = root.set_attribute("aria-label", text("diagram-title", lang));
    parent.append_child(&root).ok()?;
    svg(doc, &root, "title", &[], text("diagram-title", lang))?;
    let boxes = [
        (
            "10",
            "#eaf1fa",
            "#0b5394",
            "diagram-siak",
            "diagram-siak-sub",
        ),
        (
            "190",
            "#fff7e0",
            "#8a5a00",
            "diagram-dwh",
            "diagram-dwh-sub",
        ),
    ];
    for (x, fill, stroke, title, sub) in boxes {
        svg(
            doc,
            &root,
            "rect",
            &[
                ("x", x),
                ("y", "30"),
                ("width", "140"),
                ("height", "80"),
                ("rx", "8"),
                ("fill", fill),
                ("stroke", stroke),
                ("stroke-width", "2"),
            ],
            "",
        )?;
        let cx = (x.parse::<u32>().unwrap_or(0) + 70).to_string();
        svg(
            doc,
            &root,
            "text",
            &[
                ("x", &cx),
                ("y", "58"),
                ("text-anchor", "middle"),
                ("font-weight", "700"),
            ],
            text(title, lang),
        )?;
        // Two short lines for the subtitle, split at '|'.
        for (i, line) in text(sub, lang).split('|').enumerate() {
            let y = (78 + 14 * i).to_string();
            svg(
                doc,
                &root,
                "text",
                &[
                    ("x", &cx),
                    ("y", &y),
                    ("text-anchor", "middle"),
                    ("class", "sub"),
                ],
                line,
            )?;
        }
    }
    // The periodic copy, dashed, with a gap where a failed refresh leaves records out.
    svg(
        doc,
        &root,
        "path",
        &[
            ("d", "M146 70h18m16 0h14"),
            ("stroke", "#1b1b1b"),
            ("stroke-width", "2.5"),
            ("stroke-dasharray", "6 4"),
            ("fill", "none"),
        ],
        "",
    )?;
    svg(
        doc,
        &root,
        "path",
        &[
            ("d", "M186 64l8 6-8 6"),
            ("stroke", "#1b1b1b"),
            ("stroke-width", "2.5"),
            ("fill", "none"),
        ],
        "",
    )?;
    svg(
        doc,
        &root,
        "text",
        &[
            ("x", "170"),
            ("y", "130"),
            ("text-anchor", "middle"),
            ("class", "sub"),
        ],
        text("diagram-sync", lang),
    )?;
    svg(
        doc,
        &root,
        "text",
        &[
            ("x", "172"),
            ("y", "77"),
            ("text-anchor", "middle"),
            ("fill", "#a4161a"),
            ("font-weight", "700"),
            ("font-size", "20"),
        ],
        "\u{2715}",
    )?;
    Some(())
}
