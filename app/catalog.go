package app

import (
	"context"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
)

// catalogScreen lists the procedures, searches them as the officer types,
// shows one in detail and lets an administrator set its time limit.
type catalogScreen struct {
	u *UI

	search    *keyEntry
	count     *widget.Label
	list      *widget.List
	importBtn *widget.Button
	progress  *widget.ProgressBarInfinite
	busy      *widget.Label

	// procs are the procedures the list shows, in its order.
	procs []data.Procedure
	// shown is the procedure in the detail panel; its Code is "" when none.
	shown        data.Procedure
	cancelSearch context.CancelFunc

	placeholder *widget.Label // instead of the detail when nothing is chosen
	detail      *fyne.Container
	title       *widget.Label
	meta        *widget.Label
	limitText   *widget.Label
	review      *widget.Label
	days        *keyEntry
	daysErr     *widget.Label
	cutoff      *keyEntry
	cutoffErr   *widget.Label
	saveLimit   *widget.Button
	limitStatus *widget.Label
	fees        *widget.Label
	postal      *widget.Label
	docs        *fyne.Container

	content fyne.CanvasObject
}

func newCatalogScreen(u *UI) *catalogScreen {
	s := &catalogScreen{u: u}
	s.search = newKeyEntry(u)
	s.search.SetPlaceHolder(lang.L("catalog.search.placeholder"))
	s.search.OnChanged = s.onSearch
	s.search.OnSubmitted = func(string) { s.onSearchSubmitted() }
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.list = widget.NewList(s.length, s.createRow, s.updateRow)
	s.list.OnSelected = s.onSelect
	s.importBtn = widget.NewButtonWithIcon(lang.L("catalog.import"), theme.FolderOpenIcon(), s.onImport)
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()
	s.busy = widget.NewLabel("")
	s.busy.Hide()

	top := container.NewVBox(s.search, s.count)
	// Objects go in the order Tab visits them: search, list, the
	// detail's fields, then import.
	left := container.New(layout.NewBorderLayout(top, nil, nil, nil), top, s.list)
	split := container.NewHSplit(left, s.newDetail())
	split.Offset = 0.5
	bar := container.NewBorder(nil, nil, nil, s.importBtn, container.NewVBox(s.busy, s.progress))
	s.content = container.New(layout.NewBorderLayout(nil, bar, nil, nil), split, bar)
	return s
}

func (s *catalogScreen) newDetail() fyne.CanvasObject {
	wrapped := func(style fyne.TextStyle) *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, style)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	heading := func(key string) *widget.Label {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	errLabel := func() *widget.Label {
		l := wrapped(fyne.TextStyle{})
		l.Importance = widget.DangerImportance
		l.Hide()
		return l
	}
	s.title = wrapped(fyne.TextStyle{Bold: true})
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.meta = wrapped(fyne.TextStyle{})
	s.meta.Importance = widget.LowImportance
	s.limitText = wrapped(fyne.TextStyle{})
	s.review = wrapped(fyne.TextStyle{Bold: true})
	s.review.Importance = widget.WarningImportance
	s.review.SetText(lang.L("catalog.review.hint"))
	s.review.Hide()

	s.days = newKeyEntry(s.u)
	s.days.SetPlaceHolder(lang.L("catalog.days.placeholder"))
	s.days.AlwaysShowValidationError = true
	s.days.OnSubmitted = func(string) { s.onSaveLimit() }
	s.days.OnChanged = func(string) { s.clearLimitError(s.days, s.daysErr) }
	s.daysErr = errLabel()
	s.cutoff = newKeyEntry(s.u)
	s.cutoff.SetPlaceHolder(lang.L("catalog.cutoff.placeholder"))
	s.cutoff.AlwaysShowValidationError = true
	s.cutoff.OnSubmitted = func(string) { s.onSaveLimit() }
	s.cutoff.OnChanged = func(string) { s.clearLimitError(s.cutoff, s.cutoffErr) }
	s.cutoffErr = errLabel()
	s.saveLimit = widget.NewButtonWithIcon(lang.L("catalog.limit.save"), theme.DocumentSaveIcon(), s.onSaveLimit)
	s.saveLimit.Importance = widget.HighImportance
	s.limitStatus = wrapped(fyne.TextStyle{})
	s.limitStatus.Hide()
	s.fees = wrapped(fyne.TextStyle{})
	s.postal = wrapped(fyne.TextStyle{})
	s.docs = container.NewVBox()

	limitForm := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("catalog.days")), container.NewVBox(s.days, s.daysErr),
		widget.NewLabel(lang.L("catalog.cutoff")), container.NewVBox(s.cutoff, s.cutoffErr),
	)
	s.detail = container.NewVBox(
		s.title, s.meta,
		widget.NewSeparator(),
		heading("catalog.limit"), s.limitText, s.review, limitForm,
		container.NewHBox(s.saveLimit), s.limitStatus,
		widget.NewSeparator(),
		heading("catalog.fees"), s.fees,
		heading("catalog.postal"), s.postal,
		widget.NewSeparator(),
		heading("catalog.documents"), s.docs,
	)
	s.detail.Hide()
	s.placeholder = widget.NewLabel(lang.L("catalog.choose"))
	s.placeholder.Importance = widget.LowImportance
	return container.NewVScroll(container.NewPadded(container.NewVBox(s.placeholder, s.detail)))
}

