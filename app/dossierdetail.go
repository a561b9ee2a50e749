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
)

// dossierDetail is one dossier at the return desk: its status, due date,
// applicant (ID masked until the officer asks, which the audit log
// records), documents, the manifests it travelled on, its history and
// the actions its status allows now.
type dossierDetail struct {
	s *returnsScreen
	// idShown is true once the officer asked to see the full ID number.
	idShown bool

	code      *widget.Label
	status    *widget.Label
	due       *widget.Label
	applicant *widget.Label
	idNumber  *widget.Label
	showID    *widget.Button
	contact   *widget.Label
	procedure *widget.Label
	received  *widget.Label
	delivery  *widget.Label
	fees      *widget.Label
	stopped   *widget.Label // the stop notice of a stopped dossier
	docs      *widget.Label
	travelled *fyne.Container
	rating    *widget.Label
	timeline  *fyne.Container

	transfer  *widget.Button
	ready     *widget.Button
	withdraw  *widget.Button
	handOver  *widget.Button
	apology   *widget.Button
	reprint   *widget.Button
	stop      *widget.Button
	control   *widget.Button
	undo      *widget.Button // a supervisor's only
	actionMsg *banner
	// roleNote says which actions need a role the officer lacks.
	roleNote *widget.Label

	header, info, actions fyne.CanvasObject
}

func newDossierDetail(s *returnsScreen) *dossierDetail {
	d := &dossierDetail{s: s}
	d.code = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	d.code.SizeName = theme.SizeNameSubHeadingText
	d.status = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	d.due = heading("")
	d.applicant = heading("")
	d.idNumber = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	d.showID = widget.NewButtonWithIcon(lang.L("returns.showID"), theme.VisibilityIcon(), d.onShowID)
	d.contact = wrapped("", fyne.TextStyle{})
	d.procedure = wrapped("", fyne.TextStyle{})
	d.received = wrapped("", fyne.TextStyle{})
	d.delivery = wrapped("", fyne.TextStyle{})
	d.fees = wrapped("", fyne.TextStyle{})
	d.stopped = wrapped("", fyne.TextStyle{Bold: true})
	d.stopped.Importance = widget.WarningImportance
	d.stopped.Hide()
	d.docs = wrapped("", fyne.TextStyle{})
	d.travelled = container.NewHBox()
	d.rating = wrapped("", fyne.TextStyle{})
	d.timeline = container.NewVBox()

	d.transfer = widget.NewButton(lang.L("returns.action.transferred"), func() { d.onStatus(data.StatusTransferred) })
	d.ready = widget.NewButtonWithIcon(lang.L("returns.action.ready"), theme.ConfirmIcon(), d.onReady)
	d.withdraw = widget.NewButton(lang.L("returns.action.withdrawn"), d.onWithdraw)
	d.handOver = widget.NewButtonWithIcon(lang.L("returns.action.return"), theme.MailForwardIcon(), s.handover.focus)
	d.handOver.Importance = widget.HighImportance
	d.apology = widget.NewButton(lang.L("returns.action.apology"), s.apology.open)
	d.reprint = widget.NewButtonWithIcon(lang.L("returns.action.reprint"), theme.DocumentPrintIcon(), d.onReprint)
	d.stop = widget.NewButtonWithIcon(lang.L("returns.action.stop"), theme.MediaStopIcon(), d.onStop)
	d.control = widget.NewButtonWithIcon(lang.L("returns.action.control"), theme.DocumentPrintIcon(), d.onControl)
	d.undo = widget.NewButtonWithIcon(lang.L("returns.action.undo"), theme.ContentUndoIcon(), d.onUndo)
	d.actionMsg = newBanner().fade(s.u.after)
	d.roleNote = roleNote(s.u, data.ActApology, data.ActRevealID)

	d.header = container.NewVBox(container.NewBorder(nil, nil, nil, d.status, d.code), d.stopped)
	d.info = container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("returns.applicant")), container.NewVBox(
			container.NewHBox(d.applicant, d.idNumber, d.showID), d.contact),
		widget.NewLabel(lang.L("returns.procedure")), d.procedure,
		widget.NewLabel(lang.L("returns.received")), d.received,
		widget.NewLabel(lang.L("returns.due")), d.due,
		widget.NewLabel(lang.L("returns.delivery")), d.delivery,
		widget.NewLabel(lang.L("returns.fees")), d.fees,
		widget.NewLabel(lang.L("returns.documents")), d.docs,
		widget.NewLabel(lang.L("returns.manifests")), d.travelled,
		widget.NewLabel(lang.L("returns.rating")), d.rating,
	)
	buttons := []fyne.CanvasObject{d.handOver, d.ready, d.transfer, d.withdraw, d.apology, d.reprint, d.stop, d.control, d.undo}
	// One size for all, that of the widest: no button's words are cut.
	var cell fyne.Size
	for _, b := range buttons {
		cell = cell.Max(b.MinSize())
	}
	d.actions = container.NewVBox(container.NewGridWrap(cell, buttons...), d.roleNote)
	return d
}

