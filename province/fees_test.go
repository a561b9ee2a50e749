package province_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"motcua/data"
	"motcua/server/servertest"
)

// TestFeesAndStopsReachTheOtherWorkstation: fees collected at the
// counter and by the postman, with their receipts, and a stop travel to
// the province, which keeps the receipts in the dossier's record, and on
// to the office's other workstation.
func TestFeesAndStopsReachTheOtherWorkstation(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	one, two := enrolled(t, srv, agency, 1), enrolled(t, srv, agency, 2)
	one.office.Collector = data.FeeCollector{Name: "Ủy ban nhân dân xã Vị Thanh", TaxCode: "6300123456"}
	if err := one.db.SaveOffice(ctx, one.office); err != nil {
		t.Fatal(err)
	}
	days := 1
	req := func(channel data.Channel, item string, fees ...data.FeeEntry) data.IntakeRequest {
		return data.IntakeRequest{ProcedureCode: "2.002516", WorkingDays: &days, Channel: channel, PostalItem: item,
			Applicant: data.Applicant{Name: "Nguyễn Thị Hồng Nhung", IDNumber: "093190001234", Address: "Ấp 3, xã Vị Thanh"},
			Documents: []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}}, Officer: "Trần Văn Bình", Fees: fees,
			ReceivedAt: clock.Add(-time.Hour)}
	}
	counter, err := one.db.Intake(ctx, req(data.ChannelCounter, "", data.FeeEntry{Kind: "le-phi", Amount: "8000", Method: "transfer"}))
	if err != nil {
		t.Fatal(err)
	}
	postal, err := one.db.Intake(ctx, req(data.ChannelPostal, "RR123456785VN"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := one.db.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Lan")
	if _, err := one.db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: postal.Code, Fee: 8000}, "Lan"); err != nil {
		t.Fatal(err)
	}
	if _, err := one.db.CloseManifest(ctx, m.Number, "Lan", "Hùng"); err != nil {
		t.Fatal(err)
	}
	if _, err := one.db.StopDossier(ctx, data.Stop{DossierCode: counter.Code, Reason: "Người nộp đề nghị dừng", Officer: "Lan"}); err != nil {
		t.Fatal(err)
	}
	if rep := one.syncAll(true); rep.Rejected != 0 {
		t.Fatalf("rejected: %+v", rep)
	}
	got := srv.Strings(t, `SELECT code || ' ' || status || ' ' || (r->>'number') || ' ' || COALESCE(r->>'by_post', 'false')
		FROM dossier, jsonb_array_elements(record->'fee_receipts') r ORDER BY 1`)
	if want := []string{counter.Code + " stopped 10000001 false", postal.Code + " received 10000002 true"}; !slices.Equal(got, want) {
		t.Errorf("the province holds %v, want %v", got, want)
	}

	two.syncAll(true)
	for _, code := range []string{counter.Code, postal.Code} {
		rs, err := two.db.FeeReceipts(ctx, code)
		if err != nil || len(rs) != 1 || rs[0].Workstation != 1 || rs[0].Amount != 8000 {
			t.Errorf("%s at workstation 2: %+v, %v", code, rs, err)
		}
	}
	if d, _ := two.db.Dossier(ctx, counter.Code); d.Status != data.StatusStopped || d.FormSet != "03/2025/TT-VPCP" {
		t.Errorf("at workstation 2: %s, set %q", d.Status, d.FormSet)
	}
	if st, err := two.db.Stopped(ctx, counter.Code); err != nil || st.Reason != "Người nộp đề nghị dừng" {
		t.Errorf("stop at workstation 2: %+v, %v", st, err)
	}
	var problems []data.Rejection
	if problems, _ = two.db.NeedsAttention(ctx); len(problems) != 0 {
		raw, _ := json.Marshal(problems)
		t.Errorf("problems: %s", raw)
	}
}
