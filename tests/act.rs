//! Act: phone numbers, wa.me links, the report text, reference codes, offices.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::act::{
    build_report, encode_component, reference, wa_link, Citizen, MAX_MESSAGE_CHARS,
};
use klinik_nik::date::Date;
use klinik_nik::diagnose::{diagnose_answers, Answers};
use klinik_nik::offices::{self, parse_config, ConfigError};
use klinik_nik::phone::{normalize, PhoneProblem};
use klinik_nik::Lang;
use proptest::prelude::*;

/// (what people write, expected result)
const PHONES: &[(&str, Result<&str, PhoneProblem>)] = &[
    ("0812-3456-7890", Ok("6281234567890")),
    ("081234567890", Ok("6281234567890")),
    ("0812 3456 7890", Ok("6281234567890")),
    ("0812.3456.7890", Ok("6281234567890")),
    ("(0812) 3456-7890", Ok("6281234567890")),
    ("62812345678", Ok("62812345678")),
    ("6281234567890", Ok("6281234567890")),
    ("+6281234567890", Ok("6281234567890")),
    ("+62 812-3456-7890", Ok("6281234567890")),
    ("+62 (812) 3456 7890", Ok("6281234567890")),
    ("+62 0812 3456 7890", Ok("6281234567890")),
    ("006281234567890", Ok("6281234567890")),
    ("812-3456-7890", Ok("6281234567890")),
    ("0811-1158-676", Ok("628111158676")),
    ("0811\u{a0}800\u{a0}5373", Ok("628118005373")),
    ("  0857 1234 5678  ", Ok("6285712345678")),
    ("08951234567", Ok("628951234567")),
    ("0812345678", Ok("62812345678")),
    ("081234567", Err(PhoneProblem::TooShort)),
    ("", Err(PhoneProblem::Empty)),
    ("   ", Err(PhoneProblem::Empty)),
    ("021-5551234", Err(PhoneProblem::Landline)),
    ("(0332) 421234", Err(PhoneProblem::Landline)),
    ("+62 21 5551234", Err(PhoneProblem::Landline)),
    ("1500537", Err(PhoneProblem::Landline)),
    ("0812345", Err(PhoneProblem::TooShort)),
    ("08", Err(PhoneProblem::TooShort)),
    ("0812345678901234", Err(PhoneProblem::TooLong)),
    ("08123456789012345678901234", Err(PhoneProblem::TooLong)),
    ("+1 415 555 0100", Err(PhoneProblem::NotIndonesian)),
    ("+60 12-345 6789", Err(PhoneProblem::NotIndonesian)),
    ("0060123456789", Err(PhoneProblem::NotIndonesian)),
    ("0804-1234-5678", Err(PhoneProblem::NotMobile)),
    ("0841-1234-5678", Err(PhoneProblem::NotMobile)),
    ("0812-3456-789O", Err(PhoneProblem::BadChar('O'))),
    ("0812#3456", Err(PhoneProblem::BadChar('#'))),
    ("++6281234567890", Err(PhoneProblem::BadChar('+'))),
    ("\u{ff10}812", Err(PhoneProblem::BadChar('\u{ff10}'))),
];

