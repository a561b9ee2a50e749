package printout

import (
	"fmt"
	"time"

	"motcua/data"
)

// formOf is the form set and spec a paper prints with: set when the caller
// gives one (a reprint keeps the set of the first print), else the set in
// force when the dossier was received, or on the day of issue when that
// set lacks the kind (data.FormFor).
func formOf(set data.FormSet, k data.FormKind, received, issued time.Time) (data.FormSet, data.FormSpec, error) {
	if !set.IsZero() {
		f, ok := set.Form(k)
		if !ok {
			return set, f, fmt.Errorf("circular %s has no %s form", set.Circular, k)
		}
		return set, f, nil
	}
	if received.IsZero() {
		received = issued
	}
	set, f, ok := data.FormFor(k, received, issued)
	if !ok {
		return set, f, fmt.Errorf("no form set has a %s form", k)
	}
	return set, f, nil
}

// formNumber draws the form number as the circular prints it ("Mẫu số 01")
// at the top right of the page, above the header, and records the citation
// in the document's subject.
func (s *sheet) formNumber(f data.FormSpec) {
	size := s.m.small + 1.5
	sp := strong(f.Number)
	s.block([]span{sp}, size, s.contentR()-s.width(sp, size)-1, s.contentR(), s.y)
	s.y += s.lineH(size) + 0.6
}

// weekdayOf is the name of t's day in Vietnam.
func weekdayOf(t time.Time) string { return weekdays[t.In(data.Zone).Weekday()] }

// orBlank is s, or dots to fill in by hand.
func orBlank(s string) string {
	if s == "" {
		return "……………………"
	}
	return s
}
