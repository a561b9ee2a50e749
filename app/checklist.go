package app

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/intake"
)

// countWidth is the width of an originals or copies field.
const countWidth = 72

// detailLines is how many lines of the focused paper's whole name the
// pane under the checklist shows without scrolling.
const detailLines = 2

// checklist is the papers the applicant handed in: the procedure's, each
// ticked when received with its originals and copies, the ones the
// officer adds, and the number of sets.
type checklist struct {
	u *UI
	r *cardReader
	// changed runs when rows come or go, for the intake to order its
	// form's fields again.
	changed func()

	docs    []*docRow
	docList *fyne.Container
	scroll  *container.Scroll
	// detail shows the whole name of the paper the cursor is on: a row
	// shows one line of it.
	detail   *widget.Label
	extra    *field
	addExtra *widget.Button
	sets     *field

	docsField, setsField *formField

	panel, bottom fyne.CanvasObject
}

// docRow is one paper of the checklist: received or not, how many
// originals and copies.
type docRow struct {
	name      string
	text      string // the name with the published copies, whole
	extra     bool   // typed by the officer, not from the catalogue
	check     *docCheck
	originals *field
	copies    *field
	ff        *formField
	box       fyne.CanvasObject
}

func newChecklist(u *UI, r *cardReader, f *form, changed func()) *checklist {
	c := &checklist{u: u, r: r, changed: changed}
	c.docList = container.NewVBox()
	c.docsField = f.add(intake.FieldDocuments, lang.L("intake.documents"), nil, nil)
	originals, copies := caption(lang.L("intake.originals")), caption(lang.L("intake.copies"))
	ch := max(originals.MinSize().Height, copies.MinSize().Height)
	counts := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(countWidth, ch), originals),
		container.NewGridWrap(fyne.NewSize(countWidth, ch), copies))
	head := container.NewVBox(
		container.NewBorder(nil, nil, nil, counts, heading(lang.L("intake.documents"))),
		c.docsField.msg)
	c.scroll = container.NewVScroll(c.docList)
	c.detail = note(lang.L("intake.documents.detail"))
	detail := container.NewVScroll(c.detail)
	line := fyne.MeasureText("Ẩy", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	detail.SetMinSize(fyne.NewSize(0, detailLines*line+2*theme.InnerPadding()))
	c.panel = container.New(layout.NewBorderLayout(head, detail, nil, nil), c.scroll, head, detail)

	c.extra = newField(u, lang.L("intake.extra.placeholder"))
	r.watch(c.extra, nil)
	c.extra.OnSubmitted = r.submitted(c.extra, func(string) { c.onAddExtra() })
	// The add button is its icon alone (Enter in the field adds too): its
	// word would narrow the field to nothing on a 1024-pixel screen.
	c.addExtra = widget.NewButtonWithIcon("", theme.ContentAddIcon(), c.onAddExtra)
	c.sets = newField(u, "1")
	c.setsField = f.entry(intake.FieldSets, lang.L("intake.sets"), c.sets)
	r.watch(c.sets, c.setsField)
	setsBox := container.NewGridWrap(fyne.NewSize(countWidth, c.sets.MinSize().Height), c.sets)
	// The number of sets on the line of the other papers, for one more
	// paper in sight.
	c.bottom = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("intake.extra")),
			container.NewHBox(c.addExtra, widget.NewLabel(lang.L("intake.sets")), setsBox), c.extra),
		c.setsField.msg)
	return c
}

// fields are the checklist's fields in screen order.
func (c *checklist) fields() []*formField {
	out := []*formField{c.docsField}
	for _, r := range c.docs {
		out = append(out, r.ff)
	}
	return append(out, c.setsField)
}

// fill makes the checklist of p's papers, keeping the papers the officer
// added.
func (c *checklist) fill(p data.Procedure) {
	var extras []*docRow
	for _, r := range c.docs {
		if r.extra {
			extras = append(extras, r)
		}
	}
	c.docs = nil
	c.docList.Objects = nil
	group := ""
	for _, d := range p.Documents {
		addCaseHeading(c.docList, &group, d.Case)
		originals, copies := d.Originals, d.Copies
		if originals+copies == 0 {
			originals = 1 // the catalogue gives no count: one original
		}
		c.add(d.Name, copiesText(d), originals, copies, false)
	}
	if len(p.Documents) == 0 {
		c.docList.Add(note(lang.L("intake.documents.none")))
	}
	for _, r := range extras {
		c.docs = append(c.docs, r)
		c.docList.Add(r.box)
	}
	c.docList.Refresh()
	c.rowsChanged()
}

