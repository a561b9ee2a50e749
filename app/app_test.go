package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
	"motcua/data/password"
	"motcua/data/sqlite"
	"motcua/errlog"
	"motcua/platform"
)

// testOffice is a valid configuration.
var testOffice = data.Office{
	AgencyCode:  "000.30.12.H30",
	Name:        "Bộ phận Một cửa phường Ninh Kiều",
	Parent:      "Ủy ban nhân dân phường Ninh Kiều",
	Place:       "Cần Thơ",
	Workstation: 1,
	Collector:   data.FeeCollector{Name: "Ủy ban nhân dân phường Ninh Kiều", TaxCode: "1800123456"},
}

// harness is a window on a real store in a temporary directory, on a
// clock the test moves (and the idle lock's timers with it).
type harness struct {
	t  *testing.T
	a  fyne.App
	db *sqlite.DB
	u  *UI

	now    time.Time
	timers []*fakeTimer
}

// fakeTimer is a timer of the harness's clock.
type fakeTimer struct {
	at      time.Time
	f       func()
	stopped bool
}

// after is Services.After on the harness's clock.
func (h *harness) after(d time.Duration, f func()) func() {
	tm := &fakeTimer{at: h.now.Add(d), f: f}
	h.timers = append(h.timers, tm)
	return func() { tm.stopped = true }
}

// advance moves the clock on, firing the timers due, and hands the
// window the results of what they started.
func (h *harness) advance(d time.Duration) {
	h.t.Helper()
	h.now = h.now.Add(d)
	for {
		var due *fakeTimer
		for _, tm := range h.timers {
			if !tm.stopped && !tm.at.After(h.now) && (due == nil || tm.at.Before(due.at)) {
				due = tm
			}
		}
		if due == nil {
			break
		}
		due.stopped = true
		due.f()
	}
	h.wait()
}

// The tests' accounts: the administrator the harness makes, and any a
// test adds with addAccount.
const (
	adminUser    = "binh"
	adminName    = "Trần Văn Bình"
	testPassword = "mat-khau-1"
)

// open starts the window at now on a new store, set up when configured,
// and waits for its start-up work (the sample catalogue's import).
func open(t *testing.T, now time.Time, configured bool) *harness {
	t.Helper()
	h := newHarness(t, configured)
	h.start(now)
	return h
}

// newHarness makes the app and the store without the window, so that a
// test can set preferences first.
func newHarness(t *testing.T, configured bool) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	h := &harness{t: t, a: a, db: db}
	if configured {
		if err := db.SaveOffice(context.Background(), testOffice); err != nil {
			t.Fatal(err)
		}
		h.addAccount(adminUser, adminName, data.RoleAdmin)
	}
	return h
}

// addAccount makes an account of a role with the test password.
func (h *harness) addAccount(user, name string, role data.Role) {
	h.t.Helper()
	hash, err := password.Hash(testPassword, password.Fast)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := h.db.SaveAccount(context.Background(), data.Account{Username: user, FullName: name, Role: role, PasswordHash: hash,
		UpdatedAt: time.Now()}, "account.add"); err != nil {
		h.t.Fatal(err)
	}
}

// services are the window's services over a store, on a clock.
func (h *harness) services(store counter.Store, now time.Time) Services {
	h.now = now
	clock := func() time.Time { return h.now }
	desk := counter.New(store, h.t.TempDir())
	desk.Now = clock
	desk.Passwords = password.Fast
	sync := counter.NewSync(store)
	sync.Now = clock
	return Services{Desk: desk, Sync: sync, Reporter: errlog.New(desk.DataDir), After: h.after}
}

// start opens the window and, on a configured office, logs the
// administrator in.
func (h *harness) start(now time.Time) {
	h.t.Helper()
	h.startOn(h.db, now)
}

func (h *harness) startOn(store counter.Store, now time.Time) {
	h.t.Helper()
	h.startLocked(store, now)
	if !h.u.firstRun {
		h.logIn(adminUser)
	}
}

// startLocked opens the window, on the login screen of a configured
// office.
func (h *harness) startLocked(store counter.Store, now time.Time) {
	h.t.Helper()
	u, err := New(context.Background(), h.a, h.services(store, now))
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(u.Window().Close)
	h.u = u
	h.wait()
}

