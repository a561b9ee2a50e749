package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"motcua/data"
	"motcua/data/intake"
)

// PostalKey is the postal operator's caller a key identifies.
type PostalKey struct {
	ID   int64
	Name string
}

var (
	errPostalUnauthorized = data.Errorf(EUnauthorized, "Khoá truy cập của bưu điện không đúng. Hãy dùng khoá tỉnh cấp (motcua-server postal-key).")
	errPostalRevoked      = data.Errorf(EForbidden, "Khoá truy cập này đã bị tỉnh thu hồi. Hãy xin tỉnh cấp khoá mới.")
)

// checkKeyName checks the name a postal key is issued under.
func checkKeyName(name string) error {
	var bad data.Fields
	if name == "" {
		bad.Add("name", "chưa ghi tên khoá (ví dụ \"VNPost Cần Thơ\")")
	} else if p := data.CheckText("tên khoá", name, data.MaxNameLen); p != "" {
		bad.Add("name", "%s", p)
	}
	return bad.Err("Không tạo được khoá cho bưu điện.")
}

// NewPostalKey creates a key for the postal operator under a name and
// returns it; only its hash is kept, so it is shown this once.
func (s *Store) NewPostalKey(ctx context.Context, name string) (string, error) {
	name = data.Clean(name)
	if err := checkKeyName(name); err != nil {
		return "", err
	}
	key := base64.RawURLEncoding.EncodeToString(secret(32))
	tag, err := s.pool.Exec(ctx, `INSERT INTO postal_key (name, key_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING`, name, hash(key))
	if err != nil {
		return "", fmt.Errorf("server: new postal key: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return "", data.Errorf(data.EConflict, "Đã có khoá bưu điện tên %q đang dùng. Muốn thay khoá, hãy thu hồi khoá cũ trước: motcua-server postal-key --revoke %q.", name, name)
	}
	return key, nil
}

// RevokePostalKey stops the key in force under a name at once.
func (s *Store) RevokePostalKey(ctx context.Context, name string) error {
	name = data.Clean(name)
	tag, err := s.pool.Exec(ctx, `UPDATE postal_key SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, name)
	if err != nil {
		return fmt.Errorf("server: revoke postal key: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return data.Errorf(data.ENotFound, "Không có khoá bưu điện nào tên %q đang dùng.", name)
	}
	return nil
}

// AuthenticatePostal returns the postal key a bearer key is: EUnauthorized
// for a key never issued, EForbidden for a revoked one.
func (s *Store) AuthenticatePostal(ctx context.Context, key string) (PostalKey, error) {
	var (
		k       PostalKey
		revoked *time.Time
	)
	if key == "" {
		return k, errPostalUnauthorized
	}
	err := s.pool.QueryRow(ctx, `SELECT id, name, revoked_at FROM postal_key WHERE key_hash = $1`, hash(key)).Scan(&k.ID, &k.Name, &revoked)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return k, errPostalUnauthorized
	case err != nil:
		return k, fmt.Errorf("server: authenticate postal key: %w", err)
	case revoked != nil:
		return k, errPostalRevoked
	}
	return k, nil
}

// procedure returns the province's catalogue entry of a code, the zero
// Procedure when it has none.
func (s *Store) procedure(ctx context.Context, code string) (data.Procedure, error) {
	var rec data.ProcedureRecord
	err := s.pool.QueryRow(ctx, `SELECT record FROM procedure WHERE code = $1`, data.Clean(code)).Scan(&rec)
	if errors.Is(err, pgx.ErrNoRows) {
		return data.Procedure{}, nil
	}
	if err != nil {
		return data.Procedure{}, err
	}
	return rec.Procedure(), nil
}

// Announce records a dossier the postal operator collected and passes it
// to its office's workstations. It reports whether the item is new: an
// identical repeat is not recorded twice, one that differs is EConflict.
func (s *Store) Announce(ctx context.Context, k PostalKey, a data.PostalAnnouncement, now time.Time) (bool, error) {
	p, err := s.procedure(ctx, a.ProcedureCode)
	if err != nil {
		return false, fmt.Errorf("server: announce: %w", err)
	}
	if err := intake.CheckAnnouncement(&a, p, now); err != nil {
		return false, err
	}
	var officeID int64
	err = s.pool.QueryRow(ctx, `SELECT id FROM office WHERE agency_code = $1`, a.AgencyCode).Scan(&officeID)
	if errors.Is(err, pgx.ErrNoRows) {
		var bad data.Fields
		bad.Add("agency_code", "đơn vị %s chưa kết nối với cơ sở dữ liệu của tỉnh", a.AgencyCode)
		return false, bad.Err("Thông báo bưu gửi chưa hợp lệ, chưa ghi:")
	}
	if err != nil {
		return false, fmt.Errorf("server: announce: %w", err)
	}
	created := false
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := lockOffice(ctx, tx, officeID); err != nil {
			return err
		}
		var prior data.PostalAnnouncement
		err := tx.QueryRow(ctx, `SELECT record FROM postal_item WHERE item = $1 FOR UPDATE`, a.Item).Scan(&prior)
		switch {
		case err == nil:
			if !sameAnnouncement(prior, a) {
				return data.Errorf(data.EConflict, "Bưu gửi %s đã được báo lúc %s với nội dung khác. Chưa ghi gì; nếu phiếu gửi có sai sót, hãy liên hệ đơn vị nhận.",
					a.Item, prior.Announced().In(data.Zone).Format("15:04 02/01/2006"))
			}
			return nil
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		a.AnnouncedAt = now.In(data.Zone).Format(time.RFC3339)
		rec, err := json.Marshal(a)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `INSERT INTO postal_item (item, office_id, record, key_id, collected_at, announced_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, a.Item, officeID, rec, k.ID, a.Collected(), now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 { // announced meanwhile for another office
			return data.Errorf(data.EConflict, "Bưu gửi %s đã được báo cho một đơn vị khác. Chưa ghi gì.", a.Item)
		}
		created = true
		_, err = tx.Exec(ctx, `INSERT INTO feed (office_id, workstation_id, key, kind, subject, payload, at)
			VALUES ($1, NULL, $2, $3, $4, $5, $6)`, officeID, newKey(), string(data.ChangePostalItem), a.Item, rec, now)
		return err
	})
	if err != nil && data.ErrorCode(err) == data.EInternal {
		return false, fmt.Errorf("server: announce %s: %w", a.Item, err)
	}
	return created, err
}

// sameAnnouncement reports whether two announcements say the same, the
// time the province took them aside.
func sameAnnouncement(a, b data.PostalAnnouncement) bool {
	a.AnnouncedAt, b.AnnouncedAt = "", ""
	ra, _ := json.Marshal(a)
	rb, _ := json.Marshal(b)
	return bytes.Equal(ra, rb)
}

// DeliveryResult is the province's answer to a delivery report.
type DeliveryResult struct {
	Item     string      `json:"item"`
	Outcome  string      `json:"outcome"` // delivered, failed, or returning after the last failure
	Attempts int         `json:"attempts"`
	Status   data.Status `json:"status"` // the dossier's status after it
}

// Deliver records a delivery attempt the postal operator reports for a
// result handed to it on a to-citizen manifest: delivered closes the
// dossier as returned; the last failure brings the result back to the
// office. The change reaches the office's workstations through the feed.
// It reports whether the report is new: a report repeated (same item and
// time) is answered as the first was; one that differs is EConflict.
func (s *Store) Deliver(ctx context.Context, k PostalKey, d data.PostalDelivery, now time.Time) (DeliveryResult, bool, error) {
	if err := intake.CheckDelivery(&d, now); err != nil {
		return DeliveryResult{}, false, err
	}
	at, _ := time.Parse(time.RFC3339, d.At) // checked
	var (
		res     = DeliveryResult{Item: d.Item}
		created bool
	)
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var officeID int64
		err := tx.QueryRow(ctx, `SELECT d.office_id FROM postal_result r JOIN dossier d ON d.code = r.dossier_code WHERE r.item = $1`, d.Item).Scan(&officeID)
		if errors.Is(err, pgx.ErrNoRows) {
			return data.Errorf(data.ENotFound, "Không có kết quả nào giao bưu điện phát với số hiệu %s.", d.Item)
		}
		if err != nil {
			return err
		}
		if err := lockOffice(ctx, tx, officeID); err != nil {
			return err
		}
		var (
			code    string
			status  data.Status
			outcome string
		)
		if err := tx.QueryRow(ctx, `SELECT r.dossier_code, r.attempts, r.outcome, d.status FROM postal_result r
			JOIN dossier d ON d.code = r.dossier_code WHERE r.item = $1 FOR UPDATE`, d.Item).
			Scan(&code, &res.Attempts, &outcome, &status); err != nil {
			return err
		}
		var prior data.PostalDelivery
		var priorOutcome string
		err = tx.QueryRow(ctx, `SELECT record, outcome FROM postal_delivery WHERE item = $1 AND at = $2`, d.Item, at).Scan(&prior, &priorOutcome)
		switch {
		case err == nil && prior == d:
			res.Outcome, res.Status = priorOutcome, status
			return nil
		case err == nil:
			return data.Errorf(data.EConflict, "Lần phát lúc %s của bưu gửi %s đã được báo với nội dung khác. Chưa ghi gì.",
				at.In(data.Zone).Format("15:04 02/01/2006"), d.Item)
		case !errors.Is(err, pgx.ErrNoRows):
			return err
		}
		switch {
		case outcome == data.DeliveryDelivered || outcome == data.DeliveryReturning:
			return data.Errorf(data.EConflict, "Việc phát bưu gửi %s đã kết thúc (%s). Chưa ghi gì.", d.Item, deliveryLabel(outcome))
		case status != data.StatusResultReady:
			return data.Errorf(data.EConflict, "Hồ sơ của bưu gửi %s đang ở trạng thái %q, không ghi kết quả phát được.", d.Item, status.Label())
		}
		created = true
		rec := data.DeliveryRecord{Code: code, Item: d.Item, Outcome: data.DeliveryDelivered, Attempts: res.Attempts,
			RecipientID: d.RecipientID, At: d.At, Actor: data.Clean(k.Name)}
		to := status
		if d.Outcome == data.OutcomeDelivered {
			to = data.StatusReturned
		} else {
			rec.Attempts++
			rec.Outcome, rec.Reason, rec.RecipientID = data.DeliveryFailed, d.Reason, ""
			if rec.Attempts >= data.MaxDeliveryAttempts {
				rec.Outcome = data.DeliveryReturning
			}
		}
		res.Outcome, res.Attempts, res.Status = rec.Outcome, rec.Attempts, to
		action := "status"
		if to == status {
			action = "delivery-failed"
		}
		if _, err := tx.Exec(ctx, `UPDATE dossier SET status = $2, updated_at = now(),
			record = CASE WHEN $3 THEN jsonb_set(record, '{return_method}', '"counter"') ELSE record END WHERE code = $1`,
			code, to, rec.Outcome == data.DeliveryReturning); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE postal_result SET attempts = $2, outcome = $3 WHERE item = $1`, d.Item, rec.Attempts, rec.Outcome); err != nil {
			return err
		}
		key := newKey()
		if _, err := tx.Exec(ctx, `INSERT INTO dossier_event (dossier_code, workstation_id, change_key, at, actor, action, from_status, to_status, note)
			VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8)`, code, key, at, rec.Actor, action, status, to, rec.Note()); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO postal_delivery (item, at, record, outcome, key_id) VALUES ($1, $2, $3, $4, $5)`,
			d.Item, at, d, rec.Outcome, k.ID); err != nil {
			return err
		}
		payload, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO feed (office_id, workstation_id, key, kind, subject, payload, at)
			VALUES ($1, NULL, $2, $3, $4, $5, $6)`, officeID, key, string(data.ChangePostalDelivery), code, payload, now)
		return err
	})
	if err != nil && data.ErrorCode(err) == data.EInternal {
		return res, false, fmt.Errorf("server: deliver %s: %w", d.Item, err)
	}
	return res, created, err
}

func deliveryLabel(outcome string) string {
	if outcome == data.DeliveryDelivered {
		return "đã phát"
	}
	return "đã chuyển về bộ phận một cửa"
}

// PostalStatus tells the postal operator where an item stands: a
// collected dossier it announced or a result it delivers.
func (s *Store) PostalStatus(ctx context.Context, item string) (data.PostalItemStatus, error) {
	st := data.PostalItemStatus{Item: data.Clean(item), Deliveries: []data.PostalAttemptAt{}}
	var announced, collected *time.Time
	err := s.pool.QueryRow(ctx, `SELECT o.agency_code, p.announced_at, p.collected_at FROM postal_item p
		JOIN office o ON o.id = p.office_id WHERE p.item = $1`, st.Item).Scan(&st.AgencyCode, &announced, &collected)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return st, fmt.Errorf("server: postal status: %w", err)
	}
	var (
		received *time.Time
		due      *time.Time
		agency   string
	)
	// The dossier the item came as, or the one whose result it carries.
	err = s.pool.QueryRow(ctx, `SELECT d.code, d.status, d.received_at, d.due_date, o.agency_code,
			EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_code = d.code AND e.action = 'filed')
		FROM dossier d JOIN office o ON o.id = d.office_id
		WHERE d.postal_item = $1 OR d.code = (SELECT dossier_code FROM postal_result WHERE item = $1)
		ORDER BY d.postal_item = $1 DESC LIMIT 1`, st.Item).
		Scan(&st.DossierCode, &st.Status, &received, &due, &agency, &st.HandedOver)
	switch {
	case errors.Is(err, pgx.ErrNoRows) && announced == nil:
		return st, data.Errorf(data.ENotFound, "Tỉnh không có bưu gửi nào số hiệu %s.", st.Item)
	case errors.Is(err, pgx.ErrNoRows):
	case err != nil:
		return st, fmt.Errorf("server: postal status: %w", err)
	default:
		st.AgencyCode = agency
		st.StatusLabel = st.Status.Label()
		st.DueDate = due.Format(time.DateOnly)
		if st.HandedOver {
			st.ReceivedAt = received.In(data.Zone).Format(time.RFC3339)
		}
	}
	if announced != nil {
		st.AnnouncedAt = announced.In(data.Zone).Format(time.RFC3339)
		st.CollectedAt = collected.In(data.Zone).Format(time.RFC3339)
	}
	if st.DossierCode != "" {
		rows, _ := s.pool.Query(ctx, `SELECT p.item, p.outcome, p.at FROM postal_delivery p JOIN postal_result r ON r.item = p.item
			WHERE r.dossier_code = $1 ORDER BY p.at`, st.DossierCode)
		var (
			a  data.PostalAttemptAt
			at time.Time
		)
		_, err := pgx.ForEachRow(rows, []any{&a.Item, &a.Outcome, &at}, func() error {
			a.At = at.In(data.Zone).Format(time.RFC3339)
			st.Deliveries = append(st.Deliveries, a)
			return nil
		})
		if err != nil {
			return st, fmt.Errorf("server: postal status: deliveries: %w", err)
		}
	}
	return st, nil
}
