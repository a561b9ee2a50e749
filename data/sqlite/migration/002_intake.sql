-- Dossiers taken at this workstation or brought by sync.
CREATE TABLE dossier (
    code              TEXT PRIMARY KEY,
    procedure_code    TEXT NOT NULL,
    procedure_name    TEXT NOT NULL,
    applicant_name    TEXT NOT NULL,
    applicant_id      TEXT NOT NULL,
    applicant_birth   TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD or ''
    applicant_phone   TEXT NOT NULL DEFAULT '',
    applicant_email   TEXT NOT NULL DEFAULT '',
    applicant_address TEXT NOT NULL DEFAULT '',
    sets              INTEGER NOT NULL,
    channel           TEXT NOT NULL,
    return_method     TEXT NOT NULL,
    return_address    TEXT NOT NULL DEFAULT '',
    postal_item       TEXT NOT NULL DEFAULT '',
    received_at       TEXT NOT NULL, -- RFC 3339, Vietnam time
    working_days      INTEGER NOT NULL,
    due_date          TEXT NOT NULL, -- YYYY-MM-DD
    status            TEXT NOT NULL,
    book              INTEGER NOT NULL,
    register_no       INTEGER NOT NULL,
    officer           TEXT NOT NULL DEFAULT '',
    workstation       INTEGER NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX dossier_applicant_id ON dossier (applicant_id);
CREATE INDEX dossier_postal_item ON dossier (postal_item) WHERE postal_item <> '';
CREATE INDEX dossier_status_due ON dossier (status, due_date);

CREATE TABLE dossier_document (
    dossier_code TEXT NOT NULL REFERENCES dossier (code),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    originals    INTEGER NOT NULL,
    copies       INTEGER NOT NULL,
    PRIMARY KEY (dossier_code, position)
);

-- Sổ theo dõi hồ sơ (Form 06): one book a year, numbered continuously.
CREATE TABLE register_book (
    book INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);
CREATE UNIQUE INDEX dossier_register ON dossier (book, register_no, workstation);

-- Highest dossier sequence number handed out each day.
CREATE TABLE day_sequence (
    day  TEXT PRIMARY KEY, -- YYMMDD
    last INTEGER NOT NULL
);

-- History of each dossier: status changes and what was done to it.
CREATE TABLE dossier_event (
    id           INTEGER PRIMARY KEY,
    dossier_code TEXT NOT NULL REFERENCES dossier (code),
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    from_status  TEXT NOT NULL DEFAULT '',
    to_status    TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dossier_event_code ON dossier_event (dossier_code, id);

-- Who did, saw or printed what (personal data protection).
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT ''
);

-- Changes waiting for the provincial sync, written in the same
-- transaction as the change they carry.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE, -- idempotency key
    kind       TEXT NOT NULL,
    subject    TEXT NOT NULL,
    payload    TEXT NOT NULL, -- JSON
    created_at TEXT NOT NULL,
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;

CREATE TABLE printout (
    id           INTEGER PRIMARY KEY,
    dossier_code TEXT NOT NULL REFERENCES dossier (code),
    kind         TEXT NOT NULL,
    reprint      INTEGER NOT NULL,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    UNIQUE (dossier_code, kind, reprint)
);

-- Public keys that sign receipt QR codes: this workstation's and, through
-- sync, those of the office's other workstations.
CREATE TABLE workstation_key (
    agency_code TEXT NOT NULL,
    workstation INTEGER NOT NULL,
    public_key  BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (agency_code, workstation, public_key)
);
