package sqlite

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"motcua/data"
)

// auditedStore is a closed database file whose audit trail holds ten
// entries made by an officer: the office's set-up, nine views.
func auditedStore(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "motcua.db")
	db, err := Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	ctx := data.WithOfficer(context.Background(), data.Officer{Username: "binh", FullName: "Trần Văn Bình", Role: data.RoleAdmin})
	if err := db.SaveOffice(ctx, testOffice()); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 9; i++ {
		if err := db.Audit(ctx, "", "dossier.view", "000.30.12.H30-270203-1001", "xem"); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return file
}

// verify opens the file and checks its chain.
func verify(t *testing.T, file string) *data.AuditFinding {
	t.Helper()
	db, err := Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rep, err := db.VerifyAudit(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Finding
}

// editors change the file as someone with a database tool would, while
// the application has it closed.
var editors = map[string]func(t *testing.T, file, sql string){
	"database/sql": func(t *testing.T, file, query string) {
		c, err := sql.Open("sqlite3", file)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := c.Exec(query); err != nil {
			t.Fatal(err)
		}
	},
	"sqlite3": func(t *testing.T, file, query string) {
		tool, err := exec.LookPath("sqlite3")
		if err != nil {
			if os.Getenv("MOTCUA_GUI_TEST") != "" { // scripts/test: the tool is a test package
				t.Fatal("sqlite3 not installed")
			}
			t.Skip("sqlite3 not installed")
		}
		if out, err := exec.Command(tool, file, query).CombinedOutput(); err != nil {
			t.Fatalf("sqlite3: %v\n%s", err, out)
		}
	},
}

func TestAuditFindsEditsMadeToTheFile(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  data.AuditFinding
	}{
		{"an entry's subject edited", `UPDATE audit SET subject = '000.30.12.H30-270203-9999' WHERE id = 4`,
			data.AuditFinding{Kind: data.FindingEdited, Seq: 4}},
		{"an entry's officer edited", `UPDATE audit SET account = 'hoa', actor = 'Lê Thị Hoa' WHERE id = 7`,
			data.AuditFinding{Kind: data.FindingEdited, Seq: 7}},
		{"an entry deleted", `DELETE FROM audit WHERE id = 5`,
			data.AuditFinding{Kind: data.FindingDeleted, Seq: 5, To: 5}},
		{"entries deleted", `DELETE FROM audit WHERE id BETWEEN 2 AND 3`,
			data.AuditFinding{Kind: data.FindingDeleted, Seq: 2, To: 3}},
		{"an entry inserted", `INSERT INTO audit (at, actor, action, subject, detail) VALUES ('2027-02-03T10:00:00+07:00', 'Ai đó', 'dossier.view', 'x', '')`,
			data.AuditFinding{Kind: data.FindingInserted, Seq: 11}},
		// Linked to the last entry but without a hash of its own, an entry
		// put at the end reads as that entry edited: either way it is named.
		{"an entry put at the end with the last one's link", `INSERT INTO audit (at, account, actor, action, subject, prev_hash, hash)
			SELECT at, account, actor, action, subject, hash, hash FROM audit WHERE id = 10`,
			data.AuditFinding{Kind: data.FindingEdited, Seq: 11}},
		{"an entry put between two", `UPDATE audit SET id = id + 100 WHERE id > 5; UPDATE audit SET id = id - 99 WHERE id > 100;
			INSERT INTO audit (id, at, account, actor, action, subject, prev_hash, hash)
				SELECT 6, at, account, actor, action, 'x', hash, '' FROM audit WHERE id = 5`,
			data.AuditFinding{Kind: data.FindingInserted, Seq: 6}},
	}
	for name, edit := range editors {
		t.Run(name, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					file := auditedStore(t)
					if f := verify(t, file); f != nil {
						t.Fatalf("a fresh chain: %+v", f)
					}
					edit(t, file, tt.query)
					if f := verify(t, file); f == nil || *f != tt.want {
						t.Errorf("finding %+v, want %+v", f, tt.want)
					}
				})
			}
		})
	}
}

// TestMigrationChainsTheEntriesBefore: a database of the version before
// the chain keeps its audit entries, chained once, intact.
func TestMigrationChainsTheEntriesBefore(t *testing.T) {
	file := filepath.Join(t.TempDir(), "motcua.db")
	c, err := sql.Open("sqlite3", file)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.name == "accounts" {
			break
		}
		if _, err := c.Exec(m.sql); err != nil {
			t.Fatalf("%03d: %v", m.version, err)
		}
		c.Exec(`CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
		c.Exec(`INSERT INTO schema_migration VALUES (?, ?, ?)`, m.version, m.name, time.Now().Format(time.RFC3339))
	}
	for i, action := range []string{"dossier.intake", "print.receipt", "dossier.view"} {
		if _, err := c.Exec(`INSERT INTO audit (at, actor, action, subject, detail) VALUES (?, 'Trần Văn Bình', ?, '000.30.12.H30-270203-1001', '')`,
			time.Date(2026, 12, 1, 9, i, 0, 0, data.Zone).Format(time.RFC3339), action); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()

	db, err := Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.Audit(ctx, "Trần Văn Bình", "dossier.view", "000.30.12.H30-270203-1001", ""); err != nil {
		t.Fatal(err)
	}
	rep, err := db.VerifyAudit(ctx, nil)
	if err != nil || rep.Finding != nil || rep.Entries != 4 || rep.Head.Seq != 4 {
		t.Errorf("after the migration: %+v %v", rep, err)
	}
	es, _ := db.AuditEntries(ctx, data.AuditFilter{})
	if len(es) != 4 || es[0].Action != "dossier.intake" || es[0].PrevHash != "" || es[1].PrevHash != es[0].Hash {
		t.Errorf("entries %+v", es)
	}
}

func TestAuditEntriesFilter(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	var clock time.Time
	db.Now = func() time.Time { return clock }
	as := func(user string) context.Context {
		return data.WithOfficer(ctx, data.Officer{Username: user, FullName: user, Role: data.RoleCounter})
	}
	for _, e := range []struct {
		day     int
		user    string
		dossier string
	}{{1, "binh", "A"}, {2, "hoa", "A"}, {2, "binh", "B"}, {3, "hoa", "B"}} {
		clock = time.Date(2027, 2, e.day, 23, 30, 0, 0, data.Zone)
		if err := db.Audit(as(e.user), "", "dossier.view", e.dossier, ""); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		f    data.AuditFilter
		want []int64
	}{
		{"all", data.AuditFilter{}, []int64{1, 2, 3, 4}},
		{"one dossier", data.AuditFilter{Dossier: "B"}, []int64{3, 4}},
		{"one officer", data.AuditFilter{Account: "hoa"}, []int64{2, 4}},
		{"one day, late in the evening included", data.AuditFilter{From: time.Date(2027, 2, 2, 0, 0, 0, 0, data.Zone), To: time.Date(2027, 2, 2, 0, 0, 0, 0, data.Zone)}, []int64{2, 3}},
		{"everything together", data.AuditFilter{Dossier: "A", Account: "hoa", From: time.Date(2027, 2, 2, 0, 0, 0, 0, data.Zone)}, []int64{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := db.AuditEntries(ctx, tt.f)
			var got []int64
			for _, e := range es {
				got = append(got, e.Seq)
			}
			if err != nil || len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) || (len(got) > 1 && got[len(got)-1] != tt.want[len(tt.want)-1]) {
				t.Errorf("entries %v, want %v (%v)", got, tt.want, err)
			}
		})
	}
}
