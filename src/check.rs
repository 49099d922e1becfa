//! The checks: cleaning what people type, then every rule of the NIK or KK layout.
//!
//! Layout (PP 37/2007 Pasal 37; Dukcapil Klaten, "Arti 16 digit NIK"):
//! `PP KK CC DDMMYY SSSS` — province, regency/city, district where the number
//! was first registered; birth date (women: day + 40); serial from 0001.
//! There is no check digit, so a well-formed number is not proof that it is
//! registered or active: only Dukcapil can say that.

use crate::date::{self, Date};
use crate::issue::{CharHint, Detail, Issue, Rule, Severity, Span, SpanOf, Subject};
use crate::regions::{self, Region};
use crate::Sex;

/// At most this many invalid characters are listed one by one.
const MAX_CHAR_ISSUES: usize = 5;

/// The digits found in the input (the first 16 are kept), and how many there were.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Digits {
    buf: [u8; 16],
    count: usize,
}

impl Digits {
    /// The digits kept (at most 16).
    pub fn as_str(&self) -> &str {
        let n = self.count.min(16);
        // Only ASCII digits are ever stored.
        std::str::from_utf8(&self.buf[..n]).unwrap_or("")
    }
    /// How many ASCII digits the input had.
    pub fn count(&self) -> usize {
        self.count
    }
    fn push(&mut self, b: u8) {
        if self.count < 16 {
            self.buf[self.count] = b;
        }
        self.count += 1;
    }
    fn num(&self, r: std::ops::Range<usize>) -> u32 {
        self.buf[r]
            .iter()
            .fold(0, |n, &c| n * 10 + u32::from(c - b'0'))
    }
}

/// What the digits say, as far as they could be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Decoded {
    pub province: Option<Region>,
    pub regency: Option<Region>,
    pub district: Option<Region>,
    /// NIK only (the +40 rule).
    pub sex: Option<Sex>,
    /// NIK: birth date; KK: recording date. The century is a guess (see `date::pivot_year`).
    pub date: Option<Date>,
    /// NIK only: age in whole years at `today`.
    pub age: Option<u32>,
    pub serial: Option<u16>,
}

/// The result of checking one number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub subject: Subject,
    pub digits: Digits,
    /// Did the input contain characters that are neither digits nor ignorable?
    pub bad_chars: bool,
    /// Every problem found, in the order of the digits.
    pub issues: Vec<Issue>,
    pub decoded: Decoded,
}

impl Report {
    /// No problem of error severity.
    pub fn is_valid(&self) -> bool {
        !self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The cleaned 16 digits, when the input had exactly 16 and nothing else wrong with its characters.
    pub fn number(&self) -> Option<&str> {
        (self.digits.count == 16 && !self.bad_chars).then(|| self.digits.as_str())
    }
}

/// The issue for a batch line that was not UTF-8 (its text is then checked lossily).
pub fn invalid_utf8(subject: Subject) -> Issue {
    issue(
        subject,
        Rule::InvalidUtf8,
        Severity::Error,
        None,
        Detail::None,
    )
}

fn issue(
    subject: Subject,
    rule: Rule,
    severity: Severity,
    span: Option<Span>,
    detail: Detail,
) -> Issue {
    Issue {
        subject,
        rule,
        severity,
        span,
        detail,
    }
}

const LABELS: [&str; 9] = [
    "nomor induk kependudukan",
    "nomor kartu keluarga",
    "nomor kk",
    "no. kk",
    "no.kk",
    "no kk",
    "nik",
    "kk",
    "no.",
];

/// Length in bytes of a leading label such as `NIK:` or `No. KK :` (with the
/// spaces and colon after it), or 0.
fn label_len(s: &str) -> usize {
    let trimmed = s.trim_start();
    for label in LABELS {
        let Some(head) = trimmed.get(..label.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(label) {
            let rest = &trimmed[label.len()..];
            let after = rest.trim_start_matches([' ', '\t', '\u{a0}']);
            let after = after.strip_prefix([':', '=']).unwrap_or(after);
            let after = after.trim_start_matches([' ', '\t', '\u{a0}']);
            // Only a label if digits (or separators) follow, not "nikah..." or "kk" alone mid-word.
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                return s.len() - after.len();
            }
        }
    }
    0
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
    ) || c.is_whitespace()
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
            | '\u{00ad}'
            | '\u{180e}'
            | '\u{061c}'
    )
}

