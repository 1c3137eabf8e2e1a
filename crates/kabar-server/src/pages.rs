//! The web app: server-rendered HTML pages with real URLs (bookmarkable, the back button
//! works, no script). Every page loads only what it shows: one page of rows, the names of
//! the entities on screen.

use crate::api::{article_out, event_out, resolve};
use crate::html::{self, enc, esc, page, pager, qs, Nav};
use crate::params::{given, ListQuery};
use crate::{run_store, ApiError, Pool};
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use kabar_query::prelude::*;
use kabar_query::Backend;
use kabar_query::{ArticleRow, EventRow, StorySummary};
use kabar_store::StoreError;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

type P = State<Arc<Pool>>;
type Names = BTreeMap<String, String>;

/// An HTML page, or an HTML error page with the error's status.
pub(crate) fn respond(r: Result<String, ApiError>) -> Response {
    match r {
        Ok(body) => Html(body).into_response(),
        Err(ApiError(status, msg)) => {
            let title = status.canonical_reason().unwrap_or("Error");
            let body = format!(
                "<h1>{}</h1><p class=\"err\">{}</p><p><a href=\"/\">Home</a> · <a href=\"/stories\">Stories</a></p>",
                esc(title),
                esc(&msg)
            );
            (status, Html(page(title, Nav::Home, "", &body))).into_response()
        }
    }
}

/// A link to an entity, by name when known.
fn ent_link(id: &str, names: &Names) -> String {
    format!(
        "<a href=\"/entities/{}\">{}</a>",
        enc(id),
        esc(names.get(id).map(String::as_str).unwrap_or(id))
    )
}

fn ent_links(ids: &[String], names: &Names) -> String {
    ids.iter()
        .map(|i| ent_link(i, names))
        .collect::<Vec<_>>()
        .join(", ")
}

fn title_or(t: Option<&str>) -> String {
    esc(&titled(t, "(untitled)"))
}

/// A record's title, or `none` when it has none or only blanks (or a lone dash).
fn titled(t: Option<&str>, none: &str) -> String {
    t.map(str::trim)
        .filter(|t| !t.is_empty() && !matches!(*t, "—" | "-" | "–"))
        .unwrap_or(none)
        .to_string()
}

// ---------- lists ----------

/// The filter form of a list page.
fn filter_form(path: &str, q: &ListQuery, outlets: &[(String, u64)], sorts: &[&str]) -> String {
    let v = |x: &Option<String>| esc(given(x).unwrap_or(""));
    let mut f = format!(
        "<form class=\"filters\" method=\"get\" action=\"{path}\" aria-label=\"Filters\">\
<label>From<input type=\"date\" name=\"from\" value=\"{}\"></label>\
<label>To<input type=\"date\" name=\"to\" value=\"{}\"></label>",
        v(&q.from),
        v(&q.to)
    );
    if path == "/search" {
        let _ = write!(
            f,
            "<input type=\"hidden\" name=\"q\" value=\"{}\">",
            v(&q.q)
        );
    }
    if !outlets.is_empty() {
        f.push_str("<label>Outlet<select name=\"outlet\"><option value=\"\">any</option>");
        for (o, n) in outlets {
            let sel = if given(&q.outlet) == Some(o.as_str()) {
                " selected"
            } else {
                ""
            };
            let _ = write!(
                f,
                "<option value=\"{}\"{sel}>{} ({})</option>",
                esc(o),
                esc(o),
                html::thousands(*n)
            );
        }
        f.push_str("</select></label>");
    }
    let _ = write!(
        f,
        "<label>Entity<input name=\"entity\" value=\"{}\" placeholder=\"name or ID\"></label>",
        v(&q.entity)
    );
    f.push_str("<label>Language<select name=\"lang\">");
    for (val, label) in [("", "any"), ("id", "Indonesian"), ("en", "English")] {
        let sel = if given(&q.lang).unwrap_or("") == val {
            " selected"
        } else {
            ""
        };
        let _ = write!(f, "<option value=\"{val}\"{sel}>{label}</option>");
    }
    f.push_str("</select></label>");
    if !sorts.is_empty() {
        f.push_str("<label>Sort<select name=\"sort\">");
        for s in sorts {
            let sel = if given(&q.sort).unwrap_or(sorts[0]) == *s {
                " selected"
            } else {
                ""
            };
            let label = match *s {
                "growth" => "fastest-growing",
                "biggest" => "biggest",
                "oldest" => "oldest",
                _ => "latest",
            };
            let _ = write!(f, "<option value=\"{s}\"{sel}>{label}</option>");
        }
        f.push_str("</select></label>");
    }
    f.push_str("<button type=\"submit\">Apply</button></form>");
    f
}

fn keep_pairs(q: &ListQuery) -> Vec<(&'static str, String)> {
    q.keep()
}

fn pager_of(path: &str, q: &ListQuery, page_no: u64, req: PageReq, total: u64) -> String {
    let keep = keep_pairs(q);
    let pairs: Vec<(&str, &str)> = keep.iter().map(|(k, v)| (*k, v.as_str())).collect();
    pager(path, &pairs, page_no, req.limit, total)
}

