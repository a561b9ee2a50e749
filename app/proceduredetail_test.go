package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
)

func TestProcedureDetailShowsAProcedure(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	var saved []data.Procedure
	d := newProcedureDetail(h.u, func(p data.Procedure) { saved = append(saved, p) })
	p, err := h.db.Procedure(t.Context(), "1.001193") // khai sinh: no time limit yet
	if err != nil {
		t.Fatal(err)
	}
	if d.detail.Visible() || !d.placeholder.Visible() {
		t.Fatal("a procedure shown before one is chosen")
	}
	d.show(p)
	if d.title.Text != p.Name || !strings.Contains(d.meta.Text, p.Code) || !d.limit.review.Visible() || d.limit.days.Text != "" {
		t.Errorf("title %q, meta %q, review shown %v", d.title.Text, d.meta.Text, d.limit.review.Visible())
	}
	if len(d.docs.Objects) < len(p.Documents) {
		t.Errorf("%d lines for %d documents", len(d.docs.Objects), len(p.Documents))
	}

	// Its time limit set here comes back through saved.
	h.u.Window().SetContent(d.content)
	test.Type(d.limit.days, "5")
	d.limit.cutoff.SetText("16h")
	test.Tap(d.limit.saveLimit)
	h.wait()
	if len(saved) != 1 || saved[0].WorkingDays == nil || *saved[0].WorkingDays != 5 || saved[0].SameDayCutoff != "16:00" {
		t.Fatalf("saved %+v", saved)
	}
	if d.limit.review.Visible() || !strings.Contains(d.limit.limitStatus.Text, "5 ngày làm việc") {
		t.Errorf("after saving: review shown %v, status %q", d.limit.review.Visible(), d.limit.limitStatus.Text)
	}
}

func TestTimeLimitFormRefusesWhatItCannotRead(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	d := newProcedureDetail(h.u, func(data.Procedure) {})
	h.u.Window().SetContent(d.content)
	p, _ := h.db.Procedure(t.Context(), "1.001193")
	d.show(p)
	f := d.limit
	test.Tap(f.saveLimit)
	if f.form.message(data.FieldWorkingDays) == "" || h.focused() != f.days {
		t.Errorf("no days for a procedure that needs them: %q", f.form.message(data.FieldWorkingDays))
	}
	f.days.SetText("3")
	f.cutoff.SetText("25h")
	test.Tap(f.saveLimit)
	h.wait()
	if f.form.message(data.FieldSameDayCutoff) == "" || f.form.message(data.FieldWorkingDays) != "" || h.focused() != f.cutoff {
		t.Errorf("a cutoff of 25h: %q", f.form.message(data.FieldSameDayCutoff))
	}
	if got, _ := h.db.Procedure(t.Context(), p.Code); !got.NeedsReview() {
		t.Error("saved with a bad cutoff")
	}
}

func TestProcedureDetailMarkup(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	d := newProcedureDetail(h.u, func(data.Procedure) {})
	p, _ := h.db.Procedure(t.Context(), "1.004837")
	d.show(p)
	assertMarkup(t, "catalog/detail.xml", d.content, fyne.NewSize(620, 640))
}
