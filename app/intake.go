package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
	"motcua/data/intake"
	"motcua/data/scan"
	"motcua/platform"
)

// previewDelay is how long the form must stay still before the dossier
// is previewed again.
var previewDelay = 300 * time.Millisecond

// scanEnterWindow is how long after a scan read without its Enter the
// Enter, when it comes, is taken as the scan's.
const scanEnterWindow = time.Second

// intakeScreen takes a dossier at the counter: the procedure and the
// papers received, the applicant (typed, or read from the ID card QR),
// how the dossier came and how its result goes back. It shows the code
// and due date the dossier will get as the officer types, saves it,
// prints the receipt (Form 01) and issues Forms 02 and 03.
type intakeScreen struct {
	u    *UI
	desk *counter.Desk
	// print and open send a kept PDF to the printer and to the viewer;
	// tests record the paths instead.
	print, open func(path string) error

	officer    *widget.Label
	officerBtn *widget.Button
	scanField  *intakeField // the ID card scan field (Ctrl+K)

	// The procedure: a search field over a list of matches.
	procedure   *intakeField
	procErr     *widget.Label
	matches     *widget.List
	found       []data.Procedure
	highlight   int  // the match Enter picks, drawn highlighted
	searching   bool // a search is on its way
	pickOnFound bool // Enter came before the search's result
	cancelFind  context.CancelFunc
	proc        data.Procedure // the procedure chosen; Code "" when none
	procTitle   *widget.Label
	procMeta    *widget.Label
	review      *widget.Label
	days        *intakeField // working days, for a procedure that lacks them
	daysErr     *widget.Label
	daysRow     *fyne.Container
	chosen      *fyne.Container
	hint        *widget.Label
	docsPanel   *fyne.Container

	// The papers received.
	docs     []*docRow
	docList  *fyne.Container
	docsErr  *widget.Label
	extra    *intakeField
	addExtra *widget.Button
	sets     *intakeField
	setsErr  *widget.Label

	// The applicant, and how the dossier comes and goes.
	banner        *widget.Label
	name          *intakeField
	idNumber      *intakeField
	birth         *intakeField
	phone         *intakeField
	email         *intakeField
	address       *intakeField
	channel       *widget.RadioGroup
	postalItem    *intakeField
	postalLabel   *widget.Label
	postalRow     *fyne.Container
	returnMethod  *widget.RadioGroup
	returnAddress *intakeField
	returnLabel   *widget.Label
	returnRow     *fyne.Container
	form          *fyne.Container

	// inputs are the inputs with a message under them, by the field name
	// the rules of data/intake give them, in screen order.
	inputs []*intakeInput

	previewCode *widget.Label
	previewDue  *widget.Label
	previewNote *widget.Label
	save        *widget.Button
	newIntake   *widget.Button
	status      *widget.Label

	preview       debounce
	cancelPreview context.CancelFunc
	// latest holds the messages of the latest preview by field name; nil
	// when the form has changed since.
	latest map[string]string
	saving bool

	// A scan read before its Enter came: until then, an Enter in any
	// field of the screen is the scan's.
	scanUntil time.Time

	// The dossier just saved, and its latest printout.
	last       data.Dossier
	lastPath   string
	doneTitle  *widget.Label
	doneDue    *widget.Label
	doneLine   *fyne.Container
	doneStatus *widget.Label
	reprint    *widget.Button
	view       *widget.Button
	supplement *widget.Button
	refuse     *widget.Button
	notice     *noticeDialog // open, or last open

	content fyne.CanvasObject
}

// intakeInput is an input of the form with the label under it that
// shows its error.
type intakeInput struct {
	name  string       // as data/intake names the field
	label string       // as the officer reads it
	entry *intakeField // nil for the radio groups and the checklist
	msg   *widget.Label
}

// docRow is one paper of the checklist: received or not, how many
// originals and copies.
type docRow struct {
	name      string
	extra     bool // typed by the officer, not from the catalogue
	check     *widget.Check
	originals *intakeField
	copies    *intakeField
	msg       *widget.Label
	box       fyne.CanvasObject
}

// Channels and return methods in the order the radio groups offer them,
// as newApplicantPanel labels them.
var (
	intakeChannels = []data.Channel{data.ChannelCounter, data.ChannelPostal, data.ChannelOnline}
	intakeReturns  = []data.ReturnMethod{data.ReturnCounter, data.ReturnPost}
)

// countWidth is the width of an originals or copies field.
const countWidth = 64

func newIntakeScreen(u *UI) *intakeScreen {
	s := &intakeScreen{
		u:     u,
		desk:  u.desk,
		print: platform.Print,
		open:  platform.Open,
	}
	s.preview = debounce{j: &u.jobs, delay: previewDelay}

	top := s.newHeader()
	left := s.newProcedurePanel()
	right := s.newApplicantPanel()
	columns := container.NewHSplit(left, right)
	columns.Offset = 0.47
	// Objects go in the order Tab visits them: the form, then the header.
	s.content = container.New(layout.NewBorderLayout(top, nil, nil, nil), columns, top)
	s.clear()
	return s
}

// newHeader makes the screen's title, the officer's name and the bar of
// the dossier just saved.
func (s *intakeScreen) newHeader() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("intake.nav"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	s.officer = widget.NewLabel("")
	s.officerBtn = widget.NewButtonWithIcon("", theme.AccountIcon(), s.onOfficer)
	s.showOfficer()

	header := container.NewBorder(nil, nil, title, container.NewHBox(s.officer, s.officerBtn))

	s.doneTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.doneTitle.SizeName = theme.SizeNameSubHeadingText
	s.doneTitle.Importance = widget.SuccessImportance
	s.doneDue = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.doneDue.SizeName = theme.SizeNameSubHeadingText
	s.doneLine = container.NewHBox(widget.NewIcon(theme.ConfirmIcon()), s.doneTitle, widget.NewSeparator(), s.doneDue)
	s.doneStatus = widget.NewLabel("")
	s.doneStatus.Wrapping = fyne.TextWrapWord
	s.reprint = widget.NewButtonWithIcon(lang.L("intake.reprint"), theme.DocumentPrintIcon(), s.onReprint)
	s.view = widget.NewButtonWithIcon(lang.L("intake.view"), theme.VisibilityIcon(), s.onView)
	s.supplement = widget.NewButtonWithIcon(lang.L("intake.supplement"), theme.DocumentCreateIcon(), func() { s.onNotice(counter.KindSupplement) })
	s.refuse = widget.NewButtonWithIcon(lang.L("intake.refuse"), theme.CancelIcon(), func() { s.onNotice(counter.KindRefusal) })
	s.showDone()
	buttons := container.NewHBox(s.reprint, s.view, s.supplement, s.refuse)
	bar := container.NewVBox(s.doneLine, container.NewBorder(nil, nil, nil, container.NewCenter(buttons), s.doneStatus))
	card := widget.NewCard("", "", bar)
	return container.NewVBox(header, card)
}

