//! HTML building blocks of the web app: escaping, the page frame, pagers and the
//! server-side SVG charts (no script, no CDN: pages work offline and without JavaScript).

use std::fmt::Write as _;

/// Escapes text for HTML element content and double-quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes one URL path segment or query value.
pub(crate) fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A query string (`?a=1&b=2`) of the non-empty pairs, or `""`.
pub(crate) fn qs(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// The sections of the navigation bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nav {
    Home,
    Stories,
    Events,
    Entities,
    Articles,
    Search,
}

const STYLE: &str = r#"
:root{--fg:#1d232b;--muted:#58616c;--line:#dde1e6;--accent:#a63a22;--bg:#fafaf8;--mark:#fff1a8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
a{color:#1a4f8b}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #1a4f8b;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem;z-index:9}
header{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid var(--line);background:#fff}
header .brand{font-weight:700;color:var(--accent);text-decoration:none;font-size:1.1rem}
header nav{display:flex;flex-wrap:wrap;gap:.2rem .8rem}
header nav a{color:var(--fg);text-decoration:none;padding:.2rem 0}
header nav a[aria-current]{color:var(--accent);font-weight:600;border-bottom:2px solid var(--accent)}
header form{margin-left:auto;display:flex;gap:.3rem;flex:1 1 14rem;max-width:24rem;min-width:0}
header input{flex:1;min-width:0;padding:.35rem .5rem;border:1px solid #8a939d;border-radius:4px;font:inherit}
button{font:inherit;padding:.3rem .7rem;border:1px solid #8a939d;border-radius:4px;background:#fff;cursor:pointer}
main{max-width:60rem;margin:0 auto;padding:.8rem 1rem 3rem}
h1{font-size:1.35rem;margin:.6rem 0 .3rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
.muted{color:var(--muted);font-size:.9rem}
ol.rows,ul.rows{list-style:none;padding:0;margin:0}
.rows li{padding:.5rem 0;border-bottom:1px solid var(--line)}
.rows li>a{font-weight:600}
.tag{display:inline-block;font-size:.75rem;padding:0 .35rem;border:1px solid var(--line);border-radius:3px;margin-right:.3rem;color:var(--muted)}
table{border-collapse:collapse;width:100%}td,th{padding:.35rem .4rem;border-bottom:1px solid var(--line);vertical-align:top;text-align:left}
td.date{white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0;padding:.5rem;background:#fff;border:1px solid var(--line);border-radius:4px}
.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
.filters input,.filters select{font:inherit;padding:.2rem .3rem;border:1px solid #8a939d;border-radius:3px;max-width:11rem;background:#fff;color:inherit;height:2.1rem}
.pager{display:flex;gap:1rem;align-items:center;margin:1rem 0}
.text{white-space:pre-wrap;background:#fff;border:1px solid var(--line);padding:1rem;border-radius:4px;overflow-wrap:anywhere}
.m-ent{background:#e3efff;border-bottom:2px solid #3a6fb0;color:inherit;text-decoration:none}
.m-time{background:#e4f6e4;border-bottom:2px solid #2f8a3c}
.m-act{background:#ffe6d5;border-bottom:2px solid #b8561d;font-weight:600}
.m-quote{font-style:italic;background:#f3eefc}
.legend>span{margin-right:.8rem;white-space:nowrap;display:inline-block}
mark{background:var(--mark)}
svg{max-width:100%;height:auto}
.spark{vertical-align:middle;margin-left:.4rem}
.err{color:#a00}
@media (max-width:480px){header{padding:.4rem .7rem}header nav{gap:.2rem .65rem}header form{margin-left:0;max-width:none;flex-basis:100%}main{padding:.5rem .7rem 2rem}table{font-size:.9rem}td,th{padding:.3rem .25rem}}
"#;

/// A whole page: header with navigation and search, the body, no script.
pub(crate) fn page(title: &str, nav: Nav, q: &str, body: &str) -> String {
    let item = |n: Nav, href: &str, label: &str| {
        let cur = if n == nav {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<a href=\"{href}\"{cur}>{label}</a>")
    };
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{t} · Kabar</title><style>{STYLE}</style></head><body>\
<a class=\"skip\" href=\"#main\">Skip to content</a>\
<header><a class=\"brand\" href=\"/\">Kabar</a><nav aria-label=\"Sections\">{}{}{}{}{}</nav>\
<form role=\"search\" action=\"/search\" method=\"get\"><label for=\"q\" class=\"skip\">Search articles</label>\
<input id=\"q\" name=\"q\" type=\"search\" value=\"{qv}\" placeholder=\"Search articles…\">\
<button type=\"submit\">Search</button></form></header>\
<main id=\"main\">{body}</main></body></html>",
        item(Nav::Home, "/", "Home"),
        item(Nav::Stories, "/stories", "Stories"),
        item(Nav::Events, "/events", "Events"),
        item(Nav::Entities, "/entities", "Entities"),
        item(Nav::Articles, "/articles", "Articles"),
        t = esc(title),
        qv = esc(q),
    )
}

/// "12 articles", "1 article", "no articles".
pub(crate) fn count(n: u64, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{} {many}", thousands(n)),
    }
}

/// `6227` → `6,227`.
pub(crate) fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A date as a reader wants it: `2026-05-29 22:02` from an ISO timestamp; TimeML's
/// `PRESENT_REF` as "now"; `None` as "undated".
pub(crate) fn when(d: Option<&str>) -> String {
    match d {
        None | Some("") => "undated".into(),
        Some("PRESENT_REF") => "now".into(),
        Some("PAST_REF") => "in the past".into(),
        Some("FUTURE_REF") => "in the future".into(),
        Some(d) if d.len() >= 16 && d.as_bytes()[10] == b'T' => {
            format!("{} {}", &d[..10], &d[11..16])
        }
        Some(d) => d.to_string(),
    }
}

/// `first → last`, one day once, "undated" when unknown.
pub(crate) fn span(first: Option<&str>, last: Option<&str>) -> String {
    let f = first.map(|d| when(Some(d)));
    let l = last.map(|d| when(Some(d)));
    match (f, l) {
        (Some(f), Some(l)) if f != l => format!("{f} → {l}"),
        (Some(f), _) => f,
        (None, Some(l)) => l,
        (None, None) => "undated".into(),
    }
}

/// A pager: "Newer / page x of y / Older" links keeping the other parameters.
pub(crate) fn pager(
    path: &str,
    keep: &[(&str, &str)],
    page: u64,
    limit: u64,
    total: u64,
) -> String {
    let pages = total.div_ceil(limit.max(1)).max(1);
    if pages <= 1 {
        return String::new();
    }
    let link = |p: u64, label: &str, rel: &str| {
        let ps = p.to_string();
        let mut pairs: Vec<(&str, &str)> = keep.to_vec();
        pairs.push(("page", &ps));
        format!(
            "<a rel=\"{rel}\" href=\"{path}{}\">{label}</a>",
            esc(&qs(&pairs))
        )
    };
    let mut out = String::from("<nav class=\"pager\" aria-label=\"Pages\">");
    if page > 1 {
        out.push_str(&link(page - 1, "← Previous", "prev"));
    }
    let _ = write!(out, "<span>Page {page} of {}</span>", thousands(pages));
    if page < pages {
        out.push_str(&link(page + 1, "Next →", "next"));
    }
    out.push_str("</nav>");
    out
}

/// A sparkline of daily counts (oldest first) as inline SVG, with a text equivalent.
pub(crate) fn sparkline(counts: &[u64], label: &str) -> String {
    let (w, h) = (120.0_f64, 24.0_f64);
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let n = counts.len().max(2) as f64;
    let pts: Vec<String> = counts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let x = i as f64 * (w - 2.0) / (n - 1.0) + 1.0;
            let y = h - 2.0 - (*c as f64 / max) * (h - 4.0);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    format!(
        "<svg class=\"spark\" width=\"120\" height=\"24\" viewBox=\"0 0 120 24\" role=\"img\" \
aria-label=\"{}\"><title>{}</title><polyline fill=\"none\" stroke=\"#a63a22\" \
stroke-width=\"1.5\" points=\"{}\"/></svg>",
        esc(label),
        esc(label),
        pts.join(" ")
    )
}

/// The grain of a time chart's bars: a day, an ISO week (from Monday) or a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grain {
    Day,
    Week,
    Month,
}

impl Grain {
    /// Days up to six weeks, weeks up to a year and a half, months beyond (so a chart
    /// keeps bars wide enough to see on a phone).
    fn for_span(days: i64) -> Self {
        match days {
            d if d <= 45 => Grain::Day,
            d if d <= 548 => Grain::Week,
            _ => Grain::Month,
        }
    }

    fn start(self, d: chrono::NaiveDate) -> chrono::NaiveDate {
        use chrono::Datelike;
        match self {
            Grain::Day => d,
            Grain::Week => {
                d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
            }
            Grain::Month => d.with_day(1).unwrap_or(d),
        }
    }

    fn next(self, d: chrono::NaiveDate) -> chrono::NaiveDate {
        match self {
            Grain::Day => d + chrono::Duration::days(1),
            Grain::Week => d + chrono::Duration::days(7),
            Grain::Month => d
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(d + chrono::Duration::days(31)),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
        }
    }

    fn label(self, d: chrono::NaiveDate) -> String {
        match self {
            Grain::Month => d.format("%b %Y").to_string(),
            _ => d.format("%-d %b").to_string(),
        }
    }
}

/// A bar chart of a story's articles over time, bars stacked by outlet, as inline SVG:
/// one bar a day (a week, a month over longer spans), empty days included so gaps show.
/// `days` is `(YYYY-MM-DD, [(outlet, n)])` oldest first.
pub(crate) fn day_chart(days: &[(String, Vec<(String, u64)>)]) -> String {
    use chrono::NaiveDate;
    const COLOURS: [&str; 6] = [
        "#a63a22", "#1a4f8b", "#2f8a3c", "#b8861d", "#6b3fa0", "#58616c",
    ];
    let dated: Vec<(NaiveDate, &Vec<(String, u64)>)> = days
        .iter()
        .filter_map(|(d, p)| Some((NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()?, p)))
        .collect();
    let (Some(lo), Some(hi)) = (
        dated.iter().map(|d| d.0).min(),
        dated.iter().map(|d| d.0).max(),
    ) else {
        return "<p class=\"muted\">No dated articles.</p>".into();
    };
    let grain = Grain::for_span((hi - lo).num_days());
    let mut outlets: Vec<&str> = Vec::new();
    let mut buckets: Vec<(NaiveDate, Vec<(usize, u64)>)> = Vec::new();
    let mut d = grain.start(lo);
    while d <= hi {
        buckets.push((d, Vec::new()));
        d = grain.next(d);
    }
    for (day, parts) in &dated {
        let start = grain.start(*day);
        let Some(b) = buckets.iter_mut().find(|b| b.0 == start) else {
            continue;
        };
        for (o, n) in parts.iter() {
            let k = match outlets.iter().position(|x| x == o) {
                Some(k) => k,
                None => {
                    outlets.push(o);
                    outlets.len() - 1
                }
            };
            match b.1.iter_mut().find(|p| p.0 == k) {
                Some(p) => p.1 += n,
                None => b.1.push((k, *n)),
            }
        }
    }
    let max = buckets
        .iter()
        .map(|(_, p)| p.iter().map(|x| x.1).sum::<u64>())
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let n = buckets.len() as f64;
    let step = (440.0 / n).clamp(4.0, 44.0);
    let bw = (step * 0.8).max(3.0);
    let (left, h) = (30.0, 110.0);
    let w = left + n * step + 10.0;
    let what = format!("Articles per {} by outlet", grain.name());
    let mut svg = format!(
        "<svg class=\"days\" width=\"{w:.0}\" height=\"{:.0}\" viewBox=\"0 0 {w:.0} {:.0}\" role=\"img\" \
aria-label=\"{what}\"><title>{what}</title>\
<text x=\"{:.0}\" y=\"14\" font-size=\"12\" fill=\"#58616c\" text-anchor=\"end\">{}</text>\
<line x1=\"{left}\" x2=\"{w:.0}\" y1=\"10\" y2=\"10\" stroke=\"#dde1e6\"/>\
<line x1=\"{left}\" x2=\"{w:.0}\" y1=\"{:.0}\" y2=\"{:.0}\" stroke=\"#8a939d\"/>",
        h + 34.0,
        h + 34.0,
        left - 4.0,
        max as u64,
        h + 10.0,
        h + 10.0,
    );
    // labels at least 56 px apart, the first and last always
    let stride = (56.0 / step).ceil().max(1.0) as usize;
    let last = buckets.len() - 1;
    for (i, (day, parts)) in buckets.iter().enumerate() {
        let x = left + i as f64 * step + (step - bw) / 2.0;
        let mut y = h + 10.0;
        for (k, cnt) in parts {
            let bh = *cnt as f64 / max * h;
            y -= bh;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" fill=\"{}\"><title>{} {}: {}, {}</title></rect>",
                COLOURS[k % COLOURS.len()],
                grain.name(),
                day,
                count(*cnt, "article", "articles"),
                esc(outlets[*k])
            );
        }
        let near_last = i != last && last - i < stride;
        if (i % stride == 0 && !near_last) || i == last {
            let anchor = if i == last && i > 0 { "end" } else { "start" };
            let tx = if anchor == "end" { x + bw } else { x };
            let _ = write!(
                svg,
                "<text x=\"{tx:.1}\" y=\"{:.0}\" font-size=\"12\" fill=\"#58616c\" text-anchor=\"{anchor}\">{}</text>",
                h + 26.0,
                esc(&grain.label(*day))
            );
        }
    }
    svg.push_str("</svg>");
    if outlets.len() > 1 {
        svg.push_str("<p class=\"legend muted\">");
        for (i, o) in outlets.iter().enumerate() {
            let _ = write!(
                svg,
                "<span><span style=\"color:{}\" aria-hidden=\"true\">■</span> {}</span>",
                COLOURS[i % COLOURS.len()],
                esc(o)
            );
        }
        svg.push_str("</p>");
    }
    svg
}

/// One bar of the roles chart: a role held from `first` to `last` (store date values:
/// `2025-03-06`, a timestamp, `2025-03`, `2025-W10`, `2025`).
pub(crate) struct RoleBar {
    /// "Menteri Luar Negeri (Indonesia)", already plain text (escaped here).
    pub label: String,
    pub first: String,
    pub last: String,
    pub articles: usize,
}

/// The days a date value covers, as days since the common era, or `None` for a value
/// that is no calendar date (`PRESENT_REF`, an empty string).
fn day_range(v: &str) -> Option<(i32, i32)> {
    use chrono::{Datelike, NaiveDate, Weekday};
    let b = v.as_bytes();
    let num = |r: std::ops::Range<usize>| v.get(r).and_then(|x| x.parse::<u32>().ok());
    let year = num(0..4)? as i32;
    let days = |d: NaiveDate| d.num_days_from_ce();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let d = NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)?;
        return Some((days(d), days(d)));
    }
    if b.len() == 8 && &v[4..6] == "-W" {
        let w = num(6..8)?;
        let mon = NaiveDate::from_isoywd_opt(year, w, Weekday::Mon)?;
        let sun = NaiveDate::from_isoywd_opt(year, w, Weekday::Sun)?;
        return Some((days(mon), days(sun)));
    }
    if b.len() == 7 && b[4] == b'-' {
        let m = num(5..7)?;
        let start = NaiveDate::from_ymd_opt(year, m, 1)?;
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, m + 1, 1)?
        };
        return Some((days(start), days(next) - 1));
    }
    if b.len() == 4 {
        let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let end = NaiveDate::from_ymd_opt(year, 12, 31)?;
        return Some((days(start), days(end)));
    }
    None
}

/// Axis ticks over `[lo, hi]` (days since the common era): month starts, or year starts
/// over long spans, or a few days over short ones; at most about seven.
fn ticks(lo: i32, hi: i32) -> Vec<(i32, String)> {
    use chrono::{Datelike, NaiveDate};
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(a) = NaiveDate::from_num_days_from_ce_opt(lo) else {
        return vec![];
    };
    let span = hi - lo;
    let mut out = Vec::new();
    if span < 60 {
        let step = (span / 4).max(1);
        let mut d = lo;
        while d <= hi {
            if let Some(x) = NaiveDate::from_num_days_from_ce_opt(d) {
                out.push((d, format!("{} {}", x.day(), MONTHS[x.month0() as usize])));
            }
            d += step;
        }
        return out;
    }
    let months_per_tick = match span {
        s if s > 365 * 4 => 12 * (1 + s / (365 * 7)),
        s if s > 365 * 2 => 12,
        s if s > 365 => 3,
        s if s > 200 => 2,
        _ => 1,
    } as u32;
    let (mut y, mut m) = (a.year(), a.month0());
    loop {
        m += 1;
        if m == 12 {
            m = 0;
            y += 1;
        }
        if m % months_per_tick.min(12) != 0 {
            continue;
        }
        let Some(d) = NaiveDate::from_ymd_opt(y, m + 1, 1) else {
            break;
        };
        let day = d.num_days_from_ce();
        if day > hi {
            break;
        }
        if months_per_tick > 12 && y % (months_per_tick / 12) as i32 != 0 {
            continue;
        }
        let label = if m == 0 {
            y.to_string()
        } else {
            format!("{} {y}", MONTHS[m as usize])
        };
        out.push((day, label));
    }
    out
}

/// The roles an entity held over time as an SVG chart: one labelled row per role, a bar
/// from the first to the last date it was reported (a dot for one day), a month or year
/// axis. Roles without a calendar date are left out (the table beside it lists them).
pub(crate) fn role_chart(bars: &[RoleBar]) -> String {
    let rows: Vec<(&RoleBar, i32, i32)> = bars
        .iter()
        .filter_map(|b| Some((b, day_range(&b.first)?.0, day_range(&b.last)?.1)))
        .filter(|(_, a, z)| a <= z)
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let lo = rows.iter().map(|r| r.1).min().unwrap_or(0);
    let hi = rows.iter().map(|r| r.2).max().unwrap_or(0);
    let (w, left, right, row_h, top) = (480.0_f64, 8.0, 16.0, 36.0, 6.0);
    let span = f64::from((hi - lo).max(1));
    let x = |d: i32| left + f64::from(d - lo) / span * (w - left - right);
    let axis_y = top + rows.len() as f64 * row_h + 4.0;
    let h = axis_y + 22.0;
    let mut svg = format!(
        "<svg class=\"roles\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" \
role=\"img\" aria-labelledby=\"roles-title\"><title id=\"roles-title\">Roles over time: {}</title>",
        esc(&count(rows.len() as u64, "role", "roles"))
    );
    for (i, (t, label)) in ticks(lo, hi).iter().enumerate() {
        let tx = x(*t);
        let anchor = if tx > w - 60.0 {
            "end"
        } else if i == 0 && tx < 30.0 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            svg,
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{top}\" y2=\"{axis_y:.1}\" stroke=\"#dde1e6\"/>\
<text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#58616c\" text-anchor=\"{anchor}\">{}</text>",
            axis_y + 15.0,
            esc(label)
        );
    }
    let _ = write!(
        svg,
        "<line x1=\"{left}\" x2=\"{:.1}\" y1=\"{axis_y:.1}\" y2=\"{axis_y:.1}\" stroke=\"#8a939d\"/>",
        w - right
    );
    for (i, (b, a, z)) in rows.iter().enumerate() {
        let y = top + i as f64 * row_h;
        let (xa, xz) = (x(*a), x(*z));
        let tip = format!(
            "{}: {}, {}",
            b.label,
            span_text(&b.first, &b.last),
            count(b.articles as u64, "article", "articles")
        );
        let _ = write!(
            svg,
            "<g><title>{}</title><text x=\"{left}\" y=\"{:.1}\" font-size=\"13\" fill=\"#1d232b\">{}</text>",
            esc(&tip),
            y + 12.0,
            esc(&b.label)
        );
        if xz - xa < 6.0 {
            let _ = write!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"#a63a22\"/></g>",
                (xa + xz) / 2.0,
                y + 23.0
            );
        } else {
            let _ = write!(
                svg,
                "<rect x=\"{xa:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" rx=\"3\" fill=\"#a63a22\"/></g>",
                y + 18.0,
                xz - xa
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn span_text(first: &str, last: &str) -> String {
    span(Some(first), Some(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            esc("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(qs(&[("q", "a b&c"), ("x", "")]), "?q=a+b%26c");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(when(Some("2026-05-29T22:02:00+07:00")), "2026-05-29 22:02");
        assert_eq!(when(Some("PRESENT_REF")), "now");
        assert_eq!(span(Some("2026-05-01"), Some("2026-05-01")), "2026-05-01");
        assert_eq!(count(0, "outlet", "outlets"), "no outlets");
        assert_eq!(thousands(6227), "6,227");
    }

    #[test]
    fn story_chart_shows_empty_days_and_coarser_bars_over_long_spans() {
        let day = |d: &str, n: u64| (d.to_string(), vec![("A".to_string(), n)]);
        let svg = day_chart(&[day("2025-03-01", 2), day("2025-03-05", 1)]);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("per day") && svg.contains("1 Mar") && svg.contains("5 Mar"));
        // bars sit at their day: the 5th is four steps right of the 1st
        let xs: Vec<f64> = svg
            .match_indices("<rect x=\"")
            .map(|(i, m)| {
                svg[i + m.len()..]
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect();
        let step = (440.0_f64 / 5.0).clamp(4.0, 44.0);
        assert!((xs[1] - xs[0] - 4.0 * step).abs() < 0.2, "{xs:?}");
        let long = day_chart(&[
            day("2024-01-03", 1),
            day("2024-01-04", 2),
            day("2024-09-30", 1),
        ]);
        assert!(long.contains("per week"), "{long}");
        assert!(long.contains("week 2024-01-01: 3 articles"), "{long}");
        assert!(day_chart(&[day("2020-01-01", 1), day("2024-01-01", 1)]).contains("per month"));
        assert!(day_chart(&[]).contains("No dated articles"));
    }

    #[test]
    fn role_dates_of_every_grain_become_day_ranges() {
        let day = |v: &str| day_range(v).unwrap();
        assert_eq!(day("2025-03-06").0, day("2025-03-06T10:00:00+07:00").0);
        assert_eq!(day("2025-03").1 - day("2025-03").0, 30);
        assert_eq!(day("2025-W10").1 - day("2025-W10").0, 6);
        assert_eq!(day("2025-W10").0, day("2025-03-03").0);
        assert_eq!(day("2024").1 - day("2024").0, 365);
        assert_eq!(day_range("PRESENT_REF"), None);
        assert_eq!(day_range(""), None);
    }

    #[test]
    fn role_chart_draws_a_bar_per_dated_role_on_a_month_axis() {
        let bar = |label: &str, first: &str, last: &str| RoleBar {
            label: label.into(),
            first: first.into(),
            last: last.into(),
            articles: 2,
        };
        let svg = role_chart(&[
            bar("Menteri <b>Luar</b> Negeri", "2025-01-16", "2025-07-15"),
            bar("Juru bicara", "2025-03-06", "2025-03-06"),
            bar("Ketua", "PRESENT_REF", "PRESENT_REF"),
        ]);
        assert_eq!(svg.matches("<rect").count(), 1, "{svg}");
        assert_eq!(svg.matches("<circle").count(), 1, "{svg}");
        assert!(svg.contains("Menteri &lt;b&gt;Luar&lt;/b&gt; Negeri"));
        assert!(!svg.contains("Ketua"), "undated roles are not drawn");
        for m in ["Feb 2025", "Apr 2025", "Jul 2025"] {
            assert!(svg.contains(m), "tick {m} missing: {svg}");
        }
        assert_eq!(role_chart(&[bar("Ketua", "PRESENT_REF", "")]), "");
    }
}
