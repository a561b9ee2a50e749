package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// form is the one way every form shows what the rules found wrong: the
// rules name each bad field (with the exported constants beside them, in
// data, data/intake and data/returns); the form writes each message under
// its field, marks the entry red, puts the cursor in the first bad field
// and sums up, for the line under the form, what no field of it shows.
type form struct {
	u      *UI
	fields []*formField
	// relayout lays the form out again as messages come and go.
	relayout func()
}

// formField is one input of a form with the line under it for its
// message.
type formField struct {
	// names are the field names the rules give it: one constant, or for
	// a row of the intake's checklist the names of its document.
	names []string
	label string        // as the officer reads it
	entry *widget.Entry // marked red when wrong; nil for radios, lists
	focus fyne.Focusable
	// owns are the inputs the field is made of, so that a preview does
	// not mark a field while the cursor is in it.
	owns []fyne.Focusable
	// live says when a preview's verdict, before saving, marks it.
	live liveMark
	msg  *widget.Label
}

// When a field is marked by the verdict of a preview, before saving.
type liveMark int

const (
	markOnSave liveMark = iota // only when saving
	markAlways                 // as soon as a preview finds it wrong
	markTyped                  // once the officer typed into it and left it
	markAway                   // whenever the cursor is elsewhere
)

func newForm(u *UI, relayout func()) *form {
	return &form{u: u, relayout: relayout}
}

// add records a field of the form, in screen order; e is its entry, or
// nil, and focus where the cursor goes when it is wrong (nil: nowhere).
func (f *form) add(name, label string, e *field, focus fyne.Focusable) *formField {
	ff := &formField{names: []string{name}, label: label, focus: focus, msg: errorLabel()}
	if e != nil {
		ff.entry, ff.owns = &e.Entry, []fyne.Focusable{e}
		if focus == nil {
			ff.focus = e
		}
	}
	f.fields = append(f.fields, ff)
	return ff
}

// entry records an entry field that marks itself once typed into and
// left, and clears its message when edited.
func (f *form) entry(name, label string, e *field) *formField {
	ff := f.add(name, label, e, nil)
	ff.live = markTyped
	return ff
}

// field returns the field a rule's name names, nil when none.
func (f *form) field(name string) *formField {
	for _, ff := range f.fields {
		for _, n := range ff.names {
			if n == name {
				return ff
			}
		}
	}
	return nil
}

// under is the input with the field's message line under it.
func (ff *formField) under(input fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(input, ff.msg)
}

// set writes msg under the field and marks it; "" clears both.
func (ff *formField) set(msg string) {
	if msg == "" {
		ff.clear()
		return
	}
	if ff.entry != nil {
		ff.entry.SetValidationError(errors.New(msg))
	}
	ff.msg.SetText(msg)
	ff.msg.Show()
}

// clear takes the field's message away and reports whether it had one.
func (ff *formField) clear() bool {
	if !ff.msg.Visible() {
		return false
	}
	if ff.entry != nil {
		ff.entry.SetValidationError(nil)
	}
	ff.msg.SetText("")
	ff.msg.Hide()
	return true
}

// shown is the field's message, "" when it is fine.
func (ff *formField) shown() string {
	if !ff.msg.Visible() {
		return ""
	}
	return ff.msg.Text
}

// messageIn is the first of err's messages for the field's names.
func (ff *formField) messageIn(msgs map[string]string) (string, bool) {
	for _, n := range ff.names {
		if m, ok := msgs[n]; ok {
			return m, true
		}
	}
	return "", false
}

// verdict is what the line under the form says of err: show's summary
// when err names fields, else (every field cleared) the officer's text
// of err, raw errors kept out of sight.
func (f *form) verdict(err error) string {
	summary, ok := f.show(err)
	if !ok {
		f.clearAll()
		summary = f.u.errorText(err)
	}
	return summary
}

// edited clears a field's message once the officer changes it.
func (f *form) edited(ff *formField) {
	if ff != nil && ff.clear() {
		f.relayout()
	}
}

// show marks every field err names and clears the others, puts the
// cursor in the first bad one and returns the summary for the line under
// the form: err's message and what no field shows. ok is false when err
// names no fields: then it is for a dialog or a message line.
func (f *form) show(err error) (summary string, ok bool) {
	msgs, ok := fieldMessages(err)
	if !ok {
		return "", false
	}
	shown := map[string]bool{}
	var first fyne.Focusable
	for _, ff := range f.fields {
		msg, bad := ff.messageIn(msgs)
		ff.set(msg)
		if !bad {
			continue
		}
		for _, n := range ff.names {
			shown[n] = true
		}
		if first == nil && ff.focus != nil {
			first = ff.focus
		}
	}
	summary = errorSummary(err)
	var de *data.Error
	errors.As(err, &de)
	for _, fe := range de.Fields {
		if !shown[fe.Field] { // a field this form does not have
			summary += "\n" + capitalize(fe.Message)
		}
	}
	f.relayout()
	if first != nil {
		f.u.win.Canvas().Focus(first)
	}
	return summary, true
}

// markLive marks the fields a preview found wrong that may be marked
// before saving (see liveMark), leaving the field with the cursor alone.
func (f *form) markLive(msgs map[string]string) {
	focused := f.u.win.Canvas().Focused()
	changed := false
	for _, ff := range f.fields {
		msg, bad := ff.messageIn(msgs)
		if !bad || !ff.markable(focused) {
			continue
		}
		ff.set(msg)
		changed = true
	}
	if changed {
		f.relayout()
	}
}

// markLeft marks a field the cursor leaves when the latest preview found
// it wrong and the officer has typed into it.
func (f *form) markLeft(ff *formField, msgs map[string]string) {
	if ff == nil || ff.live != markTyped || ff.entry == nil || strings.TrimSpace(ff.entry.Text) == "" || ff.msg.Visible() {
		return
	}
	if msg, bad := ff.messageIn(msgs); bad {
		ff.set(msg)
		f.relayout()
	}
}

func (ff *formField) markable(focused fyne.Focusable) bool {
	switch ff.live {
	case markAlways:
		return true
	case markTyped:
		return ff.entry != nil && strings.TrimSpace(ff.entry.Text) != "" && !ff.has(focused)
	case markAway:
		return !ff.has(focused)
	}
	return false
}

func (ff *formField) has(focused fyne.Focusable) bool {
	for _, o := range ff.owns {
		if o == focused {
			return true
		}
	}
	return false
}

// clearAll takes every message away.
func (f *form) clearAll() {
	changed := false
	for _, ff := range f.fields {
		changed = ff.clear() || changed
	}
	if changed {
		f.relayout()
	}
}

// hasErrors reports whether some field shows a message.
func (f *form) hasErrors() bool {
	for _, ff := range f.fields {
		if ff.msg.Visible() {
			return true
		}
	}
	return false
}

// message is the message under the field a rule's name names.
func (f *form) message(name string) string {
	if ff := f.field(name); ff != nil {
		return ff.shown()
	}
	return ""
}

// fieldMessages returns the per-field messages of err by field name, and
// whether err is such an error.
func fieldMessages(err error) (map[string]string, bool) {
	var de *data.Error
	if !errors.As(err, &de) || len(de.Fields) == 0 {
		return nil, false
	}
	m := make(map[string]string, len(de.Fields))
	for _, fe := range de.Fields {
		if _, dup := m[fe.Field]; !dup {
			m[fe.Field] = capitalize(fe.Message)
		}
	}
	return m, true
}
