package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/data"
)

var _ data.ManifestService = (*DB)(nil)

// OpenManifest starts a manifest numbered YYMMDD-WNN.
func (db *DB) OpenManifest(ctx context.Context, kind data.ManifestKind, carrier, agency, actor string) (data.Manifest, error) {
	carrier, agency = data.Clean(carrier), data.Clean(agency)
	if err := data.CheckOpening(kind, agency); err != nil {
		return data.Manifest{}, err
	}
	office, err := db.Office(ctx)
	if err != nil {
		return data.Manifest{}, err
	}
	now := db.Now().In(data.Zone)
	var number string
	err = db.inTx(ctx, func(tx *Tx) error {
		day := now.Format("060102")
		var seq int
		if err := tx.QueryRowContext(ctx, `INSERT INTO manifest_sequence (day, last) VALUES (?, 1)
			ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`, day).Scan(&seq); err != nil {
			return err
		}
		if seq > 99 {
			return data.Errorf(data.EConflict, "Máy trạm %d đã mở đủ 99 biên bản trong ngày.", office.Workstation)
		}
		number = fmt.Sprintf("%s-%d%02d", day, office.Workstation, seq)
		if _, err := tx.ExecContext(ctx, `INSERT INTO manifest (number, kind, carrier, agency, opened_at, opened_by)
			VALUES (?, ?, ?, ?, ?, ?)`, number, kind, carrier, agency, now.Format(time.RFC3339), actor); err != nil {
			return err
		}
		if err := remember(ctx, tx, "carrier", carrier, now); err != nil {
			return err
		}
		if err := remember(ctx, tx, "agency", agency, now); err != nil {
			return err
		}
		return db.audit(ctx, tx, actor, "manifest.open", number, string(kind),
			map[string]any{"number": number, "kind": kind, "carrier": carrier, "agency": agency})
	})
	if err != nil {
		return data.Manifest{}, wrapErr("open manifest", err)
	}
	return db.Manifest(ctx, number)
}

// wrapErr passes domain errors through and wraps the others.
func wrapErr(op string, err error) error {
	var de *data.Error
	if err == nil || errors.As(err, &de) {
		return err
	}
	return fmt.Errorf("sqlite: %s: %w", op, err)
}

