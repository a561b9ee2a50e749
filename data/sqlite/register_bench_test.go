package sqlite_test

import (
	"context"
	"database/sql"
	"io"
	"path/filepath"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/sqlite/seedstore"
	"motcua/printout"
)

// BenchmarkRegister reads and writes the register of the last month of a
// store of 1,000,000 dossiers (every workstation's book): the store's
// lines, the PDF and the Excel file each from the store. Target: ≤ 2 s
// for each file. The baseline reads the month's dossiers' rows alone.
func BenchmarkRegister(b *testing.B) {
	n := fullSize()
	db := cachedStore(b, n)
	ctx := context.Background()
	office, err := db.Office(ctx)
	if err != nil {
		b.Fatal(err)
	}
	month := seedstore.Now.AddDate(0, -1, 0)
	from := time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, data.Zone)
	to := from.AddDate(0, 1, -1)
	write := map[string]func(io.Writer, printout.RegisterInput) error{
		"pdf": printout.Register, "xlsx": printout.RegisterWorkbook,
	}
	for _, name := range []string{"lines", "pdf", "xlsx"} {
		b.Run(name, func(b *testing.B) {
			var lines int
			for b.Loop() {
				reg, err := db.Register(ctx, from, to)
				if err != nil {
					b.Fatal(err)
				}
				lines = len(reg.Lines)
				if w := write[name]; w != nil {
					if err := w(io.Discard, printout.RegisterInput{Office: office, Register: reg, At: seedstore.Now}); err != nil {
						b.Fatal(err)
					}
				}
			}
			if lines == 0 && n >= 10_000 {
				b.Fatal("the month has no dossiers")
			}
			b.ReportMetric(float64(lines), "dossiers")
		})
	}
	dir, err := seedstore.Cached(ctx, n)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, "motcua.db")+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	b.Run("baseline-rows", func(b *testing.B) {
		for b.Loop() {
			var count int
			err := raw.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT code, applicant_name, applicant_address, due_date FROM dossier
				WHERE received_at >= ? AND received_at < ?)`, from.Format(time.RFC3339), to.AddDate(0, 0, 1).Format(time.RFC3339)).Scan(&count)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
