package sqlite

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/data"
)

// counterDB is a configured store with the sample catalogue and a clock
// fixed on a working morning.
func counterDB(t testing.TB) *DB {
	t.Helper()
	db := open(t)
	setUp(t, db)
	return db
}

func setUp(t testing.TB, db *DB) {
	t.Helper()
	if err := db.SaveOffice(context.Background(), testOffice()); err != nil {
		t.Fatal(err)
	}
	importSample(t, db)
	db.Now = func() time.Time { return time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone) }
}

func birthRequest() data.IntakeRequest {
	return data.IntakeRequest{
		ProcedureCode: "1.004837", // 3 working days in the catalogue
		Applicant: data.Applicant{Name: "Nguyễn Thị Hồng Nhung", IDNumber: "093190001234",
			BirthDate: time.Date(1990, 5, 17, 0, 0, 0, 0, data.Zone), Phone: "0912 345 678", Address: "Ấp 3, xã Vị Thanh, TP Cần Thơ"},
		Documents: []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}, {Name: "Giấy chứng sinh", Originals: 1, Copies: 1}},
		Officer:   "Trần Văn Bình",
	}
}

func TestIntakeSavesEverything(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	preview, err := db.Preview(ctx, birthRequest())
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.Intake(ctx, birthRequest())
	if err != nil {
		t.Fatal(err)
	}
	if d.Code != "000.30.12.H30-270203-1001" || preview.Code != d.Code {
		t.Errorf("code %s, preview %s", d.Code, preview.Code)
	}
	// Wed 3/2/2027 + 3 working days: Thu 4/2, then Tết and its days in
	// lieu close 5–11/2, Fri 12/2, Mon 15/2.
	if got := d.DueDate.Format("2006-01-02"); got != "2027-02-15" || preview.DueDate != d.DueDate {
		t.Errorf("due %s, preview %s", got, preview.DueDate.Format("2006-01-02"))
	}
	if d.Book != 2027 || d.RegisterNo != 1 || d.Applicant.Phone != "0912345678" {
		t.Errorf("dossier %+v", d)
	}
	got, err := db.Dossier(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if got.Applicant != d.Applicant || len(got.Documents) != 2 || got.Documents[1] != d.Documents[1] || !got.ReceivedAt.Equal(d.ReceivedAt) {
		t.Errorf("stored %+v\nwant %+v", got, d)
	}
	hist, _ := db.History(ctx, d.Code)
	if len(hist) != 1 || hist[0].To != data.StatusReceived || hist[0].Actor != "Trần Văn Bình" {
		t.Errorf("history %+v", hist)
	}
	var audits, outbox int
	db.read.QueryRow(`SELECT COUNT(*) FROM audit WHERE subject = ?`, d.Code).Scan(&audits)
	db.read.QueryRow(`SELECT COUNT(*) FROM outbox WHERE subject = ? AND kind = 'dossier.created'`, d.Code).Scan(&outbox)
	if audits != 1 || outbox != 1 {
		t.Errorf("audit %d, outbox %d", audits, outbox)
	}
	d2, _ := db.Intake(ctx, birthRequest())
	if d2.Code != "000.30.12.H30-270203-1002" || d2.RegisterNo != 2 {
		t.Errorf("second: %s no %d", d2.Code, d2.RegisterNo)
	}
}

func TestIntakeRefusesAndSavesNothing(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	tests := []struct {
		name   string
		change func(r *data.IntakeRequest)
		fields []string
	}{
		{"unknown procedure", func(r *data.IntakeRequest) { r.ProcedureCode = "9.999999" }, []string{"procedure_code"}},
		{"no time limit", func(r *data.IntakeRequest) { r.ProcedureCode = "1.001193" }, []string{"working_days"}},
		{"short id", func(r *data.IntakeRequest) { r.Applicant.IDNumber = "09319000123" }, []string{"applicant.id_number"}},
		{"id and birth year disagree", func(r *data.IntakeRequest) { r.Applicant.BirthDate = time.Date(1991, 1, 1, 0, 0, 0, 0, data.Zone) }, []string{"applicant.id_number"}},
		{"bad phone", func(r *data.IntakeRequest) { r.Applicant.Phone = "12345" }, []string{"applicant.phone"}},
		{"bad email", func(r *data.IntakeRequest) { r.Applicant.Email = "nhung@" }, []string{"applicant.email"}},
		{"no name no address", func(r *data.IntakeRequest) { r.Applicant.Name, r.Applicant.Address = " ", "" }, []string{"applicant.name", "applicant.address"}},
		{"postal without item", func(r *data.IntakeRequest) { r.Channel = data.ChannelPostal }, []string{"postal_item"}},
		{"bad check digit", func(r *data.IntakeRequest) { r.Channel, r.PostalItem = data.ChannelPostal, "RR123456784VN" }, []string{"postal_item"}},
		{"postal not allowed", func(r *data.IntakeRequest) {
			r.ProcedureCode, r.Channel, r.PostalItem = "1.003583", data.ChannelPostal, "RR123456785VN"
		}, []string{"channel"}},
		{"no documents", func(r *data.IntakeRequest) { r.Documents = nil }, []string{"documents"}},
		{"empty document", func(r *data.IntakeRequest) { r.Documents[0].Originals = 0 }, []string{"documents[0].originals"}},
		{"bad channel", func(r *data.IntakeRequest) { r.Channel = "fax" }, []string{"channel"}},
		{"post without address", func(r *data.IntakeRequest) { r.ReturnMethod, r.Applicant.Address = data.ReturnPost, "" }, []string{"return_address"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := birthRequest()
			tt.change(&r)
			_, err := db.Intake(ctx, r)
			de, ok := err.(*data.Error)
			if !ok {
				t.Fatalf("Intake = %v", err)
			}
			named := map[string]bool{}
			for _, f := range de.Fields {
				named[f.Field] = true
			}
			for _, f := range tt.fields {
				if !named[f] {
					t.Errorf("field %s not named in %v", f, de)
				}
			}
		})
	}
	var n int
	db.read.QueryRow(`SELECT (SELECT COUNT(*) FROM dossier) + (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM day_sequence)`).Scan(&n)
	if n != 0 {
		t.Errorf("refused intakes left %d rows", n)
	}
	// With the officer's time limit the needs-review procedure is accepted.
	r := birthRequest()
	r.ProcedureCode = "1.001193"
	one := 1
	r.WorkingDays = &one
	if _, err := db.Intake(ctx, r); err != nil {
		t.Errorf("with working days: %v", err)
	}
}

func TestIntakeStoresNFC(t *testing.T) {
	db := counterDB(t)
	r := birthRequest()
	r.Applicant.Name = "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng"
	r.Documents[0].Name = "To\u031b\u0300 khai"
	d, err := db.Intake(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	var name, doc string
	db.read.QueryRow(`SELECT applicant_name FROM dossier WHERE code = ?`, d.Code).Scan(&name)
	db.read.QueryRow(`SELECT n.name FROM dossier_document x JOIN document_name n ON n.id = x.name_id
		WHERE x.dossier_code = ? AND x.position = 1`, d.Code).Scan(&doc)
	if name != "Nguyễn Thị Hồng" || doc != "Tờ khai" {
		t.Errorf("stored %q, %q", name, doc)
	}
}

func TestConcurrentIntakesGetDistinctCodes(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	const workers, each = 2, 500
	codes := make(chan string, workers*each)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				// Both goroutines fill the same two days: one
				// workstation has 999 numbers a day.
				r := birthRequest()
				r.ReceivedAt = time.Date(2027, 2, 2+i%2, 8, 0, 0, 0, data.Zone)
				d, err := db.Intake(ctx, r)
				if err != nil {
					t.Error(err)
					return
				}
				codes <- d.Code
			}
		}()
	}
	wg.Wait()
	close(codes)
	seen := map[string]bool{}
	for c := range codes {
		if seen[c] {
			t.Fatalf("code %s handed out twice", c)
		}
		seen[c] = true
	}
	if len(seen) != workers*each {
		t.Fatalf("%d distinct codes, want %d", len(seen), workers*each)
	}
	var regs int
	db.read.QueryRow(`SELECT COUNT(DISTINCT register_no) FROM dossier`).Scan(&regs)
	if regs != workers*each {
		t.Errorf("%d distinct register numbers", regs)
	}
}

