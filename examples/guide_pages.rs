//! Writes the guidance pages (`klinik_nik::guide`) into a built site folder:
//! `panduan/…` in both languages, `robots.txt`, `sitemap.xml` when the
//! site's address is known, and the share tags of its `index.html` and
//! `desk.html` (between `<!-- share -->` and `<!-- /share -->`) with the
//! operator line. `./build.sh build` runs it on `target/site/`.
//!
//!     SITE_URL=https://klinik.example.go.id/ cargo run --example guide_pages -- target/site
//!
//! The operator line ("Dikelola oleh …") comes from `deployer` in the
//! folder's `offices.json`.

use klinik_nik::guide::{pages, robots, share_tags, sitemap, Site};
use klinik_nik::Lang;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "www".into());
    let base_url = std::env::var("SITE_URL")
        .ok()
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .map(|u| if u.ends_with('/') { u } else { u + "/" });
    if let Some(u) = &base_url {
        assert!(
            u.starts_with("https://") || u.starts_with("http://"),
            "SITE_URL must be an http(s) address, not {u}"
        );
    }
    let operator = std::fs::read_to_string(format!("{dir}/offices.json"))
        .ok()
        .and_then(|json| klinik_nik::offices::parse_config(&json).ok())
        .and_then(|c| c.deployer);
    let site = Site { base_url, operator };
    let all = pages(&site);
    let _ = std::fs::remove_dir_all(format!("{dir}/panduan"));
    for p in &all {
        let path = format!("{dir}/{}", p.path);
        if let Some(parent) = std::path::Path::new(&path).parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("cannot create {parent:?}: {e}"));
        }
        std::fs::write(&path, &p.html).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
    std::fs::write(format!("{dir}/robots.txt"), robots(&site)).expect("robots.txt");
    let map = format!("{dir}/sitemap.xml");
    match sitemap(&site, &all) {
        Some(x) => std::fs::write(&map, x).expect("sitemap.xml"),
        None => {
            let _ = std::fs::remove_file(&map);
            eprintln!("  (no SITE_URL: no sitemap.xml, no canonical URLs; see README, Deploying)");
        }
    }
    // The checker's own page and the office desk: the same share tags as
    // the guides, and who runs the site.
    stamp(
        &site,
        &dir,
        "index.html",
        "Klinik NIK — cek NIK Anda",
        "NIK ditolak, tidak ditemukan, atau nonaktif? Cek NIK, cari penyebabnya, lalu lapor ke Dukcapil. Berjalan di ponsel Anda, tanpa mengirim data.",
    );
    stamp(
        &site,
        &dir,
        "desk.html",
        "Klinik NIK — cek banyak NIK sekaligus",
        "Untuk petugas dan pendamping: cek daftar NIK dari Excel atau CSV di perangkat Anda, tanpa mengunggah.",
    );
    println!("  {} guidance pages in {dir}/panduan/", all.len());
}

/// Writes the share tags between `<!-- share -->` and `<!-- /share -->` of a
/// page of the site, and the operator line into its `<p id="deployer">`
/// (steps 2 and 3 of index.html write it again from offices.json, which a
/// deployer may edit without building).
fn stamp(site: &Site, dir: &str, page: &str, title: &str, description: &str) {
    let path = format!("{dir}/{page}");
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let (start, end) = (
        html.find("<!-- share -->")
            .unwrap_or_else(|| panic!("{page} has no <!-- share -->")),
        html.find("<!-- /share -->")
            .unwrap_or_else(|| panic!("{page} has no <!-- /share -->")),
    );
    let tags = share_tags(site, page, title, description, Lang::Id);
    let end = end + "<!-- /share -->".len();
    let after = &html[end..];
    let after = after.strip_prefix('\n').unwrap_or(after);
    let html = format!("{}{tags}{after}", &html[..start]);
    let line = klinik_nik::offices::operator_line(site.operator.as_deref(), Lang::Id)
        .replace('&', "&amp;")
        .replace('<', "&lt;");
    assert!(
        html.contains("<p id=\"deployer\"></p>"),
        "{page} has no <p id=\"deployer\"></p>"
    );
    let html = html.replacen(
        "<p id=\"deployer\"></p>",
        &format!("<p id=\"deployer\">{line}</p>"),
        1,
    );
    let html = strip_comments(&html);
    std::fs::write(&path, html).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
}

/// The page without its HTML comments (notes for whoever edits `www/`, and
/// the share markers): 0.1 KB gzip off the first screen (measured
/// 2026-12-04). A comment alone on its lines goes with those lines.
fn strip_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        let Some(len) = rest[start..].find("-->") else {
            break;
        };
        let (before, after) = (&rest[..start], &rest[start + len + 3..]);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        if before[line_start..].trim().is_empty() && after.starts_with('\n') {
            out.push_str(&before[..line_start]);
            rest = &after[1..];
        } else {
            out.push_str(before);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}
