package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/platform"
)

// manifestsScreen keeps the postal hand-over manifests: it opens one,
// takes its dossiers from the scanner one after another, signs and
// prints it, reconciles what arrived against it and records the
// delivery of the results the post took to the citizens.
type manifestsScreen struct {
	u *UI
	// print sends a printout to the printer; tests replace it.
	print func(path string) error

	kind        *widget.Select
	carrier     *widget.SelectEntry
	agency      *widget.SelectEntry
	agencyLabel *widget.Label
	openBtn     *widget.Button
	openMsg     *widget.Label
	list        *keyList
	recent      []data.Manifest
	newForm     *fyne.Container
	listHint    *widget.Label

	// m is the manifest on show; its Number is "" when none.
	m           data.Manifest
	placeholder *widget.Label
	detail      *fyne.Container
	title       *widget.Label
	number      *widget.Label
	meta        *widget.Label
	scanLabel   *widget.Label
	scan        *keyEntry
	fee         *keyEntry
	feeBox      *fyne.Container // the fee and its label
	feedback    *scanLog
	items       *keyList
	selected    int // index in m.Items, -1 when none
	totals      *widget.Label

	openBar    *fyne.Container
	remove     *widget.Button
	officer    *widget.SelectEntry
	officerErr *widget.Label
	postal     *widget.SelectEntry
	postalErr  *widget.Label
	closeBtn   *widget.Button

	closedBar    *fyne.Container
	reprint      *widget.Button
	reconcile    *widget.Button
	printRecon   *widget.Button
	delivered    *widget.Button
	failed       *widget.Button
	resultsBack  *widget.Button
	reconResult  *widget.Label
	actionMsg    *banner
	scans        []string // reconciliation scans of the manifest on show
	queue        []string // scans waiting to be added, in order
	adding       bool
	cancelRecent context.CancelFunc

	content fyne.CanvasObject
}

// manifestKinds are the kinds the officer opens, in the order offered.
var manifestKinds = []data.ManifestKind{data.ManifestFromPost, data.ManifestToAgency, data.ManifestToCitizen}

func kindName(k data.ManifestKind) string { return lang.X("manifest.kind."+string(k), string(k)) }

// Widths of the item rows' columns: number, dossier (the rest),
// documents, postal item, fee, delivery or reconciliation.
var itemColumns = columns{36, 0, 140, 140, 90, 120}

func newManifestsScreen(u *UI) *manifestsScreen {
	s := &manifestsScreen{u: u, print: platform.Print, selected: -1}
	var reopen string
	if old := u.manifests; old != nil { // the window is built again in another language
		s.print, reopen = old.print, old.m.Number
	}
	split := container.NewHSplit(s.newLeft(), s.newDetail())
	split.Offset = 0.28
	s.content = split
	s.loadNames()
	s.reloadRecent()
	if reopen != "" {
		s.open(reopen)
	}
	return s
}

