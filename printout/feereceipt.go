package printout

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"motcua/data"
)

// FeeReceiptInput is what a fee receipt needs.
type FeeReceiptInput struct {
	// Office gives the paper size.
	Office  data.Office
	Receipt data.FeeReceipt
	Reprint int
}

// feeCopies are the two copies of a paper receipt, each on its own page
// (Liên 1 kept by the collector, Liên 2 given to the payer, as paper
// receipts were made under Circular 303/2016/TT-BTC).
var feeCopies = [...]string{
	"Liên 1: Lưu tại tổ chức thu",
	"Liên 2: Giao người nộp tiền",
}

// FeeReceipt writes a fee receipt, "BIÊN LAI THU PHÍ, LỆ PHÍ": at the top
// the collecting organisation and the form symbol, series symbol and
// number; then the date, the organisation's name, tax code and address,
// the payer, the dossier and procedure, what the money is for and its
// kind, the amount in figures ("50.000 đồng") and in words ("Năm mươi
// nghìn đồng"), the payment method, and the signatures of payer and
// collector. The fields and their order follow the reference display form
// 01/PLPĐT of Circular 91/2026/TT-BTC Phụ lục V, with the fee's name added
// as its daily summary (01/TH-BLĐT) has it. A paper receipt prints two
// copies; a receipt already issued electronically prints once, as the
// display of the e-receipt, with its lookup code.
func FeeReceipt(w io.Writer, in FeeReceiptInput) error {
	if err := writeFeeReceipt(w, in); err != nil {
		return fmt.Errorf("printout: fee receipt: %w", err)
	}
	return nil
}

func writeFeeReceipt(w io.Writer, in FeeReceiptInput) error {
	return writeFeeReceipts(w, in.Office, []data.FeeReceipt{in.Receipt}, in.Reprint)
}

// FeeReceipts writes several receipts (a dossier that paid phí and lệ
// phí has one for each) in one document, each as FeeReceipt draws it.
func FeeReceipts(w io.Writer, office data.Office, rs []data.FeeReceipt, reprint int) error {
	if err := writeFeeReceipts(w, office, rs, reprint); err != nil {
		return fmt.Errorf("printout: fee receipts: %w", err)
	}
	return nil
}

func writeFeeReceipts(w io.Writer, office data.Office, rs []data.FeeReceipt, reprint int) error {
	if len(rs) == 0 {
		return errors.New("no receipt")
	}
	var texts []string
	for _, r := range rs {
		if err := r.Validate(); err != nil {
			return err
		}
		texts = append(texts, feeTexts(r)...)
	}
	r := rs[0]
	s, err := newFormSheet(office, "Biên lai thu phí, lệ phí số "+r.NumberText(), clean(r.Collector.Name), texts)
	if err != nil {
		return err
	}
	s.pdf.SetSubject(fmt.Sprintf("Mẫu số %s, ký hiệu %s, số %s", r.FormSymbol, r.SeriesSymbol, r.NumberText()), true)
	s.feeReceipts(rs, reprint)
	return s.write(w)
}

// feeTexts are the texts of a receipt, for choosing the fonts.
func feeTexts(r data.FeeReceipt) []string {
	c := r.Collector
	return []string{clean(c.Name), clean(c.TaxCode), clean(c.Address), clean(r.Officer), clean(r.PostalStaff),
		clean(r.PayerName), clean(r.PayerID), clean(r.PayerAddress), clean(r.DossierCode), clean(r.ProcedureName),
		clean(r.Content()), clean(r.EReceipt.Provider), clean(r.EReceipt.ID), clean(r.EReceipt.LookupCode),
		data.AmountInWords(r.Amount)}
}

// feeReceipts draws every copy of each receipt, each from a new page.
func (s *sheet) feeReceipts(rs []data.FeeReceipt, reprint int) {
	for _, r := range rs {
		labels := feeCopies[:]
		if r.EReceipt.Issued() {
			labels = []string{"Bản thể hiện của biên lai điện tử"}
		}
		for _, label := range labels {
			s.feeReceiptCopy(r, label, reprint)
		}
	}
}

