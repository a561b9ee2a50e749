package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

// TestCommitsAreDurable: every connection commits with synchronous=FULL
// in WAL mode, so a printed receipt's dossier survives a power cut.
func TestCommitsAreDurable(t *testing.T) {
	db := open(t)
	for name, pool := range map[string]*sql.DB{"writer": db.write, "reader": db.read} {
		var mode string
		var sync int
		pool.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if err := pool.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil || mode != "wal" || sync != 2 {
			t.Errorf("%s: journal_mode %s, synchronous %d (want wal, 2 = FULL), %v", name, mode, sync, err)
		}
	}
}

// TestBackupCutShortLeavesNoFile: a backup that does not finish leaves
// nothing under the backup's name, and no half-written file behind.
func TestBackupCutShortLeavesNoFile(t *testing.T) {
	db := counterDB(t)
	fill(t, db, 30_000)
	dir := t.TempDir()
	path := filepath.Join(dir, "motcua-backup.db")
	for _, after := range []time.Duration{time.Millisecond, 10 * time.Millisecond, 40 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), after)
		err := db.Backup(ctx, path)
		cancel()
		if err == nil {
			os.Remove(path)
			continue
		}
		if _, serr := os.Stat(path); serr == nil {
			t.Fatalf("a backup cut short after %v left %s", after, path)
		}
	}
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		t.Errorf("left behind: %s", e.Name())
	}
}

// TestRegisterNumbersNeverReused: an older copy of the database put back
// over the live one (the way the README once told) hands out neither a
// dossier code nor a register number again.
func TestRegisterNumbersNeverReused(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "motcua.db")
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	setUp(t, db)
	mustIntake(t, db, birthRequest())
	db.Close()
	copyTestFile(t, file, filepath.Join(dir, "old.db"))

	db, _ = Open(ctx, file)
	setUp(t, db)
	codes, regs := map[string]bool{}, map[int]bool{}
	for range 3 {
		d := mustIntake(t, db, birthRequest())
		codes[d.Code], regs[d.RegisterNo] = true, true
	}
	db.Close()
	os.Remove(file + "-wal")
	os.Remove(file + "-shm")
	copyTestFile(t, filepath.Join(dir, "old.db"), file)

	db, _ = Open(ctx, file)
	setUp(t, db)
	defer db.Close()
	d := mustIntake(t, db, birthRequest())
	if codes[d.Code] || regs[d.RegisterNo] {
		t.Errorf("after the old copy came back: code %s, register number %d handed out again", d.Code, d.RegisterNo)
	}
}

// TestTwoProcessesKeepEachOthersJournalLines: two stores on one data
// folder (the window and a command) take numbers turn by turn, each
// compacting the journal now and then; a copy of the database from before
// still never gets a number either handed out.
func TestTwoProcessesKeepEachOthersJournalLines(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "motcua.db")
	ctx := context.Background()
	a, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	setUp(t, a)
	a.Close()
	copyTestFile(t, file, filepath.Join(dir, "old.db"))
	a, _ = Open(ctx, file)
	b, _ := Open(ctx, file)
	setUp(t, a)
	setUp(t, b)
	highest := map[string]string{} // day → highest code
	take := func(db *DB, day int) {
		r := birthRequest()
		r.ReceivedAt = time.Date(2027, 1, day, 8, 0, 0, 0, data.Zone)
		d := mustIntake(t, db, r)
		key := r.ReceivedAt.Format("060102")
		highest[key] = max(highest[key], d.Code)
	}
	// The command takes the 4th, the window the 5th of January, often
	// enough to compact the journal many times.
	for i := range 840 {
		if i < 400 && i%20 == 0 {
			take(a, 4)
		}
		take(b, 5)
	}
	a.Close()
	b.Close()
	os.Remove(file + "-wal")
	os.Remove(file + "-shm")
	copyTestFile(t, filepath.Join(dir, "old.db"), file)
	db, _ := Open(ctx, file)
	setUp(t, db)
	defer db.Close()
	for day := 4; day <= 5; day++ {
		r := birthRequest()
		r.ReceivedAt = time.Date(2027, 1, day, 9, 0, 0, 0, data.Zone)
		d := mustIntake(t, db, r)
		if d.Code <= highest[r.ReceivedAt.Format("060102")] {
			t.Errorf("day %d: %s handed out, but %s was before", day, d.Code, highest[r.ReceivedAt.Format("060102")])
		}
	}
}

