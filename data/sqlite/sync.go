package sqlite

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/catalogfile"
)

var _ data.SyncStore = (*DB)(nil)

// queued selects the outbox rows waiting to be sent.
const queued = `sent_at IS NULL AND rejected_at IS NULL`

// Outbox returns up to limit changes waiting to be sent, oldest first.
func (db *DB) Outbox(ctx context.Context, limit int) ([]data.OutboxChange, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT key, kind, subject, payload, created_at FROM outbox
		WHERE `+queued+` ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: outbox: %w", err)
	}
	defer rows.Close()
	var cs []data.OutboxChange
	for rows.Next() {
		var (
			c           data.OutboxChange
			payload, at string
		)
		if err := rows.Scan(&c.Key, &c.Kind, &c.Subject, &payload, &at); err != nil {
			return nil, fmt.Errorf("sqlite: outbox: %w", err)
		}
		c.Payload = json.RawMessage(payload)
		if c.CreatedAt, err = time.Parse(time.RFC3339, at); err != nil {
			return nil, fmt.Errorf("sqlite: outbox %s: %w", c.Key, err)
		}
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

// QueueLength counts the changes waiting to be sent.
func (db *DB) QueueLength(ctx context.Context) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE `+queued).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: queue length: %w", err)
	}
	return n, nil
}

// RecordResults marks sent what the province holds and moves what it
// rejected to the needs-attention list, in one transaction. A rejected
// status change puts the dossier back in the status the province holds,
// unless another change of it is still waiting.
func (db *DB) RecordResults(ctx context.Context, results []data.ChangeResult) error {
	stamp := db.stamp()
	err := db.inTx(ctx, func(tx *Tx) error {
		// What the province holds leaves the outbox: only its key stays,
		// for the pull to know this workstation's own changes.
		sent, err := tx.PrepareContext(ctx, `DELETE FROM outbox WHERE key = ? AND sent_at IS NULL AND rejected_at IS NULL
			RETURNING kind, subject`)
		if err != nil {
			return err
		}
		defer sent.Close()
		kept, err := tx.PrepareContext(ctx, `INSERT INTO outbox_sent (key) VALUES (?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer kept.Close()
		seen, err := tx.PrepareContext(ctx, `UPDATE dossier SET sync_seq = ? WHERE code = ? AND sync_seq < ?`)
		if err != nil {
			return err
		}
		defer seen.Close()
		for _, r := range results {
			if r.Accepted() {
				var kind, subject string
				err := sent.QueryRowContext(ctx, r.Key).Scan(&kind, &subject)
				if errors.Is(err, sql.ErrNoRows) {
					continue // recorded before
				}
				if err != nil {
					return err
				}
				if _, err := kept.ExecContext(ctx, r.Key); err != nil {
					return err
				}
				if r.Seq > 0 && strings.HasPrefix(kind, "dossier.") {
					if _, err := seen.ExecContext(ctx, r.Seq, subject, r.Seq); err != nil {
						return err
					}
				}
				continue
			}
			if err := db.reject(ctx, tx, r, stamp); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: record sync results: %w", err)
	}
	return nil
}

func (db *DB) reject(ctx context.Context, tx *Tx, r data.ChangeResult, stamp string) error {
	reason := data.Clean(r.Reason)
	if reason == "" {
		reason = "Tỉnh từ chối thay đổi này nhưng không nêu lý do."
	}
	var (
		kind             data.ChangeKind
		subject, payload string
	)
	err := tx.QueryRowContext(ctx, `UPDATE outbox SET rejected_at = ?, reject_reason = ?, attempts = attempts + 1, last_error = ?
		WHERE key = ? AND `+queued+` RETURNING kind, subject, payload`, stamp, reason, reason, r.Key).Scan(&kind, &subject, &payload)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil || kind != data.ChangeDossierStatus || r.Status == "" {
		return err
	}
	var local data.Status
	if err := tx.QueryRowContext(ctx, `SELECT status FROM dossier WHERE code = ?`, subject).Scan(&local); err != nil {
		return nil // not here: nothing to put right
	}
	if local == r.Status || db.waiting(ctx, tx, subject) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE dossier SET status = ?, updated_at = ? WHERE code = ?`, r.Status, stamp, subject); err != nil {
		return err
	}
	var sc data.StatusChange
	if json.Unmarshal([]byte(payload), &sc) == nil && sc.Undo && sc.From == r.Status {
		if err := keepUndone(ctx, tx, sc); err != nil {
			return err
		}
	}
	return db.event(ctx, tx, subject, "Đồng bộ tỉnh", data.ActionSyncRejected, local, r.Status, reason)
}

// keepUndone puts back what an undo the province refused had taken away,
// now that the dossier is back in the status undone: the line it marked,
// the time the result was ready and the return record.
func keepUndone(ctx context.Context, tx *Tx, u data.StatusChange) error {
	var (
		id int64
		at string
	)
	err := tx.QueryRowContext(ctx, `SELECT id, at FROM dossier_event WHERE dossier_code = ? AND undone = 1 AND to_status = ?
		ORDER BY id DESC LIMIT 1`, u.Code, u.From).Scan(&id, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE dossier_event SET undone = 0 WHERE id = ?`, id); err != nil {
		return err
	}
	if _, err = tx.ExecContext(ctx, `UPDATE dossier SET result_ready_at = CASE WHEN ?1 = 'result-ready' THEN ?2 ELSE result_ready_at END
		WHERE code = ?3`, u.From, at, u.Code); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE dossier_return SET undone = 0 WHERE dossier_code = ? AND ? = 'returned'`, u.Code, u.From)
	return err
}

// waiting reports whether a change of the dossier is still queued.
func (db *DB) waiting(ctx context.Context, tx *Tx, code string) bool {
	var n int
	tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE subject = ? AND `+queued, code).Scan(&n)
	return n > 0
}