func (s *manifestsScreen) newLeft() fyne.CanvasObject {
	var names []string
	for _, k := range manifestKinds {
		names = append(names, kindName(k))
	}
	s.kind = widget.NewSelect(names, func(string) { s.showAgencyField() })
	s.kind.PlaceHolder = lang.L("manifest.kind.choose")
	s.carrier = widget.NewSelectEntry(nil)
	s.carrier.SetPlaceHolder(lang.L("manifest.carrier.placeholder"))
	s.carrier.OnSubmitted = func(string) { s.onOpen() }
	s.agency = widget.NewSelectEntry(nil)
	s.agency.SetPlaceHolder(lang.L("manifest.agency.placeholder"))
	s.agency.OnSubmitted = func(string) { s.onOpen() }
	s.agencyLabel = widget.NewLabel(lang.L("manifest.agency"))
	s.openBtn = widget.NewButtonWithIcon(lang.L("manifest.open"), theme.ContentAddIcon(), s.onOpen)
	s.openBtn.Importance = widget.HighImportance
	s.openMsg = widget.NewLabel("")
	s.openMsg.Wrapping = fyne.TextWrapWord
	s.openMsg.Importance = widget.DangerImportance
	s.openMsg.Hide()
	s.newForm = container.NewVBox(
		widget.NewLabelWithStyle(lang.L("manifest.new"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("manifest.kind")), s.kind,
			widget.NewLabel(lang.L("manifest.carrier")), s.carrier,
			s.agencyLabel, s.agency,
		),
		container.NewHBox(s.openBtn), s.openMsg,
	)
	s.showAgencyField()

	s.list = newKeyList(s.u, func() int { return len(s.recent) }, func() fyne.CanvasObject {
		number := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		state := widget.NewLabel("")
		state.SizeName = theme.SizeNameCaptionText
		kind := widget.NewLabel("")
		kind.Truncation = fyne.TextTruncateEllipsis
		kind.SizeName = theme.SizeNameCaptionText
		return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2),
			container.NewBorder(nil, nil, nil, state, number), kind)
	}, s.updateManifestRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.recent) {
			s.openThenScan(s.recent[id].Number)
		}
		s.list.UnselectAll()
	}
	s.listHint = note("")
	top := container.NewVBox(s.newForm, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("manifest.recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.listHint)
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *manifestsScreen) updateManifestRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.recent) {
		return
	}
	m := s.recent[id]
	lines := o.(*fyne.Container).Objects
	first := lines[0].(*fyne.Container)
	first.Objects[0].(*widget.Label).SetText(m.Number)
	state := first.Objects[1].(*widget.Label)
	n := len(m.Items)
	if m.Status == data.ManifestOpen {
		state.Importance = widget.HighImportance
		state.SetText(lang.N("manifest.state.open", n, map[string]any{"Count": n}))
	} else {
		state.Importance = widget.LowImportance
		state.SetText(lang.N("manifest.state.closed", n, map[string]any{"Count": n, "Time": m.ClosedAt.Format("15:04 02/01")}))
	}
	what := kindName(m.Kind)
	if other := strings.TrimSpace(m.Agency + " " + m.Carrier); other != "" {
		what += " · " + other
	}
	lines[1].(*widget.Label).SetText(what)
}

