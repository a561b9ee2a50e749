package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data/report"
)

// reportOverdue lists the dossiers in progress past their deadline at
// the period's end, most overdue first.
type reportOverdue struct {
	items []report.OverdueDossier
	names map[string]string // procedures' names by code
	list  *widget.List
	title *widget.Label
	// open shows a dossier chosen in the list.
	open func(code string)
}

func newReportOverdue() *reportOverdue {
	o := &reportOverdue{title: heading(lang.L("report.overdue", map[string]any{"Count": 0}))}
	o.list = widget.NewList(func() int { return len(o.items) }, overdueRow, o.updateRow)
	o.list.OnSelected = func(i widget.ListItemID) {
		o.list.Unselect(i)
		if i < len(o.items) && o.open != nil {
			o.open(o.items[i].Code)
		}
	}
	return o
}

// overdueRow is a row of the list: the code and how late over the
// procedure and the officer, which it may shorten; the dossier chosen
// opens on the return desk, whole.
func overdueRow() fyne.CanvasObject {
	what := widget.NewLabel("")
	what.SizeName = theme.SizeNameCaptionText
	what.Truncation = fyne.TextTruncateEllipsis
	late := widget.NewLabel("")
	late.Truncation = fyne.TextTruncateEllipsis
	return twoLines(late, what)
}

func (o *reportOverdue) updateRow(i widget.ListItemID, c fyne.CanvasObject) {
	if i >= len(o.items) {
		return
	}
	late, what := o.parts(i)
	lines := c.(*fyne.Container).Objects
	lines[0].(*widget.Label).SetText(late)
	lines[1].(*widget.Label).SetText(what)
}

// parts are a dossier's code and how late, and its procedure and
// officer.
func (o *reportOverdue) parts(i int) (late, what string) {
	d := o.items[i]
	late = lang.L("report.overdue.late", map[string]any{"Code": d.Code, "Due": d.Due.Format("02/01/2006"), "Days": d.DaysLate})
	what = lang.L("report.overdue.what", map[string]any{"Procedure": orDash(o.names[d.Procedure], d.Procedure), "Officer": d.Officer})
	return late, what
}

// line is a dossier of the list whole.
func (o *reportOverdue) line(i int) string {
	late, what := o.parts(i)
	return late + " · " + what
}

func orDash(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// set shows a report's overdue dossiers.
func (o *reportOverdue) set(r report.Report) {
	o.items = r.Overdue
	o.names = map[string]string{}
	for _, p := range r.ByProcedure {
		o.names[p.Key] = p.Name
	}
	o.title.SetText(lang.L("report.overdue", map[string]any{"Count": len(r.Overdue)}))
	o.list.Refresh()
}
