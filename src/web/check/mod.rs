//! Step 1 of the citizens' page (feature `page`, `pkg/klinik_nik.js`): the
//! NIK and KK checks drawn digit by digit, the comparison with stated data,
//! the step navigation, the language switch and "Hapus semua data" for its
//! own fields. Everything here is what a first visit needs before a typed
//! NIK is explained; steps 2 and 3 are the `app` module (`super::app`).

mod districts;
mod flow;
mod session;

pub use districts::set_districts;

use super::dom::{by_id, set_text, STEP1_EVENT};
use crate::view::ReportView;
use crate::{Lang, Severity};
use gloo_events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement};

use crate::browser::today;
/// Texts of the page, in one place. Elements carry `data-t="key"`.
fn text(key: &str, lang: Lang) -> &'static str {
    use Lang::{En, Id};
    match (key, lang) {
        ("desk-link", Id) => "Untuk petugas dan pendamping: cek banyak NIK sekaligus",
        ("desk-link", En) => "For officers and volunteers: check many NIKs at once",
        ("tagline", Id) => "Cek NIK Anda: kami jelaskan setiap angka dan apa yang mungkin salah. Semua berjalan di ponsel Anda; tidak ada data yang dikirim.",
        ("tagline", En) => "Check your NIK: we explain every digit and what may be wrong. Everything runs on your phone; no data is sent.",
        ("nik-label", Id) => "NIK (16 angka di KTP-el)",
        ("nik-label", En) => "NIK (the 16 digits on the KTP-el)",
        ("seg-prov", Id) => "Provinsi",
        ("seg-prov", En) => "Province",
        ("seg-reg", Id) => "Kab/Kota",
        // A zero-width space after the slash: at 360 px the box breaks there, not inside "City".
        ("seg-reg", En) => "Regency/\u{200b}City",
        ("seg-dist", Id) => "Kecamatan",
        ("seg-dist", En) => "District",
        ("seg-date", Id) => "Tgl lahir",
        ("seg-date", En) => "Birth date",
        ("seg-serial", Id) => "No. urut",
        ("seg-serial", En) => "Serial",
        ("lang", Id) => "English",
        ("lang", En) => "Bahasa Indonesia",
        ("privacy", Id) => "Mengapa aman? NIK Anda tidak dikirim ke mana pun dan hanya disimpan sementara di tab ini; pastikan alamat di bilah browser adalah situs yang Anda kenal. Jangan unggah foto KTP-el atau KK ke media sosial.",
        ("privacy", En) => "Why is it safe? Your NIK is not sent anywhere and is kept only for a while in this tab; make sure the address in the browser's bar is the site you know. Never post photos of your KTP-el or KK on social media.",
        ("credit", Id) => "Data kode wilayah: idn-area-data (Fityan Ali Nugroho dkk.), lisensi ODbL 1.0, dan data kode sebelum 2022 dari paket iniknumber dan nik-parser.",
        ("credit", En) => "Region-code data: idn-area-data (Fityan Ali Nugroho et al.), ODbL 1.0 licence, and pre-2022 codes from the iniknumber and nik-parser packages.",
        ("valid", Id) => "Format NIK benar.",
        ("valid", En) => "The NIK is well-formed.",
        ("invalid", Id) => "Ada yang perlu diperiksa:",
        ("invalid", En) => "Something needs checking:",
        ("disclaimer", Id) => "Salah ketik satu angka tidak selalu terlihat, jadi format yang benar bukan bukti NIK terdaftar atau aktif. Hanya Dukcapil yang dapat memastikan status NIK.",
        ("disclaimer", En) => "A NIK has no check digit, so a correct format does not prove the NIK is registered or active. Only Dukcapil can confirm a NIK's status.",
        ("male", Id) => "laki-laki",
        ("male", En) => "male",
        ("female", Id) => "perempuan",
        ("female", En) => "female",
        ("age", Id) => "umur sekitar",
        ("age", En) => "age about",
        ("kk-hint", Id) => "Apakah ini Nomor KK? NIK tertulis di KTP-el, di bawah nama provinsi dan kabupaten/kota.",
        ("kk-hint", En) => "Is this the KK number? The NIK is printed on the KTP-el, under the province and regency/city names.",
        ("fix-o", Id) => "Ganti huruf O dengan angka 0",
        ("fix-o", En) => "Replace the letter O with the digit 0",
        ("move-to-kk", Id) => "Pindahkan ke kolom Nomor KK",
        ("move-to-kk", En) => "Move it to the KK number field",
        ("skip-nik", Id) => "Lanjut tanpa NIK",
        ("skip-nik", En) => "Continue without a NIK",
        ("next-missing", Id) => "Isi dulu NIK Anda: 16 angka di KTP-el. Bila tidak ada, Anda tetap bisa lanjut tanpa NIK.",
        ("next-missing", En) => "First type your NIK: the 16 digits on the KTP-el. If you do not have it, you can still continue without it.",
        ("next-invalid", Id) => "NIK ini belum benar: lihat pesan di atas dan cocokkan dengan KTP-el Anda. Anda tetap bisa lanjut tanpa NIK.",
        ("next-invalid", En) => "This NIK is not right yet: see the messages above and compare it with your KTP-el. You can still continue without it.",
        ("session-note", Id) => "Isian Anda disimpan sementara di tab ini saja (agar tidak hilang saat membuka WhatsApp) dan terhapus saat tab ditutup atau dengan tombol di atas.",
        ("session-note", En) => "What you type is kept in this tab only (so it is not lost while you are in WhatsApp) and is gone when the tab is closed or with the button above.",
        ("kk-label", Id) => "Nomor KK (opsional, 16 angka di bagian atas KK)",
        ("kk-label", En) => "KK number (optional, 16 digits at the top of the KK)",
        ("step-check", Id) => "Cek NIK",
        ("step-check", En) => "Check NIK",
        ("step-diagnose", Id) => "Penyebab",
        ("step-diagnose", En) => "Cause",
        ("step-act", Id) => "Lapor",
        ("step-act", En) => "Report",
        ("check-title", Id) => "1. Cek NIK",
        ("check-title", En) => "1. Check the NIK",
        ("next-diagnose", Id) => "Lanjut: Apa yang terjadi?",
        ("next-diagnose", En) => "Next: What happened?",
        ("stated-title", Id) => "Cocokkan dengan data diri Anda (opsional)",
        ("stated-title", En) => "Compare with your own details (optional)",
        ("s-birth", Id) => "Tanggal lahir (seperti di akta kelahiran)",
        ("s-birth", En) => "Date of birth (as on the birth certificate)",
        ("s-sex", Id) => "Jenis kelamin",
        ("s-sex", En) => "Sex",
        ("stated-ok", Id) => "Cocok dengan NIK.",
        ("stated-ok", En) => "Matches the NIK.",
        ("clear", Id) => "Hapus semua data",
        ("clear", En) => "Clear everything",
        ("cleared", Id) => "Semua data di halaman ini sudah dihapus.",
        ("cleared", En) => "Everything on this page has been cleared.",
        ("district-offline", Id) => "nama muncul bila tersambung ke internet",
        ("district-offline", En) => "name shown once online",
        ("app-wait", Id) => "Memuat langkah ini…",
        ("app-wait", En) => "Loading this step…",
        ("app-failed", Id) => "Langkah ini belum bisa dimuat. Periksa koneksi, lalu muat ulang halaman. Cek NIK di langkah 1 tetap bisa dipakai.",
        ("app-failed", En) => "This step could not be loaded. Check the connection, then reload the page. Checking the NIK in step 1 still works.",
        _ => "",
    }
}

