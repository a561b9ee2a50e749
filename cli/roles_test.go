package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/sqlite"
	"motcua/platform"
)

// The tests' accounts of each role, all with testPassword.
var roleUsers = map[data.Role]string{data.RoleCounter: "hoa", data.RoleSupervisor: "lan", data.RoleAdmin: adminUser}

func TestEveryCommandDeclaresItsRole(t *testing.T) {
	cmds := commands()
	for verb := range cmds {
		if _, ok := commandActions[verb]; !ok {
			t.Errorf("command %q has no line in commandActions", verb)
		}
	}
	for name, a := range commandActions {
		if _, ok := cmds[strings.Fields(name)[0]]; !ok || !a.Known() {
			t.Errorf("commandActions names %q (%q), which is not a command or an action", name, a)
		}
	}
}

// deskState is a data folder with something for every command to work
// on: the office, an account of each role and another counter officer
// (tuan), the catalogue, a day off, dossiers in each state a command
// needs, manifests open and signed, and a backup.
type deskState struct {
	dir, backup          string
	received, ready      string // a dossier received, one whose result is ready
	open, agency, citizn string // manifests: open (with onOpen), signed to an agency, signed to the citizens
	onOpen, delivering   string
}

func newDeskState(t *testing.T) deskState {
	h := adminHarness(t)
	h.ok("catalog", "import", sample)
	h.ok("calendar", "off", "2027-02-22", "--name", "Nghỉ thử")
	h.addUser("hoa", "Lê Thị Hoa", data.RoleCounter)
	h.addUser("lan", "Phạm Thị Lan", data.RoleSupervisor)
	h.addUser("tuan", "Ngô Văn Tuấn", data.RoleCounter)
	s := deskState{dir: h.env.DataDir}
	s.received = h.intake(intakeDoc)
	s.ready = h.intake(intakeDoc)
	h.ok("status", s.ready, "result-ready")
	s.onOpen = h.intake(intakeDoc)
	s.open = firstLine(h.ok("manifest", "new", "--kind", "to-agency", "--agency", "Phòng Tư pháp"))
	h.ok("manifest", "add", s.open, s.onOpen)
	atAgency := h.intake(intakeDoc)
	s.agency = firstLine(h.ok("manifest", "new", "--kind", "to-agency", "--agency", "Phòng Tư pháp"))
	h.ok("manifest", "add", s.agency, atAgency)
	h.ok("manifest", "close", s.agency, "--postal", "Lê Thị Hoa")
	s.delivering = h.intake(postalDoc("RR123456785VN"))
	h.ok("status", s.delivering, "result-ready")
	s.citizn = firstLine(h.ok("manifest", "new", "--kind", "to-citizen"))
	h.ok("manifest", "add", s.citizn, s.delivering)
	h.ok("manifest", "close", s.citizn, "--postal", "Lê Thị Hoa")
	s.backup = filepath.Join(t.TempDir(), "kept.db")
	h.ok("backup", "-o", s.backup)
	h.closeStore()
	return s
}

func firstLine(s string) string { return strings.SplitN(s, "\n", 2)[0] }

// copyFolder copies a data folder, as it is on disk.
func copyFolder(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
		if err != nil {
			return err
		}
		_, err = io.Copy(out, in)
		return errorsJoin(err, out.Close())
	})
	if err != nil {
		t.Fatal(err)
	}
}

func errorsJoin(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// harnessAt runs commands on a copy of a data folder.
func harnessAt(t *testing.T, from string) *harness {
	t.Helper()
	dir := t.TempDir()
	copyFolder(t, from, dir)
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	h := &harness{t: t, store: store}
	h.env = h.envOf(store, dir, func() time.Time { return time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone) })
	h.env.Printers = func() ([]platform.Printer, error) {
		return []platform.Printer{{Name: "HP LaserJet 1020", Default: true}}, nil
	}
	return h
}

// snapshot is every row of every table of the database, and the files
// of the data folder but the database's own: what a refused command must
// leave as it was.
func snapshot(t *testing.T, h *harness) string {
	t.Helper()
	c, err := sql.Open("sqlite3", "file:"+filepath.Join(h.env.DataDir, "motcua.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rows, err := c.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, table := range tables {
		rows, err := c.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		cols, _ := rows.Columns()
		var lines []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			lines = append(lines, fmt.Sprintf("%v", vals))
		}
		rows.Close()
		sort.Strings(lines)
		fmt.Fprintf(&b, "%s: %d\n%s\n", table, len(lines), strings.Join(lines, "\n"))
	}
	filepath.WalkDir(h.env.DataDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), "motcua.db") {
			fmt.Fprintf(&b, "file %s\n", strings.TrimPrefix(p, h.env.DataDir))
		}
		return nil
	})
	return b.String()
}

