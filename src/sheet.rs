//! A whole list held in memory and checked in steps: what the office desk
//! page (`desk.html`) runs in its Web Worker. The CLI streams instead
//! (`klinik-nik check --table`); both use the rules of [`crate::table`], so a
//! list gives the same verdicts, codes and CSV in either.
//!
//! Memory stays close to the list's own size: the text once, a `u32` offset
//! and a few bytes of results per record, and the cross-row notes of the rows
//! that have them. A record's cells and messages are rebuilt when it is shown
//! or downloaded.
//!
//! ```
//! use klinik_nik::{date::Date, sheet::{Filter, Sheet}, Lang};
//! let mut s = Sheet::read(b"Nama\tNIK\nSiti\t3511015003850001\nBudi\t35110150O3850001\n").unwrap();
//! assert_eq!(s.columns.nik, Some(1));
//! s.start(s.columns, Date::new(2026, 11, 28).unwrap());
//! while !s.step(10_000) {}
//! let sum = s.summary(Lang::Id);
//! assert_eq!((sum.rows, sum.valid, sum.errors), (2, 1, 1));
//! let order = s.order(Filter::Problems);
//! assert_eq!(s.row(order[0] as usize, Lang::Id).number, 3); // spreadsheet row 3
//! ```

use crate::check::Slot;
use crate::date::Date;
use crate::table::{self, Columns, Encoding, NotATable, Records, Row, Seen, TableIssue};
use crate::{Lang, Severity};
use std::collections::HashMap;

/// At most this many columns are kept for choosing and showing; cells beyond
/// are still written back to the CSV.
pub const MAX_COLUMNS: usize = 200;

/// A row's verdict, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Error,
    Warning,
    /// Only notes (something cleaned, an older region code): valid.
    Note,
    Ok,
    /// The header, or an empty line: not a row of the list.
    Skipped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Error => "error",
            Verdict::Warning => "warning",
            Verdict::Note => "note",
            Verdict::Ok => "ok",
            Verdict::Skipped => "skipped",
        }
    }
}

/// Which rows to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Errors and warnings.
    Problems,
    /// Rows whose NIK is on more than one row.
    Duplicates,
    /// Rows with this code.
    Code(String),
}

impl Filter {
    /// `"all"`, `"problems"`, `"duplicates"`, or a code such as `"NIK_LENGTH"`.
    pub fn parse(s: &str) -> Filter {
        match s {
            "all" => Filter::All,
            "problems" | "" => Filter::Problems,
            "duplicates" => Filter::Duplicates,
            code => Filter::Code(code.to_string()),
        }
    }
}

/// The counts shown first.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub rows: usize,
    pub valid: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Each kind of problem found, the worst first, then the commonest.
    pub by_code: Vec<Kind>,
    /// Each NIK on more than one row, with its spreadsheet row numbers.
    pub duplicates: Vec<(String, Vec<u32>)>,
    pub windows_1252: bool,
    /// `"\t"`, `";"` or `","`.
    pub delimiter: String,
    /// Excel stored the NIK column as numbers.
    pub truncated: bool,
    /// Rows whose quote was left open (they run to the end of the text).
    pub open_quotes: usize,
    /// Rows with more or fewer cells than the first.
    pub ragged: usize,
}

/// One kind of problem in a list: its code, its short label
/// ([`table::code_label`]), its severity and how many rows have it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Kind {
    pub code: String,
    pub label: String,
    /// `"error"`, `"warning"` or `"note"`.
    pub severity: String,
    pub rows: usize,
}

