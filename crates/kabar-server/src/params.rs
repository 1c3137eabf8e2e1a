//! Query parameters shared by every list (HTML pages and `/api/v1/`): paging, sorting and
//! filters, read as text and checked here so a bad value gets a clear 400 naming it.

use crate::ApiError;
use axum::http::StatusCode;
use kabar_query::{Filter, PageReq, Sort};
use serde::Deserialize;

/// Rows per page when `limit` is not given.
pub const DEFAULT_LIMIT: u64 = 50;
/// The most rows one page may ask for; a larger `limit` is lowered to it.
pub const MAX_LIMIT: u64 = 500;

/// Every list parameter, as text (empty values, as HTML forms send them, mean "any").
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ListQuery {
    pub q: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub outlet: Option<String>,
    pub entity: Option<String>,
    pub lang: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub sort: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub page: Option<String>,
}

fn bad(msg: String) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, msg)
}

/// `Some(v)` for a non-empty trimmed value.
pub(crate) fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn number(name: &str, v: &Option<String>) -> Result<Option<i64>, ApiError> {
    match given(v) {
        None => Ok(None),
        Some(s) => s
            .parse::<i64>()
            .map(Some)
            .map_err(|_| bad(format!("{name} must be a whole number, got {s:?}"))),
    }
}

fn day(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    match given(v) {
        None => Ok(None),
        Some(s) => {
            let b = s.as_bytes();
            let ok = b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && b.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
            if ok {
                Ok(Some(s.to_string()))
            } else {
                Err(bad(format!("{name} must be a date YYYY-MM-DD, got {s:?}")))
            }
        }
    }
}

impl ListQuery {
    /// The page asked for: `limit` 1..[`MAX_LIMIT`] (larger lowered), `offset` ≥ 0 or a
    /// 1-based `page`.
    pub fn page(&self) -> Result<(PageReq, u64), ApiError> {
        let limit = match number("limit", &self.limit)? {
            None => DEFAULT_LIMIT,
            Some(n) if n < 1 => return Err(bad(format!("limit must be at least 1, got {n}"))),
            Some(n) => (n as u64).min(MAX_LIMIT),
        };
        let offset = match (number("offset", &self.offset)?, number("page", &self.page)?) {
            (Some(o), _) if o < 0 => {
                return Err(bad(format!("offset must be at least 0, got {o}")))
            }
            (Some(o), _) => o as u64,
            (None, Some(p)) if p < 1 => {
                return Err(bad(format!("page must be at least 1, got {p}")))
            }
            (None, Some(p)) => (p as u64 - 1).saturating_mul(limit),
            (None, None) => 0,
        };
        Ok((PageReq { offset, limit }, offset / limit + 1))
    }

    /// The sort asked for, else `default`.
    pub fn sort(&self, default: Sort) -> Result<Sort, ApiError> {
        match given(&self.sort) {
            None => Ok(default),
            Some(s) => Sort::parse(s).ok_or_else(|| {
                bad(format!(
                    "sort must be latest, oldest, biggest or growth, got {s:?}"
                ))
            }),
        }
    }

    /// The filters (the entity still as given: ID, name or alias).
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let f = Filter {
            from: day("from", &self.from)?,
            to: day("to", &self.to)?,
            outlet: given(&self.outlet).map(str::to_string),
            entity: given(&self.entity).map(str::to_string),
            lang: given(&self.lang).map(str::to_string),
        };
        if let (Some(a), Some(b)) = (&f.from, &f.to) {
            if a > b {
                return Err(bad(format!("from {a} is after to {b}")));
            }
        }
        Ok(f)
    }

    /// The parameters to keep in pager links (all but the page).
    pub fn keep(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for (k, v) in [
            ("q", &self.q),
            ("from", &self.from),
            ("to", &self.to),
            ("outlet", &self.outlet),
            ("entity", &self.entity),
            ("lang", &self.lang),
            ("type", &self.kind),
            ("sort", &self.sort),
            ("limit", &self.limit),
        ] {
            if let Some(v) = given(v) {
                out.push((k, v.to_string()));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> ListQuery {
        let s = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        serde_urlencoded_like(&s)
    }

    fn serde_urlencoded_like(s: &str) -> ListQuery {
        let v: serde_json::Map<String, serde_json::Value> = s
            .split('&')
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
            .collect();
        serde_json::from_value(serde_json::Value::Object(v)).unwrap()
    }

    #[test]
    fn pages_limits_and_dates_are_checked() {
        assert_eq!(q(&[]).page().unwrap().0.limit, DEFAULT_LIMIT);
        let (p, n) = q(&[("page", "3"), ("limit", "10")]).page().unwrap();
        assert_eq!((p.offset, p.limit, n), (20, 10, 3));
        assert_eq!(q(&[("limit", "9999")]).page().unwrap().0.limit, MAX_LIMIT);
        for bad in [
            ("limit", "-1"),
            ("limit", "0"),
            ("limit", "x"),
            ("page", "0"),
            ("offset", "-5"),
        ] {
            assert!(q(&[bad]).page().is_err(), "{bad:?}");
        }
        assert!(q(&[("from", "2026-5-1")]).filter().is_err());
        assert!(q(&[("from", "2026-05-02"), ("to", "2026-05-01")])
            .filter()
            .is_err());
        assert_eq!(
            q(&[("from", "2026-05-01"), ("outlet", "")])
                .filter()
                .unwrap(),
            Filter {
                from: Some("2026-05-01".into()),
                ..Filter::default()
            }
        );
        assert!(q(&[("sort", "random")]).sort(Sort::Latest).is_err());
    }
}
