package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Print and enrolment failures reach the officer in Vietnamese, saying
// what to do; the system's own words go to the error log, under the id
// the message gives.
func TestRawErrorsReachTheOfficerInVietnamese(t *testing.T) {
	h := open(t, deskNow, true)

	t.Run("print", func(t *testing.T) {
		raw := `platform: lp x.pdf: exec: "lp": executable file not found in $PATH`
		msg := h.u.printMessage("Đã lưu.", printed{path: "x.pdf", printErr: errors.New(raw)})
		if strings.Contains(msg, "exec") || strings.Contains(msg, "$PATH") || !strings.Contains(msg, "mã") {
			t.Errorf("message %q", msg)
		}
		logged(t, h, "executable file not found")
	})

	t.Run("enrolment", func(t *testing.T) {
		h.u.show(sectionSync)
		s := h.u.syncScr
		test.Type(s.serverURL, "https://127.0.0.1:9")
		test.Type(s.code, "ABCD-1234")
		test.Tap(s.enroll)
		h.wait()
		msg := h.overlayText()
		if strings.Contains(msg, "dial tcp") || strings.Contains(msg, "connection refused") || !strings.Contains(msg, "Không kết nối được máy chủ tỉnh") || !strings.Contains(msg, "Kiểm tra") {
			t.Errorf("dialog says:\n%s", msg)
		}
	})
}

// logged fails unless the error log holds text.
func logged(t *testing.T, h *harness, text string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(h.u.dataDir, "logs", "motcua.log"))
	if err != nil || !strings.Contains(string(b), text) {
		t.Errorf("log lacks %q (%v):\n%s", text, err, b)
	}
}
