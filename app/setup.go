package app

import (
	"context"
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// setupScreen edits the office configuration: the same fields as
// "motcua init".
type setupScreen struct {
	u *UI

	agencyCode     *keyEntry
	name           *keyEntry
	parent         *keyEntry
	place          *keyEntry
	workstation    *widget.Select
	trackingPrefix *keyEntry
	paper          *widget.RadioGroup
	save           *widget.Button

	intro  *widget.Label
	status *widget.Label
	page   *fyne.Container
	// fields are the inputs in screen order, each with the label that
	// shows its error under it.
	fields []setupField

	content fyne.CanvasObject
}

// setupField is one input of the form.
type setupField struct {
	name  string         // as data.Office's validation names it
	focus fyne.Focusable // nil for the paper radios
	entry *keyEntry      // nil unless the input is an entry
	msg   *widget.Label
}

func newSetupScreen(u *UI) *setupScreen {
	s := &setupScreen{u: u}
	entry := func(placeholder string) *keyEntry {
		e := newKeyEntry(u)
		e.SetPlaceHolder(placeholder)
		e.AlwaysShowValidationError = true
		e.OnSubmitted = func(string) { s.onSave() }
		return e
	}
	s.agencyCode = entry(lang.L("setup.agencyCode.example"))
	s.name = entry(lang.L("setup.name.example"))
	s.parent = entry(lang.L("setup.parent.example"))
	s.place = entry(lang.L("setup.place.example"))
	s.trackingPrefix = entry(lang.L("setup.tracking.example"))
	s.workstation = widget.NewSelect([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, func(string) { s.clearError("workstation") })
	s.workstation.PlaceHolder = lang.L("setup.workstation.choose")
	s.paper = widget.NewRadioGroup([]string{"A4", "A5"}, func(string) { s.clearError("paper") })
	s.paper.Horizontal = true
	s.paper.Required = true
	s.paper.SetSelected("A4")
	s.save = widget.NewButtonWithIcon(lang.L("setup.save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance

	s.intro = widget.NewLabel(lang.L("setup.intro.first"))
	s.intro.Wrapping = fyne.TextWrapWord
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord

	form := container.New(layout.NewFormLayout())
	add := func(name, label string, input fyne.CanvasObject, focus fyne.Focusable) {
		f := setupField{name: name, focus: focus, msg: widget.NewLabel("")}
		f.msg.Importance = widget.DangerImportance
		f.msg.Wrapping = fyne.TextWrapWord
		f.msg.Hide()
		if e, ok := input.(*keyEntry); ok {
			f.entry = e
			e.OnChanged = func(string) { s.clearError(name) }
		}
		s.fields = append(s.fields, f)
		form.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		form.Add(container.NewVBox(input, f.msg))
	}
	add("agency-code", lang.L("setup.agencyCode"), s.agencyCode, s.agencyCode)
	add("office", lang.L("setup.name"), s.name, s.name)
	add("parent", lang.L("setup.parent"), s.parent, s.parent)
	add("place", lang.L("setup.place"), s.place, s.place)
	add("workstation", lang.L("setup.workstation"), s.workstation, s.workstation)
	add("tracking-prefix", lang.L("setup.tracking"), s.trackingPrefix, s.trackingPrefix)
	add("paper", lang.L("setup.paper"), s.paper, nil)

	heading := widget.NewLabelWithStyle(lang.L("nav.setup"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	s.page = container.NewVBox(heading, s.intro, form, container.NewHBox(s.save), s.status)
	s.content = container.NewVScroll(container.New(maxWidth(760), s.page))
	return s
}

// office reads the fields.
func (s *setupScreen) office() data.Office {
	ws, _ := strconv.Atoi(s.workstation.Selected)
	return data.Office{
		AgencyCode:     s.agencyCode.Text,
		Name:           s.name.Text,
		Parent:         s.parent.Text,
		Place:          s.place.Text,
		Workstation:    ws,
		TrackingPrefix: s.trackingPrefix.Text,
		PaperSize:      s.paper.Selected,
	}
}

// fill shows o in the fields.
func (s *setupScreen) fill(o data.Office) {
	s.agencyCode.SetText(o.AgencyCode)
	s.name.SetText(o.Name)
	s.parent.SetText(o.Parent)
	s.place.SetText(o.Place)
	s.trackingPrefix.SetText(o.TrackingPrefix)
	if o.Workstation >= 1 && o.Workstation <= 9 {
		s.workstation.SetSelected(strconv.Itoa(o.Workstation))
	} else {
		s.workstation.ClearSelected()
	}
	if o.PaperSize == "A5" {
		s.paper.SetSelected("A5")
	} else {
		s.paper.SetSelected("A4")
	}
	s.clearErrors()
}

// load shows the stored configuration.
func (s *setupScreen) load(o data.Office) {
	s.fill(o)
	s.intro.SetText(lang.L("setup.intro"))
}

func (s *setupScreen) onSave() {
	o := s.office()
	s.clearErrors()
	s.save.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Office, error) {
		return s.u.desk.SaveOffice(ctx, o)
	}, func(_ data.Office, err error) {
		s.save.Enable()
		if err != nil {
			s.showErrors(err)
			return
		}
		first := !s.u.configured
		s.u.configured = true
		s.intro.SetText(lang.L("setup.intro"))
		s.setStatus(lang.L("setup.saved"), widget.SuccessImportance)
		if first {
			s.u.show(sectionCatalog)
		}
	})
}

// showErrors puts each field's message under the field and the cursor in
// the first bad one; any other error goes to a dialog.
func (s *setupScreen) showErrors(err error) {
	bad, ok := fieldErrors(err)
	if !ok {
		s.u.showError(err)
		return
	}
	if _, isBad := bad["workstation"]; isBad && s.workstation.Selected == "" {
		bad["workstation"] = lang.L("setup.workstation.missing")
	}
	summary := errorSummary(err)
	var first fyne.Focusable
	shown := map[string]bool{}
	for _, f := range s.fields {
		msg, isBad := bad[f.name]
		if !isBad {
			continue
		}
		shown[f.name] = true
		if f.entry != nil {
			showFieldError(f.entry, f.msg, msg)
		} else {
			f.msg.SetText(msg)
			f.msg.Show()
		}
		if first == nil {
			first = f.focus
		}
	}
	var de *data.Error
	errors.As(err, &de)
	for _, f := range de.Fields {
		if !shown[f.Field] { // a field this form does not have
			summary += "\n" + capitalize(f.Message)
		}
	}
	s.setStatus(summary, widget.DangerImportance) // lays the page out again
	if first != nil {
		s.u.win.Canvas().Focus(first)
	}
}

// clearError takes a field's message away once the field is edited.
func (s *setupScreen) clearError(name string) {
	for _, f := range s.fields {
		if f.name != name || !f.msg.Visible() {
			continue
		}
		if f.entry != nil {
			clearFieldError(f.entry, f.msg)
		} else {
			f.msg.SetText("")
			f.msg.Hide()
		}
		if s.status.Importance == widget.DangerImportance && !s.hasErrors() {
			s.setStatus("", widget.MediumImportance)
		} else {
			s.page.Refresh()
		}
	}
}

func (s *setupScreen) hasErrors() bool {
	for _, f := range s.fields {
		if f.msg.Visible() {
			return true
		}
	}
	return false
}

func (s *setupScreen) clearErrors() {
	for _, f := range s.fields {
		s.clearError(f.name)
	}
	s.setStatus("", widget.MediumImportance)
}

// setStatus writes the line under the save button and lays the page out
// again, as messages come and go.
func (s *setupScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
	s.page.Refresh()
}

// fieldError is the message shown under a field, "" when it is fine.
func (s *setupScreen) fieldError(name string) string {
	for _, f := range s.fields {
		if f.name == name && f.msg.Visible() {
			return f.msg.Text
		}
	}
	return ""
}