fn story_item(s: &StorySummary, spark: Option<&str>) -> String {
    let mut li = format!(
        "<li><a href=\"/stories/{}\">{}</a>{}<div class=\"muted\">{} · {} · {}",
        enc(&s.id),
        title_or(s.title.as_deref()),
        spark.unwrap_or(""),
        esc(&html::span(s.first.as_deref(), s.last.as_deref())),
        html::count(s.events.len() as u64, "event", "events"),
        html::count(s.articles.len() as u64, "article", "articles"),
    );
    if s.outlets > 1 {
        let _ = write!(li, " · {} outlets", s.outlets);
    }
    if s.growth > 0 {
        let _ = write!(
            li,
            " · +{} in the last {} days",
            s.growth,
            kabar_query::GROWTH_DAYS
        );
    }
    li.push_str("</div></li>");
    li
}

fn showing(total: u64, req: PageReq, n: usize, one: &str, many: &str) -> String {
    if total == 0 {
        return format!("<p class=\"muted\">No {many} match.</p>");
    }
    format!(
        "<p class=\"muted\">{} – {} of {}</p>",
        html::thousands(req.offset + 1),
        html::thousands(req.offset + n as u64),
        html::count(total, one, many)
    )
}

async fn stories(State(pool): P, Query(q): Query<ListQuery>) -> Response {
    respond(stories_page(pool, q).await)
}

async fn stories_page(pool: Arc<Pool>, q: ListQuery) -> Result<String, ApiError> {
    let (req, page_no) = q.page()?;
    let (f, sort) = (q.filter()?, q.sort(Sort::Latest)?);
    let (list, outlets) = run_store(pool, move |s| {
        Ok((s.story_page(&resolve(s, f)?, sort, req)?, s.outlets()?))
    })
    .await?;
    let mut body = String::from("<h1>Stories</h1>");
    body.push_str(&filter_form(
        "/stories",
        &q,
        &outlets,
        &["latest", "growth", "biggest", "oldest"],
    ));
    body.push_str(&showing(
        list.total,
        req,
        list.items.len(),
        "story",
        "stories",
    ));
    body.push_str("<ol class=\"rows\">");
    for s in &list.items {
        body.push_str(&story_item(s, None));
    }
    body.push_str("</ol>");
    body.push_str(&pager_of("/stories", &q, page_no, req, list.total));
    Ok(page("Stories", Nav::Stories, "", &body))
}

fn event_item(e: &EventRow, story_link: bool) -> String {
    let mut li = format!(
        "<li><a href=\"/events/{}\">{}</a><div class=\"muted\">{} · {}",
        enc(&e.id),
        title_or(e.title.as_deref()),
        esc(&html::span(e.first.as_deref(), e.last.as_deref())),
        html::count(e.articles.len() as u64, "article", "articles"),
    );
    if e.outlets > 1 {
        let _ = write!(li, " · {} outlets", e.outlets);
    }
    if let Some(s) = e.story.as_ref().filter(|_| story_link) {
        let _ = write!(li, " · <a href=\"/stories/{}\">story</a>", enc(s));
    }
    li.push_str("</div></li>");
    li
}

async fn events(State(pool): P, Query(q): Query<ListQuery>) -> Response {
    respond(events_page(pool, q).await)
}

async fn events_page(pool: Arc<Pool>, q: ListQuery) -> Result<String, ApiError> {
    let (req, page_no) = q.page()?;
    let (f, sort) = (q.filter()?, q.sort(Sort::Latest)?);
    let (list, outlets) = run_store(pool, move |s| {
        Ok((
            s.event_page(&resolve(s, f)?, sort, None, req)?,
            s.outlets()?,
        ))
    })
    .await?;
    let mut body = String::from("<h1>Events</h1>");
    body.push_str(&filter_form(
        "/events",
        &q,
        &outlets,
        &["latest", "biggest", "oldest"],
    ));
    body.push_str(&showing(
        list.total,
        req,
        list.items.len(),
        "event",
        "events",
    ));
    body.push_str("<ol class=\"rows\">");
    for e in &list.items {
        body.push_str(&event_item(e, true));
    }
    body.push_str("</ol>");
    body.push_str(&pager_of("/events", &q, page_no, req, list.total));
    Ok(page("Events", Nav::Events, "", &body))
}

/// An article row; `links` adds its event and story (left out on the event's own page,
/// where every row would point back to the page itself).
fn article_item(a: &ArticleRow, links: bool) -> String {
    let mut li = format!(
        "<li><a href=\"/articles/{}\">{}</a><div class=\"muted\">{}",
        enc(&a.id),
        title_or(a.title.as_deref()),
        esc(&html::when(a.published.as_deref())),
    );
    if let Some(o) = a.outlet.as_deref().filter(|o| !o.is_empty()) {
        let _ = write!(li, " · {}", esc(o));
    }
    if let Some(d) = &a.duplicate_of {
        let _ = write!(
            li,
            " · copy of <a href=\"/articles/{}\">an earlier article</a>",
            enc(d)
        );
    }
    if let Some(e) = a.event.as_ref().filter(|_| links) {
        let _ = write!(li, " · <a href=\"/events/{}\">event</a>", enc(e));
    }
    if let Some(s) = a.story.as_ref().filter(|_| links) {
        let _ = write!(li, " · <a href=\"/stories/{}\">story</a>", enc(s));
    }
    li.push_str("</div></li>");
    li
}

async fn articles(State(pool): P, Query(q): Query<ListQuery>) -> Response {
    respond(articles_page(pool, q).await)
}

