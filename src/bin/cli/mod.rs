//! The command-line program (native only); see `src/bin/klinik-nik.rs`.
use klinik_nik::check::{invalid_utf8, Report};
use klinik_nik::date::Date;
use klinik_nik::{check_kk, check_nik, Lang, Subject};
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

mod table;

const USAGE: &str = "usage: klinik-nik check [--kk] [--today YYYY-MM-DD] [--lang id|en] [--format jsonl|csv] [--] [NUMBER...] | klinik-nik check --table FILE|- [--today …] [--lang …] [--format csv|jsonl] [--delimiter tab|;|,] | klinik-nik diagnose [--today YYYY-MM-DD] [--lang id|en] < answers.json";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Jsonl,
    Csv,
}

struct Options {
    diagnose: bool,
    kk: bool,
    today: Date,
    lang: Lang,
    format: Format,
    numbers: Vec<String>,
    /// `--table FILE` (`-` for standard input): a CSV/TSV list with columns.
    table: Option<String>,
    /// `--delimiter` for the table's output (default: the input's).
    delimiter: Option<u8>,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("klinik-nik: {msg}. {USAGE}");
    ExitCode::from(2)
}

/// Today's date in Western Indonesia Time (UTC+7), from the system clock.
/// Only the binary reads a clock; the library takes `today` as a parameter.
fn today_wib() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs()) as i64
        + 7 * 3600;
    // Days since 1970-01-01 to civil date (Howard Hinnant's algorithm).
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date::new(year, month, day).unwrap_or_else(|| Date::new(2026, 1, 1).expect("valid date"))
}

fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut it = args.iter();
    let diagnose = match it.next().map(String::as_str) {
        Some("check") => false,
        Some("diagnose") => true,
        Some("-h" | "--help" | "help") => return Ok(None),
        Some(other) => return Err(format!("unknown command '{other}'")),
        None => return Err("missing command".into()),
    };
    let mut o = Options {
        diagnose,
        kk: false,
        today: today_wib(),
        lang: Lang::Id,
        format: Format::Jsonl,
        numbers: Vec::new(),
        table: None,
        delimiter: None,
    };
    let mut rest_are_numbers = false;
    while let Some(a) = it.next() {
        if rest_are_numbers || !a.starts_with("--") {
            o.numbers.push(a.clone());
            continue;
        }
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))
        };
        match name {
            "--" => rest_are_numbers = true,
            "--kk" => o.kk = true,
            "--help" => return Ok(None),
            "--today" => {
                let v = value(name)?;
                o.today =
                    Date::parse_iso(&v).ok_or(format!("--today '{v}' is not a date YYYY-MM-DD"))?;
            }
            "--lang" => {
                o.lang = match value(name)?.as_str() {
                    "id" => Lang::Id,
                    "en" => Lang::En,
                    v => return Err(format!("--lang '{v}' must be id or en")),
                }
            }
            "--format" => {
                o.format = match value(name)?.as_str() {
                    "jsonl" | "json" => Format::Jsonl,
                    "csv" => Format::Csv,
                    v => return Err(format!("--format '{v}' must be jsonl or csv")),
                }
            }
            "--table" => o.table = Some(value(name)?),
            "--delimiter" => {
                o.delimiter = Some(match value(name)?.as_str() {
                    "tab" | "\t" => b'\t',
                    ";" => b';',
                    "," => b',',
                    v => return Err(format!("--delimiter '{v}' must be tab, ; or ,")),
                })
            }
            _ => return Err(format!("unknown option '{a}'")),
        }
    }
    if o.table.is_some() && (o.kk || !o.numbers.is_empty()) {
        return Err(
            "--table reads its columns from the file; it takes no numbers and no --kk".into(),
        );
    }
    if o.table.is_none() && o.delimiter.is_some() {
        return Err("--delimiter goes with --table".into());
    }
    if o.diagnose
        && (o.kk || o.format != Format::Jsonl || !o.numbers.is_empty() || o.table.is_some())
    {
        return Err(
            "diagnose takes only --today and --lang, and reads the answers as JSON on stdin".into(),
        );
    }
    Ok(Some(o))
}

/// `klinik-nik diagnose`: one JSON object of answers on stdin, the diagnosis as JSON on stdout.
fn run_diagnose(o: &Options) -> Result<(), String> {
    let mut text = String::new();
    io::Read::read_to_string(&mut io::stdin().lock(), &mut text)
        .map_err(|e| format!("cannot read stdin: {e}"))?;
    let answers: klinik_nik::diagnose::Answers =
        serde_json::from_str(text.trim_start_matches('\u{feff}'))
            .map_err(|e| format!("answers are not valid: {e}"))?;
    let view = klinik_nik::diagnose::diagnose_answers(&answers, o.today, o.lang);
    let json = serde_json::to_string_pretty(&view).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}

