-- The return desk's lists read what their rows show from small indexes
-- alone, not the table row of each of thousands of dossiers.

-- The open dossiers (a few thousand of a million) in order of due date,
-- with what a row of the waiting, due-soon and overdue lists shows: one
-- pass over this index gives the three lists. The index of the ready
-- results served the waiting list alone.
DROP INDEX dossier_open_due;
DROP INDEX dossier_ready;
-- Its condition is 019's, in plain comparisons (openStatuses).
CREATE INDEX dossier_open_list ON dossier (due_date, code, status, result_ready_at, applicant_name, procedure_name)
    WHERE status = 'received' OR status = 'transferred' OR status = 'result-ready';

-- The dossiers stopped lately, by the time of their stop: the stops of
-- the last days are found among these few events, not by looking up the
-- history of every dossier ever stopped (018).
DROP INDEX dossier_stopped;
CREATE INDEX dossier_event_stopped ON dossier_event (at, dossier_code)
    WHERE to_status = 'stopped' AND from_status <> 'stopped';