async fn articles_page(pool: Arc<Pool>, q: ListQuery) -> Result<String, ApiError> {
    let (req, page_no) = q.page()?;
    let (f, sort) = (q.filter()?, q.sort(Sort::Latest)?);
    let (list, outlets) = run_store(pool, move |s| {
        Ok((
            s.article_page(&resolve(s, f)?, sort, None, req)?,
            s.outlets()?,
        ))
    })
    .await?;
    let mut body = String::from("<h1>Articles</h1>");
    body.push_str(&filter_form(
        "/articles",
        &q,
        &outlets,
        &["latest", "oldest"],
    ));
    body.push_str(&showing(
        list.total,
        req,
        list.items.len(),
        "article",
        "articles",
    ));
    body.push_str("<ol class=\"rows\">");
    for a in &list.items {
        body.push_str(&article_item(a, true));
    }
    body.push_str("</ol>");
    body.push_str(&pager_of("/articles", &q, page_no, req, list.total));
    Ok(page("Articles", Nav::Articles, "", &body))
}

async fn entities(State(pool): P, Query(q): Query<ListQuery>) -> Response {
    respond(entities_page(pool, q).await)
}

async fn entities_page(pool: Arc<Pool>, q: ListQuery) -> Result<String, ApiError> {
    let (req, page_no) = q.page()?;
    let f = q.filter()?;
    let kind = given(&q.kind).map(str::to_uppercase);
    let name = given(&q.q).map(str::to_string);
    let (k2, n2) = (kind.clone(), name.clone());
    let list = run_store(pool, move |s| {
        s.entity_page(&f, k2.as_deref(), n2.as_deref(), req)
    })
    .await?;
    let mut body = String::from("<h1>Entities</h1>");
    let _ = write!(
        body,
        "<form class=\"filters\" method=\"get\" action=\"/entities\" aria-label=\"Filters\">\
<label>Name contains<input name=\"q\" value=\"{}\"></label><label>Type<select name=\"type\">",
        esc(name.as_deref().unwrap_or(""))
    );
    for (val, label) in [
        ("", "any"),
        ("PER", "people"),
        ("ORG", "organisations"),
        ("GPE", "countries, cities"),
        ("LOC", "places"),
    ] {
        let sel = if kind.as_deref().unwrap_or("") == val {
            " selected"
        } else {
            ""
        };
        let _ = write!(body, "<option value=\"{val}\"{sel}>{label}</option>");
    }
    body.push_str("</select></label><button type=\"submit\">Apply</button></form>");
    body.push_str(&showing(
        list.total,
        req,
        list.items.len(),
        "entity",
        "entities",
    ));
    body.push_str("<ol class=\"rows\">");
    for e in &list.items {
        let _ = write!(
            body,
            "<li><span class=\"tag\">{}</span><a href=\"/entities/{}\">{}</a><div class=\"muted\">{} in {}{}</div></li>",
            esc(&e.kind),
            enc(&e.id),
            esc(&e.name),
            html::count(e.mentions as u64, "mention", "mentions"),
            html::count(e.articles as u64, "article", "articles"),
            if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" · also {}", esc(&e.aliases.join(", ")))
            }
        );
    }
    body.push_str("</ol>");
    body.push_str(&pager_of("/entities", &q, page_no, req, list.total));
    Ok(page("Entities", Nav::Entities, "", &body))
}

async fn search(State(pool): P, Query(q): Query<ListQuery>) -> Response {
    respond(search_page(pool, q).await)
}

/// A search snippet: matches (between U+0002 and U+0003) in `<mark>`, the rest escaped.
fn snippet_html(s: &str) -> String {
    esc(s)
        .replace('\u{2}', "<mark>")
        .replace('\u{3}', "</mark>")
}

async fn search_page(pool: Arc<Pool>, q: ListQuery) -> Result<String, ApiError> {
    let text = given(&q.q).unwrap_or("").to_string();
    let (mut req, page_no) = q.page()?;
    if q.limit.is_none() {
        req.limit = crate::DEFAULT_SEARCH_LIMIT;
        req.offset = (page_no - 1) * req.limit;
    }
    let f = q.filter()?;
    let t2 = text.clone();
    let (hits, outlets) = run_store(pool, move |s| {
        let f = resolve(s, f)?;
        Ok((s.search_page(&t2, &f, req)?, s.outlets()?))
    })
    .await?;
    let mut body = format!(
        "<h1>Search{}</h1>",
        if text.is_empty() {
            String::new()
        } else {
            format!(": “{}”", esc(&text))
        }
    );
    body.push_str(&filter_form("/search", &q, &outlets, &[]));
    if text.is_empty() {
        body.push_str("<p class=\"muted\">Type words to look for in titles and texts.</p>");
    } else {
        body.push_str(&showing(
            hits.total,
            req,
            hits.items.len(),
            "article",
            "articles",
        ));
    }
    body.push_str("<ol class=\"rows\">");
    for h in &hits.items {
        let _ = write!(
            body,
            "<li><a href=\"/articles/{}\">{}</a><div class=\"muted\">{}</div></li>",
            enc(&h.article),
            title_or(h.title.as_deref()),
            snippet_html(&h.snippet)
        );
    }
    body.push_str("</ol>");
    let keep = keep_pairs(&q);
    let pairs: Vec<(&str, &str)> = keep.iter().map(|(k, v)| (*k, v.as_str())).collect();
    body.push_str(&pager("/search", &pairs, page_no, req.limit, hits.total));
    Ok(page("Search", Nav::Search, &text, &body))
}

// ---------- home ----------

async fn home(State(pool): P) -> Response {
    respond(home_page(pool).await)
}

