package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
)

// This file holds the intake screen's saving and printing: the dossier,
// its receipt (Form 01), reprints, and Forms 02 and 03.

// saved is what saving did: the dossier, and how its receipt went.
type saved struct {
	dossier    data.Dossier
	path       string // the receipt kept; "" when it could not be made
	receiptErr error
	printErr   error
}

// onSave saves the dossier in one transaction, then makes and prints its
// receipt. A receipt that fails to print leaves the dossier saved.
func (s *intakeScreen) onSave() {
	if s.saving {
		return
	}
	req, bad, sent := s.request()
	s.preview.stop()
	if s.cancelPreview != nil {
		s.cancelPreview()
	}
	s.saving = true
	s.save.Disable()
	printPDF, desk := s.print, s.desk
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (saved, error) {
		if len(bad) > 0 {
			pv, err := desk.Preview(ctx, req) // to name the other bad fields too
			if err != nil {
				return saved{}, err
			}
			return saved{}, merge(bad, pv.Invalid)
		}
		d, err := desk.Intake(ctx, req)
		if err != nil {
			return saved{}, err
		}
		out := saved{dossier: d}
		out.path, out.receiptErr = desk.Receipt(ctx, d.Code, req.Officer, false)
		if out.receiptErr == nil {
			out.printErr = printPDF(out.path)
		}
		return out, nil
	}, func(r saved, err error) {
		s.saving = false
		s.save.Enable()
		if err != nil {
			s.showErrors(err, sent)
			return
		}
		s.last, s.lastPath = r.dossier, r.path
		s.showDone()
		switch {
		case r.receiptErr != nil:
			s.setDoneStatus(lang.L("intake.receipt.failed", map[string]any{"Error": s.u.errorText(r.receiptErr)}), widget.DangerImportance)
		case r.printErr != nil:
			s.setDoneStatus(s.printFailed(r.path, r.printErr), widget.DangerImportance)
		default:
			s.setDoneStatus(lang.L("intake.printed"), widget.MediumImportance)
		}
		s.clear()
		s.u.win.Canvas().Focus(s.procedure)
	})
}

// --- The dossier just saved ---

// showDone shows the dossier just saved in the bar over the form.
func (s *intakeScreen) showDone() {
	if s.last.Code == "" {
		s.doneLine.Hide()
		s.setDoneStatus(lang.L("intake.done.none"), widget.LowImportance)
		s.reprint.Disable()
		s.view.Disable()
		return
	}
	s.doneLine.Show()
	s.doneTitle.SetText(lang.L("intake.done", map[string]any{"Code": s.last.Code}))
	s.doneDue.SetText(lang.L("intake.done.due", map[string]any{"Date": longDate(s.last.DueDate)}))
	s.reprint.Enable()
	if s.lastPath != "" {
		s.view.Enable()
	} else {
		s.view.Disable()
	}
}

// setDoneStatus says how the printout went.
func (s *intakeScreen) setDoneStatus(text string, imp widget.Importance) {
	s.doneStatus.Importance = imp
	s.doneStatus.SetText(text)
}

// onReprint prints the receipt of the dossier just saved again, marked
// as a reprint.
func (s *intakeScreen) onReprint() {
	code, officer := s.last.Code, deskOfficer(s.u)
	if code == "" {
		return
	}
	s.reprint.Disable()
	printPDF, desk := s.print, s.desk
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (saved, error) {
		path, err := desk.Receipt(ctx, code, officer, true)
		if err != nil {
			return saved{}, err
		}
		return saved{path: path, printErr: printPDF(path)}, nil
	}, func(r saved, err error) {
		s.reprint.Enable()
		if err != nil {
			s.u.showError(err)
			return
		}
		s.printedStatus(r, lang.L("intake.reprinted"))
	})
}

// printedStatus says how printing the receipt again went.
func (s *intakeScreen) printedStatus(r saved, ok string) {
	s.lastPath = r.path
	s.view.Enable()
	if r.printErr != nil {
		s.setDoneStatus(s.printFailed(r.path, r.printErr), widget.DangerImportance)
		return
	}
	s.setDoneStatus(ok, widget.MediumImportance)
}

// printFailed says that a receipt kept at path did not print; the
// printer's own words go to the log, under the id the message gives.
func (s *intakeScreen) printFailed(path string, err error) string {
	return lang.L("intake.print.failed", map[string]any{"Path": path, "ID": s.logPrintError(path, err)})
}

// noticePrintFailed says that a Form 02 or 03 kept at path did not print.
func (s *intakeScreen) noticePrintFailed(path string, err error) string {
	return lang.L("intake.notice.printFailed", map[string]any{"Path": path, "ID": s.logPrintError(path, err)})
}

