package counter

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"motcua/assets"
	"motcua/data"
	"motcua/data/catalogfile"
)

// This file holds the office's settings: its set-up, the catalogue, the
// working-day calendar and backups.

// SaveOffice validates and stores the office's configuration, and
// returns it as stored.
func (d *Desk) SaveOffice(ctx context.Context, o data.Office) (data.Office, error) {
	ctx, _, err := d.begin(ctx, data.ActSetup)
	if err != nil {
		return data.Office{}, err
	}
	return d.saveOffice(ctx, o)
}

// SetUp stores the office's first configuration, while no account
// exists: the first run's set-up, before its administrator.
func (d *Desk) SetUp(ctx context.Context, o data.Office) (data.Office, error) {
	switch has, err := d.HasAccounts(ctx); {
	case err != nil:
		return data.Office{}, err
	case has:
		return d.SaveOffice(ctx, o)
	}
	return d.saveOffice(data.WithOfficer(ctx, data.Officer{FullName: firstRun}), o)
}

// firstRun signs what the set-up does before the first account exists.
const firstRun = "Thiết lập ban đầu"

func (d *Desk) saveOffice(ctx context.Context, o data.Office) (data.Office, error) {
	if err := d.store.SaveOffice(ctx, o); err != nil {
		return data.Office{}, err
	}
	return d.store.Office(ctx)
}

// Imported is what importing a catalogue did.
type Imported struct {
	data.ImportReport
	Total      int // procedures in the file
	Review     int // of them, without a working-day count
	FeesReview int // of them, whose fees the text does not state unambiguously
}

// ImportCatalog reads a catalogue file (JSON or CSV, by its name) and
// imports it whole in one transaction, or refuses it naming every bad
// record.
func (d *Desk) ImportCatalog(ctx context.Context, name string, r io.Reader) (Imported, error) {
	ctx, _, err := d.begin(ctx, data.ActCatalog)
	if err != nil {
		return Imported{}, err
	}
	return d.importCatalog(ctx, name, r)
}

func (d *Desk) importCatalog(ctx context.Context, name string, r io.Reader) (Imported, error) {
	ps, err := catalogfile.Parse(name, r)
	if err != nil {
		return Imported{}, err
	}
	rep, err := d.store.ImportProcedures(ctx, ps)
	if err != nil {
		return Imported{}, err
	}
	out := Imported{ImportReport: rep, Total: len(ps)}
	for _, p := range ps {
		if p.NeedsReview() {
			out.Review++
		}
		if p.Fees.NeedsReview() {
			out.FeesReview++
		}
	}
	return out, nil
}

// ImportSample imports the sample catalogue into an empty catalogue, as a
// new office starts with; it reports whether it did. It needs nobody
// logged in: the window does it at its first start.
func (d *Desk) ImportSample(ctx context.Context) (bool, error) {
	ps, err := d.store.Procedures(ctx, "")
	if err != nil || len(ps) > 0 {
		return false, err
	}
	ctx = data.WithOfficer(ctx, data.Officer{FullName: "Danh mục mẫu"})
	if _, err := d.importCatalog(ctx, assets.SampleCatalogName, bytes.NewReader(assets.SampleCatalog)); err != nil {
		return false, fmt.Errorf("counter: sample catalogue: %w", err)
	}
	return true, nil
}

// SetTimeLimit records the office's time limit for a procedure and
// returns the procedure.
func (d *Desk) SetTimeLimit(ctx context.Context, code string, tl data.TimeLimit) (data.Procedure, error) {
	ctx, _, err := d.begin(ctx, data.ActCatalog)
	if err != nil {
		return data.Procedure{}, err
	}
	if err := d.store.SetTimeLimit(ctx, code, tl); err != nil {
		return data.Procedure{}, err
	}
	return d.store.Procedure(ctx, code)
}

// SetFees records the office's fees for a procedure (none: it charges
// nothing) and returns the procedure.
func (d *Desk) SetFees(ctx context.Context, code string, fees data.FeeSchedule) (data.Procedure, error) {
	ctx, _, err := d.begin(ctx, data.ActCatalog)
	if err != nil {
		return data.Procedure{}, err
	}
	if err := d.store.SetFees(ctx, code, fees); err != nil {
		return data.Procedure{}, err
	}
	return d.store.Procedure(ctx, code)
}

// SetOverride records a day off or a make-up working day and returns the
// calendar with it.
func (d *Desk) SetOverride(ctx context.Context, o data.Override) (*data.Calendar, error) {
	ctx, _, err := d.begin(ctx, data.ActCalendar)
	if err != nil {
		return nil, err
	}
	if err := d.store.SetOverride(ctx, o); err != nil {
		return nil, err
	}
	return d.store.Calendar(ctx)
}

// RemoveOverride puts a day back under the calendar's rules and returns
// the calendar.
func (d *Desk) RemoveOverride(ctx context.Context, date time.Time) (*data.Calendar, error) {
	ctx, _, err := d.begin(ctx, data.ActCalendar)
	if err != nil {
		return nil, err
	}
	if err := d.store.RemoveOverride(ctx, date); err != nil {
		return nil, err
	}
	return d.store.Calendar(ctx)
}

// backuper makes consistent copies of the store.
type backuper interface {
	Backup(ctx context.Context, path string) error
}

// Backup writes a consistent copy of the database to path, which must
// not exist.
// The copy holds personal data: the audit trail records it, in the copy
// too.
func (d *Desk) Backup(ctx context.Context, path string) error {
	ctx, _, err := d.begin(ctx, data.ActBackup)
	if err != nil {
		return err
	}
	b, ok := d.store.(backuper)
	if !ok {
		return fmt.Errorf("counter: backup: the store %T makes no copies", d.store)
	}
	if err := d.store.Audit(ctx, "", "backup", path, ""); err != nil {
		return err
	}
	return b.Backup(ctx, path)
}

// checker examines the store and its data folder.
type checker interface {
	Check(ctx context.Context, dataDir string) (data.Health, error)
}

// Check examines the database, the number journal, the files' modes and
// the backups of the data folder.
func (d *Desk) Check(ctx context.Context) (data.Health, error) {
	c, ok := d.store.(checker)
	if !ok {
		return data.Health{}, fmt.Errorf("counter: check: the store %T cannot be checked", d.store)
	}
	return c.Check(ctx, d.DataDir)
}
