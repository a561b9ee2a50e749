-- The province's totals read, for a period, only the dossiers alive in
-- it, and each from one index entry: the supplement requests come onto
-- the dossier's row (they were read from the history, one dossier at a
-- time), whether a result was early, on time or late is worked out once,
-- and the index is ordered by the day of filing first, so that a period
-- long past reads the dossiers of its days and not every later one.

-- Every supplement request's time, in the history's order, and the
-- latest of them.
ALTER TABLE dossier ADD COLUMN supplement_at TIMESTAMPTZ[], ADD COLUMN supplement_last TIMESTAMPTZ;
UPDATE dossier d SET supplement_at = s.ats, supplement_last = s.last
    FROM (SELECT dossier_code, array_agg(at ORDER BY id) AS ats, max(at) AS last FROM dossier_event
        WHERE to_status = 'supplement-requested' AND from_status <> to_status GROUP BY dossier_code) s
    WHERE d.code = s.dossier_code;

-- active_until (006) counts the supplement requests too; ended_at is
-- when the dossier stopped being in progress (its result, or its end
-- without one); resolved is the result's day against the due date in
-- force when it came (-1 early, 0 on the day, 1 late), as report.Classify
-- puts it; received_day is the day of filing in UTC, the index's first
-- key.
DROP INDEX dossier_active;
ALTER TABLE dossier DROP COLUMN active_until,
    ADD COLUMN active_until TIMESTAMPTZ GENERATED ALWAYS AS (
        CASE WHEN ready_at IS NULL AND refused_at IS NULL AND stopped_at IS NULL AND withdrawn_at IS NULL THEN 'infinity'::timestamptz
        ELSE GREATEST(received_at, ready_at, returned_at, refused_at, stopped_at, withdrawn_at, apology_at, supplement_last) END) STORED,
    ADD COLUMN ended_at TIMESTAMPTZ GENERATED ALWAYS AS (LEAST(ready_at, refused_at, stopped_at, withdrawn_at)) STORED,
    ADD COLUMN resolved SMALLINT GENERATED ALWAYS AS (
        sign(((ready_at AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date -
            CASE WHEN old_due IS NOT NULL AND apology_at IS NOT NULL AND ready_at < apology_at THEN old_due ELSE due_date END)::smallint) STORED,
    ADD COLUMN received_day DATE GENERATED ALWAYS AS ((received_at AT TIME ZONE 'UTC')::date) STORED;
CREATE INDEX dossier_active ON dossier (received_day, active_until) INCLUDE (office_id, received_at, channel, due_date, old_due,
    ended_at, ready_at, resolved, returned_at, refused_at, stopped_at, apology_at, supplement_at);
DROP INDEX dossier_event_supplement;

CREATE OR REPLACE FUNCTION dossier_milestone() RETURNS trigger LANGUAGE plpgsql AS $$
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
    ELSIF NEW.to_status = 'supplement-requested' THEN
        UPDATE dossier SET supplement_at = array_append(supplement_at, NEW.at), supplement_last = GREATEST(supplement_last, NEW.at)
            WHERE code = NEW.dossier_code;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER dossier_event_milestone ON dossier_event;
CREATE TRIGGER dossier_event_milestone AFTER INSERT ON dossier_event FOR EACH ROW
    WHEN (NEW.action = 'apology' OR (NEW.from_status <> NEW.to_status
        AND NEW.to_status IN ('result-ready', 'returned', 'refused', 'stopped', 'withdrawn', 'supplement-requested')))
    EXECUTE FUNCTION dossier_milestone();
