package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/intake"
)

// prepare validates a request and computes what saving it would record,
// but the code's sequence number, reading through q: the intake's own
// transaction, or the readers for a preview.
func (db *DB) prepare(ctx context.Context, q querier, req data.IntakeRequest) (data.Dossier, data.Office, error) {
	intake.Normalize(&req)
	now := db.Now()
	office, err := db.office(ctx, q)
	if err != nil {
		return data.Dossier{}, office, err
	}
	p, err := db.intakeProcedure(ctx, q, req.ProcedureCode)
	if err != nil {
		return data.Dossier{}, office, err
	}
	if err := intake.Validate(&req, p, now); err != nil {
		return data.Dossier{}, office, err
	}
	paid, exempt, err := intake.Fees(req, p)
	if err != nil {
		return data.Dossier{}, office, err
	}
	if len(paid) > 0 && !office.Collector.Configured() {
		return data.Dossier{}, office, noCollector()
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return data.Dossier{}, office, err
	}
	received := req.ReceivedAt
	if received.IsZero() {
		received = now
	}
	received = received.In(data.Zone).Truncate(time.Second)
	days := intake.WorkingDays(req, p)
	// The officer who receives it, as papers print it: the one named, or
	// the one the desk's context carries.
	officer := req.Officer
	if officer == "" {
		officer = data.OfficerFrom(ctx).FullName
	}
	if officer == "" {
		return data.Dossier{}, office, data.Errorf(data.EInvalid, "Hồ sơ chưa có cán bộ tiếp nhận: hãy đăng nhập bằng tài khoản của mình.")
	}
	d := data.Dossier{
		ProcedureCode: p.Code,
		ProcedureName: p.Name,
		Applicant:     req.Applicant,
		Documents:     req.Documents,
		Sets:          req.Sets,
		Channel:       req.Channel,
		ReturnMethod:  req.ReturnMethod,
		ReturnAddress: req.ReturnAddress,
		PostalItem:    req.PostalItem,
		ReceivedAt:    received,
		WorkingDays:   days,
		DueDate:       cal.Due(received, days, p.CutoffDuration()),
		Status:        data.StatusReceived,
		Book:          received.Year(),
		Officer:       officer,
		Workstation:   office.Workstation,
		Fees:          paid,
		FeeExempt:     exempt,
		FormSet:       data.FormSetFor(received).Circular,
	}
	if d.ReturnMethod == data.ReturnCounter {
		d.ReturnAddress = ""
	}
	return d, office, nil
}

// intakeProcedure reads what an intake needs of a procedure (not its
// list of papers); the zero Procedure when the catalogue lacks the code.
func (db *DB) intakeProcedure(ctx context.Context, q querier, code string) (data.Procedure, error) {
	var (
		p    data.Procedure
		days sql.NullInt64
	)
	var fees string
	err := q.QueryRowContext(ctx, `SELECT code, name, working_days, same_day_cutoff, postal_allowed, fees_known, fees, fees_exemptible
		FROM procedure WHERE code = ?`, code).Scan(&p.Code, &p.Name, &days, &p.SameDayCutoff, &p.PostalAllowed,
		&p.Fees.Known, &fees, &p.Fees.Exemptible)
	if errors.Is(err, sql.ErrNoRows) {
		return data.Procedure{}, nil
	}
	if err != nil {
		return p, fmt.Errorf("sqlite: procedure %s: %w", code, err)
	}
	if days.Valid {
		n := int(days.Int64)
		p.WorkingDays = &n
	}
	if p.Fees.Amounts, err = feeAmounts(fees); err != nil {
		return p, fmt.Errorf("sqlite: procedure %s: %w", code, err)
	}
	return p, nil
}

// Preview returns the dossier as Intake would save it now, with the code
// and register number it would get.
func (db *DB) Preview(ctx context.Context, req data.IntakeRequest) (data.Dossier, error) {
	d, office, err := db.prepare(ctx, db.read, req)
	if err != nil {
		return d, err
	}
	day, book, err := db.lastNumbers(ctx, db.read, d)
	if err != nil {
		return d, fmt.Errorf("sqlite: preview: %w", err)
	}
	d.Code = data.DossierCode(office.AgencyCode, d.ReceivedAt, db.seq.peek(day))
	d.RegisterNo = db.seq.peek(book)
	return d, nil
}

