//! Lists of NIKs as offices keep them: CSV or TSV exported from Excel or Google
//! Sheets, with a header row in the words people use, checked row by row.
//!
//! What lists really suffer from, besides typos: Excel stores a 16-digit NIK
//! as a number, shows it as `3.51102E+15`, and keeps only 15 significant
//! digits, so the 16th becomes 0. A leading apostrophe (`'3511…`) is Excel's
//! "this is text" marker. The same NIK appears on several rows. Older Excel
//! saves Windows-1252 and, in an Indonesian locale, `;` between fields.
//!
//! Everything here is pure: the CLI (`klinik-nik check --table`) streams
//! records through [`Records`]; the page would hand the whole text.

use crate::check::{check_kk, check_nik, compare, Report, Stated};
use crate::date::Date;
use crate::{Lang, Sex};

/// A problem of the list itself (not of the NIK's layout).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableIssue {
    /// `3.51102E+15`: Excel turned the NIK into a number in scientific notation.
    ExcelScientific,
    /// The same damage in the KK column.
    ExcelScientificKk,
    /// The birth date cell holds something that is not a date (it is not
    /// compared with the NIK).
    BirthUnreadable,
    /// The column looks cut to 15 significant digits: the last digit became 0.
    ExcelTruncated,
    /// A leading `'` (Excel's text marker) was removed.
    ApostropheRemoved,
    /// The NIK and the KK on the row are the same number.
    NikEqualsKk,
    /// The same NIK is already on an earlier row (its 1-based record number).
    Duplicate { first: u32 },
    /// The same KK is on an earlier row whose name has another last word.
    KkOtherFamily { first: u32 },
}

impl TableIssue {
    pub fn code(self) -> &'static str {
        match self {
            TableIssue::ExcelScientific => "TABLE_EXCEL_SCIENTIFIC",
            TableIssue::ExcelScientificKk => "TABLE_EXCEL_SCIENTIFIC_KK",
            TableIssue::BirthUnreadable => "TABLE_BIRTH_UNREADABLE",
            TableIssue::ExcelTruncated => "TABLE_EXCEL_TRUNCATED",
            TableIssue::ApostropheRemoved => "TABLE_APOSTROPHE_REMOVED",
            TableIssue::NikEqualsKk => "TABLE_NIK_EQUALS_KK",
            TableIssue::Duplicate { .. } => "TABLE_DUPLICATE_NIK",
            TableIssue::KkOtherFamily { .. } => "TABLE_KK_OTHER_FAMILY",
        }
    }

    /// The digits are gone, or two numbers clash: errors. A cut NIK is only
    /// likely (its last digit may be a real 0) and a repeated NIK may be a
    /// re-entry: warnings. The rest are notes.
    pub fn severity(self) -> crate::Severity {
        use crate::Severity::*;
        match self {
            TableIssue::ExcelScientific
            | TableIssue::ExcelScientificKk
            | TableIssue::NikEqualsKk => Error,
            TableIssue::ExcelTruncated | TableIssue::Duplicate { .. } => Warning,
            TableIssue::ApostropheRemoved
            | TableIssue::KkOtherFamily { .. }
            | TableIssue::BirthUnreadable => Note,
        }
    }

    pub fn is_error(self) -> bool {
        self.severity() == crate::Severity::Error
    }

    /// The message for this issue on `row`; Excel's damage quotes the cell
    /// as it is written in the list, so staff can find it.
    pub fn message(self, row: &Row, lang: Lang) -> String {
        let q = |cell: &str| -> String { format!("\u{201c}{cell}\u{201d}") };
        let fixed = match (self, lang) {
            (TableIssue::ExcelScientific, Lang::Id) => return format!("Excel menyimpan NIK ini sebagai angka ({}) dan angka aslinya hilang: format kolom sebagai Teks, lalu ketik ulang NIK dari KTP-el atau KK.", q(&row.nik_input)),
            (TableIssue::ExcelScientific, Lang::En) => return format!("Excel stored this NIK as a number ({}) and lost its digits: format the column as Text, then retype the NIK from the KTP-el or KK.", q(&row.nik_input)),
            (TableIssue::ExcelScientificKk, Lang::Id) => return format!("Excel menyimpan Nomor KK ini sebagai angka ({}) dan angka aslinya hilang: format kolom sebagai Teks, lalu ketik ulang Nomor KK dari kartunya.", q(&row.kk_input)),
            (TableIssue::ExcelScientificKk, Lang::En) => return format!("Excel stored this KK number as a number ({}) and lost its digits: format the column as Text, then retype the KK number from the card.", q(&row.kk_input)),
            (TableIssue::ExcelTruncated, Lang::Id) => return format!("NIK {} berakhir 0: angka terakhirnya mungkin berubah jadi 0 karena Excel hanya menyimpan 15 angka. Format kolom sebagai Teks, lalu ketik ulang NIK dari KTP-el atau KK.", q(&row.nik_input)),
            (TableIssue::ExcelTruncated, Lang::En) => return format!("NIK {} ends in 0: its last digit may have become 0 because Excel keeps only 15 digits. Format the column as Text, then retype the NIK from the KTP-el or KK.", q(&row.nik_input)),
            (TableIssue::BirthUnreadable, Lang::Id) => "Tanggal lahir yang tertulis di daftar tidak terbaca sebagai tanggal, jadi tidak dicocokkan dengan NIK.",
            (TableIssue::BirthUnreadable, Lang::En) => "The birth date written in the list could not be read as a date, so it was not compared with the NIK.",
            (TableIssue::ApostropheRemoved, Lang::Id) => "Tanda ' di depan NIK (penanda teks dari Excel) diabaikan.",
            (TableIssue::ApostropheRemoved, Lang::En) => "The ' before the NIK (Excel's text marker) was ignored.",
            (TableIssue::NikEqualsKk, Lang::Id) => "NIK dan Nomor KK di baris ini sama; salah satunya keliru.",
            (TableIssue::NikEqualsKk, Lang::En) => "The NIK and KK number on this row are the same; one of them is wrong.",
            (TableIssue::Duplicate { first }, Lang::Id) => return format!("NIK ini sudah ada di baris {first}."),
            (TableIssue::Duplicate { first }, Lang::En) => return format!("This NIK is already on row {first}."),
            (TableIssue::KkOtherFamily { first }, Lang::Id) => return format!("Nomor KK yang sama ada di baris {first} dengan nama keluarga lain: wajar bila satu keluarga, periksa bila bukan."),
            (TableIssue::KkOtherFamily { first }, Lang::En) => return format!("The same KK number is on row {first} with another family name: normal within one family, worth checking otherwise."),
        };
        fixed.to_string()
    }
}

