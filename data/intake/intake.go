// Package intake holds the rules a dossier must meet before it is saved:
// the same rules for the counter screen and for scripts.
package intake

import (
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// Normalize cleans every text of the request (NFC, trimmed) and fills
// defaults: one set, at the counter, result at the counter.
func Normalize(r *data.IntakeRequest) {
	r.ProcedureCode = data.Clean(r.ProcedureCode)
	a := &r.Applicant
	a.Name = data.Clean(a.Name)
	a.IDNumber = data.Clean(a.IDNumber)
	a.Phone = data.Clean(a.Phone)
	a.Email = data.Clean(a.Email)
	a.Address = data.Clean(a.Address)
	r.ReturnAddress = data.Clean(r.ReturnAddress)
	r.PostalItem = data.Clean(r.PostalItem)
	r.Officer = data.Clean(r.Officer)
	for i := range r.Documents {
		r.Documents[i].Name = data.Clean(r.Documents[i].Name)
	}
	r.FeeExempt = data.Clean(r.FeeExempt)
	if r.Sets == 0 {
		r.Sets = 1
	}
	if r.Channel == "" {
		r.Channel = data.ChannelCounter
	}
	if r.ReturnMethod == "" {
		r.ReturnMethod = data.ReturnCounter
	}
	if r.ReturnMethod == data.ReturnPost && r.ReturnAddress == "" {
		r.ReturnAddress = a.Address
	}
}

// Field names, as the JSON input and the screen name them.
const (
	FieldProcedure     = "procedure_code"
	FieldName          = "applicant.name"
	FieldIDNumber      = "applicant.id_number"
	FieldBirthDate     = "applicant.birth_date"
	FieldPhone         = "applicant.phone"
	FieldEmail         = "applicant.email"
	FieldAddress       = "applicant.address"
	FieldDocuments     = "documents"
	FieldSets          = "sets"
	FieldChannel       = "channel"
	FieldReturnMethod  = "return_method"
	FieldReturnAddress = "return_address"
	FieldPostalItem    = "postal_item"
	FieldWorkingDays   = "working_days"
	FieldReceivedAt    = "received_at"
	FieldOfficer       = "officer"
	// The fees collected: "fees", each "fees[i].kind", "fees[i].amount",
	// "fees[i].method" (data.CheckIntakeFees names them), and the reason
	// for an exemption.
	FieldFees      = "fees"
	FieldFeeExempt = "fee_exempt"
)

// FeeField names a field of the i-th fee collected: FeeField(0, "amount")
// is "fees[0].amount".
func FeeField(i int, name string) string {
	return FieldFees + "[" + strconv.Itoa(i) + "]." + name
}

// The times of receipt an intake accepts: none before 2000, none more
// than a few minutes ahead of this PC's clock.
var EarliestReceipt = time.Date(2000, 1, 1, 0, 0, 0, 0, data.Zone)

const MaxClockAhead = 5 * time.Minute

// Validate checks a normalized request against its procedure (p is the
// zero Procedure when the code is unknown) and names every bad field. The
// phone and postal item number come back normalised.
func Validate(r *data.IntakeRequest, p data.Procedure, now time.Time) error {
	var bad data.Fields
	if r.ProcedureCode == "" {
		bad.Add(FieldProcedure, "chưa chọn thủ tục")
	} else if p.Code == "" {
		bad.Add(FieldProcedure, "không có thủ tục mã %q trong danh mục", r.ProcedureCode)
	}
	a := &r.Applicant
	text := func(field, label, v string, max int) bool {
		if p := data.CheckText(label, v, max); p != "" {
			bad.Add(field, "%s", p)
			return false
		}
		return true
	}
	if a.Name == "" {
		bad.Add(FieldName, "chưa nhập họ tên người nộp")
	} else {
		text(FieldName, "họ tên người nộp", a.Name, data.MaxNameLen)
	}
	if a.IDNumber == "" {
		bad.Add(FieldIDNumber, "chưa nhập số định danh cá nhân (12 chữ số)")
	} else if err := scan.CheckIDNumber(a.IDNumber, a.BirthDate); err != nil {
		bad.Add(FieldIDNumber, "%s", data.ErrorMessage(err))
	}
	if !a.BirthDate.IsZero() && (a.BirthDate.After(now) || a.BirthDate.Year() < 1900) {
		bad.Add(FieldBirthDate, "ngày sinh %s không hợp lý", a.BirthDate.Format("02/01/2006"))
	}
	if a.Phone != "" {
		if phone, err := scan.CheckPhone(a.Phone); err != nil {
			bad.Add(FieldPhone, "%s", data.ErrorMessage(err))
		} else {
			a.Phone = phone
		}
	}
	if a.Email != "" && text(FieldEmail, "email", a.Email, data.MaxEmailLen) {
		if addr, err := mail.ParseAddress(a.Email); err != nil || addr.Address != a.Email {
			bad.Add(FieldEmail, "địa chỉ email %q không hợp lệ", a.Email)
		}
	}
	if a.Address == "" {
		bad.Add(FieldAddress, "chưa nhập địa chỉ")
	} else {
		text(FieldAddress, "địa chỉ", a.Address, data.MaxAddressLen)
	}
	switch n := len(r.Documents); {
	case n == 0:
		bad.Add(FieldDocuments, "chưa đánh dấu giấy tờ nào đã nhận")
	case n > data.MaxDocuments:
		bad.Add(FieldDocuments, "một hồ sơ có nhiều nhất %d giấy tờ (đang có %d)", data.MaxDocuments, n)
	}
	for i, d := range r.Documents {
		if d.Name == "" {
			bad.Add(docField(i, "name"), "thiếu tên giấy tờ")
		} else {
			text(docField(i, "name"), fmt.Sprintf("tên giấy tờ thứ %d", i+1), d.Name, data.MaxDocumentNameLen)
		}
		if d.Originals < 0 || d.Copies < 0 || d.Originals > 999 || d.Copies > 999 {
			bad.Add(docField(i, "originals"), "số bản chính/bản sao phải từ 0 đến 999")
		} else if d.Originals+d.Copies == 0 {
			bad.Add(docField(i, "originals"), "giấy tờ %q chưa có bản nào", d.Name)
		}
	}
	if r.Sets < 1 || r.Sets > 99 {
		bad.Add(FieldSets, "số bộ hồ sơ phải từ 1 đến 99")
	}
	switch r.Channel {
	case data.ChannelCounter, data.ChannelOnline:
	case data.ChannelPostal:
		if p.Code != "" && !p.PostalAllowed {
			bad.Add(FieldChannel, "thủ tục này không nhận hồ sơ qua bưu chính")
		}
		if r.PostalItem == "" {
			bad.Add(FieldPostalItem, "hồ sơ qua bưu chính phải có số hiệu bưu gửi (ví dụ RR123456785VN)")
		}
	default:
		bad.Add(FieldChannel, "kênh nộp %q không có (counter, postal hoặc online)", r.Channel)
	}
	if r.PostalItem != "" {
		if item, err := scan.CheckS10(r.PostalItem); err != nil {
			bad.Add(FieldPostalItem, "%s", data.ErrorMessage(err))
		} else {
			r.PostalItem = item
		}
	}
	switch r.ReturnMethod {
	case data.ReturnCounter:
	case data.ReturnPost:
		if r.ReturnAddress == "" {
			bad.Add(FieldReturnAddress, "trả qua bưu chính cần địa chỉ nhận")
		} else {
			text(FieldReturnAddress, "địa chỉ nhận kết quả", r.ReturnAddress, data.MaxAddressLen)
		}
	default:
		bad.Add(FieldReturnMethod, "cách nhận kết quả %q không có (counter hoặc post)", r.ReturnMethod)
	}
	if d := r.WorkingDays; d != nil && (*d < 0 || *d > data.MaxWorkingDays) {
		bad.Add(FieldWorkingDays, "thời hạn phải từ 0 đến %d ngày làm việc", data.MaxWorkingDays)
	} else if d == nil && p.Code != "" && p.NeedsReview() {
		bad.Add(FieldWorkingDays, "thủ tục %s chưa có thời hạn giải quyết (%s): hãy nhập số ngày làm việc", p.Code, data.NeedsReviewLabel)
	}
	text(FieldOfficer, "tên cán bộ tiếp nhận", r.Officer, data.MaxNameLen)
	if _, _, err := Fees(*r, p); err != nil {
		var de *data.Error
		if errors.As(err, &de) {
			bad = append(bad, de.Fields...)
		}
	}
	switch {
	case r.ReceivedAt.IsZero():
	case r.ReceivedAt.Before(EarliestReceipt):
		bad.Add(FieldReceivedAt, "thời điểm nhận %s trước năm 2000", r.ReceivedAt.In(data.Zone).Format("02/01/2006"))
	case r.ReceivedAt.After(now.Add(MaxClockAhead)):
		bad.Add(FieldReceivedAt, "thời điểm nhận %s ở tương lai", r.ReceivedAt.In(data.Zone).Format("15:04 02/01/2006"))
	}
	return bad.Err("Hồ sơ chưa hợp lệ, chưa lưu:")
}

func docField(i int, name string) string {
	return FieldDocuments + "[" + strconv.Itoa(i) + "]." + name
}

// Fees checks the fees collected against the procedure's schedule and
// returns them, with the exemption reason (data.CheckIntakeFees): a
// procedure with a set fee needs fees or a reason, unless the dossier
// came by post.
func Fees(r data.IntakeRequest, p data.Procedure) ([]data.FeePaid, string, error) {
	s := p.Fees
	if r.Channel == data.ChannelPostal {
		// The postman collects the fee of a dossier sent by post and
		// hands it over with the from-post manifest, which records it.
		s.Known = false
	}
	return data.CheckIntakeFees(s, r.Fees, r.FeeExempt)
}

// WorkingDays is the time limit that applies: the officer's when given,
// else the catalogue's.
func WorkingDays(r data.IntakeRequest, p data.Procedure) int {
	if r.WorkingDays != nil {
		return *r.WorkingDays
	}
	if p.WorkingDays != nil {
		return *p.WorkingDays
	}
	return 0
}
