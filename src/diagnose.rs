//! Diagnose: from what the citizen saw to likely causes, steps, channel and
//! documents.
//!
//! The knowledge base is `data/guidance.toml` (causes A–I of
//! `shared/domain/README.md`, with sources), compiled into the static tables
//! below by `build.rs`. The engine adds up the weights of the signals that the
//! answers and the format check switch on, ranks the causes, and says in words
//! which answers pointed where. It never claims to know a NIK's status: the
//! tool cannot see Dukcapil's records.

use crate::check::{check_kk, check_nik, check_pair, compare, Report, Stated};
use crate::date::Date;
use crate::issue::{Rule, Severity};
use crate::{Lang, Sex};
use serde::{Deserialize, Serialize};

/// A text in both languages.
#[derive(Debug)]
pub struct Text {
    pub id: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.id,
            Lang::En => self.en,
        }
    }
}

#[derive(Debug)]
pub struct Document {
    pub key: &'static str,
    pub name: Text,
}

#[derive(Debug)]
pub struct Service {
    pub key: &'static str,
    pub name: Text,
    /// The name on a compact choice ("BPJS Kesehatan").
    pub short: Text,
    /// What to do at the service once Dukcapil has fixed the record.
    pub followup: Text,
    /// Where the citizen reaches the institution itself (its app, WhatsApp,
    /// call centre or counter), when the sources say; shown in step 3 when
    /// the top cause is fixed there.
    pub contact: Option<Text>,
    /// Where the follow-up's facts come from (at least one, dated).
    pub sources: &'static [Source],
    /// The source of a waiting time the follow-up gives (one of `sources`).
    pub wait_source: Option<&'static str>,
}

/// What the service said.
#[derive(Debug)]
pub struct Message {
    pub key: &'static str,
    pub name: Text,
}

/// A recent life event.
#[derive(Debug)]
pub struct Event {
    pub key: &'static str,
    pub name: Text,
}

#[derive(Debug, Serialize)]
pub struct Source {
    pub url: &'static str,
    pub title: &'static str,
    pub date: &'static str,
}

/// Where the problem gets fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Channel {
    /// At the institution that refused.
    Institution,
    /// A WhatsApp message to the Dukcapil office is enough.
    WhatsApp,
    /// It depends on which record is wrong.
    Mixed,
    /// At the kelurahan.
    Kelurahan,
    /// In person at the Dukcapil office.
    Visit,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Institution => "institution",
            Channel::WhatsApp => "whatsapp",
            Channel::Mixed => "mixed",
            Channel::Kelurahan => "kelurahan",
            Channel::Visit => "visit",
        }
    }

    /// One short line: WhatsApp enough, or a visit.
    pub fn short(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Channel::WhatsApp, Lang::Id) => "Cukup lewat WhatsApp.",
            (Channel::WhatsApp, Lang::En) => "WhatsApp is enough.",
            (Channel::Visit, Lang::Id) => "Perlu datang ke kantor Dukcapil.",
            (Channel::Visit, Lang::En) => "You need to go to the Dukcapil office.",
            (Channel::Institution, Lang::Id) => "Diurus di lembaga yang menolak.",
            (Channel::Institution, Lang::En) => "Sorted out at the institution that refused.",
            (Channel::Kelurahan, Lang::Id) => {
                "Perlu datang ke kantor kelurahan (prosedur Jakarta)."
            }
            (Channel::Kelurahan, Lang::En) => {
                "You need to go to the kelurahan office (Jakarta's procedure)."
            }
            (Channel::Mixed, Lang::Id) => {
                "Di lembaga atau di Dukcapil, tergantung data mana yang salah."
            }
            (Channel::Mixed, Lang::En) => {
                "At the institution or at Dukcapil, depending on which record is wrong."
            }
        }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Channel::WhatsApp, Lang::Id) => "Cukup lewat WhatsApp: kirim NIK dan Nomor KK ke Dukcapil kabupaten/kota sesuai alamat KK Anda.",
            (Channel::WhatsApp, Lang::En) => "WhatsApp is enough: send the NIK and KK number to the Dukcapil of your KK address.",
            (Channel::Visit, Lang::Id) => "Perlu datang langsung ke kantor Dukcapil; tidak bisa selesai lewat WhatsApp.",
            (Channel::Visit, Lang::En) => "You need to go to the Dukcapil office in person; WhatsApp cannot finish this.",
            (Channel::Institution, Lang::Id) => "Diperbaiki di lembaga yang menolak (bawa KTP-el dan KK).",
            (Channel::Institution, Lang::En) => "Fixed at the institution that refused (bring the KTP-el and KK).",
            (Channel::Kelurahan, Lang::Id) => "Datang ke kantor kelurahan (di Jakarta, tempat pengaktifan kembali NIK yang dibekukan).",
            (Channel::Kelurahan, Lang::En) => "Go to the kelurahan office (in Jakarta, where frozen NIKs are reactivated).",
            (Channel::Mixed, Lang::Id) => "Tergantung data mana yang salah: di lembaga, atau di Dukcapil.",
            (Channel::Mixed, Lang::En) => "Depends on which record is wrong: at the institution, or at Dukcapil.",
        }
    }
}

