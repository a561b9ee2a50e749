package printout

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"motcua/data"
)

// ApologyInput is what Form 04 needs.
type ApologyInput struct {
	Office  data.Office
	Dossier data.Dossier
	Apology data.Apology
	// Forms is the form set to print with; zero picks the set in force
	// when the dossier was received (data.FormSetFor).
	Forms data.FormSet
	// Signer and SignerTitle sign the 03/2025 letter for the office; a
	// blank title prints "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", a blank name leaves
	// room to sign. The 01/2018 slip is signed by the officer.
	Signer, SignerTitle string
}

// leaderTitle signs a letter or notice for the office when no title is
// configured.
const leaderTitle = "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"

// sealHint is the hint under a signature that takes the office's seal.
const sealHint = "(Ký, ghi rõ họ tên và đóng dấu)"

// Apology writes Form 04 of the dossier's form set: under Circular
// 01/2018, Mẫu số 04 "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" (the
// office apologises for a late dossier, says why, and gives the new date);
// under Circular 03/2025, Mẫu số 04 "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN
// THỜI GIAN GIẢI QUYẾT", a letter that apologises and asks for the time
// to be extended to the new date.
//
// The printed wording of either form was not reachable (notes/legal.md
// §1.4, §2.5): the texts follow the forms' titles and the 01/2018
// implementations.
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
	set, form, err := formOf(in.Forms, data.FormApology, d.ReceivedAt, a.IssuedAt)
	if err != nil {
		return err
	}
	letter := set.Circular != "01/2018/TT-VPCP"
	unit, code, proc, reason, officer := clean(in.Office.Name), clean(d.Code), clean(d.ProcedureName), clean(a.Reason), clean(a.Officer)
	leader, title := clean(in.Signer), clean(in.SignerTitle)
	if title == "" {
		title = leaderTitle
	}
	p := applicantOf(d.Applicant)
	texts := append(p.texts(), clean(in.Office.Parent), unit, clean(in.Office.Place), code, proc, reason, officer, leader, title, form.Title)
	s, err := newFormSheet(in.Office, form.Title+" "+code, unit, texts)
	if err != nil {
		return err
	}
	s.formPage(form, header{parent: clean(in.Office.Parent), unit: unit, place: clean(in.Office.Place), date: a.IssuedAt}, code)
	s.text(para{spans: []span{plain("Kính gửi Ông/Bà: "), strong(p.name)}})
	if p.address != "" {
		s.text(para{spans: []span{plain("Địa chỉ: " + p.address)}})
	}
	newDue := strong(fmt.Sprintf("%s, ngày %s", weekdayOf(a.NewDue), dmy(a.NewDue)))
	if !letter {
		s.text(para{spans: []span{
			plain(fmt.Sprintf("Ngày %s, %s tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết %s", dmy(d.ReceivedAt), unit, procLead(proc))),
			strong(proc), plain(fmt.Sprintf("; ngày hẹn trả kết quả là %s, %s.", weekdayOf(a.OldDue), dmy(a.OldDue))),
		}, align: alignJustify})
		s.text(para{spans: []span{plain("Tuy nhiên, đến nay hồ sơ của Ông/Bà chưa giải quyết xong. Lý do: "), plain(reason + ".")}, align: alignJustify})
		s.text(para{spans: []span{plain(unit + " thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả vào "),
			newDue, plain(".")}, align: alignJustify})
		s.text(para{spans: []span{plain("Mong nhận được sự thông cảm của Ông/Bà./.")}})
		s.signatures(signer{title: "NGƯỜI NHẬN PHIẾU"}, signer{title: "NGƯỜI LẬP PHIẾU", name: officer})
		return s.write(w)
	}
	s.text(para{spans: []span{
		plain(fmt.Sprintf("Ngày %s, %s tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết %s", dmy(d.ReceivedAt), unit, procLead(proc))),
		strong(proc), plain(fmt.Sprintf("; thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả là %s, ngày %s.", weekdayOf(a.OldDue), dmy(a.OldDue))),
	}, align: alignJustify})
	s.text(para{spans: []span{plain("Đến nay, hồ sơ của Ông/Bà chưa được giải quyết xong. Lý do: "), plain(reason + ".")}, align: alignJustify})
	s.text(para{spans: []span{plain(unit + " thành thật xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết hồ sơ đến "),
		newDue, plain(".")}, align: alignJustify})
	s.text(para{spans: []span{plain("Mong nhận được sự thông cảm của Ông/Bà./.")}})
	s.signatures(signer{title: "NGƯỜI LẬP VĂN BẢN", name: officer}, signer{title: title, name: leader, hint: sealHint})
	return s.write(w)
}

// procLead is what goes before a procedure's name in a sentence: "thủ tục
// ", unless the name starts with it ("Thủ tục đăng ký khai sinh").
func procLead(proc string) string {
	if strings.HasPrefix(strings.ToLower(proc), "thủ tục") {
		return ""
	}
	return "thủ tục "
}
