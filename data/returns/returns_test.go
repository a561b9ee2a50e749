package returns

import (
	"strings"
	"testing"
	"time"

	"motcua/data"
)

var applicant = data.Dossier{Code: "000.30.12.H30-270203-1001", Applicant: data.Applicant{Name: "Nguyễn Thị Hồng Nhung", IDNumber: "093190001234"},
	DueDate: time.Date(2027, 2, 15, 0, 0, 0, 0, data.Zone)}

func TestCheckRecipient(t *testing.T) {
	cases := []struct {
		name string
		r    data.Recipient
		bad  map[string]string // field → part of its message
	}{
		{"the applicant", data.Recipient{IDNumber: "093190001234"}, nil},
		{"no ID", data.Recipient{}, map[string]string{FieldRecipientID: "chưa nhập"}},
		{"someone else", data.Recipient{IDNumber: "092085000111"}, map[string]string{FieldRecipientID: "không khớp"}},
		{"authorised", data.Recipient{IDNumber: "092085000111", Name: "Lê Văn Tư", Authorisation: "Giấy ủy quyền ngày 01/02/2027"}, nil},
		{"authorised without paper", data.Recipient{IDNumber: "092085000111", Name: "Lê Văn Tư"}, map[string]string{FieldAuthorisation: "giấy ủy quyền"}},
		{"authorised without name", data.Recipient{IDNumber: "092085000111", Authorisation: "Giấy"}, map[string]string{FieldAuthorisedName: "họ tên"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkFields(t, CheckRecipient(applicant, c.r), c.bad)
		})
	}
}

func TestCheckApology(t *testing.T) {
	cal := data.NewCalendar(data.DefaultRules(), nil)
	day := func(d int) time.Time { return time.Date(2027, 2, d, 0, 0, 0, 0, data.Zone) }
	cases := []struct {
		name          string
		today, newDue time.Time
		reason        string
		bad           map[string]string
	}{
		{"in time", day(3), day(22), "Chờ xác minh", nil},
		{"on the due date", day(15), day(22), "Chờ xác minh", map[string]string{FieldDue: "chậm nhất"}},
		{"new date not later", day(3), day(15), "Chờ xác minh", map[string]string{FieldNewDue: "phải sau"}},
		{"new date a Sunday", day(3), day(21), "Chờ xác minh", map[string]string{FieldNewDue: "ngày nghỉ"}},
		{"no reason", day(3), day(22), "", map[string]string{FieldReason: "lý do"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkFields(t, CheckApology(applicant, c.today, c.newDue, c.reason, cal), c.bad)
		})
	}
}

// checkFields compares an error's fields with the ones wanted.
func checkFields(t *testing.T, err error, want map[string]string) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		return
	}
	de, ok := err.(*data.Error)
	if !ok || de.Code != data.EInvalid {
		t.Fatalf("error %v, want an invalid one", err)
	}
	got := map[string]string{}
	for _, f := range de.Fields {
		got[f.Field] = f.Message
	}
	if len(got) != len(want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	for f, w := range want {
		if !strings.Contains(got[f], w) {
			t.Errorf("%s: %q, want it to say %q", f, got[f], w)
		}
	}
}
