package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"motcua/data/scan"
)

func postalDoc(item string) string {
	return strings.Replace(strings.Replace(intakeDoc, `"channel": "counter"`, `"channel": "postal", "postal_item": "`+item+`"`, 1),
		`"return_method": "counter"`, `"return_method": "post"`, 1)
}

func TestManifestFromPostEndToEnd(t *testing.T) {
	h := feeHarness(t)
	a := h.intake(postalDoc("RR123456785VN"))
	b := h.intake(postalDoc("EE000000014VN"))
	counter := h.intake(intakeDoc)

	num := strings.SplitN(h.ok("manifest", "new", "--kind", "from-post", "--carrier", "Bưu điện Vị Thanh"), "\n", 2)[0]
	if num != "270203-101" {
		t.Fatalf("manifest number %q", num)
	}
	key, _ := h.env.Desk.EnsureKey(t.Context())
	receiptQR, _ := scan.SignReceipt("https://tra-cuu.example/", a, key)
	// 1.004837 charges nothing by the catalogue: the kind is named.
	if code, _, errOut := h.run("manifest", "add", num, receiptQR, "--fee", "25000"); code != 1 || !strings.Contains(errOut, "--fee le-phi:25000") {
		t.Errorf("a fee of no kind: %d %s", code, errOut)
	}
	h.ok("manifest", "add", num, receiptQR, "--fee", "le-phi:25000")
	h.ok("manifest", "add", num, "EE000000014VN", "--fee", "le-phi:25.000")

	// A forged receipt: the signature's last character changed, whatever
	// it was (the key is random, so it may already be "0").
	last := receiptQR[len(receiptQR)-1:]
	forged := receiptQR[:len(receiptQR)-1] + map[bool]string{true: "1", false: "0"}[last == "0"]
	refusals := []struct {
		name string
		args []string
		want string
	}{
		{"unknown dossier", []string{"manifest", "add", num, "000.30.12.H30-270203-1999"}, "Không tìm thấy"},
		{"forged receipt", []string{"manifest", "add", num, forged}, "không hợp lệ"},
		{"bad check digit", []string{"manifest", "add", num, "RR123456784VN"}, "số kiểm tra"},
		{"status not allowed", []string{"manifest", "add", num, counter}, "không nộp qua bưu chính"},
		{"already on it", []string{"manifest", "add", num, b}, "đã có trong biên bản"},
		{"bad item flag", []string{"manifest", "add", num, a, "--item", "RR12345678VN"}, "RR12345678VN"},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			code, _, errOut := h.run(r.args...)
			if code == 0 || !strings.Contains(errOut, r.want) {
				t.Errorf("exit %d: %s", code, errOut)
			}
		})
	}
	other := strings.SplitN(h.ok("manifest", "new", "--kind", "from-post"), "\n", 2)[0]
	if code, _, errOut := h.run("manifest", "add", other, a); code == 0 || !strings.Contains(errOut, num) {
		t.Errorf("on another open manifest: %d %s", code, errOut)
	}

	var shown manifestJSON
	json.Unmarshal([]byte(h.ok("manifest", "show", num, "--json")), &shown)
	if len(shown.Items) != 2 || shown.Items[0].Code != a || shown.Items[1].PostalItem != "EE000000014VN" || shown.Totals["fees"] != 50000 {
		t.Errorf("show: %+v", shown)
	}
	h.ok("manifest", "remove", num, b)
	h.ok("manifest", "add", num, b)
	h.ok("manifest", "close", num, "--officer", "Trần Văn Bình", "--postal", "Lê Thị Hoa")
	if code, _, errOut := h.run("manifest", "add", num, counter); code == 0 || !strings.Contains(errOut, "đã ký") {
		t.Errorf("edit after close: %s", errOut)
	}
	out := filepath.Join(t.TempDir(), "bb.pdf")
	h.ok("manifest", "pdf", num, "-o", out)
	if text := pdfText(t, out); !strings.Contains(text, a) || !strings.Contains(text, "Lê Thị Hoa") || strings.Contains(text, "BẢN IN LẠI") {
		t.Errorf("manifest pdf:\n%s", text)
	}
	h.ok("manifest", "pdf", num, "-o", out)
	if text := pdfText(t, out); !strings.Contains(text, "BẢN IN LẠI") {
		t.Error("reprint not marked")
	}

	// At the receiving end: one listed dossier scanned, one not, one extra.
	code, stdout, _ := h.run("manifest", "reconcile", num, receiptQR, counter, "rác")
	var rec map[string]any
	json.Unmarshal([]byte(stdout), &rec)
	if code == 0 || len(rec["missing"].([]any)) != 1 || rec["missing"].([]any)[0] != b || len(rec["unexpected"].([]any)) != 2 {
		t.Errorf("reconcile: exit %d %v", code, rec)
	}
	h.ok("manifest", "reconcile", num, a, "EE000000014VN")
	h.ok("manifest", "pdf", num, "-o", out, "--reconciliation")
	if text := pdfText(t, out); !strings.Contains(text, "ĐỐI CHIẾU") {
		t.Error("reconciliation report not printed")
	}
}

