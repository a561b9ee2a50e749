package data

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// ChangeKind is what a change that travels between workstations and the
// province does. Each kind has one payload type (a Payload), read and
// checked by DecodeChange; a new kind is a payload type with its
// Validate, a line in changeKinds, and its apply function in the store
// (data/sqlite ApplyRemote) and, when workstations send it, the server.
type ChangeKind string

// Kinds of change that travel between workstations and the province.
const (
	ChangeDossierCreated ChangeKind = "dossier.created"   // a dossier taken at a counter: DossierRecord
	ChangeDossierStatus  ChangeKind = "dossier.status"    // a dossier moved to another status: StatusChange
	ChangeProcedure      ChangeKind = "catalog.procedure" // the province added or changed a procedure: ProcedureRecord
	ChangeOverride       ChangeKind = "calendar.override" // the province set a day off or a make-up working day: OverrideRecord
	ChangeDossierUpdated ChangeKind = "dossier.updated"   // a dossier's filing time, due date or return method changed: DossierUpdate
	ChangeOfficeProfile  ChangeKind = "office.profile"    // a workstation's office changed its name or place: OfficeProfile
	ChangeDossierRated   ChangeKind = "dossier.rated"     // a citizen rated the service on the public tracking page: RatingRecord
	ChangeAccount        ChangeKind = "account.record"    // an officer's account was added or changed: AccountRecord
	ChangeDossierFees    ChangeKind = "dossier.fees"      // fees collected after intake (by the postman), with their receipts: FeesRecord
	ChangePostalItem     ChangeKind = "postal.announced"  // the postal operator announced a dossier it collected: PostalAnnouncement
	ChangePostalDelivery ChangeKind = "postal.delivery"   // the postal operator reported a delivery attempt of a result: DeliveryRecord
)

// Payload is the content of a change: what it is about (a dossier code,
// a procedure code, a date) and what is wrong with it.
type Payload interface {
	Subject() string
	Validate() error
}

// changeKinds describes every kind: an empty payload to decode into, what
// a message calls it, and whether a workstation may send it (the others
// come from the province only).
var changeKinds = map[ChangeKind]struct {
	payload         func() Payload
	noun            string
	fromWorkstation bool
}{
	ChangeDossierCreated: {func() Payload { return new(DossierRecord) }, "hồ sơ", true},
	ChangeDossierStatus:  {func() Payload { return new(StatusChange) }, "thay đổi trạng thái", true},
	ChangeDossierUpdated: {func() Payload { return new(DossierUpdate) }, "cập nhật hồ sơ", true},
	ChangeProcedure:      {func() Payload { return new(ProcedureRecord) }, "thủ tục", false},
	ChangeOverride:       {func() Payload { return new(OverrideRecord) }, "ngày nghỉ, ngày làm bù", false},
	ChangeOfficeProfile:  {func() Payload { return new(OfficeProfile) }, "tên đơn vị", true},
	ChangeDossierRated:   {func() Payload { return new(RatingRecord) }, "đánh giá", false},
	ChangeAccount:        {func() Payload { return new(AccountRecord) }, "tài khoản", true},
	ChangeDossierFees:    {func() Payload { return new(FeesRecord) }, "phí, lệ phí", true},
	ChangePostalItem:     {func() Payload { return new(PostalAnnouncement) }, "bưu gửi bưu điện báo", false},
	ChangePostalDelivery: {func() Payload { return new(DeliveryRecord) }, "kết quả phát", false},
}

// Known reports whether this version knows the kind; a newer server may
// send kinds an older workstation skips.
func (k ChangeKind) Known() bool {
	_, ok := changeKinds[k]
	return ok
}

// FromWorkstation reports whether a workstation may send changes of the kind.
func (k ChangeKind) FromWorkstation() bool { return changeKinds[k].fromWorkstation }

// DecodeChange reads a payload of a kind and checks it: the one reading
// of each kind, for the workstation applying the province's feed and for
// the server checking and applying a workstation's batch. The payload
// comes back (as a pointer to its type) even when it fails Validate; it
// is nil when it could not be read at all.
func DecodeChange(kind ChangeKind, payload []byte) (Payload, error) {
	k, ok := changeKinds[kind]
	if !ok {
		return nil, Errorf(EInvalid, "loại thay đổi %q không có", kind)
	}
	p := k.payload()
	if err := json.Unmarshal(payload, p); err != nil {
		return nil, Errorf(EInvalid, "không đọc được %s: %v", k.noun, err)
	}
	return p, p.Validate()
}

// What the province did with each pushed change.
const (
	ResultApplied   = "applied"   // recorded now
	ResultDuplicate = "duplicate" // recorded before under the same key: a success
	ResultRejected  = "rejected"  // refused for Reason; never sent again
)

