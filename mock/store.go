// Package mock has a store for tests of the paths a real store rarely
// takes: each method calls its function field when a test sets it, and
// the real store in Next otherwise. A test sets the one call it wants to
// fail (s.DossierFn = …) and keeps the rest real.
package mock

import (
	"context"
	"time"

	"motcua/counter"
	"motcua/data"
)

var _ counter.Store = (*Store)(nil)

// Store is a counter.Store with a function field for each method.
type Store struct {
	// Next answers the calls whose function field is nil.
	Next counter.Store

	AccountFns // accounts and the audit trail (accounts.go)
	PostalFns  // the postal operator's announcements (postal.go)
	ReportFns  // the reports (report.go)

	RaiseNumbersFn func(ctx context.Context, hs []data.NumberHigh) error
	PrinterFn      func(ctx context.Context) (string, error)
	SetPrinterFn   func(ctx context.Context, name string) error
	RatingFn       func(ctx context.Context, code string) (data.Rating, error)
	RatingCountsFn func(ctx context.Context, from, to time.Time) (data.RatingCounts, error)
	SetFeesFn      func(ctx context.Context, code string, fees data.FeeSchedule) error
	FeeReceiptsFn  func(ctx context.Context, code string) ([]data.FeeReceipt, error)
	FeeReportFn    func(ctx context.Context, from, to time.Time) (data.FeeReport, error)
	StopDossierFn  func(ctx context.Context, st data.Stop) (data.Stop, error)
	StoppedFn      func(ctx context.Context, code string) (data.Stop, error)
	HandOversFn    func(ctx context.Context, code string) ([]data.HandOver, error)
	RegisterFn     func(ctx context.Context, from, to time.Time) (data.Register, error)

	OfficeFn              func(ctx context.Context) (data.Office, error)
	SaveOfficeFn          func(ctx context.Context, o data.Office) error
	ImportProceduresFn    func(ctx context.Context, ps []data.Procedure) (data.ImportReport, error)
	ProceduresFn          func(ctx context.Context, search string) ([]data.Procedure, error)
	ProcedureFn           func(ctx context.Context, code string) (data.Procedure, error)
	SetTimeLimitFn        func(ctx context.Context, code string, tl data.TimeLimit) error
	OverridesFn           func(ctx context.Context) ([]data.Override, error)
	SetOverrideFn         func(ctx context.Context, o data.Override) error
	RemoveOverrideFn      func(ctx context.Context, date time.Time) error
	CalendarFn            func(ctx context.Context) (*data.Calendar, error)
	PreviewFn             func(ctx context.Context, req data.IntakeRequest) (data.Dossier, error)
	IntakeFn              func(ctx context.Context, req data.IntakeRequest) (data.Dossier, error)
	DossierFn             func(ctx context.Context, code string) (data.Dossier, error)
	HistoryFn             func(ctx context.Context, code string) ([]data.Event, error)
	RecordPrintFn         func(ctx context.Context, code, kind, actor string) (int, error)
	AuditFn               func(ctx context.Context, actor, action, code, detail string) error
	PrintCountFn          func(ctx context.Context, code, kind string) (int, error)
	SetStatusFn           func(ctx context.Context, code string, to data.Status, actor, note string) (data.Dossier, error)
	UndoStatusFn          func(ctx context.Context, code, reason, actor string) (data.Dossier, error)
	AddKeyFn              func(ctx context.Context, k data.WorkstationKey) error
	KeysFn                func(ctx context.Context) ([]data.WorkstationKey, error)
	OpenManifestFn        func(ctx context.Context, kind data.ManifestKind, carrier, agency, actor string) (data.Manifest, error)
	ManifestFn            func(ctx context.Context, number string) (data.Manifest, error)
	ManifestsFn           func(ctx context.Context, closedSince time.Time) ([]data.Manifest, error)
	AddItemFn             func(ctx context.Context, number string, add data.ManifestAdd, actor string) (data.Manifest, error)
	RemoveItemFn          func(ctx context.Context, number, code, actor string) (data.Manifest, error)
	CloseManifestFn       func(ctx context.Context, number, officer, postalStaff string) (data.Manifest, error)
	SaveReconciliationFn  func(ctx context.Context, number string, r data.Reconciliation) (data.Manifest, error)
	RecordDeliveryFn      func(ctx context.Context, number, code string, delivered bool, actor string) (data.Manifest, error)
	ResultsBackFn         func(ctx context.Context, number, actor string) ([]string, error)
	RecordManifestPrintFn func(ctx context.Context, number, actor string) (int, error)
	DossierByPostalItemFn func(ctx context.Context, item string) (data.Dossier, error)
	NamesFn               func(ctx context.Context, role string) ([]string, error)
	ReturnResultFn        func(ctx context.Context, code string, r data.Recipient, officer string) (data.Return, error)
	ApologiseFn           func(ctx context.Context, code string, newDue time.Time, reason, officer string) (data.Apology, error)
	ListsFn               func(ctx context.Context) (data.Lists, error)
	DossiersOfFn          func(ctx context.Context, idNumber string) ([]data.Dossier, error)
	SearchFn              func(ctx context.Context, text string, limit int) ([]data.SearchHit, error)
	ReturnedFn            func(ctx context.Context, code string) (data.Return, error)
	ManifestsOfFn         func(ctx context.Context, code string) ([]string, error)
	OutboxFn              func(ctx context.Context, limit int) ([]data.OutboxChange, error)
	QueueLengthFn         func(ctx context.Context) (int, error)
	RecordResultsFn       func(ctx context.Context, results []data.ChangeResult) error
	RecordFailureFn       func(ctx context.Context, keys []string, reason string) error
	ApplyRemoteFn         func(ctx context.Context, page data.PullPage) (int, error)
	CursorFn              func(ctx context.Context) (int64, error)
	NeedsAttentionFn      func(ctx context.Context) ([]data.Rejection, error)
	DismissRejectionFn    func(ctx context.Context, key, actor string) error
	SyncSettingsFn        func(ctx context.Context) (data.SyncSettings, error)
	SaveSyncSettingsFn    func(ctx context.Context, s data.SyncSettings) error
}