func (s *intakeScreen) logPrintError(path string, err error) string {
	return s.u.report.Report(fmt.Errorf("app: print %s: %w", path, err))
}

// onView opens the latest printout in the PDF viewer.
func (s *intakeScreen) onView() {
	path, open := s.lastPath, s.open
	if path == "" {
		return
	}
	backgroundErr(&s.u.jobs, s.u.ctx, func(context.Context) error {
		return open(path)
	}, func(err error) {
		if err != nil {
			s.u.showError(fmt.Errorf("app: open %s: %w", path, err))
		}
	})
}

// noticeDialog asks for the dossier and the items of a Form 02 or 03.
type noticeDialog struct {
	kind  string
	d     *intakeDialog
	code  *widget.Entry
	items *widget.Entry
	msg   *widget.Label
	issue *widget.Button
}

// showError says in the dialog why the notice was not issued.
func (n *noticeDialog) showError(msg string) {
	n.msg.SetText(msg)
	n.msg.Show()
	n.d.Resize(fyne.NewSize(640, n.d.MinSize().Height))
}

// onNotice issues Form 02 (kind supplement: what to add) or Form 03
// (refusal: why) for the dossier just saved or one the officer names.
func (s *intakeScreen) onNotice(kind string) {
	n := &noticeDialog{kind: kind}
	title, itemsLabel, placeholder := lang.L("intake.supplement.title"), lang.L("intake.supplement.items"), lang.L("intake.supplement.placeholder")
	if kind == counter.KindRefusal {
		title, itemsLabel, placeholder = lang.L("intake.refuse.title"), lang.L("intake.refuse.items"), lang.L("intake.refuse.placeholder")
	}
	n.code = widget.NewEntry()
	n.code.SetPlaceHolder(lang.L("intake.notice.code.placeholder"))
	n.code.SetText(s.last.Code)
	n.items = widget.NewMultiLineEntry()
	n.items.SetPlaceHolder(placeholder)
	n.items.SetMinRowsVisible(5)
	n.items.Wrapping = fyne.TextWrapWord
	n.msg = errorLabel()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("intake.notice.code"), n.code),
		widget.NewFormItem(itemsLabel, n.items),
	}
	n.d = newIntakeDialog(title, lang.L("intake.notice.issue"), items, func() { s.issueNotice(n) }, s.u.win)
	n.d.extra(n.msg)
	n.issue = n.d.confirm
	n.d.keepOpen = true
	n.code.OnSubmitted = func(string) { s.u.win.Canvas().Focus(n.items) }
	n.d.Resize(fyne.NewSize(640, n.d.MinSize().Height))
	s.notice = n
	s.u.showDialog(n.d)
	if n.code.Text == "" {
		s.u.win.Canvas().Focus(n.code)
	} else {
		s.u.win.Canvas().Focus(n.items)
	}
}

// issueNotice records the notice, renders it and prints it; the dialog
// stays open, saying why, when the store refuses.
func (s *intakeScreen) issueNotice(n *noticeDialog) {
	text, items, officer := n.code.Text, strings.Split(n.items.Text, "\n"), deskOfficer(s.u)
	printPDF, desk, kind := s.print, s.desk, n.kind
	if strings.TrimSpace(text) == "" {
		n.showError(lang.L("intake.notice.code.missing"))
		s.u.win.Canvas().Focus(n.code)
		return
	}
	n.issue.Disable()
	type issued struct {
		saved
		dossier data.Dossier
	}
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (issued, error) {
		d, path, err := desk.Notice(ctx, kind, text, items, officer)
		if err != nil {
			return issued{}, err
		}
		return issued{saved: saved{path: path, printErr: printPDF(path)}, dossier: d}, nil
	}, func(r issued, err error) {
		n.issue.Enable()
		if err != nil {
			if data.ErrorCode(err) == data.EInternal {
				n.d.Hide()
				s.u.showError(err)
				return
			}
			n.showError(data.ErrorMessage(err))
			return
		}
		n.d.Hide()
		done := lang.L("intake.supplement.done", map[string]any{"Code": r.dossier.Code})
		if kind == counter.KindRefusal {
			done = lang.L("intake.refuse.done", map[string]any{"Code": r.dossier.Code})
		}
		s.lastPath = r.path
		s.view.Enable()
		if s.last.Code != r.dossier.Code {
			s.last = r.dossier // the bar speaks of this dossier now
			s.showDone()
		}
		if r.printErr != nil {
			s.setDoneStatus(done+" "+s.noticePrintFailed(r.path, r.printErr), widget.DangerImportance)
		} else {
			s.setDoneStatus(done+" "+lang.L("intake.notice.printed"), widget.MediumImportance)
		}
		s.u.win.Canvas().Focus(s.procedure)
	})
}
