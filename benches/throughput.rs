//! NIKs per second for the library in-process (no harness dependency: it
//! prints its own figures). Run with `./build.sh bench`.

use klinik_nik::date::Date;
use klinik_nik::{check_nik, Lang};
use std::hint::black_box;
use std::time::Instant;

fn inputs() -> Vec<String> {
    // Deterministic mix over many regions: 16-digit NIKs, some with problems.
    let prefixes = [
        "351101", "317501", "910101", "650101", "960101", "110101", "737301", "320101",
    ];
    let mut x: u64 = 0x2026_1127;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..100_000)
        .map(|_| {
            let r = next();
            let p = prefixes[(r % prefixes.len() as u64) as usize];
            let day = 1 + (r >> 8) % 28 + if (r >> 20) & 1 == 1 { 40 } else { 0 };
            let month = 1 + (r >> 24) % 12;
            format!(
                "{p}{day:02}{month:02}{:02}{:04}",
                (r >> 32) % 100,
                1 + (r >> 40) % 9999
            )
        })
        .collect()
}

fn main() {
    let today = Date::new(2026, 11, 27).unwrap();
    let data = inputs();
    for (label, with_messages) in [("check_nik", false), ("check_nik + messages + names", true)] {
        let mut best = 0.0f64;
        for _round in 0..5 {
            let start = Instant::now();
            let mut n = 0usize;
            let mut valid = 0usize;
            while start.elapsed().as_secs_f64() < 0.4 {
                for s in &data {
                    let r = check_nik(black_box(s), today);
                    valid += r.is_valid() as usize;
                    if with_messages {
                        for i in &r.issues {
                            black_box(i.message(Lang::Id));
                        }
                        black_box(r.decoded.district.map(|d| d.name));
                    }
                }
                n += data.len();
            }
            black_box(valid);
            best = best.max(n as f64 / start.elapsed().as_secs_f64());
        }
        println!(
            "library {label}: {:.1} M NIKs/s (best of 5 rounds, one core)",
            best / 1e6
        );
    }
}
