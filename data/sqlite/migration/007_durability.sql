-- When a backup copy was taken: written into the copy only, so that a
-- restored database says which backup it came from.
CREATE TABLE backup_info (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    taken_at TEXT NOT NULL -- RFC 3339
);

-- Changes pulled from the province that could not be applied here. They
-- are listed as needing attention, with the reason, so that one bad or
-- conflicting change never stops the pull.
CREATE TABLE pull_problem (
    key          TEXT PRIMARY KEY, -- the change's idempotency key
    seq          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    subject      TEXT NOT NULL,
    reason       TEXT NOT NULL,
    changed_at   TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    dismissed_at TEXT,
    dismissed_by TEXT NOT NULL DEFAULT ''
);

-- outbox_queue (005) serves every query outbox_pending served: one index
-- page less to write, and sync, at each change.
DROP INDEX outbox_pending;
