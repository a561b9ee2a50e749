package data

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckIntakeFees(t *testing.T) {
	charged := FeeSchedule{Known: true, Amounts: []FeeAmount{{Kind: FeeLePhi, Amount: 8000}}, Exemptible: true}
	free := FeeSchedule{Known: true}
	unknown := FeeSchedule{}
	entry := func(kind, amount, method string) FeeEntry {
		return FeeEntry{Kind: kind, Amount: json.Number(amount), Method: method}
	}
	for _, tc := range []struct {
		name    string
		s       FeeSchedule
		entries []FeeEntry
		exempt  string
		want    []FeePaid
		errs    []string // field: words of the message, one per expected field error
	}{
		{name: "paid in cash", s: charged, entries: []FeeEntry{entry("le-phi", "8000", "cash")},
			want: []FeePaid{{FeeLePhi, 8000, PayCash}}},
		{name: "paid by transfer, kind written in Vietnamese", s: charged, entries: []FeeEntry{entry("Lệ phí", "8000", "transfer")},
			want: []FeePaid{{FeeLePhi, 8000, PayTransfer}}},
		{name: "a multiple of a per-page fee", s: charged, entries: []FeeEntry{entry("le-phi", "16000", "cash")},
			want: []FeePaid{{FeeLePhi, 16000, PayCash}}},
		{name: "integer written with a decimal point", s: charged, entries: []FeeEntry{entry("le-phi", "8000.0", "cash")},
			want: []FeePaid{{FeeLePhi, 8000, PayCash}}},
		{name: "exempt", s: charged, exempt: "  Người thuộc hộ nghèo  ", want: nil},
		{name: "phí and lệ phí", s: charged, entries: []FeeEntry{entry("le-phi", "8000", "cash"), entry("phi", "8000", "cash")},
			want: []FeePaid{{FeeLePhi, 8000, PayCash}, {FeePhi, 8000, PayCash}}},
		{name: "free procedure, nothing", s: free},
		{name: "free procedure, an optional copy fee", s: free, entries: []FeeEntry{entry("phi", "8000", "cash")},
			want: []FeePaid{{FeePhi, 8000, PayCash}}},
		{name: "fees not known, nothing", s: unknown},
		{name: "fees not known, collected", s: unknown, entries: []FeeEntry{entry("le-phi", "5000", "cash")},
			want: []FeePaid{{FeeLePhi, 5000, PayCash}}},

		{name: "set fee, neither", s: charged, errs: []string{"fees: 8.000 đồng fee_exempt"}},
		{name: "negative", s: charged, entries: []FeeEntry{entry("le-phi", "-8000", "cash")}, errs: []string{"fees[0].amount: khoản thu thứ 1 âm"}},
		{name: "zero", s: charged, entries: []FeeEntry{entry("le-phi", "0", "cash")}, errs: []string{"fees[0].amount: lớn hơn 0"}},
		{name: "fraction", s: charged, entries: []FeeEntry{entry("le-phi", "8000.5", "cash")}, errs: []string{"fees[0].amount: số nguyên"}},
		{name: "absurd", s: charged, entries: []FeeEntry{entry("le-phi", "800000000", "cash")}, errs: []string{"fees[0].amount: vượt 100.000.000"}},
		{name: "ID number typed as amount", s: charged, entries: []FeeEntry{entry("le-phi", "92188001234", "cash")}, errs: []string{"fees[0].amount: vượt"}},
		{name: "huge exponent", s: charged, entries: []FeeEntry{entry("le-phi", "1e999999999", "cash")}, errs: []string{"fees[0].amount: không hợp lệ"}},
		{name: "small exponent beyond the cap", s: charged, entries: []FeeEntry{entry("le-phi", "8e9", "cash")}, errs: []string{"fees[0].amount: vượt"}},
		{name: "no amount", s: charged, entries: []FeeEntry{entry("le-phi", "", "cash")}, errs: []string{"fees[0].amount: chưa ghi số tiền"}},
		{name: "unknown kind", s: charged, entries: []FeeEntry{entry("thuế", "8000", "cash")}, errs: []string{"fees[0].kind: thuế"}},
		{name: "no kind", s: charged, entries: []FeeEntry{entry("", "8000", "cash")}, errs: []string{"fees[0].kind: chưa ghi loại"}},
		{name: "no method", s: charged, entries: []FeeEntry{entry("le-phi", "8000", "")}, errs: []string{"fees[0].method: hình thức"}},
		{name: "unknown method", s: charged, entries: []FeeEntry{entry("le-phi", "8000", "card")}, errs: []string{"fees[0].method: card"}},
		{name: "kind twice", s: charged, entries: []FeeEntry{entry("le-phi", "4000", "cash"), entry("le-phi", "4000", "transfer")},
			errs: []string{"fees[1].kind: khoản thu thứ 2 khoản thu thứ 1"}},
		{name: "exemption reason too long", s: charged, exempt: strings.Repeat("x", 501), errs: []string{"fee_exempt: 501"}},
		{name: "every bad field named", s: charged, entries: []FeeEntry{entry("x", "-1", "y"), entry("phi", "1.5", "cash")},
			errs: []string{"fees[0].kind", "fees[0].amount", "fees[0].method", "fees[1].amount"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paid, exempt, err := CheckIntakeFees(tc.s, tc.entries, tc.exempt)
			if len(tc.errs) == 0 {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if len(paid) != len(tc.want) {
					t.Fatalf("paid %+v, want %+v", paid, tc.want)
				}
				for k := range paid {
					if paid[k] != tc.want[k] {
						t.Errorf("paid[%d] = %+v, want %+v", k, paid[k], tc.want[k])
					}
				}
				if exempt != Clean(tc.exempt) {
					t.Errorf("exempt %q", exempt)
				}
				return
			}
			var e *Error
			if ErrorCode(err) != EInvalid || !errors.As(err, &e) {
				t.Fatalf("err = %v, want an invalid *Error", err)
			}
			if paid != nil {
				t.Error("refused fees still returned")
			}
			if len(e.Fields) != len(tc.errs) {
				t.Fatalf("%d field errors, want %d: %v", len(e.Fields), len(tc.errs), err)
			}
			for k, want := range tc.errs {
				field, words, _ := strings.Cut(want, ": ")
				if e.Fields[k].Field != field {
					t.Errorf("field %d = %q, want %q", k, e.Fields[k].Field, field)
				}
				for _, w := range strings.Fields(words) {
					if !strings.Contains(e.Fields[k].Message, w) {
						t.Errorf("%s: message %q lacks %q", field, e.Fields[k].Message, w)
					}
				}
			}
		})
	}
}

