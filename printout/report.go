package printout

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"motcua/chart"
	"motcua/data"
	"motcua/data/report"
)

// PeriodInput is what the period report needs.
type PeriodInput struct {
	Office  data.Office
	Report  report.Report
	Charts  chart.Images
	Officer string // who made it, signing as the head of the unit
	At      time.Time
}

// periodTitle is the report's title.
const periodTitle = "BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ"

// PeriodLine is the period as the report says it.
func PeriodLine(r report.Report) string {
	return "Kỳ báo cáo: từ ngày " + dmy(r.From) + " đến ngày " + dmy(r.To)
}

// PeriodReport writes the period report on A4 landscape: the figures of
// the office, the charts, the figures by field, procedure and receiving
// officer, the citizens' ratings and the dossiers overdue at the end.
func PeriodReport(w io.Writer, in PeriodInput) error {
	if err := writePeriod(w, in); err != nil {
		return fmt.Errorf("printout: period report: %w", err)
	}
	return nil
}

func writePeriod(w io.Writer, in PeriodInput) error {
	r := in.Report
	texts := []string{clean(in.Office.Parent), clean(in.Office.Name), clean(in.Office.Place), clean(in.Officer)}
	rowsOf := func(rows []report.Row, name func(report.Row) string) [][]string {
		out := make([][]string, len(rows))
		for i, x := range rows {
			out[i] = append([]string{clean(name(x))}, x.Cells()...)
			texts = append(texts, out[i][0])
		}
		return out
	}
	fields := rowsOf(r.ByField, func(x report.Row) string { return orText(x.Key, "Chưa rõ lĩnh vực") })
	procs := rowsOf(r.ByProcedure, func(x report.Row) string { return x.Key + " " + x.Name })
	officers := rowsOf(r.ByOfficer, func(x report.Row) string { return orText(x.Key, "Chưa rõ") })
	overdue := make([][]string, len(r.Overdue))
	for i, o := range r.Overdue {
		overdue[i] = []string{strconv.Itoa(i + 1), clean(o.Code), clean(o.Procedure), clean(o.Officer), dmy(o.Received), dmy(o.Due), strconv.Itoa(o.DaysLate)}
		texts = append(texts, overdue[i]...)
	}
	s, err := newSheet(landscape, periodTitle, clean(in.Office.Name), texts)
	if err != nil {
		return err
	}
	s.page()
	s.cont = func() { s.continuation(periodTitle + " – " + PeriodLine(r) + " (tiếp theo)") }
	s.header(header{parent: clean(in.Office.Parent), unit: clean(in.Office.Name), place: clean(in.Office.Place), date: in.At})
	s.y += s.lineH(s.m.body) * 0.9
	s.y, _ = s.block([]span{strong(periodTitle)}, s.m.title, s.contentL(), s.contentR(), s.y)
	s.y, _ = s.block([]span{plain(PeriodLine(r))}, s.m.body, s.contentL(), s.contentR(), s.y)
	s.y += s.m.gap * 3

	var lines [][]string
	for k, l := range r.Figures.Lines() {
		lines = append(lines, []string{strconv.Itoa(k + 1), l.Label, l.Value})
	}
	s.table([]span{strong("I. Số liệu chung của đơn vị")}, []column{{head: "TT", width: 12, align: alignCenter},
		{head: "Chỉ tiêu"}, {head: "Số hồ sơ", width: 40, align: alignRight}}, lines, s.m.table)
	s.y += s.m.gap * 2

	if err := s.charts(in.Charts); err != nil {
		return err
	}
	size := 8.0
	cols := func(head string) []column {
		cs := []column{{head: head}}
		for _, c := range report.Columns {
			cs = append(cs, column{head: c, width: 12.5, align: alignRight})
		}
		return cs
	}
	s.table([]span{strong("III. Theo lĩnh vực")}, cols("Lĩnh vực"), fields, size)
	s.y += s.m.gap * 2
	s.table([]span{strong("IV. Theo thủ tục")}, cols("Thủ tục"), procs, size)
	s.y += s.m.gap * 2
	s.table([]span{strong("V. Theo cán bộ tiếp nhận")}, cols("Cán bộ"), officers, size)
	s.y += s.m.gap * 2

	rt := r.Ratings
	s.table([]span{strong("VI. Đánh giá của người dân trong kỳ")}, []column{{head: "Mức"}, {head: "Số lượt", width: 40, align: alignRight}},
		[][]string{{"Rất hài lòng", strconv.Itoa(rt.VerySatisfied)}, {"Hài lòng", strconv.Itoa(rt.Satisfied)},
			{"Không hài lòng", strconv.Itoa(rt.Unsatisfied)}, {"Tổng số", strconv.Itoa(rt.Total())}}, s.m.table)
	s.y += s.m.gap * 2

	if len(overdue) == 0 {
		s.text(para{spans: []span{strong("VII. Hồ sơ đang giải quyết quá hạn: "), plain("không có.")}})
	} else {
		s.table([]span{strong("VII. Hồ sơ đang giải quyết quá hạn khi hết kỳ")}, []column{{head: "TT", width: 12, align: alignCenter},
			{head: "Mã hồ sơ", width: 62}, {head: "Thủ tục"}, {head: "Cán bộ tiếp nhận", width: 45},
			{head: "Ngày nhận", width: 24, align: alignCenter}, {head: "Hẹn trả", width: 24, align: alignCenter},
			{head: "Số ngày quá", width: 22, align: alignRight}}, overdue, size)
	}
	s.signatures(signer{title: "NGƯỜI LẬP BÁO CÁO", name: clean(in.Officer)}, signer{title: "THỦ TRƯỞNG ĐƠN VỊ", hint: "(Ký, ghi rõ họ tên và đóng dấu)"})
	return s.write(w)
}

