package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// procedurePicker finds procedures of the catalogue as the officer types
// their code or words of their name, with or without diacritics: a
// search field over a virtual list of what matches. The intake and the
// catalogue both use it; the intake's rows are one line with a highlight
// for the match Enter picks, the catalogue's also give each procedure's
// field.
type procedurePicker struct {
	u *UI

	search *field
	list   *widget.List
	// empty says, over the list, that a search found nothing and what to
	// try; view is the list with it.
	empty *widget.Label
	view  *fyne.Container
	found []data.Procedure
	// detailed rows show the field under the name (the catalogue).
	detailed bool
	// highlight is the match Enter picks, drawn highlighted (the
	// intake; the list's own selection is a pick there: tapping a
	// selected row again would do nothing).
	highlight int
	searching bool // a search is on its way
	finding   latest
	// onFound runs with each search's result, once found holds it.
	onFound func(err error)
}

func newProcedurePicker(u *UI, placeholder string, detailed bool) *procedurePicker {
	p := &procedurePicker{u: u, detailed: detailed}
	p.search = newField(u, placeholder)
	p.list = widget.NewList(func() int { return len(p.found) }, p.createRow, p.updateRow)
	p.empty = note("")
	p.empty.Hide()
	p.view = container.NewStack(p.list, container.NewVBox(p.empty))
	return p
}

// find lists the procedures matching text ("" lists them all), replacing
// a search on its way.
func (p *procedurePicker) find(text string) {
	p.searching = true
	runLatest(&p.finding, &p.u.jobs, p.u.ctx, func(ctx context.Context) ([]data.Procedure, error) {
		return p.u.desk.Procedures(ctx, text)
	}, func(ps []data.Procedure, err error) {
		p.searching = false
		if err == nil {
			p.found = ps
			p.highlight = 0
			p.showEmpty(text)
		}
		if p.onFound != nil {
			p.onFound(err)
		}
	})
}

// showEmpty says that a search for text found nothing, with what to
// try; it hides the line when something was found.
func (p *procedurePicker) showEmpty(text string) {
	if len(p.found) > 0 || strings.TrimSpace(text) == "" {
		p.empty.Hide()
		return
	}
	p.empty.SetText(lang.L("procedure.none", map[string]any{"Text": strings.TrimSpace(text)}))
	p.empty.Importance = widget.WarningImportance
	p.empty.Show()
}

// stop forgets the search on its way.
func (p *procedurePicker) stop() {
	p.finding.stop()
	p.searching = false
}

// indexOf is the place of a procedure in the list, -1 when not there.
func (p *procedurePicker) indexOf(code string) int {
	if code == "" {
		return -1
	}
	for i, pr := range p.found {
		if pr.Code == code {
			return i
		}
	}
	return -1
}

// moveHighlight shows match i as the one Enter picks.
func (p *procedurePicker) moveHighlight(i int) {
	if i < 0 || i >= len(p.found) {
		return
	}
	old := p.highlight
	p.highlight = i
	p.list.RefreshItem(old)
	p.list.RefreshItem(i)
	p.list.ScrollTo(i)
}

// A row: the name over the code and time limit, over the highlight;
// detailed, the name over the code, the field and the time limit. The
// name has the row's whole width, and the time limit never crosses it.
func (p *procedurePicker) createRow() fyne.CanvasObject {
	code := widget.NewLabelWithStyle("0.000000", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	limit := widget.NewLabel("")
	limit.SizeName = theme.SizeNameCaptionText
	if p.detailed {
		fieldName := widget.NewLabel("")
		fieldName.Truncation = fyne.TextTruncateEllipsis
		fieldName.Importance = widget.LowImportance
		fieldName.SizeName = theme.SizeNameCaptionText
		second := container.NewBorder(nil, nil, nil, limit, fieldName)
		return container.NewBorder(nil, nil, code, nil,
			container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), name, second))
	}
	code.SizeName = theme.SizeNameCaptionText
	mark := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	mark.CornerRadius = theme.InputRadiusSize()
	second := container.NewBorder(nil, nil, code, nil, limit)
	return container.NewStack(mark, container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), name, second))
}

func (p *procedurePicker) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.found) {
		return
	}
	pr := p.found[id]
	if p.detailed {
		row := o.(*fyne.Container)
		lines := row.Objects[0].(*fyne.Container)
		second := lines.Objects[1].(*fyne.Container)
		row.Objects[1].(*widget.Label).SetText(pr.Code)
		lines.Objects[0].(*widget.Label).SetText(pr.Name)
		second.Objects[0].(*widget.Label).SetText(pr.Field)
		showLimit(second.Objects[1].(*widget.Label), pr, widget.MediumImportance)
		row.Refresh() // lay the row out for its new texts
		return
	}
	stack := o.(*fyne.Container)
	if id == p.highlight {
		stack.Objects[0].Show()
	} else {
		stack.Objects[0].Hide()
	}
	lines := stack.Objects[1].(*fyne.Container)
	second := lines.Objects[1].(*fyne.Container)
	lines.Objects[0].(*widget.Label).SetText(pr.Name)
	second.Objects[1].(*widget.Label).SetText(pr.Code)
	showLimit(second.Objects[0].(*widget.Label), pr, widget.LowImportance)
	stack.Refresh() // lay the row out for its new texts
}
