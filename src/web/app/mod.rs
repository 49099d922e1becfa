//! Steps 2 and 3 of the citizens' page (feature `app`, `pkg/app.js`): the
//! questions and the diagnosis, the office, the WhatsApp report and the
//! visit slip. boot.js loads this module once step 1 is on screen; it has no
//! check and no district table: what the checks found comes from step 1
//! ([`crate::diagnose::Handoff`] on `<body data-check>`, announced with the
//! `klinik-step1` event), and the numbers are read from their fields.

mod act;
mod diagnose;

use super::dom::{by_id, Keep, STEP1_EVENT};
use crate::diagnose::Handoff;
use crate::Lang;
use gloo_events::EventListener;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::browser::today;

/// Texts of steps 2 and 3, in one place. Elements carry `data-t="key"`.
fn text(key: &str, lang: Lang) -> &'static str {
    use Lang::{En, Id};
    match (key, lang) {
        ("diag-title", Id) => "2. Apa yang terjadi?",
        ("share-site", Id) => "Bagikan alamat situs ini",
        ("share-site", En) => "Share this site's address",
        ("share-site-text", Id) => "Klinik NIK: cek NIK yang ditolak atau nonaktif, cari penyebabnya, lalu lapor ke Dukcapil. Berjalan di ponsel, tanpa mengirim data.",
        ("share-site-text", En) => "Klinik NIK: check a refused or inactive NIK, find the cause, then report to Dukcapil. Runs on the phone, sends no data.",
        ("share-site-copied", Id) => "Alamat situs disalin (tanpa data Anda):",
        ("share-site-copied", En) => "The site's address is copied (none of your data):",
        ("share-site-copy", Id) => "Salin alamat situs ini:",
        ("share-site-copy", En) => "Copy this site's address:",
        ("diag-title", En) => "2. What happened?",
        ("diag-intro", Id) => "Jawab dengan mengetuk pilihan. Kami tunjukkan kemungkinan penyebab dan apa yang perlu dilakukan.",
        ("diag-intro", En) => "Answer by tapping the choices. We show the likely causes and what to do.",
        ("q-service", Id) => "Layanan apa yang menolak NIK Anda?",
        ("q-service", En) => "Which service refused your NIK?",
        ("q-message", Id) => "Apa pesan penolakannya?",
        ("q-message", En) => "What did the refusal say?",
        ("more-services", Id) => "Lainnya",
        ("more-services", En) => "Others",
        ("why", Id) => "Mengapa? Langkah lengkap dan dokumen",
        ("why", En) => "Why? Full steps and documents",
        ("other-causes", Id) => "Penyebab lain",
        ("other-causes", En) => "Other causes",
        ("to-act", Id) => "Lanjut: Lapor",
        ("to-act", En) => "Next: Report",
        ("act-missing", Id) => "Belum ada yang bisa dilaporkan: NIK dan Nomor KK belum diisi. Isi NIK Anda di langkah 1, lalu jawab pertanyaan di langkah 2.",
        ("act-missing", En) => "Nothing to report yet: the NIK and KK number are empty. Type your NIK in step 1, then answer the questions in step 2.",
        ("act-missing-go", Id) => "Ke langkah 1: Cek NIK",
        ("act-missing-go", En) => "Go to step 1: Check the NIK",
        ("office-more", Id) => "Ganti kabupaten/kota, atau ketik nomor WhatsApp kantor",
        ("office-more", En) => "Change the regency/city, or type the office's WhatsApp number",
        ("details-more", Id) => "Tambahan untuk petugas (opsional): alamat, yang sudah dilakukan",
        ("details-more", En) => "More for the officer (optional): address, what you tried",
        ("office-wa", Id) => "Nomor WhatsApp Dukcapil yang Anda ketahui (opsional)",
        ("office-wa", En) => "A Dukcapil WhatsApp number you know (optional)",
        ("office-wa-hint", Id) => "Dari papan pengumuman, situs atau akun resmi kantor Dukcapil. Nomor ini hanya dipakai untuk tautan WhatsApp di bawah.",
        ("office-wa-hint", En) => "From the Dukcapil office's notice board, website or official account. It is only used for the WhatsApp link below.",
        ("office-none", Id) => "Kabupaten/kota alamat KK belum dipilih.",
        ("office-none", En) => "The regency/city of your KK address is not chosen yet.",
        ("office-from-nik", Id) => "Dipilih dari NIK Anda. Bila alamat KK Anda sekarang di tempat lain, ganti di bawah. Sebelum Anda memastikannya, laporan tidak menyebut kabupaten/kota.",
        ("office-from-nik", En) => "Chosen from your NIK. If your KK address is elsewhere now, change it below. Until you confirm it, the report names no regency/city.",
        ("office-from-kk", Id) => "Dipilih dari Nomor KK Anda. Bila alamat KK Anda sekarang di tempat lain, ganti di bawah.",
        ("office-from-kk", En) => "Chosen from your KK number. If your KK address is elsewhere now, change it below.",
        ("door-institution", Id) => "Penyebab yang paling mungkin diurus di lembaga yang menolak, bukan di Dukcapil. Tunjukkan pesan di bawah kepada petugasnya, atau kirim lewat saluran resmi lembaga itu.",
        ("door-institution", En) => "The most likely cause is fixed at the institution that refused, not at Dukcapil. Show the message below to its staff, or send it through the institution's official channel.",
        ("door-visit", Id) => "Penyebab yang paling mungkin perlu diurus dengan datang ke kantor Dukcapil: cetak atau simpan slip kunjungan, dan bawa dokumennya. WhatsApp di bawah bisa dipakai untuk bertanya dulu.",
        ("door-visit", En) => "The most likely cause needs a visit to the Dukcapil office: print or keep the visit slip, and bring the documents. WhatsApp below can be used to ask first.",
        ("door-mixed", Id) => "Penyebab yang paling mungkin: nama atau tanggal lahir Anda di lembaga berbeda dengan KTP-el. Bila data lembaga yang salah, minta lembaga itu membetulkannya dengan menunjukkan KTP-el. Bila KTP-el atau KK yang salah, datang ke kantor Dukcapil dengan slip kunjungan dan dokumennya.",
        ("door-mixed", En) => "The most likely cause: your name or birth date at the institution differs from your KTP-el. If the institution's record is wrong, ask it to correct it by showing your KTP-el. If the KTP-el or KK is wrong, visit the Dukcapil office with the visit slip and the documents.",
        ("door-contact", Id) => "Saluran lembaga ini: ",
        ("door-contact", En) => "Where to reach it: ",
        ("door-kelurahan", Id) => "Penyebab yang paling mungkin diurus di kantor kelurahan (prosedur Jakarta): bawa slip kunjungan dan dokumennya.",
        ("door-kelurahan", En) => "The most likely cause is handled at the kelurahan office (Jakarta's procedure): bring the visit slip and the documents.",
        ("act-title-institution", Id) => "3. Lapor ke lembaga yang menolak",
        ("act-title-institution", En) => "3. Report to the institution that refused",
        ("act-title-kelurahan", Id) => "3. Lapor ke kelurahan",
        ("act-title-kelurahan", En) => "3. Report to the kelurahan",
        ("wa-send-institution", Id) => "Kirim pesan ini lewat WhatsApp (pilih kontak resmi lembaga)",
        ("wa-send-institution", En) => "Send this message with WhatsApp (pick the institution's official contact)",
        ("wa-other-dukcapil", Id) => "Atau lapor ke Dukcapil",
        ("wa-other-dukcapil", En) => "Or report to Dukcapil",
        ("show-slip", Id) => "Tampilkan slip di layar",
        ("show-slip", En) => "Show the slip on screen",
        ("slip-close", Id) => "Tutup slip",
        ("slip-close", En) => "Close the slip",
        ("wa-ask-name", Id) => "Nama Anda belum diisi. Petugas memerlukannya untuk mencari data Anda.",
        ("wa-ask-name", En) => "Your name is empty. The officer needs it to find your record.",
        ("wa-ask-phone", Id) => "Nomor HP Anda belum diisi. Petugas memerlukannya untuk menghubungi Anda.",
        ("wa-ask-phone", En) => "Your mobile number is empty. The officer needs it to reach you.",
        ("wa-ask-both", Id) => "Nama dan nomor HP Anda belum diisi. Petugas memerlukannya untuk mencari data Anda dan menghubungi Anda.",
        ("wa-ask-both", En) => "Your name and mobile number are empty. The officer needs them to find your record and reach you.",
        ("wa-ask-fill", Id) => "Isi sekarang",
        ("wa-ask-fill", En) => "Fill them in",
        ("wa-ask-skip", Id) => "Kirim tanpa itu",
        ("wa-ask-skip", En) => "Send without them",
        ("office-confirm", Id) => "Ya, alamat KK saya di sini",
        ("office-confirm", En) => "Yes, my KK address is here",
        ("office-choice-kk", Id) => "dari Nomor KK",
        ("office-choice-kk", En) => "from the KK number",
        ("office-choice-nik", Id) => "dari NIK",
        ("office-choice-nik", En) => "from the NIK",
        ("office-typed", Id) => "Nomor yang Anda ketik",
        ("office-typed", En) => "The number you typed",
        ("wa-send-national", Id) => "Kirim lewat WhatsApp ke Halo Dukcapil",
        ("wa-send-national", En) => "Send with WhatsApp to Halo Dukcapil",
        ("wa-send-office", Id) => "Kirim lewat WhatsApp ke Dukcapil",
        ("wa-send-office", En) => "Send with WhatsApp to Dukcapil",
        ("wa-to-national", Id) => "Nomor WhatsApp Dukcapil daerah Anda belum diketahui, jadi laporan akan dikirim ke Halo Dukcapil, layanan pengaduan nasional (nomor dari sumber 2021\u{2013}2024), dalam format yang dimintanya.",
        ("wa-to-national", En) => "Your local Dukcapil's WhatsApp number is not known, so the report will go to Halo Dukcapil, the national complaint service (number from 2021\u{2013}2024 sources), in the format it asks for.",
        ("wa-other", Id) => "Atau kirim ke kontak Dukcapil lain (pilih sendiri)",
        ("wa-other", En) => "Or send to another Dukcapil contact (pick it yourself)",
        ("wa-other-preview", Id) => "Lihat pesan untuk kontak lain",
        ("wa-other-preview", En) => "See the message for another contact",
        ("q-events", Id) => "Apakah ada yang berubah? (boleh lebih dari satu, atau lewati)",
        ("q-events", En) => "Did anything change? (tick any, or skip)",
        ("message-text-label", Id) => "Tulis bunyi pesan yang muncul (opsional)",
        ("message-text-label", En) => "Write the words of the message you saw (optional)",
        ("since-label", Id) => "Sejak kapan? (opsional)",
        ("since-label", En) => "Since when? (optional)",
        ("diagnose-btn", Id) => "Lihat kemungkinan penyebab",
        ("diagnose-btn", En) => "Show the likely causes",
        ("because", Id) => "Mengapa:",
        ("because", En) => "Why:",
        ("bring", Id) => "Yang perlu dibawa",
        ("bring", En) => "What to bring",
        ("wait", Id) => "Lama menunggu:",
        ("wait", En) => "How long:",
        ("sources", Id) => "Sumber",
        ("sources", En) => "Sources",
        ("have-ready", Id) => "Siapkan untuk petugas",
        ("have-ready", En) => "Have this ready for the officer",
        ("steps", Id) => "Langkah",
        ("steps", En) => "Steps",
        ("checklist", Id) => "Dokumen yang perlu dibawa",
        ("checklist", En) => "Documents to bring",
        ("next-act", Id) => "Lanjut: Lapor",
        ("next-act", En) => "Next: Report",
        ("back", Id) => "Kembali",
        ("back", En) => "Back",
        ("diagram-siak", Id) => "SIAK Dukcapil",
        ("diagram-siak", En) => "Dukcapil SIAK",
        ("diagram-siak-sub", Id) => "data terbaru|semua Dukcapil kab/kota",
        ("diagram-siak-sub", En) => "latest data|all regency offices",
        ("diagram-dwh", Id) => "Data Warehouse",
        ("diagram-dwh", En) => "Data Warehouse",
        ("diagram-dwh-sub", Id) => "salinan untuk|BPJS, bank, dll.",
        ("diagram-dwh-sub", En) => "copy read by|BPJS, banks, …",
        ("diagram-sync", Id) => "disalin berkala",
        ("diagram-sync", En) => "copied periodically",
        ("diagram-title", Id) => "Dua server: data Anda ada di SIAK, tetapi belum sampai di salinan yang dibaca lembaga.",
        ("diagram-title", En) => "Two servers: your record is in SIAK but has not reached the copy institutions read.",
        ("act-title", Id) => "3. Lapor ke Dukcapil",
        ("act-title", En) => "3. Report to Dukcapil",
        ("office-label", Id) => "Di kabupaten/kota mana alamat KK Anda sekarang?",
        ("office-label", En) => "In which regency/city is your KK address now?",
        ("office-why", Id) => "Ketik nama kabupaten/kota, misalnya \u{201c}surabaya\u{201d}. Angka awal NIK menunjukkan tempat NIK pertama kali didaftarkan, bukan alamat KK Anda sekarang.",
        ("office-why", En) => "Type the regency/city name, for example \u{201c}surabaya\u{201d}. The first digits of a NIK show where it was first registered, not your KK address now.",
        ("office-results-none", Id) => "Tidak ditemukan. Coba nama lain, tanpa \u{201c}Kabupaten\u{201d} atau \u{201c}Kota\u{201d}.",
        ("office-results-none", En) => "Not found. Try another name, without \u{201c}Kabupaten\u{201d} or \u{201c}Kota\u{201d}.",
        ("wa-unknown", Id) => "Nomor WhatsApp kantor ini belum diketahui. Bila Anda tahu nomor resminya, ketik di bawah; kirim hanya ke nomor resmi Dukcapil.",
        ("wa-unknown", En) => "This office's WhatsApp number is not known. If you know its official number, type it below; send only to an official Dukcapil number.",
        ("office-source", Id) => "Sumber:",
        ("office-source", En) => "Source:",
        ("details-title", Id) => "Data untuk laporan",
        ("details-title", En) => "Details for the report",
        ("c-name", Id) => "Nama lengkap (sesuai KTP-el atau KK)",
        ("c-name", En) => "Full name (as on the KTP-el or KK)",
        ("c-village", Id) => "Desa/kelurahan alamat KK",
        ("c-village", En) => "Village/kelurahan of the KK address",
        ("c-district", Id) => "Kecamatan alamat KK",
        ("c-district", En) => "District (kecamatan) of the KK address",
        ("c-phone", Id) => "Nomor HP Anda (untuk dihubungi petugas)",
        ("c-phone", En) => "Your mobile number (for the officer to reach you)",
        ("c-tried", Id) => "Yang sudah dilakukan (opsional)",
        ("c-tried", En) => "What you already tried (optional)",
        ("wa-title", Id) => "Pesan WhatsApp",
        ("wa-title", En) => "WhatsApp message",
        ("wa-label", Id) => "Periksa dan ubah bila perlu (dalam Bahasa Indonesia, untuk petugas)",
        ("wa-label", En) => "Check and edit if needed (in Bahasa Indonesia, for the officer)",
        ("wa-privacy", Id) => "Saat Anda mengetuk tombol di bawah, WhatsApp terbuka dengan pesan ini (termasuk NIK dan Nomor KK); isinya melewati server WhatsApp. Pesan baru sampai ke petugas setelah Anda menekan Kirim di WhatsApp.",
        ("wa-privacy", En) => "When you tap the button below, WhatsApp opens with this message (with the NIK and KK number); its text passes through WhatsApp's servers. It reaches the officer only once you press Send in WhatsApp.",
        ("recompose", Id) => "Susun ulang pesan",
        ("recompose", En) => "Rebuild the message",
        ("copy", Id) => "Salin pesan",
        ("copy", En) => "Copy message",
        ("share", Id) => "Bagikan",
        ("share", En) => "Share",
        ("print", Id) => "Cetak slip kunjungan",
        ("print", En) => "Print the visit slip",
        ("print-note", Id) => "Slip muat di satu lembar A4 atau F4. NIK dan Nomor KK masing-masing memiliki kode QR berisi 16 angkanya, yang dapat dibaca pemindai bila kantor memilikinya.",
        ("print-note", En) => "The slip fits one A4 or F4 sheet. The NIK and the KK number each have a QR code holding their 16 digits, which a scanner can read where the office has one.",
        ("c-screenshot", Id) => "Saya memiliki tangkapan layar pesan penolakan (dikirim hanya bila petugas meminta)",
        ("c-screenshot", En) => "I have a screenshot of the refusal (sent only if the officer asks)",
        ("copied", Id) => "Pesan disalin.",
        ("copied", En) => "Message copied.",
        ("copy-failed", Id) => "Tidak bisa menyalin otomatis; tekan lama pada pesan untuk menyalin.",
        ("copy-failed", En) => "Could not copy automatically; long-press the message to copy it.",
        ("share-missing", Id) => "Ponsel ini tidak mendukung Bagikan; pakai Salin pesan.",
        ("share-missing", En) => "This phone does not support Share; use Copy message.",
        ("config-bad", Id) => "Berkas offices.json dari pengelola situs ini tidak dapat dipakai; data bawaan tetap dipakai:",
        ("config-bad", En) => "This site's offices.json from the deployer cannot be used; the built-in data is used instead:",
        _ => "",
    }
}

