package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/data"
	"motcua/printout"
	"motcua/printout/pdftest"
	"motcua/server/servertest"
)

// intakeAt is intakeDoc received at another time, by another applicant.
func intakeAt(received, name string) string {
	doc := strings.Replace(intakeDoc, "2027-02-03T09:00:00+07:00", received, 1)
	return strings.Replace(doc, "Nguyễn Thị Hồng Nhung", name, 1)
}

// TestRegisterAcrossYearsAndWorkstations: two workstations of one office
// take dossiers either side of 1 January and sync through the province;
// the register of either lists each workstation's book of each year,
// numbered from 1 in each, with what became of every dossier, in the PDF
// and in the Excel file.
func TestRegisterAcrossYearsAndWorkstations(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws1, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")

	a := ws1.intake(intakeAt("2026-12-30T09:00:00+07:00", "Lê Văn An"))
	b := ws1.intake(intakeAt("2026-12-31T10:00:00+07:00", "Trần Thị Bích"))
	c := ws1.intake(intakeAt("2027-01-04T08:30:00+07:00", "Phạm Văn Cường"))
	d := ws2.intake(intakeAt("2026-12-31T14:00:00+07:00", "Võ Thị Dung"))
	e := ws2.intake(intakeAt("2027-01-05T15:00:00+07:00", "Đặng Văn Em"))
	ws1.ok("status", a, "transferred", "--note", "Chuyển Phòng Tư pháp theo biên bản 261230-101")
	ws1.ok("status", a, "result-ready")
	ws1.ok("return", a, "--recipient-id", "093190001234")
	ws2.ok("form", "supplement", d, "--reason", "Thiếu tờ khai", "-o", filepath.Join(t.TempDir(), "f.pdf"))
	ws2.ok("sync", "--once")
	ws1.ok("sync", "--once")
	ws2.ok("sync", "--once")

	type line struct {
		book, ws int
		no       string
		code     string
	}
	want := []line{{2026, 1, "1", a}, {2026, 1, "2", b}, {2026, 2, "1", d}, {2027, 1, "1", c}, {2027, 2, "1", e}}

	for _, h := range []*harness{ws1, ws2} {
		pdf := filepath.Join(t.TempDir(), "so.pdf")
		h.as(adminUser, testPassword).ok("register", "--from", "2026-12-28", "--to", "2027-01-08", "-o", pdf)
		pages := pdftest.Pages(t, pdf)
		if len(pages) != len(want)-1 { // one page for each book
			t.Fatalf("%d pages, want a page for each of 4 books:\n%s", len(pages), strings.Join(pages, "\n----\n"))
		}
		books := []string{printout.BookLabel(2026, 1), printout.BookLabel(2026, 2), printout.BookLabel(2027, 1), printout.BookLabel(2027, 2)}
		for k, p := range pages {
			flat := strings.Join(strings.Fields(p), " ")
			for _, s := range []string{"Mẫu số 07", "SỔ THEO DÕI HỒ SƠ", books[k], "Trang " + string(rune('1'+k)) + "/4",
				"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH", "Từ ngày 28/12/2026 đến ngày 08/01/2027"} {
				if !strings.Contains(flat, s) {
					t.Errorf("page %d lacks %q:\n%s", k+1, s, flat)
				}
			}
		}
		flat := strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
		for _, s := range []string{"Lê Văn An", "Phòng Tư pháp", "Mẫu số 02 (yêu cầu bổ sung) 03/02/2027", "Võ Thị Dung", "Đặng Văn Em",
			"09:00 30/12/2026", "Ấp 3, xã Vị Thanh"} {
			if !strings.Contains(flat, s) {
				t.Errorf("the register lacks %q:\n%s", s, flat)
			}
		}

		xlsx := filepath.Join(t.TempDir(), "so.xlsx")
		h.ok("register", "--from", "2026-12-28", "--to", "2027-01-08", "-o", xlsx)
		f, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		wantSheets := []string{"2026 - máy 1", "2026 - máy 2", "2027 - máy 1", "2027 - máy 2"}
		if strings.Join(sheets, "|") != strings.Join(wantSheets, "|") {
			t.Fatalf("sheets %v, want %v", sheets, wantSheets)
		}
		var got []line
		for k, name := range sheets {
			rows, err := f.GetRows(name)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(rows[0], "|") != strings.Join(printout.RegisterXLSXColumns, "|") {
				t.Errorf("%s: head %v", name, rows[0])
			}
			panes, err := f.GetPanes(name)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("%s: head row not frozen: %+v %v", name, panes, err)
			}
			for _, r := range rows[1:] {
				got = append(got, line{book: 2026 + k/2, ws: 1 + k%2, no: r[0], code: r[1]})
			}
		}
		if len(got) != len(want) {
			t.Fatalf("Excel rows %v, want %v", got, want)
		}
		for k := range want {
			if got[k] != want[k] {
				t.Errorf("Excel row %d = %+v, want %+v", k, got[k], want[k])
			}
		}
		// Dates are Excel dates: numbers shown in the date format.
		typ, err := f.GetCellType("2026 - máy 1", "E2")
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue("2026 - máy 1", "E2", excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue("2026 - máy 1", "E2")
		when, _ := excelize.ExcelDateToTime(mustFloat(t, raw), false)
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || shown != "30/12/2026 09:00" ||
			!when.Equal(time.Date(2026, 12, 30, 9, 0, 0, 0, time.UTC)) {
			t.Errorf("received at: type %v raw %q shown %q (%v)", typ, raw, shown, when)
		}
		if v, _ := f.GetCellValue("2026 - máy 1", "I2"); v != "03/02/2027" {
			t.Errorf("returned on %q, want 03/02/2027", v)
		}
		if v, _ := f.GetCellValue("2026 - máy 1", "J2"); v != "Lê Văn An" {
			t.Errorf("returned to %q", v)
		}
		f.Close()
	}
	// The export is in the audit trail, as a view of personal data.
	if out := ws1.ok("audit", "list", "--json"); !strings.Contains(out, "register.export") {
		t.Errorf("audit has no register export:\n%s", out)
	}
}

// TestRegisterRefusesACounterOfficer: the register shows applicants'
// personal data; a counter officer may not print it, and nothing is
// written.
func TestRegisterRefusesACounterOfficer(t *testing.T) {
	h := adminHarness(t)
	h.ok("catalog", "import", sample)
	h.intake(intakeDoc)
	h.addUser("tuan", "Lê Minh Tuấn", data.RoleCounter)
	out := filepath.Join(t.TempDir(), "so.pdf")
	code, _, errOut := h.as("tuan", testPassword).run("register", "--from", "2027-02-01", "--to", "2027-02-28", "-o", out)
	if code != 1 || !strings.Contains(errOut, "lãnh đạo") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if fileExists(out) {
		t.Errorf("the register was written for a counter officer")
	}
	if code, _, errOut := h.as(adminUser, testPassword).run("register", "--from", "2027-02-01", "--to", "2027-02-28", "-o", "so.docx"); code != 1 ||
		!strings.Contains(errOut, ".pdf hoặc .xlsx") {
		t.Errorf("a .docx: exit %d: %s", code, errOut)
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number: %v", s, err)
	}
	return v
}
