package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motcua/data"
	"motcua/data/scan"
)

// counterHarness is a configured office with the sample catalogue.
func counterHarness(t *testing.T) *harness {
	h := newHarness(t)
	h.ok(initArgs...)
	h.ok("catalog", "import", sample)
	return h
}

const intakeDoc = `{
  "procedure_code": "1.004837",
  "applicant": {"name": "Nguyễn Thị Hồng Nhung", "id_number": "093190001234", "birth_date": "1990-05-17",
                "phone": "0912345678", "email": "nhung@example.vn", "address": "Ấp 3, xã Vị Thanh, TP Cần Thơ"},
  "documents": [{"name": "Tờ khai đăng ký lại khai sinh", "originals": 1, "copies": 0},
                {"name": "Bản sao giấy khai sinh", "originals": 0, "copies": 1}],
  "sets": 1, "channel": "counter", "return_method": "counter",
  "received_at": "2027-02-03T09:00:00+07:00"
}`

func (h *harness) intake(doc string) string {
	h.t.Helper()
	h.env.Stdin = strings.NewReader(doc)
	return strings.SplitN(h.ok("intake", "--json", "-"), "\n", 2)[0]
}

func TestIntakeShowReceiptScan(t *testing.T) {
	h := counterHarness(t)
	code := h.intake(intakeDoc)
	if !data.IsDossierCode(code) || !strings.HasPrefix(code, "000.30.12.H30-270203-1") {
		t.Fatalf("first line %q is not a dossier code", code)
	}

	var shown map[string]any
	if err := json.Unmarshal([]byte(h.ok("show", code, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown["code"] != code || shown["status"] != "received" || shown["due_date"] != "2027-02-15" {
		t.Errorf("show: %v", shown)
	}
	if a := shown["applicant"].(map[string]any); a["name"] != "Nguyễn Thị Hồng Nhung" || a["id_number"] != "093190001234" {
		t.Errorf("applicant %v", a)
	}
	if docs := shown["documents"].([]any); len(docs) != 2 {
		t.Errorf("documents %v", docs)
	}
	if hist := shown["history"].([]any); len(hist) != 1 {
		t.Errorf("history %v", hist)
	}

	out := filepath.Join(t.TempDir(), "r.pdf")
	h.ok("receipt", code, "-o", out)
	if pdf, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Fatalf("receipt file: %v", err)
	}
	if code, _, errOut := h.run("receipt", code, "-o", out); code != 1 || !strings.Contains(errOut, "--reprint") {
		t.Errorf("second print without --reprint: %d %s", code, errOut)
	}
	h.ok("receipt", code, "-o", out, "--reprint")
	kept, _ := filepath.Glob(filepath.Join(h.env.Desk.DataDir, "printouts", "*", code+"-receipt*.pdf"))
	if len(kept) != 2 {
		t.Errorf("kept printouts: %v", kept)
	}

	// The QR payload verifies, behind a tracking prefix mangled by Telex,
	// and any changed character does not.
	key, err := h.env.Desk.EnsureKey(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := scan.SignReceipt("", code, key)
	for _, text := range []string{payload, "https://tras-cuwu.vn/" + payload, strings.ToLower(payload)} {
		exit, stdout, _ := h.run("scan", text)
		var res map[string]any
		json.Unmarshal([]byte(stdout), &res)
		if exit != 0 || res["kind"] != "receipt" || res["code"] != code || res["valid"] != true {
			t.Errorf("scan %q: exit %d %v", text, exit, res)
		}
	}
	// Change one character of the signature to another of its alphabet.
	const alphabet = "0123456789BCFGHJKLMNPQRSTVXZ"
	forged := []byte(payload)
	i := len(forged) - 5
	forged[i] = alphabet[(strings.IndexByte(alphabet, forged[i])+1)%len(alphabet)]
	exit, stdout, _ := h.run("scan", string(forged))
	var res map[string]any
	json.Unmarshal([]byte(stdout), &res)
	if exit != 1 || res["valid"] != false || res["reason"] == "" {
		t.Errorf("forged: exit %d %v", exit, res)
	}
	exit, stdout, _ = h.run("scan", "xin chào")
	json.Unmarshal([]byte(stdout), &res)
	if exit != 1 || res["kind"] != "unknown" || !strings.Contains(res["reason"].(string), "bộ gõ") {
		t.Errorf("garbage: exit %d %v", exit, res)
	}
}

func TestIntakeRefusals(t *testing.T) {
	h := counterHarness(t)
	tests := []struct {
		name, doc string
		want      []string
	}{
		{"bad id and phone", strings.Replace(strings.Replace(intakeDoc, "093190001234", "0931900012", 1), "0912345678", "12345", 1),
			[]string{"applicant.id_number", "applicant.phone"}},
		{"wrong type", strings.Replace(intakeDoc, `"sets": 1`, `"sets": "một"`, 1), []string{"sets"}},
		{"unknown field", strings.Replace(intakeDoc, `"sets": 1`, `"set": 1`, 1), []string{"set"}},
		{"postal without item", strings.Replace(intakeDoc, `"channel": "counter"`, `"channel": "postal"`, 1), []string{"postal_item"}},
		{"forged postal item", strings.Replace(intakeDoc, `"channel": "counter"`, `"channel": "postal", "postal_item": "RR123456784VN"`, 1), []string{"postal_item", "kiểm tra"}},
		{"not json", "{", []string{"JSON"}},
		{"bad birth date", strings.Replace(intakeDoc, "1990-05-17", "17/05/90", 1), []string{"birth_date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.env.Stdin = strings.NewReader(tt.doc)
			code, out, errOut := h.run("intake", "--json", "-")
			if code == 0 {
				t.Fatalf("accepted: %s", out)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("message lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
	if code, _, _ := h.run("show", "000.30.12.H30-270203-1001", "--json"); code != 1 {
		t.Error("a refused intake was saved")
	}
}

func TestForms(t *testing.T) {
	h := counterHarness(t)
	code := h.intake(intakeDoc)
	out := filepath.Join(t.TempDir(), "f.pdf")
	if c, _, errOut := h.run("form", "supplement", code, "-o", out); c != 1 || !strings.Contains(errOut, "bổ sung") {
		t.Errorf("supplement without reason: %d %s", c, errOut)
	}
	h.ok("form", "supplement", code, "--reason", "Thiếu bản sao giấy khai sinh", "-o", out)
	var shown map[string]any
	json.Unmarshal([]byte(h.ok("show", code, "--json")), &shown)
	if shown["status"] != "supplement-requested" {
		t.Errorf("status after Form 02: %v", shown["status"])
	}
	// A dossier waiting for papers may still be refused; a refused one is closed.
	h.ok("form", "refuse", code, "--reason", "Không thuộc thẩm quyền", "-o", out)
	if c, _, errOut := h.run("form", "supplement", code, "--reason", "x", "-o", out); c != 1 || !strings.Contains(errOut, "Từ chối") {
		t.Errorf("supplement after refusal: %d %s", c, errOut)
	}
}