// OutboxChange is one change recorded at this workstation for the province,
// written in the same transaction as the change itself. Key makes sending
// it twice harmless.
type OutboxChange struct {
	Key       string          `json:"key"`
	Kind      ChangeKind      `json:"kind"`
	Subject   string          `json:"subject"` // the dossier code
	Payload   json.RawMessage `json:"payload"`
	CreatedAt time.Time       `json:"created_at"`
}

// ChangeResult is the province's answer for one pushed change.
type ChangeResult struct {
	Key    string `json:"key"`
	Result string `json:"result"`
	// Reason says, in Vietnamese, why a change was rejected.
	Reason string `json:"reason,omitempty"`
	// Seq is the change's place in the province's change feed, when
	// applied (or applied before).
	Seq int64 `json:"seq,omitempty"`
	// Status is the dossier's status at the province after a rejected
	// status change, so the workstation can show what really holds.
	Status Status `json:"status,omitempty"`
}

// Accepted reports whether the province holds the change.
func (r ChangeResult) Accepted() bool {
	return r.Result == ResultApplied || r.Result == ResultDuplicate
}

// PushRequest is one batch of changes sent to the province.
type PushRequest struct {
	Changes []OutboxChange `json:"changes"`
}

// PushResponse answers a PushRequest change by change, in order.
type PushResponse struct {
	Results []ChangeResult `json:"results"`
}

// RemoteChange is one change pulled from the province: made at another
// workstation of the office, by a processing agency, or by the province.
type RemoteChange struct {
	Seq     int64           `json:"seq"`
	Key     string          `json:"key"`
	Kind    ChangeKind      `json:"kind"`
	Subject string          `json:"subject"`
	Payload json.RawMessage `json:"payload"`
	// Workstation made the change; 0 for a processing agency or the province.
	Workstation int       `json:"workstation"`
	At          time.Time `json:"at"`
}

// KeyJSON is a workstation's public key as the sync carries it.
type KeyJSON struct {
	AgencyCode  string `json:"agency_code"`
	Workstation int    `json:"workstation"`
	PublicKey   []byte `json:"public_key"` // Ed25519, base64 in JSON
}

// PullPage is one page of the office's change feed.
type PullPage struct {
	Changes []RemoteChange `json:"changes"`
	// Next is the cursor to ask after next time. The page holds this
	// workstation's own changes too, so that a restored or replaced PC
	// gets back what it had pushed; a workstation skips those it has.
	Next int64 `json:"next"`
	// More is true when the feed has changes after Next already.
	More bool `json:"more"`
	// Remaining is how many changes the feed holds after Next for this
	// workstation: a first pull shows its progress with it.
	Remaining int64 `json:"remaining"`
	// Keys are the public keys of every workstation of the office.
	Keys       []KeyJSON `json:"keys"`
	ServerTime time.Time `json:"server_time"`
}

// ApplicantRecord is an applicant as JSON carries it, in the sync and in
// the intake command.
type ApplicantRecord struct {
	Name      string `json:"name"`
	IDNumber  string `json:"id_number"`
	BirthDate string `json:"birth_date"` // YYYY-MM-DD or ""
	Phone     string `json:"phone"`
	Email     string `json:"email"`
	Address   string `json:"address"`
}

// DocumentRecord is a submitted document as JSON carries it.
type DocumentRecord struct {
	Name      string `json:"name"`
	Originals int    `json:"originals"`
	Copies    int    `json:"copies"`
}

// DossierRecord is a dossier as the sync carries it: the payload of a
// dossier.created change.
type DossierRecord struct {
	Code          string           `json:"code"`
	ProcedureCode string           `json:"procedure_code"`
	ProcedureName string           `json:"procedure_name"`
	Applicant     ApplicantRecord  `json:"applicant"`
	Documents     []DocumentRecord `json:"documents"`
	Sets          int              `json:"sets"`
	Channel       string           `json:"channel"`
	ReturnMethod  string           `json:"return_method"`
	ReturnAddress string           `json:"return_address"`
	PostalItem    string           `json:"postal_item"`
	ReceivedAt    string           `json:"received_at"` // RFC 3339
	WorkingDays   int              `json:"working_days"`
	DueDate       string           `json:"due_date"` // YYYY-MM-DD
	Status        Status           `json:"status"`
	Book          int              `json:"book"`
	RegisterNo    int              `json:"register_no"`
	Officer       string           `json:"officer"`
	Workstation   int              `json:"workstation"`
	// Receipts are the fees collected at intake, one receipt each;
	// FeeExempt why none was; FormSet the circular its papers print with.
	Receipts  []FeeReceiptRecord `json:"fee_receipts,omitempty"`
	FeeExempt string             `json:"fee_exempt,omitempty"`
	FormSet   string             `json:"form_set,omitempty"`
}

