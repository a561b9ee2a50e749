package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/printout/pdftest"
)

// receivedAt is intakeDoc received at t.
func receivedAt(t time.Time) string {
	return strings.Replace(intakeDoc, "2027-02-03T09:00:00+07:00", t.Format(time.RFC3339), 1)
}

// paperOf checks a printout's first page: its form number and title,
// and, when code is not "", that its QR code is the dossier's signed
// receipt payload, which the scan command opens.
func (h *harness) paperOf(path, number, heading, code string) {
	h.t.Helper()
	ps := pdftest.Pages(h.t, path)
	if len(ps) == 0 {
		h.t.Fatalf("%s: no pages", path)
	}
	if !strings.HasPrefix(ps[0], number+" ") || !strings.Contains(ps[0], heading) {
		h.t.Errorf("%s: want %q and %q on the first page:\n%s", filepath.Base(path), number, heading, ps[0])
	}
	if code == "" {
		return
	}
	qrs := pdftest.QRs(h.t, path)
	if len(qrs) == 0 || qrs[0] == "" {
		h.t.Fatalf("%s: no QR code", filepath.Base(path))
	}
	var res struct {
		Kind  string `json:"kind"`
		Code  string `json:"code"`
		Valid bool   `json:"valid"`
	}
	json.Unmarshal([]byte(h.ok("scan", qrs[0])), &res)
	if res.Kind != "receipt" || res.Code != code || !res.Valid {
		h.t.Errorf("%s: QR %q scans as %+v", filepath.Base(path), qrs[0], res)
	}
}

