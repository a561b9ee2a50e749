package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/printout/pdftest"
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

func TestSigningToAgencyPrintsTheControlSheets(t *testing.T) {
	h := openDesk(t)
	a, b := h.takeDossier(""), h.takeDossier("")
	var p fakePrinter
	h.u.manifests.print = p.send
	h.press(sectionKey(sectionManifests))
	o := h.u.manifests.opener
	o.kind.SetSelected(kindName(data.ManifestToAgency))
	o.agency.SetText("Phòng Tư pháp")
	test.Tap(o.openBtn)
	h.wait()
	s := h.u.manifests
	h.scanInto(s.items.scan, a.Code)
	h.scanInto(s.items.scan, b.Code)
	s.sign.officer.SetText("Trần Văn Bình")
	s.sign.postal.SetText("Phạm Thị Hà")
	test.Tap(s.sign.closeBtn)
	h.wait()
	if len(p.paths) != 3 || !strings.HasSuffix(p.paths[1], a.Code+"-control.pdf") || !strings.HasSuffix(p.paths[2], b.Code+"-control.pdf") {
		t.Fatalf("printed %v (%q)", p.paths, s.actionMsg.message())
	}
	if !strings.Contains(s.actionMsg.message(), "Đã in 2 phiếu kiểm soát (Mẫu 06)") {
		t.Errorf("message %q", s.actionMsg.message())
	}
	if text := pdftest.Text(t, p.paths[1]); !strings.Contains(text, "Nhận: Phòng Tư pháp") || !strings.Contains(text, "Phạm Thị Hà") {
		t.Errorf("control sheet: %s", text)
	}
}
