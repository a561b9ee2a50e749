package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/report"
)

// rowsOf is every row of the tables an undo writes, to show that a
// refused one wrote nothing.
func rowsOf(t *testing.T, db *DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT code || status || result_ready_at || updated_at FROM dossier ORDER BY code`,
		`SELECT id || action || from_status || to_status || undone || note FROM dossier_event ORDER BY id`,
		`SELECT id || action || subject || detail FROM audit ORDER BY id`,
		`SELECT key || kind || payload FROM outbox ORDER BY id`,
		`SELECT dossier_code || returned_at || recipient_name || undone FROM dossier_return ORDER BY dossier_code`,
	} {
		rows, err := db.read.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return b.String()
}

// TestUndoStatus: a supervisor's undo moves the dossier back to the status
// before its last change and writes, in one transaction, the history line
// (the change undone marked), an audit record and a dossier.status change
// marked Undo for the province; an undo the rule refuses writes nothing.
func TestUndoStatus(t *testing.T) {
	db := counterDB(t)
	ctx := data.WithOfficer(context.Background(), data.Officer{Username: "sau", FullName: "Lê Văn Sáu", Role: data.RoleSupervisor})
	d := mustIntake(t, db, birthRequest())
	db.SetStatus(ctx, d.Code, data.StatusTransferred, "Lan", "Chuyển Phòng Tư pháp")
	if _, err := db.SetStatus(ctx, d.Code, data.StatusResultReady, "Lan", ""); err != nil {
		t.Fatal(err)
	}
	before := rowsOf(t, db)
	got, err := db.UndoStatus(ctx, d.Code, "  Bấm nhầm   hồ sơ khác ", "Lê Văn Sáu")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != data.StatusTransferred {
		t.Errorf("status %s, want transferred", got.Status)
	}
	hist, _ := db.History(ctx, d.Code)
	undo, undone := hist[len(hist)-1], hist[len(hist)-2]
	if undo.Action != data.ActionUndo || undo.From != data.StatusResultReady || undo.To != data.StatusTransferred ||
		undo.Note != "Bấm nhầm hồ sơ khác" || undo.Actor != "Lê Văn Sáu" || undo.Undone {
		t.Errorf("undo line %+v", undo)
	}
	if !undone.Undone || undone.To != data.StatusResultReady || hist[len(hist)-3].Undone {
		t.Errorf("history %+v: only the result-ready line is undone", hist)
	}
	var ready string
	db.read.QueryRow(`SELECT result_ready_at FROM dossier WHERE code = ?`, d.Code).Scan(&ready)
	if ready != "" {
		t.Errorf("result_ready_at %q after the result was undone", ready)
	}
	es, _ := db.AuditEntries(ctx, data.AuditFilter{Dossier: d.Code})
	if a := es[len(es)-1]; a.Action != "dossier.undo" || a.Account != "sau" || a.Actor != "Lê Văn Sáu" ||
		!strings.Contains(a.Detail, "result-ready → transferred") || !strings.Contains(a.Detail, "Bấm nhầm hồ sơ khác") {
		t.Errorf("audit %+v", a)
	}
	out, _ := db.Outbox(ctx, 100)
	last := out[len(out)-1]
	var sc data.StatusChange
	json.Unmarshal(last.Payload, &sc)
	if last.Kind != data.ChangeDossierStatus || sc != (data.StatusChange{Code: d.Code, From: data.StatusResultReady, To: data.StatusTransferred,
		Note: "Bấm nhầm hồ sơ khác", Actor: "Lê Văn Sáu", Undo: true}) {
		t.Errorf("outbox %s %s", last.Kind, last.Payload)
	}
	if _, err := data.DecodeChange(last.Kind, last.Payload); err != nil {
		t.Errorf("the province would refuse the change: %v", err)
	}
	if after := rowsOf(t, db); after == before {
		t.Error("nothing changed")
	}

	refused := mustIntake(t, db, birthRequest())
	db.SetStatus(ctx, refused.Code, data.StatusRefused, "Lan", "Không thuộc thẩm quyền")
	tests := []struct {
		name, code, reason string
		ecode, want        string
	}{
		{"no reason", d.Code, " ", data.EInvalid, "chưa ghi lý do"},
		{"undo of the undo", d.Code, "Lại nhầm", data.EConflict, "vừa được hoàn tác"},
		{"a refusal", refused.Code, "Nhầm", data.EConflict, "Mẫu 03"},
		{"nothing to undo", mustIntake(t, db, birthRequest()).Code, "Nhầm", data.EConflict, "chưa có thay đổi"},
		{"no such dossier", "000.30.12.H30-270203-1999", "Nhầm", data.ENotFound, "Không tìm thấy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := rowsOf(t, db)
			_, err := db.UndoStatus(ctx, tt.code, tt.reason, "Lê Văn Sáu")
			if data.ErrorCode(err) != tt.ecode || !strings.Contains(data.ErrorMessage(err), tt.want) {
				t.Errorf("error %v, want %s saying %q", err, tt.ecode, tt.want)
			}
			if after := rowsOf(t, db); after != before {
				t.Errorf("a refused undo wrote:\nbefore %s\nafter %s", before, after)
			}
		})
	}

	// A fault half-way (the outbox refuses the row) leaves nothing of the
	// undo either: the history, status and audit go with it.
	again := mustIntake(t, db, birthRequest())
	db.SetStatus(ctx, again.Code, data.StatusWithdrawn, "Lan", "")
	if _, err := db.write.Exec(`CREATE TEMP TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	before = rowsOf(t, db)
	if _, err := db.UndoStatus(ctx, again.Code, "Bấm nhầm", "Lê Văn Sáu"); data.ErrorCode(err) != data.EInternal {
		t.Errorf("undo with a failing outbox: %v", err)
	}
	if after := rowsOf(t, db); after != before {
		t.Errorf("a failed undo wrote:\nbefore %s\nafter %s", before, after)
	}
}

