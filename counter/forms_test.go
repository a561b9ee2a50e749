package counter_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/counter"
	"motcua/data"
	"motcua/data/password"
	"motcua/data/sqlite"
	"motcua/mock"
	"motcua/printout/pdftest"
)

// TestPapersPrintTheSetOfTheFirstPrint: a dossier received in 2027 whose
// papers were first printed with Circular 01/2018's forms (by an earlier
// version) goes on printing them; one that never printed takes 03/2025's.
func TestPapersPrintTheSetOfTheFirstPrint(t *testing.T) {
	real := desk(t)
	store := &mock.Store{Next: real.Reader.(*sqlite.DB)}
	d := counter.New(store, real.DataDir)
	d.Now, d.Passwords = real.Now, password.Fast
	if _, err := d.Login(context.Background(), "binh", "mat-khau-1"); err != nil {
		t.Fatal(err)
	}
	old, fresh := intake(t, d, "Lê Văn Tư"), intake(t, d, "Trần Thị Hà")
	store.DossierFn = func(ctx context.Context, code string) (data.Dossier, error) {
		dossier, err := store.Next.Dossier(ctx, code)
		if dossier.Code == old.Code {
			dossier.FormSet = "01/2018/TT-VPCP"
		}
		return dossier, err
	}
	ctx := context.Background()
	for _, tc := range []struct {
		code, number, title string
	}{
		{old.Code, "Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"},
		{fresh.Code, "Mẫu số 04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"},
	} {
		_, path, err := d.Apology(ctx, tc.code, time.Date(2027, 2, 22, 0, 0, 0, 0, data.Zone), "Chờ xác minh")
		if err != nil {
			t.Fatal(err)
		}
		if text := pdftest.Text(t, path); !strings.HasPrefix(text, tc.number) || !strings.Contains(text, tc.title) {
			t.Errorf("%s: Form 04 reads\n%s", tc.code, text)
		}
	}
	// The control sheet of the 01/2018 dossier is that circular's Mẫu số
	// 05; its stop notice, which 01/2018 lacks, is 03/2025's Mẫu số 05.
	path, err := d.ControlSheet(ctx, old.Code)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdftest.Text(t, path); !strings.HasPrefix(text, "Mẫu số 05 ") {
		t.Errorf("control sheet of a 01/2018 dossier: %s", text)
	}
	if _, path, err = d.Stop(ctx, old.Code, "Người nộp đề nghị dừng", ""); err != nil {
		t.Fatal(err)
	}
	if text := pdftest.Text(t, path); !strings.HasPrefix(text, "Mẫu số 05 ") || !strings.Contains(text, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ") {
		t.Errorf("stop notice of a 01/2018 dossier: %s", text)
	}
	if filepath.Dir(path) != filepath.Join(real.DataDir, "printouts", "2027-02-03") {
		t.Errorf("kept at %s", path)
	}
}

// TestStopRefusedBeforeThereIsAForm: before Circular 03/2025 no form
// stops a dossier, so nothing is stopped.
func TestStopRefusedBeforeThereIsAForm(t *testing.T) {
	d := desk(t)
	dossier, err := d.Intake(context.Background(), data.IntakeRequest{ProcedureCode: "1.004837",
		Applicant:  data.Applicant{Name: "Lê Văn Tư", IDNumber: "093190001234", Address: "Ấp 3, xã Vị Thanh"},
		Documents:  []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}},
		ReceivedAt: time.Date(2025, 8, 29, 9, 0, 0, 0, data.Zone)})
	if err != nil {
		t.Fatal(err)
	}
	d.Now = func() time.Time { return time.Date(2025, 9, 1, 9, 0, 0, 0, data.Zone) }
	if _, _, err := d.Stop(context.Background(), dossier.Code, "x", ""); data.ErrorCode(err) != data.EConflict {
		t.Fatalf("stop before 15/9/2025: %v", err)
	}
	if got, _ := d.Dossier(context.Background(), dossier.Code); got.Status != data.StatusReceived {
		t.Errorf("stopped anyway: %s", got.Status)
	}
}
