//! Writes the guidance pages (`klinik_nik::guide`) into a built site folder:
//! `panduan/…` in both languages, `robots.txt`, `sitemap.xml` when the
//! site's address is known, and the share tags of its `index.html` (between
//! `<!-- share -->` and `<!-- /share -->`). `./build.sh build` runs it on
//! `target/site/`.
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
    // The checker's own page: the same share tags as the guides.
    let index = format!("{dir}/index.html");
    let html =
        std::fs::read_to_string(&index).unwrap_or_else(|e| panic!("cannot read {index}: {e}"));
    let (start, end) = (
        html.find("<!-- share -->")
            .expect("index.html has <!-- share -->"),
        html.find("<!-- /share -->")
            .expect("index.html has <!-- /share -->"),
    );
    let tags = share_tags(
        &site,
        "index.html",
        "Klinik NIK — cek NIK Anda",
        "NIK ditolak, tidak ditemukan, atau nonaktif? Cek NIK, cari penyebabnya, lalu lapor ke Dukcapil. Berjalan di ponsel Anda, tanpa mengirim data.",
        Lang::Id,
    );
    let html = format!("{}<!-- share -->\n{tags}{}", &html[..start], &html[end..]);
    // Who runs the site, in the page itself (steps 2 and 3 write it again
    // from offices.json, which a deployer may edit without building).
    let line = klinik_nik::offices::operator_line(site.operator.as_deref(), Lang::Id)
        .replace('&', "&amp;")
        .replace('<', "&lt;");
    let html = html.replacen(
        "<p id=\"deployer\"></p>",
        &format!("<p id=\"deployer\">{line}</p>"),
        1,
    );
    std::fs::write(&index, html).unwrap_or_else(|e| panic!("cannot write {index}: {e}"));
    println!("  {} guidance pages in {dir}/panduan/", all.len());
}