// logIn logs an officer in on the login screen, by keyboard: the
// username, Tab, the password, Enter.
func (h *harness) logIn(user string) {
	h.t.Helper()
	l := h.u.login
	if h.focused() != l.username && h.focused() != l.password {
		h.t.Fatalf("the login screen does not have the cursor (%T)", h.focused())
	}
	h.u.Window().Canvas().Focus(l.username)
	l.username.SetText("")
	test.Type(l.username, user)
	h.u.Window().Canvas().FocusNext() // Tab
	if h.focused() != l.password {
		h.t.Fatalf("Tab did not go to the password")
	}
	test.Type(l.password, testPassword)
	enter(l.password)
	h.wait()
	if h.u.locked != nil {
		h.t.Fatalf("%s not logged in: %s", user, l.message.message())
	}
}

// results holds the background results on their way to the window; the
// test's goroutine plays the UI goroutine and runs them in wait.
var results = make(chan func(), 1024)

func TestMain(m *testing.M) {
	deliver = func(f func()) { results <- f }
	whenPainted = func(_ *paintWatch, f func()) { deliver(f) }
	// The machine's own printers are not the tests' business.
	installedPrinters = func() ([]platform.Printer, error) {
		return []platform.Printer{{Name: "Canon LBP2900"}, {Name: "HP LaserJet M1005", Default: true}}, nil
	}
	os.Exit(m.Run())
}

// wait hands the window every result of its background work, including
// that of work those results start, failing the test after a deadline.
func (h *harness) wait() {
	h.t.Helper()
	deadline := time.After(30 * time.Second)
	for h.u.jobs.busy() {
		select {
		case f := <-results:
			f()
		case <-deadline:
			h.t.Fatal("background work did not finish")
		}
	}
}

// press types a shortcut on the window's canvas.
func (h *harness) press(sc fyne.Shortcut) {
	h.u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

// focused is the widget that has the keyboard.
func (h *harness) focused() fyne.Focusable { return h.u.Window().Canvas().Focused() }

// overlayText is every text of the topmost dialog or pop-up, "" when none.
func (h *harness) overlayText() string {
	top := h.u.Window().Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	collectText(top, &b)
	return b.String()
}

func collectText(o fyne.CanvasObject, b *strings.Builder) {
	switch x := o.(type) {
	case *canvas.Text:
		b.WriteString(x.Text + "\n")
	case *widget.Label:
		b.WriteString(x.Text + "\n")
		return
	case *widget.Button:
		b.WriteString(x.Text + "\n")
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			collectText(c, b)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			collectText(c, b)
		}
	}
}

// vn is a time in Vietnam.
func vn(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, data.Zone)
}

func TestFirstRunOpensOnSetup(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), false)
	if got := h.u.current(); got != sectionSetup {
		t.Fatalf("opened on section %d, want the set-up", got)
	}
	if h.focused() != h.u.setup.agencyCode {
		t.Errorf("the cursor is not in the agency code")
	}
	if got := h.u.Window().Title(); got != "Một Cửa" {
		t.Errorf("title %q", got)
	}
}

func TestConfiguredOpensOnIntake(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	if got := h.u.current(); got != sectionIntake {
		t.Fatalf("opened on section %d, want the intake", got)
	}
	if h.focused() != h.u.intake.first() {
		t.Errorf("the cursor is not in the intake's procedure field")
	}
	if got := h.u.setup.agencyCode.Text; got != testOffice.AgencyCode {
		t.Errorf("set-up shows agency code %q", got)
	}
}

func TestSetupRefusesBadAgencyCode(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), false)
	s := h.u.setup
	test.Type(s.agencyCode, "30.12.H30")
	test.Type(s.name, testOffice.Name)
	test.Type(s.parent, testOffice.Parent)
	test.Type(s.place, testOffice.Place)
	s.workstation.SetSelected("2")
	test.Tap(s.save)
	h.wait()

	msg := s.form.message("agency-code")
	if !strings.Contains(msg, "không đúng dạng") {
		t.Errorf("agency code error %q", msg)
	}
	if l := s.form.fields[0].msg; s.form.fields[0].names[0] != data.FieldAgencyCode || !l.Visible() || l.Importance != widget.DangerImportance {
		t.Errorf("the agency code's message is not shown in red")
	}
	for _, f := range []string{"office", "parent", "place", "workstation", "paper"} {
		if m := s.form.message(f); m != "" {
			t.Errorf("field %s: unexpected error %q", f, m)
		}
	}
	if !strings.Contains(s.status.Text, "chưa hợp lệ") {
		t.Errorf("status %q", s.status.Text)
	}
	if h.focused() != s.agencyCode {
		t.Errorf("the cursor is not back in the agency code")
	}
	if _, err := h.db.Office(context.Background()); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("office was saved (err %v)", err)
	}
	if h.u.current() != sectionSetup {
		t.Errorf("left the set-up screen")
	}

	// Editing the field clears its message.
	test.Type(s.agencyCode, "x")
	if m := s.form.message("agency-code"); m != "" {
		t.Errorf("message stays after an edit: %q", m)
	}
}

