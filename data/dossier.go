package data

import (
	"context"
	"fmt"
	"regexp"
	"time"
)

// Channel is how a dossier reached the office.
type Channel string

const (
	ChannelCounter Channel = "counter" // at the counter
	ChannelPostal  Channel = "postal"  // through the public postal service
	ChannelOnline  Channel = "online"  // through the online portal
)

// Label is the channel as forms say it.
func (c Channel) Label() string {
	switch c {
	case ChannelCounter:
		return "Trực tiếp tại quầy"
	case ChannelPostal:
		return "Qua dịch vụ bưu chính công ích"
	case ChannelOnline:
		return "Trực tuyến"
	}
	return string(c)
}

// ReturnMethod is how the result goes back to the applicant.
type ReturnMethod string

const (
	ReturnCounter ReturnMethod = "counter"
	ReturnPost    ReturnMethod = "post"
)

// Status is where a dossier stands in its life cycle.
type Status string

const (
	StatusReceived    Status = "received"
	StatusSupplement  Status = "supplement-requested"
	StatusRefused     Status = "refused"
	StatusTransferred Status = "transferred"
	StatusResultReady Status = "result-ready"
	StatusReturned    Status = "returned"
	StatusWithdrawn   Status = "withdrawn"
	// StatusStopped: the office stopped processing the dossier and said
	// why in Mẫu số 05 of Circular 03/2025 (thông báo dừng giải quyết).
	StatusStopped Status = "stopped"
)

var statusLabels = map[Status]string{
	StatusReceived:    "Đã tiếp nhận",
	StatusSupplement:  "Yêu cầu bổ sung",
	StatusRefused:     "Từ chối tiếp nhận",
	StatusTransferred: "Đã chuyển cơ quan giải quyết",
	StatusResultReady: "Có kết quả, chờ trả",
	StatusReturned:    "Đã trả kết quả",
	StatusWithdrawn:   "Rút hồ sơ",
	StatusStopped:     "Dừng giải quyết",
}

// Label is the status in Vietnamese.
func (s Status) Label() string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

// Applicant is the person who files the dossier.
type Applicant struct {
	Name      string
	IDNumber  string    // 12-digit citizen ID
	BirthDate time.Time // zero when not given
	Phone     string
	Email     string
	Address   string
}

// MaskedID shows only the last 4 digits of the ID number, for lists.
func (a Applicant) MaskedID() string {
	if len(a.IDNumber) <= 4 {
		return a.IDNumber
	}
	masked := make([]byte, len(a.IDNumber))
	for i := range masked {
		masked[i] = '*'
	}
	copy(masked[len(masked)-4:], a.IDNumber[len(a.IDNumber)-4:])
	return string(masked)
}

// SubmittedDocument is one paper the applicant handed in.
type SubmittedDocument struct {
	Name      string
	Originals int
	Copies    int
}

// Dossier is one citizen's file (hồ sơ) for one procedure.
type Dossier struct {
	Code          string // <agency code>-<YYMMDD>-<NNNN>
	ProcedureCode string
	ProcedureName string
	Applicant     Applicant
	Documents     []SubmittedDocument
	Sets          int
	Channel       Channel
	ReturnMethod  ReturnMethod
	ReturnAddress string
	PostalItem    string // UPU S10 number, for the postal channel
	ReceivedAt    time.Time
	WorkingDays   int       // the legal time limit applied
	DueDate       time.Time // midnight in Zone
	Status        Status
	Book          int // register book (quyển số): the year
	RegisterNo    int // number in the register, continuous within the year
	Officer       string
	Workstation   int
	// Fees are what was collected with the dossier, at the counter or by
	// the postman, one per receipt; FeeExempt is why the applicant paid
	// nothing (or less) when the procedure charges.
	Fees      []FeePaid
	FeeExempt string
	// FormSet is the circular whose forms the dossier's papers print
	// with ("03/2025/TT-VPCP"): the set in force when it was received,
	// kept so that a reprint of an old dossier prints the set it was
	// first printed with; "" for a dossier that never printed one.
	FormSet string
}

// Forms is the form set the dossier's papers print with: the one it was
// first printed with, else the set in force when it was received.
func (d Dossier) Forms() FormSet {
	if s, ok := FormSetByCircular(d.FormSet); ok {
		return s
	}
	return FormSetFor(d.ReceivedAt)
}

