package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"motcua/data"
)

// Office returns the office configuration.
func (db *DB) Office(ctx context.Context) (data.Office, error) {
	return db.office(ctx, db.read)
}

func (db *DB) office(ctx context.Context, q querier) (data.Office, error) {
	var o data.Office
	c := &o.Collector
	err := q.QueryRowContext(ctx, `SELECT agency_code, name, parent, place, workstation, tracking_prefix, paper_size, lock_minutes,
			collector_name, collector_tax_code, collector_address, receipt_form, receipt_series
		FROM office WHERE id = 1`).Scan(&o.AgencyCode, &o.Name, &o.Parent, &o.Place, &o.Workstation, &o.TrackingPrefix, &o.PaperSize, &o.LockMinutes,
		&c.Name, &c.TaxCode, &c.Address, &c.FormSymbol, &c.SeriesLetters)
	if errors.Is(err, sql.ErrNoRows) {
		return o, data.Errorf(data.ENotFound, "Chưa cấu hình đơn vị: hãy chạy thiết lập ban đầu (motcua init).")
	}
	if err != nil {
		return o, fmt.Errorf("sqlite: office: %w", err)
	}
	return o, nil
}

// SaveOffice validates and stores the office configuration. Once the
// workstation is enrolled, a new name or place is queued for the province,
// which shows it on its public tracking page (the enrollment carried the
// first ones).
func (db *DB) SaveOffice(ctx context.Context, o data.Office) error {
	o.Normalize()
	if err := o.Validate(); err != nil {
		return err
	}
	err := db.inTx(ctx, func(tx *Tx) error {
		if err := keepWorkstation(ctx, tx, o.Workstation); err != nil {
			return err
		}
		var name, place, token string
		err := tx.QueryRowContext(ctx, `SELECT o.name, o.place, COALESCE((SELECT token FROM sync_state WHERE id = 1), '')
			FROM office o WHERE o.id = 1`).Scan(&name, &place, &token)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		c := o.Collector
		if _, err := tx.ExecContext(ctx, `INSERT INTO office
			(id, agency_code, name, parent, place, workstation, tracking_prefix, paper_size, lock_minutes,
				collector_name, collector_tax_code, collector_address, receipt_form, receipt_series, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET agency_code = excluded.agency_code, name = excluded.name,
				parent = excluded.parent, place = excluded.place, workstation = excluded.workstation,
				tracking_prefix = excluded.tracking_prefix, paper_size = excluded.paper_size, lock_minutes = excluded.lock_minutes,
				collector_name = excluded.collector_name, collector_tax_code = excluded.collector_tax_code,
				collector_address = excluded.collector_address, receipt_form = excluded.receipt_form,
				receipt_series = excluded.receipt_series, updated_at = excluded.updated_at`,
			o.AgencyCode, o.Name, o.Parent, o.Place, o.Workstation, o.TrackingPrefix, o.PaperSize, o.LockMinutes,
			c.Name, c.TaxCode, c.Address, c.FormSymbol, c.SeriesLetters, db.stamp()); err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "", "office.save", o.AgencyCode, fmt.Sprintf("máy trạm %d", o.Workstation), o); err != nil {
			return err
		}
		if token == "" || (name == o.Name && place == o.Place) {
			return nil
		}
		return db.enqueue(ctx, tx, data.ChangeOfficeProfile, o.AgencyCode,
			data.OfficeProfile{AgencyCode: o.AgencyCode, Name: o.Name, Place: o.Place})
	})
	return wrapErr("save office", err)
}

// keepWorkstation refuses another workstation number once dossiers were
// taken here: the number is in their codes and register lines, and a
// folder that changed it would issue numbers of two workstations.
func keepWorkstation(ctx context.Context, tx *Tx, ws int) error {
	var old, taken int
	err := tx.QueryRowContext(ctx, `SELECT workstation, (SELECT COUNT(*) FROM dossier WHERE dossier.workstation = office.workstation)
		FROM office WHERE id = 1`).Scan(&old, &taken)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (old == ws || taken == 0)) {
		return nil
	}
	if err != nil {
		return err
	}
	return data.Errorf(data.EConflict, "Máy này đã tiếp nhận %d hồ sơ với số máy trạm %d, nên không đổi sang máy trạm %d được (số máy trạm nằm trong mã hồ sơ và sổ theo dõi). "+
		"Nếu đây là máy thay cho máy trạm %d, hãy dùng một thư mục dữ liệu mới, thiết lập máy trạm %d và đăng ký bằng mã máy thay thế của tỉnh (motcua-server enroll --workstation %d --replace).",
		taken, old, ws, ws, ws, ws)
}
