package data

import (
	"strings"
	"testing"
)

// fieldsOf maps an error's fields to their messages.
func fieldsOf(err error) map[string]string {
	out := map[string]string{}
	if e, ok := err.(*Error); ok {
		for _, f := range e.Fields {
			out[f.Field] = f.Message
		}
	}
	return out
}

// wantFields checks that err names exactly the fields of bad, each with
// a message holding bad's text for it.
func wantFields(t *testing.T, err error, bad map[string]string) {
	t.Helper()
	got := fieldsOf(err)
	if len(got) != len(bad) {
		t.Fatalf("fields %v, want %v", got, bad)
	}
	for f, w := range bad {
		if !strings.Contains(got[f], w) {
			t.Errorf("%s: %q, want %q", f, got[f], w)
		}
	}
}

func TestTimeLimitValidate(t *testing.T) {
	n := func(v int) *int { return &v }
	s := func(v string) *string { return &v }
	cases := []struct {
		name string
		tl   TimeLimit
		bad  map[string]string
	}{
		{"days and cutoff", TimeLimit{WorkingDays: n(5), SameDayCutoff: s("15:00")}, nil},
		{"no cutoff", TimeLimit{WorkingDays: n(0), SameDayCutoff: s("")}, nil},
		{"too many days", TimeLimit{WorkingDays: n(MaxWorkingDays + 1)}, map[string]string{FieldWorkingDays: "từ 0 đến"}},
		{"negative days and bad cutoff", TimeLimit{WorkingDays: n(-1), SameDayCutoff: s("25:00")},
			map[string]string{FieldWorkingDays: "từ 0 đến", FieldSameDayCutoff: "HH:MM"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantFields(t, c.tl.Validate(), c.bad)
		})
	}
}

func TestCheckSigners(t *testing.T) {
	cases := []struct {
		name, officer, postal string
		bad                   []string
	}{
		{"both", "Trần Văn Bình", "Lê Thị Hoa", nil},
		{"no postal staff", "Trần Văn Bình", "", []string{FieldPostalStaff}},
		{"nobody", "", "", []string{FieldSigningOfficer, FieldPostalStaff}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := fieldsOf(CheckSigners(c.officer, c.postal))
			if len(got) != len(c.bad) {
				t.Fatalf("fields %v, want %v", got, c.bad)
			}
			for _, f := range c.bad {
				if got[f] == "" {
					t.Errorf("%s not named", f)
				}
			}
		})
	}
}

func TestCheckOpening(t *testing.T) {
	cases := []struct {
		name   string
		kind   ManifestKind
		agency string
		bad    string // the field named, "" when none
	}{
		{"from the post", ManifestFromPost, "", ""},
		{"to an agency", ManifestToAgency, "Phòng Tư pháp", ""},
		{"to no agency", ManifestToAgency, "", FieldAgency},
		{"no such kind", "by-boat", "", FieldManifestKind},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := fieldsOf(CheckOpening(c.kind, c.agency))
			if (c.bad == "" && len(got) != 0) || (c.bad != "" && (len(got) != 1 || got[c.bad] == "")) {
				t.Errorf("fields %v, want %q", got, c.bad)
			}
		})
	}
}

func TestCheckNotice(t *testing.T) {
	const code = "000.30.12.H30-270203-1001"
	notFound := Errorf(ENotFound, "Không tìm thấy hồ sơ %s.", code)
	cases := []struct {
		name     string
		kind     FormKind
		code     string
		notFound error
		items    []string
		bad      map[string]string // field: part of its message
	}{
		{"supplement", FormSupplement, code, nil, []string{"Bản sao giấy khai sinh"}, nil},
		{"refusal", FormRefusal, code, nil, []string{"Không thuộc thẩm quyền"}, nil},
		{"no code", FormRefusal, " ", nil, []string{"Không thuộc thẩm quyền"}, map[string]string{FieldNoticeCode: "mã hồ sơ"}},
		{"no such dossier", FormSupplement, code + "9", notFound, []string{"Tờ khai"}, map[string]string{FieldNoticeCode: "Không tìm thấy"}},
		{"no papers", FormSupplement, code, nil, nil, map[string]string{FieldNoticeItems: "giấy tờ cần bổ sung"}},
		{"nothing", FormRefusal, "", nil, NoticeLines([]string{" \n\t"}),
			map[string]string{FieldNoticeCode: "mã hồ sơ", FieldNoticeItems: "lý do từ chối"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantFields(t, CheckNotice(c.kind, c.code, c.notFound, c.items), c.bad)
		})
	}
}

func TestNoticeLines(t *testing.T) {
	got := NoticeLines([]string{"  Bản sao \n\n Tờ khai\t", "", "Giấy uỷ quyền"})
	want := []string{"Bản sao", "Tờ khai", "Giấy uỷ quyền"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
}
