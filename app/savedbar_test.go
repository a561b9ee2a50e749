package app

import (
	"errors"
	"strings"
	"testing"

	"motcua/data"
)

func TestSavedBarSaysHowTheReceiptWent(t *testing.T) {
	_, s, _ := openIntake(t)
	b := s.saved
	if b.line.Visible() || !b.reprint.Disabled() || !b.view.Disabled() {
		t.Fatal("a dossier is shown before any was saved")
	}
	d := data.Dossier{Code: firstCode, DueDate: vn(2027, 1, 14, 0, 0)}

	b.saved(d, printed{path: "/tmp/r.pdf"}, nil)
	if !b.line.Visible() || !strings.Contains(b.title.Text, firstCode) || !strings.Contains(b.due.Text, "14/01/2027") || b.view.Disabled() {
		t.Errorf("saved: %q, %q", b.title.Text, b.due.Text)
	}

	// The printer's words and an internal error's go to the log, not on
	// the bar.
	b.saved(d, printed{path: "/tmp/r.pdf", printErr: errors.New("lpr: no default destination")}, nil)
	if !strings.Contains(b.status.Text, "/tmp/r.pdf") || !strings.Contains(b.status.Text, "Mã nhật ký") || strings.Contains(b.status.Text, "lpr") {
		t.Errorf("print failed: %q", b.status.Text)
	}
	b.saved(d, printed{}, errors.New("fpdf: font not found at /usr/share/fonts"))
	if !strings.Contains(b.status.Text, "Lỗi nội bộ (mã") || strings.Contains(b.status.Text, "/usr/share") || !b.view.Disabled() {
		t.Errorf("receipt failed: %q", b.status.Text)
	}
}
