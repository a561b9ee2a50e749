package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// timeLimitForm sets the working days and same-day cutoff the office
// counts a procedure's due dates with.
type timeLimitForm struct {
	u *UI
	// saved hears of the procedure as stored after a save.
	saved func(data.Procedure)
	p     data.Procedure // the procedure edited; Code "" when none

	review      *widget.Label
	days        *field
	cutoff      *field
	saveLimit   *widget.Button
	limitStatus *widget.Label
	form        *form

	content *fyne.Container
}

func newTimeLimitForm(u *UI, relayout func(), saved func(data.Procedure)) *timeLimitForm {
	f := &timeLimitForm{u: u, saved: saved}
	f.review = wrapped(lang.L("catalog.review.hint"), fyne.TextStyle{Bold: true})
	f.review.Importance = widget.WarningImportance
	f.review.Hide()
	f.days = newField(u, lang.L("catalog.days.placeholder"))
	f.days.OnSubmitted = func(string) { f.onSave() }
	f.cutoff = newField(u, lang.L("catalog.cutoff.placeholder"))
	f.cutoff.OnSubmitted = func(string) { f.onSave() }
	f.saveLimit = widget.NewButtonWithIcon(lang.L("catalog.limit.save"), theme.DocumentSaveIcon(), f.onSave)
	f.saveLimit.Importance = widget.HighImportance
	f.limitStatus = wrapped("", fyne.TextStyle{})
	f.limitStatus.Hide()

	f.form = newForm(u, relayout)
	days := f.form.add(data.FieldWorkingDays, lang.L("catalog.days"), f.days, nil)
	cutoff := f.form.add(data.FieldSameDayCutoff, lang.L("catalog.cutoff"), f.cutoff, nil)
	f.days.OnChanged = func(string) { f.form.edited(days) }
	f.cutoff.OnChanged = func(string) { f.form.edited(cutoff) }
	f.content = container.NewVBox(f.review,
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("catalog.days")), days.under(f.days),
			widget.NewLabel(lang.L("catalog.cutoff")), cutoff.under(f.cutoff),
		),
		container.NewHBox(f.saveLimit), f.limitStatus)
	return f
}

// edit shows p's time limit in the fields.
func (f *timeLimitForm) edit(p data.Procedure) {
	f.p = p
	if p.NeedsReview() {
		f.review.Show()
		f.days.SetText("")
	} else {
		f.review.Hide()
		f.days.SetText(strconv.Itoa(*p.WorkingDays))
	}
	f.cutoff.SetText(p.SameDayCutoff)
	f.form.clearAll()
}

// onSave stores the working days and same-day cutoff typed.
func (f *timeLimitForm) onSave() {
	code := f.p.Code
	if code == "" {
		return
	}
	var (
		tl  data.TimeLimit
		bad data.Fields
	)
	switch t := strings.TrimSpace(f.days.Text); {
	case t == "" && f.p.NeedsReview():
		bad.Add(data.FieldWorkingDays, "%s", lang.L("catalog.days.missing"))
	case t != "":
		n, err := strconv.Atoi(t)
		if err != nil {
			bad.Add(data.FieldWorkingDays, "%s", lang.L("catalog.days.notNumber"))
		}
		tl.WorkingDays = &n
	}
	cutoff := clock(f.cutoff.Text)
	tl.SameDayCutoff = &cutoff
	if err := bad.Err(lang.L("catalog.limit.invalid")); err != nil {
		f.showErrors(err)
		return
	}
	f.saveLimit.Disable()
	background(&f.u.jobs, f.u.ctx, func(ctx context.Context) (data.Procedure, error) {
		return f.u.desk.SetTimeLimit(ctx, code, tl)
	}, func(p data.Procedure, err error) {
		f.saveLimit.Enable()
		if err != nil {
			f.showErrors(err)
			return
		}
		if f.p.Code == code {
			f.setStatus(lang.L("catalog.limit.saved", map[string]any{"Limit": limitLabel(p)}), widget.SuccessImportance)
		}
		f.saved(p)
	})
}

func (f *timeLimitForm) showErrors(err error) {
	summary, ok := f.form.show(err)
	if !ok {
		f.setStatus("", widget.MediumImportance)
		f.form.relayout()
		f.u.showError(err)
		return
	}
	f.setStatus(summary, widget.DangerImportance)
	f.form.relayout()
}

// setStatus says how saving the time limit went; "" hides it. The
// caller lays the panel out again.
func (f *timeLimitForm) setStatus(text string, imp widget.Importance) {
	setLine(f.limitStatus, text, imp)
}