/// An office's WhatsApp (offices.json, or typed by the citizen) may be a
/// landline with its area code: WhatsApp Business accepts those (review W3).
#[test]
fn office_numbers_may_be_landlines() {
    use klinik_nik::phone::normalize_office;
    for (input, want) in [
        ("(0332) 421234", Ok("62332421234")),
        ("021-5551234", Ok("62215551234")),
        ("+62 21 5551234", Ok("62215551234")),
        ("021 3456 7890", Ok("622134567890")),
        ("0370-633 123", Ok("62370633123")),
        ("0811-800-5373", Ok("628118005373")),
        ("0332 42", Err(PhoneProblem::LandlineLength)),
        ("0332 1234 5678 90", Err(PhoneProblem::LandlineLength)),
        ("1500537", Err(PhoneProblem::NotMobile)),
        ("+1 415 555 0100", Err(PhoneProblem::NotIndonesian)),
        ("0812#3456", Err(PhoneProblem::BadChar('#'))),
        ("", Err(PhoneProblem::Empty)),
    ] {
        assert_eq!(
            normalize_office(input),
            want.map(str::to_owned),
            "{input:?}"
        );
    }
    // The citizen's own number stays a mobile: the officer answers her there.
    assert_eq!(normalize("(0332) 421234"), Err(PhoneProblem::Landline));
    assert!(PhoneProblem::Landline
        .message(Lang::Id)
        .contains("nomor HP Anda"));
    assert_eq!(klinik_nik::phone::display("62332421234"), "0332421234");
    // offices.json takes a landline for an office.
    let cfg = offices::parse_config(
        r#"{"offices": [{"regency": "35.11", "whatsapp": "(0332) 421234", "source": "https://example.org/x", "checked": "2026-12-03"}]}"#,
    )
    .expect("a landline is a valid office WhatsApp");
    assert_eq!(
        cfg.office(3511).and_then(|o| o.whatsapp).as_deref(),
        Some("62332421234")
    );
}

#[test]
fn phone_table() {
    assert!(PHONES.len() >= 25);
    for (input, want) in PHONES {
        let got = normalize(input);
        assert_eq!(
            got.as_deref().map_err(Clone::clone),
            want.clone(),
            "{input:?}"
        );
        if let Err(p) = got {
            assert!(!p.message(Lang::Id).is_empty() && p.message(Lang::Id) != p.message(Lang::En));
        }
    }
}

fn decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(
                u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap(), 16).unwrap(),
            );
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

fn text_param(link: &str) -> &str {
    link.split_once("?text=").unwrap().1
}

proptest! {
    #[test]
    fn link_text_decodes_back_exactly(text in "\\PC*|[#&+%\n\r ?=/]*") {
        let link = wa_link(Some("6281234567890"), &text);
        prop_assert!(link.starts_with("https://wa.me/6281234567890?text="));
        let param = text_param(&link);
        prop_assert!(param.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)), "{}", param);
        prop_assert_eq!(decode(param), text.as_bytes());
    }

    #[test]
    fn report_stays_under_the_bound(name in "\\PC{0,400}", tried in "\\PC{0,2000}", msg in "\\PC{0,2000}", since in "\\PC{0,500}", village in "\\PC{0,300}") {
        // Every life-event box ticked: the longest report there can be.
        let events = klinik_nik::diagnose::EVENTS.iter().map(|e| e.key.to_string()).collect();
        let a = Answers { service: Some("bpjs_kesehatan".into()), message_text: Some(msg), since: Some(since), events,
            nik: Some("3511015003850001".into()), kk: Some("3511012003150007".into()), ..Answers::default() };
        let c = Citizen { name, village: village.clone(), district: village, phone: "0812 3456 7890".into(), tried, screenshot: true, regency: Some(3511) };
        let r = report(&a, &c);
        prop_assert!(r.text.chars().count() <= MAX_MESSAGE_CHARS, "{} chars", r.text.chars().count());
        prop_assert!(r.national_text.chars().count() <= MAX_MESSAGE_CHARS, "{} chars", r.national_text.chars().count());
        prop_assert_eq!(decode(text_param(&r.national_link)), r.national_text.as_bytes());
        prop_assert_eq!(decode(text_param(&r.link)), r.text.as_bytes());
    }
}

fn today() -> Date {
    Date::new(2026, 11, 27).unwrap()
}

fn report(a: &Answers, c: &Citizen) -> klinik_nik::act::Report {
    let d = diagnose_answers(a, today(), Lang::Id);
    let office = offices::builtin(3511).unwrap();
    build_report(a, &d, c, &office, today())
}

