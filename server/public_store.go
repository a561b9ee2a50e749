package server

import (
	"context"
	"crypto/ed25519"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"motcua/data"
)

// The lookups of the public pages, each by a key with an index: a lookup
// stays fast with millions of dossiers (see BenchmarkPublicLookup).
const (
	keysQuery = `SELECT k.public_key FROM office o JOIN workstation w ON w.office_id = o.id
		JOIN workstation_key k ON k.workstation_id = w.id WHERE o.agency_code = $1`
	dossierQuery = `SELECT d.procedure_code, COALESCE(d.record->>'procedure_name', ''), d.applicant_name,
			o.name, o.place, d.status, d.received_at, d.due_date, r.level, r.comment, r.rated_at
		FROM dossier d JOIN office o ON o.id = d.office_id LEFT JOIN rating r ON r.dossier_code = d.code
		WHERE d.code = $1`
	eventsQuery = `SELECT at, action, from_status, to_status, workstation_id IS NOT NULL, actor
		FROM dossier_event WHERE dossier_code = $1 ORDER BY id`
	applicantQuery = `SELECT applicant_id FROM dossier WHERE code = $1`
)

// PublicDossier is what the public tracking page may show of a dossier:
// the applicant's name masked, and no ID number, phone, address or email.
type PublicDossier struct {
	Code          string
	ProcedureCode string
	ProcedureName string
	Applicant     string // data.MaskName of the applicant's name
	Office        string // the receiving office's name; "" when the province does not know it
	Place         string
	Status        data.Status
	ReceivedAt    time.Time
	DueDate       time.Time
	ResultAt      time.Time // when the result was ready; zero before
	ReturnedAt    time.Time // when it was returned; zero before
	History       []PublicEvent
	Rating        *data.Rating // nil until rated
}

// PublicEvent is one line of a dossier's public history: what happened,
// when, and which unit did it — never who.
type PublicEvent struct {
	At     time.Time
	Action string      // intake, status, filed, apology, delivery, undo
	From   data.Status // status before
	To     data.Status // status after
	// Unit is the office's name for what its workstations did, the
	// agency's for what a processing agency did.
	Unit string
}

// OfficeKeys returns the public keys of every workstation of the office
// with that agency code, old ones included: receipts they signed still
// verify.
func (s *Store) OfficeKeys(ctx context.Context, agency string) ([]ed25519.PublicKey, error) {
	rows, _ := s.pool.Query(ctx, keysQuery, agency)
	keys, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ed25519.PublicKey, error) {
		var k []byte
		err := row.Scan(&k)
		return ed25519.PublicKey(k), err
	})
	if err != nil {
		return nil, fmt.Errorf("server: office keys: %w", err)
	}
	return keys, nil
}

var errNoDossier = data.Errorf(data.ENotFound, "Không tìm thấy hồ sơ.")

// PublicDossier reads what the tracking page shows of a dossier.
func (s *Store) PublicDossier(ctx context.Context, code string) (PublicDossier, error) {
	d := PublicDossier{Code: code}
	var (
		name          string
		level, remark *string
		ratedAt       *time.Time
	)
	err := s.pool.QueryRow(ctx, dossierQuery, code).Scan(&d.ProcedureCode, &d.ProcedureName, &name, &d.Office, &d.Place, &d.Status,
		&d.ReceivedAt, &d.DueDate, &level, &remark, &ratedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, errNoDossier
	}
	if err != nil {
		return d, fmt.Errorf("server: public dossier: %w", err)
	}
	d.Applicant = data.MaskName(name)
	d.ReceivedAt = d.ReceivedAt.In(data.Zone)
	d.DueDate = time.Date(d.DueDate.Year(), d.DueDate.Month(), d.DueDate.Day(), 0, 0, 0, 0, data.Zone)
	if level != nil {
		d.Rating = &data.Rating{DossierCode: code, Level: data.RatingLevel(*level), Comment: *remark, RatedAt: ratedAt.In(data.Zone)}
	}
	rows, _ := s.pool.Query(ctx, eventsQuery, code)
	var (
		e         PublicEvent
		byOffice  bool
		agencyStr string
	)
	_, err = pgx.ForEachRow(rows, []any{&e.At, &e.Action, &e.From, &e.To, &byOffice, &agencyStr}, func() error {
		e.At = e.At.In(data.Zone)
		e.Unit = d.Office
		if !byOffice {
			e.Unit = agencyStr // a processing agency records under its own name
		}
		switch {
		case e.Action == data.ActionUndo && e.From == data.StatusResultReady:
			d.ResultAt = time.Time{}
		case e.Action == data.ActionUndo && e.From == data.StatusReturned:
			d.ReturnedAt = time.Time{}
		case e.Action == data.ActionUndo:
		case e.To == data.StatusResultReady:
			d.ResultAt = e.At
		case e.To == data.StatusReturned:
			d.ReturnedAt = e.At
		}
		d.History = append(d.History, e)
		e = PublicEvent{}
		return nil
	})
	if err != nil {
		return d, fmt.Errorf("server: public dossier history: %w", err)
	}
	return d, nil
}

