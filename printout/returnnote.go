package printout

import (
	"errors"
	"fmt"
	"io"

	"motcua/data"
)

// ReturnInput is what a return confirmation needs.
type ReturnInput struct {
	Office  data.Office
	Dossier data.Dossier
	Return  data.Return
	Reprint int
}

// ReturnNote writes the confirmation that a result was handed over
// (phiếu giao nhận kết quả): the dossier, who received it — the applicant
// or an authorised person with the authorisation —, when, and from whom.
func ReturnNote(w io.Writer, in ReturnInput) error {
	if err := writeReturnNote(w, in); err != nil {
		return fmt.Errorf("printout: return note: %w", err)
	}
	return nil
}

func writeReturnNote(w io.Writer, in ReturnInput) error {
	d, r := in.Dossier, in.Return
	if d.Code == "" || r.At.IsZero() {
		return errors.New("the dossier has no code or no return")
	}
	unit, code, proc := clean(in.Office.Name), clean(d.Code), clean(d.ProcedureName)
	recipient, officer, auth := clean(r.Name), clean(r.Officer), clean(r.Authorisation)
	p := applicantOf(d.Applicant)
	texts := append(p.texts(), clean(in.Office.Parent), unit, clean(in.Office.Place), code, proc, recipient, officer, auth, r.IDNumber)
	const title = "PHIẾU GIAO NHẬN KẾT QUẢ GIẢI QUYẾT HỒ SƠ"
	s, err := newFormSheet(in.Office, titleCase(title)+" "+code, unit, texts)
	if err != nil {
		return err
	}
	s.page()
	s.header(header{parent: clean(in.Office.Parent), unit: unit, place: clean(in.Office.Place), date: r.At})
	s.title(title, code)
	if in.Reprint > 0 {
		s.reprintMark(in.Reprint)
	}
	s.partyLines("Người nộp hồ sơ: ", p)
	s.text(para{spans: []span{plain("Nội dung yêu cầu giải quyết: "), strong(proc)}})
	s.text(para{spans: []span{plain(fmt.Sprintf("Ngày nộp hồ sơ: %s; ngày hẹn trả: %s.", dmy(d.ReceivedAt), dmy(d.DueDate)))}})
	s.text(para{spans: []span{plain(fmt.Sprintf("Thời gian trả kết quả: %s, ngày %s.", hm(r.At), dmy(r.At)))}})
	if r.Authorised {
		s.text(para{spans: []span{plain("Người nhận kết quả (được ủy quyền): "), strong(recipient), plain(", số định danh: " + r.IDNumber + ".")}})
		s.text(para{spans: []span{plain("Giấy ủy quyền: " + auth + ".")}, align: alignJustify})
	} else {
		s.text(para{spans: []span{plain("Người nhận kết quả: "), strong(recipient), plain(" (người nộp hồ sơ), số định danh: " + r.IDNumber + ".")}})
	}
	s.text(para{spans: []span{plain("Người nhận đã nhận đủ kết quả giải quyết hồ sơ nêu trên./.")}})
	s.signatures(signer{title: "NGƯỜI NHẬN KẾT QUẢ", name: recipient}, signer{title: "NGƯỜI TRẢ KẾT QUẢ", name: officer})
	return s.write(w)
}