/// Daily counts over `days` for a story, zeros filled.
fn daily(store: &dyn Backend, story: &str, days: &[String]) -> Result<Vec<u64>, StoreError> {
    let from = days.first().map(String::as_str);
    let mut by_day: BTreeMap<String, u64> = BTreeMap::new();
    for d in store.story_days(story, from)? {
        *by_day.entry(d.day).or_default() += d.articles;
    }
    Ok(days
        .iter()
        .map(|d| by_day.get(d).copied().unwrap_or(0))
        .collect())
}

struct HomeData {
    today: Option<String>,
    counts: BTreeMap<&'static str, i64>,
    day: Vec<(StorySummary, Vec<u64>)>,
    week: Vec<(StorySummary, Vec<u64>)>,
}

fn home_data(s: &dyn Backend) -> Result<HomeData, StoreError> {
    let counts = s.counts()?;
    let Some(today) = s.latest_day()? else {
        return Ok(HomeData {
            today: None,
            counts,
            day: vec![],
            week: vec![],
        });
    };
    let days = s.days_ending(&today, 14)?;
    let req = PageReq {
        offset: 0,
        limit: 10,
    };
    let mut lists = Vec::new();
    for back in [1usize, 7] {
        let from = days[days.len().saturating_sub(back)].clone();
        let f = Filter {
            from: Some(from),
            ..Filter::default()
        };
        let page = s.story_page(&f, Sort::Growth, req)?;
        let mut out = Vec::new();
        for st in page.items {
            let d = daily(s, &st.id, &days)?;
            out.push((st, d));
        }
        lists.push(out);
    }
    let week = lists.pop().unwrap_or_default();
    let day = lists.pop().unwrap_or_default();
    Ok(HomeData {
        today: Some(today),
        counts,
        day,
        week,
    })
}

async fn home_page(pool: Arc<Pool>) -> Result<String, ApiError> {
    let d = run_store(pool, home_data).await?;
    let n = |k: &str| d.counts.get(k).copied().unwrap_or(0) as u64;
    let mut body = String::from("<h1>What is new</h1>");
    let Some(today) = &d.today else {
        body.push_str("<p>The store holds no dated articles yet. Add some with <code>kabar ingest FILE</code>.</p>");
        return Ok(page("Home", Nav::Home, "", &body));
    };
    let _ = write!(
        body,
        "<p class=\"muted\">{} in {} and {}; the newest is from {}, which counts as today here.</p>",
        html::count(n("articles"), "article", "articles"),
        html::count(n("events"), "event", "events"),
        html::count(n("stories"), "story", "stories"),
        esc(today)
    );
    for (title, list, more) in [
        (
            "Active on the newest day",
            &d.day,
            format!("/stories{}", qs(&[("from", today), ("sort", "growth")])),
        ),
        (
            "Active in the last 7 days",
            &d.week,
            "/stories?sort=growth".to_string(),
        ),
    ] {
        let _ = write!(body, "<h2>{title}</h2><ol class=\"rows\">");
        if list.is_empty() {
            body.push_str("<li class=\"muted\">None.</li>");
        }
        for (s, counts) in list {
            let total: u64 = counts.iter().sum();
            let label = format!("{total} article(s) over the 14 days to {today}, one point a day");
            body.push_str(&story_item(s, Some(&html::sparkline(counts, &label))));
        }
        let _ = write!(
            body,
            "</ol><p><a href=\"{}\">More stories →</a></p>",
            esc(&more)
        );
    }
    Ok(page("Home", Nav::Home, "", &body))
}

// ---------- records ----------

async fn article(State(pool): P, UrlPath(id): UrlPath<String>) -> Response {
    respond(article_page(pool, id).await)
}

/// One highlight over `[start, end)` chars.
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
    entity: Option<String>,
}

/// The text with its marks as flat, never-crossing spans: the text is cut at every mark
/// boundary and each piece carries the classes of the marks over it (an entity's piece
/// links to its page). Everything else is escaped.
fn highlight(text: &str, marks: &[Mark]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut cuts: Vec<usize> = vec![0, n];
    for m in marks {
        cuts.push(m.start.min(n));
        cuts.push(m.end.min(n));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece: String = chars[a..b].iter().collect();
        let over: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.start <= a && m.end >= b && m.start < m.end)
            .collect();
        if over.is_empty() {
            out.push_str(&esc(&piece));
            continue;
        }
        let classes: Vec<&str> = over.iter().map(|m| m.class).collect();
        let titles: Vec<&str> = over.iter().map(|m| m.title.as_str()).collect();
        let tag = match over.iter().find_map(|m| m.entity.as_deref()) {
            Some(id) => format!("a href=\"/entities/{}\"", enc(id)),
            None => "span".to_string(),
        };
        let close = if tag.starts_with('a') { "a" } else { "span" };
        let _ = write!(
            out,
            "<{tag} class=\"{}\" title=\"{}\">{}</{close}>",
            classes.join(" "),
            esc(&titles.join("; ")),
            esc(&piece)
        );
    }
    out
}

/// A `lang` attribute for an article's text when it is not in the page's English, so
/// screen readers speak it with the right voice.
fn text_lang(code: &str) -> String {
    match code {
        "id" => " lang=\"id\"".into(),
        _ => String::new(),
    }
}