func (s *catalogScreen) length() int { return len(s.procs) }

// A row: code | name over field, with the time limit at the end.
func (s *catalogScreen) createRow() fyne.CanvasObject {
	code := widget.NewLabelWithStyle("0.000000", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	field := widget.NewLabel("")
	field.Truncation = fyne.TextTruncateEllipsis
	field.Importance = widget.LowImportance
	field.SizeName = theme.SizeNameCaptionText
	limit := widget.NewLabel("")
	limit.SizeName = theme.SizeNameCaptionText
	second := container.NewBorder(nil, nil, nil, limit, field)
	return container.NewBorder(nil, nil, code, nil,
		container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), name, second))
}

func (s *catalogScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.procs) {
		return
	}
	p := s.procs[id]
	row := o.(*fyne.Container)
	lines := row.Objects[0].(*fyne.Container)
	second := lines.Objects[1].(*fyne.Container)
	row.Objects[1].(*widget.Label).SetText(p.Code)
	lines.Objects[0].(*widget.Label).SetText(p.Name)
	second.Objects[0].(*widget.Label).SetText(p.Field)
	showLimit(second.Objects[1].(*widget.Label), p, widget.MediumImportance)
}

// showLimit writes a procedure's time limit into a list row's label, in
// the warning colour while it still needs review.
func showLimit(l *widget.Label, p data.Procedure, normal widget.Importance) {
	l.Importance = normal
	if p.NeedsReview() {
		l.Importance = widget.WarningImportance
	}
	l.SetText(limitLabel(p))
}

// limitLabel says a procedure's time limit as the list shows it.
func limitLabel(p data.Procedure) string {
	if p.WorkingDays == nil {
		return lang.L("catalog.needsReview")
	}
	n := *p.WorkingDays
	s := lang.N("catalog.workingDays", n, map[string]any{"Count": n})
	if p.SameDayCutoff != "" {
		s += " · " + lang.L("catalog.cutoffShort", map[string]any{"Cutoff": p.SameDayCutoff})
	}
	return s
}

// start loads the list; with sample, it first imports the sample
// catalogue when the catalogue is empty (a new office).
func (s *catalogScreen) start(sample bool) {
	if !sample {
		s.load()
		return
	}
	s.setBusy(lang.L("catalog.sample.loading"))
	background(&s.u.jobs, s.u.ctx, s.u.desk.ImportSample, func(_ bool, err error) {
		s.setBusy("")
		if err != nil {
			s.u.showError(err)
		}
		s.load()
	})
}

// load lists the procedures matching the search text.
func (s *catalogScreen) load() {
	if s.cancelSearch != nil {
		s.cancelSearch()
	}
	ctx, cancel := context.WithCancel(s.u.ctx)
	s.cancelSearch = cancel
	text := s.search.Text
	background(&s.u.jobs, ctx, func(ctx context.Context) ([]data.Procedure, error) {
		return s.u.desk.Procedures(ctx, text)
	}, func(ps []data.Procedure, err error) {
		if ctx.Err() != nil {
			return // a newer search has replaced this one
		}
		cancel()
		if err != nil {
			s.u.showError(err)
			return
		}
		s.show(ps)
	})
}

// show puts ps in the list, keeping the chosen procedure chosen.
func (s *catalogScreen) show(ps []data.Procedure) {
	s.procs = ps
	s.updateCount()
	s.list.UnselectAll()
	s.list.Refresh()
	if i := s.indexOf(s.shown.Code); i >= 0 {
		s.list.Select(i)
	}
}

