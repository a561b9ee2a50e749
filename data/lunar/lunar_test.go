package lunar

import (
	"fmt"
	"testing"
	"time"
)

// tet lists Tết (lunar 1/1) as published for Vietnam. 1990–2035 agree with
// the Chinese calendar except where noted; the Chinese date is given for
// the years that differ.
var tet = []struct {
	year  int
	month time.Month
	day   int
	note  string
}{
	{1968, time.January, 29, "China 30/1; the North had moved to UTC+7 in 1967"},
	{1985, time.January, 21, "China 20/2"},
	{1990, time.January, 27, ""},
	{1991, time.February, 15, ""},
	{1992, time.February, 4, ""},
	{1993, time.January, 23, ""},
	{1994, time.February, 10, ""},
	{1995, time.January, 31, ""},
	{1996, time.February, 19, ""},
	{1997, time.February, 7, ""},
	{1998, time.January, 28, ""},
	{1999, time.February, 16, ""},
	{2000, time.February, 5, ""},
	{2001, time.January, 24, ""},
	{2002, time.February, 12, ""},
	{2003, time.February, 1, ""},
	{2004, time.January, 22, ""},
	{2005, time.February, 9, ""},
	{2006, time.January, 29, ""},
	{2007, time.February, 17, "China 18/2"},
	{2008, time.February, 7, ""},
	{2009, time.January, 26, ""},
	{2010, time.February, 14, ""},
	{2011, time.February, 3, ""},
	{2012, time.January, 23, ""},
	{2013, time.February, 10, ""},
	{2014, time.January, 31, ""},
	{2015, time.February, 19, ""},
	{2016, time.February, 8, ""},
	{2017, time.January, 28, ""},
	{2018, time.February, 16, ""},
	{2019, time.February, 5, ""},
	{2020, time.January, 25, ""},
	{2021, time.February, 12, ""},
	{2022, time.February, 1, ""},
	{2023, time.January, 22, ""},
	{2024, time.February, 10, ""},
	{2025, time.January, 29, ""},
	{2026, time.February, 17, ""},
	{2027, time.February, 6, ""},
	{2028, time.January, 26, ""},
	{2029, time.February, 13, ""},
	{2030, time.February, 2, "China 3/2: new moon at 23:07 UTC+7"},
	{2031, time.January, 23, ""},
	{2032, time.February, 11, ""},
	{2033, time.January, 31, ""},
	{2034, time.February, 19, ""},
	{2035, time.February, 8, ""},
	{2053, time.February, 18, "China 19/2"},
}

func TestNewYear(t *testing.T) {
	for _, tc := range tet {
		name := fmt.Sprint(tc.year)
		if tc.note != "" {
			name += " " + tc.note
		}
		t.Run(name, func(t *testing.T) {
			m, d := NewYear(tc.year)
			if m != tc.month || d != tc.day {
				t.Errorf("NewYear(%d) = %d/%d, want %d/%d", tc.year, d, m, tc.day, tc.month)
			}
			if got := FromSolar(tc.year, tc.month, tc.day); got != (Date{tc.year, 1, 1, false}) {
				t.Errorf("FromSolar(Tết) = %+v, want 1/1/%d", got, tc.year)
			}
			// The day before Tết is the last day of the previous lunar year.
			eve := FromSolar(tc.year, tc.month, tc.day-1)
			if eve.Year != tc.year-1 || eve.Month != 12 || eve.Day < 29 || eve.Leap {
				t.Errorf("FromSolar(day before Tết) = %+v, want 29 or 30/12/%d", eve, tc.year-1)
			}
		})
	}
}

// known pairs a Gregorian date with its Vietnamese lunar date.
var known = []struct {
	name  string
	solar string
	lunar Date
}{
	{"Giỗ Tổ 2020", "2020-04-02", Date{2020, 3, 10, false}},
	{"Giỗ Tổ 2021", "2021-04-21", Date{2021, 3, 10, false}},
	{"Giỗ Tổ 2022", "2022-04-10", Date{2022, 3, 10, false}},
	{"Giỗ Tổ 2023", "2023-04-29", Date{2023, 3, 10, false}},
	{"Giỗ Tổ 2024", "2024-04-18", Date{2024, 3, 10, false}},
	{"Giỗ Tổ 2025", "2025-04-07", Date{2025, 3, 10, false}},
	{"Giỗ Tổ 2026", "2026-04-26", Date{2026, 3, 10, false}},
	{"2020 last day of month 4", "2020-05-22", Date{2020, 4, 30, false}},
	{"2020 leap month 4 starts", "2020-05-23", Date{2020, 4, 1, true}},
	{"2020 leap month 4 ends", "2020-06-20", Date{2020, 4, 29, true}},
	{"2020 month 5 starts", "2020-06-21", Date{2020, 5, 1, false}},
	{"2023 last day of month 2", "2023-03-21", Date{2023, 2, 30, false}},
	{"2023 leap month 2 starts", "2023-03-22", Date{2023, 2, 1, true}},
	{"2023 leap month 2 ends", "2023-04-19", Date{2023, 2, 29, true}},
	{"2023 month 3 starts", "2023-04-20", Date{2023, 3, 1, false}},
	{"2025 leap month 6 starts", "2025-07-25", Date{2025, 6, 1, true}},
	{"2033 leap month 11 starts", "2033-12-22", Date{2033, 11, 1, true}},
	{"2033 month 12 starts in 2034", "2034-01-20", Date{2033, 12, 1, false}},
	{"January day of the previous lunar year", "2026-01-01", Date{2025, 11, 13, false}},
	{"last day of lunar 2025 (29-day month 12)", "2026-02-16", Date{2025, 12, 29, false}},
	{"Mid-Autumn 2025", "2025-10-06", Date{2025, 8, 15, false}},
	{"range start", "1900-01-31", Date{1900, 1, 1, false}},
}