/// What steps 2 and 3 keep in this tab (the WhatsApp text only once edited).
const KEEP: Keep = Keep {
    fields: &[
        "message-text",
        "since",
        "c-name",
        "c-village",
        "c-district",
        "c-phone",
        "c-tried",
        "office-wa",
        "office-search",
        "wa-text",
    ],
    ticked_in: ":is(#diagnose, #act)",
    ticked_key: "ticked",
    more: &["diagnosed", "edited", "office"],
};

struct App {
    doc: Document,
    /// What step 1's checks found.
    handoff: Handoff,
    /// The diagnosis is shown (re-rendered on language switch).
    diagnosed: bool,
    /// The citizen edited the WhatsApp text: stop rewriting it.
    message_edited: bool,
    /// The citizen chose an office: stop pre-selecting from the NIK.
    office_picked: bool,
    /// The office was pre-selected from her Nomor KK (where it was issued).
    office_from_kk: bool,
    /// The regency/city whose Dukcapil gets the report (chosen or from the NIK).
    office: Option<u32>,
    /// Who the message in the text box is for: `national` (Halo Dukcapil, no
    /// office number known), `office`, or `institution` (the cause is fixed there).
    route: &'static str,
    config: crate::offices::OfficeConfig,
    lang: Lang,
    _listeners: Vec<EventListener>,
}