func TestParseFeeAmount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want FeeAmount
		ok   bool
	}{
		{"le-phi:8000", FeeAmount{Kind: FeeLePhi, Amount: 8000}, true},
		{"phi:50.000", FeeAmount{Kind: FeePhi, Amount: 50000}, true},
		{"lệ phí:8000", FeeAmount{Kind: FeeLePhi, Amount: 8000}, true},
		{"le-phi", FeeAmount{}, false},
		{"thue:8000", FeeAmount{}, false},
		{"le-phi:0", FeeAmount{}, false},
		{"le-phi:-8000", FeeAmount{}, false},
		{"le-phi:200.000.000", FeeAmount{}, false},
		{"le-phi:8,5", FeeAmount{}, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseFeeAmount(tc.in)
			if tc.ok != (err == nil) || got != tc.want {
				t.Errorf("ParseFeeAmount(%q) = %+v, %v", tc.in, got, err)
			}
		})
	}
}

func TestFeeSchedule(t *testing.T) {
	s := FeeSchedule{Known: true, Amounts: []FeeAmount{{Kind: FeeLePhi, Amount: 8000, Unit: "bản"}, {Kind: FeePhi, Amount: 2000}}}
	if !s.Charges() || s.Total() != 10000 || s.NeedsReview() || s.Validate() != nil {
		t.Errorf("%+v: charges %v total %d review %v validate %v", s, s.Charges(), s.Total(), s.NeedsReview(), s.Validate())
	}
	if got, want := s.Text(), "Lệ phí 8.000 đồng/bản; Phí 2.000 đồng"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if got := (FeeSchedule{}).Text(); got != FeesNeedReviewLabel {
		t.Errorf("unknown schedule text %q", got)
	}
	if got := (FeeSchedule{Known: true}).Text(); got != "Không thu phí, lệ phí" {
		t.Errorf("free schedule text %q", got)
	}
	bad := FeeSchedule{Known: true, Amounts: []FeeAmount{{Kind: FeeLePhi, Amount: 8000}, {Kind: FeeLePhi, Amount: -1}, {Amount: 5}}}
	err := bad.Validate()
	if err == nil || !strings.Contains(err.Error(), "mỗi loại chỉ ghi một lần") || !strings.Contains(err.Error(), "âm") || !strings.Contains(err.Error(), "khoản thứ 3") {
		t.Errorf("Validate = %v", err)
	}
}

