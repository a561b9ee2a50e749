package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"motcua/data"
)

var _ data.FeeService = (*DB)(nil)

// receiptKey names the fee receipt numbers of a year at workstation w in
// the number journal.
func receiptKey(year, w int) string { return "receipt/" + strconv.Itoa(year) + "/" + strconv.Itoa(w) }

// receiptAsk is what to ask the journal for the next receipt number of
// workstation w issued at t: the database's last number of that year,
// within the workstation's block. The clock may not run behind the last
// receipt, whose number would then come before it in time.
func receiptAsk(ctx context.Context, q querier, w int, t time.Time) (ask, error) {
	year := t.In(data.Zone).Year()
	first, limit := data.ReceiptBlock(w)
	a := ask{key: receiptKey(year, w), floor: first - 1, limit: limit}
	var at string
	err := q.QueryRowContext(ctx, `SELECT number, issued_at FROM fee_receipt WHERE year = ? AND workstation = ?
		ORDER BY number DESC LIMIT 1`, year, w).Scan(&a.last, &at)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return a, nil
	case err != nil:
		return a, err
	}
	last := data.FeeReceipt{Number: a.last - a.floor, IssuedAt: parseStamp(at)}
	if _, err := data.NextReceiptNumber(last, t); err != nil && a.last >= first {
		return a, err
	}
	return a, nil
}

// issueReceipt numbers, stores and returns the receipt of a fee collected
// for a dossier at t, in the caller's transaction.
func (db *DB) issueReceipt(ctx context.Context, tx *Tx, office data.Office, d data.Dossier, fee data.FeePaid,
	t time.Time, officer string, postalStaff string) (data.FeeReceipt, error) {
	c := office.Collector
	if !c.Configured() {
		return data.FeeReceipt{}, noCollector()
	}
	series, err := data.ReceiptSeriesSymbol(t.In(data.Zone).Year(), c.SeriesLetters)
	if err != nil {
		return data.FeeReceipt{}, err
	}
	r := data.FeeReceipt{FormSymbol: c.FormSymbol, SeriesSymbol: series, IssuedAt: t.In(data.Zone).Truncate(time.Second),
		Collector: c, Officer: officer, ByPost: postalStaff != "", PostalStaff: postalStaff, Workstation: office.Workstation,
		PayerName: d.Applicant.Name, PayerID: d.Applicant.IDNumber, PayerAddress: d.Applicant.Address,
		DossierCode: d.Code, ProcedureCode: d.ProcedureCode, ProcedureName: d.ProcedureName,
		Kind: fee.Kind, Amount: fee.Amount, Method: fee.Method}
	a, err := receiptAsk(ctx, tx, office.Workstation, r.IssuedAt)
	if err != nil {
		return r, err
	}
	ns, err := db.seq.next(a)
	if err != nil {
		return r, err
	}
	if ns[0] > a.limit {
		return r, data.Errorf(data.EConflict, "Máy trạm %d đã dùng hết số biên lai của năm %d (%d–%d). Hãy thu ở máy trạm khác hoặc báo quản trị.",
			office.Workstation, r.IssuedAt.Year(), a.floor+1, a.limit)
	}
	r.Number = ns[0]
	if err := r.Validate(); err != nil {
		return r, err
	}
	return r, insertReceipt(ctx, tx, r, "")
}

// noCollector refuses a fee while the office has no collector set up.
func noCollector() error {
	var f data.Fields
	f.Add("fees", "đơn vị chưa thiết lập tổ chức thu phí, lệ phí (tên, mã số thuế) nên chưa lập được biên lai: "+
		"hãy thiết lập ở màn hình Thiết lập đơn vị hoặc bằng motcua init --fee-collector \"…\" --tax-code …")
	return f.Err("Chưa thu được phí, lệ phí; hồ sơ chưa được lưu.")
}

// insertReceipt stores a receipt; remoteKey names the pulled change that
// brought it ("" for one issued here).
func insertReceipt(ctx context.Context, tx *Tx, r data.FeeReceipt, remoteKey string) error {
	_, err := tx.ExecContext(ctx, insertReceiptSQL, receiptArgs(r, remoteKey)...)
	return err
}

