package scan

import (
	"strings"
	"testing"
)

var zeroSig = strings.Repeat("0", sigLen)

var parseCases = []struct {
	name   string
	text   string
	kind   string
	code   string
	reason string // part of the wanted Reason; "" wants none
}{
	{"dossier code", "000.30.12.H30-261126-1001", KindCode, "000.30.12.H30-261126-1001", ""},
	{"dossier code with vowel, lower case, Enter", "000.a0.01.h26-210212-9090\r\n", KindCode, "000.A0.01.H26-210212-9090", ""},
	{"dossier code one group", "H30-261126-1001", KindCode, "H30-261126-1001", ""},
	{"dossier code with impossible date", "000.30.12.H30-261332-1001", KindUnknown, "", "Unikey"},
	{"dossier code with short sequence", "000.30.12.H30-261126-101", KindUnknown, "", "Unikey"},
	{"postal item", "RR123456785VN", KindPostalItem, "RR123456785VN", ""},
	{"postal item lower case with spaces", "  ee123456785vn\n", KindPostalItem, "EE123456785VN", ""},
	{"postal item with wrong check digit", "RR123456784VN", KindPostalItem, "", "số kiểm tra"},
	{"postal item through Telex", "Ê123456785VN", KindUnknown, "", "bộ gõ tiếng Việt"},
	{"ID card", "001099012345|123456789|Nguyễn Văn An|15031999|Nam|Hà Nội|20042021\r", KindIDCard, "001099012345", ""},
	{"ID card cut short", "001099012345|123456789|Nguyễn Văn An", KindIDCard, "001099012345", "thiếu"},
	{"ID card with wrong birth year", "001099012345||Nguyễn Văn An|15032001|Nam|Hà Nội|20042021", KindIDCard, "001099012345", "năm sinh 1999"},
	{"receipt with short signature", "MC1-000.30.12.H30-261126-1001-BCF", KindReceipt, "000.30.12.H30-261126-1001", "3 ký tự"},
	{"receipt with vowel in signature", "MC1-7-" + zeroSig[1:] + "A", KindReceipt, "7", "ký tự lạ"},
	{"receipt with too large signature", "mc1-7-" + strings.Repeat("z", sigLen), KindReceipt, "7", "không phải là một chữ ký"},
	{"receipt without signature", "MC1-000", KindReceipt, "", "không có phần chữ ký"},
	{"receipt with empty code", "MC1--" + zeroSig, KindReceipt, "", "trống"},
	{"manifest with bad escape", "BB1-Z9-" + zeroSig, KindManifest, "", "bị hỏng"},
	{"manifest behind URL", "https://x.vn/BB1-7-" + zeroSig, KindManifest, "7", ""},
	{"marker in a URL only", "https://bb1-server.example.vn/", KindUnknown, "", "Unikey"},
	{"plain words", "xin chao", KindUnknown, "", "Unikey"},
	{"Vietnamese words", "xin chào", KindUnknown, "", "bộ gõ tiếng Việt đổi"},
	{"number", "12345", KindUnknown, "", "tiếng Anh"},
	{"empty", "", KindUnknown, "", "Không nhận được"},
	{"only Enter", "\r\n", KindUnknown, "", "Không nhận được"},
	{"invalid UTF-8", "\xff\xfe", KindUnknown, "", "Unikey"},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			r := Parse(tc.text)
			if r.Kind != tc.kind || r.Code != tc.code {
				t.Fatalf("Parse(%q) = %s %q (%s), want %s %q", tc.text, r.Kind, r.Code, r.Reason, tc.kind, tc.code)
			}
			switch {
			case tc.reason == "" && r.Reason != "":
				t.Fatalf("Reason = %q, want none", r.Reason)
			case !strings.Contains(r.Reason, tc.reason):
				t.Fatalf("Reason = %q, want it to say %q", r.Reason, tc.reason)
			}
			if (r.Kind == KindIDCard) != (r.IDCard != nil) && r.Reason == "" {
				t.Fatalf("IDCard = %v for kind %s", r.IDCard, r.Kind)
			}
			if r.Kind == KindUnknown && !strings.Contains(r.Reason, "Unikey/EVKey") {
				t.Fatalf("Reason %q gives no keyboard advice", r.Reason)
			}
		})
	}
}

func TestParseIDCardResult(t *testing.T) {
	r := Parse("093301001234||Trần Thị Bích|01022001|Nữ|Vị Thanh, Hậu Giang|10102021\n")
	if r.Kind != KindIDCard || r.IDCard == nil || r.IDCard.Name != "Trần Thị Bích" || r.Code != r.IDCard.Number {
		t.Fatalf("Parse = %+v", r)
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "“”"},
		{"Hồ sơ", "“Hồ sơ”"},
		{"a\x00b\n", "“a\uFFFDb\uFFFD”"},
		{strings.Repeat("ư", 41), "“" + strings.Repeat("ư", 40) + "…”"},
	}
	for _, tc := range tests {
		if got := quote(tc.in); got != tc.want {
			t.Errorf("quote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
