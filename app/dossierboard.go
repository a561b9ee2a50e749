package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
)

// Tabs of the board, in order.
const (
	tabWaiting = iota
	tabDueSoon
	tabOverdue
	tabStopped
	tabPerson
	tabSearch
)

// dossierBoard is the right of the return desk: results that came back
// from the agencies are scanned in (one dossier, or every dossier of a
// to-agency manifest), and the lists of results waiting to be collected,
// dossiers due soon, overdue ones, those stopped lately and an
// applicant's open a dossier.
type dossierBoard struct {
	s *returnsScreen

	resultScan *field
	resultMsg  *banner

	tabs     *container.AppTabs
	lists    data.Lists
	person   []data.Dossier
	personID string // masked
	waiting  *keyList
	dueSoon  *keyList
	overdue  *keyList
	stopped  *keyList
	ofPerson *keyList
	found    *searchResults
	loading  latest

	content fyne.CanvasObject
}

func newDossierBoard(s *returnsScreen) *dossierBoard {
	b := &dossierBoard{s: s}
	b.resultScan = newField(s.u, lang.L("returns.results.placeholder"))
	b.resultScan.OnSubmitted = b.onResultScan
	b.resultMsg = newBanner().fade(s.u.after)
	results := container.NewVBox(heading(lang.L("returns.results.title")), b.resultScan, b.resultMsg.content)

	b.waiting = b.newList(func() int { return len(b.lists.Waiting) }, func(i int) (data.Listed, string, widget.Importance) {
		w := b.lists.Waiting[i]
		imp := widget.MediumImportance
		if w.Days >= 7 {
			imp = widget.WarningImportance
		}
		return w.Dossier, lang.N("returns.daysWaiting", w.Days, map[string]any{"Count": w.Days}), imp
	})
	dueList := func(ds *[]data.Listed, imp widget.Importance) *keyList {
		return b.newList(func() int { return len(*ds) }, func(i int) (data.Listed, string, widget.Importance) {
			d := (*ds)[i]
			return d, d.DueDate.Format("02/01/2006"), imp
		})
	}
	b.dueSoon = dueList(&b.lists.DueSoon, widget.WarningImportance)
	b.overdue = dueList(&b.lists.Overdue, widget.DangerImportance)
	b.stopped = b.newList(func() int { return len(b.lists.Stopped) }, func(i int) (data.Listed, string, widget.Importance) {
		d := b.lists.Stopped[i]
		return d, statusName(d.Status), statusImportance(d.Status)
	})
	b.ofPerson = b.newList(func() int { return len(b.person) }, func(i int) (data.Listed, string, widget.Importance) {
		d := data.ListedOf(b.person[i])
		return d, statusName(d.Status), statusImportance(d.Status)
	})
	b.found = newSearchResults(s.u, s.open)
	b.tabs = container.NewAppTabs(
		container.NewTabItem("", b.waiting),
		container.NewTabItem("", b.dueSoon),
		container.NewTabItem("", b.overdue),
		container.NewTabItem("", b.stopped),
		container.NewTabItem("", b.ofPerson),
		container.NewTabItem("", b.found.list),
	)
	b.updateTabTitles()
	top := container.NewVBox(results, widget.NewSeparator(), heading(lang.L("returns.lists")))
	b.content = container.NewBorder(top, nil, nil, nil, b.tabs)
	return b
}

