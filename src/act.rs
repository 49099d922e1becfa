//! Act: the WhatsApp report to the office, its `wa.me` link, the reference
//! code, and what the printable visit slip shows.
//!
//! The report is always in Bahasa Indonesia (the office's language), with
//! short `*bold*` headings, and stays under 1,600 characters: free-text
//! fields are cut to a fixed length. The link follows WhatsApp's click-to-chat
//! form `https://wa.me/<digits>?text=<percent-encoded UTF-8>`; without a known
//! number it is `https://wa.me/?text=…`, so the citizen picks the contact.

use crate::date::Date;
use crate::diagnose::{Answers, DiagnosisView};
use crate::offices::Office;
use crate::phone;
use serde::{Deserialize, Serialize};

/// The longest report we build, in characters (WhatsApp documents no limit
/// for `text`; share intents were seen to cut near 2,250).
pub const MAX_MESSAGE_CHARS: usize = 1600;

/// What the citizen fills in for the report.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Citizen {
    pub name: String,
    /// Desa/kelurahan of the KK address.
    pub village: String,
    /// Kecamatan of the KK address.
    pub district: String,
    pub phone: String,
    /// What was already tried.
    pub tried: String,
    /// The citizen has a screenshot of the refusal and can send it if asked
    /// (never asked for up front, nor photos of the KTP-el or KK).
    pub screenshot: bool,
    /// The regency/city of the KK address (`3511`), only when the citizen
    /// chose or confirmed it, or her Nomor KK says it: the report never names
    /// a regency she did not give.
    pub regency: Option<u32>,
}

/// Percent-encodes everything but the URL-unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`), as UTF-8: `#` → `%23`, `&` → `%26`, `+` → `%2B`,
/// newline → `%0A`, `é` → `%C3%A9`.
///
/// ```
/// assert_eq!(klinik_nik::act::encode_component("#NIK & KK+1\n"), "%23NIK%20%26%20KK%2B1%0A");
/// ```
pub fn encode_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// The click-to-chat link. `number` must already be normalised (`62…`).
///
/// ```
/// use klinik_nik::act::wa_link;
/// assert_eq!(wa_link(Some("628111158676"), "Halo #1"), "https://wa.me/628111158676?text=Halo%20%231");
/// assert_eq!(wa_link(None, "Halo"), "https://wa.me/?text=Halo");
/// ```
pub fn wa_link(number: Option<&str>, text: &str) -> String {
    let digits: String = number
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    format!("https://wa.me/{digits}?text={}", encode_component(text))
}

