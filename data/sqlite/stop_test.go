package sqlite

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"motcua/data"
)

func TestStopDossier(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d := mustIntake(t, db, birthRequest())
	if _, err := db.StopDossier(ctx, data.Stop{DossierCode: d.Code, Officer: "Lan"}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("stop without a reason: %v", err)
	}
	st, err := db.StopDossier(ctx, data.Stop{DossierCode: d.Code, Reason: "Người nộp đề nghị dừng", Basis: "Đơn ngày 03/02/2027", Officer: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := db.Dossier(ctx, d.Code)
	if got.Status != data.StatusStopped || got.Status.Label() != "Dừng giải quyết" || st.IssuedAt.IsZero() {
		t.Errorf("stopped dossier %s, notice %+v", got.Status, st)
	}
	back, err := db.Stopped(ctx, d.Code)
	if err != nil || back.Reason != "Người nộp đề nghị dừng" || back.Basis != "Đơn ngày 03/02/2027" || back.Officer != "Lan" {
		t.Errorf("stored notice %+v, %v", back, err)
	}
	// It travels as a status change, which the province checks.
	cs, _ := db.Outbox(ctx, 10)
	var sc data.StatusChange
	json.Unmarshal(cs[len(cs)-1].Payload, &sc)
	if cs[len(cs)-1].Kind != data.ChangeDossierStatus || sc.From != data.StatusReceived || sc.To != data.StatusStopped || sc.Note != "Lý do: Người nộp đề nghị dừng" {
		t.Errorf("change %s %+v", cs[len(cs)-1].Kind, sc)
	}
	// Closed afterwards.
	for _, to := range []data.Status{data.StatusReceived, data.StatusResultReady, data.StatusTransferred, data.StatusWithdrawn} {
		if _, err := db.SetStatus(ctx, d.Code, to, "Lan", ""); data.ErrorCode(err) != data.EConflict {
			t.Errorf("stopped → %s: %v", to, err)
		}
	}
	if _, err := db.StopDossier(ctx, data.Stop{DossierCode: d.Code, Reason: "lần nữa", Officer: "Lan"}); data.ErrorCode(err) != data.EConflict {
		t.Errorf("stopped twice: %v", err)
	}
	// A result ready is not stopped.
	ready := mustIntake(t, db, birthRequest())
	db.SetStatus(ctx, ready.Code, data.StatusResultReady, "Lan", "")
	if _, err := db.StopDossier(ctx, data.Stop{DossierCode: ready.Code, Reason: "x", Officer: "Lan"}); data.ErrorCode(err) != data.EConflict {
		t.Errorf("ready result stopped: %v", err)
	}

	// Past its due date, a stopped dossier is not overdue; it is listed
	// as stopped.
	db.Now = func() time.Time { return time.Date(2027, 3, 1, 9, 0, 0, 0, data.Zone) }
	l, err := db.Lists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range l.Overdue {
		if o.Code == d.Code {
			t.Error("a stopped dossier listed overdue")
		}
	}
	if len(l.Stopped) != 1 || l.Stopped[0].Code != d.Code {
		t.Errorf("stopped list %+v", l.Stopped)
	}

	// A dossier another workstation stopped: the notice comes from its
	// history.
	other := mustIntake(t, db, birthRequest())
	raw, _ := json.Marshal(data.StatusChange{Code: other.Code, From: data.StatusReceived, To: data.StatusStopped, Actor: "Quầy 2", Note: "Lý do: trùng hồ sơ"})
	if _, err := db.ApplyRemote(ctx, data.PullPage{Changes: []data.RemoteChange{{Seq: 9, Key: "k-stop", Kind: data.ChangeDossierStatus,
		Subject: other.Code, Payload: raw, Workstation: 2, At: time.Date(2027, 2, 4, 10, 0, 0, 0, data.Zone)}}, Next: 9}); err != nil {
		t.Fatal(err)
	}
	if s, err := db.Stopped(ctx, other.Code); err != nil || s.Reason != "trùng hồ sơ" || s.Officer != "Quầy 2" {
		t.Errorf("pulled stop %+v, %v", s, err)
	}
	if _, err := db.Stopped(ctx, ready.Code); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("a notice for a dossier never stopped: %v", err)
	}
}

func TestHandOvers(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d := mustIntake(t, db, birthRequest()) // due Mon 15/2/2027
	m, _ := db.OpenManifest(ctx, data.ManifestToAgency, "", "Phòng Tư pháp", "Lan")
	db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: d.Code}, "Lan")
	db.Now = func() time.Time { return time.Date(2027, 2, 4, 8, 0, 0, 0, data.Zone) }
	if _, err := db.CloseManifest(ctx, m.Number, "Lan", "Tư pháp: Hà"); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2027, 2, 16, 14, 0, 0, 0, data.Zone) } // a day late
	if _, err := db.ResultsBack(ctx, m.Number, "Bình"); err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2027, 2, 17, 9, 0, 0, 0, data.Zone) }
	if _, err := db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: "093190001234"}, "Bình"); err != nil {
		t.Fatal(err)
	}
	hs, err := db.HandOvers(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	unit := testOffice().Name
	want := []data.HandOver{
		{FromUnit: "Người nộp hồ sơ", From: "Nguyễn Thị Hồng Nhung", ToUnit: unit, To: "Trần Văn Bình"},
		{FromUnit: unit, From: "Lan", ToUnit: "Phòng Tư pháp", To: "Tư pháp: Hà"},
		{FromUnit: "Phòng Tư pháp", ToUnit: unit, To: "Bình", Result: data.Late},
		{FromUnit: unit, From: "Bình", ToUnit: "Người nhận kết quả", To: "Nguyễn Thị Hồng Nhung"},
	}
	if len(hs) != len(want) {
		t.Fatalf("hand-overs %+v", hs)
	}
	for i, w := range want {
		h := hs[i]
		if h.FromUnit != w.FromUnit || h.From != w.From || h.ToUnit != w.ToUnit || h.To != w.To || h.Result != w.Result || h.At.IsZero() {
			t.Errorf("row %d: %+v, want %+v", i+1, h, w)
		}
	}
}

