package printout

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"motcua/data"
)

// ControlInput is what the control sheet needs.
type ControlInput struct {
	Office  data.Office
	Dossier data.Dossier
	// Steps are the hand-overs the store knows, in order: intake, the
	// manifest to the processing agency, the result coming back, the
	// return.
	Steps []data.HandOver
	// BlankRows is how many empty rows follow Steps for the steps done on
	// paper inside the agency: 0 prints DefaultBlankRows, a negative
	// number none.
	BlankRows int
	// Agency is the processing agency ("Cơ quan (bộ phận) giải quyết hồ
	// sơ") and Partners the agencies that take part; "" leaves dots.
	Agency, Partners string
	// QRPayload is the signed payload that opens the dossier, in the
	// scan-safe alphabet (scan.SignReceipt), encoded exactly as given.
	QRPayload string
	// Forms is the form set to print with; zero picks the set in force
	// when the dossier was received (data.FormSetFor).
	Forms   data.FormSet
	Reprint int
}

// DefaultBlankRows is how many empty rows a control sheet leaves for the
// steps done on paper.
const DefaultBlankRows = 4

// ControlSheet writes the control sheet that travels with a dossier
// (Mẫu số 06 of Circular 03/2025, Mẫu số 05 of 01/2018: "PHIẾU KIỂM SOÁT
// QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"): the dossier's facts, a QR code that opens
// it, and a table with a row per hand-over — the units giving and
// receiving, the time with room for both signatures, the result (early,
// on time, late) and a note — then blank rows for the steps written by
// hand. The columns are those of the 01/2018 implementations
// (notes/legal.md §2.6); the circulars' own drawing was not reachable.
func ControlSheet(w io.Writer, in ControlInput) error {
	if err := writeControl(w, in); err != nil {
		return fmt.Errorf("printout: control sheet: %w", err)
	}
	return nil
}

// controlStep is a row of the control table, cleaned; blank for a row to
// fill in by hand.
type controlStep struct {
	blank                   bool
	when                    string
	fromUnit, from, to, toU string
	result, note            string
}

func writeControl(w io.Writer, in ControlInput) error {
	d := in.Dossier
	switch {
	case d.Code == "":
		return errors.New("the dossier has no code")
	case d.ReceivedAt.IsZero():
		return errors.New("the dossier has no time of receipt")
	case in.QRPayload == "":
		return errors.New("no QR payload")
	}
	_, form, err := formOf(in.Forms, data.FormControl, d.ReceivedAt, d.ReceivedAt)
	if err != nil {
		return err
	}
	unit, code, proc := clean(in.Office.Name), clean(d.Code), clean(d.ProcedureName)
	agency, partners := clean(in.Agency), clean(in.Partners)
	p := applicantOf(d.Applicant)
	texts := append(p.texts(), clean(in.Office.Parent), unit, clean(in.Office.Place), code, proc, agency, partners, form.Title)
	var steps []controlStep
	for _, st := range in.Steps {
		c := controlStep{
			fromUnit: clean(st.FromUnit), from: clean(st.From), toU: clean(st.ToUnit), to: clean(st.To),
			result: clean(st.Result), note: clean(st.Note),
		}
		if !st.At.IsZero() {
			c.when = hm(st.At) + ", ngày " + dmy(st.At)
		}
		steps = append(steps, c)
		texts = append(texts, c.fromUnit, c.from, c.toU, c.to, c.result, c.note)
	}
	blank := in.BlankRows
	if blank == 0 {
		blank = DefaultBlankRows
	}
	for range max(blank, 0) {
		steps = append(steps, controlStep{blank: true})
	}
	sym, err := newQR(in.QRPayload)
	if err != nil {
		return err
	}
	s, err := newFormSheet(in.Office, form.Title+" "+code, unit, texts)
	if err != nil {
		return err
	}
	s.formPage(form, header{parent: clean(in.Office.Parent), unit: unit, place: clean(in.Office.Place), date: d.ReceivedAt}, code)
	if in.Reprint > 0 {
		s.reprintMark(in.Reprint)
	}
	s.qr(sym, code)
	s.text(para{spans: []span{plain("Kèm theo hồ sơ của Ông/Bà: "), strong(p.name)}})
	s.text(para{spans: []span{plain("Nội dung yêu cầu giải quyết: "), strong(proc)}})
	s.text(para{spans: []span{plain("Thời gian nhận hồ sơ: " + hm(d.ReceivedAt) + ", ngày " + dmy(d.ReceivedAt))}})
	due := "ngày ……/……/………"
	if !d.DueDate.IsZero() {
		due = "ngày " + dmy(d.DueDate) + " (" + weekdayOf(d.DueDate) + ")"
	}
	s.text(para{spans: []span{plain("Thời gian hẹn trả kết quả: " + due)}})
	s.text(para{spans: []span{plain("Cơ quan (bộ phận) giải quyết hồ sơ: " + orBlank(agency))}})
	s.text(para{spans: []span{plain("Cơ quan phối hợp giải quyết hồ sơ: " + orBlank(partners))}})
	s.clearFloat()
	s.controlTable(steps)
	return s.write(w)
}