// Office calls OfficeFn, or Next when it is nil.
func (s *Store) Office(ctx context.Context) (data.Office, error) {
	if s.OfficeFn != nil {
		return s.OfficeFn(ctx)
	}
	return s.Next.Office(ctx)
}

// SaveOffice calls SaveOfficeFn, or Next when it is nil.
func (s *Store) SaveOffice(ctx context.Context, o data.Office) error {
	if s.SaveOfficeFn != nil {
		return s.SaveOfficeFn(ctx, o)
	}
	return s.Next.SaveOffice(ctx, o)
}

// ImportProcedures calls ImportProceduresFn, or Next when it is nil.
func (s *Store) ImportProcedures(ctx context.Context, ps []data.Procedure) (data.ImportReport, error) {
	if s.ImportProceduresFn != nil {
		return s.ImportProceduresFn(ctx, ps)
	}
	return s.Next.ImportProcedures(ctx, ps)
}

// Procedures calls ProceduresFn, or Next when it is nil.
func (s *Store) Procedures(ctx context.Context, search string) ([]data.Procedure, error) {
	if s.ProceduresFn != nil {
		return s.ProceduresFn(ctx, search)
	}
	return s.Next.Procedures(ctx, search)
}

// Procedure calls ProcedureFn, or Next when it is nil.
func (s *Store) Procedure(ctx context.Context, code string) (data.Procedure, error) {
	if s.ProcedureFn != nil {
		return s.ProcedureFn(ctx, code)
	}
	return s.Next.Procedure(ctx, code)
}

// SetTimeLimit calls SetTimeLimitFn, or Next when it is nil.
func (s *Store) SetTimeLimit(ctx context.Context, code string, tl data.TimeLimit) error {
	if s.SetTimeLimitFn != nil {
		return s.SetTimeLimitFn(ctx, code, tl)
	}
	return s.Next.SetTimeLimit(ctx, code, tl)
}

// Overrides calls OverridesFn, or Next when it is nil.
func (s *Store) Overrides(ctx context.Context) ([]data.Override, error) {
	if s.OverridesFn != nil {
		return s.OverridesFn(ctx)
	}
	return s.Next.Overrides(ctx)
}

// SetOverride calls SetOverrideFn, or Next when it is nil.
func (s *Store) SetOverride(ctx context.Context, o data.Override) error {
	if s.SetOverrideFn != nil {
		return s.SetOverrideFn(ctx, o)
	}
	return s.Next.SetOverride(ctx, o)
}

