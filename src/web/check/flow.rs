//! The three steps (Cek NIK → Apa yang terjadi? → Lapor), moved between with
//! the URL fragment (`#cek`, `#apa`, `#lapor`: never personal data), so the
//! phone's back button works and nothing typed is lost; the NIK field shown
//! in groups of four; the live KK check and the comparison with stated data.

use super::{on, on_target, text, today, with_app, App};
use crate::view::IssueView;
use crate::web::dom::{add, by_id, checked, set_text, value};
use crate::{Severity, Sex, Stated};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

/// (step name in `data-step`, URL fragment, heading id)
const STEPS: [(&str, &str, &str); 3] = [
    ("check", "#cek", "check-title"),
    ("diagnose", "#apa", "diag-title"),
    ("act", "#lapor", "act-title"),
];

pub(super) fn wire(doc: &Document, listeners: &mut Vec<EventListener>) {
    if let Some(w) = web_sys::window() {
        listeners.push(EventListener::new(&w, "hashchange", |_| {
            with_app(|app| app.show_step_from_hash(true))
        }));
    }
    // The phone's keyboard opens or closes (the visible area changes size),
    // or the NIK field gains or loses the caret.
    if let Some(vv) = web_sys::window().and_then(|w| w.visual_viewport()) {
        on_target(&vv, listeners, "resize", App::keep_verdict_in_view);
    }
    for event in ["focus", "blur"] {
        on(doc, listeners, "nik", event, App::keep_verdict_in_view);
    }
    let Ok(buttons) = doc.query_selector_all("[data-go]") else {
        return;
    };
    for i in 0..buttons.length() {
        let Some(b) = buttons.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let target = b.get_attribute("data-go").unwrap_or_default();
        let Some(&(_, hash, _)) = STEPS.iter().find(|s| s.0 == target) else {
            continue;
        };
        listeners.push(EventListener::new(&b, "click", move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(hash);
            }
        }));
    }
}

fn list_issues(doc: &Document, list: &Element, issues: &[IssueView]) {
    list.set_text_content(None);
    for i in issues {
        if let Some(li) = add(doc, list, "li", i.severity, &i.message) {
            let _ = li.set_attribute("data-code", &i.code);
        }
    }
}

impl App {
    pub(super) fn show_step_from_hash(&self, focus: bool) {
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let step = STEPS.iter().find(|s| s.1 == hash).unwrap_or(&STEPS[0]);
        let doc = &self.doc.clone();
        for (name, _, _) in STEPS {
            if let Some(section) = doc
                .query_selector(&format!("section[data-step='{name}']"))
                .ok()
                .flatten()
            {
                if name == step.0 {
                    let _ = section.remove_attribute("hidden");
                } else {
                    let _ = section.set_attribute("hidden", "");
                }
            }
            if let Some(link) = doc
                .query_selector(&format!("nav [data-step='{name}']"))
                .ok()
                .flatten()
            {
                if name == step.0 {
                    let _ = link.set_attribute("aria-current", "step");
                } else {
                    let _ = link.remove_attribute("aria-current");
                }
            }
        }
        if focus {
            if let Some(h) = by_id(doc, step.2).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = h.focus();
            }
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    }

    /// Shows the NIK or KK field's typed or pasted digits as
    /// `3511 0150 0385 0001`, keeping the caret after the same digit. Grouping
    /// only ever adds spaces: a space the citizen typed elsewhere (her own
    /// grouping, a space after a deleted digit) keeps the value as typed, and
    /// so does any other character, so the messages can point at it.
    pub(super) fn group_digits(&self, id: &str) {
        let Some(input) = by_id(&self.doc, id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let value = input.value();
        if !value.chars().all(|c| c.is_ascii_digit() || c == ' ') {
            return;
        }
        // Every typed space must sit where the grouping puts one (after 4, 8 or 12 digits).
        let mut seen = 0;
        let mut last_space = false;
        for c in value.chars() {
            if c == ' ' {
                if seen == 0 || seen % 4 != 0 || seen >= 16 || last_space {
                    return;
                }
                last_space = true;
            } else {
                seen += 1;
                last_space = false;
            }
        }
        let trailing = value.ends_with(' ');
        let digits: String = value.chars().filter(char::is_ascii_digit).collect();
        if digits.len() > 16 {
            return;
        }
        let mut grouped = crate::view::group4(&digits, ' ');
        if trailing {
            grouped.push(' ');
        }
        if grouped == value {
            return;
        }
        let caret = input
            .selection_start()
            .ok()
            .flatten()
            .unwrap_or(value.len() as u32) as usize;
        let before = value
            .chars()
            .take(caret)
            .filter(char::is_ascii_digit)
            .count();
        input.set_value(&grouped);
        let pos = if before == 0 {
            0
        } else {
            before + (before - 1) / 4
        };
        let _ = input.set_selection_range(pos as u32, pos as u32);
    }

    /// "Lanjut" from step 1: goes on with a well-formed NIK; otherwise says
    /// what is missing, puts the caret in the field and offers to go on anyway.
    pub(super) fn next_from_check(&mut self) {
        let doc = self.doc.clone();
        let nik = value(&doc, "nik");
        let problem = if nik.trim().is_empty() {
            Some("next-missing")
        } else if !crate::check_nik(&nik, today()).is_valid() {
            Some("next-invalid")
        } else {
            None
        };
        set_text(
            &doc,
            "next-problem",
            problem.map_or("", |k| text(k, self.lang)),
        );
        if let Some(skip) = by_id(&doc, "skip-nik") {
            if problem.is_some() {
                let _ = skip.remove_attribute("hidden");
            } else {
                let _ = skip.set_attribute("hidden", "");
            }
        }
        match problem {
            // The explanation and "Lanjut tanpa NIK" in the middle of the
            // screen, the keyboard left closed so nothing covers them; a tap
            // on the field brings the caret back.
            Some(_) => {
                if let Some(p) = by_id(&doc, "next-problem") {
                    let o = web_sys::ScrollIntoViewOptions::new();
                    o.set_block(web_sys::ScrollLogicalPosition::Center);
                    p.scroll_into_view_with_scroll_into_view_options(&o);
                }
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_hash("#apa");
                }
            }
        }
    }

