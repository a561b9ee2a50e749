package sqlite

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

// historySteps is what report_steps and report_last (migration 017) must
// hold for a history, worked out line by line from the history the
// officer sees.
func historySteps(h []data.Event) (string, int64) {
	var tokens []string
	var last int64
	for _, e := range h {
		if e.Undone || e.Action == data.ActionUndo {
			continue // what a supervisor undid counts not, nor the undo
		}
		t := e.At.Unix()
		add := func(letter string) {
			tokens = append(tokens, letter+strconv.FormatInt(t, 10))
			last = max(last, t)
		}
		if e.Action == "apology" {
			add("A")
			switch e.To {
			case data.StatusRefused:
				add("f")
			case data.StatusStopped:
				add("p")
			case data.StatusWithdrawn:
				add("w")
			}
			continue
		}
		switch e.To {
		case data.StatusReturned:
			add("R")
		case data.StatusRefused:
			add("F")
		case data.StatusSupplement:
			add("S")
		case data.StatusStopped:
			add("P")
		case data.StatusWithdrawn:
			add("w")
		}
	}
	return strings.Join(tokens, " "), last
}

// reportHistories writes dossiers down every path the report counts,
// each step an hour after the one before, and returns their codes.
func reportHistories(t *testing.T, db *DB) []string {
	t.Helper()
	ctx := context.Background()
	clock := time.Date(2027, 2, 3, 8, 0, 0, 0, data.Zone)
	db.Now = func() time.Time { return clock }
	step := func(code string, to data.Status) {
		t.Helper()
		clock = clock.Add(time.Hour)
		if _, err := db.SetStatus(ctx, code, to, "Trần Văn Bình", "ghi chú"); err != nil {
			t.Fatalf("%s → %s: %v", code, to, err)
		}
	}
	var codes []string
	paths := [][]data.Status{
		{},
		{data.StatusResultReady, data.StatusReturned},
		{data.StatusTransferred, data.StatusResultReady},
		{data.StatusRefused},
		{data.StatusWithdrawn},
		{data.StatusSupplement, data.StatusReceived, data.StatusSupplement, data.StatusReceived, data.StatusResultReady, data.StatusReturned},
		{data.StatusSupplement, data.StatusStopped},
	}
	for _, path := range paths {
		d := mustIntake(t, db, birthRequest())
		codes = append(codes, d.Code)
		for _, to := range path {
			step(d.Code, to)
		}
	}
	// An apology, then the result and its return.
	d := mustIntake(t, db, birthRequest())
	codes = append(codes, d.Code)
	clock = clock.Add(time.Hour)
	if _, err := db.Apologise(ctx, d.Code, d.DueDate.AddDate(0, 0, 7), "Cần xác minh thêm", "Trần Văn Bình"); err != nil {
		t.Fatal(err)
	}
	step(d.Code, data.StatusResultReady)
	step(d.Code, data.StatusReturned)
	// A return undone, and a supplement's answer undone back to the
	// request: neither the return nor a second request counts.
	for _, path := range [][]data.Status{
		{data.StatusResultReady, data.StatusReturned},
		{data.StatusSupplement, data.StatusReceived},
	} {
		d := mustIntake(t, db, birthRequest())
		codes = append(codes, d.Code)
		for _, to := range path {
			step(d.Code, to)
		}
		clock = clock.Add(time.Hour)
		if _, err := db.UndoStatus(ctx, d.Code, "Bấm nhầm", "Phạm Thị Lan"); err != nil {
			t.Fatalf("undo %s: %v", d.Code, err)
		}
	}
	// Stopped with its notice.
	d = mustIntake(t, db, birthRequest())
	codes = append(codes, d.Code)
	clock = clock.Add(time.Hour)
	if _, err := db.StopDossier(ctx, data.Stop{DossierCode: d.Code, Reason: "Người nộp đề nghị dừng", Basis: "Đơn đề nghị",
		Officer: "Trần Văn Bình"}); err != nil {
		t.Fatal(err)
	}
	// Another workstation's dossier and its result, pulled.
	created := remoteDossier(t, 10)
	if _, err := db.ApplyRemote(ctx, data.PullPage{Changes: []data.RemoteChange{created,
		remoteStatus(11, "s11", created.Subject, data.StatusReceived, data.StatusResultReady),
		remoteStatus(12, "s12", created.Subject, data.StatusResultReady, data.StatusReturned)}, Next: 20}); err != nil {
		t.Fatal(err)
	}
	return append(codes, created.Subject)
}

// checkReportSteps says where a dossier's row disagrees with its history.
func checkReportSteps(t *testing.T, db *DB, codes []string) {
	t.Helper()
	ctx := context.Background()
	for _, code := range codes {
		h, err := db.History(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		wantSteps, wantLast := historySteps(h)
		var steps string
		var last int64
		if err := db.read.QueryRowContext(ctx, `SELECT report_steps, report_last FROM dossier WHERE code = ?`, code).Scan(&steps, &last); err != nil {
			t.Fatal(err)
		}
		if steps != wantSteps || last != wantLast {
			t.Errorf("%s: report_steps %q, report_last %d; the history gives %q, %d", code, steps, last, wantSteps, wantLast)
		}
	}
}

// TestReportStepsFollowTheHistory: every history line the report counts
// reaches its dossier's row in the line's own transaction, whoever
// writes it, and a store of schema 16 gets the same rows from its
// histories when it migrates.
func TestReportStepsFollowTheHistory(t *testing.T) {
	file := t.TempDir() + "/motcua.db"
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	setUp(t, db)
	codes := reportHistories(t, db)
	t.Run("written with each line", func(t *testing.T) { checkReportSteps(t, db, codes) })
	var stopped string
	db.read.QueryRowContext(ctx, `SELECT report_steps FROM dossier WHERE code = ?`, codes[len(codes)-2]).Scan(&stopped)
	if !strings.HasPrefix(stopped, "P") {
		t.Errorf("the stopped dossier's steps %q", stopped)
	}

	// Back to schema 16: what 017 added goes, what it dropped returns.
	db = reopenMigrated(t, db, file,
		`DROP INDEX dossier_report`, `DROP TRIGGER dossier_event_report`, `DROP TRIGGER dossier_event_report_undone`,
		`ALTER TABLE dossier DROP COLUMN report_steps`, `ALTER TABLE dossier DROP COLUMN report_last`,
		`CREATE INDEX dossier_result ON dossier (result_ready_at, received_at)`,
		`CREATE INDEX dossier_event_counted ON dossier_event (at)
			WHERE to_status IN ('returned', 'refused', 'supplement-requested', 'stopped') OR action = 'apology'`,
		`DELETE FROM schema_migration WHERE version = 17`,
	)
	t.Run("filled by the migration", func(t *testing.T) { checkReportSteps(t, db, codes) })
}

// TestPeriodFactsReadOneIndex: the period's read finds everything it
// needs in the index dossier_report, whose expressions must be written
// as PeriodFacts writes them.
func TestPeriodFactsReadOneIndex(t *testing.T) {
	db := counterDB(t)
	var plan []string
	for _, q := range []string{periodFacts, countFacts} {
		plan = append(plan, queryPlan(t, db, q)...)
	}
	if len(plan) != 2 || !strings.Contains(plan[0], "COVERING INDEX dossier_report (<expr>>?)") || plan[1] != plan[0] {
		t.Errorf("plan %q", plan)
	}
}

func queryPlan(t *testing.T, db *DB, q string) []string {
	t.Helper()
	rows, err := db.read.Query(`EXPLAIN QUERY PLAN `+q, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}
