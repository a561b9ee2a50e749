package scan

import "testing"

// A card's QR as a scanner types it.
const (
	findID   = "092190001234"
	findCard = findID + "|361234567|Nguyễn Thị Hoa|15031990|Nữ|12 đường 30/4, phường Ninh Kiều|01022021"
)

var findIDCardCases = []struct {
	name       string
	text       string
	start, end int
	complete   bool
	ok         bool
}{
	{"none", "Nguyễn Văn A", 0, 0, false, false},
	{"pipe without ID", "abc|def", 0, 0, false, false},
	{"whole card", findCard, 0, len(findCard), true, true},
	{"after text", "0912" + findCard, 4, 4 + len(findCard), true, true},
	{"before text", findCard + "x", 0, len(findCard), false, true},
	{"cut short", findID + "|361234567|Ng", 0, len(findID + "|361234567|Ng"), false, true},
	{"no issue date", findID + "|||||", 0, 17, false, true},
}

func TestFindIDCard(t *testing.T) {
	for _, c := range findIDCardCases {
		t.Run(c.name, func(t *testing.T) {
			start, end, complete, ok := FindIDCard(c.text)
			if ok != c.ok || (ok && (start != c.start || end != c.end || complete != c.complete)) {
				t.Errorf("FindIDCard = %d, %d, %v, %v; want %d, %d, %v, %v", start, end, complete, ok, c.start, c.end, c.complete, c.ok)
			}
		})
	}
}

func FuzzFindIDCard(f *testing.F) {
	for _, c := range findIDCardCases {
		f.Add(c.text)
	}
	f.Add("|||||||")
	f.Fuzz(func(t *testing.T, text string) {
		start, end, _, ok := FindIDCard(text)
		if ok && (start < 0 || end < start || end > len(text)) {
			t.Fatalf("FindIDCard(%q) = %d, %d", text, start, end)
		}
	})
}
