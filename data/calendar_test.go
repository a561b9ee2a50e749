package data

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestDateOf(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"midnight in Zone", time.Date(2026, 2, 17, 0, 0, 0, 0, Zone), "2026-02-17 00:00 +07"},
		{"evening in Zone", time.Date(2026, 2, 17, 23, 59, 59, 0, Zone), "2026-02-17 00:00 +07"},
		{"UTC evening is the next day in Vietnam", time.Date(2026, 2, 16, 17, 0, 0, 0, time.UTC), "2026-02-17 00:00 +07"},
		{"UTC afternoon is the same day", time.Date(2026, 2, 16, 16, 59, 0, 0, time.UTC), "2026-02-16 00:00 +07"},
		{"other zone", time.Date(2026, 1, 1, 0, 30, 0, 0, time.FixedZone("CET", 3600)), "2026-01-01 00:00 +07"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DateOf(tc.in).Format("2006-01-02 15:04 -07"); got != tc.want {
				t.Errorf("DateOf(%v) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

var parseDateTests = []struct {
	name string
	in   string
	want string // "" for an error
}{
	{"plain", "2026-02-17", "2026-02-17"},
	{"leap day", "2028-02-29", "2028-02-29"},
	{"surrounding space", " 2026-02-17\n", "2026-02-17"},
	{"no leap day", "2027-02-29", ""},
	{"day 32", "2026-01-32", ""},
	{"month 13", "2026-13-01", ""},
	{"one-digit month", "2026-2-17", ""},
	{"Vietnamese order", "17/02/2026", ""},
	{"time of day", "2026-02-17 08:00", ""},
	{"empty", "", ""},
}

func TestParseDate(t *testing.T) {
	for _, tc := range parseDateTests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if tc.want == "" {
				if ErrorCode(err) != EInvalid {
					t.Fatalf("ParseDate(%q) = %v, %v; want an %s error", tc.in, got, err, EInvalid)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			if got.Format(time.DateOnly) != tc.want || got.Location() != Zone || !got.Equal(DateOf(got)) {
				t.Errorf("ParseDate(%q) = %v, want %s at midnight in Zone", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range parseDateTests {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if ErrorCode(err) != EInvalid {
				t.Fatalf("ParseDate(%q): error code %q", s, ErrorCode(err))
			}
			return
		}
		if !d.Equal(DateOf(d)) {
			t.Fatalf("ParseDate(%q) = %v, not midnight in Zone", s, d)
		}
		if got := d.Format(time.DateOnly); got != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q) = %s", s, got)
		}
	})
}

// day returns midnight in Zone of "YYYY-MM-DD".
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// at returns the time "YYYY-MM-DD hh:mm" in Zone.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.ParseInLocation("2006-01-02 15:04", s, Zone)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// swap2025 is a swap of the kind the government decides: Friday 2/5/2025
// off, Saturday 26/4/2025 worked instead.
func swap2025(t testing.TB) []Override {
	return []Override{
		{Date: day(t, "2025-05-02"), Off: true, Name: "Nghỉ hoán đổi"},
		{Date: day(t, "2025-04-26"), Off: false, Name: "Làm bù cho ngày 02/5"},
	}
}

func TestIsWorkingDay(t *testing.T) {
	noExtra := DefaultRules()
	noExtra.NationalDayExtra = false
	tetBefore2 := DefaultRules()
	tetBefore2.TetBefore = 2
	tetAfter5 := DefaultRules()
	tetAfter5.TetAfter = 5

	tests := []struct {
		name      string
		rules     CalendarRules // zero: DefaultRules()
		overrides []Override
		day       time.Time
		want      bool
	}{
		{name: "ordinary Wednesday", day: day(t, "2026-03-04"), want: true},
		{name: "ordinary Friday", day: day(t, "2026-03-06"), want: true},
		{name: "Saturday", day: day(t, "2026-03-07"), want: false},
		{name: "Sunday", day: day(t, "2026-03-08"), want: false},
		{name: "Saturday 01:00 given in UTC", day: time.Date(2026, 3, 6, 18, 0, 0, 0, time.UTC), want: false},
		{name: "Friday given as a UTC time of Thursday", day: time.Date(2026, 3, 5, 17, 0, 0, 0, time.UTC), want: true},

		{name: "Tết Dương lịch", day: day(t, "2026-01-01"), want: false},
		{name: "Ngày Chiến thắng", day: day(t, "2026-04-30"), want: false},
		{name: "Ngày Quốc tế Lao động", day: day(t, "2026-05-01"), want: false},
		{name: "Quốc khánh", day: day(t, "2026-09-02"), want: false},
		{name: "3/9 beside Quốc khánh", day: day(t, "2026-09-03"), want: false},
		{name: "3/9 when another day was chosen", rules: noExtra, day: day(t, "2026-09-03"), want: true},

		{name: "Tết 2026: Friday before the last day of the year", day: day(t, "2026-02-13"), want: true},
		{name: "Tết 2026: last day of the lunar year", day: day(t, "2026-02-16"), want: false},
		{name: "Tết 2026: mùng 1", day: day(t, "2026-02-17"), want: false},
		{name: "Tết 2026: mùng 4", day: day(t, "2026-02-20"), want: false},
		{name: "Tết 2026: mùng 7, Monday", day: day(t, "2026-02-23"), want: true},
		{name: "Tết 2026: two days before take Sunday 15/2", rules: tetBefore2, day: day(t, "2026-02-13"), want: true},
		{name: "Tết 2026: two days before, compensatory Monday for 15/2", rules: tetBefore2, day: day(t, "2026-02-23"), want: false},
		{name: "Tết 2026: two days before, Tuesday after", rules: tetBefore2, day: day(t, "2026-02-24"), want: true},

		{name: "Tết 2027: mùng 1 on Saturday", day: day(t, "2027-02-06"), want: false},
		{name: "Tết 2027: first compensatory day", day: day(t, "2027-02-10"), want: false},
		{name: "Tết 2027: second compensatory day", day: day(t, "2027-02-11"), want: false},
		{name: "Tết 2027: Friday after", day: day(t, "2027-02-12"), want: true},
		{name: "Tết 2027: mùng 5 off moves compensatory days", rules: tetAfter5, day: day(t, "2027-02-12"), want: false},
		{name: "Tết 2027: mùng 5 off, Monday after", rules: tetAfter5, day: day(t, "2027-02-15"), want: true},

		{name: "Giỗ Tổ 2026 on Sunday", day: day(t, "2026-04-26"), want: false},
		{name: "Giỗ Tổ 2026 compensatory Monday", day: day(t, "2026-04-27"), want: false},
		{name: "Giỗ Tổ 2026 Tuesday after", day: day(t, "2026-04-28"), want: true},
		{name: "Giỗ Tổ 2025 on Monday", day: day(t, "2025-04-07"), want: false},

		{name: "1/1/2028 on Saturday gives Monday", day: day(t, "2028-01-03"), want: false},
		{name: "30/4/2028 on Sunday skips 1/5 for Tuesday", day: day(t, "2028-05-02"), want: false},
		{name: "Wednesday after 1/5/2028", day: day(t, "2028-05-03"), want: true},
		{name: "2 and 3/9/2028 on the weekend: Monday", day: day(t, "2028-09-04"), want: false},
		{name: "2 and 3/9/2028 on the weekend: Tuesday", day: day(t, "2028-09-05"), want: false},
		{name: "Wednesday after 2/9/2028", day: day(t, "2028-09-06"), want: true},

		{name: "override: extra day off", overrides: swap2025(t), day: day(t, "2025-05-02"), want: false},
		{name: "override: make-up Saturday", overrides: swap2025(t), day: day(t, "2025-04-26"), want: true},
		{name: "without the swap 2/5/2025 is worked", day: day(t, "2025-05-02"), want: true},
		{name: "override: make-up Sunday",
			overrides: []Override{{Date: day(t, "2026-03-08")}}, day: day(t, "2026-03-08"), want: true},
		{name: "override: make-up on a holiday",
			overrides: []Override{{Date: day(t, "2026-09-03")}}, day: day(t, "2026-09-03"), want: true},
		{name: "override: make-up on Tết",
			overrides: []Override{{Date: day(t, "2026-02-16")}}, day: day(t, "2026-02-16"), want: true},
		{name: "override: make-up on a compensatory day",
			overrides: []Override{{Date: day(t, "2027-02-10")}}, day: day(t, "2027-02-10"), want: true},
		{name: "override: compensatory day stays where the rules put it",
			overrides: []Override{{Date: day(t, "2027-02-10")}}, day: day(t, "2027-02-12"), want: true},
		{name: "override: the later of two for a date wins",
			overrides: []Override{{Date: day(t, "2026-03-04"), Off: true}, {Date: day(t, "2026-03-04")}}, day: day(t, "2026-03-04"), want: true},
		{name: "override: date given in UTC is taken in Zone",
			overrides: []Override{{Date: time.Date(2026, 3, 3, 17, 0, 0, 0, time.UTC), Off: true}}, day: day(t, "2026-03-04"), want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rules := tc.rules
			if rules == (CalendarRules{}) {
				rules = DefaultRules()
			}
			c := NewCalendar(rules, tc.overrides)
			if got := c.IsWorkingDay(tc.day); got != tc.want {
				t.Errorf("IsWorkingDay(%s) = %v, want %v", tc.day.Format(time.RFC3339), got, tc.want)
			}
		})
	}
}

// Tết 2026 was decided as 14–22/02 off: Saturday 14 to Sunday 22. The
// default rule (16–20, Monday to Friday) and the weekends give the same,
// and entering the decision day by day as overrides changes nothing but
// the list.
func TestTet2026(t *testing.T) {
	var decision []Override
	for _, d := range []string{"2026-02-14", "2026-02-15", "2026-02-21", "2026-02-22"} {
		decision = append(decision, Override{Date: day(t, d), Off: true, Name: "Nghỉ Tết Nguyên đán"})
	}
	for _, tc := range []struct {
		name      string
		overrides []Override
	}{
		{"default rule", nil},
		{"decision entered as overrides", decision},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCalendar(DefaultRules(), tc.overrides)
			for d := day(t, "2026-02-13"); d.Before(day(t, "2026-02-24")); d = d.AddDate(0, 0, 1) {
				want := d.Day() == 13 || d.Day() == 23
				if got := c.IsWorkingDay(d); got != want {
					t.Errorf("IsWorkingDay(%s) = %v, want %v", d.Format(time.DateOnly), got, want)
				}
			}
			extra := 0
			for _, s := range c.Year(2026) {
				if s.Kind == KindExtraOff {
					extra++
				}
			}
			if extra != len(tc.overrides) {
				t.Errorf("Year(2026) lists %d extra days off, want %d", extra, len(tc.overrides))
			}
		})
	}
}

