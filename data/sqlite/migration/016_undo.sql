-- A supervisor undoes a dossier's last status change set by mistake
-- (data.LastChange): the change's history line stays, marked undone, and
-- an 'undo' line follows it; the reports, the register and the control
-- sheet count neither. An undone return's record stays, marked, until the
-- result is handed over again (or the province refuses the undo).
ALTER TABLE dossier_event ADD COLUMN undone INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier_return ADD COLUMN undone INTEGER NOT NULL DEFAULT 0;
