package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/report"
	"motcua/data/sqlite"
	"motcua/data/sqlite/seedstore"
)

// factsFromHistory builds a dossier's facts from the dossier and its
// whole history, the slow and obvious way the store's indexed reads must
// agree with.
func factsFromHistory(t *testing.T, db *sqlite.DB, d data.Dossier, fields map[string]string) report.Facts {
	t.Helper()
	h, err := db.History(context.Background(), d.Code)
	if err != nil {
		t.Fatal(err)
	}
	f := report.Facts{Code: d.Code, Procedure: d.ProcedureCode, Field: fields[d.ProcedureCode], Officer: d.Officer,
		Channel: d.Channel, Received: d.ReceivedAt, Due: d.DueDate}
	for _, e := range h {
		switch {
		case e.Undone || e.Action == data.ActionUndo:
		case e.Action == "apology":
			f.Steps = append(f.Steps, report.Step{Kind: report.StepApology, At: e.At})
		case e.To == data.StatusResultReady:
			f.Ready = e.At
		case e.To == data.StatusReturned:
			f.Steps = append(f.Steps, report.Step{Kind: report.StepReturned, At: e.At})
		case e.To == data.StatusRefused:
			f.Closed = e.At
			f.Steps = append(f.Steps, report.Step{Kind: report.StepRefused, At: e.At})
		case e.To == data.StatusStopped:
			f.Closed = e.At
			f.Steps = append(f.Steps, report.Step{Kind: report.StepStopped, At: e.At})
		case e.To == data.StatusWithdrawn:
			f.Closed = e.At
		case e.To == data.StatusSupplement:
			f.Steps = append(f.Steps, report.Step{Kind: report.StepSupplement, At: e.At})
		}
	}
	return f
}

// TestPeriodFactsAgreeWithHistory: over a generated store, the report
// of several periods from the store's indexed reads is the report of
// every dossier's full history.
func TestPeriodFactsAgreeWithHistory(t *testing.T) {
	dir, err := seedstore.Cached(context.Background(), 20_000)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	ps, err := db.Procedures(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	fields, names := map[string]string{}, map[string]string{}
	for _, p := range ps {
		fields[p.Code], names[p.Code] = p.Field, p.Name
	}
	c, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "motcua.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rows, err := c.Query(`SELECT code FROM dossier`)
	if err != nil {
		t.Fatal(err)
	}
	var all []report.Facts
	for rows.Next() {
		var code string
		rows.Scan(&code)
		d, err := db.Dossier(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, factsFromHistory(t, db, d, fields))
	}
	rows.Close()
	now := seedstore.Now
	day := func(s string) time.Time { d, _ := data.ParseDate(s); return d }
	tests := []struct {
		name     string
		from, to time.Time
	}{
		{"a month", day("2027-05-01"), day("2027-05-31")},
		{"up to now", day("2027-05-24"), day("2027-06-01")},
		{"a day", day("2027-05-12"), day("2027-05-12")},
		{"a fortnight, before the last", day("2027-05-10"), day("2027-05-23")},
		{"the whole store", day("2027-01-01"), day("2027-06-30")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := report.NewPeriod(tt.from, tt.to, now)
			if err != nil {
				t.Fatal(err)
			}
			facts, err := db.PeriodFacts(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			got, want := report.Summarise(p, facts, names), report.Summarise(p, all, names)
			if want.Received == 0 || want.Resolved() == 0 || want.InProgress() == 0 {
				t.Fatalf("the period holds nothing to compare: %+v", want.Figures)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("from the store %+v\nfrom the histories %+v", got.Figures, want.Figures)
			}
		})
	}
}

// BenchmarkPeriodReport reads and totals a year's report over the
// workstation's store of 1,000,000 dossiers (MOTCUA_BENCH_DOSSIERS),
// against a baseline of reading every dossier and history line once by
// full scans. Target: ≤ 1 s.
func BenchmarkPeriodReport(b *testing.B) {
	db := cachedStore(b, fullSize())
	ctx := context.Background()
	ps, err := db.Procedures(ctx, "")
	if err != nil {
		b.Fatal(err)
	}
	names := map[string]string{}
	for _, p := range ps {
		names[p.Code] = p.Name
	}
	to := data.DateOf(seedstore.Now).AddDate(0, 0, -1)
	p, err := report.NewPeriod(to.AddDate(-1, 0, 1), to, seedstore.Now)
	if err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	var r report.Report
	for b.Loop() {
		start := time.Now()
		facts, err := db.PeriodFacts(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		r = report.Summarise(p, facts, names)
		if r.Ratings, err = db.RatingCounts(ctx, p.From, p.Until); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	percentiles(b, "", took)
	b.ReportMetric(float64(r.Received), "received")
	dir, err := seedstore.Cached(ctx, fullSize())
	if err != nil {
		b.Fatal(err)
	}
	c, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "motcua.db")+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	var n, m int64
	if err := c.QueryRow(`SELECT COUNT(*), SUM(length(received_at) + length(result_ready_at)) FROM dossier NOT INDEXED`).Scan(&n, &m); err != nil {
		b.Fatal(err)
	}
	if err := c.QueryRow(`SELECT COUNT(*), SUM(length(at)) FROM dossier_event NOT INDEXED`).Scan(&n, &m); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000, "baseline-ms")
}
