package app

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// manifestKinds are the kinds the officer opens, in the order offered.
var manifestKinds = []data.ManifestKind{data.ManifestFromPost, data.ManifestToAgency, data.ManifestToCitizen}

// manifestOpener opens a manifest of a kind, with its carrier and, for
// dossiers sent on, the receiving agency; under it the open manifests and
// those signed in the last 30 days, which open on a choice.
type manifestOpener struct {
	s *manifestsScreen

	kind        *widget.Select
	carrier     *widget.SelectEntry
	agency      *widget.SelectEntry
	agencyLabel *widget.Label
	agencyBox   fyne.CanvasObject // the agency and its message
	openBtn     *widget.Button
	openMsg     *widget.Label
	form        *form
	newForm     *fyne.Container
	list        *keyList
	recent      []data.Manifest
	listHint    *widget.Label
	loading     latest

	content fyne.CanvasObject
}

func newManifestOpener(s *manifestsScreen) *manifestOpener {
	o := &manifestOpener{s: s}
	var names []string
	for _, k := range manifestKinds {
		names = append(names, kindName(k))
	}
	o.kind = widget.NewSelect(names, func(string) {
		o.form.edited(o.form.field(data.FieldManifestKind))
		o.showAgencyField()
	})
	o.kind.PlaceHolder = lang.L("manifest.kind.choose")
	o.carrier = widget.NewSelectEntry(nil)
	o.carrier.SetPlaceHolder(lang.L("manifest.carrier.placeholder"))
	o.carrier.OnSubmitted = func(string) { o.onOpen() }
	o.agency = widget.NewSelectEntry(nil)
	o.agency.SetPlaceHolder(lang.L("manifest.agency.placeholder"))
	o.agency.OnSubmitted = func(string) { o.onOpen() }
	o.agencyLabel = widget.NewLabel(lang.L("manifest.agency"))
	o.openBtn = widget.NewButtonWithIcon(lang.L("manifest.open"), theme.ContentAddIcon(), o.onOpen)
	o.openBtn.Importance = widget.HighImportance
	o.openMsg = errorLabel()
	o.form = newForm(s.u, func() { o.newForm.Refresh() })
	kind := &formField{names: []string{data.FieldManifestKind}, label: lang.L("manifest.kind"), focus: o.kind, msg: errorLabel()}
	agency := &formField{names: []string{data.FieldAgency}, label: lang.L("manifest.agency"), entry: &o.agency.Entry, focus: o.agency, msg: errorLabel()}
	o.form.fields = []*formField{kind, agency}
	o.agency.OnChanged = func(string) { o.form.edited(agency) }
	o.agencyBox = agency.under(o.agency)
	// Each label over its field: the pane stays narrow enough to leave
	// the manifest's columns their room on a 1024-pixel screen.
	o.newForm = container.NewVBox(
		heading(lang.L("manifest.new")),
		widget.NewLabel(lang.L("manifest.kind")), kind.under(o.kind),
		widget.NewLabel(lang.L("manifest.carrier")), o.carrier,
		o.agencyLabel, o.agencyBox,
		container.NewHBox(o.openBtn), o.openMsg,
	)
	o.showAgencyField()

	o.list = newKeyList(s.u, func() int { return len(o.recent) }, recentRow, o.updateRow)
	o.list.OnSelected = func(id widget.ListItemID) {
		if id < len(o.recent) {
			s.openThenScan(o.recent[id].Number)
		}
		o.list.UnselectAll()
	}
	o.listHint = note("")
	recent := wrapped(lang.L("manifest.recent"), fyne.TextStyle{Bold: true})
	top := container.NewVBox(o.newForm, widget.NewSeparator(), recent, o.listHint)
	// The pane is as wide as a row's number and state need, whole: its
	// kind and carrier may be shortened, the manifest opened shows them.
	row := recentRow().(*fyne.Container)
	first := row.Objects[0].(*fyne.Container).Objects
	first[0].(*widget.Label).SetText("000000-000")
	first[1].(*widget.Label).SetText(lang.N("manifest.state.closed", 999, map[string]any{"Count": 999, "Time": "23:59 28/02"}))
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(row.MinSize().Width, 0))
	o.content = container.NewStack(width, container.NewBorder(top, nil, nil, nil, o.list))
	return o
}

