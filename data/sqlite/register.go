package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"motcua/data"
)

// Register reads the register's lines of the dossiers filed from one day
// to another, both included: the dossiers through their filing time,
// then in one pass each their history, the to-agency manifests they went
// on and their return record. A dossier another workstation took
// arrives here by sync with its history, so its line says the same
// everywhere; the history names where it was sent and to whom it was
// returned when this workstation has no manifest or return record of it.
func (db *DB) Register(ctx context.Context, from, to time.Time) (data.Register, error) {
	from, to = data.DateOf(from), data.DateOf(to)
	reg := data.Register{From: from, To: to, Lines: []data.RegisterLine{}}
	if to.Before(from) {
		return reg, data.Errorf(data.EInvalid, "Ngày cuối (%s) trước ngày đầu (%s).", to.Format("02/01/2006"), from.Format("02/01/2006"))
	}
	lo, hi := from.Format(time.RFC3339), to.AddDate(0, 0, 1).Format(time.RFC3339)
	tx, err := db.read.BeginTx(ctx, nil) // one snapshot for every pass
	if err != nil {
		return reg, fmt.Errorf("sqlite: register: %w", err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier INDEXED BY dossier_received WHERE received_at >= ? AND received_at < ?`,
		lo, hi).Scan(&n); err != nil {
		return reg, fmt.Errorf("sqlite: register: %w", err)
	}
	reg.Lines = make([]data.RegisterLine, 0, n) // a month of a busy centre: thousands
	rows, err := tx.QueryContext(ctx, `SELECT book, workstation, register_no, code, procedure_code, procedure_name,
			applicant_name, applicant_address, applicant_phone, channel, received_at, due_date, result_ready_at
		FROM dossier INDEXED BY dossier_received WHERE received_at >= ? AND received_at < ?`, lo, hi)
	if err != nil {
		return reg, fmt.Errorf("sqlite: register: %w", err)
	}
	at := make(map[string]int, n)
	for rows.Next() {
		var l data.RegisterLine
		var received, due, ready string
		if err := rows.Scan(&l.Book, &l.Workstation, &l.RegisterNo, &l.Code, &l.ProcedureCode, &l.ProcedureName, &l.Applicant,
			&l.Address, &l.Phone, &l.Channel, &received, &due, &ready); err != nil {
			rows.Close()
			return reg, fmt.Errorf("sqlite: register: %w", err)
		}
		l.ReceivedAt, l.ResultAt = parseStamp(received), parseStamp(ready)
		l.Due, _ = data.ParseDate(due)
		at[l.Code] = len(reg.Lines)
		reg.Lines = append(reg.Lines, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return reg, fmt.Errorf("sqlite: register: %w", err)
	}
	if len(reg.Lines) == 0 {
		return reg, nil
	}
	if err := registerAgencies(ctx, tx, lo, hi, reg.Lines, at); err != nil {
		return reg, fmt.Errorf("sqlite: register: manifests: %w", err)
	}
	if err := registerReturns(ctx, tx, lo, hi, reg.Lines, at); err != nil {
		return reg, fmt.Errorf("sqlite: register: returns: %w", err)
	}
	if err := registerHistory(ctx, tx, lo, hi, reg.Lines, at); err != nil {
		return reg, fmt.Errorf("sqlite: register: history: %w", err)
	}
	data.SortRegister(reg.Lines)
	return reg, nil
}

// registerAgencies fills where each dossier was sent, from the to-agency
// manifests that carried it.
func registerAgencies(ctx context.Context, q querier, lo, hi string, lines []data.RegisterLine, at map[string]int) error {
	rows, err := q.QueryContext(ctx, `SELECT i.dossier_code, m.agency FROM dossier d INDEXED BY dossier_received
		JOIN manifest_item i ON i.dossier_code = d.code JOIN manifest m ON m.number = i.manifest_number
		WHERE d.received_at >= ? AND d.received_at < ? AND m.kind = ? ORDER BY m.opened_at`, lo, hi, data.ManifestToAgency)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code, agency string
		if err := rows.Scan(&code, &agency); err != nil {
			return err
		}
		l := &lines[at[code]]
		if agency != "" && !contains(l.SentTo, agency) {
			l.SentTo = append(l.SentTo, agency)
		}
	}
	return rows.Err()
}

// registerReturns fills to whom each result was handed at the counter.
func registerReturns(ctx context.Context, q querier, lo, hi string, lines []data.RegisterLine, at map[string]int) error {
	rows, err := q.QueryContext(ctx, `SELECT r.dossier_code, r.returned_at, r.recipient_name, r.authorised
		FROM dossier d INDEXED BY dossier_received JOIN dossier_return r ON r.dossier_code = d.code AND r.undone = 0
		WHERE d.received_at >= ? AND d.received_at < ?`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code, when, name string
		var authorised bool
		if err := rows.Scan(&code, &when, &name, &authorised); err != nil {
			return err
		}
		l := &lines[at[code]]
		l.ReturnedAt, l.ReturnedTo = parseStamp(when), name
		if authorised {
			l.ReturnedTo += " (được ủy quyền)"
		}
	}
	return rows.Err()
}

// registerHistory reads the steps the register notes: the papers issued
// (Mẫu 02–05), the sending on, the result and its return; not those a
// supervisor undid, nor the undo.
func registerHistory(ctx context.Context, q querier, lo, hi string, lines []data.RegisterLine, at map[string]int) error {
	rows, err := q.QueryContext(ctx, `SELECT e.dossier_code, e.at, e.action, e.from_status, e.to_status, e.note
		FROM dossier d INDEXED BY dossier_received JOIN dossier_event e ON e.dossier_code = d.code
		WHERE d.received_at >= ? AND d.received_at < ? AND e.undone = 0 AND e.action <> ?
			AND (e.action = 'apology' OR (e.from_status <> e.to_status AND e.to_status IN
				('supplement-requested', 'refused', 'stopped', 'withdrawn', 'transferred', 'result-ready', 'returned')))
		ORDER BY e.dossier_code, e.id`, lo, hi, data.ActionUndo)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code, when, action, note string
		var fromSt, toSt data.Status
		if err := rows.Scan(&code, &when, &action, &fromSt, &toSt, &note); err != nil {
			return err
		}
		l := &lines[at[code]]
		data.RecordRegisterStep(l, data.Event{At: parseStamp(when), Action: action, From: fromSt, To: toSt, Note: note})
	}
	return rows.Err()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
