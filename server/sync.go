package server

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"motcua/data"
)

// CheckPush validates a batch before anything is written: every change
// must be of a kind a workstation sends, well formed (EInvalid otherwise)
// and about a dossier of the caller's office (EForbidden otherwise).
// Either refuses the whole batch. It returns each change's payload, read
// once, for Push to apply.
func CheckPush(ws Workstation, cs []data.OutboxChange) ([]data.Payload, error) {
	var bad data.Fields
	keys := make(map[string]bool, len(cs))
	payloads := make([]data.Payload, len(cs))
	for i, c := range cs {
		field := fmt.Sprintf("changes[%d]", i)
		switch {
		case c.Key == "" || len(c.Key) > 100:
			bad.Add(field+".key", "khoá phải có từ 1 đến 100 ký tự")
		case keys[c.Key]:
			bad.Add(field+".key", "khoá %q lặp lại trong cùng một lần gửi", c.Key)
		}
		keys[c.Key] = true
		if c.CreatedAt.IsZero() {
			bad.Add(field+".created_at", "thiếu thời điểm ghi")
		}
		if !c.Kind.FromWorkstation() {
			bad.Add(field+".kind", "loại thay đổi %q không có", c.Kind)
			continue
		}
		p, err := data.DecodeChange(c.Kind, c.Payload)
		if err != nil {
			bad.Add(field+".payload", "%s", err)
		}
		if p == nil {
			continue
		}
		payloads[i] = p
		if code := p.Subject(); code != c.Subject {
			bad.Add(field+".subject", "mã hồ sơ %q khác mã trong nội dung %q", c.Subject, code)
		}
		// A workstation sends the receipts it numbered, from its block.
		var receipts []data.FeeReceiptRecord
		switch p := p.(type) {
		case *data.DossierRecord:
			receipts = p.Receipts
		case *data.FeesRecord:
			receipts = p.Receipts
		}
		for k, r := range receipts {
			if r.Workstation != ws.Number {
				bad.Add(fmt.Sprintf("%s.payload.fee_receipts[%d]", field, k), "biên lai số %08d thuộc dãy số của máy trạm %d; máy trạm %d chỉ gửi biên lai mình lập",
					r.Number, r.Workstation, ws.Number)
			}
		}
	}
	if err := bad.Err("Lô thay đổi gửi lên chưa hợp lệ, chưa ghi gì."); err != nil {
		return nil, err
	}
	for _, c := range cs {
		if agency := data.AgencyOf(c.Subject); agency != ws.AgencyCode {
			return nil, data.Errorf(EForbidden, "Hồ sơ %s thuộc đơn vị %s; máy trạm %d của đơn vị %s chỉ được ghi hồ sơ của đơn vị mình. Chưa ghi gì.",
				c.Subject, agency, ws.Number, ws.AgencyCode)
		}
	}
	return payloads, nil
}

// Push applies a checked batch of a workstation's changes in one
// transaction and returns a result for each, in order. A change whose key
// was seen before is not applied again: it gets its first result, as
// "duplicate" when it was applied. A change that the province cannot
// apply (unknown dossier, transition the life cycle forbids, dossier
// created twice) is rejected with a reason and its result kept.
func (s *Store) Push(ctx context.Context, ws Workstation, cs []data.OutboxChange) ([]data.ChangeResult, error) {
	payloads, err := CheckPush(ws, cs)
	if err != nil {
		return nil, err
	}
	var results []data.ChangeResult
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		results = make([]data.ChangeResult, len(cs))
		return s.push(ctx, tx, ws, cs, payloads, results)
	})
	if err != nil {
		return nil, fmt.Errorf("server: push: %w", err)
	}
	return results, nil
}

