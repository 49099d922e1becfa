//! The Dispendukcapil offices: one per regency/city, named from the region
//! table, with contacts only where a deployer gives them with a source.
//!
//! No phone number, address or opening hours is built in: none was found in a
//! source for most offices (Bondowoso's included), and an invented number
//! would send a citizen's NIK to a stranger. A deployer (an office or a civic
//! group) sets its own in `www/offices.json`, validated here; a bad file is
//! refused with a clear message and the built-in data keeps working.

use crate::phone;
use crate::regions::{self, Level, Region};
use crate::Lang;

/// An office with whatever is known about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Office {
    /// Regency/city code, e.g. 3511.
    pub regency: u32,
    pub name: String,
    /// Normalised for wa.me (`62812…`).
    pub whatsapp: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub hours: Option<String>,
    /// Where the contacts come from, and when they were checked.
    pub source: Option<String>,
    pub checked: Option<String>,
}

/// "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso". In DKI
/// Jakarta the city offices are Suku Dinas (Sudin Dukcapil).
///
/// ```
/// let r = klinik_nik::regions::regency(3511).unwrap();
/// assert_eq!(klinik_nik::offices::official_name(&r), "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso");
/// ```
pub fn official_name(r: &Region) -> String {
    if r.code / 100 == 31 {
        format!("Suku Dinas Kependudukan dan Pencatatan Sipil {}", r.name)
    } else {
        format!("Dinas Kependudukan dan Pencatatan Sipil {}", r.name)
    }
}

/// The built-in entry: the official name, no contacts.
pub fn builtin(regency: u32) -> Option<Office> {
    let r = regions::regency(regency)?;
    Some(Office {
        regency,
        name: official_name(&r),
        ..Office::default()
    })
}

/// For a NIK's regency code: the current regency whose office serves it, when
/// the code is current, or when an older code's name lives on under a new
/// code (91.01 Merauke → 93.01). Only a suggestion: the office that helps is
/// the one of the citizen's current KK address.
pub fn current_regency_for(code: u32) -> Option<u32> {
    let r = regions::regency(code)?;
    if r.editions.is_current() {
        return Some(code);
    }
    // The few older-only codes (26), matched by name once: messages for old
    // Papua NIKs ask for this on every check, so no scan per call.
    static OLD: std::sync::OnceLock<Vec<(u32, u32)>> = std::sync::OnceLock::new();
    OLD.get_or_init(|| {
        regions::all(Level::Regency)
            .filter(|o| !o.editions.is_current())
            .filter_map(|o| {
                regions::all(Level::Regency)
                    .find(|c| c.editions.is_current() && c.name == o.name)
                    .map(|c| (o.code, c.code))
            })
            .collect()
    })
    .iter()
    .find(|(old, _)| *old == code)
    .map(|&(_, current)| current)
}

