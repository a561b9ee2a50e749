package cli

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"motcua/counter"
	"motcua/data"
	"motcua/data/scan"
	"motcua/server/servertest"
)

// workstation is a configured workstation n of the test office, enrolled
// with srv.
func workstation(t *testing.T, srv *servertest.Server, n string) *harness {
	t.Helper()
	h := newHarness(t)
	h.ok(initWith("--workstation", n)...)
	h.ok("catalog", "import", sample)
	num := int(n[0] - '0')
	out := h.ok("enroll", "--server", srv.URL, "--code", srv.Enrollment(t, "000.30.12.H30", num), "--ca", srv.CAFile)
	if !strings.Contains(out, "Đã đăng ký máy trạm "+n) {
		t.Fatalf("enroll output: %s", out)
	}
	return h
}

func (h *harness) desk() *counter.Desk { return h.env.Desk }

func (h *harness) show(code string) map[string]any {
	h.t.Helper()
	var shown map[string]any
	if err := json.Unmarshal([]byte(h.ok("show", code, "--json")), &shown); err != nil {
		h.t.Fatal(err)
	}
	return shown
}

// TestTwoWorkstationsOneOffice: a dossier taken at counter 1 is seen at
// counter 2 after both sync, its receipt QR verifies there, and what
// counter 2 and a processing agency then do is seen at counter 1.
func TestTwoWorkstationsOneOffice(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	ws1, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")

	code := ws1.intake(intakeDoc)
	key, err := ws1.desk().EnsureKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	qr, err := scan.SignReceipt("", code, key) // what counter 1's receipt prints
	if err != nil {
		t.Fatal(err)
	}
	if res, _ := ws2.desk().Scan(ctx, qr); res.Valid {
		t.Fatal("counter 2 verified a receipt before it had counter 1's key")
	}
	if code, _, _ := ws2.run("show", code, "--json"); code != 1 {
		t.Fatal("counter 2 knows the dossier before syncing")
	}

	// The administrator's account travels too.
	out := ws1.ok("sync", "--once")
	if !strings.Contains(out, "Đã gửi 2 thay đổi") || !strings.Contains(out, "Còn chờ gửi: 0") {
		t.Errorf("counter 1 sync: %s", out)
	}
	// The test clock is in 2027; the server's is not.
	if !strings.Contains(out, "Cảnh báo: Đồng hồ máy này") {
		t.Errorf("no clock warning: %s", out)
	}
	out = ws2.ok("sync", "--once")
	if !strings.Contains(out, "đã nhận 2 thay đổi") {
		t.Errorf("counter 2 sync: %s", out)
	}
	shown := ws2.show(code)
	if shown["status"] != "received" || shown["due_date"] != "2027-02-15" || shown["applicant"].(map[string]any)["name"] != "Nguyễn Thị Hồng Nhung" {
		t.Errorf("counter 2 shows %v", shown)
	}
	res, err := ws2.desk().Scan(ctx, qr)
	if err != nil || !res.Valid || res.Code != code {
		t.Errorf("counter 2 scan: %+v %v", res, err)
	}

	// Counter 2 moves it on; counter 1 sees it.
	ws2.addUser("hoa", "Lê Thị Hoa", data.RoleCounter)
	ws2.as("hoa", testPassword).ok("status", code, "transferred", "--note", "chuyển Phòng Tư pháp")
	ws2.as(adminUser, testPassword).ok("sync", "--once")
	ws1.ok("sync", "--once")
	shown = ws1.show(code)
	hist := shown["history"].([]any)
	last := hist[len(hist)-1].(map[string]any)
	if shown["status"] != "transferred" || last["actor"] != "Lê Thị Hoa" || last["to"] != "transferred" {
		t.Errorf("counter 1 shows %v", shown)
	}

	// A processing agency's decision reaches both counters.
	if err := srv.Store.SetStatus(ctx, code, data.StatusResultReady, "Phòng Tư pháp", "có kết quả"); err != nil {
		t.Fatal(err)
	}
	ws1.ok("sync", "--once")
	ws2.ok("sync", "--once")
	for _, h := range []*harness{ws1, ws2} {
		if s := h.show(code)["status"]; s != "result-ready" {
			t.Errorf("status %v after the agency's decision", s)
		}
	}

	// Counter 2 hands the result to the applicant; counter 1 sees it returned.
	ws2.ok("return", code, "--recipient-id", "093190001234")
	ws2.ok("sync", "--once")
	ws1.ok("sync", "--once")
	if s := ws1.show(code)["status"]; s != "returned" {
		t.Errorf("counter 1 after the return at counter 2: %v", s)
	}
	if got := srv.Strings(t, `SELECT action || ' ' || to_status || ' ' || actor FROM dossier_event ORDER BY id`); !slices.Equal(got, []string{
		"intake received " + adminName, "status transferred Lê Thị Hoa", "status result-ready Phòng Tư pháp",
		"status returned " + adminName}) {
		t.Errorf("server history %v", got)
	}
}