func (s *manifestsScreen) newDetail() fyne.CanvasObject {
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.Wrapping = fyne.TextWrapWord
	s.number = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	s.number.SizeName = theme.SizeNameSubHeadingText
	s.meta = widget.NewLabel("")
	s.meta.Wrapping = fyne.TextWrapWord
	s.meta.Importance = widget.LowImportance

	s.scanLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.scan = newKeyEntry(s.u)
	s.scan.OnSubmitted = s.onScan
	s.fee = newKeyEntry(s.u)
	s.fee.SetPlaceHolder("0")
	s.fee.OnSubmitted = func(string) { s.u.win.Canvas().Focus(s.scan) }
	s.feeBox = container.NewHBox(widget.NewLabel(lang.L("manifest.fee")),
		container.NewGridWrap(fyne.NewSize(120, s.fee.MinSize().Height), s.fee))
	scanRow := container.NewBorder(nil, nil, s.scanLabel, s.feeBox, s.scan)
	s.feedback = newScanLog(3)

	header := container.New(itemColumns, bold("#"), bold(lang.L("manifest.col.dossier")), bold(lang.L("manifest.col.documents")),
		bold(lang.L("manifest.col.postalItem")), bold(lang.L("manifest.col.fee")), bold(lang.L("manifest.col.state")))
	s.items = newKeyList(s.u, func() int { return len(s.m.Items) }, s.createItemRow, s.updateItemRow)
	s.items.OnSelected = func(id widget.ListItemID) { s.selected = id; s.showButtons() }
	s.items.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.showButtons() }
	s.totals = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.totals.Wrapping = fyne.TextWrapWord

	s.remove = widget.NewButtonWithIcon(lang.L("manifest.remove"), theme.DeleteIcon(), s.onRemove)
	s.officer = widget.NewSelectEntry(nil)
	s.officer.SetPlaceHolder(lang.L("manifest.officer.placeholder"))
	s.officer.OnSubmitted = func(string) { s.u.win.Canvas().Focus(s.postal) }
	s.officerErr = errorLine()
	s.postal = widget.NewSelectEntry(nil)
	s.postal.SetPlaceHolder(lang.L("manifest.postal.placeholder"))
	s.postal.OnSubmitted = func(string) { s.onClose() }
	s.postalErr = errorLine()
	for _, f := range []struct {
		e   *widget.SelectEntry
		msg *widget.Label
	}{{s.officer, s.officerErr}, {s.postal, s.postalErr}} {
		f.e.OnChanged = func(string) {
			if clearFieldError(&f.e.Entry, f.msg) {
				s.detail.Refresh()
			}
		}
	}
	s.closeBtn = widget.NewButtonWithIcon(lang.L("manifest.close"), theme.DocumentPrintIcon(), s.onClose)
	s.closeBtn.Importance = widget.HighImportance
	signer := func(key string, e *widget.SelectEntry, msg *widget.Label) fyne.CanvasObject {
		return container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L(key)), nil, e), msg)
	}
	s.openBar = container.NewBorder(nil, nil, nil, container.NewVBox(s.closeBtn),
		container.NewGridWithColumns(2, signer("manifest.officer", s.officer, s.officerErr), signer("manifest.postal", s.postal, s.postalErr)))

	s.reprint = widget.NewButtonWithIcon(lang.L("manifest.reprint"), theme.DocumentPrintIcon(), func() { s.onPrint(false) })
	s.reconcile = widget.NewButtonWithIcon(lang.L("manifest.reconcile"), theme.ConfirmIcon(), s.onReconcile)
	s.printRecon = widget.NewButtonWithIcon(lang.L("manifest.printReconciliation"), theme.DocumentPrintIcon(), func() { s.onPrint(true) })
	s.delivered = widget.NewButton(lang.L("manifest.delivered"), func() { s.onDelivery(true) })
	s.failed = widget.NewButton(lang.L("manifest.failed"), func() { s.onDelivery(false) })
	s.resultsBack = widget.NewButton(lang.L("manifest.resultsBack"), s.onResultsBack)
	s.reconResult = widget.NewLabel("")
	s.reconResult.Wrapping = fyne.TextWrapWord
	s.reconResult.Hide()
	s.closedBar = container.NewVBox(
		container.NewHBox(s.reprint, s.reconcile, s.printRecon, s.delivered, s.failed, s.resultsBack),
		s.reconResult,
	)
	s.actionMsg = newBanner()

	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, s.number, s.title), s.meta,
		scanRow, s.feedback.box,
		header,
	)
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, s.remove, s.totals),
		s.openBar, s.closedBar, s.actionMsg.content)
	s.detail = container.NewBorder(top, bottom, nil, nil, s.items)
	s.detail.Hide()
	s.placeholder = widget.NewLabel(lang.L("manifest.choose"))
	s.placeholder.Wrapping = fyne.TextWrapWord
	s.placeholder.Importance = widget.LowImportance
	return container.NewPadded(container.NewStack(container.NewVBox(s.placeholder), s.detail))
}

// An item row: position | applicant over code and procedure |
// documents | postal item | fee | delivery or reconciliation.
func (s *manifestsScreen) createItemRow() fyne.CanvasObject {
	label := func() *widget.Label {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	name := label()
	name.TextStyle = fyne.TextStyle{Bold: true}
	what := label()
	what.SizeName = theme.SizeNameCaptionText
	main := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), name, what)
	return container.New(itemColumns, label(), main, label(), label(), label(), label())
}

func (s *manifestsScreen) updateItemRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.m.Items) {
		return
	}
	it := s.m.Items[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(strconv.Itoa(id + 1))
	main := cells[1].(*fyne.Container).Objects
	main[0].(*widget.Label).SetText(it.Applicant)
	main[1].(*widget.Label).SetText(it.DossierCode + " · " + it.ProcedureName)
	cells[2].(*widget.Label).SetText(lang.L("manifest.documents", map[string]any{"Count": it.Documents, "Originals": it.Originals, "Copies": it.Copies}))
	cells[3].(*widget.Label).SetText(it.PostalItem)
	fee := money(it.Fee)
	if it.Fee == 0 && s.m.Kind == data.ManifestToAgency {
		fee = "" // the citizen pays no postage for these
	}
	cells[4].(*widget.Label).SetText(fee)
	text, imp := s.itemState(it)
	state := cells[5].(*widget.Label)
	state.Importance = imp
	state.SetText(text)
}