// show fills the detail with a dossier.
func (d *dossierDetail) show(v data.DossierView) {
	doc := v.Dossier
	d.code.SetText(doc.Code)
	d.status.Importance = statusImportance(doc.Status)
	d.status.SetText(statusName(doc.Status))
	d.applicant.SetText(doc.Applicant.Name)
	d.showIDNumber(doc.Applicant)
	var contact []string
	for _, c := range []string{doc.Applicant.Phone, doc.Applicant.Email, doc.Applicant.Address} {
		if c != "" {
			contact = append(contact, c)
		}
	}
	d.contact.SetText(strings.Join(contact, " · "))
	d.contact.Hidden = len(contact) == 0
	d.procedure.SetText(doc.ProcedureName + " (" + doc.ProcedureCode + ")")
	d.received.SetText(lang.L("returns.receivedAt", map[string]any{
		"Time": doc.ReceivedAt.Format("15:04 02/01/2006"), "Channel": doc.Channel.Label(), "Officer": doc.Officer}))
	d.showDue(v)
	if doc.ReturnMethod == data.ReturnPost {
		d.delivery.SetText(lang.L("returns.byPost", map[string]any{"Address": doc.ReturnAddress}))
	} else {
		d.delivery.SetText(lang.L("returns.atCounter"))
	}
	d.showFees(doc)
	if st := v.Stop; st != nil && doc.Status == data.StatusStopped {
		d.stopped.SetText(lang.L("returns.stopped", map[string]any{"Date": st.IssuedAt.Format("02/01/2006"), "Officer": st.Officer, "Reason": st.Reason}))
		d.stopped.Show()
	} else {
		d.stopped.Hide()
	}
	var docs []string
	for _, p := range doc.Documents {
		line := "• " + p.Name
		if c := copiesText(data.RequiredDocument{Originals: p.Originals, Copies: p.Copies}); c != "" {
			line += " — " + c
		}
		docs = append(docs, line)
	}
	d.docs.SetText(strings.Join(docs, "\n"))
	d.travelled.Objects = nil
	for _, n := range v.Manifests {
		d.travelled.Add(widget.NewButtonWithIcon(n, theme.MailSendIcon(), func() {
			d.s.u.show(sectionManifests)
			d.s.u.manifestDesk().open(n)
		}))
	}
	if len(v.Manifests) == 0 {
		d.travelled.Add(widget.NewLabel(lang.L("returns.noManifests")))
	}
	d.showRating(v.Rating)
	d.showTimeline(v.History)
	d.showActions(v)
}

// showRating writes what the citizen thought of the service, as the
// public tracking page brought it through the province.
func (d *dossierDetail) showRating(r *data.Rating) {
	if r == nil {
		d.rating.Importance = widget.LowImportance
		d.rating.SetText(lang.L("returns.rating.none"))
		return
	}
	text := lang.L("returns.rating.value", map[string]any{"Level": r.Level.Label(), "Time": r.RatedAt.In(data.Zone).Format("15:04 02/01/2006")})
	if r.Comment != "" {
		text += "\n“" + r.Comment + "”"
	}
	d.rating.Importance = map[data.RatingLevel]widget.Importance{data.RatingVerySatisfied: widget.SuccessImportance,
		data.RatingUnsatisfied: widget.WarningImportance}[r.Level]
	d.rating.SetText(text)
}