// updateCount says how many procedures the list shows and how many of
// them still need a time limit.
func (s *catalogScreen) updateCount() {
	n, review := len(s.procs), 0
	for _, p := range s.procs {
		if p.NeedsReview() {
			review++
		}
	}
	switch {
	case n == 0:
		s.count.SetText(lang.L("catalog.none"))
	case review > 0:
		s.count.SetText(lang.N("catalog.countReview", n, map[string]any{"Count": n, "Review": review}))
	default:
		s.count.SetText(lang.N("catalog.count", n, map[string]any{"Count": n}))
	}
}

func (s *catalogScreen) indexOf(code string) int {
	if code == "" {
		return -1
	}
	for i, p := range s.procs {
		if p.Code == code {
			return i
		}
	}
	return -1
}

func (s *catalogScreen) onSearch(string) { s.load() }

// onSearchSubmitted (Enter in the search) chooses the first result and
// moves to the list, where the arrow keys go on.
func (s *catalogScreen) onSearchSubmitted() {
	if len(s.procs) == 0 {
		return
	}
	if s.indexOf(s.shown.Code) < 0 {
		s.list.Select(0)
	}
	s.u.win.Canvas().Focus(s.list)
}

// clearLimitError clears a time-limit field's error once it is edited.
func (s *catalogScreen) clearLimitError(e *keyEntry, l *widget.Label) {
	if clearFieldError(e, l) {
		s.detail.Refresh()
	}
}

func (s *catalogScreen) onSelect(id widget.ListItemID) {
	if id < 0 || id >= len(s.procs) {
		return
	}
	if p := s.procs[id]; p.Code != s.shown.Code {
		s.setLimitStatus("", widget.MediumImportance)
		s.showDetail(p)
	}
}

// showDetail fills the detail panel with p.
func (s *catalogScreen) showDetail(p data.Procedure) {
	s.shown = p
	s.placeholder.Hide()
	s.title.SetText(p.Name)
	meta := []string{lang.L("catalog.code", map[string]any{"Code": p.Code})}
	for _, v := range []string{p.Field, p.Level} {
		if v != "" {
			meta = append(meta, v)
		}
	}
	s.meta.SetText(strings.Join(meta, " · "))
	published := p.TimeLimitText
	if published == "" {
		published = lang.L("catalog.notPublished")
	}
	s.limitText.SetText(lang.L("catalog.published", map[string]any{"Text": published}))
	if p.NeedsReview() {
		s.review.Show()
		s.days.SetText("")
	} else {
		s.review.Hide()
		s.days.SetText(strconv.Itoa(*p.WorkingDays))
	}
	s.cutoff.SetText(p.SameDayCutoff)
	clearFieldError(s.days, s.daysErr)
	clearFieldError(s.cutoff, s.cutoffErr)
	fees := p.FeesText
	if fees == "" {
		fees = lang.L("catalog.notPublished")
	}
	s.fees.SetText(fees)
	if p.PostalAllowed {
		s.postal.SetText(lang.L("Yes"))
	} else {
		s.postal.SetText(lang.L("No"))
	}
	s.docs.Objects = nil
	group := ""
	for _, d := range p.Documents {
		if d.Case != "" && d.Case != group {
			group = d.Case
			s.docs.Add(widget.NewLabelWithStyle(group, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		}
		text := "• " + d.Name
		if c := copiesText(d); c != "" {
			text += " — " + c
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		s.docs.Add(l)
	}
	if len(p.Documents) == 0 {
		s.docs.Add(widget.NewLabel(lang.L("catalog.notPublished")))
	}
	s.detail.Show()
	s.detail.Refresh() // texts changed height: lay the panel out again
}

// copiesText says how many originals and copies a document needs.
func copiesText(d data.RequiredDocument) string {
	var parts []string
	if d.Originals > 0 {
		parts = append(parts, lang.N("catalog.originals", d.Originals, map[string]any{"Count": d.Originals}))
	}
	if d.Copies > 0 {
		parts = append(parts, lang.N("catalog.copies", d.Copies, map[string]any{"Count": d.Copies}))
	}
	if len(parts) == 0 {
		return d.CopiesText
	}
	return strings.Join(parts, ", ")
}

// onSaveLimit stores the working days and same-day cutoff typed for the
// procedure on show.
func (s *catalogScreen) onSaveLimit() {
	code := s.shown.Code
	if code == "" {
		return
	}
	var (
		tl  data.TimeLimit
		bad data.Fields
	)
	switch t := strings.TrimSpace(s.days.Text); {
	case t == "" && s.shown.NeedsReview():
		bad.Add("working-days", "%s", lang.L("catalog.days.missing"))
	case t != "":
		n, err := strconv.Atoi(t)
		if err != nil {
			bad.Add("working-days", "%s", lang.L("catalog.days.notNumber"))
		}
		tl.WorkingDays = &n
	}
	cutoff := clock(s.cutoff.Text)
	tl.SameDayCutoff = &cutoff
	if err := bad.Err(lang.L("catalog.limit.invalid")); err != nil {
		s.showLimitErrors(err)
		return
	}
	s.saveLimit.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Procedure, error) {
		return s.u.desk.SetTimeLimit(ctx, code, tl)
	}, func(p data.Procedure, err error) {
		s.saveLimit.Enable()
		if err != nil {
			s.showLimitErrors(err)
			return
		}
		if i := s.indexOf(code); i >= 0 {
			s.procs[i] = p
			s.list.RefreshItem(i)
			s.updateCount()
		}
		if s.shown.Code == code {
			s.setLimitStatus(lang.L("catalog.limit.saved", map[string]any{"Limit": limitLabel(p)}), widget.SuccessImportance)
			s.showDetail(p)
		}
	})
}

// clock accepts "8:00" for "08:00" and "8h30" for "08:30".
func clock(s string) string {
	s = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "h", ":")
	if strings.HasSuffix(s, ":") {
		s += "00"
	}
	if i := strings.IndexByte(s, ':'); i == 1 {
		s = "0" + s
	}
	return s
}

