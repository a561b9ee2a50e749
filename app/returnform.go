package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/returns"
	"motcua/data/scan"
)

// returnForm hands a ready result over: to the applicant, whose ID card
// is scanned or ID number typed, or to a person the applicant
// authorised. Once recorded it says to whom, and prints the hand-over
// confirmation.
type returnForm struct {
	s *returnsScreen

	form         *form
	returnForm   *fyne.Container
	returnHint   *widget.Label
	recipientID  *field
	authorised   *widget.Check
	authFields   *fyne.Container
	authName     *field
	authNote     *field
	returnBtn    *widget.Button
	returnMsg    *widget.Label
	returnRecord *widget.Label
	returnNote   *widget.Button // prints the hand-over confirmation

	content *fyne.Container
}

func newReturnForm(s *returnsScreen) *returnForm {
	u := s.u
	f := &returnForm{s: s}
	f.returnHint = wrapped("", fyne.TextStyle{})
	f.returnHint.Importance = widget.WarningImportance
	f.recipientID = newField(u, lang.L("returns.recipient.placeholder"))
	f.recipientID.OnSubmitted = f.onRecipientSubmitted
	f.authorised = widget.NewCheck(lang.L("returns.authorised"), func(on bool) {
		if on {
			f.authFields.Show()
		} else {
			f.authFields.Hide()
		}
		s.relayout()
	})
	f.authName = newField(u, lang.L("returns.authName.placeholder"))
	f.authName.OnSubmitted = func(string) { f.onReturn() }
	f.authNote = newField(u, lang.L("returns.authNote.placeholder"))
	f.authNote.OnSubmitted = func(string) { f.onReturn() }
	f.form = newForm(u, s.relayout)
	recipient := f.form.add(returns.FieldRecipientID, lang.L("returns.recipient"), f.recipientID, nil)
	name := f.form.add(returns.FieldAuthorisedName, lang.L("returns.authName"), f.authName, nil)
	paper := f.form.add(returns.FieldAuthorisation, lang.L("returns.authNote"), f.authNote, nil)
	for _, ff := range []*formField{recipient, name, paper} {
		ff.entry.OnChanged = func(string) { f.form.edited(ff) }
	}
	f.returnBtn = widget.NewButtonWithIcon(lang.L("returns.return.save"), theme.ConfirmIcon(), f.onReturn)
	f.returnBtn.Importance = widget.HighImportance
	f.returnMsg = wrapped("", fyne.TextStyle{})
	f.returnMsg.Hide()
	f.authFields = container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("returns.authName")), name.under(f.authName),
		widget.NewLabel(lang.L("returns.authNote")), paper.under(f.authNote),
	)
	f.authFields.Hide()
	f.returnForm = container.NewVBox(
		f.returnHint,
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("returns.recipient")), recipient.under(f.recipientID)),
		f.authorised, f.authFields,
		container.NewHBox(f.returnBtn), f.returnMsg,
	)
	f.returnRecord = wrapped("", fyne.TextStyle{Bold: true})
	f.returnRecord.Importance = widget.SuccessImportance
	f.returnNote = widget.NewButtonWithIcon(lang.L("returns.note.print"), theme.DocumentPrintIcon(), f.onReturnNote)
	f.returnNote.Hide()
	f.content = container.NewVBox(heading(lang.L("returns.return.title")), f.returnForm, f.returnRecord, container.NewHBox(f.returnNote))
	return f
}

// show shows the hand-over form, or the hand-over once recorded.
func (f *returnForm) show(v data.DossierView) {
	if r := v.Return; r != nil {
		f.returnForm.Hide()
		who := lang.L("returns.record.applicant", map[string]any{"Name": r.Name})
		if r.Authorised {
			who = lang.L("returns.record.authorised", map[string]any{"Name": r.Name, "Authorisation": r.Authorisation})
		}
		f.returnRecord.SetText(lang.L("returns.record", map[string]any{
			"Time": r.At.Format("15:04 02/01/2006"), "Officer": r.Officer, "Who": who,
			"ID": data.Applicant{IDNumber: r.IDNumber}.MaskedID()}))
		f.returnRecord.Show()
		f.returnNote.Show()
		return
	}
	f.returnRecord.Hide()
	f.returnNote.Hide()
	switch st := v.Dossier.Status; st {
	case data.StatusRefused, data.StatusWithdrawn, data.StatusReturned, data.StatusStopped:
		f.returnForm.Hide()
		return
	case data.StatusResultReady:
		f.returnHint.Hide()
	default:
		f.returnHint.SetText(lang.L("returns.notReady", map[string]any{"Status": statusName(st)}))
		f.returnHint.Show()
	}
	f.returnForm.Show()
}

