package printout

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/data"
)

// RegisterXLSXColumns are the columns of the register's Excel file: the
// PDF's, with the return split into its date and its recipient so that
// every date is an Excel date.
var RegisterXLSXColumns = []string{
	"Số thứ tự", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp, địa chỉ, điện thoại", "Ngày giờ nhận",
	"Hẹn trả kết quả", "Chuyển cơ quan giải quyết", "Ngày có kết quả", "Ngày trả kết quả", "Người nhận kết quả", "Ghi chú",
}

// RegisterSheetName names a book's sheet: "2026 - máy 1".
func RegisterSheetName(book, workstation int) string {
	return fmt.Sprintf("%d - máy %d", book, workstation)
}

// RegisterWorkbook writes the register as an Excel file: a sheet for
// each workstation's book of each year, the columns' heads in a frozen
// first row, one row per dossier, dates as Excel dates.
func RegisterWorkbook(w io.Writer, in RegisterInput) error {
	if err := writeRegisterWorkbook(w, in); err != nil {
		return fmt.Errorf("printout: register workbook: %w", err)
	}
	return nil
}

// excelWall is t's wall clock in Vietnam as a zoneless time: Excel dates
// have no zone.
func excelWall(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	t = t.In(data.Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

func writeRegisterWorkbook(w io.Writer, in RegisterInput) error {
	f := excelize.NewFile()
	defer f.Close()
	forms := in.Forms
	if forms.IsZero() {
		forms = data.FormSetFor(in.Register.To)
	}
	form, _ := forms.Form(data.FormRegister)
	if err := f.SetDocProps(&excelize.DocProperties{Title: form.Title, Subject: form.Citation, Creator: "Một Cửa",
		Description: clean(in.Office.Name) + ". Từ ngày " + dmy(in.Register.From) + " đến ngày " + dmy(in.Register.To)}); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	if err != nil {
		return err
	}
	dateTime := "dd/mm/yyyy hh:mm"
	day := "dd/mm/yyyy"
	stamp, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateTime})
	if err != nil {
		return err
	}
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &day})
	if err != nil {
		return err
	}
	books := registerBooks(in.Register.Lines)
	if len(books) == 0 {
		books = [][]data.RegisterLine{nil}
	}
	widths := []float64{9, 28, 40, 40, 17, 12, 28, 12, 12, 24, 40}
	next, written := in.lineCounter()
	for k, b := range books {
		name := "Sổ theo dõi"
		if len(b) > 0 {
			name = RegisterSheetName(b[0].Book, b[0].Workstation)
		}
		if k == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		for c, wd := range widths {
			if err := sw.SetColWidth(c+1, c+1, wd); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		row := make([]any, len(RegisterXLSXColumns))
		for c, h := range RegisterXLSXColumns {
			row[c] = excelize.Cell{StyleID: head, Value: h}
		}
		if err := sw.SetRow("A1", row); err != nil {
			return err
		}
		for n, l := range b {
			next()
			cells := registerCells(l)
			row := []any{l.RegisterNo, cells[1], cells[2], cells[3],
				excelize.Cell{StyleID: stamp, Value: excelWall(l.ReceivedAt)},
				excelize.Cell{StyleID: date, Value: excelWall(l.Due)},
				cells[6],
				excelize.Cell{StyleID: date, Value: excelWall(l.ResultAt)},
				excelize.Cell{StyleID: date, Value: excelWall(l.ReturnedAt)},
				clean(l.ReturnedTo),
				cells[9]}
			cell, _ := excelize.CoordinatesToCellName(1, n+2)
			if err := sw.SetRow(cell, row); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	written()
	return f.Write(w)
}
