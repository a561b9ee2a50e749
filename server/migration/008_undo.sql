-- A supervisor's undo of a dossier's last status change (data.LastChange)
-- is an 'undo' line of the history, from the status undone back to the
-- one before: the figures forget what the undone status brought, its
-- time of result, of return or of withdrawal, as if it never came; an
-- undo back to a supplement request is no new request (007 keeps them on
-- the row).
CREATE OR REPLACE FUNCTION dossier_milestone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.action = 'undo' THEN
        UPDATE dossier SET
            ready_at = CASE WHEN NEW.from_status = 'result-ready' THEN NULL ELSE ready_at END,
            returned_at = CASE WHEN NEW.from_status = 'returned' THEN NULL ELSE returned_at END,
            withdrawn_at = CASE WHEN NEW.from_status = 'withdrawn' THEN NULL ELSE withdrawn_at END
            WHERE code = NEW.dossier_code;
    ELSIF NEW.action = 'apology' THEN
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
-- The trigger's WHEN let an undo through only when it went back to a
-- status with a milestone: it takes every undo now.
DROP TRIGGER dossier_event_milestone ON dossier_event;
CREATE TRIGGER dossier_event_milestone AFTER INSERT ON dossier_event FOR EACH ROW
    WHEN (NEW.action IN ('apology', 'undo') OR (NEW.from_status <> NEW.to_status
        AND NEW.to_status IN ('result-ready', 'returned', 'refused', 'stopped', 'withdrawn', 'supplement-requested')))
    EXECUTE FUNCTION dossier_milestone();