// TestEveryCommandAgainstEveryRole runs every command as nobody and as
// an officer of each role: a role below the command's least is refused,
// exit 1 with a message saying what is needed, and nothing changes (every
// table's rows and the data folder's files are as before); the least
// role and those above it may run it.
func TestEveryCommandAgainstEveryRole(t *testing.T) {
	s := newDeskState(t)
	out := func() string { return filepath.Join(t.TempDir(), "out.pdf") }
	tests := []struct {
		args  []string
		least data.Role // "" for no account
		stdin string
		// done is false for commands that, allowed, still stop short of
		// their work here (no server, the folder open, no recent backup).
		done bool
	}{
		{[]string{"init", "--place", "Vị Thanh 2"}, data.RoleAdmin, "", true},
		{[]string{"catalog", "import", sample}, data.RoleAdmin, "", true},
		{[]string{"catalog", "set", "1.001193", "--working-days", "2"}, data.RoleAdmin, "", true},
		{[]string{"catalog", "list"}, "", "", true},
		{[]string{"calendar", "off", "2027-03-01", "--name", "Nghỉ"}, data.RoleAdmin, "", true},
		{[]string{"calendar", "work", "2027-03-06", "--name", "Làm bù"}, data.RoleAdmin, "", true},
		{[]string{"calendar", "remove", "2027-02-22"}, data.RoleAdmin, "", true},
		{[]string{"calendar", "list", "2027"}, "", "", true},
		{[]string{"calendar", "due", "--received", "2027-04-29T10:00", "--days", "1"}, "", "", true},
		{[]string{"intake", "--json", "-"}, data.RoleCounter, intakeDoc, true},
		{[]string{"receipt", s.received, "-o", out()}, data.RoleCounter, "", true},
		{[]string{"show", s.received, "--json"}, data.RoleCounter, "", true},
		{[]string{"form", "supplement", s.received, "--reason", "Thiếu tờ khai", "-o", out()}, data.RoleCounter, "", true},
		{[]string{"form", "refuse", s.received, "--reason", "Không thuộc thẩm quyền", "-o", out()}, data.RoleCounter, "", true},
		{[]string{"form", "stop", s.received, "--reason", "Người nộp đề nghị dừng", "-o", out()}, data.RoleSupervisor, "", true},
		{[]string{"form", "control", s.received, "-o", out()}, data.RoleCounter, "", true},
		{[]string{"fees", "receipt", s.received, "-o", out()}, data.RoleCounter, "", false}, // it took no fee
		{[]string{"fees", "report", "--from", "2027-02-01", "--to", "2027-02-28", "--json"}, data.RoleSupervisor, "", true},
		{[]string{"report", "--from", "2027-02-01", "--to", "2027-02-28", "--json", "-o", filepath.Join(t.TempDir(), "r.xlsx")}, data.RoleSupervisor, "", true},
		{[]string{"report", "postal", "--quarter", "2027Q1", "-o", out()}, data.RoleSupervisor, "", true},
		{[]string{"register", "--from", "2027-02-01", "--to", "2027-02-28", "-o", out()}, data.RoleSupervisor, "", true},
		{[]string{"register", "--from", "2027-02-01", "--to", "2027-02-28", "-o", filepath.Join(t.TempDir(), "so.xlsx")}, data.RoleSupervisor, "", true},
		{[]string{"search", "Nguyễn Thị Hồng Nhung"}, data.RoleCounter, "", true},
		{[]string{"dev", "seed", "--dossiers", "10"}, data.RoleAdmin, "", false}, // the store holds dossiers
		{[]string{"scan", s.received}, "", "", true},
		{[]string{"enroll", "--server", "https://127.0.0.1:1", "--code", "ABCD-EFGH"}, data.RoleAdmin, "", false},
		{[]string{"sync", "--once"}, data.RoleCounter, "", false},
		{[]string{"sync", "dismiss", "khoá"}, data.RoleCounter, "", false},
		{[]string{"manifest", "new", "--kind", "from-post"}, data.RoleCounter, "", true},
		{[]string{"manifest", "add", s.open, s.received}, data.RoleCounter, "", true},
		{[]string{"manifest", "remove", s.open, s.onOpen}, data.RoleCounter, "", true},
		{[]string{"manifest", "close", s.open, "--postal", "Lê Thị Hoa"}, data.RoleCounter, "", true},
		{[]string{"manifest", "pdf", s.agency, "-o", out()}, data.RoleCounter, "", true},
		{[]string{"manifest", "show", s.open, "--json"}, data.RoleCounter, "", true},
		{[]string{"manifest", "reconcile", s.agency}, data.RoleCounter, "", false}, // nothing scanned: unbalanced
		{[]string{"manifest", "delivery", s.citizn, s.delivering, "delivered"}, data.RoleCounter, "", true},
		{[]string{"manifest", "results-back", s.agency}, data.RoleCounter, "", true},
		{[]string{"status", s.received, "transferred"}, data.RoleCounter, "", true},
		{[]string{"status", "undo", s.ready, "--reason", "Bấm nhầm hồ sơ"}, data.RoleSupervisor, "", true},
		{[]string{"return", s.ready, "--recipient-id", "093190001234"}, data.RoleCounter, "", true},
		{[]string{"apology", s.received, "--new-due", "2027-02-19", "--reason", "Chờ xác minh", "-o", out()}, data.RoleSupervisor, "", true},
		{[]string{"lists", "--json"}, data.RoleCounter, "", true},
		{[]string{"backup", "-o", filepath.Join(t.TempDir(), "b.db")}, data.RoleAdmin, "", true},
		{[]string{"restore", s.backup}, data.RoleAdmin, "", false}, // the test holds the folder open
		{[]string{"check"}, "", "", false},                         // the copied backup is elsewhere: "no backup"
		{[]string{"printer", "list"}, "", "", true},
		{[]string{"printer", "set", "--name", ""}, data.RoleAdmin, "", true},
		{[]string{"user", "add", "mai", "--name", "Đỗ Thị Mai", "--role", "counter"}, data.RoleAdmin, "", true},
		{[]string{"user", "list"}, data.RoleAdmin, "", true},
		{[]string{"user", "disable", "tuan"}, data.RoleAdmin, "", true},
		{[]string{"user", "enable", "tuan"}, data.RoleAdmin, "", true},
		{[]string{"user", "passwd"}, data.RoleCounter, "", true},
		{[]string{"user", "passwd", "tuan"}, data.RoleAdmin, "", true},
		{[]string{"audit", "verify"}, data.RoleSupervisor, "", true},
		{[]string{"audit", "list", "--dossier", s.received}, data.RoleSupervisor, "", true},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		a, _ := actionOf(tt.args)
		seen[tt.args[0]] = true
		if another := len(tt.args) == 3 && tt.args[1] == "passwd"; another {
			a = data.ActAccounts // another's password: the command asks for more
		}
		if a.Needs() != tt.least {
			t.Errorf("%v: the table says %q, commandActions %q", tt.args, tt.least, a.Needs())
		}
	}
	for verb := range commands() {
		if !seen[verb] {
			t.Errorf("command %q is not tried", verb)
		}
	}
	rank := map[data.Role]int{"": 0, data.RoleCounter: 1, data.RoleSupervisor: 2, data.RoleAdmin: 3}
	for _, tt := range tests {
		for _, role := range []data.Role{"", data.RoleCounter, data.RoleSupervisor, data.RoleAdmin} {
			name := strings.Join(tt.args[:min(2, len(tt.args))], " ") + " as " + map[data.Role]string{"": "nobody"}[role] + string(role)
			t.Run(name, func(t *testing.T) {
				h := harnessAt(t, s.dir)
				h.as(roleUsers[role], testPassword)
				h.vars["MOTCUA_NEW_PASSWORD"] = "mat-khau-moi"
				h.env.Stdin = strings.NewReader(tt.stdin)
				before := snapshot(t, h)
				code, _, errOut := h.run(tt.args...)
				refused := strings.Contains(errOut, "cần quyền") || strings.Contains(errOut, "cần đăng nhập") || strings.Contains(errOut, "Chưa đăng nhập")
				if rank[role] < rank[tt.least] {
					if code != 1 || !refused {
						t.Fatalf("not refused: exit %d\n%s", code, errOut)
					}
					if after := snapshot(t, h); after != before {
						t.Errorf("a refused command changed the data:\n%s", diffLines(before, after))
					}
					return
				}
				if refused || (tt.done && code != 0) {
					t.Errorf("exit %d\n%s", code, errOut)
				}
			})
		}
	}
}

// diffLines names the lines of b not in a and of a not in b.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ia, ib := in(a), in(b)
	var out []string
	for l := range ib {
		if !ia[l] {
			out = append(out, "+ "+l)
		}
	}
	for l := range ia {
		if !ib[l] {
			out = append(out, "- "+l)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}
