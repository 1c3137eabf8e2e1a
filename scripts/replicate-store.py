#!/usr/bin/env python3
"""Grows a kabar store for READ benchmarks: appends K time-shifted copies of every article
and of everything derived from it (entity mentions, roles, actions, quotes, full-text
index, events, stories), copy k moved k * YEARS years later with new article, event and
story IDs (suffix `~k`). Entities are shared by all copies, as they would be over years of news.

    scripts/replicate-store.py DB K [YEARS=1]

Why: on the shared 2-core machine `kabar ingest` of 100k generated articles runs at about
1,000 articles a minute under other helpers' builds, so a 100k store for the server's
latency figures is built as 25k ingested articles plus three shifted copies. The copies
are not re-linked (each copy keeps its original's events and stories), so do NOT use such
a store for linking or ingest figures; list, record, search and page costs only depend on
the store's shape (rows per table, group sizes, mentions per entity), which copying keeps.
The stored analysis blobs are copied as they are (their dates are the original's).
Stdlib only; run on a store no other process is writing.
"""
import sqlite3
import sys


def shift(col, years):
    """SQL for an ISO date/time text with its year moved `years` later (NULL stays)."""
    return (f"CASE WHEN {col} GLOB '[0-9][0-9][0-9][0-9]*' "
            f"THEN printf('%04d', CAST(substr({col}, 1, 4) AS INTEGER) + {years}) || substr({col}, 5) "
            f"ELSE {col} END")


def new_id(col, k):
    """`a:0123…` → `a:0123…~k`: distinct per copy, prefix kept."""
    return f"CASE WHEN {col} IS NULL THEN NULL ELSE {col} || '~{k}' END"


TABLES = ["articles", "entity_mentions", "quotes", "roles", "actions", "events", "stories"]


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    db, copies = sys.argv[1], int(sys.argv[2])
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    # the originals: rows up to each table's rowid now
    top = {t: con.execute(f"SELECT coalesce(max(rowid), 0) FROM {t}").fetchone()[0] for t in TABLES}
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    a = top["articles"]
    for k in range(1, copies + 1):
        y = k * years
        orig = lambda t: f"rowid <= {top[t]}"  # noqa: E731
        with con:
            con.execute(f"""
                INSERT INTO articles(rowid, id, external_id, source, title, url, outlet, published,
                                     lang, text, analysis, added_at, duplicate_of, event, story)
                SELECT rowid + {k * a}, {new_id('id', k)}, external_id, source || '#copy{k}',
                       title, url, outlet, {shift('published', y)}, lang, text, analysis, added_at,
                       {new_id('duplicate_of', k)}, {new_id('event', k)}, {new_id('story', k)}
                FROM articles WHERE {orig('articles')}""")
            con.execute(f"""
                INSERT INTO articles_fts(rowid, title, text)
                SELECT rowid, coalesce(title, ''), text FROM articles
                WHERE rowid > {k * a} AND rowid <= {(k + 1) * a}""")
            con.execute(f"""INSERT INTO entity_mentions(article, entity, mentions)
                SELECT {new_id('article', k)}, entity, mentions FROM entity_mentions
                WHERE {orig('entity_mentions')}""")
            con.execute(f"""INSERT INTO quotes(article, idx, speaker, text, direct)
                SELECT {new_id('article', k)}, idx, speaker, text, direct FROM quotes
                WHERE {orig('quotes')}""")
            con.execute(f"""INSERT INTO roles(entity, title, of, date, article)
                SELECT entity, title, of, {shift('date', y)}, {new_id('article', k)} FROM roles
                WHERE {orig('roles')}""")
            con.execute(f"""INSERT INTO actions(article, idx, type, kind, source, target, date,
                                                negated, text, record)
                SELECT {new_id('article', k)}, idx, type, kind, source, target, {shift('date', y)},
                       negated, text, record FROM actions WHERE {orig('actions')}""")
            con.execute(f"""INSERT INTO events(id, story, title, first, last)
                SELECT {new_id('id', k)}, {new_id('story', k)}, title, {shift('first', y)},
                       {shift('last', y)} FROM events WHERE {orig('events')}""")
            con.execute(f"""INSERT INTO stories(id, title, first, last)
                SELECT {new_id('id', k)}, title, {shift('first', y)}, {shift('last', y)}
                FROM stories WHERE {orig('stories')}""")
        print(f"copy {k}: +{n} articles", flush=True)
    con.close()


if __name__ == "__main__":
    main()
