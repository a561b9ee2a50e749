package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/sqlite"
	"motcua/data/sqlite/seedstore"
)

// generated opens a store the generator filled with n dossiers over the
// given days (0: its default), on the generator's clock; with its folder.
func generated(t *testing.T, n, days int) (*sqlite.DB, string) {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	if err := seedstore.Generate(ctx, dir, n, days, nil); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return seedstore.Now }
	return db, dir
}

// TestSeedHasEveryStatus: a generated store holds dossiers of every
// status, and each stopped dossier of this workstation its stop notice.
func TestSeedHasEveryStatus(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	if err := seedstore.Generate(ctx, dir, 5000, 0, nil); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "motcua.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, s := range []data.Status{data.StatusReceived, data.StatusSupplement, data.StatusRefused, data.StatusTransferred,
		data.StatusResultReady, data.StatusReturned, data.StatusWithdrawn, data.StatusStopped} {
		var n int
		if err := raw.QueryRow(`SELECT COUNT(*) FROM dossier WHERE status = ?`, s).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("no dossier %s", s)
		}
	}
	var missing int
	raw.QueryRow(`SELECT COUNT(*) FROM dossier d WHERE status = 'stopped' AND workstation = (SELECT workstation FROM office)
		AND NOT EXISTS (SELECT 1 FROM dossier_stop s WHERE s.dossier_code = d.code)`).Scan(&missing)
	if missing > 0 {
		t.Errorf("%d stopped dossiers without their stop notice", missing)
	}
}
