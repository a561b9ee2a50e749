package app

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The geometry checker walks a window's canvas tree, as it is laid out,
// and names what an officer would see wrong on a small screen: a text
// that does not fit its widget (cut, wrapped a word or two a line, or
// shortened to "…"), two widgets of a container drawn over each other,
// a widget outside the window, a window whose content asks for more
// than the screen has.

// slack is how far a size may miss, in pixels: float layouts round.
const slack = 1

// menuHeight is what the window's own menu bar takes off the screen's
// height on Linux and Windows.
const menuHeight = 40

// geometry collects the problems of one canvas.
type geometry struct {
	size     fyne.Size
	problems []string
	// shortened are the objects whose labels may end in "…": their whole
	// text is in a detail pane.
	shortened map[fyne.CanvasObject]bool
}

// checkGeometry lays out a canvas at its size and lists its problems.
func checkGeometry(c fyne.Canvas, shortened ...fyne.CanvasObject) []string {
	g := &geometry{size: c.Size(), shortened: map[fyne.CanvasObject]bool{}}
	for _, o := range shortened {
		g.shortened[o] = true
	}
	content := c.Content()
	relayout(content)
	if m := content.MinSize(); m.Width > g.size.Width+slack || m.Height > g.size.Height-menuHeight+slack {
		g.add("", "the content needs %v×%v, more than the window's %v×%v (less the menu bar)",
			m.Width, m.Height, g.size.Width, g.size.Height)
	}
	g.walk(content, content.Position(), walkState{}, name(content))
	for _, o := range c.Overlays().List() {
		g.walk(o, o.Position(), walkState{}, "overlay/"+name(o))
	}
	return g.problems
}

func (g *geometry) add(path, format string, args ...any) {
	parts := strings.Split(path, "/")
	if len(parts) > 3 {
		parts = append([]string{"…"}, parts[len(parts)-3:]...)
	}
	p := strings.Join(parts, "/") + ": " + fmt.Sprintf(format, args...)
	if !slices.Contains(g.problems, p) {
		g.problems = append(g.problems, p)
	}
}

// walkState is what the objects above one tell about it.
type walkState struct {
	// inScroll is true under a scroller: what it holds may lie out of
	// the window, out of view.
	inScroll bool
	// mayShorten is true under an object whose labels may end in "…".
	mayShorten bool
}

// walk checks o, at abs in the window, and what it holds.
func (g *geometry) walk(o fyne.CanvasObject, abs fyne.Position, st walkState, path string) {
	if !o.Visible() {
		return
	}
	if g.shortened[o] {
		st.mayShorten = true
	}
	size := o.Size()
	if !st.inScroll && size.Width > 0 && size.Height > 0 &&
		(abs.X < -slack || abs.Y < -slack || abs.X+size.Width > g.size.Width+slack || abs.Y+size.Height > g.size.Height+slack) {
		g.add(path, "lies at %v+%v, out of the window %v", abs, size, g.size)
	}
	switch x := o.(type) {
	case *widget.Label:
		g.label(x, path, st.mayShorten)
		return
	case *widget.Button:
		g.fits(x, path)
		return
	case *widget.Check, *widget.Select, *widget.RadioGroup, *widget.Hyperlink:
		g.fits(x, path)
		return
	case *fyne.Container:
		g.siblings(x, path)
		for _, c := range x.Objects {
			if _, ok := c.(fyne.Widget); !ok {
				g.fits(c, path+"/"+name(c))
			}
			g.walk(c, abs.Add(c.Position()), st, path+"/"+name(c))
		}
		return
	case *container.Scroll:
		g.fits(x, path)
		st.inScroll = true
		// The content is as tall as it needs: the scroller lays it out.
		if x.Content != nil {
			g.walk(x.Content, abs.Add(x.Content.Position()), st, path+"/"+name(x.Content))
		}
		return
	case *widget.Entry, *widget.SelectEntry:
		g.fits(x, path)
		return // its text scrolls inside
	}
	if w, ok := o.(fyne.Widget); ok {
		g.fits(o, path)
		if _, isField := o.(*field); isField {
			return
		}
		switch o.(type) {
		case *widget.List, *widget.Table, *widget.Tree, *widget.GridWrap:
			st.inScroll = true
		}
		for _, c := range test.WidgetRenderer(w).Objects() {
			g.walk(c, abs.Add(c.Position()), st, path+"/"+name(c))
		}
	}
}

// fits checks that o is given at least its minimum size.
func (g *geometry) fits(o fyne.CanvasObject, path string) {
	if !o.Visible() {
		return
	}
	if _, ok := o.(*canvas.Text); ok {
		return
	}
	m, s := o.MinSize(), o.Size()
	if s.Width+slack < m.Width || s.Height+slack < m.Height {
		g.add(path, "%s is %v×%v, needs %v×%v", textOf(o), s.Width, s.Height, m.Width, m.Height)
	}
}

