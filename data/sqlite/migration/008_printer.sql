-- The printer this workstation prints on, chosen by an administrator
-- (motcua printer set) or in the window. No row, or an empty name, is the
-- system's default printer. The paper is office.paper_size.
CREATE TABLE printer (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
