package counter_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// TestPreviewGivesTheDueDateBeforeTheFormIsRight: the due date comes as
// soon as the procedure and its time limit are known.
func TestPreviewGivesTheDueDateBeforeTheFormIsRight(t *testing.T) {
	d := desk(t)
	ctx := context.Background()
	two := 2
	cases := []struct {
		name    string
		req     data.IntakeRequest
		due     string // "" when none is known
		invalid bool
		code    bool
	}{
		{"no applicant yet", data.IntakeRequest{ProcedureCode: "1.004837"}, "2027-02-15", true, false},
		{"no time limit in the catalogue", data.IntakeRequest{ProcedureCode: "1.001193"}, "", true, false},
		{"the officer's time limit", data.IntakeRequest{ProcedureCode: "1.001193", WorkingDays: &two}, "2027-02-12", true, false},
		{"unknown procedure", data.IntakeRequest{ProcedureCode: "9.999999"}, "", true, false},
		{"complete", data.IntakeRequest{ProcedureCode: "1.004837",
			Applicant: data.Applicant{Name: "Lê Văn Tư", IDNumber: "093190001234", Address: "Ấp 3"},
			Documents: []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}}}, "2027-02-15", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pv, err := d.Preview(ctx, c.req)
			if err != nil {
				t.Fatal(err)
			}
			due := ""
			if !pv.Dossier.DueDate.IsZero() {
				due = pv.Dossier.DueDate.Format(time.DateOnly)
			}
			if due != c.due || (pv.Invalid != nil) != c.invalid || (pv.Dossier.Code != "") != c.code {
				t.Errorf("due %q, invalid %v, code %q", due, pv.Invalid, pv.Dossier.Code)
			}
			if c.invalid && data.ErrorCode(pv.Invalid) != data.EInvalid {
				t.Errorf("invalid as %v", pv.Invalid)
			}
		})
	}
}

// TestManifestWorkflowsReturnTheManifest: each change of a manifest comes
// back with the manifest as it then stands.
func TestManifestWorkflowsReturnTheManifest(t *testing.T) {
	d := desk(t)
	ctx := context.Background()
	a, b := intake(t, d, "Lê Văn Tư"), intake(t, d, "Trần Thị Mai")
	m, err := d.OpenManifest(ctx, data.ManifestToAgency, "", "Phòng Tư pháp")
	if err != nil {
		t.Fatal(err)
	}
	key, _ := d.EnsureKey(ctx)
	qr, _ := scan.SignReceipt("", a.Code, key)
	m, it, err := d.AddToManifest(ctx, m.Number, qr, data.ManifestAdd{})
	if err != nil || len(m.Items) != 1 || it.DossierCode != a.Code || it.Applicant != "Lê Văn Tư" {
		t.Fatalf("added %+v to %+v, %v", it, m.Items, err)
	}
	if m, _, err = d.AddToManifest(ctx, m.Number, b.Code, data.ManifestAdd{}); err != nil || len(m.Items) != 2 {
		t.Fatalf("second: %+v, %v", m.Items, err)
	}
	if m, err = d.RemoveFromManifest(ctx, m.Number, b.Code); err != nil || len(m.Items) != 1 {
		t.Fatalf("removed: %+v, %v", m.Items, err)
	}
	if _, _, err := d.CloseManifest(ctx, m.Number, "Bình", "Hoa"); err != nil {
		t.Fatal(err)
	}
	if m, err = d.Reconcile(ctx, m.Number, []string{a.Code, b.Code}); err != nil || m.Reconciled == nil ||
		len(m.Reconciled.Unexpected) != 1 || m.Reconciled.Unexpected[0] != b.Code {
		t.Fatalf("reconciled %+v, %v", m.Reconciled, err)
	}

	// The manifest's QR at the return desk: its results are back.
	mqr, _ := scan.SignManifest("", "000.30.12.H30-"+m.Number, key)
	r, err := d.ResultBack(ctx, mqr)
	if err != nil || r.Manifest != m.Number || len(r.Codes) != 1 || r.Codes[0] != a.Code {
		t.Fatalf("results back %+v, %v", r, err)
	}
	v, err := d.View(ctx, a.Code)
	if err != nil || v.Dossier.Status != data.StatusResultReady || len(v.Manifests) != 1 || v.Manifests[0] != m.Number {
		t.Fatalf("view %+v, %v", v, err)
	}
	// One dossier by its code.
	if r, err = d.ResultBack(ctx, b.Code); err != nil || r.Manifest != "" || r.Dossier.Status != data.StatusResultReady {
		t.Fatalf("one result %+v, %v", r, err)
	}
	if _, err := d.ResultBack(ctx, mqr[:len(mqr)-1]+"x"); err == nil || !strings.Contains(err.Error(), "KHÔNG HỢP LỆ") {
		t.Errorf("forged manifest: %v", err)
	}
}

