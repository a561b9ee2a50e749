package mock

import (
	"context"

	"motcua/data/report"
)

// ReportFns are the reports' reads.
type ReportFns struct {
	PeriodFactsFn func(ctx context.Context, p report.Period) ([]report.Facts, error)
}

// PeriodFacts calls PeriodFactsFn, or Next when it is nil.
func (s *Store) PeriodFacts(ctx context.Context, p report.Period) ([]report.Facts, error) {
	if s.PeriodFactsFn != nil {
		return s.PeriodFactsFn(ctx, p)
	}
	return s.Next.PeriodFacts(ctx, p)
}
