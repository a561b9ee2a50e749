package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// fieldOverrideDate names the date of an override when parseDay cannot
// read it.
const fieldOverrideDate = "date"

// overrideForm adds one of the year's own days off or make-up working
// days to the calendar.
type overrideForm struct {
	u *UI
	// added shows the calendar with the new day, on the calendar screen.
	added func(cal *data.Calendar, day time.Time)

	date   *field
	kind   *widget.RadioGroup
	name   *field
	add    *widget.Button
	status *widget.Label
	form   *form

	content *fyne.Container
}

func newOverrideForm(u *UI, added func(*data.Calendar, time.Time)) *overrideForm {
	f := &overrideForm{u: u, added: added}
	f.date = newField(u, lang.L("calendar.date.placeholder"))
	f.date.OnSubmitted = func(string) { f.onAdd() }
	f.kind = widget.NewRadioGroup([]string{lang.L("calendar.kind.off"), lang.L("calendar.kind.work")}, nil)
	f.kind.Required = true
	f.kind.SetSelected(lang.L("calendar.kind.off"))
	f.name = newField(u, lang.L("calendar.name.placeholder"))
	f.name.OnSubmitted = func(string) { f.onAdd() }
	f.add = widget.NewButtonWithIcon(lang.L("calendar.add"), theme.ContentAddIcon(), f.onAdd)
	f.add.Importance = widget.HighImportance
	f.status = wrapped("", fyne.TextStyle{})

	f.form = newForm(u, func() { f.content.Refresh() })
	date := f.form.add(fieldOverrideDate, lang.L("calendar.date"), f.date, nil)
	f.date.OnChanged = func(string) { f.form.edited(date) }
	f.content = container.NewVBox(
		note(lang.L("calendar.add.subtitle")),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("calendar.date")), date.under(f.date),
			widget.NewLabel(lang.L("calendar.kind")), f.kind,
			widget.NewLabel(lang.L("calendar.name")), f.name,
		),
		container.NewHBox(f.add), f.status,
	)
	return f
}

// onAdd stores the day off or make-up working day typed in the form.
func (f *overrideForm) onAdd() {
	day, ok := parseDay(f.date.Text)
	if !ok {
		var bad data.Fields
		bad.Add(fieldOverrideDate, "%s", lang.L("calendar.date.invalid"))
		f.form.show(bad.Err(""))
		f.setStatus("", widget.MediumImportance)
		return
	}
	o := data.Override{Date: day, Off: f.kind.Selected != lang.L("calendar.kind.work"), Name: f.name.Text}
	f.add.Disable()
	background(&f.u.jobs, f.u.ctx, func(ctx context.Context) (*data.Calendar, error) {
		return f.u.desk.SetOverride(ctx, o)
	}, func(cal *data.Calendar, err error) {
		f.add.Enable()
		if err != nil {
			if data.ErrorCode(err) != data.EInvalid {
				f.u.showError(err)
				return
			}
			f.setStatus(data.ErrorMessage(err), widget.DangerImportance)
			f.u.win.Canvas().Focus(f.name)
			return
		}
		f.added(cal, day)
		key := "calendar.added.work"
		if o.Off {
			key = "calendar.added.off"
		}
		f.setStatus(lang.L(key, map[string]any{
			"Date": day.Format("02/01/2006"), "Weekday": weekdayName(day.Weekday()),
		}), widget.SuccessImportance)
		f.date.SetText("")
		f.name.SetText("")
		f.u.win.Canvas().Focus(f.date)
	})
}

// setStatus writes the line under the form.
func (f *overrideForm) setStatus(text string, imp widget.Importance) {
	f.status.Importance = imp
	f.status.SetText(text)
	f.content.Refresh()
}
