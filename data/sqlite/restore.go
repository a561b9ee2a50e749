package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"

	"motcua/data"
	"motcua/platform"
)

// Restore puts the backup file in place of the database file, once it
// has checked that the backup is a sound Một Cửa database of the same
// office and workstation, of a schema this version knows. It refuses
// while any process (the window, a command) has the data folder open.
// The database it replaces is moved, with its -wal and -shm, into
// backups/truoc-khoi-phuc-<time>/, so nothing is lost and no WAL of
// another file is ever replayed into the restored one. The number journal
// stays: the restored file never hands out a number again. allow, when
// not nil, is asked once the backup is checked and before anything
// moves, with the path of its checked copy (see BackupAccount).
func Restore(ctx context.Context, file, backup string, now time.Time, allow func(ctx context.Context, copy string) error) (data.Restored, error) {
	var r data.Restored
	dir := filepath.Dir(file)
	if err := platform.PrivateDir(dir); err != nil {
		return r, err
	}
	lk, err := lockFolderAlone(dir)
	if err != nil {
		return r, err
	}
	defer lk.Unlock()

	fi, err := os.Stat(backup)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return r, data.Errorf(data.EInvalid, "Không có tệp sao lưu %s.", backup)
	case err != nil:
		return r, data.Errorf(data.EInvalid, "Không đọc được tệp sao lưu %s: %v", backup, err)
	case !fi.Mode().IsRegular():
		return r, data.Errorf(data.EInvalid, "%s không phải một tệp sao lưu.", backup)
	}
	if same, _ := filepath.Abs(backup); same == absPath(file) {
		return r, data.Errorf(data.EInvalid, "%s là chính cơ sở dữ liệu đang dùng, không phải một bản sao lưu.", backup)
	}
	if wal, err := os.Stat(backup + "-wal"); err == nil && wal.Size() > 0 {
		return r, data.Errorf(data.EInvalid, "Bên cạnh %s còn tệp %s-wal: đó là bản chép của một cơ sở dữ liệu đang mở, chưa trọn vẹn. Hãy dùng bản do lệnh motcua backup (hoặc bản sao lưu tự động trong backups/) tạo ra.", backup, filepath.Base(backup))
	}

	tmp := file + ".khoi-phuc"
	removeDatabase(tmp)
	if err := copyFile(backup, tmp); err != nil {
		removeDatabase(tmp)
		return r, data.Errorf(data.EInvalid, "Không chép được tệp sao lưu %s: %v", backup, err)
	}
	ok := false
	defer func() {
		if !ok {
			removeDatabase(tmp)
		}
	}()
	r, err = inspectBackup(ctx, tmp, backup)
	if err != nil {
		return r, err
	}
	if !r.TakenAtKnown {
		r.TakenAt = fi.ModTime().In(data.Zone)
	}
	if err := sameOffice(file, r); err != nil {
		return r, err
	}
	if allow != nil {
		if err := allow(ctx, tmp); err != nil {
			return r, err
		}
	}
	for _, p := range []string{tmp + "-wal", tmp + "-shm", tmp + "-journal"} {
		if _, err := os.Stat(p); err == nil {
			return r, fmt.Errorf("sqlite: restore: %s left after the check", p)
		}
	}
	if err := syncFile(tmp); err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}

	// Set the current database aside, with the WAL and index that belong
	// to it, then rename the checked copy in.
	aside := filepath.Join(BackupDir(filepath.Dir(file)), "truoc-khoi-phuc-"+now.In(data.Zone).Format("20060102-150405"))
	moved := false
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if _, err := os.Stat(file + suffix); err != nil {
			continue
		}
		if !moved {
			if err := platform.PrivateDir(BackupDir(dir), aside); err != nil {
				return r, err
			}
			moved = true
		}
		if err := os.Rename(file+suffix, filepath.Join(aside, filepath.Base(file)+suffix)); err != nil {
			return r, fmt.Errorf("sqlite: restore: set the database aside: %w", err)
		}
	}
	if moved {
		r.Aside = aside
		if err := platform.SyncDir(aside); err != nil {
			return r, err
		}
	}
	if err := os.Rename(tmp, file); err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	ok = true
	if err := platform.SyncDir(dir); err != nil {
		return r, err
	}
	// A folder whose journal never saw this file (a new PC) learns its
	// numbers now; a journal that saw more keeps it.
	lk.Unlock()
	return r, adoptFile(ctx, file)
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, cerr := io.Copy(out, in)
	return errors.Join(cerr, out.Sync(), out.Close())
}