fn hint(c: char) -> CharHint {
    match c {
        'O' | 'o' => CharHint::LetterO,
        'l' | 'I' => CharHint::LetterL,
        c if c.is_numeric() => CharHint::OtherDigit,
        _ => CharHint::None,
    }
}

/// Step 1, shared by NIK and KK: keep the ASCII digits, explain everything else.
/// The digits, and how many characters were neither digits, separators nor invisible.
fn clean(input: &str, subject: Subject, issues: &mut Vec<Issue>) -> (Digits, usize) {
    let mut digits = Digits::default();
    // Fast path: 16 plain digits, nothing to say.
    if input.len() == 16 && input.bytes().all(|b| b.is_ascii_digit()) {
        for b in input.bytes() {
            digits.push(b);
        }
        return (digits, 0);
    }
    let label = label_len(input);
    if label > 0 {
        issues.push(issue(
            subject,
            Rule::LabelRemoved,
            Severity::Note,
            None,
            Detail::None,
        ));
    }
    let skipped_chars = input[..label].chars().count();
    let (mut separators, mut invisible, mut bad) = (0usize, 0usize, 0usize);
    for (pos, c) in input[label..].chars().enumerate() {
        if c.is_ascii_digit() {
            digits.push(c as u8);
        } else if is_separator(c) {
            separators += 1;
        } else if is_invisible(c) {
            invisible += 1;
        } else {
            bad += 1;
            if bad <= MAX_CHAR_ISSUES {
                let position = skipped_chars + pos;
                issues.push(issue(
                    subject,
                    Rule::CharInvalid,
                    Severity::Error,
                    Some(Span {
                        start: position,
                        end: position + 1,
                        of: SpanOf::Input,
                    }),
                    Detail::Char {
                        ch: c,
                        position,
                        // Where a digit was expected: digits and bad characters so far.
                        place: digits.count + bad,
                        hint: hint(c),
                    },
                ));
            }
        }
    }
    if bad > MAX_CHAR_ISSUES {
        issues.push(issue(
            subject,
            Rule::CharInvalidMore,
            Severity::Error,
            None,
            Detail::Count(bad - MAX_CHAR_ISSUES),
        ));
    }
    // Separators around the digits are only worth a note when there were digits.
    if separators > 0 && digits.count > 0 {
        issues.push(issue(
            subject,
            Rule::SeparatorsRemoved,
            Severity::Note,
            None,
            Detail::None,
        ));
    }
    if invisible > 0 {
        issues.push(issue(
            subject,
            Rule::InvisibleRemoved,
            Severity::Note,
            None,
            Detail::None,
        ));
    }
    (digits, bad)
}

/// Region checks on the first 2/4/6 digits, as far as they are typed.
fn check_region(d: &Digits, subject: Subject, issues: &mut Vec<Issue>, out: &mut Decoded) {
    let n = d.count;
    if n < 2 {
        return;
    }
    let prov = d.num(0..2);
    let Some(p) = regions::province(prov) else {
        issues.push(issue(
            subject,
            Rule::ProvinceUnknown,
            Severity::Error,
            Some(Span::digits(0, 2)),
            Detail::Code(prov),
        ));
        return;
    };
    out.province = Some(p);
    old_edition(&p, subject, Span::digits(0, 2), issues);
    if n < 4 {
        return;
    }
    let reg = d.num(0..4);
    let Some(r) = regions::regency(reg) else {
        issues.push(issue(
            subject,
            Rule::RegencyUnknown,
            Severity::Error,
            Some(Span::digits(2, 4)),
            Detail::Code(reg),
        ));
        return;
    };
    out.regency = Some(r);
    old_edition(&r, subject, Span::digits(2, 4), issues);
    if n < 6 {
        return;
    }
    let dis = d.num(0..6);
    match regions::district(dis) {
        // Below a regency code older than 2013 no district list exists: the
        // district cannot be checked, which says nothing against the NIK.
        None if r.editions.newest() == regions::Edition::Pre2013 => issues.push(issue(
            subject,
            Rule::DistrictUnknown,
            Severity::Note,
            Some(Span::digits(4, 6)),
            Detail::Code(dis),
        )),
        None => issues.push(issue(
            subject,
            Rule::DistrictUnknown,
            Severity::Warning,
            Some(Span::digits(4, 6)),
            Detail::Code(dis),
        )),
        Some(d) => {
            out.district = Some(d);
            // One note is enough: report the district only if its regency was current.
            if r.editions.is_current() {
                old_edition(&d, subject, Span::digits(4, 6), issues);
            }
        }
    }
}

