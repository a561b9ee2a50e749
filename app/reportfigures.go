package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/data/report"
)

// reportFigures shows the office's figures of the period, in two
// columns of label and number.
type reportFigures struct {
	labels, values []*widget.Label
	content        fyne.CanvasObject
}

func newReportFigures() *reportFigures {
	f := &reportFigures{}
	lines := report.Figures{}.Lines()
	half := (len(lines) + 1) / 2
	cols := []*fyne.Container{container.New(layout.NewFormLayout()), container.New(layout.NewFormLayout())}
	// The numbers' column is as wide as a large office's figures need, so
	// that the screen's width does not follow the period shown.
	wide := widget.NewLabelWithStyle("99.999", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}).MinSize()
	for i, l := range lines {
		label := widget.NewLabel(l.Label)
		value := widget.NewLabelWithStyle("—", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		f.labels, f.values = append(f.labels, label), append(f.values, value)
		cols[i/half].Add(label)
		cols[i/half].Add(container.NewGridWrap(wide, value))
	}
	f.content = container.NewGridWithColumns(2, cols[0], cols[1])
	return f
}

// set shows a report's figures.
func (f *reportFigures) set(r report.Figures) {
	for i, l := range r.Lines() {
		f.values[i].SetText(l.Value)
	}
}

// value is the figure shown beside a label, for tests.
func (f *reportFigures) value(label string) string {
	for i, l := range f.labels {
		if l.Text == label {
			return f.values[i].Text
		}
	}
	return ""
}
