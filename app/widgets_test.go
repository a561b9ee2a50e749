package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestFieldLetsF2ThroughAndSeesKeysFirst(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	f := newField(h.u, "")
	var seen []fyne.KeyName
	f.onKey = func(ev *fyne.KeyEvent) bool { seen = append(seen, ev.Name); return ev.Name == fyne.KeyDown }
	left := false
	f.onFocusLost = func() { left = true }
	h.u.Window().SetContent(container.NewVBox(f, h.u.scan.content))
	h.u.Window().Canvas().Focus(f)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF2})
	if len(seen) != 2 || h.focused() != h.u.scan.entry || !left {
		t.Errorf("keys seen %v; cursor in the scan field %v; left %v", seen, h.focused() == h.u.scan.entry, left)
	}
	f.selectOnFocus = true
	f.SetText("1.004837")
	h.u.Window().Canvas().Focus(f)
	test.Type(f, "2")
	if f.Text != "2" {
		t.Errorf("typing did not replace the selected text: %q", f.Text)
	}
}

func TestBannerAndScanLog(t *testing.T) {
	test.NewTempApp(t)
	b := newBanner()
	if b.message() != "" {
		t.Error("a new banner shows something")
	}
	b.show("KHÔNG HỢP LỆ", widget.DangerImportance)
	if b.message() != "KHÔNG HỢP LỆ" || b.text.Importance != widget.DangerImportance {
		t.Errorf("banner %q", b.message())
	}
	b.show("", widget.MediumImportance)
	if b.message() != "" {
		t.Error("an empty text did not hide the banner")
	}

	l := newScanLog(2)
	l.add("một", widget.SuccessImportance)
	l.add("hai", widget.DangerImportance)
	l.add("ba", widget.MediumImportance)
	if l.last() != "ba" || l.lines[1].Text != "hai" || l.lines[1].Importance != widget.DangerImportance {
		t.Errorf("log %q, %q", l.lines[0].Text, l.lines[1].Text)
	}
	l.clear()
	if l.last() != "" || l.lines[0].Visible() {
		t.Error("clear left a line")
	}
}

func TestColumnsGiveTheRestToTheFlexibleOne(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := widget.NewLabel("a"), widget.NewLabel("b"), widget.NewLabel("c")
	box := container.New(columns{50, 0, 80}, a, b, c)
	box.Resize(fyne.NewSize(400, 40))
	if a.Size().Width != 50 || b.Size().Width != 270 || c.Position().X != 320 || c.Size().Width != 80 {
		t.Errorf("widths %v %v %v at %v", a.Size().Width, b.Size().Width, c.Size().Width, c.Position().X)
	}
	wide := container.New(maxWidth(300), widget.NewLabel("x"))
	wide.Resize(fyne.NewSize(900, 40))
	if w := wide.Objects[0].Size().Width; w != 300 {
		t.Errorf("maxWidth gave %v", w)
	}
}

func TestCaseHeadingsAppearWhenTheCaseChanges(t *testing.T) {
	test.NewTempApp(t)
	list := container.NewVBox()
	last := ""
	for _, c := range []string{"Giấy tờ phải nộp", "Giấy tờ phải nộp", "", "Giấy tờ phải xuất trình"} {
		addCaseHeading(list, &last, c)
	}
	if len(list.Objects) != 2 {
		t.Errorf("%d headings", len(list.Objects))
	}
}