// RecordFailure notes a failed attempt to send changes.
func (db *DB) RecordFailure(ctx context.Context, keys []string, reason string) error {
	err := db.inTx(ctx, func(tx *Tx) error {
		st, err := tx.PrepareContext(ctx, `UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE key = ? AND `+queued)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, k := range keys {
			if _, err := st.ExecContext(ctx, reason, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: record sync failure: %w", err)
	}
	return nil
}

// ApplyRemote applies a page of the province's change feed, the office's
// keys and the new cursor in one transaction, and returns how many
// changes it applied. This workstation's own changes that its outbox
// holds are skipped; those it lacks (after a restore, on a replaced PC)
// are applied like any other. Dossiers already here are not inserted
// again, events are keyed by the change that made them, and a status
// change older than the latest the dossier has seen is recorded in its
// history without moving its status back; so applying a page twice
// changes nothing. A change that cannot be applied (malformed, clashing
// with a dossier here) is rolled back alone and listed as needing
// attention, and the page goes on; only a fault of the store itself
// fails the page.
func (db *DB) ApplyRemote(ctx context.Context, page data.PullPage) (int, error) {
	calendarChanged := false
	applied := 0
	err := db.inTx(ctx, func(tx *Tx) error {
		applied = 0
		office, err := db.officeTx(ctx, tx)
		if err != nil {
			return err
		}
		raised := map[string]int{}
		for _, c := range page.Changes {
			var own int
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM outbox WHERE key = ?1)
				OR EXISTS (SELECT 1 FROM outbox_sent WHERE key = ?1)`, c.Key).Scan(&own); err != nil {
				return err
			}
			if own > 0 || !c.Kind.Known() {
				continue // ours, or a kind a newer server knows: nothing to do here
			}
			if _, err := tx.ExecContext(ctx, `SAVEPOINT remote_change`); err != nil {
				return err
			}
			p, err := data.DecodeChange(c.Kind, c.Payload)
			if err == nil {
				switch p := p.(type) {
				case *data.DossierRecord:
					err = db.applyCreated(ctx, tx, c, *p, office, raised)
				case *data.StatusChange:
					err = db.applyStatus(ctx, tx, c, *p)
				case *data.DossierUpdate:
					err = db.applyUpdated(ctx, tx, c, *p)
				case *data.ProcedureRecord:
					err = db.applyProcedure(ctx, tx, *p)
				case *data.OverrideRecord:
					calendarChanged = true
					err = db.applyOverride(ctx, tx, *p)
				case *data.RatingRecord:
					err = db.applyRated(ctx, tx, c, *p)
				case *data.AccountRecord:
					err = db.applyAccount(ctx, tx, *p, office)
				case *data.FeesRecord:
					err = db.applyFees(ctx, tx, c, *p, office, raised)
				case *data.PostalAnnouncement:
					err = db.applyAnnounced(ctx, tx, *p, office)
				case *data.DeliveryRecord:
					err = db.applyDelivery(ctx, tx, c, *p)
				}
			}
			if err != nil {
				if storeFault(ctx, err) {
					return fmt.Errorf("change %d (%s %s): %w", c.Seq, c.Kind, c.Subject, err)
				}
				if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO remote_change`); rerr != nil {
					return rerr
				}
				if err := db.recordPullProblem(ctx, tx, c, err); err != nil {
					return err
				}
			} else {
				applied++
			}
			if _, err := tx.ExecContext(ctx, `RELEASE remote_change`); err != nil {
				return err
			}
		}
		for _, k := range page.Keys {
			if _, err := tx.ExecContext(ctx, `INSERT INTO workstation_key (agency_code, workstation, public_key, created_at)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, k.AgencyCode, k.Workstation, k.PublicKey, db.stamp()); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sync_state (id, cursor, updated_at) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET cursor = MAX(cursor, excluded.cursor), updated_at = excluded.updated_at`,
			page.Next, db.stamp()); err != nil {
			return err
		}
		// Before the commit: a number the journal holds too high is only
		// skipped, one it holds too low could be handed out again.
		return db.seq.raise(raised)
	})
	if calendarChanged {
		db.dropCalendar()
	}
	if err != nil {
		return 0, fmt.Errorf("sqlite: apply pulled changes: %w", err)
	}
	return applied, nil
}

func (db *DB) applyCreated(ctx context.Context, tx *Tx, c data.RemoteChange, r data.DossierRecord, office data.Office, raised map[string]int) error {
	d := data.Dossier{Code: r.Code, ProcedureCode: r.ProcedureCode, ProcedureName: data.Clean(r.ProcedureName),
		Applicant: data.Applicant{Name: data.Clean(r.Applicant.Name), IDNumber: r.Applicant.IDNumber, Phone: r.Applicant.Phone,
			Email: r.Applicant.Email, Address: data.Clean(r.Applicant.Address)},
		Sets: r.Sets, Channel: data.Channel(r.Channel), ReturnMethod: data.ReturnMethod(r.ReturnMethod),
		ReturnAddress: data.Clean(r.ReturnAddress), PostalItem: r.PostalItem, WorkingDays: r.WorkingDays,
		Status: r.Status, Book: r.Book, RegisterNo: r.RegisterNo, Officer: data.Clean(r.Officer), Workstation: r.Workstation,
		FeeExempt: data.Clean(r.FeeExempt), FormSet: r.FormSet}
	if r.Applicant.BirthDate != "" {
		d.Applicant.BirthDate, _ = data.ParseDate(r.Applicant.BirthDate)
	}
	received, _ := time.Parse(time.RFC3339, r.ReceivedAt)
	d.ReceivedAt = received.In(data.Zone)
	d.DueDate, _ = data.ParseDate(r.DueDate)
	for _, doc := range r.Documents {
		d.Documents = append(d.Documents, data.SubmittedDocument{Name: data.Clean(doc.Name), Originals: doc.Originals, Copies: doc.Copies})
	}
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier WHERE code = ?`, d.Code).Scan(&exists); err != nil {
		return err
	}
	if exists == 0 {
		if err := registerClash(ctx, tx, d); err != nil {
			return err
		}
		if err := insertDossier(ctx, tx, d, db.stamp()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE dossier SET sync_seq = ? WHERE code = ?`, c.Seq, d.Code); err != nil {
			return err
		}
	}
	if d.Workstation == office.Workstation && data.AgencyOf(d.Code) == office.AgencyCode {
		if err := raiseNumbers(ctx, tx, d, raised); err != nil {
			return err
		}
	}
	if err := applyReceipts(ctx, tx, c, d.Code, r.Receipts, office, raised); err != nil {
		return err
	}
	return db.remoteEvent(ctx, tx, c, d.Code, d.Officer, "intake", "", data.StatusReceived, data.IntakeNote(d.Channel, d.DueDate))
}