/// One row, ready to show.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RowView {
    /// The spreadsheet's row number (1-based, the header counted).
    pub number: u32,
    /// `"error"`, `"warning"`, `"note"` or `"ok"`.
    pub verdict: String,
    /// The NIK cell, character by character, wrong places marked.
    pub nik: Vec<(char, bool)>,
    pub name: String,
    pub codes: Vec<String>,
    pub messages: Vec<String>,
    /// For each message, the cell it is about as "E Tgl Lahir: “07-07-1991”"
    /// (empty: none), so staff find the cell.
    pub about: Vec<String>,
    /// For each message, that cell's column (its index + 1; 0: none).
    pub about_column: Vec<u32>,
    /// How many of the messages, at the end, are notes (nothing wrong: a
    /// cleaned cell, an older region code, a KK shared with another family
    /// name), kept out of sight until the row is opened.
    pub notes: usize,
    pub province: String,
    pub regency: String,
    pub district: String,
    pub sex: String,
    pub birth_date: String,
}

/// A list in memory, checked in steps.
pub struct Sheet {
    text: String,
    pub encoding: Encoding,
    pub delim: u8,
    /// Where each record starts, in bytes.
    starts: Vec<u32>,
    open_quotes: usize,
    /// The columns found (or chosen); see [`Sheet::start`].
    pub columns: Columns,
    today: Date,
    truncated: bool,
    verdicts: Vec<Verdict>,
    /// Per record, a bit per code (index into `codes`); the 64th bit collects the rest.
    masks: Vec<u64>,
    codes: Vec<(String, Severity)>,
    code_index: HashMap<String, u8>,
    cross: HashMap<u32, Vec<TableIssue>>,
    seen: Option<Seen>,
    duplicates: Vec<(String, Vec<u32>)>,
    ragged: usize,
    width: usize,
    done: usize,
}

impl Sheet {
    /// Reads a pasted text or a file's bytes: decoding, separator, record
    /// boundaries and the columns found from the header (see
    /// [`table::detect_columns`]). Nothing is checked yet.
    pub fn read(bytes: impl Into<Vec<u8>>) -> Result<Sheet, NotATable> {
        let (text, encoding) = table::decode_vec(bytes.into())?;
        let head = &text[..floor_char_boundary(&text, 64 * 1024)];
        let delim = table::sniff(head);
        let mut starts = Vec::new();
        let mut open_quotes = 0;
        let mut records = Records::new(text.as_bytes(), delim);
        while let Some((start, open)) = records.next_span() {
            // Texts over 4 GiB cannot reach here: a wasm32 page cannot hold them.
            starts.push(u32::try_from(start).unwrap_or(u32::MAX));
            open_quotes += usize::from(open);
        }
        let mut sheet = Sheet {
            text,
            encoding,
            delim,
            starts,
            open_quotes,
            columns: Columns::default(),
            today: Date::new(2000, 1, 1).unwrap_or_else(|| unreachable!()),
            truncated: false,
            verdicts: Vec::new(),
            masks: Vec::new(),
            codes: Vec::new(),
            code_index: HashMap::new(),
            cross: HashMap::new(),
            seen: None,
            duplicates: Vec::new(),
            ragged: 0,
            width: 0,
            done: 0,
        };
        let first = sheet.records(0, 20);
        sheet.width = first
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .min(MAX_COLUMNS);
        sheet.columns = table::detect_columns(&first);
        Ok(sheet)
    }

    /// Number of records, the header and empty lines included.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The widest of the first rows (at most [`MAX_COLUMNS`]).
    pub fn width(&self) -> usize {
        self.width
    }