const insertReceiptSQL = `INSERT INTO fee_receipt (dossier_code, year, workstation, number, form_symbol, series_symbol,
		issued_at, collector_name, collector_tax_code, collector_address, officer, by_post, postal_staff,
		payer_name, payer_id, payer_address, procedure_code, procedure_name, fee_name, kind, amount, method,
		e_provider, e_id, e_lookup_code, e_signed_at, e_tax_code, remote_key)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// receiptArgs are the values of insertReceiptSQL for a receipt.
func receiptArgs(r data.FeeReceipt, remoteKey string) []any {
	c, e := r.Collector, r.EReceipt
	signed := ""
	if !e.SignedAt.IsZero() {
		signed = e.SignedAt.In(data.Zone).Format(time.RFC3339)
	}
	var key any
	if remoteKey != "" {
		key = remoteKey
	}
	return []any{r.DossierCode, r.IssuedAt.In(data.Zone).Year(), r.Workstation, r.Number, r.FormSymbol, r.SeriesSymbol,
		r.IssuedAt.In(data.Zone).Format(time.RFC3339), c.Name, c.TaxCode, c.Address, r.Officer, r.ByPost, r.PostalStaff,
		r.PayerName, r.PayerID, r.PayerAddress, r.ProcedureCode, r.ProcedureName, r.FeeName, r.Kind, r.Amount, r.Method,
		e.Provider, e.ID, e.LookupCode, signed, e.TaxAuthorityCode, key}
}

const receiptColumns = `dossier_code, workstation, number, form_symbol, series_symbol, issued_at, collector_name,
	collector_tax_code, collector_address, officer, by_post, postal_staff, payer_name, payer_id, payer_address,
	procedure_code, procedure_name, fee_name, kind, amount, method, e_provider, e_id, e_lookup_code, e_signed_at, e_tax_code`

func (db *DB) receipts(ctx context.Context, q querier, where string, args ...any) ([]data.FeeReceipt, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+receiptColumns+` FROM fee_receipt WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: fee receipts: %w", err)
	}
	defer rows.Close()
	var rs []data.FeeReceipt
	for rows.Next() {
		var (
			r              data.FeeReceipt
			issued, signed string
		)
		c, e := &r.Collector, &r.EReceipt
		if err := rows.Scan(&r.DossierCode, &r.Workstation, &r.Number, &r.FormSymbol, &r.SeriesSymbol, &issued, &c.Name,
			&c.TaxCode, &c.Address, &r.Officer, &r.ByPost, &r.PostalStaff, &r.PayerName, &r.PayerID, &r.PayerAddress,
			&r.ProcedureCode, &r.ProcedureName, &r.FeeName, &r.Kind, &r.Amount, &r.Method, &e.Provider, &e.ID,
			&e.LookupCode, &signed, &e.TaxAuthorityCode); err != nil {
			return nil, fmt.Errorf("sqlite: fee receipts: %w", err)
		}
		c.FormSymbol = r.FormSymbol
		r.IssuedAt, e.SignedAt = parseStamp(issued), parseStamp(signed)
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// FeeReceipts are a dossier's receipts, in order of issue.
func (db *DB) FeeReceipts(ctx context.Context, code string) ([]data.FeeReceipt, error) {
	return db.receipts(ctx, db.read, `dossier_code = ? ORDER BY issued_at, id`, data.Clean(code))
}

// feesOf are the fees collected for a dossier, as its receipts say.
func (db *DB) feesOf(ctx context.Context, q querier, code string) ([]data.FeePaid, error) {
	rs, err := db.receipts(ctx, q, `dossier_code = ? ORDER BY issued_at, id`, code)
	if err != nil {
		return nil, err
	}
	var out []data.FeePaid
	for _, r := range rs {
		out = append(out, data.FeePaid{Kind: r.Kind, Amount: r.Amount, Method: r.Method})
	}
	return out, nil
}

// FeeReport totals the receipts issued from one day to another, both
// included, and lists the dossiers received exempt in that time.
func (db *DB) FeeReport(ctx context.Context, from, to time.Time) (data.FeeReport, error) {
	from, to = data.DateOf(from), data.DateOf(to)
	if to.Before(from) {
		return data.FeeReport{}, data.Errorf(data.EInvalid, "Ngày cuối (%s) trước ngày đầu (%s).", to.Format("02/01/2006"), from.Format("02/01/2006"))
	}
	// Stamps are RFC 3339 in Vietnam's zone: they sort as text.
	lo, hi := from.Format(time.RFC3339), to.AddDate(0, 0, 1).Format(time.RFC3339)
	rs, err := db.receipts(ctx, db.read, `issued_at >= ? AND issued_at < ? ORDER BY issued_at, id`, lo, hi)
	if err != nil {
		return data.FeeReport{}, err
	}
	rows, err := db.read.QueryContext(ctx, `SELECT code, received_at, officer, fee_exempt FROM dossier
		WHERE fee_exempt <> '' AND received_at >= ? AND received_at < ? ORDER BY received_at, code`, lo, hi)
	if err != nil {
		return data.FeeReport{}, fmt.Errorf("sqlite: fee report: %w", err)
	}
	defer rows.Close()
	var ex []data.Exemption
	for rows.Next() {
		var (
			e  data.Exemption
			at string
		)
		if err := rows.Scan(&e.DossierCode, &at, &e.Officer, &e.Reason); err != nil {
			return data.FeeReport{}, fmt.Errorf("sqlite: fee report: %w", err)
		}
		e.ReceivedAt = parseStamp(at)
		ex = append(ex, e)
	}
	if err := rows.Err(); err != nil {
		return data.FeeReport{}, fmt.Errorf("sqlite: fee report: %w", err)
	}
	return data.SummariseFees(from, to, rs, ex), nil
}
