package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/data/returns"
)

func TestApologyFormRefusesADateItCannotRead(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	s := h.openDossier(d.Code)
	f := s.apology
	test.Tap(s.dossier.apology)
	if !f.content.Visible() || h.focused() != f.newDue {
		t.Fatal("Form 04 did not open on its date")
	}
	test.Type(f.newDue, "ba mươi")
	test.Tap(f.apologySave)
	h.wait()
	if f.form.message(returns.FieldNewDue) == "" || h.focused() != f.newDue {
		t.Errorf("a word taken for a date: %q", f.form.message(returns.FieldNewDue))
	}
	if got, _ := h.db.Dossier(t.Context(), d.Code); !got.DueDate.Equal(d.DueDate) {
		t.Error("the due date moved")
	}
	// No reason: the rule of data/returns names it under its field.
	f.newDue.SetText("22/02/2027")
	test.Tap(f.apologySave)
	h.wait()
	if f.form.message(returns.FieldReason) == "" || f.form.message(returns.FieldNewDue) != "" {
		t.Errorf("reason %q, date %q", f.form.message(returns.FieldReason), f.form.message(returns.FieldNewDue))
	}
	// Once issued, the form goes away for good.
	v := deskView(data.StatusReceived)
	v.History = append(v.History, data.Event{Action: "apology"})
	f.show(v)
	if f.content.Visible() {
		t.Error("Form 04 offered after it was issued")
	}
}
