package sqlite

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/catalogfile"
)

// feeRequest is an intake of 2.002516, whose catalogue text states one
// lệ phí of 8.000 đồng.
func feeRequest(fees ...data.FeeEntry) data.IntakeRequest {
	r := birthRequest()
	r.ProcedureCode = "2.002516"
	days := 1
	r.WorkingDays = &days
	r.Fees = fees
	return r
}

func cash(kind string, amount string) data.FeeEntry {
	return data.FeeEntry{Kind: kind, Amount: json.Number(amount), Method: "cash"}
}

func TestIntakeFeesRefused(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		req   data.IntakeRequest
		field string
	}{
		{"neither fee nor exemption", feeRequest(), "fees"},
		{"negative", feeRequest(cash("le-phi", "-8000")), "fees[0].amount"},
		{"not whole đồng", feeRequest(cash("le-phi", "8000.5")), "fees[0].amount"},
		{"absurd", feeRequest(cash("le-phi", "800000000")), "fees[0].amount"},
		{"zero", feeRequest(cash("le-phi", "0")), "fees[0].amount"},
		{"no kind", feeRequest(cash("", "8000")), "fees[0].kind"},
		{"bad method", feeRequest(data.FeeEntry{Kind: "le-phi", Amount: "8000", Method: "card"}), "fees[0].method"},
		{"kind twice", feeRequest(cash("le-phi", "8000"), cash("lệ phí", "8000")), "fees[1].kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.Intake(ctx, tc.req)
			var de *data.Error
			if !asError(err, &de) || de.Code != data.EInvalid || !hasField(de, tc.field) {
				t.Fatalf("Intake = %v, want a refusal naming %s", err, tc.field)
			}
		})
	}
	var n int
	db.read.QueryRow(`SELECT (SELECT COUNT(*) FROM dossier) + (SELECT COUNT(*) FROM fee_receipt)`).Scan(&n)
	if n != 0 {
		t.Errorf("%d rows saved by refused intakes", n)
	}

	// An office with no collector takes no fee.
	o := testOffice()
	o.Collector = data.FeeCollector{}
	if err := db.SaveOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
	_, err := db.Intake(ctx, feeRequest(cash("le-phi", "8000")))
	var de *data.Error
	if !asError(err, &de) || !hasField(de, "fees") || !strings.Contains(err.Error(), "--fee-collector") {
		t.Errorf("fee without a collector: %v", err)
	}
	// An exemption needs no collector.
	ex := feeRequest()
	ex.FeeExempt = "Người thuộc hộ nghèo"
	d, err := db.Intake(ctx, ex)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Dossier(ctx, d.Code); got.FeeExempt != "Người thuộc hộ nghèo" || len(got.Fees) != 0 {
		t.Errorf("exempt dossier %+v", got)
	}
}

func asError(err error, de **data.Error) bool {
	e, ok := err.(*data.Error)
	*de = e
	return ok
}

func hasField(e *data.Error, name string) bool {
	for _, f := range e.Fields {
		if f.Field == name {
			return true
		}
	}
	return false
}

func TestIntakeFeesMakeReceipts(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d, err := db.Intake(ctx, feeRequest(cash("le-phi", "8000"), data.FeeEntry{Kind: "phi", Amount: "5000", Method: "transfer"}))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := db.Dossier(ctx, d.Code)
	if len(got.Fees) != 2 || got.Fees[0] != (data.FeePaid{Kind: data.FeeLePhi, Amount: 8000, Method: data.PayCash}) ||
		got.Fees[1] != (data.FeePaid{Kind: data.FeePhi, Amount: 5000, Method: data.PayTransfer}) {
		t.Errorf("fees %+v", got.Fees)
	}
	if got.FormSet != "03/2025/TT-VPCP" {
		t.Errorf("form set %q", got.FormSet)
	}
	rs, err := db.FeeReceipts(ctx, d.Code)
	if err != nil || len(rs) != 2 {
		t.Fatalf("receipts %+v, %v", rs, err)
	}
	r := rs[0]
	if r.Number != 10000001 || rs[1].Number != 10000002 || r.SeriesSymbol != "27TAA" || r.FormSymbol != "EBL01" ||
		r.Collector.TaxCode != "6300123456" || r.PayerName != d.Applicant.Name || r.PayerID != d.Applicant.IDNumber ||
		r.Officer != "Trần Văn Bình" || r.ProcedureCode != "2.002516" || r.Workstation != 1 || r.ByPost {
		t.Errorf("receipt %+v", r)
	}
	if err := r.Validate(); err != nil {
		t.Errorf("stored receipt invalid: %v", err)
	}
	// The province gets them with the dossier.
	cs, _ := db.Outbox(ctx, 10)
	var rec data.DossierRecord
	if err := json.Unmarshal(cs[0].Payload, &rec); err != nil || len(rec.Receipts) != 2 || rec.Receipts[0].Number != 10000001 ||
		rec.Receipts[1].Method != data.PayTransfer || rec.FormSet != "03/2025/TT-VPCP" {
		t.Errorf("created record %+v, %v", rec, err)
	}
	if err := rec.Validate(); err != nil {
		t.Errorf("record invalid: %v", err)
	}
}

