package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
	"motcua/data/scan"
	"motcua/platform"
)

// returnsScreen is the return desk. On the left one dossier on one
// screen: its status, due date, applicant, documents, history, the
// manifests it travelled on, the actions allowed now and the hand-over
// of its result. On the right the results coming back from the
// agencies are scanned in, and the lists of results waiting to be
// collected, dossiers due soon and overdue ones open a dossier.
type returnsScreen struct {
	u *UI
	// print sends a printout to the printer; tests replace it.
	print func(path string) error

	// v is the dossier on show; v.Dossier.Code is "" when none.
	v data.DossierView
	// idShown is true once the officer asked to see the full ID number.
	idShown bool

	scroll      *container.Scroll
	placeholder *widget.Label
	detail      *fyne.Container
	code        *widget.Label
	status      *widget.Label
	due         *widget.Label
	applicant   *widget.Label
	idNumber    *widget.Label
	showID      *widget.Button
	contact     *widget.Label
	procedure   *widget.Label
	received    *widget.Label
	delivery    *widget.Label
	docs        *widget.Label
	travelled   *fyne.Container
	timeline    *fyne.Container

	transfer  *widget.Button
	ready     *widget.Button
	withdraw  *widget.Button
	handOver  *widget.Button
	apology   *widget.Button
	reprint   *widget.Button
	actionMsg *banner

	returnBox    *fyne.Container
	returnForm   *fyne.Container
	returnHint   *widget.Label
	recipientID  *keyEntry
	recipientErr *widget.Label
	authorised   *widget.Check
	authFields   *fyne.Container
	authName     *keyEntry
	authNameErr  *widget.Label
	authNote     *keyEntry
	authNoteErr  *widget.Label
	returnBtn    *widget.Button
	returnMsg    *widget.Label
	returnRecord *widget.Label
	returnNote   *widget.Button // prints the hand-over confirmation

	apologyForm *fyne.Container
	newDue      *keyEntry
	newDueErr   *widget.Label
	reason      *keyEntry
	reasonErr   *widget.Label
	apologySave *widget.Button
	apologyMsg  *widget.Label

	resultScan *keyEntry
	resultMsg  *banner

	tabs        *container.AppTabs
	lists       data.Lists
	person      []data.Dossier
	personID    string // masked
	waiting     *keyList
	dueSoon     *keyList
	overdue     *keyList
	ofPerson    *keyList
	cancelLists context.CancelFunc

	content fyne.CanvasObject
}

// Tabs of the lists panel, in order.
const (
	tabWaiting = iota
	tabDueSoon
	tabOverdue
	tabPerson
)

func newReturnsScreen(u *UI) *returnsScreen {
	s := &returnsScreen{u: u, print: platform.Print}
	var reopen string
	if old := u.returns; old != nil { // the window is built again in another language
		s.print, reopen = old.print, old.v.Dossier.Code
	}
	split := container.NewHSplit(s.newDetail(), s.newLists())
	split.Offset = 0.6
	s.content = split
	s.reloadLists()
	if reopen != "" {
		s.open(reopen)
	}
	return s
}

