package printout

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"motcua/data"
)

// RegisterInput is what the register needs: the office, the lines of the
// period and the form set it prints with.
type RegisterInput struct {
	Office   data.Office
	Register data.Register
	// Forms is the set the register prints under (Mẫu số 07 of 03/2025);
	// zero picks the set in force on the period's last day.
	Forms data.FormSet
	At    time.Time // when it was printed
	// Progress, if set, is told how many of the lines are written.
	Progress data.Progress
}

// lineCounter tells in.Progress of each line written, a few hundred at a
// time, and of the last.
func (in RegisterInput) lineCounter() (next func(), end func()) {
	total, n := len(in.Register.Lines), 0
	if in.Progress == nil {
		return func() {}, func() {}
	}
	in.Progress(0, total)
	return func() {
			if n++; n%250 == 0 {
				in.Progress(n, total)
			}
		}, func() {
			in.Progress(total, total)
		}
}

// RegisterColumns are the register's columns, in the order the PDF and
// the Excel file give them.
var RegisterColumns = []string{
	"Số thứ tự", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp, địa chỉ, điện thoại", "Ngày giờ nhận",
	"Hẹn trả kết quả", "Chuyển cơ quan giải quyết", "Ngày có kết quả", "Trả kết quả (ngày, người nhận)", "Ghi chú",
}

// registerBooks splits the lines into the books they belong to, in order:
// each book is a run of lines.
func registerBooks(lines []data.RegisterLine) [][]data.RegisterLine {
	var books [][]data.RegisterLine
	start := 0
	for k, l := range lines {
		if k > 0 && (l.Book != lines[k-1].Book || l.Workstation != lines[k-1].Workstation) {
			books = append(books, lines[start:k:k])
			start = k
		}
	}
	if len(lines) > 0 {
		books = append(books, lines[start:])
	}
	return books
}

// BookLabel names a workstation's book of a year as the register's
// header prints it.
func BookLabel(book, workstation int) string {
	return fmt.Sprintf("Quyển số: %d – máy trạm %d", book, workstation)
}

// registerCells are a line's cells under RegisterColumns, as printed.
func registerCells(l data.RegisterLine) []string {
	applicant := clean(l.Applicant)
	for _, s := range []string{l.Address, l.Phone} {
		if s = clean(s); s != "" {
			applicant += "; " + s
		}
	}
	returned := ""
	if !l.ReturnedAt.IsZero() {
		returned = dmy(l.ReturnedAt)
		if l.ReturnedTo != "" {
			returned += ", " + clean(l.ReturnedTo)
		}
	}
	result := ""
	if !l.ResultAt.IsZero() {
		result = dmy(l.ResultAt)
	}
	sent := make([]string, len(l.SentTo))
	for k, a := range l.SentTo {
		sent[k] = clean(a)
	}
	notes := make([]string, len(l.Notes))
	for k, n := range l.Notes {
		notes[k] = clean(n)
	}
	return []string{strconv.Itoa(l.RegisterNo), clean(l.Code), clean(l.ProcedureCode + " " + l.ProcedureName), applicant,
		l.ReceivedAt.In(data.Zone).Format("15:04 02/01/2006"), dmy(l.Due), strings.Join(sent, "; "), result, returned,
		strings.Join(notes, "; ")}
}

// Register writes the register (Sổ theo dõi hồ sơ) of a period on A4
// landscape: each workstation's book of each year from a page of its
// own, headed by the form's number, the office and the book; every page
// after the first of a book repeats the book's header and the table's
// head, and every page carries its number.
func Register(w io.Writer, in RegisterInput) error {
	if err := writeRegister(w, in); err != nil {
		return fmt.Errorf("printout: register: %w", err)
	}
	return nil
}

func writeRegister(w io.Writer, in RegisterInput) error {
	r := in.Register
	forms := in.Forms
	if forms.IsZero() {
		forms = data.FormSetFor(r.To)
	}
	form, ok := forms.Form(data.FormRegister)
	if !ok {
		return fmt.Errorf("form set %s has no register", forms.Circular)
	}
	cells := make([][]string, len(r.Lines))
	texts := []string{clean(in.Office.Parent), clean(in.Office.Name), clean(in.Office.Place), form.Citation}
	for k, l := range r.Lines {
		cells[k] = registerCells(l)
		texts = append(texts, cells[k]...)
	}
	s, err := newSheet(landscape, form.Title, clean(in.Office.Name), texts)
	if err != nil {
		return err
	}
	var written func()
	s.rowDone, written = in.lineCounter()
	period := "Từ ngày " + dmy(r.From) + " đến ngày " + dmy(r.To)
	cols := []column{
		{head: RegisterColumns[0], width: 11, align: alignCenter},
		{head: RegisterColumns[1], width: 27},
		{head: RegisterColumns[2]},
		{head: RegisterColumns[3], width: 36},
		{head: RegisterColumns[4], width: 19, align: alignCenter},
		{head: RegisterColumns[5], width: 18, align: alignCenter},
		{head: RegisterColumns[6], width: 24},
		{head: RegisterColumns[7], width: 18, align: alignCenter},
		{head: RegisterColumns[8], width: 26},
		{head: RegisterColumns[9], width: 30},
	}
	const size = 8.5
	start := func(book string) {
		s.page()
		s.cont = func() {
			s.continuation(clean(in.Office.Name) + " – " + form.Heading() + " – " + book + " – " + period + " (tiếp theo)")
		}
		s.formNumber(form)
		s.header(header{parent: clean(in.Office.Parent), unit: clean(in.Office.Name), place: clean(in.Office.Place), date: in.At})
		s.y += s.lineH(s.m.body) * 0.6
		s.y, _ = s.block([]span{strong(form.Heading())}, s.m.title, s.contentL(), s.contentR(), s.y)
		s.y, _ = s.block([]span{plain(book + ". " + period + ".")}, s.m.body, s.contentL(), s.contentR(), s.y)
		s.y += s.m.gap * 2
	}
	books := registerBooks(r.Lines)
	if len(books) == 0 {
		start("Chưa có hồ sơ")
		s.text(para{spans: []span{em("Không có hồ sơ nào tiếp nhận trong kỳ.")}})
	}
	line := 0
	for _, b := range books {
		start(BookLabel(b[0].Book, b[0].Workstation))
		s.table(nil, cols, cells[line:line+len(b)], size)
		line += len(b)
	}
	s.pageNumbers(form.Citation)
	written()
	return s.write(w)
}

// pageNumbers writes "Trang n/N" at the foot of every page, with the
// form's citation on the left, once every page is drawn.
func (s *sheet) pageNumbers(citation string) {
	n := s.pdf.PageCount()
	size := s.m.small
	y := s.limit() + 3
	for k := 1; k <= n; k++ {
		s.pdf.SetPage(k)
		s.family = ""
		left := s.wrap(s.words([]span{em(citation)}, size), size, func(int) float64 { return s.contentR() - s.contentL() - 30 })
		s.drawLine(left[0], s.contentL(), s.contentR()-30, y, size, alignLeft)
		num := s.wrap(s.words([]span{plain(fmt.Sprintf("Trang %d/%d", k, n))}, size), size, func(int) float64 { return 30 })
		s.drawLine(num[0], s.contentR()-30, s.contentR(), y, size, alignRight)
	}
}
