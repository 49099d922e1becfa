//! The "Lapor" step: choosing the office, the WhatsApp report (shown, editable,
//! linked), copy and share, the printable visit slip, and "clear everything".

use super::diagnose::add_list;
use super::{text, today, App};
use crate::act::{build_report, wa_link, Citizen, Report};
use crate::diagnose::{diagnose_with, Answers};
use crate::offices;
use crate::regions;
use crate::web::dom::{add, by_id, checked, set_text, set_value, show, value};
use crate::Lang;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, HtmlInputElement};

/// The checkbox `id` is ticked.
fn ticked(doc: &Document, id: &str) -> bool {
    by_id(doc, id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

impl App {
    /// The regencies/cities matching what is typed in the office search, as buttons.
    pub(super) fn render_office_results(&self) {
        let doc = &self.doc;
        let Some(out) = by_id(doc, "office-results") else {
            return;
        };
        out.set_text_content(None);
        let query = value(doc, "office-search");
        if query.trim().is_empty() {
            // Nothing typed and nothing chosen: the regencies her numbers
            // name, one tap each (the KK's first: where the KK was issued).
            if self.office.is_none() {
                for (code, from) in self.candidates() {
                    self.result_button(&out, code, Some(text(from, self.lang)));
                }
            }
            return;
        }
        let hits = offices::search(&query, 6);
        if hits.is_empty() {
            add(
                doc,
                &out,
                "p",
                "hint",
                text("office-results-none", self.lang),
            );
            return;
        }
        for code in hits {
            self.result_button(&out, code, None);
        }
    }

    /// One regency/city as a button (`data-code`), with its province and,
    /// for a suggestion, which number named it.
    fn result_button(&self, out: &web_sys::Element, code: u32, from: Option<&str>) {
        let doc = &self.doc;
        let Some(r) = regions::regency(code) else {
            return;
        };
        let Some(b) = add(doc, out, "button", "result", "") else {
            return;
        };
        let _ = b.set_attribute("type", "button");
        let _ = b.set_attribute("data-code", &code.to_string());
        add(doc, &b, "span", "", r.name);
        let province = regions::province(code / 100).map_or("", |p| p.name);
        let small = match from {
            Some(f) => format!("{province} \u{b7} {f}"),
            None => province.to_string(),
        };
        add(doc, &b, "small", "", &small);
    }

    /// Today's regencies of the KK's and the NIK's region codes, each once.
    fn candidates(&self) -> Vec<(u32, &'static str)> {
        let mut out: Vec<(u32, &'static str)> = Vec::new();
        for (code, from) in [
            (self.handoff.kk_regency, "office-choice-kk"),
            (self.handoff.regency, "office-choice-nik"),
        ] {
            if let Some(c) = code.and_then(offices::current_regency_for) {
                if out.iter().all(|(o, _)| *o != c) {
                    out.push((c, from));
                }
            }
        }
        out
    }

    /// The citizen picked the regency/city of her KK address.
    pub(super) fn choose_office(&mut self, code: u32) {
        self.office = Some(code);
        self.office_picked = true;
        set_value(&self.doc, "office-search", "");
        self.render_office_results();
        self.render_report();
        if let Some(e) = by_id(&self.doc, "office-contact")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            e.scroll_into_view();
        }
    }

    /// Pre-selects the office until the citizen picks one: the KK's regency
    /// when a KK is given (where it was issued), else the NIK's (or the
    /// deployer's default). The page asks instead, with both as one-tap
    /// choices, when she moved or has a new KK, or when the NIK and the KK
    /// name different regencies.
    pub(super) fn preselect_office(&mut self) {
        if self.office_picked {
            return;
        }
        self.office_from_kk = false;
        let kk = self
            .handoff
            .kk_regency
            .and_then(offices::current_regency_for);
        let nik = self.handoff.regency.and_then(offices::current_regency_for);
        let differ = matches!((kk, nik), (Some(k), Some(n)) if k != n);
        if self.address_changed() || differ {
            self.office = None;
        } else if let Some(k) = kk {
            self.office = Some(k);
            self.office_from_kk = true;
        } else {
            self.office = nik.or(self.config.default_regency);
        }
        self.render_office_results();
    }

    /// "Pindah" or "KK baru" is ticked: the numbers may no longer say where the KK is.
    fn address_changed(&self) -> bool {
        checked(&self.doc, "event")
            .iter()
            .any(|e| e == "moved" || e == "new_kk")
    }

    /// The office's regency is hers: chosen, confirmed, or from her Nomor KK.
    fn office_confirmed(&self) -> bool {
        self.office_picked || self.office_from_kk
    }

    fn answers_and_citizen(&self) -> (Answers, Citizen) {
        let doc = &self.doc;
        let answers = self.answers();
        let citizen = Citizen {
            name: value(doc, "c-name"),
            village: value(doc, "c-village"),
            district: value(doc, "c-district"),
            phone: value(doc, "c-phone"),
            tried: value(doc, "c-tried"),
            screenshot: ticked(doc, "c-screenshot"),
            // Only a regency she gave is named in the report.
            regency: self.office.filter(|_| self.office_confirmed()),
        };
        (answers, citizen)
    }

    /// The chosen office, with the WhatsApp number the citizen typed (if valid)
    /// in place of an unknown one; and the problem with that number, if any.
    fn office(&self) -> (offices::Office, Option<String>) {
        let mut office = self
            .office
            .and_then(|c| self.config.office(c))
            .unwrap_or_else(|| offices::Office {
                name: "Dinas Kependudukan dan Pencatatan Sipil".into(),
                ..offices::Office::default()
            });
        let typed = value(&self.doc, "office-wa");
        match crate::phone::normalize_office(&typed) {
            Ok(n) => {
                office.whatsapp = Some(n);
                office.source = Some(text("office-typed", self.lang).to_string());
                office.checked = None;
            }
            Err(crate::phone::PhoneProblem::Empty) => {}
            Err(p) => return (office, Some(p.message(self.lang))),
        }
        (office, None)
    }

    /// Rebuilds the report: the message for the primary recipient (unless the
    /// citizen edited it), the links, the slip.
    pub(super) fn render_report(&mut self) {
        let doc = self.doc.clone();
        let (answers, citizen) = self.answers_and_citizen();
        // Landing on "Lapor" with nothing typed: say what is missing, not a report of blanks.
        let missing = [&answers.nik, &answers.kk]
            .iter()
            .all(|v| !v.as_deref().is_some_and(|s| !s.trim().is_empty()));
        for (id, show) in [("act-missing", missing), ("report-area", !missing)] {
            if let Some(e) = by_id(&doc, id) {
                if show {
                    let _ = e.remove_attribute("hidden");
                } else {
                    let _ = e.set_attribute("hidden", "");
                }
            }
        }
        // The report goes to the office: always in Bahasa Indonesia.
        let diagnosis = diagnose_with(&answers, &self.handoff.facts, Lang::Id);
        let (office, number_problem) = self.office();
        let report = build_report(&answers, &diagnosis, &citizen, &office, today());

        // Step 3 follows the door of the top cause: the institution's staff,
        // or Dukcapil (its office's WhatsApp, else Halo Dukcapil in its format).
        let institution = !report.institution_text.is_empty();
        let national = office.whatsapp.is_none();
        let route = match (institution, national) {
            (true, _) => "institution",
            (false, true) => "national",
            (false, false) => "office",
        };
        if route != self.route {
            self.route = route;
            self.message_edited = false;
        }
        let halo = crate::phone::normalize(crate::diagnose::HALO_DUKCAPIL_WHATSAPP).ok();
        // What Dukcapil gets, on this route or as the other door.
        let (dukcapil_text, dukcapil_number) = if national {
            (&report.national_text, halo.as_deref())
        } else {
            (&report.text, office.whatsapp.as_deref())
        };
        let (primary_text, number) = if institution {
            // No institution's number is known: she picks its official contact.
            (&report.institution_text, None)
        } else {
            (dukcapil_text, dukcapil_number)
        };
        // Where to reach the institution, in the page's language, when the
        // knowledge base's sources say (BPJS Kesehatan: Mobile JKN, PANDAWA, 165).
        let contact = answers
            .service
            .as_deref()
            .and_then(|k| crate::diagnose::SERVICES.iter().find(|s| s.key == k))
            .and_then(|s| s.contact.as_ref())
            .filter(|_| institution)
            .map(|c| c.get(self.lang));
        self.render_door(&report.door, contact);
        if !self.message_edited {
            set_value(&doc, "wa-text", primary_text);
        }
        let shown = value(&doc, "wa-text");
        let href = wa_link(number, &shown);
        if let Some(a) = by_id(&doc, "wa-ask-skip") {
            let _ = a.set_attribute("href", &href);
        }
        if let Some(a) = by_id(&doc, "wa-ask").filter(|_| {
            !value(&doc, "c-name").trim().is_empty() && !value(&doc, "c-phone").trim().is_empty()
        }) {
            show(&a, false);
        }
        if let Some(a) = by_id(&doc, "wa-link") {
            let _ = a.set_attribute("href", &href);
            // The number in one piece on a narrow screen (a line never
            // breaks at one of its hyphens); one inline box, as the button
            // is a flex box.
            a.set_text_content(None);
            match (route, number) {
                ("institution", _) => {
                    add(&doc, &a, "span", "", text("wa-send-institution", self.lang));
                }
                (_, n) => {
                    let (label, shown_number) = match (national, n) {
                        (false, Some(n)) => {
                            (text("wa-send-office", self.lang), crate::phone::display(n))
                        }
                        _ => (
                            text("wa-send-national", self.lang),
                            crate::diagnose::HALO_DUKCAPIL_WHATSAPP.to_string(),
                        ),
                    };
                    if let Some(inner) = add(&doc, &a, "span", "", &format!("{label} ")) {
                        add(&doc, &inner, "span", "nowrap", &format!("({shown_number})"));
                    }
                }
            }
        }
        set_text(
            &doc,
            "wa-to",
            if route == "national" {
                text("wa-to-national", self.lang)
            } else {
                ""
            },
        );
        // The other door stays one tap away: without an office number, the
        // office's report to a contact she picks; at the institution, Dukcapil.
        if let Some(other) = by_id(&doc, "other-route") {
            show(&other, route != "office");
        }
        let (other_href, other_text, other_label) = if institution {
            (
                wa_link(dukcapil_number, dukcapil_text),
                dukcapil_text.as_str(),
                "wa-other-dukcapil",
            )
        } else {
            (report.link.clone(), report.text.as_str(), "wa-other")
        };
        if let Some(a) = by_id(&doc, "wa-other") {
            let _ = a.set_attribute("href", &other_href);
            a.set_text_content(Some(text(other_label, self.lang)));
        }
        set_text(&doc, "wa-other-text", other_text);
        let count = shown.chars().count();
        let count_text = match self.lang {
            Lang::Id => format!("{count} karakter"),
            Lang::En => format!("{count} characters"),
        };
        set_text(&doc, "wa-count", &count_text);
        set_text(
            &doc,
            "phone-problem",
            report.phone_problem.as_deref().unwrap_or(""),
        );
        set_text(
            &doc,
            "office-wa-problem",
            number_problem.as_deref().unwrap_or(""),
        );
        self.render_office_contact(&office);
        render_slip(&doc, &report, &office, self.lang);
        self.save_session();
    }

    /// The title, a line on where the cause is fixed, and what comes first:
    /// the slip for a visit (or the kelurahan), the message otherwise.
    fn render_door(&self, door: &str, contact: Option<&str>) {
        let doc = &self.doc;
        let (title, line) = match door {
            "institution" => ("act-title-institution", Some("door-institution")),
            "kelurahan" => ("act-title-kelurahan", Some("door-kelurahan")),
            "visit" => ("act-title", Some("door-visit")),
            "mixed" => ("act-title", Some("door-mixed")),
            _ => ("act-title", None),
        };
        set_text(doc, "act-title", text(title, self.lang));
        if let Some(d) = by_id(doc, "door") {
            show(&d, line.is_some());
        }
        set_text(doc, "door-text", line.map_or("", |l| text(l, self.lang)));
        let contact = contact.map(|c| format!("{}{c}", text("door-contact", self.lang)));
        set_text(doc, "door-contact", contact.as_deref().unwrap_or(""));
        if let Some(c) = by_id(doc, "door-contact") {
            show(&c, contact.is_some());
        }
        // At the institution, Dukcapil's office is not the door: its choice
        // stays behind "Atau lapor ke Dukcapil".
        for id in ["office-contact", "office-more"] {
            if let Some(e) = by_id(doc, id) {
                show(&e, door != "institution");
            }
        }
        let slip_first = matches!(door, "visit" | "mixed" | "kelurahan");
        if let (Some(area), Some(wa), Some(slip)) = (
            by_id(doc, "report-area"),
            by_id(doc, "wa-part"),
            by_id(doc, "slip-part"),
        ) {
            let (first, second) = if slip_first {
                (&slip, &wa)
            } else {
                (&wa, &slip)
            };
            if first.next_element_sibling().as_ref() != Some(second) {
                let _ = area.insert_before(first, Some(second));
            }
        }
        if let Some(a) = by_id(doc, "wa-link") {
            a.set_class_name(if slip_first {
                "button secondary"
            } else {
                "button primary"
            });
        }
    }

    /// Shows the slip over the page (to show at the counter, or save as PDF
    /// from the print menu), or closes it.
    pub(super) fn show_slip(&self, on: bool) {
        let Some(slip) = by_id(&self.doc, "slip") else {
            return;
        };
        let _ = slip.set_attribute("aria-hidden", if on { "false" } else { "true" });
        slip.set_class_name(if on { "on-screen" } else { "" });
        let target = if on {
            slip.query_selector(".slip-close").ok().flatten()
        } else {
            by_id(&self.doc, "show-slip")
        };
        if let Some(t) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = t.focus();
        }
    }

    /// The send button was tapped: with her name or phone empty, say so and
    /// keep WhatsApp closed (true); "Kirim tanpa itu" beside it sends anyway.
    pub(super) fn ask_before_sending(&self) -> bool {
        let doc = &self.doc;
        let name = value(doc, "c-name").trim().is_empty();
        let phone = value(doc, "c-phone").trim().is_empty();
        let key = match (name, phone) {
            (false, false) => {
                if let Some(a) = by_id(doc, "wa-ask") {
                    show(&a, false);
                }
                return false;
            }
            (true, true) => "wa-ask-both",
            (true, false) => "wa-ask-name",
            (false, true) => "wa-ask-phone",
        };
        set_text(doc, "wa-ask-text", text(key, self.lang));
        if let Some(a) = by_id(doc, "wa-ask") {
            show(&a, true);
            if let Ok(h) = a.dyn_into::<web_sys::HtmlElement>() {
                h.scroll_into_view();
            }
        }
        true
    }

    /// "Isi sekarang": to the first empty field of the two.
    pub(super) fn fill_missing(&self) {
        let doc = &self.doc;
        if let Some(a) = by_id(doc, "wa-ask") {
            show(&a, false);
        }
        let id = if value(doc, "c-name").trim().is_empty() {
            "c-name"
        } else {
            "c-phone"
        };
        if let Some(f) = by_id(doc, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            f.scroll_into_view();
            let _ = f.focus();
        }
    }

    fn render_office_contact(&self, office: &offices::Office) {
        let doc = &self.doc;
        let Some(out) = by_id(doc, "office-contact") else {
            return;
        };
        out.set_text_content(None);
        let _ = out.set_attribute(
            "data-regency",
            &self.office.map_or(String::new(), |c| c.to_string()),
        );
        if let Some(pick) = by_id(doc, "office-pick") {
            // Asked first when nothing is chosen (after a move): the NIK's region is not the KK's.
            pick.set_class_name(if self.office.is_none() { "ask" } else { "" });
        }
        // Opened for the citizen while no office is chosen; closed again by
        // the page only if the page opened it.
        if let Some(more) = by_id(doc, "office-more") {
            if self.office.is_none() {
                let _ = more.set_attribute("open", "");
                let _ = more.set_attribute("data-auto", "");
            } else if more.has_attribute("data-auto") {
                let _ = more.remove_attribute("open");
                let _ = more.remove_attribute("data-auto");
            }
        }
        let Some(_) = self.office else {
            add(doc, &out, "strong", "", text("office-none", self.lang));
            return;
        };
        add(doc, &out, "strong", "", &office.name);
        if self.office_from_kk && !self.office_picked {
            add(doc, &out, "span", "hint", text("office-from-kk", self.lang));
        } else if !self.office_picked {
            add(
                doc,
                &out,
                "span",
                "hint",
                text("office-from-nik", self.lang),
            );
            // One tap to confirm: until then the report names no regency.
            if let (Some(code), Some(b)) = (self.office, add(doc, &out, "button", "confirm", "")) {
                let _ = b.set_attribute("type", "button");
                let _ = b.set_attribute("data-code", &code.to_string());
                b.set_text_content(Some(text("office-confirm", self.lang)));
            }
        }
        match &office.whatsapp {
            Some(n) => {
                add(
                    doc,
                    &out,
                    "span",
                    "wa-known",
                    &format!("WhatsApp: {}", crate::phone::display(n)),
                );
            }
            None => {
                add(
                    doc,
                    &out,
                    "span",
                    "wa-unknown",
                    text("wa-unknown", self.lang),
                );
            }
        }
        for (label, v) in [
            ("phone", &office.phone),
            ("address", &office.address),
            ("hours", &office.hours),
        ] {
            if let Some(v) = v {
                add(doc, &out, "span", label, v);
            }
        }
        match (&office.source, &office.checked) {
            (Some(src), Some(date)) => {
                add(
                    doc,
                    &out,
                    "span",
                    "source",
                    &format!("{} {src} ({date})", text("office-source", self.lang)),
                );
            }
            (Some(src), None) => {
                add(doc, &out, "span", "source", src);
            }
            _ => {}
        }
    }

    pub(super) fn copy_message(&self) {
        let ok = write_clipboard(&value(&self.doc, "wa-text"));
        set_text(
            &self.doc,
            "act-status",
            text(if ok { "copied" } else { "copy-failed" }, self.lang),
        );
    }

    pub(super) fn share_message(&self) {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &data,
            &"text".into(),
            &JsValue::from_str(&value(&self.doc, "wa-text")),
        );
        if !share_sheet(&data) {
            set_text(&self.doc, "act-status", text("share-missing", self.lang));
        }
    }

    /// "Bagikan alamat situs ini" (issue 21): the page's address without its
    /// fragment or query, so no step and no answer goes with it, through the
    /// phone's share sheet, else copied (or shown, to copy by hand).
    pub(super) fn share_site(&self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let loc = window.location();
        let url = format!(
            "{}{}",
            loc.origin().unwrap_or_default(),
            loc.pathname().unwrap_or_default()
        );
        let data = js_sys::Object::new();
        for (k, v) in [
            ("title", "Klinik NIK"),
            ("text", text("share-site-text", self.lang)),
            ("url", url.as_str()),
        ] {
            let _ = js_sys::Reflect::set(&data, &k.into(), &JsValue::from_str(v));
        }
        if share_sheet(&data) {
            return;
        }
        let key = if write_clipboard(&url) {
            "share-site-copied"
        } else {
            "share-site-copy"
        };
        set_text(
            &self.doc,
            "share-site-status",
            &format!("{} {url}", text(key, self.lang)),
        );
    }

    /// "Hapus semua data": steps 2 and 3's fields, answers and results
    /// (step 1 empties its own on the same tap, and goes back to it).
    pub(super) fn clear_everything(&mut self) {
        let doc = self.doc.clone();
        for id in ["diagnosis", "slip"] {
            if let Some(e) = by_id(&doc, id) {
                e.set_text_content(None);
            }
        }
        if let Ok(Some(next)) = doc.query_selector("#diagnose .nav-buttons .next") {
            show(&next, true);
        }
        self.diagnosed = false;
        self.message_edited = false;
        self.office_picked = false;
        self.office = None;
        super::KEEP.clear(&doc);
        self.render_questions();
        self.render_office_results();
        self.preselect_office();
        self.render_report();
        self.save_session();
        set_text(&doc, "act-status", "");
    }

    pub(super) fn set_config(&mut self, json: &str) {
        let doc = self.doc.clone();
        let out = by_id(&doc, "config-error");
        if let Some(o) = &out {
            o.set_text_content(None);
        }
        let state = |s: &str| {
            if let Some(b) = doc.body() {
                let _ = b.set_attribute("data-config", s);
            }
        };
        if json.trim().is_empty() {
            state("none");
            return;
        }
        match offices::parse_config_with(json, browser_json) {
            Ok(c) => {
                set_text(
                    &doc,
                    "deployer",
                    &offices::operator_line(c.deployer.as_deref(), self.lang),
                );
                self.config = c;
                state("ok");
            }
            Err(problems) => {
                state("error");
                let Some(o) = out else { return };
                add(&doc, &o, "strong", "", text("config-bad", self.lang));
                let Some(ul) = add(&doc, &o, "ul", "", "") else {
                    return;
                };
                for p in &problems {
                    add(&doc, &ul, "li", "", &p.message(self.lang));
                }
            }
        }
        self.preselect_office();
        self.render_report();
    }
}

