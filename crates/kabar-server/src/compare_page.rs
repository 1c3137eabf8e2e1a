//! The cross-outlet pages: `/events/{id}/compare` and `/stories/{id}/compare`, the HTML
//! of `kabar compare` (kabar-compare; docs/compare.md): who reported first and how much
//! later the others did, who copied whom, where the outlets disagree, how each names the
//! same entity or act, and the coverage matrix of facts by outlet.

use crate::html::{enc, esc, page, Nav};
use crate::{run_pooled, ApiError, Pool};
use axum::extract::{Path as UrlPath, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use kabar_compare::render::delay;
use kabar_compare::{compare_event, compare_story, Comparison, StoryComparison};
use std::fmt::Write as _;
use std::sync::Arc;

/// Facts shown in one event's coverage table (the most widely reported first).
const MAX_FACTS: usize = 60;

/// The routes, merged into the page router.
pub(crate) fn routes() -> Router<Arc<Pool>> {
    Router::new()
        .route("/events/{id}/compare", get(event))
        .route("/stories/{id}/compare", get(story))
}

async fn event(State(pool): State<Arc<Pool>>, UrlPath(id): UrlPath<String>) -> Response {
    crate::pages::respond(event_page(pool, id).await)
}

async fn story(State(pool): State<Arc<Pool>>, UrlPath(id): UrlPath<String>) -> Response {
    crate::pages::respond(story_page(pool, id).await)
}

async fn event_page(pool: Arc<Pool>, id: String) -> Result<String, ApiError> {
    let c = run_pooled(pool, move |s| compare_event(crate::sqlite_of(s)?, &id)).await?;
    let title = c.title.clone().unwrap_or_else(|| "(untitled event)".into());
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\">Outlets compared · <a href=\"/events/{}\">the event</a></p>",
        esc(&title),
        enc(&c.id)
    );
    body.push_str(&event_section(&c));
    Ok(page(&format!("Compare: {title}"), Nav::Events, "", &body))
}

async fn story_page(pool: Arc<Pool>, id: String) -> Result<String, ApiError> {
    let c = run_pooled(pool, move |s| compare_story(crate::sqlite_of(s)?, &id)).await?;
    let title = c.title.clone().unwrap_or_else(|| "(untitled story)".into());
    let mut body = format!(
        "<h1>{}</h1><p class=\"muted\">Outlets compared · <a href=\"/stories/{}\">the story</a></p>",
        esc(&title),
        enc(&c.id)
    );
    body.push_str(&story_outlets(&c));
    let many: Vec<&Comparison> = c.events.iter().filter(|e| e.outlets.len() > 1).collect();
    if many.is_empty() {
        body.push_str(
            "<p class=\"muted\">No event of this story was reported by more than one outlet.</p>",
        );
    }
    for e in many {
        let _ = write!(
            body,
            "<h2><a href=\"/events/{}/compare\">{}</a></h2>",
            enc(&e.id),
            esc(e.title.as_deref().unwrap_or("(untitled event)"))
        );
        body.push_str(&event_section(e));
    }
    Ok(page(&format!("Compare: {title}"), Nav::Stories, "", &body))
}

/// A table that scrolls sideways on a narrow screen instead of widening the page.
fn scroll(table: &str) -> String {
    format!("<div style=\"overflow-x:auto\">{table}</div>")
}

/// The story's outlets: events reported, first reports, events missed, discrepancies.
fn story_outlets(c: &StoryComparison) -> String {
    let mut t = String::from(
        "<h2>Outlets across the story</h2><table><thead><tr><th>Outlet</th><th>Events reported</th><th>First in</th><th>Discrepancies</th></tr></thead><tbody>",
    );
    for o in &c.outlets {
        let _ = write!(
            t,
            "<tr><td>{}</td><td>{} of {}</td><td>{}</td><td>{}</td></tr>",
            esc(&o.outlet),
            o.events.len(),
            c.events.len(),
            o.first_in.len(),
            o.discrepancies
        );
    }
    t.push_str("</tbody></table>");
    scroll(&t)
}

/// One event's comparison: outlets, copies, discrepancies, word choice, coverage.
pub(crate) fn event_section(c: &Comparison) -> String {
    let mut s = outlets_table(c);
    if !c.lineage.is_empty() {
        s.push_str("<h3>Copies</h3><ul>");
        for l in &c.lineage {
            let _ = write!(
                s,
                "<li><a href=\"/articles/{}\">{}</a> copies <a href=\"/articles/{}\">{}</a> {}{}</li>",
                enc(&l.article),
                esc(&l.outlet),
                enc(&l.copy_of),
                esc(&l.copy_of_outlet),
                esc(&delay(l.lag_seconds, Some("second"))),
                if l.credited.is_empty() {
                    String::new()
                } else {
                    format!(", credits {}", esc(&l.credited.join(", ")))
                }
            );
        }
        s.push_str("</ul>");
    }
    s.push_str(&discrepancies(c));
    s.push_str(&wording(c));
    s.push_str(&coverage(c));
    s
}