// TestFormSetOfOldPrints opens a database of the schema before fees and
// form sets (008) holding a dossier printed by that version and one not
// printed: the first keeps Circular 01/2018's papers, whatever its date;
// the other takes the set in force when received, at its first print.
func TestFormSetOfOldPrints(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/motcua.db"
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	setUp(t, db)
	printed, unprinted := mustIntake(t, db, birthRequest()), mustIntake(t, db, birthRequest())
	if _, err := db.RecordPrint(ctx, printed.Code, "receipt", "Lan"); err != nil {
		t.Fatal(err)
	}
	// Back to schema 008: what 009 added goes.
	db = reopenMigrated(t, db, file,
		`DROP TABLE fee_receipt`, `DROP TABLE dossier_stop`,
		`ALTER TABLE dossier DROP COLUMN form_set`, `ALTER TABLE dossier DROP COLUMN fee_exempt`,
		`ALTER TABLE procedure DROP COLUMN fees_known`, `ALTER TABLE procedure DROP COLUMN fees`,
		`ALTER TABLE procedure DROP COLUMN fees_exemptible`, `ALTER TABLE procedure DROP COLUMN local_fees`,
		`ALTER TABLE office DROP COLUMN collector_name`, `ALTER TABLE office DROP COLUMN collector_tax_code`,
		`ALTER TABLE office DROP COLUMN collector_address`, `ALTER TABLE office DROP COLUMN receipt_form`,
		`ALTER TABLE office DROP COLUMN receipt_series`, `ALTER TABLE manifest_item DROP COLUMN fee_kind`,
		`DELETE FROM schema_migration WHERE version = 9`,
	)
	old, _ := db.Dossier(ctx, printed.Code)
	if old.FormSet != "01/2018/TT-VPCP" || old.Forms().Circular != "01/2018/TT-VPCP" {
		t.Errorf("a dossier printed before: set %q (%s)", old.FormSet, old.Forms().Circular)
	}
	fresh, _ := db.Dossier(ctx, unprinted.Code)
	if fresh.FormSet != "" || fresh.Forms().Circular != "03/2025/TT-VPCP" {
		t.Errorf("a dossier never printed: set %q (%s)", fresh.FormSet, fresh.Forms().Circular)
	}
	db.RecordPrint(ctx, unprinted.Code, "receipt", "Lan")
	if fresh, _ = db.Dossier(ctx, unprinted.Code); fresh.FormSet != "03/2025/TT-VPCP" {
		t.Errorf("first print did not fix the set: %q", fresh.FormSet)
	}
}
