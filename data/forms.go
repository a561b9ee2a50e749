package data

import (
	"maps"
	"strings"
	"time"
)

// FormKind names one paper of the one-stop form sets, whatever number a
// circular gives it.
type FormKind string

const (
	FormReceipt    FormKind = "receipt"    // giấy tiếp nhận hồ sơ và hẹn trả kết quả
	FormSupplement FormKind = "supplement" // phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
	FormRefusal    FormKind = "refusal"    // phiếu từ chối tiếp nhận giải quyết hồ sơ
	FormApology    FormKind = "apology"    // xin lỗi (and, under 03/2025, gia hạn)
	FormStop       FormKind = "stop"       // thông báo dừng giải quyết hồ sơ (03/2025 only)
	FormControl    FormKind = "control"    // phiếu kiểm soát quá trình giải quyết hồ sơ
	FormRegister   FormKind = "register"   // sổ theo dõi hồ sơ
)

// FormKinds lists every kind in the order of the 03/2025 numbering.
var FormKinds = []FormKind{FormReceipt, FormSupplement, FormRefusal, FormApology, FormStop, FormControl, FormRegister}

// FormSpec is one paper as a circular issues it.
type FormSpec struct {
	Kind FormKind
	// Number is the form number as the circular prints it: "Mẫu số 01".
	Number string
	// Title is the form's name as the circular lists it, in sentence case;
	// Heading gives it upper-cased as printed.
	Title string
	// Citation says where the form is issued, for a footnote or a
	// document's metadata.
	Citation string
}

// Heading is the title as it prints at the head of the paper.
func (f FormSpec) Heading() string { return strings.ToUpper(f.Title) }

// FormSet is the set of papers one circular issues, with the day it took
// effect: a dossier prints the set in force on the day it was received.
type FormSet struct {
	Circular  string    // "03/2025/TT-VPCP"
	Issued    time.Time // date of signature, midnight in Zone
	Effective time.Time // first day the set applies, midnight in Zone
	// Confirmed is false while Effective comes from secondary sources
	// only and still needs checking against the official text.
	Confirmed bool
	// Basis are the instruments the set's papers cite ("Căn cứ …"),
	// each one line as printed.
	Basis []string
	Forms map[FormKind]FormSpec
}

// Form returns the spec of a kind, and whether the set has it.
func (s FormSet) Form(k FormKind) (FormSpec, bool) {
	f, ok := s.Forms[k]
	return f, ok
}

// IsZero reports whether s is the zero FormSet ("choose by date").
func (s FormSet) IsZero() bool { return s.Circular == "" }

func vnDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, Zone) }

