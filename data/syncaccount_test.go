package data

import (
	"encoding/json"
	"testing"
	"time"

	"motcua/data/password"
)

func TestAccountRecordTravels(t *testing.T) {
	hash, _ := password.Hash("mat-khau-1", password.Fast)
	at := time.Date(2027, 2, 3, 3, 0, 0, 0, time.UTC)
	a := Account{Username: "hoa", FullName: "Lê Thị Hoa", Role: RoleCounter, PasswordHash: hash, UpdatedAt: at}
	r := NewAccountRecord("000.30.12.H30", a)
	raw, _ := json.Marshal(r)
	p, err := DecodeChange(ChangeAccount, raw)
	if err != nil || p.Subject() != "000.30.12.H30-hoa" || AgencyOf(p.Subject()) != "000.30.12.H30" {
		t.Fatalf("decoded %+v, %v", p, err)
	}
	if got := p.(*AccountRecord).Account(); got.Username != "hoa" || !got.UpdatedAt.Equal(at) || got.PasswordHash != hash {
		t.Errorf("account %+v", got)
	}
	var m map[string]any
	json.Unmarshal(raw, &m)
	if _, ok := m["password"]; ok {
		t.Error("a password travels")
	}

	bad := r
	bad.PasswordHash, bad.Role = "mat-khau-1", "root"
	raw, _ = json.Marshal(bad)
	if _, err := DecodeChange(ChangeAccount, raw); err == nil {
		t.Error("a record with a plain password and no role was accepted")
	}
}

func TestAccountRecordSupersedes(t *testing.T) {
	at := time.Date(2027, 2, 3, 3, 0, 0, 0, time.UTC)
	base := AccountRecord{AgencyCode: "000.30.12.H30", Username: "hoa", FullName: "Lê Thị Hoa", Role: RoleCounter,
		PasswordHash: "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", UpdatedAt: at.Format(time.RFC3339Nano)}
	later := base
	later.Disabled, later.UpdatedAt = true, at.Add(time.Nanosecond).Format(time.RFC3339Nano)
	same := base
	same.Disabled = true
	if !later.Supersedes(base) || base.Supersedes(later) {
		t.Error("the later update does not win")
	}
	// Of two at one instant, the same one wins whichever comes first.
	if same.Supersedes(base) == base.Supersedes(same) {
		t.Error("a tie is not broken")
	}
	if base.Supersedes(base) {
		t.Error("a record supersedes itself")
	}
}