// TestCodeDigitIsTheWorkstations: the sequence of a code always lies in
// the block of the workstation that issues it.
func TestCodeDigitIsTheWorkstations(t *testing.T) {
	db := counterDB(t)
	// The day's sequence left by workstation 1 (a folder set up again).
	if _, err := db.write.Exec(`INSERT INTO day_sequence (day, last) VALUES ('270203', 1005)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec(`UPDATE office SET workstation = 2`); err != nil {
		t.Fatal(err)
	}
	d := mustIntake(t, db, birthRequest())
	if !strings.HasSuffix(d.Code, "-2001") || d.Workstation != 2 {
		t.Errorf("workstation 2 issued %s (workstation %d)", d.Code, d.Workstation)
	}
}

// TestPullGoesOnPastAClash: a pulled dossier that clashes with one here
// (the same register line, as a workstation that reused numbers sends)
// is listed as needing attention with a Vietnamese reason, and the rest
// of the page is applied.
func TestPullGoesOnPastAClash(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	mine := mustIntake(t, db, birthRequest()) // register number 1 of workstation 1
	record := func(code string, reg, ws int) []byte {
		d := mine
		d.Code, d.RegisterNo, d.Workstation = code, reg, ws
		raw, _ := json.Marshal(dossierPayload(d, nil))
		return raw
	}
	page := data.PullPage{Next: 12, Changes: []data.RemoteChange{
		{Seq: 10, Key: "clash", Kind: data.ChangeDossierCreated, Subject: "000.30.12.H30-270203-1005",
			Payload: record("000.30.12.H30-270203-1005", mine.RegisterNo, 1), Workstation: 1},
		{Seq: 11, Key: "broken", Kind: data.ChangeDossierStatus, Subject: mine.Code, Payload: []byte(`{"code": 7}`)},
		{Seq: 12, Key: "fine", Kind: data.ChangeDossierCreated, Subject: "000.30.12.H30-270203-2001",
			Payload: record("000.30.12.H30-270203-2001", 1, 2), Workstation: 2},
	}}
	n, err := db.ApplyRemote(ctx, page)
	if err != nil || n != 1 {
		t.Fatalf("ApplyRemote = %d, %v", n, err)
	}
	if _, err := db.Dossier(ctx, "000.30.12.H30-270203-2001"); err != nil {
		t.Errorf("the good change was not applied: %v", err)
	}
	if c, _ := db.Cursor(ctx); c != 12 {
		t.Errorf("cursor %d", c)
	}
	rs, err := db.NeedsAttention(ctx)
	if err != nil || len(rs) != 2 || !rs[0].Incoming || !strings.Contains(rs[0].Reason, "trùng với hồ sơ "+mine.Code) {
		t.Fatalf("needs attention %+v %v", rs, err)
	}
	if err := db.DismissRejection(ctx, "clash", "Bình"); err != nil {
		t.Error(err)
	}
	// The same page again changes nothing.
	if n, err := db.ApplyRemote(ctx, page); err != nil || n != 1 {
		t.Errorf("again: %d %v", n, err)
	}
	if rs, _ := db.NeedsAttention(ctx); len(rs) != 1 {
		t.Errorf("after dismissing one: %+v", rs)
	}
}

// TestDailyBackup: the first start of each day takes a verified backup
// into backups/, later starts that day take none, and only the last
// KeepBackups stay.
func TestDailyBackup(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	day := time.Date(2027, 2, 3, 7, 30, 0, 0, data.Zone)
	for i := range KeepBackups + 5 {
		at := day.AddDate(0, 0, i)
		db.Now = func() time.Time { return at }
		path, err := db.DailyBackup(ctx, dir)
		if err != nil || path == "" {
			t.Fatalf("day %d: %q %v", i, path, err)
		}
		db.Now = func() time.Time { return at.Add(3 * time.Hour) }
		if again, err := db.DailyBackup(ctx, dir); err != nil || again != "" {
			t.Fatalf("a second backup on day %d: %q %v", i, again, err)
		}
	}
	names, err := backupNames(BackupDir(dir))
	if err != nil || len(names) != KeepBackups {
		t.Fatalf("%d backups kept, want %d: %v", len(names), KeepBackups, err)
	}
	if want := BackupName(day.AddDate(0, 0, 5)); names[0] != want {
		t.Errorf("oldest kept %s, want %s", names[0], want)
	}
	// Each is a sound copy that says when it was taken.
	last := filepath.Join(BackupDir(dir), names[len(names)-1])
	c, err := sql.Open("sqlite3", "file:"+last+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var taken string
	if err := c.QueryRow(`SELECT taken_at FROM backup_info`).Scan(&taken); err != nil || !strings.HasPrefix(taken, "2027-03-09T07:30") {
		t.Errorf("taken_at %q %v", taken, err)
	}
	if fi, _ := os.Stat(last); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
}