super::dom::state!(App);

fn read_handoff(doc: &Document) -> Handoff {
    doc.body()
        .and_then(|b| b.get_attribute("data-check"))
        .map(|s| Handoff::decode(&s))
        .unwrap_or_default()
}

/// Steps 2 and 3's controls come with this module rather than in index.html,
/// so the first screen does not carry them: constant markup (never anything
/// typed), put before each section's `.nav-buttons`; its words are set by
/// `translate` from [`text`], the one place they are written.
fn insert_controls(doc: &Document) {
    if by_id(doc, "diagnosis").is_some() {
        return;
    }
    for (section, markup) in [
        ("diagnose", include_str!("diagnose.html")),
        ("act", include_str!("act.html")),
    ] {
        if let Ok(Some(nav)) = doc.query_selector(&format!("#{section} > .nav-buttons")) {
            let _ = nav.insert_adjacent_html("beforebegin", markup);
        }
    }
}

/// Wires steps 2 and 3 if the page has them; does nothing elsewhere (tests).
#[wasm_bindgen(start)]
pub fn start() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if by_id(&doc, "diagnose").is_none() {
        return;
    }
    insert_controls(&doc);
    let mut l = Vec::new();
    // Step 1 changed the NIK, the KK number or the language.
    l.push(EventListener::new(&doc, STEP1_EVENT, |_| {
        with_app(|app| app.heard_from_step1())
    }));
    on(&doc, &mut l, "diagnose-btn", "click", |app| {
        app.diagnosed = true;
        app.render_diagnosis();
        app.render_report();
        app.focus_diagnosis();
    });
    // Any answer or detail changes the report (the message only until the citizen edits it).
    on(&doc, &mut l, "diagnose", "change", |app| {
        // Issue 20: the likely cause as soon as the service and the message
        // are answered, right under them, updated live as boxes are ticked.
        let a = app.answers();
        if a.service.is_some() && a.message.is_some() {
            app.diagnosed = true;
        }
        if app.diagnosed {
            app.render_diagnosis();
        }
        app.preselect_office();
        app.render_report()
    });
    on(&doc, &mut l, "diagnose", "input", |app| app.render_report());
    on(&doc, &mut l, "office-search", "input", |app| {
        app.render_office_results()
    });
    on(&doc, &mut l, "office-wa", "input", |app| {
        app.render_report()
    });
    // A regency found, suggested or confirmed: one tap chooses it.
    for id in ["office-results", "office-contact"] {
        if let Some(results) = by_id(&doc, id) {
            l.push(EventListener::new(&results, "click", |e| {
                let code = e
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("[data-code]").ok().flatten())
                    .and_then(|b| b.get_attribute("data-code"))
                    .and_then(|c| c.parse::<u32>().ok());
                if let Some(code) = code {
                    with_app(|app| app.choose_office(code));
                }
            }));
        }
    }
    on(&doc, &mut l, "details", "input", |app| app.render_report());
    on(&doc, &mut l, "wa-text", "input", |app| {
        app.message_edited = true;
        app.render_report();
    });
    on(&doc, &mut l, "recompose", "click", |app| {
        app.message_edited = false;
        app.render_report();
    });
    // With her name or phone empty, the send button asks for them first
    // (one tap to skip): a report the office cannot answer helps no one.
    if let Some(link) = by_id(&doc, "wa-link") {
        let options = gloo_events::EventListenerOptions::enable_prevent_default();
        l.push(EventListener::new_with_options(
            &link,
            "click",
            options,
            |e| {
                let mut ask = false;
                with_app(|app| ask = app.ask_before_sending());
                if ask {
                    e.prevent_default();
                }
            },
        ));
    }
    on(&doc, &mut l, "wa-ask-fill", "click", |app| {
        app.fill_missing()
    });
    on(&doc, &mut l, "copy", "click", |app| app.copy_message());
    on(&doc, &mut l, "share", "click", |app| app.share_message());
    on(&doc, &mut l, "share-site", "click", |app| app.share_site());
    on(&doc, &mut l, "print", "click", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    on(&doc, &mut l, "clear", "click", |app| app.clear_everything());
    // The slip on screen, to show at the counter or save from the print menu.
    on(&doc, &mut l, "show-slip", "click", |app| {
        app.show_slip(true)
    });
    if let Some(slip) = by_id(&doc, "slip") {
        l.push(EventListener::new(&slip, "click", |e| {
            let close = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".slip-close").ok().flatten())
                .is_some();
            if close {
                with_app(|app| app.show_slip(false));
            }
        }));
    }
    let mut app = App {
        handoff: read_handoff(&doc),
        diagnosed: false,
        message_edited: false,
        office_picked: false,
        office_from_kk: false,
        office: None,
        route: "national",
        config: crate::offices::OfficeConfig::default(),
        lang: super::dom::page_lang(&doc),
        doc,
        _listeners: l,
    };
    app.render_questions();
    // What the citizen typed before the phone discarded the tab comes back.
    app.restore_session();
    app.answers_from_link();
    app.translate();
    app.preselect_office();
    if app.diagnosed {
        app.render_diagnosis();
    }
    app.render_report();
    if let Some(body) = app.doc.body() {
        let _ = body.set_attribute("data-app", "ready");
    }
    APP.with(|a| *a.borrow_mut() = Some(app));
}

