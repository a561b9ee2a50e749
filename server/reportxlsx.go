package server

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"motcua/data/report"
)

// ProvinceWorkbook writes the province's report as an Excel file: a
// title and the period, then a row for each office and the total row,
// the heads frozen, figures as numbers.
func ProvinceWorkbook(w io.Writer, r ProvinceReport) error {
	if err := writeProvinceWorkbook(w, r); err != nil {
		return fmt.Errorf("server: province workbook: %w", err)
	}
	return nil
}

// ProvinceSheet is the name of the report's sheet.
const ProvinceSheet = "Tổng hợp"

func writeProvinceWorkbook(w io.Writer, r ProvinceReport) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", ProvinceSheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(ProvinceSheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 1, 18); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, 50); err != nil {
		return err
	}
	if err := sw.SetColWidth(3, 2+len(ProvinceColumns), 13); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: 3, TopLeftCell: "C4", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	title := fmt.Sprintf("SỐ LIỆU TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ TỪ NGÀY %s ĐẾN NGÀY %s", r.Period.From.Format("02/01/2006"), r.Period.To.Format("02/01/2006"))
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: bold, Value: title}}); err != nil {
		return err
	}
	head := []any{excelize.Cell{StyleID: bold, Value: "Mã đơn vị"}, excelize.Cell{StyleID: bold, Value: "Đơn vị"}}
	for _, c := range ProvinceColumns {
		head = append(head, excelize.Cell{StyleID: bold, Value: c})
	}
	if err := sw.SetRow("A3", head); err != nil {
		return err
	}
	row := func(n int, code, name string, fg report.Figures, style int) error {
		cells := []any{excelize.Cell{StyleID: style, Value: code}, excelize.Cell{StyleID: style, Value: name}}
		for _, v := range []int{fg.CarriedOver, fg.Received, fg.ReceivedByChannel.Counter, fg.ReceivedByChannel.Postal,
			fg.ReceivedByChannel.Online, fg.ResolvedEarly, fg.ResolvedOnTime, fg.ResolvedLate, fg.InProgressOnTime,
			fg.InProgressOverdue, fg.Returned, fg.Refused, fg.Supplement, fg.Apologies, fg.Stopped} {
			cells = append(cells, excelize.Cell{StyleID: style, Value: v})
		}
		var pct any
		if fg.OnTimePercent != nil {
			pct = *fg.OnTimePercent
		}
		cells = append(cells, excelize.Cell{StyleID: style, Value: pct})
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, cells)
	}
	for k, o := range r.Offices {
		if err := row(4+k, o.AgencyCode, o.Name, o.Figures, 0); err != nil {
			return err
		}
	}
	if err := row(4+len(r.Offices), "", "Tổng cộng", r.Total, bold); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