// itemState says where an item stands: its delivery for the results the
// post took, else its reconciliation.
func (s *manifestsScreen) itemState(it data.ManifestItem) (string, widget.Importance) {
	if s.m.Kind == data.ManifestToCitizen && s.m.Status == data.ManifestClosed {
		switch it.Outcome {
		case data.DeliveryDelivered:
			return lang.L("manifest.outcome.delivered", map[string]any{"Date": it.OutcomeAt.Format("02/01")}), widget.SuccessImportance
		case data.DeliveryFailed:
			return lang.L("manifest.outcome.failed", map[string]any{"Count": it.Attempts}), widget.WarningImportance
		case data.DeliveryReturning:
			return lang.L("manifest.outcome.returning"), widget.DangerImportance
		}
		return lang.L("manifest.outcome.pending"), widget.MediumImportance
	}
	if r := s.m.Reconciled; r != nil {
		switch {
		case slices.Contains(r.Missing, it.DossierCode):
			return lang.L("manifest.recon.missing"), widget.DangerImportance
		case slices.Contains(r.Scanned, it.DossierCode):
			return lang.L("manifest.recon.arrived"), widget.SuccessImportance
		}
	}
	return "", widget.MediumImportance
}

// money writes đồng with dots between thousands: 25.000 đ.
func money(v int64) string {
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && r != '-' && s[i-1] != '-' {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String() + " đ"
}

// parseMoney reads an amount of đồng written with or without dots,
// spaces or a trailing đ; "" is 0.
func parseMoney(text string) (int64, bool) {
	t := strings.NewReplacer(".", "", ",", "", " ", "", "đ", "", "Đ", "").Replace(strings.TrimSpace(text))
	if t == "" {
		return 0, true
	}
	v, err := strconv.ParseInt(t, 10, 64)
	return v, err == nil && v >= 0
}

// focusable is where the cursor goes when the screen comes forward: the
// scan field of the manifest on show, else the kind of a new one.
func (s *manifestsScreen) focusable() fyne.Focusable {
	if s.m.Number != "" {
		return s.scan
	}
	return s.kind
}

func (s *manifestsScreen) showAgencyField() {
	if s.selectedKind() == data.ManifestToAgency {
		s.agencyLabel.Show()
		s.agency.Show()
	} else {
		s.agencyLabel.Hide()
		s.agency.Hide()
	}
	if s.newForm != nil {
		s.newForm.Refresh()
	}
}

func (s *manifestsScreen) selectedKind() data.ManifestKind {
	if i := s.kind.SelectedIndex(); i >= 0 {
		return manifestKinds[i]
	}
	return ""
}

// loadNames offers the names the office used before.
func (s *manifestsScreen) loadNames() {
	type names struct{ carrier, agency, officer, postal []string }
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (names, error) {
		var n names
		var err error
		for _, r := range []struct {
			role string
			to   *[]string
		}{{"carrier", &n.carrier}, {"agency", &n.agency}, {"officer", &n.officer}, {"postal", &n.postal}} {
			if *r.to, err = s.u.desk.Names(ctx, r.role); err != nil {
				return n, err
			}
		}
		return n, nil
	}, func(n names, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.carrier.SetOptions(n.carrier)
		s.agency.SetOptions(n.agency)
		officers := n.officer
		if me := strings.TrimSpace(s.u.app.Preferences().StringWithFallback(officerPreference, "")); me != "" {
			officers = append([]string{me}, slices.DeleteFunc(officers, func(o string) bool { return o == me })...)
			if s.officer.Text == "" {
				s.officer.SetText(me)
			}
		}
		s.officer.SetOptions(officers)
		s.postal.SetOptions(n.postal)
		if len(n.carrier) > 0 && s.carrier.Text == "" {
			s.carrier.SetText(n.carrier[0])
		}
	})
}

