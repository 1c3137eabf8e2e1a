//! The PostgreSQL schema: the same tables as SQLite's migrations 1–5 (see
//! [`crate::schema::MIGRATIONS`]), in PostgreSQL's dialect, versioned in `kabar_schema`.
//!
//! Differences, all invisible to readers: text columns that are sorted or compared use
//! `COLLATE "C"` (byte order, as SQLite compares), so listings come out in the same order
//! whatever the cluster's locale; `rowid` is a `BIGSERIAL` (insertion order breaks ties as
//! SQLite's rowid does), and `events.seq` stands for the events table's implicit rowid,
//! which SQLite's scan order uses to break ties when choosing a story's title; blobs are `BYTEA`; the FTS5 table is a `tsvector` column (see
//! `docs/ARCHITECTURE.md`, "PostgreSQL").

/// The migrations; index `i` takes the schema from version `i` to `i + 1`.
/// Never edit a released one: add a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: everything SQLite's migrations 1–5 create.
    r#"
    CREATE TABLE articles (
        rowid        BIGSERIAL PRIMARY KEY,
        id           TEXT COLLATE "C" NOT NULL UNIQUE,
        external_id  TEXT,
        source       TEXT NOT NULL,
        title        TEXT,
        url          TEXT,
        outlet       TEXT COLLATE "C",
        published    TEXT COLLATE "C",
        lang         TEXT NOT NULL,
        text         TEXT NOT NULL,
        analysis     BYTEA NOT NULL,
        added_at     TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        duplicate_of TEXT COLLATE "C",
        event        TEXT COLLATE "C",
        story        TEXT COLLATE "C",
        fts          TSVECTOR
    );
    CREATE INDEX articles_event ON articles(event);
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_fts ON articles USING GIN (fts);
    CREATE TABLE events (
        seq    BIGSERIAL,
        id     TEXT COLLATE "C" PRIMARY KEY,
        story  TEXT COLLATE "C",
        title  TEXT,
        first  TEXT COLLATE "C",
        last   TEXT COLLATE "C"
    );
    CREATE INDEX events_story ON events(story);
    CREATE TABLE stories (
        id     TEXT COLLATE "C" PRIMARY KEY,
        title  TEXT,
        first  TEXT COLLATE "C",
        last   TEXT COLLATE "C"
    );
    CREATE TABLE link_state (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        state  BYTEA NOT NULL
    );
    CREATE TABLE entities (
        id    TEXT COLLATE "C" PRIMARY KEY,
        name  TEXT NOT NULL,
        type  TEXT NOT NULL
    );
    CREATE TABLE entity_aliases (
        entity TEXT COLLATE "C" NOT NULL,
        alias  TEXT NOT NULL,
        PRIMARY KEY (entity, alias)
    );
    CREATE TABLE entity_mentions (
        article  TEXT COLLATE "C" NOT NULL,
        entity   TEXT COLLATE "C" NOT NULL,
        mentions BIGINT NOT NULL,
        PRIMARY KEY (article, entity)
    );
    CREATE INDEX entity_mentions_entity ON entity_mentions(entity);
    CREATE TABLE roles (
        entity  TEXT COLLATE "C" NOT NULL,
        title   TEXT NOT NULL,
        of      TEXT,
        date    TEXT COLLATE "C",
        article TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX roles_entity ON roles(entity);
    CREATE TABLE actions (
        article  TEXT COLLATE "C" NOT NULL,
        idx      BIGINT NOT NULL,
        type     TEXT NOT NULL,
        kind     TEXT NOT NULL,
        source   TEXT NOT NULL,
        target   TEXT NOT NULL,
        date     TEXT COLLATE "C",
        negated  BOOLEAN NOT NULL,
        text     TEXT NOT NULL,
        record   TEXT NOT NULL,
        PRIMARY KEY (article, idx)
    );
    CREATE TABLE quotes (
        article  TEXT COLLATE "C" NOT NULL,
        idx      BIGINT NOT NULL,
        speaker  TEXT COLLATE "C",
        text     TEXT NOT NULL,
        direct   BOOLEAN NOT NULL,
        PRIMARY KEY (article, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE entity_redirects (
        from_id TEXT COLLATE "C" PRIMARY KEY,
        to_id   TEXT COLLATE "C" NOT NULL,
        reason  TEXT NOT NULL
    );
    CREATE INDEX entity_redirects_to ON entity_redirects(to_id);
    CREATE TABLE link_why (
        article  TEXT COLLATE "C" PRIMARY KEY,
        why      TEXT NOT NULL
    );
    CREATE TABLE link_redirects (
        old      TEXT COLLATE "C" PRIMARY KEY,
        new      TEXT COLLATE "C" NOT NULL,
        at       TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    );
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
        id     BIGSERIAL PRIMARY KEY,
        url    TEXT NOT NULL,
        source TEXT,
        at     TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE INDEX fetch_failures_source ON fetch_failures(source);
    "#,
];

/// The schema version this build writes to PostgreSQL.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
