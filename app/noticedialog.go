package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
)

// noticeDialog asks for the dossier and the items of a Form 02
// (supplement) or 03 (refusal), issues it through the desk and prints
// it; it stays open, the bad field marked, when the desk refuses.
type noticeDialog struct {
	u     *UI
	kind  string
	print func(string) error
	// issued hears of the form issued and printed.
	issued func(kind string, d data.Dossier, p printed)

	d     *formDialog
	form  *form
	code  *field
	items *field
	msg   *widget.Label // what no field of the form shows
	issue *widget.Button
}

func newNoticeDialog(u *UI, kind, code string, print func(string) error, issued func(string, data.Dossier, printed)) *noticeDialog {
	n := &noticeDialog{u: u, kind: kind, print: print, issued: issued}
	title, itemsLabel, placeholder := lang.L("intake.supplement.title"), lang.L("intake.supplement.items"), lang.L("intake.supplement.placeholder")
	if kind == counter.KindRefusal {
		title, itemsLabel, placeholder = lang.L("intake.refuse.title"), lang.L("intake.refuse.items"), lang.L("intake.refuse.placeholder")
	}
	n.code = newField(u, lang.L("intake.notice.code.placeholder"))
	n.code.SetText(code)
	n.items = newField(u, placeholder)
	n.items.MultiLine = true
	n.items.Wrapping = fyne.TextWrapWord
	n.items.SetMinRowsVisible(5)
	// F2 stays in the dialog: the scan goes into its code field.
	n.code.onKey, n.items.onKey = n.scanKey, n.scanKey
	n.msg = errorLabel()
	n.form = newForm(u, n.resize)
	codeField := n.form.add(data.FieldNoticeCode, lang.L("intake.notice.code"), n.code, nil)
	itemsField := n.form.add(data.FieldNoticeItems, itemsLabel, n.items, nil)
	n.code.OnChanged = func(string) { n.form.edited(codeField) }
	n.items.OnChanged = func(string) { n.form.edited(itemsField) }
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("intake.notice.code"), codeField.under(n.code)),
		widget.NewFormItem(itemsLabel, itemsField.under(n.items)),
	}
	n.d = newFormDialog(title, lang.L("intake.notice.issue"), items, n.onIssue, u.win)
	n.d.extra(n.msg)
	n.issue = n.d.confirm
	n.d.keepOpen = true
	n.code.OnSubmitted = func(string) { u.win.Canvas().Focus(n.items) }
	n.resize()
	u.showDialog(n.d)
	if n.code.Text == "" {
		u.win.Canvas().Focus(n.code)
	} else {
		u.win.Canvas().Focus(n.items)
	}
	return n
}

func (n *noticeDialog) resize() { n.d.Resize(fyne.NewSize(640, n.d.MinSize().Height)) }

func (n *noticeDialog) scanKey(ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyF2 {
		return false
	}
	n.u.win.Canvas().Focus(n.code)
	return true
}

// formKind is the form the dialog issues.
func (n *noticeDialog) formKind() data.FormKind {
	if n.kind == counter.KindRefusal {
		return data.FormRefusal
	}
	return data.FormSupplement
}

// showError marks the fields err names and says, on the line under the
// form, what no field shows.
func (n *noticeDialog) showError(err error) {
	setLine(n.msg, n.form.verdict(err), widget.DangerImportance)
	n.resize()
}

// onIssue records the notice, renders it and prints it.
func (n *noticeDialog) onIssue() {
	text, items := n.code.Text, strings.Split(n.items.Text, "\n")
	// What is missing is said before a refusal is asked once more.
	if err := data.CheckNotice(n.formKind(), text, nil, data.NoticeLines(items)); err != nil {
		n.showError(err)
		return
	}
	if n.kind == counter.KindRefusal {
		// A refusal closes the dossier: asked once more.
		code := strings.ToUpper(strings.TrimSpace(text))
		n.u.confirm(lang.L("intake.refuse.confirm.title"), lang.L("intake.refuse.confirm", map[string]any{"Code": code}), lang.L("intake.refuse.yes"), func() {
			n.send(text, items)
		})
		return
	}
	n.send(text, items)
}

// send issues the notice through the desk and prints it.
func (n *noticeDialog) send(text string, items []string) {
	n.issue.Disable()
	var d data.Dossier
	printKept(n.u, n.print, func(ctx context.Context) (path string, err error) {
		d, path, err = n.u.desk.Notice(ctx, n.kind, text, items)
		return path, err
	}, func(p printed, err error) {
		n.issue.Enable()
		if err != nil {
			if data.ErrorCode(err) == data.EInternal {
				n.d.Hide()
				n.u.showError(err)
				return
			}
			n.showError(err)
			return
		}
		n.d.Hide()
		n.issued(n.kind, d, p)
	})
}
