package printout

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"motcua/assets"
	"motcua/data"
)

// Forms print in Tinos (metrics of Times New Roman), in three faces. Bold
// Italic is never loaded.
//
// fpdf's UTF-8 fonts are slow to add to a document: every document parses
// the TrueType file, hashes a 65,536-entry width table through
// encoding/json and, on output, subsets and compresses the font again —
// about 1.6 ms a face, 5 ms a receipt. So the texts a form normally holds
// (ASCII, Latin-1, Vietnamese, common punctuation) print through simple
// TrueType fonts instead, prepared once per process: each face is cut down
// to those characters and compressed once, and two 8-bit encodings (code
// pages) reach all of them: page 0 is ASCII plus 129 more, page 1 up to
// 223 more (never at byte 32, which the Tw operator widens), every glyph
// named uniXXXX in the encoding's Differences. Adding such a font to a document only decodes
// a small JSON definition, and the compressed file is written as it is.
// Viewers and pdftotext map the glyph names back to Unicode. A document
// with any other character falls back to the UTF-8 fonts, uncut.

// face is a style of Tinos.
type face int

const (
	regular face = iota
	bold
	italic
	nFaces
)

// style is the face as fpdf names it.
func (f face) style() string { return [...]string{"", "B", "I"}[f] }

var faceFiles = [nFaces]string{
	"fonts/Tinos-Regular.ttf",
	"fonts/Tinos-Bold.ttf",
	"fonts/Tinos-Italic.ttf",
}

// fullFamily is the family of the UTF-8 fonts.
const fullFamily = "tinos"

// maxSimple bounds the runes of the simple fonts (№ is the highest).
const maxSimple = 0x2200