// add adds a row to the checklist.
func (c *checklist) add(name, published string, originals, copies int, extra bool) *docRow {
	text := name
	if published != "" {
		text += " (" + published + ")"
	}
	r := &docRow{name: name, text: text, extra: extra}
	r.check = newDocCheck(func(bool) {
		c.clearRow(r)
		c.r.edited()
	}, func() { c.reveal(r) })
	r.originals = newField(c.u, "")
	r.originals.SetText(strconv.Itoa(originals))
	r.copies = newField(c.u, "")
	r.copies.SetText(strconv.Itoa(copies))
	r.ff = &formField{label: "", entry: &r.originals.Entry, focus: r.originals,
		owns: []fyne.Focusable{r.originals, r.copies}, live: markAway, msg: errorLabel()}
	for _, e := range []*field{r.originals, r.copies} {
		e.OnChanged = c.r.changed(e, nil, func(string) { c.clearRow(r) })
		e.OnSubmitted = c.r.submitted(e, func(string) { c.u.win.Canvas().FocusNext() })
		e.onFocus = func() { c.reveal(r) }
	}
	label := widget.NewLabel(text)
	label.Truncation = fyne.TextTruncateEllipsis
	h := r.originals.MinSize().Height
	counts := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(countWidth, h), r.originals),
		container.NewGridWrap(fyne.NewSize(countWidth, h), r.copies))
	right := counts
	if extra {
		r.check.SetChecked(true)
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { c.remove(r) })
		remove.Importance = widget.LowImportance
		right = container.NewHBox(counts, remove)
	}
	r.box = container.NewVBox(
		container.NewBorder(nil, nil, container.NewVBox(r.check), container.NewVBox(right), label),
		r.ff.msg)
	c.docs = append(c.docs, r)
	c.docList.Add(r.box)
	return r
}

// reveal scrolls the checklist to the row the cursor is on and shows
// its whole name under the list.
func (c *checklist) reveal(r *docRow) {
	c.detail.SetText(r.text)
	top := r.box.Position().Y
	bottom := top + r.box.Size().Height
	off, h := c.scroll.Offset.Y, c.scroll.Size().Height
	switch {
	case top < off:
		off = top
	case bottom > off+h:
		off = bottom - h
	default:
		return
	}
	c.scroll.ScrollToOffset(fyne.NewPos(0, off))
}

// docCheck is a paper's tick box, which tells the checklist when the
// cursor comes onto it.
type docCheck struct {
	widget.Check
	onFocus func()
}

func newDocCheck(changed func(bool), onFocus func()) *docCheck {
	c := &docCheck{onFocus: onFocus}
	c.OnChanged = changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *docCheck) FocusGained() {
	c.Check.FocusGained()
	c.onFocus()
}

// onAddExtra adds the paper typed in the extra field, received.
func (c *checklist) onAddExtra() {
	name := data.Clean(c.extra.Text)
	if name == "" {
		return
	}
	c.add(name, "", 1, 0, true)
	c.docList.Refresh()
	c.rowsChanged()
	c.extra.SetText("")
	c.r.form.edited(c.docsField)
	c.r.edited()
}

// remove takes a paper the officer added off the checklist.
func (c *checklist) remove(r *docRow) {
	for i, d := range c.docs {
		if d == r {
			c.docs = append(c.docs[:i], c.docs[i+1:]...)
			break
		}
	}
	c.docList.Remove(r.box)
	c.rowsChanged()
	c.r.edited()
	c.u.win.Canvas().Focus(c.extra)
}

func (c *checklist) rowsChanged() {
	c.docsField.focus = nil
	if len(c.docs) > 0 {
		c.docsField.focus = c.docs[0].check
	}
	c.changed()
}

// clearRow takes a paper's message away once it is edited, and the
// message over the papers with it.
func (c *checklist) clearRow(r *docRow) {
	if !r.ff.msg.Visible() && !c.docsField.msg.Visible() {
		return
	}
	r.ff.clear()
	c.docsField.clear()
	c.r.form.relayout()
}

// read puts the papers ticked in a request, naming each row's field by
// its place among them as the rules of data/intake do; bad gets the
// counts that are no numbers.
func (c *checklist) read(bad *data.Fields) (docs []data.SubmittedDocument, sets int) {
	for _, r := range c.docs {
		r.ff.names = nil
		if !r.check.Checked {
			continue
		}
		i := len(docs)
		r.ff.names = []string{docField(i, "name"), docField(i, "originals")}
		o, ok1 := count(r.originals.Text)
		cp, ok2 := count(r.copies.Text)
		if !ok1 || !ok2 {
			bad.Add(docField(i, "originals"), "%s", lang.L("intake.count.invalid"))
		}
		docs = append(docs, data.SubmittedDocument{Name: r.name, Originals: o, Copies: cp})
	}
	sets, ok := count(c.sets.Text)
	if !ok {
		bad.Add(intake.FieldSets, "%s", lang.L("intake.sets.invalid"))
	}
	return docs, sets
}

// docField names a document's field as data/intake does.
func docField(i int, name string) string {
	return fmt.Sprintf("%s[%d].%s", intake.FieldDocuments, i, name)
}

// clear empties the checklist: no papers, one set.
func (c *checklist) clear() {
	c.docs = nil
	c.docList.Objects = nil
	c.docList.Refresh()
	c.detail.SetText(lang.L("intake.documents.detail"))
	c.extra.SetText("")
	c.sets.SetText("1")
	c.rowsChanged()
}