// reloadRecent lists the open manifests and those signed in the last
// 30 days.
func (s *manifestsScreen) reloadRecent() {
	if s.cancelRecent != nil {
		s.cancelRecent()
	}
	ctx, cancel := context.WithCancel(s.u.ctx)
	s.cancelRecent = cancel
	since := s.u.now().AddDate(0, 0, -30)
	background(&s.u.jobs, ctx, func(ctx context.Context) ([]data.Manifest, error) {
		return s.u.desk.Manifests(ctx, since)
	}, func(ms []data.Manifest, err error) {
		if ctx.Err() != nil {
			return // a newer request has replaced this one
		}
		cancel()
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.recent = ms
		if len(ms) == 0 {
			s.listHint.SetText(lang.L("manifest.none"))
		} else {
			s.listHint.SetText(lang.L("manifest.recent.hint"))
		}
		s.list.Refresh()
	})
}

// onOpen opens a new manifest of the kind chosen.
func (s *manifestsScreen) onOpen() {
	kind := s.selectedKind()
	if kind == "" {
		s.setOpenMsg(lang.L("manifest.kind.missing"))
		s.u.win.Canvas().Focus(s.kind)
		return
	}
	carrier, agency := s.carrier.Text, ""
	if kind == data.ManifestToAgency {
		agency = s.agency.Text
	}
	actor := deskOfficer(s.u)
	s.openBtn.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return s.u.desk.OpenManifest(ctx, kind, carrier, agency, actor)
	}, func(m data.Manifest, err error) {
		s.openBtn.Enable()
		if err != nil {
			s.setOpenMsg(s.u.errorText(err))
			return
		}
		s.setOpenMsg("")
		s.show(m)
		s.reloadRecent()
		s.loadNames()
		s.u.win.Canvas().Focus(s.scan)
	})
}

func (s *manifestsScreen) setOpenMsg(text string) {
	s.openMsg.SetText(text)
	s.openMsg.Hidden = text == ""
	s.newForm.Refresh()
}

// open loads a manifest and shows it.
func (s *manifestsScreen) open(number string) { s.load(number, false) }

// openThenScan loads a manifest and puts the cursor in its scan field.
func (s *manifestsScreen) openThenScan(number string) { s.load(number, true) }

func (s *manifestsScreen) load(number string, focus bool) {
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return s.u.desk.Manifest(ctx, number)
	}, func(m data.Manifest, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.show(m)
		if focus {
			s.u.win.Canvas().Focus(s.scan)
		}
	})
}

// show puts a manifest on the screen.
func (s *manifestsScreen) show(m data.Manifest) {
	if m.Number != s.m.Number {
		s.scans, s.queue = nil, nil
		s.feedback.clear()
		s.actionMsg.show("", widget.MediumImportance)
		s.reconResult.Hide()
		s.items.UnselectAll()
		s.selected = -1
	}
	s.m = m
	s.placeholder.Hide()
	s.title.SetText(m.Kind.Title())
	s.number.SetText(m.Number)
	s.meta.SetText(s.metaText())
	open := m.Status == data.ManifestOpen
	if open {
		s.scanLabel.SetText(lang.L("manifest.scan.add"))
		s.scan.SetPlaceHolder(lang.L("manifest.scan.placeholder"))
	} else {
		s.scanLabel.SetText(lang.L("manifest.scan.reconcile"))
		s.scan.SetPlaceHolder(lang.L("manifest.scan.reconcile.placeholder"))
	}
	s.feeBox.Hidden = !open || m.Kind == data.ManifestToAgency
	t := m.Totals()
	s.totals.SetText(lang.L("manifest.totals", map[string]any{
		"Items": t.Items, "Documents": t.Documents, "Originals": t.Originals, "Copies": t.Copies, "Fees": money(t.Fees)}))
	s.openBar.Hidden, s.remove.Hidden, s.closedBar.Hidden = !open, !open, open
	s.showReconciliation()
	s.showButtons()
	s.items.Refresh()
	s.detail.Show()
	s.detail.Refresh()
}