func TestDayRunsOutOfNumbers(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	if _, err := db.write.Exec(`INSERT INTO day_sequence (day, last) VALUES ('270203', 1998)`); err != nil {
		t.Fatal(err)
	}
	d, err := db.Intake(ctx, birthRequest())
	if err != nil || !strings.HasSuffix(d.Code, "-1999") {
		t.Fatalf("last number: %v %v", d.Code, err)
	}
	_, err = db.Intake(ctx, birthRequest())
	if data.ErrorCode(err) != data.EConflict || !strings.Contains(err.Error(), "hết số") {
		t.Fatalf("after the last number: %v", err)
	}
	// Another day starts afresh.
	db.Now = func() time.Time { return time.Date(2027, 2, 4, 9, 0, 0, 0, data.Zone) }
	if d, err := db.Intake(ctx, birthRequest()); err != nil || !strings.HasSuffix(d.Code, "270204-1001") {
		t.Errorf("next day: %v %v", d.Code, err)
	}
}

func copyTestFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
}

func TestCodesNeverReusedAfterRestoreOrRestart(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "motcua.db")
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	setUp(t, db)
	seen := map[string]bool{}
	intake := func(db *DB) string {
		d, err := db.Intake(ctx, birthRequest())
		if err != nil {
			t.Fatal(err)
		}
		if seen[d.Code] {
			t.Fatalf("code %s reused", d.Code)
		}
		seen[d.Code] = true
		return d.Code
	}
	intake(db)
	db.Close() // a checkpointed copy, as a backup would be
	copyTestFile(t, file, filepath.Join(dir, "backup.db"))

	db, _ = Open(ctx, file)
	db.Now = func() time.Time { return time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone) }
	for i := 0; i < 15; i++ {
		intake(db)
	}
	db.Close()

	// Restore the backup over the database: the journal remembers.
	os.Remove(file + "-wal")
	os.Remove(file + "-shm")
	copyTestFile(t, filepath.Join(dir, "backup.db"), file)
	db, err = Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2027, 2, 3, 11, 0, 0, 0, data.Zone) }
	for i := 0; i < 5; i++ {
		intake(db)
	}
	db.Close()
}

