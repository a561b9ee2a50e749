package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/returns"
)

var _ data.ReturnService = (*DB)(nil)

// ReturnResult hands a ready result over and closes the dossier.
func (db *DB) ReturnResult(ctx context.Context, code string, r data.Recipient, officer string) (data.Return, error) {
	code = data.Clean(code)
	r.IDNumber, r.Name, r.Authorisation = data.Clean(r.IDNumber), data.Clean(r.Name), data.Clean(r.Authorisation)
	officer = data.Clean(officer)
	var ret data.Return
	err := db.inTx(ctx, func(tx *Tx) error {
		d, err := db.dossierTx(ctx, tx, code)
		if err != nil {
			return err
		}
		switch d.Status {
		case data.StatusResultReady:
		case data.StatusReturned:
			prev, _ := db.returned(ctx, tx, code)
			return data.Errorf(data.EConflict, "Hồ sơ %s đã trả kết quả lúc %s cho %s.", code, prev.At.Format("15:04 02/01/2006"), prev.Name)
		default:
			return data.Errorf(data.EConflict, "Hồ sơ %s chưa có kết quả để trả (trạng thái: %s).", code, d.Status.Label())
		}
		if err := returns.CheckRecipient(d, r); err != nil {
			return err
		}
		ret = data.Return{DossierCode: code, At: db.Now().In(data.Zone).Truncate(time.Second), Officer: officer,
			Name: d.Applicant.Name, IDNumber: r.IDNumber, Authorised: r.Authorised(), Authorisation: r.Authorisation}
		if ret.Authorised {
			ret.Name = r.Name
		}
		// A return a supervisor undid gives way to this one.
		if _, err := tx.ExecContext(ctx, `DELETE FROM dossier_return WHERE dossier_code = ? AND undone = 1`, code); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO dossier_return (dossier_code, returned_at, officer, recipient_name,
				recipient_id, authorised, authorisation) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			code, ret.At.Format(time.RFC3339), officer, ret.Name, ret.IDNumber, ret.Authorised, ret.Authorisation); err != nil {
			return err
		}
		note := "Trả kết quả cho người nộp " + ret.Name
		if ret.Authorised {
			note = "Trả kết quả cho người được ủy quyền " + ret.Name + " (" + ret.Authorisation + ")"
		}
		return db.setStatusTx(ctx, tx, code, d.Status, data.StatusReturned, officer, note)
	})
	return ret, wrapErr("return result", err)
}

// Returned is the return record of a dossier.
func (db *DB) Returned(ctx context.Context, code string) (data.Return, error) {
	return db.returned(ctx, db.read, data.Clean(code))
}

func (db *DB) returned(ctx context.Context, q querier, code string) (data.Return, error) {
	var (
		r  data.Return
		at string
	)
	err := q.QueryRowContext(ctx, `SELECT dossier_code, returned_at, officer, recipient_name, recipient_id, authorised, authorisation
		FROM dossier_return WHERE dossier_code = ? AND undone = 0`, code).Scan(&r.DossierCode, &at, &r.Officer, &r.Name, &r.IDNumber, &r.Authorised, &r.Authorisation)
	if errors.Is(err, sql.ErrNoRows) {
		return r, data.Errorf(data.ENotFound, "Hồ sơ %s chưa trả kết quả.", code)
	}
	if err != nil {
		return r, fmt.Errorf("sqlite: returned %s: %w", code, err)
	}
	r.At = parseStamp(at)
	return r, nil
}

