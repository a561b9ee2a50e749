package app

import (
	"time"

	"fyne.io/fyne/v2"

	"motcua/data/scan"
)

// scanEnterWindow is how long after a scan read without its Enter the
// Enter, when it comes, is taken as the scan's.
const scanEnterWindow = time.Second

// cardReader hears every entry of the intake: a scanner may type an ID
// card QR into whichever field has the cursor, so each entry gives the
// scan to the applicant form and keeps what the officer had typed. It
// also clears a field's message when it is edited, asks the intake for a
// new preview, and marks a wrong field when the cursor leaves it.
type cardReader struct {
	u    *UI
	form *form
	// fill puts a card's fields in the applicant's.
	fill func(scan.Result)
	// edited runs after every change of the intake's form.
	edited func()
	// latest is the latest preview's messages by field name; nil while
	// the form has changed since.
	latest func() map[string]string

	// A scan read before its Enter came: until then, an Enter in any
	// field of the intake is the scan's.
	scanUntil time.Time
}

// watch makes an entry hear the scanner, clear its field's message when
// edited and have the dossier previewed again; Enter moves on, and
// leaving it marks it when the latest preview found it wrong.
func (r *cardReader) watch(e *field, ff *formField) {
	e.OnChanged = r.changed(e, ff, nil)
	e.OnSubmitted = r.submitted(e, func(string) { r.u.win.Canvas().FocusNext() })
	e.onFocusLost = func() { r.form.markLeft(ff, r.latest()) }
}

// changed is the OnChanged of an entry: a complete ID card QR typed into
// it fills the applicant; else its message goes and then more runs.
func (r *cardReader) changed(e *field, ff *formField, more func(string)) func(string) {
	return func(text string) {
		if r.scanInto(e, text, false) {
			return
		}
		r.scanUntil = time.Time{} // typing, not scanning
		r.form.edited(ff)
		if more != nil {
			more(text)
		}
		r.edited()
	}
}

// submitted is the OnSubmitted of an entry: the Enter of a scan fills the
// applicant; any other runs then.
func (r *cardReader) submitted(e *field, then func(string)) func(string) {
	return func(text string) {
		if r.enterOfScan() || r.scanInto(e, text, true) {
			return
		}
		then(text)
	}
}

// scanInto takes an ID card QR that a scanner typed into e: on its Enter
// (submitted), or as soon as it is complete. The entry gets its text back
// and the applicant is filled. It reports whether text held a scan.
func (r *cardReader) scanInto(e *field, text string, submitted bool) bool {
	start, end, complete, ok := scan.FindIDCard(text)
	if !ok || (!submitted && !complete) {
		return false
	}
	e.SetText(text[:start] + text[end:])
	r.fill(scan.Parse(text[start:end]))
	if !submitted {
		r.expectEnter() // after the fields' changes, which end the wait
	}
	return true
}

// expectEnter takes the next Enter, if it comes at once, as the end of
// a scan already read: it may come to the field the cursor moved to.
func (r *cardReader) expectEnter() {
	r.scanUntil = time.Now().Add(scanEnterWindow)
}

// enterOfScan reports whether an Enter ends a scan already read.
func (r *cardReader) enterOfScan() bool {
	if r.scanUntil.IsZero() || time.Now().After(r.scanUntil) {
		return false
	}
	r.scanUntil = time.Time{}
	return true
}

// focus puts the cursor in o.
func (r *cardReader) focus(o fyne.Focusable) { r.u.win.Canvas().Focus(o) }