fn bondowoso() -> (Answers, Citizen) {
    (
        Answers {
            service: Some("bpjs_kesehatan".into()),
            message: Some("not_found".into()),
            message_text: Some("NIK tidak ditemukan".into()),
            since: Some("Oktober 2026".into()),
            nik: Some("3511 0150 0385 0001".into()),
            kk: Some("3511012003150007".into()),
            ..Answers::default()
        },
        Citizen {
            name: "Siti Aminah".into(),
            village: "Desa Maesan".into(),
            district: "Maesan".into(),
            phone: "0812-3456-7890".into(),
            tried: "Sudah ke kantor BPJS".into(),
            screenshot: false,
            // Her Nomor KK (35.11…) says Bondowoso.
            regency: Some(3511),
        },
    )
}

#[test]
fn the_bondowoso_report() {
    let (a, c) = bondowoso();
    let r = report(&a, &c);
    assert!(r
        .text
        .starts_with("*Laporan NIK bermasalah*\nNo. laporan: KN-"));
    for needle in [
        "Kepada Yth. Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso\n\nDengan hormat,",
        "NIK: 3511015003850001",
        "Nomor KK: 3511012003150007",
        "Nama: Siti Aminah",
        "Alamat KK: Desa Maesan, Kec. Maesan, Kabupaten Bondowoso, Jawa Timur",
        "No. HP: 0812-3456-7890",
        "Layanan: BPJS Kesehatan / KIS",
        "Jenis penolakan: NIK tidak ditemukan / tidak terdaftar",
        "Bunyi pesan: \u{201c}NIK tidak ditemukan\u{201d}",
        // Cause A: asked for in the office's own words.
        "Mohon bantuan konsolidasi/sinkronisasi NIK saya",
        "Sejak: Oktober 2026",
        "*Dugaan penyebab*",
    ] {
        assert!(r.text.contains(needle), "missing {needle:?} in\n{}", r.text);
    }
    assert!(
        !r.text.lines().any(|l| l.starts_with("* ")),
        "a line starting with '* ' may become a bullet"
    );
    assert!(
        r.link.starts_with("https://wa.me/?text="),
        "Bondowoso's number is unknown: the citizen picks the contact"
    );
    assert!(!r.has_number);
    assert!(
        !r.text.contains("Tangkapan layar"),
        "only when the citizen has one"
    );
    // The numbers the slip's QR codes carry: exactly 16 digits each.
    assert_eq!(
        (r.nik.as_str(), r.kk.as_str()),
        ("3511015003850001", "3511012003150007")
    );
}

#[test]
fn a_chosen_refusal_is_not_quoted_as_the_services_words() {
    let (mut a, mut c) = bondowoso();
    a.message_text = None;
    c.screenshot = true;
    let r = report(&a, &c);
    assert!(r
        .text
        .contains("Jenis penolakan: NIK tidak ditemukan / tidak terdaftar\n"));
    assert!(
        r.text.contains("Bunyi pesan: (tidak dicatat)\n"),
        "{}",
        r.text
    );
    assert!(
        !r.text.contains('\u{201c}'),
        "nothing is quoted: {}",
        r.text
    );
    assert!(r.message.is_empty());
    assert!(r
        .text
        .contains("Tangkapan layar penolakan dapat saya kirim bila diminta."));
    assert!(!r.text.to_lowercase().contains("foto ktp"));
}

#[test]
fn the_halo_dukcapil_message_uses_the_national_format() {
    let (a, c) = bondowoso();
    let r = report(&a, &c);
    let lines: Vec<&str> = r.national_text.lines().collect();
    assert_eq!(lines[0], "#NIK 3511015003850001");
    assert_eq!(lines[1], "#Nama Siti Aminah");
    assert_eq!(lines[2], "#NomorKK 3511012003150007");
    assert_eq!(lines[3], "#Telp 0812-3456-7890");
    assert!(
        lines[4].starts_with(
            "#permasalahan NIK tidak ditemukan / tidak terdaftar di BPJS Kesehatan / KIS"
        ),
        "{}",
        lines[4]
    );
    assert!(
        lines[4].contains("Kabupaten Bondowoso, Jawa Timur") && lines[4].contains(&r.reference)
    );
    assert!(r
        .national_link
        .starts_with("https://wa.me/628118005373?text=%23NIK%203511015003850001%0A%23Nama"));
    assert_eq!(
        decode(text_param(&r.national_link)),
        r.national_text.as_bytes()
    );
}

