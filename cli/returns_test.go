package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"motcua/data"
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

// TestStatusUndo: `status undo` takes back a dossier's last status change
// for a supervisor who gives a reason, and refuses a counter officer, an
// undo without a reason and a change that may not be undone.
func TestStatusUndo(t *testing.T) {
	h := counterHarness(t)
	h.addUser("hoa", "Lê Thị Hoa", data.RoleCounter)
	h.addUser("lan", "Phạm Thị Lan", data.RoleSupervisor)
	code := h.intake(intakeDoc)
	refused := h.intake(intakeDoc)
	h.ok("status", code, "result-ready")
	h.ok("form", "refuse", refused, "--reason", "Không thuộc thẩm quyền", "-o", filepath.Join(t.TempDir(), "03.pdf"))
	tests := []struct {
		name string
		user string
		args []string
		exit int
		want string // in the output or the error
	}{
		{"no code", "lan", []string{"status", "undo", "--reason", "Bấm nhầm"}, 2, "Cần đúng một MÃ hồ sơ"},
		{"counter officer", "hoa", []string{"status", "undo", code, "--reason", "Bấm nhầm"}, 1, "cần quyền lãnh đạo"},
		{"no reason", "lan", []string{"status", "undo", code}, 1, "--reason: chưa ghi lý do hoàn tác"},
		{"good", "lan", []string{"status", "undo", code, "--reason", "Bấm nhầm hồ sơ khác"}, 0,
			code + ": đã hoàn tác “Có kết quả, chờ trả”, trở lại “Đã tiếp nhận”."},
		{"undo of the undo", "lan", []string{"status", "undo", code, "--reason", "Lại nhầm"}, 1, "vừa được hoàn tác"},
		{"a refusal", adminUser, []string{"status", "undo", refused, "--reason", "Nhầm"}, 1, "Mẫu 03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, out, errOut := h.as(tt.user, testPassword).run(tt.args...)
			if c != tt.exit || !strings.Contains(out+errOut, tt.want) {
				t.Errorf("exit %d\n%s%s\nwant %d with %q", c, out, errOut, tt.exit, tt.want)
			}
		})
	}
	shown := h.as("lan", testPassword).show(code)
	hist := shown["history"].([]any)
	last := hist[len(hist)-1].(map[string]any)
	undone := hist[len(hist)-2].(map[string]any)
	if shown["status"] != "received" || last["action"] != "undo" || last["actor"] != "Phạm Thị Lan" || last["note"] != "Bấm nhầm hồ sơ khác" ||
		undone["undone"] != true {
		t.Errorf("after the undo: %v", shown)
	}
}