func (s *returnsScreen) newDetail() fyne.CanvasObject {
	wrapped := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	heading := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.code = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.code.SizeName = theme.SizeNameSubHeadingText
	s.status = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	s.due = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.applicant = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.idNumber = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	s.showID = widget.NewButtonWithIcon(lang.L("returns.showID"), theme.VisibilityIcon(), s.onShowID)
	s.contact = wrapped()
	s.procedure = wrapped()
	s.received = wrapped()
	s.delivery = wrapped()
	s.docs = wrapped()
	s.travelled = container.NewHBox()
	s.timeline = container.NewVBox()

	s.transfer = widget.NewButton(lang.L("returns.action.transferred"), func() { s.onStatus(data.StatusTransferred) })
	s.ready = widget.NewButtonWithIcon(lang.L("returns.action.ready"), theme.ConfirmIcon(), func() { s.onStatus(data.StatusResultReady) })
	s.withdraw = widget.NewButton(lang.L("returns.action.withdrawn"), s.onWithdraw)
	s.handOver = widget.NewButtonWithIcon(lang.L("returns.action.return"), theme.MailForwardIcon(), s.onHandOver)
	s.handOver.Importance = widget.HighImportance
	s.apology = widget.NewButton(lang.L("returns.action.apology"), s.onApology)
	s.reprint = widget.NewButtonWithIcon(lang.L("returns.action.reprint"), theme.DocumentPrintIcon(), s.onReprint)
	s.actionMsg = newBanner()

	info := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("returns.applicant")), container.NewVBox(
			container.NewHBox(s.applicant, s.idNumber, s.showID), s.contact),
		widget.NewLabel(lang.L("returns.procedure")), s.procedure,
		widget.NewLabel(lang.L("returns.received")), s.received,
		widget.NewLabel(lang.L("returns.due")), s.due,
		widget.NewLabel(lang.L("returns.delivery")), s.delivery,
		widget.NewLabel(lang.L("returns.documents")), s.docs,
		widget.NewLabel(lang.L("returns.manifests")), s.travelled,
	)
	actions := container.NewGridWrap(fyne.NewSize(215, theme.InputBorderSize()*2+theme.TextSize()+theme.InnerPadding()*2),
		s.handOver, s.ready, s.transfer, s.withdraw, s.apology, s.reprint)

	s.detail = container.NewVBox(
		container.NewBorder(nil, nil, nil, s.status, s.code),
		info,
		actions, s.actionMsg.content,
		s.newApologyForm(),
		widget.NewSeparator(),
		s.newReturnForm(),
		widget.NewSeparator(),
		heading("returns.timeline"), s.timeline,
	)
	s.detail.Hide()
	s.placeholder = widget.NewLabel(lang.L("returns.choose"))
	s.placeholder.Wrapping = fyne.TextWrapWord
	s.placeholder.Importance = widget.LowImportance
	s.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(s.placeholder, s.detail)))
	return s.scroll
}

// reveal scrolls the dossier so that o, one of its parts, is in sight.
func (s *returnsScreen) reveal(o fyne.CanvasObject) {
	top, bottom := o.Position().Y, o.Position().Y+o.Size().Height
	if top < s.scroll.Offset.Y || bottom > s.scroll.Offset.Y+s.scroll.Size().Height {
		s.scroll.ScrollToOffset(fyne.NewPos(0, top))
	}
}

// errorLine is a red message under a field, hidden while empty.
func errorLine() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