// Event is one line of a dossier's history.
type Event struct {
	At     time.Time
	Actor  string
	Action string
	From   Status
	To     Status
	Note   string
	// Undone is true for a status change a supervisor undid (an
	// ActionUndo line follows): reports and the register skip it.
	Undone bool
}

// IntakeRequest is what the officer (or a script) submits to take a dossier.
type IntakeRequest struct {
	ProcedureCode string
	Applicant     Applicant
	Documents     []SubmittedDocument
	Sets          int
	Channel       Channel
	ReturnMethod  ReturnMethod
	ReturnAddress string
	PostalItem    string
	// ReceivedAt is the time of receipt; zero means now.
	ReceivedAt time.Time
	// WorkingDays overrides the catalogue's time limit; needed when the
	// catalogue has none.
	WorkingDays *int
	Officer     string
	// Fees are the fees collected now, as the screen or the intake JSON
	// gives them; FeeExempt is the reason none is collected. A procedure
	// with a set fee needs one or the other (data.CheckIntakeFees).
	Fees      []FeeEntry
	FeeExempt string
}

// dossierCodePattern matches <agency code>-<YYMMDD>-<NNNN>.
var dossierCodePattern = regexp.MustCompile(`^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}-[0-9]{6}-[0-9]{4}$`)

// IsDossierCode reports whether s has the form of a dossier code.
func IsDossierCode(s string) bool { return dossierCodePattern.MatchString(s) }

// DossierCode builds the code of the seq-th dossier of a day.
func DossierCode(agency string, day time.Time, seq int) string {
	return fmt.Sprintf("%s-%s-%04d", agency, day.In(Zone).Format("060102"), seq)
}

// SequenceBlock returns the first and last sequence numbers workstation w
// may use in a day: W001–W999. Workstations never share a number, with no
// network between them.
func SequenceBlock(w int) (first, last int) {
	return w*1000 + 1, w*1000 + 999
}

// Printout is a PDF the office issued for a dossier.
type Printout struct {
	Kind    string // "receipt", "supplement", "refusal"
	Reprint int    // 0 for the first print
	Path    string
}

// IntakePreview is what saving an intake request would do now.
type IntakePreview struct {
	// Dossier is the dossier as it would be saved. Its Code is "" unless
	// the request is valid; its DueDate is zero while the time limit is
	// not known.
	Dossier Dossier
	// Invalid says why the request would not be saved yet: an EInvalid
	// error naming the fields; nil when it would be.
	Invalid error
}

// IntakeService takes dossiers.
type IntakeService interface {
	// Preview validates the request and returns the dossier as it would be
	// saved now: due date and the code it would get.
	Preview(ctx context.Context, req IntakeRequest) (Dossier, error)
	// Intake validates and saves, in one transaction, the dossier, its
	// documents, its register line, an audit record and an outbox row.
	Intake(ctx context.Context, req IntakeRequest) (Dossier, error)
}

// DossierService reads dossiers and records what happens to them.
type DossierService interface {
	Dossier(ctx context.Context, code string) (Dossier, error)
	History(ctx context.Context, code string) ([]Event, error)
	// RecordPrint counts a printout of a dossier and returns its reprint
	// number: 0 for the first of its kind.
	RecordPrint(ctx context.Context, code, kind, actor string) (int, error)
	// Audit records who saw or did what to a dossier outside its life
	// cycle, such as viewing the full ID number.
	Audit(ctx context.Context, actor, action, code, detail string) error
	// PrintCount says how many printouts of a kind a dossier had.
	PrintCount(ctx context.Context, code, kind string) (int, error)
	// SetStatus changes a dossier's status with an audit record and an
	// outbox row, refusing transitions the life cycle does not allow.
	SetStatus(ctx context.Context, code string, to Status, actor, note string) (Dossier, error)
	// UndoStatus undoes the dossier's last status change, as LastChange
	// allows, with a reason: its history, status, audit record and outbox
	// row in one transaction.
	UndoStatus(ctx context.Context, code, reason, actor string) (Dossier, error)
}

// WorkstationKey is a public key that signs receipt QR codes.
type WorkstationKey struct {
	AgencyCode  string
	Workstation int
	PublicKey   []byte // Ed25519
}

// KeyService keeps the public keys receipts are verified against.
type KeyService interface {
	AddKey(ctx context.Context, k WorkstationKey) error
	Keys(ctx context.Context) ([]WorkstationKey, error)
}
