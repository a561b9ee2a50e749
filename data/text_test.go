package data

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestClean: a text comes back in NFC, its words separated by single
// spaces, whether it needed a change or not.
func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tidy", "Nguyễn Thị Hồng Nhung", "Nguyễn Thị Hồng Nhung"},
		{"empty", "", ""},
		{"only spaces", "   ", ""},
		{"surrounding space", " Ấp 3 ", "Ấp 3"},
		{"double space", "Ấp  3", "Ấp 3"},
		{"tab and line break", "Ấp\t3\r\nVị Thanh", "Ấp 3 Vị Thanh"},
		{"no-break space", "Ấp\u00a03", "Ấp 3"},
		{"ideographic space", "Ấp\u30003", "Ấp 3"},
		{"decomposed", "Nguye\u0302\u0303n", "Nguyễn"},
		{"decomposed and spaced", " Nguye\u0302\u0303n  Va\u0306n ", "Nguyễn Văn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzClean: Clean is NFC with white space folded, as it always was
// defined, on any text.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Nguyễn Thị", " a  b ", "a\tb", "a\u00a0b", "e\u0302\u0303", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Clean(s), strings.Join(strings.Fields(norm.NFC.String(s)), " "); got != want {
			t.Errorf("Clean(%q) = %q, want %q", s, got, want)
		}
	})
}
