package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
)

// find returns the index of the special day on date of kind, or -1.
func (s *calendarScreen) find(date time.Time, kind data.DayKind) int {
	for i, d := range s.days {
		if d.Date.Equal(date) && d.Kind == kind {
			return i
		}
	}
	return -1
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, data.Zone) }

func TestCalendarShowsTet2027(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	s := h.u.calendar
	if s.year.Selected != "2027" {
		t.Fatalf("year %q, want the current one", s.year.Selected)
	}
	if s.list.Length() != len(s.days) || len(s.days) == 0 {
		t.Fatalf("list shows %d of %d days", s.list.Length(), len(s.days))
	}
	// Tết 2027 falls on 6 February; the rules give the eve to mùng 4.
	for d := 5; d <= 9; d++ {
		i := s.find(day(2027, time.February, d), data.KindLunar)
		if i < 0 {
			t.Errorf("%02d/02/2027 is not listed as Tết", d)
			continue
		}
		if sd := s.days[i]; !sd.Off || sd.Name != "Tết Nguyên đán" {
			t.Errorf("%02d/02/2027: %+v", d, sd)
		}
	}
	// The row reads in Vietnamese.
	row := s.createRow()
	s.updateRow(s.find(day(2027, time.February, 6), data.KindLunar), row)
	var text strings.Builder
	collectText(row, &text)
	for _, want := range []string{"06/02/2027", "Thứ bảy", "Nghỉ", "Tết Nguyên đán", "Lễ âm lịch"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("row lacks %q:\n%s", want, text.String())
		}
	}

	s.year.SetSelected("2028")
	if s.find(day(2028, time.January, 26), data.KindLunar) < 0 {
		t.Errorf("2028 does not list Tết on 26/01")
	}
}