func (s *returnsScreen) newReturnForm() fyne.CanvasObject {
	s.returnHint = widget.NewLabel("")
	s.returnHint.Wrapping = fyne.TextWrapWord
	s.returnHint.Importance = widget.WarningImportance
	s.recipientID = newKeyEntry(s.u)
	s.recipientID.SetPlaceHolder(lang.L("returns.recipient.placeholder"))
	s.recipientID.AlwaysShowValidationError = true
	s.recipientID.OnSubmitted = s.onRecipientSubmitted
	s.recipientErr = errorLine()
	s.authorised = widget.NewCheck(lang.L("returns.authorised"), func(on bool) {
		if on {
			s.authFields.Show()
		} else {
			s.authFields.Hide()
		}
		s.detail.Refresh()
	})
	s.authName = newKeyEntry(s.u)
	s.authName.SetPlaceHolder(lang.L("returns.authName.placeholder"))
	s.authName.OnSubmitted = func(string) { s.onReturn() }
	s.authNameErr = errorLine()
	s.authNote = newKeyEntry(s.u)
	s.authNote.SetPlaceHolder(lang.L("returns.authNote.placeholder"))
	s.authNote.OnSubmitted = func(string) { s.onReturn() }
	s.authNoteErr = errorLine()
	s.clearOnEdit(s.recipientID, s.recipientErr)
	s.clearOnEdit(s.authName, s.authNameErr)
	s.clearOnEdit(s.authNote, s.authNoteErr)
	s.returnBtn = widget.NewButtonWithIcon(lang.L("returns.return.save"), theme.ConfirmIcon(), s.onReturn)
	s.returnBtn.Importance = widget.HighImportance
	s.returnMsg = widget.NewLabel("")
	s.returnMsg.Wrapping = fyne.TextWrapWord
	s.returnMsg.Hide()
	s.authFields = container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("returns.authName")), container.NewVBox(s.authName, s.authNameErr),
		widget.NewLabel(lang.L("returns.authNote")), container.NewVBox(s.authNote, s.authNoteErr),
	)
	s.authFields.Hide()
	s.returnForm = container.NewVBox(
		s.returnHint,
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("returns.recipient")), container.NewVBox(s.recipientID, s.recipientErr)),
		s.authorised, s.authFields,
		container.NewHBox(s.returnBtn), s.returnMsg,
	)
	s.returnRecord = widget.NewLabel("")
	s.returnRecord.Wrapping = fyne.TextWrapWord
	s.returnRecord.Importance = widget.SuccessImportance
	s.returnRecord.TextStyle = fyne.TextStyle{Bold: true}
	s.returnNote = widget.NewButtonWithIcon(lang.L("returns.note.print"), theme.DocumentPrintIcon(), s.onReturnNote)
	s.returnNote.Hide()
	heading := widget.NewLabelWithStyle(lang.L("returns.return.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.returnBox = container.NewVBox(heading, s.returnForm, s.returnRecord, container.NewHBox(s.returnNote))
	return s.returnBox
}

// clearOnEdit clears a field's error as soon as the officer edits it.
func (s *returnsScreen) clearOnEdit(e *keyEntry, msg *widget.Label) {
	e.OnChanged = func(string) {
		if clearFieldError(e, msg) {
			s.detail.Refresh()
		}
	}
}

func (s *returnsScreen) newApologyForm() fyne.CanvasObject {
	s.newDue = newKeyEntry(s.u)
	s.newDue.SetPlaceHolder(lang.L("returns.apology.newDue.placeholder"))
	s.newDue.OnSubmitted = func(string) { s.u.win.Canvas().Focus(s.reason) }
	s.newDueErr = errorLine()
	s.reason = newKeyEntry(s.u)
	s.reason.SetPlaceHolder(lang.L("returns.apology.reason.placeholder"))
	s.reason.OnSubmitted = func(string) { s.onApologySave() }
	s.reasonErr = errorLine()
	s.clearOnEdit(s.newDue, s.newDueErr)
	s.clearOnEdit(s.reason, s.reasonErr)
	s.apologySave = widget.NewButtonWithIcon(lang.L("returns.apology.save"), theme.DocumentPrintIcon(), s.onApologySave)
	s.apologySave.Importance = widget.HighImportance
	s.apologyMsg = widget.NewLabel("")
	s.apologyMsg.Wrapping = fyne.TextWrapWord
	s.apologyMsg.Hide()
	s.apologyForm = container.NewVBox(
		widget.NewLabelWithStyle(lang.L("returns.apology.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		note(lang.L("returns.apology.note")),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("returns.apology.newDue")), container.NewVBox(s.newDue, s.newDueErr),
			widget.NewLabel(lang.L("returns.apology.reason")), container.NewVBox(s.reason, s.reasonErr),
		),
		container.NewHBox(s.apologySave), s.apologyMsg,
	)
	s.apologyForm.Hide()
	return s.apologyForm
}

func (s *returnsScreen) newLists() fyne.CanvasObject {
	s.resultScan = newKeyEntry(s.u)
	s.resultScan.SetPlaceHolder(lang.L("returns.results.placeholder"))
	s.resultScan.OnSubmitted = s.onResultScan
	s.resultMsg = newBanner()
	results := container.NewVBox(
		widget.NewLabelWithStyle(lang.L("returns.results.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.resultScan, s.resultMsg.content,
	)

	s.waiting = s.newDossierList(func() int { return len(s.lists.Waiting) }, func(i int) (data.Dossier, string, widget.Importance) {
		w := s.lists.Waiting[i]
		imp := widget.MediumImportance
		if w.Days >= 7 {
			imp = widget.WarningImportance
		}
		return w.Dossier, lang.N("returns.daysWaiting", w.Days, map[string]any{"Count": w.Days}), imp
	})
	dueList := func(ds *[]data.Dossier, imp widget.Importance) *keyList {
		return s.newDossierList(func() int { return len(*ds) }, func(i int) (data.Dossier, string, widget.Importance) {
			d := (*ds)[i]
			return d, d.DueDate.Format("02/01/2006"), imp
		})
	}
	s.dueSoon = dueList(&s.lists.DueSoon, widget.WarningImportance)
	s.overdue = dueList(&s.lists.Overdue, widget.DangerImportance)
	s.ofPerson = s.newDossierList(func() int { return len(s.person) }, func(i int) (data.Dossier, string, widget.Importance) {
		d := s.person[i]
		return d, statusName(d.Status), statusImportance(d.Status)
	})
	s.tabs = container.NewAppTabs(
		container.NewTabItem("", s.waiting),
		container.NewTabItem("", s.dueSoon),
		container.NewTabItem("", s.overdue),
		container.NewTabItem("", s.ofPerson),
	)
	s.updateTabTitles()
	heading := widget.NewLabelWithStyle(lang.L("returns.lists"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(results, widget.NewSeparator(), heading)
	return container.NewBorder(top, nil, nil, nil, s.tabs)
}

// newDossierList makes a list of dossiers that opens the one chosen;
// row says what a row shows besides the code, name and procedure.
func (s *returnsScreen) newDossierList(length func() int, row func(int) (data.Dossier, string, widget.Importance)) *keyList {
	var l *keyList
	l = newKeyList(s.u, length, func() fyne.CanvasObject {
		code := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		code.Truncation = fyne.TextTruncateEllipsis
		right := widget.NewLabel("")
		name := widget.NewLabel("")
		name.Truncation = fyne.TextTruncateEllipsis
		name.SizeName = theme.SizeNameCaptionText
		first := container.NewBorder(nil, nil, nil, right, code)
		return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), first, name)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= length() {
			return
		}
		d, text, imp := row(id)
		lines := o.(*fyne.Container).Objects
		first := lines[0].(*fyne.Container)
		first.Objects[0].(*widget.Label).SetText(d.Code)
		right := first.Objects[1].(*widget.Label)
		right.Importance = imp
		right.SetText(text)
		lines[1].(*widget.Label).SetText(d.Applicant.Name + " — " + d.ProcedureName)
	})
	l.OnSelected = func(id widget.ListItemID) {
		if id < length() {
			d, _, _ := row(id)
			s.open(d.Code)
		}
		l.UnselectAll()
	}
	return l
}

func (s *returnsScreen) updateTabTitles() {
	titles := []string{
		lang.L("returns.tab.waiting", map[string]any{"Count": len(s.lists.Waiting)}),
		lang.L("returns.tab.dueSoon", map[string]any{"Count": len(s.lists.DueSoon)}),
		lang.L("returns.tab.overdue", map[string]any{"Count": len(s.lists.Overdue)}),
		lang.L("returns.tab.person", map[string]any{"Count": len(s.person)}),
	}
	for i, t := range titles {
		s.tabs.Items[i].Text = t
	}
	s.tabs.Refresh()
}

// focusable is where the cursor goes when the desk comes forward: the
// recipient's ID when a result is ready to hand over, else the window's
// scan field.
func (s *returnsScreen) focusable() fyne.Focusable {
	if s.v.Dossier.Status == data.StatusResultReady {
		return s.recipientID
	}
	return s.u.scan.entry
}

// reloadLists asks the store for the waiting, due-soon and overdue lists.
func (s *returnsScreen) reloadLists() {
	if s.cancelLists != nil {
		s.cancelLists()
	}
	ctx, cancel := context.WithCancel(s.u.ctx)
	s.cancelLists = cancel
	background(&s.u.jobs, ctx, func(ctx context.Context) (data.Lists, error) {
		return s.u.desk.Lists(ctx)
	}, func(l data.Lists, err error) {
		if ctx.Err() != nil {
			return // a newer request has replaced this one
		}
		cancel()
		if err != nil {
			s.resultMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.lists = l
		s.updateTabTitles()
		for _, l := range []*keyList{s.waiting, s.dueSoon, s.overdue} {
			l.Refresh()
		}
	})
}

// showPerson lists the dossiers of an ID number and opens the only one.
func (s *returnsScreen) showPerson(maskedID string, ds []data.Dossier) {
	s.person, s.personID = ds, maskedID
	s.updateTabTitles()
	s.ofPerson.Refresh()
	s.tabs.SelectIndex(tabPerson)
	if len(ds) == 1 {
		s.open(ds[0].Code)
	}
}

// open loads a dossier with its history, return record and manifests.
func (s *returnsScreen) open(code string) {
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.DossierView, error) {
		return s.u.desk.View(ctx, code)
	}, func(v data.DossierView, err error) {
		if err != nil {
			s.u.scan.banner.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.show(v)
	})
}

// show fills the dossier view.
func (s *returnsScreen) show(v data.DossierView) {
	if v.Dossier.Code != s.v.Dossier.Code {
		s.idShown = false
		s.clearForms()
	}
	s.v = v
	d := v.Dossier
	s.placeholder.Hide()
	s.code.SetText(d.Code)
	s.status.Importance = statusImportance(d.Status)
	s.status.SetText(statusName(d.Status))
	s.applicant.SetText(d.Applicant.Name)
	s.showIDNumber()
	var contact []string
	for _, c := range []string{d.Applicant.Phone, d.Applicant.Email, d.Applicant.Address} {
		if c != "" {
			contact = append(contact, c)
		}
	}
	s.contact.SetText(strings.Join(contact, " · "))
	s.contact.Hidden = len(contact) == 0
	s.procedure.SetText(d.ProcedureName + " (" + d.ProcedureCode + ")")
	s.received.SetText(lang.L("returns.receivedAt", map[string]any{
		"Time": d.ReceivedAt.Format("15:04 02/01/2006"), "Channel": d.Channel.Label(), "Officer": d.Officer}))
	s.showDue()
	if d.ReturnMethod == data.ReturnPost {
		s.delivery.SetText(lang.L("returns.byPost", map[string]any{"Address": d.ReturnAddress}))
	} else {
		s.delivery.SetText(lang.L("returns.atCounter"))
	}
	var docs []string
	for _, doc := range d.Documents {
		line := "• " + doc.Name
		if c := copiesText(data.RequiredDocument{Originals: doc.Originals, Copies: doc.Copies}); c != "" {
			line += " — " + c
		}
		docs = append(docs, line)
	}
	s.docs.SetText(strings.Join(docs, "\n"))
	s.travelled.Objects = nil
	for _, n := range v.Manifests {
		s.travelled.Add(widget.NewButtonWithIcon(n, theme.MailSendIcon(), func() {
			s.u.show(sectionManifests)
			s.u.manifests.open(n)
		}))
	}
	if len(v.Manifests) == 0 {
		s.travelled.Add(widget.NewLabel(lang.L("returns.noManifests")))
	}
	s.showTimeline()
	s.showActions()
	s.showReturn()
	s.detail.Show()
	s.detail.Refresh()
}

// clear puts away the dossier on show.
func (s *returnsScreen) clear() {
	s.v = data.DossierView{}
	s.clearForms()
	s.detail.Hide()
	s.placeholder.Show()
	s.scroll.ScrollToTop()
}

// clearForms empties the hand-over and apology forms for another dossier.
func (s *returnsScreen) clearForms() {
	for _, e := range []*keyEntry{s.recipientID, s.authName, s.authNote, s.newDue, s.reason} {
		e.SetText("")
	}
	s.authorised.SetChecked(false)
	s.returnMsg.Hide()
	s.apologyMsg.Hide()
	s.apologyForm.Hide()
	s.actionMsg.show("", widget.MediumImportance)
}

// showIDNumber shows the applicant's ID number masked but for its last
// four digits, unless the officer asked to see it.
func (s *returnsScreen) showIDNumber() {
	a := s.v.Dossier.Applicant
	if s.idShown || a.IDNumber == "" {
		s.idNumber.SetText(a.IDNumber)
		s.showID.Hide()
		return
	}
	s.idNumber.SetText(a.MaskedID())
	s.showID.Show()
}

// showDue writes the due date, in amber when due soon and in red when
// overdue, as long as the dossier's clock runs.
func (s *returnsScreen) showDue() {
	d := s.v.Dossier
	text := weekdayName(d.DueDate.Weekday()) + ", " + d.DueDate.Format("02/01/2006")
	imp := widget.MediumImportance
	switch late := s.v.Late; {
	case late > 0:
		imp = widget.DangerImportance
		text += " — " + lang.N("returns.overdue", late, map[string]any{"Count": late})
	case s.v.DueSoon:
		imp = widget.WarningImportance
		text += " — " + lang.L("returns.dueSoon")
	}
	s.due.Importance = imp
	s.due.SetText(text)
}

// showTimeline lists the dossier's events, oldest first.
func (s *returnsScreen) showTimeline() {
	s.timeline.Objects = nil
	for _, e := range s.v.History {
		what := e.Note
		if e.To != "" && e.To != e.From {
			what = statusName(e.To) + ". " + what
		}
		line := widget.NewLabel(e.At.Format("15:04 02/01/2006") + " · " + e.Actor + " — " + strings.TrimSuffix(what, ". "))
		line.Wrapping = fyne.TextWrapWord
		s.timeline.Add(line)
	}
	s.timeline.Refresh()
}

// showActions enables the actions the dossier's status allows now.
func (s *returnsScreen) showActions() {
	st := s.v.Dossier.Status
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(s.transfer, data.CanTransition(st, data.StatusTransferred))
	enable(s.ready, data.CanTransition(st, data.StatusResultReady))
	enable(s.withdraw, data.CanTransition(st, data.StatusWithdrawn))
	enable(s.handOver, st == data.StatusResultReady)
	enable(s.apology, !s.v.Apologised() && (st == data.StatusReceived || st == data.StatusTransferred))
	if s.apology.Disabled() {
		s.apologyForm.Hide()
	}
}

// showReturn shows the hand-over form, or the hand-over once recorded.
func (s *returnsScreen) showReturn() {
	d := s.v.Dossier
	if r := s.v.Return; r != nil {
		s.returnForm.Hide()
		who := lang.L("returns.record.applicant", map[string]any{"Name": r.Name})
		if r.Authorised {
			who = lang.L("returns.record.authorised", map[string]any{"Name": r.Name, "Authorisation": r.Authorisation})
		}
		s.returnRecord.SetText(lang.L("returns.record", map[string]any{
			"Time": r.At.Format("15:04 02/01/2006"), "Officer": r.Officer, "Who": who,
			"ID": data.Applicant{IDNumber: r.IDNumber}.MaskedID()}))
		s.returnRecord.Show()
		s.returnNote.Show()
		return
	}
	s.returnRecord.Hide()
	s.returnNote.Hide()
	switch d.Status {
	case data.StatusRefused, data.StatusWithdrawn, data.StatusReturned:
		s.returnForm.Hide()
		return
	case data.StatusResultReady:
		s.returnHint.Hide()
	default:
		s.returnHint.SetText(lang.L("returns.notReady", map[string]any{"Status": statusName(d.Status)}))
		s.returnHint.Show()
	}
	s.returnForm.Show()
}

// statusName is a status in the window's language.
func statusName(st data.Status) string { return lang.X("returns.status."+string(st), st.Label()) }

// statusImportance colours a status: green when the result waits, grey
// when the dossier is closed.
func statusImportance(st data.Status) widget.Importance {
	switch st {
	case data.StatusResultReady:
		return widget.SuccessImportance
	case data.StatusSupplement:
		return widget.WarningImportance
	case data.StatusRefused, data.StatusWithdrawn, data.StatusReturned:
		return widget.LowImportance
	}
	return widget.HighImportance
}

// onShowID shows the full ID number, which the audit log records.
func (s *returnsScreen) onShowID() {
	code := s.v.Dossier.Code
	if code == "" {
		return
	}
	actor := deskOfficer(s.u)
	backgroundErr(&s.u.jobs, s.u.ctx, func(ctx context.Context) error {
		return s.u.desk.ShowID(ctx, code, actor)
	}, func(err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		if s.v.Dossier.Code == code {
			s.idShown = true
			s.showIDNumber()
		}
	})
}

// onStatus records a status change the officer makes by hand.
func (s *returnsScreen) onStatus(to data.Status) {
	code := s.v.Dossier.Code
	if code == "" {
		return
	}
	actor := deskOfficer(s.u)
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.DossierView, error) {
		return s.u.desk.SetStatus(ctx, code, to, actor, "")
	}, func(v data.DossierView, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		d := v.Dossier
		s.actionMsg.show(lang.L("returns.statusSet", map[string]any{"Code": d.Code, "Status": statusName(d.Status)}), widget.SuccessImportance)
		s.show(v)
		s.reloadLists()
	})
}

// onWithdraw asks before closing the dossier at the applicant's request.
func (s *returnsScreen) onWithdraw() {
	code := s.v.Dossier.Code
	d := dialog.NewConfirm(lang.L("returns.withdraw.title"), lang.L("returns.withdraw.confirm", map[string]any{"Code": code}), func(ok bool) {
		if ok && s.v.Dossier.Code == code {
			s.onStatus(data.StatusWithdrawn)
		}
	}, s.u.win)
	s.u.showDialog(d)
}

// onHandOver puts the cursor in the recipient's ID.
func (s *returnsScreen) onHandOver() {
	s.reveal(s.returnBox)
	s.u.win.Canvas().Focus(s.recipientID)
}

// onRecipientSubmitted takes what the ID field received: an ID card QR
// fills the number (and the name, when it is not the applicant's card);
// a typed number records the hand-over.
func (s *returnsScreen) onRecipientSubmitted(text string) {
	r := scan.Parse(text)
	if r.Kind != scan.KindIDCard {
		s.onReturn()
		return
	}
	s.recipientID.SetText(r.Code)
	switch {
	case r.Code == s.v.Dossier.Applicant.IDNumber:
		s.setReturnMsg(lang.L("returns.recipient.matches"), widget.SuccessImportance)
	case r.IDCard != nil:
		s.authorised.SetChecked(true)
		s.authName.SetText(r.IDCard.Name)
		s.setReturnMsg(lang.L("returns.recipient.other"), widget.WarningImportance)
		s.u.win.Canvas().Focus(s.authNote)
	default:
		s.setReturnMsg(r.Reason, widget.WarningImportance)
	}
}

// onReturn records the hand-over of the result to the person at the
// counter.
func (s *returnsScreen) onReturn() {
	code := s.v.Dossier.Code
	if code == "" {
		return
	}
	r := data.Recipient{IDNumber: strings.TrimSpace(s.recipientID.Text)}
	if s.authorised.Checked {
		r.Name, r.Authorisation = s.authName.Text, s.authNote.Text
	}
	actor := deskOfficer(s.u)
	s.returnBtn.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.DossierView, error) {
		return s.u.desk.Return(ctx, code, r, actor)
	}, func(v data.DossierView, err error) {
		s.returnBtn.Enable()
		if err != nil {
			s.showReturnErrors(err)
			return
		}
		ret := v.Return
		s.setReturnMsg(lang.L("returns.returned", map[string]any{"Code": ret.DossierCode, "Name": ret.Name}), widget.SuccessImportance)
		s.show(v)
		s.reloadLists()
		s.u.scan.focus()
	})
}

