package app

import (
	"bytes"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"motcua/chart"
)

// reportCharts shows the period's charts, the images the PDF report
// prints.
type reportCharts struct {
	received, resolved, overdue *canvas.Image
	content                     fyne.CanvasObject
}

func newReportCharts() *reportCharts {
	c := &reportCharts{}
	img := func() *canvas.Image {
		i := canvas.NewImageFromResource(nil)
		i.FillMode = canvas.ImageFillContain
		i.SetMinSize(fyne.NewSize(230, 130)) // scaled to fit, so a 1024-pixel window shows them beside the figures
		return i
	}
	c.received, c.resolved, c.overdue = img(), img(), img()
	c.content = container.NewVBox(c.received, c.resolved, c.overdue)
	return c
}

// set shows the images.
func (c *reportCharts) set(im chart.Images) {
	for _, x := range []struct {
		img  *canvas.Image
		png  []byte
		name string
	}{{c.received, im.Received, "received.png"}, {c.resolved, im.Resolved, "resolved.png"}, {c.overdue, im.Overdue, "overdue.png"}} {
		x.img.Resource = nil
		x.img.Image = nil
		if len(x.png) > 0 {
			x.img.Resource = fyne.NewStaticResource(x.name, bytes.Clone(x.png))
		}
		x.img.Refresh()
	}
}
