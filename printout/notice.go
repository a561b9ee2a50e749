package printout

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"motcua/data"
)

// NoticeInput is what Forms 02 and 03 need.
type NoticeInput struct {
	Office  data.Office
	Dossier data.Dossier
	// Items are, for Form 02, what must be added or completed; for Form
	// 03, the reasons for refusal.
	Items   []string
	Issued  time.Time // date of the notice
	Officer string
	// QRPayload is optional; when given, the QR code prints as on the
	// receipt.
	QRPayload string
	// Forms is the form set to print with; zero picks the set in force
	// when the dossier was received (data.FormSetFor).
	Forms data.FormSet
}

// notice is the text of Form 02 or 03.
type notice struct {
	kind    data.FormKind
	signer  string
	intro   func(unit string) string
	closing func(unit string) []string
}

// Mẫu số 02 (the same in Circulars 01/2018 and 03/2025, as far as known).
var supplement = notice{
	kind:   data.FormSupplement,
	signer: "NGƯỜI HƯỚNG DẪN",
	intro: func(unit string) string {
		return "Sau khi xem xét, đối chiếu thành phần hồ sơ, " + unit +
			" yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"
	},
	closing: func(unit string) []string {
		return []string{
			"Hồ sơ được trả lại để Ông/Bà bổ sung, hoàn thiện theo các nội dung trên. " +
				"Thời gian giải quyết được tính lại từ ngày " + unit + " nhận đủ hồ sơ hợp lệ.",
			"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ " + unit + " để được hướng dẫn./.",
		}
	},
}

// Mẫu số 03 (the same in Circulars 01/2018 and 03/2025, as far as known).
var refusal = notice{
	kind:   data.FormRefusal,
	signer: "NGƯỜI TIẾP NHẬN HỒ SƠ",
	intro: func(unit string) string {
		return "Qua xem xét, " + unit +
			" thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"
	},
	closing: func(string) []string {
		return []string{"Xin thông báo để Ông/Bà được biết và thực hiện./."}
	},
}

// Supplement writes Form 02 "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ": what
// the applicant must add or complete, the dossier being returned for it.
func Supplement(w io.Writer, in NoticeInput) error {
	if err := writeNotice(w, in, supplement); err != nil {
		return fmt.Errorf("printout: supplement: %w", err)
	}
	return nil
}

// Refusal writes Form 03 "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" with the
// reasons for refusal.
func Refusal(w io.Writer, in NoticeInput) error {
	if err := writeNotice(w, in, refusal); err != nil {
		return fmt.Errorf("printout: refusal: %w", err)
	}
	return nil
}

func writeNotice(w io.Writer, in NoticeInput, n notice) error {
	d := in.Dossier
	h := header{
		parent: clean(in.Office.Parent),
		unit:   clean(in.Office.Name),
		place:  clean(in.Office.Place),
		date:   in.Issued,
	}
	unit, code, proc := clean(in.Office.Name), clean(d.Code), clean(d.ProcedureName)
	officer := clean(in.Officer)
	p := applicantOf(d.Applicant)
	var items []string
	for _, it := range in.Items {
		if it = clean(it); it != "" {
			items = append(items, it)
		}
	}
	switch {
	case code == "":
		return errors.New("the dossier has no code")
	case in.Issued.IsZero():
		return errors.New("no date of issue")
	case len(items) == 0:
		return errors.New("no items")
	}
	_, form, err := formOf(in.Forms, n.kind, d.ReceivedAt, in.Issued)
	if err != nil {
		return err
	}
	texts := append(p.texts(), h.parent, h.unit, h.place, code, proc, officer, form.Title)
	texts = append(texts, items...)
	s, err := newFormSheet(in.Office, form.Title+" "+code, unit, texts)
	if err != nil {
		return err
	}
	s.formPage(form, h, code)
	if in.QRPayload != "" {
		sym, err := newQR(in.QRPayload)
		if err != nil {
			return err
		}
		s.qr(sym, code)
	}
	s.partyLines("Hồ sơ của ", p)
	s.text(para{spans: []span{plain("Nội dung yêu cầu giải quyết: "), strong(proc)}})
	if !d.ReceivedAt.IsZero() {
		s.text(para{spans: []span{plain("Ngày tiếp nhận hồ sơ: " + dmy(d.ReceivedAt))}})
	}
	s.clearFloat()
	s.text(para{spans: []span{plain(n.intro(unit))}, align: alignJustify})
	num := s.width(plain(strconv.Itoa(len(items))+". "), s.m.body)
	for k, it := range items {
		s.text(para{
			spans: []span{plain(strconv.Itoa(k+1) + ". " + it)},
			align: alignJustify, hang: num,
		})
	}
	for _, c := range n.closing(unit) {
		s.text(para{spans: []span{plain(c)}, align: alignJustify})
	}
	s.signatures(signer{title: "NGƯỜI NỘP HỒ SƠ"}, signer{title: n.signer, name: officer})
	return s.write(w)
}

// titleCase turns an upper-case form title into a sentence for metadata
// and continuation headers.
func titleCase(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n] + strings.ToLower(s[n:])
}
