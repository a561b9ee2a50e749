package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file holds the widgets every screen shares.

// field is the one-line entry of every screen. Fyne gives a key without
// a modifier only to the widget that has the cursor, so the field passes
// the keys that work wherever the cursor is (F2) on to the window, and
// tells it the officer is there (the idle lock). A
// screen may see keys first (onKey: the arrows of the procedure list) and
// hear when the cursor leaves (onFocusLost).
type field struct {
	widget.Entry
	u *UI

	// onKey sees each key first; it returns true when it took the key.
	onKey func(*fyne.KeyEvent) bool
	// onFocus runs when the cursor comes in; onFocusLost when it leaves.
	onFocus, onFocusLost func()
	// selectOnFocus selects the text when the cursor comes in, so that
	// typing replaces it.
	selectOnFocus bool
}

func newField(u *UI, placeholder string) *field {
	f := &field{u: u}
	f.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	f.AlwaysShowValidationError = true
	f.ExtendBaseWidget(f)
	f.SetPlaceHolder(placeholder)
	return f
}

// TypedKey gives the key to onKey, then to the window's hotkeys, then to
// the entry.
func (f *field) TypedKey(ev *fyne.KeyEvent) {
	f.u.active()
	if f.onKey != nil && f.onKey(ev) {
		return
	}
	if f.u.onHotkey(ev) {
		return
	}
	f.Entry.TypedKey(ev)
}

// TypedRune notes that the officer is at the window, for the idle lock.
func (f *field) TypedRune(r rune) {
	f.u.active()
	f.Entry.TypedRune(r)
}

