package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
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
}

func newReportOverdue() *reportOverdue {
	o := &reportOverdue{title: heading(lang.L("report.overdue", map[string]any{"Count": 0}))}
	o.list = widget.NewList(func() int { return len(o.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, c fyne.CanvasObject) { c.(*widget.Label).SetText(o.line(i)) })
	return o
}

// line is a dossier of the list as shown.
func (o *reportOverdue) line(i int) string {
	d := o.items[i]
	return lang.L("report.overdue.line", map[string]any{"Code": d.Code, "Due": d.Due.Format("02/01/2006"),
		"Days": d.DaysLate, "Procedure": orDash(o.names[d.Procedure], d.Procedure), "Officer": d.Officer})
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
