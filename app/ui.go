// Package app is Một Cửa's window: one screen per file, each a struct
// holding its widgets, built by a constructor and driven by onXxx
// handlers. Screens talk to the data services only, and never on the UI
// goroutine: store calls run in the background and come back through
// fyne.Do.
package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/assets"
	"motcua/counter"
	"motcua/data"
	"motcua/errlog"
	"motcua/province"
)

// ID is the application's identifier, the same as in FyneApp.toml.
const ID = "vn.gov.motcua"

// title is the window's title, the product's name in every language.
const title = "Một Cửa"

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

	u.win = a.NewWindow(title)
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
	u.win.SetContent(container.NewBorder(u.scan.content, nil, nil, nil, u.tabs))

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
		f = u.catalog.search
	case sectionCalendar:
		f = u.calendar.date
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

// showError tells the officer what went wrong, in a dialog that scrolls
// when the message is long (a refused catalogue names every bad record).
func (u *UI) showError(err error) {
	u.showErrorTitled(lang.L("Error"), err)
}

func (u *UI) showErrorTitled(title string, err error) {
	msg := u.errorText(err)
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	lines := strings.Count(msg, "\n") + 1 + len(msg)/80
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, float32(min(lines, 14))*22+24))
	u.showDialog(dialog.NewCustom(title, lang.L("OK"), container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, scroll), u.win))
}

// errorText is what the officer reads of err: the domain's message, or
// for an internal error the id it is logged under and what to do.
func (u *UI) errorText(err error) string {
	if data.ErrorCode(err) == data.EInternal {
		return lang.L("error.internal", map[string]any{"ID": u.report.Report(err)})
	}
	return data.ErrorMessage(err)
}

// dialogLike is a dialog of Fyne's dialog package, the file dialog
// included.
type dialogLike interface {
	Show()
	Hide()
}

// showDialog shows d so that Escape closes it.
func (u *UI) showDialog(d dialogLike) {
	u.dialog = d
	d.Show()
}

// closeDialog hides the last dialog shown, if it is still open.
func (u *UI) closeDialog() {
	if u.dialog != nil && u.win.Canvas().Overlays().Top() != nil {
		u.dialog.Hide()
	}
	u.dialog = nil
}

// deliver hands a background result to the UI goroutine. Tests replace
// it to run results on the test's goroutine, one at a time, when they
// choose.
var deliver = fyne.Do

// jobs counts the store calls running off the UI goroutine whose results
// have not yet come back to it.
type jobs struct {
	pending atomic.Int64
}

// busy reports whether some result is still to come.
func (j *jobs) busy() bool { return j.pending.Load() > 0 }

// background runs work on its own goroutine and then done, with its
// result, on the UI goroutine.
func background[T any](j *jobs, ctx context.Context, work func(context.Context) (T, error), done func(T, error)) {
	j.pending.Add(1)
	go func() {
		v, err := work(ctx)
		deliver(func() {
			defer j.pending.Add(-1)
			done(v, err)
		})
	}()
}

// backgroundErr is background for work that only succeeds or fails.
func backgroundErr(j *jobs, ctx context.Context, work func(context.Context) error, done func(error)) {
	background(j, ctx, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, work(ctx)
	}, func(_ struct{}, err error) {
		done(err)
	})
}

// maxWidth lays its objects over each other at the leading edge, no wider
// than its value unless they need it: forms stay readable on wide screens.
type maxWidth float32

func (m maxWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

func (m maxWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		w := max(min(size.Width, float32(m)), o.MinSize().Width)
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}

// fieldErrors returns the per-field messages of err by field name, and
// whether err is such an error.
func fieldErrors(err error) (map[string]string, bool) {
	var de *data.Error
	if !errors.As(err, &de) || len(de.Fields) == 0 {
		return nil, false
	}
	m := make(map[string]string, len(de.Fields))
	for _, f := range de.Fields {
		m[f.Field] = capitalize(f.Message)
	}
	return m, true
}

// capitalize upper-cases the first letter of a message.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// showFieldError marks an entry and writes msg under it; "" clears both.
func showFieldError(e validated, l *widget.Label, msg string) {
	if msg == "" {
		clearFieldError(e, l)
		return
	}
	e.SetValidationError(errors.New(msg))
	l.SetText(msg)
	l.Show()
}

// validated is an entry that can show a validation error.
type validated interface{ SetValidationError(error) }

// clearFieldError reports whether there was an error to clear.
func clearFieldError(e validated, l *widget.Label) bool {
	if !l.Visible() {
		return false
	}
	e.SetValidationError(nil)
	l.SetText("")
	l.Hide()
	return true
}

// errorSummary is the first line of an error's message.
func errorSummary(err error) string {
	var de *data.Error
	if errors.As(err, &de) {
		return de.Message
	}
	return data.ErrorMessage(err)
}

// note is a quiet explanation that wraps to the width it is given.
func note(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}
