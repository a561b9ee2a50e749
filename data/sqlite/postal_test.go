package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// s10 is a valid S10 number of the series "RR".
func s10(n int) string {
	digits := fmt.Sprintf("%08d", n)
	c, _ := scan.S10CheckDigit(digits)
	return fmt.Sprintf("RR%s%dVN", digits, c)
}

// announceAt brings an announcement of item made at a time, as the
// province's feed does.
func announceAt(t *testing.T, db *DB, seq int64, item string, at time.Time) {
	t.Helper()
	a := data.PostalAnnouncement{Item: item, AgencyCode: testOffice().AgencyCode, ProcedureCode: "1.004884",
		Applicant:   data.ApplicantRecord{Name: "Nguyễn Văn Bưu", IDNumber: "093090000001", Address: "Ấp 3"},
		Documents:   []data.DocumentRecord{{Name: "Tờ khai", Originals: 1}},
		CollectedAt: at.Add(-time.Hour).Format(time.RFC3339), Postman: "Lê Văn Phát", AnnouncedAt: at.Format(time.RFC3339)}
	raw, _ := json.Marshal(a)
	page := data.PullPage{Next: seq, Changes: []data.RemoteChange{{Seq: seq, Key: "a-" + item, Kind: data.ChangePostalItem,
		Subject: item, Payload: raw, At: at}}}
	if n, err := db.ApplyRemote(context.Background(), page); err != nil || n != 1 {
		t.Fatalf("announce %s: %d %v", item, n, err)
	}
}

// TestPostalCounts compares, period by period, what the post announced
// with what its staff handed over on signed from-post manifests.
func TestPostalCounts(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	day := func(m time.Month, d int) time.Time { return time.Date(2027, m, d, 9, 0, 0, 0, data.Zone) }
	announceAt(t, db, 1, s10(1), day(1, 20)) // announced in January, handed over in February
	announceAt(t, db, 2, s10(2), day(2, 1))  // announced and handed over in February
	announceAt(t, db, 3, s10(3), day(2, 2))  // never brought
	announceAt(t, db, 4, s10(5), day(2, 2))  // brought, on a manifest not signed
	signed, err := db.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Lan")
	if err != nil {
		t.Fatal(err)
	}
	for _, item := range []string{s10(1), s10(2), s10(4)} { // s10(4) was never announced
		d := mustIntake(t, db, postalRequest(item))
		if _, err := db.AddItem(ctx, signed.Number, data.ManifestAdd{DossierCode: d.Code, PostalItem: item}, "Lan"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.CloseManifest(ctx, signed.Number, "Lan", "Hoa"); err != nil { // 3 February
		t.Fatal(err)
	}
	open, _ := db.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Lan")
	d := mustIntake(t, db, postalRequest(s10(5)))
	if _, err := db.AddItem(ctx, open.Number, data.ManifestAdd{DossierCode: d.Code, PostalItem: s10(5)}, "Lan"); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		name                    string
		from, to                time.Time
		announced, handedOver   int
		notHanded, notAnnounced []string
	}{
		{"February", day(2, 1), day(3, 1), 3, 3, []string{s10(3), s10(5)}, []string{s10(4)}},
		{"January: handed over after it", day(1, 1), day(2, 1), 1, 0, []string{s10(1)}, []string{}},
		{"the quarter", day(1, 1), day(4, 1), 4, 3, []string{s10(3), s10(5)}, []string{s10(4)}},
		{"March: nothing", day(3, 1), day(4, 1), 0, 0, []string{}, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := db.PostalCounts(ctx, c.from, c.to)
			if err != nil {
				t.Fatal(err)
			}
			if got.Announced != c.announced || got.HandedOver != c.handedOver || !slices.Equal(got.NotHandedOver, c.notHanded) ||
				!slices.Equal(got.NotAnnounced, c.notAnnounced) {
				t.Errorf("got %+v", got)
			}
		})
	}

	list, err := db.Announcements(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, a := range list {
		items = append(items, a.Item+" "+a.Manifest)
	}
	if !slices.Equal(items, []string{s10(3) + " ", s10(5) + " " + open.Number}) {
		t.Errorf("announced, not handed over: %v", items)
	}
	if a, err := db.Announcement(ctx, s10(2)); err != nil || a.DossierCode == "" || a.Manifest != signed.Number {
		t.Errorf("announcement handed over: %+v %v", a, err)
	}
}
