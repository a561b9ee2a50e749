package scan

import (
	"fmt"
	"strings"

	"motcua/data"
)

// CheckPhone accepts a Vietnamese phone number, 10 digits starting with 0
// or +84 followed by 9 digits; spaces, dots and dashes are ignored. It
// returns the number as 0 and 9 digits. Landlines of 11 digits are refused.
func CheckPhone(s string) (string, error) {
	s = data.Clean(s)
	in := s
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, s)
	if rest, ok := strings.CutPrefix(s, "+84"); ok {
		s = "0" + rest
	}
	switch {
	case in == "":
		return "", data.Errorf(data.EInvalid, "Chưa có số điện thoại")
	case !allDigits(s) || s[0] != '0':
		return "", data.Errorf(data.EInvalid, "Số điện thoại %s phải gồm 10 chữ số bắt đầu bằng 0, hoặc +84 và 9 chữ số", quote(in))
	case len(s) != 10:
		return "", data.Errorf(data.EInvalid, "Số điện thoại %s phải có 10 chữ số (bắt đầu bằng 0), số này có %d", quote(in), len(s))
	case s[1] == '0':
		return "", data.Errorf(data.EInvalid, "Số điện thoại %s không đúng: sau số 0 đầu không thể là số 0", quote(in))
	}
	return s, nil
}

// s10Weights are the UPU S10 weights of the eight serial digits.
var s10Weights = [8]int{8, 6, 4, 2, 3, 5, 9, 7}

// S10CheckDigit computes the UPU S10 check digit of 8 digits.
func S10CheckDigit(digits string) (int, error) {
	if len(digits) != 8 || !allDigits(digits) {
		return 0, data.Errorf(data.EInvalid, "Cần đúng 8 chữ số để tính số kiểm tra, nhận được %s", quote(digits))
	}
	sum := 0
	for i, w := range s10Weights {
		sum += int(digits[i]-'0') * w
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 0, nil
	case 11:
		return 5, nil
	default:
		return c, nil
	}
}

// CheckS10 validates a postal item number (UPU S10): 2 letters for the
// service, 8 digits, a check digit and 2 letters for the country, e.g.
// RR123456785VN. Spaces are ignored; the number is returned upper-cased.
func CheckS10(s string) (string, error) {
	in := data.Clean(s)
	s = upperASCII(strings.ReplaceAll(in, " ", ""))
	const example = "ví dụ RR123456785VN"
	switch {
	case s == "":
		return "", data.Errorf(data.EInvalid, "Chưa có số hiệu bưu gửi (%s)", example)
	case len(s) != 13:
		return "", data.Errorf(data.EInvalid, "Số hiệu bưu gửi %s phải có 13 ký tự: 2 chữ cái, 8 chữ số, 1 số kiểm tra và 2 chữ cái mã nước (%s)", quote(in), example)
	case !letters(s[:2]):
		return "", data.Errorf(data.EInvalid, "Số hiệu bưu gửi %s: 2 ký tự đầu (loại dịch vụ) phải là chữ cái không dấu (%s)", quote(in), example)
	case !allDigits(s[2:10]):
		return "", data.Errorf(data.EInvalid, "Số hiệu bưu gửi %s: ký tự thứ 3 đến 10 phải là 8 chữ số (%s)", quote(in), example)
	case !allDigits(s[10:11]):
		return "", data.Errorf(data.EInvalid, "Số hiệu bưu gửi %s: ký tự thứ 11 (số kiểm tra) phải là chữ số (%s)", quote(in), example)
	case !letters(s[11:]):
		return "", data.Errorf(data.EInvalid, "Số hiệu bưu gửi %s: 2 ký tự cuối (mã nước, ví dụ VN) phải là chữ cái không dấu", quote(in))
	}
	want, err := S10CheckDigit(s[2:10])
	if err != nil {
		return "", fmt.Errorf("scan: check s10: %w", err)
	}
	if got := int(s[10] - '0'); got != want {
		return "", data.Errorf(data.EInvalid, "Số hiệu bưu gửi %s sai số kiểm tra: chữ số thứ 11 là %d, đúng ra phải là %d — có thể đọc hoặc gõ nhầm một chữ số", s, got, want)
	}
	return s, nil
}
