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
)

// Widths of the item rows' columns: position, applicant over dossier
// and procedure (the rest), postal item over documents, fee over
// delivery or reconciliation. Two lines a row leave the applicant and
// the dossier room on a 1024-pixel screen.
var itemColumns = columns{30, 0, 128, 102}

// manifestItems is the manifest on show and its dossiers: the scanner
// adds them one after another to an open manifest (with the postage
// collected for dossiers from the post) or, once it is signed, collects
// what arrived for the reconciliation; each scan says what it did.
type manifestItems struct {
	s *manifestsScreen

	title     *widget.Label
	number    *widget.Label
	meta      *widget.Label
	scanLabel *widget.Label
	scan      *field
	fee       *field
	feeLabel  *widget.Label
	feeHead   *widget.Label   // the fee column's heading
	chosenTxt *widget.Label   // the chosen item whole, which its row may shorten
	feeBox    *fyne.Container // the fee and its label
	feedback  *scanLog
	list      *keyList
	selected  int // index in the manifest's items, -1 when none
	totals    *widget.Label
	remove    *widget.Button
	scans     []string // reconciliation scans of the manifest on show
	queue     []string // scans waiting to be added, in order
	adding    bool
	confirm   *formDialog // the announced item on show, to confirm; nil when none

	top fyne.CanvasObject
}

func newManifestItems(s *manifestsScreen) *manifestItems {
	u := s.u
	m := &manifestItems{s: s, selected: -1}
	m.title = wrapped("", fyne.TextStyle{Bold: true})
	m.number = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	m.number.SizeName = theme.SizeNameSubHeadingText
	m.meta = note("")

	m.scanLabel = heading("")
	m.scan = newField(u, "")
	m.scan.OnSubmitted = m.onScan
	m.fee = newField(u, "0")
	m.feeHead = bold(lang.L("manifest.col.fee"))
	m.fee.OnSubmitted = func(string) { u.win.Canvas().Focus(m.scan) }
	m.feeLabel = widget.NewLabel(lang.L("manifest.fee"))
	m.feeBox = container.NewHBox(m.feeLabel, container.NewGridWrap(fyne.NewSize(100, m.fee.MinSize().Height), m.fee))
	scanRow := container.NewBorder(nil, nil, m.scanLabel, m.feeBox, m.scan)
	m.feedback = newScanLog(3)

	under := func(text string) *widget.Label {
		l := bold(text)
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	header := container.New(itemColumns, bold("#"),
		twoLines(bold(lang.L("manifest.col.applicant")), under(lang.L("manifest.col.dossier"))),
		twoLines(bold(lang.L("manifest.col.postalItem")), under(lang.L("manifest.col.documents"))),
		twoLines(m.feeHead, under(lang.L("manifest.col.state"))))
	m.list = newKeyList(u, func() int { return len(s.m.Items) }, m.createRow, m.updateRow)
	m.list.OnSelected = func(id widget.ListItemID) { m.choose(id) }
	m.list.OnUnselected = func(widget.ListItemID) { m.choose(-1) }
	m.chosenTxt = note(lang.L("manifest.chosen.none"))
	m.totals = wrapped("", fyne.TextStyle{Bold: true})
	m.remove = widget.NewButtonWithIcon(lang.L("manifest.remove"), theme.DeleteIcon(), m.onRemove)
	m.top = container.NewVBox(
		container.NewBorder(nil, nil, nil, m.number, m.title), m.meta,
		scanRow, m.feedback.box,
		header,
	)
	return m
}

// twoLines puts a cell's second line close under its first.
func twoLines(top, bottom fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), top, bottom)
}

// An item row: position | applicant over code and procedure | postal
// item over documents | fee over delivery or reconciliation.
func (m *manifestItems) createRow() fyne.CanvasObject {
	label := func(size fyne.ThemeSizeName) *widget.Label {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		l.SizeName = size
		return l
	}
	text, caption := theme.SizeNameText, theme.SizeNameCaptionText
	name := label(text)
	name.TextStyle = fyne.TextStyle{Bold: true}
	return container.New(itemColumns, label(text), twoLines(name, label(caption)),
		twoLines(label(text), label(caption)), twoLines(label(text), label(caption)))
}

