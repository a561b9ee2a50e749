package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/assets"
	"motcua/data"
)

// fyneKeys are the keys of Fyne 2.7.2's own strings (its
// lang/translations/base.en.json), which Fyne does not ship in Vietnamese.
var fyneKeys = []string{
	"Advanced", "Cancel", "Confirm", "Copy", "Create Folder", "Cut", "Enter filename", "Error",
	"Favourites", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo",
	"Save", "Select all", "Show Hidden Files", "Undo", "Yes", "file.name", "file.parent",
	"monday", "monday.short", "tuesday", "tuesday.short", "wednesday", "wednesday.short",
	"thursday", "thursday.short", "friday", "friday.short", "saturday", "saturday.short",
	"sunday", "sunday.short",
}

func readTranslations(t *testing.T, code string) map[string]any {
	t.Helper()
	raw, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%s.json: %v", code, err)
	}
	return m
}

// usedKeys finds the message keys the package's code passes to lang.
func usedKeys(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				key, _ := strconv.Unquote(lit.Value)
				seen[key] = true
			}
			return true
		})
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestTranslationsCoverEveryKey(t *testing.T) {
	vi := readTranslations(t, Vietnamese)
	en := readTranslations(t, English)
	for _, k := range fyneKeys {
		if _, ok := vi[k]; !ok {
			t.Errorf("vi.json lacks Fyne's %q", k)
		}
	}
	keys := usedKeys(t)
	if len(keys) < 50 {
		t.Fatalf("found only %d keys in the code", len(keys))
	}
	for _, kind := range []data.DayKind{data.KindHoliday, data.KindLunar, data.KindCompensatory, data.KindExtraOff, data.KindMakeUp} {
		keys = append(keys, "calendar.kind."+string(kind))
	}
	isFyne := map[string]bool{}
	for _, k := range fyneKeys {
		isFyne[k] = true
	}
	for _, k := range keys {
		if _, ok := vi[k]; !ok {
			t.Errorf("vi.json lacks %q", k)
		}
		if _, ok := en[k]; !ok && !isFyne[k] {
			t.Errorf("en.json lacks %q", k)
		}
	}
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("en.json has %q, vi.json does not", k)
		}
	}
	if vi["catalog.needsReview"] != data.NeedsReviewLabel {
		t.Errorf("vi catalog.needsReview %q, want data.NeedsReviewLabel %q", vi["catalog.needsReview"], data.NeedsReviewLabel)
	}
}

func TestVietnameseByDefaultOnEnglishSystem(t *testing.T) {
	t.Setenv("LANGUAGE", "en_US")
	t.Setenv("LC_ALL", "en_US.UTF-8")
	t.Setenv("LANG", "en_US.UTF-8")
	h := open(t, vn(2027, 1, 10, 9, 0), true)

	for key, want := range map[string]string{"Cancel": "Huỷ", "OK": "Đồng ý", "Yes": "Có", "No": "Không", "Paste": "Dán", "Quit": "Thoát"} {
		if got := lang.L(key); got != want {
			t.Errorf("lang.L(%q) = %q, want %q", key, got, want)
		}
	}
	if got := h.u.tabs.Items[sectionCatalog].Text; got != "Danh mục thủ tục" {
		t.Errorf("catalogue tab %q", got)
	}

	// Fyne's own widgets speak Vietnamese: an entry's context menu …
	e := widget.NewEntry()
	e.SetText("abc")
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(300, 100))
	test.TapSecondary(e)
	var menu strings.Builder
	collectText(w.Canvas().Overlays().Top(), &menu)
	for _, want := range []string{"Cắt", "Sao chép", "Dán", "Chọn tất cả"} {
		if !strings.Contains(menu.String(), want) {
			t.Errorf("entry menu lacks %q:\n%s", want, menu.String())
		}
	}

	// … and a confirmation dialog's buttons.
	dialog.ShowConfirm("Xoá?", "Xoá điều chỉnh này?", func(bool) {}, h.u.Window())
	text := h.overlayText()
	for _, want := range []string{"Có", "Không"} {
		if !strings.Contains(text, want) {
			t.Errorf("confirm dialog lacks %q:\n%s", want, text)
		}
	}
}

// backToVietnamese puts the window's language back once a test that
// switches it ends, for the tests after it.
func backToVietnamese(t *testing.T) {
	t.Cleanup(func() {
		if err := useLanguage(Vietnamese); err != nil {
			t.Error(err)
		}
	})
}

func TestEnglishThroughSetting(t *testing.T) {
	backToVietnamese(t)
	h := newHarness(t, true)
	h.a.Preferences().SetString(prefLanguage, English)
	h.start(vn(2027, 1, 10, 9, 0))

	if got := lang.L("Cancel"); got != "Cancel" {
		t.Errorf("lang.L(Cancel) = %q", got)
	}
	if got := h.u.tabs.Items[sectionSetup].Text; got != "Office set-up" {
		t.Errorf("set-up tab %q", got)
	}
	if got := h.u.catalog.count.Text; !strings.HasPrefix(got, "61 procedures") {
		t.Errorf("count %q", got)
	}
	if got := weekdayName(6); got != "Saturday" {
		t.Errorf("weekday %q", got)
	}

	// Back to Vietnamese through the menu's handler, which remembers it.
	h.u.show(sectionCalendar)
	h.u.onLanguage(Vietnamese)
	h.wait()
	if got := h.a.Preferences().String(prefLanguage); got != Vietnamese {
		t.Errorf("preference %q", got)
	}
	if got := h.u.tabs.Items[sectionSetup].Text; got != "Thiết lập đơn vị" {
		t.Errorf("set-up tab %q after switching", got)
	}
	if h.u.current() != sectionCalendar {
		t.Errorf("switching language left the calendar")
	}
	if h.u.catalog.picker.list.Length() != sampleSize || h.u.calendar.list.Length() == 0 {
		t.Errorf("screens empty after switching: %d procedures, %d days", h.u.catalog.picker.list.Length(), h.u.calendar.list.Length())
	}
	if got := lang.L("Cancel"); got != "Huỷ" {
		t.Errorf("lang.L(Cancel) = %q after switching", got)
	}
}