// charts draws the report's three charts, each the column's width.
func (s *sheet) charts(im chart.Images) error {
	w := 190.0
	h := w * float64(chart.Height) / float64(chart.Width)
	s.need(s.lineH(s.m.body) + s.m.gap + h)
	s.text(para{spans: []span{strong("II. Biểu đồ")}})
	for i, png := range [][]byte{im.Received, im.Resolved, im.Overdue} {
		if len(png) == 0 {
			continue
		}
		name := "chart" + strconv.Itoa(i)
		s.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
		s.need(h + s.m.gap)
		x := s.contentL() + (s.contentR()-s.contentL()-w)/2
		s.pdf.ImageOptions(name, x, s.y, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		s.y += h + s.m.gap*2
	}
	return s.pdf.Error()
}

// PostalInput is what the quarterly postal report needs.
type PostalInput struct {
	Office  data.Office
	Report  report.Postal
	Officer string
	At      time.Time
}

const postalTitle = "BÁO CÁO TÌNH HÌNH CUNG CẤP DỊCH VỤ BƯU CHÍNH CÔNG ÍCH"

// PostalLines are the postal report's figures as printed.
func PostalLines(r report.Postal) [][2]string {
	n := strconv.Itoa
	lines := [][2]string{
		{"Hồ sơ tiếp nhận qua bưu chính (biên bản giao nhận từ bưu điện)", n(r.ReceivedByPost)},
		{"Kết quả chuyển trả qua bưu chính (biên bản giao kết quả)", n(r.ResultsByPost)},
		{"Kết quả đã phát cho người dân", n(r.Delivered)},
		{"Lần phát không thành công", n(r.FailedAttempts)},
		{"Kết quả chuyển lại đơn vị sau hai lần phát không thành công", n(r.ReturnedToOffice)},
		{"Phí, lệ phí bưu điện thu hộ (đồng)", money(r.PostalFees)},
		{"Chênh lệch phát hiện khi đối chiếu biên bản", n(r.ReconciliationDifferences)},
		{"Hồ sơ biết ngày bưu điện nhận từ người dân", n(r.FilingDays.Known)},
		{"  – đến đơn vị trong thời hạn J+n", n(r.FilingDays.WithinLimit)},
		{"  – đến đơn vị quá thời hạn J+n", n(r.FilingDays.OverLimit)},
	}
	if o := r.Operator; o != nil {
		lines = append(lines, [2]string{"Bưu điện thông báo đã nhận", n(o.Announced)},
			[2]string{"Đã thông báo nhưng chưa giao cho đơn vị", n(o.AnnouncedNotHandedOver)},
			[2]string{"Đã giao nhưng bưu điện chưa thông báo", n(o.HandedOverNotAnnounced)})
	}
	return lines
}

// PostalReport writes the quarterly postal report on A4.
func PostalReport(w io.Writer, in PostalInput) error {
	texts := []string{clean(in.Office.Parent), clean(in.Office.Name), clean(in.Office.Place), clean(in.Officer)}
	s, err := newSheet(a4, postalTitle, clean(in.Office.Name), texts)
	if err != nil {
		return fmt.Errorf("printout: postal report: %w", err)
	}
	s.page()
	s.cont = func() { s.continuation(postalTitle + " (tiếp theo)") }
	s.header(header{parent: clean(in.Office.Parent), unit: clean(in.Office.Name), place: clean(in.Office.Place), date: in.At})
	s.y += s.lineH(s.m.body) * 0.9
	s.y, _ = s.block([]span{strong(postalTitle)}, s.m.title, s.contentL(), s.contentR(), s.y)
	s.y, _ = s.block([]span{plain(in.Report.Quarter.Label())}, s.m.body, s.contentL(), s.contentR(), s.y)
	s.y += s.m.gap * 3
	var rows [][]string
	for k, l := range PostalLines(in.Report) {
		rows = append(rows, []string{strconv.Itoa(k + 1), l[0], l[1]})
	}
	s.table(nil, []column{{head: "TT", width: 12, align: alignCenter}, {head: "Chỉ tiêu"}, {head: "Số liệu", width: 32, align: alignRight}}, rows, s.m.table)
	s.signatures(signer{title: "NGƯỜI LẬP BÁO CÁO", name: clean(in.Officer)}, signer{title: "THỦ TRƯỞNG ĐƠN VỊ", hint: "(Ký, ghi rõ họ tên và đóng dấu)"})
	if err := s.write(w); err != nil {
		return fmt.Errorf("printout: postal report: %w", err)
	}
	return nil
}
