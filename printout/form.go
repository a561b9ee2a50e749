// Package printout writes the forms an office prints, as PDF: Form 01 (the
// receipt), Form 02 (request to complete a dossier) and Form 03 (refusal)
// of Circular 01/2018, laid out as Decree 30/2020 wants (Times New Roman
// metrics, A4 margins 20/20/30/15 mm; A5 scaled). Every text passes
// through data.Clean before it is printed.
package printout

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/skip2/go-qrcode"

	"motcua/data"
)

// Paper sizes.
const A4, A5 = "A4", "A5"

// header is the text of the two header columns of every form.
type header struct {
	parent, unit string    // upper-cased on print
	number       string    // "Số: …" line; "" for none
	place        string    // place name of the date line
	date         time.Time // date of the document
}

// party is the applicant as forms print them.
type party struct {
	name, id, address, phone, email string
}

func applicantOf(a data.Applicant) party {
	return party{clean(a.Name), clean(a.IDNumber), clean(a.Address), clean(a.Phone), clean(a.Email)}
}

func (p party) texts() []string { return []string{p.name, p.id, p.address, p.phone, p.email} }

// newSheet starts a document. Its fonts are the simple ones unless some
// text needs a character they lack.
func newSheet(m metrics, title, author string, texts []string) (*sheet, error) {
	set, full, err := loadFonts()
	if err != nil {
		return nil, err
	}
	var tf typeface = simpleFaces{set}
	if !set.covers(texts) {
		tf = fullFaces{full}
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: m.pageW, Ht: m.pageH},
	})
	pdf.SetMargins(m.left, m.top, m.right)
	pdf.SetAutoPageBreak(false, m.bottom)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false)
	pdf.SetTitle(title, true)
	pdf.SetAuthor(author, true)
	pdf.SetCreator("Một Cửa", true)
	tf.register(pdf)
	pdf.SetLineWidth(0.2)
	return &sheet{pdf: pdf, tf: tf, m: m}, pdf.Error()
}

// newFormSheet starts a document on the office's paper; texts are every
// text it will print, so that its fonts cover them.
func newFormSheet(office data.Office, title, author string, texts []string) (*sheet, error) {
	m, err := metricsFor(office.PaperSize)
	if err != nil {
		return nil, err
	}
	return newSheet(m, title, author, texts)
}

// formPage starts a page of a dossier's form: its number as the circular
// prints it, the header, the title; later pages say which dossier and
// form they go on with.
func (s *sheet) formPage(form data.FormSpec, h header, code string) {
	s.page()
	s.cont = func() { s.continuation("Mã hồ sơ: " + code + " – " + form.Title + " (tiếp theo)") }
	s.formNumber(form)
	s.header(h)
	s.title(form.Heading(), code)
}

// write finishes the document.
func (s *sheet) write(w io.Writer) error {
	return s.pdf.Output(w)
}

// header draws the two header columns (Decree 30/2020 layout): on the left
// the parent authority, the unit in bold with a short rule under it and the
// number; on the right the national name, the motto with a rule as long as
// it, and the place and date in italics, on the line of the number.
func (s *sheet) header(h header) {
	m := s.m
	lx0, lx1 := s.contentL(), s.contentL()+m.headLeft
	rx0, rx1 := lx1+2, s.contentR()

	y := s.y
	ly := y
	if h.parent != "" {
		ly, _ = s.headBlock(strings.ToUpper(h.parent), regular, m.head, lx0, lx1, ly)
	}
	ly, unitW := s.headBlock(strings.ToUpper(h.unit), bold, m.head, lx0, lx1, ly)
	ly += 0.8
	cx := (lx0 + lx1) / 2
	s.rule(cx-unitW*0.2, cx+unitW*0.2, ly)

	const nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	const motto = "Độc lập - Tự do - Hạnh phúc"
	ry, _ := s.block([]span{strong(nation)}, s.fit(strong(nation), m.head, rx1-rx0), rx0, rx1, y)
	mottoSize := s.fit(strong(motto), m.motto, rx1-rx0)
	ry, mottoW := s.block([]span{strong(motto)}, mottoSize, rx0, rx1, ry)
	ry += 0.2
	rcx := (rx0 + rx1) / 2
	s.rule(rcx-mottoW/2, rcx+mottoW/2, ry)

	y = max(ly, ry) + 2.2
	var bottom float64
	if h.number != "" {
		bottom, _ = s.block([]span{plain(h.number)}, m.body, lx0, lx1, y)
	}
	date := em(placeDate(h.place, h.date))
	dy, _ := s.block([]span{date}, s.fit(date, m.body, rx1-rx0), rx0, rx1, y)
	s.y = max(bottom, dy)
}

