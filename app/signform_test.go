package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"motcua/data"
)

func TestSignFormNamesBothSigners(t *testing.T) {
	h := newHarness(t, true)
	h.db.Now = func() time.Time { return deskNow }
	h.start(deskNow)
	a := h.takeDossier("RR123456785VN")
	s := h.openManifest(data.ManifestFromPost, "Bưu điện Vị Thanh")
	h.scanInto(s.items.scan, a.Code)
	f := s.sign
	if f.officer.Text != "Trần Văn Bình" {
		t.Errorf("officer %q, want this workstation's", f.officer.Text)
	}
	// With no officer named, the logged-in officer signs; the postal
	// staff's name is still wanted.
	f.officer.SetText("")
	test.Tap(f.closeBtn)
	h.wait()
	if f.form.message(data.FieldSigningOfficer) != "" || f.form.message(data.FieldPostalStaff) == "" || h.focused() != f.postal {
		t.Errorf("officer %q, postal %q", f.form.message(data.FieldSigningOfficer), f.form.message(data.FieldPostalStaff))
	}
	if m, _ := h.db.Manifest(t.Context(), s.m.Number); m.Status != data.ManifestOpen {
		t.Error("signed without names")
	}
	test.Type(f.officer, "B")
	if f.form.message(data.FieldSigningOfficer) != "" || f.form.message(data.FieldPostalStaff) == "" {
		t.Error("typing cleared the wrong message")
	}
}
