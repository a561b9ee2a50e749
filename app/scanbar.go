package app

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
	"motcua/data/scan"
)

// scanBar is the field at the top of the window that takes what a USB
// scanner types, from any screen (F2), and opens what it names: a
// dossier from its receipt QR, its code or its postal item number, a
// manifest from its QR, an applicant's dossiers from an ID card QR. A
// receipt QR that fails its signature opens nothing and says so in red.
type scanBar struct {
	u *UI

	entry  *keyEntry
	banner *banner

	content fyne.CanvasObject
}

func newScanBar(u *UI) *scanBar {
	b := &scanBar{u: u}
	b.entry = newKeyEntry(u)
	b.entry.SetPlaceHolder(lang.L("scan.placeholder"))
	b.entry.OnSubmitted = b.onScan
	b.banner = newBanner()
	label := widget.NewLabelWithStyle(lang.L("scan.label"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	row := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.SearchIcon()), label), nil, b.entry)
	b.content = container.NewVBox(row, b.banner.content)
	return b
}

// focus puts the cursor in the scan field, ready for the next scan.
func (b *scanBar) focus() { b.u.win.Canvas().Focus(b.entry) }

// scanFound is what a scan led to.
type scanFound struct {
	res      counter.ScanResult
	dossier  string         // code of the dossier it names, "" when none
	manifest string         // number of the manifest it names, "" when none
	dossiers []data.Dossier // of the ID number scanned
	err      error          // why the thing named could not be found
}

// onScan reads what the scanner typed, finds what it names and opens it.
func (b *scanBar) onScan(text string) {
	b.entry.SetText("")
	if strings.TrimSpace(text) == "" {
		return
	}
	desk := b.u.desk
	background(&b.u.jobs, b.u.ctx, func(ctx context.Context) (scanFound, error) {
		res, err := desk.Scan(ctx, text)
		if err != nil {
			return scanFound{}, err
		}
		f := scanFound{res: res}
		switch res.Kind {
		case scan.KindReceipt, scan.KindCode, scan.KindPostalItem:
			if res.Kind != scan.KindCode && !res.Valid {
				return f, nil
			}
			d, err := desk.DossierFor(ctx, text)
			f.dossier, f.err = d.Code, err
		case scan.KindManifest:
			if !res.Valid {
				return f, nil
			}
			m, err := desk.Manifest(ctx, counter.ManifestNumber(res.Code))
			f.manifest, f.err = m.Number, err
		case scan.KindIDCard:
			f.dossiers, f.err = desk.DossiersOf(ctx, res.Code)
		}
		if data.ErrorCode(f.err) == data.EInternal {
			return f, f.err
		}
		return f, nil
	}, func(f scanFound, err error) {
		defer b.focus()
		if err != nil {
			b.banner.show(b.u.errorText(err), widget.DangerImportance)
			return
		}
		b.show(f)
	})
}

// show opens what a scan found, or says why it opens nothing.
func (b *scanBar) show(f scanFound) {
	res := f.res
	reason := strings.TrimRight(res.Reason, ". ")
	switch {
	case res.Kind == scan.KindReceipt && !res.Valid:
		// The dossier of the citizen before goes away: nothing on the
		// screen may pass for what this receipt names.
		b.u.returns.clear()
		b.banner.show(lang.L("scan.forged", map[string]any{"Reason": reason}), widget.DangerImportance)
	case res.Kind == scan.KindManifest && !res.Valid:
		b.banner.show(lang.L("scan.forgedManifest", map[string]any{"Reason": reason}), widget.DangerImportance)
	case res.Kind == scan.KindUnknown, res.Kind == scan.KindPostalItem && !res.Valid:
		b.banner.show(res.Reason, widget.WarningImportance)
	case f.err != nil:
		b.banner.show(data.ErrorMessage(f.err), widget.WarningImportance)
	case f.dossier != "":
		b.banner.show(lang.L("scan.opened", map[string]any{"Code": f.dossier}), widget.SuccessImportance)
		b.u.show(sectionReturns)
		b.u.returns.open(f.dossier)
	case f.manifest != "":
		b.banner.show(lang.L("scan.openedManifest", map[string]any{"Number": f.manifest}), widget.SuccessImportance)
		b.u.show(sectionManifests)
		b.u.manifests.open(f.manifest)
	case res.Kind == scan.KindIDCard:
		id := data.Applicant{IDNumber: res.Code}.MaskedID()
		if len(f.dossiers) == 0 {
			b.banner.show(lang.L("scan.noDossiers", map[string]any{"ID": id}), widget.WarningImportance)
			return
		}
		n := len(f.dossiers)
		b.banner.show(lang.N("scan.person", n, map[string]any{"ID": id, "Count": n}), widget.SuccessImportance)
		b.u.show(sectionReturns)
		b.u.returns.showPerson(id, f.dossiers)
	}
}

