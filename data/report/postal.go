package report

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"motcua/data"
)

// Quarter is a calendar quarter in Vietnam.
type Quarter struct {
	Year, N int // N: 1–4
}

var quarterPattern = regexp.MustCompile(`^([0-9]{4})Q([1-4])$`)

// ParseQuarter reads "2026Q4"; EInvalid otherwise.
func ParseQuarter(s string) (Quarter, error) {
	m := quarterPattern.FindStringSubmatch(s)
	if m == nil {
		return Quarter{}, data.Errorf(data.EInvalid, "Quý %q cần viết dạng NĂMQsố, ví dụ 2026Q4.", s)
	}
	y, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	return Quarter{y, n}, nil
}

func (q Quarter) String() string { return fmt.Sprintf("%dQ%d", q.Year, q.N) }

// Label is the quarter as a report's title says it.
func (q Quarter) Label() string { return fmt.Sprintf("Quý %d năm %d", q.N, q.Year) }

// Start is the quarter's first day; End the first day after it.
func (q Quarter) Start() time.Time {
	return time.Date(q.Year, time.Month(3*q.N-2), 1, 0, 0, 0, 0, data.Zone)
}
func (q Quarter) End() time.Time { return q.Start().AddDate(0, 3, 0) }

// Contains reports whether t falls in the quarter.
func (q Quarter) Contains(t time.Time) bool {
	return !t.IsZero() && !t.Before(q.Start()) && t.Before(q.End())
}

// OperatorCounts are what the postal operator announced (through the
// province's postal API) against what was handed over on from-post
// manifests.
type OperatorCounts struct {
	Announced              int `json:"announced"`
	AnnouncedNotHandedOver int `json:"announced_not_handed_over"`
	HandedOverNotAnnounced int `json:"handed_over_not_announced"`
}

// FilingDays compares the days from the postman's collection to the
// filing at the office with the J+n limit of Circular 17/2017, for the
// dossiers whose collection day and limit are known.
type FilingDays struct {
	Known       int `json:"known"`
	WithinLimit int `json:"within_limit"`
	OverLimit   int `json:"over_limit"`
}

// Collection is a from-post dossier's collection by the postman, when the
// operator says when it was and which limit applies (J+n working days).
type Collection struct {
	At        time.Time
	LimitDays int
}

// WithinLimit reports whether a dossier collected on c.At and filed at
// filed came within J+n: J is the working day of collection (a day off
// counts as the next working day), the limit the n-th working day after.
func WithinLimit(cal *data.Calendar, c Collection, filed time.Time) bool {
	j := data.DateOf(c.At)
	for !cal.IsWorkingDay(j) {
		j = j.AddDate(0, 0, 1)
	}
	limit := j
	for n := 0; n < c.LimitDays; {
		limit = limit.AddDate(0, 0, 1)
		if cal.IsWorkingDay(limit) {
			n++
		}
	}
	return !data.DateOf(filed).After(limit)
}

// Postal is the quarterly report on the postal service.
type Postal struct {
	Quarter Quarter `json:"-"`
	// ReceivedByPost: dossiers on from-post manifests signed in the quarter.
	ReceivedByPost int `json:"received_by_post"`
	// ResultsByPost: results on to-citizen manifests signed in it.
	ResultsByPost int `json:"results_by_post"`
	// Delivered, FailedAttempts, ReturnedToOffice: what became of the
	// results handed to the post in the quarter: delivered, the failed
	// attempts, and those back at the office after two failures.
	Delivered        int `json:"delivered"`
	FailedAttempts   int `json:"failed_attempts"`
	ReturnedToOffice int `json:"returned_to_office"`
	// PostalFees: fees (phí, lệ phí) postmen collected, on from-post
	// manifests signed in the quarter, in đồng.
	PostalFees int64 `json:"postal_fees"`
	// ReconciliationDifferences: dossiers missing or unexpected at the
	// reconciliations of manifests signed in the quarter.
	ReconciliationDifferences int        `json:"reconciliation_differences"`
	FilingDays                FilingDays `json:"filing_days"`
	// Operator is filled from the postal operator's announcements; nil until
	// then.
	Operator *OperatorCounts `json:"operator"`
}

// SummarisePostal totals the manifests signed in the quarter; collected
// gives, by dossier code, the collections the operator made known.
func SummarisePostal(q Quarter, manifests []data.Manifest, collected map[string]Collection, cal *data.Calendar) Postal {
	r := Postal{Quarter: q}
	for _, m := range manifests {
		if m.Status != data.ManifestClosed || !q.Contains(m.ClosedAt) {
			continue
		}
		if m.Reconciled != nil {
			r.ReconciliationDifferences += len(m.Reconciled.Missing) + len(m.Reconciled.Unexpected)
		}
		switch m.Kind {
		case data.ManifestFromPost:
			for _, it := range m.Items {
				r.ReceivedByPost++
				r.PostalFees += it.Fee
				if c, ok := collected[it.DossierCode]; ok && cal != nil {
					r.FilingDays.Known++
					if WithinLimit(cal, c, m.ClosedAt) {
						r.FilingDays.WithinLimit++
					} else {
						r.FilingDays.OverLimit++
					}
				}
			}
		case data.ManifestToCitizen:
			for _, it := range m.Items {
				r.ResultsByPost++
				r.FailedAttempts += it.Attempts
				switch it.Outcome {
				case data.DeliveryDelivered:
					r.Delivered++
				case data.DeliveryReturning:
					r.ReturnedToOffice++
				}
			}
		}
	}
	return r
}
