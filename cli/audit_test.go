package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"motcua/data"
	"motcua/server/servertest"
)

// TestAccountsTravelBetweenWorkstations: an account made at counter 1
// logs in at counter 2 once both synced, offline from then on; disabling
// it at counter 1 reaches counter 2 with the next sync.
func TestAccountsTravelBetweenWorkstations(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws1, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")
	ws1.addUser("hoa", "Lê Thị Hoa", data.RoleCounter)
	if code, _, _ := ws2.as("hoa", testPassword).run("lists", "--json"); code != 1 {
		t.Fatal("counter 2 knows hoa before any sync")
	}
	ws1.as(adminUser, testPassword).ok("sync", "--once")
	ws2.as(adminUser, testPassword).ok("sync", "--once")
	if n := srv.Count(t, `SELECT COUNT(*) FROM account WHERE username = 'hoa' AND record->>'password_hash' LIKE '$argon2id$%'`); n != 1 {
		t.Errorf("the province holds %d records of hoa", n)
	}
	if n := srv.Count(t, `SELECT COUNT(*) FROM account WHERE record::text LIKE '%`+testPassword+`%'`); n != 0 {
		t.Error("the province holds a password")
	}
	ws2.as("hoa", testPassword).ok("lists", "--json")
	code := ws2.intake(intakeDoc)
	if got := ws2.show(code)["officer"]; got != "Lê Thị Hoa" {
		t.Errorf("received at counter 2 by %v", got)
	}

	ws1.as(adminUser, testPassword).ok("user", "disable", "hoa")
	ws2.as("hoa", testPassword).ok("lists", "--json") // not synced yet
	ws1.ok("sync", "--once")
	ws2.as(adminUser, testPassword).ok("sync", "--once")
	if code, _, errOut := ws2.as("hoa", testPassword).run("lists", "--json"); code != 1 || !strings.Contains(errOut, "vô hiệu hoá") {
		t.Errorf("disabled hoa at counter 2: exit %d %s", code, errOut)
	}
	// Enabled again at counter 2, it reaches counter 1.
	ws2.as(adminUser, testPassword).ok("user", "enable", "hoa")
	ws2.ok("sync", "--once")
	ws1.as(adminUser, testPassword).ok("sync", "--once")
	ws1.as("hoa", testPassword).ok("lists", "--json")
}

// tamper runs SQL on the harness's database file with the store closed,
// as someone with the sqlite3 tool would, and opens it again.
func (h *harness) tamper(query string) {
	h.t.Helper()
	user, vars := h.env.User, h.vars
	h.closeStore()
	c, err := sql.Open("sqlite3", filepath.Join(h.env.DataDir, "motcua.db"))
	if err != nil {
		h.t.Fatal(err)
	}
	if _, err := c.Exec(query); err != nil {
		h.t.Fatal(err)
	}
	c.Close()
	h.reopen()
	h.env.User, h.vars = user, vars
}

func (h *harness) verify() verifyJSON {
	h.t.Helper()
	_, out, _ := h.run("audit", "verify", "--json")
	var v verifyJSON
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		h.t.Fatalf("%v: %s", err, out)
	}
	return v
}

