//! A report rendered for a reader: messages in one language, regions with
//! dotted codes, dates as text. This is what the citizens' page renders from
//! and what tools can serialize.

use crate::issue::{Issue, SpanOf};
use crate::regions::Region;
use crate::{Lang, Report};
use serde::Serialize;

/// Characters in groups of four, as Indonesians read a NIK or a phone
/// number.
///
/// ```
/// assert_eq!(klinik_nik::view::group4("3511015003850001", ' '), "3511 0150 0385 0001");
/// assert_eq!(klinik_nik::view::group4("08123456789", '-'), "0812-3456-789");
/// ```
pub fn group4(s: &str, sep: char) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct IssueView {
    pub code: String,
    pub severity: &'static str,
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// `"digits"` (offsets in the cleaned 16 digits) or `"input"` (character offsets in what was typed).
    pub span_of: Option<&'static str>,
    pub message: String,
    /// For data teams, not citizens: e.g. `"U+004F at input character 10"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl IssueView {
    pub fn new(i: &Issue, lang: Lang) -> IssueView {
        IssueView {
            code: i.code(),
            severity: i.severity.as_str(),
            start: i.span.map(|s| s.start),
            end: i.span.map(|s| s.end),
            span_of: i.span.map(|s| match s.of {
                SpanOf::Digits => "digits",
                SpanOf::Input => "input",
            }),
            message: i.message(lang),
            detail: i.detail(),
        }
    }
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct RegionView {
    /// Dotted, e.g. `35.11.01`.
    pub code: String,
    pub name: &'static str,
    /// In the current (2025) edition.
    pub current: bool,
    /// The newest edition that has the code, named for the reader.
    pub edition: &'static str,
}

impl RegionView {
    pub fn new(r: &Region, lang: Lang) -> RegionView {
        RegionView {
            code: r.dotted(),
            name: r.name,
            current: r.editions.is_current(),
            edition: r.editions.newest().label(lang),
        }
    }
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ReportView {
    /// `"nik"` or `"kk"`.
    pub kind: &'static str,
    pub valid: bool,
    /// The cleaned 16 digits, or null.
    pub number: Option<String>,
    /// The digits found so far (at most 16), for drawing segments while typing.
    pub digits: String,
    pub digit_count: usize,
    pub issues: Vec<IssueView>,
    pub province: Option<RegionView>,
    pub regency: Option<RegionView>,
    pub district: Option<RegionView>,
    pub sex: Option<&'static str>,
    /// `YYYY-MM-DD`: NIK birth date or KK recording date (century guessed).
    pub date: Option<String>,
    /// `dd-mm-yyyy`, for display.
    pub date_dmy: Option<String>,
    pub age: Option<u32>,
    pub serial: Option<String>,
}

impl ReportView {
    pub fn new(r: &Report, lang: Lang) -> ReportView {
        let d = &r.decoded;
        ReportView {
            kind: match r.subject {
                crate::Subject::Kk => "kk",
                _ => "nik",
            },
            valid: r.is_valid(),
            number: r.number().map(str::to_owned),
            digits: r.digits.as_str().to_owned(),
            digit_count: r.digits.count(),
            issues: r.issues.iter().map(|i| IssueView::new(i, lang)).collect(),
            province: d.province.as_ref().map(|x| RegionView::new(x, lang)),
            regency: d.regency.as_ref().map(|x| RegionView::new(x, lang)),
            district: d.district.as_ref().map(|x| RegionView::new(x, lang)),
            sex: d.sex.map(|s| s.as_str()),
            date: d.date.map(|x| x.to_string()),
            date_dmy: d.date.map(|x| x.dmy()),
            age: d.age,
            serial: d.serial.map(|s| format!("{s:04}")),
        }
    }
}
