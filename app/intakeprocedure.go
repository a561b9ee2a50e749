package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/intake"
)

// intakeProcedure chooses the intake's procedure: a procedurePicker
// whose matches the arrows move in and Enter picks, the procedure chosen
// described over the papers, and its working days when the catalogue has
// none.
type intakeProcedure struct {
	u      *UI
	r      *cardReader
	picker *procedurePicker
	// picked runs once a procedure is chosen; changed is false when it
	// is the one already chosen.
	picked func(p data.Procedure, changed bool)
	// next puts the cursor where the officer goes on after the procedure.
	next func()

	proc        data.Procedure // the procedure chosen; Code "" when none
	pickOnFound bool           // Enter came before the search's result
	procTitle   *widget.Label
	procMeta    *widget.Label
	review      *widget.Label
	days        *field // working days, for a procedure that lacks them
	daysRow     *fyne.Container
	chosen      *fyne.Container
	hint        *widget.Label
	// matches is the list of matches over the whole name of the one
	// highlighted, which a row may shorten.
	matches   *fyne.Container
	matchName *widget.Label
	below     fyne.CanvasObject // what the matches give way to: the papers

	procField, daysField *formField

	top, center fyne.CanvasObject
}

func newIntakeProcedure(u *UI, r *cardReader, f *form, below fyne.CanvasObject, picked func(data.Procedure, bool), next func()) *intakeProcedure {
	p := &intakeProcedure{u: u, r: r, below: below, picked: picked, next: next}
	p.picker = newProcedurePicker(u, lang.L("intake.procedure.placeholder"), false)
	p.picker.onFound = p.onFound
	p.picker.list.OnSelected = p.onMatchSelected
	search := p.picker.search
	search.onKey = p.onKey
	search.selectOnFocus = true

	p.procTitle = wrapped("", fyne.TextStyle{Bold: true})
	p.procMeta = wrapped("", fyne.TextStyle{})
	p.procMeta.Importance = widget.LowImportance
	p.review = wrapped(lang.L("intake.review"), fyne.TextStyle{})
	p.review.Importance = widget.WarningImportance
	p.days = newField(u, lang.L("intake.days.placeholder"))
	p.hint = note(lang.L("intake.procedure.hint"))

	p.procField = f.entry(intake.FieldProcedure, lang.L("intake.procedure"), search)
	p.daysField = f.entry(intake.FieldWorkingDays, lang.L("intake.days"), p.days)
	r.watch(p.days, p.daysField)
	search.OnChanged = r.changed(search, p.procField, p.onChanged)
	search.OnSubmitted = r.submitted(search, func(string) { p.onSubmitted() })
	search.onFocusLost = func() { f.markLeft(p.procField, r.latest()) }

	daysBox := container.NewGridWrap(fyne.NewSize(100, p.days.MinSize().Height), p.days)
	// The heading beside the search: every line it takes is a paper less
	// in sight.
	// The warning says what to type and stands beside the field: one
	// line less over the papers.
	p.daysRow = container.NewVBox(container.NewBorder(nil, nil, nil, daysBox, p.review), p.daysField.msg)
	p.chosen = container.NewVBox(p.procTitle, p.procMeta, p.daysRow)
	p.top = container.NewVBox(container.NewBorder(nil, nil, heading(lang.L("intake.procedure")), nil, search),
		p.procField.msg, p.chosen)
	p.matchName = wrapped("", fyne.TextStyle{Bold: true})
	p.matches = container.NewBorder(nil, p.matchName, nil, nil, p.picker.view)
	p.center = container.NewStack(p.hint, p.matches, below)
	return p
}

// workingDays is the time limit the officer typed for a procedure the
// catalogue has none for: nil when none is asked or typed; ok is false
// when the text is no number.
func (p *intakeProcedure) workingDays() (days *int, ok bool) {
	if p.proc.Code == "" || !p.proc.NeedsReview() {
		return nil, true
	}
	t := strings.TrimSpace(p.days.Text)
	if t == "" {
		return nil, true
	}
	n, isNumber := count(t)
	return &n, isNumber
}

// onChanged searches the catalogue as the officer types.
func (p *intakeProcedure) onChanged(text string) {
	if strings.TrimSpace(text) == "" {
		p.closeMatches()
		return
	}
	p.picker.find(text)
}

// onFound shows the matches of a search, or picks the first when Enter
// came before them.
func (p *intakeProcedure) onFound(err error) {
	if err != nil {
		p.pickOnFound = false
		p.u.showError(err)
		return
	}
	p.picker.list.Refresh()
	p.picker.list.ScrollToTop()
	p.showHighlighted()
	p.showCenter(p.matches)
	if p.pickOnFound {
		p.pickOnFound = false
		p.onSubmitted()
	}
}

