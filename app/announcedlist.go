package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// announcedList shows, under a from-post manifest's items, the items the postal
// operator announced through the province that no signed manifest holds
// yet ("Bưu điện đã báo, chưa giao"): what the postman should be handing
// over. Choosing one on an open manifest adds it as its scan would.
type announcedList struct {
	s *manifestsScreen

	heading *widget.Label
	empty   *widget.Label
	list    *widget.List
	items   []data.Announced

	content *fyne.Container
}

func newAnnouncedList(s *manifestsScreen) *announcedList {
	a := &announcedList{s: s}
	a.heading = heading(lang.L("manifest.announced", map[string]any{"Count": 0}))
	a.empty = note(lang.L("manifest.announced.none"))
	a.list = widget.NewList(func() int { return len(a.items) }, a.createRow, a.updateRow)
	a.list.OnSelected = a.onSelected
	a.content = container.NewBorder(container.NewVBox(a.heading, a.empty), nil, nil, nil, a.list)
	a.content.Hide()
	return a
}

// A row: item number and applicant over procedure and when it was
// announced.
func (a *announcedList) createRow() fyne.CanvasObject {
	item := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	what := widget.NewLabel("")
	what.SizeName = theme.SizeNameCaptionText
	what.Truncation = fyne.TextTruncateEllipsis
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), container.NewBorder(nil, nil, item, nil, name), what)
}

func (a *announcedList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(a.items) {
		return
	}
	it := a.items[id]
	rows := o.(*fyne.Container).Objects
	top := rows[0].(*fyne.Container) // a border: the name in its centre, the item on its left
	top.Objects[1].(*widget.Label).SetText(it.Item)
	top.Objects[0].(*widget.Label).SetText(it.Applicant.Name)
	top.Refresh()
	what := lang.L("manifest.announced.row", map[string]any{"Procedure": it.ProcedureCode,
		"Time": it.Announced().In(data.Zone).Format("15:04 02/01")})
	if it.Manifest != "" {
		what += " · " + lang.L("manifest.announced.on", map[string]any{"Number": it.Manifest})
	}
	rows[1].(*widget.Label).SetText(what)
}

// show lists the announcements under a from-post manifest; other
// manifests have none.
func (a *announcedList) show(m data.Manifest) {
	if m.Kind != data.ManifestFromPost {
		a.content.Hide()
		return
	}
	a.content.Show()
	a.reload()
}

// reload reads the announcements not handed over.
func (a *announcedList) reload() {
	u := a.s.u
	background(&u.jobs, u.ctx, func(ctx context.Context) ([]data.Announced, error) {
		return u.desk.AnnouncedItems(ctx)
	}, func(items []data.Announced, err error) {
		if err != nil {
			a.empty.SetText(u.errorText(err))
			a.empty.Show()
			return
		}
		a.items = items
		a.heading.SetText(lang.L("manifest.announced", map[string]any{"Count": len(items)}))
		a.empty.SetText(lang.L("manifest.announced.none"))
		a.empty.Hidden = len(items) > 0
		a.list.UnselectAll()
		a.list.Refresh()
		a.content.Refresh()
	})
}

// onSelected adds the chosen item to the open manifest on show, as if
// its barcode was scanned.
func (a *announcedList) onSelected(id widget.ListItemID) {
	a.list.Unselect(id)
	if id >= len(a.items) || a.s.m.Status != data.ManifestOpen {
		return
	}
	a.s.items.onScan(a.items[id].Item)
}