/// Lower-case words of a name or query, without punctuation.
fn words(s: &str) -> Vec<String> {
    // ASCII only: region names are ASCII, and Unicode case tables would weigh on the wasm.
    s.to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Finds current regencies/cities for what a citizen types: "surab" finds
/// Kota Surabaya; "kab bondowoso" and "bondowoso" both find Kabupaten
/// Bondowoso; a leading "kab"/"kabupaten" or "kota" narrows the kind; a code
/// (`35.78`, `3578`) works too; and a name or code only an older edition has
/// (91.01 Merauke before the Papua split) finds the regency under its current
/// code. Best matches first, at most `limit`.
///
/// ```
/// use klinik_nik::offices::search;
/// assert_eq!(search("surab", 5)[0], 3578);
/// assert_eq!(search("kab bondowoso", 5), vec![3511]);
/// assert_eq!(search("91.01", 5), vec![9301]);
/// ```
pub fn search(query: &str, limit: usize) -> Vec<u32> {
    let mut q = words(query);
    let kind = match q.first().map(String::as_str) {
        Some("kab" | "kabupaten") => Some(false),
        Some("kota" | "kot") if q.len() > 1 => Some(true),
        _ => None,
    };
    if kind.is_some() {
        q.remove(0);
    }
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    let mut hits: Vec<(u32, u32)> = Vec::new(); // (rank, current code)
    if q.is_empty() && digits.is_empty() {
        return Vec::new();
    }
    for r in regions::all(Level::Regency) {
        if kind.is_some_and(|city| city != r.is_city()) {
            continue;
        }
        let Some(current) = current_regency_for(r.code) else {
            continue;
        };
        let rank = if digits.len() == 4 && q.iter().all(|w| w.chars().all(|c| c.is_ascii_digit())) {
            (r.code.to_string() == digits).then_some(0)
        } else {
            // Words of the name without "Kabupaten"/"Kota"/"Administrasi".
            let name: Vec<String> = words(r.name)
                .into_iter()
                .filter(|w| !matches!(w.as_str(), "kabupaten" | "kota" | "administrasi"))
                .collect();
            let joined = name.join(" ");
            if joined == q.join(" ") {
                Some(0)
            } else if q
                .iter()
                .all(|w| name.iter().any(|n| n.starts_with(w.as_str())))
            {
                Some(
                    if name.first().is_some_and(|n| n.starts_with(q[0].as_str())) {
                        1
                    } else {
                        2
                    },
                )
            } else if joined.contains(&q.join(" ")) {
                Some(3)
            } else {
                None
            }
        };
        if let Some(rank) = rank {
            // Older codes rank after the current one of the same name.
            let rank = rank * 2 + u32::from(!r.editions.is_current());
            match hits.iter_mut().find(|(_, c)| *c == current) {
                Some(h) => h.0 = h.0.min(rank),
                None => hits.push((rank, current)),
            }
        }
    }
    // Insertion sort by rank, then code (a few hits; keeps std's sorts out of the wasm).
    for i in 1..hits.len() {
        let mut j = i;
        while j > 0 && hits[j - 1] > hits[j] {
            hits.swap(j - 1, j);
            j -= 1;
        }
    }
    hits.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// The deployer's settings from `www/offices.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfficeConfig {
    /// Who runs this copy of the site, shown in the footer.
    pub deployer: Option<String>,
    /// The regency pre-selected when the NIK gives none.
    pub default_regency: Option<u32>,
    pub offices: Vec<Office>,
}

impl OfficeConfig {
    /// The office for a regency: the deployer's entry, else the built-in one.
    pub fn office(&self, regency: u32) -> Option<Office> {
        self.offices
            .iter()
            .find(|o| o.regency == regency)
            .cloned()
            .or_else(|| builtin(regency))
    }
}

/// Who runs this copy of the site, in words for every page's footer: "Dikelola
/// oleh …" from `deployer`, or, without one, that they have not said.
///
/// ```
/// use klinik_nik::{offices::operator_line, Lang};
/// assert_eq!(operator_line(Some("Dispendukcapil Contoh"), Lang::Id), "Dikelola oleh Dispendukcapil Contoh.");
/// assert!(operator_line(None, Lang::Id).contains("belum menuliskan namanya"));
/// ```
pub fn operator_line(deployer: Option<&str>, lang: crate::Lang) -> String {
    match (deployer.map(str::trim).filter(|d| !d.is_empty()), lang) {
        (Some(d), crate::Lang::Id) => format!("Dikelola oleh {d}."),
        (Some(d), crate::Lang::En) => format!("Run by {d}."),
        (None, crate::Lang::Id) => {
            "Pengelola salinan situs ini belum menuliskan namanya (offices.json).".into()
        }
        (None, crate::Lang::En) => {
            "Whoever runs this copy of the site has not given their name (offices.json).".into()
        }
    }
}

/// A problem in the deployer's file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    /// Where: `offices[2].whatsapp`, or empty for the whole file.
    pub path: String,
    pub what: ConfigError,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    TooBig(usize),
    NotJson(String),
    WrongType(&'static str),
    UnknownField,
    TooMany,
    UnknownRegency,
    Duplicate,
    Phone(phone::PhoneProblem),
    BadText,
    BadUrl,
    BadDate,
    NeedsSource,
}

/// The largest file accepted, in bytes.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;
const MAX_OFFICES: usize = 1000;
const MAX_TEXT: usize = 300;

impl ConfigProblem {
    pub fn message(&self, lang: Lang) -> String {
        let at = if self.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.path)
        };
        let what = match (&self.what, lang) {
            (ConfigError::TooBig(n), Lang::Id) => {
                format!("berkas terlalu besar ({n} byte; paling banyak {MAX_CONFIG_BYTES})")
            }
            (ConfigError::TooBig(n), Lang::En) => {
                format!("file too large ({n} bytes; at most {MAX_CONFIG_BYTES})")
            }
            (ConfigError::NotJson(e), Lang::Id) => format!("bukan JSON yang sah ({e})"),
            (ConfigError::NotJson(e), Lang::En) => format!("not valid JSON ({e})"),
            (ConfigError::WrongType(t), Lang::Id) => format!("harus {t}"),
            (ConfigError::WrongType(t), Lang::En) => format!("must be {t}"),
            (ConfigError::UnknownField, Lang::Id) => "kolom tidak dikenal".into(),
            (ConfigError::UnknownField, Lang::En) => "unknown field".into(),
            (ConfigError::TooMany, Lang::Id) => {
                format!("terlalu banyak kantor (paling banyak {MAX_OFFICES})")
            }
            (ConfigError::TooMany, Lang::En) => format!("too many offices (at most {MAX_OFFICES})"),
            (ConfigError::UnknownRegency, Lang::Id) => {
                "kode kabupaten/kota tidak dikenal (tulis seperti \"35.11\")".into()
            }
            (ConfigError::UnknownRegency, Lang::En) => {
                "unknown regency/city code (write it like \"35.11\")".into()
            }
            (ConfigError::Duplicate, Lang::Id) => "kabupaten/kota ini sudah ada di atas".into(),
            (ConfigError::Duplicate, Lang::En) => "this regency/city is listed twice".into(),
            (ConfigError::Phone(p), _) => p.message(lang),
            (ConfigError::BadText, Lang::Id) => {
                format!("teks kosong, terlalu panjang (> {MAX_TEXT}) atau berisi karakter kendali")
            }
            (ConfigError::BadText, Lang::En) => {
                format!("text empty, too long (> {MAX_TEXT}) or with control characters")
            }
            (ConfigError::BadUrl, Lang::Id) => "sumber harus alamat https://".into(),
            (ConfigError::BadUrl, Lang::En) => "the source must be an https:// address".into(),
            (ConfigError::BadDate, Lang::Id) => "tanggal harus YYYY-MM-DD".into(),
            (ConfigError::BadDate, Lang::En) => "the date must be YYYY-MM-DD".into(),
            (ConfigError::NeedsSource, Lang::Id) => {
                "kontak harus disertai \"source\" (https://…) dan \"checked\" (YYYY-MM-DD)".into()
            }
            (ConfigError::NeedsSource, Lang::En) => {
                "contacts need a \"source\" (https://…) and a \"checked\" date (YYYY-MM-DD)".into()
            }
        };
        format!("{at}{what}")
    }
}

