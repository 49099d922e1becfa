//! Problems found in a number, each with a stable machine code, a severity,
//! the span of the digits it concerns, and a message in Bahasa Indonesia and
//! English. The texts live in one exhaustive `match`: a new rule without both
//! texts does not compile.

use crate::date::Date;
use crate::regions::{self, Edition, Level};
use crate::Lang;

/// What a report is about; it prefixes every machine code (`NIK_LENGTH`, `KK_LENGTH`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Nik,
    Kk,
    /// A NIK and a KK number given together.
    Pair,
    /// What the citizen says about themselves, compared with the NIK.
    Stated,
}

impl Subject {
    pub fn prefix(self) -> &'static str {
        match self {
            Subject::Nik => "NIK",
            Subject::Kk => "KK",
            Subject::Pair => "PAIR",
            Subject::Stated => "STATED",
        }
    }

    /// "NIK" or "Nomor KK", as messages name the number.
    pub fn noun(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Subject::Kk, Lang::Id) => "Nomor KK",
            (Subject::Kk, Lang::En) => "family card (KK) number",
            (_, _) => "NIK",
        }
    }
}

/// How much a problem matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The number cannot be right as written.
    Error,
    /// Probably a problem; worth checking.
    Warning,
    /// Information: something was cleaned, or an older code was recognised.
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// The rules. The machine code is `{SUBJECT}_{RULE}`, e.g. `NIK_DAY_INVALID`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// `""`: nothing typed.
    Empty,
    /// A line of a batch file that is not valid UTF-8.
    InvalidUtf8,
    /// `"3511 0101-8500 0001"`: spaces, dots, dashes removed.
    SeparatorsRemoved,
    /// `"NIK: 3511…"`: the label removed.
    LabelRemoved,
    /// Zero-width or direction marks (invisible, often pasted) removed.
    InvisibleRemoved,
    /// `"3511O1…"`: a character that is not a digit 0–9.
    CharInvalid,
    /// More invalid characters than are listed one by one.
    CharInvalidMore,
    /// Not 16 digits.
    Length,
    /// `"00…"`: no such province.
    ProvinceUnknown,
    /// `"3599…"`: no such regency/city in that province.
    RegencyUnknown,
    /// `"351199…"`: district unknown in every edition.
    DistrictUnknown,
    /// `"910101…"`: a code that exists only in an older edition.
    RegionOldEdition,
    /// `"…35…"` at digits 7–8: not 01–31 nor 41–71.
    DayInvalid,
    /// `"…13…"` at digits 9–10.
    MonthInvalid,
    /// `"…310423…"`: 31 April, or 29 February in a common year.
    DateInvalid,
    /// KK digits 7–12 do not read as a recording date (a warning: the KK layout is not fully sourced).
    DateUnusual,
    /// KK "day" 41–71: looks like a woman's NIK typed into the KK field.
    DayAbove40,
    /// `"…0000"`: serials start at 0001.
    SerialZero,
    /// The NIK and the KK number are the same digits.
    SameNumber,
    /// The stated birth date differs from the NIK's.
    BirthDateDiffers,
    /// Same day, month and two-digit year, other century than guessed.
    BirthYearCentury,
    /// The stated sex differs from the NIK's (+40 rule).
    SexDiffers,
    /// The stated residence differs from the NIK's region (normal after a move).
    RegencyDiffers,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Empty => "EMPTY",
            Rule::InvalidUtf8 => "INVALID_UTF8",
            Rule::SeparatorsRemoved => "SEPARATORS_REMOVED",
            Rule::LabelRemoved => "LABEL_REMOVED",
            Rule::InvisibleRemoved => "INVISIBLE_REMOVED",
            Rule::CharInvalid => "CHAR_INVALID",
            Rule::CharInvalidMore => "CHAR_INVALID_MORE",
            Rule::Length => "LENGTH",
            Rule::ProvinceUnknown => "PROVINCE_UNKNOWN",
            Rule::RegencyUnknown => "REGENCY_UNKNOWN",
            Rule::DistrictUnknown => "DISTRICT_UNKNOWN",
            Rule::RegionOldEdition => "REGION_OLD_EDITION",
            Rule::DayInvalid => "DAY_INVALID",
            Rule::MonthInvalid => "MONTH_INVALID",
            Rule::DateInvalid => "DATE_INVALID",
            Rule::DateUnusual => "DATE_UNUSUAL",
            Rule::DayAbove40 => "DAY_ABOVE_40",
            Rule::SerialZero => "SERIAL_ZERO",
            Rule::SameNumber => "SAME_NUMBER",
            Rule::BirthDateDiffers => "BIRTH_DATE_DIFFERS",
            Rule::BirthYearCentury => "BIRTH_YEAR_CENTURY",
            Rule::SexDiffers => "SEX_DIFFERS",
            Rule::RegencyDiffers => "REGENCY_DIFFERS",
        }
    }
}