func TestManifestToAgencyAndToCitizen(t *testing.T) {
	h := counterHarness(t)
	a := h.intake(postalDoc("RR123456785VN"))
	b := h.intake(postalDoc("EE000000014VN"))
	num := strings.SplitN(h.ok("manifest", "new", "--kind", "to-agency", "--agency", "Phòng Tư pháp"), "\n", 2)[0]
	h.ok("manifest", "add", num, a)
	h.ok("manifest", "add", num, b)
	h.ok("manifest", "close", num, "--officer", "Bình", "--postal", "Hoa")
	var shown map[string]any
	json.Unmarshal([]byte(h.ok("show", a, "--json")), &shown)
	if shown["status"] != "transferred" {
		t.Errorf("after to-agency: %v", shown["status"])
	}
	// The results come back from the agency by the manifest.
	if code, _, errOut := h.run("manifest", "results-back", "270203-199"); code != 1 || !strings.Contains(errOut, "Không có biên bản") {
		t.Errorf("no such manifest: exit %d %s", code, errOut)
	}
	out := h.ok("manifest", "results-back", num)
	if !strings.HasPrefix(out, "Biên bản "+num+": 2 hồ sơ đã có kết quả") || !strings.Contains(out, a) || !strings.Contains(out, b) {
		t.Errorf("results back: %s", out)
	}
	json.Unmarshal([]byte(h.ok("show", b, "--json")), &shown)
	if shown["status"] != "result-ready" {
		t.Errorf("after results-back: %v", shown["status"])
	}
	if out := h.ok("manifest", "results-back", num); !strings.Contains(out, ": 0 hồ sơ") {
		t.Errorf("twice: %s", out)
	}
	c := strings.SplitN(h.ok("manifest", "new", "--kind", "to-citizen"), "\n", 2)[0]
	h.ok("manifest", "add", c, a)
	h.ok("manifest", "add", c, b)
	if code, _, _ := h.run("manifest", "delivery", c, a, "delivered"); code == 0 {
		t.Error("delivery on an open manifest")
	}
	h.ok("manifest", "close", c, "--officer", "Bình", "--postal", "Hoa")
	h.ok("manifest", "delivery", c, a, "delivered")
	h.ok("manifest", "delivery", c, b, "failed")
	out = h.ok("manifest", "delivery", c, b, "failed")
	if !strings.Contains(out, "chuyển về") {
		t.Errorf("second failure: %s", out)
	}
	json.Unmarshal([]byte(h.ok("show", a, "--json")), &shown)
	if shown["status"] != "returned" {
		t.Errorf("delivered: %v", shown["status"])
	}
	var lists map[string][]string
	json.Unmarshal([]byte(h.ok("lists", "--json")), &lists)
	if len(lists["waiting"]) != 1 || lists["waiting"][0] != b {
		t.Errorf("the returned result is not waiting at the counter: %v", lists)
	}
}

// pdfText extracts a PDF's text with pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("MOTCUA_GUI_TEST") == "" {
			t.Skip("pdftotext not installed")
		}
		t.Fatal("pdftotext not installed (MOTCUA_GUI_TEST is set)")
	}
	out, err := exec.Command(bin, "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
