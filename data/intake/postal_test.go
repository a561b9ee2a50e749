package intake_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/intake"
)

var now = time.Date(2027, 2, 3, 10, 0, 0, 0, data.Zone)

func byPost() data.Procedure {
	days := 3
	return data.Procedure{Code: "1.004837", Name: "Đăng ký giám hộ", WorkingDays: &days, PostalAllowed: true}
}

func slip() data.PostalAnnouncement {
	return data.PostalAnnouncement{Item: "rr123456785vn", AgencyCode: "000.30.12.H30", ProcedureCode: "1.004837",
		Applicant: data.ApplicantRecord{Name: "Nguye\u0302\u0303n Văn Bưu", IDNumber: "093090000001", Phone: "091 234 5678",
			Address: "Ấp 3, xã Vị Thanh"},
		Documents:   []data.DocumentRecord{{Name: "Tờ khai", Originals: 1}},
		Fees:        []data.FeeEntry{{Kind: "le-phi", Amount: "8000"}},
		CollectedAt: "2027-02-03T08:00:00+07:00", Postman: "Lê Văn Phát"}
}

func fields(err error) []string {
	var de *data.Error
	if !errors.As(err, &de) {
		return nil
	}
	var out []string
	for _, f := range de.Fields {
		out = append(out, f.Field)
	}
	return out
}

func TestCheckAnnouncement(t *testing.T) {
	cases := []struct {
		name   string
		change func(*data.PostalAnnouncement)
		proc   data.Procedure
		fields []string
	}{
		{"valid", func(*data.PostalAnnouncement) {}, byPost(), nil},
		{"no time limit in the catalogue", func(*data.PostalAnnouncement) {}, data.Procedure{Code: "1.004837", PostalAllowed: true}, nil},
		{"check digit", func(a *data.PostalAnnouncement) { a.Item = "RR123456784VN" }, byPost(), []string{"item"}},
		{"no item", func(a *data.PostalAnnouncement) { a.Item = "" }, byPost(), []string{"item"}},
		{"unknown procedure", func(*data.PostalAnnouncement) {}, data.Procedure{}, []string{"procedure_code"}},
		{"not by post", func(*data.PostalAnnouncement) {}, data.Procedure{Code: "1.004837"}, []string{"procedure_code"}},
		{"agency", func(a *data.PostalAnnouncement) { a.AgencyCode = "H30" }, byPost(), []string{"agency_code"}},
		{"id number", func(a *data.PostalAnnouncement) { a.Applicant.IDNumber = "12" }, byPost(), []string{"applicant.id_number"}},
		{"birth date", func(a *data.PostalAnnouncement) { a.Applicant.BirthDate = "03/02/1990" }, byPost(), []string{"applicant.birth_date"}},
		{"control character", func(a *data.PostalAnnouncement) { a.Applicant.Name = "Bưu\x07" }, byPost(), []string{"applicant.name"}},
		{"no documents", func(a *data.PostalAnnouncement) { a.Documents = nil }, byPost(), []string{"documents"}},
		{"fee not whole", func(a *data.PostalAnnouncement) { a.Fees[0].Amount = "8000.5" }, byPost(), []string{"fees[0].amount"}},
		{"two fees", func(a *data.PostalAnnouncement) {
			a.Fees = append(a.Fees, data.FeeEntry{Kind: "phi", Amount: "2000"})
		}, byPost(), []string{"fees"}},
		{"future", func(a *data.PostalAnnouncement) { a.CollectedAt = "2027-02-04T08:00:00+07:00" }, byPost(), []string{"collected_at"}},
		{"time form", func(a *data.PostalAnnouncement) { a.CollectedAt = "hôm qua" }, byPost(), []string{"collected_at"}},
		{"no postman", func(a *data.PostalAnnouncement) { a.Postman = " " }, byPost(), []string{"postman"}},
		{"return method", func(a *data.PostalAnnouncement) { a.ReturnMethod = "drone" }, byPost(), []string{"return_method"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := slip()
			c.change(&a)
			err := intake.CheckAnnouncement(&a, c.proc, now)
			if got := fields(err); !slices.Equal(got, c.fields) {
				t.Fatalf("fields %v, want %v (%v)", got, c.fields, err)
			}
			if err != nil {
				return
			}
			if a.Item != "RR123456785VN" || a.Applicant.Name != "Nguyễn Văn Bưu" || a.Applicant.Phone != "0912345678" ||
				a.ReturnMethod != "counter" || a.Fees[0].Method != "cash" {
				t.Errorf("not normalised: %+v", a)
			}
			if err := a.Validate(); err != nil {
				t.Errorf("the feed would refuse it: %v", err)
			}
		})
	}
}

// FuzzCheckAnnouncement: whatever the operator sends, the check does not
// panic, and what it accepts the workstations' feed accepts too.
func FuzzCheckAnnouncement(f *testing.F) {
	raw, _ := json.Marshal(slip())
	f.Add(raw)
	f.Add([]byte(`{"item":"RR123456785VN","documents":[{"name":"\u0000"}]}`))
	f.Add([]byte(`{"applicant":{"birth_date":"2030-01-01"},"fees":[{"amount":"-1"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var a data.PostalAnnouncement
		if json.Unmarshal(body, &a) != nil {
			return
		}
		if intake.CheckAnnouncement(&a, byPost(), now) == nil {
			if err := a.Validate(); err != nil {
				t.Errorf("accepted %s, the feed refuses it: %v", body, err)
			}
		}
	})
}

func TestCheckDelivery(t *testing.T) {
	cases := []struct {
		name   string
		d      data.PostalDelivery
		fields []string
	}{
		{"delivered", data.PostalDelivery{Item: "RR123456785VN", Outcome: "delivered", RecipientID: "093090000001", At: "2027-02-03T09:00:00+07:00"}, nil},
		{"failed", data.PostalDelivery{Item: "RR123456785VN", Outcome: "failed", Reason: "Vắng nhà", At: "2027-02-03T02:00:00Z"}, nil},
		{"failed without reason", data.PostalDelivery{Item: "RR123456785VN", Outcome: "failed", At: "2027-02-03T01:00:00Z"}, []string{"reason"}},
		{"delivered to nobody", data.PostalDelivery{Item: "RR123456785VN", Outcome: "delivered", At: "2027-02-03T01:00:00Z"}, []string{"recipient_id"}},
		{"future", data.PostalDelivery{Item: "RR123456785VN", Outcome: "failed", Reason: "x", At: "2027-02-05T01:00:00Z"}, []string{"at"}},
		{"all wrong", data.PostalDelivery{Item: "RR1", Outcome: "lost"}, []string{"item", "outcome", "at"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fields(intake.CheckDelivery(&c.d, now)); !slices.Equal(got, c.fields) {
				t.Errorf("fields %v, want %v", got, c.fields)
			}
		})
	}
}
