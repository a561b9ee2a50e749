package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// Field names of the stop notice, as data.Stop.Validate names them.
const (
	fieldStopReason = "reason"
	fieldStopBasis  = "basis"
)

// stopDialog stops the dossier on show (Mẫu số 05): it asks for the
// reason and, if any, the ground; the desk stops the dossier and the
// notice prints. It stays open, the bad field marked, when the desk
// refuses.
type stopDialog struct {
	s    *returnsScreen
	code string

	d      *formDialog
	form   *form
	reason *widget.Entry
	basis  *widget.Entry
	msg    *widget.Label
}

func newStopDialog(s *returnsScreen, code string) *stopDialog {
	u := s.u
	sd := &stopDialog{s: s, code: code}
	sd.reason = widget.NewMultiLineEntry()
	sd.reason.SetPlaceHolder(lang.L("returns.stop.reason.placeholder"))
	sd.reason.SetMinRowsVisible(3)
	sd.reason.Wrapping = fyne.TextWrapWord
	sd.basis = widget.NewEntry()
	sd.basis.SetPlaceHolder(lang.L("returns.stop.basis.placeholder"))
	sd.msg = errorLabel()
	sd.form = newForm(u, sd.resize)
	field := func(name, key string, e *widget.Entry) *formField {
		ff := &formField{names: []string{name}, label: lang.L(key), entry: e, focus: e, owns: []fyne.Focusable{e}, msg: errorLabel()}
		sd.form.fields = append(sd.form.fields, ff)
		e.OnChanged = func(string) { sd.form.edited(ff) }
		return ff
	}
	reason := field(fieldStopReason, "returns.stop.reason", sd.reason)
	basis := field(fieldStopBasis, "returns.stop.basis", sd.basis)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("returns.stop.reason"), reason.under(sd.reason)),
		widget.NewFormItem(lang.L("returns.stop.basis"), basis.under(sd.basis)),
	}
	sd.d = newFormDialog(lang.L("returns.stop.title"), lang.L("returns.stop.confirm"), items, sd.onStop, u.win)
	sd.basis.OnSubmitted = func(string) { sd.d.Submit() }
	sd.d.present(u, lang.L("returns.stop.intro", map[string]any{"Code": code}), sd.msg, sd.reason, sd.resize)
	return sd
}

func (sd *stopDialog) resize() { sd.d.Resize(fyne.NewSize(600, sd.d.MinSize().Height)) }

// onStop stops the dossier and prints the notice.
func (sd *stopDialog) onStop() {
	reason, basis := sd.reason.Text, sd.basis.Text
	if data.Clean(reason) == "" {
		sd.send(reason, basis) // the desk names what is missing
		return
	}
	sd.s.u.confirm(lang.L("returns.stop.title"), lang.L("returns.stop.ask", map[string]any{"Code": sd.code}), lang.L("returns.stop.confirm"), func() {
		sd.send(reason, basis)
	})
}

// send stops the dossier the officer confirmed and prints the notice.
func (sd *stopDialog) send(reason, basis string) {
	s, u := sd.s, sd.s.u
	sd.d.confirm.Disable()
	var v data.DossierView
	printKept(u, s.print, func(ctx context.Context) (path string, err error) {
		v, path, err = u.desk.Stop(ctx, sd.code, reason, basis)
		return path, err
	}, func(p printed, err error) {
		sd.d.confirm.Enable()
		if err != nil && v.Dossier.Code == "" {
			setLine(sd.msg, sd.form.verdict(err), widget.DangerImportance)
			sd.resize()
			return
		}
		sd.d.Hide()
		if v.Dossier.Code != "" {
			s.changed(v)
		}
		u.showPrinted(s.dossier.actionMsg, lang.L("returns.stop.done", map[string]any{"Code": sd.code}), p, err)
	})
}