// applyReceipts records pulled fee receipts of a dossier once each; the
// numbers of this workstation's own (after a restore, on a replaced PC)
// become floors of the journal, never to be issued again.
func applyReceipts(ctx context.Context, tx *Tx, c data.RemoteChange, code string, rs []data.FeeReceiptRecord,
	office data.Office, raised map[string]int) error {
	for _, rec := range rs {
		r := rec.Receipt(code)
		var same string
		err := tx.QueryRowContext(ctx, `SELECT dossier_code FROM fee_receipt WHERE year = ? AND workstation = ? AND number = ?`,
			r.IssuedAt.Year(), r.Workstation, r.Number).Scan(&same)
		switch {
		case err == nil && same == code:
			continue // applied before
		case err == nil:
			return data.Errorf(data.EConflict, "biên lai số %s năm %d của máy trạm %d đã có ở máy này cho hồ sơ %s.",
				r.NumberText(), r.IssuedAt.Year(), r.Workstation, same)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if err := insertReceipt(ctx, tx, r, c.Key); err != nil {
			return err
		}
		if r.Workstation == office.Workstation && data.AgencyOf(code) == office.AgencyCode {
			k := receiptKey(r.IssuedAt.Year(), r.Workstation)
			raised[k] = max(raised[k], r.Number)
		}
	}
	return nil
}

// applyFees records fees another workstation (or this one, before a
// restore) collected for a dossier after its intake.
func (db *DB) applyFees(ctx context.Context, tx *Tx, c data.RemoteChange, f data.FeesRecord, office data.Office, raised map[string]int) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier WHERE code = ?`, f.Code).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return nil // a dossier this workstation never had
	}
	if err := applyReceipts(ctx, tx, c, f.Code, f.Receipts, office, raised); err != nil {
		return err
	}
	var status data.Status
	if err := tx.QueryRowContext(ctx, `SELECT status FROM dossier WHERE code = ?`, f.Code).Scan(&status); err != nil {
		return err
	}
	return db.remoteEvent(ctx, tx, c, f.Code, data.Clean(f.Actor), "fees", status, status, data.Clean(f.Note))
}

func (db *DB) applyStatus(ctx context.Context, tx *Tx, c data.RemoteChange, s data.StatusChange) error {
	var seen int64
	err := tx.QueryRowContext(ctx, `SELECT sync_seq FROM dossier WHERE code = ?`, s.Code).Scan(&seen)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a dossier this workstation never had: nothing to move
	}
	if err != nil {
		return err
	}
	if s.Undo {
		return db.applyUndo(ctx, tx, c, s, seen)
	}
	if err := db.remoteEvent(ctx, tx, c, s.Code, data.Clean(s.Actor), "status", s.From, s.To, data.Clean(s.Note)); err != nil {
		return err
	}
	if c.Seq <= seen {
		return nil
	}
	// A change of the dossier still waiting here will be judged by the
	// province after this one: until then the officer's status stands.
	if db.waiting(ctx, tx, s.Code) {
		_, err = tx.ExecContext(ctx, `UPDATE dossier SET sync_seq = ? WHERE code = ?`, c.Seq, s.Code)
		return err
	}
	// A result made ready elsewhere is ready from the change's time, as
	// the reports and the return desk's list count it.
	at := c.At
	if at.IsZero() {
		at = db.Now()
	}
	_, err = tx.ExecContext(ctx, `UPDATE dossier SET status = ?1, sync_seq = ?2, updated_at = ?3,
		result_ready_at = CASE WHEN ?1 = 'result-ready' THEN ?4 ELSE result_ready_at END WHERE code = ?5`,
		s.To, c.Seq, db.stamp(), at.In(data.Zone).Format(time.RFC3339), s.Code)
	return err
}

// applyUndo records a supervisor's undo made at another workstation: its
// history line, the line it undid marked, and, unless a later change or
// one waiting here decides the status, the dossier back in the status
// before, without what the undone status brought (data/sqlite UndoStatus).
func (db *DB) applyUndo(ctx context.Context, tx *Tx, c data.RemoteChange, u data.StatusChange, seen int64) error {
	if applied, err := lineApplied(ctx, tx, c.Key); err != nil || applied {
		return err // applied before: its line would mark another
	}
	if _, err := tx.ExecContext(ctx, `UPDATE dossier_event SET undone = 1 WHERE id = (SELECT id FROM dossier_event
		WHERE dossier_code = ? AND from_status = ? AND to_status = ? AND action <> ? AND undone = 0 ORDER BY id DESC LIMIT 1)`,
		u.Code, u.To, u.From, data.ActionUndo); err != nil {
		return err
	}
	if err := db.remoteEvent(ctx, tx, c, u.Code, data.Clean(u.Actor), data.ActionUndo, u.From, u.To, data.Clean(u.Note)); err != nil {
		return err
	}
	if c.Seq <= seen || db.waiting(ctx, tx, u.Code) {
		_, err := tx.ExecContext(ctx, `UPDATE dossier SET sync_seq = MAX(sync_seq, ?) WHERE code = ?`, c.Seq, u.Code)
		return err
	}
	if _, err := db.undoDerived(ctx, tx, u); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE dossier SET sync_seq = ? WHERE code = ?`, c.Seq, u.Code)
	return err
}

