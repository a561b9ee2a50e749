package sqlite

import (
	"context"
	"testing"
	"time"

	"motcua/data"
)

func TestSearchFindsDossiers(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	take := func(name, id, phone string, postal string) data.Dossier {
		t.Helper()
		r := birthRequest()
		r.Applicant.Name, r.Applicant.IDNumber, r.Applicant.Phone = name, id, phone
		r.Applicant.BirthDate = time.Time{}
		if postal != "" {
			r.Channel, r.PostalItem = data.ChannelPostal, postal
		}
		d, err := db.Intake(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	nhung := take("Nguyễn Thị Hồng Nhung", "093190001234", "0912345678", "")
	dat := take("Đặng Văn Đạt", "092085004321", "0987654321", "RR123456785VN")
	nhung2 := take("Nguyễn Thị Hồng Nhung", "094195007777", "", "")
	other := take("Trần Hồng Nhung", "092199001111", "0911111111", "")
	tests := []struct {
		name, text string
		want       []string
		match      string
	}{
		{"full name with diacritics, newest first", "Nguyễn Thị Hồng Nhung", []string{nhung2.Code, nhung.Code}, data.MatchName},
		{"without diacritics", "nguyen thi hong nhung", []string{nhung2.Code, nhung.Code}, data.MatchName},
		{"d for đ", "dang van dat", []string{dat.Code}, data.MatchName},
		{"last word cut short", "nguyen thi hong nh", []string{nhung2.Code, nhung.Code}, data.MatchName},
		{"given name alone", "nhung", []string{other.Code, nhung2.Code, nhung.Code}, data.MatchName},
		{"words out of order", "nhung nguyen", []string{nhung2.Code, nhung.Code}, data.MatchName},
		{"ID number", "093190001234", []string{nhung.Code}, data.MatchID},
		{"phone number with spaces", "0912 345 678", []string{nhung.Code}, data.MatchPhone},
		{"phone as +84", "+84987654321", []string{dat.Code}, data.MatchPhone},
		{"dossier code", dat.Code, []string{dat.Code}, data.MatchCode},
		{"day and number of the code", dat.Code[len(dat.Code)-11:], []string{dat.Code}, data.MatchCode},
		{"postal item number", "rr123456785vn", []string{dat.Code}, data.MatchPostal},
		{"nothing", "Lý Thái Tổ", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := db.Search(ctx, tt.text, 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Code)
				if h.Match != tt.match {
					t.Errorf("%s matched as %s, want %s", h.Code, h.Match, tt.match)
				}
				if h.MaskedID == "" || h.MaskedID[:8] != "********" {
					t.Errorf("ID shown %q, want it masked", h.MaskedID)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("found %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("found %v, want %v", got, tt.want)
				}
			}
		})
	}
}
