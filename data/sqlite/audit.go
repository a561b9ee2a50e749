package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/data"
)

var _ data.AuditService = (*DB)(nil)

// audit appends an entry to the audit trail in the caller's transaction:
// the officer the context carries, this workstation, the action, its
// subject, a few words, the digest of what changed (nil when nothing
// did) and the link to the entry before. actor, when given, is the name
// to record instead of the officer's full name.
func (db *DB) audit(ctx context.Context, tx *Tx, actor, action, subject, detail string, change any) error {
	o := data.OfficerFrom(ctx)
	if actor == "" {
		actor = o.FullName
	}
	digest, err := data.Digest(change)
	if err != nil {
		return err
	}
	e := data.AuditEntry{At: db.Now().In(data.Zone).Truncate(time.Second), Account: o.Username, Actor: actor,
		Action: action, Subject: subject, Detail: detail, Digest: digest}
	err = tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT workstation FROM office WHERE id = 1), 0),
		COALESCE((SELECT id FROM audit ORDER BY id DESC LIMIT 1), 0),
		COALESCE((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '')`).Scan(&e.Workstation, &e.Seq, &e.PrevHash)
	if err != nil {
		return err
	}
	e.Seq++
	e.Hash = e.ComputeHash()
	_, err = tx.ExecContext(ctx, `INSERT INTO audit (id, at, account, actor, workstation, action, subject, detail, digest, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, e.At.Format(time.RFC3339), e.Account, e.Actor, e.Workstation,
		e.Action, e.Subject, e.Detail, e.Digest, e.PrevHash, e.Hash)
	return err
}

// Audit records an action outside a change, such as viewing a full ID
// number or opening a dossier.
func (db *DB) Audit(ctx context.Context, actor, action, code, detail string) error {
	err := db.inTx(ctx, func(tx *Tx) error { return db.audit(ctx, tx, actor, action, code, detail, nil) })
	if err != nil {
		return fmt.Errorf("sqlite: audit: %w", err)
	}
	return nil
}

const auditColumns = `id, at, account, actor, workstation, action, subject, detail, digest, prev_hash, hash`

func scanAudit(rows *sql.Rows) (data.AuditEntry, error) {
	var (
		e  data.AuditEntry
		at string
	)
	err := rows.Scan(&e.Seq, &at, &e.Account, &e.Actor, &e.Workstation, &e.Action, &e.Subject, &e.Detail, &e.Digest, &e.PrevHash, &e.Hash)
	e.At = parseStamp(at)
	return e, err
}

// AuditEntries lists the entries a filter selects, oldest first.
func (db *DB) AuditEntries(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error) {
	var (
		where []string
		args  []any
	)
	if f.Dossier != "" {
		where, args = append(where, "subject = ?"), append(args, data.Clean(f.Dossier))
	}
	if f.Account != "" {
		where, args = append(where, "account = ?"), append(args, data.Clean(f.Account))
	}
	if !f.From.IsZero() {
		where, args = append(where, "at >= ?"), append(args, data.DateOf(f.From).Format(time.RFC3339))
	}
	if !f.To.IsZero() {
		where, args = append(where, "at < ?"), append(args, data.DateOf(f.To).AddDate(0, 0, 1).Format(time.RFC3339))
	}
	q := `SELECT ` + auditColumns + ` FROM audit`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := db.read.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit entries: %w", err)
	}
	defer rows.Close()
	var es []data.AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: audit entries: %w", err)
		}
		es = append(es, e)
	}
	return es, rows.Err()
}

