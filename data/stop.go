package data

import (
	"context"
	"time"
	"unicode/utf8"
)

// Stop is Mẫu số 05 of Circular 03/2025/TT-VPCP, the notice that the
// office stops processing a dossier (thông báo dừng giải quyết hồ sơ).
// The articles of Decree 118/2025/NĐ-CP on when a dossier is stopped were
// not reachable (notes/legal.md §1.5): the reason and the specific ground
// are the officer's text.
type Stop struct {
	DossierCode string
	// Number is the notice's number as printed after "Số: " ("15/TB-TTPVHCC");
	// "" leaves a blank to fill in by hand.
	Number   string
	IssuedAt time.Time
	Reason   string
	// Basis is the specific ground ("Đơn đề nghị dừng giải quyết hồ sơ của
	// Ông/Bà ngày 02/3/2026"); the form set's instruments print before it.
	Basis   string
	Officer string // who prepared the notice
	// Signer and SignerTitle are who signs for the office; a blank title
	// prints "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", a blank name leaves room to sign.
	Signer      string
	SignerTitle string
}

// MaxReasonText bounds a reason or ground an officer writes, in characters.
const MaxReasonText = 1000

// Validate names what the notice lacks.
func (s Stop) Validate() error {
	var f Fields
	if !IsDossierCode(s.DossierCode) {
		f.Add("code", "mã hồ sơ %q không đúng dạng", s.DossierCode)
	}
	if s.IssuedAt.IsZero() {
		f.Add("date", "chưa có ngày thông báo")
	}
	switch n := utf8.RuneCountInString(Clean(s.Reason)); {
	case n == 0:
		f.Add("reason", "chưa ghi lý do dừng giải quyết hồ sơ")
	case n > MaxReasonText:
		f.Add("reason", "lý do dài %d ký tự, tối đa %d", n, MaxReasonText)
	}
	if n := utf8.RuneCountInString(Clean(s.Basis)); n > MaxReasonText {
		f.Add("basis", "căn cứ dài %d ký tự, tối đa %d", n, MaxReasonText)
	}
	if Clean(s.Officer) == "" {
		f.Add("officer", "chưa có người lập thông báo")
	}
	return f.Err("Thông báo dừng giải quyết hồ sơ chưa đủ thông tin.")
}

// StopService records that the office stops processing a dossier.
type StopService interface {
	// StopDossier records the stop notice of a dossier and moves it to
	// StatusStopped, with its history, audit record and outbox row, in
	// one transaction; the life cycle decides whether it may stop.
	StopDossier(ctx context.Context, s Stop) (Stop, error)
	// Stopped is the stop notice of a dossier, ENotFound before.
	Stopped(ctx context.Context, code string) (Stop, error)
}