// TestUndoReturn: an undone return takes the return record away, so the
// result may be handed over again, and keeps it in the audit trail.
func TestUndoReturn(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d := mustIntake(t, db, birthRequest())
	db.SetStatus(ctx, d.Code, data.StatusResultReady, "Lan", "")
	var ready string
	db.read.QueryRow(`SELECT result_ready_at FROM dossier WHERE code = ?`, d.Code).Scan(&ready)
	if _, err := db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: d.Applicant.IDNumber}, "Lan"); err != nil {
		t.Fatal(err)
	}
	if got, err := db.UndoStatus(ctx, d.Code, "Trả nhầm hồ sơ của người khác", "Sáu"); err != nil || got.Status != data.StatusResultReady {
		t.Fatalf("undo: %s %v", got.Status, err)
	}
	if _, err := db.Returned(ctx, d.Code); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("return record after the undo: %v", err)
	}
	var after string
	db.read.QueryRow(`SELECT result_ready_at FROM dossier WHERE code = ?`, d.Code).Scan(&after)
	if after != ready || ready == "" {
		t.Errorf("result ready at %q, was %q", after, ready)
	}
	es, _ := db.AuditEntries(ctx, data.AuditFilter{Dossier: d.Code})
	if a := es[len(es)-1]; a.Action != "dossier.undo" || !strings.Contains(a.Detail, d.Applicant.Name) {
		t.Errorf("audit %+v: the undone return's recipient is not kept", a)
	}
	if _, err := db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: d.Applicant.IDNumber}, "Lan"); err != nil {
		t.Errorf("return after the undo: %v", err)
	}
}