/// How the bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Not valid UTF-8: read as Windows-1252 (older Excel).
    Windows1252,
}

/// Why a file cannot be read as a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotATable {
    Empty,
    /// NUL bytes or the signature of a PDF, image or archive.
    Binary,
}

/// Bytes to text: a UTF-8 BOM is dropped; text that is not UTF-8 is read as
/// Windows-1252; a binary file (a PDF, an image, a zip such as `.xlsx`) is refused.
///
/// ```
/// use klinik_nik::table::{decode, Encoding};
/// assert_eq!(decode(b"\xef\xbb\xbfNIK\n").unwrap(), ("NIK\n".to_string(), Encoding::Utf8));
/// assert_eq!(decode(b"Nama;NIK\nJos\xe9\n").unwrap().0, "Nama;NIK\nJos\u{e9}\n");
/// ```
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotATable> {
    decode_vec(bytes.to_vec())
}

/// [`decode`], keeping the buffer when it is UTF-8 already (a whole list is
/// not copied).
pub fn decode_vec(mut bytes: Vec<u8>) -> Result<(String, Encoding), NotATable> {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(NotATable::Empty);
    }
    const MAGIC: [&[u8]; 6] = [
        b"%PDF",
        b"\x89PNG",
        b"\xff\xd8\xff",
        b"PK\x03\x04",
        b"GIF8",
        b"\xd0\xcf\x11\xe0",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) || bytes.iter().take(4096).any(|&b| b == 0) {
        return Err(NotATable::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, Encoding::Utf8)),
        Err(e) => Ok((
            e.as_bytes().iter().map(|&b| cp1252(b)).collect(),
            Encoding::Windows1252,
        )),
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The field separator: tab, `;` or `,`, whichever the first lines use most
/// consistently (quoted fields are skipped).
///
/// ```
/// assert_eq!(klinik_nik::table::sniff("Nama;NIK\n\"A, B\";3511\n"), b';');
/// ```
pub fn sniff(text: &str) -> u8 {
    // Nothing splits (one column): tab, so "3,40412E+15" stays one cell.
    let mut best = (b'\t', 0usize);
    for d in [b'\t', b';', b','] {
        let mut counts = Vec::new();
        for rec in Records::new(text.as_bytes(), d).take(20) {
            let mut n = rec.fields.len();
            // Indonesian Excel's "3,40412E+15" is one damaged number, not two cells.
            if d == b',' && n == 2 && is_scientific(&rec.fields.join(",")) {
                n = 1;
            }
            counts.push(n);
        }
        let lines = counts.len().max(1);
        // The commonest width of more than one field (a title row above the
        // header has one), and the rows that agree with it, weighted by it.
        // (At most 20 lines: counting each width by hand is enough.)
        let agree = |w: usize| counts.iter().filter(|&&c| c == w).count();
        let modal = counts
            .iter()
            .copied()
            .filter(|&c| c > 1)
            .max_by_key(|&w| (agree(w), w))
            .unwrap_or(1);
        let score = if modal > 1 {
            counts.iter().filter(|&&c| c == modal).count() * 100 / lines * modal
        } else {
            0
        };
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// One record: its fields, and whether a quote was left open at the end of input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub fields: Vec<String>,
    pub open_quote: bool,
}

/// RFC 4180 records from text: `"` quotes, `""` inside quotes, CRLF or LF;
/// a quote left open runs to the end of the input (and says so).
pub struct Records<'a> {
    s: &'a [u8],
    pos: usize,
    delim: u8,
}

