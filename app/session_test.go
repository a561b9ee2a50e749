package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
)

func TestLoginByKeyboard(t *testing.T) {
	h := newHarness(t, true)
	h.startLocked(h.db, vn(2027, 2, 3, 9, 0))
	l := h.u.login
	if h.focused() != l.username || h.u.locked == nil || h.u.main != nil {
		t.Fatal("the window does not open on the login screen with the cursor in the username")
	}
	if !strings.Contains(collected(l.content), testOffice.Name) {
		t.Errorf("the login screen does not name the office:\n%s", collected(l.content))
	}
	test.Type(l.username, adminUser)
	enter(l.username) // Enter in the username goes on to the password too
	if h.focused() != l.password {
		t.Fatal("Enter did not go to the password")
	}
	test.Type(l.password, "sai-mat-khau")
	enter(l.password)
	h.wait()
	if msg := l.message.message(); !strings.Contains(msg, "Sai tên đăng nhập hoặc mật khẩu") || l.password.Text != "" || h.focused() != l.password {
		t.Errorf("wrong password: message %q, password %q", msg, l.password.Text)
	}
	if h.u.locked == nil || h.u.desk.Officer().Username != "" {
		t.Fatal("logged in with a wrong password")
	}
	h.logIn(adminUser)
	if h.u.current() != sectionIntake || h.focused() != h.u.intake.first() {
		t.Errorf("after login: section %d", h.u.current())
	}
	if got := h.u.officer.officer.Text; got != adminName+" (quản trị)" {
		t.Errorf("officer bar %q", got)
	}
}

func TestIdleLockKeepsTheFormForTheSameOfficer(t *testing.T) {
	h := open(t, vn(2027, 2, 3, 9, 0), true)
	name := h.u.intake.applicant.name
	h.u.Window().Canvas().Focus(name)
	test.Type(name, "Nguyễn Thị")
	h.advance(14 * time.Minute)
	if h.u.locked != nil {
		t.Fatal("locked after 14 idle minutes")
	}
	test.Type(name, " Hồng") // the officer is still there
	h.advance(14 * time.Minute)
	if h.u.locked != nil {
		t.Fatal("locked 14 minutes after a key")
	}
	h.advance(time.Minute)
	if h.u.locked == nil || h.u.desk.Officer().Username != "" {
		t.Fatal("not locked after 15 idle minutes")
	}
	if h.u.login.username.Text != adminUser || h.focused() != h.u.login.password {
		t.Errorf("the login screen: username %q", h.u.login.username.Text)
	}
	// Keys do not reach the screens behind the lock.
	h.press(sectionKey(sectionReturns))
	h.logIn(adminUser)
	if name.Text != "Nguyễn Thị Hồng" || h.u.intake.applicant.name != name || h.u.current() != sectionIntake {
		t.Errorf("after the lock: name %q, section %d", name.Text, h.u.current())
	}
	if h.focused() != name {
		t.Errorf("the cursor is not back in the field it was in")
	}
	// The lock counts again from the login.
	h.advance(14 * time.Minute)
	if h.u.locked != nil {
		t.Error("locked 14 minutes after logging in again")
	}
}

func TestSwitchUserGivesAFreshForm(t *testing.T) {
	h := open(t, vn(2027, 2, 3, 9, 0), true)
	h.addAccount("hoa", "Lê Thị Hoa", data.RoleCounter)
	name := h.u.intake.applicant.name
	test.Type(name, "Nguyễn Thị Hồng Nhung")
	test.Tap(h.u.officer.change)
	if h.u.locked == nil {
		t.Fatal("Đổi người dùng did not lock")
	}
	h.logIn("hoa")
	if got := h.u.intake.applicant.name.Text; got != "" {
		t.Errorf("another officer finds the form with %q", got)
	}
	if got := h.u.officer.officer.Text; got != "Lê Thị Hoa (cán bộ một cửa)" {
		t.Errorf("officer bar %q", got)
	}
	if got := h.u.intake.officer.Text; got != "Cán bộ tiếp nhận: Lê Thị Hoa" {
		t.Errorf("intake header %q", got)
	}
	// The menu has it too.
	found := false
	for _, m := range h.u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Đổi người dùng" {
				found = true
			}
		}
	}
	if !found {
		t.Error("no Đổi người dùng in the menu")
	}
}

// TestCounterOfficerSeesWhatTheRoleAllows: no set-up screen, the
// catalogue and calendar to read only, Form 04 and the full ID number
// disabled with the role they need.
func TestCounterOfficerSeesWhatTheRoleAllows(t *testing.T) {
	h := newHarness(t, true)
	h.addAccount("hoa", "Lê Thị Hoa", data.RoleCounter)
	h.db.Now = func() time.Time { return deskNow }
	h.startLocked(h.db, deskNow)
	h.logIn("hoa")
	u := h.u
	if u.tabOf(sectionSetup) >= 0 || len(u.tabs.Items) != 6 {
		t.Errorf("tabs %d, set-up at %d", len(u.tabs.Items), u.tabOf(sectionSetup))
	}
	for _, tab := range u.tabs.Items {
		if tab.Text == "Thiết lập đơn vị" {
			t.Error("a counter officer sees the set-up")
		}
	}
	h.press(sectionKey(sectionSetup))
	if u.current() == sectionSetup {
		t.Error("Ctrl+6 opened the set-up")
	}
	if u.catalog.importBtn.Visible() {
		t.Error("the catalogue's import is offered")
	}
	if !strings.Contains(collected(u.catalog.content), "Cần quyền quản trị: nhập và sửa danh mục thủ tục.") {
		t.Errorf("the catalogue does not say why:\n%s", collected(u.catalog.content))
	}

	d := h.takeDossier("")
	s := h.openDossier(d.Code)
	if !s.dossier.apology.Disabled() || !s.dossier.showID.Disabled() {
		t.Errorf("Form 04 disabled %v, full ID disabled %v", s.dossier.apology.Disabled(), s.dossier.showID.Disabled())
	}
	note := s.dossier.roleNote
	if !note.Visible() || note.Text != "Cần quyền lãnh đạo: phiếu xin lỗi và hẹn lại (Mẫu 04), xem đầy đủ số định danh." {
		t.Errorf("reason %q (shown %v)", note.Text, note.Visible())
	}
	if s.dossier.idNumber.Text != "********1234" {
		t.Errorf("ID %q", s.dossier.idNumber.Text)
	}
	if s.dossier.transfer.Disabled() || s.dossier.ready.Disabled() {
		t.Error("the return desk's own actions are disabled")
	}
}

// collected is every text of a component.
func collected(o fyne.CanvasObject) string {
	var b strings.Builder
	collectText(o, &b)
	return b.String()
}
