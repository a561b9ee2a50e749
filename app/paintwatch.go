package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// paintWatch is a transparent raster laid under the window's content,
// the window's only way to learn that a frame has been drawn: Fyne asks
// a raster for its image while it paints the frame that shows it, on the
// UI goroutine, so what waits is queued there to run once that frame is
// done.
type paintWatch struct {
	// raster goes in the window: Fyne paints only its own types.
	raster  *canvas.Raster
	waiting []func()
}

func newPaintWatch() *paintWatch {
	p := &paintWatch{}
	pixel := image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	p.raster = canvas.NewRaster(func(int, int) image.Image {
		for _, f := range p.waiting {
			fyne.Do(f)
		}
		p.waiting = nil
		return pixel
	})
	return p
}

// whenPainted runs f on the UI goroutine once the window of p has
// painted its next frame. The tests' windows paint nothing: they
// replace it to run f with the background results.
var whenPainted = func(p *paintWatch, f func()) {
	p.waiting = append(p.waiting, f)
	p.raster.Refresh() // asks for the image again
}

// afterPaint runs f once the window has painted what it shows now.
func (u *UI) afterPaint(f func()) {
	u.jobs.pending.Add(1)
	whenPainted(u.paint, func() {
		defer u.jobs.pending.Add(-1)
		f()
	})
}

// soon runs f on the UI goroutine after what is already queued there:
// frames and the officer's keys come in between.
func (u *UI) soon(f func()) {
	u.jobs.pending.Add(1)
	deliver(func() {
		defer u.jobs.pending.Add(-1)
		f()
	})
}
