package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"motcua/data"
	"motcua/data/scan"
)

// searchBatch is how many dossiers the search index takes at once. An
// intake adds nothing to it: each of its pages would be one more to sync
// before the receipt prints. The intake or pull that brings the unindexed
// dossiers to searchBatch indexes them all, in one segment of the index;
// until then Search reads them from the dossier table (searchTail).
var searchBatch int64 = 64

// catchUpSearch indexes, in the caller's transaction, the dossiers the
// search index does not hold yet once they number searchBatch; newest
// is the highest dossier rowid.
func catchUpSearch(ctx context.Context, tx *Tx, newest int64) error {
	var upto int64
	if err := tx.QueryRowContext(ctx, `SELECT upto FROM search_indexed WHERE id = 1`).Scan(&upto); err != nil {
		return err
	}
	if newest-upto < searchBatch {
		return nil
	}
	return indexTail(ctx, tx, upto)
}

// indexTail adds to the search index every dossier above rowid upto.
func indexTail(ctx context.Context, tx *Tx, upto int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT rowid, applicant_name, applicant_phone FROM dossier WHERE rowid > ? ORDER BY rowid`, upto)
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
	if err := rows.Err(); err != nil || len(all) == 0 {
		return err
	}
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
	_, err = tx.ExecContext(ctx, `UPDATE search_indexed SET upto = ? WHERE id = 1`, all[len(all)-1].id)
	return err
}

// catchUpOnOpen indexes the dossiers a store opened with has outside the
// search index, when they are at least a batch: all of them when the
// store comes from before the index (schema 10).
func (db *DB) catchUpOnOpen(ctx context.Context) error {
	return db.inTx(ctx, func(tx *Tx) error {
		var newest int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(rowid), 0) FROM dossier`).Scan(&newest); err != nil {
			return err
		}
		return catchUpSearch(ctx, tx, newest)
	})
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

// indexTokens are the tokens the index's tokenizer (unicode61, "_" a
// token character) makes of searchWords: letters, digits and "_".
func indexTokens(words string) []string {
	return strings.FieldsFunc(strings.ToLower(words), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && r != '_'
	})
}

// unindexed is a dossier the search index does not hold yet.
type unindexed struct {
	rowid  int64
	tokens []string
}

// searchTail reads the dossiers above the search index's last, at most
// a batch: those Search finds without the index.
func (db *DB) searchTail(ctx context.Context) ([]unindexed, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT rowid, applicant_name, applicant_phone FROM dossier
		WHERE rowid > (SELECT upto FROM search_indexed WHERE id = 1)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var tail []unindexed
	for rows.Next() {
		var (
			u           unindexed
			name, phone string
		)
		if err := rows.Scan(&u.rowid, &name, &phone); err != nil {
			return nil, err
		}
		u.tokens = indexTokens(searchWords(data.Applicant{Name: name, Phone: phone}))
		tail = append(tail, u)
	}
	return tail, rows.Err()
}

// indexQuery asks the search index for the dossiers holding every term as
// a whole token, the last one as a prefix when prefix is set. Terms are
// single tokens (folded words, pairs of them, a phone's digits).
type indexQuery struct {
	terms  []string
	prefix bool
}

// match is the query in FTS5's syntax.
func (q indexQuery) match() string {
	quoted := make([]string, len(q.terms))
	for i, t := range q.terms {
		quoted[i] = `"` + t + `"`
	}
	s := strings.Join(quoted, " ")
	if q.prefix {
		s += "*"
	}
	return s
}

// holds reports whether tokens answer the query as the index would.
func (q indexQuery) holds(tokens []string) bool {
	for i, t := range q.terms {
		found := false
		for _, tok := range tokens {
			if tok == t || (q.prefix && i == len(q.terms)-1 && strings.HasPrefix(tok, t)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(q.terms) > 0
}

// inTail is the JSON array of the rowids of the tail's dossiers that
// answer q, "" when none does.
func inTail(tail []unindexed, q indexQuery) string {
	var ids []string
	for _, u := range tail {
		if q.holds(u.tokens) {
			ids = append(ids, strconv.FormatInt(u.rowid, 10))
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return "[" + strings.Join(ids, ",") + "]"
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
	add := func(match string, query string, args ...any) error {
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
	// byIndex adds the dossiers answering q: those the index holds (its
	// rows ordered and cut by within), and those not yet in it.
	var tail []unindexed
	tailRead := false
	byIndex := func(match string, q indexQuery, within, order string) error {
		if !tailRead {
			var err error
			if tail, err = db.searchTail(ctx); err != nil {
				return err
			}
			tailRead = true
		}
		cond := `d.rowid IN (SELECT rowid FROM dossier_search WHERE dossier_search MATCH ? ` + within + `)`
		if ids := inTail(tail, q); ids != "" {
			return add(match, `(`+cond+` OR d.rowid IN (SELECT value FROM json_each(?))) `+order, q.match(), ids)
		}
		return add(match, cond+` `+order, q.match())
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
			err = byIndex(data.MatchPhone, indexQuery{terms: []string{phone}}, ``, `ORDER BY d.received_at DESC`)
		}
	}
	if err == nil {
		if item, perr := scan.CheckS10(text); perr == nil {
			exact = true
			err = add(data.MatchPostal, `d.postal_item = ? AND d.postal_item <> ''`, item)
		}
	}
	if pairs, words := nameMatch(text); err == nil && !exact && len(words.terms) > 0 {
		// The newest dossiers have the highest rowids: the index walks
		// them from the top and stops at the limit. Words typed in the
		// name's order are found by their pairs; others, in any order,
		// by every word, more slowly.
		limited := fmt.Sprintf(`ORDER BY rowid DESC LIMIT %d`, limit)
		before := len(hits)
		if len(pairs.terms) > 0 {
			err = byIndex(data.MatchName, pairs, limited, `ORDER BY d.rowid DESC`)
		}
		if err == nil && len(hits) == before {
			err = byIndex(data.MatchName, words, limited, `ORDER BY d.rowid DESC`)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	return hits, nil
}

// nameMatch turns typed words into index queries, the last word a
// prefix. pairs asks for each pair of adjacent whole words, as the index
// holds them (rare, so fast to find even when each word is common), and
// the last word: after the word before it when three words or more are
// typed (a common last word alone, Ngọc or Minh, would be a prefix of
// hundreds of pairs to read), anywhere after one; no terms for a single
// word. words asks for every word, in any order. Both without terms when
// the text has no letter.
func nameMatch(text string) (pairs, words indexQuery) {
	ws := nameWords(text)
	if strings.IndexFunc(strings.Join(ws, ""), unicode.IsLetter) < 0 {
		return indexQuery{}, indexQuery{}
	}
	whole, last := ws[:len(ws)-1], ws[len(ws)-1]
	var ps []string
	for i := 0; i+1 < len(whole); i++ {
		ps = append(ps, whole[i]+"_"+whole[i+1])
	}
	switch {
	case len(ps) > 0:
		pairs = indexQuery{terms: append(ps, whole[len(whole)-1]+"_"+last), prefix: true}
	case len(whole) == 1:
		pairs = indexQuery{terms: []string{whole[0], last}, prefix: true}
	}
	return pairs, indexQuery{terms: ws, prefix: true}
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
