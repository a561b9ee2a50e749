package scan

import (
	"strings"
	"testing"

	"motcua/data"
)

func TestCheckPhone(t *testing.T) {
	tests := []struct {
		name, in, want string // want "" for an error
	}{
		{"mobile", "0912345678", "0912345678"},
		{"spaces", " 0912 345 678 ", "0912345678"},
		{"dots", "091.234.5678", "0912345678"},
		{"dashes", "0912-345-678", "0912345678"},
		{"international", "+84912345678", "0912345678"},
		{"international spaced", "+84 91 234 56 78", "0912345678"},
		{"empty", "", ""},
		{"nine digits", "091234567", ""},
		{"eleven digits", "09123456789", ""},
		{"84 without plus", "84912345678", ""},
		{"international with extra 0", "+840912345678", ""},
		{"letter", "0912a45678", ""},
		{"slash", "0912/345678", ""},
		{"leading 00", "0012345678", ""},
		{"no leading 0", "9123456789", ""},
		{"only +84", "+84", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CheckPhone(tc.in)
			switch {
			case tc.want == "" && data.ErrorCode(err) != data.EInvalid:
				t.Fatalf("CheckPhone(%q) = %q, %v; want an EInvalid error", tc.in, got, err)
			case tc.want != "" && (err != nil || got != tc.want):
				t.Fatalf("CheckPhone(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

var s10DigitCases = []struct {
	digits string
	want   int // -1 for an error
}{
	{"12345678", 5},
	{"00000000", 5}, // 11 − 0 = 11 → 5
	{"00000008", 0}, // 56 mod 11 = 1, 11 − 1 = 10 → 0
	{"00000001", 4},
	{"10000000", 3},
	{"47312482", 9}, // 200 mod 11 = 2
	{"1234567", -1},
	{"123456789", -1},
	{"1234567A", -1},
	{"", -1},
}

func TestS10CheckDigit(t *testing.T) {
	for _, tc := range s10DigitCases {
		t.Run(tc.digits, func(t *testing.T) {
			got, err := S10CheckDigit(tc.digits)
			switch {
			case tc.want < 0 && data.ErrorCode(err) != data.EInvalid:
				t.Fatalf("S10CheckDigit(%q) = %d, %v; want an EInvalid error", tc.digits, got, err)
			case tc.want >= 0 && (err != nil || got != tc.want):
				t.Fatalf("S10CheckDigit(%q) = %d, %v; want %d", tc.digits, got, err, tc.want)
			}
		})
	}
}

var s10Cases = []struct {
	name, in, want string
	part           string // part of the error message naming the wrong part
}{
	{"registered", "RR123456785VN", "RR123456785VN", ""},
	{"EMS", "EE123456785VN", "EE123456785VN", ""},
	{"parcel, check digit 5 from 11", "CP000000005VN", "CP000000005VN", ""},
	{"check digit 0 from 10", "LA000000080VN", "LA000000080VN", ""},
	{"foreign", "RA473124829GB", "RA473124829GB", ""},
	{"lower case", "rr123456785vn", "RR123456785VN", ""},
	{"printed with spaces", " RR 1234 5678 5 VN ", "RR123456785VN", ""},
	{"wrong check digit", "RR123456784VN", "", "số kiểm tra"},
	{"two digits swapped", "RR213456785VN", "", "số kiểm tra"},
	{"too short", "RR12345678VN", "", "13 ký tự"},
	{"too long", "RR1234567855VN", "", "13 ký tự"},
	{"digit in service", "R1123456785VN", "", "2 ký tự đầu"},
	{"letter in serial", "RR1234567A5VN", "", "8 chữ số"},
	{"letter as check digit", "RR12345678XVN", "", "số kiểm tra"},
	{"digits as country", "RR12345678584", "", "mã nước"},
	{"Telex ate a letter", "Ê123456785VN", "", "2 ký tự đầu"},
	{"empty", "", "", "Chưa có"},
}

func TestCheckS10(t *testing.T) {
	for _, tc := range s10Cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CheckS10(tc.in)
			if tc.want != "" {
				if err != nil || got != tc.want {
					t.Fatalf("CheckS10(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
				}
				return
			}
			if data.ErrorCode(err) != data.EInvalid || !strings.Contains(err.Error(), tc.part) {
				t.Fatalf("CheckS10(%q) = %q, %v; want an EInvalid error about %q", tc.in, got, err, tc.part)
			}
		})
	}
}
