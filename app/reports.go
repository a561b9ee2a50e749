package app

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/chart"
	"motcua/counter"
	"motcua/data"
	"motcua/data/report"
)

// reportsScreen (Báo cáo) is the supervisor's view of a period: the
// figures, the charts, the dossiers overdue at its end, and the report
// saved as a PDF or an Excel file.
type reportsScreen struct {
	u       *UI
	period  *reportPeriod
	figures *reportFigures
	charts  *reportCharts
	overdue *reportOverdue
	ratings *widget.Label
	status  *banner
	bar     *progressBar // the report's steps while it is made or saved

	exportPDF, exportXLSX *widget.Button
	// shown is the report on screen; zero until one is.
	shown   report.Report
	hasShow bool
	content fyne.CanvasObject
}

// shownReport is a report with its charts, as the background work
// returns it.
type shownReport struct {
	r  report.Report
	im chart.Images
}

func newReportsScreen(u *UI) *reportsScreen {
	s := &reportsScreen{u: u, figures: newReportFigures(), charts: newReportCharts(), overdue: newReportOverdue(),
		ratings: widget.NewLabel(""), status: newBanner(), bar: newProgressBar(countsText("progress.report"))}
	s.period = newReportPeriod(u, s.onShow)
	s.overdue.open = func(code string) {
		u.show(sectionReturns)
		u.returnDesk().open(code)
	}
	s.exportPDF = widget.NewButtonWithIcon(lang.L("report.exportPDF"), theme.DocumentPrintIcon(), func() { s.onExport(counter.FormatPDF) })
	s.exportXLSX = widget.NewButtonWithIcon(lang.L("report.exportXLSX"), theme.DocumentSaveIcon(), func() { s.onExport(counter.FormatXLSX) })
	s.exportPDF.Disable()
	s.exportXLSX.Disable()
	top := container.NewVBox(title(lang.L("report.title")), s.period.content, s.status.content, s.bar.content)
	left := container.NewBorder(container.NewVBox(s.figures.content, s.ratings, container.NewHBox(s.exportPDF, s.exportXLSX),
		widget.NewSeparator(), s.overdue.title), nil, nil, nil, s.overdue.list)
	split := container.NewHSplit(left, container.NewVScroll(s.charts.content))
	split.Offset = 0.5
	s.content = container.NewBorder(top, nil, nil, nil, split)
	return s
}

// reload shows the current month when nothing is shown yet.
func (s *reportsScreen) reload() {
	if s.period.from.Text == "" {
		d := data.DateOf(s.u.now())
		s.period.set(d.AddDate(0, 0, 1-d.Day()), d)
		s.onShow()
	}
}

func (s *reportsScreen) focusable() fyne.Focusable { return s.period.from }

// onShow computes the report of the period typed, off the UI goroutine.
func (s *reportsScreen) onShow() {
	from, to, ok := s.period.dates()
	if !ok {
		return
	}
	s.period.show.Disable()
	s.status.show(lang.L("report.computing"), widget.MediumImportance)
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (shownReport, error) {
		r, err := s.u.desk.PeriodReport(data.WithProgress(ctx, s.bar.report()), from, to)
		if err != nil {
			return shownReport{}, err
		}
		im, err := chart.Draw(r)
		return shownReport{r, im}, err
	}, func(sr shownReport, err error) {
		s.period.show.Enable()
		if err != nil {
			s.status.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.status.show("", widget.MediumImportance)
		s.shown, s.hasShow = sr.r, true
		s.figures.set(sr.r.Figures)
		rt := sr.r.Ratings
		s.ratings.SetText(lang.L("report.ratings", map[string]any{"Very": rt.VerySatisfied, "Satisfied": rt.Satisfied, "Unsatisfied": rt.Unsatisfied}))
		s.charts.set(sr.im)
		s.overdue.set(sr.r)
		s.exportPDF.Enable()
		s.exportXLSX.Enable()
	})
}

// fileName is the name the save dialog proposes for the shown report.
func (s *reportsScreen) fileName(format string) string {
	return "bao-cao-" + s.shown.From.Format(time.DateOnly) + "-den-" + s.shown.To.Format(time.DateOnly) + "." + format
}

// onExport asks where to save the shown report and saves it there.
func (s *reportsScreen) onExport(format string) {
	if !s.hasShow {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		switch {
		case err != nil:
			s.u.showError(err)
		case w != nil:
			s.exportTo(format, w)
		}
	}, s.u.win)
	d.SetFileName(s.fileName(format))
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + format}))
	d.Resize(fyne.NewSize(900, 600))
	s.u.showDialog(d)
}

// exportTo renders the shown report and writes it, closing w.
func (s *reportsScreen) exportTo(format string, w io.WriteCloser) {
	r := s.shown
	s.status.show(lang.L("report.saving"), widget.MediumImportance)
	backgroundErr(&s.u.jobs, s.u.ctx, func(ctx context.Context) error {
		defer w.Close()
		b, err := s.u.desk.ExportPeriod(data.WithProgress(ctx, s.bar.report()), r, format)
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return data.Errorf(data.EInvalid, "Không ghi được tệp báo cáo (%v): hãy chọn thư mục khác.", err)
		}
		return nil
	}, func(err error) {
		if err != nil {
			s.status.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.status.show(lang.L("report.saved"), widget.SuccessImportance)
	})
}
