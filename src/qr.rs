//! The QR code on the visit slip, so the office never retypes 16-digit
//! numbers (retyping is itself a cause of wrong NIKs). Encoding is done by the
//! `qrcode` crate; this module turns its module grid into one SVG path.

use qrcode::{EcLevel, QrCode};

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
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == qrcode::Color::Dark {
                // One horizontal run per path segment keeps the path short.
                let start = x;
                while x < width && colors[y * width + x] == qrcode::Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + quiet,
                    y + quiet,
                    x - start,
                    x - start
                ));
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
