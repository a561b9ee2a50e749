package data

import (
	"context"
	"regexp"
	"time"
	"unicode/utf8"
)

// Error codes of logging in and of permissions: each refuses the officer
// with a message saying what is needed, and the command line exits 1.
const (
	ELoggedOut = "logged-out" // nobody is logged in
	EPassword  = "password"   // no such account, or the wrong password
	ELocked    = "locked"     // too many wrong passwords in a row
	EDisabled  = "disabled"   // the account was disabled
	EDenied    = "denied"     // the officer's role does not allow it
)

// Account is an officer's account: the office's, not the PC's (it
// travels to every workstation of the office through the province).
type Account struct {
	Username string // how the officer logs in: lower-case letters, digits, . _ -
	FullName string // the name printed on papers and stored with history
	Role     Role
	Disabled bool
	// PasswordHash is the PHC string of the password's argon2id hash
	// (package data/password); never the password.
	PasswordHash string
	UpdatedAt    time.Time
}

// Officer is who does something: the logged-in account as history,
// papers and the audit trail name it.
type Officer struct {
	Username string
	FullName string
	Role     Role
}

// Officer is the account as the one who acts.
func (a Account) Officer() Officer {
	return Officer{Username: a.Username, FullName: a.FullName, Role: a.Role}
}

// Field names of an account, as Validate names them: the flags of
// "motcua user add" and "init --admin".
const (
	FieldUsername = "username"
	FieldFullName = "name"
	FieldRole     = "role"
	FieldPassword = "password"
)

// MinPasswordLen is the shortest password an account may have.
const MinPasswordLen = 8

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,31}$`)

// Normalize cleans the account's texts.
func (a *Account) Normalize() {
	a.Username = Clean(a.Username)
	a.FullName = Clean(a.FullName)
}

// Validate names every field of the account that is wrong; the password
// hash is checked by the one who makes it.
func (a Account) Validate() error {
	var f Fields
	if !usernamePattern.MatchString(a.Username) {
		f.Add(FieldUsername, "tên đăng nhập %q phải có 2–32 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang", a.Username)
	}
	switch p := CheckText("họ tên", a.FullName, MaxNameLen); {
	case a.FullName == "":
		f.Add(FieldFullName, "chưa nhập họ tên (tên in trên giấy tờ)")
	case p != "":
		f.Add(FieldFullName, "%s", p)
	}
	if !a.Role.Valid() {
		f.Add(FieldRole, "vai trò %q không có (counter, supervisor hoặc admin)", a.Role)
	}
	return f.Err("Tài khoản chưa hợp lệ.")
}

// CheckPassword says what makes a new password unfit, nil when it is fit.
func CheckPassword(pw string) error {
	if n := utf8.RuneCountInString(pw); n < MinPasswordLen {
		return &Error{Code: EInvalid, Message: "Mật khẩu chưa hợp lệ.",
			Fields: []FieldError{{Field: FieldPassword, Message: "mật khẩu phải có ít nhất 8 ký tự"}}}
	}
	return nil
}

// Login is what a workstation knows of an account's recent wrong
// passwords; it is kept at each workstation and never synced.
type Login struct {
	Failures    int       // wrong passwords in a row
	LockedUntil time.Time // zero when not locked
}

// Lockout rules: after MaxFailures wrong passwords in a row an account is
// locked at this workstation for LockFor.
const (
	MaxFailures = 5
	LockFor     = 15 * time.Minute
)

// AccountService keeps the office's accounts and each one's wrong
// passwords at this workstation.
type AccountService interface {
	// Accounts lists every account, by username.
	Accounts(ctx context.Context) ([]Account, error)
	// Account returns one account, ENotFound when there is none.
	Account(ctx context.Context, username string) (Account, error)
	// SaveAccount adds or replaces an account, with its audit entry
	// (action: account.add, account.disable …) and a change for the
	// province, in one transaction.
	SaveAccount(ctx context.Context, a Account, action string) error
	// Login returns the account's wrong passwords at this workstation.
	Login(ctx context.Context, username string) (Login, error)
	// SaveLogin records them.
	SaveLogin(ctx context.Context, username string, l Login) error
}

type officerKey struct{}

// WithOfficer returns a context carrying who acts: the desk puts the
// logged-in officer in the context of every call it makes to the store,
// which records it in the audit trail and the history.
func WithOfficer(ctx context.Context, o Officer) context.Context {
	return context.WithValue(ctx, officerKey{}, o)
}

// OfficerFrom returns the officer a context carries, the zero Officer
// when none.
func OfficerFrom(ctx context.Context) Officer {
	o, _ := ctx.Value(officerKey{}).(Officer)
	return o
}
