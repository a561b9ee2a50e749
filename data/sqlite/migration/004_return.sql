-- Results handed over at the counter.
CREATE TABLE dossier_return (
    dossier_code   TEXT PRIMARY KEY REFERENCES dossier (code),
    returned_at    TEXT NOT NULL,
    officer        TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_id   TEXT NOT NULL,
    authorised     INTEGER NOT NULL,
    authorisation  TEXT NOT NULL DEFAULT ''
);

-- Form 04: at most one apology and new date per dossier.
CREATE TABLE apology (
    dossier_code TEXT PRIMARY KEY REFERENCES dossier (code),
    issued_at    TEXT NOT NULL,
    old_due      TEXT NOT NULL,
    new_due      TEXT NOT NULL,
    reason       TEXT NOT NULL,
    officer      TEXT NOT NULL
);

ALTER TABLE dossier ADD COLUMN result_ready_at TEXT NOT NULL DEFAULT '';
