//! Article extraction from an HTML page: title, body text, publication date and outlet.
//!
//! The body comes from [`dom_smoothie`] (a port of Mozilla's Readability), chosen over
//! `rs-trafilatura` by measurement on real Indonesian news pages (see `docs/extract.md`
//! and `cargo run --release -p kabar-extract --example eval_html`). Metadata comes from
//! the page's `<meta>` tags (`og:title`, `og:site_name`, `article:published_time`,
//! `pubdate`, …), falling back on what Readability found (JSON-LD, `<title>`).

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What [`extract`] found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// The article's headline, when the page gives one.
    pub title: Option<String>,
    /// Body text: paragraphs separated by `\n\n`.
    pub body: String,
    /// The publication date as the page writes it (meta tags, JSON-LD, `<time>`).
    pub published_raw: Option<String>,
    /// The outlet (`og:site_name` and the like).
    pub outlet: Option<String>,
    /// The page's canonical URL (`og:url`, `<link rel=canonical>`), else the `url` given.
    pub url: Option<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// The extractor could not find an article in the page.
    #[error("no article text found in the HTML page ({0})")]
    NoArticle(String),
    /// The page held an article with no text.
    #[error("the HTML page has an empty article body")]
    EmptyBody,
}

/// Pages with more elements than this are refused rather than scored (guards against
/// pathological inputs; real news pages have a few thousand).
const MAX_ELEMENTS: usize = 200_000;

/// Extracts the article of an HTML page. `url` (absolute), when known, is used to resolve
/// links and is returned when the page names no canonical URL. Never panics.
pub fn extract(html: &str, url: Option<&str>) -> Result<HtmlArticle, HtmlError> {
    extract_inner(html, url).map(|(a, _)| a)
}

/// An article page: what [`extract`] finds plus the page's structured metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// The article, its title, date, outlet and URL taken from `meta` first (JSON-LD
    /// `NewsArticle`, OpenGraph, `article:*`), then from [`extract`]'s heuristics.
    pub article: HtmlArticle,
    /// The structured metadata read from the page's DOM.
    pub meta: crate::page_meta::PageMeta,
}

/// Extracts an article page: like [`extract`], but title, publication date, outlet and
/// canonical URL come from the page's structured metadata (JSON-LD, OpenGraph,
/// `article:*`, read from the DOM that dom_smoothie builds) before the heuristics.
pub fn extract_page(html: &str, url: Option<&str>) -> Result<HtmlPage, HtmlError> {
    let (mut article, meta) = extract_inner(html, url)?;
    if let Some(t) = &meta.title {
        let t = clean_title(t, meta.outlet.as_deref());
        let others: Vec<&str> = article.title.as_deref().into_iter().collect();
        article.title = Some(drop_rubric(t, &others));
    }
    if let Some(p) = &meta.published {
        article.published_raw = Some(p.clone());
    }
    if let Some(o) = &meta.outlet {
        article.outlet = Some(o.clone());
    }
    if let Some(u) = &meta.canonical {
        article.url = Some(u.clone());
    }
    // an outlet's known date quirk (Detik's local time written with `Z`), from the data file
    let page_url = article.url.clone().or_else(|| url.map(str::to_string));
    if let Some(p) = article.published_raw.take() {
        article.published_raw = Some(crate::outlet::page_published(&p, page_url.as_deref()));
    }
    Ok(HtmlPage { article, meta })
}