// nextWorkingDay is the first weekday at least n days after t.
func nextWorkingDay(t time.Time, n int) time.Time {
	d := t.AddDate(0, 0, n)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// TestEveryFormOfBothSets prints, through the commands, every paper of a
// dossier received the last working day before Circular 03/2025 took
// effect (15/9/2025) and one received on that day, and reads back their
// numbers, titles and QR codes.
func TestEveryFormOfBothSets(t *testing.T) {
	for _, side := range []struct {
		name                  string
		received              time.Time
		set, apology, control string
	}{
		{"01/2018", time.Date(2025, 9, 12, 9, 0, 0, 0, data.Zone), "01/2018/TT-VPCP",
			"PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mẫu số 05"},
		{"03/2025", time.Date(2025, 9, 15, 9, 0, 0, 0, data.Zone), "03/2025/TT-VPCP",
			"VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Mẫu số 06"},
	} {
		t.Run(side.name, func(t *testing.T) {
			h := counterHarness(t)
			h.at(side.received.Add(30 * time.Minute))
			dir := t.TempDir()
			out := func(name string) string { return filepath.Join(dir, name+".pdf") }
			a := h.intake(receivedAt(side.received))
			b := h.intake(receivedAt(side.received))
			c := h.intake(receivedAt(side.received))

			h.ok("receipt", a, "-o", out("01"))
			h.paperOf(out("01"), "Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", a)
			h.ok("form", "supplement", b, "--reason", "Thiếu bản sao giấy khai sinh", "-o", out("02"))
			h.paperOf(out("02"), "Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "")
			h.ok("form", "refuse", c, "--reason", "Không thuộc thẩm quyền", "-o", out("03"))
			h.paperOf(out("03"), "Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "")
			var shown struct {
				DueDate string `json:"due_date"`
				FormSet string `json:"form_set"`
			}
			json.Unmarshal([]byte(h.ok("show", a, "--json")), &shown)
			if shown.FormSet != side.set {
				t.Errorf("form set %q, want %s", shown.FormSet, side.set)
			}
			due, _ := data.ParseDate(shown.DueDate)
			h.ok("apology", a, "--new-due", nextWorkingDay(due, 7).Format("2006-01-02"), "--reason", "Chờ xác minh", "-o", out("04"))
			h.paperOf(out("04"), "Mẫu số 04", side.apology, "")
			h.ok("form", "control", a, "-o", out("control"))
			h.paperOf(out("control"), side.control, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", a)

			// Circular 01/2018 has no stop notice: a dossier of its set
			// is stopped with Mẫu số 05 of the circular in force that day.
			h.at(time.Date(2025, 9, 16, 10, 0, 0, 0, data.Zone))
			h.ok("form", "stop", a, "--reason", "Người nộp đề nghị dừng", "-o", out("05"))
			h.paperOf(out("05"), "Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", a)
			if text := pdftest.Text(t, out("05")); !strings.Contains(text, "Người nộp đề nghị dừng") || !strings.Contains(text, "Thông tư số 03/2025/TT-VPCP") {
				t.Errorf("stop notice: %s", text)
			}
			// A reprint keeps the set of the first print.
			h.ok("receipt", a, "-o", out("01b"), "--reprint")
			h.paperOf(out("01b"), "Mẫu số 01", "BẢN IN LẠI (lần 1)", a)
		})
	}
}

func TestStopNoticeFromTheCommandLine(t *testing.T) {
	h := counterHarness(t)
	code := h.intake(intakeDoc)
	out := filepath.Join(t.TempDir(), "stop.pdf")
	if c, _, errOut := h.run("form", "stop", code, "-o", out); c != 1 || !strings.Contains(errOut, "--reason: chưa ghi lý do dừng giải quyết hồ sơ") {
		t.Errorf("no reason: %d %s", c, errOut)
	}
	h.ok("form", "stop", code, "--reason", "Trùng với hồ sơ đã nộp trực tuyến", "--basis", "Đơn đề nghị ngày 03/02/2027", "-o", out)
	text := pdftest.Text(t, out)
	for _, w := range []string{"Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", code, "Trùng với hồ sơ đã nộp trực tuyến",
		"Căn cứ Đơn đề nghị ngày 03/02/2027", "Nguyễn Thị Hồng Nhung"} {
		if !strings.Contains(text, w) {
			t.Errorf("notice lacks %q:\n%s", w, text)
		}
	}
	var shown map[string]any
	json.Unmarshal([]byte(h.ok("show", code, "--json")), &shown)
	if shown["status"] != "stopped" || shown["status_label"] != "Dừng giải quyết" {
		t.Errorf("status %v %v", shown["status"], shown["status_label"])
	}
	var lists map[string][]any
	json.Unmarshal([]byte(h.ok("lists", "--json")), &lists)
	if len(lists["stopped"]) != 1 || lists["stopped"][0] != code {
		t.Errorf("lists %v", lists)
	}
	// Closed: no status moves it, no second notice.
	if c, _, errOut := h.run("status", code, "received"); c != 1 || !strings.Contains(errOut, "Dừng giải quyết") {
		t.Errorf("status after stop: %d %s", c, errOut)
	}
	if c, _, errOut := h.run("form", "stop", code, "--reason", "lần nữa", "-o", out); c != 1 || !strings.Contains(errOut, "không dừng giải quyết được") {
		t.Errorf("stopped twice: %d %s", c, errOut)
	}
	h.ok("form", "stop", code, "--reprint", "-o", out)
	if text := pdftest.Text(t, out); !strings.Contains(text, "BẢN IN LẠI (lần 1)") || !strings.Contains(text, "Trùng với hồ sơ đã nộp trực tuyến") {
		t.Errorf("reprint: %s", text)
	}
}

func TestControlSheetFromTheCommandLine(t *testing.T) {
	h := counterHarness(t)
	code := h.intake(intakeDoc) // due Mon 15/2/2027
	number := strings.SplitN(h.ok("manifest", "new", "--kind", "to-agency", "--agency", "Phòng Tư pháp"), "\n", 2)[0]
	h.ok("manifest", "add", number, code)
	h.at(time.Date(2027, 2, 4, 8, 30, 0, 0, data.Zone))
	// Signing prints the dossier's control sheet to go with it.
	closed := h.ok("manifest", "close", number, "--officer", "Trần Văn Bình", "--postal", "Phạm Thị Hà")
	_, sheet, ok := strings.Cut(closed, "Phiếu kiểm soát: ")
	sheet = strings.TrimSpace(sheet)
	if !ok || !strings.HasSuffix(sheet, code+"-control.pdf") {
		t.Fatalf("no control sheet printed on signing:\n%s", closed)
	}
	text := pdftest.Text(t, sheet)
	for _, w := range []string{"Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Cơ quan (bộ phận) giải quyết hồ sơ: Phòng Tư pháp",
		"Giao: Người nộp hồ sơ", "09 giờ 00 phút, ngày 03/02/2027", "08 giờ 30 phút, ngày 04/02/2027", "Nhận: Phòng Tư pháp", "Phạm Thị Hà",
		"…… giờ …… phút, ngày ……/……/………"} {
		if !strings.Contains(text, w) {
			t.Errorf("control sheet at signing lacks %q:\n%s", w, text)
		}
	}
	// The result comes back a day late, and is returned.
	h.at(time.Date(2027, 2, 16, 14, 0, 0, 0, data.Zone))
	h.ok("manifest", "results-back", number)
	h.at(time.Date(2027, 2, 17, 9, 15, 0, 0, data.Zone))
	h.ok("return", code, "--recipient-id", "093190001234")
	out := filepath.Join(t.TempDir(), "control.pdf")
	h.ok("form", "control", code, "-o", out)
	text = pdftest.Text(t, out)
	for _, w := range []string{"14 giờ 00 phút, ngày 16/02/2027", "Quá hạn", "09 giờ 15 phút, ngày 17/02/2027", "Nhận: Người nhận kết quả"} {
		if !strings.Contains(text, w) {
			t.Errorf("control sheet lacks %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "BẢN IN LẠI") {
		t.Error("a control sheet printed as of now is marked as a reprint")
	}
	qrs := pdftest.QRs(t, out)
	if len(qrs) == 0 || !strings.Contains(qrs[0], code) {
		t.Errorf("QR codes %v", qrs)
	}
}
