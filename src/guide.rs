//! The guidance pages: the knowledge base (`data/guidance.toml`) written out
//! as plain HTML, one page per service and per cause, in Indonesian and
//! English, with the site's CSS and no script, so any browser can read them,
//! they print, and a search for "NIK tidak ditemukan BPJS" can find them.
//! They are the knowledge base's output, never a second copy of its texts:
//! every sentence below comes from `diagnose`'s tables, and what a service's
//! refusal points to is what `diagnose` ranks for it.
//!
//! `./build.sh build` writes them (`examples/guide_pages.rs`) into
//! `panduan/`, with `sitemap.xml` and `robots.txt` when the deployer gives
//! the site's address (`SITE_URL`).
//!
//! ```
//! use klinik_nik::guide::{pages, Site};
//! let all = pages(&Site::default());
//! let bpjs = all.iter().find(|p| p.path == "panduan/layanan-bpjs-kesehatan.html").unwrap();
//! assert!(bpjs.html.contains("NIK tidak ditemukan / tidak terdaftar"));
//! assert!(!bpjs.html.contains("<script"));
//! ```

use crate::diagnose::{
    self, national_sources, Answers, CheckFacts, Source, CAUSES, DOCUMENTS, MESSAGES, SERVICES,
};
use crate::Lang;
use std::fmt::Write;

/// What the deployer tells the build about their copy of the site.
#[derive(Clone, Debug, Default)]
pub struct Site {
    /// The site's public address, ending in `/` (`https://klinik.example.go.id/`):
    /// canonical URLs, the sitemap and the preview image's address. Without it
    /// those are left out (relative addresses are all a page can then give).
    pub base_url: Option<String>,
    /// Who runs this copy (`deployer` in `offices.json`).
    pub operator: Option<String>,
}

/// One generated file.
#[derive(Clone, Debug)]
pub struct Page {
    /// Relative to the site's root: `panduan/penyebab-a.html`.
    pub path: String,
    pub lang: Lang,
    pub title: String,
    pub html: String,
}

/// Texts of the page frame (everything else comes from the knowledge base).
fn t(key: &str, lang: Lang) -> &'static str {
    use Lang::{En, Id};
    match (key, lang) {
        ("guides", Id) => "Panduan",
        ("guides", En) => "Guides",
        ("index-title", Id) => "Panduan: NIK ditolak, tidak ditemukan, atau nonaktif",
        ("index-title", En) => "Guides: NIK refused, not found or inactive",
        ("index-intro", Id) => "Apa arti pesan penolakan di setiap layanan, penyebab yang mungkin, apa yang harus dilakukan dan dokumen yang dibawa. Halaman ini tidak memeriksa apa pun: untuk memeriksa NIK Anda, buka pemeriksa.",
        ("index-intro", En) => "What each service's refusal means, the likely causes, what to do and which documents to bring. These pages check nothing: to check your NIK, open the checker.",
        ("services", Id) => "Menurut layanan yang menolak",
        ("services", En) => "By the service that refused",
        ("causes", Id) => "Menurut penyebab",
        ("causes", En) => "By cause",
        ("service-title", Id) => "NIK ditolak {}: apa artinya dan apa yang dilakukan",
        ("service-title", En) => "NIK refused by {}: what it means and what to do",
        ("when-says", Id) => "Bila {} menyatakan…",
        ("when-says", En) => "When {} says…",
        ("likely", Id) => "Kemungkinan penyebab",
        ("likely", En) => "Likely cause",
        ("check-these", Id) => "Cek NIK dengan jawaban ini",
        ("check-these", En) => "Check your NIK with these answers",
        ("after", Id) => "Setelah diperbaiki",
        ("after", En) => "Once it is fixed",
        ("todo", Id) => "Yang perlu dilakukan",
        ("todo", En) => "What to do",
        ("bring", Id) => "Dokumen yang perlu dibawa",
        ("bring", En) => "Documents to bring",
        ("wait", Id) => "Berapa lama",
        ("wait", En) => "How long",
        ("ask", Id) => "Yang disampaikan ke petugas lembaga",
        ("ask", En) => "What to tell the institution's staff",
        ("seen-at", Id) => "Sering terjadi di",
        ("seen-at", En) => "Often seen at",
        ("sources", Id) => "Sumber (tanggal terbit atau dibaca)",
        ("sources", En) => "Sources (date published or read)",
        ("checker", Id) => "Cek NIK Anda dan cari penyebabnya",
        ("checker", En) => "Check your NIK and find the cause",
        ("halo", Id) => "Tidak tahu harus ke mana? Halo Dukcapil (Ditjen Dukcapil Kemendagri; nomor dari sumber 2021–2024): WhatsApp {wa} atau telepon {call}.",
        ("halo", En) => "Not sure where to go? Halo Dukcapil (Ditjen Dukcapil, Ministry of Home Affairs; numbers from 2021–2024 sources): WhatsApp {wa} or call {call}.",
        ("other-lang", Id) => "English",
        ("other-lang", En) => "Bahasa Indonesia",
        ("safe", Id) => "Mengapa aman? Halaman ini tidak meminta dan tidak mengirim data apa pun. Pastikan alamat di bilah browser adalah alamat situs yang Anda kenal.",
        ("safe", En) => "Why is it safe? This page asks for nothing and sends nothing. Make sure the address in the browser's bar is the site you know.",
        ("disclaimer", Id) => "Klinik NIK bukan situs pemerintah. Hanya Dukcapil yang dapat memastikan status NIK.",
        ("disclaimer", En) => "Klinik NIK is not a government site. Only Dukcapil can confirm a NIK's status.",
        _ => "",
    }
}