// newProcedurePanel makes the left column: the procedure's search, the
// list of matches or the checklist of its papers, extra papers and the
// number of sets.
func (s *intakeScreen) newProcedurePanel() fyne.CanvasObject {
	s.procedure = s.newField(lang.L("intake.procedure.placeholder"))
	s.procedure.onKey = s.onProcedureKey
	s.procedure.selectOnFocus = true
	s.procErr = errorLabel()
	s.matches = widget.NewList(func() int { return len(s.found) }, s.createMatch, s.updateMatch)
	s.matches.OnSelected = s.onMatchSelected

	s.procTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.procTitle.Wrapping = fyne.TextWrapWord
	s.procMeta = widget.NewLabel("")
	s.procMeta.Wrapping = fyne.TextWrapWord
	s.procMeta.Importance = widget.LowImportance
	s.review = widget.NewLabel(lang.L("intake.review"))
	s.review.Wrapping = fyne.TextWrapWord
	s.review.Importance = widget.WarningImportance
	s.days = s.newField(lang.L("intake.days.placeholder"))
	s.daysErr = errorLabel()
	daysBox := container.NewGridWrap(fyne.NewSize(120, s.days.MinSize().Height), s.days)
	s.daysRow = container.NewVBox(s.review,
		container.NewHBox(widget.NewLabel(lang.L("intake.days")), daysBox), s.daysErr)
	s.chosen = container.NewVBox(s.procTitle, s.procMeta, s.daysRow)

	s.docList = container.NewVBox()
	s.docsErr = errorLabel()
	counts := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(countWidth, 20), caption(lang.L("intake.originals"))),
		container.NewGridWrap(fyne.NewSize(countWidth, 20), caption(lang.L("intake.copies"))))
	docsHead := container.NewVBox(
		container.NewBorder(nil, nil, nil, counts, heading(lang.L("intake.documents"))),
		s.docsErr)
	s.docsPanel = container.New(layout.NewBorderLayout(docsHead, nil, nil, nil), container.NewVScroll(s.docList), docsHead)
	s.hint = widget.NewLabel(lang.L("intake.procedure.hint"))
	s.hint.Wrapping = fyne.TextWrapWord
	s.hint.Importance = widget.LowImportance

	s.extra = s.newField(lang.L("intake.extra.placeholder"))
	s.addExtra = widget.NewButtonWithIcon(lang.L("intake.extra.add"), theme.ContentAddIcon(), s.onAddExtra)
	s.sets = s.newField("1")
	s.setsErr = errorLabel()
	setsBox := container.NewGridWrap(fyne.NewSize(countWidth, s.sets.MinSize().Height), s.sets)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("intake.extra")), s.addExtra, s.extra),
		container.NewHBox(widget.NewLabel(lang.L("intake.sets")), setsBox),
		s.setsErr)

	top := container.NewVBox(heading(lang.L("intake.procedure")), s.procedure, s.procErr, s.chosen)
	center := container.NewStack(s.hint, s.matches, s.docsPanel)
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, center, bottom)
}

