package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

func postalRequest(item string) data.IntakeRequest {
	r := birthRequest()
	r.Channel, r.PostalItem, r.ReturnMethod = data.ChannelPostal, item, data.ReturnPost
	return r
}

func mustIntake(t *testing.T, db *DB, r data.IntakeRequest) data.Dossier {
	t.Helper()
	d, err := db.Intake(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestManifestFromPostSetsFilingTime(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	a := mustIntake(t, db, postalRequest("RR123456785VN"))
	b := mustIntake(t, db, postalRequest("EE000000014VN"))
	counterOnly := mustIntake(t, db, birthRequest())

	m, err := db.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Lan")
	if err != nil {
		t.Fatal(err)
	}
	if m.Number != "270203-101" || m.Status != data.ManifestOpen {
		t.Errorf("manifest %+v", m)
	}
	if _, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: a.Code, Fee: 25000, FeeKind: data.FeeLePhi}, "Lan"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: b.Code, Fee: 25000, FeeKind: data.FeeLePhi}, "Lan"); err != nil {
		t.Fatal(err)
	}
	refusals := []struct {
		name, code, want string
	}{
		{"twice", a.Code, "đã có trong biên bản này"},
		{"not postal", counterOnly.Code, "không nộp qua bưu chính"},
		{"unknown", "000.30.12.H30-270203-1999", "Không tìm thấy"},
	}
	for _, r := range refusals {
		if _, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: r.code}, "Lan"); err == nil || !strings.Contains(err.Error(), r.want) {
			t.Errorf("%s: %v", r.name, err)
		}
	}
	other, _ := db.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Lan")
	if _, err := db.AddItem(ctx, other.Number, data.ManifestAdd{DossierCode: a.Code}, "Lan"); err == nil || !strings.Contains(err.Error(), m.Number) {
		t.Errorf("on another open manifest: %v", err)
	}

	// Signed two days later, at 14:30 on Friday 5/2? That is Tết: sign on
	// Friday 12/2 at 14:30 instead; the clock starts then.
	signed := time.Date(2027, 2, 12, 14, 30, 0, 0, data.Zone)
	db.Now = func() time.Time { return signed }
	if _, err := db.CloseManifest(ctx, m.Number, "", "Hùng"); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("close without officer: %v", err)
	}
	closed, err := db.CloseManifest(ctx, m.Number, "Lan", "Hùng")
	if err != nil {
		t.Fatal(err)
	}
	if closed.Status != data.ManifestClosed || !closed.ClosedAt.Equal(signed) || closed.Totals().Fees != 50000 || closed.Totals().Items != 2 {
		t.Errorf("closed %+v totals %+v", closed, closed.Totals())
	}
	got, _ := db.Dossier(ctx, a.Code)
	// 3 working days from Fri 12/2: Mon 15, Tue 16, Wed 17.
	if !got.ReceivedAt.Equal(signed) || got.DueDate.Format("2006-01-02") != "2027-02-17" {
		t.Errorf("filing time %v due %v", got.ReceivedAt, got.DueDate)
	}
	if _, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: counterOnly.Code}, "Lan"); err == nil || !strings.Contains(err.Error(), "đã ký") {
		t.Errorf("edit after close: %v", err)
	}
	if _, err := db.RemoveItem(ctx, m.Number, a.Code, "Lan"); err == nil {
		t.Error("removed from a closed manifest")
	}
	// A dossier filed once is not filed again on a later manifest.
	if _, err := db.AddItem(ctx, other.Number, data.ManifestAdd{DossierCode: b.Code}, "Lan"); err == nil {
		t.Error("filed twice")
	}
	names, _ := db.Names(ctx, "postal")
	if len(names) != 1 || names[0] != "Hùng" {
		t.Errorf("remembered %v", names)
	}
}

