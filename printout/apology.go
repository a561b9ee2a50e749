package printout

import (
	"errors"
	"fmt"
	"io"

	"motcua/data"
)

// ApologyInput is what Form 04 needs.
type ApologyInput struct {
	Office  data.Office
	Dossier data.Dossier
	Apology data.Apology
}

// Apology writes Form 04 "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ": the
// office apologises for a late dossier, says why, and gives the new date.
func Apology(w io.Writer, in ApologyInput) error {
	if err := writeApology(w, in); err != nil {
		return fmt.Errorf("printout: apology: %w", err)
	}
	return nil
}

func writeApology(w io.Writer, in ApologyInput) error {
	d, a := in.Dossier, in.Apology
	switch {
	case d.Code == "":
		return errors.New("the dossier has no code")
	case a.NewDue.IsZero() || a.IssuedAt.IsZero():
		return errors.New("no new date or date of issue")
	}
	unit, code, proc, reason, officer := clean(in.Office.Name), clean(d.Code), clean(d.ProcedureName), clean(a.Reason), clean(a.Officer)
	p := applicantOf(d.Applicant)
	texts := append(p.texts(), clean(in.Office.Parent), unit, clean(in.Office.Place), code, proc, reason, officer)
	m, err := metricsFor(in.Office.PaperSize)
	if err != nil {
		return err
	}
	const title = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
	s, err := newSheet(m, titleCase(title)+" "+code, unit, texts)
	if err != nil {
		return err
	}
	s.page()
	s.cont = func() { s.continuation("Mã hồ sơ: " + code + " – " + titleCase(title) + " (tiếp theo)") }
	s.header(header{parent: clean(in.Office.Parent), unit: unit, place: clean(in.Office.Place), date: a.IssuedAt})
	s.title(title, code)
	s.text(para{spans: []span{plain("Kính gửi Ông/Bà: "), strong(p.name)}})
	if p.address != "" {
		s.text(para{spans: []span{plain("Địa chỉ: " + p.address)}})
	}
	s.text(para{spans: []span{
		plain(fmt.Sprintf("Ngày %s, %s tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục ", dmy(d.ReceivedAt), unit)),
		strong(proc), plain(fmt.Sprintf("; ngày hẹn trả kết quả là %s, %s.", weekdays[a.OldDue.Weekday()], dmy(a.OldDue))),
	}, align: alignJustify})
	s.text(para{spans: []span{plain("Tuy nhiên, đến nay hồ sơ của Ông/Bà chưa giải quyết xong. Lý do: "), plain(reason + ".")}, align: alignJustify})
	s.text(para{spans: []span{plain(unit + " thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả vào "),
		strong(fmt.Sprintf("%s, ngày %s", weekdays[a.NewDue.Weekday()], dmy(a.NewDue))), plain(".")}, align: alignJustify})
	s.text(para{spans: []span{plain("Mong nhận được sự thông cảm của Ông/Bà./.")}})
	s.signatures(signer{title: "NGƯỜI NHẬN PHIẾU"}, signer{title: "NGƯỜI LẬP PHIẾU", name: officer})
	return s.write(w)
}
