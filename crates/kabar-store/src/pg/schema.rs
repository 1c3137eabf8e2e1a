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
    // 2: SQLite's migration 6 — article counts of events and stories and mention counts of
    // entities kept in their rows by triggers (every write path: ingest, re-linking,
    // store-level entity merges), so lists sort and page on an index instead of counting
    // every group per request. Existing stores are back-filled here. The triggers mirror
    // SQLite's one for one (AFTER triggers: an `INSERT … ON CONFLICT DO NOTHING` that
    // inserts nothing fires none).
    r#"
    ALTER TABLE events ADD COLUMN articles BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN articles BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN mentions BIGINT NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN articles BIGINT NOT NULL DEFAULT 0;
    UPDATE events SET articles = (SELECT count(*) FROM articles a WHERE a.event = events.id);
    UPDATE stories SET articles = (SELECT count(*) FROM articles a WHERE a.story = stories.id);
    UPDATE entities SET
        mentions = (SELECT coalesce(sum(m.mentions), 0) FROM entity_mentions m WHERE m.entity = entities.id),
        articles = (SELECT count(*) FROM entity_mentions m WHERE m.entity = entities.id);

    CREATE OR REPLACE FUNCTION kabar_count_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            UPDATE events SET articles = articles + 1 WHERE id = NEW.event;
            UPDATE stories SET articles = articles + 1 WHERE id = NEW.story;
        ELSIF TG_OP = 'DELETE' THEN
            UPDATE events SET articles = articles - 1 WHERE id = OLD.event;
            UPDATE stories SET articles = articles - 1 WHERE id = OLD.story;
        ELSE
            IF OLD.event IS DISTINCT FROM NEW.event THEN
                UPDATE events SET articles = articles - 1 WHERE id = OLD.event;
                UPDATE events SET articles = articles + 1 WHERE id = NEW.event;
            END IF;
            IF OLD.story IS DISTINCT FROM NEW.story THEN
                UPDATE stories SET articles = articles - 1 WHERE id = OLD.story;
                UPDATE stories SET articles = articles + 1 WHERE id = NEW.story;
            END IF;
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER articles_count_insert AFTER INSERT OR DELETE ON articles
        FOR EACH ROW EXECUTE FUNCTION kabar_count_article();
    CREATE TRIGGER articles_count_update AFTER UPDATE OF event, story ON articles
        FOR EACH ROW WHEN (OLD.event IS DISTINCT FROM NEW.event OR OLD.story IS DISTINCT FROM NEW.story)
        EXECUTE FUNCTION kabar_count_article();

    -- a group row written after its articles were assigned starts from their count
    CREATE OR REPLACE FUNCTION kabar_count_new_group() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'events' THEN
            UPDATE events SET articles = (SELECT count(*) FROM articles a WHERE a.event = NEW.id)
            WHERE id = NEW.id;
        ELSE
            UPDATE stories SET articles = (SELECT count(*) FROM articles a WHERE a.story = NEW.id)
            WHERE id = NEW.id;
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER events_count_new AFTER INSERT ON events
        FOR EACH ROW EXECUTE FUNCTION kabar_count_new_group();
    CREATE TRIGGER stories_count_new AFTER INSERT ON stories
        FOR EACH ROW EXECUTE FUNCTION kabar_count_new_group();

    CREATE OR REPLACE FUNCTION kabar_count_mention() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE entities SET mentions = mentions - OLD.mentions, articles = articles - 1
            WHERE id = OLD.entity;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
            UPDATE entities SET mentions = mentions + NEW.mentions, articles = articles + 1
            WHERE id = NEW.entity;
        END IF;
        RETURN NULL;
    END $$;
    CREATE TRIGGER mentions_count AFTER INSERT OR UPDATE OR DELETE ON entity_mentions
        FOR EACH ROW EXECUTE FUNCTION kabar_count_mention();

    CREATE OR REPLACE FUNCTION kabar_count_new_entity() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE entities SET
            mentions = (SELECT coalesce(sum(m.mentions), 0) FROM entity_mentions m WHERE m.entity = NEW.id),
            articles = (SELECT count(*) FROM entity_mentions m WHERE m.entity = NEW.id)
        WHERE id = NEW.id;
        RETURN NULL;
    END $$;
    CREATE TRIGGER entities_count_new AFTER INSERT ON entities
        FOR EACH ROW EXECUTE FUNCTION kabar_count_new_entity();

    -- the lists' ORDER BY terms (kabar-query's pg/browse.rs)
    CREATE INDEX stories_latest ON stories((last IS NULL), last DESC, articles DESC, id);
    CREATE INDEX stories_oldest ON stories((first IS NULL), first, id);
    CREATE INDEX stories_biggest ON stories(articles DESC, last DESC NULLS LAST, id);
    CREATE INDEX events_latest ON events((last IS NULL), last DESC, id);
    CREATE INDEX events_oldest ON events((first IS NULL), first, id);
    CREATE INDEX events_biggest ON events(articles DESC, last DESC NULLS LAST, id);
    CREATE INDEX entities_rank ON entities(mentions DESC, id);
    CREATE INDEX entities_type_rank ON entities(type, mentions DESC, id);
    "#,
    // 3: SQLite's migration 7 — per article and entity, how many mentions have a context
    // cue for the entity's type (the weights of resolution's type vote); 0 for articles
    // stored before it.
    r#"
    ALTER TABLE entity_mentions ADD COLUMN cues BIGINT NOT NULL DEFAULT 0;
    "#,
];

/// The schema version this build writes to PostgreSQL.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
