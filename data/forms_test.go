package data

import (
	"testing"
	"time"
)

func TestFormSetFor(t *testing.T) {
	eff := time.Date(2025, 9, 15, 0, 0, 0, 0, Zone)
	for _, tc := range []struct {
		name     string
		received time.Time
		want     string
	}{
		{"last minute before 03/2025", eff.Add(-time.Minute), "01/2018/TT-VPCP"},
		{"first minute of 03/2025", eff, "03/2025/TT-VPCP"},
		{"effective day, evening", eff.Add(23 * time.Hour), "03/2025/TT-VPCP"},
		// 17:30 UTC on 14/9 is 00:30 on 15/9 in Vietnam.
		{"effective day in Vietnam, the day before in UTC", time.Date(2025, 9, 14, 17, 30, 0, 0, time.UTC), "03/2025/TT-VPCP"},
		{"the day before in Vietnam", time.Date(2025, 9, 14, 16, 30, 0, 0, time.UTC), "01/2018/TT-VPCP"},
		{"2026", time.Date(2026, 2, 24, 9, 5, 0, 0, Zone), "03/2025/TT-VPCP"},
		{"2020", time.Date(2020, 6, 1, 9, 0, 0, 0, Zone), "01/2018/TT-VPCP"},
		{"before any set", time.Date(2010, 1, 1, 0, 0, 0, 0, Zone), "01/2018/TT-VPCP"},
		{"zero: newest", time.Time{}, "03/2025/TT-VPCP"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FormSetFor(tc.received).Circular; got != tc.want {
				t.Errorf("FormSetFor(%v) = %s, want %s", tc.received, got, tc.want)
			}
		})
	}
}

func TestFormSets(t *testing.T) {
	for _, tc := range []struct {
		circular string
		kind     FormKind
		number   string
		heading  string
	}{
		{"01/2018/TT-VPCP", FormReceipt, "Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"},
		{"01/2018/TT-VPCP", FormApology, "Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"},
		{"01/2018/TT-VPCP", FormControl, "Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"},
		{"01/2018/TT-VPCP", FormRegister, "Mẫu số 06", "SỔ THEO DÕI HỒ SƠ"},
		{"03/2025/TT-VPCP", FormReceipt, "Mẫu số 01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"},
		{"03/2025/TT-VPCP", FormSupplement, "Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"},
		{"03/2025/TT-VPCP", FormRefusal, "Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"},
		{"03/2025/TT-VPCP", FormApology, "Mẫu số 04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"},
		{"03/2025/TT-VPCP", FormStop, "Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"},
		{"03/2025/TT-VPCP", FormControl, "Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"},
		{"03/2025/TT-VPCP", FormRegister, "Mẫu số 07", "SỔ THEO DÕI HỒ SƠ"},
	} {
		t.Run(tc.circular+" "+string(tc.kind), func(t *testing.T) {
			s, ok := FormSetByCircular(tc.circular)
			if !ok {
				t.Fatalf("no set %s", tc.circular)
			}
			f, ok := s.Form(tc.kind)
			if !ok {
				t.Fatalf("%s has no %s", tc.circular, tc.kind)
			}
			if f.Number != tc.number || f.Heading() != tc.heading {
				t.Errorf("%s %s = %q %q, want %q %q", tc.circular, tc.kind, f.Number, f.Heading(), tc.number, tc.heading)
			}
			if want := tc.number + " "; len(f.Citation) <= len(want) || f.Citation[:len(want)] != want {
				t.Errorf("citation %q does not start with the number", f.Citation)
			}
		})
	}
	old, _ := FormSetByCircular("01/2018/TT-VPCP")
	if _, ok := old.Form(FormStop); ok {
		t.Error("01/2018 has a stop notice")
	}
	if _, ok := FormSetByCircular("02/2017/TT-VPCP"); ok {
		t.Error("unknown circular found")
	}
	// Callers get copies: changing one changes no other.
	s := FormSetFor(time.Time{})
	delete(s.Forms, FormReceipt)
	s.Basis[0] = "x"
	if again := FormSetFor(time.Time{}); len(again.Forms) != 7 || again.Basis[0] == "x" {
		t.Error("FormSetFor shares its maps or slices")
	}
	sets := FormSets()
	for k := 1; k < len(sets); k++ {
		if !sets[k-1].Effective.Before(sets[k].Effective) {
			t.Errorf("sets not oldest first: %s then %s", sets[k-1].Circular, sets[k].Circular)
		}
	}
}

func TestFormFor(t *testing.T) {
	before := time.Date(2025, 8, 1, 10, 0, 0, 0, Zone)
	after := time.Date(2026, 3, 2, 10, 0, 0, 0, Zone)
	for _, tc := range []struct {
		name             string
		kind             FormKind
		received, issued time.Time
		circular, number string
		ok               bool
	}{
		{"old dossier keeps its set", FormApology, before, after, "01/2018/TT-VPCP", "Mẫu số 04", true},
		{"old dossier's control sheet", FormControl, before, after, "01/2018/TT-VPCP", "Mẫu số 05", true},
		{"old dossier stopped today: the set in force today", FormStop, before, after, "03/2025/TT-VPCP", "Mẫu số 05", true},
		{"new dossier", FormControl, after, after, "03/2025/TT-VPCP", "Mẫu số 06", true},
		{"no set has it", FormStop, before, before, "01/2018/TT-VPCP", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, f, ok := FormFor(tc.kind, tc.received, tc.issued)
			if ok != tc.ok || s.Circular != tc.circular || f.Number != tc.number {
				t.Errorf("FormFor = %s %q %v, want %s %q %v", s.Circular, f.Number, ok, tc.circular, tc.number, tc.ok)
			}
		})
	}
}

func TestTimeliness(t *testing.T) {
	due := time.Date(2026, 3, 3, 0, 0, 0, 0, Zone)
	for _, tc := range []struct {
		done time.Time
		want string
	}{
		{time.Date(2026, 3, 2, 16, 0, 0, 0, Zone), Early},
		{time.Date(2026, 3, 3, 0, 0, 0, 0, Zone), OnTime},
		{time.Date(2026, 3, 3, 23, 59, 0, 0, Zone), OnTime},
		{time.Date(2026, 3, 3, 17, 30, 0, 0, time.UTC), Late}, // 00:30 on 4/3 in Vietnam
		{time.Date(2026, 3, 9, 8, 0, 0, 0, Zone), Late},
	} {
		if got := Timeliness(tc.done, due); got != tc.want {
			t.Errorf("Timeliness(%v) = %q, want %q", tc.done, got, tc.want)
		}
	}
}
