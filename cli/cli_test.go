package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/counter"
	"motcua/data"
	"motcua/data/password"
	"motcua/data/sqlite"
	"motcua/mock"
)

// harness runs commands against one real store, as the binary would,
// as one account: the first administrator init makes, unless as says
// another.
type harness struct {
	t     *testing.T
	env   *Env
	store *sqlite.DB
	// vars is the environment the commands see (MOTCUA_PASSWORD …).
	vars map[string]string
}

// The tests' first administrator, whom initArgs makes.
const (
	adminUser    = "binh"
	adminName    = "Trần Văn Bình"
	testPassword = "mat-khau-1"
)

func newHarness(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	// A working morning: Wednesday 3 February 2027, 10:00.
	now := func() time.Time { return time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone) }
	h := &harness{t: t, store: store}
	h.env = h.envOf(store, dir, now)
	h.as(adminUser, testPassword)
	return h
}

// envOf is the command environment over a store, as main builds it,
// reading the harness's variables.
func (h *harness) envOf(store *sqlite.DB, dir string, now func() time.Time) *Env {
	env := envOf(store, dir, now)
	env.Stdin = strings.NewReader("")
	env.Getenv = func(k string) string { return h.vars[k] }
	return env
}

// as makes the next commands run as an account, logging in with a
// password.
func (h *harness) as(user, pw string) *harness {
	h.env.User = user
	h.vars = map[string]string{"MOTCUA_PASSWORD": pw}
	return h
}

// initWith is initArgs with flag's value replaced.
func initWith(flag, value string) []string {
	args := slices.Clone(initArgs)
	args[slices.Index(args, flag)+1] = value
	return args
}

// adminHarness is a configured office, its administrator logged in.
func adminHarness(t *testing.T) *harness {
	h := newHarness(t)
	h.ok(initArgs...)
	return h
}

// addUser makes an account of a role with the test password.
func (h *harness) addUser(user, name string, role data.Role) {
	h.t.Helper()
	was, vars := h.env.User, h.vars
	h.as(adminUser, testPassword)
	h.vars["MOTCUA_NEW_PASSWORD"] = testPassword
	h.ok("user", "add", user, "--name", name, "--role", string(role))
	h.env.User, h.vars = was, vars
}

// run returns the exit status, standard output and standard error.
func (h *harness) run(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	h.env.Stdout, h.env.Stderr = &out, &errOut
	code := Run(context.Background(), h.env, args)
	return code, out.String(), errOut.String()
}

// ok runs a command that must succeed and returns its output.
func (h *harness) ok(args ...string) string {
	h.t.Helper()
	code, out, errOut := h.run(args...)
	if code != 0 {
		h.t.Fatalf("%v: exit %d\n%s", args, code, errOut)
	}
	return out
}

const sample = "../assets/catalog/sample.json"

var initArgs = []string{"init", "--admin", adminUser, "--admin-name", adminName, "--agency-code", "000.30.12.H30", "--office", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH",
	"--parent", "ỦY BAN NHÂN DÂN XÃ VỊ THANH", "--place", "Vị Thanh", "--workstation", "1"}

func TestInit(t *testing.T) {
	h := newHarness(t)
	office := []string{"--agency-code", "H30", "--office", "X", "--parent", "Y", "--place", "Z", "--workstation", "10"}
	code, _, errOut := h.run(append([]string{"init"}, office...)...)
	if code != 1 || !strings.Contains(errOut, "--admin TÊN_ĐĂNG_NHẬP") {
		t.Fatalf("first init without an administrator: exit %d\n%s", code, errOut)
	}
	code, _, errOut = h.run(append([]string{"init", "--admin", adminUser, "--admin-name", adminName}, office...)...)
	if code != 1 || !strings.Contains(errOut, "--agency-code") || !strings.Contains(errOut, "--workstation") {
		t.Fatalf("bad init: exit %d\n%s", code, errOut)
	}
	if has, _ := h.env.Desk.HasAccounts(t.Context()); has {
		t.Error("a refused init made the administrator")
	}
	if strings.Contains(errOut, "--office") {
		t.Errorf("a good field was named: %s", errOut)
	}
	out := h.ok(initArgs...)
	if !strings.Contains(out, "000.30.12.H30") || !strings.Contains(out, "Máy trạm: 1") {
		t.Errorf("init output:\n%s", out)
	}
	// Running it again changes only what it names.
	out = h.ok("init", "--workstation", "3")
	if !strings.Contains(out, "Máy trạm: 3") || !strings.Contains(out, "Vị Thanh") || !strings.Contains(out, "000.30.12.H30") {
		t.Errorf("partial init output:\n%s", out)
	}
	if code, _, _ := h.run("init", "--colour", "red"); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
}