/// An enum's JSON name (`PER`, `read_also`), as the API writes it.
fn kind_name<T: serde::Serialize>(k: &T) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn article_marks(a: &kabar_core::Analysis, names: &Names) -> Vec<Mark> {
    let mut marks = Vec::new();
    for q in &a.quotes {
        let who = q
            .speaker
            .as_deref()
            .map(|s| names.get(s).cloned().unwrap_or_else(|| s.to_string()))
            .unwrap_or_else(|| "unknown speaker".into());
        marks.push(Mark {
            start: q.start,
            end: q.end,
            class: "m-quote",
            title: format!(
                "quote ({}) of {who}",
                if q.direct { "direct" } else { "reported" }
            ),
            entity: None,
        });
    }
    for e in &a.entities {
        for m in &e.mentions {
            marks.push(Mark {
                start: m.start,
                end: m.end,
                class: "m-ent",
                title: format!("{} ({})", e.name, kind_name(&e.kind)),
                entity: Some(e.id.clone()),
            });
        }
    }
    for t in &a.times {
        marks.push(Mark {
            start: t.start,
            end: t.end,
            class: "m-time",
            title: format!("time: {}", html::when(Some(&t.value))),
            entity: None,
        });
    }
    for x in &a.actions {
        marks.push(Mark {
            start: x.trigger.start,
            end: x.trigger.end,
            class: "m-act",
            title: format!(
                "{}{}: {}",
                if x.negated { "not " } else { "" },
                x.plover.name(),
                x.kind.replace('_', " ")
            ),
            entity: None,
        });
    }
    marks
}

async fn article_page(pool: Arc<Pool>, id: String) -> Result<String, ApiError> {
    let (a, names) = run_store(pool, move |s| {
        let a = article_out(s, &id)?;
        let mut ids: Vec<String> = a.analysis.entities.iter().map(|e| e.id.clone()).collect();
        for x in &a.analysis.actions {
            ids.extend(x.source.iter().cloned());
            ids.extend(x.target.iter().cloned());
        }
        ids.extend(a.analysis.quotes.iter().filter_map(|q| q.speaker.clone()));
        let names = s.names_of(&ids)?;
        Ok((a, names))
    })
    .await?;
    let an = &a.analysis;
    let title = titled(an.title.as_deref(), "(untitled)");
    let mut body = format!("<article><h1>{}</h1><p class=\"muted\">", esc(&title));
    let mut meta = Vec::new();
    if let Some(o) = an.outlet.as_deref().filter(|o| !o.is_empty()) {
        meta.push(esc(o));
    }
    meta.push(esc(&html::when(
        an.published.as_ref().map(|p| p.value.as_str()),
    )));
    if an.published.as_ref().is_some_and(|p| p.inferred) {
        meta.push("date inferred".into());
    }
    match kind_name(&an.lang).as_str() {
        "id" => meta.push("Indonesian".into()),
        "en" => meta.push("English".into()),
        _ => {}
    }
    if let Some(u) = an
        .url
        .as_deref()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    {
        meta.push(format!(
            "<a href=\"{}\" rel=\"noopener noreferrer nofollow\">source</a>",
            esc(u)
        ));
    }
    body.push_str(&meta.join(" · "));
    body.push_str("</p><p>");
    let mut links = Vec::new();
    if let Some(e) = &a.event {
        links.push(format!("<a href=\"/events/{}\">Its event</a>", enc(e)));
    }
    if let Some(s) = &a.story {
        links.push(format!("<a href=\"/stories/{}\">Its story</a>", enc(s)));
    }
    if let Some(d) = &a.duplicate_of {
        links.push(format!(
            "A copy of <a href=\"/articles/{}\">an earlier article</a>",
            enc(d)
        ));
    }
    let _ = write!(
        body,
        "{}</p><p class=\"legend muted\"><span class=\"m-ent\">entity</span> <span class=\"m-time\">time</span> <span class=\"m-act\">action</span> <span class=\"m-quote\">quote</span></p>",
        links.join(" · ")
    );
    let marks = article_marks(an, &names);
    let _ = write!(
        body,
        "<div class=\"text\"{}>{}</div></article>",
        text_lang(&kind_name(&an.lang)),
        highlight(&an.text, &marks)
    );
    if !an.warnings.is_empty() {
        body.push_str("<h2>Warnings</h2><ul>");
        for w in &an.warnings {
            let _ = write!(
                body,
                "<li><b>{}</b>: {}</li>",
                esc(&w.kind.replace('_', " ")),
                esc(&w.message)
            );
        }
        body.push_str("</ul>");
    }
    if !an.actions.is_empty() {
        body.push_str("<h2>Actions</h2><table><thead><tr><th>Date</th><th>Who</th><th>What</th><th>To whom</th></tr></thead><tbody>");
        for x in &an.actions {
            let _ = write!(
                body,
                "<tr><td class=\"date\">{}</td><td>{}</td><td><span class=\"tag\">{}</span>{}{}</td><td>{}</td></tr>",
                esc(&html::when(x.date.as_deref())),
                ent_links(&x.source, &names),
                esc(x.plover.name()),
                if x.negated { "not " } else { "" },
                esc(&x.kind.replace('_', " ")),
                ent_links(&x.target, &names)
            );
        }
        body.push_str("</tbody></table>");
    }
    if !an.removed.is_empty() {
        let _ = write!(
            body,
            "<details><summary>Removed boilerplate ({})</summary><ul>",
            an.removed.len()
        );
        for r in &an.removed {
            let kind = kind_name(&r.kind);
            let _ = write!(
                body,
                "<li><span class=\"tag\">{}</span>{}</li>",
                esc(&kind.replace('_', " ")),
                esc(&r.text)
            );
        }
        body.push_str("</ul></details>");
    }
    let _ = write!(
        body,
        "<p class=\"muted\"><a href=\"/api/v1/articles/{}\">This article as JSON</a></p>",
        enc(&an.id)
    );
    Ok(page(&title, Nav::Articles, "", &body))
}