/// Letters and digits that cannot be confused when read aloud or handwritten
/// (no 0/O, 1/I/L, U/V; Crockford's idea).
const REF_ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A short reference code for a report, like `KN-7Q4M-2XHP`: the same for the
/// same report, different across reports (64-bit FNV-1a of every field).
pub fn reference(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.as_bytes().iter().chain(&[0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut code = String::from("KN-");
    for i in 0..8 {
        if i == 4 {
            code.push('-');
        }
        code.push(REF_ALPHABET[(h % 30) as usize] as char);
        h /= 30;
    }
    code
}

/// One line of free text: no line breaks (they would break the layout of the
/// message), runs of spaces collapsed, cut to `max` characters.
fn one_line(s: &str, max: usize) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = joined
        .chars()
        .filter(|c| !c.is_control())
        .take(max)
        .collect();
    if joined.chars().count() > max {
        out.push('\u{2026}');
    }
    out
}

/// Everything the report and the slip are made of, in Bahasa Indonesia.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report {
    pub reference: String,
    pub office: String,
    pub office_address: Option<String>,
    pub office_hours: Option<String>,
    /// `dd-mm-yyyy`.
    pub date: String,
    pub name: String,
    pub nik: String,
    pub kk: String,
    /// Desa, kecamatan, kabupaten/kota and province of the KK address, as far as known.
    pub address: String,
    pub phone: String,
    pub phone_problem: Option<String>,
    pub service: String,
    /// The kind of refusal the citizen chose ("NIK tidak ditemukan / tidak terdaftar").
    pub refusal: String,
    /// The service's exact words, quoted, when the citizen typed them; else empty.
    pub message: String,
    pub since: String,
    /// What changed in her life, as she ticked it in step 2 (the boxes'
    /// labels without their examples, joined by "; "); empty when she ticked none.
    pub changes: String,
    pub tried: String,
    pub cause: String,
    /// Who the visit slip is addressed to: the channel of the top cause
    /// (Dukcapil, the institution that refused, or the kelurahan).
    pub slip_to: String,
    /// What the citizen asks the slip's addressee for, in one line: the
    /// office ("Mohon bantuan …"), or the institution's staff (the cause's
    /// `ask`) when the slip is addressed to them.
    pub request: String,
    /// Where the top cause is fixed: its channel (`whatsapp`, `visit`,
    /// `institution`, `kelurahan`, `mixed`), or empty before step 2 is answered.
    pub door: String,
    /// For a cause fixed at the institution: the request to show or send to
    /// its staff (empty otherwise).
    pub institution_text: String,
    /// For a cause fixed at the institution: where to reach it ("Aplikasi
    /// Mobile JKN, WhatsApp PANDAWA, …"), when the knowledge base's sources
    /// say; empty otherwise.
    pub institution_contact: String,
    pub steps: Vec<String>,
    pub documents: Vec<String>,
    /// The WhatsApp text for the office (the citizen can edit it before sending).
    pub text: String,
    /// The wa.me link for `text`.
    pub link: String,
    /// Whether the link goes to a known office number.
    pub has_number: bool,
    /// The same report in Halo Dukcapil's national format
    /// (`#NIK #Nama #NomorKK #Telp #permasalahan`, one field per line).
    pub national_text: String,
    /// The wa.me link to Halo Dukcapil's WhatsApp for `national_text`.
    pub national_link: String,
}

fn digits(s: &Option<String>) -> String {
    s.as_deref()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .take(16)
        .collect()
}

/// "Desa Maesan, Kec. Maesan, Kabupaten Bondowoso, Jawa Timur": the parts
/// that are known, the regency and province from the citizen's own choice.
/// Without one the regency is not known: the address says so rather than
/// leave the officer to guess.
fn kk_address(village: &str, district: &str, regency: Option<u32>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !village.is_empty() {
        parts.push(village.to_string());
    }
    if !district.is_empty() {
        parts.push(format!("Kec. {district}"));
    }
    if let Some(r) = regency.and_then(crate::regions::regency) {
        parts.push(r.name.to_string());
        if let Some(p) = crate::regions::province(r.code / 100) {
            parts.push(p.name.to_string());
        }
    } else if !parts.is_empty() {
        parts.push("kabupaten/kota belum dipilih".to_string());
    }
    parts.join(", ")
}