// applyUpdated records another workstation's change of a dossier's filing
// time, due date or return method, with its history line.
func (db *DB) applyUpdated(ctx context.Context, tx *Tx, c data.RemoteChange, u data.DossierUpdate) error {
	var status data.Status
	err := tx.QueryRowContext(ctx, `SELECT status FROM dossier WHERE code = ?`, u.Code).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // a dossier this workstation never had
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE dossier SET
			received_at = CASE WHEN ?1 <> '' THEN ?1 ELSE received_at END,
			due_date = CASE WHEN ?2 <> '' THEN ?2 ELSE due_date END,
			return_method = CASE WHEN ?3 <> '' THEN ?3 ELSE return_method END,
			updated_at = ?4 WHERE code = ?5`, u.ReceivedAt, u.DueDate, u.ReturnMethod, db.stamp(), u.Code); err != nil {
		return err
	}
	return db.remoteEvent(ctx, tx, c, u.Code, data.Clean(u.Actor), u.Action, status, status, data.Clean(u.Note))
}

// remoteEvent records a pulled event once, keyed by its change.
func (db *DB) remoteEvent(ctx context.Context, tx *Tx, c data.RemoteChange, code, actor, action string, from, to data.Status, note string) error {
	if applied, err := lineApplied(ctx, tx, c.Key); err != nil || applied {
		return err
	}
	at := c.At
	if at.IsZero() {
		at = db.Now()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO dossier_event (dossier_code, at, actor, action, from_status, to_status, note, remote_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (remote_key) WHERE remote_key IS NOT NULL DO NOTHING`,
		code, at.In(data.Zone).Format(time.RFC3339), actor, action, from, to, note, lineKey(c.Key))
	return err
}

