package sqlite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/report"
)

// factColumns are the columns of a dossier the period report needs; the
// time it ended without a result is read only for those that did.
const factColumns = `d.code, d.procedure_code, d.officer, d.channel, d.received_at, d.due_date, d.result_ready_at,
	CASE WHEN d.status IN ('refused', 'withdrawn', 'stopped') THEN (SELECT MAX(e.at) FROM dossier_event e
		WHERE e.dossier_code = d.code AND e.to_status = d.status) ELSE '' END,
	COALESCE(a.issued_at, ''), COALESCE(a.old_due, '')`

// PeriodFacts reads the facts the report of a period classifies: every
// dossier filed in it, every one filed before it whose result came in it
// or later or never (a dossier that ended without a result among them),
// and every one something counted was done to in it.
func (db *DB) PeriodFacts(ctx context.Context, p report.Period) ([]report.Facts, error) {
	from, until := p.From.Format(time.RFC3339), p.Until.In(data.Zone).Format(time.RFC3339)
	fields, err := db.procedureFields(ctx)
	if err != nil {
		return nil, err
	}
	byCode := map[string]int{}
	var facts []report.Facts
	read := func(q string, args ...any) error {
		rows, err := db.read.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				f                                     report.Facts
				channel, received, due, ready, closed string
				apologyAt, oldDue                     string
			)
			if err := rows.Scan(&f.Code, &f.Procedure, &f.Officer, &channel, &received, &due, &ready, &closed, &apologyAt, &oldDue); err != nil {
				return err
			}
			if _, ok := byCode[f.Code]; ok {
				continue
			}
			f.Channel, f.Field = data.Channel(channel), fields[f.Procedure]
			f.Received, f.Ready, f.Closed, f.ApologyAt = parseStamp(received), parseStamp(ready), parseStamp(closed), parseStamp(apologyAt)
			f.Due, _ = time.ParseInLocation(dateLayout, due, data.Zone)
			f.OldDue, _ = time.ParseInLocation(dateLayout, oldDue, data.Zone)
			byCode[f.Code] = len(facts)
			facts = append(facts, f)
		}
		return rows.Err()
	}
	query := func(index string) string {
		return `SELECT ` + factColumns + ` FROM dossier d ` + index + ` LEFT JOIN apology a ON a.dossier_code = d.code `
	}
	err = read(query(`INDEXED BY dossier_received`)+`WHERE d.received_at >= ?1 AND d.received_at < ?2`, from, until)
	if err == nil {
		err = read(query(`INDEXED BY dossier_result`)+`WHERE d.result_ready_at = '' AND d.received_at < ?1`, from)
	}
	if err == nil {
		err = read(query(`INDEXED BY dossier_result`)+`WHERE d.result_ready_at >= ?1 AND d.received_at < ?1`, from)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: period facts: %w", err)
	}
	// What was done in the period; a dossier whose result came before it
	// and was handed over in it is read on its own. What a supervisor
	// undid counts not, nor the undo (back to a status counted).
	rows, err := db.read.QueryContext(ctx, `SELECT dossier_code, action, to_status, at FROM dossier_event INDEXED BY dossier_event_counted
		WHERE (to_status IN ('returned', 'refused', 'supplement-requested', 'stopped') OR action = 'apology') AND at >= ? AND at < ?
			AND undone = 0 AND action <> ?`, from, until, data.ActionUndo)
	if err != nil {
		return nil, fmt.Errorf("sqlite: period steps: %w", err)
	}
	type pending struct {
		code string
		step report.Step
	}
	var steps []pending
	for rows.Next() {
		var code, action, to, at string
		if err := rows.Scan(&code, &action, &to, &at); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: period steps: %w", err)
		}
		s := report.Step{At: parseStamp(at), Kind: stepKind(action, data.Status(to))}
		if s.Kind != 0 {
			steps = append(steps, pending{code, s})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: period steps: %w", err)
	}
	var missing []any
	asked := map[string]bool{}
	for _, s := range steps {
		if _, ok := byCode[s.code]; !ok && !asked[s.code] {
			asked[s.code] = true
			missing = append(missing, s.code)
		}
	}
	for len(missing) > 0 {
		n := min(len(missing), 500)
		if err := read(query(``)+`WHERE d.code IN (?`+strings.Repeat(", ?", n-1)+`)`, missing[:n]...); err != nil {
			return nil, fmt.Errorf("sqlite: period facts: %w", err)
		}
		missing = missing[n:]
	}
	for _, s := range steps {
		if i, ok := byCode[s.code]; ok {
			facts[i].Steps = append(facts[i].Steps, s.step)
		}
	}
	return facts, nil
}

// stepKind is what a history line counts as in a report; 0 for nothing.
func stepKind(action string, to data.Status) report.StepKind {
	if action == "apology" {
		return report.StepApology
	}
	switch to {
	case data.StatusReturned:
		return report.StepReturned
	case data.StatusRefused:
		return report.StepRefused
	case data.StatusSupplement:
		return report.StepSupplement
	case data.StatusStopped:
		return report.StepStopped
	}
	return 0
}

// procedureFields maps each procedure's code to its field.
func (db *DB) procedureFields(ctx context.Context) (map[string]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT code, field FROM procedure`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: procedure fields: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var code, field string
		if err := rows.Scan(&code, &field); err != nil {
			return nil, fmt.Errorf("sqlite: procedure fields: %w", err)
		}
		out[code] = field
	}
	return out, rows.Err()
}
