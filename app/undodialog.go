package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// undoDialog takes back the last status change of the dossier on show,
// set by mistake (data.LastChange): it asks a supervisor for the reason,
// then to confirm, and the desk undoes it. It stays open, the field
// marked, when the desk refuses.
type undoDialog struct {
	s        *returnsScreen
	code     string
	from, to data.Status // the dossier goes back from from to to

	d      *formDialog
	form   *form
	reason *field
	msg    *widget.Label
}

func newUndoDialog(s *returnsScreen, code string, last data.Event) *undoDialog {
	u := s.u
	ud := &undoDialog{s: s, code: code, from: last.To, to: last.From}
	ud.reason = newField(u, lang.L("returns.undo.reason.placeholder"))
	ud.msg = errorLabel()
	ud.form = newForm(u, ud.resize)
	reason := ud.form.add(data.FieldUndoReason, lang.L("returns.undo.reason"), ud.reason, nil)
	ud.reason.OnChanged = func(string) { ud.form.edited(reason) }
	items := []*widget.FormItem{widget.NewFormItem(lang.L("returns.undo.reason"), reason.under(ud.reason))}
	ud.d = newFormDialog(lang.L("returns.undo.title"), lang.L("returns.undo.confirm"), items, ud.onUndo, u.win)
	ud.reason.OnSubmitted = func(string) { ud.d.Submit() }
	ud.d.present(u, lang.L("returns.undo.intro", ud.names()), ud.msg, ud.reason, ud.resize)
	return ud
}

func (ud *undoDialog) resize() { ud.d.Resize(fyne.NewSize(560, ud.d.MinSize().Height)) }

// names are the dossier and the statuses, as the messages say them.
func (ud *undoDialog) names() map[string]any {
	return map[string]any{"Code": ud.code, "From": statusName(ud.from), "To": statusName(ud.to)}
}

// onUndo asks before undoing, once the reason is one the rule takes;
// the desk names what is wrong with any other.
func (ud *undoDialog) onUndo() {
	reason := ud.reason.Text
	if _, err := data.CleanUndoReason(reason); err != nil {
		ud.send(reason)
		return
	}
	ud.s.u.confirm(lang.L("returns.undo.title"), lang.L("returns.undo.ask", ud.names()), lang.L("returns.undo.confirm"), func() {
		ud.send(reason)
	})
}

// send undoes the change the supervisor confirmed and shows the dossier.
func (ud *undoDialog) send(reason string) {
	s, u := ud.s, ud.s.u
	ud.d.confirm.Disable()
	background(&u.jobs, u.ctx, func(ctx context.Context) (data.DossierView, error) {
		return u.desk.UndoStatus(ctx, ud.code, reason)
	}, func(v data.DossierView, err error) {
		ud.d.confirm.Enable()
		if err != nil {
			setLine(ud.msg, ud.form.verdict(err), widget.DangerImportance)
			ud.resize()
			return
		}
		ud.d.Hide()
		s.changed(v)
		s.dossier.actionMsg.show(lang.L("returns.undo.done", map[string]any{"Code": v.Dossier.Code, "Status": statusName(v.Dossier.Status)}),
			widget.SuccessImportance)
	})
}
