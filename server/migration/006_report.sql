-- The province's totals (motcua-server report): each dossier keeps when
-- each step the figures count happened, so that a period's figures read
-- only the dossiers alive in it. A trigger on the history fills them, so
-- every writer of a dossier's history (a workstation's push, an agency's
-- decision) keeps them right; the rules are data/report's Classify.

ALTER TABLE dossier
    ADD COLUMN channel TEXT GENERATED ALWAYS AS (COALESCE(record->>'channel', 'counter')) STORED,
    ADD COLUMN ready_at TIMESTAMPTZ,     -- first move to result-ready
    ADD COLUMN returned_at TIMESTAMPTZ,
    ADD COLUMN refused_at TIMESTAMPTZ,
    ADD COLUMN stopped_at TIMESTAMPTZ,
    ADD COLUMN withdrawn_at TIMESTAMPTZ,
    ADD COLUMN apology_at TIMESTAMPTZ,   -- Mẫu 04
    ADD COLUMN old_due DATE;             -- the due date before the apology

-- The apology's note says the dates it moved: "Xin lỗi, hẹn lại từ
-- 10/03/2026 sang 17/03/2026: …" (data/sqlite Apologise).
CREATE FUNCTION apology_old_due(note TEXT) RETURNS DATE LANGUAGE sql IMMUTABLE AS $$
    SELECT to_date(substring(note FROM 'từ ([0-9]{2}/[0-9]{2}/[0-9]{4}) sang'), 'DD/MM/YYYY')
$$;

UPDATE dossier d SET ready_at = e.ready, returned_at = e.returned, refused_at = e.refused, stopped_at = e.stopped,
        withdrawn_at = e.withdrawn, apology_at = e.apology, old_due = e.old_due
    FROM (SELECT dossier_code,
            min(at) FILTER (WHERE to_status = 'result-ready' AND from_status <> to_status) AS ready,
            min(at) FILTER (WHERE to_status = 'returned' AND from_status <> to_status) AS returned,
            min(at) FILTER (WHERE to_status = 'refused' AND from_status <> to_status) AS refused,
            min(at) FILTER (WHERE to_status = 'stopped' AND from_status <> to_status) AS stopped,
            min(at) FILTER (WHERE to_status = 'withdrawn' AND from_status <> to_status) AS withdrawn,
            min(at) FILTER (WHERE action = 'apology') AS apology,
            min(apology_old_due(note)) FILTER (WHERE action = 'apology') AS old_due
        FROM dossier_event
        WHERE action = 'apology' OR (from_status <> to_status AND to_status IN ('result-ready', 'returned', 'refused', 'stopped', 'withdrawn'))
        GROUP BY dossier_code) e
    WHERE d.code = e.dossier_code;

-- The last moment a period's figures can count the dossier: never for
-- one still in progress, else its latest step.
ALTER TABLE dossier ADD COLUMN active_until TIMESTAMPTZ GENERATED ALWAYS AS (
    CASE WHEN ready_at IS NULL AND refused_at IS NULL AND stopped_at IS NULL AND withdrawn_at IS NULL THEN 'infinity'::timestamptz
    ELSE GREATEST(received_at, ready_at, returned_at, refused_at, stopped_at, withdrawn_at, apology_at) END) STORED;
-- A period reads the dossiers alive in it from this index alone: it
-- holds every column the figures read.
CREATE INDEX dossier_active ON dossier (active_until) INCLUDE (office_id, received_at, channel, due_date, old_due,
    ready_at, returned_at, refused_at, stopped_at, withdrawn_at, apology_at);

-- Supplement requests may repeat: each counts, read from the history.
CREATE INDEX dossier_event_supplement ON dossier_event (at)
    WHERE to_status = 'supplement-requested' AND from_status <> to_status;

CREATE FUNCTION dossier_milestone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.action = 'apology' THEN
        UPDATE dossier SET apology_at = COALESCE(apology_at, NEW.at), old_due = COALESCE(old_due, apology_old_due(NEW.note))
            WHERE code = NEW.dossier_code;
    ELSIF NEW.to_status = 'result-ready' THEN
        UPDATE dossier SET ready_at = COALESCE(ready_at, NEW.at) WHERE code = NEW.dossier_code;
    ELSIF NEW.to_status = 'returned' THEN
        UPDATE dossier SET returned_at = COALESCE(returned_at, NEW.at) WHERE code = NEW.dossier_code;
    ELSIF NEW.to_status = 'refused' THEN
        UPDATE dossier SET refused_at = COALESCE(refused_at, NEW.at) WHERE code = NEW.dossier_code;
    ELSIF NEW.to_status = 'stopped' THEN
        UPDATE dossier SET stopped_at = COALESCE(stopped_at, NEW.at) WHERE code = NEW.dossier_code;
    ELSIF NEW.to_status = 'withdrawn' THEN
        UPDATE dossier SET withdrawn_at = COALESCE(withdrawn_at, NEW.at) WHERE code = NEW.dossier_code;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER dossier_event_milestone AFTER INSERT ON dossier_event FOR EACH ROW
    WHEN (NEW.action = 'apology' OR (NEW.from_status <> NEW.to_status
        AND NEW.to_status IN ('result-ready', 'returned', 'refused', 'stopped', 'withdrawn')))
    EXECUTE FUNCTION dossier_milestone();