// RemoveOverride calls RemoveOverrideFn, or Next when it is nil.
func (s *Store) RemoveOverride(ctx context.Context, date time.Time) error {
	if s.RemoveOverrideFn != nil {
		return s.RemoveOverrideFn(ctx, date)
	}
	return s.Next.RemoveOverride(ctx, date)
}

// Calendar calls CalendarFn, or Next when it is nil.
func (s *Store) Calendar(ctx context.Context) (*data.Calendar, error) {
	if s.CalendarFn != nil {
		return s.CalendarFn(ctx)
	}
	return s.Next.Calendar(ctx)
}

// Preview calls PreviewFn, or Next when it is nil.
func (s *Store) Preview(ctx context.Context, req data.IntakeRequest) (data.Dossier, error) {
	if s.PreviewFn != nil {
		return s.PreviewFn(ctx, req)
	}
	return s.Next.Preview(ctx, req)
}

// Intake calls IntakeFn, or Next when it is nil.
func (s *Store) Intake(ctx context.Context, req data.IntakeRequest) (data.Dossier, error) {
	if s.IntakeFn != nil {
		return s.IntakeFn(ctx, req)
	}
	return s.Next.Intake(ctx, req)
}

// Dossier calls DossierFn, or Next when it is nil.
func (s *Store) Dossier(ctx context.Context, code string) (data.Dossier, error) {
	if s.DossierFn != nil {
		return s.DossierFn(ctx, code)
	}
	return s.Next.Dossier(ctx, code)
}

// History calls HistoryFn, or Next when it is nil.
func (s *Store) History(ctx context.Context, code string) ([]data.Event, error) {
	if s.HistoryFn != nil {
		return s.HistoryFn(ctx, code)
	}
	return s.Next.History(ctx, code)
}

// RecordPrint calls RecordPrintFn, or Next when it is nil.
func (s *Store) RecordPrint(ctx context.Context, code, kind, actor string) (int, error) {
	if s.RecordPrintFn != nil {
		return s.RecordPrintFn(ctx, code, kind, actor)
	}
	return s.Next.RecordPrint(ctx, code, kind, actor)
}

// Audit calls AuditFn, or Next when it is nil.
func (s *Store) Audit(ctx context.Context, actor, action, code, detail string) error {
	if s.AuditFn != nil {
		return s.AuditFn(ctx, actor, action, code, detail)
	}
	return s.Next.Audit(ctx, actor, action, code, detail)
}

// PrintCount calls PrintCountFn, or Next when it is nil.
func (s *Store) PrintCount(ctx context.Context, code, kind string) (int, error) {
	if s.PrintCountFn != nil {
		return s.PrintCountFn(ctx, code, kind)
	}
	return s.Next.PrintCount(ctx, code, kind)
}

// SetStatus calls SetStatusFn, or Next when it is nil.
func (s *Store) SetStatus(ctx context.Context, code string, to data.Status, actor, note string) (data.Dossier, error) {
	if s.SetStatusFn != nil {
		return s.SetStatusFn(ctx, code, to, actor, note)
	}
	return s.Next.SetStatus(ctx, code, to, actor, note)
}

// UndoStatus calls UndoStatusFn, or Next when it is nil.
func (s *Store) UndoStatus(ctx context.Context, code, reason, actor string) (data.Dossier, error) {
	if s.UndoStatusFn != nil {
		return s.UndoStatusFn(ctx, code, reason, actor)
	}
	return s.Next.UndoStatus(ctx, code, reason, actor)
}

// AddKey calls AddKeyFn, or Next when it is nil.
func (s *Store) AddKey(ctx context.Context, k data.WorkstationKey) error {
	if s.AddKeyFn != nil {
		return s.AddKeyFn(ctx, k)
	}
	return s.Next.AddKey(ctx, k)
}

// Keys calls KeysFn, or Next when it is nil.
func (s *Store) Keys(ctx context.Context) ([]data.WorkstationKey, error) {
	if s.KeysFn != nil {
		return s.KeysFn(ctx)
	}
	return s.Next.Keys(ctx)
}

// OpenManifest calls OpenManifestFn, or Next when it is nil.
func (s *Store) OpenManifest(ctx context.Context, kind data.ManifestKind, carrier, agency, actor string) (data.Manifest, error) {
	if s.OpenManifestFn != nil {
		return s.OpenManifestFn(ctx, kind, carrier, agency, actor)
	}
	return s.Next.OpenManifest(ctx, kind, carrier, agency, actor)
}

