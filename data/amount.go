package data

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Amounts of money are whole đồng in an int64.
//
// Figures: Decree 123/2020/NĐ-CP Art. 10(13)(b) (for invoices, which the
// fee receipt rules point to) lets the issuer put a dot after the
// thousands, millions and billions: "1.234.567.000". Words: no official
// text fixes the spelling; this package writes the common reading
// (aloketoan.com, thuthuatphanmem.vn, cleverlearn.edu.vn; see
// notes/legal.md §4), one convention throughout:
//   - "nghìn", never "ngàn" (the legal texts write "nghìn");
//   - "linh", never "lẻ", for an empty tens digit: 101 "một trăm linh một";
//   - "mốt" for a unit 1 after "mươi" (21 "hai mươi mốt"), "một" otherwise
//     (11 "mười một", 101 "một trăm linh một");
//   - "lăm" for a unit 5 after "mười"/"mươi" (15, 25), "năm" otherwise;
//   - "bốn", never "tư": always correct, while "tư" is optional;
//   - "không trăm" for an empty hundreds digit in a group after a larger
//     one: 1.005 "một nghìn không trăm linh năm";
//   - "tỷ" (as in "05 tỷ đồng"), repeated beyond: 10^12 "một nghìn tỷ",
//     10^18 "một tỷ tỷ";
//   - the first letter capitalised and "đồng" at the end.
//
// A mistake in the words on a receipt only needs a notice (Circular
// 91/2026/TT-BTC Art. 20(1)); a mistake in the figures needs a new
// receipt. The figures are therefore what the store keeps.

// GroupThousands writes v with a dot between thousands: 1.234.567.000.
func GroupThousands(v int64) string {
	digits := strconv.FormatUint(absU(v), 10)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// FormatVND writes an amount in figures as printed: "1.234.567.000 đồng".
func FormatVND(v int64) string { return GroupThousands(v) + " đồng" }

func absU(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1 // MinInt64 has no positive counterpart
	}
	return uint64(v)
}

var (
	digitWords = [...]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}
	groupUnits = [...]string{"", "nghìn", "triệu"}
)

// AmountInWords writes an amount in Vietnamese words, capitalised and
// ending in "đồng": 1.005.000 is "Một triệu không trăm linh năm nghìn
// đồng". A negative amount starts "Âm".
func AmountInWords(v int64) string {
	var words []string
	if v < 0 {
		words = append(words, "âm")
	}
	n := absU(v)
	if n == 0 {
		words = append(words, "không")
	} else {
		words = readNumber(words, n, false)
	}
	words = append(words, "đồng")
	s := strings.Join(words, " ")
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

const billion = 1_000_000_000

// readNumber appends the words of n > 0. full is true when n follows a
// larger unit, so that its leading group reads every digit ("không trăm
// linh năm"). Billions read recursively: 1.500 tỷ is "một nghìn năm trăm tỷ".
func readNumber(words []string, n uint64, full bool) []string {
	if n >= billion {
		words = readNumber(words, n/billion, full)
		words = append(words, "tỷ")
		if rest := n % billion; rest > 0 {
			words = readBelowBillion(words, rest, true)
		}
		return words
	}
	return readBelowBillion(words, n, full)
}

// readBelowBillion appends the words of 0 < n < 10^9, group by group;
// empty groups are not read.
func readBelowBillion(words []string, n uint64, full bool) []string {
	groups := [3]uint64{n % 1000, n / 1000 % 1000, n / 1_000_000}
	for g := 2; g >= 0; g-- {
		if groups[g] == 0 {
			continue
		}
		words = readGroup(words, int(groups[g]), full)
		if groupUnits[g] != "" {
			words = append(words, groupUnits[g])
		}
		full = true
	}
	return words
}

// readGroup appends the words of 0 < n < 1000.
func readGroup(words []string, n int, full bool) []string {
	h, t, u := n/100, n/10%10, n%10
	if h > 0 || full {
		words = append(words, digitWords[h], "trăm")
	}
	switch {
	case t == 0:
		if u > 0 {
			if h > 0 || full {
				words = append(words, "linh")
			}
			words = append(words, digitWords[u])
		}
	case t == 1:
		words = append(words, "mười")
		if u == 5 {
			words = append(words, "lăm")
		} else if u > 0 {
			words = append(words, digitWords[u])
		}
	default:
		words = append(words, digitWords[t], "mươi")
		switch u {
		case 0:
		case 1:
			words = append(words, "mốt")
		case 5:
			words = append(words, "lăm")
		default:
			words = append(words, digitWords[u])
		}
	}
	return words
}

// ParseVND reads an amount an officer typed: digits, with dots or spaces
// between groups of three ("8.000", "1 500 000"), optionally followed by
// "đồng", "đ" or "VNĐ". A comma is refused: in Vietnamese it marks
// decimals, and fees are whole đồng.
func ParseVND(s string) (int64, error) {
	t := strings.ToLower(Clean(s))
	for _, unit := range []string{"việt nam đồng", "đồng", "vnđ", "vnd", "đ"} {
		if strings.HasSuffix(t, unit) {
			t = strings.TrimSpace(strings.TrimSuffix(t, unit))
			break
		}
	}
	bad := Errorf(EInvalid, "Số tiền %q không đúng dạng: viết số đồng, ví dụ 50000 hoặc 50.000.", s)
	if t == "" {
		return 0, bad
	}
	if strings.HasPrefix(t, "-") {
		return 0, Errorf(EInvalid, "Số tiền %q không được âm.", s)
	}
	if strings.ContainsRune(t, ',') {
		return 0, Errorf(EInvalid, "Số tiền %q có dấu phẩy: số tiền là số nguyên đồng, dùng dấu chấm để phân cách hàng nghìn (ví dụ 50.000).", s)
	}
	var digits strings.Builder
	groups := strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == ' ' })
	if strings.Trim(t, "0123456789. ") != "" || len(groups) == 0 {
		return 0, bad
	}
	for k, g := range groups {
		// Every group after the first has three digits; the first one to three.
		if (k > 0 && len(g) != 3) || (k == 0 && len(groups) > 1 && len(g) > 3) {
			return 0, bad
		}
		digits.WriteString(g)
	}
	if len(groups) > 1 && strings.Count(t, ".")+strings.Count(t, " ") != len(groups)-1 {
		return 0, bad // doubled separators
	}
	v, err := strconv.ParseInt(digits.String(), 10, 64)
	if err != nil {
		return 0, Errorf(EInvalid, "Số tiền %q quá lớn.", s)
	}
	return v, nil
}
