//! The QR code on the visit slip, so the office never retypes 16-digit
//! numbers (retyping is itself a cause of wrong NIKs). Encoding is done by
//! Nayuki's `qrcodegen` crate (chosen over `qrcode` for size: it adds about
//! 4 KB gzip to the wasm instead of 14 KB); this module turns its module grid
//! into one SVG path.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;

/// An SVG path (`M x y h1 v1 h-1 z` per dark module) and the grid size
/// including a 4-module quiet zone, for `viewBox="0 0 size size"`.
pub struct QrSvg {
    pub size: usize,
    pub path: String,
}

/// Encodes `text` with medium error correction; `None` if it is too long for a QR code.
///
/// ```
/// let q = klinik_nik::qr::svg_path("NIK 3511015003850001").unwrap();
/// assert!(q.size > 21 && q.path.starts_with('M'));
/// ```
pub fn svg_path(text: &str) -> Option<QrSvg> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let width = code.size() as usize;
    let dark = |x: usize, y: usize| code.get_module(x as i32, y as i32);
    let quiet = 4;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark(x, y) {
                // One horizontal run per path segment keeps the path short.
                let start = x;
                while x < width && dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                let _ = write!(path, "M{} {}h{run}v1h-{run}z", start + quiet, y + quiet);
            } else {
                x += 1;
            }
        }
    }
    Some(QrSvg {
        size: width + 2 * quiet,
        path,
    })
}