func (s *catalogScreen) showLimitErrors(err error) {
	bad, ok := fieldErrors(err)
	if !ok {
		s.setLimitStatus("", widget.MediumImportance)
		s.detail.Refresh()
		s.u.showError(err)
		return
	}
	s.setLimitStatus(errorSummary(err), widget.DangerImportance)
	showFieldError(s.days, s.daysErr, bad["working-days"])
	showFieldError(s.cutoff, s.cutoffErr, bad["same-day-cutoff"])
	s.detail.Refresh()
	switch {
	case bad["working-days"] != "":
		s.u.win.Canvas().Focus(s.days)
	case bad["same-day-cutoff"] != "":
		s.u.win.Canvas().Focus(s.cutoff)
	}
}

// setLimitStatus says how saving the time limit went; "" hides it. The
// caller lays the panel out again.
func (s *catalogScreen) setLimitStatus(text string, imp widget.Importance) {
	s.limitStatus.Importance = imp
	s.limitStatus.SetText(text)
	if text == "" {
		s.limitStatus.Hide()
	} else {
		s.limitStatus.Show()
	}
}

// onImport asks for a catalogue file and imports it.
func (s *catalogScreen) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		switch {
		case err != nil:
			s.u.showError(err)
		case r != nil:
			s.importFile(r.URI().Name(), r)
		}
	}, s.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".csv"}))
	d.Resize(fyne.NewSize(900, 600))
	s.u.showDialog(d)
}

// importFile reads a catalogue file (closing it) and imports it whole, or
// shows why it was refused, naming every bad record.
func (s *catalogScreen) importFile(name string, r io.ReadCloser) {
	s.importBtn.Disable()
	s.setBusy(lang.L("catalog.importing", map[string]any{"Name": name}))
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (counter.Imported, error) {
		defer r.Close()
		return s.u.desk.ImportCatalog(ctx, name, r)
	}, func(rep counter.Imported, err error) {
		s.importBtn.Enable()
		s.setBusy("")
		if err != nil {
			s.u.showErrorTitled(lang.L("catalog.import.refused", map[string]any{"Name": name}), err)
			return
		}
		msg := lang.L("catalog.import.done", map[string]any{"Count": rep.Total, "Added": rep.Added, "Updated": rep.Updated})
		if rep.KeptLocal > 0 {
			msg += "\n" + lang.L("catalog.import.keptLocal", map[string]any{"Count": rep.KeptLocal})
		}
		if rep.Review > 0 {
			msg += "\n" + lang.L("catalog.import.review", map[string]any{"Count": rep.Review})
		}
		s.u.showDialog(dialog.NewInformation(lang.L("catalog.import"), msg, s.u.win))
		s.shown = data.Procedure{}
		s.load()
	})
}

// setBusy shows text with a moving bar while work runs; "" hides them.
func (s *catalogScreen) setBusy(text string) {
	if text == "" {
		s.busy.Hide()
		s.progress.Stop()
		s.progress.Hide()
		return
	}
	s.busy.SetText(text)
	s.busy.Show()
	s.progress.Show()
	s.progress.Start()
}
