package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/data"
	"motcua/data/report"
	"motcua/server"
	"motcua/server/servertest"
)

func vn(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, data.Zone) }

// step is one change of a scenario dossier after its intake.
type step struct {
	at   time.Time
	to   data.Status // "" with newDue: an apology
	note string
	due  string // the apology's new due date
}

// dossier is a scenario dossier as a workstation pushes it.
type scenarioDossier struct {
	name     string
	channel  data.Channel
	received time.Time
	due      string
	steps    []step
}

func (d scenarioDossier) code(agency string, seq int) string {
	return data.DossierCode(agency, d.received, 1000+seq)
}

// changes are the dossier's intake and steps as pushed, each at its time.
func (d scenarioDossier) changes(agency string, seq int) []data.OutboxChange {
	code := d.code(agency, seq)
	rec := map[string]any{"code": code, "procedure_code": "1.004837", "procedure_name": "Đăng ký lại khai sinh",
		"applicant": map[string]any{"name": d.name, "id_number": "093190001234"},
		"documents": []map[string]any{{"name": "Tờ khai", "originals": 1, "copies": 0}},
		"sets":      1, "channel": string(d.channel), "return_method": "counter", "received_at": d.received.Format(time.RFC3339),
		"working_days": 5, "due_date": d.due, "status": "received", "book": 2026, "register_no": seq,
		"officer": "Trần Văn Bình", "workstation": 1}
	raw, _ := json.Marshal(rec)
	cs := []data.OutboxChange{{Key: code + "/0", Kind: data.ChangeDossierCreated, Subject: code, Payload: raw, CreatedAt: d.received}}
	from := data.StatusReceived
	for k, s := range d.steps {
		c := data.OutboxChange{Key: fmt.Sprintf("%s/%d", code, k+1), Subject: code, CreatedAt: s.at}
		if s.to == "" {
			c.Kind = data.ChangeDossierUpdated
			c.Payload, _ = json.Marshal(data.DossierUpdate{Code: code, Action: data.UpdateApology, Actor: "Trần Văn Bình", Note: s.note, DueDate: s.due})
		} else {
			c.Kind = data.ChangeDossierStatus
			c.Payload, _ = json.Marshal(data.StatusChange{Code: code, From: from, To: s.to, Actor: "Trần Văn Bình", Note: s.note})
			from = s.to
		}
		cs = append(cs, c)
	}
	return cs
}

