package sqlite

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/password"
)

// TestPulledAccountsLastUpdateWins: whatever order the province's feed
// brings two versions of an account in, the later stays.
func TestPulledAccountsLastUpdateWins(t *testing.T) {
	hash, _ := password.Hash("mat-khau-1", password.Fast)
	at := time.Date(2027, 2, 3, 3, 0, 0, 0, time.UTC)
	older := data.NewAccountRecord("000.30.12.H30", data.Account{Username: "hoa", FullName: "Lê Thị Hoa", Role: data.RoleCounter, PasswordHash: hash, UpdatedAt: at})
	newer := older
	newer.Disabled, newer.UpdatedAt = true, at.Add(time.Minute).Format(time.RFC3339Nano)
	other := older
	other.AgencyCode = "000.30.12.H31"
	change := func(seq int64, r data.AccountRecord) data.RemoteChange {
		raw, _ := json.Marshal(r)
		return data.RemoteChange{Seq: seq, Key: "k" + r.UpdatedAt + r.AgencyCode, Kind: data.ChangeAccount, Subject: r.Subject(), Payload: raw, Workstation: 2, At: at}
	}
	for name, order := range map[string][]data.AccountRecord{"in order": {older, newer}, "reversed": {newer, older}} {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			ctx := context.Background()
			if err := db.SaveOffice(data.WithOfficer(ctx, data.Officer{FullName: "Thử"}), testOffice()); err != nil {
				t.Fatal(err)
			}
			page := data.PullPage{Next: 3, Changes: []data.RemoteChange{change(1, order[0]), change(2, order[1]), change(3, other)}}
			if _, err := db.ApplyRemote(ctx, page); err != nil {
				t.Fatal(err)
			}
			a, err := db.Account(ctx, "hoa")
			if err != nil || !a.Disabled || !a.UpdatedAt.Equal(at.Add(time.Minute)) {
				t.Errorf("account %+v %v", a, err)
			}
			// Another office's account is not taken, and says why.
			if rs, _ := db.NeedsAttention(ctx); len(rs) != 1 || rs[0].Kind != data.ChangeAccount {
				t.Errorf("needs attention %+v", rs)
			}
		})
	}
}