// newApplicantPanel makes the right column: the applicant, the channel
// and return, and under them the preview and the save button.
func (s *intakeScreen) newApplicantPanel() fyne.CanvasObject {
	s.banner = widget.NewLabel("")
	s.banner.Wrapping = fyne.TextWrapWord
	s.banner.Hide()
	s.scanField = s.newField(lang.L("intake.scan.placeholder"))
	s.scanField.AlwaysShowValidationError = false
	s.scanField.OnChanged = func(text string) {
		if _, _, complete, ok := scan.FindIDCard(text); ok && complete {
			s.onScanField(text)
			s.expectEnter()
		}
	}
	s.scanField.OnSubmitted = func(text string) {
		if s.enterOfScan() {
			return
		}
		s.onScanField(text)
	}
	s.name = s.newField(lang.L("intake.name.placeholder"))
	s.idNumber = s.newField(lang.L("intake.id.placeholder"))
	s.birth = s.newField(lang.L("intake.birth.placeholder"))
	s.phone = s.newField(lang.L("intake.phone.placeholder"))
	s.email = s.newField(lang.L("intake.email.placeholder"))
	s.address = s.newField(lang.L("intake.address.placeholder"))
	s.postalItem = s.newField(lang.L("intake.postal.placeholder"))
	s.returnAddress = s.newField(lang.L("intake.returnAddress.placeholder"))

	channels := []string{lang.L("intake.channel.counter"), lang.L("intake.channel.postal"), lang.L("intake.channel.online")}
	returns := []string{lang.L("intake.return.counter"), lang.L("intake.return.post")}
	s.channel = widget.NewRadioGroup(channels, func(string) { s.onChannel() })
	s.channel.Horizontal = true
	s.channel.Required = true
	s.returnMethod = widget.NewRadioGroup(returns, func(string) { s.onReturnMethod() })
	s.returnMethod.Horizontal = true
	s.returnMethod.Required = true

	s.form = container.New(layout.NewFormLayout())
	row := func(label string, input fyne.CanvasObject) *widget.Label {
		l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		s.form.Add(l)
		s.form.Add(input)
		return l
	}
	add := func(name, label string, input fyne.CanvasObject, e *intakeField) *fyne.Container {
		return container.NewVBox(input, s.addInput(name, label, e).msg)
	}
	entry := func(name, label string, e *intakeField) *fyne.Container { return add(name, label, e, e) }
	row(lang.L("intake.name"), entry(intake.FieldName, lang.L("intake.name"), s.name))
	row(lang.L("intake.id"), entry(intake.FieldIDNumber, lang.L("intake.id"), s.idNumber))
	row(lang.L("intake.birth"), entry(intake.FieldBirthDate, lang.L("intake.birth"), s.birth))
	row(lang.L("intake.phone"), entry(intake.FieldPhone, lang.L("intake.phone"), s.phone))
	row(lang.L("intake.email"), entry(intake.FieldEmail, lang.L("intake.email"), s.email))
	row(lang.L("intake.address"), entry(intake.FieldAddress, lang.L("intake.address"), s.address))
	row(lang.L("intake.channel"), add(intake.FieldChannel, lang.L("intake.channel"), s.channel, nil))
	s.postalRow = entry(intake.FieldPostalItem, lang.L("intake.postal"), s.postalItem)
	s.postalLabel = row(lang.L("intake.postal"), s.postalRow)
	row(lang.L("intake.return"), add(intake.FieldReturnMethod, lang.L("intake.return"), s.returnMethod, nil))
	s.returnRow = entry(intake.FieldReturnAddress, lang.L("intake.returnAddress"), s.returnAddress)
	s.returnLabel = row(lang.L("intake.returnAddress"), s.returnRow)

	// The inputs of the left column, ahead of these in screen order.
	s.inputs = append([]*intakeInput{
		{name: intake.FieldProcedure, label: lang.L("intake.procedure"), entry: s.procedure, msg: s.procErr},
		{name: intake.FieldWorkingDays, label: lang.L("intake.days"), entry: s.days, msg: s.daysErr},
		{name: intake.FieldDocuments, label: lang.L("intake.documents"), msg: s.docsErr},
		{name: intake.FieldSets, label: lang.L("intake.sets"), entry: s.sets, msg: s.setsErr},
	}, s.inputs...)
	for _, in := range s.inputs {
		s.watch(in.entry, in)
	}
	s.watch(s.extra, nil)
	s.extra.OnSubmitted = s.submitted(s.extra, func(string) { s.onAddExtra() })
	s.procedure.OnChanged = s.changed(s.procedure, s.inputFor(intake.FieldProcedure), s.onProcedureChanged)
	s.procedure.OnSubmitted = s.submitted(s.procedure, func(string) { s.onProcedureSubmitted() })

	s.previewCode = widget.NewLabel("")
	s.previewCode.Truncation = fyne.TextTruncateEllipsis
	s.previewDue = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.previewDue.SizeName = theme.SizeNameSubHeadingText
	s.previewNote = widget.NewLabel("")
	s.previewNote.Wrapping = fyne.TextWrapWord
	s.save = widget.NewButtonWithIcon(lang.L("intake.save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.newIntake = widget.NewButtonWithIcon(lang.L("intake.new"), theme.ContentClearIcon(), s.onNew)
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Importance = widget.DangerImportance
	s.status.Hide()

	scanBox := container.NewGridWrap(fyne.NewSize(250, s.scanField.MinSize().Height), s.scanField)
	scanLabel := widget.NewLabelWithStyle(lang.L("intake.scan"), fyne.TextAlignTrailing, fyne.TextStyle{})
	head := container.NewVBox(
		container.NewBorder(nil, nil, heading(lang.L("intake.applicant")), container.NewHBox(scanLabel, scanBox)),
		s.banner)
	scroll := container.NewVScroll(container.NewVBox(head, s.form))
	preview := container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, s.previewDue, s.previewCode),
		s.previewNote,
		container.NewHBox(s.save, s.newIntake),
		s.status)
	return container.New(layout.NewBorderLayout(nil, preview, nil, nil), scroll, preview)
}

// newField makes an entry of the screen. Keys that work wherever the
// cursor is (F2) pass through it to the window.
func (s *intakeScreen) newField(placeholder string) *intakeField {
	f := newIntakeField(placeholder)
	f.onKey = s.u.onHotkey
	return f
}

// addInput records an input of the form with a new label for its error.
func (s *intakeScreen) addInput(name, label string, e *intakeField) *intakeInput {
	in := &intakeInput{name: name, label: label, entry: e, msg: errorLabel()}
	s.inputs = append(s.inputs, in)
	return in
}

func (s *intakeScreen) inputFor(name string) *intakeInput {
	for _, in := range s.inputs {
		if in.name == name {
			return in
		}
	}
	return nil
}

// watch makes an entry of the form hear the scanner, clear its error
// when edited and have the dossier previewed again; Enter moves on.
func (s *intakeScreen) watch(e *intakeField, in *intakeInput) {
	if e == nil {
		return
	}
	e.OnChanged = s.changed(e, in, nil)
	e.OnSubmitted = s.submitted(e, func(string) { s.u.win.Canvas().FocusNext() })
	e.onFocusLost = func() { s.markLatest(in) }
}

// changed is the OnChanged of an entry: a complete ID card QR typed into
// it fills the applicant; else its error goes and then more runs.
func (s *intakeScreen) changed(e *intakeField, in *intakeInput, more func(string)) func(string) {
	return func(text string) {
		if s.scanInto(e, text, false) {
			return
		}
		s.scanUntil = time.Time{} // typing, not scanning
		if in != nil {
			s.clearInputError(in)
		}
		if more != nil {
			more(text)
		}
		s.onEdit()
	}
}

// submitted is the OnSubmitted of an entry: the Enter of a scan fills the
// applicant; any other runs then.
func (s *intakeScreen) submitted(e *intakeField, then func(string)) func(string) {
	return func(text string) {
		if s.enterOfScan() || s.scanInto(e, text, true) {
			return
		}
		then(text)
	}
}

// errorLabel is the red message under an input, hidden while it is fine.
func errorLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// heading is the bold title of a part of the screen.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// caption is a small quiet label, for column headings.
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// first is where the cursor goes when the screen comes forward.
func (s *intakeScreen) first() fyne.Focusable { return s.procedure }

// --- The officer ---

func (s *intakeScreen) officerName() string {
	return strings.TrimSpace(s.u.app.Preferences().String(officerPreference))
}

