package app

import (
	"context"
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
	f.content = container.NewBorder(nil, nil, nil, container.NewVBox(f.closeBtn),
		container.NewGridWithColumns(2,
			signer(data.FieldSigningOfficer, "manifest.officer", f.officer),
			signer(data.FieldPostalStaff, "manifest.postal", f.postal)))
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

// signed is a manifest just signed and its printout.
type signed struct {
	m data.Manifest
	printed
}

// onClose signs the manifest with both names and the time, and prints it.
func (f *signForm) onClose() {
	s, u := f.s, f.s.u
	number := s.m.Number
	if number == "" || s.m.Status != data.ManifestOpen {
		return
	}
	officer, postal, print, desk := f.officer.Text, f.postal.Text, s.print, u.desk
	f.closeBtn.Disable()
	background(&u.jobs, u.ctx, func(ctx context.Context) (signed, error) {
		m, err := desk.CloseManifest(ctx, number, officer, postal)
		if err != nil {
			return signed{}, err
		}
		path, err := desk.ManifestPDF(ctx, number, false)
		if err != nil {
			return signed{m: m}, err
		}
		return signed{m, printed{path, print(path)}}, nil
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
		s.actionMsg.show(u.printMessage(done, sg.printed), printImportance(sg.printed))
		s.focusScan()
	})
}
