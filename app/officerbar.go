package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// officerBar says who is logged in, whose name papers and history carry,
// and lets another officer take the window.
type officerBar struct {
	officer *widget.Label
	change  *widget.Button

	content fyne.CanvasObject
}

func newOfficerBar(u *UI) *officerBar {
	b := &officerBar{}
	o := u.desk.Officer()
	b.officer = widget.NewLabelWithStyle(lang.L("session.officer", map[string]any{"Name": o.FullName, "Role": roleName(o.Role)}),
		fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	b.change = widget.NewButtonWithIcon(lang.L("session.switch"), theme.AccountIcon(), u.lock)
	b.content = container.NewHBox(b.officer, b.change)
	return b
}