func TestFromSolar(t *testing.T) {
	for _, tc := range known {
		t.Run(tc.name, func(t *testing.T) {
			s := mustDate(t, tc.solar)
			if got := FromSolar(s.Year(), s.Month(), s.Day()); got != tc.lunar {
				t.Errorf("FromSolar(%s) = %+v, want %+v", tc.solar, got, tc.lunar)
			}
		})
	}
}

func TestToSolar(t *testing.T) {
	for _, tc := range known {
		t.Run(tc.name, func(t *testing.T) {
			y, m, d, ok := ToSolar(tc.lunar)
			got := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
			if !ok || got != tc.solar {
				t.Errorf("ToSolar(%+v) = %s, %v; want %s, true", tc.lunar, got, ok, tc.solar)
			}
		})
	}
}

func TestToSolarMissing(t *testing.T) {
	tests := []struct {
		name string
		date Date
	}{
		{"day 30 of a 29-day month", Date{2025, 12, 30, false}},
		{"day 30 of a 29-day leap month", Date{2023, 2, 30, true}},
		{"leap month the year lacks", Date{2023, 3, 1, true}},
		{"leap month in a year without one", Date{2024, 4, 1, true}},
		{"day 31", Date{2023, 1, 31, false}},
		{"day 0", Date{2023, 1, 0, false}},
		{"month 0", Date{2023, 0, 1, false}},
		{"month 13", Date{2023, 13, 1, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if y, m, d, ok := ToSolar(tc.date); ok {
				t.Errorf("ToSolar(%+v) = %04d-%02d-%02d, true; want false", tc.date, y, m, d)
			}
		})
	}
}

// TestEveryDay walks 1990–2040 day by day: each day converts back to
// itself, days follow each other within a month of 29 or 30 days, months
// follow each other within a year of 12 or 13 months, and a leap month
// repeats the month before it.
func TestEveryDay(t *testing.T) {
	end := time.Date(2041, 1, 1, 0, 0, 0, 0, time.UTC)
	var prev Date
	monthsInYear := 0
	for s := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC); s.Before(end); s = s.AddDate(0, 0, 1) {
		ld := FromSolar(s.Year(), s.Month(), s.Day())
		y, m, d, ok := ToSolar(ld)
		if !ok || y != s.Year() || m != s.Month() || d != s.Day() {
			t.Fatalf("%s → %+v → %04d-%02d-%02d, %v", s.Format(time.DateOnly), ld, y, m, d, ok)
		}
		if prev.Year == 0 || ld.Day != 1 {
			if prev.Year != 0 && (ld.Year != prev.Year || ld.Month != prev.Month || ld.Leap != prev.Leap || ld.Day != prev.Day+1) {
				t.Fatalf("%s: %+v follows %+v", s.Format(time.DateOnly), ld, prev)
			}
			prev = ld
			continue
		}
		if prev.Day != 29 && prev.Day != 30 {
			t.Fatalf("%s: month %+v ended on day %d", s.Format(time.DateOnly), prev, prev.Day)
		}
		switch {
		case ld.Leap && (ld.Year != prev.Year || ld.Month != prev.Month || prev.Leap):
			t.Fatalf("%s: leap month %+v follows %+v", s.Format(time.DateOnly), ld, prev)
		case ld.Leap:
		case ld.Month == 1 && (ld.Year != prev.Year+1 || prev.Month != 12):
			t.Fatalf("%s: new year %+v follows %+v", s.Format(time.DateOnly), ld, prev)
		case ld.Month != 1 && (ld.Year != prev.Year || ld.Month != prev.Month+1):
			t.Fatalf("%s: month %+v follows %+v", s.Format(time.DateOnly), ld, prev)
		}
		if ld.Month == 1 && !ld.Leap {
			if monthsInYear != 0 && monthsInYear != 12 && monthsInYear != 13 {
				t.Fatalf("lunar year %d had %d months", prev.Year, monthsInYear)
			}
			monthsInYear = 0
		}
		monthsInYear++
		prev = ld
	}
}

func FuzzRoundTrip(f *testing.F) {
	for _, tc := range known {
		f.Add(mustDate(f, tc.solar).Unix() / 86400)
	}
	for _, tc := range tet {
		f.Add(time.Date(tc.year, tc.month, tc.day, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	first := time.Date(1900, 2, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	last := time.Date(2199, 12, 31, 0, 0, 0, 0, time.UTC).Unix() / 86400
	f.Fuzz(func(t *testing.T, day int64) {
		span := last - first + 1
		day = first + ((day-first)%span+span)%span
		s := time.Unix(day*86400, 0).UTC()
		ld := FromSolar(s.Year(), s.Month(), s.Day())
		y, m, d, ok := ToSolar(ld)
		if !ok || y != s.Year() || m != s.Month() || d != s.Day() {
			t.Fatalf("%s → %+v → %04d-%02d-%02d, %v", s.Format(time.DateOnly), ld, y, m, d, ok)
		}
		if ld.Day < 1 || ld.Day > 30 || ld.Month < 1 || ld.Month > 12 || ld.Year < s.Year()-1 || ld.Year > s.Year() {
			t.Fatalf("%s → impossible %+v", s.Format(time.DateOnly), ld)
		}
	})
}

func BenchmarkFromSolar(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		FromSolar(2026, time.January, 1+i%365)
	}
}

func mustDate(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
