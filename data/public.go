package data

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaskName shortens a person's name for the public tracking page: the
// initials of every word but the last, then the given name in full —
// "Trần Thị Ngọc Hân" becomes "T. T. N. Hân".
func MaskName(name string) string {
	words := strings.Fields(Clean(name))
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	for _, w := range words[:len(words)-1] {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(". ")
	}
	b.WriteString(words[len(words)-1])
	return b.String()
}

// RatingLevel is how satisfied a citizen was with the service.
type RatingLevel string

const (
	RatingVerySatisfied RatingLevel = "very-satisfied"
	RatingSatisfied     RatingLevel = "satisfied"
	RatingUnsatisfied   RatingLevel = "unsatisfied"
)

// RatingLevels lists the levels in the order a form offers them.
var RatingLevels = []RatingLevel{RatingVerySatisfied, RatingSatisfied, RatingUnsatisfied}

// Valid reports whether l is one of RatingLevels.
func (l RatingLevel) Valid() bool {
	switch l {
	case RatingVerySatisfied, RatingSatisfied, RatingUnsatisfied:
		return true
	}
	return false
}

// Label is the level in Vietnamese.
func (l RatingLevel) Label() string {
	switch l {
	case RatingVerySatisfied:
		return "Rất hài lòng"
	case RatingSatisfied:
		return "Hài lòng"
	case RatingUnsatisfied:
		return "Không hài lòng"
	}
	return string(l)
}

// MaxRatingComment is the most characters a rating's comment may have.
const MaxRatingComment = 500

// CleanComment checks and cleans a citizen's comment: control characters
// other than line breaks and tabs are refused, the rest is cleaned (line
// breaks fold to spaces) and may have at most MaxRatingComment characters.
func CleanComment(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", Errorf(EInvalid, "Góp ý có ký tự không đọc được.")
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
			return "", Errorf(EInvalid, "Góp ý có ký tự điều khiển không được phép; hãy chỉ dùng chữ, số và dấu câu.")
		}
	}
	c := Clean(s)
	if n := utf8.RuneCountInString(c); n > MaxRatingComment {
		return "", Errorf(EInvalid, "Góp ý dài %d ký tự, tối đa %d ký tự.", n, MaxRatingComment)
	}
	return c, nil
}

// Rating is a citizen's rating of the service a dossier got, given on the
// public tracking page once the result was returned.
type Rating struct {
	DossierCode string
	Level       RatingLevel
	Comment     string
	RatedAt     time.Time
}

// RatingCounts counts ratings by level, as the period report shows them.
type RatingCounts struct {
	VerySatisfied int `json:"very_satisfied"`
	Satisfied     int `json:"satisfied"`
	Unsatisfied   int `json:"unsatisfied"`
}

// Total is the number of ratings counted.
func (c RatingCounts) Total() int { return c.VerySatisfied + c.Satisfied + c.Unsatisfied }

// Add counts one rating of level l.
func (c *RatingCounts) Add(l RatingLevel, n int) {
	switch l {
	case RatingVerySatisfied:
		c.VerySatisfied += n
	case RatingSatisfied:
		c.Satisfied += n
	case RatingUnsatisfied:
		c.Unsatisfied += n
	}
}

// RatingService reads the ratings citizens gave, as they came from the
// province.
type RatingService interface {
	// Rating is a dossier's rating; ENotFound when it has none.
	Rating(ctx context.Context, code string) (Rating, error)
	// RatingCounts counts the ratings given from from (inclusive) to to
	// (exclusive), by level.
	RatingCounts(ctx context.Context, from, to time.Time) (RatingCounts, error)
}
