package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/data"
)

func TestDossierBoardListsAndOpens(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	h.setStatus(d.Code, data.StatusTransferred)
	b := h.u.returns.board
	h.press(sectionKey(sectionReturns))
	h.scanInto(b.resultScan, d.Code)
	if msg := b.resultMsg.message(); !strings.Contains(msg, d.Code) || b.tabs.SelectedIndex() != tabWaiting {
		t.Fatalf("result back: %q on tab %d", msg, b.tabs.SelectedIndex())
	}
	if len(b.lists.Waiting) != 1 || b.waiting.Length() != 1 || !strings.Contains(b.tabs.Items[tabWaiting].Text, "(1)") {
		t.Fatalf("waiting %d", len(b.lists.Waiting))
	}
	var row strings.Builder
	collectText(test.WidgetRenderer(b.waiting).Objects()[0], &row)
	if !strings.Contains(row.String(), d.Code) || !strings.Contains(row.String(), deskApplicant.Name) {
		t.Errorf("row:\n%s", row.String())
	}
	b.waiting.Select(0)
	h.wait()
	if h.u.returns.v.Dossier.Code != d.Code {
		t.Errorf("choosing opened %q", h.u.returns.v.Dossier.Code)
	}
	b.showPerson("********1234", []data.Dossier{d})
	if b.tabs.SelectedIndex() != tabPerson || b.ofPerson.Length() != 1 {
		t.Errorf("person's tab %d, %d rows", b.tabs.SelectedIndex(), b.ofPerson.Length())
	}
}
