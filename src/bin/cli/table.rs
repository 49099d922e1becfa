//! `klinik-nik check --table FILE|-`: a CSV/TSV list (as exported from Excel
//! or Google Sheets) checked row by row, written back enriched, streamed in
//! order. The first 200 records are looked at first (columns, separator,
//! Excel's 15-digit damage); then every record is answered as it is read.
//! Duplicate NIKs are reported at the end: memory grows only with the number
//! of distinct NIKs.

use super::{json_str, Format, Options};
use klinik_nik::table::{self, Columns, Encoding, NotATable, Records, Row, Seen, LOOKAHEAD};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};

/// Reads whole records (a quoted field may hold newlines) from a byte stream.
struct Reader<R> {
    input: R,
    encoding: Option<Encoding>,
    first: bool,
    delim: u8,
}

impl<R: BufRead> Reader<R> {
    /// The next record's raw text, without its line end.
    fn raw(&mut self) -> io::Result<Option<String>> {
        let mut buf = Vec::new();
        loop {
            let before = buf.len();
            if self.input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            // A record ends at a newline outside quotes: an even number of quotes so far.
            if buf.iter().filter(|&&b| b == b'"').count() % 2 == 0 {
                break;
            }
            if buf.len() == before {
                break;
            }
        }
        if buf.is_empty() {
            return Ok(None);
        }
        if self.first {
            self.first = false;
            if let Some(b) = buf.strip_prefix(b"\xef\xbb\xbf") {
                buf = b.to_vec();
            }
        }
        let text = match String::from_utf8(buf) {
            Ok(s) => s,
            Err(e) => {
                self.encoding = Some(Encoding::Windows1252);
                table::decode(e.as_bytes())
                    .map(|(s, _)| s)
                    .unwrap_or_default()
            }
        };
        Ok(Some(text.trim_end_matches(['\n', '\r']).to_string()))
    }

    fn record(&mut self) -> io::Result<Option<(Vec<String>, bool)>> {
        Ok(self.raw()?.map(|t| {
            let r = Records::new(t.as_bytes(), self.delim)
                .next()
                .unwrap_or(table::Record {
                    fields: vec![String::new()],
                    open_quote: false,
                });
            (r.fields, r.open_quote)
        }))
    }
}

fn write_row(out: &mut String, n: usize, fields: &[String], row: &Row, o: &Options, delim: u8) {
    let d = &row.nik.decoded;
    match o.format {
        Format::Csv => table::csv_row(out, fields, row, o.lang, delim),
        Format::Jsonl => {
            let (codes, msgs) = table::codes_and_messages(row, o.lang);
            out.push_str(&format!("{{\"row\":{n},\"fields\":["));
            for (i, f) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_str(out, f);
            }
            out.push_str(&format!("],\"valid\":{},\"nik\":", row.is_valid()));
            match row.nik.number() {
                Some(n) => json_str(out, n),
                None => out.push_str("null"),
            }
            out.push_str(",\"issues\":[");
            for (i, (c, m)) in codes.iter().zip(&msgs).enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str("{\"code\":");
                json_str(out, c);
                out.push_str(",\"message\":");
                json_str(out, m);
                out.push('}');
            }
            out.push(']');
            for (key, r) in [
                ("province", &d.province),
                ("regency", &d.regency),
                ("district", &d.district),
            ] {
                out.push_str(&format!(",\"{key}\":"));
                match r {
                    Some(r) => {
                        out.push_str(&format!("{{\"code\":\"{}\",\"name\":", r.dotted()));
                        json_str(out, r.name);
                        out.push('}');
                    }
                    None => out.push_str("null"),
                }
            }
            out.push_str(",\"sex\":");
            match d.sex {
                Some(s) => json_str(out, s.as_str()),
                None => out.push_str("null"),
            }
            out.push_str(",\"birth_date\":");
            match d.date {
                Some(x) => json_str(out, &x.to_string()),
                None => out.push_str("null"),
            }
            out.push_str("}\n");
        }
    }
}

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