pub(crate) use klinik_nik::json::string as json_str;

/// One JSON Lines record.
fn write_json(out: &mut String, input: &str, r: &Report, lang: Lang) {
    klinik_nik::json::report(out, input, r, lang);
    out.push('\n');
}

const CSV_HEADER_NIK: &str = "input,valid,nik,province_code,province,regency_code,regency,district_code,district,sex,birth_date,age,serial,codes,messages\n";
const CSV_HEADER_KK: &str = "input,valid,kk,province_code,province,regency_code,regency,district_code,district,recorded_date,serial,codes,messages\n";

/// RFC 4180 field, with a formula-looking cell neutralised (see `table::csv_field`).
fn csv_field(out: &mut String, s: &str) {
    klinik_nik::table::csv_field(out, s, b',');
}

fn write_csv(out: &mut String, input: &str, r: &Report, lang: Lang) {
    let kk = r.subject == Subject::Kk;
    csv_field(out, input);
    out.push_str(if r.is_valid() { ",true," } else { ",false," });
    out.push_str(r.number().unwrap_or(""));
    let d = &r.decoded;
    for reg in [&d.province, &d.regency, &d.district] {
        out.push(',');
        if let Some(x) = reg {
            out.push_str(&x.dotted());
            out.push(',');
            csv_field(out, x.name);
        } else {
            out.push(',');
        }
    }
    out.push(',');
    if !kk {
        out.push_str(d.sex.map_or("", |s| s.as_str()));
        out.push(',');
    }
    if let Some(x) = d.date {
        out.push_str(&x.to_string());
    }
    if !kk {
        out.push(',');
        if let Some(a) = d.age {
            out.push_str(&a.to_string());
        }
    }
    out.push(',');
    if let Some(s) = d.serial {
        out.push_str(&format!("{s:04}"));
    }
    out.push(',');
    let codes: Vec<String> = r.issues.iter().map(|i| i.code()).collect();
    out.push_str(&codes.join(";"));
    out.push(',');
    let messages: Vec<String> = r.issues.iter().map(|i| i.message(lang)).collect();
    csv_field(out, &messages.join(" | "));
    out.push('\n');
}

struct Checker {
    o: Options,
    buf: String,
}

impl Checker {
    fn one(&mut self, input: &str, utf8_ok: bool, w: &mut impl Write) -> io::Result<()> {
        let subject = if self.o.kk { Subject::Kk } else { Subject::Nik };
        let mut r = if self.o.kk {
            check_kk(input, self.o.today)
        } else {
            check_nik(input, self.o.today)
        };
        if !utf8_ok {
            r.issues.insert(0, invalid_utf8(subject));
        }
        self.buf.clear();
        match self.o.format {
            Format::Jsonl => write_json(&mut self.buf, input, &r, self.o.lang),
            Format::Csv => write_csv(&mut self.buf, input, &r, self.o.lang),
        }
        w.write_all(self.buf.as_bytes())
    }
}

fn run(o: Options) -> io::Result<()> {
    let stdout = io::stdout();
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    if o.format == Format::Csv {
        w.write_all(if o.kk { CSV_HEADER_KK } else { CSV_HEADER_NIK }.as_bytes())?;
    }
    let numbers = std::mem::take(&mut { o.numbers.clone() });
    let mut c = Checker {
        o,
        buf: String::with_capacity(512),
    };
    if !numbers.is_empty() {
        for n in &numbers {
            c.one(n, true, &mut w)?;
        }
        return w.flush();
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut line = Vec::with_capacity(256);
    let mut first = true;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let mut bytes = &line[..];
        if let Some(b) = bytes.strip_suffix(b"\n") {
            bytes = b;
        }
        if let Some(b) = bytes.strip_suffix(b"\r") {
            bytes = b;
        }
        if first {
            first = false;
            if let Some(b) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                bytes = b;
            }
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => c.one(s, true, &mut w)?,
            Err(_) => {
                let lossy = String::from_utf8_lossy(bytes);
                c.one(&lossy, false, &mut w)?
            }
        }
    }
    w.flush()
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let o = match parse_args(&args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => return usage_error(&e),
    };
    if o.diagnose {
        return match run_diagnose(&o) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => usage_error(&e),
        };
    }
    if let Some(path) = o.table.clone() {
        return match table::run(&o, &path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("klinik-nik: {e}");
                ExitCode::from(if e.kind() == io::ErrorKind::InvalidData {
                    2
                } else {
                    1
                })
            }
        };
    }
    match run(o) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is a normal end for a filter.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("klinik-nik: {e}");
            ExitCode::from(1)
        }
    }
}
