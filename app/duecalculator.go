package app

import (
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

// dueCalculator computes an appointment date with the calendar on show,
// as "motcua calendar due" does.
type dueCalculator struct {
	u   *UI
	cal func() *data.Calendar // nil while it loads

	received *field
	// clockText is what received last showed of the clock; once the
	// officer types another time, the field keeps it.
	clockText  string
	dueDays    *field
	dueCutoff  *field
	computeDue *widget.Button
	due        *widget.Label
	// answered runs once due says something: the screen brings it in
	// sight.
	answered func()

	content *fyne.Container
}

func newDueCalculator(u *UI, cal func() *data.Calendar) *dueCalculator {
	c := &dueCalculator{u: u, cal: cal, answered: func() {}}
	c.received = newField(u, "")
	c.followClock()
	c.received.OnSubmitted = func(string) { c.onDue() }
	c.dueDays = newField(u, lang.L("catalog.days.placeholder"))
	c.dueDays.OnSubmitted = func(string) { c.onDue() }
	c.dueCutoff = newField(u, lang.L("calendar.due.cutoff.placeholder"))
	c.dueCutoff.OnSubmitted = func(string) { c.onDue() }
	c.computeDue = widget.NewButtonWithIcon(lang.L("calendar.due.compute"), theme.ConfirmIcon(), c.onDue)
	c.due = wrapped("", fyne.TextStyle{})
	c.content = container.NewVBox(
		note(lang.L("calendar.due.subtitle")),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("calendar.due.received")), c.received,
			widget.NewLabel(lang.L("calendar.due.days")), c.dueDays,
			widget.NewLabel(lang.L("calendar.due.cutoff")), c.dueCutoff,
		),
		container.NewHBox(c.computeDue), c.due,
	)
	return c
}

// followClock shows the time now as the time received, unless the
// officer typed one.
func (c *dueCalculator) followClock() {
	if c.received.Text != c.clockText {
		return
	}
	c.clockText = c.u.now().In(data.Zone).Format("02/01/2006 15:04")
	c.received.SetText(c.clockText)
}

// onDue computes the appointment date with the calendar in memory.
func (c *dueCalculator) onDue() {
	defer func() { c.answered() }()
	c.followClock()
	c.due.Importance = widget.DangerImportance
	at, ok := parseReceived(c.received.Text)
	if !ok {
		c.due.SetText(lang.L("calendar.due.badReceived"))
		c.u.win.Canvas().Focus(c.received)
		return
	}
	n, err := strconv.Atoi(strings.TrimSpace(c.dueDays.Text))
	if err != nil || n < 0 || n > data.MaxWorkingDays {
		c.due.SetText(lang.L("calendar.due.badDays", map[string]any{"Max": data.MaxWorkingDays}))
		c.u.win.Canvas().Focus(c.dueDays)
		return
	}
	cut, err := data.ParseClock(clock(c.dueCutoff.Text))
	if err != nil {
		c.due.SetText(lang.L("calendar.due.badCutoff"))
		c.u.win.Canvas().Focus(c.dueCutoff)
		return
	}
	cal := c.cal()
	if cal == nil {
		return // still loading
	}
	due := cal.Due(at, n, cut)
	c.due.Importance = widget.HighImportance
	c.due.TextStyle = fyne.TextStyle{Bold: true}
	c.due.SetText(lang.L("calendar.due.result", map[string]any{
		"Weekday": weekdayName(due.Weekday()), "Date": due.Format("02/01/2006"),
		"ReceivedWeekday": weekdayName(at.Weekday()), "Received": at.Format("15:04 02/01/2006"), "Days": n,
	}))
}
