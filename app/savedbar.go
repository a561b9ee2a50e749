package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
)

// savedBar is the band over the intake that speaks of the dossier just
// saved: its code and due date, how its receipt printed, and the buttons
// to print it again, open it, and issue Form 02 or 03 (noticeDialog).
type savedBar struct {
	u *UI
	// print and open send a kept PDF to the printer and to the viewer;
	// tests record the paths instead.
	print, open func(path string) error
	// done puts the cursor back where the next intake starts.
	done func()

	// The dossier just saved, and its latest printout.
	last     data.Dossier
	lastPath string

	title      *widget.Label
	due        *widget.Label
	line       *fyne.Container
	status     *widget.Label
	reprint    *widget.Button
	view       *widget.Button
	supplement *widget.Button
	refuse     *widget.Button
	notice     *noticeDialog // open, or last open

	content fyne.CanvasObject
}

func newSavedBar(u *UI, print, open func(string) error, done func()) *savedBar {
	b := &savedBar{u: u, print: print, open: open, done: done}
	b.title = heading("")
	b.title.SizeName = theme.SizeNameSubHeadingText
	b.title.Importance = widget.SuccessImportance
	b.due = heading("")
	b.due.SizeName = theme.SizeNameSubHeadingText
	b.line = container.NewHBox(widget.NewIcon(theme.ConfirmIcon()), b.title, widget.NewSeparator(), b.due)
	b.status = wrapped("", fyne.TextStyle{})
	b.reprint = widget.NewButtonWithIcon(lang.L("intake.reprint"), theme.DocumentPrintIcon(), b.onReprint)
	b.view = widget.NewButtonWithIcon(lang.L("intake.view"), theme.VisibilityIcon(), b.onView)
	b.supplement = widget.NewButtonWithIcon(lang.L("intake.supplement"), theme.DocumentCreateIcon(), func() { b.onNotice(counter.KindSupplement) })
	b.refuse = widget.NewButtonWithIcon(lang.L("intake.refuse"), theme.CancelIcon(), func() { b.onNotice(counter.KindRefusal) })
	b.show()
	buttons := container.NewHBox(b.reprint, b.view, b.supplement, b.refuse)
	bar := container.NewVBox(b.line, container.NewBorder(nil, nil, nil, container.NewCenter(buttons), b.status))
	b.content = widget.NewCard("", "", bar)
	return b
}

// show shows the dossier just saved.
func (b *savedBar) show() {
	if b.last.Code == "" {
		b.line.Hide()
		b.setStatus(lang.L("intake.done.none"), widget.LowImportance)
		b.reprint.Disable()
		b.view.Disable()
		return
	}
	b.line.Show()
	b.title.SetText(lang.L("intake.done", map[string]any{"Code": b.last.Code}))
	b.due.SetText(lang.L("intake.done.due", map[string]any{"Date": longDate(b.last.DueDate)}))
	b.reprint.Enable()
	setEnabled(b.view, b.lastPath != "")
}

// setStatus says how the printout went.
func (b *savedBar) setStatus(text string, imp widget.Importance) {
	b.status.Importance = imp
	b.status.SetText(text)
}

// saved shows a dossier just saved and how its receipt went.
func (b *savedBar) saved(d data.Dossier, p printed, receiptErr error) {
	b.last, b.lastPath = d, p.path
	b.show()
	switch {
	case receiptErr != nil:
		b.setStatus(lang.L("intake.receipt.failed", map[string]any{"Error": b.u.errorText(receiptErr)}), widget.DangerImportance)
	case p.printErr != nil:
		b.setStatus(b.printFailed("intake.print.failed", p), widget.DangerImportance)
	default:
		b.setStatus(lang.L("intake.printed"), widget.MediumImportance)
	}
}

// printFailed says, by the message key, that a printout kept at a path
// did not print; the printer's own words go to the log.
func (b *savedBar) printFailed(key string, p printed) string {
	return lang.L(key, map[string]any{"Path": p.path, "ID": b.u.printErrorID(p)})
}

// onReprint prints the receipt of the dossier just saved again, marked
// as a reprint.
func (b *savedBar) onReprint() {
	code, desk := b.last.Code, b.u.desk
	if code == "" {
		return
	}
	b.reprint.Disable()
	printKept(b.u, b.print, func(ctx context.Context) (string, error) {
		return desk.Receipt(ctx, code, true)
	}, func(p printed, err error) {
		b.reprint.Enable()
		if err != nil {
			b.u.showError(err)
			return
		}
		b.lastPath = p.path
		b.view.Enable()
		if p.printErr != nil {
			b.setStatus(b.printFailed("intake.print.failed", p), widget.DangerImportance)
			return
		}
		b.setStatus(lang.L("intake.reprinted"), widget.MediumImportance)
	})
}

// onView opens the latest printout in the PDF viewer.
func (b *savedBar) onView() {
	path, open := b.lastPath, b.open
	if path == "" {
		return
	}
	backgroundErr(&b.u.jobs, b.u.ctx, func(context.Context) error {
		return open(path)
	}, func(err error) {
		if err != nil {
			b.u.showError(fmt.Errorf("app: open %s: %w", path, err))
		}
	})
}

// onNotice asks for the dossier and the items of Form 02 (kind
// supplement: what to add) or Form 03 (refusal: why), for the dossier
// just saved or one the officer names.
func (b *savedBar) onNotice(kind string) {
	b.notice = newNoticeDialog(b.u, kind, b.last.Code, b.print, b.issued)
}

// issued shows a Form 02 or 03 just issued.
func (b *savedBar) issued(kind string, d data.Dossier, p printed) {
	done := lang.L("intake.supplement.done", map[string]any{"Code": d.Code})
	if kind == counter.KindRefusal {
		done = lang.L("intake.refuse.done", map[string]any{"Code": d.Code})
	}
	b.lastPath = p.path
	b.view.Enable()
	if b.last.Code != d.Code {
		b.last = d // the bar speaks of this dossier now
		b.show()
	}
	if p.printErr != nil {
		b.setStatus(done+" "+b.printFailed("intake.notice.printFailed", p), widget.DangerImportance)
	} else {
		b.setStatus(done+" "+lang.L("intake.notice.printed"), widget.MediumImportance)
	}
	b.done()
}
