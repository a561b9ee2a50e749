// Package sqlite is Một Cửa's store: one SQLite file per workstation, in
// WAL mode, with one writer connection and a pool of readers.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
	_ "github.com/mattn/go-sqlite3" // the driver; build with -tags sqlite_fts5

	"motcua/data"
	"motcua/data/sqlite/walvfs"
	"motcua/platform"
)

//go:embed migration/*.sql
var migrations embed.FS

// DB is an open store. Its methods implement the data services.
type DB struct {
	file   string
	write  *sql.DB // exactly one connection: SQLite has one writer
	read   *sql.DB
	seq    *journal
	folder *flock.Flock // the data folder's lock, held shared

	calMu sync.Mutex
	cal   *data.Calendar // cached; dropped when an override changes

	// Now is the clock; tests replace it.
	Now func() time.Time
}

var (
	_ data.OfficeService   = (*DB)(nil)
	_ data.CatalogService  = (*DB)(nil)
	_ data.CalendarService = (*DB)(nil)
	_ data.IntakeService   = (*DB)(nil)
	_ data.DossierService  = (*DB)(nil)
	_ data.KeyService      = (*DB)(nil)
)

// Open opens (creating if needed) the database file and migrates it. A
// database written by a newer version of the app is refused untouched.
// The folder holding it is the data folder: Open holds its lock shared
// until Close, and keeps the folder and the database its owner's only.
// Every commit is on disk before it returns (synchronous=FULL).
func Open(ctx context.Context, file string) (db *DB, err error) {
	if err := walvfs.Register(); err != nil {
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	dir := filepath.Dir(file)
	if err := platform.PrivateDir(dir); err != nil {
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	folder, err := lockFolder(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			folder.Unlock()
		}
	}()
	if err := privateDatabase(file); err != nil {
		return nil, err
	}
	write, err := sql.Open("sqlite3", dsn(file, pragmas))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	seq, err := openJournal(file + ".seq")
	if err != nil {
		write.Close()
		return nil, err
	}
	db = &DB{file: file, write: write, seq: seq, folder: folder, Now: time.Now}
	if err := db.migrate(ctx); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite3", dsn(file, pragmas+"&_query_only=1"))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("sqlite: open readers: %w", err)
	}
	read.SetMaxOpenConns(4)
	db.read = read
	return db, nil
}

// pragmas are set on every connection of the store. Its VFS writes each
// commit's log frames in one write before the sync (walvfs), which is
// sound only because every commit is synced.
const pragmas = "_journal_mode=WAL&_busy_timeout=5000&_foreign_keys=on&_synchronous=FULL&_stmt_cache_size=64&vfs=" + walvfs.Name

// privateDatabase creates the database file readable by its owner only,
// or makes it so; SQLite gives its -wal and -shm files the same mode.
func privateDatabase(file string) error {
	f, err := os.OpenFile(file, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return fmt.Errorf("sqlite: open: %w", err)
	}
	f.Close()
	for _, p := range []string{file, file + "-wal", file + "-shm"} {
		if err := os.Chmod(p, 0o600); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("sqlite: open: %w", err)
		}
	}
	return nil
}

func dsn(file, params string) string {
	u := url.URL{Scheme: "file", Opaque: url.PathEscape(file)}
	return u.String() + "?" + params
}

// Close closes both pools, gives back the numbers this run reserved and
// did not use, and lets go of the data folder.
func (db *DB) Close() error {
	err := errors.Join(db.read.Close(), db.write.Close(), db.seq.release())
	return errors.Join(err, db.folder.Unlock())
}

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.Glob(migrations, "migration/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		base := path.Base(e)
		num, name, ok := strings.Cut(strings.TrimSuffix(base, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("sqlite: migration file %q is not NNN_name.sql", base)
		}
		body, err := migrations.ReadFile(e)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, name, string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// appliedMigrations are the versions the file has seen, and the highest.
func (db *DB) appliedMigrations(ctx context.Context) (map[int]bool, int, error) {
	rows, err := db.write.QueryContext(ctx, `SELECT version FROM schema_migration`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	seen, current := map[int]bool{}, 0
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, 0, err
		}
		seen[v], current = true, max(current, v)
	}
	return seen, current, rows.Err()
}

// migrate applies, each in its own transaction, the migrations the file
// has not seen, each by its version (not only those above the highest):
// a test takes one back to see it applied to older data.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migration (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	seen, current, err := db.appliedMigrations(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	if latest := ms[len(ms)-1].version; current > latest {
		return data.Errorf(data.EConflict,
			"Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của Một Cửa (lược đồ %d, phiên bản này chỉ biết đến %d). Hãy cài phiên bản mới; dữ liệu chưa bị thay đổi.", current, latest)
	}
	for _, m := range ms {
		if seen[m.version] {
			continue
		}
		err := db.inTx(ctx, func(tx *Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			if step := goSteps[m.name]; step != nil {
				if err := step(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, db.stamp())
			return err
		})
		if err != nil {
			return fmt.Errorf("sqlite: migration %03d_%s: %w", m.version, m.name, err)
		}
	}
	// Dossiers of older versions enter the search index, folded by Go,
	// as do those a batch left outside it.
	if err := db.catchUpOnOpen(ctx); err != nil {
		return fmt.Errorf("sqlite: index the applicants: %w", err)
	}
	// The journal of older versions kept dossier numbers only: take the
	// register numbers (and any number it lacks) from the database once.
	if current > 0 && current < journalBooksVersion {
		if err := db.adoptNumbers(ctx); err != nil {
			return fmt.Errorf("sqlite: journal the numbers in use: %w", err)
		}
	}
	return nil
}

// goSteps are the parts of migrations written in Go, run in the
// migration's transaction after its SQL; keyed by name, which stays when
// a migration is renumbered.
var goSteps = map[string]func(context.Context, *Tx) error{
	"accounts": chainAudit,
}

// journalBooksVersion is the first schema whose journal holds register
// numbers too.
const journalBooksVersion = 6

// stamp is the current time as stored: RFC 3339 in Vietnam's zone.
func (db *DB) stamp() string {
	return db.Now().In(data.Zone).Format(time.RFC3339)
}

// SchemaVersion is the schema this version of the app migrates to.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}