async fn event(State(pool): P, UrlPath(id): UrlPath<String>) -> Response {
    respond(event_page(pool, id).await)
}

async fn event_page(pool: Arc<Pool>, id: String) -> Result<String, ApiError> {
    let e = run_store(pool, move |s| event_out(s, &id)).await?;
    let title = titled(e.event.title.as_deref(), "(untitled event)");
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\">Event · {} · {}",
        esc(&title),
        esc(&html::span(
            e.event.first.as_deref(),
            e.event.last.as_deref()
        )),
        html::count(e.event.articles.len() as u64, "article", "articles")
    );
    if let Some(s) = &e.event.story {
        let _ = write!(body, " · <a href=\"/stories/{}\">its story</a>", enc(s));
    }
    let _ = write!(
        body,
        " · <a href=\"/events/{}/compare\">compare outlets</a>",
        enc(&e.event.id)
    );
    body.push_str("</p><h2>Articles</h2><ol class=\"rows\">");
    // copies folded under their original
    let mut copies: BTreeMap<&str, Vec<&ArticleRow>> = BTreeMap::new();
    let ids: Vec<&str> = e.article_rows.iter().map(|a| a.id.as_str()).collect();
    for a in &e.article_rows {
        if let Some(d) = a.duplicate_of.as_deref().filter(|d| ids.contains(d)) {
            copies.entry(d).or_default().push(a);
        }
    }
    for a in &e.article_rows {
        if a.duplicate_of.as_deref().is_some_and(|d| ids.contains(&d)) {
            continue;
        }
        let mut li = article_item(a, false);
        if let Some(cs) = copies.get(a.id.as_str()) {
            let list: Vec<String> = cs
                .iter()
                .map(|c| {
                    format!(
                        "<a href=\"/articles/{}\">{}</a>",
                        enc(&c.id),
                        esc(format!(
                            "{} {}",
                            c.outlet.as_deref().unwrap_or(""),
                            html::when(c.published.as_deref())
                        )
                        .trim())
                    )
                })
                .collect();
            li = li.replace(
                "</div></li>",
                &format!(
                    "</div><details><summary>{}</summary>{}</details></li>",
                    html::count(cs.len() as u64, "copy", "copies"),
                    list.join(", ")
                ),
            );
        }
        body.push_str(&li);
    }
    body.push_str("</ol>");
    Ok(page(&title, Nav::Events, "", &body))
}

/// "N more" under a record part cut to its first `shown` items: "show all" (the page
/// again with `?limit=TOTAL`, when TOTAL is at most [`crate::MAX_LIMIT`]) and the next
/// items of that part in the API (`?part=NAME&offset=shown`); nothing when all show.
fn more(total: &Option<usize>, shown: usize, part: &str, page_url: &str, api_url: &str) -> String {
    match total {
        Some(t) if *t > shown => {
            let all = if *t as u64 <= crate::MAX_LIMIT {
                format!("<a href=\"{page_url}?limit={t}\">show all {t}</a> · ")
            } else {
                String::new()
            };
            format!(
                "<p class=\"more\">{} more: {all}<a href=\"{api_url}?part={part}&amp;offset={shown}\">the next as JSON</a></p>",
                *t - shown
            )
        }
        _ => String::new(),
    }
}

/// Items per part on a record page: `?limit=N` (1..500, larger lowered), else
/// [`kabar_query::PART_LIMIT`]; and whether it was given (then it also lifts the pages'
/// shorter quote lists).
fn part_limit(q: &ListQuery) -> Result<(usize, bool), ApiError> {
    match given(&q.limit) {
        None => Ok((kabar_query::PART_LIMIT, false)),
        Some(_) => Ok((q.page()?.0.limit as usize, true)),
    }
}

async fn story(
    State(pool): P,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<ListQuery>,
) -> Response {
    respond(story_page(pool, id, q).await)
}

