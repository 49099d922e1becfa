//! Entry points for the fuzzers (`./build.sh fuzz`, `tools/fuzz/`) and for the
//! test that replays every seed and every crash input ever found
//! (`tests/fuzz_replay.rs`). Each takes raw bytes, as a fuzzer gives them, and
//! drives one function that takes outside input; none may panic.

use crate::act::{build_report, wa_link, Citizen};
use crate::date::Date;
use crate::diagnose::{diagnose_answers, Answers};
use crate::{check_kk, check_nik, check_pair, compare, offices, phone, qr, Lang, Sex, Stated};

/// A fuzz entry point: raw bytes in, no panic.
pub type Target = fn(&[u8]);

/// Every target, by name (the names of the `tools/fuzz` binaries).
pub const TARGETS: [(&str, Target); 10] = [
    ("check_nik", nik),
    ("check_kk", kk),
    ("compare", compare_stated),
    ("phone", phone_number),
    ("wa_message", wa_message),
    ("slip", slip),
    ("office_config", office_config),
    ("diagnose_input", diagnose_input),
    ("table", table),
    ("page_modules", page_modules),
];

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A date from the first two bytes (any year 1900–2155), so the pivot is exercised.
fn today(data: &[u8]) -> Date {
    let y = 1900 + i32::from(data.first().copied().unwrap_or(0));
    let d = data.get(1).copied().unwrap_or(0);
    Date::new(y, d % 12 + 1, d % 28 + 1).unwrap_or_else(|| Date::new(2026, 11, 27).expect("date"))
}

/// Splits the input into `n` text fields at 0xFF bytes.
fn fields(data: &[u8], n: usize) -> Vec<String> {
    let mut out: Vec<String> = data
        .splitn(n, |&b| b == 0xff)
        .map(|p| text(p).into_owned())
        .collect();
    out.resize(n, String::new());
    out
}

pub fn nik(data: &[u8]) {
    let r = check_nik(&text(data), today(data));
    for i in &r.issues {
        let _ = (i.message(Lang::Id), i.message(Lang::En), i.code());
    }
    let _ = crate::view::ReportView::new(&r, Lang::Id);
}

pub fn kk(data: &[u8]) {
    let t = today(data);
    let f = fields(data, 2);
    let k = check_kk(&f[0], t);
    let n = check_nik(&f[1], t);
    for i in k.issues.iter().chain(check_pair(&n, &k).iter()) {
        let _ = i.message(Lang::En);
    }
}

pub fn compare_stated(data: &[u8]) {
    let f = fields(data, 4);
    let stated = Stated {
        birth_date: Date::parse_iso(&f[1]),
        sex: Sex::parse(&f[2]),
        regency: f[3].parse().ok(),
    };
    for i in compare(&check_nik(&f[0], today(data)), &stated) {
        let _ = i.message(Lang::Id);
    }
}

pub fn phone_number(data: &[u8]) {
    if let Ok(n) = phone::normalize(&text(data)) {
        assert!(
            n.starts_with("628") && n.len() <= 14 && n.bytes().all(|b| b.is_ascii_digit()),
            "{n}"
        );
        let _ = phone::display(&n);
    }
}

fn answers_and_citizen(f: &[String]) -> (Answers, Citizen) {
    let a = Answers {
        service: Some(f[0].clone()),
        message: Some(f[1].clone()),
        message_text: Some(f[2].clone()),
        events: f[3].split(',').map(str::to_owned).collect(),
        since: Some(f[4].clone()),
        nik: Some(f[5].clone()),
        kk: Some(f[6].clone()),
        birth_date: Some(f[7].clone()),
        sex: Some(f[8].clone()),
        regency: Some(f[9].clone()),
    };
    let c = Citizen {
        name: f[10].clone(),
        village: f[11].clone(),
        district: f[12].clone(),
        phone: f[13].clone(),
        tried: f[14].clone(),
        screenshot: f[14].len() % 2 == 1,
        regency: f[15].get(..4).and_then(|s| s.parse().ok()),
    };
    (a, c)
}

