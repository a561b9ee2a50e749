package counter_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/counter"
	"motcua/data"
)

// clocked is the test desk on a clock the test moves.
func clocked(t *testing.T) (*counter.Desk, *time.Time) {
	d := desk(t)
	now := time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone)
	d.Now = func() time.Time { return now }
	return d, &now
}

func TestLoginLockoutAndUnlock(t *testing.T) {
	d, now := clocked(t)
	ctx := context.Background()
	if _, err := d.AddAccount(ctx, "hoa", "Lê Thị Hoa", data.RoleCounter, "mat-khau-hoa"); err != nil {
		t.Fatal(err)
	}
	d.Logout()
	for i := 1; i <= 4; i++ {
		if _, err := d.Login(ctx, "hoa", "sai-mat-khau"); data.ErrorCode(err) != data.EPassword {
			t.Fatalf("wrong password %d: %v", i, err)
		}
	}
	// The fifth in a row locks it, and then even the right one is refused.
	_, err := d.Login(ctx, "hoa", "sai-mat-khau")
	if data.ErrorCode(err) != data.ELocked || !strings.Contains(data.ErrorMessage(err), "09:15 03/02/2027") {
		t.Fatalf("fifth wrong password: %v", err)
	}
	if _, err := d.Login(ctx, "hoa", "mat-khau-hoa"); data.ErrorCode(err) != data.ELocked {
		t.Fatalf("the right password while locked: %v", err)
	}
	if d.Officer().Username != "" {
		t.Fatal("logged in while locked")
	}
	// Another account is not locked.
	if _, err := d.Login(ctx, "binh", "mat-khau-1"); err != nil {
		t.Fatalf("another account: %v", err)
	}
	*now = now.Add(14 * time.Minute)
	if _, err := d.Login(ctx, "hoa", "mat-khau-hoa"); data.ErrorCode(err) != data.ELocked {
		t.Fatalf("after 14 minutes: %v", err)
	}
	*now = now.Add(time.Minute)
	a, err := d.Login(ctx, "hoa", "mat-khau-hoa")
	if err != nil || d.Officer() != (data.Officer{Username: "hoa", FullName: "Lê Thị Hoa", Role: data.RoleCounter}) {
		t.Fatalf("after 15 minutes: %+v %v", a, err)
	}
	// A success clears the count: four wrong ones do not lock it again.
	for i := 0; i < 4; i++ {
		d.Login(ctx, "hoa", "sai")
	}
	if _, err := d.Login(ctx, "hoa", "mat-khau-hoa"); err != nil {
		t.Errorf("after four wrong ones: %v", err)
	}
	if _, err := d.Login(ctx, "nobody", "mat-khau-1"); data.ErrorCode(err) != data.EPassword {
		t.Errorf("no such account: %v", err)
	}
}