fn slug(key: &str) -> String {
    key.replace('_', "-").to_ascii_lowercase()
}

fn dir(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "panduan/",
        Lang::En => "panduan/en/",
    }
}

/// From a page in `lang`'s folder back to the site's root.
fn root(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "../",
        Lang::En => "../../",
    }
}

fn service_file(key: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("layanan-{}.html", slug(key)),
        Lang::En => format!("service-{}.html", slug(key)),
    }
}

fn cause_file(key: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("penyebab-{}.html", slug(key)),
        Lang::En => format!("cause-{}.html", slug(key)),
    }
}

/// Text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    crate::xlsx::escape(s)
}

/// The preview image shared links show (made by `./build.sh build`).
pub const PREVIEW_IMAGE: &str = "preview.png";

/// The head tags a shared link needs: title, description, preview (Open
/// Graph and Twitter card), canonical URL; used by the checker's own page too.
pub fn share_tags(site: &Site, path: &str, title: &str, description: &str, lang: Lang) -> String {
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<meta name=\"description\" content=\"{}\">",
        esc(description)
    );
    let _ = writeln!(h, "<meta property=\"og:type\" content=\"website\">");
    let _ = writeln!(h, "<meta property=\"og:site_name\" content=\"Klinik NIK\">");
    let _ = writeln!(h, "<meta property=\"og:title\" content=\"{}\">", esc(title));
    let _ = writeln!(
        h,
        "<meta property=\"og:description\" content=\"{}\">",
        esc(description)
    );
    let locale = match lang {
        Lang::Id => "id_ID",
        Lang::En => "en_US",
    };
    let _ = writeln!(h, "<meta property=\"og:locale\" content=\"{locale}\">");
    let depth = path.matches('/').count();
    let image = match &site.base_url {
        Some(base) => format!("{base}{PREVIEW_IMAGE}"),
        None => format!("{}{PREVIEW_IMAGE}", "../".repeat(depth)),
    };
    let _ = writeln!(
        h,
        "<meta property=\"og:image\" content=\"{}\">",
        esc(&image)
    );
    let _ = writeln!(h, "<meta property=\"og:image:width\" content=\"1200\">");
    let _ = writeln!(h, "<meta property=\"og:image:height\" content=\"630\">");
    let _ = writeln!(
        h,
        "<meta property=\"og:image:alt\" content=\"Klinik NIK: cek NIK, cari penyebab, lapor ke Dukcapil\">"
    );
    let _ = writeln!(
        h,
        "<meta name=\"twitter:card\" content=\"summary_large_image\">"
    );
    if let Some(base) = &site.base_url {
        let url = format!("{base}{}", path.trim_end_matches("index.html"));
        let _ = writeln!(h, "<meta property=\"og:url\" content=\"{}\">", esc(&url));
        let _ = writeln!(h, "<link rel=\"canonical\" href=\"{}\">", esc(&url));
    }
    h
}

