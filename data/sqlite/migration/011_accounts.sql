-- Officers' accounts. They belong to the office: the sync brings every
-- workstation the others' (last update wins by updated_at).
CREATE TABLE account (
    username      TEXT PRIMARY KEY,
    full_name     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('counter', 'supervisor', 'admin')),
    disabled      INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL, -- argon2id PHC string, never the password
    updated_at    TEXT NOT NULL  -- RFC 3339 with nanoseconds, UTC
);

-- Wrong passwords in a row at this workstation, and how long the account
-- stays locked here; never synced.
CREATE TABLE login_failure (
    username     TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until TEXT NOT NULL DEFAULT '' -- RFC 3339, '' when not locked
);

-- The window locks back to the login screen after this many idle minutes.
ALTER TABLE office ADD COLUMN lock_minutes INTEGER NOT NULL DEFAULT 15;

-- The username of who acted, beside the full name history keeps.
ALTER TABLE dossier_event ADD COLUMN account TEXT NOT NULL DEFAULT '';

-- The audit trail becomes a hash chain: id is the entry's number, hash
-- covers its fields and prev_hash. The entries written before are
-- chained by the step in Go that runs with this migration.
ALTER TABLE audit ADD COLUMN account TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN workstation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN digest TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_subject ON audit (subject, id);
CREATE INDEX audit_account ON audit (account, id);

-- The chain's last head the province acknowledged (motcua audit verify
-- compares with it offline), and the province's reason when it refused
-- the last one sent: listed as needing attention until dismissed.
CREATE TABLE audit_anchor (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq    INTEGER NOT NULL DEFAULT 0,
    acked_hash   TEXT NOT NULL DEFAULT '',
    refused_seq  INTEGER NOT NULL DEFAULT 0,
    refused_at   TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    dismissed_at TEXT,
    dismissed_by TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
);
