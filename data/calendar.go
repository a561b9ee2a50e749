package data

import (
	"slices"
	"strings"
	"sync"
	"time"

	"motcua/data/lunar"
)

// Zone is Vietnam's time zone (UTC+7); all dates and day boundaries use it.
var Zone = time.FixedZone("ICT", 7*60*60)

// DateOf returns midnight (in Zone) of the day t falls on in Zone.
func DateOf(t time.Time) time.Time {
	y, m, d := t.In(Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, Zone)
}

// ParseDate parses "YYYY-MM-DD" to midnight in Zone. Surrounding space is
// ignored; anything else, or a day that does not exist, is an EInvalid
// error.
func ParseDate(s string) (time.Time, error) {
	d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), Zone)
	if err != nil {
		return time.Time{}, Errorf(EInvalid, "Ngày %q không hợp lệ: cần viết năm-tháng-ngày, ví dụ 2026-02-17.", s)
	}
	return d, nil
}

// Override is a per-date decision by the administrator or the province
// that wins over every computed rule.
type Override struct {
	Date time.Time // midnight in Zone
	Off  bool      // true: an extra day off; false: a make-up working day (e.g. a Saturday worked)
	Name string
}

// DayKind says why a day is special.
type DayKind string

// The kinds of special days.
const (
	KindHoliday      DayKind = "holiday"      // fixed solar holiday
	KindLunar        DayKind = "lunar"        // Tết or Giỗ Tổ
	KindCompensatory DayKind = "compensatory" // day off in lieu of a holiday on a weekend
	KindExtraOff     DayKind = "extra-off"    // override: day off
	KindMakeUp       DayKind = "make-up"      // override: working day
)

// SpecialDay is one entry of a year's calendar.
type SpecialDay struct {
	Date time.Time // midnight in Zone
	Off  bool
	Name string // Vietnamese, e.g. "Tết Nguyên đán", "Nghỉ bù Quốc khánh"
	Kind DayKind
}

// CalendarRules are the computed rules (Labour Code Art. 112: 1/1, Tết,
// Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5, 2/9 and a day beside it; a
// holiday on a Saturday or Sunday gives a compensatory day off on the next
// working day); DefaultRules() gives the law's defaults.
type CalendarRules struct {
	NationalDayExtra bool // 3/9 off beside 2/9 (default true)
	TetBefore        int  // days off before lunar 1/1 (default 1: the last day of the lunar year)
	TetAfter         int  // days off from lunar 1/1 on (default 4: mùng 1–4)
}

// DefaultRules returns the Labour Code's holidays with the usual choices
// for the days the law leaves open: Tết from the last day of the lunar
// year to mùng 4, and 3/9 as the day beside Quốc khánh. Each year's actual
// choices are entered as overrides.
func DefaultRules() CalendarRules {
	return CalendarRules{NationalDayExtra: true, TetBefore: 1, TetAfter: 4}
}

// Calendar answers working-day questions. It computes each year once, on
// first use, and is safe for concurrent use. Rules must not be changed
// after NewCalendar.
type Calendar struct {
	Rules CalendarRules

	overrides map[int64]Override // by Date.Unix()

	// The computed years, by Gregorian year. Other names of package data
	// are left to its other files: hence two maps and no type.
	mu   sync.Mutex
	days map[int][]SpecialDay // sorted by date
	off  map[int]*[366]bool   // by day of the year − 1
}

// NewCalendar returns a calendar that follows rules, with overrides
// winning over them. Of two overrides for the same date the later wins.
func NewCalendar(rules CalendarRules, overrides []Override) *Calendar {
	c := &Calendar{
		Rules:     rules,
		overrides: make(map[int64]Override, len(overrides)),
		days:      make(map[int][]SpecialDay),
		off:       make(map[int]*[366]bool),
	}
	for _, o := range overrides {
		o.Date = DateOf(o.Date)
		if o.Name == "" {
			o.Name = "Ngày làm việc bù"
			if o.Off {
				o.Name = "Ngày nghỉ thêm"
			}
		}
		c.overrides[o.Date.Unix()] = o
	}
	return c
}

// IsWorkingDay reports whether the day d falls on (in Zone) is a working
// day.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	d = d.In(Zone)
	_, off := c.year(d.Year())
	return !off[d.YearDay()-1]
}

// Year lists every special day of a year, sorted by date: holidays, Tết,
// Giỗ Tổ, compensatory days, and all overrides (off and make-up). A plain
// weekend is not listed. An override on a day that is special by the rules is listed after the
// rule's entry: the last entry for a date is the one that holds.
func (c *Calendar) Year(year int) []SpecialDay {
	days, _ := c.year(year)
	return slices.Clone(days)
}

// Due computes the appointment date (midnight in Zone): the workingDays-th
// working day after the day of receipt, which itself is not counted (Civil
// Code Art. 147). A dossier received on a day off, or later in the day
// than cutoff (when cutoff is not 0), counts as received on the next
// working day. With workingDays 0 the due date is the day of receipt so
// understood; a negative workingDays counts as 0.
func (c *Calendar) Due(received time.Time, workingDays int, cutoff time.Duration) time.Time {
	received = received.In(Zone)
	day := DateOf(received)
	if !c.IsWorkingDay(day) || (cutoff > 0 && received.Sub(day) > cutoff) {
		day = c.nextWorkingDay(day)
	}
	for range workingDays {
		day = c.nextWorkingDay(day)
	}
	return day
}

