package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"motcua/data"
)

// saveAccount keeps the newer of a pushed account and the one the
// province holds for the office.
func saveAccount(ctx context.Context, tx pgx.Tx, ws Workstation, r data.AccountRecord) error {
	var raw []byte
	err := tx.QueryRow(ctx, `SELECT record FROM account WHERE office_id = $1 AND username = $2 FOR UPDATE`,
		ws.OfficeID, r.Username).Scan(&raw)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
	case err != nil:
		return err
	default:
		var old data.AccountRecord
		if err := json.Unmarshal(raw, &old); err == nil && !r.Supersedes(old) {
			return nil
		}
	}
	rec, err := json.Marshal(r)
	if err != nil {
		return err
	}
	at, _ := time.Parse(time.RFC3339Nano, r.UpdatedAt) // checked
	_, err = tx.Exec(ctx, `INSERT INTO account (office_id, username, record, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (office_id, username) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at`,
		ws.OfficeID, r.Username, rec, at)
	return err
}

// keepAuditHead records a workstation's new audit head when it follows
// from the one held: no lower, and anchored on it. Otherwise it keeps
// the held head, notes the finding and returns it, for the workstation.
func keepAuditHead(ctx context.Context, tx pgx.Tx, ws Workstation, r data.AuditHeadRecord) (string, error) {
	if r.Workstation != ws.Number {
		return fmt.Sprintf("Đầu chuỗi nhật ký của máy trạm %d không gửi từ máy trạm %d được.", r.Workstation, ws.Number), nil
	}
	var held data.AuditHead
	err := tx.QueryRow(ctx, `SELECT seq, hash FROM audit_head WHERE workstation_id = $1 FOR UPDATE`, ws.ID).Scan(&held.Seq, &held.Hash)
	finding := ""
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		_, err = tx.Exec(ctx, `INSERT INTO audit_head (workstation_id, seq, hash) VALUES ($1, $2, $3)`, ws.ID, r.Head.Seq, r.Head.Hash)
		return "", err
	case err != nil:
		return "", err
	case r.Head.Seq < held.Seq:
		finding = fmt.Sprintf("Nhật ký của máy trạm %d lùi lại: tỉnh đã nhận đến mục số %d, nay máy gửi mục số %d; các mục từ số %d đến %d có thể đã bị xoá. Tỉnh giữ đầu chuỗi đã nhận; hãy chạy motcua audit verify và báo lãnh đạo.",
			ws.Number, held.Seq, r.Head.Seq, r.Head.Seq+1, held.Seq)
	case r.Anchor.Seq == held.Seq && r.Anchor.Hash == "":
		finding = fmt.Sprintf("Nhật ký của máy trạm %d bị xoá: mục số %d tỉnh đã nhận không còn trên máy. Tỉnh giữ đầu chuỗi đã nhận; hãy chạy motcua audit verify và báo lãnh đạo.",
			ws.Number, held.Seq)
	case r.Anchor != held:
		finding = fmt.Sprintf("Nhật ký của máy trạm %d không còn khớp với đầu chuỗi tỉnh đã nhận (mục số %d): nhật ký đã bị sửa hoặc xoá từ mục đó trở về trước. Tỉnh giữ đầu chuỗi đã nhận; hãy chạy motcua audit verify và báo lãnh đạo.",
			ws.Number, held.Seq)
	default:
		_, err = tx.Exec(ctx, `UPDATE audit_head SET seq = $2, hash = $3, received_at = now(), finding = '', found_at = NULL
			WHERE workstation_id = $1`, ws.ID, r.Head.Seq, r.Head.Hash)
		return "", err
	}
	_, err = tx.Exec(ctx, `UPDATE audit_head SET finding = $2, found_at = now() WHERE workstation_id = $1`, ws.ID, finding)
	return finding, err
}

// PushAuditHead checks a workstation's audit head and keeps it when it
// follows from the one held; the result says which, with the finding.
func (s *Store) PushAuditHead(ctx context.Context, ws Workstation, h data.AuditHeadRecord) (data.ChangeResult, error) {
	if err := h.Validate(); err != nil {
		return data.ChangeResult{}, err
	}
	if h.AgencyCode != ws.AgencyCode {
		return data.ChangeResult{}, data.Errorf(EForbidden, "Đầu chuỗi nhật ký của đơn vị %s không gửi từ máy trạm của đơn vị %s được.", h.AgencyCode, ws.AgencyCode)
	}
	res := data.ChangeResult{Key: data.AuditHeadKey, Result: data.ResultApplied}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		finding, err := keepAuditHead(ctx, tx, ws, h)
		if finding != "" {
			res = rejected(data.AuditHeadKey, finding, "")
		}
		return err
	})
	if err != nil {
		return res, fmt.Errorf("server: audit head: %w", err)
	}
	return res, nil
}

// AuditHead returns the head of a workstation's audit trail the province
// holds; the zero head when it holds none.
func (s *Store) AuditHead(ctx context.Context, ws Workstation) (data.AuditHead, error) {
	var h data.AuditHead
	err := s.pool.QueryRow(ctx, `SELECT seq, hash FROM audit_head WHERE workstation_id = $1`, ws.ID).Scan(&h.Seq, &h.Hash)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return h, fmt.Errorf("server: audit head: %w", err)
	}
	return h, nil
}
