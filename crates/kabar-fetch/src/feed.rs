//! Feeds (RSS 2.0, Atom, JSON Feed via feed-rs) and news sitemaps (`<urlset>` with
//! `news:` fields, `<sitemapindex>`) to a list of article links.

use crate::error::FetchError;
use crate::urls::normalize_in;
use quick_xml::events::Event;
use url::Url;

/// One item of a feed or sitemap.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    /// The article URL, normalised.
    pub url: String,
    /// The item's title.
    pub title: Option<String>,
    /// Publication date as given (RFC 3339 for feeds, as written for sitemaps).
    pub published: Option<String>,
}

/// What a feed document lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedDoc {
    /// Article links, in document order, without repeats.
    pub items: Vec<FeedItem>,
    /// Child sitemaps of a sitemap index.
    pub sitemaps: Vec<String>,
}

/// Parses a feed or sitemap fetched from `base`.
pub fn parse(body: &[u8], base: &Url) -> Result<FeedDoc, FetchError> {
    let head = &body[..body.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    if head.contains("<urlset") || head.contains("<sitemapindex") {
        return parse_sitemap(body, base);
    }
    let feed = feed_rs::parser::parse(body).map_err(|e| FetchError::Feed(e.to_string()))?;
    let mut doc = FeedDoc::default();
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.clone())
            .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone()));
        let Some(url) = link.and_then(|l| normalize_in(base, &l)) else {
            continue;
        };
        push(
            &mut doc.items,
            FeedItem {
                url: url.to_string(),
                title: entry.title.map(|t| t.content.trim().to_string()),
                published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            },
        );
    }
    Ok(doc)
}

fn push(items: &mut Vec<FeedItem>, item: FeedItem) {
    if !items.iter().any(|i| i.url == item.url) {
        items.push(item);
    }
}

/// A sitemap: `<url><loc>` with optional `<news:publication_date>`/`<news:title>`, or
/// the `<sitemap><loc>` children of an index.
fn parse_sitemap(body: &[u8], base: &Url) -> Result<FeedDoc, FetchError> {
    let mut reader = quick_xml::Reader::from_reader(body);
    reader.config_mut().trim_text(true);
    let mut doc = FeedDoc::default();
    let mut path: Vec<String> = Vec::new();
    let mut cur = FeedItem::default();
    let mut buf = Vec::new();
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| FetchError::Feed(format!("sitemap: {e}")))?;
        match ev {
            Event::Start(e) => {
                let name = local(e.name().as_ref());
                if name == "url" {
                    cur = FeedItem::default();
                }
                path.push(name);
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                if name == "url" && !cur.url.is_empty() {
                    push(&mut doc.items, std::mem::take(&mut cur));
                }
            }
            Event::Text(t) => {
                let text = t
                    .unescape()
                    .map_err(|e| FetchError::Feed(format!("sitemap: {e}")))?;
                sitemap_text(&path, text.trim(), base, &mut cur, &mut doc);
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t).to_string();
                sitemap_text(&path, text.trim(), base, &mut cur, &mut doc);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !path.is_empty() {
        return Err(FetchError::Feed("sitemap: unclosed elements".into()));
    }
    Ok(doc)
}

fn sitemap_text(path: &[String], text: &str, base: &Url, cur: &mut FeedItem, doc: &mut FeedDoc) {
    let parent = path.len().checked_sub(2).map(|i| path[i].as_str());
    match (parent, path.last().map(String::as_str)) {
        (Some("url"), Some("loc")) => {
            if let Some(u) = normalize_in(base, text) {
                cur.url = u.to_string();
            }
        }
        (Some("sitemap"), Some("loc")) => {
            if let Some(u) = normalize_in(base, text) {
                doc.sitemaps.push(u.to_string());
            }
        }
        (_, Some("publication_date")) => cur.published = Some(text.to_string()),
        (_, Some("title")) => cur.title = Some(text.to_string()),
        _ => {}
    }
}

fn local(name: &[u8]) -> String {
    let n = String::from_utf8_lossy(name);
    n.rsplit(':').next().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://kabar.example/rss").unwrap()
    }

    #[test]
    fn rss_atom_and_json_feed() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>
<item><title>Satu</title><link>https://kabar.example/a/1?utm_source=rss</link><pubDate>Tue, 01 Dec 2026 10:00:00 +0700</pubDate></item>
<item><title>Dua</title><link>/a/2</link></item><item><title>Satu lagi</title><link>https://kabar.example/a/1</link></item>
</channel></rss>"#;
        let d = parse(rss, &base()).unwrap();
        let urls: Vec<_> = d.items.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://kabar.example/a/1", "https://kabar.example/a/2"]
        );
        assert_eq!(d.items[0].title.as_deref(), Some("Satu"));
        assert_eq!(
            d.items[0].published.as_deref(),
            Some("2026-12-01T03:00:00+00:00")
        );
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>K</title><id>k</id><updated>2026-12-01T00:00:00Z</updated>
<entry><title>A</title><id>x</id><link href="https://kabar.example/b"/><updated>2026-12-01T00:00:00Z</updated></entry></feed>"#;
        assert_eq!(
            parse(atom, &base()).unwrap().items[0].url,
            "https://kabar.example/b"
        );
        let json = br#"{"version":"https://jsonfeed.org/version/1.1","title":"K","items":[{"id":"1","url":"https://kabar.example/c","title":"C"}]}"#;
        assert_eq!(
            parse(json, &base()).unwrap().items[0].url,
            "https://kabar.example/c"
        );
    }

    #[test]
    fn news_sitemap_and_index() {
        let sm = br#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://kabar.example/n/1</loc><news:news><news:publication><news:name>K</news:name><news:language>id</news:language></news:publication>
<news:publication_date>2026-12-01T10:00:00+07:00</news:publication_date><news:title>Berita &amp; satu</news:title></news:news></url>
<url><loc>https://kabar.example/n/2</loc></url></urlset>"#;
        let d = parse(sm, &base()).unwrap();
        assert_eq!(d.items.len(), 2);
        assert_eq!(d.items[0].title.as_deref(), Some("Berita & satu"));
        assert_eq!(
            d.items[0].published.as_deref(),
            Some("2026-12-01T10:00:00+07:00")
        );
        let idx = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://kabar.example/sm-1.xml</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            parse(idx, &base()).unwrap().sitemaps,
            ["https://kabar.example/sm-1.xml"]
        );
    }

    #[test]
    fn invalid_xml_is_an_error() {
        assert!(matches!(
            parse(b"<rss><channel><item>", &base()),
            Err(FetchError::Feed(_))
        ));
        assert!(matches!(
            parse(b"<urlset><url><loc>x</url>", &base()),
            Err(FetchError::Feed(_))
        ));
        assert!(parse(b"not a feed at all", &base()).is_err());
    }
}
