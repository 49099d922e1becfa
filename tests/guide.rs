//! The guidance pages (`klinik_nik::guide`): one per service and per cause in
//! both languages, no script, every link inside the site resolving, the
//! knowledge base's own texts (not a copy), share tags on every page.
#![cfg(not(target_arch = "wasm32"))]

use klinik_nik::diagnose::{CAUSES, SERVICES};
use klinik_nik::guide::{pages, robots, sitemap, Page, Site};
use klinik_nik::Lang;
use std::collections::HashSet;

fn site() -> Site {
    Site {
        base_url: Some("https://klinik.example.go.id/".into()),
        operator: Some("Komunitas Contoh (kontak: halo@example.org)".into()),
    }
}

/// The text as it appears escaped in HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn hrefs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("href=\"") {
        rest = &rest[i + 6..];
        let end = rest.find('"').unwrap();
        out.push(rest[..end].replace("&amp;", "&"));
        rest = &rest[end..];
    }
    out
}

/// `link` seen from `page` (both relative to the site's root), without query or fragment.
fn resolve(page: &str, link: &str) -> String {
    let link = link.split(['?', '#']).next().unwrap();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if link.ends_with('/') || link.is_empty() || link == "." {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    path
}

#[test]
fn a_page_per_service_and_per_cause_in_both_languages() {
    let all = pages(&site());
    assert_eq!(all.len(), 2 * (1 + SERVICES.len() + CAUSES.len()));
    let paths: HashSet<&str> = all.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths.len(), all.len(), "paths repeat");
    for s in SERVICES {
        let id = format!("panduan/layanan-{}.html", s.key.replace('_', "-"));
        let en = format!("panduan/en/service-{}.html", s.key.replace('_', "-"));
        assert!(
            paths.contains(id.as_str()) && paths.contains(en.as_str()),
            "{}",
            s.key
        );
    }
    for c in CAUSES {
        let key = c.key.to_ascii_lowercase();
        for path in [
            format!("panduan/penyebab-{key}.html"),
            format!("panduan/en/cause-{key}.html"),
        ] {
            let p = all.iter().find(|p| p.path == path).unwrap();
            let lang = p.lang;
            // The knowledge base's own words, every one of them.
            assert!(p.html.contains(&esc(c.title.get(lang))), "{path}");
            assert!(p.html.contains(&esc(c.explain.get(lang))), "{path}");
            for step in c.steps {
                assert!(p.html.contains(&esc(step.get(lang))), "{path}");
            }
            for s in c.sources {
                assert!(
                    p.html.contains(&esc(s.url)) && p.html.contains(&esc(s.date)),
                    "{path}: {}",
                    s.url
                );
            }
        }
    }
}

#[test]
fn no_script_and_every_link_inside_the_site_resolves() {
    let all = pages(&site());
    let mut files: HashSet<String> = all.iter().map(|p| p.path.clone()).collect();
    for f in [
        "index.html",
        "style.css",
        "guide.css",
        "icon.svg",
        "preview.png",
    ] {
        files.insert(f.into());
    }
    let mut checked = 0;
    for p in &all {
        let lower = p.html.to_ascii_lowercase();
        let handler = lower.match_indices(" on").any(|(i, _)| {
            let rest = &lower[i + 3..];
            let name_len = rest.bytes().take_while(u8::is_ascii_lowercase).count();
            name_len > 0 && rest[name_len..].starts_with('=')
        });
        assert!(
            !lower.contains("<script") && !handler,
            "{}: a script",
            p.path
        );
        assert!(!lower.contains("javascript:"), "{}", p.path);
        assert!(lower.contains("default-src 'none'"), "{}: no CSP", p.path);
        for link in hrefs(&p.html) {
            if link.starts_with("https://")
                || link.starts_with("tel:")
                || link.starts_with("http://")
            {
                continue;
            }
            let target = resolve(&p.path, &link);
            assert!(
                files.contains(&target),
                "{}: {link} -> {target} does not exist",
                p.path
            );
            checked += 1;
        }
    }
    println!(
        "{checked} links inside the site checked on {} pages",
        all.len()
    );
    assert!(checked > 500);
}

#[test]
fn a_service_page_says_what_each_refusal_points_to_and_links_into_the_checker() {
    let all = pages(&site());
    let bank = all
        .iter()
        .find(|p| p.path == "panduan/layanan-bank.html")
        .unwrap();
    assert!(bank.html.contains("\u{201c}NIK tidak sesuai\u{201d}"));
    // What diagnose ranks first for the bank's "NIK tidak sesuai" (cause I), with its page.
    let after = &bank.html[bank.html.find("\u{201c}NIK tidak sesuai\u{201d}").unwrap()..];
    let first_link = after
        .find("<a href=\"")
        .map(|i| &after[i + 9..i + 30])
        .unwrap();
    assert!(first_link.starts_with("penyebab-i.html"), "{first_link}");
    assert!(bank
        .html
        .contains("index.html?layanan=bank&amp;pesan=nik_mismatch#apa"));
    let bpjs = all
        .iter()
        .find(|p| p.path == "panduan/layanan-bpjs-kesehatan.html")
        .unwrap();
    let after = &bpjs.html[bpjs.html.find("\u{201c}NIK tidak ditemukan").unwrap()..];
    assert!(after.contains("penyebab-a.html"));
}

#[test]
fn share_tags_operator_and_canonical_on_every_page() {
    let with = pages(&site());
    for p in &with {
        for tag in [
            "property=\"og:title\"",
            "property=\"og:description\"",
            "property=\"og:image\" content=\"https://klinik.example.go.id/preview.png\"",
            "og:image:width\" content=\"1200\"",
            "og:image:height\" content=\"630\"",
            "name=\"twitter:card\" content=\"summary_large_image\"",
            "rel=\"canonical\" href=\"https://klinik.example.go.id/panduan/",
            "Komunitas Contoh (kontak: halo@example.org)",
            "<meta name=\"description\"",
        ] {
            assert!(p.html.contains(tag), "{}: {tag}", p.path);
        }
        assert!(p.html.contains(if p.lang == Lang::Id {
            "Mengapa aman?"
        } else {
            "Why is it safe?"
        }));
    }
    // Without the site's address: relative preview, no canonical, no sitemap.
    let site = Site::default();
    let without = pages(&site);
    let p: &Page = &without[0];
    assert!(p
        .html
        .contains("property=\"og:image\" content=\"../preview.png\""));
    assert!(!p.html.contains("rel=\"canonical\""));
    assert!(p.html.contains("belum menuliskan namanya"));
    assert!(sitemap(&site, &without).is_none());
    assert!(!robots(&site).contains("Sitemap"));
}

#[test]
fn sitemap_lists_the_checker_and_every_guide() {
    let site = site();
    let all = pages(&site);
    let map = sitemap(&site, &all).unwrap();
    assert_eq!(map.matches("<loc>").count(), all.len() + 1);
    assert!(map.contains("<loc>https://klinik.example.go.id/</loc>"));
    assert!(map.contains("<loc>https://klinik.example.go.id/panduan/</loc>"));
    assert!(map.contains("<loc>https://klinik.example.go.id/panduan/en/cause-a.html</loc>"));
    assert!(robots(&site).contains("Sitemap: https://klinik.example.go.id/sitemap.xml"));
}

#[test]
fn hostile_operator_text_is_shown_as_text() {
    let site = Site {
        base_url: None,
        operator: Some("<script>alert(1)</script> & \"x\"".into()),
    };
    for p in pages(&site) {
        assert!(!p.html.contains("<script>"));
        assert!(p
            .html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    }
}