struct Frame<'a> {
    site: &'a Site,
    lang: Lang,
    path: String,
    /// The same page in the other language (a path from the root).
    other: String,
    title: String,
    description: String,
}

fn frame(f: &Frame, body: &str) -> Page {
    let lang = f.lang;
    let root = root(lang);
    let code = match lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">"
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // No script at all, and nothing from another host. (connect-src 'self'
    // only lets tools such as Lighthouse read robots.txt from the page.)
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'\">\n");
    h.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(h, "<title>{} — Klinik NIK</title>", esc(&f.title));
    h.push_str(&share_tags(f.site, &f.path, &f.title, &f.description, lang));
    let other_code = match lang {
        Lang::Id => "en",
        Lang::En => "id",
    };
    // hreflang needs absolute addresses: only with the site's address.
    if let Some(base) = &f.site.base_url {
        let _ = writeln!(
            h,
            "<link rel=\"alternate\" hreflang=\"{other_code}\" href=\"{}{}\">",
            esc(base),
            esc(&f.other)
        );
    }
    let _ = writeln!(
        h,
        "<link rel=\"icon\" href=\"{root}icon.svg\" type=\"image/svg+xml\">"
    );
    let _ = writeln!(h, "<link rel=\"stylesheet\" href=\"{root}style.css\">");
    let _ = writeln!(h, "<link rel=\"stylesheet\" href=\"{root}guide.css\">");
    h.push_str("</head>\n<body class=\"guide\">\n<header>\n");
    let _ = writeln!(h, "<a class=\"home\" href=\"{root}\">Klinik NIK</a>");
    let _ = writeln!(
        h,
        "<a class=\"lang\" lang=\"{other_code}\" hreflang=\"{other_code}\" href=\"{root}{}\">{}</a>",
        esc(&f.other),
        t("other-lang", lang)
    );
    h.push_str("</header>\n<main>\n");
    h.push_str(body);
    let _ = writeln!(
        h,
        "<p class=\"halo\">{}</p>",
        t("halo", lang)
            .replace(
                "{wa}",
                &format!(
                    "<a href=\"https://wa.me/62{}\">{}</a>",
                    diagnose::HALO_DUKCAPIL_WHATSAPP
                        .replace('-', "")
                        .trim_start_matches('0'),
                    diagnose::HALO_DUKCAPIL_WHATSAPP
                )
            )
            .replace(
                "{call}",
                &format!("<a href=\"tel:{0}\">{0}</a>", diagnose::HALO_DUKCAPIL_CALL)
            )
    );
    // The national channels' sources, cited where their numbers are shown.
    h.push_str("<details class=\"halo-sources\"><summary>Halo Dukcapil</summary>");
    source_list(&mut h, national_sources());
    h.push_str("</details>\n</main>\n<footer>\n");
    let operator = esc(&crate::offices::operator_line(
        f.site.operator.as_deref(),
        lang,
    ));
    let _ = writeln!(h, "<p class=\"operator\">{operator}</p>");
    let _ = writeln!(h, "<p>{}</p>", t("safe", lang));
    let _ = writeln!(h, "<p>{}</p>", t("disclaimer", lang));
    h.push_str("</footer>\n</body>\n</html>\n");
    Page {
        path: f.path.clone(),
        lang,
        title: f.title.clone(),
        html: h,
    }
}

fn sources(h: &mut String, list: &[Source], lang: Lang) {
    let _ = writeln!(h, "<h2>{}</h2>", t("sources", lang));
    source_list(h, list);
}

fn source_list(h: &mut String, list: &[Source]) {
    h.push_str("<ul class=\"sources\">\n");
    for s in list {
        // Sources are links out: the reader chooses to follow them.
        let _ = writeln!(
            h,
            "<li><a href=\"{}\" rel=\"noopener noreferrer\">{}</a> ({})</li>",
            esc(s.url),
            esc(s.title),
            esc(s.date)
        );
    }
    h.push_str("</ul>\n");
}

