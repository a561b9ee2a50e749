-- An intake writes one page of each table and index it touches, each
-- synced before the receipt prints: fewer pages, a faster counter.

-- Acknowledged changes leave the outbox (010): what stays is waiting or
-- rejected, so the queue in id order is the table's own order, and the
-- queue's count reads outbox_queue_subject, which holds the same rows.
DROP INDEX outbox_queue;

-- The search index takes new dossiers in batches (searchBatch), not one
-- by one: upto is the highest dossier rowid it holds; those above it are
-- searched in the dossier table. Stores of schema 10 and 11 hold every
-- dossier in it; older ones none yet (the store indexes them on open).
CREATE TABLE search_indexed (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    upto INTEGER NOT NULL
);
INSERT INTO search_indexed (id, upto)
    SELECT 1, COALESCE((SELECT rowid FROM dossier_search ORDER BY rowid DESC LIMIT 1), 0);
