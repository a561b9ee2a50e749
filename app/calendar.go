package app

import (
	"context"
	"slices"
	"strconv"
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
// administrator add (overrideForm) or remove the year's own days off and
// make-up working days, and computes appointment dates (dueCalculator).
type calendarScreen struct {
	u *UI

	year   *widget.Select
	list   *widget.List
	hint   *widget.Label
	remove *widget.Button

	cal      *data.Calendar
	days     []data.SpecialDay // of the year on show
	selected int               // index in days, -1 when none

	override *overrideForm
	dueCalc  *dueCalculator
	right    *container.Scroll // the forms beside the list

	content fyne.CanvasObject
}

// Widths of the list's columns: date, weekday, state, name (the rest),
// kind.
var calendarColumns = columns{96, 84, 90, 0, 150}

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
	s.hint = note("")
	s.remove = widget.NewButtonWithIcon(lang.L("calendar.remove"), theme.DeleteIcon(), s.onRemove)
	s.remove.Disable()

	header := container.New(calendarColumns,
		bold(lang.L("calendar.col.date")), bold(lang.L("calendar.col.weekday")),
		bold(lang.L("calendar.col.state")), bold(lang.L("calendar.col.name")), bold(lang.L("calendar.col.kind")))
	top := container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("calendar.year")), s.year),
		header,
	)
	// Only an administrator changes the calendar; the others are told so.
	s.remove.Hidden = !u.desk.May(data.ActCalendar)
	bottom := container.NewVBox(s.hint, container.NewHBox(s.remove), roleNote(u, data.ActCalendar))
	left := container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, s.list, bottom)

	s.override = newOverrideForm(u, s.added)
	s.dueCalc = newDueCalculator(u, func() *data.Calendar { return s.cal })
	add := widget.NewCard(lang.L("calendar.add.title"), "", s.override.content)
	add.Hidden = !u.desk.May(data.ActCalendar)
	var right *fyne.Container
	s.right, right = newTextScroll(container.NewVBox(add,
		widget.NewCard(lang.L("calendar.due.title"), "", s.dueCalc.content),
	))
	// The answer is the pane's last line: on a 768-pixel screen it lies
	// under the forms until the pane scrolls to it.
	s.dueCalc.answered = func() {
		right.Refresh()
		s.right.ScrollToBottom()
	}
	split := container.NewHSplit(left, right)
	split.Offset = 0.66
	s.content = split
	return s
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

// added shows the calendar with the override just stored, chosen.
func (s *calendarScreen) added(cal *data.Calendar, day time.Time) {
	s.cal = cal
	s.setYear(day.Year())
	for i := len(s.days) - 1; i >= 0; i-- {
		if d := s.days[i]; d.Date.Equal(day) && isOverride(d) {
			s.list.Select(i)
			s.list.ScrollTo(i)
			break
		}
	}
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
		s.override.setStatus(lang.L("calendar.removed", map[string]any{"Date": day.Format("02/01/2006")}), widget.SuccessImportance)
	})
}