/// Facts from the format check that move the diagnosis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFlag {
    NikInvalid,
    NikOk,
    StatedDiffers,
    KkLooksLikeNik,
    SameNumber,
    /// "Never recorded a KTP-el" ticked and the NIK gives an age of 22 or
    /// more (Permendagri 95/2019 Pasal 96, as Ditjen Dukcapil put it in 2025).
    Unrecorded22Plus,
}

/// When a signal switches on. Indexes are into the tables below.
#[derive(Debug)]
pub enum When {
    Service(usize),
    Message(usize),
    Event(usize),
    /// No life event ticked.
    NoEvent,
    Check(CheckFlag),
}

#[derive(Debug)]
pub struct Signal {
    pub when: When,
    pub weight: i32,
    /// Why it points at the cause, in words.
    pub because: Text,
}

#[derive(Debug)]
pub struct Cause {
    /// `A`–`I` as in the domain brief.
    pub key: &'static str,
    pub title: Text,
    pub explain: Text,
    /// What to do, in one short line (the first thing the page shows).
    pub todo: Text,
    pub channel: Channel,
    pub steps: &'static [Text],
    /// Indexes into `DOCUMENTS`.
    pub documents: &'static [usize],
    pub wait: Text,
    /// The source of any waiting time the cause's texts give (one of `sources`).
    pub wait_source: Option<&'static str>,
    /// Causes fixed at the institution: the request to its staff, in the
    /// words the citizen shows or sends them.
    pub ask: Option<Text>,
    pub sources: &'static [Source],
    pub signals: &'static [Signal],
}

include!(concat!(env!("OUT_DIR"), "/guidance_data.rs"));

/// The national Halo Dukcapil channels (sources 2021–2024, see `national_sources`).
pub const HALO_DUKCAPIL_CALL: &str = "1500537";
/// Halo Dukcapil WhatsApp, as written in the sources.
pub const HALO_DUKCAPIL_WHATSAPP: &str = "0811-800-5373";

pub fn national_sources() -> &'static [Source] {
    &[
        Source {
            url: "https://infobanknews.com/kisah-di-balik-call-center-dirjen-dukcapil-pernah-layani-pengaduan-masyarakat",
            title: "Infobank: call center Dirjen Dukcapil",
            date: "2021",
        },
        Source {
            url: "https://www.kompas.com/tren/read/2023/05/31/153000565/nik-tidak-terdaftar-di-dukcapil-ini-penyebab-dan-cara-mengatasinya",
            title: "Kompas: NIK tidak terdaftar di Dukcapil",
            date: "2023-05-31",
        },
        Source {
            url: "https://disdukcapil.bandaacehkota.go.id/kupas-tuntas-kiprah-halo-dukcapil-tujuh-tahun-tangani-78-juta-pengaduan-adminduk",
            title: "Disdukcapil Banda Aceh: tujuh tahun Halo Dukcapil",
            date: "2024-09",
        },
    ]
}