func TestReceiptNumbering(t *testing.T) {
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, Zone) }
	last := FeeReceipt{Number: 41, IssuedAt: at(2026, 12, 31, 16, 50)}
	for _, tc := range []struct {
		name string
		last FeeReceipt
		t    time.Time
		want int
		ok   bool
	}{
		{"first ever", FeeReceipt{}, at(2026, 7, 1, 8, 0), 1, true},
		{"same year", last, at(2026, 12, 31, 16, 55), 42, true},
		{"1 January restarts", last, at(2027, 1, 1, 0, 0), 1, true},
		// 17:00 UTC on 31/12 is 00:00 on 1/1 in Vietnam.
		{"1 January in Vietnam, still 31/12 in UTC", last, time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC), 1, true},
		{"31/12 23:59 in Vietnam", last, at(2026, 12, 31, 23, 59), 42, true},
		{"clock behind the last receipt", last, at(2026, 12, 31, 9, 0), 0, false},
		{"year used up", FeeReceipt{Number: MaxReceiptNumber, IssuedAt: at(2026, 5, 1, 8, 0)}, at(2026, 5, 1, 9, 0), 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := NextReceiptNumber(tc.last, tc.t)
			if tc.ok != (err == nil) || got != tc.want {
				t.Errorf("NextReceiptNumber = %d, %v; want %d", got, err, tc.want)
			}
		})
	}
}

func TestReceiptSeriesSymbol(t *testing.T) {
	for _, tc := range []struct {
		year    int
		letters string
		want    string
	}{
		{2026, "AA", "26TAA"},
		{2027, "yy", "27TYY"},
		{2026, "AF", ""}, // F is not among the twenty letters
		{2026, "A", ""},  // one letter
		{2026, "ĐA", ""}, // Đ is not either
		{1999, "AA", ""},
	} {
		got, err := ReceiptSeriesSymbol(tc.year, tc.letters)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("ReceiptSeriesSymbol(%d, %q) = %q, %v; want %q", tc.year, tc.letters, got, err, tc.want)
		}
	}
}

func feeReceipt() FeeReceipt {
	return FeeReceipt{
		FormSymbol: EReceiptFormSymbol, SeriesSymbol: "26TAA", Number: 12,
		IssuedAt:  time.Date(2026, 8, 3, 9, 5, 0, 0, Zone),
		Collector: FeeCollector{Name: "Ủy ban nhân dân phường Ninh Kiều", TaxCode: "1801234567"},
		Officer:   "Lê Văn Hùng", PayerName: "Huỳnh Thị Phượng Tường Vy",
		DossierCode: "000.30.12.H30-260803-1001", ProcedureName: "Cấp bản sao Trích lục hộ tịch",
		Kind: FeeLePhi, Amount: 8000, Method: PayCash,
	}
}

