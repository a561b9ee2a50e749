package app

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"motcua/counter"
	"motcua/data"
	"motcua/printout"
	"motcua/printout/pdftest"
)

// reportsHarness is an office on 10 March 2027 with four dossiers of
// 1.004837 (3 working days): D (25/02, due 02/03) still open, carried
// over and overdue; A (01/03, due 04/03) ready 03/03, early; B (02/03,
// due 05/03) ready 09/03, late; C (08/03, due 11/03) in progress.
func reportsHarness(t *testing.T) *harness {
	h := newHarness(t, true)
	h.db.Now = func() time.Time { return h.now }
	h.start(vn(2027, 3, 10, 10, 0))
	h.wait()
	day := func(d, hh int) time.Time { return vn(2027, 3, d, hh, 0) }
	h.takeDossierAt(vn(2027, 2, 25, 9, 0), "")
	a := h.takeDossierAt(day(1, 9), "")
	b := h.takeDossierAt(day(2, 9), "")
	h.takeDossierAt(day(8, 9), "")
	at := func(t time.Time, code string, to data.Status) {
		was := h.now
		h.now = t
		h.setStatus(code, to)
		h.now = was
	}
	at(day(3, 14), a.Code, data.StatusResultReady)
	at(day(9, 14), b.Code, data.StatusResultReady)
	return h
}

// TestReportsScreen: the supervisor's screen opens on this month, shows
// its figures, charts and overdue list, takes another period, and saves
// the report as Excel and PDF; a counter officer has no such screen.
func TestReportsScreen(t *testing.T) {
	h := reportsHarness(t)
	h.press(sectionKey(sectionReports))
	h.wait()
	s := h.u.reports
	if s.period.from.Text != "2027-03-01" || s.period.to.Text != "2027-03-10" {
		t.Fatalf("period %s – %s, want this month", s.period.from.Text, s.period.to.Text)
	}
	want := map[string]string{
		"Tồn từ kỳ trước chuyển sang": "1", "Tiếp nhận trong kỳ": "3", "  – trực tiếp tại quầy": "3",
		"Đã giải quyết trước hạn": "1", "Đã giải quyết đúng hạn": "0", "Đã giải quyết quá hạn": "1",
		"Đang giải quyết trong hạn": "1", "Đang giải quyết quá hạn": "1", "Tỷ lệ giải quyết đúng hạn": "50,0%",
	}
	for label, v := range want {
		if got := s.figures.value(label); got != v {
			t.Errorf("%s: %q, want %q", label, got, v)
		}
	}
	if len(s.overdue.items) != 1 || !strings.Contains(s.overdue.line(0), "hẹn 02/03/2027, quá 8 ngày") {
		t.Errorf("overdue list %+v", s.overdue.items)
	}
	if s.charts.received.Resource == nil || s.charts.resolved.Resource == nil || s.charts.overdue.Resource == nil {
		t.Error("a chart is missing")
	}
	if s.exportPDF.Disabled() {
		t.Error("export disabled with a report shown")
	}

	// The first week only: A and B received, none resolved late yet.
	s.period.from.SetText("")
	test.Type(s.period.from, "2027-03-01")
	s.period.to.SetText("")
	test.Type(s.period.to, "2027-03-07")
	test.Tap(s.period.show)
	h.wait()
	for label, v := range map[string]string{"Tiếp nhận trong kỳ": "2", "Đã giải quyết trước hạn": "1", "Đã giải quyết quá hạn": "0",
		"Đang giải quyết quá hạn": "2", "Tỷ lệ giải quyết đúng hạn": "100,0%"} {
		if got := s.figures.value(label); got != v {
			t.Errorf("first week, %s: %q, want %q", label, got, v)
		}
	}

	dir := t.TempDir()
	for _, format := range []string{counter.FormatXLSX, counter.FormatPDF} {
		path := filepath.Join(dir, s.fileName(format))
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		s.exportTo(format, w)
		h.wait()
		if got := s.status.message(); got != "Đã lưu báo cáo." {
			t.Fatalf("%s: %q", format, got)
		}
		if format == counter.FormatXLSX {
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := f.GetCellValue(printout.SheetSummary, "B4"); v != "2" {
				t.Errorf("Excel: received %q, want 2", v)
			}
			f.Close()
		} else if text := pdftest.Text(t, path); !strings.Contains(text, "2 Tiếp nhận trong kỳ 2") || !strings.Contains(text, "đến ngày 07/03/2027") {
			t.Errorf("PDF text:\n%s", text)
		}
	}

	// A bad date is named and nothing is computed.
	s.period.to.SetText("31/03/2027")
	test.Tap(s.period.show)
	h.wait()
	if !s.period.problem.Visible() || !strings.Contains(s.period.problem.Text, "Ngày cuối") {
		t.Errorf("bad date: %q", s.period.problem.Text)
	}
}

func TestReportsHiddenFromCounterOfficers(t *testing.T) {
	h := newHarness(t, true)
	h.addAccount("hoa", "Lê Thị Hoa", data.RoleCounter)
	h.addAccount("lan", "Phạm Thị Lan", data.RoleSupervisor)
	h.startLocked(h.db, vn(2027, 3, 10, 10, 0))
	h.logIn("hoa")
	if h.u.tabOf(sectionReports) >= 0 {
		t.Error("a counter officer has the reports")
	}
	h.u.lock()
	h.logIn("lan")
	if h.u.tabOf(sectionReports) < 0 {
		t.Error("a supervisor has no reports")
	}
}

// TestOverdueDossierOpens: a dossier of the overdue list, whose row may
// shorten its procedure, opens whole on the return desk.
func TestOverdueDossierOpens(t *testing.T) {
	h := reportsHarness(t)
	h.press(sectionKey(sectionReports))
	h.wait()
	o := h.u.reports.overdue
	if len(o.items) != 1 {
		t.Fatalf("%d overdue", len(o.items))
	}
	h.setStatus(o.items[0].Code, data.StatusTransferred) // the longest state's name
	o.list.Select(0)
	h.wait()
	if got := h.u.returns.v.Dossier.Code; got != o.items[0].Code || h.u.tabs.SelectedIndex() != h.u.tabOf(sectionReturns) {
		t.Errorf("return desk shows %q (tab %d), want %s", got, h.u.tabs.SelectedIndex(), o.items[0].Code)
	}
	// Laid out as it came forward, its texts wrapped at the pane's width.
	sc := h.u.returns.scroll
	if w := sc.Content.MinSize().Width; w > sc.Size().Width+slack {
		t.Errorf("the dossier needs %v in a pane of %v", w, sc.Size().Width)
	}
}