func (s *Store) push(ctx context.Context, tx pgx.Tx, ws Workstation, cs []data.OutboxChange, payloads []data.Payload, results []data.ChangeResult) error {
	if err := lockOffice(ctx, tx, ws.OfficeID); err != nil {
		return err
	}
	keys := make([]string, len(cs))
	codes := make([]string, 0, len(cs))
	for i, c := range cs {
		keys[i] = c.Key
		codes = append(codes, c.Subject)
	}
	prior := map[string]data.ChangeResult{}
	// Lookups join an unnested array: one primary-key probe per element
	// (key = ANY(array) was planned far slower as the tables grew).
	rows, _ := tx.Query(ctx, `SELECT a.key, a.result, a.reason, a.status, a.seq
		FROM unnest($2::text[]) AS k(key) JOIN applied_change a ON a.workstation_id = $1 AND a.key = k.key`, ws.ID, keys)
	var r data.ChangeResult
	var seq *int64
	_, err := pgx.ForEachRow(rows, []any{&r.Key, &r.Result, &r.Reason, &r.Status, &seq}, func() error {
		if r.Result == data.ResultApplied {
			r.Result = data.ResultDuplicate
		}
		if seq != nil {
			r.Seq = *seq
		}
		prior[r.Key] = r
		r, seq = data.ChangeResult{}, nil
		return nil
	})
	if err != nil {
		return err
	}
	status := map[string]data.Status{}
	rows, _ = tx.Query(ctx, `SELECT d.code, d.status FROM unnest($1::text[]) AS k(code) JOIN dossier d ON d.code = k.code
		ORDER BY d.code FOR UPDATE OF d`, codes)
	var (
		code string
		st   data.Status
	)
	if _, err := pgx.ForEachRow(rows, []any{&code, &st}, func() error { status[code] = st; return nil }); err != nil {
		return err
	}

	hist, err := undoHistories(ctx, tx, payloads)
	if err != nil {
		return err
	}
	var (
		dossiers, events, feed, applied [][]any
		changed                         []data.DossierUpdate // dates and return methods, in order
		fees                            []data.FeesRecord    // fees collected after intake, in order
		profile                         *data.OfficeProfile  // the office's latest name and place
		updates                         = map[string]data.Status{}
		feedAt                          []int // index into cs of each feed row
	)
	// event adds a history line, to the histories of the dossiers an undo
	// of the batch needs too.
	event := func(code string, c data.OutboxChange, actor, action string, from, to data.Status, note string) {
		events = append(events, []any{code, ws.ID, c.Key, c.CreatedAt, actor, action, string(from), string(to), note})
		if h, ok := hist[code]; ok {
			hist[code] = append(h, data.Event{At: c.CreatedAt, Actor: actor, Action: action, From: from, To: to, Note: note})
		}
	}
	for i, c := range cs {
		if p, ok := prior[c.Key]; ok {
			results[i] = p
			continue
		}
		results[i] = data.ChangeResult{Key: c.Key, Result: data.ResultApplied}
		switch p := payloads[i].(type) {
		case *data.DossierRecord:
			rec := *p
			if _, ok := status[rec.Code]; ok {
				results[i] = rejected(c.Key, fmt.Sprintf("Hồ sơ %s đã có trên cơ sở dữ liệu của tỉnh; không ghi lần thứ hai.", rec.Code), "")
				break
			}
			status[rec.Code] = rec.Status
			received, _ := time.Parse(time.RFC3339, rec.ReceivedAt)
			due, _ := data.ParseDate(rec.DueDate)
			dossiers = append(dossiers, []any{rec.Code, ws.OfficeID, rec.Workstation, rec.ProcedureCode, data.Clean(rec.Applicant.Name),
				rec.Applicant.IDNumber, received, due, string(rec.Status), []byte(c.Payload), c.CreatedAt, c.CreatedAt, postalItem(rec.PostalItem)})
			event(rec.Code, c, data.Clean(rec.Officer), "intake", "", data.StatusReceived, data.IntakeNote(data.Channel(rec.Channel), due))
		case *data.StatusChange:
			sc := *p
			cur, ok := status[sc.Code]
			action := "status"
			switch {
			case !ok:
				results[i] = rejected(c.Key, fmt.Sprintf("Cơ sở dữ liệu của tỉnh chưa có hồ sơ %s nên không đổi được trạng thái.", sc.Code), "")
			case sc.Undo:
				if err := checkUndo(cur, sc, hist[sc.Code]); err != nil {
					results[i] = rejected(c.Key, data.ErrorMessage(err)+" (theo cơ sở dữ liệu của tỉnh)", cur)
				}
				action = data.ActionUndo
			case !data.CanTransition(cur, sc.To):
				results[i] = rejected(c.Key, data.ErrorMessage(data.TransitionError(sc.Code, cur, sc.To))+" (theo cơ sở dữ liệu của tỉnh)", cur)
			}
			if ok && results[i].Result == data.ResultApplied {
				status[sc.Code], updates[sc.Code] = sc.To, sc.To
				event(sc.Code, c, data.Clean(sc.Actor), action, cur, sc.To, data.Clean(sc.Note))
			}
		case *data.DossierUpdate:
			u := *p
			cur, ok := status[u.Code]
			if !ok {
				results[i] = rejected(c.Key, fmt.Sprintf("Cơ sở dữ liệu của tỉnh chưa có hồ sơ %s nên không cập nhật được.", u.Code), "")
				break
			}
			changed = append(changed, u)
			event(u.Code, c, data.Clean(u.Actor), u.Action, cur, cur, data.Clean(u.Note))
		case *data.FeesRecord:
			f := *p
			cur, ok := status[f.Code]
			if !ok {
				results[i] = rejected(c.Key, fmt.Sprintf("Cơ sở dữ liệu của tỉnh chưa có hồ sơ %s nên chưa ghi được phí, lệ phí.", f.Code), "")
				break
			}
			fees = append(fees, f)
			event(f.Code, c, data.Clean(f.Actor), "fees", cur, cur, data.Clean(f.Note))
		case *data.OfficeProfile:
			// Not in the feed: each workstation keeps its own set-up.
			profile = p
			continue
		case *data.AccountRecord:
			if err := saveAccount(ctx, tx, ws, *p); err != nil {
				return err
			}
		}
		if results[i].Result == data.ResultApplied {
			feedAt = append(feedAt, i)
		}
	}
	seqs, err := nextSeqs(ctx, tx, len(feedAt))
	if err != nil {
		return err
	}
	for n, i := range feedAt {
		c := cs[i]
		results[i].Seq = seqs[n]
		feed = append(feed, []any{seqs[n], ws.OfficeID, ws.ID, c.Key, string(c.Kind), c.Subject, []byte(c.Payload), c.CreatedAt})
	}
	for i, r := range results {
		if _, ok := prior[r.Key]; ok {
			continue
		}
		var seq *int64
		if r.Seq > 0 {
			seq = &results[i].Seq
		}
		applied = append(applied, []any{ws.ID, r.Key, r.Result, r.Reason, string(r.Status), seq})
	}

	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"dossier"}, []string{"code", "office_id", "workstation", "procedure_code",
		"applicant_name", "applicant_id", "received_at", "due_date", "status", "record", "created_at", "updated_at", "postal_item"},
		pgx.CopyFromRows(dossiers)); err != nil {
		return err
	}
	if len(updates) > 0 {
		var ucodes, ustatus []string
		for c, s := range updates {
			ucodes, ustatus = append(ucodes, c), append(ustatus, string(s))
		}
		if _, err := tx.Exec(ctx, `UPDATE dossier d SET status = u.status, updated_at = now()
			FROM unnest($1::text[], $2::text[]) AS u(code, status) WHERE d.code = u.code`, ucodes, ustatus); err != nil {
			return err
		}
	}
	for _, u := range changed {
		if u.Action == data.UpdateToPost {
			// The operator reports the delivery by this number.
			if _, err := tx.Exec(ctx, `INSERT INTO postal_result (item, dossier_code, handed_at) VALUES ($1, $2, now())
				ON CONFLICT (item) DO NOTHING`, u.ResultItem, u.Code); err != nil {
				return err
			}
			continue
		}
		var received *time.Time
		if u.ReceivedAt != "" {
			t, _ := time.Parse(time.RFC3339, u.ReceivedAt) // checked
			received = &t
		}
		var due *time.Time
		if u.DueDate != "" {
			d, _ := data.ParseDate(u.DueDate) // checked
			due = &d
		}
		if _, err := tx.Exec(ctx, `UPDATE dossier SET received_at = COALESCE($2, received_at),
			due_date = COALESCE($3, due_date), updated_at = now() WHERE code = $1`, u.Code, received, due); err != nil {
			return err
		}
	}
	// The fees and their receipts are part of the dossier's record, as
	// those collected at intake are.
	for _, f := range fees {
		receipts, err := json.Marshal(f.Receipts)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE dossier SET record = jsonb_set(record, '{fee_receipts}',
			COALESCE(record->'fee_receipts', '[]'::jsonb) || $2::jsonb), updated_at = now() WHERE code = $1`, f.Code, receipts); err != nil {
			return err
		}
	}
	if profile != nil {
		if _, err := tx.Exec(ctx, `UPDATE office SET name = $2, place = $3 WHERE id = $1`, ws.OfficeID,
			data.Clean(profile.Name), data.Clean(profile.Place)); err != nil {
			return err
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"dossier_event"}, []string{"dossier_code", "workstation_id", "change_key",
		"at", "actor", "action", "from_status", "to_status", "note"}, pgx.CopyFromRows(events)); err != nil {
		return err
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"feed"}, []string{"seq", "office_id", "workstation_id", "key", "kind",
		"subject", "payload", "at"}, pgx.CopyFromRows(feed)); err != nil {
		return err
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"applied_change"}, []string{"workstation_id", "key", "result", "reason",
		"status", "seq"}, pgx.CopyFromRows(applied))
	return err
}

// undoHistories reads the histories of the dossiers the batch's undos
// are of, oldest line first; each holds an entry, empty for a dossier the
// batch creates, that the batch's own lines join as they are applied.
func undoHistories(ctx context.Context, tx pgx.Tx, payloads []data.Payload) (map[string][]data.Event, error) {
	hist := map[string][]data.Event{}
	var codes []string
	for _, p := range payloads {
		if sc, ok := p.(*data.StatusChange); ok && sc.Undo {
			if _, ok := hist[sc.Code]; !ok {
				hist[sc.Code] = []data.Event{}
				codes = append(codes, sc.Code)
			}
		}
	}
	if len(codes) == 0 {
		return hist, nil
	}
	rows, _ := tx.Query(ctx, `SELECT dossier_code, at, actor, action, from_status, to_status, note FROM dossier_event
		WHERE dossier_code = ANY($1) ORDER BY id`, codes)
	var (
		code string
		e    data.Event
	)
	_, err := pgx.ForEachRow(rows, []any{&code, &e.At, &e.Actor, &e.Action, &e.From, &e.To, &e.Note}, func() error {
		hist[code] = append(hist[code], e)
		return nil
	})
	return hist, err
}

// checkUndo says why the province refuses an undo of a dossier in status
// cur with that history: it must undo the last status change the history
// holds, as data.LastChange allows, from the status the dossier is in.
func checkUndo(cur data.Status, sc data.StatusChange, hist []data.Event) error {
	if cur != sc.From {
		return data.Errorf(data.EConflict, "Hồ sơ %s đang ở trạng thái “%s”, không phải “%s”; không hoàn tác được.", sc.Code, cur.Label(), sc.From.Label())
	}
	last, err := data.LastChange(sc.Code, hist)
	if err != nil {
		return err
	}
	if last.To != sc.From || last.From != sc.To {
		return data.Errorf(data.EConflict, "Thay đổi cuối của hồ sơ %s là từ “%s” sang “%s”; không hoàn tác được thay đổi khác.",
			sc.Code, last.From.Label(), last.To.Label())
	}
	return nil
}

// postalItem is a dossier's postal item as its column holds it: NULL
// when it has none.
func postalItem(item string) *string {
	if item == "" {
		return nil
	}
	return &item
}

func rejected(key, reason string, status data.Status) data.ChangeResult {
	return data.ChangeResult{Key: key, Result: data.ResultRejected, Reason: reason, Status: status}
}

// MaxPull is the most changes one pull returns.
const MaxPull = 1000

// Pull returns, after the cursor, the changes of the caller's office (its
// own included, so that a restored or replaced PC gets back what it had
// pushed) and the province's own changes, ordered by feed sequence; and
// the public keys of every workstation of the office.
func (s *Store) Pull(ctx context.Context, ws Workstation, after int64, limit int) (data.PullPage, error) {
	limit = min(max(limit, 1), MaxPull)
	page := data.PullPage{Next: after, Changes: []data.RemoteChange{}, Keys: []data.KeyJSON{}}
	rows, _ := s.pool.Query(ctx, `SELECT f.seq, f.key, f.kind, f.subject, f.payload, COALESCE(w.number, 0), f.at
		FROM ((SELECT * FROM feed WHERE office_id = $2 AND seq > $1 ORDER BY seq LIMIT $3)
			UNION ALL (SELECT * FROM feed WHERE office_id IS NULL AND seq > $1 ORDER BY seq LIMIT $3)) f
		LEFT JOIN workstation w ON w.id = f.workstation_id
		ORDER BY f.seq LIMIT $3`, after, ws.OfficeID, limit)
	var (
		c     data.RemoteChange
		n     int
		clock = time.Now()
	)
	_, err := pgx.ForEachRow(rows, []any{&c.Seq, &c.Key, &c.Kind, &c.Subject, &c.Payload, &c.Workstation, &c.At}, func() error {
		n++
		page.Next = c.Seq
		c.At = c.At.In(data.Zone)
		page.Changes = append(page.Changes, c)
		c = data.RemoteChange{}
		return nil
	})
	if err != nil {
		return page, fmt.Errorf("server: pull: %w", err)
	}
	page.More = n == limit
	if page.More {
		err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM feed WHERE office_id = $1 AND seq > $2)
			+ (SELECT count(*) FROM feed WHERE office_id IS NULL AND seq > $2)`, ws.OfficeID, page.Next).Scan(&page.Remaining)
		if err != nil {
			return page, fmt.Errorf("server: pull: count remaining: %w", err)
		}
	}
	rows, _ = s.pool.Query(ctx, `SELECT o.agency_code, w.number, k.public_key FROM workstation_key k
		JOIN workstation w ON w.id = k.workstation_id JOIN office o ON o.id = w.office_id
		WHERE w.office_id = $1 ORDER BY w.number, k.created_at`, ws.OfficeID)
	var k data.KeyJSON
	_, err = pgx.ForEachRow(rows, []any{&k.AgencyCode, &k.Workstation, &k.PublicKey}, func() error {
		page.Keys = append(page.Keys, k)
		k = data.KeyJSON{}
		return nil
	})
	if err != nil {
		return page, fmt.Errorf("server: pull keys: %w", err)
	}
	page.ServerTime = clock
	return page, nil
}