func TestFeeReceiptValidate(t *testing.T) {
	if err := feeReceipt().Validate(); err != nil {
		t.Fatalf("good receipt refused: %v", err)
	}
	r := feeReceipt()
	if r.NumberText() != "00000012" || r.Content() != "Lệ phí: Cấp bản sao Trích lục hộ tịch" {
		t.Errorf("number %q content %q", r.NumberText(), r.Content())
	}
	for _, tc := range []struct {
		name  string
		edit  func(*FeeReceipt)
		field string
	}{
		{"series of another year", func(r *FeeReceipt) { r.IssuedAt = r.IssuedAt.AddDate(1, 0, 0) }, "series-symbol"},
		{"series letter not allowed", func(r *FeeReceipt) { r.SeriesSymbol = "26TAF" }, "series-symbol"},
		{"form symbol", func(r *FeeReceipt) { r.FormSymbol = "ebl 01" }, "form-symbol"},
		{"number 0", func(r *FeeReceipt) { r.Number = 0 }, "number"},
		{"nine digits", func(r *FeeReceipt) { r.Number = 100_000_000 }, "number"},
		{"no date", func(r *FeeReceipt) { r.IssuedAt = time.Time{} }, "date"},
		{"collector", func(r *FeeReceipt) { r.Collector.Name = " " }, "collector-name"},
		{"tax code", func(r *FeeReceipt) { r.Collector.TaxCode = "18012345" }, "collector-tax-code"},
		{"officer", func(r *FeeReceipt) { r.Officer = "" }, "officer"},
		{"payer", func(r *FeeReceipt) { r.PayerName = "" }, "payer"},
		{"kind", func(r *FeeReceipt) { r.Kind = FeeUnstated }, "kind"},
		{"amount", func(r *FeeReceipt) { r.Amount = MaxFee + 1 }, "amount"},
		{"method", func(r *FeeReceipt) { r.Method = "card" }, "method"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := feeReceipt()
			tc.edit(&r)
			err := r.Validate()
			e, ok := err.(*Error)
			if !ok || len(e.Fields) != 1 || e.Fields[0].Field != tc.field {
				t.Errorf("Validate = %v, want one error on %s", err, tc.field)
			}
		})
	}
	// A fee the postman collected names the postal staff instead.
	post := feeReceipt()
	post.Officer, post.ByPost, post.PostalStaff = "", true, "Trần Văn Bưu"
	if err := post.Validate(); err != nil {
		t.Errorf("postal receipt refused: %v", err)
	}
}

func FuzzCheckIntakeFees(f *testing.F) {
	for _, seed := range [][3]string{{"le-phi", "8000", "cash"}, {"phi", "8000.5", "transfer"}, {"Lệ phí", "1e3", "cash"}, {"x", "-1", "y"}, {"le-phi", "1e99", "cash"}} {
		f.Add(seed[0], seed[1], seed[2], "")
	}
	charged := FeeSchedule{Known: true, Amounts: []FeeAmount{{Kind: FeeLePhi, Amount: 8000}}}
	f.Fuzz(func(t *testing.T, kind, amount, method, exempt string) {
		paid, reason, err := CheckIntakeFees(charged, []FeeEntry{{Kind: kind, Amount: json.Number(amount), Method: method}}, exempt)
		if err != nil {
			if ErrorCode(err) != EInvalid || paid != nil {
				t.Fatalf("refusal %v with %v", err, paid)
			}
			return
		}
		if len(paid) != 1 || !paid[0].Kind.Valid() || !paid[0].Method.Valid() || paid[0].Amount <= 0 || paid[0].Amount > MaxFee || reason != Clean(exempt) {
			t.Fatalf("accepted %+v %q", paid, reason)
		}
	})
}