fn extract_inner(
    html: &str,
    url: Option<&str>,
) -> Result<(HtmlArticle, crate::page_meta::PageMeta), HtmlError> {
    let meta = Meta::scan(html);
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let article = std::panic::catch_unwind(|| {
        let mut r = dom_smoothie::Readability::new(html, url, Some(cfg))?;
        let page = crate::page_meta::PageMeta::from_document(&r.doc, url);
        r.parse().map(|a| (a, page))
    });
    let (article, page) = match article {
        Ok(Ok(a)) => a,
        Ok(Err(e)) => return Err(HtmlError::NoArticle(e.to_string())),
        Err(_) => return Err(HtmlError::NoArticle("the HTML parser failed".to_string())),
    };
    let body = normalize_body(&article.text_content);
    if body.is_empty() {
        return Err(HtmlError::EmptyBody);
    }
    let site = meta.first(&["og:site_name"]);
    let mut titles: Vec<String> = ["og:title", "twitter:title", "title", "headline"]
        .iter()
        .filter_map(|k| meta.first(&[k]))
        .chain(non_empty(&article.title))
        .map(|t| clean_title(&t, site.as_deref()))
        .collect();
    let title = (!titles.is_empty()).then(|| {
        let first = titles.remove(0);
        let others: Vec<&str> = titles.iter().map(String::as_str).collect();
        drop_rubric(first, &others)
    });
    let published_raw = meta
        .first(&[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "publish_date",
            "content_publisheddate",
            "dc.date.issued",
            "dc.date",
            "date",
            "dtk:publishdate",
        ])
        .or_else(|| article.published_time.clone())
        .or_else(|| time_datetime(html))
        .or_else(|| written_date(html))
        .or_else(|| {
            meta.first(&["og:url"])
                .or_else(|| canonical_link(html))
                .or(url.map(str::to_string))
                .and_then(|u| url_date(&u))
        });
    let outlet = meta
        .first(&[
            "og:site_name",
            "application-name",
            "publisher",
            "twitter:site",
        ])
        .or_else(|| article.site_name.clone())
        .map(|s| s.trim_start_matches('@').to_string())
        .filter(|s| !s.is_empty());
    let canonical = meta.first(&["og:url"]).or_else(|| canonical_link(html));
    let article = HtmlArticle {
        title: title.filter(|t| !t.is_empty()),
        body,
        published_raw,
        outlet,
        url: canonical.or_else(|| url.map(str::to_string)),
    };
    Ok((article, page))
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Drops a trailing " - Outlet" / " | Outlet" and a leading "Outlet.com: " from a
/// `<title>`-like headline.
fn clean_title(t: &str, site: Option<&str>) -> String {
    let mut t = collapse_ws(&html_unescape(t));
    if let Some((head, rest)) = t.split_once(": ") {
        let h = head.to_lowercase();
        let is_site = h.ends_with(".com")
            || h.ends_with(".co.id")
            || site.is_some_and(|s| !s.is_empty() && s.to_lowercase() == h);
        if is_site && !rest.trim().is_empty() {
            t = rest.trim().to_string();
        }
    }
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(pos) = t.rfind(sep) {
            let tail = t[pos + sep.len()..].trim();
            let is_site = site.is_some_and(|s| {
                let s = s.to_lowercase();
                let tl = tail.to_lowercase();
                tl.contains(&s) || s.contains(&tl)
            }) || tail.contains(".com")
                || tail.contains(".co.id")
                || tail.contains(".id");
            if is_site && pos > 0 {
                return t[..pos].trim().to_string();
            }
        }
    }
    t
}

/// Separators between a rubric and a headline: "Musik - Judul", "Foto: Judul".
const RUBRIC_SEPARATORS: &[&str] = &["-", "–", "—", ":", "|", "»"];

/// `title` without a leading rubric or section ("Musik - ") that another title field of
/// the page lacks: when one of `others` is the end of `title` after at most four words
/// and a separator, that shorter title is the headline. Otherwise `title` itself.
fn drop_rubric(title: String, others: &[&str]) -> String {
    for o in others {
        let o = o.trim();
        if o.chars().count() < 12 || o.len() >= title.len() {
            continue;
        }
        let Some(head) = title.strip_suffix(o) else {
            continue;
        };
        let head = head.trim_end();
        let Some(rubric) = RUBRIC_SEPARATORS
            .iter()
            .find_map(|sep| head.strip_suffix(sep))
        else {
            continue;
        };
        let words = rubric.split_whitespace().count();
        if (1..=4).contains(&words) {
            return o.to_string();
        }
    }
    title
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Body text with paragraphs separated by one blank line and spaces collapsed.
fn normalize_body(text: &str) -> String {
    let mut paras: Vec<String> = Vec::new();
    for line in text.lines() {
        let l = collapse_ws(line);
        if !l.is_empty() {
            paras.push(l);
        }
    }
    paras.join("\n\n")
}

/// Decodes the few entities met in attribute values.
fn html_unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

static META_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]{0,2000}>").expect("valid regex"));
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)([a-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
        .expect("valid regex")
});
static CANONICAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<link\b[^>]{0,500}rel\s*=\s*["']?canonical[^>]{0,500}>"#)
        .expect("valid regex")
});
static TIME_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<time\b[^>]{0,500}datetime\s*=\s*["']([^"']{4,60})["']"#)
        .expect("valid regex")
});

