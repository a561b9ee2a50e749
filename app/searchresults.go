package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// searchResults lists the dossiers a search of the scan field found (by
// name, ID, phone, code or postal item number), exact matches first and
// then the newest: code and status, then the receipt day, the masked ID
// number and the applicant. Choosing one opens it on the return desk.
type searchResults struct {
	text string // what was searched
	hits []data.SearchHit
	list *keyList
}

func newSearchResults(u *UI, open func(code string)) *searchResults {
	r := &searchResults{}
	r.list = newKeyList(u, func() int { return len(r.hits) }, func() fyne.CanvasObject {
		code := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		code.Truncation = fyne.TextTruncateEllipsis
		status := widget.NewLabel("")
		who := widget.NewLabel("")
		who.Truncation = fyne.TextTruncateEllipsis
		who.SizeName = theme.SizeNameCaptionText
		return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2),
			container.NewBorder(nil, nil, nil, status, code), who)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= len(r.hits) {
			return
		}
		h := r.hits[id]
		lines := o.(*fyne.Container).Objects
		first := lines[0].(*fyne.Container)
		first.Objects[0].(*widget.Label).SetText(h.Code)
		status := first.Objects[1].(*widget.Label)
		status.Importance = statusImportance(h.Status)
		status.SetText(statusName(h.Status))
		lines[1].(*widget.Label).SetText(h.ReceivedAt.In(data.Zone).Format("02/01/2006") + "  " + h.MaskedID + "  " +
			h.ApplicantName + " — " + h.ProcedureName)
	})
	r.list.OnSelected = func(id widget.ListItemID) {
		if id < len(r.hits) {
			open(r.hits[id].Code)
		}
		r.list.UnselectAll()
	}
	return r
}

// show lists what a search of text found.
func (r *searchResults) show(text string, hits []data.SearchHit) {
	r.text, r.hits = text, hits
	r.list.Refresh()
	r.list.ScrollToTop()
}
