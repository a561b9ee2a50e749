package data

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Fee receipts (biên lai thu phí, lệ phí).
//
// Decree 254/2026/NĐ-CP on e-invoices and e-documents (30/6/2026, in force
// 1/7/2026) Art. 23(2), as summarised by two developer compliance notes
// [secondary; the decree's text was not reachable]: a receipt carries its
// name, form symbol and series symbol, a number of at most 8 digits that
// starts at 1 on 1 January and ends on 31 December, the collecting
// organisation's name and tax code, the fee's name, the amount in figures
// and in words, the date, the payer, and the collector's digital
// signature; paper receipts may be used until 31/12/2026 (Art. 44(2)).
//
// Circular 91/2026/TT-BTC (in force 1/7/2026) [official, republished in
// full]: Phụ lục II mục 2 fixes the e-receipt symbols — form symbol "EBL"
// and 01 (no face value) or 02 (with face value); series symbol two digits
// of the year, "T", and two of twenty letters — and Phụ lục V's reference
// display form 01/PLPĐT prints "Mẫu số / Ký hiệu / Số / Ngày … / Tên tổ
// chức thu / Mã số thuế / Địa chỉ / Tên người nộp / … / Số tiền / (Số tiền
// bằng chữ) / Hình thức thanh toán / Tổ chức thu phí, lệ phí (Chữ ký số)".
// Its daily summary to the tax office (Mẫu 01/TH-BLĐT) has one row per
// receipt with one "Tên loại thuế, phí, lệ phí" and one "Số tiền": so a
// receipt here is for one kind of charge, and a dossier that pays phí and
// lệ phí gets two.

// MaxReceiptNumber is the largest receipt number: 8 digits.
const MaxReceiptNumber = 99_999_999

// EReceiptFormSymbol is the form symbol of an e-receipt without face value
// (Circular 91/2026 Phụ lục II mục 2 a: "EBL01").
const EReceiptFormSymbol = "EBL01"

// seriesLetters are the twenty letters a series symbol may use (Circular
// 91/2026 Phụ lục II mục 2 b).
const seriesLetters = "ABCDEGHKLMNPQRSTUVXY"

// eSeriesPattern matches an e-receipt series symbol: "26TAA".
var eSeriesPattern = regexp.MustCompile(`^([0-9]{2})T([A-Z]{2})$`)

// symbolPattern is what any form or series symbol may hold, paper ones
// included ("01BLP2-001").
var symbolPattern = regexp.MustCompile(`^[0-9A-Z][0-9A-Z/.-]{0,19}$`)

// ReceiptSeriesSymbol builds the series symbol of a year's e-receipts:
// two digits of the year, "T" (receipts registered with the tax office)
// and two letters the collector chooses ("AA"): 2026 and "AA" give
// "26TAA". The symbol changes every 1 January with the numbering.
func ReceiptSeriesSymbol(year int, letters string) (string, error) {
	letters = strings.ToUpper(strings.TrimSpace(letters))
	if utf8.RuneCountInString(letters) != 2 || strings.Trim(letters, seriesLetters) != "" {
		return "", Errorf(EInvalid, "Ký hiệu biên lai: %q phải là hai chữ cái trong %s.", letters, strings.Join(strings.Split(seriesLetters, ""), ", "))
	}
	if year < 2000 || year > 2099 {
		return "", Errorf(EInvalid, "Ký hiệu biên lai: năm %d không hợp lệ.", year)
	}
	return fmt.Sprintf("%02dT%s", year%100, letters), nil
}

// NextReceiptNumber is the number of the next receipt issued at t, given
// the last one issued (zero last for none): numbers restart at 1 on 1
// January in Vietnam and run to MaxReceiptNumber within the year.
func NextReceiptNumber(last FeeReceipt, t time.Time) (int, error) {
	if last.Number == 0 || last.IssuedAt.In(Zone).Year() != t.In(Zone).Year() {
		return 1, nil
	}
	if t.Before(last.IssuedAt) {
		return 0, Errorf(EConflict, "Giờ máy (%s) sớm hơn biên lai số %s đã lập lúc %s; hãy chỉnh đồng hồ máy trước khi thu tiền.",
			t.In(Zone).Format("02/01/2006 15:04"), last.NumberText(), last.IssuedAt.In(Zone).Format("02/01/2006 15:04"))
	}
	if last.Number >= MaxReceiptNumber {
		return 0, Errorf(EConflict, "Đã dùng hết số biên lai của năm %d (tối đa %d).", t.In(Zone).Year(), MaxReceiptNumber)
	}
	return last.Number + 1, nil
}