fn attrs(tag: &str) -> HashMap<String, String> {
    ATTR.captures_iter(tag)
        .map(|c| {
            let v = c
                .get(2)
                .or_else(|| c.get(3))
                .or_else(|| c.get(4))
                .map_or("", |m| m.as_str());
            (c[1].to_ascii_lowercase(), v.to_string())
        })
        .collect()
}

fn canonical_link(html: &str) -> Option<String> {
    let m = CANONICAL.find(html)?;
    attrs(m.as_str())
        .remove("href")
        .filter(|h| h.starts_with("http"))
}

static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s+\d{1,2}\s+[a-z]{3,9},?\s+\d{4}\s*(?:[|,]|-|–)?\s*(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|GMT|UTC))?")
        .expect("valid regex")
});
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/").expect("valid regex")
});

/// The first date written with weekday and time in the page ("Rabu, 4 November 2015 |
/// 21:04 WIB"), the way Indonesian outlets print an article's date under its headline.
fn written_date(html: &str) -> Option<String> {
    WRITTEN_DATE
        .find(html)
        .map(|m| collapse_ws(&m.as_str().replace('|', " ")))
}

/// A `/YYYY/MM/DD/` date in the article's URL, as an ISO date.
fn url_date(url: &str) -> Option<String> {
    URL_DATE
        .captures(url)
        .map(|c| format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

fn time_datetime(html: &str) -> Option<String> {
    TIME_TAG.captures(html).map(|c| c[1].trim().to_string())
}

/// The `<meta>` tags of a page: lower-cased `name`/`property`/`itemprop` → first `content`.
struct Meta(HashMap<String, String>);

impl Meta {
    fn scan(html: &str) -> Meta {
        // Only the head matters; bound the scan for huge pages.
        let end = html
            .find("</head>")
            .or_else(|| html.find("</HEAD>"))
            .map_or(html.len().min(200_000), |e| e);
        let head = html.get(..end).unwrap_or(html);
        let mut map = HashMap::new();
        for m in META_TAG.find_iter(head) {
            let a = attrs(m.as_str());
            let Some(content) = a.get("content") else {
                continue;
            };
            let content = collapse_ws(&html_unescape(content));
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = a.get(key) {
                    map.entry(k.to_ascii_lowercase())
                        .or_insert_with(|| content.clone());
                }
            }
        }
        Meta(map)
    }

    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.0.get(*k).cloned())
    }
}