func (s *intakeScreen) showOfficer() {
	if n := s.officerName(); n != "" {
		s.officer.SetText(lang.L("intake.officer", map[string]any{"Name": n}))
		s.officer.Importance = widget.MediumImportance
		s.officerBtn.SetText("")
	} else {
		s.officer.SetText(lang.L("intake.officer.none"))
		s.officer.Importance = widget.WarningImportance
		s.officerBtn.SetText(lang.L("intake.officer.set"))
	}
	s.officer.Refresh()
}

// onOfficer asks for the officer's name and remembers it.
func (s *intakeScreen) onOfficer() {
	e := widget.NewEntry()
	e.SetText(s.officerName())
	e.SetPlaceHolder(lang.L("intake.officer.placeholder"))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("intake.officer.name"), e)}
	d := newIntakeDialog(lang.L("intake.officer.title"), lang.L("Save"), items, func() {
		s.u.app.Preferences().SetString(officerPreference, data.Clean(e.Text))
		s.showOfficer()
		s.u.win.Canvas().Focus(s.procedure)
	}, s.u.win)
	e.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	s.u.showDialog(d)
	s.u.win.Canvas().Focus(e)
}

// --- The procedure ---

// A match: code | name | time limit, over the highlight of the match
// Enter picks. (The list's own selection is a pick: tapping a selected
// row again would do nothing.)
func (s *intakeScreen) createMatch() fyne.CanvasObject {
	mark := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	mark.CornerRadius = theme.InputRadiusSize()
	code := widget.NewLabelWithStyle("0.000000", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	limit := widget.NewLabel("")
	limit.SizeName = theme.SizeNameCaptionText
	return container.NewStack(mark, container.NewBorder(nil, nil, code, limit, name))
}

func (s *intakeScreen) updateMatch(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.found) {
		return
	}
	p := s.found[id]
	stack := o.(*fyne.Container)
	if id == s.highlight {
		stack.Objects[0].Show()
	} else {
		stack.Objects[0].Hide()
	}
	row := stack.Objects[1].(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(p.Name)
	row.Objects[1].(*widget.Label).SetText(p.Code)
	showLimit(row.Objects[2].(*widget.Label), p, widget.LowImportance)
}

// onProcedureChanged searches the catalogue as the officer types.
func (s *intakeScreen) onProcedureChanged(text string) {
	if strings.TrimSpace(text) == "" {
		s.closeMatches()
		return
	}
	s.find(text)
}

// find lists the procedures matching text, replacing a search on its way.
func (s *intakeScreen) find(text string) {
	if s.cancelFind != nil {
		s.cancelFind()
	}
	ctx, cancel := context.WithCancel(s.u.ctx)
	s.cancelFind = cancel
	s.searching = true
	background(&s.u.jobs, ctx, func(ctx context.Context) ([]data.Procedure, error) {
		return s.u.desk.Procedures(ctx, text)
	}, func(ps []data.Procedure, err error) {
		if ctx.Err() != nil {
			return // a newer search has replaced this one
		}
		cancel()
		s.searching = false
		if err != nil {
			s.pickOnFound = false
			s.u.showError(err)
			return
		}
		s.found = ps
		s.highlight = 0
		s.matches.Refresh()
		s.matches.ScrollToTop()
		s.showCenter(s.matches)
		if s.pickOnFound {
			s.pickOnFound = false
			s.onProcedureSubmitted()
		}
	})
}

// onProcedureKey moves in the list of matches with the arrows; Escape
// closes it.
func (s *intakeScreen) onProcedureKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyUp:
		if !s.matches.Visible() {
			s.find(s.procedure.Text) // "" lists them all
			return true
		}
		step := 1
		if ev.Name == fyne.KeyUp {
			step = -1
		}
		s.moveHighlight(s.highlight + step)
		return true
	case fyne.KeyPageDown, fyne.KeyPageUp:
		if !s.matches.Visible() {
			return false
		}
		step := 10
		if ev.Name == fyne.KeyPageUp {
			step = -10
		}
		s.moveHighlight(min(max(s.highlight+step, 0), len(s.found)-1))
		return true
	case fyne.KeyEscape:
		if s.matches.Visible() {
			s.closeMatches()
			if s.proc.Code != "" {
				s.showCode() // the search gives way to the procedure chosen
			}
			return true
		}
	}
	return s.u.onHotkey(ev)
}

// moveHighlight shows match i as the one Enter picks.
func (s *intakeScreen) moveHighlight(i int) {
	if i < 0 || i >= len(s.found) {
		return
	}
	old := s.highlight
	s.highlight = i
	s.matches.RefreshItem(old)
	s.matches.RefreshItem(i)
	s.matches.ScrollTo(i)
}

// onMatchSelected picks a match tapped in the list.
func (s *intakeScreen) onMatchSelected(id widget.ListItemID) {
	s.matches.UnselectAll()
	if id < 0 || id >= len(s.found) {
		return
	}
	s.highlight = id
	s.pick(s.found[id])
}

// onProcedureSubmitted (Enter) picks the highlighted match, or the first
// one when the search is still on its way.
func (s *intakeScreen) onProcedureSubmitted() {
	switch {
	case s.searching:
		s.pickOnFound = true
	case s.matches.Visible() && s.highlight < len(s.found):
		s.pick(s.found[s.highlight])
	case !s.matches.Visible() && s.proc.Code != "":
		s.focusAfterPick()
	}
}

// pick chooses p: its papers become the checklist and the cursor goes
// to the applicant.
func (s *intakeScreen) pick(p data.Procedure) {
	if s.cancelFind != nil {
		s.cancelFind()
		s.searching, s.pickOnFound = false, false
	}
	same := p.Code == s.proc.Code
	s.proc = p
	s.showCode()
	s.clearInputError(s.inputFor(intake.FieldProcedure))
	s.showProcedure()
	if !same {
		s.fillDocuments(p)
	}
	s.closeMatches()
	s.onEdit()
	s.focusAfterPick()
}

// showCode puts the chosen procedure's code in the procedure field,
// which is not a search.
func (s *intakeScreen) showCode() {
	on := s.procedure.OnChanged
	s.procedure.OnChanged = nil
	s.procedure.SetText(s.proc.Code)
	s.procedure.OnChanged = on
}