fn old_edition(r: &Region, subject: Subject, span: Span, issues: &mut Vec<Issue>) {
    if r.editions.is_current() {
        return;
    }
    let detail = Detail::Region {
        code: r.code,
        level: r.level,
        name: r.name,
        edition: r.editions.newest(),
    };
    issues.push(issue(
        subject,
        Rule::RegionOldEdition,
        Severity::Note,
        Some(span),
        detail,
    ));
}

fn check_serial(d: &Digits, subject: Subject, issues: &mut Vec<Issue>, out: &mut Decoded) {
    if d.count != 16 {
        return;
    }
    let serial = d.num(12..16) as u16;
    if serial == 0 {
        issues.push(issue(
            subject,
            Rule::SerialZero,
            Severity::Error,
            Some(Span::digits(12, 16)),
            Detail::None,
        ));
    } else {
        out.serial = Some(serial);
    }
}

fn finish_length(d: &Digits, bad: usize, subject: Subject, issues: &mut Vec<Issue>) {
    if (d.count == 0 && bad > 0) || d.count + bad == 16 {
        // The invalid characters already say what is wrong: each takes a digit's place.
    } else if d.count == 0 {
        issues.insert(
            0,
            issue(subject, Rule::Empty, Severity::Error, None, Detail::None),
        );
    } else if d.count != 16 {
        // Point at the missing places; extra digits have no place to point at.
        let span = (d.count < 16).then(|| Span::digits(d.count, 16));
        issues.push(issue(
            subject,
            Rule::Length,
            Severity::Error,
            span,
            Detail::Count(d.count),
        ));
    }
}

/// One place of what was typed, for pointing at a mistake in place: a digit,
/// or a character that took a digit's place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub ch: char,
    /// Not a digit 0–9.
    pub bad: bool,
}

/// What was typed, place by place, the way people count digits: separators,
/// invisible characters and a leading label (`NIK:`) take no place.
///
/// ```
/// let s = klinik_nik::check::typed_slots("3511 0110 O785 0002");
/// assert_eq!(s.len(), 16);
/// assert!(s[8].bad && s[8].ch == 'O');
/// ```
pub fn typed_slots(input: &str) -> Vec<Slot> {
    input[label_len(input)..]
        .chars()
        .filter(|&c| !is_separator(c) && !is_invisible(c))
        .take(64)
        .map(|ch| Slot {
            ch,
            bad: !ch.is_ascii_digit(),
        })
        .collect()
}

/// Whether 16 digits typed as a NIK look more like a Nomor KK: digits 7–12 as
/// a day above 71 (no NIK has one), or, read as 20yy, a date within a year of
/// today: a KK's recent recording date, or a date just ahead that the century
/// rule would read as an age of about 100 (few people check a baby's or a
/// centenarian's NIK). Only a hint: the citizen decides.
///
/// ```
/// use klinik_nik::{check::nik_looks_like_kk, date::Date};
/// let today = Date::new(2026, 11, 28).unwrap();
/// assert!(nik_looks_like_kk("3511012003260007", today)); // recorded 20-03-2026
/// assert!(!nik_looks_like_kk("3511015003850001", today));
/// ```
pub fn nik_looks_like_kk(input: &str, today: Date) -> bool {
    let slots = typed_slots(input);
    if slots.len() != 16 || slots.iter().any(|s| s.bad) {
        return false;
    }
    let n = |i: usize| slots[i].ch as u32 - '0' as u32;
    let (day, month, yy) = (n(6) * 10 + n(7), n(8) * 10 + n(9), n(10) * 10 + n(11));
    if day > 71 {
        return true;
    }
    let day = if day > 40 { day - 40 } else { day };
    let Some(d) = Date::new(2000 + yy as i32, month as u8, day as u8) else {
        return false;
    };
    // Within a year either side of today: a recent recording date, or a date
    // just ahead that the century rule would turn into an age of about 100.
    let year_ago = Date::new(today.year() - 1, today.month(), today.day().min(28));
    let year_ahead = Date::new(today.year() + 1, today.month(), today.day().min(28));
    year_ago.is_some_and(|y| d > y) && year_ahead.is_some_and(|y| d < y)
}