/// The runner-up extractor, built only with the `eval-trafilatura` feature for the
/// comparison example: body text and title from `rs-trafilatura`.
#[cfg(feature = "eval-trafilatura")]
pub fn extract_trafilatura(html: &str, url: Option<&str>) -> Result<HtmlArticle, HtmlError> {
    let opts = rs_trafilatura::Options {
        url: url.map(str::to_string),
        ..Default::default()
    };
    let r = std::panic::catch_unwind(|| rs_trafilatura::extract_with_options(html, &opts));
    let r = match r {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return Err(HtmlError::NoArticle(e.to_string())),
        Err(_) => return Err(HtmlError::NoArticle("the extractor panicked".to_string())),
    };
    let body = normalize_body(&r.content_text);
    if body.is_empty() {
        return Err(HtmlError::EmptyBody);
    }
    Ok(HtmlArticle {
        title: r.metadata.title.clone(),
        body,
        published_raw: r.metadata.date.and_then(|d| {
            // report the instant in WIB, the zone of the pages it is compared on
            let wib = chrono::FixedOffset::east_opt(7 * 3600)?;
            Some(d.with_timezone(&wib).to_rfc3339())
        }),
        outlet: r.metadata.sitename.clone(),
        url: r.metadata.url.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<meta charset="utf-8">
<title>Banjir Rendam Tiga Kecamatan di Kota Fiktif - Kabar Nusantara</title>
<meta property="og:site_name" content="Kabar Nusantara">
<meta property="og:title" content="Banjir Rendam Tiga Kecamatan di Kota Fiktif">
<meta property="article:published_time" content="2026-03-05T09:20:00+07:00">
<link rel="canonical" href="https://kabar.example/banjir-rendam">
</head><body>
<nav><a href="/">Beranda</a> <a href="/nasional">Nasional</a> <a href="/olahraga">Olahraga</a></nav>
<article><h1>Banjir Rendam Tiga Kecamatan di Kota Fiktif</h1>
<p>Banjir merendam tiga kecamatan di Kota Fiktif sejak Rabu malam setelah hujan deras mengguyur wilayah itu selama enam jam tanpa henti, kata petugas.</p>
<p>Kepala Badan Penanggulangan Bencana Daerah setempat mengatakan sedikitnya 1.200 rumah terendam dengan ketinggian air mencapai satu meter di beberapa titik.</p>
<p>"Kami sudah mengerahkan perahu karet dan membuka dapur umum untuk warga yang mengungsi," ujarnya kepada wartawan di posko utama, Kamis pagi.</p>
</article>
<footer>Hak cipta Kabar Nusantara</footer></body></html>"#;

    #[test]
    fn extracts_body_and_meta() {
        let a = extract(PAGE, None).expect("article");
        assert_eq!(
            a.title.as_deref(),
            Some("Banjir Rendam Tiga Kecamatan di Kota Fiktif")
        );
        assert_eq!(a.outlet.as_deref(), Some("Kabar Nusantara"));
        assert_eq!(
            a.published_raw.as_deref(),
            Some("2026-03-05T09:20:00+07:00")
        );
        assert_eq!(
            a.url.as_deref(),
            Some("https://kabar.example/banjir-rendam")
        );
        assert!(a.body.contains("1.200 rumah terendam"), "{}", a.body);
        assert!(a.body.contains("\n\n"), "paragraphs kept: {}", a.body);
        assert!(
            !a.body.contains("Beranda"),
            "navigation dropped: {}",
            a.body
        );
    }

    #[test]
    fn title_site_suffix_is_dropped() {
        assert_eq!(
            clean_title("Harga Cabai Naik | Kabar.com", Some("Kabar.com")),
            "Harga Cabai Naik"
        );
        assert_eq!(clean_title("Satu - Dua", None), "Satu - Dua");
    }

    #[test]
    fn a_rubric_other_title_fields_lack_is_dropped() {
        let t = "Musik - Bikin Gaduh Kota, Rumah Penyanyi Digrebek".to_string();
        let other = ["Bikin Gaduh Kota, Rumah Penyanyi Digrebek"];
        assert_eq!(drop_rubric(t.clone(), &other), other[0]);
        // no other field agrees: kept; a long head is not a rubric
        assert_eq!(drop_rubric(t.clone(), &[]), t);
        let long = "Kata menteri hari ini di Jakarta - Harga Beras Naik Lagi".to_string();
        assert_eq!(drop_rubric(long.clone(), &["Harga Beras Naik Lagi"]), long);
        // a title that merely ends the same way without a separator is kept
        let t2 = "Warga Bikin Gaduh Kota, Rumah Penyanyi Digrebek".to_string();
        assert_eq!(drop_rubric(t2.clone(), &other), t2);
    }

    #[test]
    fn written_dates_with_a_dash_or_a_spaced_comma_are_found() {
        let html = "<p>Rabu, 4 November 2015 16:09 WIB</p>";
        let dash = format!("<time>Kamis, 5 November 2015 - 15:56 wib</time>{html}");
        assert_eq!(
            written_date(&dash).as_deref(),
            Some("Kamis, 5 November 2015 - 15:56 wib")
        );
        let comma = format!("<div>Jumat , 17 February 2017, 13:16 WIB</div>{html}");
        assert_eq!(
            written_date(&comma).as_deref(),
            Some("Jumat , 17 February 2017, 13:16 WIB")
        );
    }

    #[test]
    fn outlet_date_quirks_apply_to_pages() {
        let page = PAGE.replace(
            r#"<meta property="article:published_time" content="2026-03-05T09:20:00+07:00">"#,
            r#"<meta name="pubdate" content="2026-03-05 T09:20:00Z">"#,
        );
        let at = |u: &str| extract_page(&page, Some(u)).unwrap().article.published_raw;
        // the canonical URL (kabar.example) is not a listed outlet: the value is kept
        assert_eq!(
            at("https://news.detik.com/x").as_deref(),
            Some("2026-03-05 T09:20:00Z")
        );
        let page = page.replace(
            "https://kabar.example/banjir-rendam",
            "https://news.detik.com/berita/d-1/x",
        );
        let a = extract_page(&page, None).unwrap().article;
        assert_eq!(
            a.published_raw.as_deref(),
            Some("2026-03-05 T09:20:00+07:00")
        );
    }

    #[test]
    fn page_without_article_is_an_error() {
        assert!(extract("<html><body></body></html>", None).is_err());
        assert!(extract("", None).is_err());
    }
}
