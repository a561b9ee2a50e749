package app

import (
	"fyne.io/fyne/v2"

	"motcua/data"
)

// This file holds who is at the window: the login screen while nobody
// is, the lock after idle minutes or "Đổi người dùng", and the way back.

// lockedState is what the window showed when it locked, for the same
// officer to find again: the form in progress, the dialog open, the
// field with the cursor.
type lockedState struct {
	username string
	overlays []fyne.CanvasObject
	focused  fyne.Focusable
}

// active notes that the officer is at the window: a key, the mouse.
func (u *UI) active() { u.idle.touch() }

// showLogin shows the login screen, nobody logged in.
func (u *UI) showLogin() {
	if u.locked == nil {
		u.locked = &lockedState{}
	}
	office := ""
	if o, err := u.desk.Office(u.ctx); err == nil {
		office = o.Name
	}
	u.login.reset(office, u.locked.username)
	u.win.SetContent(newPointerWatch(u.login.content, u.active))
	u.setMenu()
	u.login.focus()
}

// lock goes back to the login screen, keeping what the window showed for
// the officer who was logged in.
func (u *UI) lock() {
	if u.locked != nil {
		return
	}
	st := &lockedState{username: u.desk.Officer().Username, focused: u.win.Canvas().Focused()}
	overlays := u.win.Canvas().Overlays()
	st.overlays = append(st.overlays, overlays.List()...)
	for _, o := range st.overlays {
		overlays.Remove(o)
	}
	u.locked = st
	u.idle.halt()
	u.desk.Logout()
	u.showLogin()
}

// loggedIn opens the window for an officer who just logged in: as it was
// when it locked on the same officer, afresh for any other.
func (u *UI) loggedIn(a data.Account) {
	st := u.locked
	u.locked = nil
	if st != nil && st.username == a.Username && u.main != nil {
		u.win.SetContent(u.main)
		u.setMenu()
		for _, o := range st.overlays {
			u.win.Canvas().Overlays().Add(o)
		}
		if st.focused != nil {
			u.win.Canvas().Focus(st.focused)
		}
	} else {
		u.firstRun = false
		u.build()
		u.show(sectionIntake)
		u.ensureLater(u.opened)
	}
	u.idle.start(u.lockAfter)
}