/// A parsed JSON value, only as much as the configuration needs. The page
/// fills it from the browser's own `JSON.parse`, so the wasm carries no JSON
/// parser (serde_json's parser was 15 KB gzip of it); [`parse_config`] fills
/// it from serde_json for the CLI and the tests.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in the parser's order; keys are unique.
    Object(Vec<(String, Json)>),
}

impl Json {
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }
    fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }
    fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

impl From<serde_json::Value> for Json {
    fn from(v: serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(b),
            V::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            V::String(s) => Json::String(s),
            V::Array(a) => Json::Array(a.into_iter().map(Json::from).collect()),
            V::Object(o) => Json::Object(o.into_iter().map(|(k, v)| (k, v.into())).collect()),
        }
    }
}

fn text(v: &Json) -> Result<String, ConfigError> {
    let s = v
        .as_str()
        .ok_or(ConfigError::WrongType("teks / text"))?
        .trim();
    if s.is_empty()
        || s.chars().count() > MAX_TEXT
        || s.chars().any(|c| c.is_control() && c != '\n')
    {
        return Err(ConfigError::BadText);
    }
    Ok(s.to_string())
}

fn regency_code(v: &Json) -> Result<u32, ConfigError> {
    let s = v.as_str().ok_or(ConfigError::WrongType(
        "teks seperti \"35.11\" / text like \"35.11\"",
    ))?;
    let digits: String = s.chars().filter(|c| *c != '.').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ConfigError::UnknownRegency);
    }
    let code: u32 = digits.parse().map_err(|_| ConfigError::UnknownRegency)?;
    regions::regency(code)
        .map(|_| code)
        .ok_or(ConfigError::UnknownRegency)
}

/// Reads and validates `offices.json`. Any problem refuses the whole file
/// (a half-applied directory would be worse than the built-in one); every
/// problem found is listed, up to 20.
///
/// ```
/// use klinik_nik::offices::parse_config;
/// let c = parse_config(r#"{"offices": [{"regency": "35.11", "hours": "Senin-Jumat 08.00-14.00",
///     "source": "https://example.org/standar-pelayanan", "checked": "2026-11-01"}]}"#).unwrap();
/// assert_eq!(c.office(3511).unwrap().hours.as_deref(), Some("Senin-Jumat 08.00-14.00"));
/// assert!(parse_config("{").is_err());
/// ```
pub fn parse_config(json: &str) -> Result<OfficeConfig, Vec<ConfigProblem>> {
    parse_config_with(json, |text| {
        serde_json::from_str::<serde_json::Value>(text)
            .map(Json::from)
            .map_err(|e| e.to_string())
    })
}

