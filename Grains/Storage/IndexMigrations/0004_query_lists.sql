-- What lists and trends read without activating one grain per row: pull requests (written by the
-- pull's grain) and each commit's per-flag totals (written by the commit's grain when it merges).
-- Branches, their heads and repository activity are read from commits, which already has one
-- writer per row.

CREATE TABLE pulls (
    repository TEXT NOT NULL,
    pull_id INTEGER NOT NULL,
    state TEXT NOT NULL,
    title TEXT NULL,
    head_sha TEXT NULL,
    head_branch TEXT NULL,
    base_sha TEXT NULL,
    base_branch TEXT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (repository, pull_id)
);

CREATE TABLE commit_flags (
    repository TEXT NOT NULL,
    sha TEXT NOT NULL,
    flag TEXT NOT NULL,
    totals TEXT NOT NULL,
    carried_forward BOOLEAN NOT NULL,
    PRIMARY KEY (repository, sha, flag)
);

-- Pull requests known only from uploads (no webhook yet) are found through their commits.
CREATE INDEX commits_by_pull ON commits (repository, pull_id, created_at);
