package scan

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Doubt is something in a scanned ID card that looks damaged on its way
// through the keyboard: a keyboard-wedge scanner types the card's
// Vietnamese letters through Unikey/EVKey, which drops them or their
// marks. Field is named as the officer calls it.
type Doubt struct {
	Field, What string
}

// FieldQR is the Field of a doubt about the QR as a whole: its number of
// fields.
const FieldQR = "Mã QR"

func (d Doubt) String() string { return d.Field + ": " + d.What }

// Doubts lists what looks garbled in the text of a scanned ID card QR;
// nil when the scan looks as the card prints it. It never refuses a scan
// (ParseIDCard does): it says what the officer should check.
//
// The rule, by the shape of Vietnamese syllables. Every written
// Vietnamese syllable has a vowel (a e i o u y, marked or not), so in the
// name and the address:
//   - a word of letters without a vowel ("Trn", "Th", "Ngc", "L") lost its
//     Vietnamese letters; a few abbreviations of addresses (TP, Tp., KP,
//     and any word in capitals or ending in '.') are not words;
//   - a character outside the Vietnamese alphabet ("?", "Ã", "€", U+FFFD)
//     is a letter the keyboard garbled;
//   - a word without marks whose vowels exist only with a mark ("Nguyen",
//     "Truong", "Tien": ie, uo, uye, eu … are always iê, ươ, uyê, êu …)
//     lost its marks;
//   - a name or address with no mark at all, whose every word has the
//     shape of a Vietnamese syllable ("Tran Thi Ngoc Han"), lost them all.
//     The names of ethnic minorities written without marks rarely have only
//     such words ("Y Moan Enuol", "Ksor Kpa": Enuol, Ksor, Kpa are not
//     Vietnamese syllables) and pass; so does a name of one word.
//
// The gender must read Nam or Nữ, and the QR has seven fields: fewer means
// the scan stopped early; more, not empty, that a '|' came in from a
// garbled letter.
func Doubts(text string) []Doubt {
	text = norm.NFC.String(strings.ToValidUTF8(trim(text), "\uFFFD"))
	parts := strings.Split(text, "|")
	var ds []Doubt
	n := len(parts)
	for n > len(idCardFields) && strings.TrimSpace(parts[n-1]) == "" {
		n-- // a trailing '|' adds an empty field, which is harmless
	}
	if n != len(idCardFields) {
		ds = append(ds, Doubt{FieldQR, fmt.Sprintf("có %d trường, mã QR của thẻ căn cước có %d", n, len(idCardFields))})
	}
	field := func(i int) string {
		if i < len(parts) {
			return strings.TrimSpace(parts[i])
		}
		return ""
	}
	if what := textDoubt(field(2), false); what != "" {
		ds = append(ds, Doubt{idCardFields[2], what})
	}
	if g := field(4); g != "" && g != "Nam" && g != "Nữ" {
		ds = append(ds, Doubt{idCardFields[4], fmt.Sprintf("đọc được %s, thẻ ghi Nam hoặc Nữ", quote(g))})
	}
	if what := textDoubt(field(5), true); what != "" {
		ds = append(ds, Doubt{idCardFields[5], what})
	}
	return ds
}

// textDoubt says what looks garbled in a name or an address, "" when
// nothing.
func textDoubt(s string, address bool) string {
	if s == "" {
		return ""
	}
	var strange []string
	for _, r := range s {
		if !vietnameseRune(r) && !slices.Contains(strange, string(r)) {
			strange = append(strange, string(r))
		}
	}
	if len(strange) > 0 {
		return fmt.Sprintf("%s có ký tự lạ %s — chữ tiếng Việt bị đổi sai", quote(s), strings.Join(strange, " "))
	}
	var dropped, unmarked []string
	plain, syllables, words := true, 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '/' || r == '(' || r == ')' }) {
		if strings.ContainsAny(w, "0123456789") {
			continue // house numbers, streets named by dates
		}
		if address && abbreviation(w) {
			continue
		}
		w = strings.TrimSuffix(w, ".")
		if _, rest, ok := strings.Cut(w, "'"); ok {
			w = rest // H'Hen, K'Sor: the part after the apostrophe is the word
		}
		if w == "" {
			continue
		}
		words++
		lw := strings.ToLower(w)
		if !hasVowel(lw) {
			dropped = append(dropped, w)
			continue
		}
		if !isASCII(lw) {
			plain = false
			continue
		}
		switch syllableShape(lw) {
		case shapePlain:
			syllables++
		case shapeNeedsMarks:
			unmarked = append(unmarked, w)
		}
	}
	switch {
	case len(dropped) > 0:
		return fmt.Sprintf("%s có %s không có nguyên âm — chữ tiếng Việt bị mất", quote(s), quoteAll(dropped))
	case len(unmarked) > 0:
		return fmt.Sprintf("%s có %s viết không dấu — dấu tiếng Việt bị mất", quote(s), quoteAll(unmarked))
	case plain && words >= 2 && syllables == words:
		return fmt.Sprintf("%s không có dấu nào — dấu tiếng Việt có thể đã bị mất (nếu thẻ cũng ghi không dấu thì bỏ qua)", quote(s))
	}
	return ""
}

