package printout

import "strings"

// column is one column of a ruled table.
type column struct {
	head  string
	width float64 // millimetres; the one column with 0 takes what is left
	align align
}

// fitColumn is a column as wide as its head or its widest cell, whichever
// is wider, plus padding.
func (s *sheet) fitColumn(head string, cells []string, size float64, al align) column {
	w := s.width(strong(head), size)
	for _, c := range cells {
		w = max(w, s.width(plain(c), size))
	}
	return column{head: head, width: w + 2*tablePadX, align: al}
}

const tablePadX, tablePadY = 1.5, 0.7

// table draws a ruled table across the text column with wrapping cells,
// after a one-line lead paragraph kept on the page with its head and first
// row (none when lead is nil); the head repeats on every page it reaches.
func (s *sheet) table(lead []span, cols []column, rows [][]string, size float64) {
	h := s.lineH(size)
	x0, x1 := s.contentL(), s.contentR()
	widths := make([]float64, len(cols))
	rest := x1 - x0
	flex := -1
	for c, col := range cols {
		widths[c] = col.width
		rest -= col.width
		if col.width == 0 {
			flex = c
		}
	}
	if flex >= 0 {
		widths[flex] = rest
	}
	heads := make([][]span, len(cols))
	for c, col := range cols {
		heads[c] = []span{strong(col.head)}
	}
	headH, drawHead := s.tableHead(heads, widths, size)
	cells := make([][]line, len(cols))
	layout := func(row []string) float64 {
		n := 1
		for c := range cols {
			avail := widths[c] - 2*tablePadX
			var ok bool
			if cells[c], ok = s.oneLine(row[c], size, avail); !ok {
				cells[c] = s.wrap(s.words([]span{plain(row[c])}, size), size, func(int) float64 { return avail })
			}
			n = max(n, len(cells[c]))
		}
		return float64(n)*h + 2*tablePadY
	}
	first := h + 2*tablePadY
	if len(rows) > 0 {
		first = layout(rows[0])
	}
	keep := 0.0
	if lead != nil {
		keep = s.lineH(s.m.body) + s.m.gap
	}
	s.need(keep + headH + first)
	if lead != nil {
		s.text(para{spans: lead})
	}
	drawHead()
	// The body is ruled with a line under each row and, once a page, the
	// columns' lines from the head down: two operators a row rather than
	// a box a cell, in a register of thousands of rows.
	right, top := x0, s.y
	for _, w := range widths {
		right += w
	}
	rules := func() {
		x := x0
		s.pdf.Line(x, top, x, s.y)
		for _, w := range widths {
			x += w
			s.pdf.Line(x, top, x, s.y)
		}
	}
	for _, row := range rows {
		if s.rowDone != nil {
			s.rowDone()
		}
		rowH := layout(row)
		if s.y+rowH > s.limit() {
			rules()
			s.breakPage()
			drawHead()
			top = s.y
		}
		x := x0
		for c, lines := range cells {
			// Short cells sit in the middle of the row.
			y := s.y + tablePadY + (rowH-2*tablePadY-float64(len(lines))*h)/2
			for _, l := range lines {
				s.drawLine(l, x+tablePadX, x+widths[c]-tablePadX, y, size, cols[c].align)
				y += h
			}
			x += widths[c]
		}
		s.y += rowH
		s.pdf.Line(x0, s.y, right, s.y)
	}
	if len(rows) > 0 {
		rules()
	}
	s.y += s.m.gap + 0.8
}

// oneLine lays out a plain text that fits in w on one line, as wrap
// would, measuring it once: most cells of a long table are so. It
// reports false for any other text.
func (s *sheet) oneLine(text string, size, w float64) ([]line, bool) {
	if text == "" {
		return []line{{last: true}}, true
	}
	if text[0] == ' ' || text[len(text)-1] == ' ' || strings.Contains(text, "  ") {
		return nil, false // wrap drops the spaces these have
	}
	sp := plain(text)
	tw := s.width(sp, size)
	if tw > w {
		return nil, false
	}
	return []line{{words: []word{{parts: []span{sp}, w: tw}}, w: tw, last: true}}, true
}

// tableHead lays out a table's head, centred in columns of the given
// widths, each cell's lines balanced rather than filled greedily, and
// returns its height and a function that draws it at s.y and moves below
// it.
func (s *sheet) tableHead(heads [][]span, widths []float64, size float64) (float64, func()) {
	h := s.lineH(size)
	headLines := make([][]line, len(heads))
	headN := 1
	for c, head := range heads {
		headLines[c] = s.balanced(head, size, widths[c]-2*tablePadX)
		headN = max(headN, len(headLines[c]))
	}
	headH := float64(headN)*h + 2*tablePadY
	return headH, func() {
		x := s.contentL()
		for c := range heads {
			s.pdf.Rect(x, s.y, widths[c], headH, "D")
			y := s.y + tablePadY + (headH-2*tablePadY-float64(len(headLines[c]))*h)/2
			for _, l := range headLines[c] {
				s.drawLine(l, x+tablePadX, x+widths[c]-tablePadX, y, size, alignCenter)
				y += h
			}
			x += widths[c]
		}
		s.y += headH
	}
}

// balanced wraps spans in at most w in as few lines as a greedy wrap, but
// of even lengths: the narrowest width that keeps that many lines, so that
// no word is left alone on the last line when it need not be.
func (s *sheet) balanced(spans []span, size, w float64) []line {
	ws := s.words(spans, size)
	wrapAt := func(w float64) []line { return s.wrap(ws, size, func(int) float64 { return w }) }
	best := wrapAt(w)
	if len(best) < 2 {
		return best
	}
	lo, hi := 0.0, w
	for range 20 {
		mid := (lo + hi) / 2
		if ls := wrapAt(mid); len(ls) == len(best) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrapAt(hi)
}
