package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file holds the small widgets and helpers of the intake screen.

// intakeField is a one-line entry of the intake screen. It lets the
// screen take some keys before the entry does (the arrows that move in
// the procedure list) and hear when the cursor leaves it.
type intakeField struct {
	widget.Entry

	// onKey sees each key first; it returns true when it took the key.
	onKey func(*fyne.KeyEvent) bool
	// onFocusLost runs when the cursor leaves the field.
	onFocusLost func()
	// selectOnFocus selects the text when the cursor comes in, so that
	// typing replaces it.
	selectOnFocus bool
}

func newIntakeField(placeholder string) *intakeField {
	f := &intakeField{}
	f.ExtendBaseWidget(f)
	f.SetPlaceHolder(placeholder)
	f.AlwaysShowValidationError = true
	return f
}

// TypedKey gives the key to onKey, then to the entry.
func (f *intakeField) TypedKey(ev *fyne.KeyEvent) {
	if f.onKey != nil && f.onKey(ev) {
		return
	}
	f.Entry.TypedKey(ev)
}

// FocusGained selects the text when selectOnFocus.
func (f *intakeField) FocusGained() {
	f.Entry.FocusGained()
	if f.selectOnFocus && f.Text != "" {
		f.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// FocusLost tells onFocusLost after the entry.
func (f *intakeField) FocusLost() {
	f.Entry.FocusLost()
	if f.onFocusLost != nil {
		f.onFocusLost()
	}
}

func onlyDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// debounce runs a function on the UI goroutine once calls to it have
// stopped for its delay. The wait counts as background work, so that
// tests can wait for it like for any store call.
type debounce struct {
	j     *jobs
	delay time.Duration
	timer *time.Timer
	gen   int // the latest call; earlier ones do nothing
}

// call (on the UI goroutine) runs f after the delay unless call or stop
// comes again first.
func (b *debounce) call(f func()) {
	b.stop()
	gen := b.gen
	b.j.pending.Add(1)
	b.timer = time.AfterFunc(b.delay, func() {
		deliver(func() {
			defer b.j.pending.Add(-1)
			if gen == b.gen {
				f()
			}
		})
	})
}

// stop forgets the call waiting, if any.
func (b *debounce) stop() {
	b.gen++
	if b.timer != nil && b.timer.Stop() {
		b.j.pending.Add(-1)
	}
}

// showRow shows or hides a row of a form layout, its label with it.
func showRow(label *widget.Label, input fyne.CanvasObject, visible bool) {
	if visible {
		label.Show()
		input.Show()
	} else {
		label.Hide()
		input.Hide()
	}
}

// intakeDialog is a small form in a dialog, with a cancel and a confirm
// button. Confirming runs onConfirm and closes the dialog, unless
// keepOpen: then onConfirm closes it when it is done.
type intakeDialog struct {
	*dialog.CustomDialog
	confirm  *widget.Button
	box      *fyne.Container
	keepOpen bool
}

func newIntakeDialog(title, confirm string, items []*widget.FormItem, onConfirm func(), win fyne.Window) *intakeDialog {
	d := &intakeDialog{}
	d.confirm = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), func() {
		if !d.keepOpen {
			d.Hide()
		}
		onConfirm()
	})
	d.confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	d.box = container.NewVBox(widget.NewForm(items...))
	buttons := container.NewCenter(container.NewGridWithRows(1, cancel, d.confirm))
	d.CustomDialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, d.box), win)
	return d
}

// Submit confirms, as the confirm button does.
func (d *intakeDialog) Submit() {
	if !d.confirm.Disabled() {
		d.confirm.OnTapped()
	}
}

// extra adds o under the form.
func (d *intakeDialog) extra(o fyne.CanvasObject) { d.box.Add(o) }
