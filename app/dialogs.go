package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// errorText is what the officer reads of err: the domain's message, or
// for an internal error the id it is logged under and what to do — never
// the error's own text (SQL, file paths).
func (u *UI) errorText(err error) string {
	if data.ErrorCode(err) == data.EInternal {
		return lang.L("error.internal", map[string]any{"ID": u.report.Report(err)})
	}
	return data.ErrorMessage(err)
}

// showError tells the officer what went wrong, in a dialog that scrolls
// when the message is long (a refused catalogue names every bad record).
func (u *UI) showError(err error) {
	u.showErrorTitled(lang.L("Error"), err)
}

func (u *UI) showErrorTitled(title string, err error) {
	msg := u.errorText(err)
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	lines := strings.Count(msg, "\n") + 1 + len(msg)/80
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, float32(min(lines, 14))*22+24))
	u.showDialog(dialog.NewCustom(title, lang.L("OK"), container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, scroll), u.win))
}

// dialogLike is a dialog of Fyne's dialog package, the file dialog
// included.
type dialogLike interface {
	Show()
	Hide()
}

// showDialog shows d so that Escape closes it.
func (u *UI) showDialog(d dialogLike) {
	u.dialog = d
	d.Show()
}

// closeDialog hides the last dialog shown, if it is still open.
func (u *UI) closeDialog() {
	d := u.dialog
	if d == nil || u.win.Canvas().Overlays().Top() == nil {
		u.dialog = nil
		return
	}
	d.Hide()
	if u.dialog == d { // a confirmation gives the dialog under it back
		u.dialog = nil
	}
}
