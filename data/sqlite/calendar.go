package sqlite

import (
	"context"
	"fmt"
	"time"

	"motcua/data"
)

const dateLayout = "2006-01-02"

// Overrides lists every per-date override by date.
func (db *DB) Overrides(ctx context.Context) ([]data.Override, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT date, off, name FROM calendar_override ORDER BY date`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: overrides: %w", err)
	}
	defer rows.Close()
	var os []data.Override
	for rows.Next() {
		var (
			o    data.Override
			date string
		)
		if err := rows.Scan(&date, &o.Off, &o.Name); err != nil {
			return nil, fmt.Errorf("sqlite: overrides: %w", err)
		}
		if o.Date, err = data.ParseDate(date); err != nil {
			return nil, fmt.Errorf("sqlite: overrides: %w", err)
		}
		os = append(os, o)
	}
	return os, rows.Err()
}

// SetOverride adds or replaces the override of a date.
func (db *DB) SetOverride(ctx context.Context, o data.Override) error {
	if o.Name = data.Clean(o.Name); o.Name == "" {
		return data.Errorf(data.EInvalid, "Hãy nhập tên (lý do) của ngày %s.", o.Date.Format("02/01/2006"))
	}
	rec := data.OverrideRecord{Date: o.Date.Format(dateLayout), Off: o.Off, Name: o.Name}
	err := db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO calendar_override (date, off, name, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (date) DO UPDATE SET off = excluded.off, name = excluded.name, updated_at = excluded.updated_at`,
			rec.Date, o.Off, o.Name, db.stamp()); err != nil {
			return err
		}
		return db.audit(ctx, tx, "", "calendar.set", rec.Date, o.Name, rec)
	})
	if err != nil {
		return fmt.Errorf("sqlite: set override: %w", err)
	}
	db.dropCalendar()
	return nil
}

// RemoveOverride deletes the override of a date.
func (db *DB) RemoveOverride(ctx context.Context, date time.Time) error {
	day := date.Format(dateLayout)
	err := db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM calendar_override WHERE date = ?`, day)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENotFound, "Ngày %s không có điều chỉnh nào để xoá.", date.Format("02/01/2006"))
		}
		return db.audit(ctx, tx, "", "calendar.remove", day, "", map[string]string{"date": day})
	})
	if err != nil {
		return wrapErr("remove override", err)
	}
	db.dropCalendar()
	return nil
}

// Calendar returns the default-rule calendar with every override.
func (db *DB) Calendar(ctx context.Context) (*data.Calendar, error) {
	db.calMu.Lock()
	defer db.calMu.Unlock()
	if db.cal != nil {
		return db.cal, nil
	}
	os, err := db.Overrides(ctx)
	if err != nil {
		return nil, err
	}
	db.cal = data.NewCalendar(data.DefaultRules(), os)
	return db.cal, nil
}

func (db *DB) dropCalendar() {
	db.calMu.Lock()
	db.cal = nil
	db.calMu.Unlock()
}
