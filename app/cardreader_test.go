package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/data/scan"
)

func TestCardReaderTakesAScanOutOfAnyField(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	var filled []scan.Result
	edits := 0
	f := newForm(h.u, func() {})
	r := &cardReader{u: h.u, form: f, fill: func(res scan.Result) { filled = append(filled, res) },
		edited: func() { edits++ }, latest: func() map[string]string { return nil }}
	e := newField(h.u, "")
	ff := f.entry("x", "X", e)
	h.u.Window().SetContent(e)
	r.watch(e, ff)

	test.Type(e, "ghi chú ")
	ff.set("Sai")
	test.Type(e, citizenCard) // complete: read at once, no Enter needed
	if len(filled) != 1 || filled[0].IDCard == nil || filled[0].IDCard.Number != citizenID {
		t.Fatalf("filled %+v", filled)
	}
	if e.Text != "ghi chú " {
		t.Errorf("the field holds %q after the scan", e.Text)
	}
	if ff.shown() != "" {
		t.Error("typing did not clear the field's message")
	}
	if edits == 0 {
		t.Error("the intake was not told of the edits")
	}
	// The scanner's Enter that follows is the scan's, once.
	if !r.enterOfScan() || r.enterOfScan() {
		t.Error("the Enter after a scan is not taken exactly once")
	}
}