func (s *manifestsScreen) metaText() string {
	m := s.m
	var parts []string
	if m.Agency != "" {
		parts = append(parts, lang.L("manifest.meta.agency", map[string]any{"Agency": m.Agency}))
	}
	if m.Carrier != "" {
		parts = append(parts, lang.L("manifest.meta.carrier", map[string]any{"Carrier": m.Carrier}))
	}
	parts = append(parts, lang.L("manifest.meta.opened", map[string]any{"Time": m.OpenedAt.Format("15:04 02/01/2006")}))
	if m.Status == data.ManifestClosed {
		parts = append(parts, lang.L("manifest.meta.closed", map[string]any{
			"Time": m.ClosedAt.Format("15:04 02/01/2006"), "Officer": m.Officer, "Postal": m.PostalStaff}))
	} else {
		parts = append(parts, lang.L("manifest.meta.open"))
	}
	return strings.Join(parts, " · ")
}

// showButtons enables what the manifest and the chosen item allow.
func (s *manifestsScreen) showButtons() {
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	m := s.m
	var it *data.ManifestItem
	if s.selected >= 0 && s.selected < len(m.Items) {
		it = &m.Items[s.selected]
	}
	enable(s.remove, it != nil)
	enable(s.closeBtn, len(m.Items) > 0)
	enable(s.reconcile, len(s.scans) > 0)
	s.reconcile.SetText(lang.L("manifest.reconcile.count", map[string]any{"Count": len(s.scans)}))
	enable(s.printRecon, m.Reconciled != nil)
	toCitizen := m.Kind == data.ManifestToCitizen
	pending := it != nil && (it.Outcome == data.DeliveryPending || it.Outcome == data.DeliveryFailed)
	for _, b := range []*widget.Button{s.delivered, s.failed} {
		b.Hidden = !toCitizen
		enable(b, pending)
	}
	s.resultsBack.Hidden = m.Kind != data.ManifestToAgency
}

// showReconciliation says what the last reconciliation found.
func (s *manifestsScreen) showReconciliation() {
	r := s.m.Reconciled
	if r == nil {
		s.reconResult.Hide()
		return
	}
	if r.Balanced() {
		s.reconResult.Importance = widget.SuccessImportance
		s.reconResult.SetText(lang.L("manifest.recon.balanced", map[string]any{"Time": r.At.Format("15:04 02/01/2006"), "Count": len(r.Scanned)}))
	} else {
		s.reconResult.Importance = widget.DangerImportance
		text := lang.L("manifest.recon.unbalanced", map[string]any{"Time": r.At.Format("15:04 02/01/2006"),
			"Missing": len(r.Missing), "Unexpected": len(r.Unexpected)})
		if len(r.Missing) > 0 {
			text += "\n" + lang.L("manifest.recon.missingList", map[string]any{"List": strings.Join(r.Missing, ", ")})
		}
		if len(r.Unexpected) > 0 {
			text += "\n" + lang.L("manifest.recon.unexpectedList", map[string]any{"List": strings.Join(r.Unexpected, "; ")})
		}
		s.reconResult.SetText(text)
	}
	s.reconResult.Show()
}

// onScan takes what the scanner typed into the manifest's field: on an
// open manifest it adds the dossier, on a signed one it is kept for the
// reconciliation.
func (s *manifestsScreen) onScan(text string) {
	s.scan.SetText("")
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if s.m.Number == "" {
		s.feedback.add(lang.L("manifest.scan.noManifest"), widget.WarningImportance)
		return
	}
	if s.m.Status == data.ManifestClosed {
		s.scans = append(s.scans, text)
		s.feedback.add(lang.L("manifest.scan.collected", map[string]any{"Count": len(s.scans)}), widget.MediumImportance)
		s.showButtons()
		return
	}
	s.queue = append(s.queue, text)
	s.addNext()
}

// added is what adding one scan to a manifest did.
type added struct {
	item data.ManifestItem
	m    data.Manifest
}

