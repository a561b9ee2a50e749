// Package seedstore makes generated stores for trying the app and for
// the benchmarks: an office set up with the sample catalogue and as many
// generated dossiers as asked (sqlite.Seed). A benchmark's store of a
// million dossiers is generated once and kept in a cache folder, keyed by
// the generator's and the schema's versions.
package seedstore

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/gofrs/flock"

	"motcua/assets"
	"motcua/data"
	"motcua/data/catalogfile"
	"motcua/data/sqlite"
)

// Now is the clock of cached stores: their dossiers were received
// before it, and benchmarks run at it.
var Now = time.Date(2027, 6, 1, 10, 0, 0, 0, data.Zone)

// Office is the office of generated stores, which collects fees.
func Office() data.Office {
	return data.Office{AgencyCode: "000.30.12.H30", Name: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH",
		Parent: "ỦY BAN NHÂN DÂN XÃ VỊ THANH", Place: "Vị Thanh", Workstation: 1,
		Collector: data.FeeCollector{Name: "Ủy ban nhân dân xã Vị Thanh", TaxCode: "6300123456",
			Address: "Số 1 đường Trần Hưng Đạo, xã Vị Thanh, thành phố Cần Thơ"}}
}

// SetUp gives a store with no office the generated stores' office, and
// the sample catalogue when its catalogue is empty.
func SetUp(ctx context.Context, db *sqlite.DB) error {
	if _, err := db.Office(ctx); data.ErrorCode(err) == data.ENotFound {
		if err := db.SaveOffice(ctx, Office()); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	ps, err := db.Procedures(ctx, "")
	if err != nil || len(ps) > 0 {
		return err
	}
	sample, err := catalogfile.Parse(assets.SampleCatalogName, bytes.NewReader(assets.SampleCatalog))
	if err != nil {
		return err
	}
	_, err = db.ImportProcedures(ctx, sample)
	return err
}

// Size is $MOTCUA_BENCH_DOSSIERS when set, else def: make test runs the
// benchmarks on small stores, make bench on full-size ones.
func Size(def int) int {
	if n, err := strconv.Atoi(os.Getenv("MOTCUA_BENCH_DOSSIERS")); err == nil && n > 0 {
		return n
	}
	return def
}

// CacheDir is where generated stores are kept between runs:
// $MOTCUA_BENCH_CACHE, else $XDG_CACHE_HOME/motcua-bench, else
// /var/tmp/motcua-bench.
func CacheDir() string {
	if d := os.Getenv("MOTCUA_BENCH_CACHE"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "motcua-bench")
	}
	return "/var/tmp/motcua-bench"
}

// Cached returns a data folder (motcua.db and its number journal) holding
// n generated dossiers, generating it the first time under a lock that
// other test processes wait on. Open it only to read; CopyTo gives a
// copy to write to.
func Cached(ctx context.Context, n int) (string, error) {
	return cached(ctx, n, sqlite.SeedOptions{Dossiers: n, Seed: 1}, "")
}

// CachedKeepSent is Cached for a store whose acknowledged changes stay in
// the outbox with their payloads, as before schema 10: the baseline of
// the store's size.
func CachedKeepSent(ctx context.Context, n int) (string, error) {
	return cached(ctx, n, sqlite.SeedOptions{Dossiers: n, Seed: 1, KeepSent: true}, "-keepsent")
}

func cached(ctx context.Context, n int, o sqlite.SeedOptions, suffix string) (string, error) {
	root := CacheDir()
	dir := filepath.Join(root, fmt.Sprintf("seed%d-schema%d-%d%s", sqlite.SeedVersion, sqlite.SchemaVersion(), n, suffix))
	if err := os.MkdirAll(root, 0o700); err != nil {
		return "", err
	}
	lock := flock.New(dir + ".lock")
	if err := lock.Lock(); err != nil {
		return "", err
	}
	defer lock.Unlock()
	done := filepath.Join(dir, "done")
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	os.RemoveAll(dir)
	tmp := dir + ".tmp"
	os.RemoveAll(tmp)
	if err := generate(ctx, tmp, o); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "done"), nil, 0o600); err != nil {
		return "", err
	}
	return dir, os.Rename(tmp, dir)
}

// Generate makes a data folder holding n dossiers spread over days (0:
// as many as a busy office needs), at the clock Now.
func Generate(ctx context.Context, dir string, n, days int, progress func(done, total int)) error {
	return generate(ctx, dir, sqlite.SeedOptions{Dossiers: n, Days: days, Seed: 1, Progress: progress})
}

func generate(ctx context.Context, dir string, o sqlite.SeedOptions) error {
	db, err := sqlite.Open(ctx, filepath.Join(dir, "motcua.db"))
	if err != nil {
		return err
	}
	db.Now = func() time.Time { return Now }
	if err := SetUp(ctx, db); err != nil {
		db.Close()
		return err
	}
	err = db.Seed(ctx, o)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// CopyTo copies a cached data folder's database and journal into dst.
func CopyTo(dir, dst string) error {
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	for _, name := range []string{"motcua.db", "motcua.db.seq"} {
		if err := copyFile(filepath.Join(dir, name), filepath.Join(dst, name)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	// On disk before the copy is used: a benchmark that syncs its own
	// writes would otherwise measure the kernel writing back the copy.
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Tool is a store as motcua dev seed fills it, at the store's own clock.
type Tool struct{ DB *sqlite.DB }

// SetUp sets up the store if it is not yet (see SetUp).
func (t Tool) SetUp(ctx context.Context) error { return SetUp(ctx, t.DB) }

// Seed adds generated dossiers (sqlite.DB.Seed).
func (t Tool) Seed(ctx context.Context, o sqlite.SeedOptions) error { return t.DB.Seed(ctx, o) }
