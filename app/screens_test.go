package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
)

// typeLogin logs an officer in up to the login's answer, which it hands
// to the window alone: what the window does after it is left queued.
func (h *harness) typeLogin(user string) {
	h.t.Helper()
	l := h.u.login
	h.u.Window().Canvas().Focus(l.username)
	l.username.SetText("")
	test.Type(l.username, user)
	test.Type(l.password, testPassword)
	enter(l.password)
	(<-results)()
	if h.u.locked != nil {
		h.t.Fatalf("%s not logged in: %s", user, l.message.message())
	}
}

// screenContent is the content of section s's screen as built now.
func (u *UI) screenContent(s section) fyne.CanvasObject {
	switch s {
	case sectionIntake:
		return u.intake.content
	case sectionReturns:
		return u.returns.content
	case sectionManifests:
		return u.manifests.content
	case sectionCatalog:
		return u.catalog.content
	case sectionCalendar:
		return u.calendar.content
	case sectionSetup:
		return u.setup.content
	case sectionSync:
		return u.syncScr.content
	default:
		return u.reports.content
	}
}

// checkTabs fails the test where a tab does not hold its section's
// screen of this build.
func (h *harness) checkTabs() {
	h.t.Helper()
	for i, s := range h.u.sections {
		held := h.u.tabs.Items[i].Content.(*fyne.Container).Objects
		if !h.u.built[s] || len(held) != 1 || held[0] != h.u.screenContent(s) {
			h.t.Errorf("tab %d (section %d) does not hold its screen", i, s)
		}
	}
}

// TestIntakeComesBeforeTheOtherScreens: at login the window builds the
// intake, and no other screen until the intake has been painted; then
// all of them and what they list. A shortcut to a screen not built yet
// builds it there and then.
func TestIntakeComesBeforeTheOtherScreens(t *testing.T) {
	h := newHarness(t, true)
	h.startLocked(h.db, vn(2027, 2, 3, 9, 0))
	h.typeLogin(adminUser)
	if h.u.current() != sectionIntake || h.focused() != h.u.intake.first() {
		t.Fatalf("after login: section %d", h.u.current())
	}
	for s := sectionReturns; s <= sectionReports; s++ {
		if h.u.built[s] {
			t.Errorf("section %d built before the intake was painted", s)
		}
	}

	h.press(sectionKey(sectionReturns))
	if !h.u.built[sectionReturns] || h.u.current() != sectionReturns || h.focused() != h.u.returns.focusable() {
		t.Fatalf("Ctrl+2 before the return desk's turn: built %v, section %d", h.u.built[sectionReturns], h.u.current())
	}

	h.wait() // painted: the others come
	h.checkTabs()
	if len(h.u.sections) != 8 || h.u.setup == nil || h.u.reports == nil {
		t.Errorf("%d tabs", len(h.u.sections))
	}
	if len(h.u.catalog.picker.found) == 0 {
		t.Error("the catalogue was not listed once the screens were built")
	}
	if h.u.setup.agencyCode.Text != testOffice.AgencyCode {
		t.Errorf("the set-up shows agency code %q", h.u.setup.agencyCode.Text)
	}
}

// TestAnotherOfficerBeforeTheScreensAreBuilt: an officer who hands the
// window over before its screens are all built leaves the next officer
// a window of their own, every screen built once for them.
func TestAnotherOfficerBeforeTheScreensAreBuilt(t *testing.T) {
	h := newHarness(t, true)
	h.addAccount("hoa", "Lê Thị Hoa", data.RoleCounter)
	h.startLocked(h.db, vn(2027, 2, 3, 9, 0))
	h.typeLogin(adminUser)
	h.u.lock()
	h.logIn("hoa")
	h.checkTabs()
	if h.u.tabOf(sectionSetup) >= 0 || !h.u.built[sectionSetup] {
		t.Errorf("a counter officer's set-up: tab %d, built %v", h.u.tabOf(sectionSetup), h.u.built[sectionSetup])
	}
	if got := h.u.intake.officer.Text; got != "Cán bộ tiếp nhận: Lê Thị Hoa" {
		t.Errorf("intake header %q", got)
	}
}

// TestLanguageBeforeTheScreensAreBuilt: the language changed before the
// screens behind the intake are built finds them built and filled, and
// keeps what the set-up shows.
func TestLanguageBeforeTheScreensAreBuilt(t *testing.T) {
	h := newHarness(t, true)
	h.startLocked(h.db, vn(2027, 2, 3, 9, 0))
	h.typeLogin(adminUser)
	h.u.onLanguage(English)
	h.wait()
	h.checkTabs()
	if got := h.u.setup.agencyCode.Text; got != testOffice.AgencyCode {
		t.Errorf("the set-up shows agency code %q", got)
	}
	if got := h.u.tabs.Items[h.u.tabOf(sectionSetup)].Text; got != "Office set-up" {
		t.Errorf("set-up tab %q", got)
	}
}
