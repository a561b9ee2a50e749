package sqlite

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

func remoteRating(seq int64, key, code string, level data.RatingLevel, comment string, at time.Time) data.RemoteChange {
	raw, _ := json.Marshal(data.RatingRecord{Code: code, Level: level, Comment: comment, RatedAt: at.Format(time.RFC3339)})
	return data.RemoteChange{Seq: seq, Key: key, Kind: data.ChangeDossierRated, Subject: code, Payload: raw, At: at}
}

func TestRatingsFromTheProvince(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d, err := db.Intake(ctx, birthRequest())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Rating(ctx, d.Code); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("rating before any: %v", err)
	}
	day := func(m time.Month, dd, h int) time.Time { return time.Date(2027, m, dd, h, 0, 0, 0, data.Zone) }
	// Dossiers this workstation never had count too: they are the office's.
	other := data.DossierCode("000.30.12.H30", day(2, 3, 0), 2001)
	page := data.PullPage{Next: 13, Changes: []data.RemoteChange{
		remoteRating(10, "r1", d.Code, data.RatingVerySatisfied, "Cán bộ tận tình", day(3, 31, 23)),
		remoteRating(11, "r2", other, data.RatingUnsatisfied, "", day(4, 1, 0).UTC()),
		remoteRating(12, "r3", data.DossierCode("000.30.12.H30", day(2, 3, 0), 2002), data.RatingSatisfied, "", day(6, 30, 12)),
		// A second rating of a dossier, under another key: the first stands.
		remoteRating(13, "r4", d.Code, data.RatingUnsatisfied, "đổi ý", day(4, 2, 8)),
	}}
	for range 2 { // applying the page twice changes nothing
		if _, err := db.ApplyRemote(ctx, page); err != nil {
			t.Fatal(err)
		}
	}
	r, err := db.Rating(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if r.Level != data.RatingVerySatisfied || r.Comment != "Cán bộ tận tình" || !r.RatedAt.Equal(day(3, 31, 23)) {
		t.Errorf("rating %+v", r)
	}
	tests := []struct {
		name     string
		from, to time.Time
		want     data.RatingCounts
	}{
		{"first quarter", day(1, 1, 0), day(4, 1, 0), data.RatingCounts{VerySatisfied: 1}},
		{"second quarter", day(4, 1, 0), day(7, 1, 0), data.RatingCounts{Satisfied: 1, Unsatisfied: 1}},
		{"the year, asked in UTC", day(1, 1, 0).UTC(), day(12, 31, 0).UTC(), data.RatingCounts{VerySatisfied: 1, Satisfied: 1, Unsatisfied: 1}},
		{"empty", day(8, 1, 0), day(9, 1, 0), data.RatingCounts{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := db.RatingCounts(ctx, tc.from, tc.to)
			if err != nil || got != tc.want {
				t.Errorf("RatingCounts = %+v %v, want %+v", got, err, tc.want)
			}
		})
	}
}

func TestRatingFromTheProvinceIsChecked(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	code := data.DossierCode("000.30.12.H30", time.Date(2027, 2, 3, 0, 0, 0, 0, data.Zone), 2001)
	at := time.Date(2027, 3, 1, 9, 0, 0, 0, data.Zone)
	tests := []struct {
		name   string
		change data.RemoteChange
	}{
		{"unknown level", remoteRating(1, "bad1", code, "tuyet-voi", "", at)},
		{"comment too long", remoteRating(2, "bad2", code, data.RatingSatisfied, strings.Repeat("a", 501), at)},
		{"control character", remoteRating(3, "bad3", code, data.RatingSatisfied, "a\x00b", at)},
		{"bad code", remoteRating(4, "bad4", "HS-1", data.RatingSatisfied, "", at)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A bad rating is set aside for an officer; the pull goes on.
			n, err := db.ApplyRemote(ctx, data.PullPage{Next: 1, Changes: []data.RemoteChange{tc.change}})
			if err != nil || n != 0 {
				t.Fatalf("ApplyRemote = %d, %v; want 0 applied, no error", n, err)
			}
			if _, err := db.Rating(ctx, tc.change.Subject); data.ErrorCode(err) != data.ENotFound {
				t.Errorf("rating stored: %v", err)
			}
			rs, err := db.NeedsAttention(ctx)
			if err != nil || len(rs) == 0 || !rs[len(rs)-1].Incoming || rs[len(rs)-1].Key != tc.change.Key {
				t.Errorf("needs attention = %+v, %v; want the pulled rating", rs, err)
			}
		})
	}
}

// TestOfficeRenameQueuedOnceEnrolled: the enrollment carries the office's
// name to the province; a later change of name or place is queued.
func TestOfficeRenameQueuedOnceEnrolled(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	o := testOffice()
	o.Name = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG VỊ THANH"
	if err := db.SaveOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.QueueLength(ctx); n != 0 {
		t.Fatalf("queued %d changes before enrollment", n)
	}
	if err := db.SaveSyncSettings(ctx, data.SyncSettings{ServerURL: "https://tinh.example.vn", Token: "t"}); err != nil {
		t.Fatal(err)
	}
	o.PaperSize = "A5"
	if err := db.SaveOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.QueueLength(ctx); n != 0 {
		t.Fatalf("queued %d changes for a paper size", n)
	}
	o.Place = "Cần Thơ"
	if err := db.SaveOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
	cs, _ := db.Outbox(ctx, 10)
	if len(cs) != 1 || cs[0].Kind != data.ChangeOfficeProfile || cs[0].Subject != o.AgencyCode {
		t.Fatalf("outbox %+v", cs)
	}
	var p data.OfficeProfile
	if err := json.Unmarshal(cs[0].Payload, &p); err != nil || p != (data.OfficeProfile{AgencyCode: o.AgencyCode, Name: o.Name, Place: "Cần Thơ"}) {
		t.Errorf("payload %s %v", cs[0].Payload, err)
	}
}
