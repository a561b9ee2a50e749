package app

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// calendarScreen shows a year's holidays and days off, lets an
// administrator add or remove the year's own days off and make-up working
// days, and computes appointment dates.
type calendarScreen struct {
	u *UI

	year   *widget.Select
	list   *widget.List
	hint   *widget.Label
	remove *widget.Button

	cal      *data.Calendar
	days     []data.SpecialDay // of the year on show
	selected int               // index in days, -1 when none

	date    *keyEntry
	dateErr *widget.Label
	kind    *widget.RadioGroup
	name    *keyEntry
	add     *widget.Button
	status  *widget.Label
	addForm *fyne.Container

	received   *keyEntry
	dueDays    *keyEntry
	dueCutoff  *keyEntry
	computeDue *widget.Button
	due        *widget.Label

	content fyne.CanvasObject
}

// Widths of the list's columns: date, weekday, state, name (the rest),
// kind.
var calendarColumns = columns{100, 95, 90, 0, 165}

func newCalendarScreen(u *UI) *calendarScreen {
	s := &calendarScreen{u: u, selected: -1}
	this := u.now().In(data.Zone).Year()
	var years []string
	for y := this - 2; y <= this+5; y++ {
		years = append(years, strconv.Itoa(y))
	}
	s.year = widget.NewSelect(years, func(string) { s.showYear() })
	s.year.Selected = strconv.Itoa(this)

	s.list = widget.NewList(func() int { return len(s.days) }, s.createRow, s.updateRow)
	s.list.OnSelected = s.onSelect
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1; s.updateHint() }
	s.hint = widget.NewLabel("")
	s.hint.Wrapping = fyne.TextWrapWord
	s.hint.Importance = widget.LowImportance
	s.remove = widget.NewButtonWithIcon(lang.L("calendar.remove"), theme.DeleteIcon(), s.onRemove)
	s.remove.Disable()

	header := container.New(calendarColumns,
		bold(lang.L("calendar.col.date")), bold(lang.L("calendar.col.weekday")),
		bold(lang.L("calendar.col.state")), bold(lang.L("calendar.col.name")), bold(lang.L("calendar.col.kind")))
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("calendar.year")), s.year),
		header,
	)
	bottom := container.NewVBox(s.hint, container.NewHBox(s.remove))
	left := container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, s.list, bottom)

	s.date = newKeyEntry(u)
	s.date.SetPlaceHolder(lang.L("calendar.date.placeholder"))
	s.date.AlwaysShowValidationError = true
	s.date.OnChanged = func(string) {
		if clearFieldError(s.date, s.dateErr) {
			s.addForm.Refresh()
		}
	}
	s.date.OnSubmitted = func(string) { s.onAdd() }
	s.dateErr = widget.NewLabel("")
	s.dateErr.Importance = widget.DangerImportance
	s.dateErr.Hide()
	s.kind = widget.NewRadioGroup([]string{lang.L("calendar.kind.off"), lang.L("calendar.kind.work")}, nil)
	s.kind.Required = true
	s.kind.SetSelected(lang.L("calendar.kind.off"))
	s.name = newKeyEntry(u)
	s.name.SetPlaceHolder(lang.L("calendar.name.placeholder"))
	s.name.OnSubmitted = func(string) { s.onAdd() }
	s.add = widget.NewButtonWithIcon(lang.L("calendar.add"), theme.ContentAddIcon(), s.onAdd)
	s.add.Importance = widget.HighImportance
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.addForm = container.NewVBox(
		note(lang.L("calendar.add.subtitle")),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("calendar.date")), container.NewVBox(s.date, s.dateErr),
			widget.NewLabel(lang.L("calendar.kind")), s.kind,
			widget.NewLabel(lang.L("calendar.name")), s.name,
		),
		container.NewHBox(s.add), s.status,
	)

	s.received = newKeyEntry(u)
	s.received.SetText(u.now().In(data.Zone).Format("02/01/2006 15:04"))
	s.received.OnSubmitted = func(string) { s.onDue() }
	s.dueDays = newKeyEntry(u)
	s.dueDays.SetPlaceHolder(lang.L("catalog.days.placeholder"))
	s.dueDays.OnSubmitted = func(string) { s.onDue() }
	s.dueCutoff = newKeyEntry(u)
	s.dueCutoff.SetPlaceHolder(lang.L("calendar.due.cutoff.placeholder"))
	s.dueCutoff.OnSubmitted = func(string) { s.onDue() }
	s.computeDue = widget.NewButtonWithIcon(lang.L("calendar.due.compute"), theme.ConfirmIcon(), s.onDue)
	s.due = widget.NewLabel("")
	s.due.Wrapping = fyne.TextWrapWord
	dueForm := container.NewVBox(
		note(lang.L("calendar.due.subtitle")),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("calendar.due.received")), s.received,
			widget.NewLabel(lang.L("calendar.due.days")), s.dueDays,
			widget.NewLabel(lang.L("calendar.due.cutoff")), s.dueCutoff,
		),
		container.NewHBox(s.computeDue), s.due,
	)

	right := container.NewVScroll(container.NewVBox(
		widget.NewCard(lang.L("calendar.add.title"), "", s.addForm),
		widget.NewCard(lang.L("calendar.due.title"), "", dueForm),
	))
	split := container.NewHSplit(left, right)
	split.Offset = 0.62
	s.content = split
	return s
}

