//! Structured metadata of an article page, read from the DOM that dom_smoothie builds:
//! JSON-LD (`NewsArticle` and the other schema.org article types), OpenGraph
//! (`og:*`), `article:*` meta, `<link rel=canonical>`, `<html lang>`, and the links to
//! the later pages of a multi-page article ("Halaman 2", `?page=2`, `/2`).

use dom_query::Document;
use serde_json::Value;
use url::Url;

/// What a page says about itself. Every field is what the page declares, trimmed; absent
/// when the page does not declare it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The schema.org type of the JSON-LD article object, e.g. `NewsArticle`.
    pub kind: Option<String>,
    /// Headline (JSON-LD `headline`, else `og:title`).
    pub title: Option<String>,
    /// Publication instant as written (JSON-LD `datePublished`, `article:published_time`).
    pub published: Option<String>,
    /// Last modification as written (JSON-LD `dateModified`, `article:modified_time`).
    pub modified: Option<String>,
    /// Authors (JSON-LD `author`, `article:author`, `<meta name=author>`), in page order.
    pub authors: Vec<String>,
    /// Outlet (JSON-LD `publisher.name`, `og:site_name`).
    pub outlet: Option<String>,
    /// Language tag (JSON-LD `inLanguage`, `og:locale`, `<html lang>`).
    pub language: Option<String>,
    /// Section (JSON-LD `articleSection`, `article:section`).
    pub section: Option<String>,
    /// Canonical URL, absolute (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    pub canonical: Option<String>,
    /// Later pages of a multi-page article, in page order (absolute URLs).
    pub next_pages: Vec<String>,
    /// A link to the whole article on one page (`?page=all`), when the page offers one.
    pub single_page: Option<String>,
}

/// Schema.org types read as an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
];

/// Most later pages followed for one article.
const MAX_PAGES: u32 = 20;

impl PageMeta {
    /// Reads the metadata of `doc`; `url` (absolute), when known, resolves relative links.
    pub fn from_document(doc: &Document, url: Option<&str>) -> PageMeta {
        let ld = json_ld_article(doc);
        let ld = ld.as_ref();
        let base = url.and_then(|u| Url::parse(u).ok());
        let canonical = link_canonical(doc)
            .or_else(|| meta(doc, "og:url"))
            .or_else(|| ld.and_then(ld_url))
            .and_then(|u| absolute(&u, base.as_ref()));
        let page_base = canonical
            .as_deref()
            .and_then(|u| Url::parse(u).ok())
            .or(base.clone());
        let (next_pages, single_page) = match &page_base {
            Some(b) => pagination(doc, b),
            None => (Vec::new(), None),
        };
        let mut authors: Vec<String> = ld.map(|v| names(v.get("author"))).unwrap_or_default();
        for key in ["article:author", "author", "dc.creator"] {
            if let Some(a) = meta(doc, key).filter(|a| !a.starts_with("http")) {
                if !authors.contains(&a) {
                    authors.push(a);
                }
            }
        }
        PageMeta {
            kind: ld.and_then(ld_type),
            title: ld
                .and_then(|v| string(v.get("headline")))
                .or_else(|| meta(doc, "og:title")),
            published: ld
                .and_then(|v| string(v.get("datePublished")))
                .or_else(|| meta(doc, "article:published_time"))
                .or_else(|| meta(doc, "og:published_time")),
            modified: ld
                .and_then(|v| string(v.get("dateModified")))
                .or_else(|| meta(doc, "article:modified_time")),
            authors,
            outlet: ld
                .and_then(|v| names(v.get("publisher")).into_iter().next())
                .or_else(|| meta(doc, "og:site_name")),
            language: ld
                .and_then(|v| string(v.get("inLanguage")))
                .or_else(|| meta(doc, "og:locale"))
                .or_else(|| attr(doc, "html", "lang")),
            section: ld
                .and_then(|v| names(v.get("articleSection")).into_iter().next())
                .or_else(|| meta(doc, "article:section")),
            canonical,
            next_pages,
            single_page,
        }
    }
}

fn collapse(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is `key`
/// (ASCII case-insensitive).
fn meta(doc: &Document, key: &str) -> Option<String> {
    doc.select("meta[content]").nodes().iter().find_map(|n| {
        let hit = ["property", "name", "itemprop"].iter().any(|a| {
            n.attr(a)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(key))
        });
        if hit {
            n.attr("content").and_then(|c| collapse(&c))
        } else {
            None
        }
    })
}

fn attr(doc: &Document, sel: &str, name: &str) -> Option<String> {
    doc.select(sel)
        .nodes()
        .first()
        .and_then(|n| n.attr(name))
        .and_then(|v| collapse(&v))
}

fn link_canonical(doc: &Document) -> Option<String> {
    doc.select("link[href]").nodes().iter().find_map(|n| {
        let rel = n.attr("rel")?;
        rel.split_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
            .then(|| n.attr("href").and_then(|h| collapse(&h)))
            .flatten()
    })
}

/// `u` made absolute against `base`; only http(s) URLs are kept.
fn absolute(u: &str, base: Option<&Url>) -> Option<String> {
    let parsed = match base {
        Some(b) => b.join(u).ok()?,
        None => Url::parse(u).ok()?,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// The first JSON-LD object of an article type, looking through arrays and `@graph`.
fn json_ld_article(doc: &Document) -> Option<Value> {
    for n in doc.select("script").nodes() {
        let is_ld = n
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text = n.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(v) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        if let Some(found) = find_article(&v, 0) {
            return Some(found.clone());
        }
    }
    None
}

fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(o) => {
            if ld_type(v).is_some() {
                return Some(v);
            }
            o.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// The object's `@type` when it is one of [`ARTICLE_TYPES`].
fn ld_type(v: &Value) -> Option<String> {
    let types: Vec<&str> = match v.get("@type")? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types
        .into_iter()
        .find(|t| ARTICLE_TYPES.contains(t))
        .map(str::to_string)
}

fn ld_url(v: &Value) -> Option<String> {
    string(v.get("url")).or_else(|| match v.get("mainEntityOfPage")? {
        Value::String(s) => collapse(s),
        o => string(o.get("@id")),
    })
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => collapse(s),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        _ => None,
    }
}

/// Names from a string, an object with `name`, or an array of either.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => collapse(s).into_iter().collect(),
        Some(Value::Object(o)) => string(o.get("name")).into_iter().collect(),
        Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x))).collect(),
        _ => Vec::new(),
    }
}

