package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/data"
)

func TestReturnResult(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d := mustIntake(t, db, birthRequest())
	applicant := d.Applicant.IDNumber
	if _, err := db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: applicant}, "Lan"); err == nil || !strings.Contains(err.Error(), "chưa có kết quả") {
		t.Errorf("before the result: %v", err)
	}
	if _, err := db.SetStatus(ctx, d.Code, data.StatusResultReady, "Lan", ""); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		r     data.Recipient
		field string
	}{
		{"no id", data.Recipient{}, "recipient-id"},
		{"someone else", data.Recipient{IDNumber: "092085000111"}, "recipient-id"},
		{"malformed id", data.Recipient{IDNumber: "12345"}, "recipient-id"},
		{"authorised without paper", data.Recipient{IDNumber: "092085000111", Name: "Lê Văn Tư"}, "authorisation"},
		{"authorised without name", data.Recipient{IDNumber: "092085000111", Authorisation: "Giấy ủy quyền số 5"}, "authorised-name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := db.ReturnResult(ctx, d.Code, tt.r, "Lan")
			de, ok := err.(*data.Error)
			if !ok || len(de.Fields) == 0 || de.Fields[0].Field != tt.field {
				t.Errorf("got %v", err)
			}
		})
	}
	ret, err := db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: applicant}, "Lan")
	if err != nil || ret.Authorised || ret.Name != d.Applicant.Name {
		t.Fatalf("return: %+v %v", ret, err)
	}
	if got, _ := db.Dossier(ctx, d.Code); got.Status != data.StatusReturned {
		t.Errorf("status %s", got.Status)
	}
	if _, err := db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: applicant}, "Lan"); err == nil || !strings.Contains(err.Error(), "đã trả") {
		t.Errorf("second return: %v", err)
	}

	d2 := mustIntake(t, db, birthRequest())
	db.SetStatus(ctx, d2.Code, data.StatusTransferred, "Lan", "")
	db.SetStatus(ctx, d2.Code, data.StatusResultReady, "Lan", "")
	ret, err = db.ReturnResult(ctx, d2.Code, data.Recipient{IDNumber: "092085000111", Name: "Lê Văn Tư", Authorisation: "Giấy ủy quyền ngày 01/02/2027"}, "Lan")
	if err != nil || !ret.Authorised || ret.Name != "Lê Văn Tư" {
		t.Fatalf("authorised: %+v %v", ret, err)
	}
	if got, _ := db.Returned(ctx, d2.Code); got.Authorisation != "Giấy ủy quyền ngày 01/02/2027" {
		t.Errorf("stored %+v", got)
	}
}

func TestApology(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d := mustIntake(t, db, birthRequest()) // due Mon 15/2/2027
	day := func(s string) time.Time { v, _ := data.ParseDate(s); return v }
	if _, err := db.Apologise(ctx, d.Code, day("2027-02-14"), "Chờ xác minh", "Lan"); err == nil {
		t.Error("new date before the old one accepted")
	}
	if _, err := db.Apologise(ctx, d.Code, day("2027-02-20"), "Chờ xác minh", "Lan"); err == nil || !strings.Contains(err.Error(), "ngày nghỉ") {
		t.Errorf("Saturday: %v", err)
	}
	if _, err := db.Apologise(ctx, d.Code, day("2027-02-22"), "", "Lan"); err == nil {
		t.Error("no reason accepted")
	}
	a, err := db.Apologise(ctx, d.Code, day("2027-02-22"), "Chờ xác minh của Công an xã", "Lan")
	if err != nil || !a.OldDue.Equal(day("2027-02-15")) {
		t.Fatalf("apology %+v %v", a, err)
	}
	if got, _ := db.Dossier(ctx, d.Code); !got.DueDate.Equal(day("2027-02-22")) {
		t.Errorf("due now %v", got.DueDate)
	}
	if _, err := db.Apologise(ctx, d.Code, day("2027-02-24"), "Lần nữa", "Lan"); err == nil || !strings.Contains(err.Error(), "một lần") {
		t.Errorf("second apology: %v", err)
	}
	// On the due date it is too late.
	d2 := mustIntake(t, db, birthRequest())
	db.Now = func() time.Time { return time.Date(2027, 2, 15, 9, 0, 0, 0, data.Zone) }
	if _, err := db.Apologise(ctx, d2.Code, day("2027-02-22"), "Chậm", "Lan"); err == nil || !strings.Contains(err.Error(), "trước ngày hẹn") {
		t.Errorf("on the due date: %v", err)
	}
}

func TestLists(t *testing.T) {
	db := counterDB(t) // now: Wed 3/2/2027
	ctx := context.Background()
	soon := mustIntake(t, db, birthRequest()) // due Mon 15/2
	r := birthRequest()
	r.ReceivedAt = time.Date(2027, 1, 20, 9, 0, 0, 0, data.Zone)
	late := mustIntake(t, db, r) // due 25/1: overdue
	ready := mustIntake(t, db, birthRequest())
	db.Now = func() time.Time { return time.Date(2027, 2, 4, 9, 0, 0, 0, data.Zone) }
	db.SetStatus(ctx, ready.Code, data.StatusResultReady, "Lan", "")
	db.Now = func() time.Time { return time.Date(2027, 2, 12, 9, 0, 0, 0, data.Zone) } // Fri 12/2
	l, err := db.Lists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Waiting) != 1 || l.Waiting[0].Dossier.Code != ready.Code || l.Waiting[0].Days != 8 {
		t.Errorf("waiting %+v", l.Waiting)
	}
	if len(l.Overdue) != 1 || l.Overdue[0].Code != late.Code {
		t.Errorf("overdue %v", l.Overdue)
	}
	if len(l.DueSoon) != 1 || l.DueSoon[0].Code != soon.Code {
		t.Errorf("due soon %v", l.DueSoon)
	}
}