// lastNumbers returns what to ask the journal for a dossier's code and
// register number: the database's last numbers of its day and book,
// within its workstation's block.
func (db *DB) lastNumbers(ctx context.Context, q querier, d data.Dossier) (day, book ask, err error) {
	first, limit := data.SequenceBlock(d.Workstation)
	key := d.ReceivedAt.Format("060102")
	day = ask{key: dayKey(key, d.Workstation), floor: first - 1, limit: limit}
	book = ask{key: bookKey(d.Book, d.Workstation), limit: maxRegisterNo}
	err = q.QueryRowContext(ctx, `SELECT COALESCE((SELECT last FROM day_sequence WHERE day = ?), 0),
		COALESCE((SELECT last FROM register_book WHERE book = ?), 0)`, key, d.Book).Scan(&day.last, &book.last)
	return day, book, err
}

// Intake validates and saves a dossier in one transaction with its
// documents, register line, history, audit record and outbox row. It
// reads what it needs in that transaction too, through the writer's
// pages, which no other connection's write has made stale.
func (db *DB) Intake(ctx context.Context, req data.IntakeRequest) (data.Dossier, error) {
	var d data.Dossier
	err := db.inTx(ctx, func(tx *Tx) error {
		var (
			office data.Office
			err    error
		)
		if d, office, err = db.prepare(ctx, tx, req); err != nil {
			return err
		}
		day, book, err := db.lastNumbers(ctx, tx, d)
		if err != nil {
			return err
		}
		ns, err := db.seq.next(day, book)
		if err != nil {
			return err
		}
		if ns[0] > day.limit {
			return data.Errorf(data.EConflict,
				"Máy trạm %d đã dùng hết số hồ sơ của ngày %s (%04d–%04d). Hãy tiếp nhận tiếp ở máy trạm khác hoặc báo quản trị.",
				office.Workstation, d.ReceivedAt.Format("02/01/2006"), day.floor+1, day.limit)
		}
		d.Code, d.RegisterNo = data.DossierCode(office.AgencyCode, d.ReceivedAt, ns[0]), ns[1]
		if _, err := tx.ExecContext(ctx, `INSERT INTO day_sequence (day, last) VALUES (?, ?)
			ON CONFLICT (day) DO UPDATE SET last = excluded.last`, d.ReceivedAt.Format("060102"), ns[0]); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO register_book (book, last) VALUES (?, ?)
			ON CONFLICT (book) DO UPDATE SET last = excluded.last`, d.Book, ns[1]); err != nil {
			return err
		}
		if err := insertDossier(ctx, tx, d, db.stamp()); err != nil {
			return err
		}
		var receipts []data.FeeReceipt
		for _, fee := range d.Fees {
			r, err := db.issueReceipt(ctx, tx, office, d, fee, db.Now(), d.Officer, "")
			if err != nil {
				return err
			}
			receipts = append(receipts, r)
		}
		if err := db.event(ctx, tx, d.Code, d.Officer, "intake", "", data.StatusReceived, data.IntakeNote(d.Channel, d.DueDate)); err != nil {
			return err
		}
		rec := dossierPayload(d, receipts)
		if err := db.audit(ctx, tx, d.Officer, "dossier.intake", d.Code, d.ProcedureCode, rec); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, data.ChangeDossierCreated, d.Code, rec)
	})
	if err != nil {
		var de *data.Error
		if errors.As(err, &de) {
			return data.Dossier{}, err
		}
		return data.Dossier{}, fmt.Errorf("sqlite: intake: %w", err)
	}
	return d, nil
}

// insertDossier writes a dossier and its documents; the search index
// takes it with the batch it completes.
func insertDossier(ctx context.Context, tx *Tx, d data.Dossier, stamp string) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO dossier (code, procedure_code, procedure_name,
			applicant_name, applicant_id, applicant_birth, applicant_phone, applicant_email, applicant_address,
			sets, channel, return_method, return_address, postal_item, received_at, working_days, due_date,
			status, book, register_no, officer, workstation, fee_exempt, form_set, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.Code, d.ProcedureCode, d.ProcedureName,
		d.Applicant.Name, d.Applicant.IDNumber, dateOrEmpty(d.Applicant.BirthDate), d.Applicant.Phone, d.Applicant.Email, d.Applicant.Address,
		d.Sets, d.Channel, d.ReturnMethod, d.ReturnAddress, d.PostalItem, d.ReceivedAt.Format(time.RFC3339), d.WorkingDays,
		d.DueDate.Format(dateLayout), d.Status, d.Book, d.RegisterNo, d.Officer, d.Workstation, d.FeeExempt, d.FormSet, stamp)
	if err != nil {
		return err
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if err := insertDocuments(ctx, tx, d); err != nil {
		return err
	}
	return catchUpSearch(ctx, tx, rowid)
}

// insertDocuments writes a dossier's documents, each name once in
// document_name, in two statements whatever their number.
func insertDocuments(ctx context.Context, tx *Tx, d data.Dossier) error {
	if len(d.Documents) == 0 {
		return nil
	}
	names := make([]any, len(d.Documents))
	rows := make([]any, 0, 5*len(d.Documents))
	for i, doc := range d.Documents {
		names[i] = doc.Name
		rows = append(rows, d.Code, i+1, doc.Name, doc.Originals, doc.Copies)
	}
	n := len(d.Documents)
	if _, err := tx.ExecContext(ctx, `INSERT INTO document_name (name) VALUES `+repeat("(?)", n)+
		` ON CONFLICT (name) DO NOTHING`, names...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO dossier_document (dossier_code, position, name_id, originals, copies) VALUES `+
		repeat("(?, ?, (SELECT id FROM document_name WHERE name = ?), ?, ?)", n), rows...)
	return err
}

// repeat is n copies of a row of values, comma-separated.
func repeat(row string, n int) string {
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// event adds a line to a dossier's history: actor is the name it shows,
// the account that of the officer the context carries.
func (db *DB) event(ctx context.Context, tx *Tx, code, actor, action string, from, to data.Status, note string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO dossier_event (dossier_code, at, actor, account, action, from_status, to_status, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, code, db.stamp(), actor, data.OfficerFrom(ctx).Username, action, from, to, note)
	return err
}

// enqueue writes a change for the provincial sync, in the caller's
// transaction, under a fresh idempotency key.
func (db *DB) enqueue(ctx context.Context, tx *Tx, kind data.ChangeKind, subject string, payload data.Payload) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	var key [16]byte
	if _, err := rand.Read(key[:]); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO outbox (key, kind, subject, payload, created_at) VALUES (?, ?, ?, ?, ?)`,
		hex.EncodeToString(key[:]), kind, subject, string(body), db.stamp())
	return err
}

// dossierPayload is a dossier as the provincial sync carries it, with
// the receipts of the fees collected at intake.
func dossierPayload(d data.Dossier, receipts []data.FeeReceipt) data.DossierRecord {
	r := data.DossierRecord{Code: d.Code, ProcedureCode: d.ProcedureCode, ProcedureName: d.ProcedureName,
		Applicant: data.ApplicantRecord{Name: d.Applicant.Name, IDNumber: d.Applicant.IDNumber,
			BirthDate: dateOrEmpty(d.Applicant.BirthDate), Phone: d.Applicant.Phone, Email: d.Applicant.Email,
			Address: d.Applicant.Address},
		Documents: []data.DocumentRecord{}, Sets: d.Sets, Channel: string(d.Channel), ReturnMethod: string(d.ReturnMethod),
		ReturnAddress: d.ReturnAddress, PostalItem: d.PostalItem, ReceivedAt: d.ReceivedAt.Format(time.RFC3339),
		WorkingDays: d.WorkingDays, DueDate: d.DueDate.Format(dateLayout), Status: d.Status, Book: d.Book,
		RegisterNo: d.RegisterNo, Officer: d.Officer, Workstation: d.Workstation, FeeExempt: d.FeeExempt, FormSet: d.FormSet}
	for _, doc := range d.Documents {
		r.Documents = append(r.Documents, data.DocumentRecord(doc))
	}
	for _, rc := range receipts {
		r.Receipts = append(r.Receipts, data.NewFeeReceiptRecord(rc))
	}
	return r
}

// Dossier returns one dossier with its documents.
func (db *DB) Dossier(ctx context.Context, code string) (data.Dossier, error) {
	return db.dossier(ctx, db.read, code)
}

// dossierTx reads a dossier inside a write transaction.
func (db *DB) dossierTx(ctx context.Context, tx *Tx, code string) (data.Dossier, error) {
	return db.dossier(ctx, tx, code)
}

func (db *DB) dossier(ctx context.Context, q querier, code string) (data.Dossier, error) {
	d, err := scanDossier(q.QueryRowContext(ctx, `SELECT `+dossierColumns+` FROM dossier WHERE code = ?`, data.Clean(code)))
	if errors.Is(err, sql.ErrNoRows) {
		return d, data.Errorf(data.ENotFound, "Không tìm thấy hồ sơ mã %q.", code)
	}
	if err != nil {
		return d, fmt.Errorf("sqlite: dossier %s: %w", code, err)
	}
	rows, err := q.QueryContext(ctx, `SELECT n.name, x.originals, x.copies FROM dossier_document x
		JOIN document_name n ON n.id = x.name_id WHERE x.dossier_code = ? ORDER BY x.position`, d.Code)
	if err != nil {
		return d, fmt.Errorf("sqlite: dossier %s: %w", code, err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc data.SubmittedDocument
		if err := rows.Scan(&doc.Name, &doc.Originals, &doc.Copies); err != nil {
			return d, fmt.Errorf("sqlite: dossier %s: %w", code, err)
		}
		d.Documents = append(d.Documents, doc)
	}
	if err := rows.Err(); err != nil {
		return d, fmt.Errorf("sqlite: dossier %s: %w", code, err)
	}
	rows.Close()
	if d.Fees, err = db.feesOf(ctx, q, d.Code); err != nil {
		return d, err
	}
	return d, nil
}

// dossierColumns are the columns scanDossier reads, in its order.
const dossierColumns = `code, procedure_code, procedure_name, applicant_name, applicant_id,
	applicant_birth, applicant_phone, applicant_email, applicant_address, sets, channel, return_method,
	return_address, postal_item, received_at, working_days, due_date, status, book, register_no, officer, workstation,
	fee_exempt, form_set`

// scanDossier reads a dossier, without its documents, from a row of
// dossierColumns.
func scanDossier(row interface{ Scan(...any) error }) (data.Dossier, error) {
	var (
		d                       data.Dossier
		birth, received, due    string
		channel, method, status string
	)
	err := row.Scan(&d.Code, &d.ProcedureCode, &d.ProcedureName,
		&d.Applicant.Name, &d.Applicant.IDNumber, &birth, &d.Applicant.Phone, &d.Applicant.Email, &d.Applicant.Address,
		&d.Sets, &channel, &method, &d.ReturnAddress, &d.PostalItem, &received, &d.WorkingDays, &due, &status,
		&d.Book, &d.RegisterNo, &d.Officer, &d.Workstation, &d.FeeExempt, &d.FormSet)
	if err != nil {
		return d, err
	}
	d.Channel, d.ReturnMethod, d.Status = data.Channel(channel), data.ReturnMethod(method), data.Status(status)
	if birth != "" {
		d.Applicant.BirthDate, _ = data.ParseDate(birth)
	}
	if d.ReceivedAt, err = time.Parse(time.RFC3339, received); err != nil {
		return d, err
	}
	d.ReceivedAt = d.ReceivedAt.In(data.Zone)
	d.DueDate, err = data.ParseDate(due)
	return d, err
}

// History returns a dossier's events, oldest first.
func (db *DB) History(ctx context.Context, code string) ([]data.Event, error) {
	return db.history(ctx, db.read, data.Clean(code))
}

func (db *DB) history(ctx context.Context, q querier, code string) ([]data.Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT at, actor, action, from_status, to_status, note, undone
		FROM dossier_event WHERE dossier_code = ? ORDER BY id`, code)
	if err != nil {
		return nil, fmt.Errorf("sqlite: history %s: %w", code, err)
	}
	defer rows.Close()
	var es []data.Event
	for rows.Next() {
		var (
			e        data.Event
			at       string
			from, to string
		)
		if err := rows.Scan(&at, &e.Actor, &e.Action, &from, &to, &e.Note, &e.Undone); err != nil {
			return nil, fmt.Errorf("sqlite: history %s: %w", code, err)
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		e.At = e.At.In(data.Zone)
		e.From, e.To = data.Status(from), data.Status(to)
		es = append(es, e)
	}
	return es, rows.Err()
}

// RecordPrint counts a printout and audits it; it returns the reprint
// number, 0 for the first printout of that kind.
func (db *DB) RecordPrint(ctx context.Context, code, kind, actor string) (int, error) {
	var n int
	err := db.inTx(ctx, func(tx *Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossier WHERE code = ?`, code).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return data.Errorf(data.ENotFound, "Không tìm thấy hồ sơ mã %q.", code)
		}
		// The first paper fixes the form set the dossier's papers print
		// with: the one in force when it was received.
		var received, set string
		if err := tx.QueryRowContext(ctx, `SELECT received_at, form_set FROM dossier WHERE code = ?`, code).Scan(&received, &set); err != nil {
			return err
		}
		if set == "" {
			if _, err := tx.ExecContext(ctx, `UPDATE dossier SET form_set = ? WHERE code = ?`,
				data.FormSetFor(parseStamp(received)).Circular, code); err != nil {
				return err
			}
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM printout WHERE dossier_code = ? AND kind = ?`, code, kind).Scan(&n); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO printout (dossier_code, kind, reprint, at, actor) VALUES (?, ?, ?, ?, ?)`,
			code, kind, n, db.stamp(), actor); err != nil {
			return err
		}
		return db.audit(ctx, tx, actor, "print."+kind, code, fmt.Sprintf("lần in %d", n+1), map[string]any{"kind": kind, "reprint": n})
	})
	if err != nil && data.ErrorCode(err) == data.EInternal {
		return 0, fmt.Errorf("sqlite: record print: %w", err)
	}
	return n, err
}

// PrintCount says how many printouts of a kind a dossier had.
func (db *DB) PrintCount(ctx context.Context, code, kind string) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM printout WHERE dossier_code = ? AND kind = ?`, code, kind).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("sqlite: print count: %w", err)
	}
	return n, nil
}