/// What the citizen answered: the same JSON shape the page builds and
/// `klinik-nik diagnose` reads. Every field is optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Answers {
    /// A service key, e.g. `"bpjs_kesehatan"`.
    pub service: Option<String>,
    /// A message key, e.g. `"not_found"`.
    pub message: Option<String>,
    /// The exact words the service showed, as the citizen copied them.
    pub message_text: Option<String>,
    /// Life-event keys, e.g. `["moved"]`.
    pub events: Vec<String>,
    /// Since when, in the citizen's words ("2 minggu", "sejak Januari").
    pub since: Option<String>,
    pub nik: Option<String>,
    pub kk: Option<String>,
    /// `YYYY-MM-DD`.
    pub birth_date: Option<String>,
    /// `male`/`female` (or `laki-laki`/`perempuan`).
    pub sex: Option<String>,
    /// Regency/city of residence, `35.11` or `3511`.
    pub regency: Option<String>,
}

/// What the format check contributes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckFacts {
    pub nik_given: bool,
    pub nik_invalid: bool,
    pub stated_differs: bool,
    pub kk_looks_like_nik: bool,
    pub same_number: bool,
    /// The age the NIK's birth date gives today (the century is a guess, so
    /// it is approximate), when the NIK is well-formed.
    pub nik_age: Option<u8>,
}

impl CheckFacts {
    /// From the reports of the NIK and KK checks and the comparison with stated data.
    pub fn from_reports(
        nik: Option<&Report>,
        kk: Option<&Report>,
        stated: &[crate::Issue],
    ) -> CheckFacts {
        let pair = match (nik, kk) {
            (Some(n), Some(k)) => check_pair(n, k),
            _ => Vec::new(),
        };
        CheckFacts {
            nik_given: nik.is_some(),
            nik_invalid: nik.is_some_and(|r| !r.is_valid()),
            stated_differs: stated.iter().any(|i| i.severity == Severity::Warning),
            kk_looks_like_nik: kk
                .is_some_and(|r| r.issues.iter().any(|i| i.rule == Rule::DayAbove40)),
            same_number: !pair.is_empty(),
            nik_age: nik
                .filter(|r| r.is_valid())
                .and_then(|r| r.decoded.age)
                .map(|a| a.min(u32::from(u8::MAX)) as u8),
        }
    }

    /// Runs the checks on the numbers and stated data inside the answers.
    pub fn from_answers(a: &Answers, today: Date) -> CheckFacts {
        let present = |s: &Option<String>| {
            s.as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
        };
        let nik = present(&a.nik).map(|s| check_nik(&s, today));
        let kk = present(&a.kk).map(|s| check_kk(&s, today));
        let stated = Stated {
            birth_date: a
                .birth_date
                .as_deref()
                .and_then(|d| Date::parse_iso(d.trim())),
            sex: a.sex.as_deref().and_then(Sex::parse),
            regency: a.regency.as_deref().and_then(|r| {
                let digits: String = r.chars().filter(char::is_ascii_digit).collect();
                if digits.len() == 4 {
                    digits.parse().ok()
                } else {
                    None
                }
            }),
        };
        let cmp = nik
            .as_ref()
            .map(|n| compare(n, &stated))
            .unwrap_or_default();
        CheckFacts::from_reports(nik.as_ref(), kk.as_ref(), &cmp)
    }

    /// The flags as five `0`/`1` characters (see [`Handoff`]).
    fn encode(&self) -> String {
        [
            self.nik_given,
            self.nik_invalid,
            self.stated_differs,
            self.kk_looks_like_nik,
            self.same_number,
        ]
        .iter()
        .map(|&b| if b { '1' } else { '0' })
        .collect()
    }

    /// `unrecorded`: the citizen ticked "never recorded a KTP-el".
    fn has(&self, f: CheckFlag, unrecorded: bool) -> bool {
        match f {
            CheckFlag::NikInvalid => self.nik_invalid,
            CheckFlag::NikOk => self.nik_given && !self.nik_invalid,
            CheckFlag::StatedDiffers => self.stated_differs,
            CheckFlag::KkLooksLikeNik => self.kk_looks_like_nik,
            CheckFlag::SameNumber => self.same_number,
            CheckFlag::Unrecorded22Plus => unrecorded && self.nik_age.is_some_and(|a| a >= 22),
        }
    }
}

