package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestProcedurePickerFindsAsTheOfficerTypes(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	for _, detailed := range []bool{false, true} {
		p := newProcedurePicker(h.u, "", detailed)
		var founds int
		p.onFound = func(err error) {
			if err != nil {
				t.Fatal(err)
			}
			founds++
		}
		// A search replaced before its answer is dropped.
		p.find("khai tu")
		p.find("dang ky giam ho")
		if !p.searching {
			t.Error("not searching while the answer is on its way")
		}
		h.wait()
		if founds != 1 || p.searching || len(p.found) == 0 || p.found[0].Code != "1.004837" {
			t.Fatalf("detailed %v: %d answers, found %v", detailed, founds, codes(p.found))
		}
		if i := p.indexOf("1.004837"); i != 0 || p.indexOf("") != -1 || p.indexOf("9.999999") != -1 {
			t.Errorf("indexOf: %d", i)
		}

		row := p.createRow()
		p.updateRow(0, row)
		var text strings.Builder
		collectText(row, &text)
		for _, want := range []string{"1.004837", "Thủ tục đăng ký giám hộ", "3 ngày làm việc"} {
			if !strings.Contains(text.String(), want) {
				t.Errorf("detailed %v: row lacks %q:\n%s", detailed, want, text.String())
			}
		}
		if detailed != strings.Contains(text.String(), "Hộ tịch") {
			t.Errorf("detailed %v: the field shown %v", detailed, !detailed)
		}
	}
}

func TestProcedurePickerHighlightsTheMatchEnterPicks(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	p := newProcedurePicker(h.u, "", false)
	p.find("")
	h.wait()
	p.list.Resize(fyne.NewSize(600, 300))
	p.moveHighlight(2)
	p.moveHighlight(len(p.found)) // past the end: stays
	if p.highlight != 2 {
		t.Fatalf("highlight %d", p.highlight)
	}
	mark := func(id int) bool {
		row := p.createRow()
		p.updateRow(id, row)
		return row.(*fyne.Container).Objects[0].Visible()
	}
	if !mark(2) || mark(1) {
		t.Errorf("highlight drawn on row 2: %v, on row 1: %v", mark(2), mark(1))
	}
	row := p.createRow()
	p.updateRow(0, row)
	if l := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*widget.Label); l.Importance != widget.WarningImportance && strings.Contains(l.Text, "cần xác định") {
		t.Errorf("a procedure without a time limit is not in the warning colour")
	}
	test.Type(p.search, "x")
	if p.search.Text != "x" {
		t.Errorf("search %q", p.search.Text)
	}
}
