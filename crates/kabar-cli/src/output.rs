//! Text for people. Everything here may change freely; scripts use `--json` (SPEC.md).

use crate::commands::query::{EntityOut, StoryOut};
use kabar_core::Analysis;
use kabar_query::{ArticleRow, EntityRow, EventRow, Reads, SearchHit, StoryRow};
use std::io::{Result, Write};

fn dash(s: Option<&str>) -> &str {
    s.unwrap_or("—")
}

/// A TimeML value as a reader says it: `PRESENT_REF` is "now", `PAST_REF` "earlier",
/// `FUTURE_REF` "later"; other values are shown as they are.
fn readable_date(v: &str) -> &str {
    match v {
        "PRESENT_REF" => "now",
        "PAST_REF" => "earlier",
        "FUTURE_REF" => "later",
        _ => v,
    }
}

fn date_range(first: Option<&str>, last: Option<&str>) -> String {
    match (first.map(readable_date), last.map(readable_date)) {
        (Some(f), Some(l)) if f != l => format!("{f} → {l}"),
        (Some(f), _) => f.to_string(),
        _ => "undated".to_string(),
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// "source → target" with names, or just the source when there is no target.
fn actors(store: &dyn Reads, source: &[String], target: &[String]) -> String {
    let s = if source.is_empty() {
        "?".to_string()
    } else {
        names(store, source)
    };
    if target.is_empty() {
        s
    } else {
        format!("{s} → {}", names(store, target))
    }
}

/// Names for entity IDs, falling back to the ID.
fn names(store: &dyn Reads, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            store
                .find_entity(id)
                .map(|e| e.name)
                .unwrap_or_else(|_| id.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One analysed article.
pub fn analysis(out: &mut impl Write, a: &Analysis) -> Result<()> {
    writeln!(out, "── {}  {}", a.id, a.source)?;
    writeln!(out, "title     {}", dash(a.title.as_deref()))?;
    writeln!(
        out,
        "outlet    {}   dateline {}   lang {}   published {}",
        dash(a.outlet.as_deref()),
        dash(a.dateline.as_deref()),
        a.lang.code(),
        a.published
            .as_ref()
            .map(|p| if p.inferred {
                format!("{} (inferred from {})", p.value, p.from)
            } else {
                p.value.clone()
            })
            .unwrap_or_else(|| "unknown".into())
    )?;
    writeln!(
        out,
        "text      {} sentences, {} chars; removed {} boilerplate piece(s)",
        a.sentences.len(),
        a.text.chars().count(),
        a.removed.len()
    )?;
    for r in &a.removed {
        writeln!(out, "  - removed {:?}: {}", r.kind, clip(&r.text, 70))?;
    }
    if !a.entities.is_empty() {
        writeln!(out, "entities")?;
        for e in &a.entities {
            let roles: Vec<String> = e.roles.iter().map(|r| r.title.clone()).collect();
            writeln!(
                out,
                "  {:<4} {:<32} ×{}{}",
                e.kind.label(),
                e.name,
                e.mentions.len(),
                if roles.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", roles.join("; "))
                }
            )?;
        }
    }
    if !a.times.is_empty() {
        writeln!(out, "times")?;
        for t in &a.times {
            writeln!(out, "  {:<28} {:?} {}", clip(&t.text, 28), t.kind, t.value)?;
        }
    }
    if !a.actions.is_empty() {
        writeln!(out, "actions")?;
        for x in &a.actions {
            writeln!(
                out,
                "  {} {:<11} {:<20} {} → {}  ({}){}",
                dash(x.date.as_deref()),
                x.plover.name(),
                x.kind,
                x.source.join(", "),
                x.target.join(", "),
                x.trigger.text,
                if x.negated { " NOT" } else { "" }
            )?;
        }
    }
    if !a.quotes.is_empty() {
        writeln!(out, "quotes")?;
        for q in &a.quotes {
            writeln!(
                out,
                "  {}: {}{}",
                dash(q.speaker.as_deref()),
                if q.direct { "“" } else { "" },
                clip(&q.text, 90)
            )?;
        }
    }
    for w in &a.warnings {
        writeln!(out, "warning   {}: {}", w.kind, w.message)?;
    }
    writeln!(out)
}

/// `kabar event ID`: the event's line, then its articles.
pub fn event(out: &mut impl Write, e: &kabar_query::EventOut) -> Result<()> {
    writeln!(
        out,
        "Event {}: {}\n{}  ·  {} article(s) from {} outlet(s){}",
        e.event.id,
        dash(e.event.title.as_deref()),
        date_range(e.event.first.as_deref(), e.event.last.as_deref()),
        e.event.articles.len(),
        e.event.outlets,
        e.event
            .story
            .as_deref()
            .map(|s| format!("  ·  story {s}"))
            .unwrap_or_default()
    )?;
    writeln!(out)?;
    articles(out, &e.article_rows)
}

/// `kabar article ID`: where it belongs, its analysis, then its cleaned text.
pub fn article(out: &mut impl Write, a: &kabar_query::ArticleOut) -> Result<()> {
    let links: Vec<String> = [
        a.event.as_deref().map(|e| format!("event {e}")),
        a.story.as_deref().map(|s| format!("story {s}")),
        a.duplicate_of.as_deref().map(|d| format!("copy of {d}")),
        a.analysis.url.as_deref().map(|u| format!("source {u}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !links.is_empty() {
        writeln!(out, "{}", links.join("  ·  "))?;
    }
    analysis(out, &a.analysis)?;
    writeln!(out, "{}", a.analysis.text)?;
    Ok(())
}

/// `kabar articles`.
pub fn articles(out: &mut impl Write, rows: &[ArticleRow]) -> Result<()> {
    for r in rows {
        writeln!(
            out,
            "{:<10} {:<20} {:<18} {}{}",
            r.published
                .as_deref()
                .map(|p| p.get(..10).unwrap_or(p))
                .unwrap_or("undated"),
            r.id,
            clip(dash(r.outlet.as_deref()), 18),
            clip(dash(r.title.as_deref()), 70),
            r.duplicate_of
                .as_deref()
                .map(|d| format!("  (copy of {d})"))
                .unwrap_or_default()
        )?;
    }
    writeln!(out, "{} article(s)", rows.len())
}

/// `kabar events`.
pub fn events(out: &mut impl Write, rows: &[EventRow]) -> Result<()> {
    for e in rows {
        writeln!(
            out,
            "{:<23} {:<20} {:>2} art. {:>2} outl.  {}",
            date_range(e.first.as_deref(), e.last.as_deref()),
            e.id,
            e.articles.len(),
            e.outlets,
            clip(dash(e.title.as_deref()), 70)
        )?;
    }
    writeln!(out, "{} event(s)", rows.len())
}

/// `kabar stories`, each with its events in order.
pub fn stories(out: &mut impl Write, store: &dyn Reads, rows: &[StoryRow]) -> Result<()> {
    for s in rows {
        writeln!(
            out,
            "{}  {}  ({} event(s), {} article(s))\n    {}",
            s.id,
            date_range(s.first.as_deref(), s.last.as_deref()),
            s.events.len(),
            s.articles.len(),
            dash(s.title.as_deref())
        )?;
        if s.events.len() > 1 {
            for e in store.story_events(&s.id).unwrap_or_default() {
                writeln!(
                    out,
                    "      {:<12} {}  [{} art., {} outl.]",
                    e.first.as_deref().unwrap_or("undated"),
                    clip(dash(e.title.as_deref()), 70),
                    e.articles.len(),
                    e.outlets
                )?;
            }
        }
    }
    writeln!(out, "{} story(ies)", rows.len())
}

/// `kabar story ID`.
pub fn story(out: &mut impl Write, store: &dyn Reads, s: &StoryOut) -> Result<()> {
    writeln!(out, "Story {}: {}", s.id, dash(s.title.as_deref()))?;
    writeln!(out, "{}\n", s.summary)?;
    writeln!(out, "Events")?;
    for e in &s.events {
        writeln!(
            out,
            "  {:<23} {}  [{} art., {} outl.]",
            date_range(e.first.as_deref(), e.last.as_deref()),
            clip(dash(e.title.as_deref()), 70),
            e.articles.len(),
            e.outlets
        )?;
    }
    if !s.timeline.is_empty() {
        writeln!(out, "\nTimeline (one line per real-world act)")?;
        for t in &s.timeline {
            writeln!(
                out,
                "  {:<10} {:<11} {}: {}  ({} source(s))",
                t.date.as_deref().unwrap_or("undated"),
                t.plover,
                actors(store, &t.source, &t.target),
                t.kind.replace('_', " "),
                t.articles.len()
            )?;
            writeln!(out, "             “{}”", clip(&t.text, 110))?;
        }
    }
    if !s.entities.is_empty() {
        writeln!(out, "\nWho and where")?;
        for e in s.entities.iter().take(12) {
            writeln!(out, "  {:<4} {:<34} ×{}", e.kind, e.name, e.mentions)?;
        }
    }
    if !s.quotes.is_empty() {
        writeln!(out, "\nQuotes")?;
        for q in s.quotes.iter().take(10) {
            let who = q
                .speaker
                .as_deref()
                .map(|id| names(store, &[id.to_string()]))
                .unwrap_or_else(|| "?".into());
            writeln!(
                out,
                "  {who}: {}  ({} article(s))",
                clip(&q.text, 100),
                q.articles.len()
            )?;
        }
    }
    Ok(())
}

/// `kabar entities`.
pub fn entities(out: &mut impl Write, rows: &[EntityRow]) -> Result<()> {
    for e in rows {
        writeln!(
            out,
            "{:<4} {:<32} {:>4} mention(s) in {:>3} article(s)  {}",
            e.kind,
            clip(&e.name, 32),
            e.mentions,
            e.articles,
            if e.aliases.is_empty() {
                String::new()
            } else {
                format!("aka {}", clip(&e.aliases.join(", "), 60))
            }
        )?;
    }
    writeln!(out, "{} entit(ies)", rows.len())
}

/// `kabar entity`.
pub fn entity(out: &mut impl Write, store: &dyn Reads, e: &EntityOut) -> Result<()> {
    let x = &e.entity;
    writeln!(out, "{} ({}, {})", x.name, x.kind, x.id)?;
    if !x.aliases.is_empty() {
        writeln!(out, "  also written: {}", x.aliases.join(", "))?;
    }
    writeln!(
        out,
        "  {} mention(s) in {} article(s)",
        x.mentions, x.articles
    )?;
    if !e.roles.is_empty() {
        writeln!(out, "Roles")?;
        for r in &e.roles {
            writeln!(
                out,
                "  {:<23} {}{}",
                date_range(r.first.as_deref(), r.last.as_deref()),
                r.title,
                r.of.as_deref()
                    .map(|o| format!(" ({})", names(store, &[o.to_string()])))
                    .unwrap_or_default()
            )?;
        }
    }
    if !e.timeline.is_empty() {
        writeln!(out, "Timeline")?;
        for t in &e.timeline {
            writeln!(
                out,
                "  {:<10} {}: {}  ({} source(s))",
                t.date.as_deref().unwrap_or("undated"),
                actors(store, &t.source, &t.target),
                t.kind.replace('_', " "),
                t.articles.len()
            )?;
        }
    }
    if !e.quotes.is_empty() {
        writeln!(out, "Quotes")?;
        for q in e.quotes.iter().take(8) {
            writeln!(out, "  “{}”", clip(&q.text, 100))?;
        }
    }
    if !e.related.is_empty() {
        let rel: Vec<String> = e
            .related
            .iter()
            .take(10)
            .map(|r| format!("{} ({})", r.name, r.weight))
            .collect();
        writeln!(out, "Related: {}", rel.join(", "))?;
    }
    Ok(())
}

/// The `--why` section of `kabar story`: for each event, how it came to the story, then
/// how each article came to the event.
pub fn story_why(out: &mut impl Write, w: &serde_json::Value) -> std::io::Result<()> {
    let f = |v: &serde_json::Value| v.as_f64().unwrap_or(0.0);
    let list = |v: &serde_json::Value| -> String {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default()
    };
    writeln!(out, "\nWhy")?;
    for e in w["events"].as_array().into_iter().flatten() {
        writeln!(
            out,
            "  event {}: {}",
            e["id"].as_str().unwrap_or(""),
            e["title"].as_str().unwrap_or("—")
        )?;
        let s = &e["story"];
        match s["how"].as_str() {
            Some("joined") => {
                let mut subject = list(&s["subject"]);
                if s["competition"].as_bool() == Some(true) {
                    subject = if subject.is_empty() {
                        "a competition it names".to_string()
                    } else {
                        format!("{subject}; a competition it names")
                    };
                }
                if let Some(t) = s["title"].as_str().filter(|t| !t.is_empty()) {
                    subject = if subject.is_empty() {
                        format!("title word {t}")
                    } else {
                        format!("{subject}; title word {t}")
                    };
                }
                writeln!(
                    out,
                    "    joined the story: shares its subject{}; terms {:.2} (content words {:.2}), people/organisations {:.2} ({} shared); shared: {}",
                    if subject.is_empty() { String::new() } else { format!(" ({subject})") },
                    f(&s["terms"]),
                    f(&s["content"]),
                    f(&s["actors"]),
                    s["shared_actors"].as_u64().unwrap_or(0),
                    list(&s["shared"])
                )?
            }
            Some(_) if s["promotion"].as_bool() == Some(true) => writeln!(
                out,
                "    founded the story: a promotion (sale, contest, sponsored offer) never joins one"
            )?,
            Some(_) if s["evergreen"].as_bool() == Some(true) => writeln!(
                out,
                "    founded the story: an evergreen piece (tip, how-to, explainer, profile) never joins one"
            )?,
            Some(_) => writeln!(out, "    founded the story: no active story shared its subject (see docs/link.md, Story)")?,
            None => {}
        }
        for a in e["articles"].as_array().into_iter().flatten() {
            let why = &a["why"];
            let title = a["title"].as_str().unwrap_or("(untitled)");
            match why["event"].as_str() {
                Some("joined") => writeln!(
                    out,
                    "    {} {title}\n      joined: score {:.2} (terms {:.2}, entities {:.2}); shared: {}",
                    a["id"].as_str().unwrap_or(""),
                    f(&why["score"]),
                    f(&why["terms"]),
                    f(&why["entities"]),
                    list(&why["shared"])
                )?,
                Some(how) => {
                    let how = match how {
                        "founded" => "founded the event (its first report)",
                        "duplicate" => "a near-copy of an article of the event",
                        other => other,
                    };
                    writeln!(out, "    {} {title}\n      {how}", a["id"].as_str().unwrap_or(""))?
                }
                None => writeln!(out, "    {} {title}\n      (no record: linked before --why existed)", a["id"].as_str().unwrap_or(""))?,
            }
        }
    }
    Ok(())
}

/// `kabar search` as text: score, article and title, then the snippet, per hit.
pub fn search_hits(out: &mut impl Write, q: &str, hits: &[SearchHit]) -> Result<()> {
    if hits.is_empty() {
        writeln!(out, "no article matches {q:?}")?;
    }
    for h in hits {
        writeln!(
            out,
            "{:>6.2}  {}  {}",
            h.score,
            h.article,
            h.title.as_deref().unwrap_or("(untitled)")
        )?;
        writeln!(out, "        {}", h.snippet.replace('\n', " "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::date_range;

    #[test]
    fn reference_values_read_as_words() {
        assert_eq!(date_range(Some("2026"), Some("PRESENT_REF")), "2026 → now");
        assert_eq!(date_range(Some("PRESENT_REF"), None), "now");
        assert_eq!(
            date_range(Some("2025-03"), Some("2025-04")),
            "2025-03 → 2025-04"
        );
    }
}
