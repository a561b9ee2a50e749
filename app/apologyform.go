package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/returns"
)

// apologyForm issues Form 04 for a late dossier: a new due date and the
// reason, once per dossier; the desk moves the due date and the form
// prints.
type apologyForm struct {
	s *returnsScreen

	form        *form
	newDue      *field
	reason      *field
	apologySave *widget.Button
	apologyMsg  *widget.Label

	content *fyne.Container
}

func newApologyForm(s *returnsScreen) *apologyForm {
	u := s.u
	f := &apologyForm{s: s}
	f.newDue = newField(u, lang.L("returns.apology.newDue.placeholder"))
	f.newDue.OnSubmitted = func(string) { u.win.Canvas().Focus(f.reason) }
	f.reason = newField(u, lang.L("returns.apology.reason.placeholder"))
	f.reason.OnSubmitted = func(string) { f.onSave() }
	f.form = newForm(u, s.relayout)
	due := f.form.add(returns.FieldNewDue, lang.L("returns.apology.newDue"), f.newDue, nil)
	reason := f.form.add(returns.FieldReason, lang.L("returns.apology.reason"), f.reason, nil)
	f.newDue.OnChanged = func(string) { f.form.edited(due) }
	f.reason.OnChanged = func(string) { f.form.edited(reason) }
	f.apologySave = widget.NewButtonWithIcon(lang.L("returns.apology.save"), theme.DocumentPrintIcon(), f.onSave)
	f.apologySave.Importance = widget.HighImportance
	f.apologyMsg = wrapped("", fyne.TextStyle{})
	f.apologyMsg.Hide()
	f.content = container.NewVBox(
		heading(lang.L("returns.apology.title")),
		note(lang.L("returns.apology.note")),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("returns.apology.newDue")), due.under(f.newDue),
			widget.NewLabel(lang.L("returns.apology.reason")), reason.under(f.reason),
		),
		container.NewHBox(f.apologySave), f.apologyMsg,
	)
	f.content.Hide()
	return f
}

// open brings the form forward, the cursor in the new date.
func (f *apologyForm) open() {
	f.content.Show()
	f.s.relayout()
	f.s.reveal(f.content)
	f.s.u.win.Canvas().Focus(f.newDue)
}

// show puts the form away when the dossier may have no Form 04 now.
func (f *apologyForm) show(v data.DossierView) {
	if !canApologise(v) {
		f.content.Hide()
	}
}

// onSave records Form 04, prints it and moves the due date.
func (f *apologyForm) onSave() {
	u, code := f.s.u, f.s.v.Dossier.Code
	if code == "" {
		return
	}
	due, ok := parseDay(f.newDue.Text)
	if !ok {
		var bad data.Fields
		bad.Add(returns.FieldNewDue, "%s", lang.L("returns.apology.badDate"))
		f.form.show(bad.Err(""))
		return
	}
	reason := f.reason.Text
	var v data.DossierView
	f.apologySave.Disable()
	printKept(u, f.s.print, func(ctx context.Context) (path string, err error) {
		v, path, err = u.desk.Apology(ctx, code, due, reason)
		return path, err
	}, func(p printed, err error) {
		f.apologySave.Enable()
		if err != nil {
			f.setMsg(f.form.verdict(err), widget.DangerImportance)
			return
		}
		f.setMsg(u.printMessage(lang.L("returns.apology.done", map[string]any{"Date": due.Format("02/01/2006")}), p), printImportance(p))
		f.s.changed(v)
	})
}

func (f *apologyForm) setMsg(text string, imp widget.Importance) {
	setLine(f.apologyMsg, text, imp)
	f.s.relayout()
}

// clear empties the form for another dossier and puts it away.
func (f *apologyForm) clear() {
	f.newDue.SetText("")
	f.reason.SetText("")
	f.apologyMsg.Hide()
	f.form.clearAll()
	f.content.Hide()
}