/// [`parse_config`] with the JSON parser given: the page passes the
/// browser's. The size limit and a leading byte-order mark are handled here,
/// before `parse` sees the text.
pub fn parse_config_with(
    json: &str,
    parse: impl FnOnce(&str) -> Result<Json, String>,
) -> Result<OfficeConfig, Vec<ConfigProblem>> {
    let whole = |what| {
        vec![ConfigProblem {
            path: String::new(),
            what,
        }]
    };
    if json.len() > MAX_CONFIG_BYTES {
        return Err(whole(ConfigError::TooBig(json.len())));
    }
    let value =
        parse(json.trim_start_matches('\u{feff}')).map_err(|e| whole(ConfigError::NotJson(e)))?;
    let Some(obj) = value.as_object() else {
        return Err(whole(ConfigError::WrongType("objek JSON / a JSON object")));
    };
    let mut problems = Vec::new();
    let mut push = |path: String, what| {
        if problems.len() < 20 {
            problems.push(ConfigProblem { path, what });
        }
    };
    let mut config = OfficeConfig::default();
    for (key, v) in obj {
        match key.as_str() {
            "deployer" if v.is_null() => {}
            "deployer" => match text(v) {
                Ok(s) => config.deployer = Some(s),
                Err(e) => push(key.clone(), e),
            },
            "default_regency" if v.is_null() => {}
            "default_regency" => match regency_code(v) {
                Ok(c) => config.default_regency = Some(c),
                Err(e) => push(key.clone(), e),
            },
            "offices" => {
                let Some(list) = v.as_array() else {
                    push(key.clone(), ConfigError::WrongType("daftar / a list"));
                    continue;
                };
                if list.len() > MAX_OFFICES {
                    push(key.clone(), ConfigError::TooMany);
                    continue;
                }
                for (i, entry) in list.iter().enumerate() {
                    let path = format!("offices[{i}]");
                    match office(entry, &path, &mut push) {
                        Some(o) if config.offices.iter().any(|x| x.regency == o.regency) => {
                            push(format!("{path}.regency"), ConfigError::Duplicate)
                        }
                        Some(o) => config.offices.push(o),
                        None => {}
                    }
                }
            }
            _ => push(key.clone(), ConfigError::UnknownField),
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

fn office(entry: &Json, path: &str, push: &mut impl FnMut(String, ConfigError)) -> Option<Office> {
    let Some(obj) = entry.as_object() else {
        push(
            path.to_string(),
            ConfigError::WrongType("objek / an object"),
        );
        return None;
    };
    let mut ok = true;
    let mut o = Office::default();
    let mut fail = |field: &str, e: ConfigError| {
        push(format!("{path}.{field}"), e);
        false
    };
    match obj
        .iter()
        .find(|(k, _)| k == "regency")
        .map(|(_, v)| regency_code(v))
    {
        Some(Ok(c)) => {
            o.regency = c;
            o.name = builtin(c).map(|b| b.name).unwrap_or_default();
        }
        Some(Err(e)) => ok &= fail("regency", e),
        None => ok &= fail("regency", ConfigError::UnknownRegency),
    }
    for (key, v) in obj {
        if v.is_null() {
            continue;
        }
        let r = match key.as_str() {
            "regency" => continue,
            "name" => text(v).map(|s| o.name = s),
            "whatsapp" => text(v)
                .and_then(|s| phone::normalize_office(&s).map_err(ConfigError::Phone))
                .map(|n| o.whatsapp = Some(n)),
            "phone" => text(v).and_then(|s| {
                if s.chars()
                    .all(|c| c.is_ascii_digit() || " +-().".contains(c))
                    && s.len() <= 30
                {
                    o.phone = Some(s);
                    Ok(())
                } else {
                    Err(ConfigError::BadText)
                }
            }),
            "address" => text(v).map(|s| o.address = Some(s)),
            "hours" => text(v).map(|s| o.hours = Some(s)),
            "source" => text(v).and_then(|s| {
                if s.starts_with("https://") && !s.contains(char::is_whitespace) {
                    o.source = Some(s);
                    Ok(())
                } else {
                    Err(ConfigError::BadUrl)
                }
            }),
            "checked" => text(v).and_then(|s| {
                crate::date::Date::parse_iso(&s).ok_or(ConfigError::BadDate)?;
                o.checked = Some(s);
                Ok(())
            }),
            _ => Err(ConfigError::UnknownField),
        };
        if let Err(e) = r {
            ok &= fail(key, e);
        }
    }
    let has_contact =
        o.whatsapp.is_some() || o.phone.is_some() || o.address.is_some() || o.hours.is_some();
    if ok && has_contact && (o.source.is_none() || o.checked.is_none()) {
        ok &= fail("source", ConfigError::NeedsSource);
    }
    ok.then_some(o)
}