func (s *returnsScreen) showReturnErrors(err error) {
	bad, _ := fieldErrors(err)
	showFieldError(&s.recipientID.Entry, s.recipientErr, bad["recipient-id"])
	showFieldError(&s.authName.Entry, s.authNameErr, bad["authorised-name"])
	showFieldError(&s.authNote.Entry, s.authNoteErr, bad["authorisation"])
	if bad != nil {
		s.setReturnMsg(errorSummary(err), widget.DangerImportance)
	} else {
		s.setReturnMsg(s.u.errorText(err), widget.DangerImportance)
	}
	switch {
	case bad["recipient-id"] != "":
		s.u.win.Canvas().Focus(s.recipientID)
	case bad["authorised-name"] != "":
		s.u.win.Canvas().Focus(s.authName)
	case bad["authorisation"] != "":
		s.u.win.Canvas().Focus(s.authNote)
	}
}

func (s *returnsScreen) setReturnMsg(text string, imp widget.Importance) {
	s.returnMsg.Importance = imp
	s.returnMsg.SetText(text)
	s.returnMsg.Show()
	s.detail.Refresh()
}

// onApology opens the Form 04 form.
func (s *returnsScreen) onApology() {
	s.apologyForm.Show()
	s.detail.Refresh()
	s.reveal(s.apologyForm)
	s.u.win.Canvas().Focus(s.newDue)
}

