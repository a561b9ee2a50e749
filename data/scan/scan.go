// Package scan makes safe what a USB keyboard-wedge scanner types.
//
// Such a scanner types through the active keyboard layout, so a Vietnamese
// input method (Unikey, EVKey; Telex or VNI) rewrites what it types: Telex
// turns dd into đ, aa into â, w into ư and s f r x j after a vowel into tone
// marks; VNI turns digits after a vowel into marks. The payloads this
// package makes use only digits, the consonants other than D and W, '-' and
// '.', which no input method touches, and Parse finds them inside whatever
// arrived, in either case, behind a mangled URL prefix. Other scanned texts
// (ID card QR, postal item numbers, dossier codes) are recognised and
// checked; anything else comes back with plain advice for the officer.
package scan

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Kinds of scanned text.
const (
	KindReceipt    = "receipt"     // our signed dossier receipt QR
	KindManifest   = "manifest"    // our signed postal manifest QR
	KindIDCard     = "id-card"     // citizen ID card (CCCD) QR
	KindPostalItem = "postal-item" // UPU S10 postal item number
	KindCode       = "code"        // a dossier code typed or scanned without signature
	KindUnknown    = "unknown"
)

// KeyboardAdvice ends every message about a scan that could not be read.
const KeyboardAdvice = "Hãy tắt bộ gõ tiếng Việt (Unikey/EVKey): bấm vào biểu tượng chữ V ở góc phải thanh tác vụ cho thành chữ E (chế độ gõ tiếng Anh) hoặc bấm phím tắt của bộ gõ (thường là Ctrl+Shift), rồi quét lại."

// Result is what Parse found.
//
// Kind says what the text looks like. When it is a known kind but the text
// is damaged, Reason says why and the part that would be used is left
// empty: Signature nil for a receipt or manifest, IDCard nil for an ID card,
// Code "" for a postal item.
type Result struct {
	Kind      string
	Code      string // dossier code (receipt, code), manifest id (manifest), S10 number (postal-item), ID number (id-card)
	Signature []byte // receipt/manifest
	IDCard    *IDCard
	// Doubts are what looks garbled in an ID card scan (see Doubts): the
	// card may parse and still have lost its Vietnamese letters.
	Doubts []Doubt
	Reason string // Vietnamese: why Kind is unknown, or what was odd
}

// Parse finds a payload in whatever a scanner typed. It tolerates lower
// case, white space and control characters around the text (a trailing
// Enter), and a tracking-URL prefix of any shape before a signed payload.
// It recognises, in this order, a signed receipt or manifest, an ID card
// QR, an S10 postal item number and a bare dossier code
// (<agency code>-<YYMMDD>-<NNNN>). Parse never verifies signatures: call
// Verify.
func Parse(text string) Result {
	s := trim(text)
	if s == "" {
		return unknown("Không nhận được ký tự nào từ máy quét. " + KeyboardAdvice)
	}
	up := upperASCII(s)
	if r, ok := parseSigned(up); ok {
		return r
	}
	if r, ok := parseIDCardScan(s); ok {
		return r
	}
	if r, ok := parsePostalItem(up); ok {
		return r
	}
	if isDossierCode(up) {
		return Result{Kind: KindCode, Code: up}
	}
	if hasVietnamese(s) {
		return unknown("Mã vừa quét bị bộ gõ tiếng Việt đổi thành chữ có dấu nên không đọc được. " + KeyboardAdvice)
	}
	return unknown("Không nhận ra mã vừa quét. " + KeyboardAdvice)
}

func unknown(reason string) Result {
	return Result{Kind: KindUnknown, Reason: reason}
}

// trim drops white space, control characters and byte-order marks around
// s, and replaces invalid UTF-8.
func trim(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF'
	})
}