// nextWorkingDay returns the first working day after d.
func (c *Calendar) nextWorkingDay(d time.Time) time.Time {
	d = d.AddDate(0, 0, 1)
	for !c.IsWorkingDay(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// year returns the special days and the days off of year y, computing
// them on first use.
func (c *Calendar) year(y int) ([]SpecialDay, *[366]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if off, ok := c.off[y]; ok {
		return c.days[y], off
	}
	days, off := c.compute(y)
	c.days[y], c.off[y] = days, off
	return days, off
}

// compute lays out Gregorian year y: the holidays of the rules, their
// compensatory days, then the overrides on top.
func (c *Calendar) compute(y int) ([]SpecialDay, *[366]bool) {
	weekend := func(d time.Time) bool {
		return d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
	}

	// A holiday near the turn of a year can send its compensatory day into
	// the next one, so the neighbouring years' holidays take part.
	var holidays []SpecialDay
	for ry := y - 1; ry <= y+1; ry++ {
		holidays = append(holidays, c.holidays(ry)...)
	}
	slices.SortStableFunc(holidays, func(a, b SpecialDay) int { return a.Date.Compare(b.Date) })

	// Each holiday on a weekend gives the next day that is neither a
	// weekend, nor a holiday, nor already given for another holiday.
	taken := make(map[int64]bool, len(holidays)) // by Date.Unix()
	for _, h := range holidays {
		taken[h.Date.Unix()] = true
	}
	var inLieu []SpecialDay
	for _, h := range holidays {
		if !weekend(h.Date) {
			continue
		}
		d := h.Date.AddDate(0, 0, 1)
		for weekend(d) || taken[d.Unix()] {
			d = d.AddDate(0, 0, 1)
		}
		taken[d.Unix()] = true
		inLieu = append(inLieu, SpecialDay{Date: d, Off: true, Name: "Nghỉ bù " + h.Name, Kind: KindCompensatory})
	}

	var days []SpecialDay
	for _, s := range slices.Concat(holidays, inLieu) {
		if s.Date.Year() == y {
			days = append(days, s)
		}
	}
	var overrides []SpecialDay
	for _, o := range c.overrides {
		if o.Date.Year() != y {
			continue
		}
		kind := KindMakeUp
		if o.Off {
			kind = KindExtraOff
		}
		overrides = append(overrides, SpecialDay{Date: o.Date, Off: o.Off, Name: o.Name, Kind: kind})
	}
	byDate := func(a, b SpecialDay) int { return a.Date.Compare(b.Date) }
	slices.SortFunc(overrides, byDate) // one per date: map order does not show
	// Stable, with the overrides after the rules: on a date that both
	// name, the override is last.
	days = append(days, overrides...)
	slices.SortStableFunc(days, byDate)

	off := new([366]bool)
	for d := time.Date(y, time.January, 1, 0, 0, 0, 0, Zone); d.Year() == y; d = d.AddDate(0, 0, 1) {
		off[d.YearDay()-1] = weekend(d)
	}
	for _, s := range days { // an override comes last and wins
		off[s.Date.YearDay()-1] = s.Off
	}
	return days, off
}

// holidays returns the holidays the rules give for year y (Tết of lunar
// year y included), unsorted and without compensatory days.
func (c *Calendar) holidays(y int) []SpecialDay {
	on := func(m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, Zone) }
	days := []SpecialDay{
		{Date: on(time.January, 1), Off: true, Name: "Tết Dương lịch", Kind: KindHoliday},
		{Date: on(time.April, 30), Off: true, Name: "Ngày Chiến thắng", Kind: KindHoliday},
		{Date: on(time.May, 1), Off: true, Name: "Ngày Quốc tế Lao động", Kind: KindHoliday},
		{Date: on(time.September, 2), Off: true, Name: "Quốc khánh", Kind: KindHoliday},
	}
	if c.Rules.NationalDayExtra {
		days = append(days, SpecialDay{Date: on(time.September, 3), Off: true, Name: "Quốc khánh", Kind: KindHoliday})
	}

	m, d := lunar.NewYear(y)
	tet := on(m, d)
	for i := -max(c.Rules.TetBefore, 0); i < max(c.Rules.TetAfter, 0); i++ {
		days = append(days, SpecialDay{Date: tet.AddDate(0, 0, i), Off: true, Name: "Tết Nguyên đán", Kind: KindLunar})
	}

	if gy, gm, gd, ok := lunar.ToSolar(lunar.Date{Year: y, Month: 3, Day: 10}); ok {
		days = append(days, SpecialDay{Date: time.Date(gy, gm, gd, 0, 0, 0, 0, Zone), Off: true, Name: "Giỗ Tổ Hùng Vương", Kind: KindLunar})
	}
	return days
}