// printed is a printout kept in the data folder and whether it reached
// the printer.
type printed struct {
	path     string
	printErr error
}

// printKept renders a printout and sends it to the printer, off the UI
// goroutine; done learns where it is kept and whether it printed.
func printKept(u *UI, print func(string) error, render func(context.Context) (string, error), done func(printed, error)) {
	background(&u.jobs, u.ctx, func(ctx context.Context) (printed, error) {
		path, err := render(ctx)
		if err != nil {
			return printed{}, err
		}
		return printed{path, print(path)}, nil
	}, done)
}

// onApologySave records Form 04, prints it and moves the due date.
func (s *returnsScreen) onApologySave() {
	code := s.v.Dossier.Code
	if code == "" {
		return
	}
	due, ok := parseDay(s.newDue.Text)
	if !ok {
		showFieldError(&s.newDue.Entry, s.newDueErr, lang.L("returns.apology.badDate"))
		s.detail.Refresh()
		s.u.win.Canvas().Focus(s.newDue)
		return
	}
	reason, actor, print := s.reason.Text, deskOfficer(s.u), s.print
	var v data.DossierView
	s.apologySave.Disable()
	printKept(s.u, print, func(ctx context.Context) (path string, err error) {
		v, path, err = s.u.desk.Apology(ctx, code, due, reason, actor)
		return path, err
	}, func(p printed, err error) {
		s.apologySave.Enable()
		if err != nil {
			bad, _ := fieldErrors(err)
			showFieldError(&s.newDue.Entry, s.newDueErr, bad["new-due"])
			showFieldError(&s.reason.Entry, s.reasonErr, bad["reason"])
			msg := s.u.errorText(err)
			if bad != nil {
				msg = errorSummary(err)
				if m := bad["due"]; m != "" {
					msg += " " + m + "."
				}
			}
			s.setApologyMsg(msg, widget.DangerImportance)
			return
		}
		s.setApologyMsg(s.u.printMessage(lang.L("returns.apology.done", map[string]any{"Date": due.Format("02/01/2006")}), p), printImportance(p))
		s.show(v)
		s.reloadLists()
	})
}

