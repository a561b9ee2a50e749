package app

import (
	"context"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// signForm signs an open manifest with the names of the office's officer
// and the postal staff, and the time; the desk moves every dossier on it
// and the manifest prints.
type signForm struct {
	s *manifestsScreen

	form     *form
	officer  *widget.SelectEntry
	postal   *widget.SelectEntry
	closeBtn *widget.Button

	content *fyne.Container
}

func newSignForm(s *manifestsScreen) *signForm {
	u := s.u
	f := &signForm{s: s}
	f.officer = widget.NewSelectEntry(nil)
	f.officer.SetPlaceHolder(lang.L("manifest.officer.placeholder"))
	f.officer.OnSubmitted = func(string) { u.win.Canvas().Focus(f.postal) }
	f.postal = widget.NewSelectEntry(nil)
	f.postal.SetPlaceHolder(lang.L("manifest.postal.placeholder"))
	f.postal.OnSubmitted = func(string) { f.onClose() }
	f.closeBtn = widget.NewButtonWithIcon(lang.L("manifest.close"), theme.DocumentPrintIcon(), f.onClose)
	f.closeBtn.Importance = widget.HighImportance
	f.form = newForm(u, func() { s.detail.Refresh() })
	signer := func(name, key string, e *widget.SelectEntry) fyne.CanvasObject {
		ff := &formField{names: []string{name}, label: lang.L(key), entry: &e.Entry, focus: e, msg: errorLabel()}
		f.form.fields = append(f.form.fields, ff)
		e.OnChanged = func(string) { f.form.edited(ff) }
		return ff.under(container.NewBorder(nil, nil, widget.NewLabel(lang.L(key)), nil, e))
	}
	// The button goes beside the totals (the screen puts f.closeBtn
	// there): the names keep the row's width for themselves.
	f.content = container.NewGridWithColumns(2,
		signer(data.FieldSigningOfficer, "manifest.officer", f.officer),
		signer(data.FieldPostalStaff, "manifest.postal", f.postal))
	return f
}

// offer offers the names that signed before, the officer at this
// workstation first (and filled in).
func (f *signForm) offer(officers, postal []string) {
	if me := f.s.u.desk.Officer().FullName; me != "" {
		officers = append([]string{me}, slices.DeleteFunc(officers, func(o string) bool { return o == me })...)
		if f.officer.Text == "" {
			f.officer.SetText(me)
		}
	}
	f.officer.SetOptions(officers)
	f.postal.SetOptions(postal)
}

// signed is a manifest just signed and its printout, with the control
// sheets of a to-agency manifest's dossiers.
type signed struct {
	m data.Manifest
	printed
	sheets []printed
}

// onClose signs the manifest with both names and the time, and prints it.
func (f *signForm) onClose() {
	s, u := f.s, f.s.u
	number := s.m.Number
	if number == "" || s.m.Status != data.ManifestOpen {
		return
	}
	officer, postal := f.officer.Text, f.postal.Text
	signer := officer
	if data.Clean(signer) == "" {
		signer = u.desk.Officer().FullName // the desk signs with the officer logged in
	}
	// The names are asked first: nothing to confirm without them.
	if err := data.CheckSigners(data.Clean(signer), data.Clean(postal)); err != nil {
		summary, _ := f.form.show(err)
		s.actionMsg.show(summary, widget.DangerImportance)
		return
	}
	u.confirm(lang.L("manifest.close.title"), lang.L("manifest.close.confirm", map[string]any{"Number": number}), lang.L("manifest.close"), func() {
		if s.m.Number == number {
			f.sign(number, officer, postal)
		}
	})
}

// sign signs the manifest the officer confirmed and prints it.
func (f *signForm) sign(number, officer, postal string) {
	s, u := f.s, f.s.u
	print, desk := s.print, u.desk
	f.closeBtn.Disable()
	background(&u.jobs, u.ctx, func(ctx context.Context) (signed, error) {
		m, sheets, err := desk.CloseManifest(ctx, number, officer, postal)
		if m.Status != data.ManifestClosed {
			return signed{}, err
		}
		sg := signed{m: m}
		path, perr := desk.ManifestPDF(ctx, number, false)
		if perr != nil {
			return sg, perr
		}
		sg.printed = printed{path, print(path)}
		for _, sheet := range sheets {
			sg.sheets = append(sg.sheets, printed{sheet, print(sheet)})
		}
		return sg, err
	}, func(sg signed, err error) {
		f.closeBtn.Enable()
		if sg.m.Number != "" && s.m.Number == number {
			s.show(sg.m)
			s.loadNames()
		}
		if err != nil {
			summary, ok := f.form.show(err)
			if !ok {
				f.form.clearAll()
				summary = u.errorText(err)
			}
			s.actionMsg.show(summary, widget.DangerImportance)
			return
		}
		done := lang.L("manifest.closed", map[string]any{"Number": number, "Time": sg.m.ClosedAt.Format("15:04 02/01/2006")})
		msg, imp := u.printMessage(done, sg.printed), printImportance(sg.printed)
		if n := len(sg.sheets); n > 0 {
			failed := 0
			for _, p := range sg.sheets {
				if p.printErr != nil {
					failed++
					u.printErrorID(p)
				}
			}
			msg += " " + lang.N("manifest.controlSheets", n, map[string]any{"Count": n})
			if failed > 0 {
				msg += " " + lang.L("manifest.controlSheets.failed", map[string]any{"Count": failed, "Path": filepath.Dir(sg.sheets[0].path)})
				imp = widget.WarningImportance
			}
		}
		s.items.feedback.clear() // the scans' refusals were of the open manifest
		s.actionMsg.show(msg, imp)
		s.focusScan()
	})
}
