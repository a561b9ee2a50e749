package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

// TestRegisterLines: the register numbers each year's book from 1, lists
// the period's dossiers book by book, and says where each was sent (the
// to-agency manifest's agency), when its result came, to whom it went,
// and the papers issued: Mẫu 04 apology, Mẫu 03 refusal, Mẫu 05 stop.
func TestRegisterLines(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	at := func(y int, m time.Month, d int) {
		db.Now = func() time.Time { return time.Date(y, m, d, 9, 0, 0, 0, data.Zone) }
	}
	at(2026, 12, 30)
	sent := mustIntake(t, db, birthRequest())
	apologised := mustIntake(t, db, birthRequest())
	at(2027, 1, 4)
	refused := mustIntake(t, db, birthRequest())
	stopped := mustIntake(t, db, birthRequest())
	at(2027, 2, 1)
	later := mustIntake(t, db, birthRequest())

	at(2026, 12, 31)
	m, _ := db.OpenManifest(ctx, data.ManifestToAgency, "Bưu điện", "Sở Tư pháp", "Lan")
	if _, err := db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: sent.Code}, "Lan"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CloseManifest(ctx, m.Number, "Lan", "Hùng"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Apologise(ctx, apologised.Code, time.Date(2027, 1, 12, 0, 0, 0, 0, data.Zone), "Chờ xác minh", "Lan"); err != nil {
		t.Fatal(err)
	}
	at(2027, 1, 5)
	db.SetStatus(ctx, sent.Code, data.StatusResultReady, "Sở Tư pháp", "")
	if _, err := db.ReturnResult(ctx, sent.Code, data.Recipient{IDNumber: "093190001234"}, "Lan"); err != nil {
		t.Fatal(err)
	}
	db.SetStatus(ctx, refused.Code, data.StatusRefused, "Lan", "Không thuộc thẩm quyền")
	if _, err := db.StopDossier(ctx, data.Stop{DossierCode: stopped.Code, Reason: "Người nộp đề nghị dừng", Officer: "Lan"}); err != nil {
		t.Fatal(err)
	}

	reg, err := db.Register(ctx, time.Date(2026, 12, 28, 0, 0, 0, 0, data.Zone), time.Date(2027, 1, 31, 0, 0, 0, 0, data.Zone))
	if err != nil {
		t.Fatal(err)
	}
	type line struct {
		code            string
		book, no        int
		sentTo, result  string
		returned, notes string
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("02/01/2006")
	}
	var got []line
	for _, l := range reg.Lines {
		got = append(got, line{l.Code, l.Book, l.RegisterNo, strings.Join(l.SentTo, ";"), day(l.ResultAt),
			day(l.ReturnedAt) + " " + l.ReturnedTo, strings.Join(l.Notes, ";")})
	}
	want := []line{
		{sent.Code, 2026, 1, "Sở Tư pháp", "05/01/2027", "05/01/2027 Nguyễn Thị Hồng Nhung", ""},
		{apologised.Code, 2026, 2, "", "", " ", "Mẫu số 04 (xin lỗi, hẹn lại) 31/12/2026"},
		{refused.Code, 2027, 1, "", "", " ", "Mẫu số 03 (từ chối tiếp nhận) 05/01/2027"},
		{stopped.Code, 2027, 2, "", "", " ", "Mẫu số 05 (dừng giải quyết) 05/01/2027"},
	}
	if len(got) != len(want) {
		t.Fatalf("lines %+v, want %+v", got, want)
	}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("line %d:\n got %+v\nwant %+v", k, got[k], want[k])
		}
	}
	if l := reg.Lines[0]; l.Applicant != "Nguyễn Thị Hồng Nhung" || l.Phone == "" || l.Address == "" || l.ProcedureCode != "1.004837" ||
		!l.ReceivedAt.Equal(time.Date(2026, 12, 30, 9, 0, 0, 0, data.Zone)) || l.Due.IsZero() {
		t.Errorf("first line %+v", l)
	}
	for _, l := range reg.Lines {
		if l.Code == later.Code {
			t.Errorf("%s, filed after the period, is in its register", later.Code)
		}
	}
	if _, err := db.Register(ctx, time.Date(2027, 2, 2, 0, 0, 0, 0, data.Zone), time.Date(2027, 2, 1, 0, 0, 0, 0, data.Zone)); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("a period ending before it starts: %v", err)
	}
}
