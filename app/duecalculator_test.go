package app

import (
	"strings"
	"testing"

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