fn outlets_table(c: &Comparison) -> String {
    let mut t = String::from(
        "<h3>Who reported when</h3><table><thead><tr><th>Outlet</th><th>First report</th><th>Articles</th><th>Credits</th><th>Only here</th><th>Not here</th></tr></thead><tbody>",
    );
    for o in &c.outlets {
        let when = if o.first {
            "<strong>first</strong>".to_string()
        } else {
            esc(&delay(o.delay_seconds, o.delay_precision.as_deref()))
        };
        let articles: Vec<String> = o
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| format!("<a href=\"/articles/{}\">{}</a>", enc(a), i + 1))
            .collect();
        let _ = write!(
            t,
            "<tr><td>{}</td><td>{when}</td><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&o.outlet),
            articles.join(" "),
            if o.copies > 0 {
                format!(
                    " ({} cop{})",
                    o.copies,
                    if o.copies == 1 { "y" } else { "ies" }
                )
            } else {
                String::new()
            },
            esc(&o.credits.join(", ")),
            o.unique.len(),
            o.missing.len()
        );
    }
    t.push_str("</tbody></table>");
    scroll(&t)
}

fn discrepancies(c: &Comparison) -> String {
    if c.discrepancies.is_empty() {
        return if c.outlets.len() > 1 {
            "<h3>Where they differ</h3><p class=\"muted\">No disagreement found on dates, numbers, actors or quoted speakers.</p>".into()
        } else {
            String::new()
        };
    }
    let mut s = String::from("<h3>Where they differ</h3><ul>");
    for d in &c.discrepancies {
        let sides: Vec<String> = d
            .sides
            .iter()
            .map(|side| {
                format!(
                    "<strong>{}</strong>: {}",
                    esc(&side.value),
                    esc(&side.outlets.join(", "))
                )
            })
            .collect();
        let _ = write!(
            s,
            "<li><span class=\"muted\">{}</span> {}{}<br>{}</li>",
            esc(&d.kind),
            esc(&d.message),
            if d.later_update {
                " <span class=\"muted\">(the later report may be an update)</span>"
            } else {
                ""
            },
            sides.join(" · ")
        );
    }
    s.push_str("</ul>");
    s
}

fn wording(c: &Comparison) -> String {
    if c.wording.is_empty() {
        return String::new();
    }
    let mut s = String::from("<h3>Word choice</h3><ul>");
    for w in &c.wording {
        let by: Vec<String> = w
            .outlets
            .iter()
            .map(|o| {
                let terms: Vec<String> = o
                    .terms
                    .iter()
                    .map(|t| {
                        let href = t.spans.first().map_or(String::new(), |sp| {
                            format!("/articles/{}", enc(&sp.article))
                        });
                        format!("<a href=\"{href}\">“{}”</a> ×{}", esc(&t.term), t.count)
                    })
                    .collect();
                format!("{}: {}", esc(&o.outlet), terms.join(", "))
            })
            .collect();
        let _ = write!(
            s,
            "<li><span class=\"muted\">{}</span> {}<br>{}</li>",
            esc(&w.kind),
            esc(&w.about),
            by.join(" · ")
        );
    }
    s.push_str("</ul>");
    s
}

fn coverage(c: &Comparison) -> String {
    if c.facts.is_empty() {
        return String::new();
    }
    let mut facts: Vec<&kabar_compare::Fact> = c.facts.iter().collect();
    facts.sort_by_key(|f| std::cmp::Reverse(f.cells.len()));
    let mut t = String::from("<h3>Coverage</h3>");
    if facts.len() > MAX_FACTS {
        let _ = write!(
            t,
            "<p class=\"muted\">The {MAX_FACTS} most widely reported of {} facts.</p>",
            facts.len()
        );
    }
    t.push_str("<table><thead><tr><th>Fact</th>");
    for o in &c.outlets {
        let _ = write!(t, "<th>{}</th>", esc(&o.outlet));
    }
    t.push_str("</tr></thead><tbody>");
    for f in facts.into_iter().take(MAX_FACTS) {
        let _ = write!(
            t,
            "<tr><td><span class=\"muted\">{}</span> {}</td>",
            esc(&f.kind),
            esc(&f.label)
        );
        for o in &c.outlets {
            match f.cells.iter().find(|x| x.outlet == o.outlet) {
                Some(cell) => {
                    let href = cell.spans.first().map_or(String::new(), |sp| {
                        format!("/articles/{}", enc(&sp.article))
                    });
                    let _ = write!(
                        t,
                        "<td><a href=\"{href}\" aria-label=\"reported by {}\">✓</a> {}</td>",
                        esc(&o.outlet),
                        esc(cell.value.as_deref().unwrap_or(""))
                    );
                }
                None => t.push_str("<td class=\"muted\">·</td>"),
            }
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table>");
    scroll(&t)
}
