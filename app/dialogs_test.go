package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/mock"
)

// TestInternalErrorShowsAnIDNotTheError makes a store call fail the way a
// damaged database does: the dialog gives the officer an id and what to
// do, never the SQL or the file's path, and the data folder's log holds
// the error under that id.
func TestInternalErrorShowsAnIDNotTheError(t *testing.T) {
	h := newHarness(t, true)
	store := &mock.Store{Next: h.db}
	h.startOn(store, vn(2027, 1, 10, 9, 0))
	u := h.u

	store.ProceduresFn = func(context.Context, string) ([]data.Procedure, error) {
		return nil, fmt.Errorf("sqlite: procedures: %w",
			errors.New("SELECT code FROM procedure_fts: database disk image is malformed (/home/ha/MotCua/motcua.db)"))
	}
	h.press(sectionKey(sectionCatalog))
	test.Type(u.catalog.picker.search, "khai sinh")
	h.wait()

	shown := h.overlayText()
	m := regexp.MustCompile(`Lỗi nội bộ \(mã ([0-9a-f]{8})\)`).FindStringSubmatch(shown)
	if m == nil || !strings.Contains(shown, "báo người quản trị") {
		t.Fatalf("the dialog says:\n%s", shown)
	}
	for _, leak := range []string{"SELECT", "sqlite", "malformed", "/home/ha", "motcua.db"} {
		if strings.Contains(shown, leak) {
			t.Errorf("the dialog shows %q:\n%s", leak, shown)
		}
	}
	log, err := os.ReadFile(filepath.Join(u.dataDir, "logs", "motcua.log"))
	if err != nil || !strings.Contains(string(log), "["+m[1]+"] sqlite: procedures: SELECT code FROM procedure_fts") {
		t.Errorf("log under %s: %s (%v)", m[1], log, err)
	}
}
