// Package app is Một Cửa's window. Each screen (intake.go, returns.go,
// manifests.go, catalog.go, calendar.go, setup.go, sync.go) is a struct
// made of small components, one per file, each holding its widgets,
// built by a constructor and driven by onXxx handlers; the widgets they
// share are in widgets.go, and every form shows the rules' verdict
// through form.go. Screens read and change data only through the counter
// desk (motcua/counter), never on the UI goroutine: its calls run in the
// background (jobs.go) and come back through fyne.Do.
package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"motcua/assets"
	"motcua/counter"
	"motcua/data"
	"motcua/errlog"
	"motcua/province"
)

// ID is the application's identifier, the same as in FyneApp.toml.
const ID = "vn.gov.motcua"

// windowTitle is the window's title, the product's name in every language.
const windowTitle = "Một Cửa"

// Services is what the window runs against.
type Services struct {
	// Desk is the counter desk: the screens read through it and change
	// data only through its workflows.
	Desk *counter.Desk
	// Sync is the provincial sync, whose worker the window starts once
	// the workstation is enrolled.
	Sync *counter.Sync
	Now  func() time.Time // nil: the desk's clock
	// Reporter logs internal errors under the id the officer is shown;
	// nil logs to the data folder's errlog.
	Reporter Reporter
	// DailyBackup takes the day's automatic backup once the window is
	// open, in the background (Desk.DailyBackup).
	DailyBackup bool
}

// Reporter logs an internal error and returns its id.
type Reporter interface {
	Report(err error) (id string)
}

// section is one screen of the window, in menu order.
type section int

const (
	sectionIntake section = iota
	sectionReturns
	sectionManifests
	sectionCatalog
	sectionCalendar
	sectionSetup
	sectionSync
)

// UI is the main window and its screens.
type UI struct {
	ctx     context.Context
	app     fyne.App
	win     fyne.Window
	desk    *counter.Desk
	sync    *counter.Sync
	dataDir string
	now     func() time.Time
	report  Reporter
	jobs    jobs

	// configured is false until the office has been set up.
	configured bool

	// dialog is the last dialog shown, which Escape closes.
	dialog dialogLike

	tabs     *container.AppTabs
	setup    *setupScreen
	catalog  *catalogScreen
	calendar *calendarScreen

	scan      *scanBar
	returns   *returnsScreen
	manifests *manifestsScreen
	intake    *intakeScreen
	syncScr   *syncScreen
	backup    *dailyBackup

	// syncWorker sends the outbox to the province and brings its changes;
	// nil until the workstation is enrolled.
	syncWorker *province.Worker
}