func TestManifestToAgencyAndToCitizen(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	a := mustIntake(t, db, postalRequest("RR123456785VN"))
	b := mustIntake(t, db, postalRequest("EE000000014VN"))

	if _, err := db.OpenManifest(ctx, data.ManifestToAgency, "Bưu điện", "", "Lan"); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("to-agency without agency: %v", err)
	}
	m, _ := db.OpenManifest(ctx, data.ManifestToAgency, "Bưu điện", "Sở Tư pháp", "Lan")
	for _, d := range []data.Dossier{a, b} {
		if _, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: d.Code}, "Lan"); err != nil {
			t.Fatal(err)
		}
	}
	if left, err := db.RemoveItem(ctx, m.Number, b.Code, "Lan"); err != nil || len(left.Items) != 1 || left.Items[0].DossierCode != a.Code {
		t.Fatalf("after removing b: %+v, %v", left.Items, err)
	}
	if _, err := db.CloseManifest(ctx, m.Number, "Lan", "Hùng"); err != nil {
		t.Fatal(err)
	}
	if d, _ := db.Dossier(ctx, a.Code); d.Status != data.StatusTransferred {
		t.Errorf("a: %s", d.Status)
	}
	if d, _ := db.Dossier(ctx, b.Code); d.Status != data.StatusReceived {
		t.Errorf("removed b: %s", d.Status)
	}

	c, _ := db.OpenManifest(ctx, data.ManifestToCitizen, "Bưu điện", "", "Lan")
	if _, err := db.AddItem(ctx, c.Number, data.ManifestAdd{DossierCode: a.Code}, "Lan"); err == nil || !strings.Contains(err.Error(), "chưa có kết quả") {
		t.Errorf("result not ready: %v", err)
	}
	for _, d := range []data.Dossier{a, b} {
		if _, err := db.SetStatus(ctx, d.Code, data.StatusResultReady, "Lan", ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddItem(ctx, c.Number, data.ManifestAdd{DossierCode: d.Code}, "Lan"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.RecordDelivery(ctx, c.Number, a.Code, true, "Lan"); err == nil {
		t.Error("delivery recorded on an open manifest")
	}
	if _, err := db.CloseManifest(ctx, c.Number, "Lan", "Hùng"); err != nil {
		t.Fatal(err)
	}
	item := func(m data.Manifest, code string) data.ManifestItem {
		it, _ := m.Item(code)
		return it
	}
	if m, err := db.RecordDelivery(ctx, c.Number, a.Code, true, "Hùng"); err != nil || item(m, a.Code).Outcome != data.DeliveryDelivered {
		t.Fatalf("delivered: %+v %v", m.Items, err)
	}
	if d, _ := db.Dossier(ctx, a.Code); d.Status != data.StatusReturned {
		t.Errorf("delivered dossier %s", d.Status)
	}
	cm, _ := db.RecordDelivery(ctx, c.Number, b.Code, false, "Hùng")
	it := item(cm, b.Code)
	if it.Outcome != data.DeliveryFailed || it.Attempts != 1 {
		t.Errorf("first failure %+v", it)
	}
	cm, _ = db.RecordDelivery(ctx, c.Number, b.Code, false, "Hùng")
	it = item(cm, b.Code)
	if it.Outcome != data.DeliveryReturning || it.Attempts != 2 {
		t.Errorf("second failure %+v", it)
	}
	if d, _ := db.Dossier(ctx, b.Code); d.Status != data.StatusResultReady || d.ReturnMethod != data.ReturnCounter {
		t.Errorf("returning dossier %s %s", d.Status, d.ReturnMethod)
	}
	if _, err := db.RecordDelivery(ctx, c.Number, b.Code, true, "Hùng"); err == nil {
		t.Error("delivery after the result came back")
	}
	got, _ := db.Manifest(ctx, c.Number)
	if got.Items[1].Attempts != 2 || got.Items[0].Outcome != data.DeliveryDelivered {
		t.Errorf("items %+v", got.Items)
	}
	if p, _ := db.DossierByPostalItem(ctx, "EE000000014VN"); p.Code != b.Code {
		t.Errorf("by postal item: %s", p.Code)
	}
}

func TestResultsBackByManifest(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	a := mustIntake(t, db, postalRequest("RR123456785VN"))
	b := mustIntake(t, db, postalRequest("EE000000014VN"))
	m, _ := db.OpenManifest(ctx, data.ManifestToAgency, "", "Sở Tư pháp", "Lan")
	if _, err := db.ResultsBack(ctx, m.Number, "Lan"); data.ErrorCode(err) != data.EInvalid || !strings.Contains(err.Error(), "đã ký") {
		t.Errorf("an open manifest: %v", err)
	}
	for _, d := range []data.Dossier{a, b} {
		if _, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: d.Code}, "Lan"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.CloseManifest(ctx, m.Number, "Lan", "Hùng"); err != nil {
		t.Fatal(err)
	}
	// b's result came back on its own already.
	if _, err := db.SetStatus(ctx, b.Code, data.StatusResultReady, "Lan", ""); err != nil {
		t.Fatal(err)
	}
	ready, err := db.ResultsBack(ctx, m.Number, "Bình")
	if err != nil || len(ready) != 1 || ready[0] != a.Code {
		t.Fatalf("ready %v, %v", ready, err)
	}
	d, _ := db.Dossier(ctx, a.Code)
	hist, _ := db.History(ctx, a.Code)
	if last := hist[len(hist)-1]; d.Status != data.StatusResultReady || last.Actor != "Bình" || !strings.Contains(last.Note, m.Number) {
		t.Errorf("a: %s, last event %+v", d.Status, last)
	}
	if again, err := db.ResultsBack(ctx, m.Number, "Bình"); err != nil || len(again) != 0 {
		t.Errorf("twice: %v, %v", again, err)
	}
}
