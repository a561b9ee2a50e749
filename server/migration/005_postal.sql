-- The postal operator's system: its keys, the dossiers it announces
-- before the postman brings them, and the results it delivers.

-- A key of the postal operator, stored hashed; it reaches the postal API
-- only, for every office. A name has one key in force at a time.
CREATE TABLE postal_key (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL,
    key_hash   BYTEA NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX postal_key_name ON postal_key (name) WHERE revoked_at IS NULL;

-- A dossier collected at a citizen's home, as its slip says; it reaches
-- the office through the feed (kind postal.announced).
CREATE TABLE postal_item (
    item         TEXT PRIMARY KEY,
    office_id    BIGINT NOT NULL REFERENCES office (id),
    record       JSONB NOT NULL,
    key_id       BIGINT NOT NULL REFERENCES postal_key (id),
    collected_at TIMESTAMPTZ NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX postal_item_office ON postal_item (office_id, announced_at);

-- The postal item a dossier came as, to find it by the operator's number.
ALTER TABLE dossier ADD COLUMN postal_item TEXT;
UPDATE dossier SET postal_item = NULLIF(record->>'postal_item', '');
CREATE INDEX dossier_postal_item ON dossier (postal_item) WHERE postal_item IS NOT NULL;

-- A result handed to the post for delivery (a signed to-citizen manifest,
-- told by a dossier.updated change of action to-post), and how its
-- delivery went.
CREATE TABLE postal_result (
    item         TEXT PRIMARY KEY,
    dossier_code TEXT NOT NULL REFERENCES dossier (code),
    handed_at    TIMESTAMPTZ NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    outcome      TEXT NOT NULL DEFAULT ''
);

-- Every delivery attempt the operator reported, once: a report repeated
-- with the same item and time is answered as the first was.
CREATE TABLE postal_delivery (
    item        TEXT NOT NULL REFERENCES postal_result (item),
    at          TIMESTAMPTZ NOT NULL,
    record      JSONB NOT NULL,
    outcome     TEXT NOT NULL,
    key_id      BIGINT NOT NULL REFERENCES postal_key (id),
    reported_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (item, at)
);
