package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"motcua/data"
	"motcua/data/scan"
)

// indexApplicant makes a dossier findable by its applicant's name, typed
// with or without diacritics, and phone number.
func indexApplicant(ctx context.Context, tx *sql.Tx, d data.Dossier) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO dossier_search (rowid, words)
		VALUES ((SELECT rowid FROM dossier WHERE code = ?), ?)`, d.Code, searchWords(d.Applicant))
	return err
}

// searchWords is what the search index holds of an applicant: the words
// of the folded name, each pair of adjacent words joined by "_", and the
// phone number.
func searchWords(a data.Applicant) string {
	words := nameWords(a.Name)
	out := append([]string{}, words...)
	for i := 0; i+1 < len(words); i++ {
		out = append(out, words[i]+"_"+words[i+1])
	}
	return strings.Join(append(out, a.Phone), " ")
}

// nameWords are the words of a name folded as the index folds them.
func nameWords(s string) []string {
	return strings.FieldsFunc(data.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// indexApplicants fills the search index with the dossiers a store had
// before it (schema 10), in batches.
func (db *DB) indexApplicants(ctx context.Context) error {
	rows, err := db.write.QueryContext(ctx, `SELECT rowid, applicant_name, applicant_phone FROM dossier`)
	if err != nil {
		return err
	}
	type row struct {
		id          int64
		name, phone string
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.name, &r.phone); err != nil {
			rows.Close()
			return err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO dossier_search (rowid, words) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, r := range all {
			if _, err := st.ExecContext(ctx, r.id, searchWords(data.Applicant{Name: r.name, Phone: r.phone})); err != nil {
				return err
			}
		}
		return nil
	})
}

// dayCode is the end of a dossier code an officer may type alone: the
// receipt day and sequence number, YYMMDD-NNNN.
var dayCode = regexp.MustCompile(`^[0-9]{6}-[0-9]{4}$`)

const hitColumns = `d.code, d.applicant_name, d.applicant_id, d.procedure_code, d.procedure_name, d.status, d.received_at, d.due_date`

// Search finds dossiers by what an officer types when a citizen has lost
// the receipt: a dossier code (or its day and number), an ID number, a
// phone number, a postal item number, or words of the applicant's name
// with or without diacritics (d for đ), the last word possibly cut short.
// Exact matches come first, then name matches, newest first; at most
// limit (SearchLimit when 0).
func (db *DB) Search(ctx context.Context, text string, limit int) ([]data.SearchHit, error) {
	if limit <= 0 {
		limit = data.SearchLimit
	}
	text = strings.TrimSpace(data.Clean(text))
	if text == "" {
		return nil, nil
	}
	var hits []data.SearchHit
	seen := map[string]bool{}
	add := func(match, query string, args ...any) error {
		rows, err := db.read.QueryContext(ctx, `SELECT `+hitColumns+` FROM dossier d WHERE `+query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() && len(hits) < limit {
			h, err := scanHit(rows)
			if err != nil {
				return err
			}
			if !seen[h.Code] {
				seen[h.Code] = true
				h.Match = match
				hits = append(hits, h)
			}
		}
		return rows.Err()
	}
	upper := strings.ToUpper(text)
	compact := strings.NewReplacer(" ", "", ".", "", "-", "").Replace(text)
	var err error
	exact := true
	switch {
	case data.IsDossierCode(upper):
		err = add(data.MatchCode, `d.code = ?`, upper)
	case dayCode.MatchString(text):
		err = add(data.MatchCode, `d.code = (SELECT agency_code FROM office WHERE id = 1) || '-' || ?`, text)
	case len(compact) == 12 && allDigits(compact):
		err = add(data.MatchID, `d.applicant_id = ? ORDER BY d.received_at DESC`, compact)
	default:
		exact = false
	}
	if err == nil {
		if phone, perr := scan.CheckPhone(text); perr == nil {
			exact = true
			err = add(data.MatchPhone, `d.rowid IN (SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?)
				ORDER BY d.received_at DESC`, `"`+phone+`"`)
		}
	}
	if err == nil {
		if item, perr := scan.CheckS10(text); perr == nil {
			exact = true
			err = add(data.MatchPostal, `d.postal_item = ? AND d.postal_item <> ''`, item)
		}
	}
	if pairs, words := nameMatch(text); err == nil && !exact && words != "" {
		// The newest dossiers have the highest rowids: the index walks
		// them from the top and stops at the limit. Words typed in the
		// name's order are found by their pairs; others, in any order,
		// by every word, more slowly.
		byName := `d.rowid IN (SELECT rowid FROM dossier_search WHERE dossier_search MATCH ?
			ORDER BY rowid DESC LIMIT ?) ORDER BY d.rowid DESC`
		before := len(hits)
		if pairs != "" {
			err = add(data.MatchName, byName, pairs, limit)
		}
		if err == nil && len(hits) == before {
			err = add(data.MatchName, byName, words, limit)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	return hits, nil
}

// nameMatch turns typed words into FTS5 queries, the last word a
// prefix. pairs asks for each pair of adjacent whole words, as the index
// holds them (rare, so fast to find even when each word is common), and
// the last word; "" for a single word. words asks for every word, in any
// order. Both "" when the text has no letter.
func nameMatch(text string) (pairs, words string) {
	ws := nameWords(text)
	if strings.IndexFunc(strings.Join(ws, ""), unicode.IsLetter) < 0 {
		return "", ""
	}
	quote := func(ts []string) string {
		for i, t := range ts {
			ts[i] = `"` + t + `"`
		}
		return strings.Join(ts, " ") + "*"
	}
	whole, last := ws[:len(ws)-1], ws[len(ws)-1]
	var ps []string
	for i := 0; i+1 < len(whole); i++ {
		ps = append(ps, whole[i]+"_"+whole[i+1])
	}
	switch {
	case len(ps) > 0:
		pairs = quote(append(ps, last))
	case len(whole) == 1:
		pairs = quote([]string{whole[0], last})
	}
	return pairs, quote(ws)
}

func scanHit(rows *sql.Rows) (data.SearchHit, error) {
	var (
		h             data.SearchHit
		id, status    string
		received, due string
	)
	if err := rows.Scan(&h.Code, &h.ApplicantName, &id, &h.ProcedureCode, &h.ProcedureName, &status, &received, &due); err != nil {
		return h, err
	}
	h.MaskedID = data.Applicant{IDNumber: id}.MaskedID()
	h.Status = data.Status(status)
	t, _ := time.Parse(time.RFC3339, received)
	h.ReceivedAt = t.In(data.Zone)
	h.DueDate, _ = data.ParseDate(due)
	return h, nil
}

// SearchScan is the plain scan a search would be without its indexes:
// every dossier read and compared. Benchmarks measure Search against it.
func (db *DB) SearchScan(ctx context.Context, text string, limit int) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT code FROM dossier
		WHERE applicant_name LIKE '%' || ?1 || '%' OR applicant_id = ?1 OR applicant_phone = ?1 OR code = ?1 OR postal_item = ?1
		ORDER BY received_at DESC LIMIT ?2)`, text, limit).Scan(&n)
	return n, err
}
