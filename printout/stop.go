package printout

import (
	"fmt"
	"io"
	"strings"

	"motcua/data"
)

// StopInput is what Mẫu số 05 needs.
type StopInput struct {
	Office  data.Office
	Dossier data.Dossier
	Stop    data.Stop
	// Forms is the form set to print with; zero picks the dossier's set,
	// or the set in force on the day of the notice when the dossier's set
	// has no stop notice (a dossier received under 01/2018).
	Forms data.FormSet
	// QRPayload is optional; when given, the QR code prints as on the
	// receipt.
	QRPayload string
	Reprint   int
}

// StopNotice writes Mẫu số 05 of Circular 03/2025/TT-VPCP, "THÔNG BÁO DỪNG
// GIẢI QUYẾT HỒ SƠ": the office header and the notice's number, the
// dossier and its applicant, the procedure, the instruments of the form
// set and the specific ground, the reason, and the signatures of the
// officer who prepared it and of whoever signs for the office.
//
// The circular's printed wording of Mẫu số 05 was not reachable
// (notes/legal.md §1.4): the layout follows Decree 30/2020 for a notice
// and the other forms of the set.
func StopNotice(w io.Writer, in StopInput) error {
	if err := writeStop(w, in); err != nil {
		return fmt.Errorf("printout: stop notice: %w", err)
	}
	return nil
}

func writeStop(w io.Writer, in StopInput) error {
	d, st := in.Dossier, in.Stop
	if st.DossierCode == "" {
		st.DossierCode = d.Code
	}
	if err := st.Validate(); err != nil {
		return err
	}
	set, form, err := formOf(in.Forms, data.FormStop, d.ReceivedAt, st.IssuedAt)
	if err != nil {
		return err
	}
	unit, code, proc := clean(in.Office.Name), clean(st.DossierCode), clean(d.ProcedureName)
	reason, basis, officer := clean(st.Reason), clean(st.Basis), clean(st.Officer)
	leader, title := clean(st.Signer), clean(st.SignerTitle)
	if title == "" {
		title = leaderTitle
	}
	p := applicantOf(d.Applicant)
	texts := append(p.texts(), clean(in.Office.Parent), unit, clean(in.Office.Place), code, proc,
		reason, basis, officer, leader, title, clean(st.Number), form.Title)
	texts = append(texts, set.Basis...)
	s, err := newFormSheet(in.Office, form.Title+" "+code, unit, texts)
	if err != nil {
		return err
	}
	s.formPage(form, header{
		parent: clean(in.Office.Parent), unit: unit, place: clean(in.Office.Place), date: st.IssuedAt,
		number: "Số: " + orBlank(clean(st.Number)),
	}, code)
	if in.Reprint > 0 {
		s.reprintMark(in.Reprint)
	}
	if in.QRPayload != "" {
		sym, err := newQR(in.QRPayload)
		if err != nil {
			return err
		}
		s.qr(sym, code)
	}
	s.text(para{spans: []span{plain("Kính gửi Ông/Bà: "), strong(p.name)}})
	for _, b := range set.Basis {
		s.text(para{spans: []span{em(b)}, align: alignJustify})
	}
	if basis != "" {
		if !strings.HasPrefix(strings.ToLower(basis), "căn cứ") {
			basis = "Căn cứ " + basis
		}
		s.text(para{spans: []span{em(strings.TrimRight(basis, ".;, ") + ";")}, align: alignJustify})
	}
	s.clearFloat()
	received := ""
	if !d.ReceivedAt.IsZero() {
		received = fmt.Sprintf("Ngày %s, ", dmy(d.ReceivedAt))
	}
	s.text(para{spans: []span{plain(received + unit + " tiếp nhận hồ sơ của:")}})
	s.partyLines("", p)
	s.text(para{spans: []span{plain("Nội dung yêu cầu giải quyết: "), strong(proc)}, align: alignJustify})
	s.text(para{spans: []span{plain(unit + " thông báo dừng giải quyết hồ sơ nêu trên. Lý do: "), strong(strings.TrimRight(reason, ".") + ".")}, align: alignJustify})
	s.text(para{spans: []span{plain(unit + " thông báo để Ông/Bà được biết./.")}, align: alignJustify})
	s.signatures(signer{title: "NGƯỜI LẬP THÔNG BÁO", name: officer}, signer{title: title, name: leader, hint: sealHint})
	return s.write(w)
}