/// Which text a span points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanOf {
    /// Offsets into the cleaned digits (0–16).
    Digits,
    /// Character offsets into the input as typed (for invalid characters).
    Input,
}

/// Half-open range `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub of: SpanOf,
}

impl Span {
    pub const fn digits(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            of: SpanOf::Digits,
        }
    }
}

/// What kind of mistake an invalid character probably is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CharHint {
    None,
    /// `O`/`o` typed for 0.
    LetterO,
    /// `l`/`I` typed for 1.
    LetterL,
    /// A digit from another script or a superscript (full-width, Arabic-Indic, `²`).
    OtherDigit,
}

/// Numbers behind a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    None,
    Count(usize),
    Char {
        ch: char,
        /// Character offset in the input as typed (for the CLI's `detail`).
        position: usize,
        /// 1-based place among the 16 digit places, as people count ("angka ke-9").
        place: usize,
        hint: CharHint,
    },
    Code(u32),
    Region {
        code: u32,
        level: Level,
        name: &'static str,
        edition: Edition,
    },
    /// Two-digit day/month/year as written in the number.
    Digits {
        day: u8,
        month: u8,
        yy: u8,
    },
    /// A date that does not exist: the year is the guessed one.
    BadDate {
        day: u8,
        month: u8,
        year: i32,
    },
    Dates {
        nik: Date,
        stated: Date,
    },
    Sexes {
        nik: crate::Sex,
        stated: crate::Sex,
    },
    Regencies {
        nik: u32,
        stated: u32,
    },
}

/// One problem or remark.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Issue {
    pub subject: Subject,
    pub rule: Rule,
    pub severity: Severity,
    pub span: Option<Span>,
    pub detail: Detail,
}

impl Issue {
    /// The stable machine code, e.g. `NIK_LENGTH`.
    pub fn code(&self) -> String {
        format!("{}_{}", self.subject.prefix(), self.rule.as_str())
    }

    /// The explanation for a citizen, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        message(self, lang)
    }
}

/// "huruf “O”", "tanda “#”", "karakter tak terlihat": what a person sees, no code points.
fn describe_char(ch: char, lang: Lang) -> String {
    let (letter, mark, other, unseen) = match lang {
        Lang::Id => ("huruf", "tanda", "karakter", "karakter tak terlihat"),
        Lang::En => (
            "the letter",
            "the mark",
            "the character",
            "an invisible character",
        ),
    };
    // ASCII classes only: Unicode's tables would add kilobytes to the wasm.
    let kind = if ch.is_ascii_alphabetic() {
        letter
    } else if ch.is_ascii_punctuation() {
        mark
    } else if ch.is_control() || ch.is_whitespace() {
        return unseen.to_string();
    } else {
        other
    };
    format!("{kind} \u{201c}{ch}\u{201d}")
}