func TestCatalogImportAndList(t *testing.T) {
	h := adminHarness(t)
	out := h.ok("catalog", "import", sample)
	if !strings.Contains(out, "Đã nhập 61 thủ tục: 61 mới") {
		t.Errorf("import output:\n%s", out)
	}
	out = h.ok("catalog", "list", "--search", "khai sinh")
	if !strings.Contains(out, "1.001193") || !strings.Contains(out, "cần xác định thời hạn") {
		t.Errorf("list output:\n%s", out)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(h.ok("catalog", "list", "--json", "--search", "dang ky khai tu")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no result for dang ky khai tu")
	}
	for _, p := range got {
		for _, k := range []string{"code", "name", "field", "working_days", "same_day_cutoff", "postal_allowed"} {
			if _, ok := p[k]; !ok {
				t.Errorf("%v lacks %q", p["code"], k)
			}
		}
	}
	if !strings.Contains(got[0]["name"].(string), "khai tử") {
		t.Errorf("first result %v", got[0]["name"])
	}
	if got[0]["working_days"] != nil {
		t.Errorf("unknown working days printed as %v", got[0]["working_days"])
	}

	h.ok("catalog", "set", "1.000656", "--working-days", "2", "--same-day-cutoff", "15:00")
	h.ok("catalog", "import", sample)
	json.Unmarshal([]byte(h.ok("catalog", "list", "--json", "--search", "1.000656")), &got)
	if len(got) != 1 || got[0]["working_days"] != 2.0 {
		t.Errorf("after re-import: %v", got)
	}
	if code, _, errOut := h.run("catalog", "set", "1.000656", "--working-days", "-3"); code != 1 || !strings.Contains(errOut, "working-days") {
		t.Errorf("negative days: %d %s", code, errOut)
	}
}

func TestCatalogImportRefusesBadFile(t *testing.T) {
	h := adminHarness(t)
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`[{"code":"1.000001","name":"Tốt"},{"code":"1-2","name":"Xấu"},{"code":"1.000003"}]`), 0o600)
	code, _, errOut := h.run("catalog", "import", bad)
	if code == 0 {
		t.Fatal("bad file accepted")
	}
	for _, want := range []string{"bản ghi 2", "bản ghi 3", "code", "name"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("message lacks %q:\n%s", want, errOut)
		}
	}
	if out := h.ok("catalog", "list"); !strings.Contains(out, "0 thủ tục") {
		t.Errorf("something was imported:\n%s", out)
	}
	if code, _, errOut := h.run("catalog", "import", "/no/such/file.json"); code != 1 || !strings.Contains(errOut, "Không mở được") {
		t.Errorf("missing file: %d %s", code, errOut)
	}
}

