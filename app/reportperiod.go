package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// reportPeriod chooses the report's period: two dates, or a month or
// quarter in one click, and Xem.
type reportPeriod struct {
	from, to *field
	show     *widget.Button
	problem  *widget.Label
	content  fyne.CanvasObject
}

func newReportPeriod(u *UI, onShow func()) *reportPeriod {
	p := &reportPeriod{from: newField(u, "YYYY-MM-DD"), to: newField(u, "YYYY-MM-DD"), problem: errorLabel()}
	p.from.OnSubmitted = func(string) { u.win.Canvas().Focus(p.to) }
	p.to.OnSubmitted = func(string) { onShow() }
	p.show = widget.NewButton(lang.L("report.show"), onShow)
	p.show.Importance = widget.HighImportance
	quick := func(key string, span func(today time.Time) (time.Time, time.Time)) *widget.Button {
		return widget.NewButton(lang.L(key), func() {
			from, to := span(data.DateOf(u.now()))
			p.set(from, to)
			onShow()
		})
	}
	thisMonth := quick("report.thisMonth", func(d time.Time) (time.Time, time.Time) {
		return d.AddDate(0, 0, 1-d.Day()), d
	})
	lastMonth := quick("report.lastMonth", func(d time.Time) (time.Time, time.Time) {
		first := d.AddDate(0, 0, 1-d.Day())
		return first.AddDate(0, -1, 0), first.AddDate(0, 0, -1)
	})
	thisQuarter := quick("report.thisQuarter", func(d time.Time) (time.Time, time.Time) {
		return time.Date(d.Year(), (d.Month()-1)/3*3+1, 1, 0, 0, 0, 0, data.Zone), d
	})
	thisYear := quick("report.thisYear", func(d time.Time) (time.Time, time.Time) {
		return time.Date(d.Year(), 1, 1, 0, 0, 0, 0, data.Zone), d
	})
	dates := container.NewHBox(formLabel(lang.L("report.from")), container.NewGridWrap(fyne.NewSize(130, p.from.MinSize().Height), p.from),
		formLabel(lang.L("report.to")), container.NewGridWrap(fyne.NewSize(130, p.to.MinSize().Height), p.to), p.show)
	// Two rows, so that the screen fits a 1024-pixel-wide window.
	p.content = container.NewVBox(dates, container.NewHBox(thisMonth, lastMonth, thisQuarter, thisYear), p.problem)
	return p
}

// set writes a period into the fields.
func (p *reportPeriod) set(from, to time.Time) {
	p.from.SetText(from.Format(time.DateOnly))
	p.to.SetText(to.Format(time.DateOnly))
}

// dates reads the period; false (and the reason shown) when a date is
// not one.
func (p *reportPeriod) dates() (from, to time.Time, ok bool) {
	var err error
	if from, err = data.ParseDate(p.from.Text); err != nil {
		setLine(p.problem, lang.L("report.badFrom"), widget.DangerImportance)
		return from, to, false
	}
	if to, err = data.ParseDate(p.to.Text); err != nil {
		setLine(p.problem, lang.L("report.badTo"), widget.DangerImportance)
		return from, to, false
	}
	setLine(p.problem, "", widget.DangerImportance)
	return from, to, true
}
