package printout

import (
	"fmt"
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// metrics are the dimensions of one paper size, in millimetres and points.
type metrics struct {
	pageW, pageH             float64
	top, bottom, left, right float64
	headLeft                 float64 // width of the left header column
	body                     float64 // body text, pt
	head                     float64 // header lines (authority, national name), pt
	motto                    float64 // "Độc lập - Tự do - Hạnh phúc", pt
	title                    float64 // form title, pt
	table                    float64 // document table, pt
	small                    float64 // continuation header, code under the QR, pt
	lead                     float64 // line height as a multiple of the size
	gap                      float64 // space between paragraphs
	qr                       float64 // width of the QR symbol (quiet zone excluded)
	sign                     float64 // room for a signature
}

// Decree 30/2020: A4, margins top/bottom 20–25 mm, left 30–35 mm, right
// 15–20 mm; national name 12–13 pt bold, motto 13–14 pt bold, body 13–14 pt.
var a4 = metrics{
	pageW: 210, pageH: 297,
	top: 20, bottom: 20, left: 30, right: 15,
	headLeft: 74,
	body:     13, head: 12, motto: 13, title: 14, table: 12, small: 9,
	lead: 1.2, gap: 0.9,
	qr: 27, sign: 22,
}

// A5 (the size the Circular 01/2018 forms were drawn for) keeps the same
// proportions, scaled to fit one page for a normal dossier.
var a5 = metrics{
	pageW: 148, pageH: 210,
	top: 10, bottom: 10, left: 18, right: 10,
	headLeft: 54,
	body:     10, head: 9, motto: 10, title: 11, table: 9.5, small: 7,
	lead: 1.18, gap: 0.4,
	qr: 26, sign: 14,
}

// metricsFor returns the metrics of a paper size; "" is A4.
func metricsFor(paper string) (metrics, error) {
	switch paper {
	case "", A4:
		return a4, nil
	case A5:
		return a5, nil
	}
	return metrics{}, fmt.Errorf("unknown paper size %q (want A4 or A5)", paper)
}

// span is a run of text in one face.
type span struct {
	text string
	face face
}

func plain(s string) span  { return span{s, regular} }
func strong(s string) span { return span{s, bold} }
func em(s string) span     { return span{s, italic} }

type align int

const (
	alignLeft align = iota
	alignCenter
	alignJustify
	alignRight
)

// sheet draws flowing text on the pages of one document.
type sheet struct {
	pdf *fpdf.Fpdf
	tf  typeface
	m   metrics
	y   float64 // top of the next line

	// A box floats at the right margin (the QR code): lines whose top is
	// above floatBottom end at floatX.
	floatX, floatBottom float64

	// cont draws the minimal header of a continuation page.
	cont func()

	// wordSpace is the word spacing (Tw) in force, in millimetres.
	wordSpace float64

	op []byte // rawText's operator, kept for the next

	rowDone func() // told of each table row drawn, when set

	// The font last selected.
	family string
	face   face
	size   float64
}

// font selects a font unless it is the current one.
func (s *sheet) font(family string, f face, size float64) {
	if family != s.family || f != s.face || size != s.size {
		s.pdf.SetFont(family, f.style(), size)
		s.family, s.face, s.size = family, f, size
	}
}

func (s *sheet) width(sp span, size float64) float64 {
	return s.tf.width(s, sp.face, size, sp.text)
}

// lineH is the height of a line of text of the given size.
func (s *sheet) lineH(size float64) float64 { return size * ptMM * s.m.lead }

// baseline is where text of a size sits in a line whose top is y.
func (s *sheet) baseline(y, size float64) float64 {
	em := size * ptMM
	return y + (s.lineH(size)-em)/2 + 0.8*em
}

func (s *sheet) contentL() float64 { return s.m.left }
func (s *sheet) contentR() float64 { return s.m.pageW - s.m.right }
func (s *sheet) limit() float64    { return s.m.pageH - s.m.bottom }

// page starts a new page.
func (s *sheet) page() {
	s.pdf.AddPage()
	s.family = "" // select the font again in the new page's stream
	s.y = s.m.top
	s.floatBottom = 0
}

// need moves to a new page, with its continuation header, unless h more
// millimetres fit on this one.
func (s *sheet) need(h float64) {
	if s.y+h > s.limit()+0.01 {
		s.breakPage()
	}
}

// breakPage starts a continuation page.
func (s *sheet) breakPage() {
	s.page()
	if s.cont != nil {
		s.cont()
	}
}

// word is a run of text without a break; it may mix faces ("Ông/Bà:").
type word struct {
	parts []span
	w     float64
}

// words splits spans at spaces and measures each word.
func (s *sheet) words(spans []span, size float64) []word {
	n := 0
	for _, sp := range spans {
		n += strings.Count(sp.text, " ") + 1
	}
	// One array holds the words and one their parts: a register lays out
	// hundreds of thousands of cells.
	out := make([]word, 0, n)
	parts := make([]span, 0, n)
	var cur word
	flush := func() {
		if len(cur.parts) > 0 {
			out = append(out, cur)
		}
		cur = word{}
	}
	for _, sp := range spans {
		rest := sp.text
		for k := 0; ; k++ {
			t, after, more := strings.Cut(rest, " ")
			if k > 0 {
				flush()
			}
			if t != "" {
				p := span{t, sp.face}
				if len(cur.parts) == 0 {
					parts = append(parts, p)
					cur.parts = parts[len(parts)-1 : len(parts) : len(parts)]
				} else {
					cur.parts = append(cur.parts, p)
				}
				cur.w += s.width(p, size)
			}
			if !more {
				break
			}
			rest = after
		}
	}
	flush()
	return out
}

// split breaks a word wider than w into pieces that fit, rune by rune.
func (s *sheet) split(wd word, w, size float64) []word {
	var out []word
	var cur word
	for _, p := range wd.parts {
		var run []rune
		for _, c := range p.text {
			cw := s.width(span{string(c), p.face}, size)
			if cur.w+cw > w && (cur.w > 0 || len(run) > 0) {
				if len(run) > 0 {
					cur.parts = append(cur.parts, span{string(run), p.face})
				}
				out = append(out, cur)
				cur, run = word{}, nil
			}
			run = append(run, c)
			cur.w += cw
		}
		if len(run) > 0 {
			cur.parts = append(cur.parts, span{string(run), p.face})
		}
	}
	if len(cur.parts) > 0 {
		out = append(out, cur)
	}
	return out
}

// line is a laid-out line: its words and whether it ends its paragraph.
type line struct {
	words []word
	w     float64 // natural width, single spaces
	last  bool
}

// wrap lays words out in lines; avail(n) is the width of line n.
func (s *sheet) wrap(ws []word, size float64, avail func(n int) float64) []line {
	space := s.width(span{" ", regular}, size)
	var lines []line
	var cur line
	start := 0 // a line's words are ws[start:k]
	for k := 0; k < len(ws); k++ {
		wd := ws[k]
		a := avail(len(lines))
		add := wd.w
		if k > start {
			add += space
		}
		if cur.w+add <= a+0.001 {
			cur.w += add
			cur.words = ws[start : k+1 : k+1]
			continue
		}
		if k > start {
			lines = append(lines, cur)
			cur, start = line{}, k
			k-- // retry this word on the next line
			continue
		}
		// A single word wider than the line: break it, unless it is a
		// single character, which goes on a line of its own.
		parts := s.split(wd, a, size)
		if len(parts) < 2 {
			cur.w += wd.w
			cur.words = ws[start : k+1 : k+1]
			continue
		}
		ws = append(ws[:k:k], append(parts, ws[k+1:]...)...)
		k--
	}
	if len(cur.words) > 0 || len(lines) == 0 {
		cur.last = true
		lines = append(lines, cur)
	}
	return lines
}

// drawLine draws one line of words between x0 and x1 with its top at y.
func (s *sheet) drawLine(l line, x0, x1, y, size float64, al align) {
	space := s.width(span{" ", regular}, size)
	x := x0
	extra := 0.0 // added to every space
	switch {
	case al == alignCenter:
		x = x0 + (x1-x0-l.w)/2
	case al == alignRight:
		x = x1 - l.w
	case al == alignJustify && !l.last && len(l.words) > 1:
		extra = (x1 - x0 - l.w) / float64(len(l.words)-1)
	}
	by := s.baseline(y, size)
	if extra > 0 && !s.tf.wordSpacing() {
		// Place each word.
		for k, wd := range l.words {
			if k > 0 {
				x += space + extra
			}
			for _, p := range wd.parts {
				s.tf.draw(s, p.face, size, x, by, p.text)
				x += s.width(p, size)
			}
		}
		return
	}
	// Draw runs of one face, words and spaces together; justify with the
	// word spacing operator.
	if extra > 0 {
		s.pdf.RawWriteStr(fmt.Sprintf("%.3f Tw", extra*s.pdf.GetConversionRatio()))
		s.wordSpace = extra
	}
	var run strings.Builder
	runFace, spaces := regular, 0
	flush := func() {
		if run.Len() > 0 {
			t := run.String()
			s.tf.draw(s, runFace, size, x, by, t)
			x += s.tf.width(s, runFace, size, t) + float64(spaces)*extra
			run.Reset()
			spaces = 0
		}
	}
	for k, wd := range l.words {
		for j, p := range wd.parts {
			if p.face != runFace {
				flush()
				runFace = p.face
			}
			if k > 0 && j == 0 {
				run.WriteByte(' ')
				spaces++
			}
			run.WriteString(p.text)
		}
	}
	flush()
	if extra > 0 {
		s.pdf.RawWriteStr("0 Tw")
		s.wordSpace = 0
	}
}

// para is a paragraph of body text.
type para struct {
	spans []span
	align align
	hang  float64 // indent of the lines after the first
}

// text draws a paragraph across the text column at s.y, breaking pages
// as needed, and advances s.y past it and the paragraph gap.
func (s *sheet) text(p para) {
	size := s.m.body
	h := s.lineH(size)
	x0, x1 := s.contentL(), s.contentR()
	right := func(y float64) float64 {
		if y < s.floatBottom {
			return s.floatX
		}
		return x1
	}
	ind := func(n int) float64 {
		if n == 0 {
			return 0
		}
		return p.hang
	}
	y0 := s.y
	lines := s.wrap(s.words(p.spans, size), size, func(n int) float64 {
		return right(y0+float64(n)*h) - x0 - ind(n)
	})
	for n, l := range lines {
		s.need(h)
		s.drawLine(l, x0+ind(n), right(s.y), s.y, size, p.align)
		s.y += h
	}
	s.y += s.m.gap
}

// block draws centred lines in the column [x0, x1] from y, without page
// breaks, and returns the bottom and the width of the widest line.
func (s *sheet) block(spans []span, size, x0, x1, y float64) (bottom, widest float64) {
	h := s.lineH(size)
	lines := s.wrap(s.words(spans, size), size, func(int) float64 { return x1 - x0 })
	for _, l := range lines {
		s.drawLine(l, x0, x1, y, size, alignCenter)
		widest = max(widest, l.w)
		y += h
	}
	return y, widest
}

// rule draws a horizontal line.
func (s *sheet) rule(x0, x1, y float64) {
	s.pdf.Line(x0, y, x1, y)
}

// fit returns the largest size not above size at which text fits in w.
func (s *sheet) fit(sp span, size, w float64) float64 {
	if tw := s.width(sp, size); tw > w {
		return size * w / tw
	}
	return size
}

// Header names are broken where a clerk would break them: before the
// locality ("ỦY BAN NHÂN DÂN / PHƯỜNG NINH KIỀU"), never inside a set phrase
// ("HÀNH CHÍNH CÔNG") when another way fits.
var (
	localities = map[string]bool{
		"PHƯỜNG": true, "XÃ": true, "THỊ": true, "ĐẶC": true, "TỈNH": true,
		"THÀNH": true, "QUẬN": true, "HUYỆN": true,
	}
	phrases = map[[2]string]bool{
		{"ỦY", "BAN"}: true, {"BAN", "NHÂN"}: true, {"NHÂN", "DÂN"}: true,
		{"TRUNG", "TÂM"}: true, {"PHỤC", "VỤ"}: true, {"HÀNH", "CHÍNH"}: true,
		{"CHÍNH", "CÔNG"}: true, {"BỘ", "PHẬN"}: true, {"MỘT", "CỬA"}: true,
		{"TIẾP", "NHẬN"}: true, {"KẾT", "QUẢ"}: true, {"THÀNH", "PHỐ"}: true,
		{"THỊ", "XÃ"}: true, {"THỊ", "TRẤN"}: true, {"ĐẶC", "KHU"}: true,
	}
)

// headLines lays out an upper-case header name in lines of at most w,
// scoring every way to break it in the fewest lines or one more.
func (s *sheet) headLines(text string, f face, size, w float64) []line {
	ws := s.words([]span{{text, f}}, size)
	greedy := s.wrap(ws, size, func(int) float64 { return w })
	if len(greedy) == 1 || len(ws) > 16 {
		return greedy
	}
	for _, wd := range ws {
		if wd.w > w {
			return greedy // a word must be split: no choice to make
		}
	}
	space := s.width(span{" ", f}, size)
	word := func(k int) string { return ws[k].parts[0].text }
	// Words from a locality keyword to the end belong to the place name.
	inPlace := make([]bool, len(ws))
	for k := 1; k < len(ws); k++ {
		inPlace[k] = inPlace[k-1] || localities[word(k)]
	}
	best, bestCost := greedy, math.Inf(1)
	var cuts []int // index of the first word of each line after the first
	var try func(from, left int)
	try = func(from, left int) {
		if left == 0 {
			var lines []line
			cost := float64(len(cuts)+1-len(greedy)) * 1.0
			lo, hi := w, 0.0
			start := 0
			for k, end := range append(cuts, len(ws)) {
				l := line{words: ws[start:end], last: k == len(cuts)}
				for j, wd := range l.words {
					if j > 0 {
						l.w += space
					}
					l.w += wd.w
				}
				if l.w > w+0.001 {
					return
				}
				lo, hi = min(lo, l.w), max(hi, l.w)
				lines = append(lines, l)
				start = end
			}
			for _, c := range cuts {
				switch {
				case phrases[[2]string{word(c - 1), word(c)}]:
					cost += 2
				case localities[word(c)] && !inPlace[c-1]:
					cost -= 0.5
				case inPlace[c]:
					cost += 1.5
				}
			}
			cost += (hi - lo) / w * 0.5
			if cost < bestCost {
				best, bestCost = lines, cost
			}
			return
		}
		for c := from; c <= len(ws)-left; c++ {
			cuts = append(cuts, c)
			try(c+1, left-1)
			cuts = cuts[:len(cuts)-1]
		}
	}
	for n := len(greedy); n <= len(greedy)+1 && n <= len(ws); n++ {
		try(1, n-1)
	}
	return best
}

// headBlock draws a header name centred in [x0, x1] from y and returns the
// bottom and the width of the widest line.
func (s *sheet) headBlock(text string, f face, size, x0, x1, y float64) (bottom, widest float64) {
	h := s.lineH(size)
	for _, l := range s.headLines(text, f, size, x1-x0) {
		s.drawLine(l, x0, x1, y, size, alignCenter)
		widest = max(widest, l.w)
		y += h
	}
	return y, widest
}
