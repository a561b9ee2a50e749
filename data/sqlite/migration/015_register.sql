-- The register (Mẫu số 07) lists the dossiers filed in a period: it reads
-- them by filing time. The period report may have made the same index.
CREATE INDEX IF NOT EXISTS dossier_received ON dossier (received_at);
