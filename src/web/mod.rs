//! The citizens' page (wasm32, feature `page`): its DOM wiring. Logic stays
//! in the core, called in Rust; the checking exports for other sites are in
//! the public core module (`crate::exports`).

mod act;
mod diagnose;
mod districts;
mod flow;
mod session;

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
        ("seg-reg", En) => "Regency/City",
        ("seg-dist", Id) => "Kecamatan",
        ("seg-dist", En) => "District",
        ("seg-date", Id) => "Tgl lahir",
        ("seg-date", En) => "Birth date",
        ("seg-serial", Id) => "No. urut",
        ("seg-serial", En) => "Serial",
        ("lang", Id) => "English",
        ("lang", En) => "Bahasa Indonesia",
        ("privacy", Id) => "NIK Anda tidak dikirim ke mana pun dan hanya disimpan sementara di tab ini. Jangan unggah foto KTP-el atau KK ke media sosial.",
        ("privacy", En) => "Your NIK is not sent anywhere and is kept only for a while in this tab. Never post photos of your KTP-el or KK on social media.",
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
        ("age", Id) => "umur",
        ("age", En) => "age",
        ("diag-title", Id) => "2. Apa yang terjadi?",
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
        ("kk-hint", Id) => "Ini mungkin Nomor KK? NIK ada di KTP-el, di bawah nama provinsi.",
        ("kk-hint", En) => "Is this perhaps the KK number? The NIK is on the KTP-el, under the province name.",
        ("move-to-kk", Id) => "Pindahkan ke kolom Nomor KK",
        ("move-to-kk", En) => "Move it to the KK number field",
        ("skip-nik", Id) => "Lanjut tanpa NIK",
        ("skip-nik", En) => "Continue without a NIK",
        ("next-missing", Id) => "Isi dulu NIK Anda: 16 angka di KTP-el. Bila tidak ada, Anda tetap bisa lanjut tanpa NIK.",
        ("next-missing", En) => "First type your NIK: the 16 digits on the KTP-el. If you do not have it, you can still continue without it.",
        ("next-invalid", Id) => "NIK ini belum benar: lihat pesan di atas dan cocokkan dengan KTP-el Anda. Anda tetap bisa lanjut tanpa NIK.",
        ("next-invalid", En) => "This NIK is not right yet: see the messages above and compare it with your KTP-el. You can still continue without it.",
        ("act-missing", Id) => "Belum ada yang bisa dilaporkan: NIK dan Nomor KK belum diisi. Isi NIK Anda di langkah 1, lalu jawab pertanyaan di langkah 2.",
        ("act-missing", En) => "Nothing to report yet: the NIK and KK number are empty. Type your NIK in step 1, then answer the questions in step 2.",
        ("act-missing-go", Id) => "Ke langkah 1: Cek NIK",
        ("act-missing-go", En) => "Go to step 1: Check the NIK",
        ("office-more", Id) => "Ganti kabupaten/kota, atau ketik nomor WhatsApp kantor",
        ("office-more", En) => "Change the regency/city, or type the office's WhatsApp number",
        ("details-more", Id) => "Tambahan untuk petugas (opsional): alamat, yang sudah dicoba",
        ("details-more", En) => "More for the officer (optional): address, what you tried",
        ("office-wa", Id) => "Nomor WhatsApp Dukcapil yang Anda ketahui (opsional)",
        ("office-wa", En) => "A Dukcapil WhatsApp number you know (optional)",
        ("office-wa-hint", Id) => "Dari papan pengumuman, situs atau akun resmi kantor Dukcapil. Nomor ini hanya dipakai untuk tautan WhatsApp di bawah.",
        ("office-wa-hint", En) => "From the Dukcapil office's notice board, website or official account. It is only used for the WhatsApp link below.",
        ("office-none", Id) => "Kabupaten/kota alamat KK belum dipilih.",
        ("office-none", En) => "The regency/city of your KK address is not chosen yet.",
        ("office-from-nik", Id) => "Dipilih dari NIK Anda. Bila alamat KK Anda sekarang di tempat lain, ganti di bawah.",
        ("office-from-nik", En) => "Chosen from your NIK. If your KK address is elsewhere now, change it below.",
        ("office-typed", Id) => "Nomor yang Anda ketik",
        ("office-typed", En) => "The number you typed",
        ("wa-send-national", Id) => "Kirim lewat WhatsApp ke Halo Dukcapil (0811-800-5373)",
        ("wa-send-national", En) => "Send with WhatsApp to Halo Dukcapil (0811-800-5373)",
        ("wa-send-office", Id) => "Kirim lewat WhatsApp ke Dukcapil",
        ("wa-send-office", En) => "Send with WhatsApp to Dukcapil",
        ("wa-to-national", Id) => "Nomor WhatsApp Dukcapil daerah Anda belum diketahui, jadi laporan dikirim ke Halo Dukcapil, layanan pengaduan nasional (nomor dari sumber 2021\u{2013}2024), dalam format yang dimintanya.",
        ("wa-to-national", En) => "Your local Dukcapil's WhatsApp number is not known, so the report goes to Halo Dukcapil, the national complaint service (number from 2021\u{2013}2024 sources), in the format it asks for.",
        ("wa-other", Id) => "Atau kirim ke kontak Dukcapil lain (pilih sendiri)",
        ("wa-other", En) => "Or send to another Dukcapil contact (pick it yourself)",
        ("wa-other-preview", Id) => "Lihat pesan untuk kontak lain",
        ("wa-other-preview", En) => "See the message for another contact",
        ("session-note", Id) => "Isian Anda disimpan sementara di tab ini saja (agar tidak hilang saat membuka WhatsApp) dan terhapus saat tab ditutup atau dengan tombol di atas.",
        ("session-note", En) => "What you type is kept in this tab only (so it is not lost while you are in WhatsApp) and is gone when the tab is closed or with the button above.",
        ("q-events", Id) => "Apakah ada yang berubah? (boleh lebih dari satu, atau lewati)",
        ("q-events", En) => "Did anything change? (tick any, or skip)",
        ("kk-label", Id) => "Nomor KK (opsional, 16 angka di bagian atas KK)",
        ("kk-label", En) => "KK number (optional, 16 digits at the top of the KK)",
        ("message-text-label", Id) => "Pesan persisnya (opsional)",
        ("message-text-label", En) => "The exact message (optional)",
        ("since-label", Id) => "Sejak kapan? (opsional)",
        ("since-label", En) => "Since when? (optional)",
        ("diagnose-btn", Id) => "Lihat kemungkinan penyebab",
        ("diagnose-btn", En) => "Show the likely causes",
        ("because", Id) => "Mengapa:",
        ("because", En) => "Why:",
        ("what-to-do", Id) => "Yang perlu dilakukan",
        ("what-to-do", En) => "What to do",
        ("where", Id) => "Di mana",
        ("where", En) => "Where",
        ("bring", Id) => "Yang dibawa",
        ("bring", En) => "What to bring",
        ("wait", Id) => "Lama menunggu:",
        ("wait", En) => "How long:",
        ("sources", Id) => "Sumber",
        ("sources", En) => "Sources",
        ("have-ready", Id) => "Siapkan untuk petugas",
        ("have-ready", En) => "Have this ready for the officer",
        ("steps", Id) => "Langkah",
        ("steps", En) => "Steps",
        ("checklist", Id) => "Dokumen yang dibawa",
        ("checklist", En) => "Documents to bring",
        ("national", Id) => "Saluran nasional",
        ("national", En) => "National channel",
        ("step-check", Id) => "Cek NIK",
        ("step-check", En) => "Check NIK",
        ("step-diagnose", Id) => "Penyebab",
        ("step-diagnose", En) => "Cause",
        ("step-act", Id) => "Lapor",
        ("step-act", En) => "Report",
        ("steps-label", Id) => "Langkah",
        ("steps-label", En) => "Steps",
        ("check-title", Id) => "1. Cek NIK",
        ("check-title", En) => "1. Check the NIK",
        ("next-diagnose", Id) => "Lanjut: Apa yang terjadi?",
        ("next-diagnose", En) => "Next: What happened?",
        ("next-act", Id) => "Lanjut: Lapor",
        ("next-act", En) => "Next: Report",
        ("back", Id) => "Kembali",
        ("back", En) => "Back",
        ("stated-title", Id) => "Cocokkan dengan data diri Anda (opsional)",
        ("stated-title", En) => "Compare with your own details (optional)",
        ("s-birth", Id) => "Tanggal lahir (seperti di akta kelahiran)",
        ("s-birth", En) => "Date of birth (as on the birth certificate)",
        ("s-sex", Id) => "Jenis kelamin",
        ("s-sex", En) => "Sex",
        ("stated-ok", Id) => "Cocok dengan NIK.",
        ("stated-ok", En) => "Matches the NIK.",
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
        ("office-why", Id) => "Ketik nama kabupaten/kota, misalnya \u{201c}surabaya\u{201d}. Angka awal NIK menunjukkan tempat NIK pertama kali dibuat, bukan alamat KK Anda sekarang.",
        ("office-why", En) => "Type the regency/city name, for example \u{201c}surabaya\u{201d}. The first digits of a NIK show where it was first issued, not your KK address now.",
        ("office-results-none", Id) => "Tidak ditemukan. Coba nama lain, tanpa \u{201c}Kabupaten\u{201d} atau \u{201c}Kota\u{201d}.",
        ("office-results-none", En) => "Not found. Try another name, without \u{201c}Kabupaten\u{201d} or \u{201c}Kota\u{201d}.",
        ("wa-unknown", Id) => "Nomor WhatsApp kantor ini belum diketahui. Bila Anda tahu nomor resminya, ketik di bawah; kirim hanya ke nomor resmi Dukcapil.",
        ("wa-unknown", En) => "This office's WhatsApp number is not known. If you know its official number, type it below; send only to an official Dukcapil number.",
        ("office-source", Id) => "Sumber:",
        ("office-source", En) => "Source:",
        ("details-title", Id) => "Data untuk laporan",
        ("details-title", En) => "Details for the report",
        ("c-name", Id) => "Nama lengkap (sesuai KTP-el)",
        ("c-name", En) => "Full name (as on the KTP-el)",
        ("c-village", Id) => "Desa/kelurahan alamat KK",
        ("c-village", En) => "Village/kelurahan of the KK address",
        ("c-district", Id) => "Kecamatan alamat KK",
        ("c-district", En) => "District (kecamatan) of the KK address",
        ("c-phone", Id) => "Nomor HP Anda (untuk dihubungi petugas)",
        ("c-phone", En) => "Your mobile number (for the officer to reach you)",
        ("c-tried", Id) => "Yang sudah dicoba (opsional)",
        ("c-tried", En) => "What you already tried (optional)",
        ("wa-title", Id) => "Pesan WhatsApp",
        ("wa-title", En) => "WhatsApp message",
        ("wa-label", Id) => "Periksa dan ubah bila perlu (dalam Bahasa Indonesia, untuk petugas)",
        ("wa-label", En) => "Check and edit if needed (in Bahasa Indonesia, for the officer)",
        ("wa-privacy", Id) => "Saat Anda mengetuk tombol ini, isi pesan (termasuk NIK dan Nomor KK) melewati server WhatsApp dan sampai ke petugas. Sebelum itu tidak ada yang dikirim.",
        ("wa-privacy", En) => "When you tap this button, the message (with the NIK and KK number) passes through WhatsApp's servers to the officer. Nothing is sent before that.",

        ("recompose", Id) => "Susun ulang pesan",
        ("recompose", En) => "Rebuild the message",
        ("copy", Id) => "Salin pesan",
        ("copy", En) => "Copy message",
        ("share", Id) => "Bagikan",
        ("share", En) => "Share",
        ("print", Id) => "Cetak slip kunjungan",
        ("print", En) => "Print the visit slip",
        ("print-note", Id) => "Slip muat di satu lembar A4 atau F4. NIK dan Nomor KK masing-masing punya kode QR: pemindai petugas langsung mengetikkan angkanya.",
        ("print-note", En) => "The slip fits one A4 or F4 sheet. The NIK and the KK number each have a QR code: the officer's scanner types the digits straight in.",
        ("c-screenshot", Id) => "Saya punya tangkapan layar pesan penolakan (dikirim hanya bila petugas meminta)",
        ("c-screenshot", En) => "I have a screenshot of the refusal (sent only if the officer asks)",

        ("clear", Id) => "Hapus semua data",
        ("clear", En) => "Clear everything",
        ("cleared", Id) => "Semua data di halaman ini sudah dihapus.",
        ("cleared", En) => "Everything on this page has been cleared.",
        ("copied", Id) => "Pesan disalin.",
        ("copied", En) => "Message copied.",
        ("copy-failed", Id) => "Tidak bisa menyalin otomatis; tekan lama pada pesan untuk menyalin.",
        ("copy-failed", En) => "Could not copy automatically; long-press the message to copy it.",
        ("share-missing", Id) => "Ponsel ini tidak mendukung Bagikan; pakai Salin pesan.",
        ("share-missing", En) => "This phone does not support Share; use Copy message.",
        ("config-bad", Id) => "Berkas offices.json dari pengelola situs ini tidak dapat dipakai; data bawaan tetap dipakai:",
        ("config-bad", En) => "This site's offices.json from the deployer cannot be used; the built-in data is used instead:",
        ("district-offline", Id) => "nama muncul saat ponsel online",
        ("district-offline", En) => "name shown once online",
        ("year-guess", Id) => "tahun diperkirakan",
        ("year-guess", En) => "year is a guess",
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
    /// The diagnosis is shown (re-rendered on language switch).
    diagnosed: bool,
    /// The citizen edited the WhatsApp text: stop rewriting it.
    message_edited: bool,
    /// The citizen chose an office: stop pre-selecting from the NIK.
    office_picked: bool,
    /// The regency/city whose Dukcapil gets the report (chosen or from the NIK).
    office: Option<u32>,
    /// The message in the text box is for Halo Dukcapil (no office number known).
    route_national: bool,
    config: crate::offices::OfficeConfig,
    lang: Lang,
    /// The messages under the NIK as last drawn (codes and words).
    messages_shown: RefCell<String>,
    _listeners: Vec<EventListener>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

