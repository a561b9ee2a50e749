package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/catalogfile"
)

// open returns a fresh store in a temporary folder.
func open(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// reopenMigrated takes db's store back to an older schema by the
// statements given, closes it and opens file again, which migrates it.
func reopenMigrated(t testing.TB, db *DB, file string, back ...string) *DB {
	t.Helper()
	for _, q := range back {
		if _, err := db.write.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	db, err := Open(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func importSample(t testing.TB, db *DB) {
	t.Helper()
	f, err := os.Open("../../assets/catalog/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := catalogfile.Parse("sample.json", f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportProcedures(context.Background(), ps); err != nil {
		t.Fatal(err)
	}
}

func TestOpenPragmasAndMigrations(t *testing.T) {
	file := filepath.Join(t.TempDir(), "motcua.db")
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := db.read.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
	var fk int
	if err := db.write.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v", fk, err)
	}
	if _, err := db.read.Exec(`INSERT INTO calendar_override VALUES ('2027-01-01', 1, 'x', 'y')`); err == nil {
		t.Error("reader pool accepted a write")
	}
	ms, _ := loadMigrations()
	var n int
	db.read.QueryRow(`SELECT COUNT(*) FROM schema_migration`).Scan(&n)
	if n != len(ms) {
		t.Errorf("%d migrations recorded, want %d", n, len(ms))
	}
	db.Close()

	// Opening again applies nothing twice.
	db, err = Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	db.read.QueryRow(`SELECT COUNT(*) FROM schema_migration`).Scan(&n)
	if n != len(ms) {
		t.Errorf("after reopen %d migrations recorded", n)
	}
	db.Close()
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	file := filepath.Join(t.TempDir(), "motcua.db")
	ctx := context.Background()
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveOffice(ctx, testOffice()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec(`INSERT INTO schema_migration VALUES (999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(file)

	_, err = Open(ctx, file)
	if data.ErrorCode(err) != data.EConflict {
		t.Fatalf("Open = %v, want a conflict error", err)
	}
	after, _ := os.ReadFile(file)
	if len(before) != len(after) {
		t.Error("the newer database was changed")
	}
}

func testOffice() data.Office {
	return data.Office{AgencyCode: "000.30.12.H30", Name: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH",
		Parent: "ỦY BAN NHÂN DÂN XÃ VỊ THANH", Place: "Vị Thanh", Workstation: 1,
		Collector: data.FeeCollector{Name: "Ủy ban nhân dân xã Vị Thanh", TaxCode: "6300123456"}}
}

func TestOffice(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if _, err := db.Office(ctx); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("unconfigured office: %v", err)
	}
	bad := testOffice()
	bad.AgencyCode = "H30"
	bad.Workstation = 12
	err := db.SaveOffice(ctx, bad)
	de, ok := err.(*data.Error)
	if !ok || len(de.Fields) != 2 || de.Fields[0].Field != "agency-code" || de.Fields[1].Field != "workstation" {
		t.Fatalf("SaveOffice(bad) = %#v", err)
	}
	if _, err := db.Office(ctx); data.ErrorCode(err) != data.ENotFound {
		t.Fatal("a refused office was saved")
	}
	o := testOffice()
	o.Place = "  Vi\u0323 Thanh " // decomposed, padded
	if err := db.SaveOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
	got, err := db.Office(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Place != "Vị Thanh" || got.PaperSize != "A4" || got.Workstation != 1 {
		t.Errorf("office = %+v", got)
	}
}

func TestCatalogSearch(t *testing.T) {
	db := open(t)
	importSample(t, db)
	ctx := context.Background()
	all, err := db.Procedures(ctx, "")
	if err != nil || len(all) != 61 {
		t.Fatalf("%d procedures, %v", len(all), err)
	}
	tests := []struct {
		name, search string
		want         string // a code that must be found
		max          int    // at most this many results
	}{
		{"code prefix", "1.0011", "1.001193", 3},
		{"full code", "1.001193", "1.001193", 1},
		{"no diacritics, d for đ", "dang ky khai tu", "1.000656", 20},
		{"with diacritics", "đăng ký khai tử", "1.000656", 20},
		{"upper case", "KHAI SINH", "1.001193", 20},
		{"word prefixes", "chung thuc ban sao", "2.000815", 12},
		{"fts syntax is text", `khai" sinh* (`, "1.001193", 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := db.Procedures(ctx, tt.search)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range ps {
				found = found || p.Code == tt.want
			}
			if !found || len(ps) > tt.max {
				t.Errorf("search %q: %d results, %s found: %v", tt.search, len(ps), tt.want, found)
			}
		})
	}
	// The closest name comes first: "khai tử" before "khai tử lưu động";
	// names where "tu" only starts a word ("tuổi", "tục") are not found
	// when the phrase is.
	ps, _ := db.Procedures(ctx, "dang ky khai tu")
	if len(ps) != 3 || ps[0].Code != "1.000656" {
		t.Errorf("ranking: %v", codes(ps))
	}
	for _, p := range ps {
		if !strings.Contains(p.Name, "khai tử") {
			t.Errorf("%s %q ranked among the first", p.Code, p.Name)
		}
	}
	if ps, _ := db.Procedures(ctx, "khong co thu tuc nay xyz"); len(ps) != 0 {
		t.Errorf("nonsense search found %d", len(ps))
	}
}

// Whole words and the start of the name rank above a prefix inside it,
// and consecutive words are a phrase when a name holds it: "tu" is no
// longer found in every "Thủ tục".
func TestCatalogSearchRanking(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	importSample(t, db)
	for _, tc := range []struct {
		search string
		first  []string // the names that come first, in order
		not    string   // a word no name found may hold
	}{
		{"khai tu", []string{"Thủ tục đăng ký khai tử"}, "khai sinh"},
		{"khai tử", []string{"Thủ tục đăng ký khai tử"}, "khai sinh"},
		{"dang ky khai tu", []string{"Thủ tục đăng ký khai tử"}, "khai sinh"},
		{"khai sinh", []string{"Thủ tục đăng ký khai sinh"}, "khai tử"},
		{"ket hon", []string{"Thủ tục đăng ký kết hôn"}, "khai"},
	} {
		t.Run(tc.search, func(t *testing.T) {
			ps, err := db.Procedures(ctx, tc.search)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, p := range ps {
				names = append(names, p.Name)
				if strings.Contains(p.Name, tc.not) {
					t.Errorf("found %q", p.Name)
				}
			}
			if len(names) < len(tc.first) || !slices.Equal(names[:len(tc.first)], tc.first) {
				t.Errorf("ranked %q, want first %q", names, tc.first)
			}
		})
	}
	// "Đăng ký lại khai tử" comes after the registration itself.
	found, _ := db.Procedures(ctx, "khai tu")
	at := map[string]int{}
	for i, p := range found {
		at[p.Name] = i + 1
	}
	if again, first := at["Đăng ký lại khai tử"], at["Thủ tục đăng ký khai tử"]; again == 0 || first == 0 || again < first {
		t.Errorf("đăng ký lại khai tử at %d, đăng ký khai tử at %d", again, first)
	}
}

func TestReimportKeepsLocalTimeLimit(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	importSample(t, db)
	days, cutoff := 1, "16:00"
	if err := db.SetTimeLimit(ctx, "1.001193", data.TimeLimit{WorkingDays: &days, SameDayCutoff: &cutoff}); err != nil {
		t.Fatal(err)
	}
	seven := 7
	if err := db.SetTimeLimit(ctx, "1.004837", data.TimeLimit{WorkingDays: &seven}); err != nil {
		t.Fatal(err)
	}
	importSample(t, db)
	p, _ := db.Procedure(ctx, "1.001193")
	if p.WorkingDays == nil || *p.WorkingDays != 1 || !p.LocalTimeLimit {
		t.Errorf("local edit lost: %+v", p)
	}
	if p.SameDayCutoff != "15:00" {
		t.Errorf("the file's cutoff should win: %q", p.SameDayCutoff)
	}
	// The file gives 3 days for 1.004837: it wins over the local 7.
	p, _ = db.Procedure(ctx, "1.004837")
	if *p.WorkingDays != 3 {
		t.Errorf("file's time limit ignored: %d", *p.WorkingDays)
	}
	if err := db.SetTimeLimit(ctx, "9.999999", data.TimeLimit{WorkingDays: &days}); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("unknown code: %v", err)
	}
	bad := -1
	if err := db.SetTimeLimit(ctx, "1.001193", data.TimeLimit{WorkingDays: &bad}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("negative days: %v", err)
	}
}

