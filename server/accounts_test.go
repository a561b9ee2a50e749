package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/password"
	"motcua/server/servertest"
)

func hashOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestAuditHeads: the province keeps each workstation's newest audit
// head; one that goes backwards or does not follow from the one held is
// a finding, answered 200 with the reason, and the held head stays.
func TestAuditHeads(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	s := enroll(t, srv, agency, 1)
	other := enroll(t, srv, "000.30.12.H31", 1)
	head := func(seq int64) data.AuditHead { return data.AuditHead{Seq: seq, Hash: hashOf(string(rune('a' + seq)))} }
	rec := func(h, anchor data.AuditHead) data.AuditHeadRecord {
		return data.AuditHeadRecord{AgencyCode: agency, Workstation: 1, Head: h, Anchor: anchor}
	}
	tests := []struct {
		name   string
		rec    data.AuditHeadRecord
		result string
		reason string
		held   int64
	}{
		{"the first", rec(head(5), data.AuditHead{}), data.ResultApplied, "", 5},
		{"moving on", rec(head(9), head(5)), data.ResultApplied, "", 9},
		{"the same again", rec(head(9), head(9)), data.ResultApplied, "", 9},
		{"backwards", rec(head(6), head(9)), data.ResultRejected, "lùi lại", 9},
		{"the held entry gone", rec(head(12), data.AuditHead{Seq: 9}), data.ResultRejected, "bị xoá", 9},
		{"the held entry rewritten", rec(head(12), data.AuditHead{Seq: 9, Hash: hashOf("x")}), data.ResultRejected, "không còn khớp", 9},
		{"anchored on an older head", rec(head(12), head(5)), data.ResultRejected, "không còn khớp", 9},
		{"moving on after a finding", rec(head(12), head(9)), data.ResultApplied, "", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r data.ChangeResult
			if status, body := s.do("POST", "/v1/audit-head", tt.rec, &r); status != 200 {
				t.Fatalf("%d %s", status, body)
			}
			if r.Result != tt.result || !strings.Contains(r.Reason, tt.reason) {
				t.Errorf("result %+v", r)
			}
			var held data.AuditHead
			s.do("GET", "/v1/audit-head", nil, &held)
			if held.Seq != tt.held {
				t.Errorf("the province holds %+v", held)
			}
		})
	}
	var none data.AuditHead
	if status, _ := other.do("GET", "/v1/audit-head", nil, &none); status != 200 || none.Seq != 0 {
		t.Errorf("another office's head: %d %+v", status, none)
	}
	if status, _ := other.do("POST", "/v1/audit-head", rec(head(1), data.AuditHead{}), nil); status != 403 {
		t.Errorf("a head of another office: %d", status)
	}
	if status, _ := s.do("POST", "/v1/audit-head", rec(data.AuditHead{Seq: 3, Hash: "not hex"}, data.AuditHead{}), nil); status != 400 {
		t.Errorf("a malformed head: %d", status)
	}
}

// TestAccountsInTheFeed: an account pushed by one workstation is kept
// per office, newest first, and reaches the office's other workstations
// only.
func TestAccountsInTheFeed(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws1, ws2 := enroll(t, srv, agency, 1), enroll(t, srv, agency, 2)
	foreign := enroll(t, srv, "000.30.12.H31", 1)
	hash, _ := password.Hash("mat-khau-1", password.Fast)
	at := time.Date(2027, 2, 3, 3, 0, 0, 0, time.UTC)
	rec := data.NewAccountRecord(agency, data.Account{Username: "hoa", FullName: "Lê Thị Hoa", Role: data.RoleCounter, PasswordHash: hash, UpdatedAt: at})
	older := rec
	older.FullName, older.UpdatedAt = "Lê Hoa", at.Add(-time.Hour).Format(time.RFC3339Nano)
	push := func(s *station, key string, r data.AccountRecord) int {
		raw, _ := json.Marshal(r)
		status, _ := s.do("POST", "/v1/changes", data.PushRequest{Changes: []data.OutboxChange{{Key: key, Kind: data.ChangeAccount,
			Subject: r.Subject(), Payload: raw, CreatedAt: at}}}, nil)
		return status
	}
	if status := push(ws1, "k1", rec); status != 200 {
		t.Fatalf("push: %d", status)
	}
	if status := push(ws2, "k2", older); status != 200 {
		t.Fatalf("push older: %d", status)
	}
	if got := srv.Strings(t, `SELECT record->>'full_name' FROM account`); len(got) != 1 || got[0] != "Lê Thị Hoa" {
		t.Errorf("the province keeps %v", got)
	}
	var page data.PullPage
	ws2.do("GET", "/v1/changes?after=0", nil, &page)
	if len(page.Changes) != 2 || page.Changes[0].Kind != data.ChangeAccount {
		t.Errorf("counter 2's feed %+v", page.Changes)
	}
	foreign.do("GET", "/v1/changes?after=0", nil, &page)
	if len(page.Changes) != 0 {
		t.Errorf("another office's feed %+v", page.Changes)
	}
	if status := push(foreign, "k3", rec); status != 403 {
		t.Errorf("an account of another office: %d", status)
	}
}