func (s *returnsScreen) setApologyMsg(text string, imp widget.Importance) {
	s.apologyMsg.Importance = imp
	s.apologyMsg.SetText(text)
	s.apologyMsg.Show()
	s.detail.Refresh()
}

// onReturnNote prints the confirmation of the hand-over.
func (s *returnsScreen) onReturnNote() {
	code := s.v.Dossier.Code
	if code == "" {
		return
	}
	actor, print, desk := deskOfficer(s.u), s.print, s.u.desk
	printKept(s.u, print, func(ctx context.Context) (string, error) {
		return desk.ReturnNote(ctx, code, actor)
	}, func(p printed, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.actionMsg.show(s.u.printMessage(lang.L("returns.note.printed", map[string]any{"Code": code}), p), printImportance(p))
	})
}

// onReprint prints the dossier's receipt again, marked as a reprint.
func (s *returnsScreen) onReprint() {
	code := s.v.Dossier.Code
	if code == "" {
		return
	}
	actor, print, desk := deskOfficer(s.u), s.print, s.u.desk
	printKept(s.u, print, func(ctx context.Context) (string, error) {
		return desk.Receipt(ctx, code, actor, true)
	}, func(p printed, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.actionMsg.show(s.u.printMessage(lang.L("returns.reprinted", map[string]any{"Code": code}), p), printImportance(p))
	})
}

