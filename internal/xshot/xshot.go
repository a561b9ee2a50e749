// Package xshot reads the pixels of a window on an X display, cheaply
// enough for a test to watch the real window paint without taking the
// CPU from it: one connection, kept open, and a sample of rows instead
// of a whole screenshot (a whole 1280×720 window takes Xvfb about
// 50 ms; forty rows of it take 2).
package xshot

import (
	"errors"
	"image"
)

// ErrNoDisplay is returned where no X display can be read: another
// system, or a build without cgo.
var ErrNoDisplay = errors.New("xshot: no X display")

// Sample is every step-th row of a window, top to bottom.
type Sample struct {
	*image.RGBA
	Step int
}

// Colours counts the sample's distinct colours, up to limit: a window
// not yet painted has one, one with text and icons hundreds.
func (s Sample) Colours(limit int) int {
	seen := map[[3]uint8]bool{}
	for i := 0; i+3 < len(s.Pix) && len(seen) < limit; i += 4 {
		seen[[3]uint8{s.Pix[i], s.Pix[i+1], s.Pix[i+2]}] = true
	}
	return len(seen)
}

// Changed is the share of pixels that differ between two samples of
// the same window; 1 when their sizes differ.
func (s Sample) Changed(o Sample) float64 {
	if s.Rect != o.Rect || s.Step != o.Step || len(s.Pix) == 0 {
		return 1
	}
	diff := 0
	for i := 0; i+3 < len(s.Pix); i += 4 {
		if s.Pix[i] != o.Pix[i] || s.Pix[i+1] != o.Pix[i+1] || s.Pix[i+2] != o.Pix[i+2] {
			diff++
		}
	}
	return float64(diff) / float64(len(s.Pix)/4)
}