// Apologise records Form 04 and the new due date.
func (db *DB) Apologise(ctx context.Context, code string, newDue time.Time, reason, officer string) (data.Apology, error) {
	code, reason = data.Clean(code), data.Clean(reason)
	cal, err := db.Calendar(ctx)
	if err != nil {
		return data.Apology{}, err
	}
	now := db.Now().In(data.Zone)
	today := data.DateOf(now)
	newDue = data.DateOf(newDue)
	var a data.Apology
	err = db.inTx(ctx, func(tx *Tx) error {
		d, err := db.dossierTx(ctx, tx, code)
		if err != nil {
			return err
		}
		var prior string
		switch err := tx.QueryRowContext(ctx, `SELECT issued_at FROM apology WHERE dossier_code = ?`, code).Scan(&prior); {
		case err == nil:
			return data.Errorf(data.EConflict, "Hồ sơ %s đã có phiếu xin lỗi và hẹn lại ngày (%s); chỉ được hẹn lại một lần.",
				code, parseStamp(prior).Format("02/01/2006"))
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		switch d.Status {
		case data.StatusReceived, data.StatusTransferred:
		default:
			return data.Errorf(data.EConflict, "Hồ sơ %s đang ở trạng thái %q, không cần hẹn lại.", code, d.Status.Label())
		}
		if err := returns.CheckApology(d, today, newDue, reason, cal); err != nil {
			return err
		}
		a = data.Apology{DossierCode: code, IssuedAt: now.Truncate(time.Second), OldDue: d.DueDate, NewDue: newDue, Reason: reason, Officer: officer}
		if _, err := tx.ExecContext(ctx, `INSERT INTO apology (dossier_code, issued_at, old_due, new_due, reason, officer)
			VALUES (?, ?, ?, ?, ?, ?)`, code, a.IssuedAt.Format(time.RFC3339), a.OldDue.Format(dateLayout), newDue.Format(dateLayout), reason, officer); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE dossier SET due_date = ?, updated_at = ? WHERE code = ?`, newDue.Format(dateLayout), db.stamp(), code); err != nil {
			return err
		}
		note := fmt.Sprintf("Xin lỗi, hẹn lại từ %s sang %s: %s", a.OldDue.Format("02/01/2006"), newDue.Format("02/01/2006"), reason)
		if err := db.event(ctx, tx, code, officer, "apology", d.Status, d.Status, note); err != nil {
			return err
		}
		change := data.DossierUpdate{Code: code, Action: data.UpdateApology, Actor: officer, Note: note, DueDate: newDue.Format(dateLayout)}
		if err := db.audit(ctx, tx, officer, "dossier.apology", code, note, change); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, data.ChangeDossierUpdated, code, change)
	})
	return a, wrapErr("apologise", err)
}

// openStatuses are the statuses whose clock runs: the partial index
// dossier_open_list holds these dossiers only, and a query must name them
// in these very words for SQLite to use it.
const openStatuses = `(status = 'received' OR status = 'transferred' OR status = 'result-ready')`

// listedColumns are what scanListed reads of a dossier, in its order:
// what a list row shows, all in the lists' indexes.
const listedColumns = `code, applicant_name, procedure_name, status, due_date`

// Lists computes the return desk's lists as of now. The waiting,
// due-soon and overdue lists come from one pass over the open dossiers,
// read from their index alone (dossier_open_list holds what a row shows);
// the stopped list from the index of stops. Every dossier that belongs
// in a list is in it; a row carries what the list shows, and opening it
// reads the whole dossier.
func (db *DB) Lists(ctx context.Context) (data.Lists, error) {
	cal, err := db.Calendar(ctx)
	if err != nil {
		return data.Lists{}, err
	}
	now := db.Now().In(data.Zone)
	today := data.DateOf(now)
	day, horizon := today.Format(dateLayout), cal.Due(today, data.DueSoonDays, 0).Format(dateLayout)
	l := data.Lists{Waiting: []data.Waiting{}, DueSoon: []data.Listed{}, Overdue: []data.Listed{}}
	// The open dossiers due after the horizon are in no list but the
	// waiting one, if their result is ready.
	rows, err := db.read.QueryContext(ctx, `SELECT `+listedColumns+`, result_ready_at FROM dossier INDEXED BY dossier_open_list
		WHERE `+openStatuses+` AND (due_date <= ? OR status = 'result-ready') ORDER BY due_date, code`, horizon)
	if err != nil {
		return l, fmt.Errorf("sqlite: lists: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var due, since string
		it, err := scanListed(rows, &due, &since)
		if err != nil {
			return l, fmt.Errorf("sqlite: lists: %w", err)
		}
		// The clock stops while the applicant completes the dossier, and
		// for good once the dossier is stopped: openStatuses leaves both
		// out. A result ready past its due date stays overdue.
		switch {
		case due < day:
			l.Overdue = append(l.Overdue, it)
		case due <= horizon && it.Status != data.StatusResultReady:
			l.DueSoon = append(l.DueSoon, it)
		}
		if it.Status != data.StatusResultReady {
			continue
		}
		w := data.Waiting{Dossier: it, Since: parseStamp(since)}
		if !w.Since.IsZero() {
			w.Days = max(0, int(today.Sub(data.DateOf(w.Since)).Hours()/24+0.5)) // a clock ahead elsewhere is no negative wait
		}
		l.Waiting = append(l.Waiting, w)
	}
	if err := rows.Err(); err != nil {
		return l, fmt.Errorf("sqlite: lists: %w", err)
	}
	rows.Close()
	// The longest waiting first.
	slices.SortFunc(l.Waiting, func(a, b data.Waiting) int {
		return cmp.Or(a.Since.Compare(b.Since), strings.Compare(a.Dossier.Code, b.Dossier.Code))
	})
	since := today.AddDate(0, 0, -data.StoppedDays).Format(time.RFC3339)
	if l.Stopped, err = db.listedWhere(ctx, `SELECT d.code, d.applicant_name, d.procedure_name, d.status, d.due_date
		FROM dossier_event e INDEXED BY dossier_event_stopped JOIN dossier d ON d.code = e.dossier_code
		WHERE e.to_status = 'stopped' AND e.from_status <> 'stopped' AND e.at >= ? AND d.status = 'stopped'
		GROUP BY d.code ORDER BY MAX(e.at) DESC, d.code`, since); err != nil {
		return l, err
	}
	return l, nil
}

// scanListed reads a row of listedColumns, the due date kept as stored
// in *due, and then the extra columns.
func scanListed(rows *sql.Rows, due *string, extra ...any) (data.Listed, error) {
	var (
		it     data.Listed
		status string
	)
	if err := rows.Scan(append([]any{&it.Code, &it.ApplicantName, &it.ProcedureName, &status, due}, extra...)...); err != nil {
		return it, err
	}
	it.Status = data.Status(status)
	var err error
	it.DueDate, err = data.ParseDate(*due)
	return it, err
}

// listedWhere reads the list rows a query of listedColumns returns.
func (db *DB) listedWhere(ctx context.Context, query string, args ...any) ([]data.Listed, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list: %w", err)
	}
	defer rows.Close()
	out := []data.Listed{}
	for rows.Next() {
		var due string
		it, err := scanListed(rows, &due)
		if err != nil {
			return nil, fmt.Errorf("sqlite: list: %w", err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// ListsScan computes the same lists as Lists the way they were computed
// before the partial indexes: each dossier found by a scan, then read on
// its own with its documents. Benchmarks measure Lists against it.
func (db *DB) ListsScan(ctx context.Context) (int, error) {
	today := data.DateOf(db.Now().In(data.Zone)).Format(dateLayout)
	n := 0
	for _, q := range []string{
		`SELECT code FROM dossier NOT INDEXED WHERE status = 'result-ready' ORDER BY result_ready_at, code`,
		`SELECT code FROM dossier NOT INDEXED WHERE status NOT IN ('returned', 'refused', 'withdrawn', 'supplement-requested') AND due_date < ?1 ORDER BY due_date, code`,
		`SELECT code FROM dossier NOT INDEXED WHERE status IN ('received', 'transferred') AND due_date >= ?1 AND due_date <= date(?1, '+4 days') ORDER BY due_date, code`,
	} {
		ds, err := db.dossiersWhere(ctx, q, today)
		if err != nil {
			return n, err
		}
		n += len(ds)
	}
	return n, nil
}

func (db *DB) codes(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: list: %w", err)
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("sqlite: list: %w", err)
		}
		codes = append(codes, c)
	}
	return codes, rows.Err()
}

func (db *DB) dossiersWhere(ctx context.Context, query string, args ...any) ([]data.Dossier, error) {
	codes, err := db.codes(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	ds := make([]data.Dossier, 0, len(codes))
	for _, c := range codes {
		d, err := db.Dossier(ctx, c)
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	return ds, nil
}

// DossiersOf lists an applicant's dossiers, newest first.
func (db *DB) DossiersOf(ctx context.Context, idNumber string) ([]data.Dossier, error) {
	return db.dossiersWhere(ctx, `SELECT code FROM dossier WHERE applicant_id = ? ORDER BY received_at DESC LIMIT 200`, data.Clean(idNumber))
}

// ManifestsOf lists the manifests a dossier travelled on.
func (db *DB) ManifestsOf(ctx context.Context, code string) ([]string, error) {
	return db.codes(ctx, `SELECT m.number FROM manifest_item i JOIN manifest m ON m.number = i.manifest_number
		WHERE i.dossier_code = ? ORDER BY m.opened_at`, data.Clean(code))
}