// label checks a label's text: whole, and when it wraps, not a word or
// two a line.
func (g *geometry) label(l *widget.Label, path string, mayShorten bool) {
	g.fits(l, path)
	if l.Text == "" {
		return
	}
	pad := theme.InnerPadding()
	sizeName := l.SizeName
	if sizeName == "" {
		sizeName = theme.SizeNameText
	}
	size := theme.Size(sizeName)
	if l.Truncation != fyne.TextTruncateOff && !mayShorten {
		for line := range strings.SplitSeq(l.Text, "\n") {
			if w := fyne.MeasureText(line, size, l.TextStyle).Width + 2*pad; w > l.Size().Width+slack {
				g.add(path, "%q is shortened: needs %v, has %v", l.Text, w, l.Size().Width)
				break
			}
		}
	}
	if l.Wrapping == fyne.TextWrapWord || l.Wrapping == fyne.TextWrapBreak {
		words := len(strings.Fields(l.Text))
		lineH := fyne.MeasureText("Ẩy", size, l.TextStyle).Height + theme.LineSpacing()
		lines := int((l.MinSize().Height-2*pad+theme.LineSpacing())/lineH + 0.5)
		if lines >= 3 && float32(words)/float32(lines) < 3 {
			g.add(path, "%q wraps %d words on %d lines (%v wide)", l.Text, words, lines, l.Size().Width)
		}
	}
}

// siblings checks that no two objects of a container are drawn over each
// other, where the layout lays them side by side.
func (g *geometry) siblings(c *fyne.Container, path string) {
	if c.Layout == nil {
		return
	}
	kind := strings.ToLower(reflect.TypeOf(c.Layout).String())
	for _, over := range []string{"stack", "max", "center", "padded", "maxwidth", "pointer"} {
		if strings.Contains(kind, over) {
			return // laid over each other on purpose
		}
	}
	var shown []fyne.CanvasObject
	for _, o := range c.Objects {
		if o.Visible() && o.Size().Width > slack && o.Size().Height > slack && !isBackground(o) {
			shown = append(shown, o)
		}
	}
	for i, a := range shown {
		for _, b := range shown[i+1:] {
			if overlap(a, b) {
				g.add(path, "%s at %v+%v is drawn over %s at %v+%v", textOf(a), a.Position(), a.Size(),
					textOf(b), b.Position(), b.Size())
			}
		}
	}
}

func isBackground(o fyne.CanvasObject) bool {
	switch o.(type) {
	case *canvas.Rectangle, *canvas.Image, *canvas.Line, *widget.Separator:
		return true
	}
	return false
}

// overlap is true when a's and b's ink (their texts and shapes, not
// the padding around a label's text) cross.
func overlap(a, b fyne.CanvasObject) bool {
	ap, as, aok := ink(a, a.Position())
	bp, bs, bok := ink(b, b.Position())
	return aok && bok && ap.X+as.Width > bp.X+slack && bp.X+bs.Width > ap.X+slack &&
		ap.Y+as.Height > bp.Y+slack && bp.Y+bs.Height > ap.Y+slack
}

// ink is the rectangle o draws in, at pos; ok is false when it draws
// nothing.
func ink(o fyne.CanvasObject, pos fyne.Position) (fyne.Position, fyne.Size, bool) {
	if !o.Visible() || o.Size().Width <= 0 || o.Size().Height <= 0 {
		return pos, fyne.Size{}, false
	}
	switch x := o.(type) {
	case *widget.Label:
		if x.Text == "" {
			return pos, fyne.Size{}, false
		}
		p := theme.InnerPadding()
		s := x.Size()
		return pos.AddXY(p, p), fyne.NewSize(max(s.Width-2*p, 0), max(s.Height-2*p, 0)), true
	case *fyne.Container:
		var lo, hi fyne.Position
		found := false
		for _, c := range x.Objects {
			cp, cs, ok := ink(c, pos.Add(c.Position()))
			if !ok || isBackground(c) {
				continue
			}
			if !found {
				lo, hi, found = cp, cp.AddXY(cs.Width, cs.Height), true
				continue
			}
			lo = fyne.NewPos(min(lo.X, cp.X), min(lo.Y, cp.Y))
			hi = fyne.NewPos(max(hi.X, cp.X+cs.Width), max(hi.Y, cp.Y+cs.Height))
		}
		return lo, fyne.NewSize(hi.X-lo.X, hi.Y-lo.Y), found
	}
	return pos, o.Size(), true
}

// name is an object's kind in a path.
func name(o fyne.CanvasObject) string {
	return strings.TrimPrefix(reflect.TypeOf(o).String(), "*")
}

// textOf names an object by its text, for a message.
func textOf(o fyne.CanvasObject) string {
	var b strings.Builder
	collectText(o, &b)
	t := strings.ReplaceAll(strings.TrimSpace(b.String()), "\n", " | ")
	if len([]rune(t)) > 60 {
		t = string([]rune(t)[:60]) + "…"
	}
	return fmt.Sprintf("%s %q", name(o), t)
}

// relayout lays every container and widget out again at its size, top
// down, as the window does when a part is shown or hidden.
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayout(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			relayout(c)
		}
	}
}
