package counter_test

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"

	"motcua/counter"
	"motcua/data"
	"motcua/data/catalogfile"
	"motcua/data/password"
	"motcua/data/sqlite"
)

// desk is a configured office with the sample catalogue, on a clock fixed
// on Wednesday 3 February 2027 at 09:00.
func desk(t *testing.T) *counter.Desk {
	t.Helper()
	d, _ := deskOn(t)
	return d
}

// deskOn is desk with its store, for a second officer's desk over it.
func deskOn(t *testing.T) (*counter.Desk, *sqlite.DB) {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	now := func() time.Time { return time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone) }
	store.Now = now
	office := data.Office{AgencyCode: "000.30.12.H30", Name: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH",
		Parent: "ỦY BAN NHÂN DÂN XÃ VỊ THANH", Place: "Vị Thanh", Workstation: 1, TrackingPrefix: "https://tra-cuu.example.vn/"}
	if err := store.SaveOffice(ctx, office); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../assets/catalog/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := catalogfile.Parse("sample.json", f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.ImportProcedures(ctx, ps); err != nil {
		t.Fatal(err)
	}
	d := counter.New(store, dir)
	d.Now = now
	d.Passwords = password.Fast
	// Everything the tests do is an administrator's: Trần Văn Bình.
	if _, err := d.CreateFirstAdmin(ctx, "binh", "Trần Văn Bình", "mat-khau-1"); err != nil {
		t.Fatal(err)
	}
	return d, store
}

func intake(t *testing.T, d *counter.Desk, name string) data.Dossier {
	t.Helper()
	dossier, err := d.Intake(context.Background(), data.IntakeRequest{
		ProcedureCode: "1.004837",
		Applicant:     data.Applicant{Name: name, IDNumber: "093190001234", Address: "Ấp 3, xã Vị Thanh"},
		Documents:     []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}},
		Officer:       "Trần Văn Bình",
	})
	if err != nil {
		t.Fatal(err)
	}
	return dossier
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("MOTCUA_GUI_TEST") == "" {
			t.Skipf("%s not installed", name)
		}
		t.Fatalf("%s not installed (MOTCUA_GUI_TEST is set)", name)
	}
	return p
}

func TestKeyIsPrivateAndStable(t *testing.T) {
	d := desk(t)
	ctx := context.Background()
	k1, err := d.EnsureKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(d.DataDir, "keys", "workstation.key"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("key file mode %o, want 600", perm)
	}
	k2, _ := d.EnsureKey(ctx)
	if !k1.Equal(k2) {
		t.Error("a second call made a new key")
	}
	keys, _ := d.Keys(ctx)
	if len(keys) != 1 {
		t.Errorf("%d public keys recorded", len(keys))
	}
}

// TestReceiptRoundTrip prints a receipt, reads its text, decodes both QR
// codes from the rendered pages and scans them back.
func TestReceiptRoundTrip(t *testing.T) {
	d := desk(t)
	ctx := context.Background()
	// The name arrives decomposed (NFD), as some keyboards send it.
	dossier := intake(t, d, "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng Nhung")
	path, err := d.Receipt(ctx, dossier.Code, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(path, filepath.Join(d.DataDir, "printouts", "2027-02-03")) {
		t.Errorf("kept at %s", path)
	}
	out, err := exec.Command(tool(t, "pdftotext"), "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Nguyễn Thị Hồng Nhung", dossier.Code, "Thủ tục đăng ký giám hộ", "15/02/2027",
		"Liên 1", "Liên 2", "Trần Văn Bình", "09 giờ 00 phút"} {
		if !strings.Contains(text, want) {
			t.Errorf("receipt text lacks %q", want)
		}
	}
	if strings.Contains(text, "BẢN IN LẠI") {
		t.Error("the first print is marked as a reprint")
	}

	dir := t.TempDir()
	if out, err := exec.Command(tool(t, "pdftoppm"), "-r", "150", "-png", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pages) != 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, page := range pages {
		f, _ := os.Open(page)
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		bmp, _ := gozxing.NewBinaryBitmapFromImage(img)
		res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(page), err)
		}
		scanned, err := d.Scan(ctx, res.GetText())
		if err != nil || !scanned.Valid || scanned.Kind != "receipt" || scanned.Code != dossier.Code {
			t.Errorf("%s scans as %+v %v", filepath.Base(page), scanned, err)
		}
	}

	if _, err := d.Receipt(ctx, dossier.Code, false); data.ErrorCode(err) != data.EConflict {
		t.Errorf("second print without asking for a reprint: %v", err)
	}
	path, err = d.Receipt(ctx, dossier.Code, true)
	if err != nil {
		t.Fatal(err)
	}
	out, _ = exec.Command(tool(t, "pdftotext"), path, "-").Output()
	if !strings.Contains(string(out), "BẢN IN LẠI (lần 1)") {
		t.Error("reprint not marked")
	}
}

func TestDossierForRefusesForgeries(t *testing.T) {
	d := desk(t)
	ctx := context.Background()
	dossier := intake(t, d, "Lê Văn Tư")
	tests := []struct {
		name, text, want string
	}{
		{"code", dossier.Code, ""},
		{"unknown code", "000.30.12.H30-270203-1999", "Không tìm thấy"},
		{"forged signature", "MC1-" + dossier.Code + "-" + strings.Repeat("1", 107), "không hợp lệ"},
		{"id card", "093190001234||Lê Văn Tư|01011990|Nam|Ấp 3|01012021", "căn cước"},
		{"garbage", "ăn cơm chưa", "bộ gõ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.DossierFor(ctx, tt.text)
			if tt.want == "" {
				if err != nil || got.Code != dossier.Code {
					t.Errorf("got %s, %v", got.Code, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %s, %v", got.Code, err)
			}
		})
	}
}

// TestPeriodReportTellsItsSteps: the report and its PDF tell their steps
// to the context's progress, ending with every step done.
func TestPeriodReportTellsItsSteps(t *testing.T) {
	d := desk(t)
	var told []string
	ctx := data.WithProgress(context.Background(), func(done, total int) { told = append(told, fmt.Sprintf("%d/%d", done, total)) })
	from := time.Date(2027, 1, 1, 0, 0, 0, 0, data.Zone)
	r, err := d.PeriodReport(ctx, from, from.AddDate(0, 1, -1))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(told, " "); got != "0/3 1/3 2/3 3/3" {
		t.Errorf("the report told %q", got)
	}
	told = nil
	if _, err := d.ExportPeriod(ctx, r, counter.FormatPDF); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(told, " "); got != "0/2 1/2 2/2" {
		t.Errorf("the PDF told %q", got)
	}
}
