-- The public tracking page: what it shows of an office, citizens'
-- ratings, and the key that signs its forms.

-- The office's name and place as its workstations' set-up says (sent at
-- enrollment and when changed), shown to citizens as the receiving unit.
ALTER TABLE office ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE office ADD COLUMN place TEXT NOT NULL DEFAULT '';

-- One rating per dossier, given once its result was returned; it reaches
-- the office through the feed (kind dossier.rated).
CREATE TABLE rating (
    dossier_code TEXT PRIMARY KEY REFERENCES dossier (code),
    level        TEXT NOT NULL CHECK (level IN ('very-satisfied', 'satisfied', 'unsatisfied')),
    comment      TEXT NOT NULL DEFAULT '',
    rated_at     TIMESTAMPTZ NOT NULL,
    change_key   TEXT NOT NULL
);
CREATE INDEX rating_at ON rating (rated_at);

-- Secrets of the server kept in the database, so that every server
-- process behind a load balancer shares them: 'public-form' keys the HMAC
-- that binds a rating form to its dossier.
CREATE TABLE server_secret (
    name       TEXT PRIMARY KEY,
    value      BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