    /// With the phone's keyboard open over half the page (about 450 px left
    /// visible on a 740 px phone), the verdict under the NIK would sit below
    /// the keyboard while she types. While the NIK field has the caret and
    /// less than 600 px is visible, the step bar stops sticking to the top
    /// (`body[data-keyboard]`) and the field's label goes to the top: field,
    /// digit boxes, verdict and the first message then fit above the
    /// keyboard. (Browsers without `visualViewport` keep their own scrolling.)
    pub(super) fn keep_verdict_in_view(&mut self) {
        let visible = web_sys::window()
            .and_then(|w| w.visual_viewport())
            .map_or(0.0, |v| v.height());
        let typing = self.doc.active_element().is_some_and(|e| e.id() == "nik");
        let short = typing && visible > 0.0 && visible < 600.0;
        let Some(body) = self.doc.body() else {
            return;
        };
        if !short {
            let _ = body.remove_attribute("data-keyboard");
        } else if !body.has_attribute("data-keyboard") {
            // Once as the keyboard opens, so she can still scroll to read on.
            let _ = body.set_attribute("data-keyboard", "");
            if let Some(label) = by_id(&self.doc, "nik-label") {
                label.scroll_into_view_with_bool(true);
            }
        }
    }

    /// Once the NIK is well-formed, "Lanjut"'s complaint and its way around it go away.
    pub(super) fn clear_next_problem(&self) {
        let nik = value(&self.doc, "nik");
        if crate::check_nik(&nik, today()).is_valid() {
            set_text(&self.doc, "next-problem", "");
            if let Some(skip) = by_id(&self.doc, "skip-nik") {
                let _ = skip.set_attribute("hidden", "");
            }
        }
    }

    /// "Ganti huruf O dengan angka 0": each letter O the check found where a
    /// digit belongs becomes a zero (an O in a pasted label stays).
    pub(super) fn fix_letter_o(&mut self) {
        let doc = self.doc.clone();
        let typed = value(&doc, "nik");
        let at = super::letter_o_positions(&crate::check_nik(&typed, today()));
        let fixed: String = typed
            .chars()
            .enumerate()
            .map(|(i, c)| if at.contains(&i) { '0' } else { c })
            .collect();
        if let Some(i) = by_id(&doc, "nik").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
            i.set_value(&fixed);
        }
        self.group_digits("nik");
        self.render();
        self.announce();
        if let Some(i) = by_id(&doc, "nik").and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = i.focus();
        }
    }

    /// The hint "Ini mungkin Nomor KK?": moves the number to the KK field.
    pub(super) fn move_to_kk(&mut self) {
        let doc = self.doc.clone();
        let nik = value(&doc, "nik");
        for (id, v) in [("kk", nik.as_str()), ("nik", "")] {
            if let Some(i) = by_id(&doc, id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
                i.set_value(v);
            }
        }
        self.group_digits("kk");
        self.render();
        self.render_kk();
        self.announce();
        if let Some(i) = by_id(&doc, "nik").and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            let _ = i.focus();
        }
    }

    pub(super) fn render_kk(&self) {
        let doc = &self.doc;
        let Some(list) = by_id(doc, "kk-messages") else {
            return;
        };
        let kk = value(doc, "kk");
        if kk.trim().is_empty() {
            list.set_text_content(None);
            return;
        }
        let t = today();
        let report = crate::check_kk(&kk, t);
        let mut issues: Vec<IssueView> = report
            .issues
            .iter()
            .filter(|i| {
                i.severity != Severity::Note
                    || matches!(
                        i.rule,
                        crate::Rule::RegionOldEdition | crate::Rule::DistrictUnknown
                    )
            })
            .map(|i| IssueView::new(i, self.lang))
            .collect();
        let nik = crate::check_nik(&value(doc, "nik"), t);
        issues.extend(
            crate::check_pair(&nik, &report)
                .iter()
                .map(|i| IssueView::new(i, self.lang)),
        );
        list_issues(doc, &list, &issues);
    }

    pub(super) fn render_stated(&self) {
        let doc = &self.doc;
        let Some(list) = by_id(doc, "stated-messages") else {
            return;
        };
        let birth = value(doc, "s-birth");
        let sex = checked(doc, "s-sex").pop().unwrap_or_default();
        let stated = Stated {
            birth_date: crate::date::Date::parse_iso(&birth),
            sex: Sex::parse(&sex),
            regency: None,
        };
        let nik = crate::check_nik(&value(doc, "nik"), today());
        if stated == Stated::default() || nik.decoded.date.is_none() {
            list.set_text_content(None);
            return;
        }
        let issues: Vec<IssueView> = crate::compare(&nik, &stated)
            .iter()
            .map(|i| IssueView::new(i, self.lang))
            .collect();
        list_issues(doc, &list, &issues);
        if issues.is_empty() {
            add(doc, &list, "li", "ok", text("stated-ok", self.lang));
        }
    }
}
