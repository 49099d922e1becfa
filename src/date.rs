//! Calendar dates without a clock: the caller always passes `today`.
//!
//! Only what NIK and KK checks need: the proleptic Gregorian calendar for
//! years 1900–2099, leap years, and age in whole years.

use std::fmt;

/// A calendar date that is known to exist (`Date::new` refuses 31 April).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Gregorian leap year: every fourth year, except centuries not divisible by 400.
///
/// ```
/// use klinik_nik::date::is_leap_year;
/// assert!(is_leap_year(2000) && is_leap_year(2024));
/// assert!(!is_leap_year(1900) && !is_leap_year(2023));
/// ```
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date, or `None` when it does not exist.
    ///
    /// ```
    /// use klinik_nik::date::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// assert!(Date::new(2023, 4, 31).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (what `<input type="date">` and the CLI's `--today` give).
    ///
    /// ```
    /// use klinik_nik::date::Date;
    /// assert_eq!(Date::parse_iso("2026-11-27"), Date::new(2026, 11, 27));
    /// assert_eq!(Date::parse_iso("2026-02-30"), None);
    /// assert_eq!(Date::parse_iso("27-11-2026"), None);
    /// ```
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &b[r];
            part.iter()
                .all(u8::is_ascii_digit)
                .then(|| part.iter().fold(0u32, |n, &c| n * 10 + u32::from(c - b'0')))
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Whole years from `self` to `today`; `None` if `today` is earlier.
    ///
    /// ```
    /// use klinik_nik::date::Date;
    /// let born = Date::new(2000, 2, 29).unwrap();
    /// assert_eq!(born.age_on(Date::new(2026, 2, 28).unwrap()), Some(25));
    /// assert_eq!(born.age_on(Date::new(2026, 3, 1).unwrap()), Some(26));
    /// ```
    pub fn age_on(self, today: Date) -> Option<u32> {
        if today < self {
            return None;
        }
        let mut age = today.year - self.year;
        if (today.month, today.day) < (self.month, self.day) {
            age -= 1;
        }
        u32::try_from(age).ok()
    }

    /// `dd-mm-yyyy`, the way dates are written on Indonesian documents.
    pub fn dmy(self) -> String {
        format!("{:02}-{:02}-{:04}", self.day, self.month, self.year)
    }
}

/// `YYYY-MM-DD`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The year a two-digit `yy` most likely means: 20yy unless that date is after
/// `today`, else 19yy. The century is not encoded in a NIK, so this is a guess
/// and must be shown as one.
///
/// ```
/// use klinik_nik::date::{Date, pivot_year};
/// let today = Date::new(2026, 11, 27).unwrap();
/// assert_eq!(pivot_year(5, 1, 1, today), 2005);
/// assert_eq!(pivot_year(26, 11, 27, today), 2026);
/// assert_eq!(pivot_year(26, 11, 28, today), 1926);
/// assert_eq!(pivot_year(85, 6, 15, today), 1985);
/// ```
pub fn pivot_year(yy: u8, month: u8, day: u8, today: Date) -> i32 {
    let year = 2000 + i32::from(yy);
    if (year, month, day) > (today.year, today.month, today.day) {
        year - 100
    } else {
        year
    }
}
