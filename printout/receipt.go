package printout

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"motcua/data"
)

// ReceiptInput is what Form 01 needs.
type ReceiptInput struct {
	// Office gives the header texts, the place name and the paper size
	// (PaperSize "" is A4).
	Office data.Office
	// Dossier is everything about the dossier: applicant, documents, sets,
	// WorkingDays, ReceivedAt, DueDate, ReturnMethod and ReturnAddress,
	// Book, RegisterNo, Officer.
	Dossier data.Dossier
	// QRPayload is the signed payload the QR code carries, encoded exactly
	// as given; the dossier code is printed in text beside the QR code.
	QRPayload string
	// Reprint is 0 for the first print; n > 0 prints "BẢN IN LẠI (lần n)".
	Reprint int
	// Forms is the form set to print with; zero picks the set in force
	// when the dossier was received (data.FormSetFor).
	Forms data.FormSet
	// Fees and FeeExempt are what was collected at intake, printed after
	// item 6; neither prints nothing.
	Fees      []data.FeePaid
	FeeExempt string
	// FeeReceipts print after the two copies of Form 01, each receipt's
	// copies on pages of their own (FeeReceipt), marked as reprints when
	// FeeReprint > 0.
	FeeReceipts []data.FeeReceipt
	FeeReprint  int
}

// copies are the two copies of a receipt, each on its own pages.
var copies = [...]string{
	"Liên 1: Giao người nộp hồ sơ",
	"Liên 2: Lưu tại bộ phận tiếp nhận",
}

// receipt is a receipt's text, cleaned.
type receipt struct {
	form             data.FormSpec
	h                header
	unit, code, proc string
	party            party
	docs             []data.SubmittedDocument
	sets, days       int
	received, due    time.Time
	byPost           bool
	returnAddr       string
	book, regNo      int
	officer          string
	qr               *qrSymbol
	reprint          int
	fees             []span // the fee line; nil for none
}

func (r receipt) texts() []string {
	t := append(r.party.texts(), r.h.parent, r.h.unit, r.h.place, r.unit, r.code, r.proc, r.returnAddr, r.officer, r.form.Title)
	for _, sp := range r.fees {
		t = append(t, sp.text)
	}
	for _, d := range r.docs {
		t = append(t, d.Name)
	}
	return t
}

// Receipt writes Mẫu số 01 "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" as a PDF
// with two copies ("Liên 1: Giao người nộp hồ sơ", "Liên 2: Lưu tại bộ
// phận tiếp nhận"), each starting on its own page. A copy takes one page
// for a normal dossier; a long list of documents flows on to further pages
// under a short header.
func Receipt(w io.Writer, in ReceiptInput) error {
	if err := writeReceipt(w, in); err != nil {
		return fmt.Errorf("printout: receipt: %w", err)
	}
	return nil
}

func writeReceipt(w io.Writer, in ReceiptInput) error {
	d := in.Dossier
	rc := receipt{
		h: header{
			parent: clean(in.Office.Parent),
			unit:   clean(in.Office.Name),
			place:  clean(in.Office.Place),
			date:   d.ReceivedAt,
		},
		unit:       clean(in.Office.Name),
		code:       clean(d.Code),
		proc:       clean(d.ProcedureName),
		party:      applicantOf(d.Applicant),
		sets:       max(d.Sets, 1),
		days:       d.WorkingDays,
		received:   d.ReceivedAt,
		due:        d.DueDate,
		byPost:     d.ReturnMethod == data.ReturnPost,
		returnAddr: clean(d.ReturnAddress),
		book:       d.Book,
		regNo:      d.RegisterNo,
		officer:    clean(d.Officer),
		reprint:    in.Reprint,
	}
	if d.RegisterNo > 0 {
		rc.h.number = "Số: " + strconv.Itoa(d.RegisterNo) + "/TNHS"
	}
	for _, doc := range d.Documents {
		doc.Name = clean(doc.Name)
		if doc.Name != "" {
			rc.docs = append(rc.docs, doc)
		}
	}
	switch {
	case rc.code == "":
		return errors.New("the dossier has no code")
	case d.ReceivedAt.IsZero():
		return errors.New("the dossier has no time of receipt")
	case in.QRPayload == "":
		return errors.New("no QR payload")
	}
	var err error
	if _, rc.form, err = formOf(in.Forms, data.FormReceipt, d.ReceivedAt, d.ReceivedAt); err != nil {
		return err
	}
	rc.fees = feeLine(in.Fees, in.FeeExempt)
	if rc.qr, err = newQR(in.QRPayload); err != nil {
		return err
	}
	texts := rc.texts()
	for _, r := range in.FeeReceipts {
		if err := r.Validate(); err != nil {
			return err
		}
		texts = append(texts, feeTexts(r)...)
	}
	s, err := newFormSheet(in.Office, rc.form.Title+" "+rc.code, rc.unit, texts)
	if err != nil {
		return err
	}
	for _, label := range copies {
		s.receiptCopy(rc, label)
	}
	s.feeReceipts(in.FeeReceipts, in.FeeReprint)
	return s.write(w)
}