/// What step 1 of the citizens' page hands to steps 2 and 3, which are a
/// wasm module of their own without the checks or the region tables (so the
/// first screen is light): the check facts and the regency the NIK encodes.
/// It travels as a short string (`<body data-check>`); nothing else of the
/// checks crosses, and the numbers themselves are read from their fields.
///
/// ```
/// use klinik_nik::{date::Date, diagnose::Handoff};
/// let today = Date::new(2026, 11, 28).unwrap();
/// let h = Handoff::new("3511015003850001", "", today);
/// assert_eq!(h.regency, Some(3511));
/// assert!(h.facts.nik_given && !h.facts.nik_invalid);
/// assert_eq!(Handoff::decode(&h.encode()), h);
/// assert_eq!(Handoff::decode("<garbage>"), Handoff::default());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Handoff {
    pub facts: CheckFacts,
    /// The NIK's regency/city code (any edition), when its digits 1–4 are one.
    pub regency: Option<u32>,
    /// The Nomor KK's regency/city code (any edition): where the KK was issued.
    pub kk_regency: Option<u32>,
}

impl Handoff {
    /// Runs the checks on what step 1 holds (each number checked once).
    pub fn new(nik: &str, kk: &str, today: Date) -> Handoff {
        let given = |s: &str| !s.trim().is_empty();
        let nik = Some(nik).filter(|s| given(s)).map(|s| check_nik(s, today));
        let kk = Some(kk).filter(|s| given(s)).map(|s| check_kk(s, today));
        Handoff {
            facts: CheckFacts::from_reports(nik.as_ref(), kk.as_ref(), &[]),
            regency: nik.and_then(|r| r.decoded.regency).map(|r| r.code),
            kk_regency: kk.and_then(|r| r.decoded.regency).map(|r| r.code),
        }
    }

    /// `10000`, `10000:3511`, `10000:3511:41` or `10000:3511:41:5171`: the
    /// five flags of [`CheckFacts`], then the NIK's regency, the NIK's age and
    /// the KK's regency (any may be empty; empty ones at the end are left out).
    pub fn encode(&self) -> String {
        let part = |v: Option<u32>| v.map_or(String::new(), |v| v.to_string());
        let mut s = format!(
            "{}:{}:{}:{}",
            self.facts.encode(),
            part(self.regency),
            part(self.facts.nik_age.map(u32::from)),
            part(self.kk_regency)
        );
        while s.ends_with(':') {
            s.pop();
        }
        s
    }

    /// Reads [`Handoff::encode`]'s string; anything else is "nothing checked".
    pub fn decode(s: &str) -> Handoff {
        let mut parts = s.splitn(4, ':');
        let flags = parts.next().unwrap_or("");
        let regency = parts.next().unwrap_or("");
        let age = parts.next().unwrap_or("");
        let kk_regency = parts.next().unwrap_or("");
        if flags.len() != 5 || !flags.bytes().all(|c| c == b'0' || c == b'1') {
            return Handoff::default();
        }
        let bits: Vec<bool> = flags.bytes().map(|c| c == b'1').collect();
        Handoff {
            facts: CheckFacts {
                nik_given: bits[0],
                nik_invalid: bits[1],
                stated_differs: bits[2],
                kk_looks_like_nik: bits[3],
                same_number: bits[4],
                nik_age: age.parse().ok(),
            },
            regency: regency.parse().ok().filter(|r| (1000..10_000).contains(r)),
            kk_regency: kk_regency
                .parse()
                .ok()
                .filter(|r| (1000..10_000).contains(r)),
        }
    }
}

/// One cause with its score and the signals that pointed at it.
#[derive(Debug)]
pub struct Ranked {
    pub cause: &'static Cause,
    pub score: i32,
    pub reasons: Vec<&'static Signal>,
}

/// Honest confidence words, from the score; no invented percentages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    MostLikely,
    EquallyLikely,
    Likely,
    Possible,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::MostLikely => "most_likely",
            Confidence::EquallyLikely => "equally_likely",
            Confidence::Likely => "likely",
            Confidence::Possible => "possible",
        }
    }
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Confidence::MostLikely, Lang::Id) => "Paling mungkin",
            (Confidence::MostLikely, Lang::En) => "Most likely",
            (Confidence::EquallyLikely, Lang::Id) => "Sama mungkinnya",
            (Confidence::EquallyLikely, Lang::En) => "Equally likely",
            (Confidence::Likely, Lang::Id) => "Mungkin",
            (Confidence::Likely, Lang::En) => "Likely",
            (Confidence::Possible, Lang::Id) => "Bisa jadi",
            (Confidence::Possible, Lang::En) => "Possible",
        }
    }
}

