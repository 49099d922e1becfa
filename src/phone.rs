//! Indonesian mobile numbers for WhatsApp links.
//!
//! WhatsApp's click-to-chat wants the number in international form, digits
//! only, without `+` or the trunk `0`: `0811-1158-676` → `628111158676`.
//! Indonesian mobiles are `8` then `[1-35-9]` and 7–10 more digits after the
//! trunk 0 (libphonenumber's pattern `8[1-35-9]\d{7,10}`; the domain brief's
//! "8 + 8–11 more digits").
//!
//! An office's WhatsApp may also be a landline: the WhatsApp Business
//! Platform accepts numbers "with a country and area code, such as landline
//! and cell numbers" (developers.facebook.com/docs/whatsapp/phone-numbers,
//! read 2026-12-03). [`normalize_office`] takes those too; the citizen's own
//! number ([`normalize`]) stays a mobile, since the officer reaches her there.

use crate::Lang;

/// Why a number cannot be used for WhatsApp.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneProblem {
    Empty,
    /// A character that is not a digit or a usual separator.
    BadChar(char),
    /// A country code other than +62.
    NotIndonesian,
    /// A fixed-line number (area code), not a mobile.
    Landline,
    TooShort,
    TooLong,
    /// Starts with 8 but with a prefix no operator uses (80, 84).
    NotMobile,
    /// An office's landline with too few or too many digits for an area code
    /// and a subscriber number.
    LandlineLength,
}

impl PhoneProblem {
    pub fn code(&self) -> &'static str {
        match self {
            PhoneProblem::Empty => "PHONE_EMPTY",
            PhoneProblem::BadChar(_) => "PHONE_CHAR_INVALID",
            PhoneProblem::NotIndonesian => "PHONE_NOT_INDONESIAN",
            PhoneProblem::Landline => "PHONE_LANDLINE",
            PhoneProblem::TooShort => "PHONE_TOO_SHORT",
            PhoneProblem::TooLong => "PHONE_TOO_LONG",
            PhoneProblem::NotMobile => "PHONE_NOT_MOBILE",
            PhoneProblem::LandlineLength => "PHONE_LANDLINE_LENGTH",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PhoneProblem::Empty, Lang::Id) => "Nomor HP belum diisi.".into(),
            (PhoneProblem::Empty, Lang::En) => "No phone number yet.".into(),
            (PhoneProblem::BadChar(c), Lang::Id) => format!("Nomor HP hanya boleh berisi angka, spasi, titik, tanda hubung, kurung dan + di depan; tanda \u{201c}{c}\u{201d} tidak boleh dipakai."),
            (PhoneProblem::BadChar(c), Lang::En) => format!("A phone number may only hold digits, spaces, dots, dashes, brackets and a leading +; \u{201c}{c}\u{201d} cannot be used."),
            (PhoneProblem::NotIndonesian, Lang::Id) => "Ini bukan nomor Indonesia (+62).".into(),
            (PhoneProblem::NotIndonesian, Lang::En) => "This is not an Indonesian (+62) number.".into(),
            (PhoneProblem::Landline, Lang::Id) => "Ini nomor telepon rumah/kantor (kode area). Isi nomor HP Anda yang diawali 08, agar petugas bisa menghubungi Anda lewat WhatsApp.".into(),
            (PhoneProblem::Landline, Lang::En) => "This is a landline (area code). Give your mobile number starting with 08, so the officer can reach you on WhatsApp.".into(),
            (PhoneProblem::TooShort, Lang::Id) => "Nomor HP terlalu pendek: setelah 08 biasanya ada 8\u{2013}11 angka lagi.".into(),
            (PhoneProblem::TooShort, Lang::En) => "The mobile number is too short: 08 is usually followed by 8\u{2013}11 more digits.".into(),
            (PhoneProblem::TooLong, Lang::Id) => "Nomor HP terlalu panjang: setelah 08 biasanya ada 8\u{2013}11 angka lagi.".into(),
            (PhoneProblem::TooLong, Lang::En) => "The mobile number is too long: 08 is usually followed by 8\u{2013}11 more digits.".into(),
            (PhoneProblem::NotMobile, Lang::Id) => "Awalan nomor ini tidak dipakai operator seluler Indonesia. Periksa lagi.".into(),
            (PhoneProblem::NotMobile, Lang::En) => "No Indonesian mobile operator uses this prefix. Check it again.".into(),
            (PhoneProblem::LandlineLength, Lang::Id) => "Nomor telepon kantor ini tidak lengkap atau terlalu panjang: tulis dengan kode area, misalnya (0332) 421234.".into(),
            (PhoneProblem::LandlineLength, Lang::En) => "This office number is incomplete or too long: write it with its area code, for example (0332) 421234.".into(),
        }
    }
}

