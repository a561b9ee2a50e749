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
			got := fieldsOf(c.tl.Validate())
			if len(got) != len(c.bad) {
				t.Fatalf("fields %v, want %v", got, c.bad)
			}
			for f, w := range c.bad {
				if !strings.Contains(got[f], w) {
					t.Errorf("%s: %q, want %q", f, got[f], w)
				}
			}
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
