package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// assertMarkup renders a component on its own at a size and compares it
// with the golden markup testdata/<name>. A missing or different file is
// written under testdata/failed/ for review.
func assertMarkup(t *testing.T, name string, o fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	o.Resize(size)
	test.AssertObjectRendersToMarkup(t, name, o)
}

// stacked lays a component's parts out the way its screen does, for its
// markup on its own.
func stacked(parts ...fyne.CanvasObject) fyne.CanvasObject { return container.NewVBox(parts...) }
