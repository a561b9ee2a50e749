package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// returnsScreen is the return desk. On the left one dossier on one
// screen (dossierDetail) with Form 04 (apologyForm) and the hand-over of
// its result (returnForm); on the right the results coming back from
// the agencies are scanned in and the lists of results waiting, dossiers
// due soon and overdue ones open a dossier (dossierBoard). Every
// workflow is one call of the desk, whose answer is the dossier as shown.
type returnsScreen struct {
	u *UI
	detailScreen

	// v is the dossier on show; v.Dossier.Code is "" when none.
	v data.DossierView

	dossier  *dossierDetail
	apology  *apologyForm
	handover *returnForm
	board    *dossierBoard
	stop     *stopDialog // open, or last open
	undo     *undoDialog // open, or last open

	scroll *container.Scroll
	pane   *fyne.Container // holds scroll, which it lays out
}

func newReturnsScreen(u *UI) *returnsScreen {
	shared, reopen := carryOver(u.returns, lang.L("returns.choose")) // the window is built again in another language
	s := &returnsScreen{u: u, detailScreen: shared}
	s.apology = newApologyForm(s)
	s.handover = newReturnForm(s)
	s.dossier = newDossierDetail(s)
	s.detail = container.NewVBox(
		s.dossier.header, s.dossier.info,
		s.dossier.actions, s.dossier.actionMsg.content,
		s.apology.content,
		widget.NewSeparator(),
		s.handover.content,
		widget.NewSeparator(),
		heading(lang.L("returns.timeline")), s.dossier.timeline,
	)
	s.detail.Hide()
	// The dossier scrolls as a whole, its long texts wrapped at the
	// pane's width even when it was filled behind another screen.
	s.scroll, s.pane = newTextScroll(container.NewPadded(container.NewVBox(s.placeholder, s.detail)))
	s.board = newDossierBoard(s)
	split := container.NewHSplit(s.pane, s.board.content)
	split.Offset = 0.55
	s.content = split
	s.board.reload()
	if reopen != "" {
		s.open(reopen)
	}
	return s
}

// shown names the dossier on show for a window built again.
func (s *returnsScreen) shown() string { return s.v.Dossier.Code }

// focusable is where the cursor goes when the desk comes forward: the
// recipient's ID when a result is ready to hand over, else the window's
// scan field.
func (s *returnsScreen) focusable() fyne.Focusable {
	if s.v.Dossier.Status == data.StatusResultReady {
		return s.handover.recipientID
	}
	return s.u.scan.entry
}

// reloadLists asks the desk for the waiting, due-soon and overdue lists.
func (s *returnsScreen) reloadLists() { s.board.reload() }

// showPerson lists the dossiers of an ID number and opens the only one.
func (s *returnsScreen) showPerson(maskedID string, ds []data.Dossier) {
	s.board.showPerson(maskedID, ds)
	if len(ds) == 1 {
		s.open(ds[0].Code)
	}
}

// showSearch lists the dossiers a search found and opens the only one.
func (s *returnsScreen) showSearch(text string, hits []data.SearchHit) {
	s.board.showSearch(text, hits)
	if len(hits) == 1 {
		s.open(hits[0].Code)
	}
}

// open loads a dossier as the return desk shows it.
func (s *returnsScreen) open(code string) {
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.DossierView, error) {
		return s.u.desk.Open(ctx, code)
	}, func(v data.DossierView, err error) {
		if err != nil {
			s.u.scan.banner.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.show(v)
	})
}

// show puts the dossier on the screen; a workflow's answer comes here.
func (s *returnsScreen) show(v data.DossierView) {
	if v.Dossier.Code != s.v.Dossier.Code {
		s.dossier.idShown = false
		s.clearForms()
	}
	s.v = v
	s.dossier.show(v)
	s.apology.show(v)
	s.handover.show(v)
	s.showDetail()
	// The split gives the dossier the width its lines need, also when it
	// was filled behind another screen (a report's overdue dossier).
	s.content.Refresh()
}

// changed shows the dossier a workflow changed and the lists it moved in.
func (s *returnsScreen) changed(v data.DossierView) {
	s.show(v)
	s.reloadLists()
}

// clear puts away the dossier on show.
func (s *returnsScreen) clear() {
	s.v = data.DossierView{}
	s.clearForms()
	s.detail.Hide()
	s.placeholder.Show()
	s.scroll.ScrollToTop()
}

// clearForms empties the hand-over and apology forms for another dossier.
func (s *returnsScreen) clearForms() {
	s.handover.clear()
	s.apology.clear()
	s.dossier.actionMsg.show("", widget.MediumImportance)
}

// relayout lays the dossier out again as messages come and go.
func (s *returnsScreen) relayout() { s.pane.Refresh() }

// reveal scrolls the dossier so that o, one of its parts, is in sight.
func (s *returnsScreen) reveal(o fyne.CanvasObject) {
	top, bottom := o.Position().Y, o.Position().Y+o.Size().Height
	if top < s.scroll.Offset.Y || bottom > s.scroll.Offset.Y+s.scroll.Size().Height {
		s.scroll.ScrollToOffset(fyne.NewPos(0, top))
	}
}