// Circular 01/2018/TT-VPCP of 23/11/2018 guides Decree 61/2018/NĐ-CP; its
// Article 9 issues the forms (Điều 9 "Các biểu mẫu trong quy trình giải
// quyết TTHC", Điều 10 how to fill them in). Titles and numbering:
// trangtinphapluat.com "Tổng hợp các biểu mẫu trong quy trình giải quyết
// thủ tục hành chính" [secondary]. In force 06/01/2019: thukyluat.vn,
// lawnet.vn, seongay.com [secondary, three agreeing sources].
var circular012018 = FormSet{
	Circular:  "01/2018/TT-VPCP",
	Issued:    vnDay(2018, time.November, 23),
	Effective: vnDay(2019, time.January, 6),
	Confirmed: false,
	Basis: []string{
		"Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;",
		"Căn cứ Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP;",
	},
	Forms: specs("ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018", []FormSpec{
		{Kind: FormReceipt, Number: "Mẫu số 01", Title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
		{Kind: FormSupplement, Number: "Mẫu số 02", Title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
		{Kind: FormRefusal, Number: "Mẫu số 03", Title: "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
		{Kind: FormApology, Number: "Mẫu số 04", Title: "Phiếu xin lỗi và hẹn lại ngày trả kết quả"},
		{Kind: FormControl, Number: "Mẫu số 05", Title: "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
		{Kind: FormRegister, Number: "Mẫu số 06", Title: "Sổ theo dõi hồ sơ"},
	}),
}

// Circular 03/2025/TT-VPCP of 15/9/2025 guides Decree 118/2025/NĐ-CP (điểm
// b, c, h khoản 1 Điều 35) and issues the forms in its Phụ lục I. Date and
// preamble: the official header republished by hethongphapluat.com, and
// Quyết định 128/2025/QĐ-UBND Thanh Hóa citing it [official]. The list of
// Mẫu số 01–07: thuviennhadat.vn "Tải file word biểu mẫu Thông tư
// 03/2025/TT-VPCP …" and a public report's "Bảng 2.3: Bộ biểu mẫu theo Phụ
// lục I" [secondary, two agreeing sources].
//
// TO CONFIRM: the article on validity (Hiệu lực thi hành) was not
// reachable. thuviennhadat.vn says Phụ lục I applies "từ ngày 15/9/2025",
// i.e. the circular took effect on signing; that date is used here,
// provisionally, and Confirmed stays false until the official text is read.
var circular032025 = FormSet{
	Circular:  "03/2025/TT-VPCP",
	Issued:    vnDay(2025, time.September, 15),
	Effective: vnDay(2025, time.September, 15),
	Confirmed: false,
	Basis: []string{
		"Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;",
		"Căn cứ Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn thi hành một số nội dung của Nghị định số 118/2025/NĐ-CP;",
	},
	Forms: specs("Phụ lục I ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025", []FormSpec{
		{Kind: FormReceipt, Number: "Mẫu số 01", Title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
		{Kind: FormSupplement, Number: "Mẫu số 02", Title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
		{Kind: FormRefusal, Number: "Mẫu số 03", Title: "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
		{Kind: FormApology, Number: "Mẫu số 04", Title: "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"},
		{Kind: FormStop, Number: "Mẫu số 05", Title: "Thông báo dừng giải quyết hồ sơ"},
		{Kind: FormControl, Number: "Mẫu số 06", Title: "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
		{Kind: FormRegister, Number: "Mẫu số 07", Title: "Sổ theo dõi hồ sơ"},
	}),
}

func specs(issuedBy string, list []FormSpec) map[FormKind]FormSpec {
	m := make(map[FormKind]FormSpec, len(list))
	for _, f := range list {
		f.Citation = f.Number + " " + issuedBy
		m[f.Kind] = f
	}
	return m
}

// formSets are the sets known, oldest first.
var formSets = []FormSet{circular012018, circular032025}

// FormSets returns every set known, oldest first.
func FormSets() []FormSet {
	out := make([]FormSet, len(formSets))
	for k, s := range formSets {
		out[k] = s.clone()
	}
	return out
}

func (s FormSet) clone() FormSet {
	s.Basis = append([]string(nil), s.Basis...)
	s.Forms = maps.Clone(s.Forms)
	return s
}

// FormSetFor returns the set a dossier received at t prints: the newest
// set whose effective day is on or before t's day in Vietnam. A time
// before the oldest set gets the oldest; the zero time, the newest.
func FormSetFor(received time.Time) FormSet {
	if received.IsZero() {
		return formSets[len(formSets)-1].clone()
	}
	d := DateOf(received)
	chosen := formSets[0]
	for _, s := range formSets[1:] {
		if !d.Before(s.Effective) {
			chosen = s
		}
	}
	return chosen.clone()
}

// FormSetByCircular returns the set of a circular ("03/2025/TT-VPCP"), for
// reprinting a paper with the set it was first printed with.
func FormSetByCircular(circular string) (FormSet, bool) {
	for _, s := range formSets {
		if s.Circular == circular {
			return s.clone(), true
		}
	}
	return FormSet{}, false
}

// FormFor picks the set and spec a paper of kind k prints with: the set in
// force when the dossier was received, or — when that set lacks the kind,
// as 01/2018 lacks the stop notice — the set in force on the day the paper
// is issued. ok is false when neither has it.
func FormFor(k FormKind, received, issued time.Time) (FormSet, FormSpec, bool) {
	s := FormSetFor(received)
	if f, ok := s.Form(k); ok {
		return s, f, true
	}
	s = FormSetFor(issued)
	f, ok := s.Form(k)
	return s, f, ok
}