/// Checks a NIK as typed or pasted, at `today` (which decides the century of the birth year).
///
/// Every problem is reported, not only the first, in the order of the digits.
/// While fewer than 16 digits are typed, the segments already complete are
/// checked, so a page can point at a wrong province as soon as it is typed.
///
/// ```
/// use klinik_nik::{check_nik, date::Date, Sex};
/// let today = Date::new(2026, 11, 27).unwrap();
/// let r = check_nik("3511 0150 0385 0001", today);
/// assert!(r.is_valid());
/// assert_eq!(r.number(), Some("3511015003850001"));
/// assert_eq!(r.decoded.district.unwrap().name, "Maesan");
/// assert_eq!(r.decoded.sex, Some(Sex::Female));
/// assert_eq!(r.decoded.date, Date::new(1985, 3, 10));
///
/// let bad = check_nik("3511013502850000", today);
/// let codes: Vec<String> = bad.issues.iter().map(|i| i.code()).collect();
/// assert_eq!(codes, ["NIK_DAY_INVALID", "NIK_SERIAL_ZERO"]);
/// ```
pub fn check_nik(input: &str, today: Date) -> Report {
    let subject = Subject::Nik;
    let mut issues = Vec::new();
    let (digits, bad) = clean(input, subject, &mut issues);
    let bad_chars = bad > 0;
    let mut out = Decoded::default();
    if !bad_chars && digits.count <= 16 {
        check_region(&digits, subject, &mut issues, &mut out);
        check_birth(&digits, today, &mut issues, &mut out);
        check_serial(&digits, subject, &mut issues, &mut out);
    }
    finish_length(&digits, bad, subject, &mut issues);
    Report {
        subject,
        digits,
        bad_chars,
        issues,
        decoded: out,
    }
}

fn check_birth(d: &Digits, today: Date, issues: &mut Vec<Issue>, out: &mut Decoded) {
    let s = Subject::Nik;
    if d.count < 8 {
        return;
    }
    let code = d.num(6..8) as u8;
    let (day, sex) = match code {
        1..=31 => (code, Sex::Male),
        41..=71 => (code - 40, Sex::Female),
        _ => {
            let detail = Detail::Digits {
                day: code,
                month: 0,
                yy: 0,
            };
            issues.push(issue(
                s,
                Rule::DayInvalid,
                Severity::Error,
                Some(Span::digits(6, 8)),
                detail,
            ));
            (0, Sex::Male)
        }
    };
    if day > 0 {
        out.sex = Some(sex);
    }
    if d.count < 10 {
        return;
    }
    let month = d.num(8..10) as u8;
    if !(1..=12).contains(&month) {
        let detail = Detail::Digits {
            day: code,
            month,
            yy: 0,
        };
        issues.push(issue(
            s,
            Rule::MonthInvalid,
            Severity::Error,
            Some(Span::digits(8, 10)),
            detail,
        ));
        return;
    }
    if d.count < 12 || day == 0 {
        return;
    }
    let yy = d.num(10..12) as u8;
    let year = date::pivot_year(yy, month, day, today);
    match Date::new(year, month, day) {
        Some(born) => {
            out.date = Some(born);
            out.age = born.age_on(today);
        }
        None => issues.push(issue(
            s,
            Rule::DateInvalid,
            Severity::Error,
            Some(Span::digits(6, 12)),
            Detail::BadDate { day, month, year },
        )),
    }
}

/// Checks a Nomor KK (family card number).
///
/// Digits 1–6 are the region where the KK was issued (errors as for a NIK);
/// digits 7–12 most likely the recording date, DDMMYY without the +40 rule.
/// That reading is not fully sourced, so date problems are warnings. A "day"
/// of 41–71 suggests a woman's NIK typed into the KK field.
///
/// ```
/// use klinik_nik::{check_kk, date::Date};
/// let today = Date::new(2026, 11, 27).unwrap();
/// let r = check_kk("No. KK: 3511012003150007", today);
/// assert!(r.is_valid());
/// assert_eq!(r.decoded.date, Date::new(2015, 3, 20));
/// let nik_in_kk = check_kk("3511015003850001", today);
/// assert_eq!(nik_in_kk.issues[0].code(), "KK_DAY_ABOVE_40");
/// ```
pub fn check_kk(input: &str, today: Date) -> Report {
    let subject = Subject::Kk;
    let mut issues = Vec::new();
    let (digits, bad) = clean(input, subject, &mut issues);
    let bad_chars = bad > 0;
    let mut out = Decoded::default();
    if !bad_chars && digits.count <= 16 {
        check_region(&digits, subject, &mut issues, &mut out);
        if digits.count >= 12 {
            let (day, month, yy) = (
                digits.num(6..8) as u8,
                digits.num(8..10) as u8,
                digits.num(10..12) as u8,
            );
            let detail = Detail::Digits { day, month, yy };
            if (41..=71).contains(&day) {
                issues.push(issue(
                    subject,
                    Rule::DayAbove40,
                    Severity::Warning,
                    Some(Span::digits(6, 8)),
                    detail,
                ));
            } else {
                let year = date::pivot_year(yy, month, day, today);
                match Date::new(year, month, day) {
                    Some(d) => out.date = Some(d),
                    None => issues.push(issue(
                        subject,
                        Rule::DateUnusual,
                        Severity::Warning,
                        Some(Span::digits(6, 12)),
                        detail,
                    )),
                }
            }
        }
        check_serial(&digits, subject, &mut issues, &mut out);
    }
    finish_length(&digits, bad, subject, &mut issues);
    Report {
        subject,
        digits,
        bad_chars,
        issues,
        decoded: out,
    }
}

