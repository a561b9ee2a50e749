package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"motcua/data"
)

var _ data.PrinterService = (*DB)(nil)

// Printer returns the printer chosen for this workstation; "" is the
// system's default.
func (db *DB) Printer(ctx context.Context) (string, error) {
	var name string
	err := db.read.QueryRowContext(ctx, `SELECT name FROM printer WHERE id = 1`).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: printer: %w", err)
	}
	return name, nil
}

// SetPrinter remembers the printer for this workstation.
func (db *DB) SetPrinter(ctx context.Context, name string) error {
	name = data.Clean(name)
	if err := data.CheckPrinterName(name); err != nil {
		return err
	}
	err := db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO printer (id, name, updated_at) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`, name, db.stamp()); err != nil {
			return err
		}
		return db.audit(ctx, tx, "", "printer.set", name, "", map[string]string{"printer": name})
	})
	if err != nil {
		return fmt.Errorf("sqlite: set printer: %w", err)
	}
	return nil
}