/// One QR code holding exactly `digits` (16 digits and nothing else, so a
/// scanner, where an office has one, reads just the number), with the label
/// and the digits printed under it.
fn slip_qr(doc: &Document, parent: &web_sys::Element, label: &str, digits: &str) -> Option<()> {
    let q = crate::qr::svg_path(digits)?;
    let fig = add(doc, parent, "figure", "slip-code", "")?;
    let size = q.size.to_string();
    let view_box = format!("0 0 {size} {size}");
    let aria = format!("QR {label}");
    let attrs = [
        ("viewBox", view_box.as_str()),
        ("class", "slip-qr"),
        ("role", "img"),
        ("aria-label", aria.as_str()),
    ];
    let svg = super::diagnose::svg(doc, &fig, "svg", &attrs, "")?;
    super::diagnose::svg(
        doc,
        &svg,
        "rect",
        &[("width", &size), ("height", &size), ("fill", "#fff")],
        "",
    )?;
    super::diagnose::svg(doc, &svg, "path", &[("d", &q.path), ("fill", "#000")], "")?;
    let cap = add(doc, &fig, "figcaption", "", "")?;
    add(doc, &cap, "strong", "", label)?;
    add(doc, &cap, "span", "", digits)?;
    Some(())
}

/// The visit slip: everything an office clerk needs on one page, printed or
/// shown on the phone ("Tampilkan slip").
fn render_slip(doc: &Document, r: &Report, office: &offices::Office, lang: Lang) -> Option<()> {
    let slip = by_id(doc, "slip")?;
    slip.set_text_content(None);
    let close = add(doc, &slip, "button", "slip-close", text("slip-close", lang))?;
    let _ = close.set_attribute("type", "button");
    let head = add(doc, &slip, "div", "slip-head", "")?;
    let left = add(doc, &head, "div", "", "")?;
    add(
        doc,
        &left,
        "p",
        "slip-kind",
        "Slip kunjungan \u{2014} laporan NIK bermasalah",
    )?;
    // Addressed where the top cause is fixed: the Dukcapil office, the
    // institution that refused, or the kelurahan.
    add(doc, &left, "h1", "", &r.slip_to)?;
    if r.slip_to == r.office {
        for v in [&office.address, &office.hours].into_iter().flatten() {
            add(doc, &left, "p", "", v)?;
        }
    } else if !r.institution_contact.is_empty() {
        add(doc, &left, "p", "", &r.institution_contact)?;
    }
    let meta = add(doc, &left, "p", "slip-meta", "")?;
    add(doc, &meta, "span", "", &format!("Tanggal: {}", r.date))?;
    add(
        doc,
        &meta,
        "strong",
        "",
        &format!("No. laporan: {}", r.reference),
    )?;
    // One code per number, each exactly its 16 digits.
    let codes = add(doc, &head, "div", "slip-codes", "")?;
    for (label, digits) in [("NIK", &r.nik), ("Nomor KK", &r.kk)] {
        if digits.len() == 16 {
            slip_qr(doc, &codes, label, digits)?;
        }
    }
    let dl = add(doc, &slip, "dl", "slip-data", "")?;
    let (nik, kk) = (
        crate::view::group4(&r.nik, ' '),
        crate::view::group4(&r.kk, ' '),
    );
    let rows: [(&str, &str); 13] = [
        ("Nama", &r.name),
        ("NIK", &nik),
        ("Nomor KK", &kk),
        ("Alamat KK", &r.address),
        ("No. HP", &r.phone),
        ("Layanan", &r.service),
        ("Jenis penolakan", &r.refusal),
        ("Bunyi pesan", &r.message),
        ("Sejak", &r.since),
        ("Yang berubah", &r.changes),
        ("Yang sudah dilakukan", &r.tried),
        ("Dugaan penyebab", &r.cause),
        ("Permohonan", &r.request),
    ];
    // Only what she gave: no row of dashes for the officer to puzzle over.
    for (k, v) in rows.into_iter().filter(|(_, v)| !v.is_empty()) {
        add(doc, &dl, "dt", "", k)?;
        add(doc, &dl, "dd", "", v)?;
    }
    // Steps for the counter: the WhatsApp ones are for the phone.
    let steps: Vec<String> = r
        .steps
        .iter()
        .filter(|s| !s.contains("ke WhatsApp Dukcapil") && !s.contains("Dukcapil lewat WhatsApp"))
        .take(6)
        .cloned()
        .collect();
    if !steps.is_empty() {
        add(doc, &slip, "h2", "", "Langkah")?;
        add_list(doc, &slip, "ol", "", &steps)?;
    }
    add(doc, &slip, "h2", "", "Dokumen yang perlu dibawa (centang)")?;
    add_list(doc, &slip, "ul", "slip-check", &r.documents)?;
    let notes = add(doc, &slip, "div", "slip-notes", "")?;
    add(doc, &notes, "h2", "", "Catatan petugas")?;
    for _ in 0..3 {
        add(doc, &notes, "div", "slip-line", "")?;
    }
    // The fee rule is adminduk's: not said on a slip for the institution.
    let adminduk = r.door != "institution";
    add(
        doc,
        &slip,
        "p",
        "slip-foot",
        if adminduk {
            "Dibuat di ponsel warga dengan Klinik NIK. Dugaan penyebab belum pasti: hanya Dukcapil yang dapat memastikan status NIK. Layanan administrasi kependudukan tidak dipungut biaya (UU 23/2006 jo. UU 24/2013 Pasal 79A)."
        } else {
            "Dibuat di ponsel warga dengan Klinik NIK. Dugaan penyebab belum pasti: hanya Dukcapil yang dapat memastikan status NIK."
        },
    )?;
    Some(())
}