// TestManifestAndApologyChangesSync: what signing a from-post manifest,
// Form 04 and failed deliveries change reaches the province and the other
// counter, and nothing lands in the needs-attention list.
func TestManifestAndApologyChangesSync(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	ws1, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")

	filed := ws1.intake(postalDoc("RR123456785VN"))
	late := ws1.intake(intakeDoc)
	sent := ws1.intake(postalDoc("EE000000014VN"))
	num := strings.SplitN(ws1.ok("manifest", "new", "--kind", "from-post"), "\n", 2)[0]
	ws1.ok("manifest", "add", num, filed)
	ws1.ok("manifest", "close", num, "--officer", "Bình", "--postal", "Hoa")
	ws1.ok("apology", late, "--new-due", "2027-02-22", "--reason", "Chờ xác minh", "-o", t.TempDir()+"/f04.pdf")
	ws1.ok("status", sent, "result-ready")
	c := strings.SplitN(ws1.ok("manifest", "new", "--kind", "to-citizen"), "\n", 2)[0]
	ws1.ok("manifest", "add", c, sent)
	ws1.ok("manifest", "close", c, "--officer", "Bình", "--postal", "Hoa")
	ws1.ok("manifest", "delivery", c, sent, "failed")
	ws1.ok("manifest", "delivery", c, sent, "failed")

	out := ws1.ok("sync", "--once")
	if !strings.Contains(out, "Còn chờ gửi: 0") {
		t.Errorf("counter 1 sync: %s", out)
	}
	if rs, err := ws1.env.Desk.NeedsAttention(ctx); err != nil || len(rs) != 0 {
		t.Fatalf("needs attention: %+v %v", rs, err)
	}
	ws2.ok("sync", "--once")
	if due := ws2.show(late)["due_date"]; due != "2027-02-22" {
		t.Errorf("counter 2 sees due date %v after Form 04", due)
	}
	if got := srv.Strings(t, `SELECT to_char(due_date, 'YYYY-MM-DD') FROM dossier WHERE code = '`+late+`'`); !slices.Equal(got, []string{"2027-02-22"}) {
		t.Errorf("province due date %v", got)
	}
	hist := ws2.show(sent)["history"].([]any)
	if last := hist[len(hist)-1].(map[string]any); last["action"] != data.UpdateDelivery || !strings.Contains(last["note"].(string), "chuyển về") {
		t.Errorf("counter 2 history of %s: %v", sent, last)
	}
	if got := srv.Strings(t, `SELECT action FROM dossier_event WHERE dossier_code = '`+filed+`' ORDER BY id`); !slices.Equal(got, []string{"intake", data.UpdateFiled}) {
		t.Errorf("province history of %s: %v", filed, got)
	}
}

