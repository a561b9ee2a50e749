package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/report"
)

// reportLive is the last moment (Unix seconds) a dossier can count in a
// period, never for one with neither a result nor an end; reportFiled and
// reportReady its filing time and its result's (0: none). They are
// expressions of the index dossier_report (migration 019), written here
// as there so that PeriodFacts reads the index alone.
const (
	reportLive = `(CASE WHEN result_ready_at = '' AND status <> 'refused' AND status <> 'withdrawn' AND status <> 'stopped' THEN 9000000000000000
        ELSE max(COALESCE(unixepoch(received_at), 0), COALESCE(unixepoch(result_ready_at), 0), report_last) END)`
	reportFiled = `COALESCE(unixepoch(received_at), 0)`
	reportReady = `COALESCE(unixepoch(result_ready_at), 0)`
)

// periodFacts reads the dossiers a period's report counts ($1 its start,
// $2 its end, in Unix seconds) from dossier_report alone, each as one
// text of its facts (factFields, between unit separators: one value read
// instead of nine, as the report reads a year's dossiers); countFacts
// counts them first, so that a year's facts are written once, into an
// array of their number.
const (
	periodDossiers = ` FROM dossier INDEXED BY dossier_report WHERE ` + reportLive + ` >= ?1 AND ` + reportFiled + ` < ?2`
	periodFacts    = "SELECT code || '\x1f' || " + reportFiled + " || '\x1f' || " + reportReady + " || '\x1f' || due_date || '\x1f' || " +
		"status || '\x1f' || channel || '\x1f' || procedure_code || '\x1f' || report_steps || '\x1f' || officer" + periodDossiers
	countFacts = `SELECT COUNT(*)` + periodDossiers
	factFields = 9 // code, filed, ready, due, status, channel, procedure, steps, officer
)

// PeriodFacts reads the facts the report of a period classifies: every
// dossier filed before the period's end whose last moment that can count
// is in the period or after it, in one pass over the index that holds
// them (and the apologies, which are few).
func (db *DB) PeriodFacts(ctx context.Context, p report.Period) ([]report.Facts, error) {
	fields, err := db.procedureFields(ctx)
	if err != nil {
		return nil, err
	}
	apologies, err := db.apologyFacts(ctx)
	if err != nil {
		return nil, err
	}
	// Times are whole seconds: a dossier filed in the second the period
	// ends in is read, and Classify decides.
	from, until := p.From.Unix(), p.Until.Add(time.Second-1).Unix()
	var n int
	if err := db.read.QueryRowContext(ctx, countFacts, from, until).Scan(&n); err != nil {
		return nil, fmt.Errorf("sqlite: period facts: %w", err)
	}
	rows, err := db.read.QueryContext(ctx, periodFacts, from, until)
	if err != nil {
		return nil, fmt.Errorf("sqlite: period facts: %w", err)
	}
	defer rows.Close()
	facts := make([]report.Facts, 0, n)
	var steps []report.Step // the facts' steps, one array for many
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, fmt.Errorf("sqlite: period facts: %w", err)
		}
		var v [factFields]string
		for i := range v[:factFields-1] {
			v[i], text, _ = strings.Cut(text, "\x1f")
		}
		v[factFields-1] = text
		facts = append(facts, report.Facts{Code: v[0], Channel: data.Channel(v[5]), Procedure: v[6], Field: fields[v[6]], Officer: v[8]})
		f := &facts[len(facts)-1]
		received, _ := strconv.ParseInt(v[1], 10, 64)
		ready, _ := strconv.ParseInt(v[2], 10, 64)
		f.Received, f.Ready = unixTime(received), unixTime(ready)
		f.Due, _ = time.ParseInLocation(dateLayout, v[3], data.Zone)
		if a, ok := apologies[f.Code]; ok {
			f.ApologyAt, f.OldDue = a.ApologyAt, a.OldDue
		}
		if cap(steps)-len(steps) < maxSteps {
			steps = make([]report.Step, 0, 8192)
		}
		f.Steps, f.Closed, steps = reportSteps(v[7], data.Status(v[4]), p, steps)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: period facts: %w", err)
	}
	return facts, nil
}

// reportSteps reads a dossier's report_steps (migration 017): the steps
// that fall in the period, taken from the end of buf (which it returns
// grown, and which has room for maxSteps more, or grows on its own), and
// when a dossier in status, if refused, withdrawn or stopped, ended (its
// latest line to that status).
func reportSteps(line string, status data.Status, p report.Period, buf []report.Step) ([]report.Step, time.Time, []report.Step) {
	start := len(buf)
	var closed int64
	for line != "" {
		var token string
		token, line, _ = strings.Cut(line, " ")
		if token == "" {
			continue
		}
		at, err := strconv.ParseInt(token[1:], 10, 64)
		if err != nil {
			continue
		}
		kind, ends := stepLetters[token[0]].kind, stepLetters[token[0]].ends
		if ends != "" && ends == status && at > closed {
			closed = at
		}
		if kind != 0 {
			if t := unixTime(at); p.Contains(t) {
				buf = append(buf, report.Step{Kind: kind, At: t})
			}
		}
	}
	if len(buf) == start {
		return nil, unixTime(closed), buf
	}
	return buf[start:len(buf):len(buf)], unixTime(closed), buf
}

// maxSteps is as many steps as most dossiers have.
const maxSteps = 16

// stepLetters are report_steps' letters: the step each counts as, and the
// status it ends a dossier in.
var stepLetters = [256]struct {
	kind report.StepKind
	ends data.Status
}{
	'A': {kind: report.StepApology},
	'R': {kind: report.StepReturned},
	'F': {kind: report.StepRefused, ends: data.StatusRefused},
	'S': {kind: report.StepSupplement},
	'P': {kind: report.StepStopped, ends: data.StatusStopped},
	'f': {ends: data.StatusRefused},
	'p': {ends: data.StatusStopped},
	'w': {ends: data.StatusWithdrawn},
}

// unixTime is a time in Unix seconds in Vietnam; zero for 0.
func unixTime(s int64) time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).In(data.Zone)
}

// apologyFacts are the dossiers' apologies (Mẫu 04) by dossier code:
// when each was given and the due date before it.
func (db *DB) apologyFacts(ctx context.Context) (map[string]report.Facts, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT dossier_code, issued_at, old_due FROM apology`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: period apologies: %w", err)
	}
	defer rows.Close()
	out := map[string]report.Facts{}
	for rows.Next() {
		var code, at, oldDue string
		if err := rows.Scan(&code, &at, &oldDue); err != nil {
			return nil, fmt.Errorf("sqlite: period apologies: %w", err)
		}
		f := report.Facts{ApologyAt: parseStamp(at)}
		f.OldDue, _ = time.ParseInLocation(dateLayout, oldDue, data.Zone)
		out[code] = f
	}
	return out, rows.Err()
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
