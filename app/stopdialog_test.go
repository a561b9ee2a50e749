package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/printout/pdftest"
)

func TestStopDossierFromTheDossierView(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	s := h.openDossier(d.Code)
	var printed []string
	s.print = func(path string) error { printed = append(printed, path); return nil }
	if s.dossier.stop.Disabled() {
		t.Fatal("“Dừng giải quyết” disabled for a received dossier")
	}
	test.Tap(s.dossier.stop)
	sd := h.u.dialog.(*formDialog)
	if h.focused() == nil {
		t.Fatal("the dialog did not put the cursor in the reason")
	}
	// No reason: the rule of data.Stop names it under its field.
	sd.Submit()
	h.wait()
	if got, _ := h.db.Dossier(context.Background(), d.Code); got.Status != data.StatusReceived {
		t.Fatalf("stopped without a reason: %s", got.Status)
	}
	dlg := findStopDialog(t, h)
	if m := dlg.form.message(fieldStopReason); !strings.Contains(m, "Chưa ghi lý do dừng giải quyết hồ sơ") {
		t.Errorf("reason message %q", m)
	}
	test.Type(dlg.reason, "Người nộp đề nghị dừng giải quyết")
	if dlg.form.message(fieldStopReason) != "" {
		t.Error("the message stayed after typing")
	}
	test.Type(dlg.basis, "Đơn đề nghị ngày 03/02/2027")
	sd.Submit()
	h.confirm()

	got, _ := h.db.Dossier(context.Background(), d.Code)
	if got.Status != data.StatusStopped {
		t.Fatalf("status %s", got.Status)
	}
	if s.dossier.status.Text != "Dừng giải quyết" || !s.dossier.stopped.Visible() ||
		!strings.Contains(s.dossier.stopped.Text, "Người nộp đề nghị dừng giải quyết") || !s.dossier.stop.Disabled() {
		t.Errorf("after the stop: status %q, line %q, stop enabled %v", s.dossier.status.Text, s.dossier.stopped.Text, !s.dossier.stop.Disabled())
	}
	if len(printed) != 1 || !strings.HasSuffix(printed[0], d.Code+"-stop.pdf") {
		t.Fatalf("printed %v", printed)
	}
	if text := pdftest.Text(t, printed[0]); !strings.HasPrefix(text, "Mẫu số 05 ") || !strings.Contains(text, "Căn cứ Đơn đề nghị ngày 03/02/2027") {
		t.Errorf("notice: %s", text)
	}
	if !strings.Contains(s.dossier.actionMsg.message(), "Đã dừng giải quyết hồ sơ") {
		t.Errorf("message %q", s.dossier.actionMsg.message())
	}
	// The board lists it as stopped.
	h.wait()
	if b := s.board; len(b.lists.Stopped) != 1 || !strings.Contains(b.tabs.Items[tabStopped].Text, "(1)") {
		t.Errorf("stopped tab %q, %d dossiers", b.tabs.Items[tabStopped].Text, len(b.lists.Stopped))
	}
}

// findStopDialog is the stop dialog open on the window.
func findStopDialog(t *testing.T, h *harness) *stopDialog {
	t.Helper()
	sd := h.u.returns.stop
	if sd == nil {
		t.Fatal("no stop dialog open")
	}
	return sd
}

func TestControlSheetFromTheDossierViewOpensTheDossier(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	s := h.openDossier(d.Code)
	var printed []string
	s.print = func(path string) error { printed = append(printed, path); return nil }
	test.Tap(s.dossier.control)
	h.wait()
	if len(printed) != 1 || !strings.HasSuffix(printed[0], d.Code+"-control.pdf") {
		t.Fatalf("printed %v (%q)", printed, s.dossier.actionMsg.message())
	}
	text := pdftest.Text(t, printed[0])
	for _, w := range []string{"Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Giao: Người nộp hồ sơ", deskApplicant.Name} {
		if !strings.Contains(text, w) {
			t.Errorf("control sheet lacks %q:\n%s", w, text)
		}
	}
	// Its QR, scanned at the return desk, opens the dossier.
	qrs := pdftest.QRs(t, printed[0])
	if len(qrs) == 0 || qrs[0] == "" {
		t.Fatal("no QR code on the control sheet")
	}
	s.clear()
	h.scanInto(h.u.scan.entry, qrs[0])
	if s.v.Dossier.Code != d.Code {
		t.Errorf("the control sheet's QR opened %q (banner %q)", s.v.Dossier.Code, h.u.scan.banner.message())
	}
}
