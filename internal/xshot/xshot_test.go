package xshot

import (
	"image"
	"image/color"
	"testing"
)

// sample is a w×h sample filled with c, with the first k pixels of its
// first row in other colours, each its own.
func sample(w, h int, c color.RGBA, k int) Sample {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, c)
		}
	}
	for x := 0; x < k; x++ {
		img.SetRGBA(x, 0, color.RGBA{R: uint8(x + 1), G: 1, B: 2, A: 255})
	}
	return Sample{RGBA: img, Step: 16}
}

func TestColours(t *testing.T) {
	grey := color.RGBA{R: 40, G: 40, B: 40, A: 255}
	for _, c := range []struct {
		name         string
		s            Sample
		limit, wants int
	}{
		{"blank", sample(20, 3, grey, 0), 64, 1},
		{"text", sample(100, 3, grey, 80), 64, 64},
		{"few", sample(100, 3, grey, 9), 64, 10},
		{"empty", Sample{RGBA: image.NewRGBA(image.Rect(0, 0, 0, 0))}, 64, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.s.Colours(c.limit); got != c.wants {
				t.Errorf("%d colours, want %d", got, c.wants)
			}
		})
	}
}

func TestChanged(t *testing.T) {
	grey := color.RGBA{R: 40, G: 40, B: 40, A: 255}
	white := color.RGBA{R: 255, G: 255, B: 255, A: 255}
	for _, c := range []struct {
		name string
		a, b Sample
		want float64
	}{
		{"same", sample(10, 2, grey, 3), sample(10, 2, grey, 3), 0},
		{"a few pixels", sample(10, 2, grey, 0), sample(10, 2, grey, 5), 0.25},
		{"all", sample(10, 2, grey, 0), sample(10, 2, white, 0), 1},
		{"another size", sample(10, 2, grey, 0), sample(10, 3, grey, 0), 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.a.Changed(c.b); got != c.want {
				t.Errorf("changed %v, want %v", got, c.want)
			}
		})
	}
}