// addNext adds the oldest scan waiting, one at a time, so that the
// items keep the order they were scanned in.
func (s *manifestsScreen) addNext() {
	if s.adding || len(s.queue) == 0 {
		return
	}
	text := s.queue[0]
	s.queue = s.queue[1:]
	var fee int64
	if s.feeBox.Visible() {
		var ok bool
		if fee, ok = parseMoney(s.fee.Text); !ok {
			s.feedback.add(lang.L("manifest.fee.bad", map[string]any{"Fee": s.fee.Text}), widget.DangerImportance)
			s.queue = nil
			s.u.win.Canvas().Focus(s.fee)
			return
		}
	}
	number, actor, desk := s.m.Number, deskOfficer(s.u), s.u.desk
	s.adding = true
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (added, error) {
		m, it, err := desk.AddToManifest(ctx, number, text, data.ManifestAdd{Fee: fee}, actor)
		return added{item: it, m: m}, err
	}, func(a added, err error) {
		s.adding = false
		defer s.addNext()
		switch {
		case err != nil:
			s.feedback.add(lang.L("manifest.refused", map[string]any{"Reason": s.u.errorText(err)}), widget.DangerImportance)
		default:
			n := len(a.m.Items)
			s.feedback.add(lang.N("manifest.added", n, map[string]any{"Code": a.item.DossierCode, "Name": a.item.Applicant, "Count": n}), widget.SuccessImportance)
			if s.m.Number == number {
				s.show(a.m)
				s.items.ScrollToBottom()
			}
			s.updateRecent(a.m)
		}
		if s.m.Number == number {
			s.u.win.Canvas().Focus(s.scan)
		}
	})
}

// updateRecent refreshes a manifest's row in the list.
func (s *manifestsScreen) updateRecent(m data.Manifest) {
	for i := range s.recent {
		if s.recent[i].Number == m.Number {
			s.recent[i] = m
			s.list.RefreshItem(i)
		}
	}
}

// onRemove takes the chosen dossier off the open manifest.
func (s *manifestsScreen) onRemove() {
	if s.selected < 0 || s.selected >= len(s.m.Items) {
		return
	}
	number, code, actor := s.m.Number, s.m.Items[s.selected].DossierCode, deskOfficer(s.u)
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return s.u.desk.RemoveFromManifest(ctx, number, code, actor)
	}, func(m data.Manifest, err error) {
		defer s.u.win.Canvas().Focus(s.scan)
		if err != nil {
			s.feedback.add(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.feedback.add(lang.L("manifest.removed", map[string]any{"Code": code}), widget.MediumImportance)
		s.items.UnselectAll()
		s.show(m)
		s.updateRecent(m)
	})
}

// signed is a manifest just signed and its printout.
type signed struct {
	m data.Manifest
	printed
}

// onClose signs the manifest with both names and the time, and prints it.
func (s *manifestsScreen) onClose() {
	number := s.m.Number
	if number == "" || s.m.Status != data.ManifestOpen {
		return
	}
	officer, postal, print, desk := s.officer.Text, s.postal.Text, s.print, s.u.desk
	s.closeBtn.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (signed, error) {
		m, err := desk.CloseManifest(ctx, number, officer, postal)
		if err != nil {
			return signed{}, err
		}
		path, err := desk.ManifestPDF(ctx, number, m.Officer, false)
		if err != nil {
			return signed{m: m}, err
		}
		return signed{m, printed{path, print(path)}}, nil
	}, func(sg signed, err error) {
		s.closeBtn.Enable()
		if sg.m.Number != "" && s.m.Number == number {
			s.show(sg.m)
			s.updateRecent(sg.m)
			s.loadNames()
		}
		if err != nil {
			bad, _ := fieldErrors(err)
			showFieldError(&s.officer.Entry, s.officerErr, bad["officer"])
			showFieldError(&s.postal.Entry, s.postalErr, bad["postal"])
			msg := s.u.errorText(err)
			if bad != nil {
				msg = errorSummary(err)
			}
			s.actionMsg.show(msg, widget.DangerImportance)
			s.detail.Refresh()
			switch {
			case bad["officer"] != "":
				s.u.win.Canvas().Focus(s.officer)
			case bad["postal"] != "":
				s.u.win.Canvas().Focus(s.postal)
			}
			return
		}
		done := lang.L("manifest.closed", map[string]any{"Number": number, "Time": sg.m.ClosedAt.Format("15:04 02/01/2006")})
		s.actionMsg.show(s.u.printMessage(done, sg.printed), printImportance(sg.printed))
		s.u.win.Canvas().Focus(s.scan)
	})
}