// Manifest calls ManifestFn, or Next when it is nil.
func (s *Store) Manifest(ctx context.Context, number string) (data.Manifest, error) {
	if s.ManifestFn != nil {
		return s.ManifestFn(ctx, number)
	}
	return s.Next.Manifest(ctx, number)
}

// Manifests calls ManifestsFn, or Next when it is nil.
func (s *Store) Manifests(ctx context.Context, closedSince time.Time) ([]data.Manifest, error) {
	if s.ManifestsFn != nil {
		return s.ManifestsFn(ctx, closedSince)
	}
	return s.Next.Manifests(ctx, closedSince)
}

// AddItem calls AddItemFn, or Next when it is nil.
func (s *Store) AddItem(ctx context.Context, number string, add data.ManifestAdd, actor string) (data.Manifest, error) {
	if s.AddItemFn != nil {
		return s.AddItemFn(ctx, number, add, actor)
	}
	return s.Next.AddItem(ctx, number, add, actor)
}

// RemoveItem calls RemoveItemFn, or Next when it is nil.
func (s *Store) RemoveItem(ctx context.Context, number, code, actor string) (data.Manifest, error) {
	if s.RemoveItemFn != nil {
		return s.RemoveItemFn(ctx, number, code, actor)
	}
	return s.Next.RemoveItem(ctx, number, code, actor)
}

// CloseManifest calls CloseManifestFn, or Next when it is nil.
func (s *Store) CloseManifest(ctx context.Context, number, officer, postalStaff string) (data.Manifest, error) {
	if s.CloseManifestFn != nil {
		return s.CloseManifestFn(ctx, number, officer, postalStaff)
	}
	return s.Next.CloseManifest(ctx, number, officer, postalStaff)
}

// SaveReconciliation calls SaveReconciliationFn, or Next when it is nil.
func (s *Store) SaveReconciliation(ctx context.Context, number string, r data.Reconciliation) (data.Manifest, error) {
	if s.SaveReconciliationFn != nil {
		return s.SaveReconciliationFn(ctx, number, r)
	}
	return s.Next.SaveReconciliation(ctx, number, r)
}

// RecordDelivery calls RecordDeliveryFn, or Next when it is nil.
func (s *Store) RecordDelivery(ctx context.Context, number, code string, delivered bool, actor string) (data.Manifest, error) {
	if s.RecordDeliveryFn != nil {
		return s.RecordDeliveryFn(ctx, number, code, delivered, actor)
	}
	return s.Next.RecordDelivery(ctx, number, code, delivered, actor)
}

// ResultsBack calls ResultsBackFn, or Next when it is nil.
func (s *Store) ResultsBack(ctx context.Context, number, actor string) ([]string, error) {
	if s.ResultsBackFn != nil {
		return s.ResultsBackFn(ctx, number, actor)
	}
	return s.Next.ResultsBack(ctx, number, actor)
}

// RecordManifestPrint calls RecordManifestPrintFn, or Next when it is nil.
func (s *Store) RecordManifestPrint(ctx context.Context, number, actor string) (int, error) {
	if s.RecordManifestPrintFn != nil {
		return s.RecordManifestPrintFn(ctx, number, actor)
	}
	return s.Next.RecordManifestPrint(ctx, number, actor)
}

// DossierByPostalItem calls DossierByPostalItemFn, or Next when it is nil.
func (s *Store) DossierByPostalItem(ctx context.Context, item string) (data.Dossier, error) {
	if s.DossierByPostalItemFn != nil {
		return s.DossierByPostalItemFn(ctx, item)
	}
	return s.Next.DossierByPostalItem(ctx, item)
}

// Names calls NamesFn, or Next when it is nil.
func (s *Store) Names(ctx context.Context, role string) ([]string, error) {
	if s.NamesFn != nil {
		return s.NamesFn(ctx, role)
	}
	return s.Next.Names(ctx, role)
}

// ReturnResult calls ReturnResultFn, or Next when it is nil.
func (s *Store) ReturnResult(ctx context.Context, code string, r data.Recipient, officer string) (data.Return, error) {
	if s.ReturnResultFn != nil {
		return s.ReturnResultFn(ctx, code, r, officer)
	}
	return s.Next.ReturnResult(ctx, code, r, officer)
}