func remember(ctx context.Context, tx *Tx, role, name string, now time.Time) error {
	if name == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO known_name (role, name, used_at) VALUES (?, ?, ?)
		ON CONFLICT (role, name) DO UPDATE SET uses = uses + 1, used_at = excluded.used_at`, role, name, now.Format(time.RFC3339))
	return err
}

// Names returns remembered names for a role, most used first.
func (db *DB) Names(ctx context.Context, role string) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT name FROM known_name WHERE role = ? ORDER BY uses DESC, used_at DESC LIMIT 50`, role)
	if err != nil {
		return nil, fmt.Errorf("sqlite: names: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("sqlite: names: %w", err)
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Manifest returns a manifest with its items.
func (db *DB) Manifest(ctx context.Context, number string) (data.Manifest, error) {
	return db.manifest(ctx, db.read, data.Clean(number))
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (db *DB) manifest(ctx context.Context, q querier, number string) (data.Manifest, error) {
	var (
		m                        data.Manifest
		opened, closed, reconRaw string
		ignored                  string
	)
	err := q.QueryRowContext(ctx, `SELECT number, kind, status, carrier, agency, opened_at, opened_by, closed_at, officer,
			postal_staff, reconciliation FROM manifest WHERE number = ?`, number).
		Scan(&m.Number, &m.Kind, &m.Status, &m.Carrier, &m.Agency, &opened, &ignored, &closed, &m.Officer, &m.PostalStaff, &reconRaw)
	if errors.Is(err, sql.ErrNoRows) {
		return m, data.Errorf(data.ENotFound, "Không có biên bản số %q.", number)
	}
	if err != nil {
		return m, fmt.Errorf("sqlite: manifest %s: %w", number, err)
	}
	m.OpenedAt = parseStamp(opened)
	m.ClosedAt = parseStamp(closed)
	if reconRaw != "" {
		m.Reconciled = new(data.Reconciliation)
		if err := json.Unmarshal([]byte(reconRaw), m.Reconciled); err != nil {
			return m, fmt.Errorf("sqlite: manifest %s reconciliation: %w", number, err)
		}
	}
	rows, err := q.QueryContext(ctx, `SELECT i.dossier_code, d.applicant_name, d.procedure_name, i.postal_item, i.fee, i.fee_kind,
			i.attempts, i.outcome, i.outcome_at,
			(SELECT COUNT(*) FROM dossier_document x WHERE x.dossier_code = d.code),
			(SELECT COALESCE(SUM(originals), 0) FROM dossier_document x WHERE x.dossier_code = d.code),
			(SELECT COALESCE(SUM(copies), 0) FROM dossier_document x WHERE x.dossier_code = d.code)
		FROM manifest_item i JOIN dossier d ON d.code = i.dossier_code
		WHERE i.manifest_number = ? ORDER BY i.position`, number)
	if err != nil {
		return m, fmt.Errorf("sqlite: manifest %s items: %w", number, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			it        data.ManifestItem
			outcomeAt string
		)
		if err := rows.Scan(&it.DossierCode, &it.Applicant, &it.ProcedureName, &it.PostalItem, &it.Fee, &it.FeeKind, &it.Attempts,
			&it.Outcome, &outcomeAt, &it.Documents, &it.Originals, &it.Copies); err != nil {
			return m, fmt.Errorf("sqlite: manifest %s items: %w", number, err)
		}
		it.OutcomeAt = parseStamp(outcomeAt)
		m.Items = append(m.Items, it)
	}
	return m, rows.Err()
}

func parseStamp(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}
	}
	return t.In(data.Zone)
}

// Manifests lists open manifests and those closed since a time, newest first.
func (db *DB) Manifests(ctx context.Context, closedSince time.Time) ([]data.Manifest, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT number FROM manifest
		WHERE status = 'open' OR closed_at >= ? ORDER BY status = 'open' DESC, number DESC`, closedSince.In(data.Zone).Format(time.RFC3339))
	if err != nil {
		return nil, fmt.Errorf("sqlite: manifests: %w", err)
	}
	var numbers []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: manifests: %w", err)
		}
		numbers = append(numbers, n)
	}
	rows.Close()
	ms := make([]data.Manifest, 0, len(numbers))
	for _, n := range numbers {
		m, err := db.Manifest(ctx, n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, nil
}

// openManifest reads a manifest in a transaction and refuses a closed one.
func (db *DB) openManifest(ctx context.Context, tx *Tx, number string) (data.Manifest, error) {
	m, err := db.manifest(ctx, tx, number)
	if err != nil {
		return m, err
	}
	if m.Status != data.ManifestOpen {
		return m, data.Errorf(data.EConflict, "Biên bản %s đã ký lúc %s, không sửa được nữa.", number, m.ClosedAt.Format("15:04 02/01/2006"))
	}
	return m, nil
}

// allowedOn says whether a dossier may travel on a manifest of a kind.
func allowedOn(kind data.ManifestKind, d data.Dossier) error {
	switch kind {
	case data.ManifestFromPost:
		if d.Channel != data.ChannelPostal {
			return data.Errorf(data.EConflict, "Hồ sơ %s không nộp qua bưu chính (kênh: %s).", d.Code, d.Channel.Label())
		}
		if d.Status != data.StatusReceived {
			return data.Errorf(data.EConflict, "Hồ sơ %s đang ở trạng thái %q, không nhận từ bưu điện được.", d.Code, d.Status.Label())
		}
	case data.ManifestToAgency:
		if !data.CanTransition(d.Status, data.StatusTransferred) {
			return data.Errorf(data.EConflict, "Hồ sơ %s đang ở trạng thái %q, không chuyển cơ quan giải quyết được.", d.Code, d.Status.Label())
		}
	case data.ManifestToCitizen:
		if d.Status != data.StatusResultReady {
			return data.Errorf(data.EConflict, "Hồ sơ %s chưa có kết quả (trạng thái %q).", d.Code, d.Status.Label())
		}
		if d.ReturnMethod != data.ReturnPost {
			return data.Errorf(data.EConflict, "Hồ sơ %s đăng ký nhận kết quả tại quầy, không gửi bưu điện.", d.Code)
		}
	}
	return nil
}

// AddItem puts a dossier on an open manifest and returns the manifest.
func (db *DB) AddItem(ctx context.Context, number string, add data.ManifestAdd, actor string) (data.Manifest, error) {
	code := data.Clean(add.DossierCode)
	var out data.Manifest
	err := db.inTx(ctx, func(tx *Tx) error {
		m, err := db.openManifest(ctx, tx, data.Clean(number))
		if err != nil {
			return err
		}
		d, err := db.Dossier(ctx, code)
		if err != nil {
			return err
		}
		if err := allowedOn(m.Kind, d); err != nil {
			return err
		}
		var other string
		err = tx.QueryRowContext(ctx, `SELECT m.number FROM manifest_item i JOIN manifest m ON m.number = i.manifest_number
			WHERE i.dossier_code = ? AND (m.status = 'open' OR (m.kind = ? AND m.kind = 'from-post'))`, code, m.Kind).Scan(&other)
		switch {
		case err == nil && other == m.Number:
			return data.Errorf(data.EConflict, "Hồ sơ %s đã có trong biên bản này.", code)
		case err == nil:
			return data.Errorf(data.EConflict, "Hồ sơ %s đã nằm trong biên bản %s.", code, other)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		postal := add.PostalItem
		if postal == "" {
			postal = d.PostalItem
		}
		if add.Fee < 0 {
			return data.Errorf(data.EInvalid, "%s của hồ sơ %s không được âm.", m.Kind.FeeLabel(), code)
		}
		kind := data.FeeUnstated
		if m.Kind == data.ManifestFromPost && add.Fee > 0 {
			if kind, err = db.postalFeeKind(ctx, tx, d, add); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO manifest_item (manifest_number, dossier_code, position, postal_item, fee, fee_kind)
			VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM manifest_item WHERE manifest_number = ?), ?, ?, ?)`,
			m.Number, code, m.Number, postal, add.Fee, kind)
		if err != nil {
			return err
		}
		if err := db.audit(ctx, tx, actor, "manifest.add", m.Number, code,
			map[string]any{"number": m.Number, "dossier": code, "postal_item": postal, "fee": add.Fee}); err != nil {
			return err
		}
		out, err = db.manifest(ctx, tx, m.Number)
		return err
	})
	return out, wrapErr("add manifest item", err)
}

