package data

import (
	"context"
	"regexp"
	"time"
)

// Procedure is one administrative procedure (thủ tục hành chính) of the
// province's catalogue.
type Procedure struct {
	Code  string // national code, e.g. 1.001193
	Name  string
	Field string // lĩnh vực
	Level string // implementing level as published
	// TimeLimitText is the time limit as published, kept verbatim.
	TimeLimitText string
	// WorkingDays is the count used for due dates; nil until known.
	WorkingDays *int
	// SameDayCutoff ("HH:MM") is the time after which a dossier counts as
	// received on the next working day; "" when none.
	SameDayCutoff string
	FeesText      string
	// Fees are the amounts the office collects: read from FeesText when
	// it states them unambiguously (catalogfile.ReadFees), or set by an
	// administrator; not Known otherwise.
	Fees          FeeSchedule
	PostalAllowed bool
	Documents     []RequiredDocument
	// LocalTimeLimit is true when an administrator set the time limit
	// here; a re-import that gives none keeps it.
	LocalTimeLimit bool
	// LocalFees is true when an administrator set the fees here; a
	// re-import whose text states none unambiguously keeps them.
	LocalFees bool
}

// RequiredDocument is one paper of a procedure's published dossier.
type RequiredDocument struct {
	Name       string
	Originals  int
	Copies     int
	Case       string // heading it falls under, e.g. "Giấy tờ phải nộp"
	Form       string // template file name, if any
	CopiesText string // count as published, e.g. "1 bản chính,1 bản sao"
}

// NeedsReview reports whether the procedure lacks a usable time limit.
func (p Procedure) NeedsReview() bool { return p.WorkingDays == nil }

// NeedsReviewLabel is what lists show for a procedure without a time limit.
const NeedsReviewLabel = "cần xác định thời hạn"

// CutoffDuration returns the same-day cutoff as a time of day, 0 if none.
func (p Procedure) CutoffDuration() time.Duration {
	d, _ := ParseClock(p.SameDayCutoff)
	return d
}

// ProcedureCodePattern matches national procedure codes such as 1.001193.
var ProcedureCodePattern = regexp.MustCompile(`^[0-9]\.[0-9]{6}$`)

var clockPattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):([0-5][0-9])$`)

// ParseClock parses "HH:MM" into a time of day; "" gives 0.
func ParseClock(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	m := clockPattern.FindStringSubmatch(s)
	if m == nil {
		return 0, Errorf(EInvalid, "giờ %q không đúng dạng HH:MM", s)
	}
	h := int(m[1][0]-'0')*10 + int(m[1][1]-'0')
	mm := int(m[2][0]-'0')*10 + int(m[2][1]-'0')
	return time.Duration(h)*time.Hour + time.Duration(mm)*time.Minute, nil
}

// MaxWorkingDays bounds a time limit: no procedure takes more than a year.
const MaxWorkingDays = 365

// TimeLimit is an administrator's edit of a procedure's time limit.
type TimeLimit struct {
	WorkingDays   *int    // nil: leave as is
	SameDayCutoff *string // nil: leave as is; "": no cutoff
}

// Field names of a time limit, as Validate names them.
const (
	FieldWorkingDays   = "working-days"
	FieldSameDayCutoff = "same-day-cutoff"
)

// Validate names what is wrong with the edit.
func (tl TimeLimit) Validate() error {
	var bad Fields
	if d := tl.WorkingDays; d != nil && (*d < 0 || *d > MaxWorkingDays) {
		bad.Add(FieldWorkingDays, "số ngày làm việc phải từ 0 đến %d", MaxWorkingDays)
	}
	if c := tl.SameDayCutoff; c != nil {
		if _, err := ParseClock(*c); err != nil {
			bad.Add(FieldSameDayCutoff, "giờ %q không đúng dạng HH:MM", *c)
		}
	}
	return bad.Err("Thời hạn chưa hợp lệ.")
}

// ImportReport says what an import did.
type ImportReport struct {
	Added, Updated, KeptLocal int
}

// CatalogService keeps the procedure catalogue.
type CatalogService interface {
	// ImportProcedures adds or updates procedures by code, in one
	// transaction, keeping local time limits the new record lacks.
	ImportProcedures(ctx context.Context, ps []Procedure) (ImportReport, error)
	// Procedures lists procedures matching search (code prefix or name
	// words typed with or without diacritics); "" lists all.
	Procedures(ctx context.Context, search string) ([]Procedure, error)
	Procedure(ctx context.Context, code string) (Procedure, error)
	SetTimeLimit(ctx context.Context, code string, tl TimeLimit) error
	// SetFees records the office's fees for a procedure: what catalog
	// set --fee and --no-fee give.
	SetFees(ctx context.Context, code string, fees FeeSchedule) error
}

// CalendarService keeps the per-date overrides of the working-day calendar.
type CalendarService interface {
	Overrides(ctx context.Context) ([]Override, error)
	SetOverride(ctx context.Context, o Override) error
	RemoveOverride(ctx context.Context, date time.Time) error
	// Calendar returns a calendar with the default rules and every override.
	Calendar(ctx context.Context) (*Calendar, error)
}
