package data

import (
	"bytes"
	"crypto/sha256"
	"time"

	"motcua/data/password"
)

// AccountRecord is the payload of an account.record change: an account
// as it travels through the province to every workstation of its office.
// It carries the password's hash, never the password.
type AccountRecord struct {
	AgencyCode   string `json:"agency_code"`
	Username     string `json:"username"`
	FullName     string `json:"full_name"`
	Role         Role   `json:"role"`
	Disabled     bool   `json:"disabled"`
	PasswordHash string `json:"password_hash"`
	UpdatedAt    string `json:"updated_at"` // RFC 3339 with nanoseconds
}

// NewAccountRecord is an account of an office as the sync carries it.
func NewAccountRecord(agency string, a Account) AccountRecord {
	return AccountRecord{AgencyCode: agency, Username: a.Username, FullName: a.FullName, Role: a.Role,
		Disabled: a.Disabled, PasswordHash: a.PasswordHash, UpdatedAt: a.UpdatedAt.UTC().Format(time.RFC3339Nano)}
}

// Account is the record as an account.
func (r AccountRecord) Account() Account {
	at, _ := time.Parse(time.RFC3339Nano, r.UpdatedAt)
	return Account{Username: r.Username, FullName: Clean(r.FullName), Role: r.Role, Disabled: r.Disabled,
		PasswordHash: r.PasswordHash, UpdatedAt: at}
}

// Subject is the office's agency code, then the username: the province
// checks the office by the code before the dash.
func (r AccountRecord) Subject() string { return r.AgencyCode + "-" + r.Username }

// Validate names what an account record lacks or gets wrong.
func (r AccountRecord) Validate() error {
	var f Fields
	if !IsAgencyCode(r.AgencyCode) {
		f.Add("agency_code", "mã định danh cơ quan %q không đúng dạng", r.AgencyCode)
	}
	a := r.Account()
	if err := a.Validate(); err != nil {
		f = append(f, err.(*Error).Fields...)
	}
	if password.Check(r.PasswordHash) != nil {
		f.Add("password_hash", "mã băm mật khẩu không đúng dạng argon2id")
	}
	if _, err := time.Parse(time.RFC3339Nano, r.UpdatedAt); err != nil {
		f.Add("updated_at", "thời điểm %q không đúng dạng RFC 3339", r.UpdatedAt)
	}
	return f.Err("Tài khoản gửi lên chưa hợp lệ.")
}

// Supersedes reports whether r wins over old, the same account as known
// already: the later update wins, and of two made at the same instant
// the one whose record hashes higher, so that every workstation and the
// province keep the same one whatever order the changes came in.
func (r AccountRecord) Supersedes(old AccountRecord) bool {
	a, b := r.Account().UpdatedAt, old.Account().UpdatedAt
	if !a.Equal(b) {
		return a.After(b)
	}
	return bytes.Compare(r.sum(), old.sum()) > 0
}

func (r AccountRecord) sum() []byte {
	b, _ := CanonicalJSON(r)
	s := sha256.Sum256(b)
	return s[:]
}

// AuditHeadRecord is what each sync round sends the province of this
// workstation's audit trail: its newest entry, which the province keeps,
// so that entries deleted here after a sync are found at the next.
// Anchor is the entry, as the chain holds it now, at the head the
// province acknowledged last; the province refuses a head whose anchor
// is not the head it holds, or that goes backwards.
type AuditHeadRecord struct {
	AgencyCode  string    `json:"agency_code"`
	Workstation int       `json:"workstation"`
	Head        AuditHead `json:"head"`
	Anchor      AuditHead `json:"anchor"`
}

// Validate names what an audit head record gets wrong.
func (r AuditHeadRecord) Validate() error {
	var f Fields
	if !IsAgencyCode(r.AgencyCode) {
		f.Add("agency_code", "mã định danh cơ quan %q không đúng dạng", r.AgencyCode)
	}
	if r.Workstation < 1 || r.Workstation > 9 {
		f.Add("workstation", "số máy trạm phải từ 1 đến 9")
	}
	if r.Head.Seq < 1 || !isHexHash(r.Head.Hash) {
		f.Add("head", "đầu chuỗi nhật ký phải có số thứ tự và mã băm SHA-256")
	}
	if r.Anchor.Seq < 0 || (r.Anchor.Hash != "" && !isHexHash(r.Anchor.Hash)) {
		f.Add("anchor", "mốc nhật ký không hợp lệ")
	}
	return f.Err("Đầu chuỗi nhật ký gửi lên chưa hợp lệ.")
}

func isHexHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
