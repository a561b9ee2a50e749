package printout

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"motcua/data/report"
)

// Sheet names of the period report's workbook.
const (
	SheetSummary    = "Tổng hợp"
	SheetFields     = "Theo lĩnh vực"
	SheetProcedures = "Theo thủ tục"
	SheetOfficers   = "Theo cán bộ"
	SheetOverdue    = "Quá hạn"
	SheetPostal     = "Bưu chính"
)

// workbook writes rows into sheets, numbers as numbers.
type workbook struct {
	f    *excelize.File
	bold int
	err  error
}

func newWorkbook() *workbook {
	f := excelize.NewFile()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	return &workbook{f: f, bold: bold, err: err}
}

// sheet writes a sheet: a title row, a head row (bold, frozen) and rows,
// cells that read as whole numbers stored as numbers.
func (b *workbook) sheet(name, title string, head []string, rows [][]string, widths ...float64) {
	if b.err != nil {
		return
	}
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" {
		b.err = b.f.SetSheetName("Sheet1", name)
	} else {
		_, b.err = b.f.NewSheet(name)
	}
	set := func(col, row int, v string) {
		if b.err != nil {
			return
		}
		cell, _ := excelize.CoordinatesToCellName(col, row)
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			b.err = b.f.SetCellInt(name, cell, n)
		} else {
			b.err = b.f.SetCellStr(name, cell, v)
		}
	}
	set(1, 1, title)
	for c, h := range head {
		set(c+1, 2, h)
	}
	if b.err == nil && len(head) > 0 {
		end, _ := excelize.CoordinatesToCellName(len(head), 2)
		b.err = b.f.SetCellStyle(name, "A1", end, b.bold)
	}
	for r, row := range rows {
		for c, v := range row {
			set(c+1, r+3, v)
		}
	}
	for c, w := range widths {
		if b.err == nil {
			col, _ := excelize.ColumnNumberToName(c + 1)
			b.err = b.f.SetColWidth(name, col, col, w)
		}
	}
	if b.err == nil {
		b.err = b.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	}
}

func (b *workbook) write(w io.Writer) error {
	if b.err != nil {
		return b.err
	}
	_, err := b.f.WriteTo(w)
	return err
}

// PeriodWorkbook writes the period report as an Excel workbook: the
// figures of the office, then by field, procedure and officer, the
// ratings, and the dossiers overdue at the end.
func PeriodWorkbook(w io.Writer, in PeriodInput) error {
	r := in.Report
	b := newWorkbook()
	title := periodTitle + " – " + clean(in.Office.Name) + " – " + PeriodLine(r)
	var lines [][]string
	for _, l := range r.Figures.Lines() {
		lines = append(lines, []string{l.Label, l.Value})
	}
	rt := r.Ratings
	lines = append(lines, []string{"Người dân đánh giá rất hài lòng", strconv.Itoa(rt.VerySatisfied)},
		[]string{"Người dân đánh giá hài lòng", strconv.Itoa(rt.Satisfied)},
		[]string{"Người dân đánh giá không hài lòng", strconv.Itoa(rt.Unsatisfied)})
	b.sheet(SheetSummary, title, []string{"Chỉ tiêu", "Số hồ sơ"}, lines, 48, 14)
	rows := func(sheet, head string, xs []report.Row, name bool) {
		var out [][]string
		for _, x := range xs {
			row := []string{x.Key}
			if name {
				row = append(row, x.Name)
			}
			out = append(out, append(row, x.Cells()...))
		}
		heads := []string{head}
		widths := []float64{36}
		if name {
			heads, widths = append(heads, "Tên thủ tục"), []float64{14, 48}
		}
		b.sheet(sheet, title, append(heads, report.Columns...), out, widths...)
	}
	rows(SheetFields, "Lĩnh vực", r.ByField, false)
	rows(SheetProcedures, "Mã thủ tục", r.ByProcedure, true)
	rows(SheetOfficers, "Cán bộ tiếp nhận", r.ByOfficer, false)
	var od [][]string
	for _, o := range r.Overdue {
		od = append(od, []string{o.Code, o.Procedure, o.Field, o.Officer, dmy(o.Received), dmy(o.Due), strconv.Itoa(o.DaysLate)})
	}
	b.sheet(SheetOverdue, title, []string{"Mã hồ sơ", "Thủ tục", "Lĩnh vực", "Cán bộ tiếp nhận", "Ngày nhận", "Hẹn trả", "Số ngày quá"}, od, 28, 12, 30, 24, 12, 12, 10)
	if err := b.write(w); err != nil {
		return fmt.Errorf("printout: period workbook: %w", err)
	}
	return nil
}

// PostalWorkbook writes the quarterly postal report as a workbook.
func PostalWorkbook(w io.Writer, in PostalInput) error {
	b := newWorkbook()
	var rows [][]string
	for _, l := range PostalLines(in.Report) {
		rows = append(rows, []string{l[0], l[1]})
	}
	// The fees as a number, not grouped text.
	rows[5][1] = strconv.FormatInt(in.Report.PostalFees, 10)
	b.sheet(SheetPostal, postalTitle+" – "+clean(in.Office.Name)+" – "+in.Report.Quarter.Label(), []string{"Chỉ tiêu", "Số liệu"}, rows, 60, 14)
	if err := b.write(w); err != nil {
		return fmt.Errorf("printout: postal workbook: %w", err)
	}
	return nil
}
