//! Who was first and who copied: first report, each outlet's delay, copy links from the
//! store's near-duplicate groups, and credited wires and outlets.

use crate::load::Loaded;
use crate::{CopyLink, FirstReport, OutletReport};
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// A publication time: seconds since the epoch and whether only the day is known.
pub(crate) fn instant(v: &str) -> Option<(i64, bool)> {
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Some((t.timestamp(), false));
    }
    for f in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, f) {
            return Some((t.and_utc().timestamp(), false));
        }
    }
    let d = NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?;
    Some((d.and_hms_opt(0, 0, 0)?.and_utc().timestamp(), true))
}

/// The delay from `a` to `b`: seconds, or whole days when either knows only its day.
fn delay(a: (i64, bool), b: (i64, bool)) -> (i64, &'static str) {
    if a.1 || b.1 {
        let day = |t: i64| t.div_euclid(86_400);
        ((day(b.0) - day(a.0)) * 86_400, "day")
    } else {
        (b.0 - a.0, "second")
    }
}

/// First report, outlets (earliest first, with delays and credits) and copy links.
pub(crate) fn lineage(l: &Loaded) -> (Option<FirstReport>, Vec<OutletReport>, Vec<CopyLink>) {
    let all_outlets: Vec<String> = {
        let mut v: Vec<String> = l.docs.iter().map(|d| d.outlet.clone()).collect();
        v.sort();
        v.dedup();
        v
    };
    let credits_of = |d: &crate::load::Doc| -> Vec<String> {
        let others: Vec<String> = all_outlets
            .iter()
            .filter(|o| **o != d.outlet)
            .cloned()
            .collect();
        crate::find_credits(&d.analysis, &others)
            .into_iter()
            .map(|c| c.name)
            .filter(|n| *n != d.outlet)
            .collect()
    };
    // earliest known publication first; unknown times last
    let mut order: Vec<&crate::load::Doc> = l.docs.iter().collect();
    order.sort_by_key(|d| {
        let t = d.published.as_deref().and_then(instant);
        (t.is_none(), t.map(|x| x.0))
    });
    let first = order.first().map(|d| FirstReport {
        outlet: d.outlet.clone(),
        article: d.id.clone(),
        published: d.published.clone(),
    });
    let t0 = order
        .first()
        .and_then(|d| d.published.as_deref().and_then(instant));
    let mut outlets: Vec<OutletReport> = Vec::new();
    for d in &order {
        let credits = credits_of(d);
        let o = match outlets.iter_mut().position(|o| o.outlet == d.outlet) {
            Some(i) => &mut outlets[i],
            None => {
                let t = d.published.as_deref().and_then(instant);
                let (delay_seconds, precision) = match (t0, t) {
                    (Some(a), Some(b)) => {
                        let (s, p) = delay(a, b);
                        (Some(s), Some(p.to_string()))
                    }
                    _ => (None, None),
                };
                outlets.push(OutletReport {
                    outlet: d.outlet.clone(),
                    articles: Vec::new(),
                    first_published: d.published.clone(),
                    delay_seconds,
                    delay_precision: precision,
                    first: outlets.is_empty(),
                    credits: Vec::new(),
                    copies: 0,
                    unique: Vec::new(),
                    missing: Vec::new(),
                });
                outlets.last_mut().expect("just pushed")
            }
        };
        o.articles.push(d.id.clone());
        for c in credits {
            if !o.credits.contains(&c) {
                o.credits.push(c);
            }
        }
        if d.duplicate_of.is_some() {
            o.copies += 1;
        }
    }
    let mut links = Vec::new();
    for d in &order {
        let Some(orig) = &d.duplicate_of else {
            continue;
        };
        let lag = match (
            d.published.as_deref().and_then(instant),
            l.doc(orig)
                .and_then(|o| o.published.as_deref())
                .and_then(instant),
        ) {
            (Some(c), Some(o)) => Some(delay(o, c).0),
            _ => None,
        };
        links.push(CopyLink {
            article: d.id.clone(),
            outlet: d.outlet.clone(),
            copy_of: orig.clone(),
            copy_of_outlet: l.outlet_of(orig),
            lag_seconds: lag,
            credited: credits_of(d),
        });
    }
    (first, outlets, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_delays() {
        let a = instant("2025-03-06T15:20:00+07:00").unwrap();
        let b = instant("2025-03-06T09:20:00Z").unwrap();
        assert_eq!(delay(a, b), (3600, "second"));
        let d = instant("2025-03-07").unwrap();
        assert!(d.1);
        assert_eq!(delay(a, d).1, "day");
        assert_eq!(delay(a, d).0, 86_400);
        assert!(instant("kemarin").is_none());
    }
}