// Subject is the dossier's code.
func (r DossierRecord) Subject() string { return r.Code }

// Validate names what a dossier record lacks or gets wrong.
func (r DossierRecord) Validate() error {
	var f Fields
	if !IsDossierCode(r.Code) {
		f.Add("code", "mã hồ sơ %q không đúng dạng", r.Code)
	}
	if r.ProcedureCode == "" {
		f.Add("procedure_code", "thiếu mã thủ tục")
	}
	if r.Applicant.Name == "" {
		f.Add("applicant.name", "thiếu tên người nộp")
	}
	texts := []struct {
		field, label, value string
		max                 int
	}{
		{"procedure_name", "tên thủ tục", r.ProcedureName, MaxProcedureNameLen},
		{"applicant.name", "họ tên người nộp", r.Applicant.Name, MaxNameLen},
		{"applicant.id_number", "số định danh", r.Applicant.IDNumber, 12},
		{"applicant.phone", "số điện thoại", r.Applicant.Phone, 20},
		{"applicant.email", "email", r.Applicant.Email, MaxEmailLen},
		{"applicant.address", "địa chỉ", r.Applicant.Address, MaxAddressLen},
		{"return_address", "địa chỉ nhận kết quả", r.ReturnAddress, MaxAddressLen},
		{"postal_item", "số hiệu bưu gửi", r.PostalItem, 13},
		{"officer", "tên cán bộ tiếp nhận", r.Officer, MaxNameLen},
	}
	for _, t := range texts {
		if p := CheckText(t.label, t.value, t.max); p != "" {
			f.Add(t.field, "%s", p)
		}
	}
	if len(r.Documents) > MaxDocuments {
		f.Add("documents", "nhiều hơn %d giấy tờ", MaxDocuments)
	}
	for i, d := range r.Documents {
		if p := CheckText(fmt.Sprintf("tên giấy tờ thứ %d", i+1), d.Name, MaxDocumentNameLen); p != "" {
			f.Add(fmt.Sprintf("documents[%d].name", i), "%s", p)
		}
	}
	if _, err := time.Parse(time.RFC3339, r.ReceivedAt); err != nil {
		f.Add("received_at", "thời điểm nhận %q không đúng dạng RFC 3339", r.ReceivedAt)
	}
	if _, err := ParseDate(r.DueDate); err != nil {
		f.Add("due_date", "ngày hẹn trả %q không đúng dạng YYYY-MM-DD", r.DueDate)
	}
	if _, ok := statusLabels[r.Status]; !ok {
		f.Add("status", "trạng thái %q không có", r.Status)
	}
	if r.Workstation < 1 || r.Workstation > 9 {
		f.Add("workstation", "số máy trạm phải từ 1 đến 9")
	}
	if p := CheckText("lý do miễn phí, lệ phí", r.FeeExempt, MaxExemptReason); p != "" {
		f.Add("fee_exempt", "%s", p)
	}
	if _, ok := FormSetByCircular(r.FormSet); r.FormSet != "" && !ok {
		f.Add("form_set", "bộ biểu mẫu %q không có", r.FormSet)
	}
	checkReceipts(&f, "fee_receipts", r.Code, r.Receipts)
	return f.Err("Hồ sơ gửi lên chưa hợp lệ.")
}

// FeeReceiptRecord is a fee receipt as the sync carries it, inside its
// dossier's record: every field Decree 254/2026 asks of a receipt, so
// that the province holds what a later e-receipt link needs.
type FeeReceiptRecord struct {
	FormSymbol       string        `json:"form_symbol"`
	SeriesSymbol     string        `json:"series_symbol"`
	Number           int           `json:"number"`
	IssuedAt         string        `json:"issued_at"` // RFC 3339
	Workstation      int           `json:"workstation"`
	CollectorName    string        `json:"collector_name"`
	CollectorTaxCode string        `json:"collector_tax_code"`
	CollectorAddress string        `json:"collector_address,omitempty"`
	Officer          string        `json:"officer"`
	ByPost           bool          `json:"by_post,omitempty"`
	PostalStaff      string        `json:"postal_staff,omitempty"`
	PayerName        string        `json:"payer_name"`
	PayerID          string        `json:"payer_id,omitempty"`
	PayerAddress     string        `json:"payer_address,omitempty"`
	ProcedureCode    string        `json:"procedure_code"`
	ProcedureName    string        `json:"procedure_name"`
	FeeName          string        `json:"fee_name,omitempty"`
	Kind             FeeKind       `json:"kind"`
	Amount           int64         `json:"amount"`
	Method           PaymentMethod `json:"method"`
	EReceipt         *EReceiptJSON `json:"e_receipt,omitempty"`
}