// recentRow is a row of the recent manifests: the number and its state
// over its kind and carrier or agency.
func recentRow() fyne.CanvasObject {
	number := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	state := widget.NewLabel("")
	state.SizeName = theme.SizeNameCaptionText
	kind := widget.NewLabel("")
	kind.Truncation = fyne.TextTruncateEllipsis
	kind.SizeName = theme.SizeNameCaptionText
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2),
		container.NewBorder(nil, nil, nil, state, number), kind)
}

func (o *manifestOpener) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(o.recent) {
		return
	}
	m := o.recent[id]
	lines := obj.(*fyne.Container).Objects
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

func (o *manifestOpener) showAgencyField() {
	if o.agencyBox == nil {
		return // still being built
	}
	showRow(o.agencyLabel, o.agencyBox, o.selectedKind() == data.ManifestToAgency)
	if o.newForm != nil {
		o.newForm.Refresh()
	}
}

func (o *manifestOpener) selectedKind() data.ManifestKind {
	if i := o.kind.SelectedIndex(); i >= 0 {
		return manifestKinds[i]
	}
	return ""
}

// offer offers the carriers and agencies the office named before.
func (o *manifestOpener) offer(carriers, agencies []string) {
	o.carrier.SetOptions(carriers)
	o.agency.SetOptions(agencies)
	if len(carriers) > 0 && o.carrier.Text == "" {
		o.carrier.SetText(carriers[0])
	}
}

// reload lists the open manifests and those signed in the last 30 days.
func (o *manifestOpener) reload() {
	u := o.s.u
	since := u.now().AddDate(0, 0, -30)
	runLatest(&o.loading, &u.jobs, u.ctx, func(ctx context.Context) ([]data.Manifest, error) {
		return u.desk.Manifests(ctx, since)
	}, func(ms []data.Manifest, err error) {
		if err != nil {
			o.s.actionMsg.show(u.errorText(err), widget.DangerImportance)
			return
		}
		o.recent = ms
		if len(ms) == 0 {
			o.listHint.SetText(lang.L("manifest.none"))
		} else {
			o.listHint.SetText(lang.L("manifest.recent.hint"))
		}
		o.list.Refresh()
	})
}

// update refreshes a manifest's row in the list.
func (o *manifestOpener) update(m data.Manifest) {
	for i := range o.recent {
		if o.recent[i].Number == m.Number {
			o.recent[i] = m
			o.list.RefreshItem(i)
		}
	}
}

// onOpen opens a new manifest of the kind chosen.
func (o *manifestOpener) onOpen() {
	u := o.s.u
	kind := o.selectedKind()
	if kind == "" {
		var bad data.Fields
		bad.Add(data.FieldManifestKind, "%s", lang.L("manifest.kind.missing"))
		o.showErrors(bad.Err(""))
		return
	}
	carrier, agency := o.carrier.Text, ""
	if kind == data.ManifestToAgency {
		agency = o.agency.Text
	}
	o.openBtn.Disable()
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return u.desk.OpenManifest(ctx, kind, carrier, agency)
	}, func(m data.Manifest, err error) {
		o.openBtn.Enable()
		if err != nil {
			o.showErrors(err)
			return
		}
		o.setMsg("")
		o.s.show(m)
		o.reload()
		o.s.loadNames()
		o.s.focusScan()
	})
}

// showErrors shows under its field what the rules found wrong, anything
// else under the button.
func (o *manifestOpener) showErrors(err error) {
	if _, ok := o.form.show(err); ok {
		o.setMsg("")
		return
	}
	o.form.clearAll()
	o.setMsg(o.s.u.errorText(err))
}

func (o *manifestOpener) setMsg(text string) {
	setLine(o.openMsg, text, widget.DangerImportance)
	o.newForm.Refresh()
}
