package data

import (
	"context"
	"time"
)

// HandOver is one hand-over of a dossier's papers, one row of the control
// sheet (phiếu kiểm soát quá trình giải quyết hồ sơ: Mẫu số 06 of Circular
// 03/2025/TT-VPCP, Mẫu số 05 of 01/2018/TT-VPCP). The store knows the
// intake, the manifest to the processing agency, the result coming back
// and the return; steps inside the agency are written by hand.
type HandOver struct {
	At       time.Time
	FromUnit string // giving unit: "Trung tâm Phục vụ hành chính công phường Ninh Kiều"
	From     string // the person who gave
	ToUnit   string // receiving unit
	To       string // the person who received
	// Result is "Trước hạn", "Đúng hạn", "Quá hạn" (see Timeliness) or a
	// short text; "" for none yet.
	Result string
	Note   string
}

// Results of a step as the control sheet writes them.
const (
	Early  = "Trước hạn"
	OnTime = "Đúng hạn"
	Late   = "Quá hạn"
)

// Timeliness says whether something done at done met a due day: before
// that day, on it, or after it, counted in days in Vietnam.
func Timeliness(done, due time.Time) string {
	d, u := DateOf(done), DateOf(due)
	switch {
	case d.Before(u):
		return Early
	case d.Equal(u):
		return OnTime
	}
	return Late
}

// HandOverService reads the hand-overs the store knows of a dossier.
type HandOverService interface {
	// HandOvers are the dossier's hand-overs in order: its intake, each
	// manifest it travelled on to an agency, its result coming back, and
	// its return (at the counter or to the post for delivery).
	HandOvers(ctx context.Context, code string) ([]HandOver, error)
}
