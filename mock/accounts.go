package mock

import (
	"context"

	"motcua/data"
)

// AccountFns are the function fields of the accounts' and the audit
// trail's methods.
type AccountFns struct {
	AccountsFn         func(ctx context.Context) ([]data.Account, error)
	AccountFn          func(ctx context.Context, username string) (data.Account, error)
	SaveAccountFn      func(ctx context.Context, a data.Account, action string) error
	LoginFn            func(ctx context.Context, username string) (data.Login, error)
	SaveLoginFn        func(ctx context.Context, username string, l data.Login) error
	AuditEntriesFn     func(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error)
	VerifyAuditFn      func(ctx context.Context, heads map[string]data.AuditHead) (data.AuditReport, error)
	AcknowledgedHeadFn func(ctx context.Context) (data.AuditHead, error)
	AuditHeadToSendFn  func(ctx context.Context) (data.AuditHeadRecord, bool, error)
	RecordAuditHeadFn  func(ctx context.Context, h data.AuditHeadRecord, r data.ChangeResult) error
}

// Accounts calls AccountsFn, or Next when it is nil.
func (s *Store) Accounts(ctx context.Context) ([]data.Account, error) {
	if s.AccountsFn != nil {
		return s.AccountsFn(ctx)
	}
	return s.Next.Accounts(ctx)
}

// Account calls AccountFn, or Next when it is nil.
func (s *Store) Account(ctx context.Context, username string) (data.Account, error) {
	if s.AccountFn != nil {
		return s.AccountFn(ctx, username)
	}
	return s.Next.Account(ctx, username)
}

// SaveAccount calls SaveAccountFn, or Next when it is nil.
func (s *Store) SaveAccount(ctx context.Context, a data.Account, action string) error {
	if s.SaveAccountFn != nil {
		return s.SaveAccountFn(ctx, a, action)
	}
	return s.Next.SaveAccount(ctx, a, action)
}

// Login calls LoginFn, or Next when it is nil.
func (s *Store) Login(ctx context.Context, username string) (data.Login, error) {
	if s.LoginFn != nil {
		return s.LoginFn(ctx, username)
	}
	return s.Next.Login(ctx, username)
}

// SaveLogin calls SaveLoginFn, or Next when it is nil.
func (s *Store) SaveLogin(ctx context.Context, username string, l data.Login) error {
	if s.SaveLoginFn != nil {
		return s.SaveLoginFn(ctx, username, l)
	}
	return s.Next.SaveLogin(ctx, username, l)
}

// AuditEntries calls AuditEntriesFn, or Next when it is nil.
func (s *Store) AuditEntries(ctx context.Context, f data.AuditFilter) ([]data.AuditEntry, error) {
	if s.AuditEntriesFn != nil {
		return s.AuditEntriesFn(ctx, f)
	}
	return s.Next.AuditEntries(ctx, f)
}

// VerifyAudit calls VerifyAuditFn, or Next when it is nil.
func (s *Store) VerifyAudit(ctx context.Context, heads map[string]data.AuditHead) (data.AuditReport, error) {
	if s.VerifyAuditFn != nil {
		return s.VerifyAuditFn(ctx, heads)
	}
	return s.Next.VerifyAudit(ctx, heads)
}

// AcknowledgedHead calls AcknowledgedHeadFn, or Next when it is nil.
func (s *Store) AcknowledgedHead(ctx context.Context) (data.AuditHead, error) {
	if s.AcknowledgedHeadFn != nil {
		return s.AcknowledgedHeadFn(ctx)
	}
	return s.Next.AcknowledgedHead(ctx)
}

// AuditHeadToSend calls AuditHeadToSendFn, or Next when it is nil.
func (s *Store) AuditHeadToSend(ctx context.Context) (data.AuditHeadRecord, bool, error) {
	if s.AuditHeadToSendFn != nil {
		return s.AuditHeadToSendFn(ctx)
	}
	return s.Next.AuditHeadToSend(ctx)
}

// RecordAuditHead calls RecordAuditHeadFn, or Next when it is nil.
func (s *Store) RecordAuditHead(ctx context.Context, h data.AuditHeadRecord, r data.ChangeResult) error {
	if s.RecordAuditHeadFn != nil {
		return s.RecordAuditHeadFn(ctx, h, r)
	}
	return s.Next.RecordAuditHead(ctx, h, r)
}