// Apologise calls ApologiseFn, or Next when it is nil.
func (s *Store) Apologise(ctx context.Context, code string, newDue time.Time, reason, officer string) (data.Apology, error) {
	if s.ApologiseFn != nil {
		return s.ApologiseFn(ctx, code, newDue, reason, officer)
	}
	return s.Next.Apologise(ctx, code, newDue, reason, officer)
}

// Lists calls ListsFn, or Next when it is nil.
func (s *Store) Lists(ctx context.Context) (data.Lists, error) {
	if s.ListsFn != nil {
		return s.ListsFn(ctx)
	}
	return s.Next.Lists(ctx)
}

// DossiersOf calls DossiersOfFn, or Next when it is nil.
func (s *Store) DossiersOf(ctx context.Context, idNumber string) ([]data.Dossier, error) {
	if s.DossiersOfFn != nil {
		return s.DossiersOfFn(ctx, idNumber)
	}
	return s.Next.DossiersOf(ctx, idNumber)
}

// Search calls SearchFn, or Next when it is nil.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]data.SearchHit, error) {
	if s.SearchFn != nil {
		return s.SearchFn(ctx, text, limit)
	}
	return s.Next.Search(ctx, text, limit)
}

// Returned calls ReturnedFn, or Next when it is nil.
func (s *Store) Returned(ctx context.Context, code string) (data.Return, error) {
	if s.ReturnedFn != nil {
		return s.ReturnedFn(ctx, code)
	}
	return s.Next.Returned(ctx, code)
}

// ManifestsOf calls ManifestsOfFn, or Next when it is nil.
func (s *Store) ManifestsOf(ctx context.Context, code string) ([]string, error) {
	if s.ManifestsOfFn != nil {
		return s.ManifestsOfFn(ctx, code)
	}
	return s.Next.ManifestsOf(ctx, code)
}

// Outbox calls OutboxFn, or Next when it is nil.
func (s *Store) Outbox(ctx context.Context, limit int) ([]data.OutboxChange, error) {
	if s.OutboxFn != nil {
		return s.OutboxFn(ctx, limit)
	}
	return s.Next.Outbox(ctx, limit)
}

// QueueLength calls QueueLengthFn, or Next when it is nil.
func (s *Store) QueueLength(ctx context.Context) (int, error) {
	if s.QueueLengthFn != nil {
		return s.QueueLengthFn(ctx)
	}
	return s.Next.QueueLength(ctx)
}

// RecordResults calls RecordResultsFn, or Next when it is nil.
func (s *Store) RecordResults(ctx context.Context, results []data.ChangeResult) error {
	if s.RecordResultsFn != nil {
		return s.RecordResultsFn(ctx, results)
	}
	return s.Next.RecordResults(ctx, results)
}

// RecordFailure calls RecordFailureFn, or Next when it is nil.
func (s *Store) RecordFailure(ctx context.Context, keys []string, reason string) error {
	if s.RecordFailureFn != nil {
		return s.RecordFailureFn(ctx, keys, reason)
	}
	return s.Next.RecordFailure(ctx, keys, reason)
}

// ApplyRemote calls ApplyRemoteFn, or Next when it is nil.
func (s *Store) ApplyRemote(ctx context.Context, page data.PullPage) (int, error) {
	if s.ApplyRemoteFn != nil {
		return s.ApplyRemoteFn(ctx, page)
	}
	return s.Next.ApplyRemote(ctx, page)
}

// Cursor calls CursorFn, or Next when it is nil.
func (s *Store) Cursor(ctx context.Context) (int64, error) {
	if s.CursorFn != nil {
		return s.CursorFn(ctx)
	}
	return s.Next.Cursor(ctx)
}

// NeedsAttention calls NeedsAttentionFn, or Next when it is nil.
func (s *Store) NeedsAttention(ctx context.Context) ([]data.Rejection, error) {
	if s.NeedsAttentionFn != nil {
		return s.NeedsAttentionFn(ctx)
	}
	return s.Next.NeedsAttention(ctx)
}

// DismissRejection calls DismissRejectionFn, or Next when it is nil.
func (s *Store) DismissRejection(ctx context.Context, key, actor string) error {
	if s.DismissRejectionFn != nil {
		return s.DismissRejectionFn(ctx, key, actor)
	}
	return s.Next.DismissRejection(ctx, key, actor)
}