pub fn wa_message(data: &[u8]) {
    let f = fields(data, 16);
    let (a, c) = answers_and_citizen(&f);
    let t = today(data);
    let d = diagnose_answers(&a, t, Lang::Id);
    let office = offices::builtin(3511).expect("Bondowoso");
    let r = build_report(&a, &d, &c, &office, t);
    assert!(r.text.chars().count() <= crate::act::MAX_MESSAGE_CHARS);
    assert!(r.national_text.chars().count() <= crate::act::MAX_MESSAGE_CHARS);
    let link = wa_link(phone::normalize(&f[15]).ok().as_deref(), &f[15]);
    assert!(link.starts_with("https://wa.me/"));
}

pub fn slip(data: &[u8]) {
    let f = fields(data, 16);
    let (a, c) = answers_and_citizen(&f);
    let t = today(data);
    let d = diagnose_answers(&a, t, Lang::Id);
    let code: u32 = f[15]
        .chars()
        .filter(char::is_ascii_digit)
        .take(4)
        .collect::<String>()
        .parse()
        .unwrap_or(3511);
    let office = offices::builtin(code).unwrap_or_default();
    let r = build_report(&a, &d, &c, &office, t);
    for digits in [&r.nik, &r.kk] {
        let q = qr::svg_path(digits).expect("16 digits always fit");
        assert!(q.size >= 21);
    }
}

pub fn office_config(data: &[u8]) {
    match offices::parse_config(&text(data)) {
        Ok(c) => {
            for o in &c.offices {
                let _ = c.office(o.regency);
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in problems {
                let _ = (p.message(Lang::Id), p.message(Lang::En));
            }
        }
    }
}

pub fn diagnose_input(data: &[u8]) {
    if let Ok(a) = serde_json::from_slice::<Answers>(data) {
        let d = diagnose_answers(&a, today(data), Lang::En);
        assert!(!d.causes.is_empty());
    }
}

/// The office list reader: bytes as a file, the whole way to checked rows.
pub fn table(data: &[u8]) {
    let Ok((text, _)) = crate::table::decode(data) else {
        return;
    };
    let delim = crate::table::sniff(&text);
    let rows: Vec<Vec<String>> = crate::table::Records::new(text.as_bytes(), delim)
        .take(200)
        .map(|r| r.fields)
        .collect();
    let cols = crate::table::detect_columns(&rows);
    let t = today(data);
    for (i, r) in rows.iter().enumerate() {
        let row = crate::table::check_row(r, &cols, i % 2 == 0, t);
        for issue in &row.table {
            assert!(!issue.message(&row, Lang::Id).is_empty());
        }
        let (_, messages) = crate::table::codes_and_messages(&row, Lang::En);
        assert!(messages.iter().all(|m| !m.is_empty()));
        let _ = row.is_valid();
    }
    // The desk's whole-list model: read, check in steps, show, download.
    if let Ok(mut sheet) = crate::sheet::Sheet::read(data) {
        sheet.start(sheet.columns, t);
        while !sheet.step(3) {}
        let sum = sheet.summary(Lang::Id);
        let shown = sheet.order(crate::sheet::Filter::All);
        assert_eq!(shown.len(), sum.rows);
        for i in shown.into_iter().take(50) {
            let _ = sheet.row(i as usize, Lang::Id);
        }
        let csv = sheet.csv(b';', Lang::En);
        assert!(csv.starts_with('\u{feff}'));
        let _ = sheet.problems_tsv(Lang::Id);
    }
}

/// What crosses between the citizens' two page modules and the network:
/// the hand-over string (`<body data-check>`, which any script on the page
/// could write) and a district names file (whatever a host answers).
pub fn page_modules(data: &[u8]) {
    use crate::diagnose::{diagnose_with, Handoff};
    let f = fields(data, 3);
    let got = Handoff::decode(&f[0]);
    assert_eq!(Handoff::decode(&got.encode()), got);
    let made = Handoff::new(&f[0], &f[1], today(data));
    assert_eq!(Handoff::decode(&made.encode()), made);
    let d = diagnose_with(&Answers::default(), &got.facts, Lang::Id);
    assert!(!d.causes.is_empty());
    if let Some(r) = got.regency {
        let _ = offices::current_regency_for(r);
    }
    let province = u32::from(data.first().copied().unwrap_or(0));
    for (code, name) in crate::regions::parse_district_file(province, &f[2]) {
        assert_eq!(code / 10000, province);
        assert!(!name.is_empty());
    }
}
