-- A list of three or more constants after IN makes SQLite build a
-- temporary table each time the expression is computed: in an index's
-- expression or condition on every write of a dossier, in a trigger's
-- condition on every history line. Each one costs an intake about a
-- tenth of a millisecond, so the same tests are written as comparisons.
-- The queries that read these indexes say their conditions as here
-- (openStatuses, reportLive).

DROP INDEX dossier_open_due;
CREATE INDEX dossier_open_due ON dossier (due_date, code)
    WHERE status = 'received' OR status = 'transferred' OR status = 'result-ready';

DROP INDEX dossier_report;
CREATE INDEX dossier_report ON dossier (
    (CASE WHEN result_ready_at = '' AND status <> 'refused' AND status <> 'withdrawn' AND status <> 'stopped' THEN 9000000000000000
        ELSE max(COALESCE(unixepoch(received_at), 0), COALESCE(unixepoch(result_ready_at), 0), report_last) END),
    COALESCE(unixepoch(received_at), 0), code, procedure_code, officer, channel, due_date,
    COALESCE(unixepoch(result_ready_at), 0), status, report_steps);

-- 017's trigger, written without IN: the same steps.
DROP TRIGGER dossier_event_report;
CREATE TRIGGER dossier_event_report AFTER INSERT ON dossier_event
    WHEN NEW.action <> 'undo' AND (NEW.action = 'apology' OR NEW.to_status = 'returned' OR NEW.to_status = 'refused'
        OR NEW.to_status = 'supplement-requested' OR NEW.to_status = 'stopped' OR NEW.to_status = 'withdrawn')
BEGIN
    UPDATE dossier SET
        report_steps = ltrim(report_steps || ' ' ||
            CASE WHEN NEW.action = 'apology' THEN 'A' || COALESCE(unixepoch(NEW.at), 0) ||
                    CASE NEW.to_status WHEN 'refused' THEN ' f' || COALESCE(unixepoch(NEW.at), 0)
                        WHEN 'stopped' THEN ' p' || COALESCE(unixepoch(NEW.at), 0)
                        WHEN 'withdrawn' THEN ' w' || COALESCE(unixepoch(NEW.at), 0) ELSE '' END
                ELSE CASE NEW.to_status WHEN 'returned' THEN 'R' WHEN 'refused' THEN 'F' WHEN 'supplement-requested' THEN 'S'
                    WHEN 'stopped' THEN 'P' ELSE 'w' END || COALESCE(unixepoch(NEW.at), 0) END),
        report_last = max(report_last, COALESCE(unixepoch(NEW.at), 0))
    WHERE code = NEW.dossier_code;
END;
