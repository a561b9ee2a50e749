package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"motcua/data"
	"motcua/platform"
)

// KeepBackups is how many automatic daily backups stay in backups/.
const KeepBackups = 30

// BackupDir is the folder of a data folder's backups.
func BackupDir(dataDir string) string { return filepath.Join(dataDir, "backups") }

// BackupName is the file name of a backup taken at t.
func BackupName(t time.Time) string {
	return "motcua-" + t.In(data.Zone).Format("20060102-150405") + ".db"
}

var backupNamePattern = regexp.MustCompile(`^motcua-(\d{8})-\d{6}\.db$`)

// Backup writes a consistent copy of the database to path (which must not
// exist), while the app keeps working. The copy is written under a
// temporary name, stamped with the time it was taken, checked with
// SQLite's integrity check, synced, and only then renamed to path: a
// backup cut short leaves nothing under a backup's name. The number
// journal is not copied: it stays with the live database so that a
// restored copy never hands out a number twice.
func (db *DB) Backup(ctx context.Context, path string) (err error) {
	if _, err := os.Stat(path); err == nil {
		return data.Errorf(data.EConflict, "Tệp %s đã có; hãy chọn tên khác.", path)
	}
	var id [6]byte
	rand.Read(id[:])
	tmp := path + ".tmp-" + hex.EncodeToString(id[:])
	// VACUUM INTO fills an empty file; made here, it is its owner's only
	// from the start.
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return data.Errorf(data.EInvalid, "Không ghi được bản sao lưu %s: %v", path, err)
	}
	f.Close()
	defer func() {
		if err != nil {
			removeDatabase(tmp)
		}
	}()
	// A connection of its own: the copy reads a snapshot while the
	// writer goes on saving dossiers (a million take a while to copy).
	src, err := sql.Open("sqlite3", dsn(db.file, pragmas))
	if err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	defer src.Close()
	src.SetMaxOpenConns(1)
	stop := db.watchCopy(ctx, tmp)
	_, err = src.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	stop()
	if err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	if err := db.sealBackup(ctx, tmp); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	if _, err := os.Stat(path); err == nil {
		return data.Errorf(data.EConflict, "Tệp %s đã có; hãy chọn tên khác.", path)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	return platform.SyncDir(filepath.Dir(path))
}

// watchCopy tells the context's progress, in MiB, how far a copy being
// written to file has got, against the database's size, until stop.
func (db *DB) watchCopy(ctx context.Context, file string) (stop func()) {
	var size int64
	if err := db.read.QueryRowContext(ctx, `SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()`).Scan(&size); err != nil || size == 0 {
		return func() {}
	}
	total := int(size>>20) + 1
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			if fi, err := os.Stat(file); err == nil {
				data.ReportProgress(ctx, min(int(fi.Size()>>20), total-1), total)
			}
			select {
			case <-done:
				data.ReportProgress(ctx, total, total)
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}

// sealBackup records in the copy when it was taken and checks it.
func (db *DB) sealBackup(ctx context.Context, file string) error {
	c, err := sql.Open("sqlite3", dsn(file, "_journal_mode=DELETE&_synchronous=FULL&_busy_timeout=5000"))
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	if _, err := c.ExecContext(ctx, `INSERT OR REPLACE INTO backup_info (id, taken_at) VALUES (1, ?)`, db.stamp()); err != nil {
		return err
	}
	return integrityOK(ctx, c)
}

// integrityOK runs SQLite's integrity check.
func integrityOK(ctx context.Context, c *sql.DB) error {
	var res string
	if err := c.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	return nil
}

// DailyBackup takes the day's automatic backup into the data folder's
// backups/ at the first start of each day, and keeps the last
// KeepBackups of them. It returns the backup's path, "" when the day had
// one already or the office is not set up yet.
func (db *DB) DailyBackup(ctx context.Context, dataDir string) (string, error) {
	if _, err := db.Office(ctx); data.ErrorCode(err) == data.ENotFound {
		return "", nil
	} else if err != nil {
		return "", err
	}
	dir := BackupDir(dataDir)
	if err := platform.PrivateDir(dir); err != nil {
		return "", err
	}
	now := db.Now()
	today := now.In(data.Zone).Format("20060102")
	names, err := backupNames(dir)
	if err != nil {
		return "", err
	}
	for _, n := range names {
		if backupNamePattern.FindStringSubmatch(n)[1] == today {
			return "", nil
		}
	}
	path := filepath.Join(dir, BackupName(now))
	if err := db.Backup(ctx, path); err != nil {
		if data.ErrorCode(err) == data.EConflict {
			return "", nil // another process took it this very second
		}
		return "", err
	}
	return path, prune(dir, append(names, filepath.Base(path)))
}

// backupNames lists the backups in dir, oldest first.
func backupNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("sqlite: backups: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && backupNamePattern.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// prune removes all but the newest KeepBackups backups, and temporary
// files of backups that died more than an hour ago.
func prune(dir string, names []string) error {
	sort.Strings(names)
	var errs []error
	for len(names) > KeepBackups {
		errs = append(errs, os.Remove(filepath.Join(dir, names[0])))
		names = names[1:]
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.Contains(e.Name(), ".db.tmp-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
			removeDatabase(filepath.Join(dir, e.Name()))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: prune backups: %w", err)
	}
	return nil
}

// removeDatabase removes a database file with its -wal, -shm and
// -journal files.
func removeDatabase(file string) {
	for _, p := range []string{file, file + "-wal", file + "-shm", file + "-journal"} {
		os.Remove(p)
	}
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}