// FocusGained selects the text when selectOnFocus, and tells onFocus.
func (f *field) FocusGained() {
	f.Entry.FocusGained()
	if f.onFocus != nil {
		f.onFocus()
	}
	if f.selectOnFocus && f.Text != "" {
		f.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// FocusLost tells onFocusLost after the entry.
func (f *field) FocusLost() {
	f.Entry.FocusLost()
	if f.onFocusLost != nil {
		f.onFocusLost()
	}
}

// keyList is a list that opens its focused row on Enter, as Space does,
// and lets F2 through to the window.
type keyList struct {
	widget.List
	u *UI
}

func newKeyList(u *UI, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{u: u}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	l.u.active()
	switch {
	case l.u.onHotkey(ev):
	case ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		l.List.TypedKey(ev)
	}
}

// banner is a message on a tinted band: red for what the officer must
// not miss (a forged receipt), amber for a scan to try again, green for
// what was done. A message replaces the one before. A fading banner
// (fade) hides what is not an error after fadeAfter; an error stays until
// the next message. A reserved banner (reserve) keeps its place while
// empty, so that a message coming or going moves nothing under it.
type banner struct {
	bg      *canvas.Rectangle
	text    *widget.Label
	content *fyne.Container

	after    func(time.Duration, func()) func()
	stopFade func()
	reserved bool
}

// fadeAfter is how long a message that is no error stays.
const fadeAfter = 6 * time.Second

func newBanner() *banner {
	b := &banner{bg: canvas.NewRectangle(color.Transparent), text: widget.NewLabel("")}
	b.bg.CornerRadius = theme.InputRadiusSize()
	b.bg.StrokeWidth = 1
	b.text.Wrapping = fyne.TextWrapWord
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.content = container.NewStack(b.bg, b.text)
	b.content.Hide()
	return b
}

// fade makes the banner hide what is no error after fadeAfter, on the
// window's timers.
func (b *banner) fade(after func(time.Duration, func()) func()) *banner {
	b.after = after
	return b
}

// reserve keeps lines lines of the band in place, message or not; a
// longer message scrolls inside them.
func (b *banner) reserve(lines int) *banner {
	b.reserved = true
	h := float32(lines)*(theme.TextSize()+theme.LineSpacing()) + 2*theme.InnerPadding()
	scroll := container.NewVScroll(b.text)
	scroll.SetMinSize(fyne.NewSize(0, h))
	b.content.Objects = []fyne.CanvasObject{b.bg, scroll}
	b.content.Show()
	b.hideBand()
	return b
}

// hideBand empties the band: hidden, or clear in its reserved place.
func (b *banner) hideBand() {
	if !b.reserved {
		b.content.Hide()
		return
	}
	b.text.SetText("")
	b.bg.FillColor, b.bg.StrokeColor = color.Transparent, color.Transparent
	b.bg.Refresh()
}

// show writes text on the band in the colour of imp; "" hides it.
func (b *banner) show(text string, imp widget.Importance) {
	if b.stopFade != nil {
		b.stopFade()
		b.stopFade = nil
	}
	if text == "" {
		b.hideBand()
		return
	}
	if b.after != nil && imp != widget.DangerImportance {
		b.stopFade = b.after(fadeAfter, func() {
			b.stopFade = nil
			b.hideBand()
		})
	}
	name := theme.ColorNamePrimary
	switch imp {
	case widget.DangerImportance:
		name = theme.ColorNameError
	case widget.WarningImportance:
		name = theme.ColorNameWarning
	case widget.SuccessImportance:
		name = theme.ColorNameSuccess
	}
	c := color.NRGBAModel.Convert(theme.Color(name)).(color.NRGBA)
	b.bg.StrokeColor = c
	c.A = 0x30
	b.bg.FillColor = c
	b.text.Importance = imp
	b.text.SetText(text)
	b.content.Show()
	b.content.Refresh()
}

// message is the band's text, "" when hidden.
func (b *banner) message() string {
	if !b.content.Visible() {
		return ""
	}
	return b.text.Text
}

// importance is the colour of the message on show.
func (b *banner) importance() widget.Importance { return b.text.Importance }

// scanLog shows the last few things scans did, newest first, so that a
// refusal stays in sight while the next dossiers are scanned.
type scanLog struct {
	lines []*widget.Label
	box   *fyne.Container
}

func newScanLog(n int) *scanLog {
	l := &scanLog{box: container.New(layout.NewCustomPaddedVBoxLayout(0))}
	for i := 0; i < n; i++ {
		line := widget.NewLabel("")
		if i == 0 {
			line.Wrapping = fyne.TextWrapWord
			line.TextStyle = fyne.TextStyle{Bold: true}
		} else {
			line.Truncation = fyne.TextTruncateEllipsis
		}
		line.Hide()
		l.lines = append(l.lines, line)
		l.box.Add(line)
	}
	return l
}

// add writes text on top, moving the older lines down.
func (l *scanLog) add(text string, imp widget.Importance) {
	for i := len(l.lines) - 1; i > 0; i-- {
		prev := l.lines[i-1]
		l.lines[i].Importance = prev.Importance
		l.lines[i].Text = prev.Text
		l.lines[i].Hidden = prev.Hidden
		l.lines[i].Refresh()
	}
	l.lines[0].Importance = imp
	l.lines[0].SetText(text)
	l.lines[0].Show()
	l.box.Refresh()
}

func (l *scanLog) clear() {
	for _, line := range l.lines {
		line.SetText("")
		line.Hide()
	}
	l.box.Refresh()
}

// last is the newest line, "" when none.
func (l *scanLog) last() string { return l.lines[0].Text }

// formDialog is a small form in a dialog, with a cancel and a confirm
// button. Confirming runs onConfirm and closes the dialog, unless
// keepOpen: then onConfirm closes it when it is done.
type formDialog struct {
	*dialog.CustomDialog
	confirm  *widget.Button
	box      *fyne.Container
	keepOpen bool
}

func newFormDialog(title, confirm string, items []*widget.FormItem, onConfirm func(), win fyne.Window) *formDialog {
	d := &formDialog{}
	d.confirm = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), func() {
		if !d.keepOpen {
			d.Hide()
		}
		onConfirm()
	})
	d.confirm.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { d.Hide() })
	d.box = container.NewVBox(widget.NewForm(items...))
	buttons := container.NewCenter(container.NewGridWithRows(1, cancel, d.confirm))
	d.CustomDialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, d.box), win)
	return d
}

// Submit confirms, as the confirm button does.
func (d *formDialog) Submit() {
	if !d.confirm.Disabled() {
		d.confirm.OnTapped()
	}
}