/// Something to tell before the causes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The NIK typed has format errors: check the KTP-el first.
    CheckNikFirst,
    KkLooksLikeNik,
    SameNumber,
    StatedDiffers,
    /// "Not found" and the NIK looks fine: a typo can still look fine.
    NoCheckDigit,
}

impl Notice {
    pub fn as_str(self) -> &'static str {
        match self {
            Notice::CheckNikFirst => "check_nik_first",
            Notice::KkLooksLikeNik => "kk_looks_like_nik",
            Notice::SameNumber => "same_number",
            Notice::StatedDiffers => "stated_differs",
            Notice::NoCheckDigit => "no_check_digit",
        }
    }
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Notice::CheckNikFirst, Lang::Id) => "Periksa dulu angka NIK di KTP-el Anda: NIK yang Anda ketik tidak sesuai susunan NIK. Bila lembaga yang salah mengetik NIK Anda, perbaikannya di lembaga itu.",
            (Notice::CheckNikFirst, Lang::En) => "First check the NIK digits on your KTP-el: the NIK you typed does not fit the NIK layout. If the institution typed your NIK wrongly, the fix is at that institution.",
            (Notice::KkLooksLikeNik, Lang::Id) => "Nomor KK yang Anda isi tampak seperti NIK. Nomor KK ada di bagian atas lembar Kartu Keluarga.",
            (Notice::KkLooksLikeNik, Lang::En) => "The KK number you typed looks like a NIK. The KK number is at the top of the family card.",
            (Notice::SameNumber, Lang::Id) => "NIK dan Nomor KK yang Anda isi sama; salah satunya keliru.",
            (Notice::SameNumber, Lang::En) => "The NIK and KK number you typed are the same; one of them is wrong.",
            (Notice::StatedDiffers, Lang::Id) => "Tanggal lahir atau jenis kelamin yang Anda isi berbeda dengan yang tersimpan di NIK. Itu belum tentu NIK salah; bawa akta kelahiran bila melapor.",
            (Notice::StatedDiffers, Lang::En) => "The birth date or sex you gave differs from what the NIK encodes. That does not prove the NIK is wrong; bring your birth certificate when you report.",
            (Notice::NoCheckDigit, Lang::Id) => "Salah ketik satu angka tidak bisa dikenali dari NIK itu sendiri: NIK yang salah satu angkanya keliru tetap terlihat benar. Cocokkan NIK yang dipakai layanan dengan KTP-el Anda, angka demi angka.",
            (Notice::NoCheckDigit, Lang::En) => "A NIK has no check digit: a NIK with one wrong digit still looks right. Compare the NIK the service used with your KTP-el, digit by digit.",
        }
    }
}

/// The result of `diagnose`, language-neutral; see `DiagnosisView` for text.
#[derive(Debug)]
pub struct Diagnosis {
    /// Most likely first; only causes with some support.
    pub ranked: Vec<Ranked>,
    /// The top two causes have the same score.
    pub tie: bool,
    pub channel: Channel,
    /// Indexes into `DOCUMENTS`, without repeats, in table order.
    pub documents: Vec<usize>,
    pub service: Option<&'static Service>,
    pub message: Option<&'static Message>,
    pub notices: Vec<Notice>,
    /// Answer keys that are not in the knowledge base (ignored).
    pub unknown: Vec<String>,
}

fn confidence(score: i32, top: i32, tie: bool, first: bool) -> Confidence {
    if tie && score == top {
        Confidence::EquallyLikely
    } else if first && score >= 6 {
        Confidence::MostLikely
    } else if score >= 4 {
        Confidence::Likely
    } else {
        Confidence::Possible
    }
}