func TestAuditVerifyCommand(t *testing.T) {
	h := counterHarness(t)
	code := h.intake(intakeDoc)
	h.ok("show", code, "--json")
	if out := h.ok("audit", "verify"); !strings.Contains(out, "Nhật ký nguyên vẹn") || !strings.Contains(out, "chưa đăng ký") {
		t.Errorf("verify: %s", out)
	}
	h.tamper(`UPDATE audit SET actor = 'Người khác' WHERE action = 'dossier.intake'`)
	status, out, errOut := h.run("audit", "verify")
	if status != 1 || !strings.Contains(errOut, "Nhật ký bị sửa") {
		t.Errorf("edited: exit %d\n%s%s", status, out, errOut)
	}
	v := h.verify()
	seq := int64(queryInt(t, filepath.Join(h.env.DataDir, "motcua.db"), `SELECT id FROM audit WHERE action = 'dossier.intake'`))
	if v.Intact || v.Finding == nil || v.Finding.Kind != data.FindingEdited || v.Finding.Seq != seq {
		t.Errorf("finding %+v, want entry %d edited", v.Finding, seq)
	}

	// audit list shows who did what to the dossier.
	var es []auditJSON
	if err := json.Unmarshal([]byte(h.ok("audit", "list", "--dossier", code, "--json")), &es); err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[1].Action != "dossier.view" || es[1].Account != adminUser || es[1].Actor != adminName || es[1].Workstation != 1 {
		t.Errorf("list %+v", es)
	}
	if code, _, errOut := h.run("audit", "list", "--from", "03/02/2027"); code != 1 || !strings.Contains(errOut, "--from") {
		t.Errorf("bad date: exit %d %s", code, errOut)
	}
}

// TestAuditFindsTheNewestEntriesDeleted: entries the province had seen
// the head of, deleted from the file before the next sync, are reported
// by audit verify offline (against the head acknowledged last) and,
// after that sync, by the province, which refuses the shorter chain.
func TestAuditFindsTheNewestEntriesDeleted(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	h := workstation(t, srv, "1")
	code := h.intake(intakeDoc)
	for i := 0; i < 3; i++ {
		h.ok("show", code, "--json")
	}
	h.ok("sync", "--once")
	v := h.verify()
	if !v.Intact || v.Province == nil || v.Province.Seq != v.Head.Seq || v.Acknowledged == nil || *v.Acknowledged != *v.Province {
		t.Fatalf("after the sync: %+v", v)
	}
	held := v.Head.Seq

	h.tamper(`DELETE FROM audit WHERE id > (SELECT MAX(id) - 3 FROM audit)`)
	// Offline: the head the province acknowledged is missing here.
	online, _ := h.store.SyncSettings(ctx)
	offline := online
	offline.ServerURL = "https://127.0.0.1:1"
	h.store.SaveSyncSettings(ctx, offline)
	v = h.verify()
	if v.Intact || v.Offline == "" || v.Finding.Kind != data.FindingTruncated || v.Finding.Against != "local" || v.Finding.To != held {
		t.Errorf("offline: %+v %+v", v, v.Finding)
	}
	h.store.SaveSyncSettings(ctx, online)

	// The next sync: the province keeps its head and says why.
	h.ok("show", code, "--json") // a new entry in place of those deleted
	out := h.ok("sync", "--once")
	if !strings.Contains(out, "Bị từ chối "+data.AuditHeadKey+": Nhật ký của máy trạm 1") {
		t.Errorf("sync: %s", out)
	}
	if rs, _ := h.store.NeedsAttention(ctx); len(rs) != 1 || rs[0].Key != data.AuditHeadKey {
		t.Errorf("needs attention %+v", rs)
	}
	if n := srv.Count(t, `SELECT COUNT(*) FROM audit_head WHERE seq = $1 AND finding <> ''`, held); n != 1 {
		t.Errorf("the province does not keep its head with the finding")
	}
	status, text, errOut := h.run("audit", "verify")
	if status != 1 || !strings.Contains(text, "tỉnh đang giữ: mục số") || !strings.Contains(errOut, "Nhật ký bị") {
		t.Errorf("verify after the sync: exit %d\n%s%s", status, text, errOut)
	}
	if v := h.verify(); v.Finding == nil || v.Finding.Against != "province" {
		t.Errorf("finding %+v", v.Finding)
	}
	// It stays one finding to see to, sync after sync, until dismissed.
	h.ok("sync", "--once")
	if rs, _ := h.store.NeedsAttention(ctx); len(rs) != 1 {
		t.Errorf("needs attention %+v", rs)
	}
	h.ok("sync", "dismiss", data.AuditHeadKey)
	if rs, _ := h.store.NeedsAttention(ctx); len(rs) != 0 {
		t.Errorf("after dismiss %+v", rs)
	}
}

