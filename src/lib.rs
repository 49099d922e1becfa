//! Klinik NIK: check an Indonesian NIK (Nomor Induk Kependudukan) or Nomor KK
//! and explain every problem in words a citizen understands.
//!
//! The core is plain Rust: no clock (the caller passes `today`), no I/O, no web
//! dependency. The browser build adds a thin boundary (`web`, wasm32 only);
//! the `klinik-nik` binary is the batch command for office and data teams.
//!
//! ```
//! use klinik_nik::{check_nik, date::Date, Lang};
//! let today = Date::new(2026, 11, 27).unwrap();
//! let report = check_nik("NIK: 3511.01.500385.0001", today);
//! assert!(report.is_valid());
//! let typo = check_nik("35110150O3850001", today);
//! assert!(!typo.is_valid());
//! assert!(typo.issues[0].message(Lang::Id).contains("angka 0"));
//! ```
//!
//! Sources for every rule are in the module docs of [`check`] and [`regions`].

pub mod act;
pub mod check;
pub mod date;
pub mod diagnose;
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub mod fuzzing;
#[cfg(not(target_arch = "wasm32"))]
pub mod guide;
pub mod issue;
pub mod json;
pub mod offices;
pub mod phone;
pub mod qr;
pub mod regions;
#[rustfmt::skip]
#[allow(clippy::all)]
// The citizens' page leaves the district names out (src/regions.rs).
#[cfg_attr(
    all(target_arch = "wasm32", any(feature = "page", feature = "app")),
    allow(dead_code)
)]
mod regions_table;
pub mod sheet;
pub mod table;
pub mod view;
pub mod xlsx;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(all(target_arch = "wasm32", feature = "desk"))]
pub mod desk;
#[cfg(all(target_arch = "wasm32", feature = "core"))]
pub mod exports;
#[cfg(all(target_arch = "wasm32", any(feature = "page", feature = "app")))]
pub mod web;

pub use check::{check_kk, check_nik, check_pair, compare, Decoded, Report, Stated};
pub use issue::{Issue, Rule, Severity, Subject};

/// The language of messages. Bahasa Indonesia is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// `"en"` (any case, or `en-US`) is English; everything else is Bahasa Indonesia.
    pub fn parse(s: &str) -> Lang {
        let s = s.trim();
        if s.len() >= 2 && s[..2].eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Id
        }
    }
}

/// Sex as encoded in a NIK (women: day of birth + 40).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// `"male"`, `"l"`, `"laki-laki"`, `"female"`, `"p"`, `"perempuan"`, … (any case).
    pub fn parse(s: &str) -> Option<Sex> {
        match s.trim().to_ascii_lowercase().as_str() {
            "male" | "m" | "l" | "laki-laki" | "laki" | "pria" => Some(Sex::Male),
            "female" | "f" | "p" | "w" | "perempuan" | "wanita" => Some(Sex::Female),
            _ => None,
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Sex::Male, Lang::Id) => "laki-laki",
            (Sex::Female, Lang::Id) => "perempuan",
            (Sex::Male, Lang::En) => "male",
            (Sex::Female, Lang::En) => "female",
        }
    }
}
