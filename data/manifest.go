package data

import (
	"context"
	"time"
)

// ManifestKind is what a postal hand-over carries (Decision 45/2016).
type ManifestKind string

const (
	// ManifestFromPost: postal staff deliver dossiers they collected from
	// citizens; signing it is the dossiers' legal filing time.
	ManifestFromPost ManifestKind = "from-post"
	// ManifestToAgency: the office sends dossiers on to a processing agency.
	ManifestToAgency ManifestKind = "to-agency"
	// ManifestToCitizen: the office hands results to the post for delivery.
	ManifestToCitizen ManifestKind = "to-citizen"
)

// Title is the manifest's heading as printed.
func (k ManifestKind) Title() string {
	switch k {
	case ManifestFromPost:
		return "BIÊN BẢN GIAO NHẬN HỒ SƠ TỪ BƯU ĐIỆN"
	case ManifestToAgency:
		return "BIÊN BẢN GIAO HỒ SƠ CHO CƠ QUAN GIẢI QUYẾT"
	case ManifestToCitizen:
		return "BIÊN BẢN GIAO KẾT QUẢ CHO BƯU ĐIỆN ĐỂ PHÁT"
	}
	return string(k)
}

// Valid reports whether k is one of the three kinds.
func (k ManifestKind) Valid() bool {
	return k == ManifestFromPost || k == ManifestToAgency || k == ManifestToCitizen
}

// Manifest statuses.
const (
	ManifestOpen   = "open"
	ManifestClosed = "closed"
)

// Delivery outcomes of a to-citizen item.
const (
	DeliveryPending   = ""
	DeliveryDelivered = "delivered"
	DeliveryFailed    = "failed"    // one failed attempt so far
	DeliveryReturning = "returning" // two failed attempts: back to the office
)

// MaxDeliveryAttempts is how many failed attempts send a result back.
const MaxDeliveryAttempts = 2

// Manifest is a signed hand-over record (biên bản giao nhận).
type Manifest struct {
	Number      string // YYMMDD-WNN, unique in the office
	Kind        ManifestKind
	Status      string
	Carrier     string // postal unit
	Agency      string // receiving agency, for to-agency
	OpenedAt    time.Time
	ClosedAt    time.Time // the signing time; zero while open
	Officer     string    // office officer who signed
	PostalStaff string    // postal staff who signed
	Items       []ManifestItem
	Reconciled  *Reconciliation
}

// ManifestItem is one dossier on a manifest.
type ManifestItem struct {
	DossierCode   string
	Applicant     string
	ProcedureName string
	Documents     int // number of papers
	Originals     int
	Copies        int
	PostalItem    string
	// Fee is, on a from-post manifest, the fee (phí, lệ phí) the postman
	// collected from the applicant and hands over with the dossier, of
	// FeeKind; signing the manifest records it as the dossier's fee
	// collected by post, with its receipt. On a to-citizen manifest it is
	// the postage of the delivery, the post's own money.
	Fee       int64
	FeeKind   FeeKind
	Attempts  int // failed delivery attempts
	Outcome   string
	OutcomeAt time.Time
}

// Totals sums a manifest's items.
type Totals struct {
	Items, Documents, Originals, Copies int
	Fees                                int64
}

// Totals sums the items.
func (m Manifest) Totals() Totals {
	var t Totals
	for _, it := range m.Items {
		t.Items++
		t.Documents += it.Documents
		t.Originals += it.Originals
		t.Copies += it.Copies
		t.Fees += it.Fee
	}
	return t
}

// Item returns the item of a dossier on the manifest.
func (m Manifest) Item(code string) (ManifestItem, bool) {
	for _, it := range m.Items {
		if it.DossierCode == code {
			return it, true
		}
	}
	return ManifestItem{}, false
}

// Reconciliation compares what arrived with what a manifest lists.
type Reconciliation struct {
	At         time.Time
	Actor      string
	Scanned    []string // what was scanned, as understood
	Missing    []string // dossier codes listed but not scanned
	Unexpected []string // scans not on the manifest, with the reason when unreadable
}

