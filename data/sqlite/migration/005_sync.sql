-- Provincial sync: what the province refused, what came from it, where
-- the pull stopped and how to reach the server.

-- A change the province rejected leaves the queue for the needs-attention
-- list (cần xử lý) and stays in the outbox for good; an officer may mark it
-- seen.
ALTER TABLE outbox ADD COLUMN rejected_at TEXT;
ALTER TABLE outbox ADD COLUMN reject_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN dismissed_at TEXT;
ALTER TABLE outbox ADD COLUMN dismissed_by TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_queue ON outbox (id) WHERE sent_at IS NULL AND rejected_at IS NULL;
CREATE INDEX outbox_queue_subject ON outbox (subject) WHERE sent_at IS NULL AND rejected_at IS NULL;

-- The province's feed position of the latest change known for a dossier:
-- a pulled status change older than it does not move the status back.
ALTER TABLE dossier ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;

-- Events pulled from the province carry the key of the change that made
-- them, so that applying a change twice records it once.
ALTER TABLE dossier_event ADD COLUMN remote_key TEXT;
CREATE UNIQUE INDEX dossier_event_remote ON dossier_event (remote_key) WHERE remote_key IS NOT NULL;

-- One row: the server, this workstation's access token, the certificate
-- authority to trust and the feed position pulled so far.
CREATE TABLE sync_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL DEFAULT '',
    token      TEXT NOT NULL DEFAULT '',
    ca_file    TEXT NOT NULL DEFAULT '',
    cursor     INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