// printMessage adds to done that the printout went to the printer, or
// where it is kept when it did not reach it.
func (u *UI) printMessage(done string, p printed) string {
	if p.printErr == nil {
		return done + " " + lang.L("returns.printSent")
	}
	id := u.report.Report(fmt.Errorf("app: print %s: %w", p.path, p.printErr))
	return done + " " + lang.L("returns.printFailed", map[string]any{"Path": p.path, "ID": id})
}

func printImportance(p printed) widget.Importance {
	if p.printErr != nil {
		return widget.WarningImportance
	}
	return widget.SuccessImportance
}

// onResultScan marks ready the result of a dossier that came back from
// the agency, or of every dossier of a to-agency manifest, and puts them
// on the waiting list.
func (s *returnsScreen) onResultScan(text string) {
	s.resultScan.SetText("")
	if strings.TrimSpace(text) == "" {
		return
	}
	actor := deskOfficer(s.u)
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (counter.Results, error) {
		return s.u.desk.ResultBack(ctx, text, actor)
	}, func(r counter.Results, err error) {
		defer s.u.win.Canvas().Focus(s.resultScan)
		if err != nil {
			s.resultMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		msg := lang.L("returns.results.one", map[string]any{"Code": r.Dossier.Code, "Name": r.Dossier.Applicant.Name})
		if r.Manifest != "" {
			n := len(r.Codes)
			msg = lang.N("returns.results.manifest", n, map[string]any{"Count": n, "Number": r.Manifest})
		}
		s.resultMsg.show(msg, widget.SuccessImportance)
		s.tabs.SelectIndex(tabWaiting)
		s.reloadLists()
		if s.v.Dossier.Code != "" {
			s.open(s.v.Dossier.Code)
		}
	})
}
