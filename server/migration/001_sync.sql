-- The provincial database: every office's dossiers as their workstations
-- recorded them, and the change feed that brings each workstation what
-- the others, the processing agencies and the province did.

CREATE TABLE office (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agency_code TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A counter PC of an office; its access token is stored hashed.
CREATE TABLE workstation (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    office_id   BIGINT NOT NULL REFERENCES office (id),
    number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
    token_hash  BYTEA UNIQUE,
    enrolled_at TIMESTAMPTZ,
    UNIQUE (office_id, number)
);

-- Public keys that sign receipt QR codes; old ones stay so that old
-- receipts still verify.
CREATE TABLE workstation_key (
    workstation_id BIGINT NOT NULL REFERENCES workstation (id),
    public_key     BYTEA NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workstation_id, public_key)
);

-- One-time enrollment codes, stored hashed, each for one workstation.
CREATE TABLE enrollment_code (
    code_hash      BYTEA PRIMARY KEY,
    workstation_id BIGINT NOT NULL REFERENCES workstation (id),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ
);

CREATE TABLE dossier (
    code           TEXT PRIMARY KEY,
    office_id      BIGINT NOT NULL REFERENCES office (id),
    workstation    INTEGER NOT NULL,
    procedure_code TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    applicant_id   TEXT NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    due_date       DATE NOT NULL,
    status         TEXT NOT NULL,
    record         JSONB NOT NULL, -- the dossier as the workstation sent it
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX dossier_office ON dossier (office_id, received_at);

-- History of each dossier; workstation_id is null for a processing agency.
CREATE TABLE dossier_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_code   TEXT NOT NULL REFERENCES dossier (code),
    workstation_id BIGINT REFERENCES workstation (id),
    change_key     TEXT NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT NOT NULL,
    action         TEXT NOT NULL,
    from_status    TEXT NOT NULL DEFAULT '',
    to_status      TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    UNIQUE (workstation_id, change_key)
);
CREATE INDEX dossier_event_code ON dossier_event (dossier_code, id);

-- Every change a workstation pushed, by its idempotency key, with the
-- result it got: written in the transaction that applies the change, so
-- a change is applied once and a retry gets the first answer.
CREATE TABLE applied_change (
    workstation_id BIGINT NOT NULL REFERENCES workstation (id),
    key            TEXT NOT NULL,
    result         TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT '',
    seq            BIGINT,
    applied_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workstation_id, key)
);

-- The change feed. office_id is null for province-wide changes (catalogue,
-- calendar); workstation_id is null for changes not made at a counter.
-- Writers of an office's rows hold that office's lock until they commit,
-- and province-wide writers hold every office's, so a reader never sees a
-- row before one of smaller seq that it may see.
CREATE TABLE feed (
    seq            BIGSERIAL PRIMARY KEY,
    office_id      BIGINT REFERENCES office (id),
    workstation_id BIGINT REFERENCES workstation (id),
    key            TEXT NOT NULL,
    kind           TEXT NOT NULL,
    subject        TEXT NOT NULL,
    payload        JSONB NOT NULL,
    at             TIMESTAMPTZ NOT NULL
);
CREATE INDEX feed_office ON feed (office_id, seq);

-- The province's catalogue and calendar decisions.
CREATE TABLE procedure (
    code       TEXT PRIMARY KEY,
    record     JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE calendar_override (
    date       DATE PRIMARY KEY,
    off        BOOLEAN NOT NULL,
    name       TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
