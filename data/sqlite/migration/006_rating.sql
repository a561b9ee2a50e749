-- Citizens' ratings of the service, given on the province's public
-- tracking page once a result was returned and pulled from the province.
-- One per dossier; a dossier this workstation never had may still be
-- rated: the rating belongs to the office.
CREATE TABLE rating (
    dossier_code TEXT PRIMARY KEY,
    level        TEXT NOT NULL CHECK (level IN ('very-satisfied', 'satisfied', 'unsatisfied')),
    comment      TEXT NOT NULL DEFAULT '',
    rated_at     TEXT NOT NULL, -- RFC 3339 in Vietnam's zone
    remote_key   TEXT NOT NULL UNIQUE
);
CREATE INDEX rating_at ON rating (rated_at);
