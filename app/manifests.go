package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// manifestsScreen keeps the postal hand-over manifests. On the left a
// new manifest is opened and the recent ones listed (manifestOpener); on
// the right the manifest on show takes its dossiers from the scanner
// (manifestItems), is signed and printed (signForm), and once signed is
// reconciled against what arrived, printed again and has the deliveries
// of its results recorded (manifestActions). Every change is one call of
// the desk, whose answer is the manifest as it then stands.
type manifestsScreen struct {
	u *UI
	detailScreen

	// m is the manifest on show; its Number is "" when none.
	m data.Manifest

	opener    *manifestOpener
	items     *manifestItems
	sign      *signForm
	actions   *manifestActions
	actionMsg *banner
	announced *announcedList
}

func newManifestsScreen(u *UI) *manifestsScreen {
	shared, reopen := carryOver(u.manifests, lang.L("manifest.choose")) // the window is built again in another language
	s := &manifestsScreen{u: u, detailScreen: shared}
	s.actionMsg = newBanner().fade(u.after)
	s.opener = newManifestOpener(s)
	s.items = newManifestItems(s)
	s.sign = newSignForm(s)
	s.actions = newManifestActions(s)
	s.announced = newAnnouncedList(s)
	// Under the list the chosen item whole and what acts on it; then
	// the totals and the signing.
	chosen := container.NewBorder(nil, nil, nil, container.NewHBox(s.items.remove, s.actions.delivered, s.actions.failed), s.items.chosenTxt)
	totals := container.NewBorder(nil, nil, nil, s.sign.closeBtn, s.items.totals)
	bottom := container.NewVBox(chosen, widget.NewSeparator(), totals, s.sign.content, s.actions.content, s.actionMsg.content)
	// The items the post announced go under the manifest's own, which
	// keep the width their columns need.
	lists := container.NewVSplit(s.items.list, s.announced.content)
	lists.Offset = 0.65
	s.detail = container.NewBorder(s.items.top, bottom, nil, nil, lists)
	s.detail.Hide()
	split := container.NewHSplit(s.opener.content, container.NewPadded(container.NewStack(container.NewVBox(s.placeholder), s.detail)))
	split.Offset = 0.28
	s.content = split
	s.loadNames()
	s.opener.reload()
	if reopen != "" {
		s.open(reopen)
	}
	return s
}

// shown names the manifest on show for a window built again.
func (s *manifestsScreen) shown() string { return s.m.Number }

// focusable is where the cursor goes when the screen comes forward: the
// scan field of the manifest on show, else the kind of a new one.
func (s *manifestsScreen) focusable() fyne.Focusable {
	if s.m.Number != "" {
		return s.items.scan
	}
	return s.opener.kind
}

// reloadRecent lists the open manifests and those signed lately.
func (s *manifestsScreen) reloadRecent() { s.opener.reload() }

// loadNames offers the names the office used before.
func (s *manifestsScreen) loadNames() {
	type names struct{ carrier, agency, officer, postal []string }
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (names, error) {
		var n names
		var err error
		for _, r := range []struct {
			role string
			to   *[]string
		}{{"carrier", &n.carrier}, {"agency", &n.agency}, {"officer", &n.officer}, {"postal", &n.postal}} {
			if *r.to, err = s.u.desk.Names(ctx, r.role); err != nil {
				return n, err
			}
		}
		return n, nil
	}, func(n names, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.opener.offer(n.carrier, n.agency)
		s.sign.offer(n.officer, n.postal)
	})
}

// open loads a manifest and shows it.
func (s *manifestsScreen) open(number string) { s.load(number, false) }

// openThenScan loads a manifest and puts the cursor in its scan field.
func (s *manifestsScreen) openThenScan(number string) { s.load(number, true) }

func (s *manifestsScreen) load(number string, focus bool) {
	background(&s.u.jobs, s.u.ctx, func(ctx context.Context) (data.Manifest, error) {
		return s.u.desk.Manifest(ctx, number)
	}, func(m data.Manifest, err error) {
		if err != nil {
			s.actionMsg.show(s.u.errorText(err), widget.DangerImportance)
			return
		}
		s.show(m)
		if focus {
			s.u.win.Canvas().Focus(s.items.scan)
		}
	})
}

// show puts a manifest on the screen; a workflow's answer comes here.
func (s *manifestsScreen) show(m data.Manifest) {
	if m.Number != s.m.Number {
		s.items.forget()
		s.actions.forget()
		s.actionMsg.show("", widget.MediumImportance)
	}
	s.m = m
	open := m.Status == data.ManifestOpen
	s.items.show(m)
	s.sign.content.Hidden, s.sign.closeBtn.Hidden, s.actions.content.Hidden = !open, !open, open
	s.actions.show(m)
	s.announced.show(m)
	s.showButtons()
	s.showDetail()
	s.opener.update(m)
}

// showButtons enables what the manifest and the chosen item allow.
func (s *manifestsScreen) showButtons() {
	it := s.items.chosen()
	setEnabled(s.items.remove, it != nil)
	setEnabled(s.sign.closeBtn, len(s.m.Items) > 0)
	s.actions.showButtons(s.m, it)
}

// focusScan puts the cursor back in the scan field of the manifest on
// show.
func (s *manifestsScreen) focusScan() { s.u.win.Canvas().Focus(s.items.scan) }