func TestReceiptNumbersAcrossYearsWorkstationsAndRestore(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "motcua.db")
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	setUp(t, db)
	at := func(db *DB, y int, m time.Month, d, h, min int) {
		db.Now = func() time.Time { return time.Date(y, m, d, h, min, 0, 0, data.Zone) }
	}
	seen := map[string]bool{}
	take := func(db *DB) data.FeeReceipt {
		t.Helper()
		d, err := db.Intake(ctx, feeRequest(cash("le-phi", "8000")))
		if err != nil {
			t.Fatal(err)
		}
		rs, _ := db.FeeReceipts(ctx, d.Code)
		key := rs[0].SeriesSymbol + "/" + rs[0].NumberText()
		if seen[key] {
			t.Fatalf("receipt %s issued twice", key)
		}
		seen[key] = true
		return rs[0]
	}
	at(db, 2026, 12, 31, 16, 0)
	if r := take(db); r.Number != 10000001 || r.SeriesSymbol != "26TAA" {
		t.Errorf("first of 2026: %s %s", r.SeriesSymbol, r.NumberText())
	}
	at(db, 2026, 12, 31, 16, 30)
	if r := take(db); r.Number != 10000002 {
		t.Errorf("second of 2026: %s", r.NumberText())
	}
	// The clock behind the last receipt is refused: the numbers would
	// run against time.
	at(db, 2026, 12, 31, 9, 0)
	if _, err := db.Intake(ctx, feeRequest(cash("le-phi", "8000"))); data.ErrorCode(err) != data.EConflict {
		t.Errorf("clock behind the last receipt: %v", err)
	}
	// 1 January restarts the numbering, under the new year's series.
	at(db, 2027, 1, 4, 8, 0)
	if r := take(db); r.Number != 10000001 || r.SeriesSymbol != "27TAA" {
		t.Errorf("first of 2027: %s %s", r.SeriesSymbol, r.NumberText())
	}
	db.Close() // a checkpointed copy, as a backup would be
	copyTestFile(t, file, filepath.Join(dir, "backup.db"))

	db, _ = Open(ctx, file)
	at(db, 2027, 1, 4, 9, 0)
	for range 12 {
		take(db)
	}
	db.Close()
	// Restore the older copy: the journal remembers the receipts since.
	os.Remove(file + "-wal")
	os.Remove(file + "-shm")
	copyTestFile(t, filepath.Join(dir, "backup.db"), file)
	db, err = Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	at(db, 2027, 1, 4, 10, 0)
	if r := take(db); r.Number <= 10000013 {
		t.Errorf("after the restore: %s, at or below one already issued", r.NumberText())
	}
	if h, err := db.Check(ctx, dir); err != nil || !h.JournalOK {
		t.Errorf("check after restore: %+v, %v", h, err)
	}
	db.Close()

	// Another workstation numbers in its own block.
	other := counterDB(t)
	o := testOffice()
	o.Workstation = 2
	if err := other.SaveOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
	d, err := other.Intake(ctx, feeRequest(cash("le-phi", "8000")))
	if err != nil {
		t.Fatal(err)
	}
	if rs, _ := other.FeeReceipts(ctx, d.Code); rs[0].Number != 20000001 || rs[0].NumberText() != "20000001" {
		t.Errorf("workstation 2's first receipt: %d", rs[0].Number)
	}
}

func TestPulledReceiptsAreKeptAndRaiseTheJournal(t *testing.T) {
	ctx := context.Background()
	// Workstation 1 takes a dossier with a fee; its outbox row is what
	// the province later sends back to a PC that replaced it.
	first := counterDB(t)
	d, err := first.Intake(ctx, feeRequest(cash("le-phi", "8000")))
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := first.Outbox(ctx, 1)
	change := data.RemoteChange{Seq: 5, Key: cs[0].Key, Kind: cs[0].Kind, Subject: d.Code, Payload: cs[0].Payload, Workstation: 1, At: cs[0].CreatedAt}

	replaced := counterDB(t)
	for range 2 { // twice: the second changes nothing
		if _, err := replaced.ApplyRemote(ctx, data.PullPage{Changes: []data.RemoteChange{change}, Next: 5}); err != nil {
			t.Fatal(err)
		}
	}
	rs, _ := replaced.FeeReceipts(ctx, d.Code)
	if len(rs) != 1 || rs[0].Number != 10000001 || rs[0].Amount != 8000 {
		t.Fatalf("pulled receipts %+v", rs)
	}
	if ps, _ := replaced.NeedsAttention(ctx); len(ps) != 0 {
		t.Errorf("problems %+v", ps)
	}
	// Its next receipt comes after the one it pulled.
	replaced.Now = func() time.Time { return time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone) }
	d2, err := replaced.Intake(ctx, feeRequest(cash("le-phi", "8000")))
	if err != nil {
		t.Fatal(err)
	}
	if rs, _ := replaced.FeeReceipts(ctx, d2.Code); rs[0].Number != 10000002 {
		t.Errorf("next receipt after the pull: %d", rs[0].Number)
	}
}