// feeReceiptCopy draws one copy of a receipt from a new page.
func (s *sheet) feeReceiptCopy(r data.FeeReceipt, label string, reprint int) {
	m := s.m
	c := r.Collector
	s.page()
	s.cont = func() { s.continuation(fmt.Sprintf("Biên lai số %s – %s (tiếp theo)", r.NumberText(), label)) }

	// Left: the organisation; right: the symbols and the number.
	lx0, lx1 := s.contentL(), s.contentL()+m.headLeft
	rx0, rx1 := lx1+2, s.contentR()
	top := s.y
	ly, unitW := s.headBlock(strings.ToUpper(clean(c.Name)), bold, m.head, lx0, lx1, top)
	ly += 0.8
	cx := (lx0 + lx1) / 2
	s.rule(cx-unitW*0.2, cx+unitW*0.2, ly)
	ry := top
	for _, l := range [][]span{
		{plain("Mẫu số: "), strong(clean(r.FormSymbol))},
		{plain("Ký hiệu: "), strong(clean(r.SeriesSymbol))},
		{plain("Số: "), strong(r.NumberText())},
	} {
		ry, _ = s.block(l, m.body, rx0, rx1, ry)
	}
	s.y = max(ly, ry) + s.lineH(m.body)*0.6

	s.y, _ = s.block([]span{strong("BIÊN LAI THU PHÍ, LỆ PHÍ")}, m.title, s.contentL(), s.contentR(), s.y)
	s.y, _ = s.block([]span{em("N" + placeDate("", r.IssuedAt)[1:])}, m.body, s.contentL(), s.contentR(), s.y)
	s.y, _ = s.block([]span{plain("(" + label + ")")}, m.body, s.contentL(), s.contentR(), s.y)
	s.y += s.lineH(m.body) * 0.4
	if reprint > 0 {
		s.reprintMark(reprint)
	}

	field := func(label, value string, bolded bool) {
		if value == "" {
			return
		}
		v := plain(value)
		if bolded {
			v = strong(value)
		}
		s.text(para{spans: []span{plain(label + ": "), v}})
	}
	field("Tên tổ chức thu", clean(c.Name), true)
	field("Mã số thuế", clean(c.TaxCode), false)
	field("Địa chỉ", clean(c.Address), false)
	s.y += m.gap
	field("Tên người nộp", clean(r.PayerName), true)
	field("Mã số thuế/Số định danh cá nhân", clean(r.PayerID), false)
	field("Địa chỉ", clean(r.PayerAddress), false)
	field("Mã hồ sơ", clean(r.DossierCode), false)
	field("Nội dung thu", clean(r.Content()), false)
	field("Loại", r.Kind.Label(), false)
	field("Số tiền", data.FormatVND(r.Amount), true)
	s.text(para{spans: []span{plain("Số tiền bằng chữ: "), em(data.AmountInWords(r.Amount))}})
	field("Hình thức thanh toán", r.Method.Label(), false)
	if r.ByPost {
		field("Thu qua dịch vụ bưu chính công ích, nhân viên bưu chính", clean(r.PostalStaff), false)
	}
	if e := r.EReceipt; e.Issued() {
		field("Mã tra cứu", clean(e.LookupCode), true)
		field("Mã của cơ quan thuế", clean(e.TaxAuthorityCode), false)
		signed := ""
		if !e.SignedAt.IsZero() {
			signed = ", ký số lúc " + hm(e.SignedAt) + " ngày " + dmy(e.SignedAt)
		}
		field("Biên lai điện tử", strings.TrimPrefix(clean(e.Provider)+" "+clean(e.ID), " ")+signed, false)
	}
	collector := clean(r.Officer)
	if r.ByPost && clean(r.PostalStaff) != "" {
		collector = clean(r.PostalStaff)
	}
	if r.EReceipt.Issued() {
		s.signatures(signer{title: "NGƯỜI NỘP TIỀN"}, signer{title: "TỔ CHỨC THU PHÍ, LỆ PHÍ", hint: "(Chữ ký số)", name: clean(c.Name)})
		return
	}
	s.signatures(signer{title: "NGƯỜI NỘP TIỀN"}, signer{title: "NGƯỜI THU TIỀN", name: collector})
}
