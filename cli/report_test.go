package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/data"
	"motcua/data/report"
	"motcua/printout"
	"motcua/printout/pdftest"
)

// scenarioDoc is an intake of a procedure by a channel, with a time limit.
func scenarioDoc(procedure, channel string, days int, at time.Time) string {
	doc := strings.Replace(intakeDoc, `"1.004837"`, `"`+procedure+`"`, 1)
	doc = strings.Replace(doc, `"2027-02-03T09:00:00+07:00"`, `"`+at.Format(time.RFC3339)+`", "working_days": `+fmt.Sprint(days), 1)
	if channel == "postal" {
		doc = strings.Replace(strings.Replace(doc, `"channel": "counter"`, `"channel": "postal", "postal_item": "RR123456785VN"`, 1),
			`"return_method": "counter"`, `"return_method": "post"`, 1)
	} else {
		doc = strings.Replace(doc, `"channel": "counter"`, `"channel": "`+channel+`"`, 1)
	}
	return doc
}

// reportScenario is March 2027 at an office, computed by hand:
//
//	A 24/02 5 days, due 03/03, ready 02/03, returned 04/03: carried over, early, returned
//	B 15/02 1 day, due 16/02, ready and returned before March: not counted
//	K 25/02 2 days, due 01/03, never ready: carried over, in progress overdue
//	C 01/03 counter 2 days, due 03/03, ready 03/03, returned 05/03: on time, returned
//	D 02/03 postal 2 days, due 04/03, ready 08/03: late
//	E 03/03 online 10 days, due 17/03, never ready: in progress overdue
//	G 04/03 counter: refused the same day
//	H 08/03 counter 3 days, due 11/03, supplement 09/03, back 10/03, ready 11/03: on time
//	I 15/03 counter 2 days, due 17/03, apology 16/03 to 24/03, ready 23/03: early
//	J 16/03 counter: stopped 18/03
//	F 29/03 counter 5 days, due 05/04: in progress on time
//	M 30/03 online 5 days, due 06/04, ready 02/04: in progress on time
//	L 01/04: after the period
//
// E, K and J are of 2.000815 (Chứng thực), the others of 1.004837 (Hộ tịch).
var scenarioWant = report.Figures{
	Received: 9, ReceivedByChannel: report.Channels{Counter: 6, Postal: 1, Online: 2},
	CarriedOver: 2, ResolvedEarly: 2, ResolvedOnTime: 2, ResolvedLate: 1,
	InProgressOnTime: 2, InProgressOverdue: 2, Returned: 2, Refused: 1, Supplement: 1, Apologies: 1, Stopped: 1,
	OnTimePercent: ptr(80.0),
}

func ptr(v float64) *float64 { return &v }