#[test]
fn the_address_names_the_regency_and_province_the_citizen_chose() {
    let (a, mut c) = bondowoso();
    let d = diagnose_answers(&a, today(), Lang::Id);
    // The KK is now in Surabaya: the address follows her choice, not the NIK.
    c.regency = Some(3578);
    let r = build_report(&a, &d, &c, &offices::builtin(3578).unwrap(), today());
    assert_eq!(
        r.address,
        "Desa Maesan, Kec. Maesan, Kota Surabaya, Jawa Timur"
    );
    let none = build_report(
        &a,
        &d,
        &Citizen::default(),
        &offices::Office::default(),
        today(),
    );
    assert_eq!(none.address, "");
}

#[test]
fn reference_codes() {
    let (a, c) = bondowoso();
    let r1 = report(&a, &c);
    let r2 = report(&a, &c);
    assert_eq!(r1.reference, r2.reference, "stable for the same report");
    let mut other = a.clone();
    other.nik = Some("3511015003850002".into());
    assert_ne!(
        report(&other, &c).reference,
        r1.reference,
        "differs across reports"
    );
    let code = &r1.reference;
    assert!(code.len() == 12 && code.starts_with("KN-") && code.as_bytes()[7] == b'-');
    assert!(
        !code[3..].contains(['0', 'O', '1', 'I', 'L', 'U']),
        "{code}"
    );
    // Over many reports, codes do not collide.
    let codes: std::collections::HashSet<String> =
        (0..20_000).map(|i| reference(&[&i.to_string()])).collect();
    assert_eq!(codes.len(), 20_000);
}

#[test]
fn encoding_of_the_special_characters() {
    assert_eq!(encode_component("#"), "%23");
    assert_eq!(encode_component("&"), "%26");
    assert_eq!(encode_component("+"), "%2B");
    assert_eq!(encode_component("\n"), "%0A");
    assert_eq!(encode_component("🙏"), "%F0%9F%99%8F");
    assert_eq!(encode_component("a-b_c.d~e"), "a-b_c.d~e");
}

#[test]
fn office_with_a_deployer_number_links_to_it() {
    let cfg = parse_config(
        r#"{"deployer": "Contoh", "default_regency": "35.11", "offices": [{"regency": "35.11",
        "whatsapp": "0812-3456-7890", "address": "Jl. Contoh", "source": "https://example.org/x", "checked": "2026-11-01"}]}"#,
    )
    .unwrap();
    assert_eq!(cfg.default_regency, Some(3511));
    let office = cfg.office(3511).unwrap();
    assert_eq!(office.whatsapp.as_deref(), Some("6281234567890"));
    let (a, c) = bondowoso();
    let d = diagnose_answers(&a, today(), Lang::Id);
    let r = build_report(&a, &d, &c, &office, today());
    assert!(r
        .link
        .starts_with("https://wa.me/6281234567890?text=%2ALaporan"));
    assert!(r.has_number);
    assert_eq!(
        cfg.office(3578).unwrap().whatsapp,
        None,
        "other offices keep the built-in data"
    );
}