func quoteAll(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = quote(w)
	}
	return strings.Join(q, ", ")
}

// addressAbbreviations are the short forms of addresses written without a
// vowel: thành phố, thị xã, thị trấn, khu phố, khu dân cư, khu công
// nghiệp, quốc lộ, tỉnh lộ, đường tỉnh.
var addressAbbreviations = map[string]bool{
	"tp": true, "tx": true, "tt": true, "kp": true, "kdc": true, "kcn": true, "ql": true, "tl": true, "đt": true, "hcm": true,
}

// abbreviation reports whether a word of an address is a short form: one
// of the usual ones, in capitals, or ending in '.'.
func abbreviation(w string) bool {
	if strings.HasSuffix(w, ".") || addressAbbreviations[strings.ToLower(w)] {
		return true
	}
	return utf8.RuneCountInString(w) <= 4 && w == strings.ToUpper(w)
}

// vietnameseMarks are the combining marks Vietnamese letters carry: the
// five tones and the circumflex, breve and horn.
const vietnameseMarks = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B"

// vietnameseRune reports whether r may appear in a name or an address
// written in Vietnamese: ASCII letters and digits, the Vietnamese marked
// letters, đ, white space and a little punctuation.
func vietnameseRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" ,.-/'()", r)
	case r == 'đ' || r == 'Đ':
		return true
	}
	d := norm.NFD.String(string(r))
	base, size := utf8.DecodeRuneInString(d)
	if !strings.ContainsRune("aeiouyAEIOUY", base) || size == len(d) {
		return false
	}
	for _, m := range d[size:] {
		if !strings.ContainsRune(vietnameseMarks, m) {
			return false
		}
	}
	return true
}

// hasVowel reports whether a lower-case word has a vowel, marked or not.
func hasVowel(w string) bool {
	for _, r := range norm.NFD.String(w) {
		if strings.ContainsRune("aeiouy", r) {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Shapes of a word written without marks.
const (
	shapeOther      = iota // not a Vietnamese syllable: a foreign or minority name
	shapePlain             // a Vietnamese syllable that needs no mark (Lan, Minh, Thi)
	shapeNeedsMarks        // a Vietnamese syllable that exists only with a mark (Nguyen)
)

// Initial consonants and final sounds of Vietnamese syllables, longest
// first.
var (
	initials = []string{"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}
	finals   = []string{"ng", "nh", "ch", "c", "m", "n", "p", "t"}
	// plainNuclei are the vowels (with their glides) a syllable may have
	// without a mark.
	plainNuclei = setOf("a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "ia", "iu", "oa", "oe", "oi", "ua", "ui", "uy",
		"oai", "oay", "oao", "oeo", "uya", "uyu", "uay")
	// markedNuclei are the vowels that Vietnamese writes only with a mark
	// (iê, yê, uô, ươ, uyê, êu, uê, ưu, ưi …), as they read once it is lost.
	markedNuclei = setOf("ie", "ye", "ieu", "yeu", "uo", "uoi", "uou", "uye", "eu", "ue", "uu")
)

func setOf(ss ...string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// syllableShape classifies a lower-case ASCII word.
func syllableShape(w string) int {
	best := shapeOther
	for _, in := range append(initials, "") {
		rest, ok := strings.CutPrefix(w, in)
		if !ok {
			continue
		}
		if in == "gi" && !hasVowel(rest) {
			rest = "i" + rest // gì, gìn: the i is the vowel
		}
		for _, fin := range append(finals, "") {
			nucleus, ok := strings.CutSuffix(rest, fin)
			if !ok || nucleus == "" {
				continue
			}
			switch {
			case plainNuclei[nucleus]:
				return shapePlain
			case markedNuclei[nucleus]:
				best = shapeNeedsMarks
			}
		}
	}
	return best
}
