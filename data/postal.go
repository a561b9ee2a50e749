package data

import (
	"context"
	"fmt"
	"time"
)

// PostalAnnouncement is a dossier the postal operator collected at a
// citizen's home, announced before the postman brings it to the office:
// the content of the collection slip (phiếu gửi hồ sơ, Circular 17/2017
// Art. 9). It is the body of POST /postal/v1/items and, with AnnouncedAt
// set by the province, the payload of a postal.announced change.
type PostalAnnouncement struct {
	Item          string           `json:"item"` // UPU S10 number of the collected item
	AgencyCode    string           `json:"agency_code"`
	ProcedureCode string           `json:"procedure_code"`
	Applicant     ApplicantRecord  `json:"applicant"`
	Documents     []DocumentRecord `json:"documents"`
	// Fees are what the postman collected from the citizen; he hands the
	// money over with the dossier, on the from-post manifest.
	Fees []FeeEntry `json:"fees,omitempty"`
	// ReturnMethod is how the citizen wants the result ("post" or
	// "counter", the default); ReturnAddress where, by post (the
	// applicant's address when empty).
	ReturnMethod  string `json:"return_method,omitempty"`
	ReturnAddress string `json:"return_address,omitempty"`
	CollectedAt   string `json:"collected_at"` // RFC 3339
	Postman       string `json:"postman"`
	AnnouncedAt   string `json:"announced_at,omitempty"` // RFC 3339, set by the province
}

// Subject is the postal item number.
func (a PostalAnnouncement) Subject() string { return a.Item }

// Validate names what an announcement, as the feed carries it, lacks.
// The province checked it in full (intake.CheckAnnouncement) before it
// entered the feed; this guards the workstation against a damaged row.
func (a PostalAnnouncement) Validate() error {
	var f Fields
	if len(a.Item) != 13 {
		f.Add("item", "số hiệu bưu gửi %q không đúng dạng", a.Item)
	}
	if !IsAgencyCode(a.AgencyCode) {
		f.Add("agency_code", "mã đơn vị %q không đúng dạng", a.AgencyCode)
	}
	if a.ProcedureCode == "" {
		f.Add("procedure_code", "thiếu mã thủ tục")
	}
	if a.Applicant.Name == "" {
		f.Add("applicant.name", "thiếu tên người nộp")
	}
	if _, err := time.Parse(time.RFC3339, a.CollectedAt); err != nil {
		f.Add("collected_at", "thời điểm %q không đúng dạng RFC 3339", a.CollectedAt)
	}
	for _, t := range []struct{ field, label, value string }{
		{"applicant.name", "họ tên người nộp", a.Applicant.Name},
		{"postman", "tên nhân viên bưu điện", a.Postman},
	} {
		if p := CheckText(t.label, t.value, MaxNameLen); p != "" {
			f.Add(t.field, "%s", p)
		}
	}
	if p := CheckText("địa chỉ", a.Applicant.Address, MaxAddressLen); p != "" {
		f.Add("applicant.address", "%s", p)
	}
	if len(a.Documents) > MaxDocuments {
		f.Add("documents", "nhiều hơn %d giấy tờ", MaxDocuments)
	}
	return f.Err("Thông báo bưu gửi của bưu điện chưa hợp lệ.")
}

// Collected is the time the postman took the dossier.
func (a PostalAnnouncement) Collected() time.Time {
	t, _ := time.Parse(time.RFC3339, a.CollectedAt)
	return t
}

// Announced is the time the province took the announcement.
func (a PostalAnnouncement) Announced() time.Time {
	t, _ := time.Parse(time.RFC3339, a.AnnouncedAt)
	return t
}

// Outcomes the postal operator reports for a delivery attempt.
const (
	OutcomeDelivered = "delivered"
	OutcomeFailed    = "failed"
)

// PostalDelivery is the outcome of one attempt to deliver a result, as
// the postal operator reports it (POST /postal/v1/deliveries).
type PostalDelivery struct {
	Item string `json:"item"` // the result's S10 number on a to-citizen manifest
	// Outcome is "delivered", with the recipient's ID number, or
	// "failed", with the reason.
	Outcome     string `json:"outcome"`
	RecipientID string `json:"recipient_id,omitempty"`
	Reason      string `json:"reason,omitempty"`
	At          string `json:"at"` // RFC 3339
}

// DeliveryRecord is the payload of a postal.delivery change: the outcome
// of a delivery attempt the operator reported, for the office to record
// as `manifest delivery` records it.
type DeliveryRecord struct {
	Code        string `json:"code"` // the dossier
	Item        string `json:"item"`
	Outcome     string `json:"outcome"` // delivered, failed or returning (the last failure)
	Attempts    int    `json:"attempts"`
	RecipientID string `json:"recipient_id,omitempty"`
	Reason      string `json:"reason,omitempty"`
	At          string `json:"at"` // RFC 3339
	Actor       string `json:"actor"`
}