impl<'a> Records<'a> {
    pub fn new(s: &'a [u8], delim: u8) -> Records<'a> {
        Records { s, pos: 0, delim }
    }

    /// Where the next record starts, in bytes.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// Steps over the next record without building its fields: its start,
    /// and whether a quote was left open. For indexing a whole list.
    pub fn next_span(&mut self) -> Option<(usize, bool)> {
        let s = self.s;
        let start = self.pos;
        if start >= s.len() {
            return None;
        }
        // The same rules as `next`, without keeping the bytes: `empty` is
        // whether the current field has had a byte yet.
        let (mut i, mut quoted, mut empty) = (start, false, true);
        while i < s.len() {
            let b = s[i];
            i += 1;
            if quoted {
                if b == b'"' && s.get(i) != Some(&b'"') {
                    quoted = false;
                } else {
                    i += usize::from(b == b'"');
                    empty = false;
                }
            } else if b == b'"' && empty {
                quoted = true;
            } else if b == self.delim {
                empty = true;
            } else if b == b'\n' {
                self.pos = i;
                return Some((start, false));
            } else {
                empty = false;
            }
        }
        self.pos = i;
        Some((start, quoted))
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let s = self.s;
        if self.pos >= s.len() {
            return None;
        }
        let mut fields = Vec::new();
        let mut field: Vec<u8> = Vec::new();
        let mut quoted = false;
        let mut open_quote = false;
        let mut i = self.pos;
        loop {
            if i >= s.len() {
                open_quote = quoted;
                break;
            }
            let b = s[i];
            if quoted {
                if b == b'"' {
                    if s.get(i + 1) == Some(&b'"') {
                        field.push(b'"');
                        i += 1;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(b);
                }
            } else if b == b'"' && field.is_empty() {
                quoted = true;
            } else if b == self.delim {
                fields.push(String::from_utf8_lossy(&field).into_owned());
                field.clear();
            } else if b == b'\n' {
                i += 1;
                break;
            } else if b == b'\r' && s.get(i + 1) == Some(&b'\n') {
                i += 2;
                break;
            } else {
                field.push(b);
            }
            i += 1;
        }
        self.pos = i;
        fields.push(String::from_utf8_lossy(&field).into_owned());
        Some(Record { fields, open_quote })
    }
}

/// What each column holds (indexes into a record). The desk's page and its
/// worker exchange it as JSON.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Columns {
    pub nik: Option<usize>,
    pub kk: Option<usize>,
    pub name: Option<usize>,
    pub birth: Option<usize>,
    pub sex: Option<usize>,
    pub regency: Option<usize>,
    /// The first record after `title_rows` is a header row.
    pub header: bool,
    /// Records above the header (a title such as "DAFTAR PENERIMA BLT …" and
    /// blank lines): never checked, never counted as rows of the list.
    #[serde(default)]
    pub title_rows: usize,
}

impl Columns {
    /// Records before the first row of data: the title rows and the header.
    pub fn skip(&self) -> usize {
        self.title_rows + usize::from(self.header)
    }
}

/// How many records at the top are searched for a header under a title.
pub const TITLE_LOOKAHEAD: usize = 10;

fn norm(h: &str) -> String {
    h.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Finds the columns from a header in the words people use (NIK; No KK / Nomor
/// KK / KK; Nama; Tanggal Lahir / Tgl Lahir / TTL; JK / Jenis Kelamin / L/P;
/// Kab/Kota). Without a recognisable NIK header, the column whose cells look
/// most like 16-digit numbers is taken, and the first row is data.
///
/// ```
/// use klinik_nik::table::detect_columns;
/// let rows = vec![vec!["No".into(), "Nama".into(), "NIK".into(), "No. KK".into()]];
/// let c = detect_columns(&rows);
/// assert_eq!((c.nik, c.kk, c.name, c.header), (Some(2), Some(3), Some(1), true));
/// ```
pub fn detect_columns(rows: &[Vec<String>]) -> Columns {
    // The header may sit under a title and blank lines: the first of the top
    // rows that names a NIK, KK or name column.
    for (r, row) in rows.iter().enumerate().take(TITLE_LOOKAHEAD) {
        let c = detect_header(std::slice::from_ref(row));
        if c.header {
            let mut c = detect_columns_at(&rows[r..]);
            c.title_rows = r;
            return c;
        }
    }
    detect_columns_at(rows)
}

fn detect_header(rows: &[Vec<String>]) -> Columns {
    let mut c = Columns::default();
    if let Some(head) = rows.first() {
        for (i, h) in head.iter().enumerate() {
            let n = norm(h);
            let slot = match n.as_str() {
                "nik"
                | "noinduk"
                | "nomorindukkependudukan"
                | "niknomorindukkependudukan"
                | "noktp"
                | "nomorktp"
                | "ktp" => &mut c.nik,
                "kk" | "nokk" | "nomorkk" | "nokartukeluarga" | "nomorkartukeluarga"
                | "kartukeluarga" => &mut c.kk,
                "nama" | "namalengkap" | "name" => &mut c.name,
                "tanggallahir" | "tgllahir" | "tgllhr" | "ttl" | "tempattanggallahir"
                | "tempattgllahir" | "lahir" | "birthdate" => &mut c.birth,
                "jk" | "jeniskelamin" | "lp" | "kelamin" | "sex" | "gender" => &mut c.sex,
                "kabkota" | "kabupatenkota" | "kabupaten" | "kota" | "kab" => &mut c.regency,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(i);
            }
        }
        c.header = c.nik.is_some() || c.kk.is_some() || c.name.is_some();
    }
    c
}

/// The columns when the header, if any, is the first of `rows`.
fn detect_columns_at(rows: &[Vec<String>]) -> Columns {
    let mut c = detect_header(rows);
    if c.nik.is_none() {
        // The column with the most cells that look like 16-digit numbers.
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let looks = |s: &str| {
            let d = s.chars().filter(char::is_ascii_digit).count();
            (15..=17).contains(&d) || is_scientific(s)
        };
        c.nik = (0..width)
            .map(|i| {
                (
                    rows.iter()
                        .filter(|r| r.get(i).is_some_and(|s| looks(s)))
                        .count(),
                    i,
                )
            })
            .filter(|&(n, _)| n > 0)
            .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)))
            .map(|(_, i)| i);
    }
    c
}