// EReceiptJSON is an e-receipt provider's record of a receipt.
type EReceiptJSON struct {
	Provider         string `json:"provider"`
	ID               string `json:"id"`
	LookupCode       string `json:"lookup_code,omitempty"`
	SignedAt         string `json:"signed_at,omitempty"` // RFC 3339
	TaxAuthorityCode string `json:"tax_authority_code,omitempty"`
}

// NewFeeReceiptRecord is r as the sync carries it.
func NewFeeReceiptRecord(r FeeReceipt) FeeReceiptRecord {
	rec := FeeReceiptRecord{FormSymbol: r.FormSymbol, SeriesSymbol: r.SeriesSymbol, Number: r.Number,
		IssuedAt: r.IssuedAt.In(Zone).Format(time.RFC3339), Workstation: r.Workstation,
		CollectorName: r.Collector.Name, CollectorTaxCode: r.Collector.TaxCode, CollectorAddress: r.Collector.Address,
		Officer: r.Officer, ByPost: r.ByPost, PostalStaff: r.PostalStaff,
		PayerName: r.PayerName, PayerID: r.PayerID, PayerAddress: r.PayerAddress,
		ProcedureCode: r.ProcedureCode, ProcedureName: r.ProcedureName, FeeName: r.FeeName,
		Kind: r.Kind, Amount: r.Amount, Method: r.Method}
	if e := r.EReceipt; e.Issued() {
		rec.EReceipt = &EReceiptJSON{Provider: e.Provider, ID: e.ID, LookupCode: e.LookupCode, TaxAuthorityCode: e.TaxAuthorityCode}
		if !e.SignedAt.IsZero() {
			rec.EReceipt.SignedAt = e.SignedAt.In(Zone).Format(time.RFC3339)
		}
	}
	return rec
}

// Receipt is the record as the receipt of the dossier code, its texts
// cleaned.
func (rec FeeReceiptRecord) Receipt(code string) FeeReceipt {
	issued, _ := time.Parse(time.RFC3339, rec.IssuedAt)
	r := FeeReceipt{FormSymbol: rec.FormSymbol, SeriesSymbol: rec.SeriesSymbol, Number: rec.Number,
		IssuedAt: issued.In(Zone), Workstation: rec.Workstation,
		Collector: FeeCollector{Name: Clean(rec.CollectorName), TaxCode: Clean(rec.CollectorTaxCode), Address: Clean(rec.CollectorAddress),
			FormSymbol: rec.FormSymbol},
		Officer: Clean(rec.Officer), ByPost: rec.ByPost, PostalStaff: Clean(rec.PostalStaff),
		PayerName: Clean(rec.PayerName), PayerID: Clean(rec.PayerID), PayerAddress: Clean(rec.PayerAddress),
		DossierCode: code, ProcedureCode: Clean(rec.ProcedureCode), ProcedureName: Clean(rec.ProcedureName),
		FeeName: Clean(rec.FeeName), Kind: rec.Kind, Amount: rec.Amount, Method: rec.Method}
	if e := rec.EReceipt; e != nil {
		signed, _ := time.Parse(time.RFC3339, e.SignedAt)
		r.EReceipt = EReceipt{Provider: Clean(e.Provider), ID: Clean(e.ID), LookupCode: Clean(e.LookupCode),
			TaxAuthorityCode: Clean(e.TaxAuthorityCode)}
		if !signed.IsZero() {
			r.EReceipt.SignedAt = signed.In(Zone)
		}
	}
	return r
}

// checkReceipts names what is wrong with the receipts of a dossier as a
// change carries them.
func checkReceipts(f *Fields, field, code string, rs []FeeReceiptRecord) {
	if len(rs) > 10 {
		f.Add(field, "nhiều hơn 10 biên lai")
		return
	}
	for i, rec := range rs {
		at := fmt.Sprintf("%s[%d]", field, i)
		if _, err := time.Parse(time.RFC3339, rec.IssuedAt); err != nil {
			f.Add(at+".issued_at", "thời điểm lập %q không đúng dạng RFC 3339", rec.IssuedAt)
			continue
		}
		if first, last := ReceiptBlock(rec.Workstation); rec.Workstation < 1 || rec.Workstation > 9 || rec.Number < first || rec.Number > last {
			f.Add(at+".number", "biên lai số %d không thuộc dãy số của máy trạm %d", rec.Number, rec.Workstation)
		}
		texts := []struct{ label, value string }{{"tên người nộp", rec.PayerName}, {"người thu tiền", rec.Officer},
			{"nhân viên bưu chính", rec.PostalStaff}, {"địa chỉ người nộp", rec.PayerAddress}, {"tên thủ tục", rec.ProcedureName},
			{"nội dung thu", rec.FeeName}, {"tên tổ chức thu", rec.CollectorName}, {"địa chỉ tổ chức thu", rec.CollectorAddress}}
		for _, t := range texts {
			if p := CheckText(t.label, t.value, MaxProcedureNameLen); p != "" {
				f.Add(at, "%s", p)
			}
		}
		var de *Error
		if errors.As(rec.Receipt(code).Validate(), &de) {
			for _, fe := range de.Fields {
				f.Add(at+"."+fe.Field, "%s", fe.Message)
			}
		}
	}
}