// Subject is the dossier's code.
func (r DeliveryRecord) Subject() string { return r.Code }

// Validate names what a delivery record lacks or gets wrong.
func (r DeliveryRecord) Validate() error {
	var f Fields
	if !IsDossierCode(r.Code) {
		f.Add("code", "mã hồ sơ %q không đúng dạng", r.Code)
	}
	switch r.Outcome {
	case DeliveryDelivered, DeliveryFailed, DeliveryReturning:
	default:
		f.Add("outcome", "kết quả phát %q không có", r.Outcome)
	}
	if _, err := time.Parse(time.RFC3339, r.At); err != nil {
		f.Add("at", "thời điểm %q không đúng dạng RFC 3339", r.At)
	}
	if p := CheckText("lý do", r.Reason, MaxNoteLen); p != "" {
		f.Add("reason", "%s", p)
	}
	checkNote(&f, "", r.Actor)
	return f.Err("Kết quả phát của bưu điện chưa hợp lệ.")
}

// Note is what the dossier's history says of the attempt.
func (r DeliveryRecord) Note() string {
	switch r.Outcome {
	case DeliveryDelivered:
		if r.RecipientID != "" {
			return fmt.Sprintf("Bưu điện báo đã phát kết quả (bưu gửi %s), người nhận có số định danh %s", r.Item,
				Applicant{IDNumber: r.RecipientID}.MaskedID())
		}
		return fmt.Sprintf("Bưu điện báo đã phát kết quả (bưu gửi %s)", r.Item)
	case DeliveryReturning:
		return fmt.Sprintf("Bưu điện báo phát không thành công lần %d (bưu gửi %s): %s; kết quả chuyển về bộ phận một cửa, trả tại quầy",
			r.Attempts, r.Item, r.Reason)
	}
	return fmt.Sprintf("Bưu điện báo phát không thành công lần %d (bưu gửi %s): %s", r.Attempts, r.Item, r.Reason)
}

// PostalItemStatus is what the postal operator learns of an item it
// announced or delivers (GET /postal/v1/items/{item}): the dossier's
// status and dates, nothing personal beyond what it sent.
type PostalItemStatus struct {
	Item        string `json:"item"`
	AgencyCode  string `json:"agency_code"`
	AnnouncedAt string `json:"announced_at,omitempty"`
	CollectedAt string `json:"collected_at,omitempty"`
	// HandedOver is true once the office received the dossier on a
	// signed from-post manifest; ReceivedAt is then its filing time.
	HandedOver  bool              `json:"handed_over"`
	DossierCode string            `json:"dossier_code,omitempty"`
	Status      Status            `json:"status,omitempty"`
	StatusLabel string            `json:"status_label,omitempty"`
	ReceivedAt  string            `json:"received_at,omitempty"`
	DueDate     string            `json:"due_date,omitempty"`
	Deliveries  []PostalAttemptAt `json:"deliveries"`
}

// PostalAttemptAt is one delivery attempt of a result, as reported.
type PostalAttemptAt struct {
	Item    string `json:"item"`
	Outcome string `json:"outcome"`
	At      string `json:"at"`
}

// Announced is an announcement as the office holds it: with the dossier
// it became once scanned onto a from-post manifest.
type Announced struct {
	PostalAnnouncement
	DossierCode string // "" until handed over
	Manifest    string // the from-post manifest it is on, if any
}

// PostalCounts compares, for a period, what the postal operator announced
// with what postal staff handed over on signed from-post manifests: the
// figures of the quarterly postal report.
type PostalCounts struct {
	From, To time.Time // [From, To)
	// Announced counts the items announced in the period; HandedOver the
	// postal dossiers signed in on from-post manifests in the period.
	Announced, HandedOver int
	// NotHandedOver are the items announced in the period and not handed
	// over (by the period's end); NotAnnounced the items handed over in
	// the period that were never announced.
	NotHandedOver, NotAnnounced []string
}

// PostalService is the office's side of the postal operator's
// announcements.
type PostalService interface {
	// Announcements lists the announced items not yet handed over.
	Announcements(ctx context.Context) ([]Announced, error)
	// Announcement returns an announced item by its S10 number.
	Announcement(ctx context.Context, item string) (Announced, error)
	// PostalCounts counts announced and handed-over items of a period.
	PostalCounts(ctx context.Context, from, to time.Time) (PostalCounts, error)
}