impl App {
    fn translate(&self) {
        super::dom::translate(&self.doc, self.lang, text);
    }

    /// What step 1 announced: new check facts, or a new language.
    fn heard_from_step1(&mut self) {
        self.handoff = read_handoff(&self.doc);
        let lang = super::dom::page_lang(&self.doc);
        if lang != self.lang {
            self.lang = lang;
            self.rerender_all();
        } else {
            self.preselect_office();
            self.render_report();
        }
    }

    /// Every text of steps 2 and 3 again, in the current language.
    fn rerender_all(&mut self) {
        self.translate();
        self.render_questions();
        if self.diagnosed {
            self.render_diagnosis();
        }
        self.render_office_results();
        self.preselect_office();
        self.render_report();
    }

    /// Keeps steps 2 and 3's state in this tab; nothing typed means nothing kept.
    fn save_session(&self) {
        let skip: &[&str] = if self.message_edited {
            &[]
        } else {
            &["wa-text"]
        };
        KEEP.save(&self.doc, skip, |o| {
            use super::dom::set;
            set(o, "diagnosed", &JsValue::from_bool(self.diagnosed));
            set(o, "edited", &JsValue::from_bool(self.message_edited));
            if let Some(code) = self.office.filter(|_| self.office_picked) {
                set(o, "office", &JsValue::from_f64(f64::from(code)));
            }
        });
    }