/// `3.51102E+15`, `3,51102E+15`: a number Excel shows in scientific notation.
pub fn is_scientific(s: &str) -> bool {
    let s = s.trim();
    let Some((mantissa, exp)) = s.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && mantissa.starts_with(|c: char| c.is_ascii_digit())
        && !exp.is_empty()
        && exp.chars().all(|c| c.is_ascii_digit())
}

/// Whether Excel stored the NIK column as numbers, so a 16-digit NIK ending in
/// 0 may have lost its real last digit: more than half of at least 10 NIKs
/// end in 0 (one in ten would, by chance). A cell in scientific notation
/// (`3,51102E+15`) says nothing of the others: it is its own error, and does
/// not make every NIK ending in 0 a row to check.
pub fn truncated(ending_in_zero: usize, sixteen_digit: usize) -> bool {
    sixteen_digit >= 10 && ending_in_zero * 2 > sixteen_digit
}

/// How many records are looked at before deciding the columns and Excel's damage.
pub const LOOKAHEAD: usize = 200;

/// Whether the NIK column of these first records (header included when
/// `c.header`) was stored as numbers by Excel: see [`truncated`].
pub fn column_truncated(records: &[Vec<String>], c: &Columns) -> bool {
    let Some(col) = c.nik else { return false };
    let cells = records
        .iter()
        .take(LOOKAHEAD)
        .skip(c.skip())
        .filter_map(|f| f.get(col).map(|s| s.trim()));
    let (mut zero, mut sixteen) = (0, 0);
    for s in cells {
        if s.len() == 16 && s.bytes().all(|b| b.is_ascii_digit()) {
            sixteen += 1;
            zero += usize::from(s.ends_with('0'));
        }
    }
    truncated(zero, sixteen)
}

/// What earlier rows said, for the notes that span rows: a NIK already seen
/// (a warning on each later row) and a KK already seen with another family
/// name (a note). Memory grows with the distinct numbers only: a NIK or KK
/// fits a `u64`.
#[derive(Default)]
pub struct Seen {
    niks: std::collections::HashMap<u64, u32>,
    kks: std::collections::HashMap<u64, (u32, u64)>,
    again: Vec<(u64, u32)>,
}

/// The last word of a name, folded, as a hash (FNV-1a, no allocation: this
/// runs on every row): `"Budi SANTOSO"` and `"santoso"` agree.
fn family(name: &str) -> Option<u64> {
    let last = name.split_whitespace().last()?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in last.chars().flat_map(char::to_lowercase) {
        h = (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3);
    }
    Some(h)
}

impl Seen {
    /// Adds the cross-row notes of record `n` (1-based, header counted) to `row`.
    pub fn note(&mut self, n: u32, row: &mut Row, name: &str) {
        if let Some(key) = row.nik.number().and_then(|s| s.parse::<u64>().ok()) {
            match self.niks.get(&key) {
                Some(&first) => {
                    self.again.push((key, first));
                    self.again.push((key, n));
                    row.table.push(TableIssue::Duplicate { first });
                }
                None => {
                    self.niks.insert(key, n);
                }
            }
        }
        let kk = row.kk.as_ref().and_then(Report::number);
        if let (Some(kk), Some(fam)) = (kk.and_then(|s| s.parse::<u64>().ok()), family(name)) {
            match self.kks.get(&kk) {
                Some(&(first, f)) if f != fam => {
                    row.table.push(TableIssue::KkOtherFamily { first });
                }
                Some(_) => {}
                None => {
                    self.kks.insert(kk, (n, fam));
                }
            }
        }
    }

    /// Each NIK found on more than one row, with its record numbers, in the
    /// order of its first row.
    pub fn duplicates(mut self) -> Vec<(String, Vec<u32>)> {
        self.again.sort_unstable();
        self.again.dedup();
        let mut dups: Vec<(String, Vec<u32>)> = Vec::new();
        let mut last = None;
        for (nik, row) in self.again {
            match dups.last_mut() {
                Some((_, rows)) if last == Some(nik) => rows.push(row),
                _ => dups.push((format!("{nik:016}"), vec![row])),
            }
            last = Some(nik);
        }
        dups.sort_by_key(|(_, rows)| rows[0]);
        dups
    }
}