pub fn run(o: &Options, path: &str) -> io::Result<()> {
    let input: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?)
    };
    let mut input = BufReader::with_capacity(1 << 16, input);
    // Refuse a binary file before reading it as text.
    let head = input.fill_buf()?.to_vec();
    match table::decode(&head[..head.len().min(4096)]) {
        Err(NotATable::Empty) if head.is_empty() => return Err(invalid("the table is empty")),
        Err(NotATable::Binary) => {
            return Err(invalid("this is not a CSV or TSV text file (a PDF, an image, or an .xlsx: save it as CSV first)"))
        }
        _ => {}
    }
    let text_head = String::from_utf8_lossy(&head);
    let delim = table::sniff(&text_head);
    let mut reader = Reader {
        input,
        encoding: None,
        first: true,
        delim,
    };
    let mut ahead = Vec::new();
    while ahead.len() < LOOKAHEAD {
        match reader.record()? {
            Some(r) => ahead.push(r),
            None => break,
        }
    }
    let rows: Vec<Vec<String>> = ahead.iter().take(20).map(|(f, _)| f.clone()).collect();
    let cols: Columns = table::detect_columns(&rows);
    let Some(nik_col) = cols.nik else {
        return Err(invalid(
            "no column looks like NIKs: name it \"NIK\" in the header row",
        ));
    };
    // Excel's 15-digit damage is a property of the column: judge it on the first records.
    let first: Vec<Vec<String>> = ahead.iter().map(|(f, _)| f.clone()).collect();
    let column_truncated = table::column_truncated(&first, &cols);
    drop(first);

    let out_delim = o.delimiter.unwrap_or(delim);
    let stdout = io::stdout();
    let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut buf = String::with_capacity(1024);
    // Cross-row notes (repeated NIKs, a KK under two family names): memory
    // grows with the distinct numbers, about 16 bytes each.
    let mut seen = Seen::default();
    let (mut total, mut valid, mut open_quotes) = (0usize, 0usize, 0usize);
    if o.format == Format::Csv {
        // UTF-8 with a BOM, so Excel opens it as UTF-8.
        buf.push('\u{feff}');
        let header = ahead
            .get(cols.title_rows)
            .filter(|_| cols.header)
            .map(|(h, _)| h.as_slice());
        table::csv_header(&mut buf, header, out_delim);
        w.write_all(buf.as_bytes())?;
    }
    let mut n = 0usize;
    let mut pending = ahead.into_iter();
    // The title rows above the header, and the header.
    let mut skip_header = cols.skip();
    loop {
        let (fields, open) = match pending.next() {
            Some(r) => r,
            None => match reader.record()? {
                Some(r) => r,
                None => break,
            },
        };
        n += 1;
        if skip_header > 0 {
            skip_header -= 1;
            continue;
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        open_quotes += usize::from(open);
        let mut row = table::check_row(&fields, &cols, column_truncated, o.today);
        let name = cols
            .name
            .and_then(|i| fields.get(i))
            .map_or("", |s| s.as_str());
        seen.note(n as u32, &mut row, name);
        total += 1;
        valid += usize::from(row.is_valid());
        buf.clear();
        write_row(&mut buf, n, &fields, &row, o, out_delim);
        w.write_all(buf.as_bytes())?;
    }
    let dups = seen.duplicates();
    if o.format == Format::Jsonl {
        for (nik, rows) in &dups {
            let rows: Vec<String> = rows.iter().map(u32::to_string).collect();
            writeln!(
                w,
                "{{\"duplicate\":\"{}\",\"rows\":[{}]}}",
                nik,
                rows.join(",")
            )?;
        }
    }
    w.flush()?;
    // The summary goes to standard error, so the table stays a clean table.
    let enc = match reader.encoding {
        Some(Encoding::Windows1252) => ", read as Windows-1252 (not UTF-8)",
        _ => "",
    };
    eprintln!(
        "klinik-nik: {total} rows, {valid} valid, {} with problems, {} NIKs on more than one row{}{enc}; separator {:?}, NIK in column {}{}",
        total - valid,
        dups.len(),
        if column_truncated { "; Excel stored the NIK column as numbers: NIKs ending in 0 may have lost their last digit" } else { "" },
        char::from(delim),
        nik_col + 1,
        if open_quotes > 0 { format!("; {open_quotes} row(s) with a quote left open") } else { String::new() },
    );
    if o.format == Format::Csv {
        for (nik, rows) in &dups {
            let rows: Vec<String> = rows.iter().map(u32::to_string).collect();
            eprintln!("klinik-nik: NIK {} is on rows {}", nik, rows.join(", "));
        }
    }
    Ok(())
}