#[test]
fn bad_office_files_are_refused_with_reasons() {
    type Expect = fn(&ConfigError) -> bool;
    let cases: &[(&str, Expect)] = &[
        ("not json", |e| matches!(e, ConfigError::NotJson(_))),
        ("[]", |e| matches!(e, ConfigError::WrongType(_))),
        (r#"{"offices": {}}"#, |e| {
            matches!(e, ConfigError::WrongType(_))
        }),
        (r#"{"offices": [1]}"#, |e| {
            matches!(e, ConfigError::WrongType(_))
        }),
        (r#"{"ofices": []}"#, |e| *e == ConfigError::UnknownField),
        (r#"{"offices": [{"regency": "35.11", "fax": "1"}]}"#, |e| {
            *e == ConfigError::UnknownField
        }),
        (r#"{"offices": [{"regency": "35.99"}]}"#, |e| {
            *e == ConfigError::UnknownRegency
        }),
        (r#"{"offices": [{"regency": 3511}]}"#, |e| {
            matches!(e, ConfigError::WrongType(_))
        }),
        (
            r#"{"offices": [{"regency": "35.11", "whatsapp": "021-555", "source": "https://a.b", "checked": "2026-01-01"}]}"#,
            |e| matches!(e, ConfigError::Phone(_)),
        ),
        (
            r#"{"offices": [{"regency": "35.11", "whatsapp": "0812-3456-7890"}]}"#,
            |e| *e == ConfigError::NeedsSource,
        ),
        (
            r#"{"offices": [{"regency": "35.11", "hours": "x", "source": "http://a.b", "checked": "2026-01-01"}]}"#,
            |e| *e == ConfigError::BadUrl,
        ),
        (
            r#"{"offices": [{"regency": "35.11", "hours": "x", "source": "https://a.b", "checked": "01-01-2026"}]}"#,
            |e| *e == ConfigError::BadDate,
        ),
        (
            r#"{"offices": [{"regency": "35.11"}, {"regency": "3511"}]}"#,
            |e| *e == ConfigError::Duplicate,
        ),
        (r#"{"deployer": "a\u0000b"}"#, |e| {
            *e == ConfigError::BadText
        }),
    ];
    for (json, want) in cases {
        let problems = parse_config(json).expect_err(json);
        assert!(
            problems.iter().any(|p| want(&p.what)),
            "{json}: {problems:?}"
        );
        for p in &problems {
            assert!(!p.message(Lang::Id).is_empty());
        }
    }
    let huge = format!("{{\"deployer\": \"{}\"}}", "x".repeat(300_000));
    assert!(matches!(
        parse_config(&huge).unwrap_err()[0].what,
        ConfigError::TooBig(_)
    ));
    assert_eq!(
        parse_config(r#"{"offices": []}"#).unwrap(),
        Default::default()
    );
    // The file shipped in www/ is valid and invents nothing.
    let shipped = parse_config(include_str!("../www/offices.json")).unwrap();
    assert!(shipped
        .offices
        .iter()
        .all(|o| o.whatsapp.is_none() || o.source.is_some()));
}

#[test]
fn office_names_and_successors() {
    assert_eq!(
        offices::builtin(3171).unwrap().name,
        "Suku Dinas Kependudukan dan Pencatatan Sipil Kota Administrasi Jakarta Pusat"
    );
    assert_eq!(
        offices::builtin(3511).unwrap().whatsapp,
        None,
        "no number is built in"
    );
    assert_eq!(offices::current_regency_for(3511), Some(3511));
    assert_eq!(
        offices::current_regency_for(9101),
        Some(9301),
        "91.01 Merauke is now 93.01"
    );
    assert_eq!(
        offices::current_regency_for(9201),
        Some(9601),
        "92.01 Sorong is now 96.01"
    );
    let current = klinik_nik::regions::all(klinik_nik::regions::Level::Regency)
        .filter(|r| r.editions.is_current());
    for r in current {
        assert!(offices::builtin(r.code)
            .unwrap()
            .name
            .contains("Kependudukan dan Pencatatan Sipil"));
    }
}

