package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/printout/pdftest"
)

// feeHarness is a configured office that collects fees, with the sample
// catalogue.
func feeHarness(t *testing.T) *harness {
	h := counterHarness(t)
	h.ok("init", "--fee-collector", "Ủy ban nhân dân xã Vị Thanh", "--tax-code", "6300123456",
		"--collector-address", "Số 1 đường 3/2, xã Vị Thanh")
	h.addUser("lan", "Phạm Thị Lan", data.RoleCounter)
	return h
}

// at sets the clock of the store and the desk.
func (h *harness) at(t time.Time) {
	now := func() time.Time { return t }
	h.store.Now, h.env.Desk.Now = now, now
}

// feeIntake is an intake of a procedure with fees (or an exemption),
// received now by the logged-in officer; extra holds further JSON fields.
func feeIntake(procedure, extra string) string {
	return fmt.Sprintf(`{"procedure_code": %q, "working_days": 1,
		"applicant": {"name": "Nguyễn Thị Hồng Nhung", "id_number": "093190001234", "address": "Ấp 3, xã Vị Thanh, TP Cần Thơ"},
		"documents": [{"name": "Tờ khai", "originals": 1, "copies": 0}]%s}`, procedure, extra)
}

func TestIntakeFeesRefusedFromTheCommandLine(t *testing.T) {
	h := feeHarness(t)
	for _, tc := range []struct {
		name, extra, want string
	}{
		{"neither", ``, "fees: thủ tục này thu Lệ phí 8.000 đồng"},
		{"negative", `, "fees": [{"kind": "le-phi", "amount": -8000, "method": "cash"}]`, "fees[0].amount: khoản thu thứ 1: số tiền -8000 không được âm"},
		{"not whole", `, "fees": [{"kind": "le-phi", "amount": 8000.5, "method": "cash"}]`, "fees[0].amount: khoản thu thứ 1: số tiền 8000.5 không phải số nguyên"},
		{"absurd", `, "fees": [{"kind": "le-phi", "amount": 8000000000, "method": "cash"}]`, "vượt mức tối đa 100.000.000 đồng"},
		{"a string", `, "fees": [{"kind": "le-phi", "amount": "tám nghìn", "method": "cash"}]`, "sai kiểu dữ liệu"},
		{"method", `, "fees": [{"kind": "le-phi", "amount": 8000, "method": "card"}]`, "fees[0].method"},
		{"kind", `, "fees": [{"kind": "thue", "amount": 8000, "method": "cash"}]`, "fees[0].kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.as("lan", testPassword)
			h.env.Stdin = strings.NewReader(feeIntake("2.002516", tc.extra))
			code, out, errOut := h.run("intake", "--json", "-")
			if code != 1 || out != "" || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, out %q, err %q; want %q", code, out, errOut, tc.want)
			}
		})
	}
	if c, _, _ := h.run("show", "000.30.12.H30-270203-1001", "--json"); c != 1 {
		t.Error("a refused intake was saved")
	}
}

