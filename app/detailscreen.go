package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"motcua/platform"
)

// detailScreen is the part the manifests and the return desk share: the
// printer, and the one manifest or dossier on show (detail) in place of
// a line asking for one (placeholder). It is one part so that a window
// built again (in another language) keeps the printer and opens again
// what was on show the same way on both screens.
type detailScreen struct {
	// print sends a printout to the printer; tests replace it.
	print func(path string) error

	placeholder *widget.Label
	detail      *fyne.Container // built by the screen, hidden until something is on show

	content fyne.CanvasObject
}

// detailed is a screen built on a detailScreen: *manifestsScreen,
// *returnsScreen.
type detailed[S any] interface {
	*S
	part() *detailScreen
	// shown names what is on show: a manifest's number, a dossier's
	// code; "" when nothing is.
	shown() string
}

func (d *detailScreen) part() *detailScreen { return d }

// carryOver starts the shared part of a screen built in place of old
// (nil the first time), with choose as its placeholder: it keeps old's
// printer and returns what old had on show, for the new screen to open
// once it is built.
func carryOver[S any, P detailed[S]](old P, choose string) (d detailScreen, reopen string) {
	d.print = platform.Print
	d.placeholder = wrapped(choose, fyne.TextStyle{})
	d.placeholder.Importance = widget.LowImportance
	if old != nil {
		d.print, reopen = old.part().print, old.shown()
	}
	return d, reopen
}

// showDetail puts the detail, filled in, on show instead of the
// placeholder.
func (d *detailScreen) showDetail() {
	d.placeholder.Hide()
	d.detail.Show()
	d.detail.Refresh()
}