/// Problems that only show when a NIK and a KK number are given together.
///
/// ```
/// use klinik_nik::{check_kk, check_nik, check_pair, date::Date};
/// let today = Date::new(2026, 11, 27).unwrap();
/// let n = check_nik("3511011003850001", today);
/// let k = check_kk("3511011003850001", today);
/// assert_eq!(check_pair(&n, &k)[0].code(), "PAIR_SAME_NUMBER");
/// ```
pub fn check_pair(nik: &Report, kk: &Report) -> Vec<Issue> {
    let mut issues = Vec::new();
    if let (Some(a), Some(b)) = (nik.number(), kk.number()) {
        if a == b {
            issues.push(issue(
                Subject::Pair,
                Rule::SameNumber,
                Severity::Error,
                Some(Span::digits(0, 16)),
                Detail::None,
            ));
        }
    }
    issues
}

/// What the citizen says about themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stated {
    pub birth_date: Option<Date>,
    pub sex: Option<Sex>,
    /// Regency/city of residence (current KK address), four digits like 3511.
    pub regency: Option<u32>,
}

/// Compares a checked NIK with what the citizen states. Each disagreement is
/// its own issue, with a message saying what it can mean.
///
/// ```
/// use klinik_nik::{check_nik, compare, date::Date, Sex, Stated};
/// let today = Date::new(2026, 11, 27).unwrap();
/// let r = check_nik("3511011003850001", today);
/// let stated = Stated { birth_date: Date::new(1985, 3, 11), sex: Some(Sex::Female), regency: Some(3578) };
/// let codes: Vec<String> = compare(&r, &stated).iter().map(|i| i.code()).collect();
/// assert_eq!(codes, ["STATED_BIRTH_DATE_DIFFERS", "STATED_SEX_DIFFERS", "STATED_REGENCY_DIFFERS"]);
/// ```
pub fn compare(nik: &Report, stated: &Stated) -> Vec<Issue> {
    let s = Subject::Stated;
    let mut issues = Vec::new();
    let dec = &nik.decoded;
    if let (Some(n), Some(st)) = (dec.date, stated.birth_date) {
        if n != st {
            let same_yy = n.year().rem_euclid(100) == st.year().rem_euclid(100);
            let detail = Detail::Dates { nik: n, stated: st };
            if same_yy && n.month() == st.month() && n.day() == st.day() {
                issues.push(issue(
                    s,
                    Rule::BirthYearCentury,
                    Severity::Note,
                    Some(Span::digits(10, 12)),
                    detail,
                ));
            } else {
                issues.push(issue(
                    s,
                    Rule::BirthDateDiffers,
                    Severity::Warning,
                    Some(Span::digits(6, 12)),
                    detail,
                ));
            }
        }
    }
    if let (Some(n), Some(st)) = (dec.sex, stated.sex) {
        if n != st {
            let detail = Detail::Sexes { nik: n, stated: st };
            issues.push(issue(
                s,
                Rule::SexDiffers,
                Severity::Warning,
                Some(Span::digits(6, 8)),
                detail,
            ));
        }
    }
    if let (Some(n), Some(st)) = (dec.regency, stated.regency) {
        // An older code of the same place (91.01 Merauke, now 93.01) is not a move.
        let same_place = |a: u32, b: u32| {
            a == b
                || crate::offices::current_regency_for(a) == crate::offices::current_regency_for(b)
        };
        if !same_place(n.code, st) {
            let detail = Detail::Regencies {
                nik: n.code,
                stated: st,
            };
            issues.push(issue(
                s,
                Rule::RegencyDiffers,
                Severity::Note,
                Some(Span::digits(0, 4)),
                detail,
            ));
        }
    }
    issues
}
