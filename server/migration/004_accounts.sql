-- Officers' accounts of each office, as its workstations last changed
-- them (the later updated_at wins); every change of one also goes into
-- the office's feed, which brings it to the other workstations. The
-- record holds the password's hash, never the password.
CREATE TABLE account (
    office_id  BIGINT NOT NULL REFERENCES office (id),
    username   TEXT NOT NULL,
    record     JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (office_id, username)
);

-- The newest entry of each workstation's audit trail as it last pushed
-- it. A head that goes backwards, or whose anchor is not this one, is
-- refused and kept here as the finding; the head stays.
CREATE TABLE audit_head (
    workstation_id BIGINT PRIMARY KEY REFERENCES workstation (id),
    seq            BIGINT NOT NULL,
    hash           TEXT NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finding        TEXT NOT NULL DEFAULT '',
    found_at       TIMESTAMPTZ
);
