-- An intake writes one page of each table and index it touches, each
-- synced before the receipt prints: fewer pages, a faster counter.

-- Acknowledged changes leave the outbox (010): what stays is waiting or
-- rejected, so the queue in id order is the table's own order, and the
-- queue's count reads outbox_queue_subject, which holds the same rows.
DROP INDEX outbox_queue;