// New builds the main window. When the office is not set up yet it opens
// on the set-up screen; when the catalogue is empty it imports the sample
// catalogue in the background.
func New(ctx context.Context, a fyne.App, s Services) (*UI, error) {
	if s.Desk == nil || s.Sync == nil {
		return nil, errors.New("app: no desk or sync")
	}
	u := &UI{ctx: ctx, app: a, desk: s.Desk, sync: s.Sync, dataDir: s.Desk.DataDir, now: s.Now, report: s.Reporter}
	if u.now == nil {
		u.now = s.Desk.Now
	}
	if u.report == nil {
		u.report = errlog.New(u.dataDir)
	}
	if err := useLanguage(languageOf(a.Preferences())); err != nil {
		return nil, err
	}
	// One small read before the window exists, to know where it opens.
	office, err := u.desk.Office(ctx)
	switch {
	case err == nil:
		u.configured = true
	case data.ErrorCode(err) != data.ENotFound:
		return nil, fmt.Errorf("app: %w", err)
	}

	u.win = a.NewWindow(windowTitle)
	u.win.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u.win.Resize(fyne.NewSize(1280, 720))
	u.build()
	if u.configured {
		u.setup.load(office)
		u.show(sectionIntake)
	} else {
		u.show(sectionSetup)
	}
	u.catalog.start(true)
	u.calendar.reload()
	u.syncScr.reload()
	if s.DailyBackup && u.configured {
		u.backup.start()
	}
	return u, nil
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// build makes the screens, the menu and the shortcuts in the current
// language. Changing the language builds them again.
func (u *UI) build() {
	u.setup = newSetupScreen(u)
	u.catalog = newCatalogScreen(u)
	u.calendar = newCalendarScreen(u)
	u.scan = newScanBar(u)
	u.returns = newReturnsScreen(u)
	u.manifests = newManifestsScreen(u)
	u.intake = newIntakeScreen(u)
	u.syncScr = newSyncScreen(u)
	if u.backup == nil {
		u.backup = newDailyBackup(u)
	}
	// Tabs in section order: the counter's daily work first.
	u.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("intake.nav"), theme.DocumentCreateIcon(), u.intake.content),
		container.NewTabItemWithIcon(lang.L("returns.nav"), theme.MailReplyIcon(), u.returns.content),
		container.NewTabItemWithIcon(lang.L("manifest.nav"), theme.MailSendIcon(), u.manifests.content),
		container.NewTabItemWithIcon(lang.L("nav.catalog"), theme.ListIcon(), u.catalog.content),
		container.NewTabItemWithIcon(lang.L("nav.calendar"), theme.HistoryIcon(), u.calendar.content),
		container.NewTabItemWithIcon(lang.L("nav.setup"), theme.SettingsIcon(), u.setup.content),
		container.NewTabItemWithIcon(lang.L("sync.nav"), theme.UploadIcon(), u.syncScr.content),
	)
	u.tabs.SetTabLocation(container.TabLocationLeading)
	u.tabs.OnSelected = func(*container.TabItem) { u.focusSection(section(u.tabs.SelectedIndex())) }
	u.win.SetContent(container.NewBorder(u.scan.content, u.backup.content, nil, nil, u.tabs))

	find := shortcut(fyne.KeyF)
	open := shortcut(fyne.KeyO)
	save := shortcut(fyne.KeyS)
	goIntake := shortcut(fyne.KeyT)
	newIntake := shortcut(fyne.KeyN)
	scanID := shortcut(fyne.KeyK)
	c := u.win.Canvas() // adding a shortcut again replaces it
	for sec := range u.tabs.Items {
		c.AddShortcut(sectionKey(section(sec)), func(fyne.Shortcut) { u.show(section(sec)) })
	}
	c.AddShortcut(find, func(fyne.Shortcut) { u.show(sectionCatalog) })
	c.AddShortcut(open, func(fyne.Shortcut) { u.onImportCatalog() })
	c.AddShortcut(save, func(fyne.Shortcut) { u.onSave() })
	c.AddShortcut(goIntake, func(fyne.Shortcut) { u.show(sectionIntake) })
	c.AddShortcut(newIntake, func(fyne.Shortcut) { u.intake.onNew() })
	c.AddShortcut(scanID, func(fyne.Shortcut) { u.onScanIDCard() })
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			u.closeDialog()
		}
		u.onHotkey(ev)
	})

	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	var langItems []*fyne.MenuItem
	current := languageOf(u.app.Preferences())
	for _, l := range languages {
		it := fyne.NewMenuItem(l.name, func() { u.onLanguage(l.code) })
		it.Checked = l.code == current
		langItems = append(langItems, it)
	}
	var goItems []*fyne.MenuItem
	for sec, tab := range u.tabs.Items {
		goItems = append(goItems, item(tab.Text, sectionKey(section(sec)), func() { u.show(section(sec)) }))
	}
	// Ctrl+T ("tiếp nhận") also opens intake, as officers learn it.
	goItems = append(goItems, item(lang.L("intake.nav"), goIntake, func() { u.show(sectionIntake) }))
	langMenu := fyne.NewMenuItem(lang.L("menu.language"), nil)
	langMenu.ChildMenu = fyne.NewMenu("", langItems...)
	u.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(lang.L("menu.file"),
			item(lang.L("intake.menu.new"), newIntake, u.intake.onNew),
			item(lang.L("menu.save"), save, u.onSave),
			item(lang.L("intake.menu.scan"), scanID, u.onScanIDCard),
			item(lang.L("menu.import"), open, u.onImportCatalog),
		),
		fyne.NewMenu(lang.L("menu.go"), append(goItems,
			fyne.NewMenuItemSeparator(),
			item(lang.L("menu.find"), find, func() { u.show(sectionCatalog) }),
			item(lang.L("scan.menu"), &desktop.CustomShortcut{KeyName: fyne.KeyF2}, u.scan.focus),
		)...),
		fyne.NewMenu(lang.L("menu.settings"), langMenu),
	))
}