// MatchApplicantID reports, in constant time, whether the applicant of a
// dossier has an ID number ending in last4. An unknown dossier does not
// match; which of the two it was is not told.
func (s *Store) MatchApplicantID(ctx context.Context, code, last4 string) (bool, error) {
	var id string
	err := s.pool.QueryRow(ctx, applicantQuery, code).Scan(&id)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return false, fmt.Errorf("server: match applicant: %w", err)
	}
	// Compare something of the same length either way, so that an unknown
	// code takes as long as a wrong number.
	tail := "\x00\x00\x00\x00"
	if len(id) >= 4 {
		tail = id[len(id)-4:]
	}
	same := subtle.ConstantTimeCompare([]byte(tail), []byte(last4)) == 1
	return same && err == nil && len(last4) == 4, nil
}

// RateDossier records a citizen's rating of a returned dossier, once, and
// passes it to the office through the feed.
func (s *Store) RateDossier(ctx context.Context, code string, level data.RatingLevel, comment string, now time.Time) (data.Rating, error) {
	if !level.Valid() {
		return data.Rating{}, data.Errorf(data.EInvalid, "Hãy chọn một mức đánh giá.")
	}
	comment, err := data.CleanComment(comment)
	if err != nil {
		return data.Rating{}, err
	}
	r := data.Rating{DossierCode: code, Level: level, Comment: comment, RatedAt: now.In(data.Zone).Truncate(time.Second)}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var (
			officeID int64
			status   data.Status
		)
		err := tx.QueryRow(ctx, `SELECT office_id, status FROM dossier WHERE code = $1`, code).Scan(&officeID, &status)
		if errors.Is(err, pgx.ErrNoRows) {
			return errNoDossier
		}
		if err != nil {
			return err
		}
		if status != data.StatusReturned {
			return data.Errorf(data.EConflict, "Hồ sơ chưa trả kết quả nên chưa đánh giá được; sau khi nhận kết quả, mời ông/bà quay lại trang này.")
		}
		if err := lockOffice(ctx, tx, officeID); err != nil {
			return err
		}
		key := newKey()
		tag, err := tx.Exec(ctx, `INSERT INTO rating (dossier_code, level, comment, rated_at, change_key)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dossier_code) DO NOTHING`, code, level, comment, r.RatedAt, key)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return errRatedBefore
		}
		payload, err := json.Marshal(data.RatingRecord{Code: code, Level: level, Comment: comment, RatedAt: r.RatedAt.Format(time.RFC3339)})
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO feed (office_id, workstation_id, key, kind, subject, payload, at)
			VALUES ($1, NULL, $2, $3, $4, $5, $6)`, officeID, key, data.ChangeDossierRated, code, payload, r.RatedAt)
		return err
	})
	if err != nil && data.ErrorCode(err) == data.EInternal {
		return r, fmt.Errorf("server: rate %s: %w", code, err)
	}
	return r, err
}

var errRatedBefore = data.Errorf(data.EConflict, "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần; cảm ơn ông/bà đã góp ý.")

// SaveOfficeProfile records an office's name and place, as its
// workstations' set-up says.
func (s *Store) SaveOfficeProfile(ctx context.Context, p data.OfficeProfile) error {
	p.Name, p.Place = data.Clean(p.Name), data.Clean(p.Place)
	if err := p.Validate(); err != nil {
		return err
	}
	tag, err := s.pool.Exec(ctx, `UPDATE office SET name = $2, place = $3 WHERE agency_code = $1`, p.AgencyCode, p.Name, p.Place)
	if err != nil {
		return fmt.Errorf("server: save office profile: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return data.Errorf(data.ENotFound, "Tỉnh chưa có đơn vị %s.", p.AgencyCode)
	}
	return nil
}

// serverSecret returns the server secret of that name, making it on
// first use.
func (s *Store) serverSecret(ctx context.Context, name string) ([]byte, error) {
	var v []byte
	var err error
	// Two servers starting at once: the one whose insert lost sees no row
	// in its statement's snapshot, and reads it again.
	for range 2 {
		err = s.pool.QueryRow(ctx, `WITH made AS (
				INSERT INTO server_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING value)
			SELECT value FROM made UNION ALL SELECT value FROM server_secret WHERE name = $1 LIMIT 1`, name, secret(32)).Scan(&v)
		if !errors.Is(err, pgx.ErrNoRows) {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("server: secret %s: %w", name, err)
	}
	return v, nil
}
