-- Dossiers the postal operator announced before the postman brings them,
-- as the province's feed brings them (kind postal.announced). One becomes
-- a dossier when scanned onto a from-post manifest; it is handed over
-- when that manifest is signed.
CREATE TABLE postal_announcement (
    item         TEXT PRIMARY KEY,
    agency_code  TEXT NOT NULL,
    record       TEXT NOT NULL, -- the announcement as JSON
    announced_at TEXT NOT NULL  -- RFC 3339
);
CREATE INDEX postal_announcement_at ON postal_announcement (announced_at);
CREATE INDEX manifest_item_postal ON manifest_item (postal_item) WHERE postal_item <> '';