func TestCalendarCommands(t *testing.T) {
	h := adminHarness(t)
	out := h.ok("calendar", "due", "--received", "2027-04-29T10:00", "--days", "1")
	// Thu 29/4; 30/4 and 1/5 (Sat) are holidays, 3/5 is in lieu of 1/5: due Tue 4/5.
	if first := strings.SplitN(out, "\n", 2)[0]; first != "2027-05-04" {
		t.Errorf("due = %q", first)
	}
	h.ok("calendar", "off", "2027-05-04", "--name", "Nghỉ thêm")
	h.ok("calendar", "work", "2027-05-01", "--name", "Làm bù")
	out = h.ok("calendar", "due", "--received", "2027-04-29T10:00", "--days", "1")
	if first := strings.SplitN(out, "\n", 2)[0]; first != "2027-05-01" {
		t.Errorf("due with overrides = %q", first)
	}
	var days []specialDayJSON
	if err := json.Unmarshal([]byte(h.ok("calendar", "list", "2027", "--json")), &days); err != nil {
		t.Fatal(err)
	}
	seen := map[string]specialDayJSON{}
	for _, d := range days {
		seen[d.Date] = d
	}
	for date, off := range map[string]bool{"2027-02-05": true, "2027-02-06": true, "2027-05-04": true, "2027-05-01": false, "2027-04-16": true} {
		if d, ok := seen[date]; !ok || d.Off != off {
			t.Errorf("%s: %+v (listed %v)", date, d, ok)
		}
	}
	h.ok("calendar", "remove", "2027-05-04")
	if code, _, _ := h.run("calendar", "remove", "2027-05-04"); code != 1 {
		t.Error("removing a missing override succeeded")
	}
	tests := []struct {
		name string
		args []string
		exit int
		want string
	}{
		{"bad date", []string{"calendar", "off", "04/05/2027", "--name", "x"}, 1, "YYYY-MM-DD"},
		{"no name", []string{"calendar", "off", "2027-05-04"}, 1, "tên"},
		{"bad received", []string{"calendar", "due", "--received", "hôm qua", "--days", "1"}, 1, "--received"},
		{"no days", []string{"calendar", "due", "--received", "2027-04-29T10:00"}, 1, "--days"},
		{"bad cutoff", []string{"calendar", "due", "--received", "2027-04-29T10:00", "--days", "0", "--cutoff", "25:00"}, 1, "--cutoff"},
		{"bad year", []string{"calendar", "list", "năm"}, 1, "Năm"},
		{"unknown verb", []string{"calendar", "fly"}, 2, "calendar"},
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

func TestBackup(t *testing.T) {
	h := newHarness(t)
	h.ok(initArgs...)
	path := strings.TrimSpace(h.ok("backup"))
	if filepath.Dir(path) != filepath.Join(h.env.Desk.DataDir, "backups") || !strings.HasSuffix(path, "motcua-20270203-100000.db") {
		t.Errorf("backup at %s", path)
	}
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("backup file: %v", err)
	}
	if code, _, errOut := h.run("backup", "-o", path); code != 1 || !strings.Contains(errOut, "đã có") {
		t.Errorf("overwrite: %d %s", code, errOut)
	}
}

// TestInternalErrorShowsAnIDNotTheError: a store failure reaches the
// administrator as the Vietnamese message with a log id; the error
// itself, with its SQL and path, is in the data folder's log under it.
func TestInternalErrorShowsAnIDNotTheError(t *testing.T) {
	h := counterHarness(t)
	real := h.env.Desk
	failing := &mock.Store{Next: h.store}
	failing.DossierFn = func(context.Context, string) (data.Dossier, error) {
		return data.Dossier{}, fmt.Errorf("sqlite: dossier: %w", errors.New("SELECT code FROM dossier: database disk image is malformed (/home/ha/MotCua/motcua.db)"))
	}
	h.env.Desk = counter.New(failing, real.DataDir)
	h.env.Desk.Passwords = password.Fast
	status, _, errOut := h.run("show", "000.30.12.H30-270203-1001", "--json")
	if status != 1 || !strings.Contains(errOut, "Lỗi nội bộ (mã ") {
		t.Fatalf("exit %d: %s", status, errOut)
	}
	for _, leak := range []string{"SELECT", "sqlite", "malformed", "/home/ha"} {
		if strings.Contains(errOut, leak) {
			t.Errorf("the message shows %q: %s", leak, errOut)
		}
	}
	id := errOut[strings.Index(errOut, "mã ")+len("mã ") : strings.Index(errOut, ")")]
	log, err := os.ReadFile(filepath.Join(real.DataDir, "logs", "motcua.log"))
	if err != nil || !strings.Contains(string(log), "["+id+"] sqlite: dossier: SELECT code FROM dossier") {
		t.Errorf("log under %q: %s (%v)", id, log, err)
	}
}
