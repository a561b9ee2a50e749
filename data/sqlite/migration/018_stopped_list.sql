-- The return desk's list of dossiers stopped lately (Mẫu 05) reads the
-- stopped dossiers alone, not every dossier of the store.
CREATE INDEX dossier_stopped ON dossier (code) WHERE status = 'stopped';
