package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"motcua/data"
)

var _ data.AccountService = (*DB)(nil)

const accountColumns = `username, full_name, role, disabled, password_hash, updated_at`

func scanAccount(row interface{ Scan(...any) error }) (data.Account, error) {
	var (
		a  data.Account
		at string
	)
	if err := row.Scan(&a.Username, &a.FullName, &a.Role, &a.Disabled, &a.PasswordHash, &at); err != nil {
		return a, err
	}
	a.UpdatedAt, _ = time.Parse(time.RFC3339Nano, at)
	return a, nil
}

// Accounts lists every account, by username.
func (db *DB) Accounts(ctx context.Context) ([]data.Account, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+accountColumns+` FROM account ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: accounts: %w", err)
	}
	defer rows.Close()
	var as []data.Account
	for rows.Next() {
		a, err := scanAccount(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: accounts: %w", err)
		}
		as = append(as, a)
	}
	return as, rows.Err()
}

// Account returns one account.
func (db *DB) Account(ctx context.Context, username string) (data.Account, error) {
	return db.account(ctx, db.read, data.Clean(username))
}

func (db *DB) account(ctx context.Context, q querier, username string) (data.Account, error) {
	a, err := scanAccount(q.QueryRowContext(ctx, `SELECT `+accountColumns+` FROM account WHERE username = ?`, username))
	if errors.Is(err, sql.ErrNoRows) {
		return a, data.Errorf(data.ENotFound, "Không có tài khoản %q.", username)
	}
	if err != nil {
		return a, fmt.Errorf("sqlite: account %s: %w", username, err)
	}
	return a, nil
}

// SaveAccount adds or replaces an account, with an audit entry naming
// the action (account.add, account.disable …) and a change that takes it
// to the province, in one transaction. The office must be set up: the
// account is its office's.
func (db *DB) SaveAccount(ctx context.Context, a data.Account, action string) error {
	a.Normalize()
	if err := a.Validate(); err != nil {
		return err
	}
	err := db.inTx(ctx, func(tx *Tx) error {
		office, err := db.officeTx(ctx, tx)
		if err != nil {
			return err
		}
		if office.AgencyCode == "" {
			return data.Errorf(data.EConflict, "Chưa thiết lập đơn vị: hãy thiết lập đơn vị trước khi tạo tài khoản.")
		}
		rec := data.NewAccountRecord(office.AgencyCode, a)
		if err := upsertAccount(ctx, tx, rec); err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "", action, a.Username, string(a.Role), rec); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, data.ChangeAccount, rec.Subject(), rec)
	})
	return wrapErr("save account", err)
}

func upsertAccount(ctx context.Context, tx *Tx, r data.AccountRecord) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO account (`+accountColumns+`) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (username) DO UPDATE SET full_name = excluded.full_name, role = excluded.role, disabled = excluded.disabled,
			password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
		r.Username, data.Clean(r.FullName), r.Role, r.Disabled, r.PasswordHash, r.UpdatedAt)
	return err
}

// applyAccount keeps the newer of a pulled account and the one here:
// the later update, or of two at one instant the higher hash, so every
// workstation ends with the same.
func (db *DB) applyAccount(ctx context.Context, tx *Tx, r data.AccountRecord, office data.Office) error {
	if r.AgencyCode != office.AgencyCode {
		return data.Errorf(data.EInvalid, "Tài khoản %s thuộc đơn vị %s, không phải đơn vị của máy này.", r.Username, r.AgencyCode)
	}
	switch old, err := db.account(ctx, tx, r.Username); {
	case data.ErrorCode(err) == data.ENotFound:
	case err != nil:
		return err
	case !r.Supersedes(data.NewAccountRecord(office.AgencyCode, old)):
		return nil
	}
	return upsertAccount(ctx, tx, r)
}

// Login returns the account's wrong passwords in a row at this
// workstation.
func (db *DB) Login(ctx context.Context, username string) (data.Login, error) {
	var (
		l     data.Login
		until string
	)
	err := db.read.QueryRowContext(ctx, `SELECT failures, locked_until FROM login_failure WHERE username = ?`, data.Clean(username)).
		Scan(&l.Failures, &until)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return l, fmt.Errorf("sqlite: login %s: %w", username, err)
	}
	l.LockedUntil = parseStamp(until)
	return l, nil
}

// SaveLogin records the account's wrong passwords at this workstation;
// none clears them.
func (db *DB) SaveLogin(ctx context.Context, username string, l data.Login) error {
	username = data.Clean(username)
	var err error
	if l.Failures == 0 && l.LockedUntil.IsZero() {
		_, err = db.write.ExecContext(ctx, `DELETE FROM login_failure WHERE username = ?`, username)
	} else {
		until := ""
		if !l.LockedUntil.IsZero() {
			until = l.LockedUntil.In(data.Zone).Format(time.RFC3339)
		}
		_, err = db.write.ExecContext(ctx, `INSERT INTO login_failure (username, failures, locked_until) VALUES (?, ?, ?)
			ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
			username, l.Failures, until)
	}
	if err != nil {
		return fmt.Errorf("sqlite: save login %s: %w", username, err)
	}
	return nil
}
