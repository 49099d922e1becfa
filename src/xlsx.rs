//! A small `.xlsx` writer for the way back into Excel: every cell is typed
//! text (an inline string in a column formatted `@`), so a NIK or a Nomor KK
//! keeps all 16 digits when the file is opened by double-click, which a CSV
//! cannot promise (Excel reads `3511015003850001` from a CSV as the number
//! 3.51102E+15 and turns the 16th digit into 0).
//!
//! Writing is the easy half of the format: a zip of a few XML parts, stored
//! without compression (no deflate code in the desk's module; the file is
//! about as large as the CSV). Reading `.xlsx` stays out of the site (see
//! `tools/measure_xlsx.sh`).
//!
//! ```
//! use klinik_nik::xlsx::{write, Sheet};
//! let rows = vec![vec!["NIK".to_string()], vec!["3511015003850001".to_string()]];
//! let bytes = write(&[Sheet { name: "Hasil", rows: &rows }]).unwrap();
//! assert_eq!(&bytes[..4], b"PK\x03\x04");
//! ```

/// One worksheet: its tab name and its rows (the first row is the header,
/// shown bold and frozen).
pub struct Sheet<'a> {
    pub name: &'a str,
    pub rows: &'a [Vec<String>],
}

/// What cannot be written.
#[derive(Debug, PartialEq, Eq)]
pub enum TooLarge {
    /// More rows than a worksheet holds (1,048,576).
    Rows(usize),
    /// A zip over 4 GB (no zip64 here; no browser holds such a list anyway).
    Bytes,
}

/// The most rows a worksheet has, and the most characters a cell holds.
pub const MAX_ROWS: usize = 1_048_576;
pub const MAX_CELL: usize = 32_767;

/// The workbook's bytes.
pub fn write(sheets: &[Sheet]) -> Result<Vec<u8>, TooLarge> {
    if let Some(s) = sheets.iter().find(|s| s.rows.len() > MAX_ROWS) {
        return Err(TooLarge::Rows(s.rows.len()));
    }
    let mut zip = Zip::default();
    let mut types = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
    );
    let mut book = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>",
    );
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (i, s) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        book.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escape(&sheet_name(s.name))
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str(&format!("<Relationship Id=\"rId{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>", sheets.len() + 1));
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add("_rels/.rels", b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    zip.add("xl/workbook.xml", book.as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    zip.add("xl/styles.xml", STYLES.as_bytes());
    for (i, s) in sheets.iter().enumerate() {
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            worksheet(s.rows).as_bytes(),
        );
    }
    zip.finish()
}

/// Style 1: text (`@`, number format 49); style 2: text, bold (the header).
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\"/></cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

fn worksheet(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut x = String::with_capacity(rows.len() * width * 48 + 512);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    // The header stays in view; every column is text, so a NIK typed or
    // pasted into it later stays text too.
    x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
    x.push_str(&format!(
        "<cols><col min=\"1\" max=\"{width}\" width=\"20\" style=\"1\" customWidth=\"1\"/></cols><sheetData>"
    ));
    for (r, row) in rows.iter().enumerate() {
        let n = r + 1;
        x.push_str(&format!("<row r=\"{n}\">"));
        let style = if r == 0 { 2 } else { 1 };
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            x.push_str(&format!(
                "<c r=\"{}{n}\" t=\"inlineStr\" s=\"{style}\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                column(c),
                escape(&cell_text(cell))
            ));
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
///
/// ```
/// assert_eq!(klinik_nik::xlsx::column(0), "A");
/// assert_eq!(klinik_nik::xlsx::column(27), "AB");
/// assert_eq!(klinik_nik::xlsx::column(16383), "XFD");
/// ```
pub fn column(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A cell's text as XML allows it: characters XML 1.0 forbids are dropped
/// (control characters from a damaged file), and a cell longer than Excel
/// holds is cut with "…".
fn cell_text(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect();
    if clean.chars().count() <= MAX_CELL {
        return clean;
    }
    let mut cut: String = clean.chars().take(MAX_CELL - 1).collect();
    cut.push('…');
    cut
}

/// A tab name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(31)
        .collect();
    if s.trim().is_empty() {
        "Sheet".into()
    } else {
        s
    }
}

/// Text for XML and HTML: element content and attribute values (the
/// workbook's parts here; the guidance pages and the desk's copied table too).
///
/// ```
/// assert_eq!(klinik_nik::xlsx::escape("<a & \"b\">"), "&lt;a &amp; &quot;b&quot;&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A zip archive with stored (uncompressed) entries.
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    too_large: bool,
}

impl Zip {
    fn add(&mut self, name: &str, data: &[u8]) {
        let (Ok(offset), Ok(size)) = (u32::try_from(self.out.len()), u32::try_from(data.len()))
        else {
            self.too_large = true;
            return;
        };
        let crc = crc32(data);
        let name = name.as_bytes();
        // Version 2.0, flag bit 11 (UTF-8 names), stored, 1980-01-01 00:00 (no clock).
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes());
            v.extend_from_slice(&0x0800u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
            v.extend_from_slice(&0x0021u16.to_le_bytes());
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&size.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
        };
        self.out.extend_from_slice(b"PK\x03\x04");
        common(&mut self.out);
        self.out.extend_from_slice(name);
        self.out.extend_from_slice(data);
        self.central.extend_from_slice(b"PK\x01\x02");
        self.central.extend_from_slice(&20u16.to_le_bytes());
        common(&mut self.central);
        self.central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        self.central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name);
        self.entries += 1;
    }

    fn finish(mut self) -> Result<Vec<u8>, TooLarge> {
        let (Ok(at), Ok(len)) = (
            u32::try_from(self.out.len()),
            u32::try_from(self.central.len()),
        ) else {
            return Err(TooLarge::Bytes);
        };
        if self.too_large {
            return Err(TooLarge::Bytes);
        }
        self.out.append(&mut self.central);
        self.out.extend_from_slice(b"PK\x05\x06");
        self.out.extend_from_slice(&[0; 4]); // this disk, the central directory's disk
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&len.to_le_bytes());
        self.out.extend_from_slice(&at.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        Ok(self.out)
    }
}

/// CRC-32 (IEEE), as zip uses it.
///
/// ```
/// assert_eq!(klinik_nik::xlsx::crc32(b"123456789"), 0xCBF4_3926);
/// ```
pub fn crc32(data: &[u8]) -> u32 {
    // The table is made per call rather than stored: 1 KB less in the desk's
    // module, and 256 entries cost nothing beside a workbook.
    let mut table = [0u32; 256];
    for (i, t) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *t = c;
    }
    let mut c = !0u32;
    for &b in data {
        c = table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}
