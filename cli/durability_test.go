package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"motcua/counter"
	"motcua/data"
	"motcua/data/password"
	"motcua/data/sqlite"
)

// envOf is the command environment over a store, as main builds it.
func envOf(store *sqlite.DB, dir string, now func() time.Time) *Env {
	store.Now = now
	desk := counter.New(store, dir)
	desk.Now = now
	desk.Passwords = password.Fast
	sync := counter.NewSync(store)
	sync.Now = now
	return &Env{Desk: desk, Sync: sync, DataDir: dir, User: adminUser,
		Getenv: func(k string) string { return map[string]string{"MOTCUA_PASSWORD": testPassword}[k] }}
}

// runCommand runs one command as a separate run of the program would: it
// opens the data folder's store, runs, and closes it.
func runCommand(t *testing.T, dir string, now time.Time, stdin string, args ...string) (int, string, string) {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := envOf(store, dir, func() time.Time { return now })
	env.Stdin, env.Stdout, env.Stderr = strings.NewReader(stdin), &out, &errOut
	code := Run(context.Background(), env, args)
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// closeStore closes the harness's store, as when its program exits.
func (h *harness) closeStore() {
	h.t.Helper()
	if err := h.store.Close(); err != nil {
		h.t.Fatal(err)
	}
}

// reopen opens the data folder's store again.
func (h *harness) reopen() {
	h.t.Helper()
	dir := h.env.dataDir()
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "motcua.db"))
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { store.Close() })
	env := h.envOf(store, dir, h.store.Now)
	env.Stdin, env.Printers, env.User = h.env.Stdin, h.env.Printers, h.env.User
	h.env, h.store = env, store
}

// runBare runs a command that works on the data folder without the
// store open (restore).
func (h *harness) runBare(args ...string) (int, string, string) {
	h.t.Helper()
	desk, sync := h.env.Desk, h.env.Sync
	h.env.DataDir, h.env.Desk, h.env.Sync = desk.DataDir, nil, nil
	defer func() { h.env.Desk, h.env.Sync = desk, sync }()
	return h.run(args...)
}

// TestNineHundredNinetyNineCommandsInADay: a workstation driven by one
// command per intake gets its 999 numbers of a day, no fewer.
func TestNineHundredNinetyNineCommandsInADay(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	now := time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone)
	if code, _, errOut := runCommand(t, dir, now, "", initArgs...); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCommand(t, dir, now, "", "catalog", "import", sample); code != 0 {
		t.Fatal(errOut)
	}
	seen := map[string]bool{}
	for i := range 999 {
		code, out, errOut := runCommand(t, dir, now, intakeDoc, "intake", "--json", "-")
		if code != 0 {
			t.Fatalf("intake %d: exit %d: %s", i+1, code, errOut)
		}
		c := strings.SplitN(out, "\n", 2)[0]
		if seen[c] {
			t.Fatalf("code %s twice", c)
		}
		seen[c] = true
	}
	if !seen["000.30.12.H30-270203-1999"] {
		t.Error("the day's last number 1999 was not handed out")
	}
	if code, _, errOut := runCommand(t, dir, now, intakeDoc, "intake", "--json", "-"); code != 1 || !strings.Contains(errOut, "hết số") {
		t.Errorf("the 1000th intake of the day: exit %d %s", code, errOut)
	}
}

// TestInitRefusesAnotherWorkstationNumber: a folder that took dossiers
// keeps its workstation number; a replaced PC is enrolled instead.
func TestInitRefusesAnotherWorkstationNumber(t *testing.T) {
	h := counterHarness(t)
	first := h.intake(intakeDoc)
	code, _, errOut := h.run("init", "--workstation", "2")
	if code != 1 || !strings.Contains(errOut, "--replace") {
		t.Fatalf("init --workstation 2 after an intake: exit %d\n%s", code, errOut)
	}
	next := h.intake(intakeDoc)
	if !strings.HasSuffix(first, "-1001") || !strings.HasSuffix(next, "-1002") {
		t.Errorf("codes %s, %s", first, next)
	}
	// Other fields still change.
	h.ok("init", "--place", "Vị Thanh mới", "--workstation", "1")
}

