package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// This file builds the screens, each into its tab. At login the window
// shows the intake first and builds the others once it has been painted:
// the tabs lay out and refresh every screen they hold, and building them
// all, with the return desk's and the manifests' lists read at the same
// time, took most of the time from Enter to a usable intake. They are
// built one a turn of the UI goroutine, so that the officer's typing
// goes on between them; a screen wanted before its turn (a shortcut, a
// scan that opens the return desk) is built there and then.

// tabItem is a section's tab, its label and icon in the current
// language, holding content.
func tabItem(s section, content fyne.CanvasObject) *container.TabItem {
	switch s {
	case sectionIntake:
		return container.NewTabItemWithIcon(lang.L("intake.nav"), theme.DocumentCreateIcon(), content)
	case sectionReturns:
		return container.NewTabItemWithIcon(lang.L("returns.nav"), theme.MailReplyIcon(), content)
	case sectionManifests:
		return container.NewTabItemWithIcon(lang.L("manifest.nav"), theme.MailSendIcon(), content)
	case sectionCatalog:
		return container.NewTabItemWithIcon(lang.L("nav.catalog"), theme.ListIcon(), content)
	case sectionCalendar:
		return container.NewTabItemWithIcon(lang.L("nav.calendar"), theme.HistoryIcon(), content)
	case sectionSetup:
		return container.NewTabItemWithIcon(lang.L("nav.setup"), theme.SettingsIcon(), content)
	case sectionSync:
		return container.NewTabItemWithIcon(lang.L("sync.nav"), theme.UploadIcon(), content)
	default:
		return container.NewTabItemWithIcon(lang.L("report.nav"), theme.GridIcon(), content)
	}
}

// newTabs makes the tabs of the officer's sections, each holding an
// empty place for its screen, with the screen of the first built in it.
func (u *UI) newTabs() *container.AppTabs {
	u.built = map[section]bool{}
	u.holders = map[section]*fyne.Container{}
	items := make([]*container.TabItem, len(u.sections))
	for i, s := range u.sections {
		u.holders[s] = container.NewStack()
		if i == 0 { // laid out with the tabs, not before
			u.built[s] = true
			u.holders[s].Objects = []fyne.CanvasObject{u.newScreen(s)}
		}
		items[i] = tabItem(s, u.holders[s])
	}
	// All at once: each tab appended lays out every screen again.
	tabs := container.NewAppTabs(items...)
	tabs.SetTabLocation(container.TabLocationLeading)
	return tabs
}

// ensure builds section s's screen, for this build of the window, if it
// is not built yet, and puts it in its tab. Sections the officer may not
// use are built too, without a tab, as the window has always had them.
func (u *UI) ensure(s section) {
	if u.built[s] {
		return
	}
	u.built[s] = true
	content := u.newScreen(s)
	if h := u.holders[s]; h != nil {
		h.Objects = []fyne.CanvasObject{content}
		// The tabs size only the tab on show: laid out at no size, every
		// text would wrap at zero width, then again once shown.
		if on := u.tabs.Selected(); on != nil {
			h.Resize(on.Content.Size())
		}
		h.Refresh()
	}
}

// newScreen makes section s's screen and returns its content.
func (u *UI) newScreen(s section) fyne.CanvasObject {
	switch s {
	case sectionIntake:
		u.intake = newIntakeScreen(u)
		return u.intake.content
	case sectionReturns:
		u.returns = newReturnsScreen(u)
		return u.returns.content
	case sectionManifests:
		u.manifests = newManifestsScreen(u)
		return u.manifests.content
	case sectionCatalog:
		u.catalog = newCatalogScreen(u)
		return u.catalog.content
	case sectionCalendar:
		u.calendar = newCalendarScreen(u)
		return u.calendar.content
	case sectionSetup:
		u.setup = newSetupScreen(u)
		return u.setup.content
	case sectionSync:
		u.syncScr = newSyncScreen(u)
		return u.syncScr.content
	default:
		u.reports = newReportsScreen(u)
		return u.reports.content
	}
}

// ensureAll builds every screen not built yet, now.
func (u *UI) ensureAll() {
	for s := sectionIntake; s <= sectionReports; s++ {
		u.ensure(s)
	}
}

// ensureLater builds the screens not built yet once the window has
// painted what it shows, one a turn, and then runs then; a build of the
// window made since stops it, and ensureNow does the rest at once.
func (u *UI) ensureLater(then func()) {
	u.pending = then
	generation := u.generation
	var next func(s section)
	next = func(s section) {
		if u.generation != generation || u.pending == nil {
			return
		}
		if s > sectionReports {
			u.ensureNow()
			return
		}
		if u.built[s] {
			next(s + 1)
			return
		}
		u.ensure(s)
		u.soon(func() { next(s + 1) })
	}
	u.afterPaint(func() { next(sectionIntake) })
}

// ensureNow builds every screen not built yet and runs what waits for
// them: what reads them all (the window built again in another
// language) cannot wait for its turn.
func (u *UI) ensureNow() {
	u.ensureAll()
	if then := u.pending; then != nil {
		u.pending = nil
		then()
	}
}

// returnDesk is the return desk, built if it is not yet: the scan bar,
// the manifests and the reports open dossiers on it.
func (u *UI) returnDesk() *returnsScreen {
	u.ensure(sectionReturns)
	return u.returns
}

// manifestDesk is the manifests screen, built if it is not yet: the
// scan bar and the return desk open manifests on it.
func (u *UI) manifestDesk() *manifestsScreen {
	u.ensure(sectionManifests)
	return u.manifests
}