// onKey moves in the list of matches with the arrows; Escape closes it.
func (p *intakeProcedure) onKey(ev *fyne.KeyEvent) bool {
	matches := p.matches
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if !matches.Visible() {
			p.picker.find(p.picker.search.Text) // "" lists them all
			return true
		}
		step := 1
		if ev.Name == fyne.KeyUp {
			step = -1
		}
		p.picker.moveHighlight(p.picker.highlight + step)
		p.showHighlighted()
		return true
	case fyne.KeyPageDown, fyne.KeyPageUp:
		if !matches.Visible() {
			return false
		}
		step := 10
		if ev.Name == fyne.KeyPageUp {
			step = -10
		}
		p.picker.moveHighlight(min(max(p.picker.highlight+step, 0), len(p.picker.found)-1))
		p.showHighlighted()
		return true
	case fyne.KeyEscape:
		if matches.Visible() {
			p.closeMatches()
			if p.proc.Code != "" {
				p.showCode() // the search gives way to the procedure chosen
			}
			return true
		}
	}
	return false
}

// showHighlighted writes the whole name of the match Enter picks under
// the list.
func (p *intakeProcedure) showHighlighted() {
	if i := p.picker.highlight; i >= 0 && i < len(p.picker.found) {
		p.matchName.SetText(p.picker.found[i].Name)
		return
	}
	p.matchName.SetText("")
}

// onMatchSelected picks a match tapped in the list.
func (p *intakeProcedure) onMatchSelected(id widget.ListItemID) {
	p.picker.list.UnselectAll()
	if id < 0 || id >= len(p.picker.found) {
		return
	}
	p.picker.highlight = id
	p.pick(p.picker.found[id])
}

// onSubmitted (Enter) picks the highlighted match, or the first one when
// the search is still on its way.
func (p *intakeProcedure) onSubmitted() {
	switch {
	case p.picker.searching:
		p.pickOnFound = true
	case p.matches.Visible() && p.picker.highlight < len(p.picker.found):
		p.pick(p.picker.found[p.picker.highlight])
	case !p.matches.Visible() && p.proc.Code != "":
		p.next()
	}
}

// pick chooses a procedure.
func (p *intakeProcedure) pick(pr data.Procedure) {
	p.picker.stop()
	p.pickOnFound = false
	same := pr.Code == p.proc.Code
	p.proc = pr
	p.showCode()
	p.r.form.edited(p.procField)
	p.showProcedure()
	p.closeMatches()
	p.picked(pr, !same)
}

// showCode puts the chosen procedure's code in the search field, which
// is not a search.
func (p *intakeProcedure) showCode() {
	search := p.picker.search
	on := search.OnChanged
	search.OnChanged = nil
	search.SetText(p.proc.Code)
	search.OnChanged = on
}

// showProcedure describes the chosen procedure over the papers.
func (p *intakeProcedure) showProcedure() {
	pr := p.proc
	if pr.Code == "" {
		p.chosen.Hide()
		return
	}
	p.procTitle.SetText(pr.Name)
	meta := []string{lang.L("catalog.code", map[string]any{"Code": pr.Code})}
	if pr.Field != "" {
		meta = append(meta, pr.Field)
	}
	meta = append(meta, limitLabel(pr))
	if !pr.PostalAllowed {
		meta = append(meta, lang.L("intake.noPostal"))
	}
	p.procMeta.SetText(strings.Join(meta, " · "))
	if pr.NeedsReview() {
		p.daysRow.Show()
	} else {
		p.days.SetText("")
		p.daysRow.Hide()
	}
	p.chosen.Show()
	p.chosen.Refresh()
}

// closeMatches puts the papers (or the hint) back in place of the list
// of matches.
func (p *intakeProcedure) closeMatches() {
	p.picker.stop()
	p.pickOnFound = false
	if p.proc.Code != "" {
		p.showCenter(p.below)
	} else {
		p.showCenter(p.hint)
	}
}

// showBelow shows the papers unless the matches are open.
func (p *intakeProcedure) showBelow() {
	if p.proc.Code != "" && !p.matches.Visible() {
		p.showCenter(p.below)
	}
}

// showCenter shows one of the hint, the matches and the papers.
func (p *intakeProcedure) showCenter(o fyne.CanvasObject) {
	for _, c := range []fyne.CanvasObject{p.hint, p.matches, p.below} {
		if c == o {
			c.Show()
		} else {
			c.Hide()
		}
	}
	// The picker's view and list say whether the matches show.
	p.picker.view.Hidden = !p.matches.Visible()
	p.picker.list.Hidden = p.picker.view.Hidden
}

// clear forgets the procedure chosen.
func (p *intakeProcedure) clear() {
	p.proc = data.Procedure{}
	p.picker.found = nil
	p.picker.list.Refresh()
	p.picker.search.SetText("")
	p.days.SetText("")
	p.showProcedure()
	p.closeMatches()
}
