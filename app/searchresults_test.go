package app

import (
	"strings"
	"testing"

	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestScanFieldSearchesNames: a name typed without diacritics in the scan
// field lists the applicant's dossiers, newest first and with the ID
// masked, on the return desk; choosing one opens it; the search is in the
// audit log.
func TestScanFieldSearchesNames(t *testing.T) {
	h := newHarness(t, true)
	h.db.Now = func() time.Time { return deskNow }
	spy := &auditSpy{Store: h.db}
	h.startOn(spy, deskNow)
	first := h.takeDossierAt(vn(2027, 2, 3, 8, 0), "")
	second := h.takeDossier("")
	b := h.u.scan
	h.scanInto(b.entry, "nguyen thi hong nh")

	if h.u.current() != sectionReturns {
		t.Fatalf("section %d, want the return desk", h.u.current())
	}
	board := h.u.returns.board
	if board.tabs.SelectedIndex() != tabSearch {
		t.Errorf("tab %d, want the search results", board.tabs.SelectedIndex())
	}
	hits := board.found.hits
	if len(hits) != 2 || hits[0].Code != second.Code || hits[1].Code != first.Code {
		t.Fatalf("found %+v, want %s then %s", hits, second.Code, first.Code)
	}
	row := board.found.list.CreateItem()
	board.found.list.UpdateItem(0, row)
	shown := row.(*fyne.Container).Objects[1].(*widget.Label).Text
	if !strings.Contains(shown, "********1234") || strings.Contains(shown, deskApplicant.IDNumber) {
		t.Errorf("row shows %q: the ID must be masked", shown)
	}
	if !strings.Contains(b.banner.message(), "2") || b.banner.text.Importance != widget.SuccessImportance {
		t.Errorf("banner %q", b.banner.message())
	}
	board.found.list.Select(1)
	h.wait()
	if got := h.u.returns.v.Dossier.Code; got != first.Code {
		t.Errorf("opened %q, want %s", got, first.Code)
	}
	searches := 0
	for _, a := range spy.audits {
		if strings.Contains(a, " dossier.search ") {
			searches++
		}
	}
	if searches != 1 {
		t.Errorf("audits %v, want one search", spy.audits)
	}
}

func TestScanFieldSearchFindsNothing(t *testing.T) {
	h := openDesk(t)
	h.takeDossier("")
	b := h.u.scan
	h.scanInto(b.entry, "Lý Thái Tổ")
	if msg := b.banner.message(); !strings.Contains(msg, "Lý Thái Tổ") || b.banner.text.Importance != widget.WarningImportance {
		t.Errorf("banner %q", msg)
	}
	if len(h.u.returns.board.found.hits) != 0 {
		t.Errorf("found %+v", h.u.returns.board.found.hits)
	}
}