func TestEnrollAndSyncRefusals(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	h := counterHarness(t)
	tests := []struct {
		name string
		args []string
		exit int
		want string
	}{
		{"not enrolled", []string{"sync", "--once"}, 1, "chưa đăng ký"},
		{"plain http", []string{"enroll", "--server", "http://127.0.0.1:1", "--code", "X"}, 1, "https://"},
		{"no code", []string{"enroll", "--server", srv.URL}, 2, "--code"},
		{"unknown code", []string{"enroll", "--server", srv.URL, "--code", "BBBB-CCCC", "--ca", srv.CAFile}, 1, "Mã đăng ký không đúng"},
		{"untrusted server", []string{"enroll", "--server", srv.URL, "--code", "BBBB-CCCC"}, 1, "Không kết nối được"},
		{"code of another workstation", []string{"enroll", "--server", srv.URL, "--code", srv.Enrollment(t, "000.30.12.H30", 2), "--ca", srv.CAFile}, 1, "máy trạm 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := h.run(tt.args...)
			if code != tt.exit || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
		})
	}
}

// TestSyncDismiss: a change the province refused stays listed until an
// officer has seen to it, from the command line as from the sync screen.
func TestSyncDismiss(t *testing.T) {
	h := counterHarness(t)
	ctx := context.Background()
	code := h.intake(intakeDoc)
	queued, err := h.store.Outbox(ctx, 10)
	queued = slices.DeleteFunc(queued, func(c data.OutboxChange) bool { return c.Kind != data.ChangeDossierCreated })
	if err != nil || len(queued) != 1 {
		t.Fatalf("outbox %v %v", queued, err)
	}
	reason := "Cơ sở dữ liệu của tỉnh đã có hồ sơ " + code
	if err := h.store.RecordResults(ctx, []data.ChangeResult{{Key: queued[0].Key, Result: data.ResultRejected, Reason: reason}}); err != nil {
		t.Fatal(err)
	}
	if status, _, errOut := h.run("sync", "dismiss", "khoá-không-có"); status != 1 || !strings.Contains(errOut, "Không có thay đổi bị từ chối") {
		t.Errorf("unknown key: exit %d %s", status, errOut)
	}
	if out := h.ok("sync", "dismiss", queued[0].Key); !strings.Contains(out, "còn 0 thay đổi") {
		t.Errorf("dismiss: %s", out)
	}
	if rs, _ := h.store.NeedsAttention(ctx); len(rs) != 0 {
		t.Errorf("still listed: %+v", rs)
	}
}

// TestUndoReachesTheOtherCounter: a result marked ready at counter 1 and
// returned at counter 2, then undone by a supervisor at counter 1, is
// back to waiting at both counters and at the province, and counter 2
// can hand it over again; nothing lands in the needs-attention list.
func TestUndoReachesTheOtherCounter(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws1, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")
	code := ws1.intake(intakeDoc)
	ws1.ok("status", code, "result-ready")
	ws1.ok("sync", "--once")
	ws2.ok("sync", "--once")
	ws2.ok("return", code, "--recipient-id", "093190001234")
	ws2.ok("sync", "--once")
	ws1.ok("sync", "--once")

	ws1.addUser("lan", "Phạm Thị Lan", data.RoleSupervisor)
	ws1.as("lan", testPassword).ok("status", "undo", code, "--reason", "Trả nhầm hồ sơ của người khác")
	ws1.as(adminUser, testPassword).ok("sync", "--once")
	ws2.ok("sync", "--once")
	for name, h := range map[string]*harness{"counter 1": ws1, "counter 2": ws2} {
		shown := h.show(code)
		hist := shown["history"].([]any)
		last := hist[len(hist)-1].(map[string]any)
		if shown["status"] != "result-ready" || last["action"] != "undo" || last["actor"] != "Phạm Thị Lan" {
			t.Errorf("%s shows %v", name, shown)
		}
	}
	if got := srv.Strings(t, `SELECT status FROM dossier WHERE code = $1`, code); !slices.Equal(got, []string{"result-ready"}) {
		t.Errorf("the province holds %v", got)
	}
	ws2.ok("return", code, "--recipient-id", "093190001234")
	ws2.ok("sync", "--once")
	ws1.ok("sync", "--once")
	if s := ws1.show(code)["status"]; s != "returned" {
		t.Errorf("counter 1 after the second return: %v", s)
	}
	for _, h := range []*harness{ws1, ws2} {
		if n, err := h.desk().NeedsAttention(context.Background()); err != nil || len(n) != 0 {
			t.Errorf("needs attention: %+v %v", n, err)
		}
	}
}