impl Issue {
    /// Machine detail for data teams (the CLI's JSON): the code point and input
    /// offset of an invalid character. Never shown to citizens.
    pub fn detail(&self) -> Option<String> {
        match self.detail {
            Detail::Char { ch, position, .. } => Some(format!(
                "U+{:04X} at input character {}",
                ch as u32,
                position + 1
            )),
            _ => None,
        }
    }
}

fn region_name(code: u32, level: Level) -> String {
    regions::lookup(code, level)
        .filter(|r| !r.name.is_empty())
        .map_or_else(|| regions::dotted(code, level), |r| r.name.to_string())
}

fn level_word(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Province, Lang::Id) => "provinsi",
        (Level::Regency, Lang::Id) => "kabupaten/kota",
        (Level::District, Lang::Id) => "kecamatan",
        (Level::Province, Lang::En) => "province",
        (Level::Regency, Lang::En) => "regency/city",
        (Level::District, Lang::En) => "district",
    }
}

fn message(i: &Issue, lang: Lang) -> String {
    use Lang::{En, Id};
    let noun = i.subject.noun(lang);
    let d = &i.detail;
    match (i.rule, lang) {
        (Rule::Empty, Id) => format!("Belum ada angka. Ketik 16 angka {noun}."),
        (Rule::Empty, En) => format!("No digits yet. Type the 16 digits of the {noun}."),
        (Rule::InvalidUtf8, Id) => "Baris ini bukan teks UTF-8 yang sah; karakter yang rusak ditandai \u{fffd}.".into(),
        (Rule::InvalidUtf8, En) => "This line is not valid UTF-8 text; broken bytes are shown as \u{fffd}.".into(),
        (Rule::SeparatorsRemoved, Id) => "Spasi, titik dan tanda hubung diabaikan.".into(),
        (Rule::SeparatorsRemoved, En) => "Spaces, dots and dashes were ignored.".into(),
        (Rule::LabelRemoved, Id) => "Tulisan di depan angka (misalnya \u{201c}NIK:\u{201d}) diabaikan.".into(),
        (Rule::LabelRemoved, En) => "The label before the digits (such as \u{201c}NIK:\u{201d}) was ignored.".into(),
        (Rule::InvisibleRemoved, Id) => "Karakter tak terlihat (ikut tersalin) diabaikan.".into(),
        (Rule::InvisibleRemoved, En) => "Invisible characters (copied along with the text) were ignored.".into(),
        (Rule::CharInvalid, _) => {
            let Detail::Char { ch, place, hint, .. } = *d else { return String::new() };
            let what = describe_char(ch, lang);
            let hint = match (hint, lang) {
                (CharHint::LetterO, Id) => " Mungkin maksud Anda 0 (nol).",
                (CharHint::LetterO, En) => " Perhaps you meant 0 (zero).",
                (CharHint::LetterL, Id) => " Mungkin maksud Anda 1 (satu).",
                (CharHint::LetterL, En) => " Perhaps you meant 1 (one).",
                (CharHint::OtherDigit, Id) => {
                    " Ini angka dari huruf/papan ketik lain: ketik ulang dengan angka biasa 0\u{2013}9."
                }
                (CharHint::OtherDigit, En) => {
                    " This is a digit from another script or keyboard: retype it with plain digits 0\u{2013}9."
                }
                (CharHint::None, _) => "",
            };
            match lang {
                Id => format!("Ada {what} di angka ke-{place}: {noun} hanya berisi angka 0\u{2013}9.{hint}"),
                En => format!("There is {what} at digit {place}: a {noun} has only the digits 0\u{2013}9.{hint}"),
            }
        }
        (Rule::CharInvalidMore, Id) => format!("Ada juga {} karakter lain yang bukan angka.", count(d)),
        (Rule::CharInvalidMore, En) => format!("And {} more characters that are not digits.", count(d)),
        (Rule::Length, Id) => {
            let n = count(d);
            let more = if n < 16 { "kurang" } else { "terlalu banyak" };
            format!("{noun} harus 16 angka; yang ada {n} angka ({more}). Cocokkan lagi dengan KTP-el atau KK.")
        }
        (Rule::Length, En) => {
            let n = count(d);
            let more = if n < 16 { "too few" } else { "too many" };
            format!("A {noun} has 16 digits; this has {n} ({more}). Compare it again with the KTP-el or KK.")
        }
        (Rule::ProvinceUnknown, Id) => format!(
            "Dua angka pertama ({:02}) harus kode provinsi, dan tidak ada provinsi berkode {:02}, baik di kode wilayah lama maupun yang sekarang. Kemungkinan salah ketik.",
            code(d), code(d)
        ),
        (Rule::ProvinceUnknown, En) => format!(
            "The first two digits ({:02}) must be a province code, and no edition has province {:02}. Probably a typo.",
            code(d), code(d)
        ),
        (Rule::RegencyUnknown, Id) => format!(
            "Angka 3\u{2013}4 ({:02}) bukan kabupaten/kota di {}, baik di kode wilayah lama maupun yang sekarang. Kemungkinan salah ketik.",
            code(d) % 100, region_name(code(d) / 100, Level::Province)
        ),
        (Rule::RegencyUnknown, En) => format!(
            "Digits 3\u{2013}4 ({:02}) are not a regency or city of {} in any edition of the region codes. Probably a typo.",
            code(d) % 100, region_name(code(d) / 100, Level::Province)
        ),
        (Rule::DistrictUnknown, _) if pre2013(code(d) / 100) => match lang {
            Id => format!(
                "Angka 5\u{2013}6 ({:02}) adalah kecamatan dalam kode lama {}. Daftar kecamatan kode lama itu tidak ada di data kami, jadi dua angka ini tidak bisa diperiksa. Cocokkan saja dengan KTP-el Anda.",
                code(d) % 100, regions::dotted(code(d) / 100, Level::Regency)
            ),
            En => format!(
                "Digits 5\u{2013}6 ({:02}) are a district under the older code {}. That code's district list is not in our data, so these two digits cannot be checked. Just compare them with your KTP-el.",
                code(d) % 100, regions::dotted(code(d) / 100, Level::Regency)
            ),
        },
        (Rule::DistrictUnknown, Id) => format!(
            "Angka 5\u{2013}6 ({:02}) tidak ditemukan sebagai kecamatan di {} dalam data kode wilayah kami. Ini belum tentu salah: beberapa kode kecamatan yang hanya berlaku sebentar pada 2022 tidak ada di data kami. Cocokkan saja dengan KTP-el Anda.",
            code(d) % 100, region_name(code(d) / 100, Level::Regency)
        ),
        (Rule::DistrictUnknown, En) => format!(
            "Digits 5\u{2013}6 ({:02}) are not a district of {} in our region-code data. That does not make it wrong: some district codes used only briefly in 2022 are missing from our data. Just compare it with your KTP-el.",
            code(d) % 100, region_name(code(d) / 100, Level::Regency)
        ),
        (Rule::RegionOldEdition, _) => {
            let Detail::Region { code, level, name, edition } = *d else { return String::new() };
            let dotted = regions::dotted(code, level);
            let until = edition.used_until();
            // Where that place is now: the current regency of the same name and its province.
            let regency = if level == Level::District { code / 100 } else { code };
            let now = crate::offices::current_regency_for(regency)
                .and_then(|c| Some((regions::regency(c)?, regions::province(c / 100)?)));
            let now = match (now, lang) {
                (Some((r, p)), Id) => format!(" (sekarang {} {}, Provinsi {})", r.name, r.dotted(), p.name),
                (Some((r, p)), En) => format!(" (now {} {}, {} province)", r.name, r.dotted(), p.name),
                (None, _) => String::new(),
            };
            match lang {
                Id => format!(
                    "Kode {} {dotted} ({name}) adalah kode lama, dipakai sampai {until}{now}. Ini sah: {noun} tetap memakai kode tempat pertama kali didaftarkan walaupun wilayahnya kemudian dimekarkan atau diberi kode baru.",
                    level_word(level, lang)
                ),
                En => format!(
                    "The {} code {dotted} ({name}) is an older code, used until {until}{now}. That is fine: a {noun} keeps the code of the place it was first registered, even after the region was split or renumbered.",
                    level_word(level, lang)
                ),
            }
        }
        (Rule::DayInvalid, _) => {
            let Detail::Digits { day, .. } = *d else { return String::new() };
            match lang {
                Id => format!(
                    "Angka 7\u{2013}8 ({day:02}) adalah tanggal lahir: 01\u{2013}31 untuk laki-laki, atau tanggal + 40 (41\u{2013}71) untuk perempuan. {day:02} tidak mungkin."
                ),
                En => format!(
                    "Digits 7\u{2013}8 ({day:02}) are the day of birth: 01\u{2013}31 for men, or the day + 40 (41\u{2013}71) for women. {day:02} is impossible."
                ),
            }
        }
        (Rule::MonthInvalid, _) => {
            let Detail::Digits { month, .. } = *d else { return String::new() };
            match lang {
                Id => format!("Angka 9\u{2013}10 ({month:02}) adalah bulan lahir dan harus 01\u{2013}12."),
                En => format!("Digits 9\u{2013}10 ({month:02}) are the month of birth and must be 01\u{2013}12."),
            }
        }
        (Rule::DateInvalid, _) => {
            let Detail::BadDate { day, month, year } = *d else { return String::new() };
            let leap = month == 2 && day == 29;
            match (lang, leap) {
                (Id, true) => format!(
                    "Tanggal 29-02-{year} tidak ada: {year} bukan tahun kabisat (tahun hanya tertulis 2 angka; kami membacanya {year})."
                ),
                (En, true) => format!(
                    "29-02-{year} does not exist: {year} is not a leap year (only two digits of the year are written; we read it as {year})."
                ),
                (Id, false) => format!("Tanggal {day:02}-{month:02} tidak ada: bulan itu tidak memiliki tanggal {day}."),
                (En, false) => format!("The date {day:02}-{month:02} does not exist: that month has no day {day}."),
            }
        }
        (Rule::DateUnusual, Id) => format!(
            "Angka 7\u{2013}12 {noun} biasanya tanggal pencatatan (hhbbtt), tetapi {} tidak terbaca sebagai tanggal. Periksa lagi; susunan Nomor KK tidak sepenuhnya dipublikasikan, jadi ini hanya peringatan.",
            digits6(d)
        ),
        (Rule::DateUnusual, En) => format!(
            "Digits 7\u{2013}12 of a {noun} are usually the recording date (DDMMYY), but {} does not read as a date. Check it again; the KK layout is not fully published, so this is only a warning.",
            digits6(d)
        ),
        (Rule::DayAbove40, _) => {
            let Detail::Digits { day, .. } = *d else { return String::new() };
            match lang {
                Id => format!(
                    "Angka 7\u{2013}8 ({day:02}) lebih dari 40: itu ciri NIK perempuan, bukan Nomor KK. Apakah NIK terketik di kolom KK? Nomor KK ada di bagian atas lembar Kartu Keluarga."
                ),
                En => format!(
                    "Digits 7\u{2013}8 ({day:02}) are above 40: that is how a woman's NIK looks, not a KK number. Was a NIK typed into the KK field? The KK number is at the top of the family card."
                ),
            }
        }
        (Rule::SerialZero, Id) => format!(
            "Empat angka terakhir (nomor urut) 0000 tidak mungkin: nomor urut dimulai dari 0001. Periksa lagi {noun}."
        ),
        (Rule::SerialZero, En) => format!(
            "The last four digits (serial) cannot be 0000: serials start at 0001. Check the {noun} again."
        ),
        (Rule::SameNumber, Id) => "NIK dan Nomor KK yang diisi sama. Keduanya nomor berbeda: NIK ada di KTP-el, Nomor KK di bagian atas Kartu Keluarga.".into(),
        (Rule::SameNumber, En) => "The NIK and the KK number are the same. They are different numbers: the NIK is on the KTP-el, the KK number at the top of the family card.".into(),
        (Rule::BirthDateDiffers, _) => {
            let Detail::Dates { nik, stated } = *d else { return String::new() };
            let (n, s) = (nik.dmy(), stated.dmy());
            match lang {
                Id => format!(
                    "Tanggal lahir di NIK ({n}) berbeda dengan yang Anda isi ({s}). Ini belum tentu NIK salah: bila tanggal lahir pernah dibetulkan, NIK tidak ikut berubah. Cocokkan dengan KTP-el dan akta kelahiran, dan bawa akta kelahiran bila melapor."
                ),
                En => format!(
                    "The birth date in the NIK ({n}) differs from the one you gave ({s}). That does not prove the NIK is wrong: if a birth date was corrected later, the NIK stays the same. Compare with the KTP-el and birth certificate, and bring the birth certificate when you report."
                ),
            }
        }
        (Rule::BirthYearCentury, _) => {
            let Detail::Dates { nik, stated } = *d else { return String::new() };
            let (n, s) = (nik.year(), stated.year());
            match lang {
                Id => format!(
                    "Tanggal lahir cocok. NIK hanya menyimpan dua angka tahun; kami menebak {n}, dan Anda lahir {s}. Tidak ada masalah."
                ),
                En => format!(
                    "The birth date matches. A NIK stores only two digits of the year; we guessed {n}, and you were born in {s}. No problem."
                ),
            }
        }
        (Rule::SexDiffers, _) => {
            let Detail::Sexes { nik, stated } = *d else { return String::new() };
            match lang {
                Id => format!(
                    "NIK ini menandakan {}, sedangkan Anda mengisi {}. Untuk perempuan, tanggal lahir di NIK ditambah 40. Bisa salah ketik di lembaga, atau data di Dukcapil perlu dibetulkan: hanya Dukcapil yang dapat memastikan. Bawa KTP-el, KK dan akta kelahiran.",
                    nik.word(lang), stated.word(lang)
                ),
                En => format!(
                    "This NIK indicates {}, but you said {}. For women, the day of birth in the NIK has 40 added. It may be a typo at the institution, or the record at Dukcapil needs correcting: only Dukcapil can confirm. Bring the KTP-el, KK and birth certificate.",
                    nik.word(lang), stated.word(lang)
                ),
            }
        }
        (Rule::RegencyDiffers, _) => {
            let Detail::Regencies { nik, stated } = *d else { return String::new() };
            let (n, s) = (region_name(nik, Level::Regency), region_name(stated, Level::Regency));
            match lang {
                Id => format!(
                    "NIK Anda pertama kali didaftarkan di {n}; Anda sekarang tinggal di {s}. Ini wajar: NIK tidak berubah ketika pindah. Untuk urusan NIK, yang membantu adalah Dukcapil sesuai alamat KK Anda sekarang ({s})."
                ),
                En => format!(
                    "Your NIK was first registered in {n}; you now live in {s}. That is normal: a NIK does not change when you move. For NIK problems, the office that helps is the Dukcapil of your current KK address ({s})."
                ),
            }
        }
    }
}

/// A regency code only the before-2013 edition has (no district list).
fn pre2013(regency: u32) -> bool {
    regions::editions(regency, Level::Regency)
        .is_some_and(|e| e.newest() == regions::Edition::Pre2013)
}

fn count(d: &Detail) -> usize {
    match *d {
        Detail::Count(n) => n,
        _ => 0,
    }
}

fn code(d: &Detail) -> u32 {
    match *d {
        Detail::Code(c) => c,
        _ => 0,
    }
}

fn digits6(d: &Detail) -> String {
    match *d {
        Detail::Digits { day, month, yy } => format!("{day:02}{month:02}{yy:02}"),
        _ => String::new(),
    }
}