// showIDNumber shows the applicant's ID number masked but for its last
// four digits, unless the officer asked to see it.
func (d *dossierDetail) showIDNumber(a data.Applicant) {
	if d.idShown || a.IDNumber == "" {
		d.idNumber.SetText(a.IDNumber)
		d.showID.Hide()
		return
	}
	d.idNumber.SetText(a.MaskedID())
	d.showID.Show()
	setEnabled(d.showID, d.s.u.desk.May(data.ActRevealID))
}

// showDue writes the due date, in amber when due soon and in red when
// overdue, as long as the dossier's clock runs.
func (d *dossierDetail) showDue(v data.DossierView) {
	due := v.Dossier.DueDate
	text := weekdayName(due.Weekday()) + ", " + due.Format("02/01/2006")
	imp := widget.MediumImportance
	switch {
	case v.Late > 0:
		imp = widget.DangerImportance
		text += " — " + lang.N("returns.overdue", v.Late, map[string]any{"Count": v.Late})
	case v.DueSoon:
		imp = widget.WarningImportance
		text += " — " + lang.L("returns.dueSoon")
	}
	d.due.Importance = imp
	d.due.SetText(text)
}

// showTimeline lists the dossier's events, oldest first.
func (d *dossierDetail) showTimeline(history []data.Event) {
	d.timeline.Objects = nil
	for _, e := range history {
		what := e.Note
		switch {
		case e.Action == data.ActionUndo:
			what = lang.L("returns.timeline.undo", map[string]any{"From": statusName(e.From), "To": statusName(e.To), "Reason": e.Note})
		case e.To != "" && e.To != e.From:
			what = statusName(e.To) + ". " + what
		}
		if e.Undone {
			what = strings.TrimSuffix(what, ". ") + " " + lang.L("returns.timeline.undone")
		}
		d.timeline.Add(wrapped(e.At.Format("15:04 02/01/2006")+" · "+e.Actor+" — "+strings.TrimSuffix(what, ". "), fyne.TextStyle{}))
	}
	d.timeline.Refresh()
}

// showActions enables the actions the dossier's status allows now.
func (d *dossierDetail) showActions(v data.DossierView) {
	st := v.Dossier.Status
	setEnabled(d.transfer, data.CanTransition(st, data.StatusTransferred))
	setEnabled(d.ready, data.CanTransition(st, data.StatusResultReady))
	setEnabled(d.withdraw, data.CanTransition(st, data.StatusWithdrawn))
	setEnabled(d.handOver, st == data.StatusResultReady)
	setEnabled(d.apology, canApologise(v) && d.s.u.desk.May(data.ActApology))
	setEnabled(d.stop, data.CanTransition(st, data.StatusStopped) && d.s.u.desk.May(data.ActStop))
	// Only a supervisor undoes, and only a last change the rule lets go.
	_, err := data.LastChange(v.Dossier.Code, v.History)
	d.undo.Hidden = !d.s.u.desk.May(data.ActUndo)
	setEnabled(d.undo, err == nil)
}

// showFees says what was collected with the dossier, or why nothing was.
func (d *dossierDetail) showFees(doc data.Dossier) {
	var parts []string
	for _, f := range doc.Fees {
		parts = append(parts, f.Kind.Label()+" "+data.FormatVND(f.Amount)+" ("+strings.ToLower(f.Method.Label())+")")
	}
	switch {
	case doc.FeeExempt != "":
		parts = append(parts, lang.L("returns.fees.exempt", map[string]any{"Reason": doc.FeeExempt}))
	case len(parts) == 0:
		parts = append(parts, lang.L("returns.fees.none"))
	}
	d.fees.SetText(strings.Join(parts, "; "))
}