// upperASCII upper-cases ASCII letters only, so that no other character
// can turn into one of ours (strings.ToUpper maps ſ to S).
func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// parseSigned looks for a signed payload at the end of up. A candidate
// starts with a marker and runs to the end of the text in ASCII letters,
// digits, '-' and '.'; the earliest that parses wins, else the earliest
// candidate is reported as damaged.
func parseSigned(up string) (Result, bool) {
	start := len(up)
	for start > 0 && payloadChar(up[start-1]) {
		start--
	}
	// No payload is longer than maxPayload: candidates that start earlier
	// are damaged, and only the first of them needs parsing.
	const maxPayload = len(receiptMarker) + 2*maxCodeLen + 1 + sigLen
	var first Result
	found := false
	for i := start; i+len(receiptMarker) <= len(up); i++ {
		var s signed
		switch {
		case strings.HasPrefix(up[i:], receiptMarker):
			s = receipt
		case strings.HasPrefix(up[i:], manifestMarker):
			s = manifest
		default:
			continue
		}
		if found && len(up)-i > maxPayload {
			continue
		}
		r := parsePayload(s, up[i+len(s.marker):])
		if r.Signature != nil {
			return r, true
		}
		if !found {
			first, found = r, true
		}
	}
	return first, found
}

func payloadChar(c byte) bool {
	return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.'
}

// parsePayload parses "<escaped code>-<signature>", the part after the
// marker.
func parsePayload(s signed, rest string) Result {
	r := Result{Kind: s.kind}
	what := "Mã QR biên nhận"
	if s.kind == KindManifest {
		what = "Mã QR biên bản"
	}
	cut := strings.LastIndexByte(rest, '-')
	if cut < 0 {
		r.Reason = what + " bị đọc thiếu: không có phần chữ ký. Hãy quét lại."
		return r
	}
	code, err := unescape(s.noun, rest[:cut])
	if err != nil {
		r.Reason = what + " bị hỏng: " + lowerFirst(err.Error()) + ". Hãy quét lại."
		return r
	}
	r.Code = code
	sig, msg := decodeSig(rest[cut+1:])
	if sig == nil {
		r.Reason = what + " bị hỏng hoặc đọc thiếu: " + msg + ". Hãy quét lại; nếu vẫn lỗi, " + lowerFirst(KeyboardAdvice)
		return r
	}
	r.Signature = sig
	return r
}

// parseIDCardScan recognises an ID card QR: pipe-separated fields, the
// first 12 digits.
func parseIDCardScan(s string) (Result, bool) {
	number, _, ok := strings.Cut(s, "|")
	if !ok {
		return Result{}, false
	}
	number = strings.TrimSpace(number)
	if len(number) != 12 || !allDigits(number) {
		return Result{}, false
	}
	r := Result{Kind: KindIDCard, Code: number, Doubts: Doubts(s)}
	card, err := ParseIDCard(s)
	if err != nil {
		r.Reason = err.Error()
		return r, true
	}
	r.IDCard = &card
	return r, true
}

// parsePostalItem recognises the shape of an S10 number, two letters, nine
// digits, two letters, and checks it.
func parsePostalItem(up string) (Result, bool) {
	if len(up) != 13 || !letters(up[:2]) || !allDigits(up[2:11]) || !letters(up[11:]) {
		return Result{}, false
	}
	if _, err := CheckS10(up); err != nil {
		return Result{Kind: KindPostalItem, Reason: err.Error() + ". Hãy quét lại hoặc nhập tay số in trên phiếu."}, true
	}
	return Result{Kind: KindPostalItem, Code: up}, true
}

// dossierCode is the shape of a dossier code (Circular 01/2018, Art. 19):
// agency code of dot-separated groups, date, sequence number.
var dossierCode = regexp.MustCompile(`^[0-9A-Z]+(?:\.[0-9A-Z]+)*-([0-9]{6})-[0-9]{4}$`)

func isDossierCode(up string) bool {
	m := dossierCode.FindStringSubmatch(up)
	if m == nil || len(up) > maxCodeLen {
		return false
	}
	_, err := time.Parse("060102", m[1])
	return err == nil
}

// hasVietnamese reports whether s holds a letter outside ASCII, the sign of
// a Vietnamese input method at work.
func hasVietnamese(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func letters(s string) bool {
	for i := range len(s) {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// quote puts s between quotation marks for a message to the officer, cut
// to 40 characters, with control characters shown as �.
func quote(s string) string {
	const limit = 40
	var b strings.Builder
	b.WriteString("“")
	n := 0
	for _, r := range s {
		if n == limit {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		n++
	}
	b.WriteString("”")
	return b.String()
}

// lowerFirst lower-cases the first letter of a message that continues a
// sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