    /// The cells of record `i`.
    pub fn record(&self, i: usize) -> Vec<String> {
        let Some(&start) = self.starts.get(i) else {
            return Vec::new();
        };
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |&e| e as usize);
        let bytes = &self.text.as_bytes()[start as usize..end];
        Records::new(bytes, self.delim)
            .next()
            .map(|r| r.fields)
            .unwrap_or_default()
    }

    /// Records `from..from + n`.
    pub fn records(&self, from: usize, n: usize) -> Vec<Vec<String>> {
        (from..(from + n).min(self.len()))
            .map(|i| self.record(i))
            .collect()
    }

    /// Begins (or begins again) a check with these columns.
    pub fn start(&mut self, columns: Columns, today: Date) {
        self.columns = columns;
        self.today = today;
        let first = self.records(0, table::LOOKAHEAD);
        self.truncated = table::column_truncated(&first, &columns);
        let width = first.first().map_or(0, Vec::len);
        self.verdicts = Vec::with_capacity(self.len());
        self.masks = Vec::with_capacity(self.len());
        self.codes.clear();
        self.code_index.clear();
        self.cross.clear();
        self.seen = Some(Seen::default());
        self.duplicates.clear();
        self.ragged = 0;
        self.width = self.width.max(width.min(MAX_COLUMNS));
        self.done = 0;
    }

    /// Checks up to `n` more records; `true` once every record is checked.
    pub fn step(&mut self, n: usize) -> bool {
        let expected = self.record(self.columns.title_rows).len();
        let end = (self.done + n).min(self.len());
        for i in self.done..end {
            let fields = self.record(i);
            if i < self.columns.skip() || fields.iter().all(|f| f.trim().is_empty()) {
                self.verdicts.push(Verdict::Skipped);
                self.masks.push(0);
                continue;
            }
            self.ragged += usize::from(fields.len() != expected);
            let row = self.check(i, &fields);
            let verdict = match row.worst() {
                Some(Severity::Error) => Verdict::Error,
                Some(Severity::Warning) => Verdict::Warning,
                Some(Severity::Note) => Verdict::Note,
                None => Verdict::Ok,
            };
            let mut mask = 0u64;
            if verdict != Verdict::Ok {
                for (c, sev) in codes_only(&row) {
                    mask |= 1 << self.intern(c, sev);
                }
            }
            self.verdicts.push(verdict);
            self.masks.push(mask);
        }
        self.done = end;
        if self.done == self.len() {
            if let Some(seen) = self.seen.take() {
                self.duplicates = seen.duplicates();
            }
            true
        } else {
            false
        }
    }

    /// Records checked so far.
    pub fn progress(&self) -> usize {
        self.done
    }

    fn intern(&mut self, code: String, severity: Severity) -> u8 {
        if let Some(&i) = self.code_index.get(&code) {
            return i;
        }
        let i = self.codes.len().min(63) as u8;
        if self.codes.len() < 63 {
            self.codes.push((code.clone(), severity));
            self.code_index.insert(code, i);
        }
        i
    }

    /// Checks record `i` with its cross-row notes: while checking, they are
    /// found and kept; afterwards, the kept ones are added back.
    fn check(&mut self, i: usize, fields: &[String]) -> Row {
        let mut row = table::check_row(fields, &self.columns, self.truncated, self.today);
        let n = i as u32 + 1;
        if let Some(seen) = self.seen.as_mut() {
            let name = self
                .columns
                .name
                .and_then(|c| fields.get(c))
                .map_or("", String::as_str);
            let before = row.table.len();
            seen.note(n, &mut row, name);
            if row.table.len() > before {
                self.cross.insert(n, row.table[before..].to_vec());
            }
        }
        row
    }

    /// A checked record again, with its cross-row notes.
    fn recheck(&self, i: usize, fields: &[String]) -> Row {
        let mut row = table::check_row(fields, &self.columns, self.truncated, self.today);
        if let Some(cross) = self.cross.get(&(i as u32 + 1)) {
            row.table.extend_from_slice(cross);
        }
        row
    }

    pub fn summary(&self, lang: Lang) -> Summary {
        let mut s = Summary {
            windows_1252: self.encoding == Encoding::Windows1252,
            delimiter: char::from(self.delim).to_string(),
            truncated: self.truncated,
            open_quotes: self.open_quotes,
            ragged: self.ragged,
            duplicates: self.duplicates.clone(),
            ..Summary::default()
        };
        let mut counts = [0usize; 64];
        for (v, m) in self.verdicts.iter().zip(&self.masks) {
            match v {
                Verdict::Skipped => continue,
                Verdict::Error => s.errors += 1,
                Verdict::Warning => s.warnings += 1,
                _ => {}
            }
            s.rows += 1;
            s.valid += usize::from(*v != Verdict::Error);
            let mut m = *m;
            while m != 0 {
                counts[m.trailing_zeros() as usize] += 1;
                m &= m - 1;
            }
        }
        let mut kinds: Vec<(Severity, Kind)> = self
            .codes
            .iter()
            .zip(counts)
            .map(|((code, sev), rows)| {
                let kind = Kind {
                    code: code.clone(),
                    label: table::code_label(code, lang),
                    severity: sev.as_str().to_string(),
                    rows,
                };
                (*sev, kind)
            })
            .collect();
        kinds.sort_by(|(sa, a), (sb, b)| {
            sa.cmp(sb)
                .then(b.rows.cmp(&a.rows))
                .then_with(|| a.code.cmp(&b.code))
        });
        s.by_code = kinds.into_iter().map(|(_, k)| k).collect();
        s
    }

    /// The records to show for `filter`, problem rows first (errors, then
    /// warnings, then the rest), each group in list order.
    pub fn order(&self, filter: Filter) -> Vec<u32> {
        let code_bit = match &filter {
            Filter::Code(c) => match self.code_index.get(c) {
                Some(&i) => 1u64 << i,
                None => return Vec::new(),
            },
            _ => 0,
        };
        let dup_rows: std::collections::HashSet<u32> = match filter {
            Filter::Duplicates => self
                .duplicates
                .iter()
                .flat_map(|(_, rows)| rows.iter().map(|r| r - 1))
                .collect(),
            _ => Default::default(),
        };
        let mut out: Vec<u32> = (0..self.verdicts.len() as u32)
            .filter(|&i| {
                let v = self.verdicts[i as usize];
                v != Verdict::Skipped
                    && match filter {
                        Filter::All => true,
                        Filter::Problems => v <= Verdict::Warning,
                        Filter::Duplicates => dup_rows.contains(&i),
                        Filter::Code(_) => self.masks[i as usize] & code_bit != 0,
                    }
            })
            .collect();
        out.sort_by_key(|&i| self.verdicts[i as usize]);
        out
    }

    /// The rows of the whole list (every verdict) with a cell that contains
    /// `query`: a name in any case, a NIK or KK with or without the spaces
    /// people type. Problem rows first, as in [`Sheet::order`]; an empty
    /// query is [`Sheet::order`] of `filter`.
    ///
    /// The table on the page is virtual (a dozen rows exist at a time), so
    /// the browser's own find cannot see the list: this is its search.
    pub fn search(&self, filter: Filter, query: &str) -> Vec<u32> {
        let q: String = query
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if q.is_empty() {
            return self.order(filter);
        }
        self.order(Filter::All)
            .into_iter()
            .filter(|&i| {
                self.record(i as usize).iter().any(|cell| {
                    let cell: String = cell
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .map(|c| c.to_ascii_lowercase())
                        .collect();
                    cell.contains(&q)
                })
            })
            .collect()
    }

    /// `rows` sorted by the cell in `column`: numbers by value ("2" before
    /// "10"), text in any case, empty cells last; rows with equal cells keep
    /// their order (problem rows first).
    ///
    /// ```
    /// use klinik_nik::sheet::{Filter, Sheet};
    /// let mut s = Sheet::read(b"No\tNama\tNIK\n10\tsiti\t3511015003850001\n2\tBudi\t3511011203800002\n").unwrap();
    /// s.start(s.columns, klinik_nik::date::Date::new(2026, 12, 3).unwrap());
    /// while !s.step(10) {}
    /// let all = s.order(Filter::All);
    /// assert_eq!(s.sorted(&all, 0), [2, 1]); // 2 before 10
    /// assert_eq!(s.sorted(&all, 1), [2, 1]); // Budi before siti
    /// ```
    pub fn sorted(&self, rows: &[u32], column: usize) -> Vec<u32> {
        let mut keyed: Vec<(String, u32)> = rows
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let record = self.record(i as usize);
                let cell = record.get(column).map_or("", |c| c.trim());
                let key = if cell.is_empty() {
                    "2".to_string()
                } else if cell.len() <= 40 && cell.bytes().all(|b| b.is_ascii_digit()) {
                    format!("0{:0>40}", cell)
                } else {
                    let mut k = String::from("1");
                    k.extend(cell.chars().take(60).map(|c| c.to_ascii_lowercase()));
                    k
                };
                (key, k as u32)
            })
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, k)| rows[k as usize]).collect()
    }

    /// Record `i` as shown on the page.
    pub fn row(&self, i: usize, lang: Lang) -> RowView {
        let fields = self.record(i);
        let row = self.recheck(i, &fields);
        // The most serious first (errors, warnings, notes), so a note never
        // hides an error behind "(+1)"; the downloads keep the CLI's order.
        // (Three passes, not a sort: no sorting code in the desk's module.)
        let (mut codes, mut messages, mut about, mut about_column) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let heads = self
            .columns
            .header
            .then(|| self.record(self.columns.title_rows));
        let at = |c: Option<usize>| match c {
            Some(c) => {
                let head = heads
                    .as_ref()
                    .and_then(|h| h.get(c))
                    .map_or("", |h| h.trim());
                let cell = fields.get(c).map_or("", |f| f.trim());
                let cell: String = cell.chars().take(40).collect();
                let head: String = head.chars().take(30).collect();
                let sep = if head.is_empty() { "" } else { " " };
                let at = format!(
                    "{}{sep}{head}: \u{201c}{cell}\u{201d}",
                    crate::xlsx::column(c)
                );
                (at, c as u32 + 1)
            }
            None => (String::new(), 0),
        };
        let mut notes = 0;
        for sev in [Severity::Error, Severity::Warning, Severity::Note] {
            if sev == Severity::Note {
                notes = messages.len();
            }
            for x in row.issues().filter(|x| x.severity == sev) {
                codes.push(x.code());
                messages.push(table::list_message(x, lang));
                let (a, c) = at(table::issue_column(x, &self.columns));
                about.push(a);
                about_column.push(c);
            }
            for t in row.table.iter().filter(|t| t.severity() == sev) {
                codes.push(t.code().to_string());
                messages.push(t.message(&row, lang));
                let (a, c) = at(t.column(&self.columns));
                about.push(a);
                about_column.push(c);
            }
        }
        let notes = messages.len() - notes;
        let d = &row.nik.decoded;
        let region = |r: &Option<crate::regions::Region>| {
            r.map_or(String::new(), |r| format!("{} {}", r.dotted(), r.name))
        };
        let cell = |c: Option<usize>| c.and_then(|c| fields.get(c)).cloned().unwrap_or_default();
        RowView {
            number: i as u32 + 1,
            verdict: self
                .verdicts
                .get(i)
                .map_or("skipped", |v| v.as_str())
                .to_string(),
            nik: if row.table.contains(&TableIssue::ExcelScientific) {
                // Nothing of the number is left: the cell as it is, all of it wrong.
                row.nik_input.chars().map(|c| (c, true)).collect()
            } else {
                marked(&row.nik_input, &row.nik)
                    .iter()
                    .map(|s| (s.ch, s.bad))
                    .collect()
            },
            name: cell(self.columns.name),
            codes,
            messages,
            about,
            about_column,
            notes,
            province: region(&d.province),
            regency: region(&d.regency),
            district: region(&d.district),
            sex: d.sex.map_or("", |s| s.word(lang)).to_string(),
            birth_date: d.date.map(|x| x.dmy()).unwrap_or_default(),
        }
    }

    /// The whole list enriched, as the CLI writes it (`check --table --format
    /// csv`): UTF-8 with a BOM, the original columns first, then the results.
    pub fn csv(&self, delim: u8, lang: Lang) -> String {
        let mut out = String::with_capacity(self.text.len() * 2 + 1024);
        out.push('\u{feff}');
        let header = self
            .columns
            .header
            .then(|| self.record(self.columns.title_rows));
        table::csv_header(&mut out, header.as_deref(), delim);
        for (i, v) in self.verdicts.iter().enumerate() {
            if *v == Verdict::Skipped {
                continue;
            }
            let fields = self.record(i);
            let row = self.recheck(i, &fields);
            table::csv_row(&mut out, &fields, &row, lang, delim);
        }
        out
    }

    /// The whole list enriched as an `.xlsx` workbook whose cells are all
    /// text, so Excel keeps every digit of a NIK and a KK: sheet "Hasil" has
    /// the same columns and rows as [`Sheet::csv`], sheet "Bermasalah" the
    /// problem rows as [`Sheet::problems_tsv`] has them.
    pub fn xlsx(&self, lang: Lang) -> Result<Vec<u8>, crate::xlsx::TooLarge> {
        self.workbook(lang, false)
    }

    /// The problem rows alone, as a one-sheet `.xlsx` (the desk's "Unduh
    /// baris bermasalah"): the sheet "Bermasalah" of [`Sheet::xlsx`].
    pub fn problems_xlsx(&self, lang: Lang) -> Result<Vec<u8>, crate::xlsx::TooLarge> {
        self.workbook(lang, true)
    }

    fn workbook(&self, lang: Lang, problems_only: bool) -> Result<Vec<u8>, crate::xlsx::TooLarge> {
        let problems = self.problem_rows(lang);
        let (results, problem_rows) = match lang {
            Lang::En => ("Results", "Problem rows"),
            Lang::Id => ("Hasil", "Bermasalah"),
        };
        let problem_sheet = crate::xlsx::Sheet {
            name: problem_rows,
            rows: &problems,
        };
        if problems_only {
            return crate::xlsx::write(&[problem_sheet]);
        }
        let header = self.column_names();
        let mut all = vec![header
            .iter()
            .cloned()
            .chain(table::RESULT_COLUMNS.iter().map(|c| c.to_string()))
            .collect::<Vec<_>>()];
        for (i, v) in self.verdicts.iter().enumerate() {
            if *v == Verdict::Skipped {
                continue;
            }
            let mut fields = self.record(i);
            let row = self.recheck(i, &fields);
            fields.extend(table::result_values(&row, lang));
            all.push(fields);
        }
        crate::xlsx::write(&[
            crate::xlsx::Sheet {
                name: results,
                rows: &all,
            },
            problem_sheet,
        ])
    }

    /// The printable problem list: for each problem row (errors, then
    /// warnings), its spreadsheet row number, the name, the NIK cell as
    /// written and what is wrong, in words; at most `limit` rows.
    pub fn print_rows(&self, lang: Lang, limit: usize) -> Vec<[String; 4]> {
        self.order(Filter::Problems)
            .into_iter()
            .take(limit)
            .map(|i| {
                let v = self.row(i as usize, lang);
                let nik: String = v.nik.iter().map(|(c, _)| c).collect();
                // What to check: the errors and warnings; notes (nothing
                // wrong) stay off paper as they stay out of the table's line.
                let what = v.messages[..v.messages.len() - v.notes].join(" ");
                [v.number.to_string(), v.name, nik, what]
            })
            .collect()
    }

    /// The list's own column names: its header row (under any title rows),
    /// or, without one, the columns numbered, so the result columns of a
    /// download sit above their values.
    fn column_names(&self) -> Vec<String> {
        if self.columns.header {
            self.record(self.columns.title_rows)
        } else {
            (1..=self.width).map(|i| format!("{i}")).collect()
        }
    }

    /// The problem rows (errors and warnings) with a header: the
    /// spreadsheet row, the original cells, the codes and the messages.
    fn problem_rows(&self, lang: Lang) -> Vec<Vec<String>> {
        let head = self.column_names();
        let row_word = if lang == Lang::En { "row" } else { "baris" };
        let mut out = vec![std::iter::once(row_word.to_string())
            .chain(head)
            .chain(["codes".to_string(), "messages".to_string()])
            .collect::<Vec<_>>()];
        for i in self.order(Filter::Problems) {
            let i = i as usize;
            let fields = self.record(i);
            let row = self.recheck(i, &fields);
            let (codes, msgs) = table::codes_and_messages(&row, lang);
            let mut line = vec![(i + 1).to_string()];
            line.extend(fields);
            line.push(codes.join(" "));
            line.push(msgs.join(" | "));
            out.push(line);
        }
        out
    }

    /// The problem rows as tab-separated text for pasting into a
    /// spreadsheet, one line per row, one cell per tab, and no cell a
    /// spreadsheet would run as a formula when pasted.
    pub fn problems_tsv(&self, lang: Lang) -> String {
        let mut out = String::new();
        for line in self.problem_rows(lang) {
            let cells: Vec<String> = line.iter().map(|c| paste_safe(c)).collect();
            out.push_str(&cells.join("\t"));
            out.push_str("\r\n");
        }
        out
    }

    /// The same rows as an HTML table, the clipboard's other flavour: Excel
    /// and LibreOffice paste a cell styled `mso-number-format:"\@"` as text,
    /// so a NIK keeps its 16 digits (the plain text stays for other programs).
    pub fn problems_html(&self, lang: Lang) -> String {
        let mut out = String::from("<table>");
        for (r, line) in self.problem_rows(lang).iter().enumerate() {
            out.push_str("<tr>");
            let tag = if r == 0 { "th" } else { "td" };
            for c in line {
                out.push_str(&format!("<{tag} style=\"mso-number-format:'\\@'\">"));
                out.push_str(&crate::xlsx::escape(&paste_safe(c)));
                out.push_str(&format!("</{tag}>"));
            }
            out.push_str("</tr>");
        }
        out.push_str("</table>");
        out
    }
}

