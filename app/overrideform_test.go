package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"motcua/data"
)

func TestOverrideFormAddsADayOff(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	var got []time.Time
	f := newOverrideForm(h.u, func(cal *data.Calendar, day time.Time) {
		if cal.IsWorkingDay(day) {
			t.Errorf("%s is still a working day", day.Format("02/01"))
		}
		got = append(got, day)
	})
	h.u.Window().SetContent(f.content)
	test.Type(f.date, "3/5/2027")
	test.Type(f.name, "Nghỉ thêm")
	test.Tap(f.add)
	h.wait()
	if len(got) != 1 || !got[0].Equal(time.Date(2027, 5, 3, 0, 0, 0, 0, data.Zone)) || f.date.Text != "" || h.focused() != f.date {
		t.Fatalf("added %v; date %q", got, f.date.Text)
	}
	if !strings.Contains(f.status.Text, "03/05/2027") {
		t.Errorf("status %q", f.status.Text)
	}
	test.Type(f.date, "hôm qua")
	test.Tap(f.add)
	if f.form.message(fieldOverrideDate) == "" || len(got) != 1 {
		t.Errorf("a date it cannot read: %q", f.form.message(fieldOverrideDate))
	}
}
