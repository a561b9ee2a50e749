package data

import "context"

// Progress is told how far long work has got: done of total units, total
// 0 when not known yet. It may be called from any goroutine, often.
// The window shows it as a progress bar, a terminal as a line.
type Progress func(done, total int)

type progressKey struct{}

// WithProgress returns a context whose long work (a first pull, a
// catalogue import, a backup, a report) tells p how far it has got.
func WithProgress(ctx context.Context, p Progress) context.Context {
	return context.WithValue(ctx, progressKey{}, p)
}

// ReportProgress tells the context's Progress, if any, how far the work
// has got.
func ReportProgress(ctx context.Context, done, total int) {
	if p, ok := ctx.Value(progressKey{}).(Progress); ok && p != nil {
		p(done, total)
	}
}