// postalFeeKind checks the fee a postman collected for a dossier and
// returns its kind: the one named, or that of the procedure's only fee.
func (db *DB) postalFeeKind(ctx context.Context, tx *Tx, d data.Dossier, add data.ManifestAdd) (data.FeeKind, error) {
	if add.Fee > data.MaxFee {
		return "", data.Errorf(data.EInvalid, "Phí, lệ phí %s của hồ sơ %s vượt mức tối đa %s; hãy kiểm tra lại.",
			data.FormatVND(add.Fee), d.Code, data.FormatVND(data.MaxFee))
	}
	if len(d.Fees) > 0 {
		return "", data.Errorf(data.EConflict, "Hồ sơ %s đã thu phí, lệ phí khi tiếp nhận (%s); không ghi thêm khoản bưu điện thu.",
			d.Code, data.FormatVND(d.Fees[0].Amount))
	}
	office, err := db.Office(ctx)
	if err != nil {
		return "", err
	}
	if !office.Collector.Configured() {
		return "", data.Errorf(data.EInvalid, "Đơn vị chưa thiết lập tổ chức thu phí, lệ phí (tên, mã số thuế) nên chưa lập được biên lai cho khoản bưu điện thu: hãy thiết lập ở màn hình Thiết lập đơn vị hoặc bằng motcua init --fee-collector \"…\" --tax-code ….")
	}
	if add.FeeKind.Valid() {
		return add.FeeKind, nil
	}
	p, err := db.intakeProcedure(ctx, db.read, d.ProcedureCode)
	if err != nil {
		return "", err
	}
	if a := p.Fees.Amounts; len(a) == 1 && a[0].Kind.Valid() {
		return a[0].Kind, nil
	}
	return "", data.Errorf(data.EInvalid, "Hãy ghi loại khoản bưu điện thu của hồ sơ %s: phí hay lệ phí (ví dụ --fee le-phi:%d).", d.Code, add.Fee)
}

