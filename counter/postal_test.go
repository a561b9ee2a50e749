package counter_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/sqlite"
)

// announce brings the office an announcement of the post, as the
// province's feed does.
func announce(t *testing.T, store *sqlite.DB, item string, fee string) {
	t.Helper()
	at := time.Date(2027, 2, 3, 8, 0, 0, 0, data.Zone)
	a := data.PostalAnnouncement{Item: item, AgencyCode: "000.30.12.H30", ProcedureCode: "1.004837",
		Applicant:   data.ApplicantRecord{Name: "Nguyễn Văn Bưu", IDNumber: "093090000001", Address: "Ấp 3, xã Vị Thanh"},
		Documents:   []data.DocumentRecord{{Name: "Tờ khai", Originals: 1}},
		CollectedAt: at.Add(-time.Hour).Format(time.RFC3339), Postman: "Lê Văn Phát", AnnouncedAt: at.Format(time.RFC3339)}
	if fee != "" {
		a.Fees = []data.FeeEntry{{Kind: "le-phi", Amount: json.Number(fee), Method: "cash"}}
	}
	raw, _ := json.Marshal(a)
	page := data.PullPage{Next: 1, Changes: []data.RemoteChange{{Seq: 1, Key: "a-" + item, Kind: data.ChangePostalItem, Subject: item, Payload: raw, At: at}}}
	if n, err := store.ApplyRemote(context.Background(), page); err != nil || n != 1 {
		t.Fatalf("announce: %d %v", n, err)
	}
}

// TestReceiveAnnounced: an announced item scanned onto a from-post
// manifest becomes a postal dossier on it; the period's reconciliation
// counts it, and neither works for nobody logged in.
func TestReceiveAnnounced(t *testing.T) {
	d, store := deskOn(t)
	ctx := context.Background()
	const item = "RR123456785VN"
	announce(t, store, item, "")

	if a, ok, err := d.AnnouncedFor(ctx, "rr123456785vn"); err != nil || !ok || a.Applicant.Name != "Nguyễn Văn Bưu" {
		t.Fatalf("announced for a typed item: %+v %v %v", a, ok, err)
	}
	if _, ok, _ := d.AnnouncedFor(ctx, "EE000000014VN"); ok {
		t.Error("an item never announced is announced")
	}
	toAgency, err := d.OpenManifest(ctx, data.ManifestToAgency, "", "Phòng Tư pháp")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := d.ReceiveAnnounced(ctx, toAgency.Number, item); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("an announced item onto a to-agency manifest: %v", err)
	}
	if _, err := store.DossierByPostalItem(ctx, item); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("a refused item became a dossier: %v", err)
	}
	m, err := d.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "")
	if err != nil {
		t.Fatal(err)
	}
	m, it, dossier, err := d.ReceiveAnnounced(ctx, m.Number, item)
	if err != nil {
		t.Fatal(err)
	}
	if dossier.Channel != data.ChannelPostal || dossier.PostalItem != item || dossier.Officer != "Trần Văn Bình" ||
		it.DossierCode != dossier.Code || len(m.Items) != 1 {
		t.Errorf("dossier %+v, item %+v", dossier, it)
	}
	if _, ok, _ := d.AnnouncedFor(ctx, item); ok {
		t.Error("an item made a dossier is still to confirm")
	}
	if _, _, err := d.CloseManifest(ctx, m.Number, "", "Lê Văn Phát"); err != nil {
		t.Fatal(err)
	}
	from, to := time.Date(2027, 1, 1, 0, 0, 0, 0, data.Zone), time.Date(2027, 4, 1, 0, 0, 0, 0, data.Zone)
	c, err := d.PostalReconciliation(ctx, from, to)
	if err != nil || c.Announced != 1 || c.HandedOver != 1 || len(c.NotHandedOver) != 0 || len(c.NotAnnounced) != 0 {
		t.Errorf("reconciliation %+v %v", c, err)
	}
	if list, err := d.AnnouncedItems(ctx); err != nil || len(list) != 0 {
		t.Errorf("announced after signing: %+v %v", list, err)
	}

	d.Logout()
	if _, err := d.PostalReconciliation(ctx, from, to); data.ErrorCode(err) != data.ELoggedOut {
		t.Errorf("logged out: %v", err)
	}
	if _, err := d.AnnouncedItems(ctx); data.ErrorCode(err) != data.ELoggedOut {
		t.Errorf("logged out: %v", err)
	}
}