func TestCalendarAddAndRemoveOverrides(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	h.press(sectionKey(sectionCalendar))
	s := h.u.calendar
	ctx := context.Background()

	// An extra day off, typed as officers write dates.
	test.Type(s.override.date, "03/05/2027")
	s.override.kind.SetSelected("Ngày nghỉ")
	test.Type(s.override.name, "Nghỉ thêm dịp 30/4")
	test.Tap(s.override.add)
	h.wait()
	off := day(2027, time.May, 3)
	i := s.find(off, data.KindExtraOff)
	if i < 0 {
		t.Fatalf("03/05/2027 not listed as a day off; status %q", s.override.status.Text)
	}
	if s.selected != i || !s.days[i].Off || s.days[i].Name != "Nghỉ thêm dịp 30/4" {
		t.Errorf("selected %d, day %+v", s.selected, s.days[i])
	}
	if !strings.Contains(s.override.status.Text, "Đã thêm ngày nghỉ 03/05/2027 (Thứ hai)") {
		t.Errorf("status %q", s.override.status.Text)
	}
	if s.override.date.Text != "" || s.override.name.Text != "" || h.focused() != s.override.date {
		t.Errorf("form not ready for the next day: date %q, name %q", s.override.date.Text, s.override.name.Text)
	}

	// A Saturday worked instead, typed the ISO way.
	test.Type(s.override.date, "2027-05-08")
	s.override.kind.SetSelected("Ngày làm việc bù")
	test.Type(s.override.name, "Làm bù cho ngày 03/05")
	test.Tap(s.override.add)
	h.wait()
	work := day(2027, time.May, 8)
	if i := s.find(work, data.KindMakeUp); i < 0 || s.days[i].Off {
		t.Fatalf("08/05/2027 not listed as a working day")
	}

	stored, err := h.db.Overrides(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Override{
		{Date: off, Off: true, Name: "Nghỉ thêm dịp 30/4"},
		{Date: work, Off: false, Name: "Làm bù cho ngày 03/05"},
	}
	if len(stored) != len(want) {
		t.Fatalf("store holds %+v", stored)
	}
	for k := range want {
		if !stored[k].Date.Equal(want[k].Date) || stored[k].Off != want[k].Off || stored[k].Name != want[k].Name {
			t.Errorf("override %d: %+v, want %+v", k, stored[k], want[k])
		}
	}

	// The due-date helper counts with both.
	s.dueCalc.received.SetText("29/04/2027 10:00")
	s.dueCalc.dueDays.SetText("3")
	test.Tap(s.dueCalc.computeDue)
	if !strings.Contains(s.dueCalc.due.Text, "Hẹn trả: Thứ năm, 06/05/2027") {
		t.Errorf("due %q", s.dueCalc.due.Text)
	}
	s.dueCalc.dueCutoff.SetText("9:30")
	test.Tap(s.dueCalc.computeDue)
	if !strings.Contains(s.dueCalc.due.Text, "Hẹn trả: Thứ sáu, 07/05/2027") {
		t.Errorf("due after the cutoff %q", s.dueCalc.due.Text)
	}

	// A computed holiday cannot be removed, and says so.
	s.list.Select(s.find(day(2027, time.April, 30), data.KindHoliday))
	if !s.remove.Disabled() || !strings.Contains(s.hint.Text, "không xoá được") {
		t.Errorf("holiday: remove enabled %v, hint %q", !s.remove.Disabled(), s.hint.Text)
	}

	// The make-up day can.
	s.list.Select(s.find(work, data.KindMakeUp))
	if s.remove.Disabled() {
		t.Fatal("remove is disabled on an override")
	}
	test.Tap(s.remove)
	h.wait()
	if s.find(work, data.KindMakeUp) >= 0 {
		t.Errorf("08/05/2027 still listed")
	}
	if stored, _ := h.db.Overrides(ctx); len(stored) != 1 || !stored[0].Date.Equal(off) {
		t.Errorf("store holds %+v after the removal", stored)
	}
	if !strings.Contains(s.override.status.Text, "Đã xoá điều chỉnh ngày 08/05/2027") {
		t.Errorf("status %q", s.override.status.Text)
	}
}

func TestCalendarAddRefusals(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	h.press(sectionKey(sectionCalendar))
	s := h.u.calendar

	test.Type(s.override.date, "31/02/2027")
	test.Type(s.override.name, "Ngày không có")
	test.Tap(s.override.add)
	h.wait()
	if !(s.override.form.message(fieldOverrideDate) != "") || !strings.Contains(s.override.form.message(fieldOverrideDate), "dd/mm/yyyy") {
		t.Errorf("date error %q", s.override.form.message(fieldOverrideDate))
	}
	test.Type(s.override.date, "x")
	if s.override.form.message(fieldOverrideDate) != "" {
		t.Errorf("date error stays after an edit")
	}

	s.override.date.SetText("04/05/2027")
	s.override.name.SetText("")
	test.Tap(s.override.add)
	h.wait()
	if !strings.Contains(s.override.status.Text, "tên") || h.focused() != s.override.name {
		t.Errorf("missing name: status %q", s.override.status.Text)
	}
	if stored, _ := h.db.Overrides(context.Background()); len(stored) != 0 {
		t.Errorf("store holds %+v", stored)
	}
}

func TestAddOverrideInAnotherYearShowsThatYear(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	s := h.u.calendar
	test.Type(s.override.date, "2040-01-02")
	test.Type(s.override.name, "Nghỉ thêm")
	test.Tap(s.override.add)
	h.wait()
	if s.year.Selected != "2040" || s.find(day(2040, time.January, 2), data.KindExtraOff) < 0 {
		t.Errorf("year %q after adding a day of 2040", s.year.Selected)
	}
}

func TestParseDay(t *testing.T) {
	cases := []struct {
		name, in string
		want     time.Time
		ok       bool
	}{
		{"dd/mm/yyyy", "03/05/2027", day(2027, 5, 3), true},
		{"d/m/yyyy", "3/5/2027", day(2027, 5, 3), true},
		{"dd-mm-yyyy", "03-05-2027", day(2027, 5, 3), true},
		{"iso", "2027-05-03", day(2027, 5, 3), true},
		{"spaces", " 03/05/2027 ", day(2027, 5, 3), true},
		{"no such day", "31/02/2027", time.Time{}, false},
		{"words", "mai", time.Time{}, false},
		{"empty", "", time.Time{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parseDay(c.in)
			if ok != c.ok || (ok && !got.Equal(c.want)) {
				t.Errorf("parseDay(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func TestParseReceived(t *testing.T) {
	cases := []struct {
		name, in string
		want     time.Time
		ok       bool
	}{
		{"date and time", "29/04/2027 10:00", vn(2027, 4, 29, 10, 0), true},
		{"iso with T", "2027-04-29T10:00", vn(2027, 4, 29, 10, 0), true},
		{"short hour", "29/04/2027 8:05", vn(2027, 4, 29, 8, 5), true},
		{"date alone", "29/04/2027", vn(2027, 4, 29, 0, 0), true},
		{"bad time", "29/04/2027 25:00", time.Time{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := parseReceived(c.in)
			if ok != c.ok || (ok && !got.Equal(c.want)) {
				t.Errorf("parseReceived(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

// TestDueDateInSight: the answer, under the forms, is scrolled into
// sight in a window too short for the whole pane (the window's menu and
// the screen's task bar take their share of a 768-pixel screen).
func TestDueDateInSight(t *testing.T) {
	h := onScreen(t, fyne.NewSize(1024, 600))
	h.press(sectionKey(sectionCalendar))
	s := h.u.calendar
	relayout(h.u.Window().Canvas().Content())
	s.dueCalc.dueDays.SetText("3")
	test.Tap(s.dueCalc.computeDue)
	relayout(h.u.Window().Canvas().Content())
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s.dueCalc.due).Y - d.AbsolutePositionForObject(s.right).Y
	if s.dueCalc.due.Text == "" || top < 0 || top+s.dueCalc.due.Size().Height > s.right.Size().Height+slack {
		t.Errorf("the due date %q lies at %v+%v, out of the pane's %v", s.dueCalc.due.Text, top, s.dueCalc.due.Size().Height, s.right.Size().Height)
	}
}