fn checker_link(h: &mut String, lang: Lang, query: &str) {
    let _ = writeln!(
        h,
        "<p><a class=\"cta\" href=\"{}index.html{query}#apa\">{}</a></p>",
        root(lang),
        t("checker", lang)
    );
}

fn crumbs(h: &mut String, lang: Lang) {
    let _ = writeln!(
        h,
        "<p class=\"crumbs\"><a href=\"./\">{}</a></p>",
        t("guides", lang)
    );
}

/// The first sentence of a text, for a description.
fn first_sentence(s: &str) -> &str {
    match s.find(". ") {
        Some(i) => &s[..=i],
        None => s,
    }
}

fn index_page(site: &Site, lang: Lang) -> Page {
    let mut b = String::new();
    let _ = writeln!(
        b,
        "<h1>{}</h1>\n<p>{}</p>",
        t("index-title", lang),
        t("index-intro", lang)
    );
    checker_link(&mut b, lang, "");
    let _ = writeln!(b, "<h2>{}</h2>\n<ul class=\"links\">", t("services", lang));
    for s in SERVICES {
        let _ = writeln!(
            b,
            "<li><a href=\"{}\">{}</a></li>",
            service_file(s.key, lang),
            esc(s.name.get(lang))
        );
    }
    let _ = writeln!(
        b,
        "</ul>\n<h2>{}</h2>\n<ul class=\"links\">",
        t("causes", lang)
    );
    for c in CAUSES {
        let _ = writeln!(
            b,
            "<li><a href=\"{}\">{}</a> <span class=\"hint\">{}</span></li>",
            cause_file(c.key, lang),
            esc(c.title.get(lang)),
            esc(c.channel.short(lang))
        );
    }
    b.push_str("</ul>\n");
    let other_lang = other(lang);
    frame(
        &Frame {
            site,
            lang,
            path: format!("{}index.html", dir(lang)),
            other: dir(other_lang).to_string(),
            title: t("index-title", lang).to_string(),
            description: t("index-intro", lang).to_string(),
        },
        &b,
    )
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Id => Lang::En,
        Lang::En => Lang::Id,
    }
}

fn service_page(site: &Site, s: &diagnose::Service, lang: Lang) -> Page {
    let name = s.name.get(lang);
    let title = t("service-title", lang).replace("{}", name);
    let mut b = String::new();
    crumbs(&mut b, lang);
    let _ = writeln!(b, "<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        b,
        "<h2>{}</h2>",
        esc(&t("when-says", lang).replace("{}", s.short.get(lang)))
    );
    b.push_str("<dl class=\"refusals\">\n");
    for m in MESSAGES.iter().filter(|m| m.key != "other") {
        let answers = Answers {
            service: Some(s.key.to_string()),
            message: Some(m.key.to_string()),
            ..Answers::default()
        };
        let d = diagnose::diagnose(&answers, &CheckFacts::default());
        let _ = writeln!(b, "<dt>\u{201c}{}\u{201d}</dt>", esc(m.name.get(lang)));
        let top: Vec<_> = d.ranked.iter().filter(|r| r.score > 0).take(2).collect();
        for (i, r) in top.iter().enumerate() {
            let label = if i == 0 { t("likely", lang) } else { "" };
            let _ = writeln!(
                b,
                "<dd>{}{}<a href=\"{}\">{}</a>. {}</dd>",
                esc(label),
                if label.is_empty() { "" } else { ": " },
                cause_file(r.cause.key, lang),
                esc(r.cause.title.get(lang)),
                esc(r.cause.channel.short(lang))
            );
        }
        let _ = writeln!(
            b,
            "<dd class=\"go\"><a href=\"{}index.html?layanan={}&amp;pesan={}#apa\">{}</a></dd>",
            root(lang),
            s.key,
            m.key,
            t("check-these", lang)
        );
    }
    b.push_str("</dl>\n");
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<p>{}</p>",
        t("after", lang),
        esc(s.followup.get(lang))
    );
    checker_link(&mut b, lang, &format!("?layanan={}", s.key));
    sources(&mut b, s.sources, lang);
    frame(
        &Frame {
            site,
            lang,
            path: format!("{}{}", dir(lang), service_file(s.key, lang)),
            other: format!("{}{}", dir(other(lang)), service_file(s.key, other(lang))),
            title,
            description: first_sentence(s.followup.get(lang)).to_string(),
        },
        &b,
    )
}

