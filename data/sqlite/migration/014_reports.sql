-- The period reports read the dossiers filed in a period and those whose
-- result came (or has not come) since its start, and count what was done
-- to dossiers in it: each through an index of its own, so that a year of
-- a million dossiers reads only what it counts.
CREATE INDEX dossier_received ON dossier (received_at);
CREATE INDEX dossier_result ON dossier (result_ready_at, received_at);
CREATE INDEX dossier_event_counted ON dossier_event (at)
    WHERE to_status IN ('returned', 'refused', 'supplement-requested', 'stopped') OR action = 'apology';