    /// A guidance page's link into the checker (`index.html?layanan=bank&pesan=nik_mismatch#apa`,
    /// knowledge-base keys, never personal data) ticks those answers, unless
    /// she has answered already in this tab.
    fn answers_from_link(&mut self) {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let mut ticked = false;
        for (param, name) in [("layanan", "service"), ("pesan", "message")] {
            let Some(key) = search
                .trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix(param)?.strip_prefix('='))
            else {
                continue;
            };
            if !super::dom::checked(&self.doc, name).is_empty() {
                continue;
            }
            let key: String = key
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            for input in
                super::dom::inputs(&self.doc, &format!("input[name='{name}'][value='{key}']"))
            {
                input.set_checked(true);
                ticked = true;
            }
        }
        if !ticked {
            return;
        }
        // Drawn again so a service among the folded ones shows.
        self.render_questions();
        let a = self.answers();
        if a.service.is_some() && a.message.is_some() {
            self.diagnosed = true;
        }
    }

    /// Puts back what `save_session` kept (the choice lists must exist already).
    fn restore_session(&mut self) {
        use super::dom::get;
        let o = KEEP.restore(&self.doc);
        self.diagnosed = get(&o, "diagnosed").as_bool().unwrap_or(false);
        self.message_edited = get(&o, "edited").as_bool().unwrap_or(false);
        if let Some(code) = get(&o, "office").as_f64() {
            let code = code as u32;
            if crate::regions::regency(code).is_some() {
                self.office = Some(code);
                self.office_picked = true;
            }
        }
        self.render_office_results();
    }
}

/// The deployer's `offices.json` as text (boot.js fetches it from the same
/// origin). A bad file shows a message on the page; the built-in data stays.
#[wasm_bindgen(js_name = setOfficeConfig)]
pub fn set_office_config(json: &str) {
    with_app(|app| app.set_config(json));
}
