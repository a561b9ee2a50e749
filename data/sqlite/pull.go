package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"motcua/data"
)

// officeTx reads the office inside a transaction; the zero Office before
// set-up.
func (db *DB) officeTx(ctx context.Context, tx *Tx) (data.Office, error) {
	var o data.Office
	err := tx.QueryRowContext(ctx, `SELECT agency_code, workstation FROM office WHERE id = 1`).Scan(&o.AgencyCode, &o.Workstation)
	if errors.Is(err, sql.ErrNoRows) {
		return o, nil
	}
	return o, err
}

// storeFault reports whether applying a change failed because of the
// store itself (busy, full, broken, cancelled) rather than the change:
// then the whole page fails, to be pulled again.
func storeFault(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return true
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return false // the change's own fault: malformed, invalid
	}
	switch se.Code {
	case sqlite3.ErrConstraint, sqlite3.ErrMismatch, sqlite3.ErrTooBig, sqlite3.ErrRange:
		return false
	}
	return true
}

// recordPullProblem lists a pulled change that could not be applied as
// needing attention, with the reason in Vietnamese.
func (db *DB) recordPullProblem(ctx context.Context, tx *Tx, c data.RemoteChange, cause error) error {
	reason := "Không áp dụng được thay đổi nhận từ tỉnh: "
	var se sqlite3.Error
	switch {
	case data.ErrorCode(cause) != data.EInternal:
		reason += data.ErrorMessage(cause)
	case errors.As(cause, &se) && se.Code == sqlite3.ErrConstraint:
		reason += "nó trùng với dữ liệu đã có ở máy này (" + se.Error() + ")."
	default:
		var je *json.SyntaxError
		if errors.As(cause, &je) {
			reason += "nội dung không đọc được."
		} else {
			reason += cause.Error()
		}
	}
	reason += " Các thay đổi khác vẫn được nhận; hãy báo quản trị của tỉnh."
	at := c.At
	if at.IsZero() {
		at = db.Now()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO pull_problem (key, seq, kind, subject, reason, changed_at, recorded_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET reason = excluded.reason`,
		c.Key, c.Seq, c.Kind, c.Subject, reason, at.In(data.Zone).Format(time.RFC3339), db.stamp())
	return err
}

// registerClash refuses a pulled dossier whose register line another
// dossier here already holds.
func registerClash(ctx context.Context, tx *Tx, d data.Dossier) error {
	var other string
	err := tx.QueryRowContext(ctx, `SELECT code FROM dossier WHERE book = ? AND register_no = ? AND workstation = ? AND code <> ?`,
		d.Book, d.RegisterNo, d.Workstation, d.Code).Scan(&other)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return data.Errorf(data.EConflict, "hồ sơ %s mang số thứ tự %d, quyển %d của máy trạm %d, trùng với hồ sơ %s đã có ở máy này.",
		d.Code, d.RegisterNo, d.Book, d.Workstation, other)
}

// codeSeq returns the day (YYMMDD) and sequence number of a dossier code.
func codeSeq(code string) (day string, seq int, ok bool) {
	i := strings.LastIndexByte(code, '-')
	if i < 7 {
		return "", 0, false
	}
	seq, err := strconv.Atoi(code[i+1:])
	return code[i-6 : i], seq, err == nil
}

// raiseNumbers makes the day's sequence and the book's register number
// of this workstation at least those of d, here and in raised (the floors
// to write to the journal).
func raiseNumbers(ctx context.Context, tx *Tx, d data.Dossier, raised map[string]int) error {
	day, seq, ok := codeSeq(d.Code)
	first, limit := data.SequenceBlock(d.Workstation)
	if ok && seq >= first && seq <= limit {
		if _, err := tx.ExecContext(ctx, `INSERT INTO day_sequence (day, last) VALUES (?, ?)
			ON CONFLICT (day) DO UPDATE SET last = MAX(last, excluded.last)`, day, seq); err != nil {
			return err
		}
		raised[dayKey(day, d.Workstation)] = max(raised[dayKey(day, d.Workstation)], seq)
	}
	if d.RegisterNo > 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO register_book (book, last) VALUES (?, ?)
			ON CONFLICT (book) DO UPDATE SET last = MAX(last, excluded.last)`, d.Book, d.RegisterNo); err != nil {
			return err
		}
		raised[bookKey(d.Book, d.Workstation)] = max(raised[bookKey(d.Book, d.Workstation)], d.RegisterNo)
	}
	return nil
}

