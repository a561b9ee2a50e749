package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestIntakeProcedureAsksWorkingDaysOnlyWhenTheCatalogueHasNone(t *testing.T) {
	h, s, _ := openIntake(t)
	p := s.procedure
	if days, ok := p.workingDays(); days != nil || !ok || p.chosen.Visible() || !p.hint.Visible() {
		t.Fatalf("before a procedure: days %v, chosen shown %v", days, p.chosen.Visible())
	}
	h.pickProcedure(s, "1.001193") // khai sinh: no time limit in the sample
	if !p.daysRow.Visible() || !p.below.Visible() || p.picker.view.Visible() {
		t.Fatalf("working days asked %v, papers shown %v", p.daysRow.Visible(), p.below.Visible())
	}
	test.Type(p.days, "x")
	if _, ok := p.workingDays(); ok {
		t.Error("a word taken for a number of days")
	}
	p.days.SetText("4")
	if days, ok := p.workingDays(); !ok || days == nil || *days != 4 {
		t.Errorf("days %v, %v", days, ok)
	}

	// A procedure with a time limit asks none, and its code stands in the
	// field, which is not a search.
	h.pickProcedure(s, "1.004837")
	if p.daysRow.Visible() || p.days.Text != "" || p.picker.search.Text != "1.004837" || p.picker.view.Visible() {
		t.Errorf("days asked %v (%q), field %q", p.daysRow.Visible(), p.days.Text, p.picker.search.Text)
	}
	p.clear()
	if p.proc.Code != "" || p.chosen.Visible() || !p.hint.Visible() {
		t.Error("clear kept the procedure")
	}
}