/// Parses with the browser's `JSON.parse` (the wasm carries no JSON parser)
/// and copies the result into [`offices::Json`], refusing nesting deeper than
/// any real offices.json so a hostile file cannot exhaust the stack.
fn browser_json(text: &str) -> Result<offices::Json, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default()
    })?;
    from_js(&value, 0).ok_or_else(|| "terlalu bersarang / nested too deeply".to_string())
}

fn from_js(v: &JsValue, depth: u32) -> Option<offices::Json> {
    use offices::Json;
    if depth > 16 {
        return None;
    }
    Some(if v.is_null() || v.is_undefined() {
        Json::Null
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Json::Number(n)
    } else if let Some(s) = v.as_string() {
        Json::String(s)
    } else if let Some(a) = v.dyn_ref::<js_sys::Array>() {
        let mut items = Vec::new();
        for x in a.iter() {
            items.push(from_js(&x, depth + 1)?);
        }
        Json::Array(items)
    } else {
        let mut members = Vec::new();
        for pair in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let pair: js_sys::Array = pair.unchecked_into();
            members.push((pair.get(0).as_string()?, from_js(&pair.get(1), depth + 1)?));
        }
        Json::Object(members)
    })
}

/// Writes `text` to the clipboard where the browser allows it.
fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .and_then(|c| {
            let f = js_sys::Reflect::get(&c, &"writeText".into())
                .ok()?
                .dyn_into::<js_sys::Function>()
                .ok()?;
            f.call1(&c, &JsValue::from_str(text)).ok()
        })
        .is_some()
}

/// Opens the phone's share sheet with `data` (Web Share), if it has one.
fn share_sheet(data: &js_sys::Object) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let nav = window.navigator();
    js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|share| share.call1(&nav, data).is_ok())
}
