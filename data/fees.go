package data

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"
)

// FeeKind is a kind of charge under the Law on Fees and Charges (Luật Phí
// và lệ phí 97/2015/QH13): a fee (phí) pays for a public service, a charge
// (lệ phí) for a state management act.
type FeeKind string

const (
	FeePhi   FeeKind = "phi"    // phí
	FeeLePhi FeeKind = "le-phi" // lệ phí
	// FeeUnstated is a catalogue amount whose text does not say which
	// kind it is; the officer names the kind when collecting it.
	FeeUnstated FeeKind = ""
)

// Valid reports whether k is phi or le-phi.
func (k FeeKind) Valid() bool { return k == FeePhi || k == FeeLePhi }

// Label is the kind as receipts and lists write it.
func (k FeeKind) Label() string {
	switch k {
	case FeePhi:
		return "Phí"
	case FeeLePhi:
		return "Lệ phí"
	case FeeUnstated:
		return "Phí, lệ phí"
	}
	return string(k)
}

// ParseFeeKind reads "phi" or "le-phi" (also written "phí", "lệ phí").
func ParseFeeKind(s string) (FeeKind, error) {
	switch strings.ReplaceAll(Fold(Clean(s)), " ", "-") {
	case "phi":
		return FeePhi, nil
	case "le-phi":
		return FeeLePhi, nil
	}
	return "", Errorf(EInvalid, "Loại %q không hợp lệ: chỉ nhận phi (phí) hoặc le-phi (lệ phí).", s)
}

// PaymentMethod is how a fee was paid.
type PaymentMethod string

const (
	PayCash     PaymentMethod = "cash"
	PayTransfer PaymentMethod = "transfer"
)

// Valid reports whether m is cash or transfer.
func (m PaymentMethod) Valid() bool { return m == PayCash || m == PayTransfer }

// Label is the method as receipts write it ("Hình thức thanh toán").
func (m PaymentMethod) Label() string {
	switch m {
	case PayCash:
		return "Tiền mặt"
	case PayTransfer:
		return "Chuyển khoản"
	}
	return string(m)
}

// MaxFee bounds one amount: 100.000.000 đồng. The highest fee of the
// commune-level catalogue is 400.000 đồng (adoption registration) and
// counter fees rarely pass a few million; the bound still leaves two
// hundred times that, while refusing the usual slips — an ID or phone
// number typed into the amount, or three zeros too many.
const MaxFee = 100_000_000

// FeesNeedReviewLabel is what lists show for a procedure whose fees are
// not known, like NeedsReviewLabel for time limits.
const FeesNeedReviewLabel = "cần xác định lệ phí"

// FeeAmount is one charge of a procedure's schedule.
type FeeAmount struct {
	Kind   FeeKind // FeeUnstated when the catalogue text does not say
	Amount int64   // đồng, > 0
	// Unit is what the amount is charged per, as published ("bản",
	// "trường hợp", "trang"); "" for once per dossier.
	Unit string
}

// Text writes the amount with its unit: "8.000 đồng/bản".
func (a FeeAmount) Text() string {
	s := FormatVND(a.Amount)
	if a.Unit != "" {
		s += "/" + a.Unit
	}
	return s
}

// FeeSchedule is what a procedure charges.
type FeeSchedule struct {
	// Known is false until an import reads the fees unambiguously or an
	// administrator sets them: the procedure then shows
	// FeesNeedReviewLabel.
	Known bool
	// Amounts are the charges, at most one per kind; none with Known
	// means the procedure is free.
	Amounts []FeeAmount
	// Exemptible is true when some applicants are exempt ("Miễn lệ phí
	// cho người thuộc hộ nghèo …"), so an exemption at the counter is
	// expected.
	Exemptible bool
}

// NeedsReview reports whether the fees are not known.
func (s FeeSchedule) NeedsReview() bool { return !s.Known }

// Charges reports whether the procedure has a set fee.
func (s FeeSchedule) Charges() bool { return s.Known && len(s.Amounts) > 0 }