async fn story_page(pool: Arc<Pool>, id: String, q: ListQuery) -> Result<String, ApiError> {
    let (limit, asked) = part_limit(&q)?;
    let quote_cap = if asked { limit } else { 30 };
    let p = pool.clone();
    let (st, days, names) = run_store(pool, move |s| {
        let st = p.cache.story(s, &id)?.bounded(limit);
        let mut by_day: Vec<(String, Vec<(String, u64)>)> = Vec::new();
        for d in s.story_days(&st.id, None)? {
            let o = d.outlet.unwrap_or_else(|| "unnamed outlet".into());
            match by_day.last_mut() {
                Some((day, parts)) if *day == d.day => parts.push((o, d.articles)),
                _ => by_day.push((d.day, vec![(o, d.articles)])),
            }
        }
        let mut ids: Vec<String> = Vec::new();
        for t in &st.timeline {
            ids.extend(t.source.iter().cloned());
            ids.extend(t.target.iter().cloned());
        }
        ids.extend(st.quotes.iter().filter_map(|q| q.speaker.clone()));
        let names = s.names_of(&ids)?;
        Ok((st, by_day, names))
    })
    .await?;
    let title = titled(st.title.as_deref(), "(untitled story)");
    let mut body = format!(
        "<h1>{}</h1><p>{}</p><p class=\"muted\"><a href=\"/stories/{}/compare\">Compare outlets</a>: who reported first, where they differ, how each names the same things</p><h2>Articles over time</h2>{}",
        esc(&title),
        esc(&st.summary),
        enc(&st.id),
        html::day_chart(&days)
    );
    body.push_str("<h2>Events</h2><ol class=\"rows\">");
    for e in &st.events {
        body.push_str(&event_item(e, false));
    }
    body.push_str("</ol>");
    body.push_str(&more(
        &st.totals.as_ref().map(|t| t.events),
        st.events.len(),
        "events",
        &format!("/stories/{}", enc(&st.id)),
        &format!("/api/v1/stories/{}", enc(&st.id)),
    ));
    body.push_str("<h2>Timeline</h2>");
    if st.timeline.is_empty() {
        body.push_str("<p class=\"muted\">No actions found.</p>");
    } else {
        body.push_str("<table><thead><tr><th>Date</th><th>What happened</th><th>Sources</th></tr></thead><tbody>");
        for t in &st.timeline {
            let who = ent_links(&t.source, &names);
            let whom = ent_links(&t.target, &names);
            let srcs: Vec<String> = t
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| format!("<a href=\"/articles/{}\">{}</a>", enc(a), i + 1))
                .collect();
            let _ = write!(
                body,
                "<tr><td class=\"date\">{}</td><td><span class=\"tag\">{}</span>{}{}<b>{}</b>{}<div class=\"muted\">“{}”</div></td><td>{}</td></tr>",
                esc(&html::when(t.date.as_deref())),
                esc(&t.plover),
                who,
                if who.is_empty() { "" } else { " " },
                esc(&t.kind.replace('_', " ")),
                if whom.is_empty() { String::new() } else { format!(" → {whom}") },
                esc(&t.text),
                srcs.join(" ")
            );
        }
        body.push_str("</tbody></table>");
        body.push_str(&more(
            &st.totals.as_ref().map(|t| t.timeline),
            st.timeline.len(),
            "timeline",
            &format!("/stories/{}", enc(&st.id)),
            &format!("/api/v1/stories/{}", enc(&st.id)),
        ));
    }
    body.push_str("<h2>Who</h2><p>");
    let who: Vec<String> = st
        .entities
        .iter()
        .take(30)
        .map(|e| {
            format!(
                "<span class=\"tag\">{}</span><a href=\"/entities/{}\">{}</a> ×{}",
                esc(&e.kind),
                enc(&e.id),
                esc(&e.name),
                e.mentions
            )
        })
        .collect();
    body.push_str(&who.join(" &nbsp; "));
    body.push_str("</p><h2>Quotes</h2>");
    if st.quotes.is_empty() {
        body.push_str("<p class=\"muted\">None.</p>");
    }
    body.push_str("<ul class=\"rows\">");
    for q in st.quotes.iter().take(quote_cap) {
        let who = q
            .speaker
            .as_deref()
            .map(|s| format!("{}: ", ent_link(s, &names)))
            .unwrap_or_default();
        let first = q
            .articles
            .first()
            .map(|a| {
                format!(
                    " <a class=\"muted\" href=\"/articles/{}\">source</a>",
                    enc(a)
                )
            })
            .unwrap_or_default();
        let _ = write!(
            body,
            "<li>{who}“{}”{first} <span class=\"muted\">{}</span></li>",
            esc(&q.text),
            html::count(q.articles.len() as u64, "article", "articles")
        );
    }
    body.push_str("</ul>");
    body.push_str(&more(
        &st.totals.as_ref().map(|t| t.quotes),
        st.quotes.len().min(quote_cap),
        "quotes",
        &format!("/stories/{}", enc(&st.id)),
        &format!("/api/v1/stories/{}", enc(&st.id)),
    ));
    Ok(page(&title, Nav::Stories, "", &body))
}

async fn entity(
    State(pool): P,
    UrlPath(id): UrlPath<String>,
    Query(q): Query<ListQuery>,
) -> Response {
    respond(entity_page(pool, id, q).await)
}