/// Ranks the causes for these answers and check facts.
///
/// ```
/// use klinik_nik::diagnose::{diagnose, Answers, CheckFacts, Channel};
/// // The Bondowoso case: BPJS refuses, the NIK is well-formed, nothing happened.
/// let answers = Answers {
///     service: Some("bpjs_kesehatan".into()),
///     message: Some("not_found".into()),
///     ..Answers::default()
/// };
/// let facts = CheckFacts { nik_given: true, ..CheckFacts::default() };
/// let d = diagnose(&answers, &facts);
/// assert_eq!(d.ranked[0].cause.key, "A");
/// assert_eq!(d.channel, Channel::WhatsApp);
/// ```
pub fn diagnose(a: &Answers, facts: &CheckFacts) -> Diagnosis {
    let mut unknown = Vec::new();
    let mut find = |kind: &str, key: &Option<String>, keys: &[&'static str]| -> Option<usize> {
        let key = key.as_deref()?.trim();
        if key.is_empty() {
            return None;
        }
        let found = keys.iter().position(|k| *k == key);
        if found.is_none() {
            unknown.push(format!("{kind}:{key}"));
        }
        found
    };
    let service_keys: Vec<_> = SERVICES.iter().map(|s| s.key).collect();
    let message_keys: Vec<_> = MESSAGES.iter().map(|m| m.key).collect();
    let event_keys: Vec<_> = EVENTS.iter().map(|e| e.key).collect();
    let service = find("service", &a.service, &service_keys);
    let message = find("message", &a.message, &message_keys);
    let mut events = Vec::new();
    for e in &a.events {
        if let Some(i) = find("event", &Some(e.clone()), &event_keys) {
            events.push(i);
        }
    }

    let unrecorded = events.iter().any(|&i| EVENTS[i].key == "no_ktp_recording");
    let on = |w: &When| match *w {
        When::Service(i) => service == Some(i),
        When::Message(i) => message == Some(i),
        When::Event(i) => events.contains(&i),
        When::NoEvent => events.is_empty(),
        When::Check(f) => facts.has(f, unrecorded),
    };
    let mut ranked: Vec<Ranked> = CAUSES
        .iter()
        .map(|cause| {
            let reasons: Vec<&Signal> = cause.signals.iter().filter(|s| on(&s.when)).collect();
            Ranked {
                cause,
                score: reasons.iter().map(|s| s.weight).sum(),
                reasons,
            }
        })
        .collect();
    // Highest score first; equal scores keep the order of the knowledge base
    // (A before B). An insertion sort: at most a dozen causes, and it keeps
    // the standard library's sorts (7 KB) out of the wasm.
    for i in 1..ranked.len() {
        let mut j = i;
        while j > 0 && ranked[j - 1].score < ranked[j].score {
            ranked.swap(j - 1, j);
            j -= 1;
        }
    }
    let top = ranked[0].score;
    let keep = ranked
        .iter()
        .filter(|r| r.score >= 2 && r.score >= top - 6)
        .count()
        .clamp(1, 4);
    ranked.truncate(keep);
    if top == 0 {
        // Nothing answered yet: the first two causes of the knowledge base, as possibilities.
        ranked.truncate(2);
    }
    let tie = ranked.len() > 1 && ranked[0].score == ranked[1].score && top > 0;
    // On a tie, say the more demanding channel: better to bring too much than to come back.
    let channel = ranked
        .iter()
        .filter(|r| r.score == top)
        .map(|r| r.cause.channel)
        .max()
        .unwrap_or(Channel::WhatsApp);

    let wanted = |d: &usize| {
        ranked
            .iter()
            .filter(|r| r.score == top || r.score >= 4)
            .any(|r| r.cause.documents.contains(d))
    };
    let documents: Vec<usize> = (0..DOCUMENTS.len()).filter(wanted).collect();

    let mut notices = Vec::new();
    if facts.nik_invalid {
        notices.push(Notice::CheckNikFirst);
    }
    if facts.kk_looks_like_nik {
        notices.push(Notice::KkLooksLikeNik);
    }
    if facts.same_number {
        notices.push(Notice::SameNumber);
    }
    if facts.stated_differs {
        notices.push(Notice::StatedDiffers);
    }
    let not_found = message.is_some_and(|m| MESSAGES[m].key == "not_found");
    if not_found && !facts.nik_invalid {
        notices.push(Notice::NoCheckDigit);
    }
    Diagnosis {
        ranked,
        tie,
        channel,
        documents,
        service: service.map(|i| &SERVICES[i]),
        message: message.map(|i| &MESSAGES[i]),
        notices,
        unknown,
    }
}