/// "10-03-1985", "10/03/1985", "1985-03-10", "Bondowoso, 10-03-1985", and
/// with the month in words as Indonesian lists write it: "SLEMAN, 5 Agustus
/// 1960", "5 Agt 1960", "05-Agu-1960" (English names too).
///
/// ```
/// use klinik_nik::{date::Date, table::parse_birth};
/// assert_eq!(parse_birth("SLEMAN, 5 Agustus 1960"), Date::new(1960, 8, 5));
/// assert_eq!(parse_birth("5 Agt 1960"), Date::new(1960, 8, 5));
/// assert_eq!(parse_birth("17-Peb-1971"), Date::new(1971, 2, 17));
/// assert_eq!(parse_birth("1 Pebruari 1971"), Date::new(1971, 2, 1));
/// assert_eq!(parse_birth("tidak tahu"), None);
/// ```
pub fn parse_birth(s: &str) -> Option<Date> {
    let s = s.rsplit(',').next().unwrap_or(s).trim();
    let parts: Vec<&str> = s
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts[..] else { return None };
    let n = |x: &str| x.parse::<i32>().ok();
    let month = |x: &str| n(x).or_else(|| month_name(x));
    let (y, m, d) = if a.len() == 4 {
        (n(a)?, month(b)?, n(c)?)
    } else {
        (n(c)?, month(b)?, n(a)?)
    };
    Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// A month in words, Indonesian or English, in full or cut to three or four
/// letters as lists do ("Agt", "Agu", "Ags", "Peb", "Nop", "Sept").
fn month_name(word: &str) -> Option<i32> {
    const MONTHS: [(&str, &[&str]); 12] = [
        ("januari", &["jan", "january"]),
        ("februari", &["feb", "peb", "pebruari", "february"]),
        ("maret", &["mar", "march"]),
        ("april", &["apr"]),
        ("mei", &["may"]),
        ("juni", &["jun", "june"]),
        ("juli", &["jul", "july"]),
        ("agustus", &["agu", "agt", "ags", "agst", "aug", "august"]),
        ("september", &["sep", "sept"]),
        ("oktober", &["okt", "oct", "october"]),
        ("november", &["nov", "nop", "nopember"]),
        ("desember", &["des", "dec", "december"]),
    ];
    let w = word.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|(full, short)| *full == w || short.contains(&w.as_str()))
        .map(|i| i as i32 + 1)
}

/// One row checked.
#[derive(Debug)]
pub struct Row {
    /// What the NIK cell held, after removing an Excel apostrophe.
    pub nik_input: String,
    /// What the KK cell held, the same way (empty without a KK column).
    pub kk_input: String,
    pub nik: Report,
    pub kk: Option<Report>,
    /// Stated birth date / sex / regency compared with the NIK.
    pub stated: Vec<crate::Issue>,
    pub table: Vec<TableIssue>,
}

impl Row {
    /// Every issue of the NIK, the KK and the stated data, in that order
    /// (the list's own are in `table`).
    pub fn issues(&self) -> impl Iterator<Item = &crate::Issue> {
        self.nik
            .issues
            .iter()
            .chain(self.kk.iter().flat_map(|k| k.issues.iter()))
            .chain(self.stated.iter())
    }

    /// The worst severity on the row, or `None` when nothing at all was said.
    pub fn worst(&self) -> Option<crate::Severity> {
        self.issues()
            .map(|i| i.severity)
            .chain(self.table.iter().map(|t| t.severity()))
            .min()
    }

    /// No error anywhere on the row.
    pub fn is_valid(&self) -> bool {
        self.nik.is_valid()
            && self.kk.as_ref().map_or(true, Report::is_valid)
            && !self.table.iter().any(|t| t.is_error())
    }
}

/// Checks one record with the columns found; `column_truncated` says the NIK
/// column as a whole looks cut by Excel (see [`truncated`]).
pub fn check_row(fields: &[String], c: &Columns, column_truncated: bool, today: Date) -> Row {
    let cell = |i: Option<usize>| i.and_then(|i| fields.get(i)).map_or("", |s| s.trim());
    let mut table = Vec::new();
    let mut nik_input = cell(c.nik).to_string();
    if let Some(rest) = nik_input.strip_prefix('\'') {
        nik_input = rest.to_string();
        table.push(TableIssue::ApostropheRemoved);
    }
    let mut nik = check_nik(&nik_input, today);
    if is_scientific(&nik_input) {
        // The digits are gone: one message that says why, not one per "E" and "+".
        nik.issues.clear();
        table.push(TableIssue::ExcelScientific);
    }
    if column_truncated && nik.number().is_some_and(|n| n.ends_with('0')) {
        table.push(TableIssue::ExcelTruncated);
    }
    let kk_cell = cell(c.kk).trim_start_matches('\'');
    let mut kk = (!kk_cell.is_empty()).then(|| check_kk(kk_cell, today));
    if is_scientific(kk_cell) {
        // As for the NIK: one message about Excel, not one per "E" and "+".
        if let Some(k) = kk.as_mut() {
            k.issues.clear();
        }
        table.push(TableIssue::ExcelScientificKk);
    }
    if let (Some(a), Some(b)) = (nik.number(), kk.as_ref().and_then(Report::number)) {
        if a == b {
            table.push(TableIssue::NikEqualsKk);
        }
    }
    let sex = cell(c.sex);
    let birth_cell = cell(c.birth);
    let birth_date = parse_birth(birth_cell);
    if birth_date.is_none() && !birth_cell.is_empty() {
        table.push(TableIssue::BirthUnreadable);
    }
    let stated = Stated {
        birth_date,
        sex: Sex::parse(sex).or_else(|| match sex.to_ascii_uppercase().as_str() {
            "LK" | "LAKI" => Some(Sex::Male),
            "PR" => Some(Sex::Female),
            _ => None,
        }),
        regency: Some(cell(c.regency))
            .filter(|r| !r.is_empty())
            .and_then(|r| crate::offices::search(r, 1).first().copied()),
    };
    let stated = compare(&nik, &stated);
    Row {
        nik_input,
        kk_input: kk_cell.to_string(),
        nik,
        kk,
        stated,
        table,
    }
}