fn cause_page(site: &Site, c: &diagnose::Cause, lang: Lang) -> Page {
    let title = c.title.get(lang);
    let mut b = String::new();
    crumbs(&mut b, lang);
    let _ = writeln!(b, "<h1>{}</h1>", esc(title));
    let _ = writeln!(b, "<p>{}</p>", esc(c.explain.get(lang)));
    let _ = writeln!(
        b,
        "<h2>{}</h2>\n<p><strong>{}</strong></p>\n<p>{}</p>\n<ol>",
        t("todo", lang),
        esc(c.channel.short(lang)),
        esc(c.todo.get(lang))
    );
    for step in c.steps {
        let _ = writeln!(b, "<li>{}</li>", esc(step.get(lang)));
    }
    b.push_str("</ol>\n");
    if let Some(ask) = &c.ask {
        let _ = writeln!(
            b,
            "<h2>{}</h2>\n<blockquote>{}</blockquote>",
            t("ask", lang),
            esc(ask.get(lang))
        );
    }
    let _ = writeln!(b, "<h2>{}</h2>\n<ul>", t("bring", lang));
    for &d in c.documents {
        let _ = writeln!(b, "<li>{}</li>", esc(DOCUMENTS[d].name.get(lang)));
    }
    let _ = writeln!(
        b,
        "</ul>\n<h2>{}</h2>\n<p>{}</p>",
        t("wait", lang),
        esc(c.wait.get(lang))
    );
    // The services whose signals point here, each to its page.
    let services: Vec<_> = SERVICES
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            c.signals
                .iter()
                .any(|s| matches!(s.when, diagnose::When::Service(j) if j == *i))
        })
        .map(|(_, s)| s)
        .collect();
    if !services.is_empty() {
        let _ = write!(b, "<p>{}: ", t("seen-at", lang));
        for (i, s) in services.iter().enumerate() {
            let _ = write!(
                b,
                "{}<a href=\"{}\">{}</a>",
                if i == 0 { "" } else { ", " },
                service_file(s.key, lang),
                esc(s.short.get(lang))
            );
        }
        b.push_str(".</p>\n");
    }
    checker_link(&mut b, lang, "");
    sources(&mut b, c.sources, lang);
    frame(
        &Frame {
            site,
            lang,
            path: format!("{}{}", dir(lang), cause_file(c.key, lang)),
            other: format!("{}{}", dir(other(lang)), cause_file(c.key, other(lang))),
            title: title.to_string(),
            description: first_sentence(c.explain.get(lang)).to_string(),
        },
        &b,
    )
}

/// Every guidance page, Indonesian first.
pub fn pages(site: &Site) -> Vec<Page> {
    let mut out = Vec::new();
    for lang in [Lang::Id, Lang::En] {
        out.push(index_page(site, lang));
        out.extend(SERVICES.iter().map(|s| service_page(site, s, lang)));
        out.extend(CAUSES.iter().map(|c| cause_page(site, c, lang)));
    }
    out
}

/// `sitemap.xml` for the checker and every guidance page; only with the
/// site's address (a sitemap lists absolute URLs).
pub fn sitemap(site: &Site, pages: &[Page]) -> Option<String> {
    let base = site.base_url.as_deref()?;
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let _ = writeln!(x, "<url><loc>{}</loc></url>", esc(base));
    for p in pages {
        let _ = writeln!(
            x,
            "<url><loc>{}{}</loc></url>",
            esc(base),
            esc(p.path.trim_end_matches("index.html"))
        );
    }
    x.push_str("</urlset>\n");
    Some(x)
}

/// `robots.txt`: everything may be read (nothing personal is ever in a URL).
pub fn robots(site: &Site) -> String {
    let mut r = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &site.base_url {
        let _ = writeln!(r, "Sitemap: {base}sitemap.xml");
    }
    r
}