// FeesRecord is the payload of a dossier.fees change: fees collected for
// a dossier after its intake — by the postman, handed over with a signed
// from-post manifest — with their receipts.
type FeesRecord struct {
	Code     string             `json:"code"`
	Actor    string             `json:"actor"`
	Note     string             `json:"note"`
	Receipts []FeeReceiptRecord `json:"fee_receipts"`
}

// Subject is the dossier's code.
func (r FeesRecord) Subject() string { return r.Code }

// Validate names what the fees record lacks or gets wrong.
func (r FeesRecord) Validate() error {
	var f Fields
	if !IsDossierCode(r.Code) {
		f.Add("code", "mã hồ sơ %q không đúng dạng", r.Code)
	}
	if len(r.Receipts) == 0 {
		f.Add("fee_receipts", "không có biên lai nào")
	}
	checkNote(&f, r.Note, r.Actor)
	checkReceipts(&f, "fee_receipts", r.Code, r.Receipts)
	return f.Err("Phí, lệ phí gửi lên chưa hợp lệ.")
}

// IntakeNote is the note of a dossier's intake event.
func IntakeNote(channel Channel, due time.Time) string {
	return "Tiếp nhận " + channel.Label() + ", hẹn trả " + due.Format("02/01/2006")
}

// StatusChange is the payload of a dossier.status change.
type StatusChange struct {
	Code  string `json:"code"`
	From  Status `json:"from"`
	To    Status `json:"to"`
	Note  string `json:"note"`
	Actor string `json:"actor"`
	// Undo marks a supervisor's undo of the dossier's last status change
	// (LastChange), from From back to To, Note the reason: the province
	// takes it only when that change was its last from To to From too.
	Undo bool `json:"undo,omitempty"`
}

// Subject is the dossier's code.
func (s StatusChange) Subject() string { return s.Code }

// Validate names what a status change lacks or gets wrong.
func (s StatusChange) Validate() error {
	var f Fields
	if !IsDossierCode(s.Code) {
		f.Add("code", "mã hồ sơ %q không đúng dạng", s.Code)
	}
	if _, ok := statusLabels[s.To]; !ok {
		f.Add("to", "trạng thái %q không có", s.To)
	}
	if s.Undo {
		if _, ok := statusLabels[s.From]; !ok {
			f.Add("from", "trạng thái %q không có", s.From)
		}
		if _, err := CleanUndoReason(s.Note); err != nil {
			for _, fe := range err.(*Error).Fields {
				f.Add("note", "%s", fe.Message)
			}
		}
	}
	checkNote(&f, s.Note, s.Actor)
	return f.Err("Thay đổi trạng thái gửi lên chưa hợp lệ.")
}

// checkNote checks the free texts of a change: its note and who made it.
func checkNote(f *Fields, note, actor string) {
	if p := CheckText("ghi chú", note, MaxNoteLen); p != "" {
		f.Add("note", "%s", p)
	}
	if p := CheckText("người thực hiện", actor, MaxNameLen); p != "" {
		f.Add("actor", "%s", p)
	}
}

// Actions of a dossier.updated change.
const (
	UpdateFiled    = "filed"    // signed in from the post: the filing time and due date restart
	UpdateApology  = "apology"  // Form 04: a new due date
	UpdateDelivery = "delivery" // a failed delivery; after the last one the result comes back
	UpdateToPost   = "to-post"  // the result went to the post for delivery, as item ResultItem
)

// DossierUpdate is the payload of a dossier.updated change: what changed,
// with the note its history records. Empty fields stay as they are.
type DossierUpdate struct {
	Code         string `json:"code"`
	Action       string `json:"action"`
	Actor        string `json:"actor"`
	Note         string `json:"note"`
	ReceivedAt   string `json:"received_at,omitempty"`   // RFC 3339
	DueDate      string `json:"due_date,omitempty"`      // YYYY-MM-DD
	ReturnMethod string `json:"return_method,omitempty"` // counter or post
	ResultItem   string `json:"result_item,omitempty"`   // S10 number the post delivers the result as (to-post)
}

// Subject is the dossier's code.
func (u DossierUpdate) Subject() string { return u.Code }