// RemoveItem takes a dossier off an open manifest and returns the manifest.
func (db *DB) RemoveItem(ctx context.Context, number, code, actor string) (data.Manifest, error) {
	var out data.Manifest
	err := db.inTx(ctx, func(tx *Tx) error {
		m, err := db.openManifest(ctx, tx, data.Clean(number))
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM manifest_item WHERE manifest_number = ? AND dossier_code = ?`, m.Number, data.Clean(code))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENotFound, "Hồ sơ %s không có trong biên bản %s.", code, m.Number)
		}
		if err := db.audit(ctx, tx, actor, "manifest.remove", m.Number, code,
			map[string]any{"number": m.Number, "dossier": data.Clean(code)}); err != nil {
			return err
		}
		out, err = db.manifest(ctx, tx, m.Number)
		return err
	})
	return out, wrapErr("remove manifest item", err)
}

// CloseManifest signs a manifest: it records both signers and the time,
// and moves every dossier on it, all in one transaction.
func (db *DB) CloseManifest(ctx context.Context, number, officer, postalStaff string) (data.Manifest, error) {
	officer, postalStaff = data.Clean(officer), data.Clean(postalStaff)
	if err := data.CheckSigners(officer, postalStaff); err != nil {
		return data.Manifest{}, err
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return data.Manifest{}, err
	}
	office, err := db.Office(ctx)
	if err != nil {
		return data.Manifest{}, err
	}
	now := db.Now().In(data.Zone).Truncate(time.Second)
	stamp := now.Format(time.RFC3339)
	err = db.inTx(ctx, func(tx *Tx) error {
		m, err := db.openManifest(ctx, tx, data.Clean(number))
		if err != nil {
			return err
		}
		if len(m.Items) == 0 {
			return data.Errorf(data.EInvalid, "Biên bản %s chưa có hồ sơ nào.", m.Number)
		}
		for _, it := range m.Items {
			if err := db.moveOnClose(ctx, tx, m, it, officer, now, cal); err != nil {
				return err
			}
			if m.Kind == data.ManifestFromPost && it.Fee > 0 {
				if err := db.postalFee(ctx, tx, office, m, it, officer, postalStaff, now); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE manifest SET status = 'closed', closed_at = ?, officer = ?, postal_staff = ?
			WHERE number = ?`, stamp, officer, postalStaff, m.Number); err != nil {
			return err
		}
		if err := remember(ctx, tx, "officer", officer, now); err != nil {
			return err
		}
		if err := remember(ctx, tx, "postal", postalStaff, now); err != nil {
			return err
		}
		// What the signing changed travels to the province dossier by
		// dossier; the manifest itself is the office's paper.
		return db.audit(ctx, tx, officer, "manifest.close", m.Number, fmt.Sprintf("%d hồ sơ, bưu điện: %s", len(m.Items), postalStaff),
			map[string]any{"number": m.Number, "officer": officer, "postal_staff": postalStaff, "closed_at": now.Format(time.RFC3339), "items": len(m.Items)})
	})
	if err != nil {
		return data.Manifest{}, wrapErr("close manifest", err)
	}
	return db.Manifest(ctx, number)
}

// postalFee records the fee a postman collected for a dossier of a
// from-post manifest as the dossier's fee collected by post, with its
// receipt, now that both sides signed for the money.
func (db *DB) postalFee(ctx context.Context, tx *Tx, office data.Office, m data.Manifest, it data.ManifestItem,
	officer, postalStaff string, now time.Time) error {
	d, err := db.dossierTx(ctx, tx, it.DossierCode)
	if err != nil {
		return err
	}
	r, err := db.issueReceipt(ctx, tx, office, d, data.FeePaid{Kind: it.FeeKind, Amount: it.Fee, Method: data.PayCash}, now, officer, postalStaff)
	if err != nil {
		return err
	}
	note := postalFeeNote(r, m.Number)
	if err := db.event(ctx, tx, d.Code, officer, "fees", d.Status, d.Status, note); err != nil {
		return err
	}
	return db.enqueue(ctx, tx, data.ChangeDossierFees, d.Code, data.FeesRecord{Code: d.Code, Actor: officer, Note: note,
		Receipts: []data.FeeReceiptRecord{data.NewFeeReceiptRecord(r)}})
}

// postalFeeNote is the history's line for a fee a postman collected and
// handed over with a from-post manifest.
func postalFeeNote(r data.FeeReceipt, manifest string) string {
	return fmt.Sprintf("Bưu điện thu %s %s (biên lai số %s), giao theo biên bản %s", strings.ToLower(r.Kind.Label()),
		data.FormatVND(r.Amount), r.NumberText(), manifest)
}