func bold(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (s *calendarScreen) createRow() fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(calendarColumns))
	for i := range cells {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	return container.New(calendarColumns, cells...)
}

func (s *calendarScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.days) {
		return
	}
	d := s.days[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(d.Date.Format("02/01/2006"))
	cells[1].(*widget.Label).SetText(weekdayName(d.Date.Weekday()))
	state := cells[2].(*widget.Label)
	if d.Off {
		state.Importance = widget.WarningImportance
		state.SetText(lang.L("calendar.off"))
	} else {
		state.Importance = widget.SuccessImportance
		state.SetText(lang.L("calendar.working"))
	}
	cells[3].(*widget.Label).SetText(d.Name)
	kind := cells[4].(*widget.Label)
	kind.Importance = widget.LowImportance
	if isOverride(d) {
		kind.Importance = widget.HighImportance
	}
	kind.SetText(kindLabel(d.Kind))
}

// weekdayName is the day's name in the window's language, through the
// keys Fyne's own calendar widget uses.
func weekdayName(wd time.Weekday) string {
	return lang.X(strings.ToLower(wd.String()), wd.String())
}

func kindLabel(k data.DayKind) string {
	return lang.X("calendar.kind."+string(k), string(k))
}

// isOverride reports whether a special day is one of the office's own
// (removable) adjustments rather than computed by the law's rules.
func isOverride(d data.SpecialDay) bool {
	return d.Kind == data.KindExtraOff || d.Kind == data.KindMakeUp
}

// selectedYear is the year on show.
func (s *calendarScreen) selectedYear() int {
	y, err := strconv.Atoi(s.year.Selected)
	if err != nil {
		return s.u.now().In(data.Zone).Year()
	}
	return y
}

// reload reads the calendar with every override again.
func (s *calendarScreen) reload() {
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (*data.Calendar, error) {
		return s.u.desk.Calendar(ctx)
	}, func(cal *data.Calendar, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.cal = cal
		s.showYear()
	})
}

// showYear lists the special days of the chosen year.
func (s *calendarScreen) showYear() {
	if s.cal == nil {
		return
	}
	s.days = s.cal.Year(s.selectedYear())
	s.list.UnselectAll()
	s.selected = -1
	s.list.Refresh()
	s.updateHint()
}

// setYear shows year y, adding it to the choices when it is not there.
func (s *calendarScreen) setYear(y int) {
	v := strconv.Itoa(y)
	if v == s.year.Selected {
		s.showYear()
		return
	}
	if !slices.Contains(s.year.Options, v) {
		s.year.Options = append(s.year.Options, v)
		slices.Sort(s.year.Options)
	}
	s.year.SetSelected(v) // its OnChanged shows the year
}

func (s *calendarScreen) onSelect(id widget.ListItemID) {
	s.selected = id
	s.updateHint()
}

// updateHint says what can be done with the chosen day.
func (s *calendarScreen) updateHint() {
	if s.selected < 0 || s.selected >= len(s.days) {
		s.remove.Disable()
		s.hint.SetText(lang.L("calendar.hint"))
		return
	}
	if d := s.days[s.selected]; isOverride(d) {
		s.remove.Enable()
		s.hint.SetText(lang.L("calendar.hint.override", map[string]any{"Date": d.Date.Format("02/01/2006")}))
	} else {
		s.remove.Disable()
		s.hint.SetText(lang.L("calendar.hint.computed"))
	}
}

// parseDay reads a date as dd/mm/yyyy (or d/m/yyyy, dd-mm-yyyy) or as
// yyyy-mm-dd.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2/1/2006", "2-1-2006", "2.1.2006"} {
		if t, err := time.ParseInLocation(layout, s, data.Zone); err == nil {
			return t, true
		}
	}
	t, err := data.ParseDate(s)
	return t, err == nil
}