// FeeCollector is the organisation that collects fees and issues receipts
// (tổ chức thu phí, lệ phí), with its receipt symbols.
type FeeCollector struct {
	Name    string // "Ủy ban nhân dân phường Ninh Kiều"
	TaxCode string // mã số thuế: 10 digits, or 10-3 for a branch
	Address string
	// FormSymbol is the receipt form symbol (ký hiệu mẫu), EBL01 for
	// e-receipts; SeriesLetters the two letters of the series symbol.
	FormSymbol    string
	SeriesLetters string
}

// taxCodePattern matches a tax code: 10 digits, 10-3 for a dependent unit,
// or the 12-digit personal ID that serves individuals as their tax code.
var taxCodePattern = regexp.MustCompile(`^([0-9]{10}(-[0-9]{3})?|[0-9]{12})$`)

// ValidTaxCode reports whether s has the form of a tax code.
func ValidTaxCode(s string) bool { return taxCodePattern.MatchString(s) }

// DefaultSeriesLetters are the two letters of the series symbol until the
// collector registers its own with the tax office.
const DefaultSeriesLetters = "AA"

// Configured reports whether the collector was set up: it has a name or
// a tax code.
func (c FeeCollector) Configured() bool { return Clean(c.Name) != "" || Clean(c.TaxCode) != "" }

// Validate names every field of the collector's set-up that is wrong, by
// the set-up's field names (the init command's flags).
func (c FeeCollector) Validate() error {
	var f Fields
	switch n := utf8.RuneCountInString(Clean(c.Name)); {
	case n == 0:
		f.Add(FieldFeeCollector, "chưa nhập tên tổ chức thu phí, lệ phí")
	case n > 200:
		f.Add(FieldFeeCollector, "tên tổ chức thu phí, lệ phí dài quá 200 ký tự")
	}
	if !ValidTaxCode(Clean(c.TaxCode)) {
		f.Add(FieldTaxCode, "mã số thuế %q không đúng dạng (10 chữ số, hoặc 10 chữ số - 3 chữ số)", c.TaxCode)
	}
	if utf8.RuneCountInString(Clean(c.Address)) > 300 {
		f.Add(FieldCollectorAddress, "địa chỉ tổ chức thu dài quá 300 ký tự")
	}
	if !symbolPattern.MatchString(Clean(c.FormSymbol)) {
		f.Add(FieldReceiptForm, "ký hiệu mẫu biên lai %q không hợp lệ (ví dụ EBL01)", c.FormSymbol)
	}
	if _, err := ReceiptSeriesSymbol(2026, c.SeriesLetters); err != nil {
		f.Add(FieldReceiptSeries, "ký hiệu biên lai: %q phải là hai chữ cái (ví dụ AA)", c.SeriesLetters)
	}
	return f.Err("Thông tin tổ chức thu phí, lệ phí chưa hợp lệ.")
}

// ReceiptBlock returns the first and last receipt numbers workstation w
// issues in a year: W0000001–W9999999, eight digits led by the
// workstation's number. The workstations of an office share the series
// and work without a network, so, as with dossier codes (SequenceBlock),
// each numbers within its own block and two never issue the same number;
// each block restarts on 1 January. An e-receipt provider, once linked,
// numbers its receipts itself (EReceipt).
func ReceiptBlock(w int) (first, last int) {
	return w*10_000_000 + 1, w*10_000_000 + 9_999_999
}

// EReceipt is what an e-receipt provider returns once the receipt is
// signed and sent (Decree 254/2026): kept so that the paper and the
// electronic record can be matched. Empty until such a link exists.
type EReceipt struct {
	Provider   string    // the provider's name
	ID         string    // the provider's identifier of the receipt
	LookupCode string    // mã tra cứu printed for the payer
	SignedAt   time.Time // time of the collector's digital signature
	// TaxAuthorityCode is the code the tax office gives, when it does.
	TaxAuthorityCode string
}

// Issued reports whether the receipt exists electronically.
func (e EReceipt) Issued() bool { return e.ID != "" }

