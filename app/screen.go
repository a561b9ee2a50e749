package app

import "fyne.io/fyne/v2"

// naturalSize is the size the screens are laid out for; they also fit a
// 1024×768 screen.
var naturalSize = fyne.NewSize(1280, 720)

// fitScreen sizes the window to the screen: its natural size, centred,
// where the screen has room for it; the whole screen, maximised, where
// it has not. screen is nil, or not ok, where no screen answers (tests).
func fitScreen(win fyne.Window, screen func() (width, height int, ok bool)) {
	size, whole := naturalSize, false
	if screen != nil {
		if w, h, ok := screen(); ok && (float32(w) < size.Width || float32(h) < size.Height) {
			size, whole = fyne.NewSize(float32(w), float32(h)), true
		}
	}
	win.Resize(size)
	win.CenterOnScreen()
	if whole {
		fyne.CurrentApp().Lifecycle().SetOnStarted(func() { maximise(win) })
	}
}