// Balanced reports whether nothing is missing and nothing unexpected.
func (r Reconciliation) Balanced() bool { return len(r.Missing) == 0 && len(r.Unexpected) == 0 }

// ManifestAdd is an item to add: the dossier it is, and for from-post
// items the postal item number and fee when they are not known yet.
type ManifestAdd struct {
	DossierCode string
	PostalItem  string
	Fee         int64
	// FeeKind is the kind of a from-post Fee; FeeUnstated takes the
	// kind of the procedure's one fee.
	FeeKind FeeKind
}

// FeeLabel is what a manifest of a kind calls its items' fees.
func (k ManifestKind) FeeLabel() string {
	if k == ManifestFromPost {
		return "Phí, lệ phí"
	}
	return "Cước"
}

// Field names of a manifest's opening, as CheckOpening names them.
const (
	FieldManifestKind = "kind"
	FieldAgency       = "agency"
)

// CheckOpening names what a manifest to open lacks: a kind, and for
// dossiers sent on, the agency that receives them (agency comes cleaned).
func CheckOpening(kind ManifestKind, agency string) error {
	var bad Fields
	switch {
	case !kind.Valid():
		bad.Add(FieldManifestKind, "loại biên bản %q không có (from-post, to-agency, to-citizen)", kind)
	case kind == ManifestToAgency && agency == "":
		bad.Add(FieldAgency, "biên bản chuyển hồ sơ phải ghi cơ quan nhận")
	}
	return bad.Err("Chưa mở được biên bản:")
}

// Field names of a manifest's signing, as CheckSigners names them.
const (
	FieldSigningOfficer = "officer"
	FieldPostalStaff    = "postal"
)

// CheckSigners names the signer a manifest's signing lacks; the names
// come cleaned.
func CheckSigners(officer, postalStaff string) error {
	var bad Fields
	if officer == "" {
		bad.Add(FieldSigningOfficer, "chưa ghi tên cán bộ một cửa ký biên bản")
	}
	if postalStaff == "" {
		bad.Add(FieldPostalStaff, "chưa ghi tên nhân viên bưu điện ký biên bản")
	}
	return bad.Err("Chưa ký được biên bản:")
}

// ManifestService keeps postal hand-over manifests.
type ManifestService interface {
	OpenManifest(ctx context.Context, kind ManifestKind, carrier, agency, actor string) (Manifest, error)
	Manifest(ctx context.Context, number string) (Manifest, error)
	// Manifests lists open manifests and those closed since a time.
	Manifests(ctx context.Context, closedSince time.Time) ([]Manifest, error)
	// AddItem puts a dossier on an open manifest and returns the manifest
	// as it then stands.
	AddItem(ctx context.Context, number string, add ManifestAdd, actor string) (Manifest, error)
	// RemoveItem takes a dossier off an open manifest and returns the
	// manifest as it then stands.
	RemoveItem(ctx context.Context, number, code, actor string) (Manifest, error)
	// CloseManifest signs the manifest and moves every item's dossier in
	// one transaction.
	CloseManifest(ctx context.Context, number, officer, postalStaff string) (Manifest, error)
	// SaveReconciliation stores a reconciliation with its manifest and
	// returns the manifest.
	SaveReconciliation(ctx context.Context, number string, r Reconciliation) (Manifest, error)
	// RecordDelivery records the outcome of a delivery attempt of a
	// to-citizen item and returns the manifest.
	RecordDelivery(ctx context.Context, number, code string, delivered bool, actor string) (Manifest, error)
	// ResultsBack marks ready, in one transaction, the results of the
	// dossiers a signed to-agency manifest sent that are still at the
	// agency, and returns their codes.
	ResultsBack(ctx context.Context, number, actor string) ([]string, error)
	// RecordManifestPrint counts a printout of a manifest and returns its
	// reprint number, 0 for the first.
	RecordManifestPrint(ctx context.Context, number, actor string) (int, error)
	// DossierByPostalItem finds the dossier carrying a postal item number.
	DossierByPostalItem(ctx context.Context, item string) (Dossier, error)
	// Names returns remembered names for a role ("carrier", "postal",
	// "officer", "agency"), most used first.
	Names(ctx context.Context, role string) ([]string, error)
}
