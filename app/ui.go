// Package app is Một Cửa's window. Each screen (intake.go, returns.go,
// manifests.go, catalog.go, calendar.go, setup.go, sync.go) is a struct
// made of small components, one per file, each holding its widgets,
// built by a constructor and driven by onXxx handlers; the widgets they
// share are in widgets.go, and every form shows the rules' verdict
// through form.go. screens.go puts them in the window's tabs, the intake
// first at login. Screens read and change data only through the counter
// desk (motcua/counter), never on the UI goroutine: its calls run in the
// background (jobs.go) and come back through fyne.Do.
package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

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
	// After runs f on the UI goroutine once d has passed, unless stop is
	// called first; nil uses a real timer. The idle lock waits on it.
	After func(d time.Duration, f func()) (stop func())
	// Reporter logs internal errors under the id the officer is shown;
	// nil logs to the data folder's errlog.
	Reporter Reporter
	// DailyBackup takes the day's automatic backup once the window is
	// open, in the background (Desk.DailyBackup).
	DailyBackup bool
	// Screen is the screen's size in pixels, which the window opens to
	// fit; nil where no screen answers.
	Screen func() (width, height int, ok bool)
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
	sectionReports
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
	// after runs f on the UI goroutine once d has passed (Services.After):
	// the idle lock and the messages that fade wait on it.
	after  func(d time.Duration, f func()) (stop func())
	report Reporter
	jobs   jobs

	// configured is false until the office has been set up.
	configured bool
	// firstRun is true until the first administrator exists: the window
	// shows the set-up only, which makes it.
	firstRun bool

	// sections are the screens the logged-in officer may use, in tab
	// order.
	sections []section
	// main is the window's content while an officer is logged in.
	main fyne.CanvasObject
	// login is the login screen, shown while nobody is logged in.
	login *loginScreen
	// locked holds what the window was showing when it locked, for the
	// same officer to find again.
	locked *lockedState
	idle   *idleLock
	// lockAfter is how long the window waits, idle, before it locks.
	lockAfter time.Duration
	officer   *officerBar

	// dialog is the last dialog shown, which Escape closes.
	dialog dialogLike

	tabs *container.AppTabs
	// holders are the tabs' contents, each the place of its section's
	// screen; built are the screens made for this build of the window,
	// whose generation counts the builds (screens.go).
	holders    map[section]*fyne.Container
	built      map[section]bool
	generation int
	// pending runs once the screens are all built (ensureLater).
	pending func()
	// paint tells when the window has painted a frame.
	paint *paintWatch

	setup    *setupScreen
	catalog  *catalogScreen
	calendar *calendarScreen

	scan      *scanBar
	returns   *returnsScreen
	manifests *manifestsScreen
	intake    *intakeScreen
	syncScr   *syncScreen
	reports   *reportsScreen
	backup    *dailyBackup
	// dailyBackup asks for the day's backup once an officer is in, and
	// backupStarted keeps it to one a run.
	dailyBackup, backupStarted bool

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
	u := &UI{ctx: ctx, app: a, desk: s.Desk, sync: s.Sync, dataDir: s.Desk.DataDir, now: s.Now, report: s.Reporter,
		dailyBackup: s.DailyBackup}
	if u.now == nil {
		u.now = s.Desk.Now
	}
	if u.report == nil {
		u.report = errlog.New(u.dataDir)
	}
	// One small read before the window exists, to know where it opens.
	office, err := u.desk.Office(ctx)
	switch {
	case err == nil:
		u.configured = true
	case data.ErrorCode(err) != data.ENotFound:
		return nil, fmt.Errorf("app: %w", err)
	}

	u.lockAfter = time.Duration(office.LockMinutes) * time.Minute
	if u.lockAfter <= 0 {
		u.lockAfter = data.DefaultLockMinutes * time.Minute
	}
	has, err := u.desk.HasAccounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	u.firstRun = !has
	u.after = s.After
	if u.after == nil {
		u.after = func(d time.Duration, f func()) func() {
			t := time.AfterFunc(d, func() { fyne.Do(f) })
			return func() { t.Stop() }
		}
	}
	u.idle = newIdleLock(u.now, u.after, u.lock)

	texts := prepareTexts(languageOf(a.Preferences()))
	u.win = a.NewWindow(windowTitle)
	u.win.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	fitScreen(u.win, s.Screen)
	u.win.Show() // its content follows, before its first frame
	if err := <-texts; err != nil {
		return nil, err
	}
	u.login = newLoginScreen(u)
	u.paint = newPaintWatch()
	if u.firstRun {
		// The set-up alone, which also makes the first administrator.
		u.build()
		u.ensureAll()
		if u.configured {
			u.setup.load(office)
		}
		u.show(sectionSetup)
	} else {
		u.showLogin()
	}
	// The sample catalogue comes in at the first start, logged in or not.
	background(&u.jobs, u.ctx, u.desk.ImportSample, func(_ bool, err error) {
		if err != nil {
			u.showError(err)
		}
		if u.built[sectionCatalog] && u.desk.Officer().Username != "" {
			u.catalog.load()
		}
	})
	return u, nil
}