// officerPreference is the preference holding the name of the officer
// at this workstation, which the records and printouts carry.
const officerPreference = "officer"

// defaultOfficer signs for a workstation whose officer has not given a
// name. Records are kept in Vietnamese whatever the window's language.
const defaultOfficer = "Cán bộ một cửa"

// deskOfficer is the officer at this workstation.
func deskOfficer(u *UI) string {
	if name := strings.TrimSpace(u.app.Preferences().StringWithFallback(officerPreference, "")); name != "" {
		return name
	}
	return defaultOfficer
}

// onHotkey runs the keys that work wherever the cursor is, and reports
// whether ev was one of them.
func (u *UI) onHotkey(ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyF2 {
		return false
	}
	u.scan.focus()
	return true
}

// keyEntry is an entry that lets F2 through to the window. Fyne gives a
// key without a modifier only to the widget that has the cursor, so the
// fields of the scanning screens pass it on themselves.
type keyEntry struct {
	widget.Entry
	u *UI
}

func newKeyEntry(u *UI) *keyEntry {
	e := &keyEntry{u: u}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.u.onHotkey(ev) {
		e.Entry.TypedKey(ev)
	}
}

// keyList is a list that opens its focused row on Enter, as Space does,
// and lets F2 through to the window.
type keyList struct {
	widget.List
	u *UI
}

func newKeyList(u *UI, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{u: u}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case l.u.onHotkey(ev):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		l.List.TypedKey(ev)
	}
}

// banner is a message on a tinted band: red for what the officer must
// not miss (a forged receipt), amber for a scan to try again, green for
// what was done.
type banner struct {
	bg      *canvas.Rectangle
	text    *widget.Label
	content *fyne.Container
}

func newBanner() *banner {
	b := &banner{bg: canvas.NewRectangle(color.Transparent), text: widget.NewLabel("")}
	b.bg.CornerRadius = theme.InputRadiusSize()
	b.bg.StrokeWidth = 1
	b.text.Wrapping = fyne.TextWrapWord
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.content = container.NewStack(b.bg, b.text)
	b.content.Hide()
	return b
}

// show writes text on the band in the colour of imp; "" hides it.
func (b *banner) show(text string, imp widget.Importance) {
	if text == "" {
		b.content.Hide()
		return
	}
	name := theme.ColorNamePrimary
	switch imp {
	case widget.DangerImportance:
		name = theme.ColorNameError
	case widget.WarningImportance:
		name = theme.ColorNameWarning
	case widget.SuccessImportance:
		name = theme.ColorNameSuccess
	}
	c := color.NRGBAModel.Convert(theme.Color(name)).(color.NRGBA)
	b.bg.StrokeColor = c
	c.A = 0x30
	b.bg.FillColor = c
	b.text.Importance = imp
	b.text.SetText(text)
	b.content.Show()
	b.content.Refresh()
}

// message is the band's text, "" when hidden.
func (b *banner) message() string {
	if !b.content.Visible() {
		return ""
	}
	return b.text.Text
}