// focusAfterPick puts the cursor where the officer goes on after
// choosing the procedure: the applicant, or the papers once the
// applicant is in.
func (s *intakeScreen) focusAfterPick() {
	if s.name.Text == "" || len(s.docs) == 0 {
		s.u.win.Canvas().Focus(s.name)
		return
	}
	s.u.win.Canvas().Focus(s.docs[0].check)
}

// showProcedure describes the chosen procedure over the checklist.
func (s *intakeScreen) showProcedure() {
	p := s.proc
	if p.Code == "" {
		s.chosen.Hide()
		return
	}
	s.procTitle.SetText(p.Name)
	meta := []string{lang.L("catalog.code", map[string]any{"Code": p.Code})}
	if p.Field != "" {
		meta = append(meta, p.Field)
	}
	meta = append(meta, limitLabel(p))
	if !p.PostalAllowed {
		meta = append(meta, lang.L("intake.noPostal"))
	}
	s.procMeta.SetText(strings.Join(meta, " · "))
	if p.NeedsReview() {
		s.daysRow.Show()
	} else {
		s.days.SetText("")
		s.daysRow.Hide()
	}
	s.chosen.Show()
	s.chosen.Refresh()
}

// closeMatches puts the checklist (or the hint) back in place of the
// list of matches.
func (s *intakeScreen) closeMatches() {
	if s.cancelFind != nil {
		s.cancelFind()
	}
	s.searching, s.pickOnFound = false, false
	if s.proc.Code != "" {
		s.showCenter(s.docsPanel)
	} else {
		s.showCenter(s.hint)
	}
}

// showCenter shows one of the hint, the matches and the checklist.
func (s *intakeScreen) showCenter(o fyne.CanvasObject) {
	for _, c := range []fyne.CanvasObject{s.hint, s.matches, s.docsPanel} {
		if c == o {
			c.Show()
		} else {
			c.Hide()
		}
	}
}

// --- The papers ---

// fillDocuments makes the checklist of p's papers, keeping the papers the
// officer added.
func (s *intakeScreen) fillDocuments(p data.Procedure) {
	var extras []*docRow
	for _, r := range s.docs {
		if r.extra {
			extras = append(extras, r)
		}
	}
	s.docs = nil
	s.docList.Objects = nil
	group := ""
	for _, d := range p.Documents {
		if d.Case != "" && d.Case != group {
			group = d.Case
			s.docList.Add(widget.NewLabelWithStyle(group, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		}
		originals, copies := d.Originals, d.Copies
		if originals+copies == 0 {
			originals = 1 // the catalogue gives no count: one original
		}
		s.addDocument(d.Name, copiesText(d), originals, copies, false)
	}
	if len(p.Documents) == 0 {
		s.docList.Add(note(lang.L("intake.documents.none")))
	}
	for _, r := range extras {
		s.docs = append(s.docs, r)
		s.docList.Add(r.box)
	}
	s.docList.Refresh()
}

// addDocument adds a row to the checklist.
func (s *intakeScreen) addDocument(name, published string, originals, copies int, extra bool) *docRow {
	r := &docRow{name: name, extra: extra, msg: errorLabel()}
	r.check = widget.NewCheck("", func(bool) {
		s.clearDocError(r)
		s.onEdit()
	})
	r.originals = s.newField("")
	r.originals.SetText(strconv.Itoa(originals))
	r.copies = s.newField("")
	r.copies.SetText(strconv.Itoa(copies))
	for _, e := range []*intakeField{r.originals, r.copies} {
		e.OnChanged = s.changed(e, nil, func(string) { s.clearDocError(r) })
		e.OnSubmitted = s.submitted(e, func(string) { s.u.win.Canvas().FocusNext() })
	}
	text := shorten(name, maxDocumentText)
	if published != "" {
		text += " (" + published + ")"
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	h := r.originals.MinSize().Height
	counts := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(countWidth, h), r.originals),
		container.NewGridWrap(fyne.NewSize(countWidth, h), r.copies))
	right := counts
	if extra {
		r.check.SetChecked(true)
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.removeDocument(r) })
		remove.Importance = widget.LowImportance
		right = container.NewHBox(counts, remove)
	}
	r.box = container.NewVBox(
		container.NewBorder(nil, nil, container.NewVBox(r.check), container.NewVBox(right), label),
		r.msg)
	s.docs = append(s.docs, r)
	s.docList.Add(r.box)
	return r
}

// maxDocumentText is how much of a paper's name the checklist shows: the
// catalogue's names run to paragraphs, and their start tells them apart.
const maxDocumentText = 150

// shorten cuts s to n letters at a word, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

// onAddExtra adds the paper typed in the extra field, received.
func (s *intakeScreen) onAddExtra() {
	name := data.Clean(s.extra.Text)
	if name == "" {
		return
	}
	s.addDocument(name, "", 1, 0, true)
	s.docList.Refresh()
	s.extra.SetText("")
	s.clearInputError(s.inputFor(intake.FieldDocuments))
	if s.proc.Code != "" && !s.matches.Visible() {
		s.showCenter(s.docsPanel)
	}
	s.onEdit()
}

// removeDocument takes a paper the officer added off the checklist.
func (s *intakeScreen) removeDocument(r *docRow) {
	for i, d := range s.docs {
		if d == r {
			s.docs = append(s.docs[:i], s.docs[i+1:]...)
			break
		}
	}
	s.docList.Remove(r.box)
	s.onEdit()
	s.u.win.Canvas().Focus(s.extra)
}

// clearDocError takes a paper's message away once it is edited.
func (s *intakeScreen) clearDocError(r *docRow) {
	if !r.msg.Visible() && !s.docsErr.Visible() {
		return
	}
	clearFieldError(&r.originals.Entry, r.msg)
	s.clearInputError(s.inputFor(intake.FieldDocuments))
	s.docList.Refresh()
}

// --- Channel and return ---

// chosenChannel is the channel the radio group shows.
func (s *intakeScreen) chosenChannel() data.Channel {
	for i, o := range s.channel.Options {
		if o == s.channel.Selected {
			return intakeChannels[i]
		}
	}
	return data.ChannelCounter
}

