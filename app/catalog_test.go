package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

const sampleSize = 61 // procedures in assets/catalog/sample.json

func TestFirstRunImportsSampleCatalog(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), false)
	h.setUpFirstRun()
	s := h.u.catalog
	if got := s.picker.list.Length(); got != sampleSize {
		t.Fatalf("list shows %d procedures, want %d", got, sampleSize)
	}
	stored, err := h.db.Procedures(context.Background(), "")
	if err != nil || len(stored) != sampleSize {
		t.Fatalf("store holds %d procedures (%v), want %d", len(stored), err, sampleSize)
	}
	if !strings.HasPrefix(s.count.Text, "61 thủ tục") {
		t.Errorf("count %q", s.count.Text)
	}
	if s.busy.Visible() || s.progress.Visible() {
		t.Errorf("progress still shown after the import")
	}
}

func TestSampleNotImportedAgain(t *testing.T) {
	h := newHarness(t, true)
	ctx := context.Background()
	if _, err := h.db.ImportProcedures(ctx, []data.Procedure{{Code: "1.000001", Name: "Thủ tục thử"}}); err != nil {
		t.Fatal(err)
	}
	h.start(vn(2027, 1, 10, 9, 0))
	if got := h.u.catalog.picker.list.Length(); got != 1 {
		t.Errorf("list shows %d procedures, want only the stored one", got)
	}
}

func TestSearchNarrowsAsYouType(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	s := h.u.catalog
	test.Type(s.picker.search, "dang ky khai tu")
	h.wait()

	n := len(s.picker.found)
	if n == 0 || n >= sampleSize || s.picker.list.Length() != n {
		t.Fatalf("search shows %d of %d procedures (list length %d)", n, sampleSize, s.picker.list.Length())
	}
	// Every procedure holding “Đăng ký khai tử” is found, ahead of the
	// others that merely share words with the search.
	phrase := func(p data.Procedure) bool { return strings.Contains(strings.ToLower(p.Name), "đăng ký khai tử") }
	all, _ := h.db.Procedures(context.Background(), "")
	want := 0
	for _, p := range all {
		if phrase(p) {
			want++
		}
	}
	if want == 0 {
		t.Fatal("the sample has no “Đăng ký khai tử” procedure")
	}
	for i, p := range s.picker.found {
		if i < want && !phrase(p) {
			t.Errorf("result %d %q does not contain “Đăng ký khai tử”", i, p.Name)
		}
		if i >= want && phrase(p) {
			t.Errorf("result %d %q comes after others", i, p.Name)
		}
	}
	if !strings.HasPrefix(s.count.Text, fmt.Sprintf("%d thủ tục", n)) {
		t.Errorf("count %q for %d results", s.count.Text, n)
	}

	// A code prefix narrows too; clearing the search lists everything.
	s.picker.search.SetText("1.0008")
	h.wait()
	for _, p := range s.picker.found {
		if !strings.HasPrefix(p.Code, "1.0008") {
			t.Errorf("code search shows %s", p.Code)
		}
	}
	s.picker.search.SetText("")
	h.wait()
	if s.picker.list.Length() != sampleSize {
		t.Errorf("empty search shows %d", s.picker.list.Length())
	}

	s.picker.search.SetText("khong co thu tuc nay")
	h.wait()
	if s.picker.list.Length() != 0 || s.count.Text != "Không tìm thấy thủ tục nào." {
		t.Errorf("no match: %d rows, count %q", s.picker.list.Length(), s.count.Text)
	}
}

func TestEnterInSearchChoosesFirstResult(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	s := h.u.catalog
	h.u.show(sectionCatalog) // the window opens on the intake
	h.u.Window().Canvas().Focus(s.picker.search)
	test.Type(s.picker.search, "khai tu")
	h.wait()
	s.picker.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.detail.shown.Code != s.picker.found[0].Code {
		t.Errorf("detail shows %q, want the first result %q", s.detail.shown.Code, s.picker.found[0].Code)
	}
	if h.focused() != s.picker.list {
		t.Errorf("the list does not have the keyboard")
	}
}