// TestIntakeRefusesUnprintableText: what the province could not store
// (NUL and other control characters, bidi overrides, invisible-only
// values, texts too long) is refused at the counter, naming the field.
func TestIntakeRefusesUnprintableText(t *testing.T) {
	h := counterHarness(t)
	long := func(n int) string { return strings.Repeat("a", n) }
	docs := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"name": "Giấy %d", "originals": 1}`, i)
		}
		return b.String()
	}
	tests := []struct {
		name, from, to, want string
	}{
		{"NUL in the name", `"Nguyễn Thị Hồng Nhung"`, `"Nguyễn Thị\u0000 Hồng Nhung"`, "họ tên"},
		{"bell in the address", `"Ấp 3, xã Vị Thanh, TP Cần Thơ"`, `"Ấp 3\u0007, xã Vị Thanh"`, "địa chỉ"},
		{"bidi override in the name", `"Nguyễn Thị Hồng Nhung"`, `"\u202eNguyễn Thị Hồng Nhung"`, "họ tên"},
		{"isolate in a document name", `"Tờ khai đăng ký lại khai sinh"`, `"Tờ khai \u2067x\u2069"`, "tên giấy tờ"},
		{"zero-width name", `"Nguyễn Thị Hồng Nhung"`, `"\u200b\u2060\ufeff\u00ad"`, "họ tên"},
		{"address too long", `"Ấp 3, xã Vị Thanh, TP Cần Thơ"`, `"` + long(301) + `"`, "địa chỉ"},
		{"email too long", `"nhung@example.vn"`, `"` + long(250) + `@example.vn"`, "email"},
		{"document name too long", `"Tờ khai đăng ký lại khai sinh"`, `"` + long(3001) + `"`, "tên giấy tờ"},
		{"too many documents", `[{"name": "Tờ khai đăng ký lại khai sinh", "originals": 1, "copies": 0},
                {"name": "Bản sao giấy khai sinh", "originals": 0, "copies": 1}]`, `[` + docs(101) + `]`, "100 giấy tờ"},
		{"received before 2000", `"2027-02-03T09:00:00+07:00"`, `"1999-12-31T09:00:00+07:00"`, "thời điểm nhận"},
		{"received in the future", `"2027-02-03T09:00:00+07:00"`, `"2027-02-03T10:06:00+07:00"`, "thời điểm nhận"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(intakeDoc, tt.from, tt.to, 1)
			if doc == intakeDoc {
				t.Fatal("the case changes nothing")
			}
			h.env.Stdin = strings.NewReader(doc)
			code, _, errOut := h.run("intake", "--json", "-")
			if code != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
		})
	}
	// Vietnamese letters, ordinary punctuation and a long-but-allowed
	// address pass.
	ok := strings.Replace(intakeDoc, `"Ấp 3, xã Vị Thanh, TP Cần Thơ"`, `"`+strings.Repeat("Ấp 3, ", 50)+`"`, 1)
	h.intake(ok)
	if n := queryInt(t, filepath.Join(h.env.DataDir, "motcua.db"), `SELECT COUNT(*) FROM dossier`); n != 1 {
		t.Errorf("%d dossiers saved, want only the good one", n)
	}
}

// TestFilesReadableByOwnerOnly: whatever the umask and the mode of an
// existing data folder, what the app writes is its owner's alone.
func TestFilesReadableByOwnerOnly(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := filepath.Join(t.TempDir(), "MotCua")
	if err := os.MkdirAll(filepath.Join(dir, "backups"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	now := time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone)
	runCommand(t, dir, now, "", initArgs...)
	runCommand(t, dir, now, "", "catalog", "import", sample)
	_, out, _ := runCommand(t, dir, now, intakeDoc, "intake", "--json", "-")
	code := strings.SplitN(out, "\n", 2)[0]
	runCommand(t, dir, now, "", "receipt", code, "-o", filepath.Join(t.TempDir(), "r.pdf"))
	if c, _, errOut := runCommand(t, dir, now, "", "backup"); c != 0 {
		t.Fatal(errOut)
	}
	checked := 0
	filepath.Walk(dir, func(path string, fi os.FileInfo, err error) error {
		if err != nil {
			t.Error(err)
			return nil
		}
		want := os.FileMode(0o600)
		if fi.IsDir() {
			want = 0o700
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", path, fi.Mode().Perm(), want)
		}
		checked++
		return nil
	})
	if checked < 8 {
		t.Errorf("only %d files and folders", checked)
	}
}

// TestRestoreCommand: restore checks the file, refuses while the folder
// is open, sets the stale WAL of a crashed run aside, and says what it
// restored.
func TestRestoreCommand(t *testing.T) {
	h := counterHarness(t)
	kept := h.intake(intakeDoc)
	backup := filepath.Join(t.TempDir(), "kept.db")
	h.ok("backup", "-o", backup)
	later := h.intake(intakeDoc)

	// Another office's backup.
	other := newHarness(t)
	other.ok(initWith("--agency-code", "000.30.12.H31")...)
	otherBackup := filepath.Join(t.TempDir(), "other.db")
	other.ok("backup", "-o", otherBackup)
	// Workstation 2 of this office.
	ws2 := newHarness(t)
	ws2.ok(initWith("--workstation", "2")...)
	ws2Backup := filepath.Join(t.TempDir(), "ws2.db")
	ws2.ok("backup", "-o", ws2Backup)
	notDB := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notDB, []byte("không phải cơ sở dữ liệu"), 0o600)
	foreign := filepath.Join(t.TempDir(), "foreign.db")
	if db, err := sql.Open("sqlite3", foreign); err == nil {
		db.Exec(`CREATE TABLE t (x)`)
		db.Close()
	}

	// The window or a command has the folder open.
	if code, _, errOut := h.runBare("restore", backup); code != 1 || !strings.Contains(errOut, "đang mở") {
		t.Errorf("restore with the store open: exit %d %s", code, errOut)
	}
	h.closeStore()

	// A crashed run of another file left its WAL beside the database.
	dbFile := filepath.Join(h.env.DataDir, "motcua.db")
	staleWAL(t, dbFile+"-wal")

	for _, tt := range []struct{ name, file, want string }{
		{"another office", otherBackup, "000.30.12.H31"},
		{"another workstation", ws2Backup, "máy trạm 2"},
		{"not a database", notDB, "không phải"},
		{"not a Một Cửa database", foreign, "Một Cửa"},
		{"missing", filepath.Join(t.TempDir(), "none.db"), "Không có tệp"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, errOut := h.runBare("restore", tt.file); code != 1 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
		})
	}

	code, out, errOut := h.runBare("restore", backup)
	if code != 0 {
		t.Fatalf("restore: exit %d %s", code, errOut)
	}
	if !strings.Contains(out, "1 hồ sơ") || !strings.Contains(out, "10:00 03/02/2027") {
		t.Errorf("restore output: %s", out)
	}
	for _, f := range []string{dbFile + "-wal", dbFile + "-shm"} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s left beside the restored database", f)
		}
	}
	aside, _ := filepath.Glob(filepath.Join(h.env.DataDir, "backups", "truoc-khoi-phuc-*", "motcua.db"))
	if len(aside) != 1 {
		t.Errorf("the replaced database was not kept aside: %v", aside)
	}
	h.reopen()
	if c, _, _ := h.run("show", kept, "--json"); c != 0 {
		t.Errorf("the restored database lacks %s", kept)
	}
	if c, _, _ := h.run("show", later, "--json"); c != 1 {
		t.Errorf("the restored database has %s, taken after the backup", later)
	}
	if n := queryInt(t, dbFile, `SELECT COUNT(*) FROM dossier`); n != 1 {
		t.Errorf("%d dossiers after restore", n)
	}
	// The journal is kept: no number is handed out twice.
	next := h.intake(intakeDoc)
	if next <= later {
		t.Errorf("after restore %s, but %s was handed out before", next, later)
	}
	if _, _, errOut := h.run("check"); errOut != "" && strings.Contains(errOut, "integrity") {
		t.Errorf("check after restore: %s", errOut)
	}
}

// queryInt reads one number from a database file.
func queryInt(t *testing.T, file, query string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+file+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// staleWAL writes at path the WAL of another database, as a crashed run
// leaves it.
func staleWAL(t *testing.T, path string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite3", "file:"+file+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	conn.ExecContext(context.Background(), `PRAGMA wal_autocheckpoint = 0`)
	conn.ExecContext(context.Background(), `CREATE TABLE filler (x BLOB)`)
	for range 50 {
		conn.ExecContext(context.Background(), `INSERT INTO filler VALUES (randomblob(3000))`)
	}
	raw, err := os.ReadFile(file + "-wal")
	if err != nil || len(raw) == 0 {
		t.Fatalf("no WAL to copy: %v", err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	db.Close()
}

// TestCheckCommand: check says what is wrong and exits 0 only when all
// is well.
func TestCheckCommand(t *testing.T) {
	h := counterHarness(t)
	h.intake(intakeDoc)
	check := func() (int, map[string]any) {
		t.Helper()
		code, out, errOut := h.run("check", "--json")
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("check --json: %v\n%s%s", err, out, errOut)
		}
		return code, got
	}
	code, got := check()
	if code != 1 || got["integrity"] != "ok" || got["synchronous"] != "full" || got["journal_ok"] != true {
		t.Errorf("check without a backup: exit %d %v", code, got)
	}
	if ps, _ := got["problems"].([]any); len(ps) != 1 || !strings.Contains(fmt.Sprint(ps[0]), "sao lưu") {
		t.Errorf("problems without a backup: %v", got["problems"])
	}
	h.ok("backup")
	code, got = check()
	if ps, ok := got["problems"].([]any); code != 0 || !ok || len(ps) != 0 || got["last_backup"] == nil {
		t.Errorf("check when all is well: exit %d %v", code, got)
	}
	out := h.ok("check")
	if !strings.Contains(out, "ok") {
		t.Errorf("check text: %s", out)
	}

	// A backup others can read, and a journal that lost its lines.
	h.closeStore()
	os.WriteFile(filepath.Join(h.env.DataDir, "motcua.db.seq"), nil, 0o600)
	h.reopen()
	backups, _ := filepath.Glob(filepath.Join(h.env.DataDir, "backups", "motcua-*.db"))
	os.Chmod(backups[0], 0o644)
	code, got = check()
	ps := fmt.Sprint(got["problems"])
	if code != 1 || got["journal_ok"] != false || got["modes_ok"] != false || !strings.Contains(ps, backups[0]) || !strings.Contains(ps, "0644") {
		t.Errorf("check of a damaged folder: exit %d %v", code, got)
	}
}