func reportHarness(t *testing.T) *harness {
	h := adminHarness(t)
	h.ok("catalog", "import", sample)
	var now time.Time
	clock := func() time.Time { return now }
	h.store.Now, h.env.Desk.Now, h.env.Sync.Now = clock, clock, clock
	at := func(day string, hour int) time.Time {
		d, err := data.ParseDate(day)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(time.Duration(hour) * time.Hour)
	}
	pdf := func() string { return filepath.Join(t.TempDir(), "p.pdf") }
	take := func(procedure, channel string, days int, day string) string {
		now = at(day, 9)
		return h.intake(scenarioDoc(procedure, channel, days, now))
	}
	do := func(day string, args ...string) {
		now = at(day, 14)
		h.ok(args...)
	}
	const hoTich, chungThuc = "1.004837", "2.000815"
	a := take(hoTich, "counter", 5, "2027-02-24")
	b := take(hoTich, "counter", 1, "2027-02-15")
	take(chungThuc, "counter", 2, "2027-02-25") // K
	do("2027-02-16", "status", b, "result-ready")
	do("2027-02-17", "return", b, "--recipient-id", "093190001234")
	do("2027-03-02", "status", a, "result-ready")
	do("2027-03-04", "return", a, "--recipient-id", "093190001234")
	c := take(hoTich, "counter", 2, "2027-03-01")
	do("2027-03-03", "status", c, "result-ready")
	do("2027-03-05", "return", c, "--recipient-id", "093190001234")
	d := take(hoTich, "postal", 2, "2027-03-02")
	do("2027-03-08", "status", d, "result-ready")
	take(chungThuc, "online", 10, "2027-03-03")
	g := take(hoTich, "counter", 2, "2027-03-04")
	do("2027-03-04", "form", "refuse", g, "--reason", "Không thuộc thẩm quyền", "-o", pdf())
	hh := take(hoTich, "counter", 3, "2027-03-08")
	do("2027-03-09", "form", "supplement", hh, "--reason", "Thiếu tờ khai", "-o", pdf())
	do("2027-03-10", "status", hh, "received")
	do("2027-03-11", "status", hh, "result-ready")
	i := take(hoTich, "counter", 2, "2027-03-15")
	do("2027-03-16", "apology", i, "--new-due", "2027-03-24", "--reason", "Chờ xác minh", "-o", pdf())
	do("2027-03-23", "status", i, "result-ready")
	j := take(chungThuc, "counter", 2, "2027-03-16")
	do("2027-03-18", "form", "stop", j, "--reason", "Người nộp đề nghị dừng", "-o", pdf())
	take(hoTich, "counter", 5, "2027-03-29")
	m := take(hoTich, "online", 5, "2027-03-30")
	take(hoTich, "counter", 2, "2027-04-01")
	do("2027-04-02", "status", m, "result-ready")
	now = at("2027-04-05", 10)
	return h
}