func TestSetupNamesEveryMissingField(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), false)
	s := h.u.setup
	test.Tap(s.save)
	h.wait()
	want := map[string]string{
		"agency-code": "không đúng dạng",
		"office":      "Chưa nhập tên đơn vị",
		"parent":      "Chưa nhập tên cơ quan chủ quản",
		"place":       "Chưa nhập địa danh",
		"workstation": "Chưa chọn số máy trạm",
	}
	for f, w := range want {
		if m := s.form.message(f); !strings.Contains(m, w) {
			t.Errorf("field %s: error %q, want it to say %q", f, m, w)
		}
	}
}

func TestSetupSavesAndMovesToCatalog(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), false)
	s := h.u.setup
	test.Type(s.agencyCode, "000.30.12.H30")
	test.Type(s.name, testOffice.Name)
	test.Type(s.parent, testOffice.Parent)
	test.Type(s.place, testOffice.Place)
	s.workstation.SetSelected("3")
	test.Type(s.trackingPrefix, "https://dichvucong.cantho.gov.vn/tra-cuu?ma=")
	s.paper.SetSelected("A5")
	s.lockMinutes.SetText("20")
	h.typeFirstAdmin()
	// The fee collector: a tax code of eight digits is refused under it.
	test.Type(s.collector, testOffice.Collector.Name)
	test.Type(s.taxCode, "18001234")
	test.Tap(s.save)
	h.wait()
	if m := s.form.message(data.FieldTaxCode); !strings.Contains(m, "Mã số thuế \"18001234\" không đúng dạng") || h.focused() != s.taxCode {
		t.Fatalf("tax code message %q", m)
	}
	if _, err := h.db.Office(context.Background()); data.ErrorCode(err) != data.ENotFound {
		t.Fatal("saved with a bad tax code")
	}
	s.taxCode.SetText(testOffice.Collector.TaxCode)
	if s.form.message(data.FieldTaxCode) != "" {
		t.Error("the message stayed after the edit")
	}
	test.Tap(s.save)
	h.wait()

	got, err := h.db.Office(context.Background())
	if err != nil {
		t.Fatalf("office not saved: %v (status %q)", err, s.status.Text)
	}
	want := testOffice
	want.Workstation = 3
	want.TrackingPrefix = "https://dichvucong.cantho.gov.vn/tra-cuu?ma="
	want.PaperSize = "A5"
	want.LockMinutes = 20
	want.Collector.FormSymbol, want.Collector.SeriesLetters = data.EReceiptFormSymbol, data.DefaultSeriesLetters
	if got != want {
		t.Errorf("saved %+v\nwant %+v", got, want)
	}
	// The first administrator is made and logged in.
	if a, err := h.db.Account(context.Background(), adminUser); err != nil || a.Role != data.RoleAdmin || a.FullName != adminName {
		t.Errorf("administrator %+v %v", a, err)
	}
	if o := h.u.desk.Officer(); o.Username != adminUser || h.u.firstRun || len(h.u.tabs.Items) != 8 {
		t.Errorf("after the first set-up: officer %+v, first run %v, %d tabs", o, h.u.firstRun, len(h.u.tabs.Items))
	}
	if h.u.lockAfter != 20*time.Minute {
		t.Errorf("locks after %v", h.u.lockAfter)
	}
	if h.u.current() != sectionCatalog {
		t.Errorf("did not move to the catalogue")
	}
	if h.focused() != h.u.catalog.picker.search {
		t.Errorf("the cursor is not in the catalogue search")
	}
	if !h.u.configured {
		t.Errorf("window still thinks the office is not set up")
	}
}

