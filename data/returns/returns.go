// Package returns holds the rules of the return desk: to whom a result
// may be handed over, and when Form 04 may move a due date. The screen,
// the commands and the store apply the same rules.
package returns

import (
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// Field names of a hand-over and of Form 04, as the rules name them.
const (
	FieldRecipientID    = "recipient-id"
	FieldAuthorisedName = "authorised-name"
	FieldAuthorisation  = "authorisation"
	FieldDue            = "due" // the dossier's due date: too close for Form 04
	FieldNewDue         = "new-due"
	FieldReason         = "reason"
)

// CheckRecipient accepts the applicant by ID number, or an authorised
// person with a name, a valid ID number and the authorisation paper. The
// recipient comes cleaned.
func CheckRecipient(d data.Dossier, r data.Recipient) error {
	var bad data.Fields
	if r.IDNumber == "" {
		bad.Add(FieldRecipientID, "chưa nhập hoặc quét số định danh của người nhận")
	} else if err := scan.CheckIDNumber(r.IDNumber, time.Time{}); err != nil {
		bad.Add(FieldRecipientID, "%s", data.ErrorMessage(err))
	}
	if r.Authorised() {
		if r.Name == "" {
			bad.Add(FieldAuthorisedName, "chưa ghi họ tên người được ủy quyền")
		}
		if r.Authorisation == "" {
			bad.Add(FieldAuthorisation, "chưa ghi giấy ủy quyền (số, ngày, người ủy quyền)")
		}
	} else if len(bad) == 0 && r.IDNumber != d.Applicant.IDNumber {
		bad.Add(FieldRecipientID, "số định danh %s không khớp với người nộp hồ sơ (…%s); nếu là người được ủy quyền, hãy ghi họ tên và giấy ủy quyền",
			r.IDNumber, last4(d.Applicant.IDNumber))
	}
	return bad.Err("Chưa trả được kết quả:")
}

func last4(s string) string {
	if len(s) <= 4 {
		return s
	}
	return s[len(s)-4:]
}

// CheckApology checks Form 04 for a dossier: issued today, at least one
// day before the due date, with a new due date that is a later working
// day and a reason. newDue is a date (midnight in data.Zone), reason
// comes cleaned.
func CheckApology(d data.Dossier, today, newDue time.Time, reason string, cal *data.Calendar) error {
	var bad data.Fields
	if !today.Before(d.DueDate) {
		bad.Add(FieldDue, "phiếu xin lỗi phải lập chậm nhất 1 ngày làm việc trước ngày hẹn %s", d.DueDate.Format("02/01/2006"))
	}
	if !newDue.After(d.DueDate) {
		bad.Add(FieldNewDue, "ngày hẹn mới phải sau ngày hẹn cũ %s", d.DueDate.Format("02/01/2006"))
	} else if !cal.IsWorkingDay(newDue) {
		bad.Add(FieldNewDue, "ngày hẹn mới %s là ngày nghỉ", newDue.Format("02/01/2006"))
	}
	if reason == "" {
		bad.Add(FieldReason, "chưa ghi lý do chậm")
	}
	return bad.Err("Chưa lập được phiếu xin lỗi (Mẫu 04):")
}