// focus brings the form in sight with the cursor in the recipient's ID.
func (f *returnForm) focus() {
	f.s.reveal(f.content)
	f.s.u.win.Canvas().Focus(f.recipientID)
}

// onRecipientSubmitted takes what the ID field received: an ID card QR
// fills the number (and the name, when it is not the applicant's card);
// a typed number records the hand-over.
func (f *returnForm) onRecipientSubmitted(text string) {
	r := scan.Parse(text)
	if r.Kind != scan.KindIDCard {
		f.onReturn()
		return
	}
	f.recipientID.SetText(r.Code)
	switch {
	case r.Code == f.s.v.Dossier.Applicant.IDNumber:
		f.setMsg(lang.L("returns.recipient.matches"), widget.SuccessImportance)
	case r.IDCard != nil:
		f.authorised.SetChecked(true)
		f.authName.SetText(r.IDCard.Name)
		f.setMsg(lang.L("returns.recipient.other"), widget.WarningImportance)
		f.s.u.win.Canvas().Focus(f.authNote)
	default:
		f.setMsg(r.Reason, widget.WarningImportance)
	}
}

// onReturn records the hand-over of the result to the person at the
// counter.
func (f *returnForm) onReturn() {
	u, code := f.s.u, f.s.v.Dossier.Code
	if code == "" {
		return
	}
	r := data.Recipient{IDNumber: strings.TrimSpace(f.recipientID.Text)}
	if f.authorised.Checked {
		r.Name, r.Authorisation = f.authName.Text, f.authNote.Text
	}
	// The rules first: a confirmation is asked only of a return the store
	// takes.
	background(&u.jobs, u.ctx, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, u.desk.CheckReturn(ctx, code, r)
	}, func(_ struct{}, err error) {
		if err != nil {
			f.showErrors(err)
			return
		}
		msg := lang.L("returns.return.confirm", map[string]any{"Code": code, "ID": r.IDNumber})
		if f.authorised.Checked {
			msg = lang.L("returns.return.confirmAuthorised", map[string]any{"Code": code, "ID": r.IDNumber, "Name": strings.TrimSpace(r.Name)})
		}
		u.confirm(lang.L("returns.return.title"), msg, lang.L("returns.return.save"), func() {
			if f.s.v.Dossier.Code == code {
				f.record(code, r)
			}
		})
	})
}

// record records the hand-over the officer confirmed.
func (f *returnForm) record(code string, r data.Recipient) {
	u := f.s.u
	f.returnBtn.Disable()
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.DossierView, error) {
		return u.desk.Return(ctx, code, r)
	}, func(v data.DossierView, err error) {
		f.returnBtn.Enable()
		if err != nil {
			f.showErrors(err)
			return
		}
		f.setMsg(lang.L("returns.returned", map[string]any{"Code": v.Return.DossierCode, "Name": v.Return.Name}), widget.SuccessImportance)
		f.s.dossier.actionMsg.show("", widget.MediumImportance) // "có kết quả" is over
		f.s.changed(v)
		u.scan.focus()
	})
}

func (f *returnForm) showErrors(err error) {
	f.setMsg(f.form.verdict(err), widget.DangerImportance)
}

func (f *returnForm) setMsg(text string, imp widget.Importance) {
	setLine(f.returnMsg, text, imp)
	f.s.relayout()
}

// onReturnNote prints the confirmation of the hand-over.
func (f *returnForm) onReturnNote() {
	u, code := f.s.u, f.s.v.Dossier.Code
	if code == "" {
		return
	}
	printKept(u, f.s.print, func(ctx context.Context) (string, error) {
		return u.desk.ReturnNote(ctx, code)
	}, func(p printed, err error) {
		u.showPrinted(f.s.dossier.actionMsg, lang.L("returns.note.printed", map[string]any{"Code": code}), p, err)
	})
}

// clear empties the form for another dossier.
func (f *returnForm) clear() {
	for _, e := range []*field{f.recipientID, f.authName, f.authNote} {
		e.SetText("")
	}
	f.authorised.SetChecked(false)
	f.returnMsg.Hide()
	f.form.clearAll()
}
