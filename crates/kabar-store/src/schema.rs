//! Schema migrations, applied in order by `PRAGMA user_version`.
//!
//! Never edit a released migration: add a new one. `tests/migrations.rs` opens a store
//! written at every older version and checks that its data survives the upgrade.

use crate::error::StoreError;
use rusqlite::{Connection, TransactionBehavior};

/// The migrations; index `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles and their analyses; linking results; linker state.
    r#"
    CREATE TABLE articles (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        external_id  TEXT,
        source       TEXT NOT NULL,
        title        TEXT,
        url          TEXT,
        outlet       TEXT,
        published    TEXT,
        lang         TEXT NOT NULL,
        text         TEXT NOT NULL,
        analysis     TEXT NOT NULL,
        added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
        duplicate_of TEXT,
        event        TEXT,
        story        TEXT
    );
    CREATE INDEX articles_event ON articles(event);
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE events (
        id     TEXT PRIMARY KEY,
        story  TEXT,
        title  TEXT,
        first  TEXT,
        last   TEXT
    );
    CREATE INDEX events_story ON events(story);
    CREATE TABLE stories (
        id     TEXT PRIMARY KEY,
        title  TEXT,
        first  TEXT,
        last   TEXT
    );
    CREATE TABLE link_state (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        state  BLOB NOT NULL
    );
    "#,
    // 2: derived tables for entities, roles, actions and quotes; full-text index.
    r#"
    CREATE TABLE entities (
        id    TEXT PRIMARY KEY,
        name  TEXT NOT NULL,
        type  TEXT NOT NULL
    );
    CREATE TABLE entity_aliases (
        entity TEXT NOT NULL,
        alias  TEXT NOT NULL,
        PRIMARY KEY (entity, alias)
    );
    CREATE TABLE entity_mentions (
        article  TEXT NOT NULL,
        entity   TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article, entity)
    );
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity);
    CREATE TABLE roles (
        entity  TEXT NOT NULL,
        title   TEXT NOT NULL,
        of      TEXT,
        date    TEXT,
        article TEXT NOT NULL
    );
    CREATE INDEX roles_entity ON roles(entity);
    CREATE TABLE actions (
        article  TEXT NOT NULL,
        idx      INTEGER NOT NULL,
        type     TEXT NOT NULL,
        kind     TEXT NOT NULL,
        source   TEXT NOT NULL,
        target   TEXT NOT NULL,
        date     TEXT,
        negated  INTEGER NOT NULL,
        text     TEXT NOT NULL,
        record   TEXT NOT NULL,
        PRIMARY KEY (article, idx)
    );
    CREATE TABLE quotes (
        article  TEXT NOT NULL,
        idx      INTEGER NOT NULL,
        speaker  TEXT,
        text     TEXT NOT NULL,
        direct   INTEGER NOT NULL,
        PRIMARY KEY (article, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO articles_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles;
    "#,
    // 3: redirects of entity IDs merged by store-level resolution (see `resolve`).
    crate::resolve::MIGRATION,
    // 4 (link): why each article is in its event and story; where retired event and
    // story IDs went when re-linking split or merged them.
    r#"
    CREATE TABLE link_why (
        article  TEXT PRIMARY KEY,
        why      TEXT NOT NULL
    );
    CREATE TABLE link_redirects (
        old      TEXT PRIMARY KEY,
        new      TEXT NOT NULL,
        at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
    );
    "#,
    // 5: fetch state for `kabar fetch` / `kabar watch` (kabar-store::fetch_state).
    r#"
    CREATE TABLE fetch_urls (
        url           TEXT PRIMARY KEY,
        source        TEXT,
        status        INTEGER NOT NULL DEFAULT 0,
        etag          TEXT,
        last_modified TEXT,
        first_seen    TEXT NOT NULL,
        last_seen     TEXT NOT NULL,
        fetched_at    TEXT,
        article       TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        error         TEXT
    );
    CREATE INDEX fetch_urls_source ON fetch_urls(source);
    CREATE TABLE fetch_failures (
        id     INTEGER PRIMARY KEY,
        url    TEXT NOT NULL,
        source TEXT,
        at     TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE INDEX fetch_failures_source ON fetch_failures(source);
    "#,
    // 6: reads that stay flat as the store grows (issue 14/17). Article counts of events
    // and stories and mention counts of entities are kept in their rows by triggers, so a
    // list sorts and pages on an index instead of counting every group per request; the
    // triggers see every write path (ingest, re-linking, store-level entity merges).
    // Indexes match the lists' ORDER BY terms exactly (expression indexes), so a page
    // reads its rows in order and stops. Existing stores are back-filled here.
    r#"
    ALTER TABLE events ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
    UPDATE events SET articles = (SELECT count(*) FROM articles a WHERE a.event = events.id);
    UPDATE stories SET articles = (SELECT count(*) FROM articles a WHERE a.story = stories.id);
    UPDATE entities SET
        mentions = (SELECT coalesce(sum(m.mentions), 0) FROM entity_mentions m WHERE m.entity = entities.id),
        articles = (SELECT count(*) FROM entity_mentions m WHERE m.entity = entities.id);

    CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN
        UPDATE events SET articles = articles + 1 WHERE id = NEW.event;
        UPDATE stories SET articles = articles + 1 WHERE id = NEW.story;
    END;
    CREATE TRIGGER articles_count_event AFTER UPDATE OF event ON articles
    WHEN OLD.event IS NOT NEW.event BEGIN
        UPDATE events SET articles = articles - 1 WHERE id = OLD.event;
        UPDATE events SET articles = articles + 1 WHERE id = NEW.event;
    END;
    CREATE TRIGGER articles_count_story AFTER UPDATE OF story ON articles
    WHEN OLD.story IS NOT NEW.story BEGIN
        UPDATE stories SET articles = articles - 1 WHERE id = OLD.story;
        UPDATE stories SET articles = articles + 1 WHERE id = NEW.story;
    END;
    CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN
        UPDATE events SET articles = articles - 1 WHERE id = OLD.event;
        UPDATE stories SET articles = articles - 1 WHERE id = OLD.story;
    END;
    -- a group row written after its articles were assigned starts from their count
    CREATE TRIGGER events_count_new AFTER INSERT ON events BEGIN
        UPDATE events SET articles = (SELECT count(*) FROM articles a WHERE a.event = NEW.id)
        WHERE id = NEW.id;
    END;
    CREATE TRIGGER stories_count_new AFTER INSERT ON stories BEGIN
        UPDATE stories SET articles = (SELECT count(*) FROM articles a WHERE a.story = NEW.id)
        WHERE id = NEW.id;
    END;
    CREATE TRIGGER mentions_count_insert AFTER INSERT ON entity_mentions BEGIN
        UPDATE entities SET mentions = mentions + NEW.mentions, articles = articles + 1
        WHERE id = NEW.entity;
    END;
    CREATE TRIGGER mentions_count_update AFTER UPDATE ON entity_mentions BEGIN
        UPDATE entities SET mentions = mentions - OLD.mentions, articles = articles - 1
        WHERE id = OLD.entity;
        UPDATE entities SET mentions = mentions + NEW.mentions, articles = articles + 1
        WHERE id = NEW.entity;
    END;
    CREATE TRIGGER mentions_count_delete AFTER DELETE ON entity_mentions BEGIN
        UPDATE entities SET mentions = mentions - OLD.mentions, articles = articles - 1
        WHERE id = OLD.entity;
    END;
    CREATE TRIGGER entities_count_new AFTER INSERT ON entities BEGIN
        UPDATE entities SET
            mentions = (SELECT coalesce(sum(m.mentions), 0) FROM entity_mentions m WHERE m.entity = NEW.id),
            articles = (SELECT count(*) FROM entity_mentions m WHERE m.entity = NEW.id)
        WHERE id = NEW.id;
    END;

    CREATE INDEX stories_latest ON stories(last IS NULL, last DESC, articles DESC, id);
    CREATE INDEX stories_oldest ON stories(first IS NULL, first, id);
    CREATE INDEX stories_biggest ON stories(articles DESC, last DESC, id);
    CREATE INDEX events_latest ON events(last IS NULL, last DESC, id);
    CREATE INDEX events_oldest ON events(first IS NULL, first, id);
    CREATE INDEX events_biggest ON events(articles DESC, last DESC, id);
    CREATE INDEX articles_oldest ON articles(published IS NULL, published);
    CREATE INDEX articles_latest ON articles((published IS NULL) DESC, published);
    CREATE INDEX entities_rank ON entities(mentions DESC, id);
    CREATE INDEX entities_type_rank ON entities(type, mentions DESC, id);
    CREATE INDEX entities_name_nocase ON entities(name COLLATE NOCASE);
    CREATE INDEX entity_aliases_nocase ON entity_aliases(alias COLLATE NOCASE);
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
    CREATE INDEX roles_levels ON roles(entity, title, of, date);
    "#,
    // 7: per article, how many mentions of an entity have a context cue for its type
    // (a title, "tim", a score, "di"…): the weights of the store's type vote (`resolve`).
    crate::resolve::CUES_MIGRATION,
];

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the store to [`current_version`], one transaction per migration.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, current_version())
}

/// The schema version written in the file (`PRAGMA user_version`).
pub fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the store to `target` (tests use it to build older stores).
///
/// Each step takes the write lock first (`BEGIN IMMEDIATE`, waiting out the busy timeout)
/// and re-reads the version inside it, so two processes opening a new store at once do
/// not both run a migration: the second finds the work done.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<(), StoreError> {
    loop {
        let found = version(conn)?;
        check_not_newer(found)?;
        if found >= target {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = version(&tx)?;
        check_not_newer(found)?;
        if found >= target {
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[found as usize])?;
        tx.pragma_update(None, "user_version", found + 1)?;
        tx.commit()?;
    }
}

fn check_not_newer(found: i64) -> Result<(), StoreError> {
    if found > current_version() {
        return Err(StoreError::TooNew {
            found,
            supported: current_version(),
        });
    }
    Ok(())
}