// SyncSettings calls SyncSettingsFn, or Next when it is nil.
func (s *Store) SyncSettings(ctx context.Context) (data.SyncSettings, error) {
	if s.SyncSettingsFn != nil {
		return s.SyncSettingsFn(ctx)
	}
	return s.Next.SyncSettings(ctx)
}

// SaveSyncSettings calls SaveSyncSettingsFn, or Next when it is nil.
func (s *Store) SaveSyncSettings(ctx context.Context, settings data.SyncSettings) error {
	if s.SaveSyncSettingsFn != nil {
		return s.SaveSyncSettingsFn(ctx, settings)
	}
	return s.Next.SaveSyncSettings(ctx, settings)
}

// RaiseNumbers calls RaiseNumbersFn, or Next when it is nil.
func (s *Store) RaiseNumbers(ctx context.Context, hs []data.NumberHigh) error {
	if s.RaiseNumbersFn != nil {
		return s.RaiseNumbersFn(ctx, hs)
	}
	return s.Next.RaiseNumbers(ctx, hs)
}

// Printer calls PrinterFn, or Next when it is nil.
func (s *Store) Printer(ctx context.Context) (string, error) {
	if s.PrinterFn != nil {
		return s.PrinterFn(ctx)
	}
	return s.Next.Printer(ctx)
}

// SetPrinter calls SetPrinterFn, or Next when it is nil.
func (s *Store) SetPrinter(ctx context.Context, name string) error {
	if s.SetPrinterFn != nil {
		return s.SetPrinterFn(ctx, name)
	}
	return s.Next.SetPrinter(ctx, name)
}

// Rating calls RatingFn, or Next when it is nil.
func (s *Store) Rating(ctx context.Context, code string) (data.Rating, error) {
	if s.RatingFn != nil {
		return s.RatingFn(ctx, code)
	}
	return s.Next.Rating(ctx, code)
}

// RatingCounts calls RatingCountsFn, or Next when it is nil.
func (s *Store) RatingCounts(ctx context.Context, from, to time.Time) (data.RatingCounts, error) {
	if s.RatingCountsFn != nil {
		return s.RatingCountsFn(ctx, from, to)
	}
	return s.Next.RatingCounts(ctx, from, to)
}

// SetFees calls SetFeesFn, or Next when it is nil.
func (s *Store) SetFees(ctx context.Context, code string, fees data.FeeSchedule) error {
	if s.SetFeesFn != nil {
		return s.SetFeesFn(ctx, code, fees)
	}
	return s.Next.SetFees(ctx, code, fees)
}

// FeeReceipts calls FeeReceiptsFn, or Next when it is nil.
func (s *Store) FeeReceipts(ctx context.Context, code string) ([]data.FeeReceipt, error) {
	if s.FeeReceiptsFn != nil {
		return s.FeeReceiptsFn(ctx, code)
	}
	return s.Next.FeeReceipts(ctx, code)
}

// FeeReport calls FeeReportFn, or Next when it is nil.
func (s *Store) FeeReport(ctx context.Context, from, to time.Time) (data.FeeReport, error) {
	if s.FeeReportFn != nil {
		return s.FeeReportFn(ctx, from, to)
	}
	return s.Next.FeeReport(ctx, from, to)
}

// Register calls RegisterFn, or Next when it is nil.
func (s *Store) Register(ctx context.Context, from, to time.Time) (data.Register, error) {
	if s.RegisterFn != nil {
		return s.RegisterFn(ctx, from, to)
	}
	return s.Next.Register(ctx, from, to)
}

// StopDossier calls StopDossierFn, or Next when it is nil.
func (s *Store) StopDossier(ctx context.Context, st data.Stop) (data.Stop, error) {
	if s.StopDossierFn != nil {
		return s.StopDossierFn(ctx, st)
	}
	return s.Next.StopDossier(ctx, st)
}

// Stopped calls StoppedFn, or Next when it is nil.
func (s *Store) Stopped(ctx context.Context, code string) (data.Stop, error) {
	if s.StoppedFn != nil {
		return s.StoppedFn(ctx, code)
	}
	return s.Next.Stopped(ctx, code)
}

// HandOvers calls HandOversFn, or Next when it is nil.
func (s *Store) HandOvers(ctx context.Context, code string) ([]data.HandOver, error) {
	if s.HandOversFn != nil {
		return s.HandOversFn(ctx, code)
	}
	return s.Next.HandOvers(ctx, code)
}
