package scan

import (
	"crypto/ed25519"
	"fmt"
	"strings"
	"unicode/utf8"

	"motcua/data"
)

// alphabet is every character our payloads use besides '-' and '.': the
// digits and the consonants other than D and W, in the order of their value
// in base 28. No Vietnamese keyboard rewrites any of them.
const alphabet = "0123456789BCFGHJKLMNPQRSTVXZ"

// sigLen is the length of a signature written in base 28: the fewest digits
// that hold any 512-bit number (28^107 ≥ 2^512 > 28^106).
const sigLen = 107

// maxCodeLen bounds a dossier code or manifest identifier so that a payload
// always fits a QR code printed on a receipt.
const maxCodeLen = 100

// Markers that start a signed payload, and the texts a signature covers
// before the code. A new version of either payload gets a new marker and a
// new domain, never a changed meaning for the old ones.
const (
	receiptMarker  = "MC1-"
	manifestMarker = "BB1-"
	receiptDomain  = "motcua/receipt/v1\n"
	manifestDomain = "motcua/manifest/v1\n"
)

// escapes lists, in order of the digit that follows the escape character Z,
// the letters a code may hold that the safe alphabet lacks.
const escapes = "ADEIOUWYZ"

// digitValue maps a character of alphabet to its value, anything else to -1.
var digitValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := range len(alphabet) {
		t[alphabet[i]] = int8(i)
	}
	return t
}()

// signed describes one kind of signed payload.
type signed struct {
	kind   string
	marker string
	domain string
	noun   string // what the code is called in messages to the officer
}

var (
	receipt  = signed{KindReceipt, receiptMarker, receiptDomain, "Mã hồ sơ"}
	manifest = signed{KindManifest, manifestMarker, manifestDomain, "Số biên bản"}
)

// SignReceipt returns the QR payload for a dossier code: prefix, then
// "MC1-", the escaped code, '-' and the signature in base 28. prefix (may be
// "") is a tracking URL prepended as is; written in upper case it keeps the
// whole payload in the compact alphanumeric mode of QR codes.
func SignReceipt(prefix, code string, key ed25519.PrivateKey) (string, error) {
	return sign(receipt, prefix, code, key)
}

// SignManifest returns the QR payload for a postal manifest identifier, like
// SignReceipt but starting "BB1-".
func SignManifest(prefix, id string, key ed25519.PrivateKey) (string, error) {
	return sign(manifest, prefix, id, key)
}

func sign(s signed, prefix, code string, key ed25519.PrivateKey) (string, error) {
	if len(key) != ed25519.PrivateKeySize {
		return "", fmt.Errorf("scan: sign %s: private key has %d bytes, want %d", s.kind, len(key), ed25519.PrivateKeySize)
	}
	code = data.Clean(code)
	if _, err := escape(s.noun, code); err != nil {
		return "", err
	}
	sig := ed25519.Sign(key, []byte(s.domain+code))
	body, err := s.payload(code, sig)
	if err != nil {
		return "", fmt.Errorf("scan: sign %s: %w", s.kind, err)
	}
	payload := prefix + body

	// The prefix is free text; make sure it cannot hide the payload.
	if r := Parse(payload); r.Kind != s.kind || r.Code != code || string(r.Signature) != string(sig) {
		return "", data.Errorf(data.EInvalid, "Đường dẫn tra cứu %s đặt trước mã QR làm mã không đọc lại được; hãy đổi đường dẫn trong phần cài đặt", quote(prefix))
	}
	return payload, nil
}

// payload writes a signed payload without prefix: marker, escaped code,
// '-', signature in base 28.
func (s signed) payload(code string, sig []byte) (string, error) {
	esc, err := escape(s.noun, code)
	if err != nil {
		return "", err
	}
	if len(sig) != ed25519.SignatureSize {
		return "", fmt.Errorf("signature has %d bytes, want %d", len(sig), ed25519.SignatureSize)
	}
	return s.marker + esc + "-" + encodeSig(sig), nil
}

// escape writes code in the safe alphabet: digits, '-', '.' and the safe
// consonants stay, each of A D E I O U W Y Z becomes Z and one digit.
func escape(noun, code string) (string, error) {
	switch {
	case code == "":
		return "", data.Errorf(data.EInvalid, "%s trống, không tạo được mã QR", noun)
	case utf8.RuneCountInString(code) > maxCodeLen:
		return "", data.Errorf(data.EInvalid, "%s dài %d ký tự, quá giới hạn %d ký tự của mã QR", noun, utf8.RuneCountInString(code), maxCodeLen)
	}
	var b strings.Builder
	b.Grow(len(code) + 8)
	for _, r := range code {
		switch {
		case r < 0x80 && (digitValue[r] >= 0 && r != 'Z' || r == '-' || r == '.'):
			b.WriteRune(r)
		case r < 0x80 && strings.IndexRune(escapes, r) >= 0:
			b.WriteByte('Z')
			b.WriteByte(byte('0' + strings.IndexRune(escapes, r)))
		default:
			return "", data.Errorf(data.EInvalid, "%s %s có ký tự %s không đưa được vào mã QR: chỉ dùng chữ số, chữ cái in hoa không dấu, dấu gạch ngang và dấu chấm", noun, quote(code), quote(string(r)))
		}
	}
	return b.String(), nil
}