/// The result columns appended to each row of a checked list.
pub const RESULT_COLUMNS: [&str; 9] = [
    "nik_valid",
    "nik",
    "codes",
    "messages",
    "province",
    "regency",
    "district",
    "sex",
    "birth_date",
];

/// Every code and message on a row, in order: the NIK's, the KK's, the stated
/// data's, then the list's own.
pub fn codes_and_messages(row: &Row, lang: Lang) -> (Vec<String>, Vec<String>) {
    let issues = row.issues();
    let (mut codes, mut msgs): (Vec<String>, Vec<String>) =
        issues.map(|i| (i.code(), list_message(i, lang))).unzip();
    for t in &row.table {
        codes.push(t.code().to_string());
        msgs.push(t.message(row, lang));
    }
    (codes, msgs)
}

/// The column of the list an issue is about: the NIK's, the KK's, or the
/// stated birth date's, sex's or regency's.
pub fn issue_column(i: &crate::Issue, c: &Columns) -> Option<usize> {
    use crate::issue::{Rule, Subject};
    match (i.subject, i.rule) {
        (Subject::Kk, _) => c.kk,
        (Subject::Stated, Rule::BirthDateDiffers | Rule::BirthYearCentury) => c.birth,
        (Subject::Stated, Rule::SexDiffers) => c.sex,
        (Subject::Stated, Rule::RegencyDiffers) => c.regency,
        _ => c.nik,
    }
}

impl TableIssue {
    /// The column of the list this issue is about (see [`issue_column`]).
    pub fn column(self, c: &Columns) -> Option<usize> {
        match self {
            TableIssue::ExcelScientificKk | TableIssue::KkOtherFamily { .. } => c.kk,
            TableIssue::BirthUnreadable => c.birth,
            _ => c.nik,
        }
    }
}