// fill inserts n dossiers spread over earlier days, fast, in one
// transaction, as a year of work would leave them.
func fill(b testing.TB, db *DB, n int) {
	base := time.Date(2026, 1, 1, 8, 0, 0, 0, data.Zone)
	r := birthRequest()
	err := db.inTx(context.Background(), func(tx *Tx) error {
		for i := 0; i < n; i++ {
			at := base.Add(time.Duration(i) * 3 * time.Minute)
			d := data.Dossier{Code: fmt.Sprintf("000.30.12.H30-%s-%04d", at.Format("060102"), 1001+i%999), ProcedureCode: r.ProcedureCode,
				ProcedureName: "x", Applicant: r.Applicant, Documents: r.Documents, Sets: 1, Channel: data.ChannelCounter,
				ReturnMethod: data.ReturnCounter, ReceivedAt: at, DueDate: at, Status: data.StatusReceived, Book: 2026 + i/50_000,
				RegisterNo: i, Workstation: 1}
			d.Code = fmt.Sprintf("000.30.12.H30-%06d-%04d", i/999, 1001+i%999)
			if err := insertDossier(context.Background(), tx, d, "x"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

// TestIntakeSavesDocumentsInOrder: documents come back in their order,
// a name given twice and one another dossier already used included.
func TestIntakeSavesDocumentsInOrder(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	if _, err := db.Intake(ctx, birthRequest()); err != nil {
		t.Fatal(err)
	}
	r := birthRequest()
	r.Documents = []data.SubmittedDocument{{Name: "Bản sao sổ hộ khẩu", Copies: 2}, {Name: "Tờ khai", Originals: 1},
		{Name: "Bản sao sổ hộ khẩu", Originals: 1}}
	d, err := db.Intake(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Dossier(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got.Documents) != fmt.Sprint(r.Documents) {
		t.Errorf("documents %v, want %v", got.Documents, r.Documents)
	}
}