// extra adds o under the form.
func (d *formDialog) extra(o fyne.CanvasObject) { d.box.Add(o) }

// present shows a dialog that asks a reason for a change the desk may
// still refuse: intro above the form, msg (the desk's verdict) under it,
// kept open until the work is done, the cursor in first.
func (d *formDialog) present(u *UI, intro string, msg fyne.CanvasObject, first fyne.Focusable, resize func()) {
	d.box.Objects = append([]fyne.CanvasObject{wrapped(intro, fyne.TextStyle{})}, d.box.Objects...)
	d.extra(msg)
	d.keepOpen = true
	resize()
	u.showDialog(d)
	u.win.Canvas().Focus(first)
}

// --- Labels ---

// heading is the bold title of a part of the screen.
func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// title is a screen's title, a size larger.
func title(text string) *widget.Label {
	l := heading(text)
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// caption is a small quiet label, for column headings.
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// bold is a column heading that gives way to a narrow column.
func bold(text string) *widget.Label {
	l := heading(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// formLabel is a field's label in a form: bold, right-aligned, whole.
func formLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// wrapped is a label that wraps to the width it is given.
func wrapped(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// note is a quiet explanation that wraps to the width it is given.
func note(text string) *widget.Label {
	l := wrapped(text, fyne.TextStyle{})
	l.Importance = widget.LowImportance
	return l
}

// errorLabel is the red message under an input, hidden while it is fine.
func errorLabel() *widget.Label {
	l := wrapped("", fyne.TextStyle{})
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// addCaseHeading adds to a list of documents the heading the next one
// falls under ("Giấy tờ phải nộp" …) when it is not the last one's.
func addCaseHeading(list *fyne.Container, last *string, c string) {
	if c != "" && c != *last {
		*last = c
		list.Add(widget.NewLabelWithStyle(c, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}
}

// setLine writes a message line in the colour of imp, hidden while "".
func setLine(l *widget.Label, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// --- Buttons and rows ---

// setEnabled enables or disables a button.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// showRow shows or hides a row of a form layout, its label with it.
func showRow(label *widget.Label, input fyne.CanvasObject, visible bool) {
	if visible {
		label.Show()
		input.Show()
	} else {
		label.Hide()
		input.Hide()
	}
}

// --- Layouts ---

// columns lays objects out in a row at fixed widths, except the one whose
// width is 0, which takes what the others leave.
type columns []float32

func (c columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objects {
		m := o.MinSize()
		if i < len(c) && c[i] > 0 {
			w += c[i]
		} else {
			w += m.Width
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (c columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	rest := size.Width
	for i := range objects {
		if i < len(c) && c[i] > 0 {
			rest -= c[i]
		}
	}
	x := float32(0)
	for i, o := range objects {
		w := max(rest, 0)
		if i < len(c) && c[i] > 0 {
			w = c[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// textScroll holds a vertical scroller of wrapped texts and lays it out
// so that the texts know their width before their height is asked. Fyne's
// scroller asks its content's height first, and a wrapped label measured
// at another width (or none yet) asks too little: the end of the content
// lay out of reach. Refresh the holder when the texts change.
type textScroll struct{}

// newTextScroll scrolls content, a column of wrapped texts, as a whole.
func newTextScroll(content fyne.CanvasObject) (*container.Scroll, *fyne.Container) {
	s := container.NewVScroll(content)
	return s, container.New(textScroll{}, s)
}

func (textScroll) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }

func (textScroll) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	s := objects[0].(*container.Scroll)
	c := s.Content
	c.Resize(fyne.NewSize(size.Width, c.Size().Height)) // the texts wrap at their width
	c.Resize(c.MinSize().Max(size))
	s.Move(fyne.NewPos(0, 0))
	s.Resize(size)
	s.Refresh()
}

// maxWidth lays its objects over each other at the leading edge, no wider
// than its value unless they need it: forms stay readable on wide screens.
type maxWidth float32

func (m maxWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

func (m maxWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		w := max(min(size.Width, float32(m)), o.MinSize().Width)
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}
