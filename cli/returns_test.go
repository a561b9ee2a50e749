package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestReturnDeskCommands(t *testing.T) {
	h := counterHarness(t)
	code := h.intake(intakeDoc)
	if c, _, errOut := h.run("return", code, "--recipient-id", "093190001234"); c != 1 || !strings.Contains(errOut, "chưa có kết quả") {
		t.Errorf("return before the result: %d %s", c, errOut)
	}
	if c, _, errOut := h.run("status", code, "returned"); c != 2 || !strings.Contains(errOut, "returned") {
		t.Errorf("status returned by hand: %d %s", c, errOut)
	}
	h.ok("status", code, "transferred", "--note", "Gửi Phòng Tư pháp")
	if c, _, errOut := h.run("status", code, "transferred"); c != 1 || !strings.Contains(errOut, "không thể chuyển") {
		t.Errorf("transferred twice: %d %s", c, errOut)
	}
	out := filepath.Join(t.TempDir(), "f04.pdf")
	h.ok("apology", code, "--new-due", "2027-02-22", "--reason", "Chờ xác minh", "-o", out)
	if text := pdfText(t, out); !strings.Contains(text, "VĂN BẢN XIN LỖI") || !strings.Contains(text, "22/02/2027") {
		t.Errorf("Form 04:\n%s", text)
	}
	if c, _, errOut := h.run("apology", code, "--new-due", "2027-02-24", "--reason", "Lần nữa", "-o", out); c != 1 || !strings.Contains(errOut, "một lần") {
		t.Errorf("second apology: %d %s", c, errOut)
	}
	var shown map[string]any
	json.Unmarshal([]byte(h.ok("show", code, "--json")), &shown)
	if shown["due_date"] != "2027-02-22" {
		t.Errorf("due after Form 04: %v", shown["due_date"])
	}
	h.ok("status", code, "result-ready")
	var lists map[string]any
	json.Unmarshal([]byte(h.ok("lists", "--json")), &lists)
	if w := lists["waiting"].([]any); len(w) != 1 || w[0] != code {
		t.Errorf("waiting: %v", lists)
	}
	if c, _, errOut := h.run("return", code, "--recipient-id", "092085000111"); c != 1 || !strings.Contains(errOut, "không khớp") {
		t.Errorf("wrong recipient: %d %s", c, errOut)
	}
	note := filepath.Join(t.TempDir(), "tra.pdf")
	h.ok("return", code, "--recipient-id", "092085000111", "--authorised-name", "Lê Văn Tư", "--authorisation", "Giấy ủy quyền ngày 01/02/2027", "-o", note)
	if text := pdfText(t, note); !strings.Contains(text, "PHIẾU GIAO NHẬN KẾT QUẢ") || !strings.Contains(text, "Lê Văn Tư") || !strings.Contains(text, "Giấy ủy quyền ngày 01/02/2027") {
		t.Errorf("return note:\n%s", text)
	}
	if c, _, errOut := h.run("return", code, "--recipient-id", "093190001234"); c != 1 || !strings.Contains(errOut, "đã trả") {
		t.Errorf("second return: %d %s", c, errOut)
	}
	json.Unmarshal([]byte(h.ok("show", code, "--json")), &shown)
	if shown["status"] != "returned" {
		t.Errorf("status %v", shown["status"])
	}
}