// facts is the dossier as report.Classify reads it.
func (d scenarioDossier) facts() report.Facts {
	due, _ := data.ParseDate(d.due)
	f := report.Facts{Channel: d.channel, Received: d.received, Due: due}
	for _, s := range d.steps {
		switch s.to {
		case "":
			f.ApologyAt, f.OldDue, f.Due = s.at, f.Due, must(data.ParseDate(s.due))
			f.Steps = append(f.Steps, report.Step{Kind: report.StepApology, At: s.at})
		case data.StatusResultReady:
			f.Ready = s.at
		case data.StatusReturned:
			f.Steps = append(f.Steps, report.Step{Kind: report.StepReturned, At: s.at})
		case data.StatusRefused:
			f.Closed = s.at
			f.Steps = append(f.Steps, report.Step{Kind: report.StepRefused, At: s.at})
		case data.StatusStopped:
			f.Closed = s.at
			f.Steps = append(f.Steps, report.Step{Kind: report.StepStopped, At: s.at})
		case data.StatusSupplement:
			f.Steps = append(f.Steps, report.Step{Kind: report.StepSupplement, At: s.at})
		}
	}
	return f
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The scenario of March 2026, hand-computed in wantA, wantB and the total.
var (
	officeA = []scenarioDossier{
		{"early, returned", data.ChannelCounter, vn(3, 2, 9), "2026-03-10", []step{{at: vn(3, 9, 15), to: data.StatusResultReady}, {at: vn(3, 11, 8), to: data.StatusReturned, note: "Trả kết quả cho người nộp Lê Văn An"}}},
		{"on time by post", data.ChannelPostal, vn(3, 2, 10), "2026-03-10", []step{{at: vn(3, 10, 15), to: data.StatusResultReady}}},
		{"late after an apology", data.ChannelOnline, vn(3, 3, 9), "2026-03-10", []step{
			{at: vn(3, 8, 9), note: "Xin lỗi, hẹn lại từ 10/03/2026 sang 13/03/2026: Chờ xác minh", due: "2026-03-13"},
			{at: vn(3, 14, 9), to: data.StatusResultReady}}},
		{"carried over, late", data.ChannelCounter, vn(2, 20, 9), "2026-02-27", []step{{at: vn(3, 3, 9), to: data.StatusResultReady}}},
		{"carried over, refused", data.ChannelCounter, vn(2, 25, 9), "2026-03-30", []step{{at: vn(3, 2, 9), to: data.StatusRefused}}},
		{"open within", data.ChannelCounter, vn(3, 20, 9), "2026-04-01", nil},
		{"open past the last day", data.ChannelCounter, vn(3, 20, 10), "2026-03-31", nil},
		{"supplement twice", data.ChannelCounter, vn(3, 5, 9), "2026-04-15", []step{{at: vn(3, 6, 9), to: data.StatusSupplement},
			{at: vn(3, 8, 9), to: data.StatusReceived}, {at: vn(3, 9, 9), to: data.StatusSupplement}}},
		{"stopped", data.ChannelCounter, vn(3, 5, 10), "2026-04-15", []step{{at: vn(3, 20, 9), to: data.StatusStopped}}},
		{"all before the period", data.ChannelCounter, vn(2, 2, 9), "2026-02-10", []step{{at: vn(2, 9, 9), to: data.StatusResultReady}, {at: vn(2, 10, 9), to: data.StatusReturned}}},
		{"after the period", data.ChannelCounter, vn(4, 2, 9), "2026-04-09", nil},
	}
	officeB = []scenarioDossier{
		{"early", data.ChannelCounter, vn(3, 10, 9), "2026-03-20", []step{{at: vn(3, 19, 9), to: data.StatusResultReady}}},
		{"carried over, still open", data.ChannelCounter, vn(1, 5, 9), "2026-01-20", nil},
	}
)

func pct(v float64) *float64 { return &v }

var (
	wantA = report.Figures{Received: 7, ReceivedByChannel: report.Channels{Counter: 5, Postal: 1, Online: 1}, CarriedOver: 2,
		ResolvedEarly: 1, ResolvedOnTime: 1, ResolvedLate: 2, InProgressOnTime: 2, InProgressOverdue: 1, Returned: 1, Refused: 1,
		Supplement: 2, Apologies: 1, Stopped: 1, OnTimePercent: pct(50)}
	wantB = report.Figures{Received: 1, ReceivedByChannel: report.Channels{Counter: 1}, CarriedOver: 1, ResolvedEarly: 1,
		InProgressOverdue: 1, OnTimePercent: pct(100)}
	wantTotal = report.Figures{Received: 8, ReceivedByChannel: report.Channels{Counter: 6, Postal: 1, Online: 1}, CarriedOver: 3,
		ResolvedEarly: 2, ResolvedOnTime: 1, ResolvedLate: 2, InProgressOnTime: 2, InProgressOverdue: 2, Returned: 1, Refused: 1,
		Supplement: 2, Apologies: 1, Stopped: 1, OnTimePercent: pct(60)}
)

func sameFigures(t *testing.T, what string, got, want report.Figures) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

// TestProvinceReport: two offices push a month's dossiers through the
// sync; the province's figures, computed in PostgreSQL, are the ones
// counted by hand, the ones report.Classify gives the same histories, in
// the store, in the command's JSON and in its Excel file.
func TestProvinceReport(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	const agencyB = "000.30.13.H30"
	for _, o := range []struct {
		agency   string
		dossiers []scenarioDossier
	}{{agency, officeA}, {agencyB, officeB}} {
		ws := enroll(t, srv, o.agency, 1)
		for k, d := range o.dossiers {
			for _, r := range ws.push(d.changes(o.agency, k+1)...) {
				if r.Result != data.ResultApplied {
					t.Fatalf("%s: %+v", d.name, r)
				}
			}
		}
	}
	p, err := report.NewPeriod(vn(3, 1, 0), vn(3, 31, 0), vn(4, 10, 9))
	if err != nil {
		t.Fatal(err)
	}
	facts := func(ds []scenarioDossier) []report.Facts {
		var fs []report.Facts
		for _, d := range ds {
			fs = append(fs, d.facts())
		}
		return fs
	}
	sameFigures(t, "Classify, office A", report.Tally(p, facts(officeA)), wantA)
	sameFigures(t, "Classify, office B", report.Tally(p, facts(officeB)), wantB)

	r, err := srv.Store.ProvinceReport(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Offices) != 2 || r.Offices[0].AgencyCode != agency || r.Offices[1].AgencyCode != agencyB {
		t.Fatalf("offices %+v", r.Offices)
	}
	sameFigures(t, "PostgreSQL, office A", r.Offices[0].Figures, wantA)
	sameFigures(t, "PostgreSQL, office B", r.Offices[1].Figures, wantB)
	sameFigures(t, "PostgreSQL, total", r.Total, wantTotal)

	xlsx := filepath.Join(t.TempDir(), "tinh.xlsx")
	var out, errOut bytes.Buffer
	if code := server.Main(context.Background(), []string{"report", "--from", "2026-03-01", "--to", "2026-03-31", "--json", "-o", xlsx,
		"--database", srv.DatabaseURL}, &out, &errOut); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errOut.String())
	}
	var j struct {
		From, To string
		Offices  []struct {
			AgencyCode string `json:"agency_code"`
			report.Figures
		}
		Total report.Figures
	}
	if err := json.Unmarshal(out.Bytes(), &j); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, key := range []string{`"received_by_channel"`, `"in_progress_overdue"`, `"on_time_percent": 60`, `"agency_code": "000.30.13.H30"`} {
		if !strings.Contains(out.String(), key) {
			t.Errorf("JSON lacks %s:\n%s", key, out.String())
		}
	}
	if j.From != "2026-03-01" || len(j.Offices) != 2 {
		t.Fatalf("JSON %+v", j)
	}
	sameFigures(t, "JSON, office A", j.Offices[0].Figures, wantA)
	sameFigures(t, "JSON, total", j.Total, wantTotal)

	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(server.ProvinceSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || rows[2][2] != server.ProvinceColumns[0] {
		t.Fatalf("rows %q", rows)
	}
	want := []string{"Tổng cộng", "3", "8", "6", "1", "1", "2", "1", "2", "2", "2", "1", "1", "2", "1", "1", "60"}
	if got := rows[5][1:]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("total row %q, want %q", got, want)
	}
	if typ, _ := f.GetCellType(server.ProvinceSheet, "D6"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("figures are not numbers: %v", typ)
	}
	if panes, err := f.GetPanes(server.ProvinceSheet); err != nil || !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("heads not frozen: %+v %v", panes, err)
	}
}