/// An issue's message for staff working through a list, not for the person
/// the NIK belongs to: what the list says is "tertulis di daftar", never
/// "yang Anda isi"; no "ketik 16 angka", no "bawa akta". The rules that speak
/// to a form-filler get their own words here; the rest read the same in both
/// places and come from [`crate::Issue::message`]. (Here, not in `issue.rs`,
/// so the citizens' page carries none of it.)
///
/// ```
/// use klinik_nik::{date::Date, table::{self, Columns}, Lang};
/// let c = Columns { nik: Some(0), birth: Some(1), ..Columns::default() };
/// let today = Date::new(2026, 12, 3).unwrap();
/// let row = table::check_row(&["3511015003850001".into(), "11-03-1985".into()], &c, false, today);
/// let (_, messages) = table::codes_and_messages(&row, Lang::Id);
/// assert!(messages[0].contains("yang tertulis di daftar (11-03-1985)"));
/// ```
pub fn list_message(i: &crate::Issue, lang: Lang) -> String {
    use crate::issue::{Detail, Rule};
    use Lang::{En, Id};
    let noun = i.subject.noun(lang);
    match (i.rule, &i.detail, lang) {
        (Rule::Empty, _, Id) => format!("Sel {noun} kosong."),
        (Rule::Empty, _, En) => format!("The {noun} cell is empty."),
        (Rule::CharInvalid | Rule::DistrictUnknown, _, _) => i
            .message(lang)
            .replace("Mungkin maksud Anda", "Kemungkinan seharusnya")
            .replace("Perhaps you meant", "Perhaps it should be")
            .replace(
                "Cocokkan saja dengan KTP-el Anda",
                "Cocokkan dengan KTP-el pemiliknya",
            )
            .replace("with your KTP-el", "with the owner's KTP-el"),
        (Rule::BirthDateDiffers, Detail::Dates { nik, stated }, _) => {
            let (n, s) = (nik.dmy(), stated.dmy());
            match lang {
                Id => format!("Tanggal lahir di NIK ({n}) berbeda dengan yang tertulis di daftar ({s}). Belum tentu NIK salah: bila tanggal lahir pernah dibetulkan, NIK tidak ikut berubah. Cocokkan dengan KTP-el atau KK."),
                En => format!("The birth date in the NIK ({n}) differs from the one in the list ({s}). That does not prove the NIK is wrong: if a birth date was corrected later, the NIK stays the same. Compare with the KTP-el or KK."),
            }
        }
        (Rule::BirthYearCentury, Detail::Dates { nik, stated }, _) => {
            let (n, s) = (nik.year(), stated.year());
            match lang {
                Id => format!("Tanggal lahir cocok. NIK hanya menyimpan dua angka tahun (dibaca {n}); di daftar tertulis {s}. Tidak ada masalah."),
                En => format!("The birth date matches. A NIK stores only two digits of the year (read as {n}); the list says {s}. No problem."),
            }
        }
        (Rule::SexDiffers, Detail::Sexes { nik, stated }, _) => {
            let (n, s) = (nik.word(lang), stated.word(lang));
            match lang {
                Id => format!("NIK ini menandakan {n}, sedangkan di daftar tertulis {s}. Untuk perempuan, tanggal lahir di NIK ditambah 40. Bisa salah tulis saat pendataan, atau data di Dukcapil perlu dibetulkan: cocokkan dengan KTP-el atau KK."),
                En => format!("This NIK indicates {n}, but the list says {s}. For women, the day of birth in the NIK has 40 added. It may be a slip when the list was made, or the record at Dukcapil needs correcting: compare with the KTP-el or KK."),
            }
        }
        (Rule::RegencyDiffers, Detail::Regencies { nik, stated }, _) => {
            let name = |c: u32| {
                crate::regions::regency(c)
                    .filter(|r| !r.name.is_empty())
                    .map_or_else(
                        || crate::regions::dotted(c, crate::regions::Level::Regency),
                        |r| r.name.to_string(),
                    )
            };
            let (n, s) = (name(*nik), name(*stated));
            match lang {
                Id => format!("NIK ini pertama kali didaftarkan di {n}; di daftar tertulis {s}. Ini wajar: NIK tidak berubah ketika pemiliknya pindah."),
                En => format!("This NIK was first registered in {n}; the list says {s}. That is normal: a NIK does not change when its owner moves."),
            }
        }
        _ => i.message(lang),
    }
}

/// Whether a spreadsheet would run this cell as a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab or CR first).
pub fn is_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// One CSV field for a spreadsheet: quoted when needed, and a cell it would
/// run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`
/// (OWASP's advice).
///
/// ```
/// let mut s = String::new();
/// klinik_nik::table::csv_field(&mut s, "=1+1", b';');
/// assert_eq!(s, "\"'=1+1\"");
/// ```
pub fn csv_field(out: &mut String, s: &str, delim: u8) {
    let formula = is_formula(s);
    let quote = formula || s.contains([char::from(delim), '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in s.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quote {
        out.push('"');
    }
}

/// The header line of the enriched list: the original header (if any), then the results.
pub fn csv_header(out: &mut String, header: Option<&[String]>, delim: u8) {
    for f in header.unwrap_or(&[]) {
        csv_field(out, f, delim);
        out.push(char::from(delim));
    }
    out.push_str(&RESULT_COLUMNS.join(&char::from(delim).to_string()));
    out.push_str("\r\n");
}

/// The result columns of a row ([`RESULT_COLUMNS`]), as the CSV and the
/// `.xlsx` download write them.
pub fn result_values(row: &Row, lang: Lang) -> [String; 9] {
    let (codes, msgs) = codes_and_messages(row, lang);
    let d = &row.nik.decoded;
    let region = |r: &Option<crate::regions::Region>| {
        r.map_or(String::new(), |r| format!("{} {}", r.dotted(), r.name))
    };
    [
        if row.is_valid() { "true" } else { "false" }.to_string(),
        row.nik.number().unwrap_or("").to_string(),
        codes.join(" "),
        msgs.join(" | "),
        region(&d.province),
        region(&d.regency),
        region(&d.district),
        d.sex.map_or("", |s| s.as_str()).to_string(),
        d.date.map(|x| x.to_string()).unwrap_or_default(),
    ]
}

/// One line of the enriched list: the original cells first, then the results.
pub fn csv_row(out: &mut String, fields: &[String], row: &Row, lang: Lang, delim: u8) {
    for f in fields {
        csv_field(out, f, delim);
        out.push(char::from(delim));
    }
    let values = result_values(row, lang);
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(char::from(delim));
        }
        csv_field(out, v, delim);
    }
    out.push_str("\r\n");
}

