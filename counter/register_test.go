package counter_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/counter"
	"motcua/data"
)

// TestRegisterIsAuditedAndKept: reading the register and exporting it are
// views of applicants' data in the audit trail; the file is kept under
// printouts/, and a format other than PDF or Excel is refused.
func TestRegisterIsAuditedAndKept(t *testing.T) {
	d, _ := clocked(t)
	ctx := context.Background()
	dossier := intake(t, d, "Nguyễn Thị Hồng Nhung")
	day := time.Date(2027, 2, 3, 0, 0, 0, 0, data.Zone)
	reg, err := d.Register(ctx, day, day)
	if err != nil || len(reg.Lines) != 1 || reg.Lines[0].Code != dossier.Code || reg.Lines[0].RegisterNo != dossier.RegisterNo {
		t.Fatalf("register %+v %v", reg, err)
	}
	path, err := d.RegisterFile(ctx, day, day, counter.RegisterXLSX)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(path, filepath.Join(d.DataDir, "printouts")) || filepath.Ext(path) != ".xlsx" {
		t.Errorf("kept at %s", path)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("kept file %v %v", fi, err)
	}
	if _, err := d.RegisterFile(ctx, day, day, "docx"); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("a docx: %v", err)
	}
	es, err := d.AuditEntries(ctx, data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range es {
		if strings.HasPrefix(e.Action, "register.") {
			actions = append(actions, e.Action+" "+e.Subject+" "+e.Detail)
		}
	}
	want := []string{"register.view 2027-02-03..2027-02-03 1 hồ sơ", "register.export 2027-02-03..2027-02-03 xlsx, 1 hồ sơ"}
	if strings.Join(actions, "|") != strings.Join(want, "|") && strings.Join(actions, "|") != strings.Join([]string{want[1], want[0]}, "|") {
		t.Errorf("audit %q, want %q", actions, want)
	}
}