// TestPeriodReportScenario checks every figure of the hand-computed
// March in the JSON, in the Excel file read back and in the PDF's text.
func TestPeriodReportScenario(t *testing.T) {
	h := reportHarness(t)
	dir := t.TempDir()
	xlsx, pdf := filepath.Join(dir, "bao-cao.xlsx"), filepath.Join(dir, "bao-cao.pdf")
	out := h.ok("report", "--from", "2027-03-01", "--to", "2027-03-31", "--json", "-o", xlsx)
	h.ok("report", "--from", "2027-03-01", "--to", "2027-03-31", "-o", pdf)

	var got struct {
		From string `json:"from"`
		To   string `json:"to"`
		report.Figures
		ByField     []report.Row      `json:"by_field"`
		ByProcedure []report.Row      `json:"by_procedure"`
		ByOfficer   []report.Row      `json:"by_officer"`
		Ratings     data.RatingCounts `json:"ratings"`
		Overdue     []struct {
			Code     string `json:"code"`
			DaysLate int    `json:"days_late"`
		} `json:"overdue"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !reflect.DeepEqual(got.Figures, scenarioWant) {
		t.Errorf("figures\n got %+v\nwant %+v", got.Figures, scenarioWant)
	}
	for _, key := range []string{`"received"`, `"received_by_channel"`, `"counter"`, `"postal"`, `"online"`, `"carried_over"`,
		`"resolved_early"`, `"resolved_on_time"`, `"resolved_late"`, `"in_progress_on_time"`, `"in_progress_overdue"`,
		`"returned"`, `"refused"`, `"supplement"`, `"apologies"`, `"stopped"`, `"on_time_percent": 80`, `"by_field"`,
		`"by_procedure"`, `"by_officer"`, `"ratings"`} {
		if !strings.Contains(out, key) {
			t.Errorf("the JSON has no %s", key)
		}
	}
	chung := report.Figures{Received: 2, ReceivedByChannel: report.Channels{Counter: 1, Online: 1}, CarriedOver: 1,
		InProgressOverdue: 2, Stopped: 1}
	hoTich := report.Figures{Received: 7, ReceivedByChannel: report.Channels{Counter: 5, Postal: 1, Online: 1}, CarriedOver: 1,
		ResolvedEarly: 2, ResolvedOnTime: 2, ResolvedLate: 1, InProgressOnTime: 2, Returned: 2, Refused: 1, Supplement: 1,
		Apologies: 1, OnTimePercent: ptr(80)}
	wantRows := map[string][]report.Row{
		"by_field":     {{Key: "Chứng thực", Figures: chung}, {Key: "Hộ tịch", Figures: hoTich}},
		"by_officer":   {{Key: adminName, Figures: scenarioWant}},
		"by_procedure": {{Key: "1.004837", Figures: hoTich}, {Key: "2.000815", Figures: chung}},
	}
	for name, rows := range map[string][]report.Row{"by_field": got.ByField, "by_officer": got.ByOfficer, "by_procedure": got.ByProcedure} {
		for k := range rows {
			rows[k].Name = ""
		}
		if !reflect.DeepEqual(rows, wantRows[name]) {
			t.Errorf("%s\n got %+v\nwant %+v", name, rows, wantRows[name])
		}
	}
	if len(got.Overdue) != 2 || got.Overdue[0].DaysLate != 30 || got.Overdue[1].DaysLate != 14 {
		t.Errorf("overdue: %+v, want K 30 days then E 14 days", got.Overdue)
	}
	if got.Ratings != (data.RatingCounts{}) || got.From != "2027-03-01" || got.To != "2027-03-31" {
		t.Errorf("ratings %+v, period %s – %s", got.Ratings, got.From, got.To)
	}

	lines := scenarioWant.Lines()
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(printout.SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	for k, l := range lines {
		if r := rows[k+2]; len(r) < 2 || r[0] != l.Label || r[1] != l.Value {
			t.Errorf("Excel row %d: %q, want %q %q", k+3, r, l.Label, l.Value)
		}
	}
	if typ, _ := f.GetCellType(printout.SheetSummary, "B4"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("received is stored as text, not a number")
	}
	for sheet, want := range map[string][]report.Row{printout.SheetFields: wantRows["by_field"], printout.SheetOfficers: wantRows["by_officer"]} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for k, w := range want {
			if r := rows[k+2]; !reflect.DeepEqual(r, append([]string{w.Key}, w.Cells()...)) {
				t.Errorf("%s row %d: %q, want %q", sheet, k+3, r, append([]string{w.Key}, w.Cells()...))
			}
		}
	}

	text := pdftest.Text(t, pdf)
	for k, l := range lines {
		if want := fmt.Sprintf("%d %s %s", k+1, strings.TrimSpace(l.Label), l.Value); !strings.Contains(text, want) {
			t.Errorf("the PDF has no %q", want)
		}
	}
	for _, want := range []string{"BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ", "từ ngày 01/03/2027 đến ngày 31/03/2027",
		"Hộ tịch " + strings.Join(hoTich.Cells(), " "), "Chứng thực " + strings.Join(chung.Cells(), " ")} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF has no %q:\n%s", want, text)
		}
	}
}

// TestReportRefusesBadInput: wrong dates, a period backwards, a file of
// another kind.
func TestReportRefusesBadInput(t *testing.T) {
	h := adminHarness(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no dates", []string{"report"}, 2, "--from"},
		{"bad date", []string{"report", "--from", "2027-13-01", "--to", "2027-03-31"}, 1, "YYYY-MM-DD"},
		{"backwards", []string{"report", "--from", "2027-03-31", "--to", "2027-03-01"}, 1, "trước ngày đầu"},
		{"a word file", []string{"report", "--from", "2027-03-01", "--to", "2027-03-31", "-o", "r.docx"}, 1, ".pdf hoặc .xlsx"},
		{"bad quarter", []string{"report", "postal", "--quarter", "2027-4"}, 1, "2026Q4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := h.run(tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, want %d with %q:\n%s", code, tt.code, tt.want, errOut)
			}
		})
	}
}

// TestPostalReportScenario: two dossiers by post with the fees the
// postman took, one of them missing at the reconciliation, and two
// results sent by post, one delivered and one not found at home.
func TestPostalReportScenario(t *testing.T) {
	h := feeHarness(t)
	a := h.intake(postalDoc("RR123456785VN"))
	h.intake(postalDoc("EE000000014VN"))
	in := strings.SplitN(h.ok("manifest", "new", "--kind", "from-post", "--carrier", "Bưu điện Vị Thanh"), "\n", 2)[0]
	h.ok("manifest", "add", in, "RR123456785VN", "--fee", "le-phi:25000")
	h.ok("manifest", "add", in, "EE000000014VN", "--fee", "le-phi:10000")
	h.ok("manifest", "close", in, "--postal", "Lê Thị Hoa")
	h.run("manifest", "reconcile", in, a) // the second is missing
	home := strings.Replace(intakeDoc, `"return_method": "counter"`, `"return_method": "post", "return_address": "Ấp 3, xã Vị Thanh"`, 1)
	c, d := h.intake(home), h.intake(home)
	h.ok("status", c, "result-ready")
	h.ok("status", d, "result-ready")
	out := strings.SplitN(h.ok("manifest", "new", "--kind", "to-citizen"), "\n", 2)[0]
	h.ok("manifest", "add", out, c)
	h.ok("manifest", "add", out, d)
	h.ok("manifest", "close", out, "--postal", "Lê Thị Hoa")
	h.ok("manifest", "delivery", out, c, "delivered")
	h.ok("manifest", "delivery", out, d, "failed")

	h.as(adminUser, testPassword)
	var got postalReportJSON
	text := h.ok("report", "postal", "--quarter", "2027Q1", "--json")
	if err := json.Unmarshal([]byte(text), &got); err != nil {
		t.Fatal(err)
	}
	// Both dossiers by post were typed at the counter: handed over,
	// never announced by the postal operator.
	if op := got.Operator; op == nil || *op != (report.OperatorCounts{HandedOverNotAnnounced: 2}) {
		t.Errorf("operator counts %+v", op)
	}
	got.Operator = nil
	want := report.Postal{ReceivedByPost: 2, ResultsByPost: 2, Delivered: 1, FailedAttempts: 1, PostalFees: 35000, ReconciliationDifferences: 1}
	if got.Postal != want || got.Quarter != "2027Q1" {
		t.Errorf("got %+v\nwant %+v\n%s", got.Postal, want, text)
	}
	var empty postalReportJSON
	json.Unmarshal([]byte(h.ok("report", "postal", "--quarter", "2027Q2", "--json")), &empty)
	if empty.Operator == nil || *empty.Operator != (report.OperatorCounts{}) {
		t.Errorf("the next quarter's operator counts: %+v", empty.Operator)
	}
	empty.Operator = nil
	if empty.Postal != (report.Postal{}) {
		t.Errorf("the next quarter: %+v", empty.Postal)
	}
	dir := t.TempDir()
	h.ok("report", "postal", "--quarter", "2027Q1", "-o", filepath.Join(dir, "bc.xlsx"))
	h.ok("report", "postal", "--quarter", "2027Q1", "-o", filepath.Join(dir, "bc.pdf"))
	f, err := excelize.OpenFile(filepath.Join(dir, "bc.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(printout.SheetPostal)
	pdf := pdftest.Text(t, filepath.Join(dir, "bc.pdf"))
	for k, l := range printout.PostalLines(got.Postal) {
		cell := l[1]
		if k == 5 {
			cell = "35000" // the workbook's fees are a number
		}
		if r := rows[k+2]; len(r) < 2 || r[0] != l[0] || r[1] != cell {
			t.Errorf("Excel row %d: %q, want %q %q", k+3, r, l[0], cell)
		}
		if want := fmt.Sprintf("%d %s %s", k+1, strings.TrimSpace(l[0]), l[1]); !strings.Contains(pdf, want) {
			t.Errorf("the PDF has no %q", want)
		}
	}
}
