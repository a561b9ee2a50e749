package data

import (
	"context"
	"slices"
	"strings"
	"time"
)

// CollectedByPost is the method and the collector the fees report gives
// a fee the postman collected (Decision 45/2016): the money reaches the
// office with the signed from-post manifest, not from the officer's till.
const CollectedByPost = "post"

// Collection is how the fee came in, as the report counts it: "cash",
// "transfer", or CollectedByPost.
func (r FeeReceipt) Collection() string {
	if r.ByPost {
		return CollectedByPost
	}
	return string(r.Method)
}

// CollectedBy is who took the money, as the report counts it: the
// officer, or CollectedByPost.
func (r FeeReceipt) CollectedBy() string {
	if r.ByPost {
		return CollectedByPost
	}
	return r.Officer
}

// FeeTotal is one line of a report's totals.
type FeeTotal struct {
	Key    string // a day (YYYY-MM-DD), an officer, a kind or a method
	Count  int    // receipts
	Amount int64  // đồng
}

// Exemption is a dossier taken without its fee, and why.
type Exemption struct {
	DossierCode string
	ReceivedAt  time.Time
	Officer     string
	Reason      string
}

// FeeReport is what was collected in a period: totals by day, by
// officer, by kind and by method, every receipt, and the dossiers exempt.
type FeeReport struct {
	From, To   time.Time // days, both included, midnight in Zone
	Total      int64
	ByDay      []FeeTotal
	ByOfficer  []FeeTotal
	ByKind     []FeeTotal
	ByMethod   []FeeTotal
	Receipts   []FeeReceipt // by time of issue
	Exemptions []Exemption
}

// SummariseFees totals receipts. Days are those of Vietnam; totals come
// in the order of their keys (days, names), receipts in order of issue.
func SummariseFees(from, to time.Time, receipts []FeeReceipt, exempt []Exemption) FeeReport {
	rep := FeeReport{From: DateOf(from), To: DateOf(to), Receipts: slices.Clone(receipts), Exemptions: slices.Clone(exempt)}
	slices.SortStableFunc(rep.Receipts, func(a, b FeeReceipt) int {
		if c := a.IssuedAt.Compare(b.IssuedAt); c != 0 {
			return c
		}
		return a.Number - b.Number
	})
	days, officers, kinds, methods := map[string]*FeeTotal{}, map[string]*FeeTotal{}, map[string]*FeeTotal{}, map[string]*FeeTotal{}
	add := func(m map[string]*FeeTotal, key string, v int64) {
		t := m[key]
		if t == nil {
			t = &FeeTotal{Key: key}
			m[key] = t
		}
		t.Count++
		t.Amount += v
	}
	for _, r := range rep.Receipts {
		rep.Total += r.Amount
		add(days, r.IssuedAt.In(Zone).Format(time.DateOnly), r.Amount)
		add(officers, r.CollectedBy(), r.Amount)
		add(kinds, string(r.Kind), r.Amount)
		add(methods, r.Collection(), r.Amount)
	}
	sorted := func(m map[string]*FeeTotal) []FeeTotal {
		out := make([]FeeTotal, 0, len(m))
		for _, t := range m {
			out = append(out, *t)
		}
		slices.SortFunc(out, func(a, b FeeTotal) int { return strings.Compare(a.Key, b.Key) })
		return out
	}
	rep.ByDay, rep.ByOfficer, rep.ByKind, rep.ByMethod = sorted(days), sorted(officers), sorted(kinds), sorted(methods)
	return rep
}

// FeeService keeps the fees collected and their receipts.
type FeeService interface {
	// FeeReceipts are a dossier's receipts, in order of issue.
	FeeReceipts(ctx context.Context, code string) ([]FeeReceipt, error)
	// FeeReport totals the receipts issued from one day to another, both
	// included, with the dossiers received exempt in that time.
	FeeReport(ctx context.Context, from, to time.Time) (FeeReport, error)
}