// Total is the sum of the amounts, each counted once.
func (s FeeSchedule) Total() int64 {
	var t int64
	for _, a := range s.Amounts {
		t += a.Amount
	}
	return t
}

// Text describes the schedule for lists and the intake screen.
func (s FeeSchedule) Text() string {
	switch {
	case !s.Known:
		return FeesNeedReviewLabel
	case len(s.Amounts) == 0:
		return "Không thu phí, lệ phí"
	}
	parts := make([]string, len(s.Amounts))
	for k, a := range s.Amounts {
		parts[k] = a.Kind.Label() + " " + a.Text()
	}
	return strings.Join(parts, "; ")
}

// Validate checks a schedule an administrator sets: amounts above 0 and at
// most MaxFee, kinds named, each kind once.
func (s FeeSchedule) Validate() error {
	var f Fields
	seen := map[FeeKind]bool{}
	for k, a := range s.Amounts {
		field := fmt.Sprintf("fee[%d]", k)
		switch {
		case !a.Kind.Valid():
			f.Add(field, "khoản thứ %d: loại phải là phi (phí) hoặc le-phi (lệ phí)", k+1)
		case seen[a.Kind]:
			f.Add(field, "khoản thứ %d: %s đã ghi ở khoản trước; mỗi loại chỉ ghi một lần", k+1, strings.ToLower(a.Kind.Label()))
		}
		seen[a.Kind] = true
		if msg := amountProblem(a.Amount); msg != "" {
			f.Add(field, "khoản thứ %d: %s", k+1, msg)
		}
	}
	return f.Err("Mức phí, lệ phí chưa hợp lệ.")
}

// ParseFeeAmount reads an administrator's "le-phi:8000" (or "phi:8.000").
func ParseFeeAmount(s string) (FeeAmount, error) {
	kind, amount, ok := strings.Cut(s, ":")
	if !ok {
		return FeeAmount{}, Errorf(EInvalid, "Mức thu %q không đúng dạng: viết loại:số tiền, ví dụ le-phi:8000 hoặc phi:50000.", s)
	}
	k, err := ParseFeeKind(kind)
	if err != nil {
		return FeeAmount{}, err
	}
	v, err := ParseVND(amount)
	if err != nil {
		return FeeAmount{}, err
	}
	if msg := amountProblem(v); msg != "" {
		return FeeAmount{}, Errorf(EInvalid, "Mức thu %q: %s.", s, msg)
	}
	return FeeAmount{Kind: k, Amount: v}, nil
}

func amountProblem(v int64) string {
	switch {
	case v < 0:
		return fmt.Sprintf("số tiền %s không được âm", GroupThousands(v))
	case v == 0:
		return "số tiền phải lớn hơn 0 (không thu thì không ghi khoản này)"
	case v > MaxFee:
		return fmt.Sprintf("số tiền %s vượt mức tối đa %s; hãy kiểm tra lại", FormatVND(v), FormatVND(MaxFee))
	}
	return ""
}

// FeePaid is a fee collected with a dossier.
type FeePaid struct {
	Kind   FeeKind
	Amount int64 // đồng
	Method PaymentMethod
}

// FeeEntry is a fee as intake JSON ("fees": [{"kind": "le-phi", "amount":
// 8000, "method": "cash"}]) or the intake screen gives it, before checks.
// Amount is kept as the number was written, so that 8000.5 is refused
// rather than rounded.
type FeeEntry struct {
	Kind   string      `json:"kind"`
	Amount json.Number `json:"amount"`
	Method string      `json:"method"`
}

// MaxExemptReason bounds the text of an exemption reason, in characters.
const MaxExemptReason = 500