// simpleRunes are the characters the simple fonts carry, most frequent
// first: page 0 holds ASCII at its own codes, then the Vietnamese letters,
// đ and Đ before the capitals (a text switches pages at every character
// of the other page, and a name or a place seldom lacks a đ).
func simpleRunes() []rune {
	var rs []rune
	for r := rune(0x20); r < 0x7F; r++ {
		rs = append(rs, r)
	}
	vowels := func(bases string) {
		for _, base := range bases {
			for _, mark := range []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"} {
				rs = append(rs, []rune(data.Clean(string(base)+mark))...)
			}
		}
	}
	vowels("aăâeêioôơuưy")
	rs = append(rs, 'đ', 'Đ')
	vowels("AĂÂEÊIOÔƠUƯY")
	rs = append(rs, []rune("–—‘’‚“”„•…‰‹›€₫№™†‡")...)
	for r := rune(0xA0); r <= 0xFF; r++ {
		rs = append(rs, r)
	}
	seen := map[rune]bool{}
	out := rs[:0]
	for _, r := range rs {
		if !seen[r] && r != 0xA0 && r != 0xAD { // no-break space, soft hyphen
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// simpleFace is one face of Tinos as simple fonts.
type simpleFace struct {
	defs  [2][]byte         // JSON definitions of code pages 0 and 1
	z     []byte            // the cut font, compressed
	width [maxSimple]uint16 // advance of each rune, in 1/1000 em
}

// simpleSet is the simple fonts of the three faces.
type simpleSet struct {
	code  [maxSimple]uint16 // rune → page<<8 | byte, +1; 0 where absent
	runes [2][256]rune      // code page, byte → rune
	faces [nFaces]simpleFace
}

// fontDef is fpdf's JSON font definition (the fields of its fontDefType).
type fontDef struct {
	Tp           string
	Name         string
	Desc         fpdf.FontDescType
	Up, Ut       int
	Cw           []int
	Enc          string
	Diff         string
	File         string
	OriginalSize int
}

var (
	fontsOnce sync.Once
	simple    *simpleSet
	fullFonts [nFaces][]byte
	fontsErr  error
)

// loadFonts reads the embedded faces and prepares the simple fonts, once
// per process (some tens of milliseconds).
func loadFonts() (*simpleSet, *[nFaces][]byte, error) {
	fontsOnce.Do(func() {
		simple, fontsErr = buildSimple()
		if fontsErr != nil {
			fontsErr = fmt.Errorf("load fonts: %w", fontsErr)
		}
	})
	return simple, &fullFonts, fontsErr
}

func buildSimple() (*simpleSet, error) {
	set := &simpleSet{}
	runes := simpleRunes()
	pages := &set.runes
	p, c := 0, 0x7F
	for _, r := range runes {
		if r < 0x7F {
			pages[0][r] = r
			set.code[r] = uint16(r) + 1
			continue
		}
		if c > 0xFF {
			p, c = p+1, 0x21 // not 32: Tw would widen it
		}
		if p > 1 {
			return nil, fmt.Errorf("%d characters do not fit two code pages", len(runes))
		}
		pages[p][c] = r
		set.code[r] = uint16(p<<8|c) + 1
		c++
	}
	var names [2]string
	for k := range pages {
		var diff strings.Builder
		last := -2
		for c, r := range pages[k] {
			if r == 0 || k == 0 && r < 0x7F {
				continue // page 0 keeps the standard names of ASCII
			}
			if c != last+1 {
				fmt.Fprintf(&diff, "%d ", c)
			}
			fmt.Fprintf(&diff, "/uni%04X ", r)
			last = c
		}
		names[k] = strings.TrimSpace(diff.String())
	}

	for f := range nFaces {
		full, err := assets.Fonts.ReadFile(faceFiles[f])
		if err != nil {
			return nil, err
		}
		fullFonts[f] = full
		cut := fpdf.UTF8CutFont(full, string(runes))
		if len(cut) == 0 {
			return nil, fmt.Errorf("cannot cut %s", faceFiles[f])
		}
		// Measure through fpdf itself, so widths match its UTF-8 fonts.
		m := fpdf.New("P", "mm", "A4", "")
		m.AddUTF8FontFromBytes("m", "", cut)
		m.SetFont("m", "", 10)
		if err := m.Error(); err != nil {
			return nil, fmt.Errorf("parse %s: %w", faceFiles[f], err)
		}
		sf := &set.faces[f]
		for _, r := range runes {
			sf.width[r] = uint16(m.GetStringSymbolWidth(string(r)))
		}
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		if _, err := zw.Write(cut); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		sf.z = z.Bytes()
		desc := m.GetFontDesc("m", "")
		desc.Flags = fpdf.FontFlagNonsymbolic | fpdf.FontFlagSerif
		if f == italic {
			desc.Flags |= fpdf.FontFlagItalic
		}
		name := strings.TrimSuffix(strings.TrimPrefix(faceFiles[f], "fonts/"), ".ttf")
		for k := range pages {
			def := fontDef{
				Tp: "TrueType", Name: name, Desc: desc, Up: -100, Ut: 50,
				Cw: make([]int, 256), Enc: fmt.Sprintf("motcua-%d", k), Diff: names[k],
				File: strings.ToLower(name) + ".z", OriginalSize: len(cut),
			}
			for c, r := range pages[k] {
				if r != 0 {
					def.Cw[c] = int(sf.width[r])
				}
			}
			if sf.defs[k], err = json.Marshal(def); err != nil {
				return nil, err
			}
		}
	}
	return set, nil
}

// typeface measures and draws text in one document's fonts.
type typeface interface {
	register(pdf *fpdf.Fpdf)
	// width is the advance of txt in millimetres.
	width(s *sheet, f face, size float64, txt string) float64
	// draw draws txt with its baseline at (x, y).
	draw(s *sheet, f face, size, x, y float64, txt string)
	// wordSpacing reports whether the PDF word spacing operator (Tw)
	// widens the spaces of the text drawn: only byte 32 of simple fonts.
	wordSpacing() bool
}

// pageFamilies name the simple fonts of code pages 0 and 1.
var pageFamilies = [2]string{"tinoscp0", "tinoscp1"}

// simpleFaces draws through the simple fonts.
type simpleFaces struct{ set *simpleSet }

func (t simpleFaces) register(pdf *fpdf.Fpdf) {
	for f := range nFaces {
		for k, def := range t.set.faces[f].defs {
			pdf.AddFontFromBytes(pageFamilies[k], f.style(), def, t.set.faces[f].z)
		}
	}
}

func (simpleFaces) wordSpacing() bool { return true }

func (t simpleFaces) width(_ *sheet, f face, size float64, txt string) float64 {
	w := 0
	tab := &t.set.faces[f].width
	for _, r := range txt {
		if r < maxSimple {
			w += int(tab[r])
		}
	}
	return float64(w) * size * ptMM / 1000
}

// draw writes txt in runs of one code page.
func (t simpleFaces) draw(s *sheet, f face, size, x, y float64, txt string) {
	tab := &t.set.faces[f].width
	var buf [64]byte
	run := buf[:0]
	page, w := -1, 0
	flush := func() {
		if len(run) > 0 {
			s.font(pageFamilies[page], f, size)
			s.rawText(x+float64(w)*size*ptMM/1000, y, run)
			for _, c := range run {
				w += int(tab[t.set.runes[page][c]])
				if c == ' ' {
					x += s.wordSpace // widened by Tw
				}
			}
			run = run[:0]
		}
	}
	for _, r := range txt {
		var code uint16
		if r < maxSimple {
			code = t.set.code[r]
		}
		if code == 0 {
			continue // never: such texts print with the UTF-8 fonts
		}
		code--
		if p := int(code >> 8); p != page {
			flush()
			page = p
		}
		run = append(run, byte(code))
	}
	flush()
}

// rawText writes what fpdf's Text writes for a simple font, "BT x y Td
// (txt) Tj ET", without its formatting and escaping passes: a register
// draws hundreds of thousands of them.
func (s *sheet) rawText(x, y float64, txt []byte) {
	k := s.pdf.GetConversionRatio()
	_, h := s.pdf.GetPageSize()
	b := append(s.op[:0], "BT "...)
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, c := range txt {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	b = append(b, ") Tj ET"...)
	s.op = b
	s.pdf.RawWriteStr(string(b))
}

// covers reports whether the simple fonts carry every rune of texts, and
// of texts in upper case (headers print so).
func (set *simpleSet) covers(texts []string) bool {
	has := func(r rune) bool { return r < maxSimple && set.code[r] != 0 }
	for _, t := range texts {
		for _, r := range t {
			if !has(r) || !has(unicode.ToUpper(r)) {
				return false
			}
		}
	}
	return true
}

// fullFaces draws through fpdf's UTF-8 fonts.
type fullFaces struct{ files *[nFaces][]byte }

func (t fullFaces) register(pdf *fpdf.Fpdf) {
	for f := range nFaces {
		pdf.AddUTF8FontFromBytes(fullFamily, f.style(), t.files[f])
	}
}

func (fullFaces) wordSpacing() bool { return false }

func (t fullFaces) width(s *sheet, f face, size float64, txt string) float64 {
	s.font(fullFamily, f, size)
	return s.pdf.GetStringWidth(txt)
}

func (t fullFaces) draw(s *sheet, f face, size, x, y float64, txt string) {
	s.font(fullFamily, f, size)
	s.pdf.Text(x, y, txt)
}

// clean prepares a text for the PDF: data.Clean (NFC, folded spaces), then
// every rune fpdf cannot take (outside the Basic Multilingual Plane, or a
// control character) becomes U+FFFD.
func clean(s string) string {
	s = data.Clean(s)
	for _, r := range s {
		if r > 0xFFFF || unicode.IsControl(r) {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF || unicode.IsControl(r) {
					return unicode.ReplacementChar
				}
				return r
			}, s)
		}
	}
	return s
}
