//! Outlet names: the outlet of an article from what the input says, its URL, or both.
//!
//! Order (docs/fetch.md): the name the input or page gives, normalised through the outlet
//! list (`"kompascom"`, `"KOMPAS.com"` → `Kompas.com`); else the outlet list by the URL's
//! host or its nearest listed parent domain; else the URL's registrable domain (public
//! suffix list, via the `psl` crate: `berita.example.co.id` → `example.co.id`).
//! The list lives once, in `data/outlets.tsv`, with the few facts about how an outlet
//! writes its pages that a reader must undo ([`page_published`]).

use std::collections::HashMap;
use std::sync::LazyLock;

/// A listed outlet domain.
struct Listed {
    name: &'static str,
    /// The offset a trailing `Z` in this outlet's page dates really means (`z=+07:00`).
    z_offset: Option<&'static str>,
}

struct Outlets {
    /// host or domain → its outlet
    by_domain: HashMap<String, Listed>,
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
        let facts = cols.next().unwrap_or("");
        let z_offset = facts
            .split_whitespace()
            .find_map(|f| f.strip_prefix("z="))
            .filter(|z| is_offset(z));
        by_domain.insert(domain.to_ascii_lowercase(), Listed { name, z_offset });
        for key in std::iter::once(name)
            .chain(std::iter::once(domain))
            .chain(aliases.split('|').filter(|a| !a.is_empty()))
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

fn listed(host: &str) -> Option<&'static Listed> {
    let mut h = host;
    loop {
        if let Some(l) = OUTLETS.by_domain.get(h) {
            return Some(l);
        }
        h = h.split_once('.')?.1;
    }
}

fn listed_domain(host: &str) -> Option<&'static str> {
    listed(host).map(|l| l.name)
}

/// `+07:00`, `-03:30`.
fn is_offset(z: &str) -> bool {
    let b = z.as_bytes();
    b.len() == 6
        && matches!(b[0], b'+' | b'-')
        && b[3] == b':'
        && [1, 2, 4, 5].iter().all(|&i| b[i].is_ascii_digit())
}

/// A publication date as the page at `url` writes it, with its outlet's known quirk
/// undone: for an outlet listed with `z=±HH:MM` (Detik), a trailing `Z` is replaced by
/// that offset, since its pages write local wall time with a `Z`
/// (`2015-11-05 T10:08:58Z` → `2015-11-05 T10:08:58+07:00`). Other values are kept.
pub fn page_published(published: &str, url: Option<&str>) -> String {
    let z = url
        .and_then(host)
        .and_then(|h| listed(&h))
        .and_then(|l| l.z_offset);
    let t = published.trim();
    match (z, t.strip_suffix(['Z', 'z'])) {
        (Some(off), Some(head)) if head.ends_with(|c: char| c.is_ascii_digit()) => {
            format!("{head}{off}")
        }
        _ => published.to_string(),
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
    fn listed_z_offsets_are_undone_on_their_pages_only() {
        let detik = Some("https://inet.detik.com/read/2015/11/05/1/x");
        assert_eq!(
            page_published("2015-11-05 T10:08:58Z", detik),
            "2015-11-05 T10:08:58+07:00"
        );
        assert_eq!(
            page_published("2026-05-29T22:02:00+07:00", detik),
            "2026-05-29T22:02:00+07:00"
        );
        assert_eq!(
            page_published("Jumat, 29 Mei 2026 22:02 WIB", detik),
            "Jumat, 29 Mei 2026 22:02 WIB"
        );
        let other = Some("https://www.kompas.com/read/1");
        assert_eq!(
            page_published("2015-11-05T10:08:58Z", other),
            "2015-11-05T10:08:58Z"
        );
        assert_eq!(
            page_published("2015-11-05T10:08:58Z", None),
            "2015-11-05T10:08:58Z"
        );
        assert!(is_offset("+07:00") && is_offset("-03:30"));
        assert!(!is_offset("+7") && !is_offset("07:00") && !is_offset("+07:0x"));
        // every z= fact in the list is well formed (a malformed one would be ignored)
        for line in include_str!("../data/outlets.tsv").lines() {
            if let Some(f) = line.split('\t').nth(3) {
                for z in f.split_whitespace().filter_map(|f| f.strip_prefix("z=")) {
                    assert!(is_offset(z), "{line}");
                }
            }
        }
    }

    #[test]
    fn sub_brands_take_their_parent_name() {
        assert_eq!(normalize("ihram.co.id").as_deref(), Some("Republika"));
        assert_eq!(normalize("Republika Online").as_deref(), Some("Republika"));
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
