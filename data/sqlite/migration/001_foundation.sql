-- The office this workstation belongs to: one row.
CREATE TABLE office (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    agency_code     TEXT NOT NULL,
    name            TEXT NOT NULL,
    parent          TEXT NOT NULL,
    place           TEXT NOT NULL,
    workstation     INTEGER NOT NULL CHECK (workstation BETWEEN 1 AND 9),
    tracking_prefix TEXT NOT NULL DEFAULT '',
    paper_size      TEXT NOT NULL DEFAULT 'A4',
    updated_at      TEXT NOT NULL
);

CREATE TABLE procedure (
    code             TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    field            TEXT NOT NULL DEFAULT '',
    level            TEXT NOT NULL DEFAULT '',
    time_limit_text  TEXT NOT NULL DEFAULT '',
    working_days     INTEGER,
    same_day_cutoff  TEXT NOT NULL DEFAULT '',
    fees_text        TEXT NOT NULL DEFAULT '',
    postal_allowed   INTEGER NOT NULL DEFAULT 0,
    documents        TEXT NOT NULL DEFAULT '[]', -- JSON array of required documents
    local_time_limit INTEGER NOT NULL DEFAULT 0, -- set here; kept on re-import
    updated_at       TEXT NOT NULL
);

-- Name words folded (no diacritics, đ as d) for searching as officers type.
CREATE VIRTUAL TABLE procedure_search USING fts5(
    code UNINDEXED,
    words,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Per-date decisions that win over the computed calendar.
CREATE TABLE calendar_override (
    date       TEXT PRIMARY KEY, -- YYYY-MM-DD
    off        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
