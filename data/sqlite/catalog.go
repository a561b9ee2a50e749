package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"motcua/data"
)

// ImportProcedures adds or updates procedures by code in one transaction.
// A procedure whose time limit was set here keeps it unless the new
// record gives one; so do fees set here, unless the new record's text
// states them unambiguously.
func (db *DB) ImportProcedures(ctx context.Context, ps []data.Procedure) (data.ImportReport, error) {
	var rep data.ImportReport
	err := db.inTx(ctx, func(tx *Tx) error {
		for i, p := range ps {
			if i%100 == 0 {
				data.ReportProgress(ctx, i, len(ps))
			}
			var (
				localDays   sql.NullInt64
				localCutoff string
				local       bool
			)
			err := tx.QueryRowContext(ctx, `SELECT working_days, same_day_cutoff, local_time_limit FROM procedure WHERE code = ?`, p.Code).
				Scan(&localDays, &localCutoff, &local)
			exists := err == nil
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if err := keepLocalFees(ctx, tx, &p); err != nil {
				return err
			}
			if exists && local {
				if p.WorkingDays == nil && localDays.Valid {
					n := int(localDays.Int64)
					p.WorkingDays = &n
					p.LocalTimeLimit = true
					rep.KeptLocal++
				}
				if p.SameDayCutoff == "" {
					p.SameDayCutoff = localCutoff
				}
			}
			if err := upsertProcedure(ctx, tx, p, db.stamp()); err != nil {
				return fmt.Errorf("procedure %s: %w", p.Code, err)
			}
			if exists {
				rep.Updated++
			} else {
				rep.Added++
			}
		}
		data.ReportProgress(ctx, len(ps), len(ps))
		codes := make([]string, len(ps))
		for i, p := range ps {
			codes[i] = p.Code
		}
		return db.audit(ctx, tx, "", "catalog.import", fmt.Sprintf("%d thủ tục", len(ps)),
			fmt.Sprintf("%d mới, %d cập nhật", rep.Added, rep.Updated), ps)
	})
	if err != nil {
		return data.ImportReport{}, fmt.Errorf("sqlite: import procedures: %w", err)
	}
	return rep, nil
}

// keepLocalFees keeps the fees an administrator set here for a
// procedure re-imported (or published again) without a known schedule.
func keepLocalFees(ctx context.Context, tx *Tx, p *data.Procedure) error {
	if p.Fees.Known {
		return nil
	}
	var (
		raw               string
		local, exemptible bool
	)
	err := tx.QueryRowContext(ctx, `SELECT fees, local_fees, fees_exemptible FROM procedure WHERE code = ?`, p.Code).Scan(&raw, &local, &exemptible)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !local) {
		return nil
	}
	if err != nil {
		return err
	}
	amounts, err := feeAmounts(raw)
	if err != nil {
		return err
	}
	p.Fees = data.FeeSchedule{Known: true, Amounts: amounts, Exemptible: exemptible || p.Fees.Exemptible}
	p.LocalFees = true
	return nil
}

// feeAmounts reads a procedure's amounts as stored.
func feeAmounts(raw string) ([]data.FeeAmount, error) {
	var rs []data.FeeAmountRecord
	if err := json.Unmarshal([]byte(raw), &rs); err != nil {
		return nil, fmt.Errorf("fees: %w", err)
	}
	var out []data.FeeAmount
	for _, r := range rs {
		out = append(out, data.FeeAmount(r))
	}
	return out, nil
}

// feesJSON is a procedure's amounts as stored.
func feesJSON(s data.FeeSchedule) (string, error) {
	raw, err := json.Marshal(data.NewFeeScheduleRecord(s).Amounts)
	return string(raw), err
}