// VerifyAudit checks the whole chain, entry by entry, and that it holds
// the heads given; the report carries the head the province last
// acknowledged too.
func (db *DB) VerifyAudit(ctx context.Context, heads map[string]data.AuditHead) (data.AuditReport, error) {
	var rep data.AuditReport
	acked, err := db.AcknowledgedHead(ctx)
	if err != nil {
		return rep, err
	}
	all := map[string]data.AuditHead{"local": acked}
	for name, h := range heads {
		all[name] = h
	}
	if acked.Seq > 0 {
		rep.Acknowledged = &acked
	}
	check := data.NewChainCheck(all)
	rows, err := db.read.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit ORDER BY id`)
	if err != nil {
		return rep, fmt.Errorf("sqlite: verify audit: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return rep, fmt.Errorf("sqlite: verify audit: %w", err)
		}
		check.Add(e)
	}
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("sqlite: verify audit: %w", err)
	}
	rep.Finding, rep.Head = check.Finish()
	rep.Entries = check.Entries()
	return rep, nil
}

// AcknowledgedHead is the last head the province acknowledged.
func (db *DB) AcknowledgedHead(ctx context.Context) (data.AuditHead, error) {
	var h data.AuditHead
	err := db.read.QueryRowContext(ctx, `SELECT acked_seq, acked_hash FROM audit_anchor WHERE id = 1`).Scan(&h.Seq, &h.Hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("sqlite: audit anchor: %w", err)
	}
	return h, nil
}

// AuditHeadToSend returns the chain's head for the province, anchored on
// the entry at the head it acknowledged last as the chain holds it now
// ("" when that entry is gone); false when the head has not moved since,
// or when a head the province refused is still to be seen to.
func (db *DB) AuditHeadToSend(ctx context.Context) (data.AuditHeadRecord, bool, error) {
	var (
		r       data.AuditHeadRecord
		refused int
	)
	err := db.read.QueryRowContext(ctx, `SELECT
			COALESCE((SELECT id FROM audit ORDER BY id DESC LIMIT 1), 0),
			COALESCE((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), ''),
			COALESCE((SELECT acked_seq FROM audit_anchor WHERE id = 1), 0),
			COALESCE((SELECT acked_hash FROM audit_anchor WHERE id = 1), ''),
			COALESCE((SELECT reason <> '' AND dismissed_at IS NULL FROM audit_anchor WHERE id = 1), 0),
			COALESCE((SELECT agency_code FROM office WHERE id = 1), ''),
			COALESCE((SELECT workstation FROM office WHERE id = 1), 0)`).
		Scan(&r.Head.Seq, &r.Head.Hash, &r.Anchor.Seq, &r.Anchor.Hash, &refused, &r.AgencyCode, &r.Workstation)
	if err != nil {
		return r, false, fmt.Errorf("sqlite: audit head: %w", err)
	}
	if r.Head.Seq == 0 || r.Head == r.Anchor || refused != 0 || r.AgencyCode == "" {
		return r, false, nil
	}
	if r.Anchor.Seq > 0 {
		err := db.read.QueryRowContext(ctx, `SELECT COALESCE((SELECT hash FROM audit WHERE id = ?), '')`, r.Anchor.Seq).Scan(&r.Anchor.Hash)
		if err != nil {
			return r, false, fmt.Errorf("sqlite: audit head: %w", err)
		}
	}
	return r, true, nil
}

// RecordAuditHead records what the province did with a head: an
// accepted one is the acknowledged head; a refused one, with the reason,
// needs attention until an officer dismisses it.
func (db *DB) RecordAuditHead(ctx context.Context, h data.AuditHeadRecord, r data.ChangeResult) error {
	var err error
	if r.Accepted() {
		_, err = db.write.ExecContext(ctx, `INSERT INTO audit_anchor (id, acked_seq, acked_hash, updated_at) VALUES (1, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET acked_seq = excluded.acked_seq, acked_hash = excluded.acked_hash,
				updated_at = excluded.updated_at`, h.Head.Seq, h.Head.Hash, db.stamp())
	} else {
		reason := data.Clean(r.Reason)
		if reason == "" {
			reason = "Tỉnh không nhận đầu chuỗi nhật ký của máy này nhưng không nêu lý do."
		}
		_, err = db.write.ExecContext(ctx, `INSERT INTO audit_anchor (id, refused_seq, refused_at, reason, updated_at) VALUES (1, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET refused_seq = excluded.refused_seq, refused_at = excluded.refused_at,
				reason = excluded.reason, dismissed_at = NULL, dismissed_by = '', updated_at = excluded.updated_at`,
			h.Head.Seq, db.stamp(), reason, db.stamp())
	}
	if err != nil {
		return fmt.Errorf("sqlite: record audit head: %w", err)
	}
	return nil
}

// chainAudit links the entries written before the trail was a chain, in
// their order, once: the migration that added the hash runs it.
func chainAudit(ctx context.Context, tx *Tx) error {
	var ws int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT workstation FROM office WHERE id = 1), 0)`).Scan(&ws); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+auditColumns+` FROM audit ORDER BY id`)
	if err != nil {
		return err
	}
	var es []data.AuditEntry
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			rows.Close()
			return err
		}
		es = append(es, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	st, err := tx.PrepareContext(ctx, `UPDATE audit SET workstation = ?, prev_hash = ?, hash = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer st.Close()
	prev := ""
	for _, e := range es {
		e.Workstation, e.PrevHash = ws, prev
		e.Hash = e.ComputeHash()
		if _, err := st.ExecContext(ctx, e.Workstation, e.PrevHash, e.Hash, e.Seq); err != nil {
			return err
		}
		prev = e.Hash
	}
	return nil
}