// receiptCopy draws one copy of Form 01 from a new page.
func (s *sheet) receiptCopy(rc receipt, label string) {
	s.page()
	s.cont = func() {
		s.continuation(fmt.Sprintf("Mã hồ sơ: %s – %s (tiếp theo)", rc.code, label))
	}
	s.formNumber(rc.form)
	s.header(rc.h)
	s.title(rc.form.Heading(), rc.code, []span{plain("(" + label + ")")})
	if rc.reprint > 0 {
		s.reprintMark(rc.reprint)
	}
	s.qr(rc.qr, rc.code)
	s.text(para{spans: []span{plain(rc.unit + " tiếp nhận hồ sơ của:")}})
	s.partyLines("", rc.party)
	s.text(para{spans: []span{plain("Nội dung yêu cầu giải quyết: "), strong(rc.proc)}})

	s.clearFloat()
	s.documents(rc.docs)
	s.text(para{spans: []span{plain(fmt.Sprintf("2. Số lượng hồ sơ: %d bộ", rc.sets))}})
	limit := "trong ngày"
	if rc.days > 0 {
		limit = fmt.Sprintf("%d ngày làm việc", rc.days)
	}
	s.text(para{spans: []span{plain("3. Thời gian giải quyết hồ sơ theo quy định là: " + limit)}})
	s.text(para{spans: []span{plain("4. Thời gian nhận hồ sơ: " + hm(rc.received) + ", ngày " + dmy(rc.received))}})
	due := []span{plain("5. Thời gian trả kết quả giải quyết hồ sơ: ")}
	if rc.due.IsZero() {
		due = append(due, plain("ngày ……/……/………"))
	} else {
		due = append(due, strong("ngày "+dmy(rc.due)), plain(" ("+weekdays[rc.due.In(data.Zone).Weekday()]+")"))
	}
	s.text(para{spans: due})
	where := rc.unit
	if rc.byPost {
		addr := rc.returnAddr
		if addr == "" {
			addr = rc.party.address
		}
		where = "Qua dịch vụ bưu chính công ích đến địa chỉ: " + addr
	}
	s.text(para{spans: []span{plain("6. Đăng ký nhận kết quả tại: " + where)}, align: alignJustify})
	if rc.fees != nil {
		s.text(para{spans: rc.fees, align: alignJustify})
	}
	s.text(para{spans: []span{plain("Vào Sổ theo dõi hồ sơ, Quyển số: " + orDots(rc.book) + ", Số thứ tự: " + orDots(rc.regNo) + ".")}})
	s.signatures(signer{title: "NGƯỜI NỘP HỒ SƠ"}, signer{title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: rc.officer})
}

// feeLine is what Form 01 says of the fees collected: "Phí, lệ phí đã
// nộp: Lệ phí 8.000 đồng (tiền mặt)", and the exemption reason.
func feeLine(fees []data.FeePaid, exempt string) []span {
	exempt = strings.TrimRight(clean(exempt), ".;, ")
	if len(fees) == 0 && exempt == "" {
		return nil
	}
	var sp []span
	if len(fees) > 0 {
		sp = append(sp, plain("Phí, lệ phí đã nộp: "))
		for k, f := range fees {
			sep := "; "
			if k == len(fees)-1 {
				sep = "."
			}
			sp = append(sp, strong(f.Kind.Label()+" "+data.FormatVND(f.Amount)), plain(" ("+strings.ToLower(f.Method.Label())+")"+sep))
		}
	}
	if exempt != "" {
		lead := "Miễn phí, lệ phí: "
		if len(fees) > 0 {
			lead = " Miễn phần còn lại: "
		}
		sp = append(sp, plain(lead+exempt+"."))
	}
	return sp
}

func orDots(n int) string {
	if n <= 0 {
		return "……"
	}
	return strconv.Itoa(n)
}

// documents draws item 1: the documents handed in, as a table with
// wrapping names; the table's head repeats on every page it reaches.
func (s *sheet) documents(docs []data.SubmittedDocument) {
	m := s.m
	intro := "1. Giấy tờ trong hồ sơ gồm:"
	if len(docs) == 0 {
		s.text(para{spans: []span{plain(intro + " không có.")}})
		return
	}
	size := m.table
	rows := make([][]string, len(docs))
	nums := make([]string, len(docs))
	for k, d := range docs {
		nums[k] = strconv.Itoa(k + 1)
		rows[k] = []string{nums[k], d.Name, strconv.Itoa(d.Originals), strconv.Itoa(d.Copies)}
	}
	cols := []column{
		s.fitColumn("STT", nums, size, alignCenter),
		{head: "Tên giấy tờ", align: alignLeft},
		s.fitColumn("Bản chính", nil, size, alignCenter),
		s.fitColumn("Bản sao", nil, size, alignCenter),
	}
	s.table([]span{plain(intro)}, cols, rows, size)
}
