-- Postal hand-over manifests (biên bản giao nhận, Decision 45/2016).
CREATE TABLE manifest (
    number         TEXT PRIMARY KEY, -- YYMMDD-WNN
    kind           TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'open',
    carrier        TEXT NOT NULL DEFAULT '',
    agency         TEXT NOT NULL DEFAULT '',
    opened_at      TEXT NOT NULL,
    opened_by      TEXT NOT NULL,
    closed_at      TEXT NOT NULL DEFAULT '', -- the signing time
    officer        TEXT NOT NULL DEFAULT '',
    postal_staff   TEXT NOT NULL DEFAULT '',
    reconciliation TEXT NOT NULL DEFAULT '', -- JSON, once reconciled
    prints         INTEGER NOT NULL DEFAULT 0  -- printouts of the signed manifest
);
CREATE INDEX manifest_status ON manifest (status, closed_at);

CREATE TABLE manifest_item (
    manifest_number TEXT NOT NULL REFERENCES manifest (number),
    dossier_code    TEXT NOT NULL REFERENCES dossier (code),
    position        INTEGER NOT NULL,
    postal_item     TEXT NOT NULL DEFAULT '',
    fee             INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    outcome         TEXT NOT NULL DEFAULT '',
    outcome_at      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (manifest_number, dossier_code)
);
CREATE INDEX manifest_item_dossier ON manifest_item (dossier_code);

CREATE TABLE manifest_sequence (
    day  TEXT PRIMARY KEY, -- YYMMDD
    last INTEGER NOT NULL
);

-- Names typed on manifests, remembered for quick choice.
CREATE TABLE known_name (
    role    TEXT NOT NULL, -- carrier, postal, officer, agency
    name    TEXT NOT NULL,
    uses    INTEGER NOT NULL DEFAULT 1,
    used_at TEXT NOT NULL,
    PRIMARY KEY (role, name)
);
