package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

func TestManifestItemStates(t *testing.T) {
	delivered := data.ManifestItem{DossierCode: "A", Outcome: data.DeliveryDelivered, OutcomeAt: vn(2027, 2, 4, 9, 0)}
	failed := data.ManifestItem{DossierCode: "B", Outcome: data.DeliveryFailed, Attempts: 1}
	waiting := data.ManifestItem{DossierCode: "C"}
	toCitizen := data.Manifest{Kind: data.ManifestToCitizen, Status: data.ManifestClosed}
	fromPost := data.Manifest{Kind: data.ManifestFromPost, Status: data.ManifestClosed,
		Reconciled: &data.Reconciliation{Scanned: []string{"A"}, Missing: []string{"B"}}}
	cases := []struct {
		name string
		m    data.Manifest
		it   data.ManifestItem
		text string
		imp  widget.Importance
	}{
		{"delivered", toCitizen, delivered, "Đã phát 04/02", widget.SuccessImportance},
		{"failed once", toCitizen, failed, "Phát lỗi lần 1", widget.WarningImportance},
		{"not yet", toCitizen, waiting, "Chưa phát", widget.MediumImportance},
		{"arrived", fromPost, delivered, "Đã nhận", widget.SuccessImportance},
		{"missing", fromPost, failed, "Thiếu", widget.DangerImportance},
		{"not reconciled", data.Manifest{Kind: data.ManifestFromPost}, waiting, "", widget.MediumImportance},
	}
	open(t, vn(2027, 1, 10, 9, 0), true) // the window's language
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if text, imp := itemState(c.m, c.it); text != c.text || imp != c.imp {
				t.Errorf("%q (%v), want %q (%v)", text, imp, c.text, c.imp)
			}
		})
	}
}

func TestManifestItemsMarkup(t *testing.T) {
	h := openDesk(t)
	a := h.takeDossier("RR123456785VN")
	s := h.u.manifests
	s.show(data.Manifest{Number: "270203-101", Kind: data.ManifestFromPost, Status: data.ManifestOpen, Carrier: "Bưu điện Vị Thanh",
		OpenedAt: deskNow, Items: []data.ManifestItem{{DossierCode: a.Code, Applicant: a.Applicant.Name, ProcedureName: a.ProcedureName,
			Documents: 2, Originals: 1, Copies: 1, PostalItem: "RR123456785VN", Fee: 25000}}})
	m := newManifestItems(s)
	m.show(s.m)
	m.feedback.add("Đã thêm "+a.Code, widget.SuccessImportance)
	assertMarkup(t, "manifests/items.xml", stacked(m.top, m.list, m.totals), fyne.NewSize(900, 300))
}