func upsertProcedure(ctx context.Context, tx *Tx, p data.Procedure, stamp string) error {
	docs := p.Documents
	if docs == nil {
		docs = []data.RequiredDocument{}
	}
	docsJSON, err := json.Marshal(docs)
	if err != nil {
		return err
	}
	fees, err := feesJSON(p.Fees)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO procedure (code, name, field, level, time_limit_text, working_days,
			same_day_cutoff, fees_text, postal_allowed, documents, local_time_limit,
			fees_known, fees, fees_exemptible, local_fees, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field, level = excluded.level,
			time_limit_text = excluded.time_limit_text, working_days = excluded.working_days,
			same_day_cutoff = excluded.same_day_cutoff, fees_text = excluded.fees_text,
			postal_allowed = excluded.postal_allowed, documents = excluded.documents,
			local_time_limit = excluded.local_time_limit, fees_known = excluded.fees_known, fees = excluded.fees,
			fees_exemptible = excluded.fees_exemptible, local_fees = excluded.local_fees, updated_at = excluded.updated_at`,
		p.Code, p.Name, p.Field, p.Level, p.TimeLimitText, nullInt(p.WorkingDays), p.SameDayCutoff, p.FeesText,
		p.PostalAllowed, string(docsJSON), p.LocalTimeLimit, p.Fees.Known, fees, p.Fees.Exemptible, p.LocalFees, stamp)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM procedure_search WHERE code = ?`, p.Code); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO procedure_search (code, words) VALUES (?, ?)`, p.Code, data.Fold(p.Name))
	return err
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

const procedureColumns = `p.code, p.name, p.field, p.level, p.time_limit_text, p.working_days, p.same_day_cutoff,
	p.fees_text, p.postal_allowed, p.documents, p.local_time_limit, p.fees_known, p.fees, p.fees_exemptible, p.local_fees`

// scanProcedure reads procedureColumns, then any extra columns into extra.
func scanProcedure(row interface{ Scan(...any) error }, extra ...any) (data.Procedure, error) {
	var (
		p          data.Procedure
		days       sql.NullInt64
		docs, fees string
	)
	dest := []any{&p.Code, &p.Name, &p.Field, &p.Level, &p.TimeLimitText, &days, &p.SameDayCutoff,
		&p.FeesText, &p.PostalAllowed, &docs, &p.LocalTimeLimit, &p.Fees.Known, &fees, &p.Fees.Exemptible, &p.LocalFees}
	err := row.Scan(append(dest, extra...)...)
	if err != nil {
		return p, err
	}
	if days.Valid {
		n := int(days.Int64)
		p.WorkingDays = &n
	}
	if err := json.Unmarshal([]byte(docs), &p.Documents); err != nil {
		return p, fmt.Errorf("documents of %s: %w", p.Code, err)
	}
	if p.Fees.Amounts, err = feeAmounts(fees); err != nil {
		return p, fmt.Errorf("%s: %w", p.Code, err)
	}
	return p, nil
}

// Procedures lists procedures. Without a search they come by code; a
// search matches a code prefix, or every typed word as a prefix of a word
// of the name, accents or not, best match first.
func (db *DB) Procedures(ctx context.Context, search string) ([]data.Procedure, error) {
	search = data.Clean(search)
	if search == "" {
		ps, err := db.queryProcedures(ctx, `SELECT `+procedureColumns+`, 0 FROM procedure p ORDER BY p.code`)
		return procedures(ps), err
	}
	ps, err := db.queryProcedures(ctx, `SELECT `+procedureColumns+`, 0 FROM procedure p
		WHERE p.code LIKE ? ESCAPE '\' ORDER BY p.code`, likePrefix(search))
	match := ftsQuery(search)
	if err != nil || match == "" {
		return procedures(ps), err
	}
	byName, err := db.queryProcedures(ctx, `SELECT `+procedureColumns+`, s.rank FROM procedure_search s
		JOIN procedure p ON p.code = s.code WHERE procedure_search MATCH ?`, match)
	if err != nil {
		return nil, err
	}
	for _, p := range rankByName(byName, data.Fold(search)) {
		if !strings.HasPrefix(p.Code, search) {
			ps = append(ps, p)
		}
	}
	return procedures(ps), nil
}

func procedures(rs []rankedProcedure) []data.Procedure {
	ps := make([]data.Procedure, len(rs))
	for i, r := range rs {
		ps[i] = r.Procedure
	}
	return ps
}

// rankedProcedure is a search hit with its FTS5 rank (lower is better).
type rankedProcedure struct {
	data.Procedure
	rank float64
}

// rankByName orders what the FTS query found as an officer expects, and
// drops what only the prefix rule let in. With the typed words folded and
// the boilerplate "Thủ tục" that starts most names set aside:
//   - when some names hold the words one after the other (a phrase, the
//     last word possibly unfinished), only those are kept: "khai tu" is
//     not "khai sinh" just because "tu" starts "tục";
//   - then names whose every word is matched whole, or by a prefix at the
//     start of the name, come before those matched by a prefix inside;
//   - then names with fewer words beyond those typed ("đăng ký khai tử"
//     before "đăng ký lại khai tử"), then by FTS5 rank, then by code.
func rankByName(ps []rankedProcedure, folded string) []rankedProcedure {
	query := strings.FieldsFunc(folded, notWordRune)
	if len(query) == 0 {
		return ps
	}
	type scored struct {
		rankedProcedure
		phrase bool
		inside int // typed words found only as a prefix inside the name
		extra  int // words of the name beyond the typed ones
	}
	all := make([]scored, 0, len(ps))
	anyPhrase := false
	seen := map[string]bool{}
	for _, p := range ps {
		if seen[p.Code] {
			continue
		}
		seen[p.Code] = true
		name := strings.FieldsFunc(data.Fold(p.Name), notWordRune)
		if len(name) > 2 && name[0] == "thu" && name[1] == "tuc" && !(query[0] == "thu" || query[0] == "th") {
			name = name[2:]
		}
		sc := scored{rankedProcedure: p, phrase: holdsPhrase(name, query), extra: max(len(name)-len(query), 0)}
		for i, q := range query {
			if !slices.Contains(name, q) && !(i == 0 && len(name) > 0 && strings.HasPrefix(name[0], q)) {
				sc.inside++
			}
		}
		anyPhrase = anyPhrase || sc.phrase
		all = append(all, sc)
	}
	if anyPhrase && len(query) > 1 {
		all = slices.DeleteFunc(all, func(s scored) bool { return !s.phrase })
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		switch {
		case a.phrase != b.phrase:
			return a.phrase
		case a.inside != b.inside:
			return a.inside < b.inside
		case a.extra != b.extra:
			return a.extra < b.extra
		case a.rank != b.rank:
			return a.rank < b.rank
		}
		return a.Code < b.Code
	})
	out := make([]rankedProcedure, len(all))
	for i, s := range all {
		out[i] = s.rankedProcedure
	}
	return out
}