// lineKey is a change's key as a pulled history line keeps it: the 16
// bytes a key of 32 hex digits stands for (as every workstation makes
// them), else its text. Half the size, in the line and in its index,
// for the million lines a busy office pulls.
func lineKey(key string) any {
	if len(key) == 32 {
		if b, err := hex.DecodeString(key); err == nil && hex.EncodeToString(b) == key {
			return b
		}
	}
	return key
}

// lineApplied says whether a pulled history line of the change key is
// here, kept in 16 bytes or, by a version before them, as text.
func lineApplied(ctx context.Context, tx *Tx, key string) (bool, error) {
	var applied bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM dossier_event WHERE remote_key = ?1 OR remote_key = ?2)`,
		lineKey(key), key).Scan(&applied)
	return applied, err
}

// applyProcedure adds or updates a procedure the province published,
// keeping a time limit set here when the province gives none.
func (db *DB) applyProcedure(ctx context.Context, tx *Tx, r data.ProcedureRecord) error {
	p := r.Procedure()
	if r.Fees == nil { // a province of an older version: read the text here
		p.Fees = catalogfile.ReadFees(p.FeesText).Fees
	}
	if err := keepLocalFees(ctx, tx, &p); err != nil {
		return err
	}
	var (
		days   sql.NullInt64
		cutoff string
		local  bool
	)
	err := tx.QueryRowContext(ctx, `SELECT working_days, same_day_cutoff, local_time_limit FROM procedure WHERE code = ?`, p.Code).
		Scan(&days, &cutoff, &local)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if err == nil && local {
		if p.WorkingDays == nil && days.Valid {
			n := int(days.Int64)
			p.WorkingDays, p.LocalTimeLimit = &n, true
		}
		if p.SameDayCutoff == "" {
			p.SameDayCutoff = cutoff
		}
	}
	return upsertProcedure(ctx, tx, p, db.stamp())
}

func (db *DB) applyOverride(ctx context.Context, tx *Tx, r data.OverrideRecord) error {
	date, _ := data.ParseDate(r.Date) // validated
	_, err := tx.ExecContext(ctx, `INSERT INTO calendar_override (date, off, name, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (date) DO UPDATE SET off = excluded.off, name = excluded.name, updated_at = excluded.updated_at`,
		date.Format(dateLayout), r.Off, data.Clean(r.Name), db.stamp())
	return err
}

// Cursor is the feed position after which to pull.
func (db *DB) Cursor(ctx context.Context) (int64, error) {
	var c int64
	err := db.read.QueryRowContext(ctx, `SELECT COALESCE((SELECT cursor FROM sync_state WHERE id = 1), 0)`).Scan(&c)
	if err != nil {
		return 0, fmt.Errorf("sqlite: sync cursor: %w", err)
	}
	return c, nil
}

// NeedsAttention lists, oldest first, the changes not yet dismissed that
// the province rejected and those pulled from it that could not be
// applied here.
func (db *DB) NeedsAttention(ctx context.Context) ([]data.Rejection, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT 0, id, key, kind, subject, reject_reason, created_at, rejected_at FROM outbox
			WHERE rejected_at IS NOT NULL AND dismissed_at IS NULL
		UNION ALL SELECT 1, seq, key, kind, subject, reason, changed_at, recorded_at FROM pull_problem
			WHERE dismissed_at IS NULL
		UNION ALL SELECT 0, 0, ?, 'audit.head', 'nhật ký, mục số ' || refused_seq, reason, refused_at, refused_at FROM audit_anchor
			WHERE reason <> '' AND dismissed_at IS NULL
		ORDER BY 1, 2`, data.AuditHeadKey)
	if err != nil {
		return nil, fmt.Errorf("sqlite: needs attention: %w", err)
	}
	defer rows.Close()
	var rs []data.Rejection
	for rows.Next() {
		var (
			r                 data.Rejection
			order             int64
			created, rejected string
		)
		if err := rows.Scan(&r.Incoming, &order, &r.Key, &r.Kind, &r.Subject, &r.Reason, &created, &rejected); err != nil {
			return nil, fmt.Errorf("sqlite: needs attention: %w", err)
		}
		r.CreatedAt, _ = time.Parse(time.RFC3339, created)
		r.RejectedAt, _ = time.Parse(time.RFC3339, rejected)
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// DismissRejection marks a rejected change, or a pulled one that could
// not be applied, as seen to by an officer.
func (db *DB) DismissRejection(ctx context.Context, key, actor string) error {
	var n int64
	err := db.inTx(ctx, func(tx *Tx) error {
		for _, q := range []string{
			`UPDATE outbox SET dismissed_at = ?, dismissed_by = ? WHERE key = ? AND rejected_at IS NOT NULL AND dismissed_at IS NULL`,
			`UPDATE pull_problem SET dismissed_at = ?, dismissed_by = ? WHERE key = ? AND dismissed_at IS NULL`,
			`UPDATE audit_anchor SET dismissed_at = ?, dismissed_by = ? WHERE ? = '` + data.AuditHeadKey + `' AND reason <> '' AND dismissed_at IS NULL`,
		} {
			res, err := tx.ExecContext(ctx, q, db.stamp(), actor, key)
			if err != nil {
				return err
			}
			m, _ := res.RowsAffected()
			n += m
		}
		if n == 0 {
			return nil
		}
		return db.audit(ctx, tx, actor, "sync.dismiss", key, "", map[string]string{"key": key})
	})
	if err != nil {
		return fmt.Errorf("sqlite: dismiss rejection: %w", err)
	}
	if n == 0 {
		return data.Errorf(data.ENotFound, "Không có thay đổi bị từ chối nào mang mã %q trong danh sách cần xử lý.", key)
	}
	return nil
}

// SyncSettings returns how this workstation reaches the province; all
// empty before enrollment.
func (db *DB) SyncSettings(ctx context.Context) (data.SyncSettings, error) {
	var s data.SyncSettings
	err := db.read.QueryRowContext(ctx, `SELECT server_url, token, ca_file FROM sync_state WHERE id = 1`).
		Scan(&s.ServerURL, &s.Token, &s.CAFile)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("sqlite: sync settings: %w", err)
	}
	return s, nil
}

// SaveSyncSettings stores how this workstation reaches the province. A
// different server starts its feed from the beginning.
func (db *DB) SaveSyncSettings(ctx context.Context, s data.SyncSettings) error {
	err := db.inTx(ctx, func(tx *Tx) error {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT server_url FROM sync_state WHERE id = 1`).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sync_state (id, server_url, token, ca_file, cursor, updated_at)
			VALUES (1, ?, ?, ?, 0, ?)
			ON CONFLICT (id) DO UPDATE SET server_url = excluded.server_url, token = excluded.token, ca_file = excluded.ca_file,
				cursor = CASE WHEN server_url = excluded.server_url THEN cursor ELSE 0 END, updated_at = excluded.updated_at`,
			s.ServerURL, s.Token, s.CAFile, db.stamp())
		if err != nil {
			return err
		}
		// The token is a secret: the entry names the server only.
		return db.audit(ctx, tx, "", "sync.enroll", s.ServerURL, "", map[string]string{"server": s.ServerURL, "ca_file": s.CAFile})
	})
	if err != nil {
		return fmt.Errorf("sqlite: save sync settings: %w", err)
	}
	return nil
}