func TestCatalogFees(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	csv := "code,name,fees_text\n" +
		"1.000001,Một mức,\"Lệ phí: 8.000 đồng/bản\"\n" +
		"1.000002,Nhiều mức,\"Trực tiếp: 10,000 Việt Nam Đồng; Trực tuyến: 5,000 Việt Nam Đồng\"\n" +
		"1.000003,Theo khoảng,\"Từ 10.000 đến 50.000 đồng\"\n" +
		"1.000004,Không có số,\"Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định\"\n" +
		"1.000005,Miễn phí,\"Miễn phí\"\n"
	ps, err := catalogfile.Parse("c.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportProcedures(ctx, ps); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code, want string
		review     bool
	}{
		{"1.000001", "Lệ phí 8.000 đồng/bản", false},
		{"1.000002", data.FeesNeedReviewLabel, true},
		{"1.000003", data.FeesNeedReviewLabel, true},
		{"1.000004", data.FeesNeedReviewLabel, true},
		{"1.000005", "Không thu phí, lệ phí", false},
	} {
		p, err := db.Procedure(ctx, tc.code)
		if err != nil || p.Fees.Text() != tc.want || p.Fees.NeedsReview() != tc.review {
			t.Errorf("%s: fees %q (review %v), %v; want %q", tc.code, p.Fees.Text(), p.Fees.NeedsReview(), err, tc.want)
		}
	}
	// An administrator sets the fees the text left open; a re-import of
	// the same text keeps them, one that states an amount wins.
	set := data.FeeSchedule{Amounts: []data.FeeAmount{{Kind: data.FeeLePhi, Amount: 10000}, {Kind: data.FeePhi, Amount: 2000}}}
	if err := db.SetFees(ctx, "1.000002", set); err != nil {
		t.Fatal(err)
	}
	if err := db.SetFees(ctx, "1.000004", data.FeeSchedule{}); err != nil { // --no-fee
		t.Fatal(err)
	}
	if _, err := db.ImportProcedures(ctx, ps); err != nil {
		t.Fatal(err)
	}
	if p, _ := db.Procedure(ctx, "1.000002"); !p.LocalFees || p.Fees.Text() != "Lệ phí 10.000 đồng; Phí 2.000 đồng" || p.Fees.Total() != 12000 {
		t.Errorf("set fees lost on re-import: %+v", p.Fees)
	}
	if p, _ := db.Procedure(ctx, "1.000004"); !p.Fees.Known || p.Fees.Charges() {
		t.Errorf("--no-fee lost: %+v", p.Fees)
	}
	if err := db.SetFees(ctx, "1.000001", data.FeeSchedule{Amounts: []data.FeeAmount{{Kind: data.FeeLePhi, Amount: -5}}}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("negative fee set: %v", err)
	}
	if err := db.SetFees(ctx, "9.999999", set); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("unknown procedure: %v", err)
	}
}

func TestPostalFeesOnTheSignedManifest(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	r := postalRequest("RR123456785VN")
	r.ProcedureCode = "2.001263" // 400.000 đồng of lệ phí, stated once
	days := 5
	r.WorkingDays = &days
	a := mustIntake(t, db, r) // by post: no fee at intake
	m, _ := db.OpenManifest(ctx, data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Lan")
	m, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: a.Code, Fee: 400000}, "Lan")
	if err != nil {
		t.Fatal(err)
	}
	if it, _ := m.Item(a.Code); it.FeeKind != data.FeeLePhi {
		t.Errorf("the procedure's kind not taken: %q", it.FeeKind)
	}
	if rs, _ := db.FeeReceipts(ctx, a.Code); len(rs) != 0 {
		t.Fatal("a receipt before the manifest is signed")
	}
	if _, err := db.CloseManifest(ctx, m.Number, "Lan", "Hùng"); err != nil {
		t.Fatal(err)
	}
	rs, _ := db.FeeReceipts(ctx, a.Code)
	if len(rs) != 1 || !rs[0].ByPost || rs[0].PostalStaff != "Hùng" || rs[0].Collection() != data.CollectedByPost ||
		rs[0].Amount != 400000 || rs[0].Kind != data.FeeLePhi || rs[0].Officer != "Lan" {
		t.Fatalf("postal receipts %+v", rs)
	}
	cs, _ := db.Outbox(ctx, 10)
	last := cs[len(cs)-1]
	if last.Kind != data.ChangeDossierFees {
		t.Fatalf("last change %s", last.Kind)
	}
	p, err := data.DecodeChange(last.Kind, last.Payload)
	if err != nil || p.(*data.FeesRecord).Receipts[0].PostalStaff != "Hùng" {
		t.Errorf("fees change %+v, %v", p, err)
	}
}