// Validate names what an update lacks or gets wrong.
func (u DossierUpdate) Validate() error {
	var f Fields
	if !IsDossierCode(u.Code) {
		f.Add("code", "mã hồ sơ %q không đúng dạng", u.Code)
	}
	switch u.Action {
	case UpdateFiled, UpdateApology, UpdateDelivery:
	case UpdateToPost:
		if len(u.ResultItem) != 13 {
			f.Add("result_item", "số hiệu bưu gửi %q không đúng dạng", u.ResultItem)
		}
	default:
		f.Add("action", "loại cập nhật %q không có", u.Action)
	}
	if u.ReceivedAt != "" {
		if _, err := time.Parse(time.RFC3339, u.ReceivedAt); err != nil {
			f.Add("received_at", "thời điểm %q không đúng dạng RFC 3339", u.ReceivedAt)
		}
	}
	if u.DueDate != "" {
		if _, err := ParseDate(u.DueDate); err != nil {
			f.Add("due_date", "ngày %q không đúng dạng YYYY-MM-DD", u.DueDate)
		}
	}
	if m := ReturnMethod(u.ReturnMethod); m != "" && m != ReturnCounter && m != ReturnPost {
		f.Add("return_method", "cách nhận kết quả %q không có", u.ReturnMethod)
	}
	checkNote(&f, u.Note, u.Actor)
	return f.Err("Cập nhật hồ sơ gửi lên chưa hợp lệ.")
}

// ProcedureRecord is the payload of a catalog.procedure change.
type ProcedureRecord struct {
	Code          string `json:"code"`
	Name          string `json:"name"`
	Field         string `json:"field"`
	Level         string `json:"level"`
	TimeLimitText string `json:"time_limit_text"`
	WorkingDays   *int   `json:"working_days"`
	SameDayCutoff string `json:"same_day_cutoff"`
	FeesText      string `json:"fees_text"`
	// Fees are the amounts as the province reads them; nil (a province
	// of an older version) lets each workstation read fees_text.
	Fees          *FeeScheduleRecord `json:"fees,omitempty"`
	PostalAllowed bool               `json:"postal_allowed"`
	Documents     []struct {
		Name       string `json:"name"`
		Originals  int    `json:"originals"`
		Copies     int    `json:"copies"`
		Case       string `json:"case"`
		Form       string `json:"form"`
		CopiesText string `json:"copies_text"`
	} `json:"documents"`
}

// FeeScheduleRecord is a procedure's fees as the sync and the catalogue
// list carry them.
type FeeScheduleRecord struct {
	Known      bool              `json:"known"`
	Amounts    []FeeAmountRecord `json:"amounts"`
	Exemptible bool              `json:"exemptible,omitempty"`
}

// FeeAmountRecord is one amount of a schedule; Kind "" when the published
// text does not say which.
type FeeAmountRecord struct {
	Kind   FeeKind `json:"kind"`
	Amount int64   `json:"amount"`
	Unit   string  `json:"unit,omitempty"`
}

// NewFeeScheduleRecord is s as JSON carries it.
func NewFeeScheduleRecord(s FeeSchedule) FeeScheduleRecord {
	r := FeeScheduleRecord{Known: s.Known, Amounts: []FeeAmountRecord{}, Exemptible: s.Exemptible}
	for _, a := range s.Amounts {
		r.Amounts = append(r.Amounts, FeeAmountRecord(a))
	}
	return r
}

// Schedule is the record as a schedule.
func (r FeeScheduleRecord) Schedule() FeeSchedule {
	s := FeeSchedule{Known: r.Known, Exemptible: r.Exemptible}
	for _, a := range r.Amounts {
		s.Amounts = append(s.Amounts, FeeAmount{Kind: a.Kind, Amount: a.Amount, Unit: Clean(a.Unit)})
	}
	return s
}

// Subject is the procedure's code.
func (r ProcedureRecord) Subject() string { return r.Code }

// Validate names what a procedure record lacks.
func (r ProcedureRecord) Validate() error {
	var f Fields
	if r.Code == "" {
		f.Add("code", "thiếu mã thủ tục")
	}
	if r.Fees != nil {
		for i, a := range r.Fees.Amounts {
			if (a.Kind != FeeUnstated && !a.Kind.Valid()) || amountProblem(a.Amount) != "" {
				f.Add(fmt.Sprintf("fees.amounts[%d]", i), "mức thu %d (%s) không hợp lệ", a.Amount, a.Kind)
			}
		}
	}
	return f.Err("Thủ tục gửi xuống chưa hợp lệ.")
}