// moveOnClose applies a signed manifest to one of its dossiers.
func (db *DB) moveOnClose(ctx context.Context, tx *Tx, m data.Manifest, it data.ManifestItem, actor string, now time.Time, cal *data.Calendar) error {
	d, err := db.dossierTx(ctx, tx, it.DossierCode)
	if err != nil {
		return err
	}
	if err := allowedOn(m.Kind, d); err != nil {
		return err
	}
	switch m.Kind {
	case data.ManifestFromPost:
		// The signing time is the legal filing time: the clock starts now.
		var cutoff string
		tx.QueryRowContext(ctx, `SELECT same_day_cutoff FROM procedure WHERE code = ?`, d.ProcedureCode).Scan(&cutoff)
		clock, _ := data.ParseClock(cutoff)
		due := cal.Due(now, d.WorkingDays, clock)
		if _, err := tx.ExecContext(ctx, `UPDATE dossier SET received_at = ?, due_date = ?, postal_item = ?, updated_at = ? WHERE code = ?`,
			now.Format(time.RFC3339), due.Format(dateLayout), it.PostalItem, db.stamp(), d.Code); err != nil {
			return err
		}
		note := fmt.Sprintf("Giao nhận với bưu điện theo biên bản %s: thời điểm nộp %s, hẹn trả %s", m.Number, now.Format("15:04 02/01/2006"), due.Format("02/01/2006"))
		if err := db.event(ctx, tx, d.Code, actor, "filed", d.Status, d.Status, note); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, data.ChangeDossierUpdated, d.Code, data.DossierUpdate{Code: d.Code, Action: data.UpdateFiled,
			Actor: actor, Note: note, ReceivedAt: now.Format(time.RFC3339), DueDate: due.Format(dateLayout)})
	case data.ManifestToAgency:
		return db.setStatusTx(ctx, tx, d.Code, d.Status, data.StatusTransferred, actor, "Chuyển "+m.Agency+" theo biên bản "+m.Number)
	case data.ManifestToCitizen:
		note := "Giao bưu điện phát kết quả theo biên bản " + m.Number
		if it.PostalItem != "" {
			note += ", bưu gửi " + it.PostalItem
		}
		if err := db.event(ctx, tx, d.Code, actor, data.UpdateToPost, d.Status, d.Status, note); err != nil {
			return err
		}
		if it.PostalItem == "" {
			return nil
		}
		// The province learns the item, so that the post's reports of its
		// delivery find the dossier.
		return db.enqueue(ctx, tx, data.ChangeDossierUpdated, d.Code, data.DossierUpdate{Code: d.Code, Action: data.UpdateToPost,
			Actor: actor, Note: note, ResultItem: it.PostalItem})
	}
	return nil
}

