package data

import (
	"context"
	"time"
)

// How a dossier matched a search, best first: what the officer typed is
// the dossier's code, the applicant's ID or phone number, the postal item
// number, or words of the applicant's name.
const (
	MatchCode   = "code"
	MatchID     = "id"
	MatchPhone  = "phone"
	MatchPostal = "postal"
	MatchName   = "name"
)

// SearchLimit is the most dossiers a search lists.
const SearchLimit = 50

// SearchHit is one dossier a search found, as a list shows it: the ID
// number masked.
type SearchHit struct {
	Code          string
	Match         string
	ApplicantName string
	MaskedID      string
	ProcedureCode string
	ProcedureName string
	Status        Status
	ReceivedAt    time.Time
	DueDate       time.Time
}

// SearchService finds dossiers by what an officer types.
type SearchService interface {
	// Search lists at most limit dossiers matching text: exact codes, ID,
	// phone and postal item numbers first, then names, newest first.
	Search(ctx context.Context, text string, limit int) ([]SearchHit, error)
}
