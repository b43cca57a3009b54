"""The cache schema as an ordered list of versioned migration steps (newsboat's schemaPatches)."""

from __future__ import annotations

# Each step moves the schema from version N to N+1, where N is its index. Never edit a step that
# has shipped: append a new one.
MIGRATIONS: tuple[str, ...] = (
    # 1: feeds, articles and the full-text index
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '',
        subscribed INTEGER NOT NULL DEFAULT 1,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_checked INTEGER,
        last_success INTEGER,
        last_outcome TEXT,
        last_error TEXT,
        last_warning TEXT,
        http_status INTEGER,
        retry_after INTEGER,
        content_hash TEXT
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        url TEXT,
        title TEXT NOT NULL,
        author TEXT,
        published INTEGER,
        fetched INTEGER NOT NULL,
        sort_time INTEGER NOT NULL,
        summary TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        text_status TEXT NOT NULL DEFAULT 'pending',
        text_note TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, guid)
    );
    CREATE INDEX articles_by_time ON articles (sort_time DESC, id DESC);
    CREATE INDEX articles_by_feed ON articles (feed_id, sort_time DESC, id DESC);
    CREATE INDEX articles_unread ON articles (feed_id) WHERE read = 0;
    CREATE INDEX articles_starred ON articles (sort_time DESC, id DESC) WHERE starred = 1;
    CREATE INDEX articles_pending ON articles (id) WHERE text_status = 'pending';
    -- body is '' while it would only repeat the summary; the index reads the text through a view.
    CREATE VIEW articles_text (id, title, body) AS
        SELECT id, title, CASE WHEN body = '' THEN summary ELSE body END FROM articles;
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, content='articles_text', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body)
        VALUES (new.id, new.title, CASE WHEN new.body = '' THEN new.summary ELSE new.body END);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title,
                CASE WHEN old.body = '' THEN old.summary ELSE old.body END);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, body ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title,
                CASE WHEN old.body = '' THEN old.summary ELSE old.body END);
        INSERT INTO articles_fts (rowid, title, body)
        VALUES (new.id, new.title, CASE WHEN new.body = '' THEN new.summary ELSE new.body END);
    END;
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
