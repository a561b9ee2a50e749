package data

import (
	"context"
	"time"
)

// Recipient is who takes a result at the counter: the applicant, whose
// ID number must match, or a person the applicant authorised.
type Recipient struct {
	IDNumber      string // the ID shown or scanned at the counter
	Name          string // for an authorised person
	Authorisation string // the authorisation paper, e.g. "Giấy ủy quyền số 12 ngày 01/03/2027"
}

// Authorised reports whether the recipient is someone other than the applicant.
func (r Recipient) Authorised() bool { return r.Name != "" || r.Authorisation != "" }

// Return is the record of a result handed over.
type Return struct {
	DossierCode   string
	At            time.Time
	Officer       string
	Name          string
	IDNumber      string
	Authorised    bool
	Authorisation string
}

// Apology is Form 04: a late dossier's apology and new appointment date.
type Apology struct {
	DossierCode string
	IssuedAt    time.Time
	OldDue      time.Time
	NewDue      time.Time
	Reason      string
	Officer     string
}

// Listed is what a row of the return desk's lists shows of a dossier:
// the lists hold thousands of dossiers and read only this; opening one
// reads the whole dossier (DossierView). It holds no ID number.
type Listed struct {
	Code          string
	ApplicantName string
	ProcedureName string
	Status        Status
	DueDate       time.Time
}

// ListedOf is the list row of a dossier read whole.
func ListedOf(d Dossier) Listed {
	return Listed{Code: d.Code, ApplicantName: d.Applicant.Name, ProcedureName: d.ProcedureName, Status: d.Status, DueDate: d.DueDate}
}

// Waiting is a result ready and not collected.
type Waiting struct {
	Dossier Listed
	Since   time.Time // when the result became ready
	Days    int       // calendar days waiting
}

// Lists are the supervisor's lists. Every dossier that belongs in a list
// is in it: none is left out to make a list shorter.
type Lists struct {
	Waiting []Waiting
	DueSoon []Listed // open, due today or within the next working days
	Overdue []Listed // open and past the due date
	// Stopped are the dossiers stopped (Mẫu số 05) in the last
	// StoppedDays days, the latest first.
	Stopped []Listed
}

// StoppedDays is how far back the list of stopped dossiers looks.
const StoppedDays = 30

// DossierView is everything the return desk shows of one dossier.
type DossierView struct {
	Dossier   Dossier
	History   []Event
	Return    *Return  // nil until the result is handed over
	Manifests []string // the manifests it travelled on, oldest first
	Rating    *Rating  // the citizen's rating from the public page; nil until one comes
	Stop      *Stop    // the stop notice of a stopped dossier
	// Late is how many days the dossier is past its due date while its
	// clock runs; DueSoon is true when it is due within DueSoonDays
	// working days.
	Late    int
	DueSoon bool
}

// Apologised reports whether Form 04 was issued for the dossier.
func (v DossierView) Apologised() bool {
	for _, e := range v.History {
		if e.Action == "apology" {
			return true
		}
	}
	return false
}

// ReturnService records the end of a dossier's life at the counter.
type ReturnService interface {
	// ReturnResult hands a ready result to its applicant or an authorised
	// person and closes the dossier.
	ReturnResult(ctx context.Context, code string, r Recipient, officer string) (Return, error)
	// Apologise records Form 04 and moves the due date, once per dossier,
	// at least one working day before the due date.
	Apologise(ctx context.Context, code string, newDue time.Time, reason, officer string) (Apology, error)
	// Lists computes the waiting, due-soon and overdue lists as of now.
	Lists(ctx context.Context) (Lists, error)
	// DossiersOf lists the dossiers of an applicant's ID number, newest first.
	DossiersOf(ctx context.Context, idNumber string) ([]Dossier, error)
	// Returned is the return record of a dossier, ENotFound before.
	Returned(ctx context.Context, code string) (Return, error)
	// Manifests a dossier travelled on, oldest first.
	ManifestsOf(ctx context.Context, code string) ([]string, error)
}

// DueSoonDays is how many working days ahead "due soon" looks.
const DueSoonDays = 2
