package cli

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"motcua/data"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

// registerNo is the register number a dossier shows.
func (h *harness) registerNo(code string) float64 {
	h.t.Helper()
	n, _ := h.show(code)["register_no"].(float64)
	return n
}

// TestRestoreBringsBackWhatWasPushed: a workstation restored from an
// older backup gets back from the province everything it had pushed
// since, continues its codes and register numbers above them, and the
// office's other workstations keep pulling.
func TestRestoreBringsBackWhatWasPushed(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	ws1, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")
	first := ws1.intake(intakeDoc)
	ws1.ok("sync", "--once")
	backup := filepath.Join(t.TempDir(), "monday.db")
	ws1.ok("backup", "-o", backup)

	later := []string{ws1.intake(intakeDoc), ws1.intake(intakeDoc)}
	ws1.ok("status", later[0], "transferred", "--note", "chuyển Phòng Tư pháp")
	ws1.ok("sync", "--once")
	ws2.ok("sync", "--once")
	top := ws1.registerNo(later[1])

	ws1.closeStore()
	if code, out, errOut := ws1.runBare("restore", backup); code != 0 || !strings.Contains(out, "1 hồ sơ") {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	ws1.reopen()
	out := ws1.ok("sync", "--once")
	if strings.Contains(out, "Lỗi") {
		t.Errorf("sync after restore: %s", out)
	}
	if s := ws1.show(later[0])["status"]; s != "transferred" {
		t.Errorf("%s back as %v", later[0], s)
	}
	if ws1.registerNo(later[1]) != top {
		t.Errorf("%s came back without its register number", later[1])
	}
	next := ws1.intake(intakeDoc)
	if next <= later[1] || ws1.registerNo(next) <= top {
		t.Errorf("after restore: %s (register %v), but %s (register %v) was handed out before", next, ws1.registerNo(next), later[1], top)
	}
	ws1.ok("sync", "--once")
	out = ws2.ok("sync", "--once")
	if strings.Contains(out, "Lỗi") || strings.Contains(out, "Cần xử lý") {
		t.Errorf("the other workstation's pull: %s", out)
	}
	// The restore took back the audit entries made after the backup: the
	// province, which had them, says so once, and nothing else needs
	// attention.
	if rs, _ := ws1.store.NeedsAttention(ctx); len(rs) != 1 || rs[0].Key != data.AuditHeadKey || !strings.Contains(rs[0].Reason, "lùi lại") {
		t.Errorf("workstation 1 needs attention: %+v", rs)
	}
	if rs, _ := ws2.store.NeedsAttention(ctx); len(rs) != 0 {
		t.Errorf("workstation 2 needs attention: %+v", rs)
	}
	for _, h := range []*harness{ws1, ws2} {
		for _, c := range []string{first, later[0], later[1], next} {
			if code, _, _ := h.run("show", c, "--json"); code != 0 {
				t.Errorf("%s missing", c)
			}
		}
	}
	if n := srv.Count(t, `SELECT COUNT(*) - COUNT(DISTINCT record->>'register_no') FROM dossier WHERE workstation = 1`); n != 0 {
		t.Errorf("%d register numbers of workstation 1 twice at the province", n)
	}
}

// serverCmd runs a motcua-server command.
func serverCmd(srv *servertest.Server, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := server.Main(context.Background(), append(args, "--database", srv.DatabaseURL), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestReplacedPC: the province issues a code for a PC that replaces
// workstation 1; the old PC's token stops at once, and a fresh folder
// enrolled with the code holds the whole office, its own old dossiers
// included, and numbers above them.
func TestReplacedPC(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	old, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")
	collector := []string{"init", "--fee-collector", "Ủy ban nhân dân xã Vị Thanh", "--tax-code", "6300123456"}
	old.ok(collector...)
	withFee := feeIntake("2.002516", `, "fees": [{"kind": "le-phi", "amount": 8000, "method": "cash"}]`)
	codes := []string{old.intake(intakeDoc), old.intake(intakeDoc), old.intake(withFee)}
	old.ok("status", codes[0], "transferred")
	old.ok("sync", "--once")
	other := ws2.intake(intakeDoc)
	ws2.ok("sync", "--once")
	oldSettings, _ := old.store.SyncSettings(ctx)

	if code, _, errOut := serverCmd(srv, "enroll", "--agency-code", "000.30.12.H30", "--workstation", "1"); code != 1 || !strings.Contains(errOut, "--replace") {
		t.Fatalf("a plain code for an enrolled workstation: exit %d %s", code, errOut)
	}
	code, out, errOut := serverCmd(srv, "enroll", "--agency-code", "000.30.12.H30", "--workstation", "1", "--replace")
	if code != 0 {
		t.Fatalf("enroll --replace: exit %d %s", code, errOut)
	}
	oneTime := strings.SplitN(out, "\n", 2)[0]
	hc, _ := province.HTTPClient(srv.CAFile)
	_, err := (&province.Client{BaseURL: srv.URL, Token: oldSettings.Token, HTTP: hc}).Pull(ctx, 0, 10)
	var pe *province.Error
	if !errors.As(err, &pe) || pe.Status != http.StatusUnauthorized {
		t.Errorf("the old PC's token after --replace: %v", err)
	}

	fresh := newHarness(t)
	fresh.ok(initArgs...)
	fresh.ok("catalog", "import", sample)
	fresh.ok("enroll", "--server", srv.URL, "--code", oneTime, "--ca", srv.CAFile)
	// Even before the first pull, the day's numbers continue above the
	// province's.
	fresh.ok(collector...)
	early := fresh.intake(withFee)
	if early <= codes[2] || fresh.registerNo(early) != 4 {
		t.Errorf("first intake on the new PC: %s register %v; the province has %s register 3", early, fresh.registerNo(early), codes[2])
	}
	// … and so do its fee receipts.
	if rs, _ := fresh.store.FeeReceipts(ctx, early); len(rs) != 1 || rs[0].Number != 10000002 {
		t.Errorf("first receipt on the new PC: %+v; the province has 10000001", rs)
	}
	out = fresh.ok("sync", "--once")
	if strings.Contains(out, "Lỗi") {
		t.Errorf("first sync: %s", out)
	}
	for _, c := range append(codes, other) {
		if code, _, _ := fresh.run("show", c, "--json"); code != 0 {
			t.Errorf("the new PC lacks %s", c)
		}
	}
	if s := fresh.show(codes[0])["status"]; s != "transferred" {
		t.Errorf("%s on the new PC: %v", codes[0], s)
	}
	if rs, _ := fresh.store.NeedsAttention(ctx); len(rs) != 0 {
		t.Errorf("needs attention: %+v", rs)
	}
	// The old PC, if it comes back, is told to enroll again.
	if code, out, _ := old.run("sync", "--once"); code == 0 && !strings.Contains(out, "đăng ký lại") {
		t.Errorf("the old PC synced: %s", out)
	}
	if got := srv.Count(t, `SELECT COUNT(*) FROM dossier`); got != 5 {
		t.Errorf("the province has %d dossiers", got)
	}
}
