//! Outlet names: the outlet of an article from what the input says, its URL, or both.
//!
//! Order (docs/fetch.md): the name the input or page gives, normalised through the outlet
//! list (`"kompascom"`, `"KOMPAS.com"` → `Kompas.com`); else the outlet list by the URL's
//! host or its nearest listed parent domain; else the URL's registrable domain (public
//! suffix list, via the `psl` crate: `berita.example.co.id` → `example.co.id`).
//! The list lives once, in `data/outlets.tsv`.

use std::collections::HashMap;
use std::sync::LazyLock;

struct Outlets {
    /// host or domain → display name
    by_domain: HashMap<String, &'static str>,
    /// folded name, alias or domain → display name
    by_name: HashMap<String, &'static str>,
}

static OUTLETS: LazyLock<Outlets> = LazyLock::new(|| parse(include_str!("../data/outlets.tsv")));

fn parse(text: &'static str) -> Outlets {
    let mut by_domain = HashMap::new();
    let mut by_name = HashMap::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(domain), Some(name)) = (cols.next(), cols.next()) else {
            continue;
        };
        let aliases = cols.next().unwrap_or("");
        by_domain.insert(domain.to_ascii_lowercase(), name);
        for key in std::iter::once(name)
            .chain(std::iter::once(domain))
            .chain(aliases.split('|'))
        {
            let f = fold(key);
            if !f.is_empty() {
                by_name.entry(f).or_insert(name);
            }
        }
    }
    Outlets { by_domain, by_name }
}

/// Lower case, letters and digits only: `"KOMPAS.com"` → `"kompascom"`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The display name of an outlet name as an input or page writes it: the listed name
/// when the folded name, alias or domain is listed, else the name itself, trimmed
/// (`None` when empty).
pub fn normalize(name: &str) -> Option<String> {
    let name = name.trim().trim_start_matches('@').trim();
    if name.is_empty() {
        return None;
    }
    if let Some(n) = OUTLETS.by_name.get(&fold(name)) {
        return Some((*n).to_string());
    }
    if !name.contains(' ') && name.contains('.') {
        if let Some(n) = listed_domain(&name.to_ascii_lowercase()) {
            return Some(n.to_string());
        }
    }
    Some(name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The host of an http(s) URL, lower-cased, without `www.`.
fn host(url: &str) -> Option<String> {
    let u = url::Url::parse(url.trim()).ok()?;
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    let h = u.host_str()?.trim_end_matches('.').to_ascii_lowercase();
    Some(h.strip_prefix("www.").map(str::to_string).unwrap_or(h))
}

fn listed_domain(host: &str) -> Option<&'static str> {
    let mut h = host;
    loop {
        if let Some(n) = OUTLETS.by_domain.get(h) {
            return Some(n);
        }
        h = h.split_once('.')?.1;
    }
}

/// The outlet of a URL: the listed outlet of its host or nearest listed parent domain,
/// else its registrable domain. `None` for what is not an http(s) URL with a host.
pub fn from_url(url: &str) -> Option<String> {
    let h = host(url)?;
    if let Some(n) = listed_domain(&h) {
        return Some(n.to_string());
    }
    if h.parse::<std::net::IpAddr>().is_ok() {
        return Some(h);
    }
    psl::domain_str(&h).map(str::to_string).or(Some(h))
}

/// The outlet of an article: the given name normalised, else from its URL.
pub fn resolve(given: Option<&str>, url: Option<&str>) -> Option<String> {
    given.and_then(normalize).or_else(|| url.and_then(from_url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalize("kompascom").as_deref(), Some("Kompas.com"));
        assert_eq!(normalize("KOMPAS.com").as_deref(), Some("Kompas.com"));
        assert_eq!(normalize(" detikcom ").as_deref(), Some("Detik.com"));
        assert_eq!(normalize("@detikcom").as_deref(), Some("Detik.com"));
        assert_eq!(normalize("Kabar  Fiktif").as_deref(), Some("Kabar Fiktif"));
        assert_eq!(normalize("   "), None);
    }

    #[test]
    fn urls_give_listed_names_or_registrable_domains() {
        assert_eq!(
            from_url("https://news.detik.com/berita/d-1/x").as_deref(),
            Some("Detik.com")
        );
        assert_eq!(
            from_url("http://en.tempo.co/read/1").as_deref(),
            Some("Tempo English")
        );
        assert_eq!(
            from_url("https://gaya.tempo.co/read/1").as_deref(),
            Some("Tempo.co")
        );
        assert_eq!(
            from_url("https://berita.contoh-fiktif.co.id/a").as_deref(),
            Some("contoh-fiktif.co.id")
        );
        assert_eq!(from_url("ftp://detik.com/x"), None);
        assert_eq!(from_url("not a url"), None);
    }

    #[test]
    fn given_name_wins_over_url() {
        assert_eq!(
            resolve(Some("KOMPAS.com"), Some("https://detik.com/")).as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(
            resolve(None, Some("https://www.kompas.com/read/1")).as_deref(),
            Some("Kompas.com")
        );
        assert_eq!(resolve(Some(""), None), None);
    }
}
