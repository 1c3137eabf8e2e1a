//! URL normalisation: one spelling per article, so a URL seen again is recognised.

use url::Url;

/// Query parameters that only track the reader (`utm_*` and these).
const TRACKERS: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid", "yclid",
];

/// Parses and normalises an absolute http(s) URL: lower-case scheme and host (the `url`
/// crate), default port and fragment dropped, `utm_*` and click-tracking parameters
/// removed (the other parameters keep their order). `None` when it is not http(s).
pub fn normalize(raw: &str) -> Option<Url> {
    let mut u = Url::parse(raw.trim()).ok()?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return None;
    }
    u.set_fragment(None);
    if u.query().is_some() {
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| {
                let k = k.to_ascii_lowercase();
                !k.starts_with("utm_") && !TRACKERS.contains(&k.as_str())
            })
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Some(u)
}

/// [`normalize`] resolving `raw` against `base` first (feed links may be relative).
pub fn normalize_in(base: &Url, raw: &str) -> Option<Url> {
    let joined = base.join(raw.trim()).ok()?;
    normalize(joined.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trackers_and_fragments_go() {
        let n = |s: &str| normalize(s).map(|u| u.to_string());
        assert_eq!(
            n("HTTPS://Berita.Example:443/a/b?utm_source=x&id=3&UTM_medium=y&fbclid=1#top")
                .as_deref(),
            Some("https://berita.example/a/b?id=3")
        );
        assert_eq!(
            n("http://berita.example/a?utm_campaign=z").as_deref(),
            Some("http://berita.example/a")
        );
        assert_eq!(n("ftp://berita.example/a"), None);
        assert_eq!(n("/relative"), None);
        let base = Url::parse("https://berita.example/feed/").unwrap();
        assert_eq!(
            normalize_in(&base, "../a/1?utm_x=1")
                .map(|u| u.to_string())
                .as_deref(),
            Some("https://berita.example/a/1")
        );
    }
}
