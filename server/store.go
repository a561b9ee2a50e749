// Package server is the provincial sync server: it keeps every office's
// dossiers in PostgreSQL and serves the workstations over HTTPS.
package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"motcua/data"
)

//go:embed migration/*.sql
var migrations embed.FS

// Error codes of the server's own refusals, beside data's.
const (
	EUnauthorized = "unauthorized" // no valid token
	EForbidden    = "forbidden"    // a token that may not do this
)

// lockClass is the first key of the advisory locks that order the feed:
// (lockClass, 0) is the province's, (lockClass, office id) an office's.
const lockClass = 7001

// Store is the provincial database.
type Store struct {
	pool *pgxpool.Pool
}

// Workstation is the caller a token identifies.
type Workstation struct {
	ID         int64
	OfficeID   int64
	AgencyCode string
	Number     int
}

// Open connects to PostgreSQL and applies the migrations it lacks.
func Open(ctx context.Context, url string) (*Store, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("server: open database: %w", err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close() { s.pool.Close() }

// Pool is the connection pool, for administration and tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// migrate applies, each in its own transaction and under a lock that
// keeps two servers from racing, the migrations the database has not seen.
func (s *Store) migrate(ctx context.Context) error {
	entries, err := fs.Glob(migrations, "migration/*.sql")
	if err != nil {
		return err
	}
	type migration struct {
		version int
		name    string
		sql     string
	}
	var ms []migration
	for _, e := range entries {
		base := path.Base(e)
		num, name, ok := strings.Cut(strings.TrimSuffix(base, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return fmt.Errorf("server: migration file %q is not NNN_name.sql", base)
		}
		body, err := migrations.ReadFile(e)
		if err != nil {
			return err
		}
		ms = append(ms, migration{v, name, string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	if _, err := s.pool.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migration (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("server: migrate: %w", err)
	}
	for _, m := range ms {
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, -1)`, lockClass); err != nil {
				return err
			}
			var done bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migration WHERE version = $1)`, m.version).Scan(&done); err != nil || done {
				return err
			}
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migration (version, name) VALUES ($1, $2)`, m.version, m.name)
			return err
		})
		if err != nil {
			return fmt.Errorf("server: migration %03d_%s: %w", m.version, m.name, err)
		}
	}
	return nil
}

// secret returns n random bytes.
func secret(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return b
}

func hash(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// codeAlphabet spells enrollment codes: no 0/O, 1/I/L, U, no vowel pair
// that Vietnamese input methods rewrite when typed.
const codeAlphabet = "23456789BCDFGHJKMNPQRSTVWXZ"

// normalizeCode upper-cases an enrollment code and drops separators.
func normalizeCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		if r != '-' && r != ' ' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// NewEnrollment creates the office and workstation if needed and returns
// a one-time code, valid for ttl, that the workstation exchanges for its
// token. A workstation already enrolled is refused: its PC, if replaced,
// needs NewReplacement.
func (s *Store) NewEnrollment(ctx context.Context, agency string, number int, ttl time.Duration) (string, error) {
	return s.newCode(ctx, agency, number, ttl, false)
}

// NewReplacement returns a one-time code for a PC that replaces an
// enrolled workstation; the old PC's token stops working at once. The
// new PC, enrolled with the code, pulls every dossier of the office, its
// own workstation's included, and continues above their numbers.
func (s *Store) NewReplacement(ctx context.Context, agency string, number int, ttl time.Duration) (string, error) {
	return s.newCode(ctx, agency, number, ttl, true)
}

func (s *Store) newCode(ctx context.Context, agency string, number int, ttl time.Duration, replace bool) (string, error) {
	agency = data.Clean(agency)
	var bad data.Fields
	if !data.IsAgencyCode(agency) {
		bad.Add("agency-code", "mã định danh cơ quan %q không đúng dạng (ví dụ 000.30.12.H30)", agency)
	}
	if number < 1 || number > 9 {
		bad.Add("workstation", "số máy trạm phải từ 1 đến 9 (đang là %d)", number)
	}
	if err := bad.Err("Không tạo được mã đăng ký."); err != nil {
		return "", err
	}
	raw := secret(16)
	var b strings.Builder
	for i, c := range raw {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	code := b.String()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var officeID, wsID int64
		err := tx.QueryRow(ctx, `INSERT INTO office (agency_code) VALUES ($1)
			ON CONFLICT (agency_code) DO UPDATE SET agency_code = excluded.agency_code RETURNING id`, agency).Scan(&officeID)
		if err != nil {
			return err
		}
		var enrolled bool
		err = tx.QueryRow(ctx, `INSERT INTO workstation (office_id, number) VALUES ($1, $2)
			ON CONFLICT (office_id, number) DO UPDATE SET number = excluded.number RETURNING id, token_hash IS NOT NULL`,
			officeID, number).Scan(&wsID, &enrolled)
		if err != nil {
			return err
		}
		switch {
		case enrolled && !replace:
			return data.Errorf(data.EConflict, "Máy trạm %d của đơn vị %s đã đăng ký. Nếu máy đó hỏng hoặc được thay, hãy cấp mã cho máy thay thế: "+
				"motcua-server enroll --agency-code %s --workstation %d --replace (mã truy cập của máy cũ sẽ bị thu hồi ngay).", number, agency, agency, number)
		case replace:
			if _, err := tx.Exec(ctx, `UPDATE workstation SET token_hash = NULL WHERE id = $1`, wsID); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `INSERT INTO enrollment_code (code_hash, workstation_id, expires_at, replace) VALUES ($1, $2, now() + $3::interval, $4)`,
			hash(normalizeCode(code)), wsID, fmt.Sprintf("%d seconds", int(ttl.Seconds())), replace)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("server: new enrollment: %w", err)
	}
	return code, nil
}

// Enroll exchanges a one-time code for a token. The code must be for the
// office and workstation number the workstation is set up as. A new token
// replaces the workstation's earlier one.
func (s *Store) Enroll(ctx context.Context, req data.EnrollRequest) (data.EnrollResponse, error) {
	token := base64.RawURLEncoding.EncodeToString(secret(32))
	var resp data.EnrollResponse
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var (
			wsID, officeID   int64
			expired, replace bool
			enrolled         bool
			used             *time.Time
		)
		err := tx.QueryRow(ctx, `SELECT e.workstation_id, w.office_id, e.expires_at < now(), e.used_at, e.replace, w.token_hash IS NOT NULL,
				o.agency_code, w.number
			FROM enrollment_code e JOIN workstation w ON w.id = e.workstation_id JOIN office o ON o.id = w.office_id
			WHERE e.code_hash = $1 FOR UPDATE OF e, w`, hash(normalizeCode(req.Code))).
			Scan(&wsID, &officeID, &expired, &used, &replace, &enrolled, &resp.AgencyCode, &resp.Workstation)
		switch {
		case errors.Is(err, pgx.ErrNoRows), err == nil && (expired || used != nil):
			return data.Errorf(EForbidden, "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Hãy xin mã mới ở quản trị của tỉnh.")
		case err != nil:
			return err
		case resp.AgencyCode != data.Clean(req.AgencyCode) || resp.Workstation != req.Workstation:
			return data.Errorf(data.EConflict, "Mã đăng ký này dành cho máy trạm %d của đơn vị %s, nhưng máy này được thiết lập là máy trạm %d của đơn vị %s.",
				resp.Workstation, resp.AgencyCode, req.Workstation, req.AgencyCode)
		case enrolled && !replace:
			return data.Errorf(EForbidden, "Máy trạm %d của đơn vị %s đã đăng ký bằng một máy khác. Nếu máy này thay cho máy đó, hãy xin tỉnh mã máy thay thế (motcua-server enroll … --replace).",
				resp.Workstation, resp.AgencyCode)
		}
		if _, err := tx.Exec(ctx, `UPDATE enrollment_code SET used_at = now() WHERE code_hash = $1`, hash(normalizeCode(req.Code))); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE workstation SET token_hash = $1, enrolled_at = now() WHERE id = $2`, hash(token), wsID); err != nil {
			return err
		}
		if replace {
			// The new PC's audit trail starts afresh.
			if _, err := tx.Exec(ctx, `DELETE FROM audit_head WHERE workstation_id = $1`, wsID); err != nil {
				return err
			}
		}
		if len(req.PublicKey) > 0 {
			_, err := tx.Exec(ctx, `INSERT INTO workstation_key (workstation_id, public_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`, wsID, req.PublicKey)
			if err != nil {
				return err
			}
		}
		resp.Highest, err = highest(ctx, tx, officeID, resp.Workstation)
		return err
	})
	if err != nil {
		if data.ErrorCode(err) == data.EInternal {
			return resp, fmt.Errorf("server: enroll: %w", err)
		}
		return resp, err
	}
	resp.Token = token
	return resp, nil
}

// highest returns the highest dossier number of each day, register
// number of each book and fee receipt number of each year the province
// holds for a workstation.
func highest(ctx context.Context, tx pgx.Tx, officeID int64, number int) ([]data.NumberHigh, error) {
	// A receipt's issued_at is in Vietnam's zone: its first four
	// characters are the year its number belongs to.
	rows, _ := tx.Query(ctx, `SELECT substr(code, length(code) - 10, 6), 0, 0, max(right(code, 4)::int) FROM dossier
			WHERE office_id = $1 AND workstation = $2 AND code ~ '-[0-9]{6}-[0-9]{4}$' GROUP BY 1
		UNION ALL SELECT '', (record->>'book')::int, 0, max((record->>'register_no')::int) FROM dossier
			WHERE office_id = $1 AND workstation = $2 AND record->>'book' ~ '^[0-9]{1,6}$' AND record->>'register_no' ~ '^[0-9]{1,9}$'
			GROUP BY 2
		UNION ALL SELECT '', 0, substr(r->>'issued_at', 1, 4)::int, max((r->>'number')::int)
			FROM dossier, jsonb_array_elements(COALESCE(record->'fee_receipts', '[]'::jsonb)) r
			WHERE office_id = $1 AND r->>'workstation' = $2::text AND r->>'issued_at' ~ '^[0-9]{4}-' AND r->>'number' ~ '^[0-9]{1,8}$'
			GROUP BY 3 ORDER BY 1, 2, 3`, officeID, number)
	hs := []data.NumberHigh{}
	var h data.NumberHigh
	_, err := pgx.ForEachRow(rows, []any{&h.Day, &h.Book, &h.ReceiptYear, &h.Last}, func() error {
		hs = append(hs, h)
		return nil
	})
	return hs, err
}

var errUnauthorized = data.Errorf(EUnauthorized, "Máy trạm chưa đăng ký với tỉnh hoặc mã truy cập đã bị thay: hãy đăng ký lại (motcua enroll).")

// Authenticate returns the workstation a token belongs to.
func (s *Store) Authenticate(ctx context.Context, token string) (Workstation, error) {
	var w Workstation
	if token == "" {
		return w, errUnauthorized
	}
	err := s.pool.QueryRow(ctx, `SELECT w.id, w.office_id, o.agency_code, w.number
		FROM workstation w JOIN office o ON o.id = w.office_id WHERE w.token_hash = $1`, hash(token)).
		Scan(&w.ID, &w.OfficeID, &w.AgencyCode, &w.Number)
	if errors.Is(err, pgx.ErrNoRows) {
		return w, errUnauthorized
	}
	if err != nil {
		return w, fmt.Errorf("server: authenticate: %w", err)
	}
	return w, nil
}

// lockOffice orders the feed: it is taken before a transaction writes
// feed rows of an office and held until it commits.
func lockOffice(ctx context.Context, tx pgx.Tx, officeID int64) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock_shared($1, 0), pg_advisory_xact_lock($1, $2::int)`, lockClass, officeID)
	return err
}

// lockProvince is taken before province-wide feed rows are written: it
// waits for every office's writers.
func lockProvince(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, 0)`, lockClass)
	return err
}

// nextSeqs reserves n feed sequence numbers, in increasing order.
func nextSeqs(ctx context.Context, tx pgx.Tx, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, _ := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('feed', 'seq')) FROM generate_series(1, $1)`, n)
	seqs, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, err
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	return seqs, nil
}

func newKey() string { return hex.EncodeToString(secret(16)) }