func TestYear(t *testing.T) {
	tests := []struct {
		name      string
		year      int
		overrides []Override
		want      []string
	}{
		{name: "2026", year: 2026, want: []string{
			"2026-01-01 off holiday Tết Dương lịch",
			"2026-02-16 off lunar Tết Nguyên đán",
			"2026-02-17 off lunar Tết Nguyên đán",
			"2026-02-18 off lunar Tết Nguyên đán",
			"2026-02-19 off lunar Tết Nguyên đán",
			"2026-02-20 off lunar Tết Nguyên đán",
			"2026-04-26 off lunar Giỗ Tổ Hùng Vương",
			"2026-04-27 off compensatory Nghỉ bù Giỗ Tổ Hùng Vương",
			"2026-04-30 off holiday Ngày Chiến thắng",
			"2026-05-01 off holiday Ngày Quốc tế Lao động",
			"2026-09-02 off holiday Quốc khánh",
			"2026-09-03 off holiday Quốc khánh",
		}},
		{name: "2027: Tết and 1/5 on weekends", year: 2027, want: []string{
			"2027-01-01 off holiday Tết Dương lịch",
			"2027-02-05 off lunar Tết Nguyên đán",
			"2027-02-06 off lunar Tết Nguyên đán",
			"2027-02-07 off lunar Tết Nguyên đán",
			"2027-02-08 off lunar Tết Nguyên đán",
			"2027-02-09 off lunar Tết Nguyên đán",
			"2027-02-10 off compensatory Nghỉ bù Tết Nguyên đán",
			"2027-02-11 off compensatory Nghỉ bù Tết Nguyên đán",
			"2027-04-16 off lunar Giỗ Tổ Hùng Vương",
			"2027-04-30 off holiday Ngày Chiến thắng",
			"2027-05-01 off holiday Ngày Quốc tế Lao động",
			"2027-05-03 off compensatory Nghỉ bù Ngày Quốc tế Lao động",
			"2027-09-02 off holiday Quốc khánh",
			"2027-09-03 off holiday Quốc khánh",
		}},
		{name: "2028: compensatory days skip holidays and each other", year: 2028, want: []string{
			"2028-01-01 off holiday Tết Dương lịch",
			"2028-01-03 off compensatory Nghỉ bù Tết Dương lịch",
			"2028-01-25 off lunar Tết Nguyên đán",
			"2028-01-26 off lunar Tết Nguyên đán",
			"2028-01-27 off lunar Tết Nguyên đán",
			"2028-01-28 off lunar Tết Nguyên đán",
			"2028-01-29 off lunar Tết Nguyên đán",
			"2028-01-31 off compensatory Nghỉ bù Tết Nguyên đán",
			"2028-04-04 off lunar Giỗ Tổ Hùng Vương",
			"2028-04-30 off holiday Ngày Chiến thắng",
			"2028-05-01 off holiday Ngày Quốc tế Lao động",
			"2028-05-02 off compensatory Nghỉ bù Ngày Chiến thắng",
			"2028-09-02 off holiday Quốc khánh",
			"2028-09-03 off holiday Quốc khánh",
			"2028-09-04 off compensatory Nghỉ bù Quốc khánh",
			"2028-09-05 off compensatory Nghỉ bù Quốc khánh",
		}},
		{name: "2025 with a swap and a make-up on a holiday", year: 2025,
			overrides: append(swap2025(t),
				Override{Date: day(t, "2025-09-03"), Name: "Làm việc, nghỉ 01/9 thay"},
				Override{Date: day(t, "2025-09-01"), Off: true, Name: "Quốc khánh"},
				Override{Date: day(t, "2024-12-31"), Off: true}, // another year: not listed
			),
			want: []string{
				"2025-01-01 off holiday Tết Dương lịch",
				"2025-01-28 off lunar Tết Nguyên đán",
				"2025-01-29 off lunar Tết Nguyên đán",
				"2025-01-30 off lunar Tết Nguyên đán",
				"2025-01-31 off lunar Tết Nguyên đán",
				"2025-02-01 off lunar Tết Nguyên đán",
				"2025-02-03 off compensatory Nghỉ bù Tết Nguyên đán",
				"2025-04-07 off lunar Giỗ Tổ Hùng Vương",
				"2025-04-26 work make-up Làm bù cho ngày 02/5",
				"2025-04-30 off holiday Ngày Chiến thắng",
				"2025-05-01 off holiday Ngày Quốc tế Lao động",
				"2025-05-02 off extra-off Nghỉ hoán đổi",
				"2025-09-01 off extra-off Quốc khánh",
				"2025-09-02 off holiday Quốc khánh",
				"2025-09-03 off holiday Quốc khánh",
				"2025-09-03 work make-up Làm việc, nghỉ 01/9 thay",
			}},
		{name: "default names of overrides", year: 2030,
			overrides: []Override{{Date: day(t, "2030-06-01"), Off: true}, {Date: day(t, "2030-06-08")}},
			want: []string{
				"2030-01-01 off holiday Tết Dương lịch",
				"2030-02-01 off lunar Tết Nguyên đán",
				"2030-02-02 off lunar Tết Nguyên đán",
				"2030-02-03 off lunar Tết Nguyên đán",
				"2030-02-04 off lunar Tết Nguyên đán",
				"2030-02-05 off lunar Tết Nguyên đán",
				"2030-02-06 off compensatory Nghỉ bù Tết Nguyên đán",
				"2030-02-07 off compensatory Nghỉ bù Tết Nguyên đán",
				"2030-04-12 off lunar Giỗ Tổ Hùng Vương",
				"2030-04-30 off holiday Ngày Chiến thắng",
				"2030-05-01 off holiday Ngày Quốc tế Lao động",
				"2030-06-01 off extra-off Ngày nghỉ thêm",
				"2030-06-08 work make-up Ngày làm việc bù",
				"2030-09-02 off holiday Quốc khánh",
				"2030-09-03 off holiday Quốc khánh",
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCalendar(DefaultRules(), tc.overrides)
			var got []string
			for _, s := range c.Year(tc.year) {
				if s.Date.Location() != Zone || !s.Date.Equal(DateOf(s.Date)) {
					t.Errorf("%v is not midnight in Zone", s.Date)
				}
				state := "work"
				if s.Off {
					state = "off"
				}
				got = append(got, fmt.Sprintf("%s %s %s %s", s.Date.Format(time.DateOnly), state, s.Kind, s.Name))
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tc.want, "\n"); g != w {
				t.Errorf("Year(%d):\n%s\nwant:\n%s", tc.year, g, w)
			}
		})
	}
}