/// Normalises what people write (`0812…`, `62812…`, `+62 812-…`, `(0812) 3456.7890`,
/// `0062…`) to the digits WhatsApp wants, `62812…`.
///
/// ```
/// use klinik_nik::phone::{normalize, PhoneProblem};
/// assert_eq!(normalize("0811-1158-676").as_deref(), Ok("628111158676"));
/// assert_eq!(normalize("+62 812 3456 7890").as_deref(), Ok("6281234567890"));
/// assert_eq!(normalize("(0332) 421234"), Err(PhoneProblem::Landline));
/// assert_eq!(normalize("+1 415 555 0100"), Err(PhoneProblem::NotIndonesian));
/// ```
pub fn normalize(input: &str) -> Result<String, PhoneProblem> {
    let s = input.trim();
    let (plus, rest) = match s.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut digits = String::with_capacity(16);
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' | '/' | '\u{a0}' | '\u{2010}'..='\u{2015}' | '\t' => {}
            c => return Err(PhoneProblem::BadChar(c)),
        }
        if digits.len() > 20 {
            return Err(PhoneProblem::TooLong);
        }
    }
    if digits.is_empty() {
        return Err(PhoneProblem::Empty);
    }
    let national = if plus {
        digits
            .strip_prefix("62")
            .ok_or(PhoneProblem::NotIndonesian)?
    } else if let Some(d) = digits.strip_prefix("0062") {
        d
    } else if digits.starts_with("00") {
        return Err(PhoneProblem::NotIndonesian);
    } else if let Some(d) = digits.strip_prefix('0') {
        d
    } else if let Some(d) = digits.strip_prefix("62") {
        d
    } else {
        // "812…" without the trunk 0: accepted; anything else is ambiguous.
        digits.as_str()
    };
    // "+62 0812…" is a common slip: the trunk 0 after the country code.
    let national = national.strip_prefix('0').unwrap_or(national);
    let mut chars = national.chars();
    match chars.next() {
        Some('8') => {}
        Some(_) => return Err(PhoneProblem::Landline),
        None => return Err(PhoneProblem::TooShort),
    }
    match chars.next() {
        Some('1'..='3' | '5'..='9') => {}
        Some(_) => return Err(PhoneProblem::NotMobile),
        None => return Err(PhoneProblem::TooShort),
    }
    match national.len() {
        0..=8 => Err(PhoneProblem::TooShort),
        9..=12 => Ok(format!("62{national}")),
        _ => Err(PhoneProblem::TooLong),
    }
}

/// An office's WhatsApp number: a mobile as [`normalize`] takes it, or an
/// Indonesian landline with its area code (`(0332) 421234` → `62332421234`):
/// after the trunk 0, a digit 2–7 or 9 and 8–11 digits in all (area codes are
/// 2–4 digits, subscriber numbers 5–8).
///
/// ```
/// use klinik_nik::phone::{normalize_office, PhoneProblem};
/// assert_eq!(normalize_office("(0332) 421234").as_deref(), Ok("62332421234"));
/// assert_eq!(normalize_office("021-3456 7890").as_deref(), Ok("622134567890"));
/// assert_eq!(normalize_office("0811-800-5373").as_deref(), Ok("628118005373"));
/// assert_eq!(normalize_office("0332 42"), Err(PhoneProblem::LandlineLength));
/// ```
pub fn normalize_office(input: &str) -> Result<String, PhoneProblem> {
    match normalize(input) {
        Err(PhoneProblem::Landline) => {}
        other => return other,
    }
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    let national = digits
        .strip_prefix("0062")
        .or_else(|| {
            input
                .trim()
                .starts_with('+')
                .then(|| digits.strip_prefix("62"))
                .flatten()
        })
        .or_else(|| digits.strip_prefix('0'))
        .or_else(|| digits.strip_prefix("62"))
        .unwrap_or(&digits);
    let national = national.strip_prefix('0').unwrap_or(national);
    if !national.starts_with(['2', '3', '4', '5', '6', '7', '9']) {
        // 1500537-style service numbers and the like are no WhatsApp account.
        return Err(PhoneProblem::NotMobile);
    }
    match national.len() {
        8..=11 => Ok(format!("62{national}")),
        _ => Err(PhoneProblem::LandlineLength),
    }
}

/// `628123456789` → `0812-3456-789`, the way Indonesians write it; a
/// landline (`62332421234`) is written whole, `0332421234`, since where its
/// area code ends cannot be told from the digits alone.
pub fn display(normalized: &str) -> String {
    let national = normalized.strip_prefix("62").unwrap_or(normalized);
    let local = format!("0{national}");
    if !national.starts_with('8') {
        return local;
    }
    crate::view::group4(&local, '-')
}
