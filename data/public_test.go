package data

import (
	"strings"
	"testing"
)

func TestMaskName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"four words", "Trần Thị Ngọc Hân", "T. T. N. Hân"},
		{"decomposed, extra spaces", "  Nguye\u0302\u0303n   Va\u0306n  A  ", "N. V. A"},
		{"initial đ upper-cased", "đặng thị thu", "Đ. T. thu"},
		{"one word", "Hân", "Hân"},
		{"empty", "   ", ""},
		{"markup is left to the page to escape", "Lê <b>Văn</b>", "L. <b>Văn</b>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskName(tc.in); got != tc.want {
				t.Errorf("MaskName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanComment(t *testing.T) {
	tests := []struct {
		name, in, want string
		refused        string // part of the message; "" when accepted
	}{
		{"plain", "Cán bộ tận tình", "Cán bộ tận tình", ""},
		{"line breaks fold", "Tốt\r\n\r\nnhanh\tgọn ", "Tốt nhanh gọn", ""},
		{"decomposed to NFC", "Ca\u0301n bo\u0323\u0302", "Cán bộ", ""},
		{"empty", "  ", "", ""},
		{"500 characters", strings.Repeat("ạ", 500), strings.Repeat("ạ", 500), ""},
		{"501 characters", strings.Repeat("ạ", 501), "", "tối đa 500"},
		{"long only before cleaning", "a" + strings.Repeat(" ", 600) + "b", "a b", ""},
		{"escape sequence", "Tốt\x1b[2J", "", "ký tự điều khiển"},
		{"NUL", "a\x00", "", "ký tự điều khiển"},
		{"DEL", "a\x7f", "", "ký tự điều khiển"},
		{"line separator", "a\u2028b", "", "ký tự điều khiển"},
		{"invalid UTF-8", "a\xffb", "", "không đọc được"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CleanComment(tc.in)
			switch {
			case tc.refused == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.refused == "" && got != tc.want:
				t.Fatalf("got %q, want %q", got, tc.want)
			case tc.refused != "" && (ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), tc.refused)):
				t.Fatalf("got %q, %v; want a refusal saying %q", got, err, tc.refused)
			}
		})
	}
}