// FeeReceipt is one receipt for one charge collected with a dossier.
type FeeReceipt struct {
	FormSymbol   string // ký hiệu mẫu: "EBL01"
	SeriesSymbol string // ký hiệu: "26TAA"
	Number       int    // 1 … MaxReceiptNumber, restarting each 1 January
	IssuedAt     time.Time

	Collector FeeCollector // name, tax code, address of the organisation
	Officer   string       // who took the money (người thu tiền)
	// ByPost is true for a fee the postman collected (Decision 45/2016);
	// PostalStaff is then who collected it.
	ByPost      bool
	PostalStaff string
	// Workstation numbered the receipt (ReceiptBlock).
	Workstation int

	PayerName    string
	PayerID      string // tax code or personal ID, when given
	PayerAddress string

	DossierCode   string
	ProcedureCode string
	ProcedureName string

	Kind    FeeKind
	FeeName string // "Lệ phí đăng ký hộ tịch"; "" prints the kind and the procedure
	Amount  int64  // đồng
	Method  PaymentMethod

	EReceipt EReceipt
}

// NumberText is the number as printed, eight digits: "00000012".
func (r FeeReceipt) NumberText() string { return fmt.Sprintf("%08d", r.Number) }

// Content is what the money is for ("Nội dung thu"), as printed: the
// fee's name, or the kind and the procedure.
func (r FeeReceipt) Content() string {
	if name := Clean(r.FeeName); name != "" {
		return name
	}
	if p := Clean(r.ProcedureName); p != "" {
		return r.Kind.Label() + ": " + p
	}
	return r.Kind.Label()
}

// Validate names every field the receipt needs that is missing or wrong,
// before it is numbered, stored or printed.
func (r FeeReceipt) Validate() error {
	var f Fields
	if !symbolPattern.MatchString(r.FormSymbol) {
		f.Add("form-symbol", "ký hiệu mẫu biên lai %q không hợp lệ (ví dụ EBL01)", r.FormSymbol)
	}
	switch m := eSeriesPattern.FindStringSubmatch(r.SeriesSymbol); {
	case !symbolPattern.MatchString(r.SeriesSymbol):
		f.Add("series-symbol", "ký hiệu biên lai %q không hợp lệ (ví dụ 26TAA)", r.SeriesSymbol)
	case m != nil && !r.IssuedAt.IsZero() && m[1] != fmt.Sprintf("%02d", r.IssuedAt.In(Zone).Year()%100):
		f.Add("series-symbol", "ký hiệu biên lai %s mang năm 20%s nhưng biên lai lập năm %d", r.SeriesSymbol, m[1], r.IssuedAt.In(Zone).Year())
	case m != nil && strings.Trim(m[2], seriesLetters) != "":
		f.Add("series-symbol", "ký hiệu biên lai %s dùng chữ cái không được phép", r.SeriesSymbol)
	}
	if r.Number < 1 || r.Number > MaxReceiptNumber {
		f.Add("number", "số biên lai %d phải từ 1 đến %d", r.Number, MaxReceiptNumber)
	}
	if r.IssuedAt.IsZero() {
		f.Add("date", "chưa có ngày lập biên lai")
	}
	if Clean(r.Collector.Name) == "" {
		f.Add("collector-name", "chưa có tên tổ chức thu phí, lệ phí")
	}
	if !ValidTaxCode(Clean(r.Collector.TaxCode)) {
		f.Add("collector-tax-code", "mã số thuế của tổ chức thu %q không đúng dạng", r.Collector.TaxCode)
	}
	if Clean(r.Officer) == "" && !(r.ByPost && Clean(r.PostalStaff) != "") {
		f.Add("officer", "chưa có tên người thu tiền")
	}
	if Clean(r.PayerName) == "" {
		f.Add("payer", "chưa có tên người nộp")
	}
	if !r.Kind.Valid() {
		f.Add("kind", "loại phải là phí hoặc lệ phí")
	}
	if msg := amountProblem(r.Amount); msg != "" {
		f.Add("amount", "%s", msg)
	}
	if !r.Method.Valid() {
		f.Add("method", "hình thức thanh toán phải là tiền mặt hoặc chuyển khoản")
	}
	return f.Err("Biên lai thu phí, lệ phí chưa đủ thông tin.")
}
