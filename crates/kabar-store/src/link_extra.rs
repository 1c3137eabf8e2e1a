//! What linking adds beyond assignments: why each article is in its event and story,
//! redirects from event and story IDs that re-linking retired to their survivors, and
//! labels for events and stories whose articles have no title.

use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension};

/// Longest label taken from an article's text when it has no title (characters).
const LABEL_CHARS: usize = 90;

impl Store {
    /// Stores linking's extras for a batch, in one transaction: `why` is `(article, JSON)`,
    /// `redirects` is `(retired ID, surviving ID)`. Events and stories left without
    /// articles are removed (their IDs redirect), and events or stories without a title
    /// get one from their earliest article's first sentence.
    pub fn save_link_extras(
        &mut self,
        why: &[(String, String)],
        redirects: &[(String, String)],
    ) -> Result<(), StoreError> {
        // the write lock at once (see `Store::resolve_entities_known`)
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut put = tx.prepare(
                "INSERT INTO link_why(article, why) VALUES (?1, ?2)
                 ON CONFLICT(article) DO UPDATE SET why = excluded.why",
            )?;
            for (a, w) in why {
                put.execute(params![a, w])?;
            }
            for (old, new) in redirects {
                if old == new {
                    continue;
                }
                // Earlier redirects to the retired ID now lead to the survivor.
                tx.execute(
                    "UPDATE link_redirects SET new = ?2 WHERE new = ?1",
                    params![old, new],
                )?;
                tx.execute(
                    "INSERT INTO link_redirects(old, new) VALUES (?1, ?2)
                     ON CONFLICT(old) DO UPDATE SET new = excluded.new",
                    params![old, new],
                )?;
                // A survivor that was once retired is live again.
                tx.execute("DELETE FROM link_redirects WHERE old = ?1", [new])?;
            }
        }
        tx.execute(
            "DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.event = events.id)",
            [],
        )?;
        tx.execute(
            "DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story = stories.id)",
            [],
        )?;
        // An ID that holds articles is live, whatever an earlier batch retired: a stale
        // redirect would send `kabar story ID` to another story.
        tx.execute(
            "DELETE FROM link_redirects WHERE old IN (SELECT id FROM events)
                                           OR old IN (SELECT id FROM stories)",
            [],
        )?;
        // Refresh story spans (an event may have moved away).
        tx.execute(
            "UPDATE stories SET first = (SELECT min(first) FROM events e WHERE e.story = stories.id),
                                last = (SELECT max(last) FROM events e WHERE e.story = stories.id)",
            [],
        )?;
        fill_missing_titles(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Why an article is in its event and story (the JSON the linker recorded), if known.
    pub fn why_of(&self, article: &str) -> Result<Option<serde_json::Value>, StoreError> {
        let w: Option<String> = self
            .conn
            .query_row(
                "SELECT why FROM link_why WHERE article = ?1",
                [article],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match w {
            Some(w) => Some(serde_json::from_str(&w)?),
            None => None,
        })
    }

    /// The live ID for an event or story ID: itself, or where a retired ID redirects.
    pub fn resolve_link_id(&self, id: &str) -> Result<String, StoreError> {
        let mut cur = id.to_string();
        // Redirects are kept collapsed (one hop); the bound only guards against a
        // damaged table. A live ID is never redirected (stores written before stale
        // redirects were cleaned may still hold some).
        for _ in 0..8 {
            let next: Option<String> = self
                .conn
                .query_row(
                    "SELECT new FROM link_redirects WHERE old = ?1
                       AND NOT EXISTS (SELECT 1 FROM events WHERE id = ?1)
                       AND NOT EXISTS (SELECT 1 FROM stories WHERE id = ?1)",
                    [&cur],
                    |r| r.get(0),
                )
                .optional()?;
            match next {
                Some(n) if n != cur => cur = n,
                _ => break,
            }
        }
        Ok(cur)
    }
}

/// Events and stories without a title take the first sentence of their earliest
/// article's text (stories: of their largest event's label).
fn fill_missing_titles(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    let missing: Vec<(String, String)> = {
        let mut st = tx.prepare(
            "SELECT e.id, (SELECT text FROM articles a WHERE a.event = e.id
                           ORDER BY a.duplicate_of IS NOT NULL, a.published IS NULL, a.published, a.rowid LIMIT 1)
             FROM events e WHERE e.title IS NULL OR trim(e.title) = ''",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?)))?;
        rows.filter_map(|r| match r {
            Ok((id, Some(t))) => Some(Ok((id, t))),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?
    };
    for (id, text) in missing {
        tx.execute(
            "UPDATE events SET title = ?2 WHERE id = ?1",
            params![id, first_sentence(&text)],
        )?;
    }
    tx.execute(
        "UPDATE stories SET title = (SELECT e.title FROM events e WHERE e.story = stories.id
             ORDER BY (SELECT count(*) FROM articles a WHERE a.event = e.id) DESC,
                      e.first IS NULL, e.first LIMIT 1)
         WHERE title IS NULL OR trim(title) = ''",
        [],
    )?;
    Ok(())
}

/// The first sentence of a text, cut at a word boundary after [`LABEL_CHARS`] characters.
pub(crate) fn first_sentence(text: &str) -> String {
    let t = text.trim();
    let end = t
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | '\n') && i > 20)
        .map_or(t.len(), |(i, _)| i);
    let s = &t[..end];
    if s.chars().count() <= LABEL_CHARS {
        return s.trim().to_string();
    }
    let cut: String = s.chars().take(LABEL_CHARS).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |x| x.0)
        .to_string();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn labels_from_text() {
        assert_eq!(
            first_sentence("Banjir melanda Bandung pada Senin pagi. Warga mengungsi."),
            "Banjir melanda Bandung pada Senin pagi"
        );
        let long = "kata ".repeat(40);
        let l = first_sentence(&long);
        assert!(l.ends_with('…') && l.chars().count() <= 91, "{l}");
    }
}