// opened fills the screens once an officer is in and they are built:
// what they show comes from the store, through the desk, for this
// officer.
func (u *UI) opened() {
	office, err := u.desk.Office(u.ctx)
	if err == nil {
		u.setup.load(office)
	}
	u.catalog.start(false)
	u.calendar.reload()
	u.syncScr.reload()
	if u.dailyBackup && u.configured && !u.backupStarted {
		u.backupStarted = true
		u.backup.start()
	}
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// build makes the window for the logged-in officer in the current
// language: the tabs of the screens the officer may use with the first
// screen in them (the others are built by ensure, screens.go), the bars
// above and below, the menu and the shortcuts. Changing the language,
// or another officer logging in, builds it again.
func (u *UI) build() {
	u.generation++
	u.sections = sectionsFor(u.desk.Officer(), u.firstRun)
	u.scan = newScanBar(u)
	u.officer = newOfficerBar(u)
	if u.backup == nil {
		u.backup = newDailyBackup(u)
	}
	// Tabs in section order: the counter's daily work first.
	u.tabs = u.newTabs()
	u.tabs.OnSelected = func(*container.TabItem) { u.focusSection(u.current()) }
	top := container.NewBorder(nil, nil, nil, u.officer.content, u.scan.content)
	if u.firstRun {
		top = container.NewBorder(nil, nil, nil, nil)
	}
	u.main = newPointerWatch(container.NewStack(u.paint.raster, container.NewBorder(top, u.backup.content, nil, nil, u.tabs)), u.active)
	u.win.SetContent(u.main)

	find := shortcut(fyne.KeyF)
	open := shortcut(fyne.KeyO)
	save := shortcut(fyne.KeyS)
	goIntake := shortcut(fyne.KeyT)
	newIntake := shortcut(fyne.KeyN)
	scanID := shortcut(fyne.KeyK)
	c := u.win.Canvas() // adding a shortcut again replaces it
	// Shortcuts work only while an officer is logged in, and count as
	// the officer being at the window.
	on := func(sc fyne.Shortcut, f func()) {
		c.AddShortcut(sc, func(fyne.Shortcut) {
			if u.locked == nil {
				u.active()
				f()
			}
		})
	}
	for i := range int(sectionReports) + 1 {
		c.RemoveShortcut(sectionKey(section(i)))
	}
	for _, sec := range u.sections {
		on(sectionKey(sec), func() { u.show(sec) })
	}
	on(find, func() { u.show(sectionCatalog) })
	on(open, u.onImportCatalog)
	on(save, u.onSave)
	on(goIntake, func() { u.show(sectionIntake) })
	on(newIntake, func() { u.intake.onNew() })
	on(scanID, u.onScanIDCard)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		u.active()
		if u.onDialogKey(ev) {
			return
		}
		if ev.Name == fyne.KeyEscape {
			u.closeDialog()
		}
		if u.locked == nil {
			u.onHotkey(ev)
		}
	})
	u.setMenu()
}

// sectionsFor are the screens an officer may use; before the first
// account, the set-up alone.
func sectionsFor(o data.Officer, firstRun bool) []section {
	if firstRun {
		return []section{sectionSetup}
	}
	var ss []section
	for s := sectionIntake; s <= sectionReports; s++ {
		if s == sectionSetup && !o.Role.Allows(data.ActSetup) || s == sectionReports && !o.Role.Allows(data.ActReports) {
			continue
		}
		ss = append(ss, s)
	}
	return ss
}

// tabOf is a section's place in the tabs; -1 when the officer may not
// use it.
func (u *UI) tabOf(s section) int {
	for i, sec := range u.sections {
		if sec == s {
			return i
		}
	}
	return -1
}

// show brings a section forward and puts the cursor where the officer
// types next.
func (u *UI) show(s section) {
	i := u.tabOf(s)
	if i < 0 {
		return // not this officer's
	}
	if u.tabs.SelectedIndex() != i {
		u.tabs.SelectIndex(i) // OnSelected focuses
		return
	}
	u.focusSection(s)
}

func (u *UI) focusSection(s section) {
	u.ensure(s)
	var f fyne.Focusable
	switch s {
	case sectionSetup:
		f = u.setup.agencyCode
	case sectionCatalog:
		f = u.catalog.picker.search
	case sectionCalendar:
		u.calendar.dueCalc.followClock()
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
	case sectionReports:
		u.reports.reload()
		f = u.reports.focusable()
	case sectionIntake:
		f = u.intake.first()
	}
	u.win.Canvas().Focus(f)
}

// current is the section on screen.
func (u *UI) current() section {
	if i := u.tabs.SelectedIndex(); i >= 0 && i < len(u.sections) {
		return u.sections[i]
	}
	return sectionIntake
}

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
	if u.desk.May(data.ActCatalog) { // the others are told why on the screen
		u.catalog.onImport()
	}
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
	u.login = newLoginScreen(u)
	if u.locked != nil {
		u.showLogin() // the screens are built when an officer logs in
		return
	}
	u.ensureNow() // what the login left for after its first paint
	at := u.current()
	office := u.setup.office()
	draft := u.intake.draft()
	u.build()
	u.ensureAll()
	u.setup.fill(office)
	u.intake.restore(draft)
	u.show(at)
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
