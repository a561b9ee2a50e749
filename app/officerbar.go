package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// officerBar says who works at this workstation, whose name records and
// printouts carry, and asks for it.
type officerBar struct {
	u *UI
	// done puts the cursor back where the officer works.
	done func()

	officer *widget.Label
	button  *widget.Button

	content fyne.CanvasObject
}

func newOfficerBar(u *UI, done func()) *officerBar {
	b := &officerBar{u: u, done: done}
	b.officer = widget.NewLabel("")
	b.button = widget.NewButtonWithIcon("", theme.AccountIcon(), b.onEdit)
	b.show()
	b.content = container.NewHBox(b.officer, b.button)
	return b
}

func (b *officerBar) show() {
	if n := b.u.officerName(); n != "" {
		b.officer.SetText(lang.L("intake.officer", map[string]any{"Name": n}))
		b.officer.Importance = widget.MediumImportance
		b.button.SetText("")
	} else {
		b.officer.SetText(lang.L("intake.officer.none"))
		b.officer.Importance = widget.WarningImportance
		b.button.SetText(lang.L("intake.officer.set"))
	}
	b.officer.Refresh()
}

// onEdit asks for the officer's name and remembers it.
func (b *officerBar) onEdit() {
	e := widget.NewEntry()
	e.SetText(b.u.officerName())
	e.SetPlaceHolder(lang.L("intake.officer.placeholder"))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("intake.officer.name"), e)}
	d := newFormDialog(lang.L("intake.officer.title"), lang.L("Save"), items, func() {
		b.u.app.Preferences().SetString(officerPreference, data.Clean(e.Text))
		b.show()
		b.done()
	}, b.u.win)
	e.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	b.u.showDialog(d)
	b.u.win.Canvas().Focus(e)
}
