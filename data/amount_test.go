package data

import (
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var amountCases = []struct {
	v       int64
	figures string
	words   string
}{
	{0, "0 đồng", "Không đồng"},
	{5, "5 đồng", "Năm đồng"},
	{10, "10 đồng", "Mười đồng"},
	{11, "11 đồng", "Mười một đồng"},
	{14, "14 đồng", "Mười bốn đồng"},
	{15, "15 đồng", "Mười lăm đồng"},
	{20, "20 đồng", "Hai mươi đồng"},
	{21, "21 đồng", "Hai mươi mốt đồng"},
	{24, "24 đồng", "Hai mươi bốn đồng"},
	{25, "25 đồng", "Hai mươi lăm đồng"},
	{55, "55 đồng", "Năm mươi lăm đồng"},
	{100, "100 đồng", "Một trăm đồng"},
	{101, "101 đồng", "Một trăm linh một đồng"},
	{104, "104 đồng", "Một trăm linh bốn đồng"},
	{111, "111 đồng", "Một trăm mười một đồng"},
	{115, "115 đồng", "Một trăm mười lăm đồng"},
	{731, "731 đồng", "Bảy trăm ba mươi mốt đồng"},
	{1_005, "1.005 đồng", "Một nghìn không trăm linh năm đồng"},
	{1_010, "1.010 đồng", "Một nghìn không trăm mười đồng"},
	{2_000, "2.000 đồng", "Hai nghìn đồng"},
	{8_000, "8.000 đồng", "Tám nghìn đồng"},
	{10_000, "10.000 đồng", "Mười nghìn đồng"},
	{15_000, "15.000 đồng", "Mười lăm nghìn đồng"},
	{21_000, "21.000 đồng", "Hai mươi mốt nghìn đồng"},
	{24_000, "24.000 đồng", "Hai mươi bốn nghìn đồng"},
	{50_000, "50.000 đồng", "Năm mươi nghìn đồng"},
	{105_000, "105.000 đồng", "Một trăm linh năm nghìn đồng"},
	{400_000, "400.000 đồng", "Bốn trăm nghìn đồng"},
	{1_000_000, "1.000.000 đồng", "Một triệu đồng"},
	{1_005_000, "1.005.000 đồng", "Một triệu không trăm linh năm nghìn đồng"},
	{1_000_005, "1.000.005 đồng", "Một triệu không trăm linh năm đồng"},
	{1_500_000, "1.500.000 đồng", "Một triệu năm trăm nghìn đồng"},
	{21_000_000, "21.000.000 đồng", "Hai mươi mốt triệu đồng"},
	{100_000_000, "100.000.000 đồng", "Một trăm triệu đồng"},
	{1_000_000_000, "1.000.000.000 đồng", "Một tỷ đồng"},
	{1_000_050_000, "1.000.050.000 đồng", "Một tỷ không trăm năm mươi nghìn đồng"},
	{1_234_567_000, "1.234.567.000 đồng", "Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn đồng"},
	{1_500_000_000_000, "1.500.000.000.000 đồng", "Một nghìn năm trăm tỷ đồng"},
	{1_000_000_000_000_000_000, "1.000.000.000.000.000.000 đồng", "Một tỷ tỷ đồng"},
	{-8_000, "-8.000 đồng", "Âm tám nghìn đồng"},
}

func TestAmountInWords(t *testing.T) {
	for _, tc := range amountCases {
		t.Run(tc.figures, func(t *testing.T) {
			if got := AmountInWords(tc.v); got != tc.words {
				t.Errorf("AmountInWords(%d) = %q, want %q", tc.v, got, tc.words)
			}
			if got := FormatVND(tc.v); got != tc.figures {
				t.Errorf("FormatVND(%d) = %q, want %q", tc.v, got, tc.figures)
			}
		})
	}
}

// wordValue reads the words AmountInWords writes back into a number; it
// knows nothing of how they were produced, so agreeing with it checks the
// words say the amount.
func wordValue(t *testing.T, s string) (uint64, bool) {
	t.Helper()
	fields := strings.Fields(strings.ToLower(s))
	if len(fields) < 2 || fields[len(fields)-1] != "đồng" {
		t.Fatalf("%q does not end in đồng", s)
	}
	fields = fields[:len(fields)-1]
	neg := false
	if fields[0] == "âm" {
		neg, fields = true, fields[1:]
	}
	digit := map[string]uint64{"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	var total, cur, small, pending uint64
	for _, f := range fields {
		if d, ok := digit[f]; ok {
			pending = d
			continue
		}
		switch f {
		case "mười":
			small += 10
		case "mươi":
			small += pending * 10
			pending = 0
		case "trăm":
			small += pending * 100
			pending = 0
		case "linh":
		case "nghìn":
			cur += (small + pending) * 1000
			small, pending = 0, 0
		case "triệu":
			cur += (small + pending) * 1_000_000
			small, pending = 0, 0
		case "tỷ":
			total = (total + cur + small + pending) * billion
			cur, small, pending = 0, 0, 0
		default:
			t.Fatalf("%q: unknown word %q", s, f)
		}
	}
	return total + cur + small + pending, neg
}

func FuzzAmountInWords(f *testing.F) {
	for _, tc := range amountCases {
		f.Add(tc.v)
	}
	f.Add(int64(math.MaxInt64))
	f.Add(int64(math.MinInt64))
	f.Fuzz(func(t *testing.T, v int64) {
		w := AmountInWords(v)
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || !strings.HasSuffix(w, " đồng") || !norm.NFC.IsNormalString(w) {
			t.Fatalf("AmountInWords(%d) = %q: not capitalised, not ending in đồng, or not NFC", v, w)
		}
		if strings.Contains(w, "  ") || strings.Contains(w, "ngàn") || strings.Contains(w, "lẻ") || strings.Contains(w, " tư") {
			t.Fatalf("AmountInWords(%d) = %q breaks the convention", v, w)
		}
		got, neg := wordValue(t, w)
		if got != absU(v) || neg != (v < 0) {
			t.Fatalf("AmountInWords(%d) = %q reads back as %d (negative %v)", v, w, got, neg)
		}
		fig := FormatVND(v)
		back, err := ParseVND(strings.TrimPrefix(fig, "-"))
		if v >= 0 && (err != nil || back != v) {
			t.Fatalf("ParseVND(FormatVND(%d) = %q) = %d, %v", v, fig, back, err)
		}
	})
}

func TestParseVND(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"8000", 8000, true},
		{"8.000", 8000, true},
		{"8.000 đồng", 8000, true},
		{"8.000đ", 8000, true},
		{"1 500 000", 1_500_000, true},
		{"50.000 VNĐ", 50_000, true},
		{" 0 ", 0, true},
		{"8,000", 0, false},
		{"8,5", 0, false},
		{"-5", 0, false},
		{"8.00", 0, false},
		{"8..000", 0, false},
		{"1234.567", 0, false},
		{"năm mươi", 0, false},
		{"", 0, false},
		{"99999999999999999999", 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseVND(tc.in)
			if tc.ok != (err == nil) || got != tc.want {
				t.Fatalf("ParseVND(%q) = %d, %v", tc.in, got, err)
			}
			if err != nil && ErrorCode(err) != EInvalid {
				t.Errorf("code %q, want invalid", ErrorCode(err))
			}
		})
	}
}

func FuzzParseVND(f *testing.F) {
	for _, s := range []string{"8000", "8.000 đồng", "1 500 000", "8,000", "-5", "8..000", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVND(s)
		if err != nil {
			if ErrorCode(err) != EInvalid || v != 0 {
				t.Fatalf("ParseVND(%q) = %d, %v", s, v, err)
			}
			return
		}
		if v < 0 {
			t.Fatalf("ParseVND(%q) = %d", s, v)
		}
		if back, err := ParseVND(GroupThousands(v)); err != nil || back != v {
			t.Fatalf("ParseVND(%q) = %d does not round-trip: %d, %v", s, v, back, err)
		}
	})
}