// TestUndoneStepsLeaveReports: the period report does not count an
// undone result as resolved nor an undone return as returned; the
// register and the control sheet list neither.
func TestUndoneStepsLeaveReports(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	day := time.Date(2027, 2, 3, 0, 0, 0, 0, data.Zone)
	ready := mustIntake(t, db, birthRequest())    // result ready, undone
	returned := mustIntake(t, db, birthRequest()) // returned, undone
	supplied := mustIntake(t, db, birthRequest()) // supplement back, undone
	db.SetStatus(ctx, ready.Code, data.StatusResultReady, "Lan", "")
	db.SetStatus(ctx, returned.Code, data.StatusResultReady, "Lan", "")
	db.ReturnResult(ctx, returned.Code, data.Recipient{IDNumber: returned.Applicant.IDNumber}, "Lan")
	db.SetStatus(ctx, supplied.Code, data.StatusSupplement, "Lan", "Thiếu giấy chứng sinh")
	db.SetStatus(ctx, supplied.Code, data.StatusReceived, "Lan", "")
	figures := func() report.Figures {
		t.Helper()
		p, err := report.NewPeriod(day, day, day.Add(20*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		facts, err := db.PeriodFacts(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return report.Summarise(p, facts, nil).Figures
	}
	if f := figures(); f.Resolved() != 2 || f.Returned != 1 || f.Supplement != 1 {
		t.Fatalf("before the undo: %+v", f)
	}
	for _, code := range []string{ready.Code, returned.Code, supplied.Code} {
		if _, err := db.UndoStatus(ctx, code, "Bấm nhầm", "Sáu"); err != nil {
			t.Fatal(err)
		}
	}
	if f := figures(); f.Resolved() != 1 || f.InProgress() != 2 || f.Returned != 0 || f.Supplement != 1 {
		t.Errorf("after the undo: resolved %d, in progress %d, returned %d, supplement %d; want 1, 2, 0, 1",
			f.Resolved(), f.InProgress(), f.Returned, f.Supplement)
	}
	reg, err := db.Register(ctx, day, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range reg.Lines {
		got := fmt.Sprintf("result %v returned %v %q notes %v", !l.ResultAt.IsZero(), !l.ReturnedAt.IsZero(), l.ReturnedTo, l.Notes)
		want := map[string]string{ready.Code: `result false returned false "" notes []`,
			returned.Code: `result true returned false "" notes []`}[l.Code]
		if want != "" && got != want {
			t.Errorf("register line %s: %s, want %s", l.Code, got, want)
		}
	}
	steps, err := db.HandOvers(ctx, returned.Code)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, s := range steps {
		notes = append(notes, s.Note)
	}
	if got := strings.Join(notes, "; "); got != "Tiếp nhận hồ sơ; Nhận kết quả" {
		t.Errorf("control sheet steps %q", got)
	}
}

// TestApplyRemoteUndo: an undo made at another workstation moves a
// pulling workstation's dossier back, with the undone line marked and
// what the undone status brought taken away here too (the return it
// recorded); applying the page twice changes nothing more.
func TestApplyRemoteUndo(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	created := remoteDossier(t, 10)
	code := created.Subject
	page := data.PullPage{Changes: []data.RemoteChange{created, remoteStatus(11, "s11", code, data.StatusReceived, data.StatusResultReady)}, Next: 11}
	if _, err := db.ApplyRemote(ctx, page); err != nil {
		t.Fatal(err)
	}
	var ready string
	db.read.QueryRow(`SELECT result_ready_at FROM dossier WHERE code = ?`, code).Scan(&ready)
	// Handed over here, and the province took it.
	if _, err := db.ReturnResult(ctx, code, data.Recipient{IDNumber: "093190001234"}, "Lan"); err != nil {
		t.Fatal(err)
	}
	out, _ := db.Outbox(ctx, 10)
	if err := db.RecordResults(ctx, []data.ChangeResult{{Key: out[0].Key, Result: data.ResultApplied, Seq: 12}}); err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(data.StatusChange{Code: code, From: data.StatusReturned, To: data.StatusResultReady,
		Note: "Trả nhầm người", Actor: "Lê Văn Sáu", Undo: true})
	undo := data.PullPage{Changes: []data.RemoteChange{{Seq: 13, Key: "u13", Kind: data.ChangeDossierStatus, Subject: code,
		Payload: raw, Workstation: 2, At: time.Date(2027, 2, 4, 11, 0, 0, 0, data.Zone)}}, Next: 13}
	for range 2 {
		if n, err := db.ApplyRemote(ctx, undo); err != nil || n != 1 {
			t.Fatalf("applied %d: %v", n, err)
		}
	}
	d, _ := db.Dossier(ctx, code)
	if d.Status != data.StatusResultReady {
		t.Errorf("status %s after the pulled undo", d.Status)
	}
	if _, err := db.Returned(ctx, code); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("the undone return is still recorded here: %v", err)
	}
	var after string
	db.read.QueryRow(`SELECT result_ready_at FROM dossier WHERE code = ?`, code).Scan(&after)
	if after != ready || ready == "" {
		t.Errorf("result ready at %q, was %q", after, ready)
	}
	hist, _ := db.History(ctx, code)
	var lines []string
	for _, e := range hist {
		lines = append(lines, fmt.Sprintf("%s %s→%s undone=%v", e.Action, e.From, e.To, e.Undone))
	}
	want := "intake →received undone=false; status received→result-ready undone=false; status result-ready→returned undone=true; undo returned→result-ready undone=false"
	if got := strings.Join(lines, "; "); got != want {
		t.Errorf("history\n%s\nwant\n%s", got, want)
	}
	if n, _ := db.QueueLength(ctx); n != 0 {
		t.Errorf("the pulled undo was queued to be sent back: %d", n)
	}
	// The result may be handed over again here.
	if _, err := db.ReturnResult(ctx, code, data.Recipient{IDNumber: "093190001234"}, "Lan"); err != nil {
		t.Errorf("return after the pulled undo: %v", err)
	}
}

// TestRejectedUndo: an undo the province refuses (another counter changed
// the dossier first) puts back, with the province's status, the line it
// had marked undone, the time the result was ready and the return record.
func TestRejectedUndo(t *testing.T) {
	for _, tt := range []struct {
		name     string
		returned bool
		want     string // the history after
	}{
		{"result", false, "intake →received undone=false; status received→result-ready undone=false; " +
			"undo result-ready→received undone=false; sync.rejected received→result-ready undone=false"},
		{"return", true, "intake →received undone=false; status received→result-ready undone=false; status result-ready→returned undone=false; " +
			"undo returned→result-ready undone=false; sync.rejected result-ready→returned undone=false"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := counterDB(t)
			ctx := context.Background()
			d := mustIntake(t, db, birthRequest())
			db.SetStatus(ctx, d.Code, data.StatusResultReady, "Lan", "")
			province := data.StatusResultReady
			if tt.returned {
				if _, err := db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: d.Applicant.IDNumber}, "Lan"); err != nil {
					t.Fatal(err)
				}
				province = data.StatusReturned
			}
			var ready string
			db.read.QueryRow(`SELECT result_ready_at FROM dossier WHERE code = ?`, d.Code).Scan(&ready)
			out, _ := db.Outbox(ctx, 10)
			var accepted []data.ChangeResult
			for i, c := range out {
				accepted = append(accepted, data.ChangeResult{Key: c.Key, Result: data.ResultApplied, Seq: int64(i + 1)})
			}
			if err := db.RecordResults(ctx, accepted); err != nil {
				t.Fatal(err)
			}
			if _, err := db.UndoStatus(ctx, d.Code, "Bấm nhầm", "Sáu"); err != nil {
				t.Fatal(err)
			}
			out, _ = db.Outbox(ctx, 10)
			if err := db.RecordResults(ctx, []data.ChangeResult{{Key: out[0].Key, Result: data.ResultRejected,
				Reason: "Thay đổi cuối của hồ sơ là khác (theo cơ sở dữ liệu của tỉnh)", Status: province}}); err != nil {
				t.Fatal(err)
			}
			got, _ := db.Dossier(ctx, d.Code)
			var after string
			db.read.QueryRow(`SELECT result_ready_at FROM dossier WHERE code = ?`, d.Code).Scan(&after)
			hist, _ := db.History(ctx, d.Code)
			var lines []string
			for _, e := range hist {
				lines = append(lines, fmt.Sprintf("%s %s→%s undone=%v", e.Action, e.From, e.To, e.Undone))
			}
			if got.Status != province || after != ready || strings.Join(lines, "; ") != tt.want {
				t.Errorf("after the refusal: %s, ready at %q (was %q)\n%s\nwant\n%s", got.Status, after, ready, strings.Join(lines, "; "), tt.want)
			}
			if _, err := db.Returned(ctx, d.Code); tt.returned && err != nil {
				t.Errorf("the return record is not back: %v", err)
			}
		})
	}
}
