package counter

import (
	"context"
	"fmt"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/password"
)

// This file holds the office's accounts: the first administrator, and
// what an administrator does with accounts.

// HasAccounts reports whether any account exists; before the first, the
// set-up creates the first administrator.
func (d *Desk) HasAccounts(ctx context.Context) (bool, error) {
	as, err := d.store.Accounts(ctx)
	return len(as) > 0, err
}

// CreateFirstAdmin makes the office's first administrator, while no
// account exists, and logs in as it.
func (d *Desk) CreateFirstAdmin(ctx context.Context, username, fullName, pw string) (data.Account, error) {
	switch has, err := d.HasAccounts(ctx); {
	case err != nil:
		return data.Account{}, err
	case has:
		return data.Account{}, data.Errorf(data.EConflict, "Đơn vị đã có tài khoản: quản trị hiện có mới tạo được tài khoản mới (motcua --user … user add).")
	}
	a := data.Account{Username: strings.ToLower(username), FullName: fullName, Role: data.RoleAdmin}
	o := data.Officer{Username: a.Username, FullName: data.Clean(fullName), Role: data.RoleAdmin}
	if err := d.save(data.WithOfficer(ctx, o), &a, pw, "account.first-admin"); err != nil {
		return data.Account{}, err
	}
	d.mu.Lock()
	d.officer = a.Officer()
	d.mu.Unlock()
	return a, nil
}

// save hashes a new password (when pw is not nil), stamps the account
// later than any version of it before and stores it.
func (d *Desk) save(ctx context.Context, a *data.Account, pw string, action string) error {
	a.Normalize()
	if err := a.Validate(); err != nil {
		return err
	}
	if pw != "" || a.PasswordHash == "" {
		if err := data.CheckPassword(pw); err != nil {
			return err
		}
		h, err := password.Hash(pw, d.Passwords)
		if err != nil {
			return err
		}
		a.PasswordHash = h
	}
	// The last update wins between workstations: each version is later
	// than the one it replaces, even on a clock that stands still.
	a.UpdatedAt = d.Now().UTC()
	switch old, err := d.store.Account(ctx, a.Username); {
	case err == nil && !a.UpdatedAt.After(old.UpdatedAt):
		a.UpdatedAt = old.UpdatedAt.Add(time.Nanosecond)
	case err != nil && data.ErrorCode(err) != data.ENotFound:
		return err
	}
	return d.store.SaveAccount(ctx, *a, action)
}

// Accounts lists the office's accounts.
func (d *Desk) Accounts(ctx context.Context) ([]data.Account, error) {
	ctx, _, err := d.begin(ctx, data.ActAccounts)
	if err != nil {
		return nil, err
	}
	return d.store.Accounts(ctx)
}

// AddAccount makes a new account with its first password.
func (d *Desk) AddAccount(ctx context.Context, username, fullName string, role data.Role, pw string) (data.Account, error) {
	ctx, _, err := d.begin(ctx, data.ActAccounts)
	if err != nil {
		return data.Account{}, err
	}
	a := data.Account{Username: strings.ToLower(data.Clean(username)), FullName: fullName, Role: role}
	switch _, err := d.store.Account(ctx, a.Username); {
	case err == nil:
		return data.Account{}, data.Errorf(data.EConflict, "Đã có tài khoản %s; không tạo lần thứ hai.", a.Username)
	case data.ErrorCode(err) != data.ENotFound:
		return data.Account{}, err
	}
	return a, d.save(ctx, &a, pw, "account.add")
}

// SetDisabled disables an account (it can no longer log in, at any
// workstation once synced) or enables it again. The last enabled
// administrator stays.
func (d *Desk) SetDisabled(ctx context.Context, username string, disable bool) (data.Account, error) {
	ctx, me, err := d.begin(ctx, data.ActAccounts)
	if err != nil {
		return data.Account{}, err
	}
	a, err := d.store.Account(ctx, strings.ToLower(data.Clean(username)))
	if err != nil {
		return a, err
	}
	if a.Disabled == disable {
		return a, nil
	}
	if disable && a.Role == data.RoleAdmin {
		if err := d.keepAnAdmin(ctx, a.Username); err != nil {
			return a, err
		}
	}
	if disable && a.Username == me.Username {
		return a, data.Errorf(data.EConflict, "Không tự vô hiệu hoá tài khoản đang đăng nhập.")
	}
	a.Disabled = disable
	action := "account.enable"
	if disable {
		action = "account.disable"
	}
	return a, d.save(ctx, &a, "", action)
}

// keepAnAdmin refuses to take away the last enabled administrator.
func (d *Desk) keepAnAdmin(ctx context.Context, username string) error {
	as, err := d.store.Accounts(ctx)
	if err != nil {
		return err
	}
	for _, a := range as {
		if a.Role == data.RoleAdmin && !a.Disabled && a.Username != username {
			return nil
		}
	}
	return data.Errorf(data.EConflict, "%s là quản trị cuối cùng còn hoạt động; hãy tạo quản trị khác trước.", username)
}

// SetPassword gives an account a new password: the officer's own, or,
// for an administrator, anyone's.
func (d *Desk) SetPassword(ctx context.Context, username, pw string) (data.Account, error) {
	username = strings.ToLower(data.Clean(username))
	act := data.ActAccounts
	if username == "" || username == d.Officer().Username {
		act, username = data.ActOwnPassword, d.Officer().Username
	}
	ctx, _, err := d.begin(ctx, act)
	if err != nil {
		return data.Account{}, err
	}
	a, err := d.store.Account(ctx, username)
	if err != nil {
		return a, err
	}
	if err := data.CheckPassword(pw); err != nil {
		return a, err
	}
	if err := d.save(ctx, &a, pw, "account.password"); err != nil {
		return a, err
	}
	// A reset password unlocks the account here.
	return a, d.store.SaveLogin(ctx, username, data.Login{})
}

// CheckBackupLogin checks an administrator's password against an account
// of a backup, for restoring when the current database cannot be opened.
func CheckBackupLogin(a data.Account, pw string) error {
	ok, err := password.Verify(pw, a.PasswordHash)
	switch {
	case err != nil:
		return fmt.Errorf("counter: backup login %s: %w", a.Username, err)
	case !ok:
		return data.Errorf(data.EPassword, "Sai tên đăng nhập hoặc mật khẩu.")
	case a.Disabled:
		return disabled(a.Username)
	}
	return data.Permit(a.Officer(), data.ActBackup)
}