// CheckIntakeFees checks what an officer recorded at intake against the
// procedure's schedule and returns the fees collected and the exemption
// reason, cleaned. A procedure with a set fee needs fees or an exemption
// reason ("fee_exempt"); a free procedure or one whose fees are not known
// takes either or neither (an optional copy fee, a catalogue still to be
// completed). Each amount is a whole number of đồng above 0 and at most
// MaxFee; each kind appears once; the method is cash or transfer. Every
// problem is named by its JSON field.
func CheckIntakeFees(s FeeSchedule, entries []FeeEntry, exempt string) ([]FeePaid, string, error) {
	var f Fields
	exempt = Clean(exempt)
	if n := utf8.RuneCountInString(exempt); n > MaxExemptReason {
		f.Add("fee_exempt", "lý do miễn phí, lệ phí dài %d ký tự, tối đa %d", n, MaxExemptReason)
	}
	if s.Charges() && len(entries) == 0 && exempt == "" {
		f.Add("fees", "thủ tục này thu %s: ghi khoản đã thu hoặc lý do miễn (fee_exempt)", s.Text())
	}
	var paid []FeePaid
	seen := map[FeeKind]int{}
	for k, e := range entries {
		at := func(name string) string { return fmt.Sprintf("fees[%d].%s", k, name) }
		nth := fmt.Sprintf("khoản thu thứ %d", k+1)
		p := FeePaid{}
		kind, err := ParseFeeKind(e.Kind)
		switch {
		case strings.TrimSpace(e.Kind) == "":
			f.Add(at("kind"), "%s: chưa ghi loại (phi hoặc le-phi)", nth)
		case err != nil:
			f.Add(at("kind"), "%s: loại %q không hợp lệ, chỉ nhận phi (phí) hoặc le-phi (lệ phí)", nth, e.Kind)
		default:
			if first, dup := seen[kind]; dup {
				f.Add(at("kind"), "%s: %s đã ghi ở khoản thu thứ %d; mỗi loại chỉ ghi một lần", nth, strings.ToLower(kind.Label()), first+1)
			}
			seen[kind] = k
			p.Kind = kind
		}
		v, msg := intakeAmount(e.Amount)
		if msg != "" {
			f.Add(at("amount"), "%s: %s", nth, msg)
		}
		p.Amount = v
		switch m := PaymentMethod(strings.ToLower(strings.TrimSpace(e.Method))); {
		case e.Method == "":
			f.Add(at("method"), "%s: chưa ghi hình thức nộp (cash: tiền mặt, transfer: chuyển khoản)", nth)
		case !m.Valid():
			f.Add(at("method"), "%s: hình thức nộp %q không hợp lệ, chỉ nhận cash (tiền mặt) hoặc transfer (chuyển khoản)", nth, e.Method)
		default:
			p.Method = m
		}
		paid = append(paid, p)
	}
	if err := f.Err("Thông tin phí, lệ phí chưa hợp lệ; hồ sơ chưa được lưu."); err != nil {
		return nil, "", err
	}
	return paid, exempt, nil
}

// intakeAmount reads an amount as written in JSON.
func intakeAmount(n json.Number) (int64, string) {
	s := strings.TrimSpace(n.String())
	if s == "" {
		return 0, "chưa ghi số tiền"
	}
	// A long number or a large exponent is absurd as a fee, and would
	// make big.Rat build a huge integer.
	if _, exp, ok := strings.Cut(strings.ToLower(s), "e"); len(s) > 40 || ok && len(strings.TrimLeft(exp, "+-0")) > 2 {
		return 0, fmt.Sprintf("số tiền %q không hợp lệ", s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return 0, fmt.Sprintf("số tiền %q không phải là số", s)
	}
	if !r.IsInt() {
		return 0, fmt.Sprintf("số tiền %s không phải số nguyên; phí, lệ phí tính bằng đồng, không có phần lẻ", s)
	}
	if r.Sign() < 0 {
		return 0, fmt.Sprintf("số tiền %s không được âm", s)
	}
	if r.Num().Cmp(big.NewInt(MaxFee)) > 0 {
		return 0, fmt.Sprintf("số tiền %s vượt mức tối đa %s; hãy kiểm tra lại", s, FormatVND(MaxFee))
	}
	v := r.Num().Int64()
	if msg := amountProblem(v); msg != "" {
		return 0, msg
	}
	return v, ""
}
