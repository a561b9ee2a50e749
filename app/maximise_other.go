//go:build !windows

package app

import "fyne.io/fyne/v2"

// maximise leaves the window the size of the screen fitScreen gave it:
// X11 and macOS windows have no maximise the driver reaches.
func maximise(fyne.Window) {}