/// The segments of a NIK: (name in `data-seg`, digit range).
const SEGMENTS: [(&str, usize, usize); 5] = [
    ("prov", 0, 2),
    ("reg", 2, 4),
    ("dist", 4, 6),
    ("date", 6, 12),
    ("serial", 12, 16),
];

struct App {
    doc: Document,
    lang: Lang,
    /// The messages under the NIK as last drawn (codes and words).
    messages_shown: RefCell<String>,
    _listeners: Vec<EventListener>,
}

super::dom::state!(App);

impl App {
    fn translate(&self) {
        super::dom::translate(&self.doc, self.lang, text);
    }

    /// Tells steps 2 and 3 (the `app` module, when it is there) what the
    /// checks found, and keeps step 1's fields in this tab.
    fn announce(&self) {
        let doc = &self.doc;
        let handoff = crate::diagnose::Handoff::new(
            &super::dom::value(doc, "nik"),
            &super::dom::value(doc, "kk"),
            today(),
        );
        if let Some(body) = doc.body() {
            let _ = body.set_attribute("data-check", &handoff.encode());
        }
        session::save(doc);
        if let Ok(e) = web_sys::Event::new(STEP1_EVENT) {
            let _ = doc.dispatch_event(&e);
        }
    }

    fn render(&self) {
        let doc = &self.doc;
        let Some(input) = by_id(doc, "nik").and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let value = input.value();
        let report = crate::check_nik(&value, today());
        let view = ReportView::new(&report, self.lang);
        let empty = value.trim().is_empty();
        // What was typed, place by place: a wrong character is shown where it is.
        let slots = crate::check::typed_slots(&value);
        let marked = slots.iter().any(|s| s.bad);

        for (seg, start, end) in SEGMENTS {
            let Some(el) = doc
                .query_selector(&format!("[data-seg='{seg}']"))
                .ok()
                .flatten()
            else {
                continue;
            };
            let digits: String = (start..end)
                .map(|i| {
                    view.digits
                        .as_bytes()
                        .get(i)
                        .map_or('\u{b7}', |&b| b as char)
                })
                .collect();
            if let Some(d) = el.query_selector(".digits").ok().flatten() {
                if marked {
                    let places: Vec<crate::check::Slot> = (start..end)
                        .map(|i| {
                            slots.get(i).copied().unwrap_or(crate::check::Slot {
                                ch: '\u{b7}',
                                bad: false,
                            })
                        })
                        .collect();
                    fill_marked(doc, &d, &places, false);
                } else {
                    d.set_text_content(Some(&digits));
                }
            }
            let mut state = if view.digits.len() >= end {
                "ok"
            } else {
                "empty"
            };
            for i in &report.issues {
                let Some(sp) = i.span.filter(|s| s.of == crate::issue::SpanOf::Digits) else {
                    continue;
                };
                if sp.start < end && start < sp.end && i.rule != crate::Rule::Length {
                    state = match i.severity {
                        Severity::Error => "bad",
                        Severity::Warning if state != "bad" => "warn",
                        _ => state,
                    };
                }
            }
            if marked {
                state = if slots.iter().take(end).skip(start).any(|s| s.bad) {
                    "bad"
                } else if slots.len() >= end {
                    "ok"
                } else {
                    "empty"
                };
            } else if report.bad_chars || report.digits.count() > 16 {
                state = "empty";
            }
            let _ = el.set_attribute("data-state", state);
            let name = match seg {
                "prov" => view.province.as_ref().map(|r| r.name.to_string()),
                "reg" => view.regency.as_ref().map(|r| r.name.to_string()),
                "dist" => report
                    .decoded
                    .district
                    .as_ref()
                    .map(|r| match districts::name(r.code) {
                        districts::Name::Known(n) => n,
                        districts::Name::Loading => "\u{2026}".to_string(),
                        districts::Name::Offline => text("district-offline", self.lang).to_string(),
                    }),
                "date" => view.date_dmy.as_ref().map(|d| {
                    let sex = view.sex.map_or("", |s| text(s, self.lang));
                    match view.age {
                        Some(a) => {
                            format!("{d}\n{sex} \u{b7} {} {a}", text("age", self.lang))
                        }
                        None => format!("{d}\n{sex}"),
                    }
                }),
                _ => None,
            };
            if let Some(n) = el.query_selector(".name").ok().flatten() {
                n.set_text_content(Some(name.as_deref().unwrap_or("")));
            }
        }

        let summary = if empty {
            ""
        } else if view.valid && view.number.is_some() {
            text("valid", self.lang)
        } else if view.valid {
            ""
        } else {
            text("invalid", self.lang)
        };
        set_text(doc, "summary", summary);
        if let Some(s) = by_id(doc, "summary") {
            let _ = s.set_attribute(
                "data-valid",
                if view.valid && view.number.is_some() {
                    "yes"
                } else {
                    "no"
                },
            );
        }
        // Drawn again only when they change (not when district names arrive,
        // say): a live region rewritten with the same words is read out again.
        let shown: String = view
            .issues
            .iter()
            .filter(|i| !empty && i.code != "NIK_SEPARATORS_REMOVED")
            .map(|i| format!("{}{}\n", i.code, i.message))
            .collect();
        let same = *self.messages_shown.borrow() == shown;
        if let Some(list) = by_id(doc, "messages").filter(|_| !same) {
            *self.messages_shown.borrow_mut() = shown;
            list.set_text_content(None);
            if !empty {
                // Typing the NIK in groups is normal: no need to say so on the page.
                for i in view
                    .issues
                    .iter()
                    .filter(|i| i.code != "NIK_SEPARATORS_REMOVED")
                {
                    let Ok(li) = doc.create_element("li") else {
                        continue;
                    };
                    li.set_class_name(i.severity);
                    let _ = li.set_attribute("data-code", &i.code);
                    li.set_text_content(Some(&i.message));
                    let _ = list.append_child(&li);
                }
            }
        }
        if let Some(echo) = by_id(doc, "nik-echo") {
            if marked {
                fill_marked(doc, &echo, &slots, true);
                let _ = echo.remove_attribute("hidden");
            } else {
                echo.set_text_content(None);
                let _ = echo.set_attribute("hidden", "");
            }
        }
        // The letter O looks like a zero in many fonts: one tap replaces it.
        if let Some(b) = by_id(doc, "fix-o") {
            super::dom::show(&b, !letter_o_positions(&report).is_empty());
        }
        if let Some(hint) = by_id(doc, "kk-hint") {
            // A KK typed as a NIK: its recording date reads as a recent birth
            // (a child's NIK, or no date at all). A real child's NIK gets the
            // same soft question, with the age.
            let child = view.age.filter(|&a| a < 17 && report.is_valid());
            let says = if crate::check::nik_looks_like_kk(&value, today()) {
                Some(text("kk-hint", self.lang).to_string())
            } else {
                child.map(|a| match self.lang {
                    Lang::Id => format!("NIK anak umur {a}? Bila ini nomor di bagian atas KK, pindahkan ke kolom Nomor KK."),
                    Lang::En => format!("A child's NIK, age {a}? If this is the number at the top of the KK, move it to the KK field."),
                })
            };
            if let (Some(p), Some(s)) = (hint.first_element_child(), says.as_deref()) {
                p.set_text_content(Some(s));
            }
            super::dom::show(&hint, says.is_some());
        }
        set_text(
            doc,
            "disclaimer",
            if view.number.is_some() {
                text("disclaimer", self.lang)
            } else {
                ""
            },
        );
    }
}