func TestSetWorkingDaysOfNeedsReviewProcedure(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	s := h.u.catalog
	i := -1
	for j, p := range s.picker.found {
		if p.NeedsReview() {
			i = j
			break
		}
	}
	if i < 0 {
		t.Fatal("the sample has no procedure that needs review")
	}
	code := s.picker.found[i].Code
	s.picker.list.Select(i)
	if s.detail.shown.Code != code || !s.detail.detail.Visible() {
		t.Fatalf("detail shows %q", s.detail.shown.Code)
	}
	if !s.detail.limit.review.Visible() || s.detail.limit.days.Text != "" {
		t.Errorf("needs-review warning shown %v, days %q", s.detail.limit.review.Visible(), s.detail.limit.days.Text)
	}
	if got := limitLabel(s.picker.found[i]); got != data.NeedsReviewLabel {
		t.Errorf("list label %q, want %q", got, data.NeedsReviewLabel)
	}

	// A word is refused before the store is asked.
	test.Type(s.detail.limit.days, "bảy")
	test.Tap(s.detail.limit.saveLimit)
	h.wait()
	if !strings.Contains(s.detail.limit.form.message(data.FieldWorkingDays), "số nguyên") {
		t.Errorf("days error %q", s.detail.limit.form.message(data.FieldWorkingDays))
	}
	if p, _ := h.db.Procedure(context.Background(), code); !p.NeedsReview() {
		t.Errorf("a bad count was saved")
	}

	// The store's own check speaks through the same place.
	s.detail.limit.days.SetText("400")
	test.Tap(s.detail.limit.saveLimit)
	h.wait()
	if !strings.Contains(s.detail.limit.form.message(data.FieldWorkingDays), "365") {
		t.Errorf("out-of-range error %q", s.detail.limit.form.message(data.FieldWorkingDays))
	}

	s.detail.limit.days.SetText("7")
	if s.detail.limit.form.message(data.FieldWorkingDays) != "" {
		t.Errorf("the error stays after an edit")
	}
	s.detail.limit.cutoff.SetText("15h30")
	test.Tap(s.detail.limit.saveLimit)
	h.wait()

	p, err := h.db.Procedure(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	if p.WorkingDays == nil || *p.WorkingDays != 7 || p.SameDayCutoff != "15:30" || !p.LocalTimeLimit {
		t.Errorf("stored working days %v, cutoff %q, local %v", p.WorkingDays, p.SameDayCutoff, p.LocalTimeLimit)
	}
	if s.picker.found[i].NeedsReview() || limitLabel(s.picker.found[i]) != "7 ngày làm việc · chốt 15:30" {
		t.Errorf("list row says %q", limitLabel(s.picker.found[i]))
	}
	if s.detail.limit.review.Visible() {
		t.Errorf("needs-review warning still shown")
	}
	if s.detail.limit.limitStatus.Importance != widget.SuccessImportance || !strings.Contains(s.detail.limit.limitStatus.Text, "7 ngày làm việc") {
		t.Errorf("status %q", s.detail.limit.limitStatus.Text)
	}
}

func TestDetailShowsProcedure(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	s := h.u.catalog
	s.picker.search.SetText("1.001193")
	h.wait()
	if len(s.picker.found) != 1 {
		t.Fatalf("code search found %d", len(s.picker.found))
	}
	s.picker.list.Select(0)
	p := s.picker.found[0]
	if s.detail.title.Text != p.Name || !strings.Contains(s.detail.meta.Text, "1.001193") {
		t.Errorf("title %q, meta %q", s.detail.title.Text, s.detail.meta.Text)
	}
	if !strings.Contains(s.detail.limitText.Text, p.TimeLimitText) || s.detail.limit.cutoff.Text != p.SameDayCutoff {
		t.Errorf("limit %q, cutoff %q", s.detail.limitText.Text, s.detail.limit.cutoff.Text)
	}
	if s.detail.fees.Text != "Không thu phí, lệ phí" || !strings.Contains(s.detail.feesText.Text, p.FeesText) || s.detail.postal.Text != "Có" {
		t.Errorf("fees %q (%q), postal %q", s.detail.fees.Text, s.detail.feesText.Text, s.detail.postal.Text)
	}
	var docs strings.Builder
	collectText(s.detail.docs, &docs)
	for _, d := range p.Documents {
		if !strings.Contains(docs.String(), d.Name) {
			t.Errorf("document %q missing", d.Name)
		}
	}
	if !strings.Contains(docs.String(), "1 bản chính") || !strings.Contains(docs.String(), "Giấy tờ phải nộp") {
		t.Errorf("documents do not say originals or cases:\n%s", docs.String())
	}
}

func TestImportRefusalListsBadRecords(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	file := filepath.Join(t.TempDir(), "tinh.json")
	bad := `[{"code": "1.999999", "name": "Thủ tục tốt"}, {"code": "abc", "name": ""}]`
	if err := os.WriteFile(file, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	h.u.catalog.importFile("tinh.json", f)
	h.wait()

	text := h.overlayText()
	for _, want := range []string{"Không nhập được tinh.json", "chưa nhập thủ tục nào", "bản ghi 2", "thiếu tên thủ tục", `mã thủ tục "abc"`} {
		if !strings.Contains(text, want) {
			t.Errorf("refusal dialog lacks %q:\n%s", want, text)
		}
	}
	if _, err := h.db.Procedure(context.Background(), "1.999999"); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("part of a refused file was imported")
	}
	if h.u.catalog.importBtn.Disabled() {
		t.Errorf("import button stays disabled")
	}

	// Escape closes the dialog.
	h.u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.overlayText() != "" {
		t.Errorf("dialog still open after Escape")
	}
}

func TestImportFile(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	file := filepath.Join(t.TempDir(), "tinh.csv")
	csv := "code,name,field,working_days\n1.999999,Thủ tục thử nghiệm,Hộ tịch,3\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	h.u.catalog.importFile("tinh.csv", f)
	h.wait()
	if text := h.overlayText(); !strings.Contains(text, "Đã nhập 1 thủ tục: 1 mới") {
		t.Fatalf("import dialog says:\n%s", text)
	}
	if got := h.u.catalog.picker.list.Length(); got != sampleSize+1 {
		t.Errorf("list shows %d after the import, want %d", got, sampleSize+1)
	}
}
