package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
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

	entry  *field
	banner *banner

	content fyne.CanvasObject
}

func newScanBar(u *UI) *scanBar {
	b := &scanBar{u: u}
	b.entry = newField(u, "")
	b.entry.SetPlaceHolder(lang.L("scan.placeholder"))
	b.entry.OnSubmitted = b.onScan
	// The message stands beside the field, one line high (a longer one
	// scrolls inside it): the band takes no height from the screens below.
	b.banner = newBanner().fade(u.after).reserve(1)
	label := widget.NewLabelWithStyle(lang.L("scan.label"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The field is as wide as a dossier code; the message takes the rest,
	// for "Đã mở hồ sơ" and the code on one line of a 1024-pixel screen.
	b.content = container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.SearchIcon()), label), nil,
		container.New(columns{240, 0}, b.entry, b.banner.content))
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
	// hits are what a search found when the text was no code a scanner
	// makes: a name, an ID or phone number typed by the officer.
	hits     []data.SearchHit
	searched string
	err      error // why the thing named could not be found
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
		case scan.KindUnknown:
			f.searched = strings.TrimSpace(text)
			f.hits, f.err = desk.Search(ctx, text)
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
		b.u.returnDesk().clear()
		b.banner.show(lang.L("scan.forged", map[string]any{"Reason": reason}), widget.DangerImportance)
	case res.Kind == scan.KindManifest && !res.Valid:
		b.banner.show(lang.L("scan.forgedManifest", map[string]any{"Reason": reason}), widget.DangerImportance)
	case res.Kind == scan.KindUnknown && len(f.hits) > 0:
		n := len(f.hits)
		b.banner.show(lang.N("scan.found", n, map[string]any{"Count": n, "Text": f.searched}), widget.SuccessImportance)
		b.u.show(sectionReturns)
		b.u.returnDesk().showSearch(f.searched, f.hits)
	case res.Kind == scan.KindUnknown && f.err == nil:
		b.banner.show(lang.L("scan.notFound", map[string]any{"Text": f.searched})+" "+res.Reason, widget.WarningImportance)
	case res.Kind == scan.KindUnknown, res.Kind == scan.KindPostalItem && !res.Valid:
		b.banner.show(res.Reason, widget.WarningImportance)
	case f.err != nil:
		b.banner.show(data.ErrorMessage(f.err), widget.WarningImportance)
	case f.dossier != "":
		b.banner.show(lang.L("scan.opened", map[string]any{"Code": f.dossier}), widget.SuccessImportance)
		b.u.show(sectionReturns)
		b.u.returnDesk().open(f.dossier)
	case f.manifest != "":
		b.banner.show(lang.L("scan.openedManifest", map[string]any{"Number": f.manifest}), widget.SuccessImportance)
		b.u.show(sectionManifests)
		b.u.manifestDesk().open(f.manifest)
	case res.Kind == scan.KindIDCard:
		id := data.Applicant{IDNumber: res.Code}.MaskedID()
		if len(f.dossiers) == 0 {
			b.banner.show(lang.L("scan.noDossiers", map[string]any{"ID": id}), widget.WarningImportance)
			return
		}
		n := len(f.dossiers)
		b.banner.show(lang.N("scan.person", n, map[string]any{"ID": id, "Count": n}), widget.SuccessImportance)
		b.u.show(sectionReturns)
		b.u.returnDesk().showPerson(id, f.dossiers)
	}
}