// onStop asks for the reason, then stops the dossier (Mẫu số 05).
func (d *dossierDetail) onStop() {
	if code := d.s.v.Dossier.Code; code != "" {
		d.s.stop = newStopDialog(d.s, code)
	}
}

// onUndo asks for the reason, then takes back the dossier's last status
// change.
func (d *dossierDetail) onUndo() {
	v := d.s.v
	if last, err := data.LastChange(v.Dossier.Code, v.History); err == nil {
		d.s.undo = newUndoDialog(d.s, v.Dossier.Code, last)
	}
}

// onControl prints the dossier's control sheet as it stands.
func (d *dossierDetail) onControl() {
	u, code := d.s.u, d.s.v.Dossier.Code
	if code == "" {
		return
	}
	printKept(u, d.s.print, func(ctx context.Context) (string, error) {
		return u.desk.ControlSheet(ctx, code)
	}, func(p printed, err error) {
		u.showPrinted(d.actionMsg, lang.L("returns.control.done", map[string]any{"Code": code}), p, err)
	})
}

// canApologise reports whether Form 04 may still be issued.
func canApologise(v data.DossierView) bool {
	st := v.Dossier.Status
	return !v.Apologised() && (st == data.StatusReceived || st == data.StatusTransferred)
}

// onShowID shows the full ID number, which the audit log records.
func (d *dossierDetail) onShowID() {
	u, code := d.s.u, d.s.v.Dossier.Code
	if code == "" {
		return
	}
	background(&u.jobs, u.ctx, func(ctx context.Context) (string, error) {
		return u.desk.ShowID(ctx, code)
	}, func(id string, err error) {
		if err != nil {
			d.actionMsg.show(u.errorText(err), widget.DangerImportance)
			return
		}
		if d.s.v.Dossier.Code == code {
			d.idShown = true
			d.s.v.Dossier.Applicant.IDNumber = id
			d.showIDNumber(d.s.v.Dossier.Applicant)
		}
	})
}

// onStatus records a status change the officer makes by hand.
func (d *dossierDetail) onStatus(to data.Status) {
	u, code := d.s.u, d.s.v.Dossier.Code
	if code == "" {
		return
	}
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.DossierView, error) {
		return u.desk.SetStatus(ctx, code, to, "")
	}, func(v data.DossierView, err error) {
		if err != nil {
			d.actionMsg.show(u.errorText(err), widget.DangerImportance)
			return
		}
		doc := v.Dossier
		d.actionMsg.show(lang.L("returns.statusSet", map[string]any{"Code": doc.Code, "Status": statusName(doc.Status)}), widget.SuccessImportance)
		d.s.changed(v)
	})
}

// onReady asks before recording that the result is ready: the citizen
// is then called to fetch it.
func (d *dossierDetail) onReady() {
	code := d.s.v.Dossier.Code
	if code == "" {
		return
	}
	d.s.u.confirm(lang.L("returns.ready.title"), lang.L("returns.ready.confirm", map[string]any{"Code": code}), lang.L("returns.ready.yes"), func() {
		if d.s.v.Dossier.Code == code {
			d.onStatus(data.StatusResultReady)
		}
	})
}

// onWithdraw asks before closing the dossier at the applicant's request.
func (d *dossierDetail) onWithdraw() {
	code := d.s.v.Dossier.Code
	d.s.u.confirm(lang.L("returns.withdraw.title"), lang.L("returns.withdraw.confirm", map[string]any{"Code": code}), lang.L("returns.action.withdrawn"), func() {
		if d.s.v.Dossier.Code == code {
			d.onStatus(data.StatusWithdrawn)
		}
	})
}

// onReprint prints the dossier's receipt again, marked as a reprint.
func (d *dossierDetail) onReprint() {
	u, code := d.s.u, d.s.v.Dossier.Code
	if code == "" {
		return
	}
	printKept(u, d.s.print, func(ctx context.Context) (string, error) {
		return u.desk.Receipt(ctx, code, true)
	}, func(p printed, err error) {
		u.showPrinted(d.actionMsg, lang.L("returns.reprinted", map[string]any{"Code": code}), p, err)
	})
}
