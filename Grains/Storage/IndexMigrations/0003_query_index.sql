-- The query index (Grains/Storage/IIndexStore): run as written by SQLite in embedded mode (the
-- index store migrates itself) and by PostgreSQL in cluster mode (the Silo's migrate command), so
-- Grains/Storage/IndexStatements.cs runs unchanged on both. Timestamps stay ISO-8601 UTC text with
-- 7 fractional digits (fixed width, so text order is time order under any collation); totals stay
-- JSON text.

CREATE TABLE repositories (
    service TEXT NOT NULL,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    upload_token TEXT NOT NULL UNIQUE,
    is_private BOOLEAN NOT NULL,
    default_branch TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (service, owner, name)
);

CREATE TABLE commits (
    repository TEXT NOT NULL,
    sha TEXT NOT NULL,
    branch TEXT NULL,
    pull_id INTEGER NULL,
    parent_sha TEXT NULL,
    state TEXT NOT NULL,
    totals TEXT NULL,
    report_created BOOLEAN NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (repository, sha)
);

CREATE INDEX commits_by_created ON commits (repository, created_at);
CREATE INDEX commits_by_branch ON commits (repository, branch, created_at);

CREATE TABLE uploads (
    repository TEXT NOT NULL,
    sha TEXT NOT NULL,
    upload_id TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (repository, sha, upload_id)
);

CREATE INDEX uploads_by_state ON uploads (state);
