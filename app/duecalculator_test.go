package app

import (
	"strings"
	"testing"
	"time"

	"motcua/data"
)

func TestDueCalculatorCountsWorkingDays(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	cal := data.NewCalendar(data.DefaultRules(), nil)
	c := newDueCalculator(h.u, func() *data.Calendar { return cal })
	cases := []struct {
		received, days, cutoff, want string
	}{
		{"04/02/2027 09:00", "1", "", "Thứ sáu, 12/02/2027"}, // Tết in between
		{"29/04/2027 10:00", "3", "", "Thứ năm, 06/05/2027"},
		{"29/04/2027 10:00", "3", "9:30", "Thứ sáu, 07/05/2027"},
		{"ba mươi", "3", "", "Thời điểm nhận"},
		{"29/04/2027", "mười", "", "Số ngày"},
		{"29/04/2027", "3", "25h", "Giờ chốt"},
	}
	for _, tc := range cases {
		c.received.SetText(tc.received)
		c.dueDays.SetText(tc.days)
		c.dueCutoff.SetText(tc.cutoff)
		c.onDue()
		if !strings.Contains(c.due.Text, tc.want) {
			t.Errorf("%s + %s (%s): %q, want %q", tc.received, tc.days, tc.cutoff, c.due.Text, tc.want)
		}
	}
}

func TestDueCalculatorReceivedFollowsTheClock(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	c := h.u.calendar.dueCalc
	if c.received.Text != "10/01/2027 09:00" {
		t.Fatalf("received %q at the start", c.received.Text)
	}
	h.now = vn(2027, 1, 11, 14, 5) // the next afternoon, the window still open
	h.press(sectionKey(sectionCalendar))
	if c.received.Text != "11/01/2027 14:05" {
		t.Errorf("received %q after the clock moved, want the time now", c.received.Text)
	}
	// A time the officer typed stays.
	c.received.SetText("29/04/2027 10:00")
	h.now = h.now.Add(time.Hour)
	h.press(sectionKey(sectionIntake))
	h.press(sectionKey(sectionCalendar))
	c.dueDays.SetText("3")
	c.onDue()
	if c.received.Text != "29/04/2027 10:00" || !strings.Contains(c.due.Text, "06/05/2027") {
		t.Errorf("typed time became %q, due %q", c.received.Text, c.due.Text)
	}
}