/// Where the check found a letter O typed for a zero (character offsets into
/// the input), so one tap can replace just those, not an O in a label.
pub(super) fn letter_o_positions(report: &crate::Report) -> Vec<usize> {
    use crate::issue::{CharHint, Detail};
    report
        .issues
        .iter()
        .filter_map(|i| match i.detail {
            Detail::Char {
                position,
                hint: CharHint::LetterO,
                ..
            } => Some(position),
            _ => None,
        })
        .collect()
}

/// Writes `slots` into `el` as text, each wrong character in a `<mark>`;
/// `grouped` puts a space after every fourth place, as the NIK is read.
fn fill_marked(doc: &Document, el: &Element, slots: &[crate::check::Slot], grouped: bool) {
    crate::browser::fill_marked(doc, el, slots.iter().map(|s| (s.ch, s.bad)), grouped);
}

/// Wires the page if it has a NIK field; does nothing elsewhere (tests).
#[wasm_bindgen(start)]
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if by_id(&doc, "nik").is_none() {
        return;
    }
    let mut l = Vec::new();
    on(&doc, &mut l, "nik", "input", |app| {
        districts::retry();
        app.group_digits("nik");
        app.redraw();
        app.clear_next_problem();
        app.announce();
    });
    on(&doc, &mut l, "lang", "click", |app| {
        // Switching language rewrites text; the reader stays where they were.
        let y = web_sys::window().and_then(|w| w.scroll_y().ok());
        app.lang = if app.lang == Lang::Id {
            Lang::En
        } else {
            Lang::Id
        };
        crate::browser::remember_lang(app.lang);
        app.rerender_all();
        app.announce();
        if let (Some(w), Some(y)) = (web_sys::window(), y) {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    });
    on(&doc, &mut l, "next-diagnose", "click", |app| {
        app.next_from_check()
    });
    on(&doc, &mut l, "move-to-kk", "click", |app| app.move_to_kk());
    on(&doc, &mut l, "fix-o", "click", |app| app.fix_letter_o());
    on(&doc, &mut l, "clear", "click", |app| app.clear());
    on(&doc, &mut l, "kk", "input", |app| {
        app.group_digits("kk");
        app.render_kk();
        app.announce();
    });
    on(&doc, &mut l, "stated", "change", |app| {
        app.render_stated();
        session::save(&app.doc);
    });
    on(&doc, &mut l, "stated", "input", |app| {
        app.render_stated();
        session::save(&app.doc);
    });
    flow::wire(&doc, &mut l);
    let app = App {
        doc,
        lang: crate::browser::remembered_lang(),
        messages_shown: RefCell::default(),
        _listeners: l,
    };
    // What the citizen typed before the phone discarded the tab comes back.
    session::restore(&app.doc);
    app.translate();
    // A NIK or KK typed while the wasm was still on its way is grouped and checked now.
    app.group_digits("nik");
    app.group_digits("kk");
    app.redraw();
    app.announce();
    app.show_step_from_hash(false);
    if let Some(body) = app.doc.body() {
        let _ = body.set_attribute("data-ready", "yes");
    }
    APP.with(|a| *a.borrow_mut() = Some(app));
}

impl App {
    /// The NIK, the KK number and the comparison with stated data, drawn again.
    fn redraw(&self) {
        self.render();
        self.render_kk();
        self.render_stated();
    }

    /// Every text of step 1 again, in the current language.
    fn rerender_all(&self) {
        self.translate();
        self.redraw();
    }

    /// "Hapus semua data": everything kept in this tab, step 1's fields (the
    /// `app` module empties its own on the same tap), then back to step 1.
    fn clear(&mut self) {
        super::dom::forget();
        session::KEEP.clear(&self.doc);
        self.redraw();
        self.announce();
        set_text(&self.doc, "clear-status", text("cleared", self.lang));
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash("#cek");
        }
    }
}
