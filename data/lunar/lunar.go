// Package lunar converts between Gregorian dates and the Vietnamese lunar
// calendar (âm lịch).
//
// The calendar is computed, not tabulated, by the rules the Vietnamese
// calendar office follows, for the time zone UTC+7:
//
//   - a month starts on the day (in UTC+7) of a new moon;
//   - month 11 is the month that contains the winter solstice;
//   - when 13 months lie between one month 11 and the next, the first of
//     them after month 11 that contains no major solar term (trung khí:
//     the sun's longitude reaching a multiple of 30°) is a leap month and
//     takes the number of the month before it.
//
// New moons and the sun's longitude come from the formulas in Jean Meeus,
// Astronomical Algorithms (2nd ed.), chapters 25 and 49, with ΔT from the
// polynomials of Espenak and Meeus (NASA, 2006). Because the day boundary
// is UTC+7, the calendar differs from the Chinese one (UTC+8) in some
// years: Tết 1985 fell on 21 January in Vietnam and 20 February in China,
// Tết 2007 on 17 and 18 February. Results are meant for 1900–2199. Checked
// against a modern ephemeris over 1900–2200, every month starts on the same
// day but one: 8 July 1967, when the new moon came 3 seconds after
// midnight (UTC+7) and these formulas put it just before.
package lunar

import (
	"math"
	"time"
)

// Date is a lunar date.
type Date struct {
	Year, Month, Day int
	Leap             bool // the leap month (tháng nhuận) that repeats Month
}

// FromSolar converts a Gregorian date (year, month, day) to the Vietnamese
// lunar date. Out-of-range month and day values are normalised as by
// time.Date.
func FromSolar(y int, m time.Month, d int) Date {
	day := dayNumber(y, m, d)
	sy, _, _ := solarDate(day)
	// The run of months from one month 11 to the next, called a sui here,
	// is numbered by the Gregorian year of the solstice that ends it.
	s := sui(sy)
	if day >= s.starts[len(s.starts)-1] {
		s = sui(sy + 1)
	}
	i := s.monthOf(day)
	return Date{
		Year:  s.lunarYear(i),
		Month: s.months[i].num,
		Day:   day - s.starts[i] + 1,
		Leap:  s.months[i].leap,
	}
}

// ToSolar converts a lunar date to the Gregorian date; ok is false when
// that lunar date does not exist (e.g. day 30 of a 29-day month, or a leap
// month that year lacks).
func ToSolar(ld Date) (y int, m time.Month, d int, ok bool) {
	if ld.Month < 1 || ld.Month > 12 || ld.Day < 1 || ld.Day > 30 {
		return 0, 0, 0, false
	}
	// Months 11 and 12 of a lunar year lie in the sui that ends with the
	// next Gregorian year's solstice.
	s := sui(ld.Year)
	if ld.Month >= 11 {
		s = sui(ld.Year + 1)
	}
	for i, mo := range s.months {
		if mo.num != ld.Month || mo.leap != ld.Leap || s.lunarYear(i) != ld.Year {
			continue
		}
		if ld.Day > s.starts[i+1]-s.starts[i] {
			return 0, 0, 0, false
		}
		y, m, d = solarDate(s.starts[i] + ld.Day - 1)
		return y, m, d, true
	}
	return 0, 0, 0, false
}

// NewYear returns the Gregorian date of Tết (lunar 1/1) of the given lunar
// year. Tết always falls in January or February of the same Gregorian year.
func NewYear(lunarYear int) (time.Month, int) {
	s := sui(lunarYear)
	_, m, d := solarDate(s.starts[s.first])
	return m, d
}

// A suiYear is the run of lunar months from the month 11 that contains the
// winter solstice of one Gregorian year to the month 11 of the next.
type suiYear struct {
	year   int     // Gregorian year of the closing solstice
	starts []int   // day numbers of the month starts, the next month 11 last
	months []month // one per month: len(starts)-1 of them
	first  int     // index of month 1
}

type month struct {
	num  int
	leap bool
}

// sui computes the sui that ends with month 11 of Gregorian year y.
func sui(y int) suiYear {
	k0 := month11(y - 1)
	k1 := month11(y)
	s := suiYear{year: y}
	for k := k0; k <= k1; k++ {
		s.starts = append(s.starts, newMoonDay(k))
	}
	n := k1 - k0
	leap := -1
	if n == 13 {
		// The first month after month 11 whose start and end lie in the
		// same major-term interval contains no major term.
		for i := 1; i < n; i++ {
			if majorTerm(s.starts[i]) == majorTerm(s.starts[i+1]) {
				leap = i
				break
			}
		}
	}
	num := 10
	for i := 0; i < n; i++ {
		if i == leap {
			s.months = append(s.months, month{num: num, leap: true})
			continue
		}
		num = num%12 + 1
		if num == 1 {
			s.first = i
		}
		s.months = append(s.months, month{num: num})
	}
	return s
}

// monthOf returns the index of the month that contains day, which must lie
// in the sui.
func (s suiYear) monthOf(day int) int {
	i := len(s.months) - 1
	for s.starts[i] > day {
		i--
	}
	return i
}

// lunarYear returns the lunar year of the month at index i: the months
// before month 1 end the previous lunar year.
func (s suiYear) lunarYear(i int) int {
	if i < s.first {
		return s.year - 1
	}
	return s.year
}

// zone is the offset of the calendar's day boundary from UT, in days.
const zone = 7.0 / 24

// month11 returns the index k (see newMoon) of the new moon that starts
// month 11 of Gregorian year y: the last new moon whose day is not after
// the day of the winter solstice.
func month11(y int) int {
	solstice := dayNumber(y, time.December, 18)
	for sunLongitude(dayStart(solstice+1)) < 270 {
		solstice++
	}
	k := int(math.Floor((float64(solstice) - 2451550.1) / synodicMonth))
	for newMoonDay(k+1) <= solstice {
		k++
	}
	for newMoonDay(k) > solstice {
		k--
	}
	return k
}

// majorTerm returns which 30° interval of the sun's longitude the sun is
// in at the start of day (0: 0°–30°, … 11: 330°–360°).
func majorTerm(day int) int {
	return int(sunLongitude(dayStart(day)) / 30)
}

// newMoonDay returns the day number of the day (in UTC+7) of new moon k.
func newMoonDay(k int) int {
	jde := newMoon(k)
	jd := jde - deltaT(jde)/86400
	return int(math.Floor(jd + 0.5 + zone))
}

// dayStart returns the dynamical time (JDE) of the start of day in UTC+7.
func dayStart(day int) float64 {
	jd := float64(day) - 0.5 - zone
	return jd + deltaT(jd)/86400
}

// Day numbers are Julian Day Numbers: the Julian Date at noon of the day.
const unixEpochDay = 2440588 // 1970-01-01

func dayNumber(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400) + unixEpochDay
}

func solarDate(day int) (int, time.Month, int) {
	return time.Unix(int64(day-unixEpochDay)*86400, 0).UTC().Date()
}