async fn entity_page(pool: Arc<Pool>, id: String, q: ListQuery) -> Result<String, ApiError> {
    let (limit, asked) = part_limit(&q)?;
    let quote_cap = if asked { limit } else { 50 };
    let p = pool.clone();
    let (e, names) = run_store(pool, move |s| {
        let e = p.cache.entity(s, &id)?.bounded(limit);
        let mut ids: Vec<String> = e.roles.iter().filter_map(|r| r.of.clone()).collect();
        for t in &e.timeline {
            ids.extend(t.source.iter().cloned());
            ids.extend(t.target.iter().cloned());
        }
        let names = s.names_of(&ids)?;
        Ok((e, names))
    })
    .await?;
    let en = &e.entity;
    let mut body = format!(
        "<h1>{} <span class=\"tag\">{}</span></h1><p class=\"muted\">{} in {}{}</p>\
<p><a href=\"/stories{}\">Stories</a> · <a href=\"/articles{}\">Articles</a> · <a href=\"/api/v1/entities/{}\">JSON</a></p>",
        esc(&en.name),
        esc(&en.kind),
        html::count(en.mentions as u64, "mention", "mentions"),
        html::count(en.articles as u64, "article", "articles"),
        if en.aliases.is_empty() {
            String::new()
        } else {
            format!(" · also written {}", esc(&en.aliases.join(", ")))
        },
        esc(&qs(&[("entity", &en.id)])),
        esc(&qs(&[("entity", &en.id)])),
        enc(&en.id)
    );
    body.push_str("<h2>Roles over time</h2>");
    if e.roles.is_empty() {
        body.push_str("<p class=\"muted\">None seen.</p>");
    } else {
        // the full number of each role's articles (the record lists the first ones)
        let n_articles = |i: usize| {
            e.totals
                .as_ref()
                .and_then(|t| t.role_articles.get(i).copied())
                .unwrap_or(e.roles[i].articles.len())
        };
        let bars: Vec<html::RoleBar> = e
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| html::RoleBar {
                label: match r.of.as_deref() {
                    Some(o) => format!(
                        "{} ({})",
                        r.title,
                        names.get(o).map(String::as_str).unwrap_or(o)
                    ),
                    None => r.title.clone(),
                },
                first: r.first.clone().unwrap_or_default(),
                last: r.last.clone().unwrap_or_default(),
                articles: n_articles(i),
            })
            .collect();
        body.push_str(&html::role_chart(&bars));
        body.push_str("<table><caption class=\"muted\">The same roles as a table</caption><thead><tr><th>When</th><th>Role</th><th>Reported in</th></tr></thead><tbody>");
        for (i, r) in e.roles.iter().enumerate() {
            let _ = write!(
                body,
                "<tr><td class=\"date\">{}</td><td>{}{}</td><td class=\"muted\">{}</td></tr>",
                esc(&html::span(r.first.as_deref(), r.last.as_deref())),
                esc(&r.title),
                r.of.as_deref()
                    .map(|o| format!(" ({})", ent_link(o, &names)))
                    .unwrap_or_default(),
                html::count(n_articles(i) as u64, "article", "articles")
            );
        }
        body.push_str("</tbody></table>");
        body.push_str(&more(
            &e.totals.as_ref().map(|t| t.roles),
            e.roles.len(),
            "roles",
            &format!("/entities/{}", enc(&en.id)),
            &format!("/api/v1/entities/{}", enc(&en.id)),
        ));
    }
    body.push_str("<h2>Timeline</h2>");
    if e.timeline.is_empty() {
        body.push_str("<p class=\"muted\">None.</p>");
    } else {
        body.push_str("<table><thead><tr><th>Date</th><th>What happened</th><th>Source</th></tr></thead><tbody>");
        for t in &e.timeline {
            let whom = ent_links(&t.target, &names);
            let _ = write!(
                body,
                "<tr><td class=\"date\">{}</td><td>{} <b>{}</b>{}</td><td>{}</td></tr>",
                esc(&html::when(t.date.as_deref())),
                ent_links(&t.source, &names),
                esc(&t.kind.replace('_', " ")),
                if whom.is_empty() {
                    String::new()
                } else {
                    format!(" → {whom}")
                },
                t.articles
                    .first()
                    .map(|a| format!("<a href=\"/articles/{}\">source</a>", enc(a)))
                    .unwrap_or_default()
            );
        }
        body.push_str("</tbody></table>");
        body.push_str(&more(
            &e.totals.as_ref().map(|t| t.timeline),
            e.timeline.len(),
            "timeline",
            &format!("/entities/{}", enc(&en.id)),
            &format!("/api/v1/entities/{}", enc(&en.id)),
        ));
    }
    body.push_str("<h2>Quotes</h2>");
    if e.quotes.is_empty() {
        body.push_str("<p class=\"muted\">None.</p>");
    }
    body.push_str("<ul class=\"rows\">");
    for q in e.quotes.iter().take(quote_cap) {
        let _ = write!(
            body,
            "<li>“{}”{}</li>",
            esc(&q.text),
            q.articles
                .first()
                .map(|a| format!(
                    " <a class=\"muted\" href=\"/articles/{}\">source</a>",
                    enc(a)
                ))
                .unwrap_or_default()
        );
    }
    body.push_str("</ul>");
    body.push_str(&more(
        &e.totals.as_ref().map(|t| t.quotes),
        e.quotes.len().min(quote_cap),
        "quotes",
        &format!("/entities/{}", enc(&en.id)),
        &format!("/api/v1/entities/{}", enc(&en.id)),
    ));
    body.push_str("<h2>Appears with</h2><p>");
    let rel: Vec<String> = e
        .related
        .iter()
        .map(|r| {
            format!(
                "<a href=\"/entities/{}\">{}</a> <span class=\"muted\">({})</span>",
                enc(&r.id),
                esc(&r.name),
                r.weight
            )
        })
        .collect();
    body.push_str(&rel.join(", "));
    body.push_str("</p>");
    Ok(page(&en.name, Nav::Entities, "", &body))
}

/// Not found, as an HTML page (the API's fallback answers JSON).
pub(crate) fn not_found_page() -> Response {
    respond(Err(ApiError(StatusCode::NOT_FOUND, "No such page.".into())))
}

/// The routes of the web app.
pub(crate) fn routes() -> Router<Arc<Pool>> {
    Router::new()
        .route("/", get(home))
        .route("/stories", get(stories))
        .route("/stories/{id}", get(story))
        .route("/events", get(events))
        .route("/events/{id}", get(event))
        .route("/articles", get(articles))
        .route("/articles/{id}", get(article))
        .route("/entities", get(entities))
        .route("/entities/{id}", get(entity))
        .route("/search", get(search))
}