// ImportProcedures publishes procedures to every office: each one new or
// changed gets a row in the feed. It returns how many changed.
func (s *Store) ImportProcedures(ctx context.Context, ps []data.Procedure) (int, error) {
	changed := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := lockProvince(ctx, tx); err != nil {
			return err
		}
		for _, p := range ps {
			rec, err := json.Marshal(data.NewProcedureRecord(p))
			if err != nil {
				return err
			}
			tag, err := tx.Exec(ctx, `INSERT INTO procedure (code, record) VALUES ($1, $2)
				ON CONFLICT (code) DO UPDATE SET record = excluded.record, updated_at = now()
				WHERE procedure.record IS DISTINCT FROM excluded.record`, p.Code, rec)
			if err != nil {
				return err
			}
			if tag.RowsAffected() == 0 {
				continue
			}
			changed++
			if err := provinceChange(ctx, tx, data.ChangeProcedure, p.Code, rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("server: import procedures: %w", err)
	}
	return changed, nil
}

// SetOverride publishes a day off or a make-up working day to every office.
func (s *Store) SetOverride(ctx context.Context, o data.Override) error {
	if o.Name = data.Clean(o.Name); o.Name == "" {
		return data.Errorf(data.EInvalid, "Hãy nhập tên (lý do) của ngày %s.", o.Date.Format("02/01/2006"))
	}
	rec, err := json.Marshal(data.OverrideRecord{Date: o.Date.Format(time.DateOnly), Off: o.Off, Name: o.Name})
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if err := lockProvince(ctx, tx); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO calendar_override (date, off, name) VALUES ($1, $2, $3)
			ON CONFLICT (date) DO UPDATE SET off = excluded.off, name = excluded.name, updated_at = now()`,
			o.Date.Format(time.DateOnly), o.Off, o.Name); err != nil {
			return err
		}
		return provinceChange(ctx, tx, data.ChangeOverride, o.Date.Format(time.DateOnly), rec)
	})
	if err != nil {
		return fmt.Errorf("server: set override: %w", err)
	}
	return nil
}

func provinceChange(ctx context.Context, tx pgx.Tx, kind data.ChangeKind, subject string, payload []byte) error {
	_, err := tx.Exec(ctx, `INSERT INTO feed (office_id, workstation_id, key, kind, subject, payload, at)
		VALUES (NULL, NULL, $1, $2, $3, $4, now())`, newKey(), string(kind), subject, payload)
	return err
}

// SetStatus records a status change made by a processing agency (or the
// province) and passes it to the dossier's office.
func (s *Store) SetStatus(ctx context.Context, code string, to data.Status, agency, note string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var officeID int64
		err := tx.QueryRow(ctx, `SELECT office_id FROM dossier WHERE code = $1`, code).Scan(&officeID)
		if err == pgx.ErrNoRows {
			return data.Errorf(data.ENotFound, "Không tìm thấy hồ sơ mã %q.", code)
		}
		if err != nil {
			return err
		}
		if err := lockOffice(ctx, tx, officeID); err != nil {
			return err
		}
		var from data.Status
		if err := tx.QueryRow(ctx, `SELECT status FROM dossier WHERE code = $1 FOR UPDATE`, code).Scan(&from); err != nil {
			return err
		}
		if !data.CanTransition(from, to) {
			return data.TransitionError(code, from, to)
		}
		key, now := newKey(), time.Now()
		agency, note = data.Clean(agency), data.Clean(note)
		payload, err := json.Marshal(data.StatusChange{Code: code, From: from, To: to, Note: note, Actor: agency})
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE dossier SET status = $1, updated_at = now() WHERE code = $2`, to, code); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO dossier_event (dossier_code, workstation_id, change_key, at, actor, action, from_status, to_status, note)
			VALUES ($1, NULL, $2, $3, $4, 'status', $5, $6, $7)`, code, key, now, agency, from, to, note); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO feed (office_id, workstation_id, key, kind, subject, payload, at)
			VALUES ($1, NULL, $2, $3, $4, $5, $6)`, officeID, key, string(data.ChangeDossierStatus), code, payload, now)
		return err
	})
	if err != nil && data.ErrorCode(err) == data.EInternal {
		return fmt.Errorf("server: set status %s: %w", code, err)
	}
	return err
}