// continuation draws the minimal header of a page after the first.
func (s *sheet) continuation(label string) {
	sp := em(label)
	size := s.fit(sp, s.m.small, s.contentR()-s.contentL())
	s.block([]span{sp}, size, s.contentL(), s.contentR(), s.y)
	s.y += s.lineH(size) + 0.5
	s.rule(s.contentL(), s.contentR(), s.y)
	s.y += 2
}

// title draws the form title, the dossier code and the lines under them.
func (s *sheet) title(title, code string, lines ...[]span) {
	m := s.m
	s.y += s.lineH(m.body) * 0.9
	// A title on two lines is broken evenly, never leaving a word alone.
	for _, l := range s.balanced([]span{strong(title)}, m.title, s.contentR()-s.contentL()) {
		s.drawLine(l, s.contentL(), s.contentR(), s.y, m.title, alignCenter)
		s.y += s.lineH(m.title)
	}
	s.y, _ = s.block([]span{plain("Mã hồ sơ: "), strong(code)}, m.body, s.contentL(), s.contentR(), s.y)
	for _, l := range lines {
		s.y, _ = s.block(l, m.body, s.contentL(), s.contentR(), s.y)
	}
	s.y += s.lineH(m.body) * 0.4
}

// reprintMark draws "BẢN IN LẠI (lần n)" in a box, centred.
func (s *sheet) reprintMark(n int) {
	size := s.m.body
	sp := strong(fmt.Sprintf("BẢN IN LẠI (lần %d)", n))
	w := s.width(sp, size) + 4
	h := s.lineH(size)
	x := (s.contentL()+s.contentR())/2 - w/2
	s.pdf.Rect(x, s.y, w, h, "D")
	s.block([]span{sp}, size, s.contentL(), s.contentR(), s.y)
	s.y += h + s.m.gap
}

// qrSymbol is a QR code ready to draw: its size in modules and a PDF path
// of one rectangle per run of dark modules in a row, in module units.
type qrSymbol struct {
	n    int
	path string
}

// newQR encodes payload with error correction level Q (go-qrcode calls it
// High), as it is: the payload is signed.
func newQR(payload string) (*qrSymbol, error) {
	q, err := qrcode.New(payload, qrcode.High)
	if err != nil {
		return nil, fmt.Errorf("QR code: %w", err)
	}
	q.DisableBorder = true
	bm := q.Bitmap()
	var path []byte
	for row, bits := range bm {
		for c := 0; c < len(bits); {
			if !bits[c] {
				c++
				continue
			}
			e := c
			for e < len(bits) && bits[e] {
				e++
			}
			path = strconv.AppendInt(path, int64(c), 10)
			path = append(path, ' ')
			path = strconv.AppendInt(path, int64(row), 10)
			path = append(path, ' ')
			path = strconv.AppendInt(path, int64(e-c), 10)
			path = append(path, " 1.02 re\n"...) // rows overlap: no hairline seams
			c = e
		}
	}
	return &qrSymbol{n: len(bm), path: string(path)}, nil
}

// qr draws a QR code at the top right of the text that follows, with the
// code printed under it, and makes the text flow to its left.
func (s *sheet) qr(sym *qrSymbol, code string) {
	w := s.m.qr
	mod := w / float64(sym.n)
	quiet := 4 * mod

	label := plain(code)
	size := s.fit(label, s.m.small, w+2*quiet)
	box := max(w, s.width(label, size))
	x1 := s.contentR()
	x := x1 - box/2 - w/2
	top := s.y + 1

	// Module units, y downwards, origin at the top left corner.
	k := s.pdf.GetConversionRatio()
	s.pdf.RawWriteStr(fmt.Sprintf("q 0 g %.4f 0 0 %.4f %.3f %.3f cm\n%sf Q", mod*k, -mod*k, x*k, (s.m.pageH-top)*k, sym.path))

	ly := top + w + quiet*0.6
	s.block([]span{label}, size, x1-box, x1, ly)
	s.floatX = x1 - box - max(quiet, 3)
	s.floatBottom = ly + s.lineH(size)
}

// clearFloat moves below the floating QR code.
func (s *sheet) clearFloat() {
	if s.y < s.floatBottom {
		s.y = s.floatBottom + s.m.gap
	}
	s.floatBottom = 0
}