// TestProvinceReportAfterMigration: a province database of schema 006,
// holding the month's dossiers as its trigger wrote them, gets what 007
// adds from the histories when it migrates, and its figures are the
// ones counted by hand.
func TestProvinceReportAfterMigration(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws := enroll(t, srv, agency, 1)
	for k, d := range officeA {
		for _, r := range ws.push(d.changes(agency, k+1)...) {
			if r.Result != data.ResultApplied {
				t.Fatalf("%s: %+v", d.name, r)
			}
		}
	}
	ctx := context.Background()
	// Back to schema 006: what 007 added goes, active_until and its index
	// as 006 made them.
	for _, q := range []string{
		`DROP INDEX dossier_active`,
		`ALTER TABLE dossier DROP COLUMN active_until, DROP COLUMN ended_at, DROP COLUMN resolved, DROP COLUMN received_day,
			DROP COLUMN supplement_at, DROP COLUMN supplement_last`,
		`ALTER TABLE dossier ADD COLUMN active_until TIMESTAMPTZ GENERATED ALWAYS AS (
			CASE WHEN ready_at IS NULL AND refused_at IS NULL AND stopped_at IS NULL AND withdrawn_at IS NULL THEN 'infinity'::timestamptz
			ELSE GREATEST(received_at, ready_at, returned_at, refused_at, stopped_at, withdrawn_at, apology_at) END) STORED`,
		`CREATE INDEX dossier_active ON dossier (active_until) INCLUDE (office_id, received_at, channel, due_date, old_due,
			ready_at, returned_at, refused_at, stopped_at, withdrawn_at, apology_at)`,
		`CREATE INDEX dossier_event_supplement ON dossier_event (at) WHERE to_status = 'supplement-requested' AND from_status <> to_status`,
		`DELETE FROM schema_migration WHERE version = 7`,
	} {
		if _, err := srv.DB.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	store, err := server.Open(ctx, srv.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	p, err := report.NewPeriod(vn(3, 1, 0), vn(3, 31, 0), vn(4, 10, 9))
	if err != nil {
		t.Fatal(err)
	}
	r, err := store.ProvinceReport(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Offices) != 1 {
		t.Fatalf("offices %+v", r.Offices)
	}
	sameFigures(t, "after the migration", r.Offices[0].Figures, wantA)
}