// TestReturnDeskWorkflowsReturnTheView: a status change, a hand-over and
// Form 04 each come back as the return desk shows the dossier.
func TestReturnDeskWorkflowsReturnTheView(t *testing.T) {
	d := desk(t)
	ctx := context.Background()
	late := intake(t, d, "Lê Văn Tư") // due 15/02 (after Tết), on a clock of 03/02

	v, err := d.View(ctx, late.Code)
	if err != nil || v.Late != 0 || v.DueSoon || v.Return != nil {
		t.Fatalf("view %+v, %v", v, err)
	}
	d.Now = func() time.Time { return time.Date(2027, 2, 12, 9, 0, 0, 0, data.Zone) }
	if v, _ = d.View(ctx, late.Code); !v.DueSoon || v.Late != 0 {
		t.Errorf("two working days before: due soon %v, late %d", v.DueSoon, v.Late)
	}
	d.Now = func() time.Time { return time.Date(2027, 2, 18, 9, 0, 0, 0, data.Zone) }
	if v, _ = d.View(ctx, late.Code); v.Late != 3 || v.DueSoon {
		t.Errorf("three days after: late %d, due soon %v", v.Late, v.DueSoon)
	}

	d.Now = func() time.Time { return time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone) }
	other := intake(t, d, "Trần Thị Mai")
	v, path, err := d.Apology(ctx, other.Code, time.Date(2027, 2, 22, 0, 0, 0, 0, data.Zone), "Chờ xác minh")
	if err != nil || path == "" || !v.Apologised() || v.Dossier.DueDate.Format(time.DateOnly) != "2027-02-22" {
		t.Fatalf("apology: %+v, %q, %v", v.Dossier, path, err)
	}
	if v, err = d.SetStatus(ctx, other.Code, data.StatusResultReady, ""); err != nil || v.Dossier.Status != data.StatusResultReady {
		t.Fatalf("status: %+v, %v", v.Dossier, err)
	}
	v, err = d.Return(ctx, other.Code, data.Recipient{IDNumber: "093190001234"})
	if err != nil || v.Return == nil || v.Return.Name != "Trần Thị Mai" || v.Dossier.Status != data.StatusReturned {
		t.Fatalf("return: %+v, %v", v, err)
	}
}

// TestUndoStatusAtTheDesk: a supervisor undoes a result marked ready by
// mistake and gets the view as the return desk shows it back; a counter
// officer is refused in Vietnamese and nothing changes.
func TestUndoStatusAtTheDesk(t *testing.T) {
	d := desk(t)
	ctx := context.Background()
	for _, a := range []struct {
		user, name string
		role       data.Role
	}{{"hoa", "Lê Thị Hoa", data.RoleCounter}, {"sau", "Lê Văn Sáu", data.RoleSupervisor}} {
		if _, err := d.AddAccount(ctx, a.user, a.name, a.role, "mat-khau-"+a.user); err != nil {
			t.Fatal(err)
		}
	}
	dossier := intake(t, d, "Nguyễn Thị Hồng Nhung")
	if _, err := d.SetStatus(ctx, dossier.Code, data.StatusResultReady, ""); err != nil {
		t.Fatal(err)
	}

	if _, err := d.Login(ctx, "hoa", "mat-khau-hoa"); err != nil {
		t.Fatal(err)
	}
	_, err := d.UndoStatus(ctx, dossier.Code, "Bấm nhầm")
	if data.ErrorCode(err) != data.EDenied || data.ErrorMessage(err) !=
		"Tài khoản hoa (cán bộ một cửa) không được hoàn tác thay đổi trạng thái hồ sơ: việc này cần quyền lãnh đạo. Chưa thay đổi gì." {
		t.Errorf("a counter officer's undo: %v", err)
	}
	if got, _ := d.Dossier(ctx, dossier.Code); got.Status != data.StatusResultReady {
		t.Errorf("status %s after a refused undo", got.Status)
	}

	if _, err := d.Login(ctx, "sau", "mat-khau-sau"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.UndoStatus(ctx, dossier.Code, ""); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("an undo without a reason: %v", err)
	}
	v, err := d.UndoStatus(ctx, dossier.Code, "Bấm nhầm hồ sơ khác")
	if err != nil || v.Dossier.Status != data.StatusReceived || v.Dossier.Applicant.IDNumber != "093190001234" {
		t.Fatalf("undo: %+v, %v", v.Dossier, err)
	}
	if last := v.History[len(v.History)-1]; last.Action != data.ActionUndo || last.Actor != "Lê Văn Sáu" || !v.History[len(v.History)-2].Undone {
		t.Errorf("history %+v", v.History)
	}
	es, _ := d.AuditEntries(ctx, data.AuditFilter{Dossier: dossier.Code})
	if a := es[len(es)-1]; a.Action != "dossier.undo" || a.Account != "sau" {
		t.Errorf("audit %+v", a)
	}
}