// chosenReturn is the return method the radio group shows.
func (s *intakeScreen) chosenReturn() data.ReturnMethod {
	for i, o := range s.returnMethod.Options {
		if o == s.returnMethod.Selected {
			return intakeReturns[i]
		}
	}
	return data.ReturnCounter
}

// onChannel asks for the postal item number when the dossier came by post.
func (s *intakeScreen) onChannel() {
	if s.postalRow == nil {
		return // still being built
	}
	s.clearInputError(s.inputFor(intake.FieldChannel))
	postal := s.chosenChannel() == data.ChannelPostal
	if !postal {
		s.clearInputError(s.inputFor(intake.FieldPostalItem))
	}
	showRow(s.postalLabel, s.postalRow, postal)
	s.form.Refresh()
	s.onEdit()
}

// onReturnMethod asks where to send the result when it goes by post.
func (s *intakeScreen) onReturnMethod() {
	if s.returnRow == nil {
		return
	}
	s.clearInputError(s.inputFor(intake.FieldReturnMethod))
	post := s.chosenReturn() == data.ReturnPost
	if !post {
		s.clearInputError(s.inputFor(intake.FieldReturnAddress))
	}
	showRow(s.returnLabel, s.returnRow, post)
	s.form.Refresh()
	s.onEdit()
}

// --- Reading the form ---

