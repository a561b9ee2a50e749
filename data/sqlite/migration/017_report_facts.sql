-- The period report reads every dossier it counts from one index and
-- nothing else (PeriodFacts): the dossier row keeps what the report
-- needs of its history, and the index holds it with the dossier's own
-- columns, times in Unix seconds so that it stays small.
--
-- report_steps are the history lines the report counts or closes on, in
-- the history's order: a letter and the line's time in Unix seconds,
-- separated by spaces. A apology (Mẫu 04), R returned, F refused,
-- S supplement requested, P stopped (any line moving to that status,
-- whatever its action, as the report always counted them); w withdrawn,
-- and f, p, w for an apology's line whose status is refused, stopped or
-- withdrawn, only close the dossier. report_last is the latest of them.
ALTER TABLE dossier ADD COLUMN report_steps TEXT NOT NULL DEFAULT '';
ALTER TABLE dossier ADD COLUMN report_last INTEGER NOT NULL DEFAULT 0;

-- Filled from the history of the dossiers already here, as the trigger
-- below writes them.
UPDATE dossier SET
    report_steps = COALESCE((SELECT group_concat(
            CASE WHEN e.action = 'apology' THEN 'A' || t || CASE e.to_status WHEN 'refused' THEN ' f' || t
                    WHEN 'stopped' THEN ' p' || t WHEN 'withdrawn' THEN ' w' || t ELSE '' END
                ELSE CASE e.to_status WHEN 'returned' THEN 'R' WHEN 'refused' THEN 'F' WHEN 'supplement-requested' THEN 'S'
                    WHEN 'stopped' THEN 'P' ELSE 'w' END || t END, ' ' ORDER BY e.id)
        FROM (SELECT id, action, to_status, COALESCE(unixepoch(at), 0) AS t FROM dossier_event
            WHERE dossier_code = dossier.code AND undone = 0 AND action <> 'undo' AND (action = 'apology'
                OR to_status IN ('returned', 'refused', 'supplement-requested', 'stopped', 'withdrawn'))) e), ''),
    report_last = COALESCE((SELECT max(COALESCE(unixepoch(at), 0)) FROM dossier_event
        WHERE dossier_code = dossier.code AND undone = 0 AND action <> 'undo' AND (action = 'apology'
            OR to_status IN ('returned', 'refused', 'supplement-requested', 'stopped', 'withdrawn'))), 0);

-- Every history line the report needs is added to its dossier's row in
-- the line's own transaction, whoever writes it (a status change, an
-- apology, the sync, the seed). A supervisor's undo line (016) counts
-- not, even back to a status counted.
CREATE TRIGGER dossier_event_report AFTER INSERT ON dossier_event
    WHEN NEW.action <> 'undo' AND (NEW.action = 'apology'
        OR NEW.to_status IN ('returned', 'refused', 'supplement-requested', 'stopped', 'withdrawn'))
BEGIN
    UPDATE dossier SET
        report_steps = ltrim(report_steps || ' ' ||
            CASE WHEN NEW.action = 'apology' THEN 'A' || COALESCE(unixepoch(NEW.at), 0) ||
                    CASE NEW.to_status WHEN 'refused' THEN ' f' WHEN 'stopped' THEN ' p' WHEN 'withdrawn' THEN ' w' ELSE '' END ||
                    CASE WHEN NEW.to_status IN ('refused', 'stopped', 'withdrawn') THEN COALESCE(unixepoch(NEW.at), 0) ELSE '' END
                ELSE CASE NEW.to_status WHEN 'returned' THEN 'R' WHEN 'refused' THEN 'F' WHEN 'supplement-requested' THEN 'S'
                    WHEN 'stopped' THEN 'P' ELSE 'w' END || COALESCE(unixepoch(NEW.at), 0) END),
        report_last = max(report_last, COALESCE(unixepoch(NEW.at), 0))
    WHERE code = NEW.dossier_code;
END;

-- A line marked undone (or put back when the province refused the
-- undo) changes what its dossier's row keeps: the row is made again from
-- the history, as the fill above makes it (group_concat over rows in
-- order: a trigger kept in the schema must read in SQLite tools older
-- than 3.44, which have no ORDER BY inside an aggregate).
CREATE TRIGGER dossier_event_report_undone AFTER UPDATE OF undone ON dossier_event
    WHEN OLD.undone <> NEW.undone
BEGIN
    UPDATE dossier SET
        report_steps = COALESCE((SELECT group_concat(step, ' ') FROM (SELECT
                CASE WHEN e.action = 'apology' THEN 'A' || t || CASE e.to_status WHEN 'refused' THEN ' f' || t
                        WHEN 'stopped' THEN ' p' || t WHEN 'withdrawn' THEN ' w' || t ELSE '' END
                    ELSE CASE e.to_status WHEN 'returned' THEN 'R' WHEN 'refused' THEN 'F' WHEN 'supplement-requested' THEN 'S'
                        WHEN 'stopped' THEN 'P' ELSE 'w' END || t END AS step
            FROM (SELECT id, action, to_status, COALESCE(unixepoch(at), 0) AS t FROM dossier_event
                WHERE dossier_code = NEW.dossier_code AND undone = 0 AND action <> 'undo' AND (action = 'apology'
                    OR to_status IN ('returned', 'refused', 'supplement-requested', 'stopped', 'withdrawn'))) e
            ORDER BY e.id)), ''),
        report_last = COALESCE((SELECT max(COALESCE(unixepoch(at), 0)) FROM dossier_event
            WHERE dossier_code = NEW.dossier_code AND undone = 0 AND action <> 'undo' AND (action = 'apology'
                OR to_status IN ('returned', 'refused', 'supplement-requested', 'stopped', 'withdrawn'))), 0)
    WHERE code = NEW.dossier_code;
END;

-- The report of a period reads the dossiers whose last moment that can
-- count is in it or after it: never past for one with neither a result
-- nor an end, else the latest of its filing, its result and the lines
-- above. The expressions are PeriodFacts' own (data/sqlite/report.go).
CREATE INDEX dossier_report ON dossier (
    (CASE WHEN result_ready_at = '' AND status NOT IN ('refused', 'withdrawn', 'stopped') THEN 9000000000000000
        ELSE max(COALESCE(unixepoch(received_at), 0), COALESCE(unixepoch(result_ready_at), 0), report_last) END),
    COALESCE(unixepoch(received_at), 0), code, procedure_code, officer, channel, due_date,
    COALESCE(unixepoch(result_ready_at), 0), status, report_steps);

-- What the report read before, and nothing else reads.
DROP INDEX dossier_result;
DROP INDEX dossier_event_counted;
