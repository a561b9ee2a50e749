package counter

import (
	"bytes"
	"context"
	"io"
	"time"

	"motcua/chart"
	"motcua/data"
	"motcua/data/report"
	"motcua/printout"
)

// ReportStore is what the reports read of the store.
type ReportStore interface {
	PeriodFacts(ctx context.Context, p report.Period) ([]report.Facts, error)
}

// Export formats of a report.
const (
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
)

// periodSteps are the steps of a period report the progress counts:
// the dossiers read, totalled, the ratings read.
const periodSteps = 3

// PeriodReport is the report of the days from one to another, both
// included, as of now: for supervisors. The audit trail records it.
func (d *Desk) PeriodReport(ctx context.Context, from, to time.Time) (report.Report, error) {
	ctx, _, err := d.begin(ctx, data.ActReports)
	if err != nil {
		return report.Report{}, err
	}
	p, err := report.NewPeriod(from, to, d.now())
	if err != nil {
		return report.Report{}, err
	}
	data.ReportProgress(ctx, 0, periodSteps)
	facts, err := d.store.PeriodFacts(ctx, p)
	if err != nil {
		return report.Report{}, err
	}
	data.ReportProgress(ctx, 1, periodSteps)
	ps, err := d.store.Procedures(ctx, "")
	if err != nil {
		return report.Report{}, err
	}
	names := make(map[string]string, len(ps))
	for _, pr := range ps {
		names[pr.Code] = pr.Name
	}
	r := report.Summarise(p, facts, names)
	data.ReportProgress(ctx, 2, periodSteps)
	if r.Ratings, err = d.store.RatingCounts(ctx, p.From, p.Until); err != nil {
		return report.Report{}, err
	}
	data.ReportProgress(ctx, periodSteps, periodSteps)
	detail := p.From.Format(time.DateOnly) + " – " + p.To.Format(time.DateOnly)
	return r, d.store.Audit(ctx, "", "report.period", "", detail)
}

// PostalReport is the quarterly report on the postal service: for
// supervisors.
func (d *Desk) PostalReport(ctx context.Context, q report.Quarter) (report.Postal, error) {
	ctx, _, err := d.begin(ctx, data.ActReports)
	if err != nil {
		return report.Postal{}, err
	}
	ms, err := d.store.Manifests(ctx, q.Start())
	if err != nil {
		return report.Postal{}, err
	}
	cal, err := d.store.Calendar(ctx)
	if err != nil {
		return report.Postal{}, err
	}
	// The postal operator's interface will say when each dossier was
	// collected; until then no collection day is known.
	r := report.SummarisePostal(q, ms, nil, cal)
	pc, err := d.store.PostalCounts(ctx, q.Start(), q.End())
	if err != nil {
		return report.Postal{}, err
	}
	r.Operator = &report.OperatorCounts{Announced: pc.Announced,
		AnnouncedNotHandedOver: len(pc.NotHandedOver), HandedOverNotAnnounced: len(pc.NotAnnounced)}
	return r, d.store.Audit(ctx, "", "report.postal", "", q.String())
}

// ExportPeriod renders a period report as a PDF (with its charts) or an
// Excel workbook; the audit trail records the export.
func (d *Desk) ExportPeriod(ctx context.Context, r report.Report, format string) ([]byte, error) {
	return d.export(ctx, format, "report.period.export", r.From.Format(time.DateOnly)+" – "+r.To.Format(time.DateOnly),
		func(w io.Writer, office data.Office, officer string) error {
			in := printout.PeriodInput{Office: office, Report: r, Officer: officer, At: d.now()}
			if format == FormatXLSX {
				return printout.PeriodWorkbook(w, in)
			}
			// The charts, then the pages: two steps.
			data.ReportProgress(ctx, 0, 2)
			var err error
			if in.Charts, err = chart.Draw(r); err != nil {
				return err
			}
			data.ReportProgress(ctx, 1, 2)
			defer data.ReportProgress(ctx, 2, 2)
			return printout.PeriodReport(w, in)
		})
}

// ExportPostal renders the quarterly postal report as a PDF or a workbook.
func (d *Desk) ExportPostal(ctx context.Context, r report.Postal, format string) ([]byte, error) {
	return d.export(ctx, format, "report.postal.export", r.Quarter.String(),
		func(w io.Writer, office data.Office, officer string) error {
			in := printout.PostalInput{Office: office, Report: r, Officer: officer, At: d.now()}
			if format == FormatXLSX {
				return printout.PostalWorkbook(w, in)
			}
			return printout.PostalReport(w, in)
		})
}

// export renders a report for a supervisor, with the office and the
// officer's name its papers carry, and records the export.
func (d *Desk) export(ctx context.Context, format, action, detail string, render func(w io.Writer, office data.Office, officer string) error) ([]byte, error) {
	ctx, o, err := d.begin(ctx, data.ActReports)
	if err != nil {
		return nil, err
	}
	if format != FormatPDF && format != FormatXLSX {
		return nil, data.Errorf(data.EInvalid, "Chỉ xuất được báo cáo ra tệp .pdf hoặc .xlsx.")
	}
	office, err := d.store.Office(ctx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := render(&buf, office, o.FullName); err != nil {
		return nil, err
	}
	if err := d.store.Audit(ctx, "", action, "", detail+" ("+format+")"); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
