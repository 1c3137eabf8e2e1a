//! Roles across articles: the role history the store shows for an entity (SPEC `kabar
//! entity`: `roles: [{title, of, first, last, articles}]`).

use kabar_core::Role;

/// One role of an entity over all articles that mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleSpan {
    /// Canonical title.
    pub title: String,
    /// Entity ID of the country or organisation.
    pub of: Option<String>,
    /// Earliest date seen (ISO, any precision).
    pub first: Option<String>,
    /// Latest date seen.
    pub last: Option<String>,
    /// IDs of the articles that report the role, in the order first seen.
    pub articles: Vec<String>,
}

/// Folds roles seen in articles (`(role, article ID)`) into one [`RoleSpan`] per
/// (title, of), ordered by first date (undated last), so a person who was a deputy
/// minister one year and a governor the next shows both, in order. Roles without `of` are
/// kept apart from roles with one. ISO dates of mixed precision compare as strings
/// ("2024" < "2024-05" < "2024-05-01"), which keeps the order of ISO prefixes.
pub fn role_history<'a>(seen: impl IntoIterator<Item = (&'a Role, &'a str)>) -> Vec<RoleSpan> {
    let mut out: Vec<RoleSpan> = Vec::new();
    for (role, article) in seen {
        let i = match out
            .iter()
            .position(|r| r.title == role.title && r.of == role.of)
        {
            Some(i) => i,
            None => {
                out.push(RoleSpan {
                    title: role.title.clone(),
                    of: role.of.clone(),
                    first: None,
                    last: None,
                    articles: Vec::new(),
                });
                out.len() - 1
            }
        };
        let r = &mut out[i];
        if let Some(d) = &role.date {
            if r.first.as_ref().is_none_or(|f| d < f) {
                r.first = Some(d.clone());
            }
            if r.last.as_ref().is_none_or(|l| d > l) {
                r.last = Some(d.clone());
            }
        }
        if !r.articles.iter().any(|a| a == article) {
            r.articles.push(article.to_string());
        }
    }
    out.sort_by(|a, b| match (&a.first, &b.first) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(t: &str, of: Option<&str>, d: Option<&str>) -> Role {
        Role {
            title: t.into(),
            of: of.map(String::from),
            date: d.map(String::from),
        }
    }

    #[test]
    fn roles_over_time_in_order() {
        let gov = role("Gubernur", Some("gpe:jawa-barat"), Some("2024-03-01"));
        let dep1 = role("Wakil Menteri Keuangan", None, Some("2023-06-10"));
        let dep2 = role("Wakil Menteri Keuangan", None, Some("2023-01-05"));
        let gov2 = role("Gubernur", Some("gpe:jawa-barat"), Some("2024-09"));
        let h = role_history([
            (&gov, "a:1"),
            (&dep1, "a:2"),
            (&dep2, "a:3"),
            (&gov2, "a:4"),
            (&gov, "a:1"),
        ]);
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].title, "Wakil Menteri Keuangan");
        assert_eq!(h[0].first.as_deref(), Some("2023-01-05"));
        assert_eq!(h[0].last.as_deref(), Some("2023-06-10"));
        assert_eq!(h[1].title, "Gubernur");
        assert_eq!(h[1].last.as_deref(), Some("2024-09"));
        assert_eq!(h[1].articles, ["a:1", "a:4"]);
    }
}