// ------------------------------------------------------------------ rendering

#[derive(Debug, Serialize)]
pub struct CauseView {
    pub key: &'static str,
    pub title: &'static str,
    pub confidence: &'static str,
    pub confidence_text: &'static str,
    pub score: i32,
    /// Which answers pointed here, in words.
    pub reasons: Vec<&'static str>,
    pub explain: &'static str,
    /// What to do, in one short line.
    pub todo: &'static str,
    pub channel: &'static str,
    pub channel_text: &'static str,
    /// The channel in a few words.
    pub channel_short: &'static str,
    pub steps: Vec<&'static str>,
    pub documents: Vec<&'static str>,
    pub wait: &'static str,
    pub sources: &'static [Source],
}

#[derive(Debug, Serialize)]
pub struct Channels {
    pub call_centre: &'static str,
    pub whatsapp: &'static str,
    pub text: &'static str,
    pub sources: &'static [Source],
}

/// A diagnosis in one language: what the page shows and the CLI prints.
#[derive(Debug, Serialize)]
pub struct DiagnosisView {
    pub lang: &'static str,
    pub summary: String,
    pub notices: Vec<NoticeView>,
    pub causes: Vec<CauseView>,
    pub tie: bool,
    pub channel: &'static str,
    pub channel_text: &'static str,
    /// The merged steps: the top cause's, then the follow-up at the service.
    pub steps: Vec<String>,
    /// Checklist, without repeats.
    pub documents: Vec<&'static str>,
    /// What to have ready for the office.
    pub have_ready: Vec<String>,
    pub followup: Option<&'static str>,
    pub disclaimer: &'static str,
    pub national: Channels,
    pub unknown_answers: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct NoticeView {
    pub code: &'static str,
    pub text: &'static str,
}

impl DiagnosisView {
    pub fn new(d: &Diagnosis, a: &Answers, lang: Lang) -> DiagnosisView {
        let t = |x: &'static Text| x.get(lang);
        let top = d.ranked.first().map_or(0, |r| r.score);
        let causes: Vec<CauseView> = d
            .ranked
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let c = confidence(r.score, top, d.tie, i == 0);
                CauseView {
                    key: r.cause.key,
                    title: t(&r.cause.title),
                    confidence: c.as_str(),
                    confidence_text: c.text(lang),
                    score: r.score,
                    reasons: r.reasons.iter().map(|s| t(&s.because)).collect(),
                    explain: t(&r.cause.explain),
                    todo: t(&r.cause.todo),
                    channel: r.cause.channel.as_str(),
                    channel_text: r.cause.channel.text(lang),
                    channel_short: r.cause.channel.short(lang),
                    steps: r.cause.steps.iter().map(t).collect(),
                    documents: r
                        .cause
                        .documents
                        .iter()
                        .map(|&i| t(&DOCUMENTS[i].name))
                        .collect(),
                    wait: t(&r.cause.wait),
                    sources: r.cause.sources,
                }
            })
            .collect();

        let mut steps: Vec<String> = Vec::new();
        if let Some(first) = d.ranked.first() {
            steps.extend(first.cause.steps.iter().map(|s| t(s).to_string()));
        }
        if let Some(second) = d.ranked.get(1).filter(|r| r.score >= 4 || d.tie) {
            let prefix = match lang {
                Lang::Id => "Bila belum berhasil: ",
                Lang::En => "If that does not help: ",
            };
            if let Some(s) = second.cause.steps.first() {
                steps.push(format!("{prefix}{}", t(s)));
            }
        }
        let followup = d.service.map(|s| t(&s.followup));
        if let Some(f) = followup {
            steps.push(f.to_string());
        }
        steps.dedup();

