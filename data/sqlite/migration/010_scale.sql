-- A busy centre keeps a million dossiers on one workstation: what is only
-- needed until the province acknowledges it is compacted, text the
-- catalogue already holds is stored once, the lists of the return desk
-- read small indexes, and an applicant is found by name or phone.

-- The keys of the changes the province acknowledged. Only the key is
-- kept: a pull skips this workstation's own changes by it. The payload
-- the province now holds is not needed here any more.
CREATE TABLE outbox_sent (
    key TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO outbox_sent (key) SELECT key FROM outbox WHERE sent_at IS NOT NULL;
DELETE FROM outbox WHERE sent_at IS NOT NULL;

-- Each document name once: dossiers of a procedure carry the same papers,
-- with names of up to two thousand characters.
CREATE TABLE document_name (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
INSERT OR IGNORE INTO document_name (name) SELECT name FROM dossier_document ORDER BY dossier_code, position;
CREATE TABLE dossier_document_names (
    dossier_code TEXT NOT NULL REFERENCES dossier (code),
    position     INTEGER NOT NULL,
    name_id      INTEGER NOT NULL REFERENCES document_name (id),
    originals    INTEGER NOT NULL,
    copies       INTEGER NOT NULL,
    PRIMARY KEY (dossier_code, position)
) WITHOUT ROWID;
INSERT INTO dossier_document_names (dossier_code, position, name_id, originals, copies)
    SELECT d.dossier_code, d.position, n.id, d.originals, d.copies
    FROM dossier_document d JOIN document_name n ON n.name = d.name;
DROP TABLE dossier_document;
ALTER TABLE dossier_document_names RENAME TO dossier_document;

-- The return desk's lists read only the open dossiers (a few thousand of
-- a million) through partial indexes; the index on every dossier's
-- status and due date served nothing else.
DROP INDEX dossier_status_due;
CREATE INDEX dossier_open_due ON dossier (due_date, code) WHERE status IN ('received', 'transferred', 'result-ready');
CREATE INDEX dossier_ready ON dossier (result_ready_at, code) WHERE status = 'result-ready';

-- Applicants' names folded as officers type them (no diacritics, đ as d),
-- each word and each pair of adjacent words (nguyen_van): a full name
-- typed is a few rare pairs, fast to find among a million, where its
-- common words are not. Phone numbers too. By dossier rowid; contentless:
-- the text stays in dossier alone. Filled when the store opens (the
-- folding is Go's, data.Fold).
CREATE VIRTUAL TABLE dossier_search USING fts5(
    words,
    content = '',
    contentless_delete = 1,
    detail = none,
    prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '_'"
);