#[test]
fn the_regency_search_finds_what_citizens_type() {
    use klinik_nik::offices::search;
    assert_eq!(search("surab", 8).first(), Some(&3578), "Kota Surabaya");
    assert_eq!(search("kab bondowoso", 8), vec![3511]);
    assert_eq!(search("Bondowoso", 8), vec![3511]);
    assert_eq!(search("kabupaten  BONDOWOSO", 8), vec![3511]);
    // "kota" narrows to cities, "kab" to regencies.
    for c in search("kota b", 50) {
        assert!(klinik_nik::regions::regency(c).unwrap().is_city(), "{c}");
    }
    assert!(search("kab mal", 20).iter().all(|&c| c % 100 < 71));
    // Old codes and names of split regencies find the current one.
    assert_eq!(search("9101", 8), vec![9301]);
    assert_eq!(search("merauke", 8), vec![9301]);
    assert_eq!(
        search("sorong", 8),
        vec![9601, 9671, 9602],
        "exact names first"
    );
    // Every result is a current regency/city, without repeats.
    let all = search("a", 1000);
    assert!(all.len() > 100);
    let set: std::collections::HashSet<_> = all.iter().collect();
    assert_eq!(set.len(), all.len());
    assert!(all.iter().all(|&c| klinik_nik::regions::regency(c)
        .unwrap()
        .editions
        .is_current()));
    assert!(search("", 8).is_empty() && search("  -- ", 8).is_empty());
    assert!(search("zzzz", 8).is_empty());
}

#[test]
fn no_cause_is_guessed_before_step_2_is_answered() {
    let (a, c) = bondowoso();
    let only_numbers = Answers {
        nik: a.nik.clone(),
        kk: a.kk.clone(),
        ..Answers::default()
    };
    let r = report(&only_numbers, &c);
    assert!(
        r.cause.is_empty() && !r.text.contains("Dugaan penyebab"),
        "{}",
        r.text
    );
    assert!(!report(&a, &c).cause.is_empty());
}

/// The slip is addressed where the top cause is fixed (review N3): the
/// Dukcapil office, the institution that refused, or the kelurahan.
#[test]
fn the_slip_goes_where_the_cause_is_fixed() {
    let (mut a, c) = bondowoso();
    let r = report(&a, &c);
    assert_eq!(
        r.slip_to,
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso"
    );
    a.service = Some("tax".into());
    assert_eq!(report(&a, &c).slip_to, "Petugas Pajak (Coretax DJP / NPWP)");
    a.service = Some("bank".into());
    a.message = Some("nik_kk_mismatch".into());
    a.message_text = None;
    a.events = vec!["new_kk".into()];
    assert_eq!(report(&a, &c).slip_to, "Petugas Bank atau dompet digital");
    a.service = Some("bpjs_kesehatan".into());
    a.message = Some("inactive".into());
    a.events = vec!["lived_away".into()];
    assert_eq!(report(&a, &c).slip_to, "Kantor kelurahan alamat KK");
    // Without answers there is no cause yet: the office chosen.
    let r = report(
        &Answers {
            nik: a.nik.clone(),
            ..Answers::default()
        },
        &c,
    );
    assert_eq!(r.slip_to, r.office);
}

/// Without a chosen office the report says the regency is not chosen yet
/// rather than leave it out silently (review N9); nothing is made up.
#[test]
fn an_address_without_a_chosen_office_says_so() {
    let (a, mut c) = bondowoso();
    c.regency = None;
    let d = diagnose_answers(&a, today(), Lang::Id);
    let office = offices::Office {
        name: "Dinas Kependudukan dan Pencatatan Sipil".into(),
        ..offices::Office::default()
    };
    let r = build_report(&a, &d, &c, &office, today());
    assert_eq!(
        r.address,
        "Desa Maesan, Kec. Maesan, kabupaten/kota belum dipilih"
    );
    assert!(!r.text.contains("Bondowoso"), "{}", r.text);
    // An office pre-selected from the NIK is no statement about the KK
    // address: only a regency she chose, or her KK gave, is named (issue 20).
    let r = report(&a, &c);
    assert_eq!(
        r.address,
        "Desa Maesan, Kec. Maesan, kabupaten/kota belum dipilih"
    );
    assert!(
        !r.national_text.contains("Bondowoso"),
        "{}",
        r.national_text
    );
}

