// Package chart draws the period report's charts as PNG images, for the
// reports screen and the PDF report alike: received per week by
// channel, resolved on time and late per week, and overdue by field.
package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"sync"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"motcua/assets"
	"motcua/data/report"
)

// Size is an image's size, and DPI its resolution.
const (
	Width  = 17 * vg.Centimeter
	Height = 7 * vg.Centimeter
	DPI    = 150
)

// Images are the report's charts, PNG.
type Images struct {
	Received []byte // received per week, by channel
	Resolved []byte // resolved per week, on time and late
	Overdue  []byte // in progress past the deadline, by field
}

// Colours of the series: one per channel, and on time / late.
var (
	counterColour = color.RGBA{0x1f, 0x5f, 0xa8, 0xff}
	postalColour  = color.RGBA{0xe0, 0x8a, 0x00, 0xff}
	onlineColour  = color.RGBA{0x2e, 0x8b, 0x57, 0xff}
	lateColour    = color.RGBA{0xc0, 0x39, 0x2b, 0xff}
)

var fontOnce sync.Once
var fontErr error

// useTinos makes Tinos, which has every Vietnamese letter, the charts'
// font.
func useTinos() error {
	fontOnce.Do(func() {
		ttf, err := assets.Fonts.ReadFile("fonts/Tinos-Regular.ttf")
		if err != nil {
			fontErr = err
			return
		}
		face, err := opentype.Parse(ttf)
		if err != nil {
			fontErr = err
			return
		}
		f := font.Font{Typeface: "Tinos"}
		font.DefaultCache.Add(font.Collection{{Font: f, Face: face}})
		plot.DefaultFont = f
		plotter.DefaultFont = f
	})
	return fontErr
}

// Draw draws the three charts of a report.
func Draw(r report.Report) (Images, error) {
	var im Images
	if err := useTinos(); err != nil {
		return im, fmt.Errorf("chart: font: %w", err)
	}
	weeks := make([]string, len(r.Weeks))
	counter, postal, online := make(plotter.Values, len(r.Weeks)), make(plotter.Values, len(r.Weeks)), make(plotter.Values, len(r.Weeks))
	onTime, late := make(plotter.Values, len(r.Weeks)), make(plotter.Values, len(r.Weeks))
	for i, w := range r.Weeks {
		weeks[i] = w.Start.Format("02/01")
		counter[i], postal[i], online[i] = float64(w.Received.Counter), float64(w.Received.Postal), float64(w.Received.Online)
		onTime[i], late[i] = float64(w.OnTime), float64(w.Late)
	}
	var err error
	if im.Received, err = bars("Hồ sơ tiếp nhận theo tuần", weeks, []series{
		{"Trực tiếp", counter, counterColour}, {"Bưu chính", postal, postalColour}, {"Trực tuyến", online, onlineColour}}); err != nil {
		return im, err
	}
	if im.Resolved, err = bars("Hồ sơ giải quyết theo tuần", weeks, []series{
		{"Đúng hạn, trước hạn", onTime, onlineColour}, {"Quá hạn", late, lateColour}}); err != nil {
		return im, err
	}
	var fields []string
	var overdue plotter.Values
	for _, f := range r.ByField {
		if f.InProgressOverdue > 0 {
			fields = append(fields, orText(f.Key, "Chưa rõ lĩnh vực"))
			overdue = append(overdue, float64(f.InProgressOverdue))
		}
	}
	if len(fields) == 0 {
		fields, overdue = []string{"Không có hồ sơ quá hạn"}, plotter.Values{0}
	}
	im.Overdue, err = across("Hồ sơ đang giải quyết quá hạn theo lĩnh vực", fields, overdue, lateColour)
	return im, err
}

// across draws one horizontal bar per label, the labels down the left.
func across(title string, labels []string, values plotter.Values, colour color.Color) ([]byte, error) {
	p := plot.New()
	p.Title.Text = title
	p.X.Min = 0
	p.X.Tick.Marker = wholeTicks{}
	top := 1.0
	for _, v := range values {
		top = max(top, v)
	}
	p.X.Max = top * 1.1
	slot := vg.Length(float64(Height) * 0.7 / float64(max(len(labels), 1)))
	b, err := plotter.NewBarChart(values, slot*0.7)
	if err != nil {
		return nil, fmt.Errorf("chart: %s: %w", title, err)
	}
	b.Horizontal = true
	b.Color = colour
	b.LineStyle.Width = 0
	p.Add(b)
	p.NominalY(labels...)
	return png(p, title)
}

// png renders a plot as the charts' PNG.
func png(p *plot.Plot, title string) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(DPI), vgimg.UseBackgroundColor(color.White))
	p.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: %s: %w", title, err)
	}
	return buf.Bytes(), nil
}

type series struct {
	name   string
	values plotter.Values
	colour color.Color
}

// bars draws grouped bars, one group per label.
func bars(title string, labels []string, ss []series) ([]byte, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Min = 0
	p.Legend.Top = true
	p.Legend.Left = false
	p.Legend.Padding = vg.Millimeter
	p.Y.Tick.Marker = wholeTicks{}
	n := float64(len(ss))
	slot := vg.Length(float64(Width) * 0.8 / float64(max(len(labels), 1)))
	width := slot / vg.Length(n+0.5)
	for i, s := range ss {
		b, err := plotter.NewBarChart(s.values, width)
		if err != nil {
			return nil, fmt.Errorf("chart: %s: %w", title, err)
		}
		b.Color = s.colour
		b.LineStyle.Width = 0
		b.Offset = vg.Length(float64(i)-(n-1)/2) * width
		p.Add(b)
		if len(ss) > 1 {
			p.Legend.Add(s.name, b)
		}
	}
	// Room above the bars for the legend.
	top := 1.0
	for _, s := range ss {
		for _, v := range s.values {
			top = max(top, v)
		}
	}
	p.Y.Max = top * 1.35
	p.NominalX(thin(labels)...)
	if len(labels) > 8 {
		p.X.Tick.Label.Rotation = 0.8
		p.X.Tick.Label.XAlign = draw.XRight
	}
	return png(p, title)
}

// thin keeps at most about 18 labels of a long axis readable: the others
// are left blank.
func thin(labels []string) []string {
	step := (len(labels) + 17) / 18
	if step <= 1 {
		return labels
	}
	out := make([]string, len(labels))
	for i := range labels {
		if i%step == 0 {
			out[i] = labels[i]
		}
	}
	return out
}

// wholeTicks marks whole numbers only: the charts count dossiers.
type wholeTicks struct{}

func (wholeTicks) Ticks(min, max float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range (plot.DefaultTicks{}).Ticks(min, max) {
		if t.Value == float64(int64(t.Value)) {
			out = append(out, t)
		}
	}
	return out
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