// controlTable draws the hand-over table; its head repeats on every page.
func (s *sheet) controlTable(steps []controlStep) {
	size := s.m.table
	h := s.lineH(size)
	total := s.contentR() - s.contentL()
	widths := []float64{total * 0.26, total * 0.38, total * 0.18, 0}
	widths[3] = total - widths[0] - widths[1] - widths[2]
	headH, drawHead := s.tableHead([][]span{
		{strong("TÊN CƠ QUAN")},
		{strong("THỜI GIAN GIAO, NHẬN HỒ SƠ")},
		{strong("KẾT QUẢ GIẢI QUYẾT HỒ SƠ"), plain(" (Trước hạn/ đúng hạn/ quá hạn)")},
		{strong("GHI CHÚ")},
	}, widths, size)
	room := s.m.sign * 0.6 // for a signature inside a row
	wrapIn := func(spans []span, w float64) []line {
		return s.wrap(s.words(spans, size), size, func(int) float64 { return w - 2*tablePadX })
	}
	half := widths[1] / 2
	type laid struct {
		units      []line
		when       []line
		from, to   []line
		result     []line
		note       []line
		whenBottom float64 // offset of the rule under the time
		height     float64
	}
	layout := func(c controlStep) laid {
		var l laid
		giver, taker := c.fromUnit, c.toU
		when := c.when
		if c.blank {
			when = "…… giờ …… phút, ngày ……/……/………"
		}
		for _, side := range [][2]string{{"Giao: ", giver}, {"Nhận: ", taker}} {
			lead := strong(side[0])
			if side[1] == "" { // dots to the end of the line, to write on
				side[1] = s.dots(widths[0]-2*tablePadX-s.width(lead, size)-s.width(plain(" "), size), size)
			}
			l.units = append(l.units, wrapIn([]span{lead, plain(side[1])}, widths[0])...)
		}
		l.when = wrapIn([]span{plain(orText(when, "……"))}, widths[1])
		l.from = wrapIn([]span{strong(c.from)}, half)
		l.to = wrapIn([]span{strong(c.to)}, half)
		l.result = wrapIn([]span{plain(c.result)}, widths[2])
		l.note = wrapIn([]span{plain(c.note)}, widths[3])
		l.whenBottom = 2*tablePadY + float64(len(l.when))*h
		names := float64(max(len(l.from), len(l.to)))
		col2 := l.whenBottom + tablePadY + h + room + names*h + tablePadY
		l.height = max(col2, float64(len(l.units))*h+2*tablePadY,
			float64(len(l.result))*h+2*tablePadY, float64(len(l.note))*h+2*tablePadY)
		return l
	}
	rows := make([]laid, len(steps))
	for k, c := range steps {
		rows[k] = layout(c)
	}
	if len(rows) > 0 {
		s.need(headH + rows[0].height)
	} else {
		s.need(headH)
	}
	drawHead()
	for _, r := range rows {
		if s.y+r.height > s.limit() {
			s.breakPage()
			drawHead()
		}
		top, x := s.y, s.contentL()
		for _, w := range widths {
			s.pdf.Rect(x, top, w, r.height, "D")
			x += w
		}
		// Units: from the top.
		x = s.contentL()
		y := top + tablePadY
		for _, l := range r.units {
			s.drawLine(l, x+tablePadX, x+widths[0]-tablePadX, y, size, alignLeft)
			y += h
		}
		// Time, a rule, then the two signatures side by side.
		x += widths[0]
		y = top + tablePadY
		for _, l := range r.when {
			s.drawLine(l, x+tablePadX, x+widths[1]-tablePadX, y, size, alignCenter)
			y += h
		}
		rule := top + r.whenBottom
		s.rule(x, x+widths[1], rule)
		s.pdf.Line(x+half, rule, x+half, top+r.height)
		for k, side := range []struct {
			label string
			names []line
		}{{"Người giao", r.from}, {"Người nhận", r.to}} {
			x0 := x + float64(k)*half
			words := s.wrap(s.words([]span{em(side.label)}, size), size, func(int) float64 { return half - 2*tablePadX })
			s.drawLine(words[0], x0+tablePadX, x0+half-tablePadX, rule+tablePadY, size, alignCenter)
			ny := top + r.height - tablePadY - float64(len(side.names))*h
			for _, l := range side.names {
				s.drawLine(l, x0+tablePadX, x0+half-tablePadX, ny, size, alignCenter)
				ny += h
			}
		}
		// Result and note: in the middle of the row.
		x += widths[1]
		for c, lines := range [][]line{r.result, r.note} {
			w := widths[2+c]
			y := top + (r.height-float64(len(lines))*h)/2
			for _, l := range lines {
				s.drawLine(l, x+tablePadX, x+w-tablePadX, y, size, alignCenter)
				y += h
			}
			x += w
		}
		s.y = top + r.height
	}
	s.y += s.m.gap + 0.8
}

// dots is a run of dots as wide as w, at most, to write on by hand.
func (s *sheet) dots(w, size float64) string {
	n := int(w / s.width(plain("…"), size))
	return strings.Repeat("…", max(n, 1))
}