// TestAuditFindsAChainRewritten: someone who knows the scheme rewrites an
// entry and every hash after it; the chain reads whole here, but not
// against the head the province holds.
func TestAuditFindsAChainRewritten(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	h := workstation(t, srv, "1")
	code := h.intake(intakeDoc)
	h.ok("show", code, "--json")
	h.ok("sync", "--once")
	es, err := h.store.AuditEntries(context.Background(), data.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Rewrite from the dossier's intake: another officer took it.
	var stmts []string
	prev := ""
	for i, e := range es {
		if e.Action == "dossier.intake" {
			e.Actor = "Người khác"
		}
		if i > 0 {
			e.PrevHash = prev
		}
		e.Hash = e.ComputeHash()
		prev = e.Hash
		stmts = append(stmts, "UPDATE audit SET actor = '"+e.Actor+"', prev_hash = '"+e.PrevHash+"', hash = '"+e.Hash+"' WHERE id = "+strconv.FormatInt(e.Seq, 10))
	}
	h.tamper(strings.Join(stmts, "; "))
	v := h.verify()
	if v.Intact || v.Finding.Kind != data.FindingMismatch || v.Finding.Against != "province" {
		t.Errorf("rewritten chain: %+v", v.Finding)
	}
}

// TestPapersNameTheLoggedInOfficer: the receipt, Form 02 and a signed
// manifest carry the full name of the officer who is logged in.
func TestPapersNameTheLoggedInOfficer(t *testing.T) {
	h := counterHarness(t)
	h.addUser("hoa", "Lê Thị Hoa", data.RoleCounter)
	h.as("hoa", testPassword)
	code := h.intake(intakeDoc)
	receipt := filepath.Join(t.TempDir(), "receipt.pdf")
	h.ok("receipt", code, "-o", receipt)
	if text := pdfText(t, receipt); !strings.Contains(text, "NGƯỜI TIẾP NHẬN HỒ SƠ") || !strings.Contains(text, "Lê Thị Hoa") || strings.Contains(text, "Cán bộ một cửa") {
		t.Errorf("receipt:\n%s", text)
	}
	form := filepath.Join(t.TempDir(), "form.pdf")
	h.ok("form", "supplement", code, "--reason", "Thiếu tờ khai", "-o", form)
	if text := pdfText(t, form); !strings.Contains(text, "Lê Thị Hoa") {
		t.Errorf("Form 02:\n%s", text)
	}
	hist := h.show(code)["history"].([]any)
	for _, e := range hist {
		if e.(map[string]any)["actor"] != "Lê Thị Hoa" {
			t.Errorf("history %v", hist)
		}
	}
	other := h.intake(intakeDoc)
	num := firstLine(h.ok("manifest", "new", "--kind", "to-agency", "--agency", "Phòng Tư pháp"))
	h.ok("manifest", "add", num, other)
	h.ok("manifest", "close", num, "--postal", "Nguyễn Văn Bưu")
	var m manifestJSON
	json.Unmarshal([]byte(h.ok("manifest", "show", num, "--json")), &m)
	if m.Officer != "Lê Thị Hoa" {
		t.Errorf("manifest signed by %q", m.Officer)
	}
	pdf := filepath.Join(t.TempDir(), "manifest.pdf")
	h.ok("manifest", "pdf", num, "-o", pdf)
	if text := pdfText(t, pdf); !strings.Contains(text, "Lê Thị Hoa") {
		t.Errorf("manifest:\n%s", text)
	}
	// The intake's JSON may not name another officer.
	h.env.Stdin = strings.NewReader(strings.Replace(intakeDoc, `"sets": 1`, `"sets": 1, "officer": "Trần Văn Bình"`, 1))
	if status, _, errOut := h.run("intake", "--json", "-"); status != 1 || !strings.Contains(errOut, "người tiếp nhận là cán bộ đang đăng nhập") {
		t.Errorf("another officer named: exit %d %s", status, errOut)
	}
}