func TestCalendarOverrides(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	d := func(s string) time.Time { v, _ := data.ParseDate(s); return v }
	if err := db.SetOverride(ctx, data.Override{Date: d("2026-02-14"), Off: true, Name: "Nghỉ Tết"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetOverride(ctx, data.Override{Date: d("2026-02-28"), Name: "Làm bù"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetOverride(ctx, data.Override{Date: d("2026-03-01"), Name: "  "}); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("nameless override: %v", err)
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cal.IsWorkingDay(d("2026-02-14")) || !cal.IsWorkingDay(d("2026-02-28")) {
		t.Error("overrides not applied")
	}
	if err := db.RemoveOverride(ctx, d("2026-02-14")); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveOverride(ctx, d("2026-02-14")); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("second remove: %v", err)
	}
	os, _ := db.Overrides(ctx)
	if len(os) != 1 || os[0].Off || os[0].Name != "Làm bù" {
		t.Errorf("overrides = %+v", os)
	}
}

func TestBackupIsAWorkingCopy(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d := mustIntake(t, db, birthRequest())
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, path); err == nil {
		t.Error("a backup overwrote an existing file")
	}
	restored, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if got, err := restored.Dossier(ctx, d.Code); err != nil || got.Applicant.Name != d.Applicant.Name {
		t.Errorf("the backup lacks %s: %v", d.Code, err)
	}
}

func codes(ps []data.Procedure) []string {
	var cs []string
	for _, p := range ps {
		cs = append(cs, p.Code+" "+p.Name)
	}
	return cs
}