        let summary = match (d.ranked.first(), d.tie, lang) {
            (Some(r), false, Lang::Id) if r.score > 0 => format!("Penyebab yang paling mungkin: {}.", t(&r.cause.title)),
            (Some(r), false, Lang::En) if r.score > 0 => format!("The most likely cause: {}.", t(&r.cause.title)),
            (Some(_), true, Lang::Id) => "Beberapa penyebab sama mungkinnya; kantor Dukcapil dapat memastikan yang mana.".to_string(),
            (Some(_), true, Lang::En) => "Several causes are equally likely; the Dukcapil office can tell which.".to_string(),
            (_, _, Lang::Id) => "Jawaban Anda belum cukup untuk menunjuk satu penyebab. Berikut dua kemungkinan untuk diperiksa lebih dulu.".to_string(),
            (_, _, Lang::En) => "Your answers do not point to one cause yet. Here are two possibilities to check first.".to_string(),
        };

        let mut have_ready = Vec::new();
        let (nik_l, kk_l, msg_l, kind_l, since_l, svc_l) = match lang {
            Lang::Id => (
                "NIK (16 angka di KTP-el atau KK)",
                "Nomor KK (16 angka di bagian atas KK)",
                "Bunyi pesan penolakan",
                "Jenis penolakan",
                "Sejak kapan",
                "Layanan yang menolak",
            ),
            Lang::En => (
                "NIK (16 digits on the KTP-el or KK)",
                "KK number (16 digits at the top of the KK)",
                "The words of the refusal",
                "Kind of refusal",
                "Since when",
                "The service that refused",
            ),
        };
        have_ready.push(nik_l.to_string());
        have_ready.push(kk_l.to_string());
        if let Some(s) = d.service {
            have_ready.push(format!("{svc_l}: {}", t(&s.name)));
        }
        match (
            a.message_text
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty()),
            d.message,
        ) {
            (Some(text), _) => have_ready.push(format!("{msg_l}: \u{201c}{text}\u{201d}")),
            // A chosen label is a kind of refusal, never the service's own words.
            (None, Some(m)) if m.key != "other" => {
                have_ready.push(format!("{kind_l}: {}", t(&m.name)));
                have_ready.push(msg_l.to_string());
            }
            (None, Some(_)) => have_ready.push(msg_l.to_string()),
            (None, None) => have_ready.push(msg_l.to_string()),
        }
        match a.since.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => have_ready.push(format!("{since_l}: {s}")),
            None => have_ready.push(since_l.to_string()),
        }

        DiagnosisView {
            lang: if lang == Lang::En { "en" } else { "id" },
            summary,
            notices: d.notices.iter().map(|n| NoticeView { code: n.as_str(), text: n.text(lang) }).collect(),
            causes,
            tie: d.tie,
            channel: d.channel.as_str(),
            channel_text: d.channel.text(lang),
            steps,
            documents: d.documents.iter().map(|&i| t(&DOCUMENTS[i].name)).collect(),
            have_ready,
            followup,
            disclaimer: match lang {
                Lang::Id => "Alat ini tidak dapat melihat data Dukcapil. Ini dugaan dari jawaban Anda; hanya Dukcapil yang dapat memastikan status NIK Anda.",
                Lang::En => "This tool cannot see Dukcapil's records. This is a guess from your answers; only Dukcapil can confirm your NIK's status.",
            },
            national: Channels {
                call_centre: HALO_DUKCAPIL_CALL,
                whatsapp: HALO_DUKCAPIL_WHATSAPP,
                text: match lang {
                    Lang::Id => "Bila nomor Dukcapil daerah Anda belum diketahui: Halo Dukcapil, call center 1500537 atau WhatsApp 0811-800-5373 (nomor dari sumber 2021\u{2013}2024).",
                    Lang::En => "If your local Dukcapil's number is not known: Halo Dukcapil, call centre 1500537 or WhatsApp 0811-800-5373 (numbers from 2021\u{2013}2024 sources).",
                },
                sources: national_sources(),
            },
            unknown_answers: d.unknown.clone(),
        }
    }
}

/// Answers in, diagnosis out, in one language: what the CLI and the page call.
pub fn diagnose_answers(a: &Answers, today: Date, lang: Lang) -> DiagnosisView {
    diagnose_with(a, &CheckFacts::from_answers(a, today), lang)
}

/// [`diagnose_answers`] with the check facts found elsewhere (the page's
/// steps 2 and 3 get them from step 1: [`Handoff`]).
pub fn diagnose_with(a: &Answers, facts: &CheckFacts, lang: Lang) -> DiagnosisView {
    DiagnosisView::new(&diagnose(a, facts), a, lang)
}
