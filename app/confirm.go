package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// confirmDialog asks before an action the officer cannot take back (a
// result marked ready, a return, a signed manifest, a refusal, a stop).
// Enter confirms and Esc cancels: the dialog takes the cursor from the
// field that asked, so both keys reach the window (UI.onDialogKey). A
// dialog it opens over (the stop's reasons) gets Esc back once it closes.
type confirmDialog struct {
	*dialog.CustomDialog
	u     *UI
	yes   *widget.Button
	onYes func()
	under dialogLike // the dialog shown before, nil when none
	done  bool
}

// confirm asks message under title; the yes button, named yes, runs
// onYes once.
func (u *UI) confirm(title, message, yes string, onYes func()) *confirmDialog {
	c := &confirmDialog{u: u, onYes: onYes, under: u.dialog}
	c.yes = widget.NewButtonWithIcon(yes, theme.ConfirmIcon(), c.Submit)
	c.yes.Importance = widget.HighImportance
	no := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), c.Hide)
	text := wrapped(message, fyne.TextStyle{})
	keys := note(lang.L("confirm.keys"))
	buttons := container.NewCenter(container.NewGridWithRows(1, no, c.yes))
	c.CustomDialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, container.NewVBox(text, keys)), u.win)
	c.Resize(fyne.NewSize(520, c.MinSize().Height))
	u.showDialog(c)
	u.win.Canvas().Unfocus()
	return c
}

// Submit confirms, as Enter and the yes button do.
func (c *confirmDialog) Submit() {
	if c.done {
		return
	}
	c.done = true
	c.Hide()
	c.onYes()
}

// Hide closes the dialog; Esc then closes the dialog it covered.
func (c *confirmDialog) Hide() {
	c.done = true
	c.CustomDialog.Hide()
	if c.u.dialog == c {
		c.u.dialog = c.under
	}
}

// submitter is a dialog that Enter confirms when no field has the cursor.
type submitter interface {
	Submit()
}

// onDialogKey closes the dialog on show on Esc and confirms it on Enter;
// it reports whether a dialog took the key.
func (u *UI) onDialogKey(ev *fyne.KeyEvent) bool {
	if u.dialog == nil || u.win.Canvas().Overlays().Top() == nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		u.closeDialog()
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if s, ok := u.dialog.(submitter); ok {
			s.Submit()
			return true
		}
	}
	return false
}
