-- The papers in force and the fees (issue: Circular 03/2025's forms,
-- the stop notice, the control sheet, fees and their receipts).

-- The circular a dossier's papers print with ("03/2025/TT-VPCP"): a
-- reprint prints the set of the first print. A dossier printed by an
-- earlier version printed Circular 01/2018's papers; one never printed
-- gets the set in force when it was received at its first print.
ALTER TABLE dossier ADD COLUMN form_set TEXT NOT NULL DEFAULT '';
UPDATE dossier SET form_set = '01/2018/TT-VPCP'
    WHERE EXISTS (SELECT 1 FROM printout p WHERE p.dossier_code = dossier.code);

-- Why the applicant paid nothing when the procedure charges.
ALTER TABLE dossier ADD COLUMN fee_exempt TEXT NOT NULL DEFAULT '';

-- A procedure's fees: amounts by kind as JSON ([{kind, amount, unit}]),
-- known once read unambiguously from fees_text or set here (local_fees,
-- kept on re-import like local_time_limit).
ALTER TABLE procedure ADD COLUMN fees_known INTEGER NOT NULL DEFAULT 0;
ALTER TABLE procedure ADD COLUMN fees TEXT NOT NULL DEFAULT '[]';
ALTER TABLE procedure ADD COLUMN fees_exemptible INTEGER NOT NULL DEFAULT 0;
ALTER TABLE procedure ADD COLUMN local_fees INTEGER NOT NULL DEFAULT 0;

-- The organisation that collects fees and issues receipts, and the
-- receipts' symbols.
ALTER TABLE office ADD COLUMN collector_name TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN collector_tax_code TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN collector_address TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN receipt_form TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN receipt_series TEXT NOT NULL DEFAULT '';

-- Fee receipts (biên lai thu phí, lệ phí): one per fee collected, with
-- every field Decree 254/2026 asks of a receipt, so that a later link to
-- an e-receipt provider has them. Numbers restart each 1 January within
-- the workstation's block (data.ReceiptBlock) and are journalled like
-- dossier numbers (motcua.db.seq, key receipt/YEAR/W).
CREATE TABLE fee_receipt (
    id                 INTEGER PRIMARY KEY,
    dossier_code       TEXT NOT NULL REFERENCES dossier (code),
    year               INTEGER NOT NULL, -- of issue, in Vietnam
    workstation        INTEGER NOT NULL,
    number             INTEGER NOT NULL,
    form_symbol        TEXT NOT NULL,
    series_symbol      TEXT NOT NULL,
    issued_at          TEXT NOT NULL, -- RFC 3339, Vietnam time
    collector_name     TEXT NOT NULL,
    collector_tax_code TEXT NOT NULL,
    collector_address  TEXT NOT NULL DEFAULT '',
    officer            TEXT NOT NULL DEFAULT '',
    by_post            INTEGER NOT NULL DEFAULT 0,
    postal_staff       TEXT NOT NULL DEFAULT '',
    payer_name         TEXT NOT NULL,
    payer_id           TEXT NOT NULL DEFAULT '',
    payer_address      TEXT NOT NULL DEFAULT '',
    procedure_code     TEXT NOT NULL,
    procedure_name     TEXT NOT NULL,
    fee_name           TEXT NOT NULL DEFAULT '',
    kind               TEXT NOT NULL CHECK (kind IN ('phi', 'le-phi')),
    amount             INTEGER NOT NULL CHECK (amount > 0),
    method             TEXT NOT NULL CHECK (method IN ('cash', 'transfer')),
    -- The e-receipt provider's record, empty until such a link exists.
    e_provider         TEXT NOT NULL DEFAULT '',
    e_id               TEXT NOT NULL DEFAULT '',
    e_lookup_code      TEXT NOT NULL DEFAULT '',
    e_signed_at        TEXT NOT NULL DEFAULT '',
    e_tax_code         TEXT NOT NULL DEFAULT '',
    remote_key         TEXT, -- the pulled change that brought it
    UNIQUE (year, workstation, number)
);
CREATE INDEX fee_receipt_dossier ON fee_receipt (dossier_code, id);
CREATE INDEX fee_receipt_issued ON fee_receipt (issued_at);

-- The kind of the fee a postman collected for a from-post item.
ALTER TABLE manifest_item ADD COLUMN fee_kind TEXT NOT NULL DEFAULT '';

-- Mẫu số 05: the notice that the office stops processing a dossier.
CREATE TABLE dossier_stop (
    dossier_code TEXT PRIMARY KEY REFERENCES dossier (code),
    issued_at    TEXT NOT NULL,
    reason       TEXT NOT NULL,
    basis        TEXT NOT NULL DEFAULT '',
    officer      TEXT NOT NULL
);
CREATE INDEX dossier_stop_issued ON dossier_stop (issued_at);
