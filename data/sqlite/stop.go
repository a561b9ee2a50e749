package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"motcua/data"
)

var _ data.StopService = (*DB)(nil)

// StopDossier records Mẫu số 05 for a dossier and stops it, in one
// transaction: the notice, the status change with the reason as its note
// (which the province checks against the life cycle as any other), the
// audit record and the outbox row.
func (db *DB) StopDossier(ctx context.Context, s data.Stop) (data.Stop, error) {
	s.DossierCode, s.Reason, s.Basis, s.Officer = data.Clean(s.DossierCode), data.Clean(s.Reason), data.Clean(s.Basis), data.Clean(s.Officer)
	s.IssuedAt = db.Now().In(data.Zone).Truncate(time.Second)
	if err := s.Validate(); err != nil {
		return data.Stop{}, err
	}
	err := db.inTx(ctx, func(tx *Tx) error {
		d, err := db.dossierTx(ctx, tx, s.DossierCode)
		if err != nil {
			return err
		}
		if !data.CanTransition(d.Status, data.StatusStopped) {
			return data.Errorf(data.EConflict, "Hồ sơ %s đang ở trạng thái %q, không dừng giải quyết được (chỉ dừng hồ sơ đang giải quyết hoặc chờ bổ sung).",
				d.Code, d.Status.Label())
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_stop (dossier_code, issued_at, reason, basis, officer)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (dossier_code) DO UPDATE SET issued_at = excluded.issued_at,
				reason = excluded.reason, basis = excluded.basis, officer = excluded.officer`,
			d.Code, s.IssuedAt.Format(time.RFC3339), s.Reason, s.Basis, s.Officer); err != nil {
			return err
		}
		return db.setStatusTx(ctx, tx, d.Code, d.Status, data.StatusStopped, s.Officer, stopNote+s.Reason)
	})
	if err != nil {
		return data.Stop{}, wrapErr("stop dossier", err)
	}
	return s, nil
}

// Stopped is a dossier's stop notice. A dossier another workstation
// stopped has no notice here: its status change says when, who and why.
func (db *DB) Stopped(ctx context.Context, code string) (data.Stop, error) {
	code = data.Clean(code)
	s := data.Stop{DossierCode: code}
	var at string
	err := db.read.QueryRowContext(ctx, `SELECT issued_at, reason, basis, officer FROM dossier_stop WHERE dossier_code = ?`, code).
		Scan(&at, &s.Reason, &s.Basis, &s.Officer)
	if err == nil {
		s.IssuedAt = parseStamp(at)
		return s, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return s, wrapErr("stopped "+code, err)
	}
	var note string
	err = db.read.QueryRowContext(ctx, `SELECT at, actor, note FROM dossier_event WHERE dossier_code = ? AND to_status = ?
		ORDER BY id DESC LIMIT 1`, code, data.StatusStopped).Scan(&at, &s.Officer, &note)
	if errors.Is(err, sql.ErrNoRows) {
		return s, data.Errorf(data.ENotFound, "Hồ sơ %s chưa có thông báo dừng giải quyết.", code)
	}
	if err != nil {
		return s, wrapErr("stopped "+code, err)
	}
	s.IssuedAt = parseStamp(at)
	s.Reason = stopReason(note)
	return s, nil
}

// stopReason is the reason in a stop's history note.
func stopReason(note string) string {
	const lead = stopNote
	if len(note) > len(lead) && note[:len(lead)] == lead {
		return note[len(lead):]
	}
	return note
}

// stopNote leads the history note of a stop, before the reason.
const stopNote = "Lý do: "
