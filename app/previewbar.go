package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// previewed is what the desk says of the intake's form as it stands.
type previewed struct {
	dossier data.Dossier // Code "" unless the request would be saved
	err     error        // why it would not
	due     time.Time    // the due date its time limit gives, zero when unknown
	days    int
}

// previewBar is the foot of the intake: the code and due date the
// dossier will get, or what is still missing, as the officer types; the
// save and new-intake buttons; and why saving failed.
type previewBar struct {
	code      *widget.Label
	due       *widget.Label
	note      *widget.Label
	save      *widget.Button
	newIntake *widget.Button
	status    *widget.Label

	// aside is beside the code: the intake puts its officer there.
	aside   *fyne.Container
	content fyne.CanvasObject
}

func newPreviewBar(onSave, onNew func()) *previewBar {
	b := &previewBar{}
	b.code = widget.NewLabel("")
	b.code.Truncation = fyne.TextTruncateEllipsis
	b.due = heading("")
	b.due.SizeName = theme.SizeNameSubHeadingText
	b.note = wrapped("", fyne.TextStyle{})
	b.save = widget.NewButtonWithIcon(lang.L("intake.save"), theme.DocumentSaveIcon(), onSave)
	b.save.Importance = widget.HighImportance
	b.newIntake = widget.NewButtonWithIcon(lang.L("intake.new"), theme.ContentClearIcon(), onNew)
	b.status = wrapped("", fyne.TextStyle{})
	b.status.Importance = widget.DangerImportance
	b.status.Hide()
	b.aside = container.NewStack()
	b.content = container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, b.aside, b.code),
		b.due,
		b.note,
		container.NewHBox(b.save, b.newIntake),
		b.status)
	return b
}

// show shows the code and due date the dossier would get, or what is
// still missing (missing names it); chosen is false before a procedure
// is, and err is why the desk could not say.
func (b *previewBar) show(chosen bool, r previewed, err error, missing func(err error, days string, noDue bool) string) {
	b.note.Importance = widget.LowImportance
	switch {
	case !chosen:
		b.code.SetText(lang.L("intake.preview.code", map[string]any{"Code": "—"}))
		b.due.SetText("")
		b.note.SetText(lang.L("intake.preview.choose"))
	case err != nil:
		b.code.SetText(lang.L("intake.preview.code", map[string]any{"Code": "—"}))
		b.due.SetText("")
		b.note.Importance = widget.DangerImportance
		b.note.SetText(errorSummary(err))
	default:
		code := r.dossier.Code
		if code == "" {
			code = lang.L("intake.preview.codeLater")
		}
		b.code.SetText(lang.L("intake.preview.code", map[string]any{"Code": code}))
		if r.due.IsZero() {
			b.due.SetText(lang.L("intake.preview.noDue"))
		} else {
			b.due.SetText(lang.L("intake.preview.due", map[string]any{"Date": longDate(r.due)}))
		}
		days := lang.N("catalog.workingDays", r.days, map[string]any{"Count": r.days})
		if r.err == nil {
			b.note.Importance = widget.SuccessImportance
			b.note.SetText(lang.L("intake.preview.ready", map[string]any{"Days": days}))
		} else {
			b.note.SetText(missing(r.err, days, r.due.IsZero()))
		}
	}
	b.note.Refresh()
}
