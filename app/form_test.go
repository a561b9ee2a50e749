package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"motcua/data"
)

// formUnderTest is a form of three entries and a radio-like field with no
// entry, on the window's canvas.
type formUnderTest struct {
	f                    *form
	first, second, third *field
	choice               *formField
	ff1, ff2, ff3        *formField
	relayouts            int
}

func newFormUnderTest(h *harness) *formUnderTest {
	ft := &formUnderTest{}
	u := h.u
	ft.f = newForm(u, func() { ft.relayouts++ })
	ft.first, ft.second, ft.third = newField(u, ""), newField(u, ""), newField(u, "")
	ft.ff1 = ft.f.entry("a", "A", ft.first)
	ft.ff2 = ft.f.entry("b", "B", ft.second)
	ft.choice = ft.f.add("c", "C", nil, nil)
	ft.choice.live = markAlways
	ft.ff3 = ft.f.entry("d", "D", ft.third)
	u.Window().SetContent(container.NewVBox(ft.ff1.under(ft.first), ft.ff2.under(ft.second), ft.choice.under(container.NewVBox()), ft.ff3.under(ft.third)))
	return ft
}

func fieldsErr(pairs ...string) error {
	var bad data.Fields
	for i := 0; i+1 < len(pairs); i += 2 {
		bad.Add(pairs[i], "%s", pairs[i+1])
	}
	return bad.Err("Chưa lưu được:")
}

func TestFormShowsEachMessageUnderItsFieldAndFocusesTheFirst(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	ft := newFormUnderTest(h)
	ft.first.SetText("giữ")
	ft.f.field("a").set("cũ") // an old message goes when the field is not named again

	summary, ok := ft.f.show(fieldsErr("d", "sai ngày", "b", "thiếu tên", "x", "trường không có trên màn hình"))
	if !ok {
		t.Fatal("a field error was not shown on the form")
	}
	if got := ft.f.message("b"); got != "Thiếu tên" {
		t.Errorf("b shows %q", got)
	}
	if got := ft.f.message("d"); got != "Sai ngày" {
		t.Errorf("d shows %q", got)
	}
	if got := ft.f.message("a"); got != "" {
		t.Errorf("a still shows %q", got)
	}
	if h.focused() != ft.second {
		t.Errorf("the cursor is not in the first bad field in screen order")
	}
	if !strings.HasPrefix(summary, "Chưa lưu được:") || !strings.Contains(summary, "\nTrường không có trên màn hình") || strings.Contains(summary, "Thiếu tên") {
		t.Errorf("summary %q", summary)
	}
	if ft.relayouts == 0 {
		t.Error("the form was not laid out again")
	}

	// Editing a field takes its message away, and only its own.
	ft.f.edited(ft.ff2)
	if ft.f.message("b") != "" || ft.f.message("d") == "" || !ft.f.hasErrors() {
		t.Errorf("after editing b: b %q, d %q", ft.f.message("b"), ft.f.message("d"))
	}
	ft.f.clearAll()
	if ft.f.hasErrors() {
		t.Error("clearAll left a message")
	}

	// An error naming no field is not the form's.
	if _, ok := ft.f.show(data.Errorf(data.EConflict, "Đã ký.")); ok {
		t.Error("a conflict was taken for field errors")
	}
}

func TestFormMarksWhatAPreviewFoundOnlyWhenTheOfficerIsDone(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	ft := newFormUnderTest(h)
	test.Type(ft.first, "x")  // typed, the cursor still in it
	test.Type(ft.second, "y") // typed and left
	h.u.Window().Canvas().Focus(ft.first)
	msgs, _ := fieldMessages(fieldsErr("a", "sai a", "b", "sai b", "c", "sai c", "d", "thiếu d"))
	ft.f.markLive(msgs)
	want := map[string]bool{"a": false, "b": true, "c": true, "d": false} // d is empty: marked only on saving
	for name, marked := range want {
		if got := ft.f.message(name) != ""; got != marked {
			t.Errorf("%s marked %v, want %v", name, got, marked)
		}
	}
	// Leaving a field the preview found wrong marks it.
	ft.f.markLeft(ft.ff1, msgs)
	if ft.f.message("a") != "Sai a" {
		t.Errorf("a after leaving: %q", ft.f.message("a"))
	}
}
