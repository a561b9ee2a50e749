package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/data/intake"
)

func TestChecklistReadsThePapersTicked(t *testing.T) {
	h, s, _ := openIntake(t)
	c := s.papers
	p, err := h.db.Procedure(t.Context(), "1.004837")
	if err != nil {
		t.Fatal(err)
	}
	test.Type(c.extra, "Giấy xác nhận của trường")
	enter(c.extra)
	c.fill(p) // a procedure chosen after the extra paper keeps it
	if len(c.docs) != len(p.Documents)+1 || !c.docs[len(c.docs)-1].extra || !c.docs[len(c.docs)-1].check.Checked {
		t.Fatalf("%d rows for %d documents and one extra", len(c.docs), len(p.Documents))
	}
	test.Tap(c.docs[1].check)
	c.docs[1].originals.SetText("0")
	c.docs[1].copies.SetText("x")
	c.sets.SetText("2")

	var bad data.Fields
	docs, sets := c.read(&bad)
	if len(docs) != 2 || docs[0].Name != p.Documents[1].Name || docs[1].Name != "Giấy xác nhận của trường" || sets != 2 {
		t.Fatalf("read %+v, %d sets", docs, sets)
	}
	// Rows are named by their place among the papers sent, as the rules
	// name them; the unticked ones by nothing.
	if got := c.docs[1].ff.names; len(got) != 2 || got[1] != "documents[0].originals" {
		t.Errorf("names of the first paper sent: %v", got)
	}
	if c.docs[0].ff.names != nil {
		t.Errorf("an unticked paper is named %v", c.docs[0].ff.names)
	}
	if len(bad) != 1 || bad[0].Field != "documents[0].originals" {
		t.Errorf("bad counts %+v", bad)
	}

	// The fields go in screen order: the papers' heading, the rows, the sets.
	fields := c.fields()
	if fields[0] != c.docsField || fields[len(fields)-1] != c.setsField || len(fields) != len(c.docs)+2 {
		t.Errorf("%d fields", len(fields))
	}
	if s.form.field(intake.FieldSets) != c.setsField || c.docsField.focus != c.docs[0].check {
		t.Error("the intake's form does not know the checklist's fields")
	}

	// The extra paper comes off again.
	extra := c.docs[len(c.docs)-1]
	c.remove(extra)
	if len(c.docs) != len(p.Documents) || h.focused() != c.extra {
		t.Errorf("after removing: %d rows", len(c.docs))
	}
}

func TestChecklistMarkup(t *testing.T) {
	h, _, _ := openIntake(t)
	s := newIntakeScreen(h.u)
	p, _ := h.db.Procedure(t.Context(), "1.004837")
	s.procedure.pick(p)
	s.papers.docs[0].check.SetChecked(true)
	s.papers.docs[0].originals.SetText("0")
	h.wait()
	s.request() // names the rows ticked
	s.showErrors(fieldsErr("documents[0].originals", "giấy tờ chưa có bản nào"))
	assertMarkup(t, "intake/checklist.xml", s.papers.panel, fyne.NewSize(560, 420))
}