// signer is one signature block.
type signer struct {
	title string // upper case, bold
	name  string // printed under the room for the signature; may be ""
	hint  string // under the title; "" is "(Ký và ghi rõ họ tên)"
}

// signatures draws signature blocks side by side, kept on one page.
func (s *sheet) signatures(blocks ...signer) {
	m := s.m
	h := s.lineH(m.body)
	w := (s.contentR() - s.contentL()) / float64(len(blocks))
	texts := func(sg signer) [][]span {
		hint := sg.hint
		if hint == "" {
			hint = "(Ký và ghi rõ họ tên)"
		}
		t := [][]span{{strong(sg.title)}, {em(hint)}}
		if sg.name != "" {
			t = append(t, []span{strong(sg.name)})
		}
		return t
	}
	// Keep every block whole on one page: measure the tallest first.
	tallest := 0.0
	for _, sg := range blocks {
		n := 0
		for _, t := range texts(sg) {
			n += len(s.wrap(s.words(t, m.body), m.body, func(int) float64 { return w }))
		}
		tallest = max(tallest, float64(n)*h+m.sign)
	}
	s.need(m.gap + tallest)
	s.y += m.gap
	var bottom float64
	for k, sg := range blocks {
		x0 := s.contentL() + float64(k)*w
		y := s.y
		for j, t := range texts(sg) {
			if j == 2 {
				y += m.sign
			}
			y, _ = s.block(t, m.body, x0, x0+w, y)
		}
		if len(texts(sg)) == 2 {
			y += m.sign
		}
		bottom = max(bottom, y)
	}
	s.y = bottom
}

// weekdays are the days of the week as forms write them.
var weekdays = [...]string{"Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"}

// placeDate is "<place>, ngày dd tháng mm năm yyyy" as Decree 30/2020
// writes it: days below 10 and the months 1 and 2 take a leading zero.
func placeDate(place string, t time.Time) string {
	t = t.In(data.Zone)
	month := strconv.Itoa(int(t.Month()))
	if t.Month() <= 2 {
		month = "0" + month
	}
	d := fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
	if place == "" {
		return d
	}
	return place + ", " + d
}

// dmy is dd/mm/yyyy in Vietnam's time zone.
func dmy(t time.Time) string { return t.In(data.Zone).Format("02/01/2006") }

// hm is "HH giờ MM phút" in Vietnam's time zone.
func hm(t time.Time) string {
	t = t.In(data.Zone)
	return fmt.Sprintf("%02d giờ %02d phút", t.Hour(), t.Minute())
}

// partyLines are the applicant's lines: name (after lead), ID, address,
// phone and email.
func (s *sheet) partyLines(lead string, p party) {
	s.text(para{spans: []span{plain(lead + "Ông/Bà: "), strong(p.name)}})
	if p.id != "" {
		s.text(para{spans: []span{plain("Số định danh cá nhân: "), plain(p.id)}})
	}
	if p.address != "" {
		s.text(para{spans: []span{plain("Địa chỉ: "), plain(p.address)}})
	}
	phone := []span{plain("Số điện thoại: " + p.phone)}
	email := []span{plain("Email: " + p.email)}
	switch {
	case p.phone != "" && p.email != "":
		s.pair(phone, email)
	case p.phone != "":
		s.text(para{spans: phone})
	case p.email != "":
		s.text(para{spans: email})
	}
}

// pair draws two short texts on one line, the second from the middle of
// the column, as the official forms do for phone and email; on two lines
// when they do not fit.
func (s *sheet) pair(a, b []span) {
	size := s.m.body
	x0, x1 := s.contentL(), s.contentR()
	if s.y < s.floatBottom {
		x1 = s.floatX
	}
	mid := x0 + (x1-x0)*0.4
	wa, wb := 0.0, 0.0
	for _, sp := range a {
		wa += s.width(sp, size)
	}
	for _, sp := range b {
		wb += s.width(sp, size)
	}
	mid = max(mid, x0+wa+s.lineH(size)*1.5)
	if wb > x1-mid {
		s.text(para{spans: a})
		s.text(para{spans: b})
		return
	}
	h := s.lineH(size)
	s.need(h)
	for _, c := range []struct {
		spans []span
		x     float64
	}{{a, x0}, {b, mid}} {
		ws := s.words(c.spans, size)
		s.drawLine(s.wrap(ws, size, func(int) float64 { return x1 - c.x })[0], c.x, x1, s.y, size, alignLeft)
	}
	s.y += h + s.m.gap
}