// holdsPhrase reports whether name holds the words of query one after
// the other, each whole but the last, which may be a prefix.
func holdsPhrase(name, query []string) bool {
	for i := 0; i+len(query) <= len(name); i++ {
		ok := true
		for j, q := range query {
			w := name[i+j]
			if w != q && !(j == len(query)-1 && strings.HasPrefix(w, q)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func notWordRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
}

func (db *DB) queryProcedures(ctx context.Context, query string, args ...any) ([]rankedProcedure, error) {
	rows, err := db.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: procedures: %w", err)
	}
	defer rows.Close()
	var ps []rankedProcedure
	for rows.Next() {
		var rp rankedProcedure
		rp.Procedure, err = scanProcedure(rows, &rp.rank)
		if err != nil {
			return nil, fmt.Errorf("sqlite: procedures: %w", err)
		}
		ps = append(ps, rp)
	}
	return ps, rows.Err()
}

// ftsQuery turns typed words into an FTS5 query of quoted prefix terms,
// so that nothing the officer types is read as FTS syntax.
func ftsQuery(search string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(data.Fold(search), notWordRune) {
		terms = append(terms, `"`+w+`"*`)
	}
	return strings.Join(terms, " ")
}

func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

// Procedure returns one procedure by code.
func (db *DB) Procedure(ctx context.Context, code string) (data.Procedure, error) {
	row := db.read.QueryRowContext(ctx, `SELECT `+procedureColumns+` FROM procedure p WHERE p.code = ?`, data.Clean(code))
	p, err := scanProcedure(row)
	if errors.Is(err, sql.ErrNoRows) {
		return p, data.Errorf(data.ENotFound, "Không có thủ tục mã %q trong danh mục.", code)
	}
	if err != nil {
		return p, fmt.Errorf("sqlite: procedure %s: %w", code, err)
	}
	return p, nil
}

// SetTimeLimit records an administrator's time limit for a procedure.
func (db *DB) SetTimeLimit(ctx context.Context, code string, tl data.TimeLimit) error {
	if err := tl.Validate(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE procedure SET
				working_days = CASE WHEN ? THEN ? ELSE working_days END,
				same_day_cutoff = COALESCE(?, same_day_cutoff),
				local_time_limit = 1, updated_at = ?
			WHERE code = ?`,
			tl.WorkingDays != nil, nullInt(tl.WorkingDays), tl.SameDayCutoff, db.stamp(), code)
		if err != nil {
			return fmt.Errorf("sqlite: set time limit %s: %w", code, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENotFound, "Không có thủ tục mã %q trong danh mục.", code)
		}
		return db.audit(ctx, tx, "", "catalog.time-limit", code, "", tl)
	})
}

// SetFees records an administrator's fees for a procedure; a re-import
// that states none unambiguously keeps them.
func (db *DB) SetFees(ctx context.Context, code string, fees data.FeeSchedule) error {
	fees.Known = true
	if err := fees.Validate(); err != nil {
		return err
	}
	raw, err := feesJSON(fees)
	if err != nil {
		return fmt.Errorf("sqlite: set fees %s: %w", code, err)
	}
	return db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE procedure SET fees_known = 1, fees = ?,
				fees_exemptible = CASE WHEN ? THEN 1 ELSE fees_exemptible END, local_fees = 1, updated_at = ?
			WHERE code = ?`, raw, fees.Exemptible, db.stamp(), data.Clean(code))
		if err != nil {
			return fmt.Errorf("sqlite: set fees %s: %w", code, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return data.Errorf(data.ENotFound, "Không có thủ tục mã %q trong danh mục.", code)
		}
		return nil
	})
}