/// Query parameters that number the pages of an article.
const PAGE_PARAMS: &[&str] = &["page", "p", "halaman", "hal", "paging"];

/// Links to later pages of the article at `base`: the same URL with a page parameter
/// (`?page=2`) or one more path segment that is a number (`/2`), numbered 2..=MAX_PAGES.
fn pagination(doc: &Document, base: &Url) -> (Vec<String>, Option<String>) {
    let mut pages: Vec<(u32, String)> = Vec::new();
    let mut single = None;
    for n in doc.select("a[href]").nodes() {
        let Some(href) = n.attr("href") else { continue };
        let Ok(u) = base.join(href.trim()) else {
            continue;
        };
        match page_number(base, &u) {
            Some(PageRef::All) => single = single.or_else(|| Some(u.to_string())),
            Some(PageRef::Number(k))
                if (2..=MAX_PAGES).contains(&k) && !pages.iter().any(|(p, _)| *p == k) =>
            {
                pages.push((k, u.to_string()));
            }
            _ => {}
        }
    }
    pages.sort_by_key(|(k, _)| *k);
    (pages.into_iter().map(|(_, u)| u).collect(), single)
}

enum PageRef {
    Number(u32),
    All,
}

fn page_number(base: &Url, u: &Url) -> Option<PageRef> {
    if u.host_str() != base.host_str() {
        return None;
    }
    let base_path = base.path().trim_end_matches('/');
    if u.path().trim_end_matches('/') == base_path {
        return u.query_pairs().find_map(|(k, v)| {
            if !PAGE_PARAMS.contains(&k.as_ref()) {
                return None;
            }
            if v.eq_ignore_ascii_case("all") {
                return Some(PageRef::All);
            }
            v.parse().ok().map(PageRef::Number)
        });
    }
    let rest = u.path().strip_prefix(base_path)?.strip_prefix('/')?;
    let rest = rest.trim_end_matches('/');
    if rest.is_empty() || rest.len() > 3 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok().map(PageRef::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="id"><head>
<meta property="og:title" content="Judul dari OG">
<meta property="og:site_name" content="kompascom">
<meta property="article:section" content="Regional">
<meta name="author" content="Penulis Meta">
<link rel="canonical" href="/read/2026/01/02/berita-fiktif">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":["NewsArticle"],"headline":"Judul dari JSON-LD","datePublished":"2026-01-02T10:00:00+07:00",
"author":[{"@type":"Person","name":"Ani"},{"name":"Budi"}],"publisher":{"@type":"Organization","name":"Kabar Fiktif"},"inLanguage":"id-ID"}]}</script>
</head><body><p>isi</p>
<a href="/read/2026/01/02/berita-fiktif?page=3">3</a>
<a href="https://kabar.example/read/2026/01/02/berita-fiktif?page=2">Halaman 2</a>
<a href="/read/2026/01/02/berita-fiktif?page=all">Tampilkan semua</a>
<a href="/read/2026/01/02/lain?page=2">lain</a></body></html>"#;

    #[test]
    fn json_ld_wins_over_open_graph() {
        let doc = Document::from(PAGE);
        let m = PageMeta::from_document(&doc, Some("https://kabar.example/x"));
        assert_eq!(m.kind.as_deref(), Some("NewsArticle"));
        assert_eq!(m.title.as_deref(), Some("Judul dari JSON-LD"));
        assert_eq!(m.published.as_deref(), Some("2026-01-02T10:00:00+07:00"));
        assert_eq!(m.authors, ["Ani", "Budi", "Penulis Meta"]);
        assert_eq!(m.outlet.as_deref(), Some("Kabar Fiktif"));
        assert_eq!(m.language.as_deref(), Some("id-ID"));
        assert_eq!(m.section.as_deref(), Some("Regional"));
        assert_eq!(
            m.canonical.as_deref(),
            Some("https://kabar.example/read/2026/01/02/berita-fiktif")
        );
        assert_eq!(
            m.next_pages,
            [
                "https://kabar.example/read/2026/01/02/berita-fiktif?page=2",
                "https://kabar.example/read/2026/01/02/berita-fiktif?page=3"
            ]
        );
        assert!(m.single_page.unwrap().ends_with("?page=all"));
    }

    #[test]
    fn open_graph_without_json_ld_and_path_pages() {
        let html = r#"<html><head><meta property="og:title" content=" Judul  OG ">
<meta property="og:url" content="https://kabar.example/a/berita">
<meta property="article:published_time" content="2026-02-03T04:05:06Z"></head>
<body><a href="/a/berita/2">2</a><a href="/a/berita/komentar">k</a><a href="/a/berita/2">lagi</a></body></html>"#;
        let m = PageMeta::from_document(&Document::from(html), None);
        assert_eq!(m.title.as_deref(), Some("Judul OG"));
        assert_eq!(m.published.as_deref(), Some("2026-02-03T04:05:06Z"));
        assert_eq!(m.next_pages, ["https://kabar.example/a/berita/2"]);
        assert!(m.kind.is_none() && m.authors.is_empty());
    }
}