// request reads the form into a request. bad names the fields that could
// not be read (a date or a count that is not one); sent lists the rows of
// the checklist in the order of the request's documents.
func (s *intakeScreen) request() (req data.IntakeRequest, bad data.Fields, sent []*docRow) {
	req = data.IntakeRequest{
		ProcedureCode: s.proc.Code,
		Applicant: data.Applicant{
			Name:     s.name.Text,
			IDNumber: s.idNumber.Text,
			Phone:    s.phone.Text,
			Email:    s.email.Text,
			Address:  s.address.Text,
		},
		Channel:      s.chosenChannel(),
		ReturnMethod: s.chosenReturn(),
		Officer:      deskOfficer(s.u),
	}
	if t := strings.TrimSpace(s.birth.Text); t != "" {
		if d, ok := parseBirth(t); ok {
			req.Applicant.BirthDate = d
		} else {
			bad.Add(intake.FieldBirthDate, "%s", lang.L("intake.birth.invalid"))
		}
	}
	count := func(e *intakeField) (int, bool) {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return 0, true
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	for _, r := range s.docs {
		if !r.check.Checked {
			continue
		}
		o, ok1 := count(r.originals)
		c, ok2 := count(r.copies)
		if !ok1 || !ok2 {
			bad.Add(docField(len(sent), "originals"), "%s", lang.L("intake.count.invalid"))
		}
		req.Documents = append(req.Documents, data.SubmittedDocument{Name: r.name, Originals: o, Copies: c})
		sent = append(sent, r)
	}
	if n, ok := count(s.sets); ok {
		req.Sets = n
	} else {
		bad.Add(intake.FieldSets, "%s", lang.L("intake.sets.invalid"))
	}
	if req.Channel == data.ChannelPostal {
		req.PostalItem = s.postalItem.Text
	}
	if req.ReturnMethod == data.ReturnPost {
		req.ReturnAddress = s.returnAddress.Text
	}
	if s.proc.Code != "" && s.proc.NeedsReview() {
		if t := strings.TrimSpace(s.days.Text); t != "" {
			if n, err := strconv.Atoi(t); err == nil {
				req.WorkingDays = &n
			} else {
				bad.Add(intake.FieldWorkingDays, "%s", lang.L("intake.days.invalid"))
			}
		}
	}
	return req, bad, sent
}

// docField names a document's field as data/intake does.
func docField(i int, name string) string {
	return fmt.Sprintf("%s[%d].%s", intake.FieldDocuments, i, name)
}

// parseBirth reads a date of birth: dd/mm/yyyy as parseDay reads it, or
// the eight digits ddmmyyyy of the ID card.
func parseBirth(s string) (time.Time, bool) {
	if len(s) == 8 && onlyDigits(s) {
		t, err := time.ParseInLocation("02012006", s, data.Zone)
		return t, err == nil
	}
	return parseDay(s)
}

// merge puts the fields the screen could not read ahead of the store's
// verdict on the rest; a field named in both keeps the screen's message.
func merge(bad data.Fields, err error) error {
	if len(bad) == 0 {
		return err
	}
	var de *data.Error
	if err != nil && !errors.As(err, &de) {
		return err // not a verdict on the fields
	}
	all := append(data.Fields(nil), bad...)
	message := lang.L("intake.invalid")
	if de != nil {
		message = de.Message
		for _, f := range de.Fields {
			if !named(bad, f.Field) {
				all = append(all, f)
			}
		}
	}
	return all.Err(message)
}

func named(fs data.Fields, name string) bool {
	for _, f := range fs {
		if f.Field == name {
			return true
		}
	}
	return false
}

// --- Preview ---

// onEdit runs after every change of the form: the preview is stale.
func (s *intakeScreen) onEdit() {
	s.latest = nil
	if s.status.Visible() && !s.hasErrors() {
		s.setStatus("")
	}
	s.preview.call(s.runPreview)
}

// previewed is what the store says of the form as it stands.
type previewed struct {
	dossier data.Dossier // Code "" unless the request would be saved
	err     error        // why it would not
	due     time.Time    // the due date its time limit gives, zero when unknown
	days    int
}

// runPreview asks the store what saving the form would do.
func (s *intakeScreen) runPreview() {
	if s.cancelPreview != nil {
		s.cancelPreview()
	}
	if s.proc.Code == "" {
		s.showPreview(previewed{}, nil)
		return
	}
	req, bad, sent := s.request()
	ctx, cancel := context.WithCancel(s.u.ctx)
	s.cancelPreview = cancel
	background(&s.u.jobs, ctx, func(ctx context.Context) (previewed, error) {
		pv, err := s.u.desk.Preview(ctx, req)
		if err != nil {
			return previewed{}, err
		}
		r := previewed{dossier: pv.Dossier, due: pv.Dossier.DueDate, days: pv.Dossier.WorkingDays}
		if r.err = merge(bad, pv.Invalid); r.err != nil {
			r.dossier.Code = "" // not until the form is right
		}
		return r, nil
	}, func(r previewed, err error) {
		if ctx.Err() != nil {
			return // the form changed since
		}
		cancel()
		s.showPreview(r, err)
		if r.err != nil {
			s.latest = s.messages(r.err, sent)
			s.markTyped()
		} else if err == nil {
			s.latest = map[string]string{}
		}
	})
}

// showPreview shows the code and due date the dossier would get, or
// what is still missing.
func (s *intakeScreen) showPreview(r previewed, err error) {
	s.previewNote.Importance = widget.LowImportance
	switch {
	case s.proc.Code == "":
		s.previewCode.SetText(lang.L("intake.preview.code", map[string]any{"Code": "—"}))
		s.previewDue.SetText("")
		s.previewNote.SetText(lang.L("intake.preview.choose"))
	case err != nil:
		s.previewCode.SetText(lang.L("intake.preview.code", map[string]any{"Code": "—"}))
		s.previewDue.SetText("")
		s.previewNote.Importance = widget.DangerImportance
		s.previewNote.SetText(errorSummary(err))
	default:
		code := r.dossier.Code
		if code == "" {
			code = lang.L("intake.preview.codeLater")
		}
		s.previewCode.SetText(lang.L("intake.preview.code", map[string]any{"Code": code}))
		if r.due.IsZero() {
			s.previewDue.SetText(lang.L("intake.preview.noDue"))
		} else {
			s.previewDue.SetText(lang.L("intake.preview.due", map[string]any{"Date": longDate(r.due)}))
		}
		days := lang.N("catalog.workingDays", r.days, map[string]any{"Count": r.days})
		if r.err == nil {
			s.previewNote.Importance = widget.SuccessImportance
			s.previewNote.SetText(lang.L("intake.preview.ready", map[string]any{"Days": days}))
		} else {
			s.previewNote.SetText(s.missing(r.err, days, r.due.IsZero()))
		}
	}
	s.previewNote.Refresh()
}

// missing says which fields are still empty or wrong.
func (s *intakeScreen) missing(err error, days string, noDue bool) string {
	bad, _ := fieldErrors(err)
	var names []string
	for _, in := range s.inputs {
		if _, ok := bad[in.name]; ok {
			names = append(names, in.label)
		}
	}
	if _, ok := bad[intake.FieldDocuments]; !ok {
		for name := range bad {
			if strings.HasPrefix(name, intake.FieldDocuments+"[") { // a paper's count
				names = append(names, lang.L("intake.documents"))
				break
			}
		}
	}
	text := lang.L("intake.preview.missing", map[string]any{"Fields": strings.Join(names, ", ")})
	if !noDue {
		text = days + ". " + text
	}
	return text
}

// longDate is a date with its weekday: "Thứ sáu, 15/01/2027".
func longDate(t time.Time) string {
	t = t.In(data.Zone)
	return weekdayName(t.Weekday()) + ", " + t.Format("02/01/2006")
}

// messages maps err's field messages to field names, the documents'
// names shifted to the checklist rows they came from.
func (s *intakeScreen) messages(err error, sent []*docRow) map[string]string {
	bad, _ := fieldErrors(err)
	out := make(map[string]string, len(bad))
	for name, msg := range bad {
		out[name] = msg
	}
	for i, r := range sent {
		for _, part := range []string{"name", "originals"} {
			if msg, ok := bad[docField(i, part)]; ok {
				out[rowKey(r)] = msg
			}
		}
	}
	return out
}

// rowKey names a checklist row among the messages.
func rowKey(r *docRow) string { return fmt.Sprintf("row %p", r) }

// markTyped marks the fields the officer has typed into and left, when
// the latest preview found them wrong: a field still empty is only
// marked when saving.
func (s *intakeScreen) markTyped() {
	focused := s.u.win.Canvas().Focused()
	changed := false
	for _, in := range s.inputs {
		msg, ok := s.latest[in.name]
		if !ok {
			continue
		}
		switch {
		case in.entry == nil && in.name == intake.FieldChannel:
			in.msg.SetText(msg)
			in.msg.Show()
			changed = true
		case in.entry != nil && strings.TrimSpace(in.entry.Text) != "" && fyne.Focusable(in.entry) != focused:
			showFieldError(&in.entry.Entry, in.msg, msg)
			changed = true
		}
	}
	for _, r := range s.docs {
		if msg, ok := s.latest[rowKey(r)]; ok && focused != fyne.Focusable(r.originals) && focused != fyne.Focusable(r.copies) {
			showFieldError(&r.originals.Entry, r.msg, msg)
			changed = true
		}
	}
	if changed {
		s.relayout()
	}
}

// markLatest marks a field the cursor leaves when the latest preview, of
// the form as it stands, found it wrong.
func (s *intakeScreen) markLatest(in *intakeInput) {
	if in == nil || in.entry == nil || s.latest == nil || strings.TrimSpace(in.entry.Text) == "" {
		return
	}
	if msg, ok := s.latest[in.name]; ok && !in.msg.Visible() {
		showFieldError(&in.entry.Entry, in.msg, msg)
		s.relayout()
	}
}

// --- Errors ---

func (s *intakeScreen) clearInputError(in *intakeInput) {
	if in == nil || !in.msg.Visible() {
		return
	}
	if in.entry != nil {
		clearFieldError(&in.entry.Entry, in.msg)
	} else {
		in.msg.SetText("")
		in.msg.Hide()
	}
	s.relayout()
}

func (s *intakeScreen) hasErrors() bool {
	for _, in := range s.inputs {
		if in.msg.Visible() {
			return true
		}
	}
	for _, r := range s.docs {
		if r.msg.Visible() {
			return true
		}
	}
	return false
}

// showErrors marks every bad field, says why under the save button and
// puts the cursor in the first bad field; any other error goes to a
// dialog.
func (s *intakeScreen) showErrors(err error, sent []*docRow) {
	if _, ok := fieldErrors(err); !ok {
		s.u.showError(err)
		return
	}
	msgs := s.messages(err, sent)
	shown := map[string]bool{}
	for _, in := range s.inputs {
		msg, ok := msgs[in.name]
		if !ok {
			continue
		}
		shown[in.name] = true
		if in.entry != nil {
			showFieldError(&in.entry.Entry, in.msg, msg)
		} else {
			in.msg.SetText(msg)
			in.msg.Show()
		}
	}
	for i, r := range sent {
		if msg, ok := msgs[rowKey(r)]; ok {
			shown[docField(i, "name")], shown[docField(i, "originals")] = true, true
			showFieldError(&r.originals.Entry, r.msg, msg)
		}
	}
	summary := errorSummary(err)
	var de *data.Error
	errors.As(err, &de)
	for _, f := range de.Fields {
		if !shown[f.Field] { // a field the screen does not have
			summary += "\n" + capitalize(f.Message)
		}
	}
	s.setStatus(summary)
	if f := s.firstBad(); f != nil {
		s.u.win.Canvas().Focus(f)
	}
}

// firstBad is the first input, in screen order, that shows an error and
// can take the cursor.
func (s *intakeScreen) firstBad() fyne.Focusable {
	for _, in := range s.inputs {
		if in.name == intake.FieldSets { // the checklist's rows come first
			for _, r := range s.docs {
				if r.msg.Visible() {
					return r.originals
				}
			}
		}
		switch {
		case !in.msg.Visible():
		case in.entry != nil:
			return in.entry
		case in.name == intake.FieldDocuments && len(s.docs) > 0:
			return s.docs[0].check
		}
	}
	return nil
}

// setStatus writes the line under the save button; "" hides it.
func (s *intakeScreen) setStatus(text string) {
	s.showLine(s.status, text)
}

// showLine writes a message line, hidden while empty, and lays the
// screen out again.
func (s *intakeScreen) showLine(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
	s.relayout()
}

// relayout lays the screen out again as messages come and go.
func (s *intakeScreen) relayout() {
	s.form.Refresh()
	s.docList.Refresh()
	if c, ok := s.content.(*fyne.Container); ok {
		c.Refresh()
	}
}

// --- Scanning ---

// scanInto takes an ID card QR that a scanner typed into e: on its Enter
// (submitted), or as soon as it is complete. The entry gets its text back
// and the applicant is filled. It reports whether text held a scan.
func (s *intakeScreen) scanInto(e *intakeField, text string, submitted bool) bool {
	start, end, complete, ok := scan.FindIDCard(text)
	if !ok || (!submitted && !complete) {
		return false
	}
	e.SetText(text[:start] + text[end:])
	s.fillFromScan(scan.Parse(text[start:end]))
	if !submitted {
		s.expectEnter() // after the fields' changes, which end the wait
	}
	return true
}

// expectEnter takes the next Enter, if it comes at once, as the end of
// a scan already read: it may come to the field the cursor moved to.
func (s *intakeScreen) expectEnter() {
	s.scanUntil = time.Now().Add(scanEnterWindow)
}

// enterOfScan reports whether an Enter ends a scan already read.
func (s *intakeScreen) enterOfScan() bool {
	if s.scanUntil.IsZero() || time.Now().After(s.scanUntil) {
		return false
	}
	s.scanUntil = time.Time{}
	return true
}

// onScanField reads what the scan field received.
func (s *intakeScreen) onScanField(text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	s.scanField.SetText("")
	s.fillFromScan(scan.Parse(text))
}

// fillFromScan puts an ID card's fields in the applicant's, for the
// officer to check against the card.
func (s *intakeScreen) fillFromScan(r scan.Result) {
	switch {
	case r.Kind == scan.KindIDCard && r.IDCard != nil:
		c := r.IDCard
		born := ""
		if !c.BirthDate.IsZero() {
			born = c.BirthDate.Format("02/01/2006")
		}
		s.name.SetText(c.Name)
		s.idNumber.SetText(c.Number)
		s.birth.SetText(born)
		s.address.SetText(c.Address)
		s.setBanner(lang.L("intake.scan.read", map[string]any{"Name": c.Name, "ID": c.Number, "Birth": born}), widget.SuccessImportance)
		s.u.win.Canvas().Focus(s.phone)
	case r.Kind == scan.KindIDCard:
		s.setBanner(lang.L("intake.scan.bad", map[string]any{"Reason": r.Reason}), widget.DangerImportance)
	case r.Kind == scan.KindUnknown:
		s.setBanner(r.Reason, widget.DangerImportance)
	default:
		s.setBanner(lang.L("intake.scan.notCard"), widget.WarningImportance)
	}
}

// setBanner writes the line over the applicant; "" hides it.
func (s *intakeScreen) setBanner(text string, imp widget.Importance) {
	s.banner.Importance = imp
	s.showLine(s.banner, text)
}

// onScanShortcut (Ctrl+K) puts the cursor in the scan field.
func (s *intakeScreen) onScanShortcut() {
	s.u.win.Canvas().Focus(s.scanField)
}

// onNew (Ctrl+N) clears the form for the next citizen.
func (s *intakeScreen) onNew() {
	s.clear()
	s.u.show(sectionIntake)
	s.u.win.Canvas().Focus(s.procedure)
}

// clear empties the form: no procedure, no papers, no applicant, at the
// counter both ways, one set.
func (s *intakeScreen) clear() {
	if s.cancelPreview != nil {
		s.cancelPreview()
	}
	s.proc = data.Procedure{}
	s.found = nil
	s.matches.Refresh()
	s.docs = nil
	s.docList.Objects = nil
	s.docList.Refresh()
	for _, e := range []*intakeField{s.procedure, s.days, s.extra, s.name, s.idNumber, s.birth, s.phone, s.email, s.address, s.postalItem, s.returnAddress} {
		e.SetText("")
	}
	s.sets.SetText("1")
	s.channel.SetSelected(s.channel.Options[0])
	s.returnMethod.SetSelected(s.returnMethod.Options[0])
	showRow(s.postalLabel, s.postalRow, false)
	showRow(s.returnLabel, s.returnRow, false)
	for _, in := range s.inputs {
		s.clearInputError(in)
	}
	s.setBanner("", widget.MediumImportance)
	s.setStatus("")
	s.showProcedure()
	s.closeMatches()
	s.preview.stop() // the SetTexts asked for one
	s.latest = nil
	s.showPreview(previewed{}, nil)
}