func (m *manifestItems) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	man := m.s.m
	if id >= len(man.Items) {
		return
	}
	it := man.Items[id]
	cells := o.(*fyne.Container).Objects
	lines := func(i int) (*widget.Label, *widget.Label) {
		c := cells[i].(*fyne.Container).Objects
		return c[0].(*widget.Label), c[1].(*widget.Label)
	}
	cells[0].(*widget.Label).SetText(strconv.Itoa(id + 1))
	name, what := lines(1)
	name.SetText(it.Applicant)
	what.SetText(it.DossierCode + " · " + it.ProcedureName)
	item, docs := lines(2)
	item.SetText(it.PostalItem)
	docs.SetText(lang.L("manifest.documents", map[string]any{"Count": it.Documents, "Originals": it.Originals, "Copies": it.Copies}))
	fee, state := lines(3)
	if it.Fee == 0 && man.Kind == data.ManifestToAgency {
		fee.SetText("") // the citizen pays no postage for these
	} else {
		fee.SetText(money(it.Fee))
	}
	text, imp := itemState(man, it)
	state.Importance = imp
	state.SetText(text)
}

// choose shows the item chosen in the list whole, id -1 none, and what
// it allows.
func (m *manifestItems) choose(id widget.ListItemID) {
	m.selected = id
	if it := m.chosen(); it != nil {
		m.chosenTxt.SetText(strings.Join([]string{it.Applicant, it.DossierCode, it.ProcedureName}, " · "))
		m.chosenTxt.Importance = widget.MediumImportance
	} else {
		m.chosenTxt.SetText(lang.L("manifest.chosen.none"))
		m.chosenTxt.Importance = widget.LowImportance
	}
	m.chosenTxt.Refresh()
	m.s.showButtons()
}

