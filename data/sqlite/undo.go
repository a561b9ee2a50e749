package sqlite

import (
	"context"
	"fmt"

	"motcua/data"
)

// UndoStatus undoes a dossier's last status change, as data.LastChange
// allows, with the reason: in one transaction the dossier goes back to
// the status before, what the undone status brought goes with it (the
// time its result was ready, its return record), the undone line is
// marked and an undo line follows it, and an audit record and a
// dossier.status change marked Undo are written.
func (db *DB) UndoStatus(ctx context.Context, code, reason, actor string) (data.Dossier, error) {
	code, actor = data.Clean(code), data.Clean(actor)
	reason, err := data.CleanUndoReason(reason)
	if err != nil {
		return data.Dossier{}, err
	}
	err = db.inTx(ctx, func(tx *Tx) error {
		status, err := statusOf(ctx, tx, code)
		if err != nil {
			return err
		}
		hist, err := db.history(ctx, tx, code)
		if err != nil {
			return err
		}
		last, err := data.LastChange(code, hist)
		if err != nil {
			return err
		}
		if last.To != status {
			return data.Errorf(data.EConflict, "Hồ sơ %s đang ở trạng thái “%s”, khác thay đổi cuối trong lịch sử; chưa hoàn tác được.", code, status.Label())
		}
		change := data.StatusChange{Code: code, From: last.To, To: last.From, Note: reason, Actor: actor, Undo: true}
		undoneReturn, err := db.undoDerived(ctx, tx, change)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE dossier_event SET undone = 1 WHERE id = (SELECT id FROM dossier_event
			WHERE dossier_code = ? AND from_status <> to_status ORDER BY id DESC LIMIT 1)`, code); err != nil {
			return err
		}
		if err := db.event(ctx, tx, code, actor, data.ActionUndo, change.From, change.To, reason); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s → %s: %s", change.From, change.To, reason)
		record := map[string]any{"change": change}
		if undoneReturn != nil {
			detail += fmt.Sprintf(" (đã trả lúc %s cho %s)", undoneReturn.At.Format("15:04 02/01/2006"), undoneReturn.Name)
			record["return"] = undoneReturn
		}
		if err := db.audit(ctx, tx, actor, "dossier.undo", code, detail, record); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, data.ChangeDossierStatus, code, change)
	})
	if err != nil {
		return data.Dossier{}, wrapErr("undo status "+code, err)
	}
	return db.Dossier(ctx, code)
}

// undoDerived moves a dossier back by an undo and takes away what the
// undone status brought: the time its result was ready, which the
// reports and the return desk's list count, and its return record
// (marked undone), so that the result can be handed over again. It
// returns the return record taken away, nil when none was.
func (db *DB) undoDerived(ctx context.Context, tx *Tx, u data.StatusChange) (*data.Return, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE dossier SET status = ?1, updated_at = ?2,
			result_ready_at = CASE WHEN ?3 = 'result-ready' THEN '' ELSE result_ready_at END WHERE code = ?4`,
		u.To, db.stamp(), u.From, u.Code); err != nil {
		return nil, err
	}
	if u.From != data.StatusReturned {
		return nil, nil
	}
	r, err := db.returned(ctx, tx, u.Code)
	if data.ErrorCode(err) == data.ENotFound {
		return nil, nil // returned at another workstation, or by post
	}
	if err != nil {
		return nil, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE dossier_return SET undone = 1 WHERE dossier_code = ?`, u.Code)
	return &r, err
}