/// Issue 20: a cause fixed at the institution names where to reach it when
/// the knowledge base's sources say (BPJS Kesehatan: Mobile JKN, PANDAWA,
/// 165), and nothing where they do not (a bank); a Dukcapil door never does.
#[test]
fn the_institution_door_names_its_sourced_channel() {
    let (mut a, c) = bondowoso();
    assert_eq!(report(&a, &c).door, "whatsapp");
    assert_eq!(report(&a, &c).institution_contact, "");
    a.message = Some("nik_kk_mismatch".into());
    a.message_text = None;
    let r = report(&a, &c);
    assert_eq!(
        (r.door.as_str(), r.slip_to.as_str()),
        ("institution", "Petugas BPJS Kesehatan / KIS")
    );
    assert!(
        r.institution_contact
            .contains("WhatsApp PANDAWA, call center 165"),
        "{}",
        r.institution_contact
    );
    // Only what the service's own sources give: each channel named is in its followup.
    let bpjs = klinik_nik::diagnose::SERVICES
        .iter()
        .find(|s| s.key == "bpjs_kesehatan")
        .unwrap();
    for part in [
        "Mobile JKN",
        "WhatsApp PANDAWA",
        "call center 165",
        "kantor cabang/rumah sakit",
    ] {
        assert!(
            bpjs.followup.id.contains(part) && r.institution_contact.contains(part),
            "{part}"
        );
    }
    a.service = Some("tax".into());
    a.message = Some("not_found".into());
    assert_eq!(
        report(&a, &c).institution_contact,
        "Coretax, atau kantor pajak (KPP)."
    );
    a.service = Some("bank".into());
    a.message = Some("nik_kk_mismatch".into());
    let r = report(&a, &c);
    assert_eq!(
        (r.door.as_str(), r.institution_contact.as_str()),
        ("institution", "")
    );
}

/// The boxes she ticked in step 2 are facts she gave: every report says them
/// in their own words (the officer needs to know of a move or a new KK), and
/// a report without a tick says nothing of the kind. (The slip's row is
/// checked in the e2e test of a visit.)
#[test]
fn the_changes_she_ticked_are_in_every_report() {
    let (mut a, c) = bondowoso();
    let r = report(&a, &c);
    assert!(r.changes.is_empty());
    for text in [&r.text, &r.national_text, &r.institution_text] {
        assert!(!text.contains("berubah"), "{text}");
    }
    a.events = vec!["moved".into(), "no_ktp_recording".into()];
    let r = report(&a, &c);
    let said = "Pindah alamat; Belum pernah rekam KTP-el";
    assert_eq!(r.changes, said);
    assert!(
        r.text.contains(&format!("Yang berubah: {said}\n")),
        "{}",
        r.text
    );
    assert!(
        r.national_text
            .contains(&format!("; yang berubah: {said};")),
        "{}",
        r.national_text
    );
    // Fixed at the institution (an old KK at the bank): its request says them too.
    a.service = Some("bank".into());
    a.message = Some("nik_kk_mismatch".into());
    a.events = vec!["new_kk".into()];
    let r = report(&a, &c);
    assert!(
        !r.institution_text.is_empty(),
        "cause H goes to the institution"
    );
    assert!(
        r.institution_text.contains("Yang berubah: KK baru\n"),
        "{}",
        r.institution_text
    );
    // Every box ticked still fits the message budget.
    a.events = klinik_nik::diagnose::EVENTS
        .iter()
        .map(|e| e.key.to_string())
        .collect();
    let r = report(&a, &c);
    for text in [&r.text, &r.national_text, &r.institution_text] {
        assert!(
            text.chars().count() <= MAX_MESSAGE_CHARS,
            "{} chars",
            text.chars().count()
        );
    }
}