// parseReceived reads a reception time: a date as parseDay reads it,
// optionally followed by HH:MM; a date alone is the start of that day.
func parseReceived(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(strings.Replace(s, "T", " ", 1)), " ")
	datePart, clockPart, _ := strings.Cut(s, " ")
	d, ok := parseDay(datePart)
	if !ok {
		return time.Time{}, false
	}
	if clockPart == "" {
		return d, true
	}
	c, err := data.ParseClock(clock(clockPart))
	if err != nil {
		return time.Time{}, false
	}
	return d.Add(c), true
}

// onAdd stores the day off or make-up working day typed in the form.
func (s *calendarScreen) onAdd() {
	day, ok := parseDay(s.date.Text)
	if !ok {
		showFieldError(s.date, s.dateErr, lang.L("calendar.date.invalid"))
		s.setStatus("", widget.MediumImportance) // lays the form out again
		s.u.win.Canvas().Focus(s.date)
		return
	}
	o := data.Override{Date: day, Off: s.kind.Selected != lang.L("calendar.kind.work"), Name: s.name.Text}
	s.add.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (*data.Calendar, error) {
		return s.u.desk.SetOverride(ctx, o)
	}, func(cal *data.Calendar, err error) {
		s.add.Enable()
		if err != nil {
			if data.ErrorCode(err) != data.EInvalid {
				s.u.showError(err)
				return
			}
			s.setStatus(data.ErrorMessage(err), widget.DangerImportance)
			s.u.win.Canvas().Focus(s.name)
			return
		}
		s.cal = cal
		s.setYear(day.Year())
		for i := len(s.days) - 1; i >= 0; i-- {
			if d := s.days[i]; d.Date.Equal(day) && isOverride(d) {
				s.list.Select(i)
				s.list.ScrollTo(i)
				break
			}
		}
		key := "calendar.added.work"
		if o.Off {
			key = "calendar.added.off"
		}
		s.setStatus(lang.L(key, map[string]any{
			"Date": day.Format("02/01/2006"), "Weekday": weekdayName(day.Weekday()),
		}), widget.SuccessImportance)
		s.date.SetText("")
		s.name.SetText("")
		s.u.win.Canvas().Focus(s.date)
	})
}

// onRemove deletes the chosen override; the day goes back to the rules.
func (s *calendarScreen) onRemove() {
	if s.selected < 0 || s.selected >= len(s.days) || !isOverride(s.days[s.selected]) {
		return
	}
	day := s.days[s.selected].Date
	s.remove.Disable()
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (*data.Calendar, error) {
		return s.u.desk.RemoveOverride(ctx, day)
	}, func(cal *data.Calendar, err error) {
		if err != nil {
			s.updateHint()
			s.u.showError(err)
			return
		}
		s.cal = cal
		s.showYear()
		s.setStatus(lang.L("calendar.removed", map[string]any{"Date": day.Format("02/01/2006")}), widget.SuccessImportance)
	})
}

// onDue computes the appointment date with the calendar in memory.
func (s *calendarScreen) onDue() {
	s.due.Importance = widget.DangerImportance
	at, ok := parseReceived(s.received.Text)
	if !ok {
		s.due.SetText(lang.L("calendar.due.badReceived"))
		s.u.win.Canvas().Focus(s.received)
		return
	}
	n, err := strconv.Atoi(strings.TrimSpace(s.dueDays.Text))
	if err != nil || n < 0 || n > data.MaxWorkingDays {
		s.due.SetText(lang.L("calendar.due.badDays", map[string]any{"Max": data.MaxWorkingDays}))
		s.u.win.Canvas().Focus(s.dueDays)
		return
	}
	cut, err := data.ParseClock(clock(s.dueCutoff.Text))
	if err != nil {
		s.due.SetText(lang.L("calendar.due.badCutoff"))
		s.u.win.Canvas().Focus(s.dueCutoff)
		return
	}
	if s.cal == nil {
		return // still loading
	}
	due := s.cal.Due(at, n, cut)
	s.due.Importance = widget.HighImportance
	s.due.TextStyle = fyne.TextStyle{Bold: true}
	s.due.SetText(lang.L("calendar.due.result", map[string]any{
		"Weekday": weekdayName(due.Weekday()), "Date": due.Format("02/01/2006"),
		"ReceivedWeekday": weekdayName(at.Weekday()), "Received": at.Format("15:04 02/01/2006"), "Days": n,
	}))
}

func (s *calendarScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
	s.addForm.Refresh()
}

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