// NewProcedureRecord is p as the sync carries it.
func NewProcedureRecord(p Procedure) ProcedureRecord {
	r := ProcedureRecord{Code: p.Code, Name: p.Name, Field: p.Field, Level: p.Level, TimeLimitText: p.TimeLimitText,
		WorkingDays: p.WorkingDays, SameDayCutoff: p.SameDayCutoff, FeesText: p.FeesText, PostalAllowed: p.PostalAllowed}
	fees := NewFeeScheduleRecord(p.Fees)
	r.Fees = &fees
	r.Documents = make([]struct {
		Name       string `json:"name"`
		Originals  int    `json:"originals"`
		Copies     int    `json:"copies"`
		Case       string `json:"case"`
		Form       string `json:"form"`
		CopiesText string `json:"copies_text"`
	}, len(p.Documents))
	for i, d := range p.Documents {
		r.Documents[i].Name, r.Documents[i].Originals, r.Documents[i].Copies = d.Name, d.Originals, d.Copies
		r.Documents[i].Case, r.Documents[i].Form, r.Documents[i].CopiesText = d.Case, d.Form, d.CopiesText
	}
	return r
}

// Procedure is the record as a catalogue procedure.
func (r ProcedureRecord) Procedure() Procedure {
	p := Procedure{Code: r.Code, Name: r.Name, Field: r.Field, Level: r.Level, TimeLimitText: r.TimeLimitText,
		WorkingDays: r.WorkingDays, SameDayCutoff: r.SameDayCutoff, FeesText: r.FeesText, PostalAllowed: r.PostalAllowed}
	if r.Fees != nil {
		p.Fees = r.Fees.Schedule()
	}
	for _, d := range r.Documents {
		p.Documents = append(p.Documents, RequiredDocument{Name: d.Name, Originals: d.Originals, Copies: d.Copies,
			Case: d.Case, Form: d.Form, CopiesText: d.CopiesText})
	}
	return p
}

// OverrideRecord is the payload of a calendar.override change.
type OverrideRecord struct {
	Date string `json:"date"` // YYYY-MM-DD
	Off  bool   `json:"off"`
	Name string `json:"name"`
}

// Subject is the date.
func (r OverrideRecord) Subject() string { return r.Date }

// Validate names what an override record gets wrong.
func (r OverrideRecord) Validate() error {
	var f Fields
	if _, err := ParseDate(r.Date); err != nil {
		f.Add("date", "ngày %q không đúng dạng YYYY-MM-DD", r.Date)
	}
	return f.Err("Ngày nghỉ, ngày làm bù gửi xuống chưa hợp lệ.")
}

// AgencyOf returns the agency code a dossier code starts with.
func AgencyOf(code string) string {
	agency, _, _ := strings.Cut(code, "-")
	return agency
}

// Rejection is a change the province refused: it stays in the
// needs-attention list (cần xử lý) with the province's reason until an
// officer has seen to it, and is never sent again.
type Rejection struct {
	// Incoming is true for a change pulled from the province that could
	// not be applied here; false for one of ours the province refused.
	Incoming   bool
	Key        string
	Kind       ChangeKind
	Subject    string
	Reason     string
	CreatedAt  time.Time
	RejectedAt time.Time
}

// SyncSettings is how this workstation reaches the province.
type SyncSettings struct {
	ServerURL string
	// Token is the long-lived access token the enrollment gave.
	Token string
	// CAFile is the certificate authority the server's certificate must
	// chain to; "" trusts the system's authorities.
	CAFile string
}

// Enrolled reports whether the workstation has been enrolled.
func (s SyncSettings) Enrolled() bool { return s.ServerURL != "" && s.Token != "" }

// SyncStore is what the provincial sync needs of the local store.
type SyncStore interface {
	// Outbox returns up to limit changes waiting to be sent, oldest first.
	Outbox(ctx context.Context, limit int) ([]OutboxChange, error)
	// QueueLength counts the changes waiting to be sent.
	QueueLength(ctx context.Context) (int, error)
	// RecordResults, in one transaction, marks sent the changes the
	// province holds and moves those it rejected to the needs-attention
	// list.
	RecordResults(ctx context.Context, results []ChangeResult) error
	// RecordFailure notes a failed attempt to send changes.
	RecordFailure(ctx context.Context, keys []string, reason string) error
	// ApplyRemote applies one page of the change feed, the office's keys
	// and the new cursor, in one transaction, and returns how many
	// changes it applied: this workstation's own changes that it already
	// has are skipped, and a change that cannot be applied goes to the
	// needs-attention list instead of stopping the pull. Applying a page
	// twice changes nothing.
	ApplyRemote(ctx context.Context, page PullPage) (int, error)
	// RaiseNumbers makes sure this workstation never hands out a dossier
	// number or register number at or below those the province holds
	// for it.
	RaiseNumbers(ctx context.Context, hs []NumberHigh) error
	// Cursor is the feed position after which to pull.
	Cursor(ctx context.Context) (int64, error)
	// NeedsAttention lists the rejected changes an officer has not yet
	// dismissed, oldest first.
	NeedsAttention(ctx context.Context) ([]Rejection, error)
	// DismissRejection records that an officer has seen to a rejected
	// change; it stays in the outbox, marked.
	DismissRejection(ctx context.Context, key, actor string) error
	SyncSettings(ctx context.Context) (SyncSettings, error)
	SaveSyncSettings(ctx context.Context, s SyncSettings) error
	// AuditHeadToSend returns the audit trail's head for the province,
	// anchored on the last one it acknowledged; false when the head has
	// not moved since, or a head it refused is still to be seen to.
	AuditHeadToSend(ctx context.Context) (AuditHeadRecord, bool, error)
	// RecordAuditHead records the province's answer: an accepted head
	// becomes the acknowledged one; a refused one is listed as needing
	// attention, with the province's reason, under the key AuditHeadKey.
	RecordAuditHead(ctx context.Context, h AuditHeadRecord, r ChangeResult) error
}