fn by_id(doc: &Document, id: &str) -> Option<Element> {
    doc.get_element_by_id(id)
}

fn set_text(doc: &Document, id: &str, s: &str) {
    if let Some(e) = by_id(doc, id) {
        e.set_text_content(Some(s));
    }
}

impl App {
    fn translate(&self) {
        let Ok(list) = self.doc.query_selector_all("[data-t]") else {
            return;
        };
        for i in 0..list.length() {
            let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(key) = el.get_attribute("data-t") {
                // index.html carries the Indonesian text for the first paint;
                // rewriting identical text would only make the browser repaint.
                let t = text(&key, self.lang);
                if el.text_content().as_deref() != Some(t) {
                    el.set_text_content(Some(t));
                }
            }
        }
        if let Some(root) = self.doc.document_element() {
            let _ = root.set_attribute("lang", if self.lang == Lang::En { "en" } else { "id" });
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
        if let Some(hint) = by_id(doc, "kk-hint") {
            if crate::check::nik_looks_like_kk(&value, today()) {
                let _ = hint.remove_attribute("hidden");
            } else {
                let _ = hint.set_attribute("hidden", "");
            }
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

/// Writes `slots` into `el` as text, each wrong character in a `<mark>`;
/// `grouped` puts a space after every fourth place, as the NIK is read.
fn fill_marked(doc: &Document, el: &Element, slots: &[crate::check::Slot], grouped: bool) {
    crate::browser::fill_marked(doc, el, slots.iter().map(|s| (s.ch, s.bad)), grouped);
}

fn with_app(f: impl FnOnce(&mut App)) {
    APP.with(|a| {
        if let Some(app) = a.borrow_mut().as_mut() {
            f(app);
        }
    });
}

/// Listens to `event` on the element `id`, if the page has it.
fn on(
    doc: &Document,
    listeners: &mut Vec<EventListener>,
    id: &str,
    event: &'static str,
    f: fn(&mut App),
) {
    if let Some(el) = by_id(doc, id) {
        listeners.push(EventListener::new(&el, event, move |_| with_app(f)));
    }
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
        app.render();
        app.clear_next_problem();
        app.preselect_office();
        app.render_report();
    });
    on(&doc, &mut l, "lang", "click", |app| {
        // Switching language rewrites text; the reader stays where they were.
        let y = web_sys::window().and_then(|w| w.scroll_y().ok());
        app.lang = if app.lang == Lang::Id {
            Lang::En
        } else {
            Lang::Id
        };
        session::remember_lang(app.lang);
        app.rerender_all();
        if let (Some(w), Some(y)) = (web_sys::window(), y) {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    });
    on(&doc, &mut l, "next-diagnose", "click", |app| {
        app.next_from_check()
    });
    on(&doc, &mut l, "move-to-kk", "click", |app| app.move_to_kk());
    on(&doc, &mut l, "diagnose-btn", "click", |app| {
        app.diagnosed = true;
        app.render_diagnosis();
        app.render_report();
        app.focus_diagnosis();
    });
    // Any answer or detail changes the report (the message only until the citizen edits it).
    on(&doc, &mut l, "diagnose", "change", |app| {
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
    if let Some(results) = by_id(&doc, "office-results") {
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
    on(&doc, &mut l, "details", "input", |app| app.render_report());
    on(&doc, &mut l, "wa-text", "input", |app| {
        app.message_edited = true;
        app.render_report();
    });
    on(&doc, &mut l, "recompose", "click", |app| {
        app.message_edited = false;
        app.render_report();
    });
    on(&doc, &mut l, "copy", "click", |app| app.copy_message());
    on(&doc, &mut l, "share", "click", |app| app.share_message());
    on(&doc, &mut l, "print", "click", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    on(&doc, &mut l, "clear", "click", |app| app.clear_everything());
    on(&doc, &mut l, "kk", "input", |app| {
        app.group_digits("kk");
        app.render_kk();
        app.render_report();
    });
    on(&doc, &mut l, "stated", "change", |app| app.render_stated());
    on(&doc, &mut l, "stated", "input", |app| app.render_stated());
    flow::wire(&doc, &mut l);
    let mut app = App {
        diagnosed: false,
        message_edited: false,
        office_picked: false,
        office: None,
        route_national: true,
        config: crate::offices::OfficeConfig::default(),
        doc,
        lang: session::remembered_lang(),
        messages_shown: RefCell::default(),
        _listeners: l,
    };
    app.render_questions();
    // What the citizen typed before the phone discarded the tab comes back.
    app.restore_session();
    app.translate();
    // A NIK or KK typed while the wasm was still on its way is grouped and checked now.
    app.group_digits("nik");
    app.group_digits("kk");
    app.render();
    app.render_kk();
    app.render_stated();
    app.preselect_office();
    if app.diagnosed {
        app.render_diagnosis();
    }
    app.render_report();
    app.show_step_from_hash(false);
    if let Some(body) = app.doc.body() {
        let _ = body.set_attribute("data-ready", "yes");
    }
    APP.with(|a| *a.borrow_mut() = Some(app));
}

impl App {
    /// Every text of the page again, in the current language.
    fn rerender_all(&mut self) {
        self.translate();
        self.render();
        self.render_questions();
        if self.diagnosed {
            self.render_diagnosis();
        }
        self.render_kk();
        self.render_stated();
        self.render_office_results();
        self.render_report();
    }
}

/// The deployer's `offices.json` as text (boot.js fetches it from the same
/// origin). A bad file shows a message on the page; the built-in data stays.
#[wasm_bindgen(js_name = setOfficeConfig)]
pub fn set_office_config(json: &str) {
    with_app(|app| app.set_config(json));
}