// statusOf reads a dossier's status in a write transaction; a code the
// store does not hold is the officer's not-found error.
func statusOf(ctx context.Context, tx *Tx, code string) (data.Status, error) {
	var status data.Status
	err := tx.QueryRowContext(ctx, `SELECT status FROM dossier WHERE code = ?`, code).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return status, data.Errorf(data.ENotFound, "Không tìm thấy hồ sơ mã %q.", code)
	}
	return status, err
}

// SetStatus moves a dossier to another status, if its life cycle allows.
func (db *DB) SetStatus(ctx context.Context, code string, to data.Status, actor, note string) (data.Dossier, error) {
	code = data.Clean(code)
	err := db.inTx(ctx, func(tx *Tx) error {
		from, err := statusOf(ctx, tx, code)
		if err != nil {
			return err
		}
		return db.setStatusTx(ctx, tx, code, from, to, actor, note)
	})
	if err != nil {
		return data.Dossier{}, wrapErr("set status "+code, err)
	}
	return db.Dossier(ctx, code)
}

// setStatusTx moves a dossier known to be in from, with its history,
// audit record and outbox row, in the caller's transaction.
func (db *DB) setStatusTx(ctx context.Context, tx *Tx, code string, from, to data.Status, actor, note string) error {
	if !data.CanTransition(from, to) {
		return data.TransitionError(code, from, to)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE dossier SET status = ?, updated_at = ?,
			result_ready_at = CASE WHEN ? = 'result-ready' THEN ? ELSE result_ready_at END WHERE code = ?`,
		to, db.stamp(), to, db.stamp(), code); err != nil {
		return err
	}
	note = data.Clean(note)
	if err := db.event(ctx, tx, code, actor, "status", from, to, note); err != nil {
		return err
	}
	change := data.StatusChange{Code: code, From: from, To: to, Note: note, Actor: actor}
	if err := db.audit(ctx, tx, actor, "dossier.status", code, string(from)+" → "+string(to), change); err != nil {
		return err
	}
	return db.enqueue(ctx, tx, data.ChangeDossierStatus, code, change)
}

// AddKey records a public key that signs receipts.
func (db *DB) AddKey(ctx context.Context, k data.WorkstationKey) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO workstation_key (agency_code, workstation, public_key, created_at)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, k.AgencyCode, k.Workstation, k.PublicKey, db.stamp())
	if err != nil {
		return fmt.Errorf("sqlite: add key: %w", err)
	}
	return nil
}

// Keys lists every known public key.
func (db *DB) Keys(ctx context.Context) ([]data.WorkstationKey, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT agency_code, workstation, public_key FROM workstation_key ORDER BY agency_code, workstation`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: keys: %w", err)
	}
	defer rows.Close()
	var ks []data.WorkstationKey
	for rows.Next() {
		var k data.WorkstationKey
		if err := rows.Scan(&k.AgencyCode, &k.Workstation, &k.PublicKey); err != nil {
			return nil, fmt.Errorf("sqlite: keys: %w", err)
		}
		ks = append(ks, k)
	}
	return ks, rows.Err()
}