// inspectBackup checks the copy of a backup and says what it holds. It
// leaves the copy in rollback-journal mode, with no -wal beside it.
func inspectBackup(ctx context.Context, tmp, backup string) (data.Restored, error) {
	var r data.Restored
	c, err := sql.Open("sqlite3", dsn(tmp, "_busy_timeout=5000"))
	if err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	defer c.Close()
	c.SetMaxOpenConns(1)
	notDB := data.Errorf(data.EInvalid, "%s không phải một cơ sở dữ liệu SQLite (hoặc đã hỏng nặng); không khôi phục.", backup)
	var mode string
	if err := c.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil {
		var se sqlite3.Error
		if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
			return r, notDB
		}
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	if err := integrityOK(ctx, c); err != nil {
		var se sqlite3.Error
		if errors.As(err, &se) && se.Code != sqlite3.ErrNotADB && se.Code != sqlite3.ErrCorrupt {
			return r, fmt.Errorf("sqlite: restore: %w", err)
		}
		return r, data.Errorf(data.EInvalid, "Tệp sao lưu %s bị hỏng (SQLite báo lỗi khi kiểm tra toàn vẹn); không khôi phục. Hãy chọn một bản sao lưu khác.", backup)
	}
	var tables int
	if err := c.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migration', 'office', 'dossier')`).Scan(&tables); err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	if tables != 3 {
		return r, data.Errorf(data.EInvalid, "%s không phải cơ sở dữ liệu của Một Cửa; không khôi phục.", backup)
	}
	ms, err := loadMigrations()
	if err != nil {
		return r, err
	}
	var version int
	if err := c.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migration`).Scan(&version); err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	if latest := ms[len(ms)-1].version; version > latest {
		return r, data.Errorf(data.EConflict, "%s được tạo bởi phiên bản mới hơn của Một Cửa (lược đồ %d, phiên bản này chỉ biết đến %d). Hãy cài phiên bản mới rồi khôi phục.", backup, version, latest)
	}
	err = c.QueryRowContext(ctx, `SELECT agency_code, workstation FROM office WHERE id = 1`).Scan(&r.AgencyCode, &r.Workstation)
	if errors.Is(err, sql.ErrNoRows) {
		return r, data.Errorf(data.EInvalid, "%s là cơ sở dữ liệu Một Cửa chưa thiết lập đơn vị; không có gì để khôi phục.", backup)
	}
	if err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	if err := c.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier`).Scan(&r.Dossiers); err != nil {
		return r, fmt.Errorf("sqlite: restore: %w", err)
	}
	var taken string
	if version >= journalBooksVersion {
		err := c.QueryRowContext(ctx, `SELECT taken_at FROM backup_info WHERE id = 1`).Scan(&taken)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return r, fmt.Errorf("sqlite: restore: %w", err)
		}
	}
	if t, err := time.Parse(time.RFC3339, taken); err == nil {
		r.TakenAt, r.TakenAtKnown = t.In(data.Zone), true
	}
	return r, nil
}

// sameOffice refuses a backup of another office or workstation than the
// database it replaces. The current file is read as it is on disk
// (immutable, without its WAL), so that nothing is replayed into it.
func sameOffice(file string, r data.Restored) error {
	if _, err := os.Stat(file); err != nil {
		return nil
	}
	c, err := sql.Open("sqlite3", "file:"+file+"?mode=ro&immutable=1")
	if err != nil {
		return nil
	}
	defer c.Close()
	var agency string
	var ws int
	if err := c.QueryRow(`SELECT agency_code, workstation FROM office WHERE id = 1`).Scan(&agency, &ws); err != nil {
		return nil // a new or unreadable database: nothing to compare with
	}
	if agency != r.AgencyCode || ws != r.Workstation {
		return data.Errorf(data.EConflict, "Bản sao lưu là của máy trạm %d, đơn vị %s; máy này là máy trạm %d của đơn vị %s. Không khôi phục.",
			r.Workstation, r.AgencyCode, ws, agency)
	}
	return nil
}

// adoptFile writes the numbers of the database at file into its journal.
func adoptFile(ctx context.Context, file string) error {
	db, err := Open(ctx, file)
	if err != nil {
		return err
	}
	return errors.Join(db.adoptNumbers(ctx), db.Close())
}

// BackupAccount reads an account from a backup (Restore's checked copy),
// read-only, for checking an administrator against it when the current
// database cannot say who may restore. ENotFound when the backup has no
// such account (or none at all: it was made before accounts).
func BackupAccount(ctx context.Context, backup, username string) (data.Account, error) {
	if _, err := os.Stat(backup); err != nil {
		return data.Account{}, data.Errorf(data.EInvalid, "Không đọc được tệp sao lưu %s%s.", backup, data.FileProblem(err))
	}
	c, err := sql.Open("sqlite3", "file:"+backup+"?mode=ro&immutable=1")
	if err != nil {
		return data.Account{}, fmt.Errorf("sqlite: backup account: %w", err)
	}
	defer c.Close()
	a, err := scanAccount(c.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM account WHERE username = ?`, data.Clean(username)))
	if err != nil {
		return a, data.Errorf(data.ENotFound, "Bản sao lưu %s không có tài khoản %q để kiểm tra quyền khôi phục.", backup, username)
	}
	return a, nil
}