// TestYearIsACopy checks that a caller cannot change the calendar through
// the list it gets.
func TestYearIsACopy(t *testing.T) {
	c := NewCalendar(DefaultRules(), nil)
	c.Year(2026)[0].Off = false
	if c.IsWorkingDay(day(t, "2026-01-01")) || !c.Year(2026)[0].Off {
		t.Error("changing Year's result changed the calendar")
	}
}

func TestDue(t *testing.T) {
	const cutoff = 15 * time.Hour
	tests := []struct {
		name      string
		overrides []Override
		received  time.Time
		days      int
		cutoff    time.Duration
		want      string
	}{
		// Tết 2027 is Saturday 6/2: 5/2 to 9/2 are Tết, 10/2 and 11/2 are
		// compensatory days for 6/2 and 7/2. Counted: Thu 4/2 (1), Fri
		// 12/2 (2), Mon 15/2 (3), Tue 16/2 (4), Wed 17/2 (5).
		{name: "5 days across Tết 2027", received: at(t, "2027-02-03 09:00"), days: 5, want: "2027-02-17"},
		{name: "5 days across Tết 2027 with a cutoff", received: at(t, "2027-02-03 09:00"), days: 5, cutoff: cutoff, want: "2027-02-17"},
		{name: "same day, Friday after the cutoff", received: at(t, "2026-03-06 17:00"), cutoff: cutoff, want: "2026-03-09"},
		{name: "same day, Friday before the cutoff", received: at(t, "2026-03-06 14:00"), cutoff: cutoff, want: "2026-03-06"},
		{name: "same day, exactly at the cutoff", received: at(t, "2026-03-06 15:00"), cutoff: cutoff, want: "2026-03-06"},
		{name: "same day, Friday evening without cutoff", received: at(t, "2026-03-06 17:00"), want: "2026-03-06"},
		{name: "same day, Saturday", received: at(t, "2026-03-07 10:00"), want: "2026-03-09"},
		{name: "1 day, Saturday", received: at(t, "2026-03-07 10:00"), days: 1, want: "2026-03-10"},
		{name: "1 day, Friday before the cutoff", received: at(t, "2026-03-06 09:00"), days: 1, cutoff: cutoff, want: "2026-03-09"},
		{name: "1 day, Friday after the cutoff", received: at(t, "2026-03-06 16:00"), days: 1, cutoff: cutoff, want: "2026-03-10"},
		{name: "1 day, received time in UTC is Friday in Vietnam", received: time.Date(2026, 3, 5, 18, 0, 0, 0, time.UTC), days: 1, want: "2026-03-09"},
		{name: "due date skips a compensatory day", received: at(t, "2026-04-24 09:00"), days: 1, want: "2026-04-28"},
		{name: "same day, received during Tết", received: at(t, "2026-02-18 09:00"), want: "2026-02-23"},
		{name: "3 days, received during Tết", received: at(t, "2026-02-18 09:00"), days: 3, want: "2026-02-26"},
		{name: "15 days across Tết 2026", received: at(t, "2026-02-09 08:00"), days: 15, want: "2026-03-09"},
		{name: "make-up Saturday is counted", overrides: swap2025(t), received: at(t, "2025-04-25 10:00"), days: 1, want: "2025-04-26"},
		{name: "same day on a make-up Saturday", overrides: swap2025(t), received: at(t, "2025-04-26 10:00"), want: "2025-04-26"},
		{name: "without the swap Saturday is not counted", received: at(t, "2025-04-25 10:00"), days: 1, want: "2025-04-28"},
		{name: "extra day off is skipped", overrides: swap2025(t), received: at(t, "2025-04-29 10:00"), days: 1, want: "2025-05-05"},
		{name: "without the swap 2/5 is counted", received: at(t, "2025-04-29 10:00"), days: 1, want: "2025-05-02"},
		{name: "negative days count as 0", received: at(t, "2026-03-04 10:00"), days: -3, want: "2026-03-04"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCalendar(DefaultRules(), tc.overrides)
			got := c.Due(tc.received, tc.days, tc.cutoff)
			if got.Format(time.DateOnly) != tc.want || !got.Equal(DateOf(got)) || got.Location() != Zone {
				t.Errorf("Due(%s, %d, %v) = %v, want %s at midnight in Zone", tc.received.Format(time.RFC3339), tc.days, tc.cutoff, got, tc.want)
			}
		})
	}
}

// TestConcurrent asks one calendar from many goroutines at once (run with
// -race) and checks the answers against a calendar used from one.
func TestConcurrent(t *testing.T) {
	shared := NewCalendar(DefaultRules(), swap2025(t))
	alone := NewCalendar(DefaultRules(), swap2025(t))
	start := day(t, "2024-12-01")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 400 {
				d := start.AddDate(0, 0, (g*97+i*7)%1500)
				if got := shared.Due(d, 3, 0); !got.Equal(alone.Due(d, 3, 0)) {
					t.Errorf("Due(%s) = %s concurrently", d.Format(time.DateOnly), got.Format(time.DateOnly))
					return
				}
				_ = shared.Year(d.Year())
			}
		})
	}
	wg.Wait()
}

// BenchmarkDue: target under 2 µs per call once the year is computed (an
// officer's register lists a few hundred dossiers).
func BenchmarkDue(b *testing.B) {
	c := NewCalendar(DefaultRules(), nil)
	received := at(b, "2027-02-03 09:00")
	for b.Loop() {
		c.Due(received, 5, 15*time.Hour)
	}
}