/// Builds the report from the answers, the diagnosis (rendered in Bahasa
/// Indonesia), the citizen's details and the chosen office.
pub fn build_report(
    a: &Answers,
    d: &DiagnosisView,
    c: &Citizen,
    office: &Office,
    today: Date,
) -> Report {
    let nik = digits(&a.nik);
    let kk = digits(&a.kk);
    let name = one_line(&c.name, 80);
    let village = one_line(&c.village, 60);
    let district = one_line(&c.district, 60);
    let address = kk_address(&village, &district, c.regency);
    let (phone, phone_problem) = match phone::normalize(&c.phone) {
        Ok(n) => (phone::display(&n), None),
        Err(phone::PhoneProblem::Empty) => (String::new(), None),
        Err(p) => (one_line(&c.phone, 20), Some(p.message(crate::Lang::Id))),
    };
    let chosen = a
        .service
        .as_deref()
        .and_then(|k| crate::diagnose::SERVICES.iter().find(|s| s.key == k));
    let service = chosen.map_or(String::new(), |s| s.name.id.to_string());
    // What the citizen chose is a kind of refusal, never quoted as the service's words.
    let refusal = a
        .message
        .as_deref()
        .and_then(|k| {
            crate::diagnose::MESSAGES
                .iter()
                .find(|m| m.key == k && k != "other")
        })
        .map_or(String::new(), |m| m.name.id.to_string());
    let message = a
        .message_text
        .as_deref()
        .map(|m| one_line(m, 200))
        .filter(|m| !m.is_empty())
        .map_or(String::new(), |m| format!("\u{201c}{m}\u{201d}"));
    let since = one_line(a.since.as_deref().unwrap_or(""), 60);
    // The boxes she ticked, in their own words without the examples ("KK
    // baru", not "KK baru: menikah, cerai, …"): facts she gave, which the
    // officer needs (a move, a new KK, a KTP-el never recorded).
    let mut changes = String::new();
    for e in crate::diagnose::EVENTS {
        if a.events.iter().any(|k| k == e.key) {
            // Up to the examples: "Pindah alamat (…)", "KK baru: …".
            let t = e.name.id;
            let b = t.as_bytes();
            let mut end = b
                .iter()
                .position(|&c| c == b':' || c == b'(')
                .unwrap_or(b.len());
            while end > 0 && b[end - 1] == b' ' {
                end -= 1;
            }
            if !changes.is_empty() {
                changes.push_str("; ");
            }
            changes.push_str(&t[..end]);
        }
    }
    let tried = one_line(&c.tried, 200);
    // A cause is only suggested once the citizen has answered step 2; from the
    // NIK alone it would be a guess.
    let answered = [&a.service, &a.message]
        .iter()
        .any(|v| v.as_deref().is_some_and(|s| !s.trim().is_empty()))
        || !a.events.is_empty();
    let top = d.causes.first().filter(|c| c.score > 0 && answered);
    let cause = top.map_or(String::new(), |c| c.title.to_string());
    // The slip goes where the top cause is fixed (N3 of the 2026-12-03 review).
    let slip_to = match top.map(|c| c.channel) {
        Some("institution") if !service.is_empty() => format!("Petugas {service}"),
        Some("institution") => "Petugas lembaga yang menolak".to_string(),
        Some("kelurahan") => "Kantor kelurahan alamat KK".to_string(),
        _ => office.name.clone(),
    };
    // Cause A is fixed by the office's own procedure: ask for it by name.
    let request = if top.is_some_and(|c| c.key == "A") {
        "Mohon bantuan konsolidasi/sinkronisasi NIK saya agar terbaca di layanan tersebut."
    } else {
        "Mohon bantuan pengecekan NIK saya."
    };
    let date = today.dmy();
    let reference = reference(&[
        &nik, &kk, &name, &address, &service, &refusal, &message, &since, &tried, &date,
    ]);
    let or_missing = |v: &str| {
        if v.is_empty() {
            "(belum diisi)".to_string()
        } else {
            v.to_string()
        }
    };

    let door = top.map_or(String::new(), |c| c.channel.to_string());
    // The request to the institution's staff, in their terms (the knowledge base's `ask`).
    let ask = top
        .and_then(|c| crate::diagnose::CAUSES.iter().find(|x| x.key == c.key))
        .and_then(|c| c.ask.as_ref())
        .map(|a| a.id);
    let institution_contact = chosen
        .and_then(|s| s.contact.as_ref())
        .filter(|_| ask.is_some())
        .map_or(String::new(), |c| c.id.to_string());
    let mut institution_text = String::new();
    if let Some(ask) = ask {
        let it = &mut institution_text;
        it.push_str("*Permohonan pemeriksaan data NIK*\n");
        it.push_str(&format!("No. laporan: {reference}\n"));
        it.push_str(&format!("Kepada Yth. {slip_to}\n\nDengan hormat,\n"));
        for (label, v) in [
            ("Nama", name.as_str()),
            ("NIK", nik.as_str()),
            ("Nomor KK", kk.as_str()),
            ("No. HP", phone.as_str()),
            ("Layanan", service.as_str()),
            ("Jenis penolakan", refusal.as_str()),
            ("Bunyi pesan", message.as_str()),
            ("Yang berubah", changes.as_str()),
        ] {
            if !v.is_empty() {
                it.push_str(&format!("{label}: {v}\n"));
            }
        }
        it.push_str(&format!("\n{ask}\n"));
        if !d.documents.is_empty() {
            it.push_str(&format!(
                "Dokumen yang saya bawa: {}.\n",
                d.documents.join("; ")
            ));
        }
        it.push_str("Terima kasih.");
    }

    let mut t = String::new();
    t.push_str("*Laporan NIK bermasalah*\n");
    t.push_str(&format!("No. laporan: {reference}\n"));
    t.push_str(&format!("Kepada Yth. {}\n", office.name));
    t.push_str("\nDengan hormat, saya mohon bantuan untuk masalah NIK saya berikut.\n");
    t.push_str("\n*Data*\n");
    let line = |t: &mut String, label: &str, v: &str| {
        if !v.is_empty() {
            t.push_str(&format!("{label}: {v}\n"));
        }
    };
    line(&mut t, "Nama", &name);
    line(&mut t, "NIK", &or_missing(&nik));
    line(&mut t, "Nomor KK", &or_missing(&kk));
    line(&mut t, "Alamat KK", &address);
    line(&mut t, "No. HP", &phone);
    t.push_str("\n*Masalah*\n");
    line(&mut t, "Layanan", &service);
    line(&mut t, "Jenis penolakan", &refusal);
    line(
        &mut t,
        "Bunyi pesan",
        if message.is_empty() && !refusal.is_empty() {
            "(tidak dicatat)"
        } else {
            &message
        },
    );
    line(&mut t, "Sejak", &since);
    line(&mut t, "Yang berubah", &changes);
    line(&mut t, "Yang sudah dilakukan", &tried);
    if c.screenshot {
        t.push_str("Tangkapan layar penolakan dapat saya kirim bila diminta.\n");
    }
    if !cause.is_empty() {
        t.push_str(&format!(
            "\n*Dugaan penyebab* (dari Klinik NIK, belum pasti)\n{cause}\n"
        ));
    }
    t.push_str(&format!("\n{request} Terima kasih."));

    // Halo Dukcapil's own format (BKN via Tirto 2019; Kompas, 20 July 2021): one field per
    // line. Kompas's #Alamat_email is left out: the site asks for no e-mail, and the
    // citizen can add one to the editable message.
    let mut problem = String::new();
    let mut say = |s: &str| {
        if !s.is_empty() {
            if !problem.is_empty() {
                problem.push_str("; ");
            }
            problem.push_str(s);
        }
    };
    say(&match (refusal.is_empty(), service.is_empty()) {
        (false, false) => format!("{refusal} di {service}"),
        (false, true) => refusal.clone(),
        (true, false) => format!("Ditolak di {service}"),
        (true, true) => String::new(),
    });
    if !message.is_empty() {
        say(&format!("pesan {message}"));
    }
    if !since.is_empty() {
        say(&format!("sejak {since}"));
    }
    if !changes.is_empty() {
        say(&("yang berubah: ".to_string() + &changes));
    }
    if !address.is_empty() {
        say(&format!("alamat KK {address}"));
    }
    if !tried.is_empty() {
        say(&format!("yang sudah dilakukan: {tried}"));
    }
    if c.screenshot {
        say("tangkapan layar penolakan dapat saya kirim bila diminta");
    }
    say(request);
    let mut n = String::new();
    n.push_str(&format!("#NIK {}\n", or_missing(&nik)));
    n.push_str(&format!("#Nama {}\n", or_missing(&name)));
    n.push_str(&format!("#NomorKK {}\n", or_missing(&kk)));
    n.push_str(&format!("#Telp {}\n", or_missing(&phone)));
    n.push_str(&format!(
        "#permasalahan {problem} (No. laporan {reference})"
    ));
    let national = phone::normalize(crate::diagnose::HALO_DUKCAPIL_WHATSAPP).ok();

    let link = wa_link(office.whatsapp.as_deref(), &t);
    Report {
        reference,
        office: office.name.clone(),
        office_address: office.address.clone(),
        office_hours: office.hours.clone(),
        date,
        name,
        nik,
        kk,
        address,
        phone,
        phone_problem,
        service,
        refusal,
        message,
        since,
        changes,
        tried,
        cause,
        slip_to,
        // The slip addressed to the institution asks what its staff can do.
        request: ask.unwrap_or(request).to_string(),
        door,
        institution_text,
        institution_contact,
        steps: d.steps.clone(),
        documents: d.documents.iter().map(|s| s.to_string()).collect(),
        text: t,
        link,
        has_number: office.whatsapp.is_some(),
        national_link: wa_link(national.as_deref(), &n),
        national_text: n,
    }
}