// onPrint prints the manifest again, or its reconciliation.
func (s *manifestsScreen) onPrint(reconciliation bool) {
	number := s.m.Number
	if number == "" {
		return
	}
	actor, print, desk := deskOfficer(s.u), s.print, s.u.desk
	printKept(s.u, print, func(ctx context.Context) (string, error) {
		return desk.ManifestPDF(ctx, number, actor, reconciliation)
	}, func(p printed, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.actionMsg.show(s.u.printMessage(lang.L("manifest.printed", map[string]any{"Number": number}), p), printImportance(p))
	})
}

// onReconcile compares the scans collected with the manifest's items,
// stores the result and shows it.
func (s *manifestsScreen) onReconcile() {
	number, scans := s.m.Number, slices.Clone(s.scans)
	if number == "" || len(scans) == 0 {
		return
	}
	actor, desk := deskOfficer(s.u), s.u.desk
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return desk.Reconcile(ctx, number, scans, actor)
	}, func(m data.Manifest, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		if s.m.Number == number {
			s.scans = nil
			s.feedback.clear()
			s.show(m)
		}
		s.u.win.Canvas().Focus(s.scan)
	})
}

// onDelivery records the outcome of a delivery attempt of the chosen
// result.
func (s *manifestsScreen) onDelivery(delivered bool) {
	if s.selected < 0 || s.selected >= len(s.m.Items) {
		return
	}
	number, code, actor := s.m.Number, s.m.Items[s.selected].DossierCode, deskOfficer(s.u)
	type recorded struct {
		it data.ManifestItem
		m  data.Manifest
	}
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (recorded, error) {
		m, it, err := s.u.desk.RecordDelivery(ctx, number, code, delivered, actor)
		return recorded{it, m}, err
	}, func(r recorded, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		text, imp := s.itemState(r.it)
		s.actionMsg.show(r.it.DossierCode+": "+text, imp)
		sel := s.selected
		s.show(r.m)
		s.items.Select(sel)
		s.u.returns.reloadLists()
	})
}

// onResultsBack marks ready the results of the dossiers this to-agency
// manifest sent.
func (s *manifestsScreen) onResultsBack() {
	number, actor := s.m.Number, deskOfficer(s.u)
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) ([]string, error) {
		return s.u.desk.ResultsBack(ctx, number, actor)
	}, func(codes []string, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		n := len(codes)
		s.actionMsg.show(lang.N("returns.results.manifest", n, map[string]any{"Count": n, "Number": number}), widget.SuccessImportance)
		s.u.returns.reloadLists()
	})
}

// scanLog shows the last few things scans did, newest first, so that a
// refusal stays in sight while the next dossiers are scanned.
type scanLog struct {
	lines []*widget.Label
	box   *fyne.Container
}

func newScanLog(n int) *scanLog {
	l := &scanLog{box: container.New(layout.NewCustomPaddedVBoxLayout(0))}
	for i := 0; i < n; i++ {
		line := widget.NewLabel("")
		if i == 0 {
			line.Wrapping = fyne.TextWrapWord
			line.TextStyle = fyne.TextStyle{Bold: true}
		} else {
			line.Truncation = fyne.TextTruncateEllipsis
		}
		line.Hide()
		l.lines = append(l.lines, line)
		l.box.Add(line)
	}
	return l
}

// add writes text on top, moving the older lines down.
func (l *scanLog) add(text string, imp widget.Importance) {
	for i := len(l.lines) - 1; i > 0; i-- {
		prev := l.lines[i-1]
		l.lines[i].Importance = prev.Importance
		l.lines[i].Text = prev.Text
		l.lines[i].Hidden = prev.Hidden
		l.lines[i].Refresh()
	}
	l.lines[0].Importance = imp
	l.lines[0].SetText(text)
	l.lines[0].Show()
	l.box.Refresh()
}

func (l *scanLog) clear() {
	for _, line := range l.lines {
		line.SetText("")
		line.Hide()
	}
	l.box.Refresh()
}

// last is the newest line, "" when none.
func (l *scanLog) last() string { return l.lines[0].Text }