/// A short name for a code, for the desk's summary and filter: `"NIK_LENGTH"`
/// → "NIK: bukan 16 angka". Unknown codes are returned as they are.
///
/// ```
/// use klinik_nik::{table::code_label, Lang};
/// assert_eq!(code_label("KK_LENGTH", Lang::En), "KK: not 16 digits");
/// assert_eq!(code_label("TABLE_DUPLICATE_NIK", Lang::Id), "NIK ganda (ada di beberapa baris)");
/// ```
pub fn code_label(code: &str, lang: Lang) -> String {
    let (subject, rest) = match code.split_once('_') {
        Some(("NIK", r)) => ("NIK: ", r),
        Some(("KK", r)) => ("KK: ", r),
        Some(("PAIR", r)) => ("NIK + KK: ", r),
        Some(("STATED", r)) => (
            if lang == Lang::En {
                "Stated data: "
            } else {
                "Data isian: "
            },
            r,
        ),
        Some(("TABLE", r)) => ("", r),
        _ => return code.to_string(),
    };
    let id = lang == Lang::Id;
    let label = match rest {
        "EMPTY" => {
            if id {
                "kosong"
            } else {
                "empty"
            }
        }
        "INVALID_UTF8" => {
            if id {
                "teks rusak"
            } else {
                "garbled text"
            }
        }
        "SEPARATORS_REMOVED" => {
            if id {
                "spasi/tanda pemisah diabaikan"
            } else {
                "separators ignored"
            }
        }
        "LABEL_REMOVED" => {
            if id {
                "label diabaikan"
            } else {
                "label ignored"
            }
        }
        "INVISIBLE_REMOVED" => {
            if id {
                "karakter tak terlihat diabaikan"
            } else {
                "invisible characters ignored"
            }
        }
        "CHAR_INVALID" | "CHAR_INVALID_MORE" => {
            if id {
                "ada huruf atau tanda selain angka"
            } else {
                "a letter or sign that is not a digit"
            }
        }
        "LENGTH" => {
            if id {
                "bukan 16 angka"
            } else {
                "not 16 digits"
            }
        }
        "PROVINCE_UNKNOWN" => {
            if id {
                "kode provinsi tidak dikenal"
            } else {
                "unknown province code"
            }
        }
        "REGENCY_UNKNOWN" => {
            if id {
                "kode kabupaten/kota tidak dikenal"
            } else {
                "unknown regency code"
            }
        }
        "DISTRICT_UNKNOWN" => {
            if id {
                "kode kecamatan tidak dikenal"
            } else {
                "unknown district code"
            }
        }
        "REGION_OLD_EDITION" => {
            if id {
                "kode wilayah lama (sah)"
            } else {
                "older region code (valid)"
            }
        }
        "DAY_INVALID" => {
            if id {
                "tanggal tidak mungkin"
            } else {
                "impossible day"
            }
        }
        "MONTH_INVALID" => {
            if id {
                "bulan tidak mungkin"
            } else {
                "impossible month"
            }
        }
        "DATE_INVALID" => {
            if id {
                "tanggal tidak ada di kalender"
            } else {
                "date not in the calendar"
            }
        }
        "DATE_UNUSUAL" => {
            if id {
                "tanggal pencatatan tidak biasa"
            } else {
                "unusual recording date"
            }
        }
        "DAY_ABOVE_40" => {
            if id {
                "tampak seperti NIK perempuan"
            } else {
                "looks like a woman's NIK"
            }
        }
        "SERIAL_ZERO" => {
            if id {
                "nomor urut 0000"
            } else {
                "serial 0000"
            }
        }
        "SAME_NUMBER" => {
            if id {
                "NIK dan KK sama"
            } else {
                "NIK and KK the same"
            }
        }
        "BIRTH_DATE_DIFFERS" => {
            if id {
                "tanggal lahir berbeda"
            } else {
                "birth date differs"
            }
        }
        "BIRTH_YEAR_CENTURY" => {
            if id {
                "abad tahun lahir berbeda"
            } else {
                "birth century differs"
            }
        }
        "SEX_DIFFERS" => {
            if id {
                "jenis kelamin berbeda"
            } else {
                "sex differs"
            }
        }
        "REGENCY_DIFFERS" => {
            if id {
                "kab/kota berbeda (wajar bila pindah)"
            } else {
                "regency differs (normal after a move)"
            }
        }
        "EXCEL_SCIENTIFIC" => {
            if id {
                "Excel: NIK jadi 3,51E+15"
            } else {
                "Excel: NIK became 3.51E+15"
            }
        }
        "EXCEL_SCIENTIFIC_KK" => {
            if id {
                "Excel: KK jadi 3,51E+15"
            } else {
                "Excel: KK became 3.51E+15"
            }
        }
        "BIRTH_UNREADABLE" => {
            if id {
                "tanggal lahir tidak terbaca"
            } else {
                "birth date unreadable"
            }
        }
        "EXCEL_TRUNCATED" => {
            if id {
                "Excel: angka terakhir mungkin jadi 0"
            } else {
                "Excel: last digit may have become 0"
            }
        }
        "APOSTROPHE_REMOVED" => {
            if id {
                "tanda ' Excel diabaikan"
            } else {
                "Excel's ' ignored"
            }
        }
        "NIK_EQUALS_KK" => {
            if id {
                "NIK dan KK sama"
            } else {
                "NIK and KK the same"
            }
        }
        "DUPLICATE_NIK" => {
            if id {
                "NIK ganda (ada di beberapa baris)"
            } else {
                "repeated NIK (on several rows)"
            }
        }
        "KK_OTHER_FAMILY" => {
            if id {
                "KK sama, nama keluarga lain"
            } else {
                "same KK, another family name"
            }
        }
        _ => return code.to_string(),
    };
    format!("{subject}{label}")
}
