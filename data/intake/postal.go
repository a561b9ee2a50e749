package intake

import (
	"errors"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// Request is the intake an announced dossier becomes at the office:
// channel postal, its S10 number, what the slip says. The fees the
// postman collected are not in it: they travel on the from-post manifest
// (see Fees). The birth date must have been checked (CheckAnnouncement).
func Request(a data.PostalAnnouncement, officer string) data.IntakeRequest {
	birth, _ := data.ParseDate(a.Applicant.BirthDate)
	r := data.IntakeRequest{
		ProcedureCode: a.ProcedureCode,
		Applicant: data.Applicant{Name: a.Applicant.Name, IDNumber: a.Applicant.IDNumber, BirthDate: birth,
			Phone: a.Applicant.Phone, Email: a.Applicant.Email, Address: a.Applicant.Address},
		Channel:       data.ChannelPostal,
		ReturnMethod:  data.ReturnMethod(a.ReturnMethod),
		ReturnAddress: a.ReturnAddress,
		PostalItem:    a.Item,
		Officer:       officer,
	}
	for _, d := range a.Documents {
		r.Documents = append(r.Documents, data.SubmittedDocument{Name: d.Name, Originals: d.Originals, Copies: d.Copies})
	}
	return r
}

// announcementFields renames the intake's fields as the postal API names
// them; the intake's other fields keep their names.
var announcementFields = map[string]string{
	FieldPostalItem: "item",
	FieldReceivedAt: "collected_at",
	FieldOfficer:    "postman",
	FieldChannel:    FieldProcedure,
}

// CheckAnnouncement checks an announcement as intake checks a dossier
// (the procedure p of the catalogue, the S10 check digit, the ID number,
// the text rules, the fees) and names every bad field as the postal API
// names it. It cleans the announcement's texts and normalises its item,
// phone and fees. A procedure without a time limit is not the operator's
// fault: the officer gives one when the dossier is signed in.
func CheckAnnouncement(a *data.PostalAnnouncement, p data.Procedure, now time.Time) error {
	var bad data.Fields
	clean(a)
	if !data.IsAgencyCode(a.AgencyCode) {
		bad.Add("agency_code", "mã định danh đơn vị %q không đúng dạng (ví dụ 000.30.12.H30)", a.AgencyCode)
	}
	if a.Item == "" {
		bad.Add("item", "thiếu số hiệu bưu gửi (ví dụ RR123456785VN)")
	}
	if a.Applicant.BirthDate != "" {
		if _, err := data.ParseDate(a.Applicant.BirthDate); err != nil {
			bad.Add(FieldBirthDate, "ngày sinh %q không đúng dạng YYYY-MM-DD", a.Applicant.BirthDate)
			a.Applicant.BirthDate = ""
		}
	}
	collected, err := time.Parse(time.RFC3339, a.CollectedAt)
	if err != nil {
		bad.Add("collected_at", "thời điểm nhận hồ sơ %q không đúng dạng RFC 3339 (ví dụ 2027-02-03T09:00:00+07:00)", a.CollectedAt)
	}
	if a.Postman == "" {
		bad.Add("postman", "thiếu tên nhân viên bưu điện nhận hồ sơ")
	}
	switch data.ReturnMethod(a.ReturnMethod) {
	case "", data.ReturnCounter, data.ReturnPost:
	default:
		bad.Add(FieldReturnMethod, "cách nhận kết quả %q không có (counter hoặc post)", a.ReturnMethod)
		a.ReturnMethod = ""
	}
	for i := range a.Fees {
		if a.Fees[i].Method == "" {
			a.Fees[i].Method = string(data.PayCash) // the postman takes cash
		}
	}
	r := Request(*a, a.Postman)
	r.ReceivedAt = collected
	r.Fees = a.Fees
	Normalize(&r)
	var de *data.Error
	if err := Validate(&r, p, now); errors.As(err, &de) {
		for _, f := range de.Fields {
			if f.Field == FieldWorkingDays || (f.Field == FieldPostalItem && a.Item == "") {
				continue
			}
			if name, ok := announcementFields[f.Field]; ok {
				f.Field = name
			}
			bad = append(bad, f)
		}
	}
	if len(a.Fees) > 1 {
		bad.Add(FieldFees, "một bưu gửi chỉ ghi một khoản phí, lệ phí bưu điện thu (đang có %d)", len(a.Fees))
	}
	a.Item, a.Applicant.Phone = r.PostalItem, r.Applicant.Phone
	a.ReturnMethod, a.ReturnAddress = string(r.ReturnMethod), r.ReturnAddress
	if err == nil {
		a.CollectedAt = collected.In(data.Zone).Format(time.RFC3339)
	}
	return bad.Err("Thông báo bưu gửi chưa hợp lệ, chưa ghi:")
}

// clean NFC-normalises and trims every text of an announcement.
func clean(a *data.PostalAnnouncement) {
	a.Item = strings.ToUpper(data.Clean(a.Item))
	a.AgencyCode = data.Clean(a.AgencyCode)
	a.ProcedureCode = data.Clean(a.ProcedureCode)
	ap := &a.Applicant
	ap.Name, ap.IDNumber, ap.BirthDate = data.Clean(ap.Name), data.Clean(ap.IDNumber), data.Clean(ap.BirthDate)
	ap.Phone, ap.Email, ap.Address = data.Clean(ap.Phone), data.Clean(ap.Email), data.Clean(ap.Address)
	for i := range a.Documents {
		a.Documents[i].Name = data.Clean(a.Documents[i].Name)
	}
	for i := range a.Fees {
		a.Fees[i].Kind, a.Fees[i].Method = data.Clean(a.Fees[i].Kind), data.Clean(a.Fees[i].Method)
	}
	a.ReturnMethod, a.ReturnAddress = data.Clean(a.ReturnMethod), data.Clean(a.ReturnAddress)
	a.CollectedAt, a.Postman = data.Clean(a.CollectedAt), data.Clean(a.Postman)
}

// CheckDelivery checks a delivery outcome the postal operator reports and
// names every bad field; it cleans the texts and normalises the item.
func CheckDelivery(d *data.PostalDelivery, now time.Time) error {
	var bad data.Fields
	d.Item, d.Outcome = data.Clean(d.Item), data.Clean(d.Outcome)
	d.RecipientID, d.Reason, d.At = data.Clean(d.RecipientID), data.Clean(d.Reason), data.Clean(d.At)
	if item, err := scan.CheckS10(d.Item); err != nil {
		bad.Add("item", "%s", data.ErrorMessage(err))
	} else {
		d.Item = item
	}
	switch d.Outcome {
	case data.OutcomeDelivered:
		if err := scan.CheckIDNumber(d.RecipientID, time.Time{}); err != nil {
			bad.Add("recipient_id", "%s", data.ErrorMessage(err))
		}
	case data.OutcomeFailed:
		if d.Reason == "" {
			bad.Add("reason", "phát không thành công phải ghi lý do")
		} else if p := data.CheckText("lý do", d.Reason, data.MaxNoteLen); p != "" {
			bad.Add("reason", "%s", p)
		}
	default:
		bad.Add("outcome", "kết quả phát %q không có (delivered hoặc failed)", d.Outcome)
	}
	switch at, err := time.Parse(time.RFC3339, d.At); {
	case err != nil:
		bad.Add("at", "thời điểm phát %q không đúng dạng RFC 3339 (ví dụ 2027-02-10T14:30:00+07:00)", d.At)
	case at.Before(EarliestReceipt):
		bad.Add("at", "thời điểm phát trước năm 2000")
	case at.After(now.Add(MaxClockAhead)):
		bad.Add("at", "thời điểm phát %s ở tương lai", at.In(data.Zone).Format("15:04 02/01/2006"))
	default:
		d.At = at.Format(time.RFC3339)
	}
	return bad.Err("Kết quả phát chưa hợp lệ, chưa ghi:")
}