// itemState says where an item stands: its delivery for the results the
// post took, else its reconciliation.
func itemState(m data.Manifest, it data.ManifestItem) (string, widget.Importance) {
	if m.Kind == data.ManifestToCitizen && m.Status == data.ManifestClosed {
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
	if r := m.Reconciled; r != nil {
		switch {
		case slices.Contains(r.Missing, it.DossierCode):
			return lang.L("manifest.recon.missing"), widget.DangerImportance
		case slices.Contains(r.Scanned, it.DossierCode):
			return lang.L("manifest.recon.arrived"), widget.SuccessImportance
		}
	}
	return "", widget.MediumImportance
}

// show puts a manifest's header, scan field, items and totals on show.
func (m *manifestItems) show(man data.Manifest) {
	m.title.SetText(man.Kind.Title())
	m.number.SetText(man.Number)
	m.meta.SetText(metaText(man))
	open := man.Status == data.ManifestOpen
	if open {
		m.scanLabel.SetText(lang.L("manifest.scan.add"))
		m.scan.SetPlaceHolder(lang.L("manifest.scan.placeholder"))
	} else {
		m.scanLabel.SetText(lang.L("manifest.scan.reconcile"))
		m.scan.SetPlaceHolder(lang.L("manifest.scan.reconcile.placeholder"))
	}
	m.feeBox.Hidden = !open || man.Kind == data.ManifestToAgency
	// From the post, the fee is the applicant's fee the postman took;
	// to the citizen, the postage of the delivery.
	totals, label, head := "manifest.totals", "manifest.fee", "manifest.col.fee"
	if man.Kind == data.ManifestFromPost {
		totals, label, head = "manifest.totals.fromPost", "manifest.fee.fromPost", "manifest.col.fee.fromPost"
	}
	m.feeLabel.SetText(lang.L(label))
	m.feeHead.SetText(lang.L(head))
	t := man.Totals()
	m.totals.SetText(lang.L(totals, map[string]any{
		"Items": t.Items, "Documents": t.Documents, "Originals": t.Originals, "Copies": t.Copies, "Fees": money(t.Fees)}))
	m.remove.Hidden = !open
	m.list.Refresh()
}

// forget drops what the scans of another manifest left.
func (m *manifestItems) forget() {
	m.scans, m.queue = nil, nil
	m.feedback.clear()
	m.list.UnselectAll()
	m.choose(-1)
}

// chosen is the item chosen in the list, nil when none.
func (m *manifestItems) chosen() *data.ManifestItem {
	if items := m.s.m.Items; m.selected >= 0 && m.selected < len(items) {
		return &items[m.selected]
	}
	return nil
}

func metaText(m data.Manifest) string {
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

// onScan takes what the scanner typed into the manifest's field: on an
// open manifest it adds the dossier, on a signed one it is kept for the
// reconciliation.
func (m *manifestItems) onScan(text string) {
	m.scan.SetText("")
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	man := m.s.m
	if man.Number == "" {
		m.feedback.add(lang.L("manifest.scan.noManifest"), widget.WarningImportance)
		return
	}
	if man.Status == data.ManifestClosed {
		m.scans = append(m.scans, text)
		m.feedback.add(lang.L("manifest.scan.collected", map[string]any{"Count": len(m.scans)}), widget.MediumImportance)
		m.s.showButtons()
		return
	}
	m.queue = append(m.queue, text)
	m.addNext()
}

// added is what adding one scan to a manifest did.
type added struct {
	item data.ManifestItem
	m    data.Manifest
	// announced is an item the post announced, to confirm before its
	// dossier is made.
	announced *data.Announced
}

// addNext adds the oldest scan waiting, one at a time, so that the
// items keep the order they were scanned in.
func (m *manifestItems) addNext() {
	if m.adding || len(m.queue) == 0 {
		return
	}
	u := m.s.u
	text := m.queue[0]
	m.queue = m.queue[1:]
	var add data.ManifestAdd
	if m.feeBox.Visible() {
		ok := true
		if strings.Contains(m.fee.Text, ":") { // "le-phi:8000" names the kind
			a, err := data.ParseFeeAmount(m.fee.Text)
			add.Fee, add.FeeKind, ok = a.Amount, a.Kind, err == nil
		} else {
			add.Fee, ok = parseMoney(m.fee.Text)
		}
		if !ok {
			m.feedback.add(lang.L("manifest.fee.bad", map[string]any{"Fee": m.fee.Text}), widget.DangerImportance)
			m.queue = nil
			u.win.Canvas().Focus(m.fee)
			return
		}
	}
	number, fromPost := m.s.m.Number, m.s.m.Kind == data.ManifestFromPost
	m.adding = true
	background(&u.jobs, u.ctx, func(ctx context.Context) (added, error) {
		if fromPost {
			// An item the post announced becomes a dossier once the
			// officer has seen what it holds.
			a, ok, err := u.desk.AnnouncedFor(ctx, text)
			if err != nil || ok {
				return added{announced: &a}, err
			}
		}
		man, it, err := u.desk.AddToManifest(ctx, number, text, add)
		return added{item: it, m: man}, err
	}, func(a added, err error) {
		if err == nil && a.announced != nil {
			m.confirmAnnounced(number, *a.announced)
			return
		}
		m.done(number, a, err, "manifest.added")
	})
}

// done says what adding a scan did, shows the manifest as it then
// stands and goes on with the next scan.
func (m *manifestItems) done(number string, a added, err error, message string) {
	u := m.s.u
	m.adding = false
	defer m.addNext()
	if err != nil {
		m.feedback.add(lang.L("manifest.refused", map[string]any{"Reason": u.errorText(err)}), widget.DangerImportance)
	} else {
		n := len(a.m.Items)
		m.feedback.add(lang.N(message, n, map[string]any{"Code": a.item.DossierCode, "Name": a.item.Applicant, "Count": n}), widget.SuccessImportance)
		if m.s.m.Number == number {
			m.s.show(a.m)
			m.list.ScrollToBottom()
		} else {
			m.s.opener.update(a.m)
		}
	}
	if m.s.m.Number == number {
		m.s.focusScan()
	}
}

// onRemove takes the chosen dossier off the open manifest.
func (m *manifestItems) onRemove() {
	it := m.chosen()
	if it == nil {
		return
	}
	u := m.s.u
	number, code := m.s.m.Number, it.DossierCode
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return u.desk.RemoveFromManifest(ctx, number, code)
	}, func(man data.Manifest, err error) {
		defer m.s.focusScan()
		if err != nil {
			m.feedback.add(u.errorText(err), widget.DangerImportance)
			return
		}
		m.feedback.add(lang.L("manifest.removed", map[string]any{"Code": code}), widget.MediumImportance)
		m.list.UnselectAll()
		m.s.show(man)
	})
}
