package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"golang.org/x/sys/windows"
)

var showWindow = windows.NewLazySystemDLL("user32.dll").NewProc("ShowWindow")

// swMaximize is ShowWindow's SW_MAXIMIZE.
const swMaximize = 3

// maximise maximises a shown window, so that Windows keeps the taskbar
// in view.
func maximise(win fyne.Window) {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.WindowsWindowContext); ok && c.HWND != 0 {
			showWindow.Call(c.HWND, swMaximize)
		}
	})
}