// SaveReconciliation stores the result of checking a manifest's items
// and returns the manifest.
func (db *DB) SaveReconciliation(ctx context.Context, number string, r data.Reconciliation) (data.Manifest, error) {
	raw, err := json.Marshal(r)
	if err != nil {
		return data.Manifest{}, err
	}
	var out data.Manifest
	err = db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE manifest SET reconciliation = ? WHERE number = ?`, string(raw), data.Clean(number))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENotFound, "Không có biên bản số %q.", number)
		}
		if err := db.audit(ctx, tx, r.Actor, "manifest.reconcile", number,
			fmt.Sprintf("thiếu %d, thừa %d", len(r.Missing), len(r.Unexpected)), r); err != nil {
			return err
		}
		out, err = db.manifest(ctx, tx, data.Clean(number))
		return err
	})
	return out, wrapErr("save reconciliation", err)
}

// RecordDelivery records a delivery attempt of a result sent by post:
// delivered closes the dossier as returned; the second failure sends the
// result back to the office.
func (db *DB) RecordDelivery(ctx context.Context, number, code string, delivered bool, actor string) (data.Manifest, error) {
	var (
		item data.ManifestItem
		out  data.Manifest
	)
	err := db.inTx(ctx, func(tx *Tx) error {
		m, err := db.manifest(ctx, tx, data.Clean(number))
		if err != nil {
			return err
		}
		if m.Kind != data.ManifestToCitizen {
			return data.Errorf(data.EInvalid, "Biên bản %s không phải biên bản giao kết quả cho bưu điện.", m.Number)
		}
		if m.Status != data.ManifestClosed {
			return data.Errorf(data.EConflict, "Biên bản %s chưa ký giao, chưa phát được.", m.Number)
		}
		found := false
		for _, it := range m.Items {
			if it.DossierCode == data.Clean(code) {
				item, found = it, true
			}
		}
		if !found {
			return data.Errorf(data.ENotFound, "Hồ sơ %s không có trong biên bản %s.", code, m.Number)
		}
		if item.Outcome == data.DeliveryDelivered || item.Outcome == data.DeliveryReturning {
			return data.Errorf(data.EConflict, "Kết quả hồ sơ %s đã được ghi nhận (%s).", item.DossierCode, item.Outcome)
		}
		now := db.Now().In(data.Zone)
		if delivered {
			item.Outcome = data.DeliveryDelivered
			if err := db.setStatusTx(ctx, tx, item.DossierCode, data.StatusResultReady, data.StatusReturned, actor,
				"Bưu điện đã phát kết quả (biên bản "+m.Number+")"); err != nil {
				return err
			}
		} else {
			item.Attempts++
			item.Outcome = data.DeliveryFailed
			note := fmt.Sprintf("Phát không thành công lần %d (biên bản %s)", item.Attempts, m.Number)
			if item.Attempts >= data.MaxDeliveryAttempts {
				item.Outcome = data.DeliveryReturning
				note += ": kết quả chuyển về bộ phận một cửa, trả tại quầy"
				if _, err := tx.ExecContext(ctx, `UPDATE dossier SET return_method = 'counter', updated_at = ? WHERE code = ?`,
					db.stamp(), item.DossierCode); err != nil {
					return err
				}
			}
			if err := db.event(ctx, tx, item.DossierCode, actor, "delivery-failed", data.StatusResultReady, data.StatusResultReady, note); err != nil {
				return err
			}
			update := data.DossierUpdate{Code: item.DossierCode, Action: data.UpdateDelivery, Actor: actor, Note: note}
			if item.Outcome == data.DeliveryReturning {
				update.ReturnMethod = string(data.ReturnCounter)
			}
			if err := db.enqueue(ctx, tx, data.ChangeDossierUpdated, item.DossierCode, update); err != nil {
				return err
			}
		}
		item.OutcomeAt = now
		_, err = tx.ExecContext(ctx, `UPDATE manifest_item SET attempts = ?, outcome = ?, outcome_at = ?
			WHERE manifest_number = ? AND dossier_code = ?`, item.Attempts, item.Outcome, now.Format(time.RFC3339), m.Number, item.DossierCode)
		if err != nil {
			return err
		}
		out, err = db.manifest(ctx, tx, m.Number)
		return err
	})
	return out, wrapErr("record delivery", err)
}

// ResultsBack marks ready, in one transaction, the results of the
// dossiers a signed to-agency manifest sent that are still at the agency,
// and returns their codes.
func (db *DB) ResultsBack(ctx context.Context, number, actor string) ([]string, error) {
	var ready []string
	err := db.inTx(ctx, func(tx *Tx) error {
		m, err := db.manifest(ctx, tx, data.Clean(number))
		if err != nil {
			return err
		}
		if m.Kind != data.ManifestToAgency || m.Status != data.ManifestClosed {
			return data.Errorf(data.EInvalid, "Biên bản %s không phải biên bản chuyển cơ quan giải quyết đã ký.", m.Number)
		}
		for _, it := range m.Items {
			d, err := db.dossierTx(ctx, tx, it.DossierCode)
			if err != nil {
				return err
			}
			if d.Status != data.StatusTransferred {
				continue
			}
			if err := db.setStatusTx(ctx, tx, d.Code, d.Status, data.StatusResultReady, actor, "Kết quả về theo biên bản "+m.Number); err != nil {
				return err
			}
			ready = append(ready, d.Code)
		}
		return nil
	})
	if err != nil {
		return nil, wrapErr("results back", err)
	}
	return ready, nil
}

// DossierByPostalItem finds the dossier that carries a postal item number.
func (db *DB) DossierByPostalItem(ctx context.Context, item string) (data.Dossier, error) {
	var code string
	err := db.read.QueryRowContext(ctx, `SELECT code FROM dossier WHERE postal_item = ?
		UNION SELECT dossier_code FROM manifest_item WHERE postal_item = ? LIMIT 1`, item, item).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) {
		return data.Dossier{}, data.Errorf(data.ENotFound, "Không có hồ sơ nào mang số hiệu bưu gửi %s.", item)
	}
	if err != nil {
		return data.Dossier{}, fmt.Errorf("sqlite: dossier by postal item: %w", err)
	}
	return db.Dossier(ctx, code)
}

// RecordManifestPrint counts a printout of a manifest.
func (db *DB) RecordManifestPrint(ctx context.Context, number, actor string) (int, error) {
	var n int
	err := db.inTx(ctx, func(tx *Tx) error {
		err := tx.QueryRowContext(ctx, `UPDATE manifest SET prints = prints + 1 WHERE number = ? RETURNING prints - 1`, data.Clean(number)).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Errorf(data.ENotFound, "Không có biên bản số %q.", number)
		}
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, actor, "print.manifest", number, fmt.Sprintf("lần in %d", n+1), map[string]any{"reprint": n})
	})
	return n, wrapErr("record manifest print", err)
}