// unescape reverses escape. s is upper case.
func unescape(noun, s string) (string, error) {
	switch {
	case s == "":
		return "", data.Errorf(data.EInvalid, "%s trong mã QR bị trống", noun)
	case len(s) > 2*maxCodeLen:
		return "", data.Errorf(data.EInvalid, "%s trong mã QR dài quá giới hạn", noun)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == 'Z':
			if i+1 == len(s) || s[i+1] < '0' || s[i+1] >= '0'+byte(len(escapes)) {
				return "", data.Errorf(data.EInvalid, "%s trong mã QR bị hỏng ở ký tự thứ %d", noun, i+1)
			}
			i++
			b.WriteByte(escapes[s[i]-'0'])
		case digitValue[c] >= 0 || c == '-' || c == '.':
			b.WriteByte(c)
		default:
			return "", data.Errorf(data.EInvalid, "%s trong mã QR có ký tự lạ %s", noun, quote(string(c)))
		}
	}
	if b.Len() > maxCodeLen {
		return "", data.Errorf(data.EInvalid, "%s trong mã QR dài quá giới hạn", noun)
	}
	return b.String(), nil
}

// encodeSig writes a signature as a big-endian number in base 28, sigLen
// digits long.
func encodeSig(sig []byte) string {
	num := append([]byte(nil), sig...)
	out := make([]byte, sigLen)
	for i := sigLen - 1; i >= 0; i-- {
		rem := 0
		for j, b := range num {
			cur := rem<<8 | int(b)
			num[j] = byte(cur / 28)
			rem = cur % 28
		}
		out[i] = alphabet[rem]
	}
	return string(out)
}

// decodeSig reverses encodeSig; s is upper case. The message says what is
// wrong for the officer.
func decodeSig(s string) ([]byte, string) {
	if len(s) != sigLen {
		return nil, fmt.Sprintf("phần chữ ký có %d ký tự, phải có %d", len(s), sigLen)
	}
	num := make([]byte, ed25519.SignatureSize)
	for i := range len(s) {
		d := digitValue[s[i]]
		if d < 0 {
			return nil, fmt.Sprintf("phần chữ ký có ký tự lạ %s ở vị trí %d", quote(s[i:i+1]), i+1)
		}
		carry := int(d)
		for j := len(num) - 1; j >= 0; j-- {
			cur := int(num[j])*28 + carry
			num[j] = byte(cur)
			carry = cur >> 8
		}
		if carry != 0 {
			return nil, "phần chữ ký không phải là một chữ ký hợp lệ"
		}
	}
	return num, ""
}

// Verify checks a receipt or manifest Result against known public keys
// (several while keys are being rotated); nil when one of them verifies.
func Verify(r Result, keys []ed25519.PublicKey) error {
	var s signed
	switch r.Kind {
	case KindReceipt:
		s = receipt
	case KindManifest:
		s = manifest
	default:
		return data.Errorf(data.EInvalid, "Mã vừa quét không phải mã QR biên nhận hay biên bản có chữ ký")
	}
	if len(r.Signature) != ed25519.SignatureSize || r.Code == "" {
		if r.Reason != "" {
			return data.Errorf(data.EInvalid, "Mã QR không hợp lệ: %s", r.Reason)
		}
		return data.Errorf(data.EInvalid, "Mã QR không hợp lệ: thiếu chữ ký")
	}
	msg := []byte(s.domain + r.Code)
	usable := 0
	for _, k := range keys {
		if len(k) != ed25519.PublicKeySize {
			continue
		}
		usable++
		if ed25519.Verify(k, msg, r.Signature) {
			return nil
		}
	}
	if usable == 0 {
		return fmt.Errorf("scan: verify %s: no usable public key among %d", r.Kind, len(keys))
	}
	return data.Errorf(data.EInvalid, "Mã QR không hợp lệ: chữ ký không khớp — có thể bị sửa hoặc giả mạo")
}

// ParseExact reads a text that must be exactly one signed payload, in
// either case, with nothing before or after it: the last part of a
// tracking page's address. Anything else is KindUnknown. Like Parse, it
// does not verify the signature.
func ParseExact(text string) Result {
	up := upperASCII(text)
	var s signed
	switch {
	case strings.HasPrefix(up, receiptMarker):
		s = receipt
	case strings.HasPrefix(up, manifestMarker):
		s = manifest
	default:
		return unknown("Không phải mã QR có chữ ký.")
	}
	r := parsePayload(s, up[len(s.marker):])
	if r.Signature == nil {
		return r
	}
	// One written form only: the one sign writes.
	if body, err := s.payload(r.Code, r.Signature); err != nil || body != up {
		return unknown("Mã QR không đúng dạng.")
	}
	return r
}
