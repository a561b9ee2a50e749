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
// it; it stays open, saying why, when the desk refuses.
type noticeDialog struct {
	u     *UI
	kind  string
	print func(string) error
	// issued hears of the form issued and printed.
	issued func(kind string, d data.Dossier, p printed)

	d     *formDialog
	code  *widget.Entry
	items *widget.Entry
	msg   *widget.Label
	issue *widget.Button
}

func newNoticeDialog(u *UI, kind, code string, print func(string) error, issued func(string, data.Dossier, printed)) *noticeDialog {
	n := &noticeDialog{u: u, kind: kind, print: print, issued: issued}
	title, itemsLabel, placeholder := lang.L("intake.supplement.title"), lang.L("intake.supplement.items"), lang.L("intake.supplement.placeholder")
	if kind == counter.KindRefusal {
		title, itemsLabel, placeholder = lang.L("intake.refuse.title"), lang.L("intake.refuse.items"), lang.L("intake.refuse.placeholder")
	}
	n.code = widget.NewEntry()
	n.code.SetPlaceHolder(lang.L("intake.notice.code.placeholder"))
	n.code.SetText(code)
	n.items = widget.NewMultiLineEntry()
	n.items.SetPlaceHolder(placeholder)
	n.items.SetMinRowsVisible(5)
	n.items.Wrapping = fyne.TextWrapWord
	n.msg = errorLabel()
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("intake.notice.code"), n.code),
		widget.NewFormItem(itemsLabel, n.items),
	}
	n.d = newFormDialog(title, lang.L("intake.notice.issue"), items, n.onIssue, u.win)
	n.d.extra(n.msg)
	n.issue = n.d.confirm
	n.d.keepOpen = true
	n.code.OnSubmitted = func(string) { u.win.Canvas().Focus(n.items) }
	n.d.Resize(fyne.NewSize(640, n.d.MinSize().Height))
	u.showDialog(n.d)
	if n.code.Text == "" {
		u.win.Canvas().Focus(n.code)
	} else {
		u.win.Canvas().Focus(n.items)
	}
	return n
}

// showError says in the dialog why the notice was not issued.
func (n *noticeDialog) showError(msg string) {
	n.msg.SetText(msg)
	n.msg.Show()
	n.d.Resize(fyne.NewSize(640, n.d.MinSize().Height))
}

// onIssue records the notice, renders it and prints it.
func (n *noticeDialog) onIssue() {
	text, items := n.code.Text, strings.Split(n.items.Text, "\n")
	if strings.TrimSpace(text) == "" {
		n.showError(lang.L("intake.notice.code.missing"))
		n.u.win.Canvas().Focus(n.code)
		return
	}
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
			n.showError(data.ErrorMessage(err))
			return
		}
		n.d.Hide()
		n.issued(n.kind, d, p)
	})
}