/// A cell for pasting: on one line, and never run as a formula.
fn paste_safe(s: &str) -> String {
    let s = s.replace(['\t', '\r', '\n'], " ");
    if table::is_formula(&s) {
        format!("'{s}")
    } else {
        s
    }
}

/// The codes of a row and their severities, without building messages.
fn codes_only(row: &Row) -> Vec<(String, Severity)> {
    let mut codes: Vec<(String, Severity)> = row.issues().map(|i| (i.code(), i.severity)).collect();
    codes.extend(
        row.table
            .iter()
            .map(|t| (t.code().to_string(), t.severity())),
    );
    codes
}

/// The typed NIK place by place, with what is wrong marked: characters that
/// are not digits, or else the digits an error points at (a region code no
/// edition has, an impossible date, a serial of 0000).
///
/// ```
/// use klinik_nik::{check_nik, date::Date, sheet::marked};
/// let today = Date::new(2026, 11, 28).unwrap();
/// let bad: Vec<bool> = marked("3599011010800013", &check_nik("3599011010800013", today))
///     .iter().map(|s| s.bad).collect();
/// assert_eq!(&bad[..6], &[false, false, true, true, false, false]);
/// ```
pub fn marked(input: &str, report: &crate::Report) -> Vec<Slot> {
    let mut slots = crate::check::typed_slots(input);
    if slots.iter().any(|s| s.bad) {
        return slots;
    }
    for i in &report.issues {
        if i.severity != Severity::Error || i.rule == crate::Rule::Length {
            continue;
        }
        if let Some(sp) = i.span.filter(|s| s.of == crate::issue::SpanOf::Digits) {
            for s in slots.iter_mut().take(sp.end).skip(sp.start) {
                s.bad = true;
            }
        }
    }
    slots
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