// AuditHeadKey is the key under which a head the province refused is
// listed as needing attention (sync dismiss audit-head).
const AuditHeadKey = "audit-head"

// IsAgencyCode reports whether s has the form of an agency's electronic
// identifier, such as 000.30.12.H30.
func IsAgencyCode(s string) bool { return agencyCodePattern.MatchString(s) }

// EnrollRequest is what a workstation sends to exchange its one-time
// enrollment code for a token.
type EnrollRequest struct {
	Code        string `json:"code"`
	AgencyCode  string `json:"agency_code"`
	Workstation int    `json:"workstation"`
	PublicKey   []byte `json:"public_key"` // Ed25519, base64 in JSON
	// OfficeName and Place tell the province how the office is called, for
	// the public tracking page.
	OfficeName string `json:"office_name,omitempty"`
	Place      string `json:"place,omitempty"`
}

// EnrollResponse carries the workstation's long-lived token and the
// highest numbers the province holds for it, so that a replaced PC
// continues above them even before its first pull.
type EnrollResponse struct {
	Token       string       `json:"token"`
	AgencyCode  string       `json:"agency_code"`
	Workstation int          `json:"workstation"`
	Highest     []NumberHigh `json:"highest"`
}

// NumberHigh is the highest number of a day's dossier codes (Day set,
// YYMMDD), of a register book (Book set, the year) or of a year's fee
// receipts (ReceiptYear set) that one workstation has handed out.
type NumberHigh struct {
	Day  string `json:"day,omitempty"`
	Book int    `json:"book,omitempty"`
	// ReceiptYear set: the highest fee receipt number of that year.
	ReceiptYear int `json:"receipt_year,omitempty"`
	Last        int `json:"last"`
}

// OfficeProfile is the payload of an office.profile change: the office's
// name and place as its set-up now says, for the public tracking page.
// Subject is the agency code.
type OfficeProfile struct {
	AgencyCode string `json:"agency_code"`
	Name       string `json:"name"`
	Place      string `json:"place"`
}

// Subject is the office's agency code.
func (p OfficeProfile) Subject() string { return p.AgencyCode }

// Validate names what an office profile lacks or gets wrong.
func (p OfficeProfile) Validate() error {
	var f Fields
	if !IsAgencyCode(p.AgencyCode) {
		f.Add("agency_code", "mã định danh cơ quan %q không đúng dạng", p.AgencyCode)
	}
	if p.Name == "" || utf8.RuneCountInString(p.Name) > 200 {
		f.Add("name", "tên đơn vị phải có từ 1 đến 200 ký tự")
	}
	if utf8.RuneCountInString(p.Place) > 200 {
		f.Add("place", "địa danh dài quá 200 ký tự")
	}
	return f.Err("Thông tin đơn vị gửi lên chưa hợp lệ.")
}

// RatingRecord is the payload of a dossier.rated change.
type RatingRecord struct {
	Code    string      `json:"code"`
	Level   RatingLevel `json:"level"`
	Comment string      `json:"comment"`
	RatedAt string      `json:"rated_at"` // RFC 3339
}

// Subject is the rated dossier's code.
func (r RatingRecord) Subject() string { return r.Code }

// Validate names what a rating lacks or gets wrong.
func (r RatingRecord) Validate() error {
	var f Fields
	if !IsDossierCode(r.Code) {
		f.Add("code", "mã hồ sơ %q không đúng dạng", r.Code)
	}
	if !r.Level.Valid() {
		f.Add("level", "mức đánh giá %q không có", r.Level)
	}
	if _, err := CleanComment(r.Comment); err != nil {
		f.Add("comment", "%s", ErrorMessage(err))
	}
	if _, err := time.Parse(time.RFC3339, r.RatedAt); err != nil {
		f.Add("rated_at", "thời điểm %q không đúng dạng RFC 3339", r.RatedAt)
	}
	return f.Err("Đánh giá gửi về chưa hợp lệ.")
}