func TestFeesCollectedAtIntakePrintTheirReceipts(t *testing.T) {
	h := feeHarness(t)
	h.as("lan", testPassword)
	code := h.intake(feeIntake("2.002516", `, "fees": [{"kind": "le-phi", "amount": 8000, "method": "cash"}]`))
	var shown struct {
		FormSet string                  `json:"form_set"`
		Fees    []data.FeeReceiptRecord `json:"fees"`
	}
	if err := json.Unmarshal([]byte(h.ok("show", code, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.FormSet != "03/2025/TT-VPCP" || len(shown.Fees) != 1 || shown.Fees[0].Number != 10000001 ||
		shown.Fees[0].SeriesSymbol != "27TAA" || shown.Fees[0].CollectorTaxCode != "6300123456" {
		t.Errorf("show: %+v", shown)
	}

	// Form 01 prints with the fee receipt after it.
	dir := t.TempDir()
	receipt := filepath.Join(dir, "receipt.pdf")
	h.ok("receipt", code, "-o", receipt)
	ps := pdftest.Pages(t, receipt)
	if len(ps) != 4 {
		t.Fatalf("%d pages, want 2 of Form 01 and 2 of the fee receipt", len(ps))
	}
	if !strings.Contains(ps[0], "Phí, lệ phí đã nộp: Lệ phí 8.000 đồng (tiền mặt)") {
		t.Errorf("Form 01 without the fee: %s", ps[0])
	}
	for k, want := range []string{"Liên 1: Lưu tại tổ chức thu", "Liên 2: Giao người nộp tiền"} {
		p := ps[2+k]
		for _, w := range []string{"BIÊN LAI THU PHÍ, LỆ PHÍ", "Ký hiệu: 27TAA", "Số: 10000001", "Mã số thuế: 6300123456",
			"Số tiền: 8.000 đồng", "Số tiền bằng chữ: Tám nghìn đồng", code, want, "NGƯỜI THU TIỀN (Ký và ghi rõ họ tên) Phạm Thị Lan"} {
			if !strings.Contains(p, w) {
				t.Errorf("fee receipt page %d lacks %q:\n%s", 3+k, w, p)
			}
		}
	}
	// fees receipt prints it alone, marked as a reprint.
	fee := filepath.Join(dir, "fee.pdf")
	h.ok("fees", "receipt", code, "-o", fee)
	if ps := pdftest.Pages(t, fee); len(ps) != 2 || !strings.Contains(ps[0], "BẢN IN LẠI (lần 1)") || !strings.Contains(ps[0], "Số: 10000001") {
		t.Errorf("fees receipt: %v", ps)
	}
	// An exempt dossier has none.
	h.as("lan", testPassword)
	exempt := h.intake(feeIntake("2.002516", `, "fee_exempt": "Người thuộc hộ nghèo"`))
	if c, _, errOut := h.run("fees", "receipt", exempt, "-o", fee); c != 1 || !strings.Contains(errOut, "được miễn phí, lệ phí (Người thuộc hộ nghèo)") {
		t.Errorf("receipt of an exempt dossier: %d %s", c, errOut)
	}
	h.ok("receipt", exempt, "-o", receipt)
	if ps := pdftest.Pages(t, receipt); len(ps) != 2 || !strings.Contains(ps[0], "Miễn phí, lệ phí: Người thuộc hộ nghèo.") {
		t.Errorf("Form 01 of an exempt dossier: %v", ps)
	}
}

// TestFeesReport runs a two-day scenario and checks the report against
// totals worked out by hand.
func TestFeesReport(t *testing.T) {
	h := feeHarness(t)
	wed := func(hh, mm int) time.Time { return time.Date(2027, 2, 3, hh, mm, 0, 0, data.Zone) }
	thu := func(hh, mm int) time.Time { return time.Date(2027, 2, 4, hh, mm, 0, 0, data.Zone) }
	fee := func(kind string, amount int, method string) string {
		return fmt.Sprintf(`, "fees": [{"kind": %q, "amount": %d, "method": %q}]`, kind, amount, method)
	}
	// Wednesday: Lan takes 8.000 in cash, Bình 400.000 by transfer and
	// an exempt dossier, and a free procedure takes nothing.
	h.at(wed(8, 10))
	h.as("lan", testPassword)
	a := h.intake(feeIntake("2.002516", fee("le-phi", 8000, "cash")))
	h.at(wed(9, 30))
	h.as("binh", testPassword)
	b := h.intake(feeIntake("2.001263", fee("le-phi", 400000, "transfer")))
	h.at(wed(10, 0))
	h.as("binh", testPassword)
	h.intake(feeIntake("2.002516", `, "fee_exempt": "Trẻ em dưới 6 tuổi"`))
	h.intake(strings.Replace(intakeDoc, "2027-02-03T09:00:00+07:00", "2027-02-03T10:00:00+07:00", 1))
	// A dossier by post, its fee collected by the postman.
	h.as("lan", testPassword)
	postal := h.intake(feeIntake("2.001263", `, "channel": "postal", "postal_item": "RR123456785VN"`))
	// Thursday: Lan takes 30.000 of phí in cash; the post hands over
	// the postal dossier with 400.000 of lệ phí.
	h.at(thu(8, 5))
	h.as("lan", testPassword)
	c := h.intake(feeIntake("2.000913", fee("phi", 30000, "cash")))
	number := strings.SplitN(h.ok("manifest", "new", "--kind", "from-post", "--carrier", "Bưu điện Vị Thanh"), "\n", 2)[0]
	if out := h.ok("manifest", "add", number, postal, "--fee", "400.000"); !strings.Contains(out, "phí, lệ phí 400.000 đồng") {
		t.Errorf("manifest add: %s", out)
	}
	h.at(thu(9, 0))
	if out := h.ok("manifest", "close", number, "--officer", "Lan", "--postal", "Hùng"); !strings.Contains(out, "Phí, lệ phí bưu điện đã thu và giao: 400.000 đồng") {
		t.Errorf("manifest close: %s", out)
	}
	pdf := filepath.Join(t.TempDir(), "manifest.pdf")
	h.ok("manifest", "pdf", number, "-o", pdf)
	if text := pdftest.Text(t, pdf); !strings.Contains(text, "Phí, lệ phí (đồng)") || !strings.Contains(text, "phí, lệ phí bưu điện đã thu và giao kèm hồ sơ: 400.000 đồng") {
		t.Errorf("signed manifest: %s", text)
	}

	var rep struct {
		Total     int64 `json:"total"`
		Count     int   `json:"count"`
		ByDay     []feeTotalJSON
		ByOfficer []feeTotalJSON
		ByKind    []feeTotalJSON
		ByMethod  []feeTotalJSON
		Receipts  []struct {
			Number int    `json:"number"`
			Code   string `json:"code"`
			Amount int64  `json:"amount"`
			Method string `json:"method"`
			By     string `json:"by"`
		} `json:"receipts"`
		Exempt []exemptJSON `json:"exempt"`
	}
	h.as("binh", testPassword) // the report is a supervisor's
	raw := h.ok("fees", "report", "--from", "2027-02-03", "--to", "2027-02-04", "--json")
	if err := json.Unmarshal([]byte(strings.NewReplacer(`"by_day"`, `"ByDay"`, `"by_officer"`, `"ByOfficer"`,
		`"by_kind"`, `"ByKind"`, `"by_method"`, `"ByMethod"`).Replace(raw)), &rep); err != nil {
		t.Fatal(err)
	}
	// By hand: 8.000 + 400.000 + 30.000 + 400.000.
	if rep.Total != 838000 || rep.Count != 4 {
		t.Errorf("total %d over %d receipts, want 838000 over 4", rep.Total, rep.Count)
	}
	check := func(name string, got []feeTotalJSON, want []feeTotalJSON) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	check("by day", rep.ByDay, []feeTotalJSON{{"2027-02-03", 2, 408000}, {"2027-02-04", 2, 430000}})
	check("by officer", rep.ByOfficer, []feeTotalJSON{{"Phạm Thị Lan", 2, 38000}, {"Trần Văn Bình", 1, 400000}, {"post", 1, 400000}})
	check("by kind", rep.ByKind, []feeTotalJSON{{"le-phi", 3, 808000}, {"phi", 1, 30000}})
	check("by method", rep.ByMethod, []feeTotalJSON{{"cash", 2, 38000}, {"post", 1, 400000}, {"transfer", 1, 400000}})
	want := []string{a + " 10000001 8000 cash Phạm Thị Lan", b + " 10000002 400000 transfer Trần Văn Bình", c + " 10000003 30000 cash Phạm Thị Lan",
		postal + " 10000004 400000 post post"} // one series for the year
	var got []string
	for _, r := range rep.Receipts {
		got = append(got, fmt.Sprintf("%s %d %d %s %s", r.Code, r.Number, r.Amount, r.Method, r.By))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("receipts\n%v\nwant\n%v", got, want)
	}
	if len(rep.Exempt) != 1 || rep.Exempt[0].Reason != "Trẻ em dưới 6 tuổi" {
		t.Errorf("exempt %+v", rep.Exempt)
	}
	// One day only, and the words of the text report.
	one := h.ok("fees", "report", "--from", "2027-02-03", "--to", "2027-02-03")
	for _, w := range []string{"từ 03/02/2027 đến 03/02/2027: 408.000 đồng, 2 biên lai", "Chuyển khoản", "Miễn phí, lệ phí: 1 hồ sơ"} {
		if !strings.Contains(one, w) {
			t.Errorf("text report lacks %q:\n%s", w, one)
		}
	}
	if c, _, errOut := h.run("fees", "report", "--from", "2027-02-04", "--to", "2027-02-03"); c != 1 || !strings.Contains(errOut, "trước ngày đầu") {
		t.Errorf("days the wrong way: %d %s", c, errOut)
	}
}

func TestCatalogFeesFromTheCommandLine(t *testing.T) {
	h := counterHarness(t)
	var list []procedureJSON
	json.Unmarshal([]byte(h.ok("catalog", "list", "--json")), &list)
	byCode := map[string]procedureJSON{}
	for _, p := range list {
		byCode[p.Code] = p
	}
	if p := byCode["2.002516"]; p.FeesNeedsReview || len(p.Fees) != 1 || p.Fees[0].Amount != 8000 || p.Fees[0].Kind != data.FeeLePhi {
		t.Errorf("one amount: %+v", p)
	}
	if p := byCode["2.000815"]; !p.FeesNeedsReview || p.Fees != nil {
		t.Errorf("several amounts: %+v", p)
	}
	if text := h.ok("catalog", "list", "--search", "2.000815"); !strings.Contains(text, data.FeesNeedReviewLabel) {
		t.Errorf("list does not mark the fees to set:\n%s", text)
	}
	if out := h.ok("catalog", "set", "2.000815", "--fee", "le-phi:8000", "--fee", "phi:2.000"); !strings.Contains(out, "Lệ phí 8.000 đồng; Phí 2.000 đồng") {
		t.Errorf("set: %s", out)
	}
	if out := h.ok("catalog", "set", "1.004222", "--no-fee"); !strings.Contains(out, "Không thu phí, lệ phí") {
		t.Errorf("no fee: %s", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--fee", "le-phi:-1"}, "không được âm"},
		{[]string{"--fee", "thue:8000"}, "chỉ nhận phi"},
		{[]string{"--fee", "8000"}, "loại:số tiền"},
		{[]string{"--fee", "le-phi:1", "--fee", "le-phi:2"}, "mỗi loại chỉ ghi một lần"},
	} {
		c, _, errOut := h.run(append([]string{"catalog", "set", "2.000942"}, tc.args...)...)
		if c != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: %d %s", tc.args, c, errOut)
		}
	}
	if c, _, _ := h.run("catalog", "set", "2.000942", "--fee", "le-phi:1", "--no-fee"); c != 2 {
		t.Errorf("--fee with --no-fee: exit %d", c)
	}
	// A re-import keeps what was set.
	h.ok("catalog", "import", sample)
	json.Unmarshal([]byte(h.ok("catalog", "list", "--json", "--search", "2.000815")), &list)
	if len(list) != 1 || list[0].FeesNeedsReview || len(list[0].Fees) != 2 {
		t.Errorf("after re-import: %+v", list)
	}
}