func TestDisabledAccount(t *testing.T) {
	d, store := deskOn(t)
	ctx := context.Background()
	if _, err := d.AddAccount(ctx, "hoa", "Lê Thị Hoa", data.RoleCounter, "mat-khau-hoa"); err != nil {
		t.Fatal(err)
	}
	hoa := counter.New(store, d.DataDir)
	hoa.Passwords = d.Passwords
	hoa.Now = d.Now
	if _, err := hoa.Login(ctx, "hoa", "mat-khau-hoa"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.SetDisabled(ctx, "hoa", true); err != nil {
		t.Fatal(err)
	}
	// Her session ends at her next action; she cannot log in again.
	if _, err := hoa.Lists(ctx); data.ErrorCode(err) != data.EDisabled {
		t.Errorf("acting while disabled: %v", err)
	}
	if hoa.Officer().Username != "" {
		t.Error("still logged in")
	}
	if _, err := hoa.Login(ctx, "hoa", "mat-khau-hoa"); data.ErrorCode(err) != data.EDisabled {
		t.Errorf("logging in while disabled: %v", err)
	}
	if _, err := hoa.Login(ctx, "hoa", "sai-mat-khau"); data.ErrorCode(err) != data.EPassword {
		t.Errorf("a wrong password says nothing of the account: %v", err)
	}
	if _, err := d.SetDisabled(ctx, "binh", true); data.ErrorCode(err) != data.EConflict {
		t.Errorf("the last administrator disabled: %v", err)
	}
	if _, err := d.SetDisabled(ctx, "hoa", false); err != nil {
		t.Fatal(err)
	}
	if _, err := hoa.Login(ctx, "hoa", "mat-khau-hoa"); err != nil {
		t.Errorf("enabled again: %v", err)
	}
}

// TestRolesAtTheDesk: the desk refuses what a role may not do, and the
// history and the audit trail name the officer who did what it allows.
func TestRolesAtTheDesk(t *testing.T) {
	d, _ := clocked(t)
	ctx := context.Background()
	if _, err := d.AddAccount(ctx, "hoa", "Lê Thị Hoa", data.RoleCounter, "mat-khau-hoa"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Login(ctx, "hoa", "mat-khau-hoa"); err != nil {
		t.Fatal(err)
	}
	dossier := intake(t, d, "Nguyễn Thị Hồng Nhung")
	if dossier.Officer != "Lê Thị Hoa" {
		t.Errorf("received by %q", dossier.Officer)
	}
	hist, _ := d.History(ctx, dossier.Code)
	if len(hist) != 1 || hist[0].Actor != "Lê Thị Hoa" {
		t.Errorf("history %+v", hist)
	}
	if v, err := d.View(ctx, dossier.Code); err != nil || v.Dossier.Applicant.IDNumber != "********1234" {
		t.Errorf("a counter officer sees ID %q (%v)", v.Dossier.Applicant.IDNumber, err)
	}
	for name, call := range map[string]func() error{
		"Form 04": func() error {
			_, _, err := d.Apology(ctx, dossier.Code, time.Date(2027, 2, 20, 0, 0, 0, 0, data.Zone), "x")
			return err
		},
		"Form 05": func() error {
			_, _, err := d.Stop(ctx, dossier.Code, "x", "")
			return err
		},
		"fees report": func() error { _, err := d.FeeReport(ctx, dossier.DueDate, dossier.DueDate); return err },
		"full ID":     func() error { _, err := d.ShowID(ctx, dossier.Code); return err },
		"set-up":      func() error { _, err := d.SaveOffice(ctx, data.Office{}); return err },
		"accounts":    func() error { _, err := d.Accounts(ctx); return err },
		"audit":       func() error { _, err := d.AuditEntries(ctx, data.AuditFilter{}); return err },
		"backup":      func() error { return d.Backup(ctx, t.TempDir()+"/x.db") },
		"register": func() error {
			_, err := d.RegisterFile(ctx, dossier.ReceivedAt, dossier.ReceivedAt, counter.RegisterPDF)
			return err
		},
		"other's pass": func() error { _, err := d.SetPassword(ctx, "binh", "mat-khau-moi"); return err },
	} {
		if err := call(); data.ErrorCode(err) != data.EDenied {
			t.Errorf("%s: %v", name, err)
		}
	}
	d.Logout()
	if _, err := d.Dossier(ctx, dossier.Code); data.ErrorCode(err) != data.ELoggedOut {
		t.Errorf("reading a dossier logged out: %v", err)
	}
	if _, err := d.Login(ctx, "binh", "mat-khau-1"); err != nil {
		t.Fatal(err)
	}
	es, err := d.AuditEntries(ctx, data.AuditFilter{Dossier: dossier.Code})
	if err != nil || len(es) < 1 || es[0].Account != "hoa" || es[0].Actor != "Lê Thị Hoa" || es[0].Action != "dossier.intake" || es[0].Digest == "" || es[0].Workstation != 1 {
		t.Errorf("audit %+v %v", es, err)
	}
	if id, err := d.ShowID(ctx, dossier.Code); err != nil || id != "093190001234" {
		t.Errorf("a supervisor's full ID %q %v", id, err)
	}
	// The fee report lists payers: reading it is in the audit trail.
	day := data.DateOf(dossier.ReceivedAt)
	if _, err := d.FeeReport(ctx, day, day); err != nil {
		t.Fatal(err)
	}
	es, _ = d.AuditEntries(ctx, data.AuditFilter{Account: "binh"})
	if last := es[len(es)-1]; last.Action != "report.fees" || last.Subject != "2027-02-03/2027-02-03" {
		t.Errorf("last audit entry %+v, want the fee report", last)
	}
}