// typeFirstAdmin fills the first administrator's fields of the first
// run's set-up.
func (h *harness) typeFirstAdmin() {
	s := h.u.setup
	test.Type(s.adminUser, adminUser)
	test.Type(s.adminName, adminName)
	test.Type(s.adminPass, testPassword)
	test.Type(s.adminAgain, testPassword)
}

// setUpFirstRun saves the first run's set-up with testOffice and its
// administrator, who is then logged in.
func (h *harness) setUpFirstRun() {
	h.t.Helper()
	s := h.u.setup
	s.fill(testOffice)
	h.typeFirstAdmin()
	test.Tap(s.save)
	h.wait()
	if h.u.firstRun {
		h.t.Fatalf("first set-up not saved: %q %v", s.status.Text, s.form.hasErrors())
	}
}

func TestSaveShortcutOnSetup(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	h.press(sectionKey(sectionSetup))
	s := h.u.setup
	s.place.SetText("Thành phố Cần Thơ")
	h.press(shortcut(fyne.KeyS))
	h.wait()
	got, err := h.db.Office(context.Background())
	if err != nil || got.Place != "Thành phố Cần Thơ" {
		t.Errorf("Ctrl+S saved %+v, %v", got, err)
	}
	if h.u.current() != sectionSetup || s.status.Text != "Đã lưu cấu hình đơn vị." {
		t.Errorf("after saving an existing set-up: section %d, status %q", h.u.current(), s.status.Text)
	}
}

func TestNavigationShortcutsAndMenu(t *testing.T) {
	h := open(t, vn(2027, 1, 10, 9, 0), true)
	cases := []struct {
		key   fyne.KeyName
		want  section
		focus fyne.Focusable
	}{
		{fyne.Key5, sectionCalendar, h.u.calendar.override.date},
		{fyne.Key6, sectionSetup, h.u.setup.agencyCode},
		{fyne.Key4, sectionCatalog, h.u.catalog.picker.search},
		{fyne.Key1, sectionIntake, nil},
	}
	for _, c := range cases {
		h.press(shortcut(c.key))
		if got := h.u.current(); got != c.want {
			t.Errorf("Ctrl+%s: section %d, want %d", c.key, got, c.want)
		}
		if c.focus != nil && h.focused() != c.focus {
			t.Errorf("Ctrl+%s: the cursor is not in the section's first field", c.key)
		}
	}

	// The same shortcuts stand in the menu, in Vietnamese.
	menu := h.u.Window().MainMenu()
	found := map[string]string{}
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				found[it.Shortcut.ShortcutName()] = it.Label
			}
		}
	}
	for key, label := range map[fyne.KeyName]string{fyne.Key1: "Tiếp nhận hồ sơ", fyne.Key2: "Trả kết quả",
		fyne.Key3: "Giao nhận bưu chính", fyne.Key4: "Danh mục thủ tục", fyne.Key5: "Lịch làm việc", fyne.Key6: "Thiết lập đơn vị"} {
		if got := found[shortcut(key).ShortcutName()]; got != label {
			t.Errorf("menu item for Ctrl+%s is %q, want %q", key, got, label)
		}
	}
	// No menu lists an item twice; Ctrl+T still opens intake.
	for _, m := range menu.Items {
		seen := map[string]bool{}
		for _, it := range m.Items {
			if it.Label != "" && seen[it.Label] {
				t.Errorf("menu %q lists %q twice", m.Label, it.Label)
			}
			seen[it.Label] = true
		}
	}
	h.press(shortcut(fyne.Key4))
	h.press(shortcut(fyne.KeyT))
	if h.u.current() != sectionIntake {
		t.Errorf("Ctrl+T opened section %d", h.u.current())
	}
}

// key types a key on the window, as the officer does with no field
// holding the cursor (a dialog's Enter and Esc).
func (h *harness) key(name fyne.KeyName) {
	h.u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name})
}

// confirm answers the confirmation on show with Enter, failing when none
// asks.
func (h *harness) confirm() {
	h.t.Helper()
	if _, ok := h.u.dialog.(*confirmDialog); !ok || h.u.Window().Canvas().Overlays().Top() == nil {
		h.t.Fatalf("no confirmation asked (dialog %T)", h.u.dialog)
	}
	h.key(fyne.KeyReturn)
	h.wait()
}
