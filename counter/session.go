package counter

import (
	"context"
	"fmt"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/password"
)

// This file holds who is logged in at the desk. Every desk method that
// changes data or shows personal data starts with begin, which checks the
// officer's role for its action and puts the officer in the context the
// store records in the history and the audit trail.

// Login checks a username and password and makes the account the desk's
// officer. Five wrong passwords in a row lock the account at this
// workstation for 15 minutes; a disabled account is refused.
func (d *Desk) Login(ctx context.Context, username, pw string) (data.Account, error) {
	username = strings.ToLower(data.Clean(username))
	refused := data.Errorf(data.EPassword, "Sai tên đăng nhập hoặc mật khẩu.")
	acc, err := d.store.Account(ctx, username)
	switch {
	case data.ErrorCode(err) == data.ENotFound:
		return data.Account{}, refused
	case err != nil:
		return data.Account{}, err
	}
	now := d.now()
	l, err := d.store.Login(ctx, username)
	if err != nil {
		return data.Account{}, err
	}
	if l.LockedUntil.After(now) {
		return data.Account{}, locked(username, l)
	}
	ok, err := password.Verify(pw, acc.PasswordHash)
	if err != nil {
		return data.Account{}, fmt.Errorf("counter: login %s: %w", username, err)
	}
	if !ok {
		l.Failures++
		l.LockedUntil = time.Time{}
		if l.Failures >= data.MaxFailures {
			l = data.Login{LockedUntil: now.Add(data.LockFor)}
		}
		if err := d.store.SaveLogin(ctx, username, l); err != nil {
			return data.Account{}, err
		}
		if !l.LockedUntil.IsZero() {
			lctx := data.WithOfficer(ctx, data.Officer{Username: username, FullName: acc.FullName})
			if err := d.store.Audit(lctx, "", "account.locked", username, fmt.Sprintf("%d lần sai mật khẩu liền", data.MaxFailures)); err != nil {
				return data.Account{}, err
			}
			return data.Account{}, locked(username, l)
		}
		if left := data.MaxFailures - l.Failures; left <= 2 {
			refused.Message += fmt.Sprintf(" Còn %d lần thử trước khi tài khoản bị khoá %d phút.", left, int(data.LockFor.Minutes()))
		}
		return data.Account{}, refused
	}
	if l != (data.Login{}) {
		if err := d.store.SaveLogin(ctx, username, data.Login{}); err != nil {
			return data.Account{}, err
		}
	}
	if acc.Disabled {
		return data.Account{}, disabled(username)
	}
	d.mu.Lock()
	d.officer = acc.Officer()
	d.mu.Unlock()
	return acc, nil
}

func locked(username string, l data.Login) error {
	return data.Errorf(data.ELocked, "Tài khoản %s đang bị khoá đến %s vì nhập sai mật khẩu %d lần liền. Hãy thử lại sau, hoặc nhờ quản trị.",
		username, l.LockedUntil.In(data.Zone).Format("15:04 02/01/2006"), data.MaxFailures)
}

func disabled(username string) error {
	return data.Errorf(data.EDisabled, "Tài khoản %s đã bị vô hiệu hoá; hãy liên hệ quản trị của đơn vị.", username)
}

// Logout leaves the desk with nobody logged in.
func (d *Desk) Logout() {
	d.mu.Lock()
	d.officer = data.Officer{}
	d.mu.Unlock()
}

// Officer is who is logged in; the zero Officer when nobody is.
func (d *Desk) Officer() data.Officer {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.officer
}

// May reports whether the logged-in officer may do the action.
func (d *Desk) May(a data.Action) bool { return data.Permit(d.Officer(), a) == nil }

// begin checks that the logged-in officer may do the action, against the
// account as the store holds it now (a disable or a new role synced from
// another workstation counts at once), and returns the context that
// carries the officer.
func (d *Desk) begin(ctx context.Context, a data.Action) (context.Context, data.Officer, error) {
	o := d.Officer()
	if err := data.Permit(o, a); err != nil {
		return ctx, o, err
	}
	acc, err := d.store.Account(ctx, o.Username)
	switch {
	case data.ErrorCode(err) == data.ENotFound:
		d.Logout()
		return ctx, o, data.Errorf(data.ELoggedOut, "Tài khoản %s không còn; hãy đăng nhập lại.", o.Username)
	case err != nil:
		return ctx, o, err
	case acc.Disabled:
		d.Logout()
		return ctx, o, disabled(o.Username)
	}
	o = acc.Officer()
	d.mu.Lock()
	if d.officer.Username == o.Username {
		d.officer = o
	}
	d.mu.Unlock()
	if err := data.Permit(o, a); err != nil {
		return ctx, o, err
	}
	return data.WithOfficer(ctx, o), o, nil
}
