package sqlite

import (
	"context"
	"fmt"
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
		{"a middle name left out", "nguyen thi nhung", []string{nhung2.Code, nhung.Code}, data.MatchName},
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

// TestSearchAcrossTheIndexBatch finds dossiers whether the search index
// took them already or they still wait for their batch, newest first,
// and the index takes them a batch at a time, also on reopening.
func TestSearchAcrossTheIndexBatch(t *testing.T) {
	defer func(n int64) { searchBatch = n }(searchBatch)
	names := []string{"Nguyễn Thị Hồng Nhung", "Lê Văn Tám", "Nguyễn Thị Hồng Nhung", "Nguyễn Hồng Nhung",
		"Nguyễn Thị Hồng Nhung", "Phạm Thị Nhung", "Nguyễn Thị Hồng Nhung"}
	tests := []struct {
		name    string
		batch   int64
		indexed int // dossiers the index holds after the intakes
	}{
		{"each dossier indexed at its intake", 1, 7},
		{"batches of three", 3, 6},
		{"none indexed yet", 100, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			searchBatch = tt.batch
			db := counterDB(t)
			ctx := context.Background()
			var codes []string
			for i, name := range names {
				r := birthRequest()
				r.Applicant.Name, r.Applicant.Phone = name, fmt.Sprintf("091234560%d", i)
				d, err := db.Intake(ctx, r)
				if err != nil {
					t.Fatal(err)
				}
				codes = append(codes, d.Code)
			}
			var upto int
			if err := db.read.QueryRow(`SELECT upto FROM search_indexed`).Scan(&upto); err != nil {
				t.Fatal(err)
			}
			if upto != tt.indexed {
				t.Errorf("the index holds dossiers up to %d, want %d", upto, tt.indexed)
			}
			finds := []struct {
				text string
				want []string
			}{
				{"nguyen thi hong nhung", []string{codes[6], codes[4], codes[2], codes[0]}},
				{"Nguyễn Thị Hồng Nh", []string{codes[6], codes[4], codes[2], codes[0]}},
				{"nhung nguyen", []string{codes[6], codes[4], codes[3], codes[2], codes[0]}},
				{"pham", []string{codes[5]}},
				{"le van t", []string{codes[1]}},
				{"0912345603", []string{codes[3]}},
				{"0912345606", []string{codes[6]}},
				{"tran", nil},
			}
			for _, f := range finds {
				hits, err := db.Search(ctx, f.text, 0)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, h := range hits {
					got = append(got, h.Code)
				}
				if fmt.Sprint(got) != fmt.Sprint(f.want) {
					t.Errorf("%q found %v, want %v", f.text, got, f.want)
				}
			}
		})
	}
}

// TestOpenIndexesAWaitingBatch: a store left with a batch or more of
// dossiers outside the search index (older versions wrote none) has
// them indexed when it opens.
func TestOpenIndexesAWaitingBatch(t *testing.T) {
	defer func(n int64) { searchBatch = n }(searchBatch)
	searchBatch = 1000
	db := counterDB(t)
	ctx := context.Background()
	for range 5 {
		if _, err := db.Intake(ctx, birthRequest()); err != nil {
			t.Fatal(err)
		}
	}
	file := db.file
	db.Close()
	searchBatch = 5
	db, err := Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var upto, indexed int
	db.read.QueryRow(`SELECT upto FROM search_indexed`).Scan(&upto)
	db.read.QueryRow(`SELECT COUNT(*) FROM dossier_search WHERE dossier_search MATCH 'nhung'`).Scan(&indexed)
	if upto != 5 || indexed != 5 {
		t.Errorf("the index holds %d dossiers, up to %d; want 5, up to 5", indexed, upto)
	}
}