// RaiseNumbers makes sure this workstation's next dossier numbers,
// register numbers and fee receipt numbers are above the highest the
// province holds for it: in the journal, and the first two in the
// database too.
func (db *DB) RaiseNumbers(ctx context.Context, hs []data.NumberHigh) error {
	raised := map[string]int{}
	err := db.inTx(ctx, func(tx *Tx) error {
		office, err := db.officeTx(ctx, tx)
		if err != nil || office.Workstation == 0 {
			return err
		}
		first, limit := data.SequenceBlock(office.Workstation)
		rfirst, rlast := data.ReceiptBlock(office.Workstation)
		for _, h := range hs {
			switch {
			case h.Day != "" && len(h.Day) == 6 && allDigits(h.Day) && h.Last >= first && h.Last <= limit:
				if _, err := tx.ExecContext(ctx, `INSERT INTO day_sequence (day, last) VALUES (?, ?)
					ON CONFLICT (day) DO UPDATE SET last = MAX(last, excluded.last)`, h.Day, h.Last); err != nil {
					return err
				}
				raised[dayKey(h.Day, office.Workstation)] = max(raised[dayKey(h.Day, office.Workstation)], h.Last)
			case h.ReceiptYear > 0 && h.Last >= rfirst && h.Last <= rlast:
				k := receiptKey(h.ReceiptYear, office.Workstation)
				raised[k] = max(raised[k], h.Last)
			case h.Book > 0 && h.Last > 0 && h.Last <= maxRegisterNo:
				if _, err := tx.ExecContext(ctx, `INSERT INTO register_book (book, last) VALUES (?, ?)
					ON CONFLICT (book) DO UPDATE SET last = MAX(last, excluded.last)`, h.Book, h.Last); err != nil {
					return err
				}
				raised[bookKey(h.Book, office.Workstation)] = max(raised[bookKey(h.Book, office.Workstation)], h.Last)
			}
		}
		return db.seq.raise(raised)
	})
	if err != nil {
		return fmt.Errorf("sqlite: raise numbers: %w", err)
	}
	return nil
}

// adoptNumbers writes to the journal the numbers this workstation's
// dossiers in the database already carry: when a journal of an older
// version lacks the register books, or a restored file comes to a
// folder whose journal never saw it.
func (db *DB) adoptNumbers(ctx context.Context) error {
	var ws int
	err := db.write.QueryRowContext(ctx, `SELECT COALESCE((SELECT workstation FROM office WHERE id = 1), 0)`).Scan(&ws)
	if err != nil || ws == 0 {
		return err
	}
	raised := map[string]int{}
	rows, err := db.write.QueryContext(ctx, `SELECT code, book, register_no FROM dossier WHERE workstation = ?`, ws)
	if err != nil {
		return err
	}
	defer rows.Close()
	first, limit := data.SequenceBlock(ws)
	for rows.Next() {
		var (
			code      string
			book, reg int
		)
		if err := rows.Scan(&code, &book, &reg); err != nil {
			return err
		}
		if day, seq, ok := codeSeq(code); ok && seq >= first && seq <= limit {
			raised[dayKey(day, ws)] = max(raised[dayKey(day, ws)], seq)
		}
		raised[bookKey(book, ws)] = max(raised[bookKey(book, ws)], reg)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	highs, err := receiptHighs(ctx, db.write, ws)
	if err != nil {
		return err
	}
	for k, n := range highs {
		raised[k] = max(raised[k], n)
	}
	return db.seq.raise(raised)
}

// receiptHighs is the highest receipt number of each year workstation ws
// issued, by journal key.
func receiptHighs(ctx context.Context, q querier, ws int) (map[string]int, error) {
	first, limit := data.ReceiptBlock(ws)
	rows, err := q.QueryContext(ctx, `SELECT year, MAX(number) FROM fee_receipt WHERE workstation = ? AND number BETWEEN ? AND ?
		GROUP BY year`, ws, first, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var year, n int
		if err := rows.Scan(&year, &n); err != nil {
			return nil, err
		}
		out[receiptKey(year, ws)] = n
	}
	return out, rows.Err()
}