// sectionKey is a section's shortcut: Ctrl with its place in the tabs.
func sectionKey(s section) fyne.Shortcut {
	return shortcut(fyne.KeyName(strconv.Itoa(int(s) + 1)))
}

// shortcut is Ctrl (⌘ on macOS) with key.
func shortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

// show brings a section forward and puts the cursor where the officer
// types next.
func (u *UI) show(s section) {
	if u.tabs.SelectedIndex() != int(s) {
		u.tabs.SelectIndex(int(s)) // OnSelected focuses
		return
	}
	u.focusSection(s)
}

func (u *UI) focusSection(s section) {
	var f fyne.Focusable
	switch s {
	case sectionSetup:
		f = u.setup.agencyCode
	case sectionCatalog:
		f = u.catalog.picker.search
	case sectionCalendar:
		f = u.calendar.override.date
	case sectionReturns:
		u.returns.reloadLists()
		f = u.returns.focusable()
	case sectionManifests:
		u.manifests.reloadRecent()
		f = u.manifests.focusable()
	case sectionSync:
		u.syncScr.reload()
		f = u.syncScr.focusTarget()
	case sectionIntake:
		f = u.intake.first()
	}
	u.win.Canvas().Focus(f)
}

// current is the section on screen.
func (u *UI) current() section { return section(u.tabs.SelectedIndex()) }

// onSave saves what the screen on show edits: the office set-up, the
// chosen procedure's time limit or the dossier being taken.
func (u *UI) onSave() {
	switch u.current() {
	case sectionSetup:
		u.setup.onSave()
	case sectionCatalog:
		u.catalog.onSaveLimit()
	case sectionIntake:
		u.intake.onSave()
	}
}

// onScanIDCard brings the intake forward with the cursor in its ID card
// scan field.
func (u *UI) onScanIDCard() {
	u.show(sectionIntake)
	u.intake.onScanShortcut()
}

func (u *UI) onImportCatalog() {
	u.show(sectionCatalog)
	u.catalog.onImport()
}

// onLanguage switches the window's language and remembers the choice.
func (u *UI) onLanguage(code string) {
	if code == languageOf(u.app.Preferences()) {
		return
	}
	u.app.Preferences().SetString(prefLanguage, code)
	if err := useLanguage(code); err != nil {
		u.showError(err)
		return
	}
	at := u.current()
	office := u.setup.office()
	u.build()
	u.setup.fill(office)
	u.tabs.SelectIndex(int(at))
	u.focusSection(at)
	u.catalog.start(false)
	u.calendar.reload()
}

// onHotkey runs the keys that work wherever the cursor is, and reports
// whether ev was one of them.
func (u *UI) onHotkey(ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyF2 {
		return false
	}
	u.scan.focus()
	return true
}

// officerPreference is the preference holding the name of the officer
// at this workstation, which the records and printouts carry.
const officerPreference = "officer"

// defaultOfficer signs for a workstation whose officer has not given a
// name. Records are kept in Vietnamese whatever the window's language.
const defaultOfficer = "Cán bộ một cửa"

// officerName is the name the officer gave, "" when none.
func (u *UI) officerName() string {
	return strings.TrimSpace(u.app.Preferences().StringWithFallback(officerPreference, ""))
}

// deskOfficer is the officer at this workstation.
func deskOfficer(u *UI) string {
	if name := u.officerName(); name != "" {
		return name
	}
	return defaultOfficer
}