// newList makes a list of dossiers that opens the one chosen; row says
// what a row shows besides the code, name and procedure.
func (b *dossierBoard) newList(length func() int, row func(int) (data.Listed, string, widget.Importance)) *keyList {
	var l *keyList
	l = newKeyList(b.s.u, length, func() fyne.CanvasObject {
		code := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		right := widget.NewLabel("")
		name := widget.NewLabel("")
		name.Truncation = fyne.TextTruncateEllipsis
		name.SizeName = theme.SizeNameCaptionText
		right.SizeName = theme.SizeNameCaptionText
		// The code has the first line to itself: beside the days it would
		// be cut on a 1024-pixel screen. The name and procedure may be
		// shortened; the dossier opened shows them whole.
		second := container.NewBorder(nil, nil, nil, right, name)
		return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), code, second)
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= length() {
			return
		}
		d, text, imp := row(id)
		lines := o.(*fyne.Container).Objects
		lines[0].(*widget.Label).SetText(d.Code)
		second := lines[1].(*fyne.Container)
		second.Objects[0].(*widget.Label).SetText(d.ApplicantName + " — " + d.ProcedureName)
		right := second.Objects[1].(*widget.Label)
		right.Importance = imp
		right.SetText(text)
		second.Refresh()
	})
	l.OnSelected = func(id widget.ListItemID) {
		if id < length() {
			d, _, _ := row(id)
			b.s.open(d.Code)
		}
		l.UnselectAll()
	}
	return l
}

func (b *dossierBoard) updateTabTitles() {
	titles := []string{
		lang.L("returns.tab.waiting", map[string]any{"Count": len(b.lists.Waiting)}),
		lang.L("returns.tab.dueSoon", map[string]any{"Count": len(b.lists.DueSoon)}),
		lang.L("returns.tab.overdue", map[string]any{"Count": len(b.lists.Overdue)}),
		lang.L("returns.tab.stopped", map[string]any{"Count": len(b.lists.Stopped)}),
		lang.L("returns.tab.person", map[string]any{"Count": len(b.person)}),
		lang.L("returns.tab.search", map[string]any{"Count": len(b.found.hits)}),
	}
	for i, t := range titles {
		b.tabs.Items[i].Text = t
	}
	b.tabs.Refresh()
}

// reload asks the desk for the waiting, due-soon and overdue lists.
func (b *dossierBoard) reload() {
	u := b.s.u
	runLatest(&b.loading, &u.jobs, u.ctx, u.desk.Lists, func(l data.Lists, err error) {
		if err != nil {
			b.resultMsg.show(u.errorText(err), widget.DangerImportance)
			return
		}
		b.lists = l
		b.updateTabTitles()
		for _, l := range []*keyList{b.waiting, b.dueSoon, b.overdue, b.stopped} {
			l.Refresh()
		}
	})
}

// showPerson lists the dossiers of an ID number.
func (b *dossierBoard) showPerson(maskedID string, ds []data.Dossier) {
	b.person, b.personID = ds, maskedID
	b.updateTabTitles()
	b.ofPerson.Refresh()
	b.tabs.SelectIndex(tabPerson)
}

// showSearch lists the dossiers a search found.
func (b *dossierBoard) showSearch(text string, hits []data.SearchHit) {
	b.found.show(text, hits)
	b.updateTabTitles()
	b.tabs.SelectIndex(tabSearch)
}

// onResultScan marks ready the result of a dossier that came back from
// the agency, or of every dossier of a to-agency manifest, and puts them
// on the waiting list.
func (b *dossierBoard) onResultScan(text string) {
	u := b.s.u
	b.resultScan.SetText("")
	if strings.TrimSpace(text) == "" {
		return
	}
	background(&u.jobs, u.ctx, func(ctx context.Context) (counter.Results, error) {
		return u.desk.ResultBack(ctx, text)
	}, func(r counter.Results, err error) {
		defer u.win.Canvas().Focus(b.resultScan)
		if err != nil {
			b.resultMsg.show(u.errorText(err), widget.DangerImportance)
			return
		}
		msg := lang.L("returns.results.one", map[string]any{"Code": r.Dossier.Code, "Name": r.Dossier.Applicant.Name})
		if r.Manifest != "" {
			n := len(r.Codes)
			msg = lang.N("returns.results.manifest", n, map[string]any{"Count": n, "Number": r.Manifest})
		}
		b.resultMsg.show(msg, widget.SuccessImportance)
		b.tabs.SelectIndex(tabWaiting)
		b.reload()
		if code := b.s.v.Dossier.Code; code != "" {
			b.s.open(code)
		}
	})
}
