package data

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s in NFC with surrounding space trimmed and inner runs of
// white space folded to one space. Every text that enters the store, a QR
// code or a printout passes through it: decomposed Vietnamese prints with
// misplaced accents and does not match in searches.
func Clean(s string) string {
	s = norm.NFC.String(s)
	if tidy(s) {
		return s // most texts: no copy (a register cleans hundreds of thousands)
	}
	return strings.Join(strings.Fields(s), " ")
}

// tidy reports whether s is words separated by single spaces, as Clean
// leaves a text.
func tidy(s string) bool {
	space := true // before the first word
	for _, r := range s {
		switch {
		case r == ' ':
			if space {
				return false
			}
			space = true
		case unicode.IsSpace(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// Fold returns s lower-cased with Vietnamese diacritics removed and đ
// written d, for searching by words typed without accents.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Longest texts a dossier may carry, in characters: enough for any real
// name, address or paper, short enough for the forms and the province.
const (
	MaxNameLen          = 100
	MaxAddressLen       = 300
	MaxEmailLen         = 254  // RFC 5321
	MaxDocumentNameLen  = 3000 // the province's catalogue names papers in up to 2,211
	MaxDocuments        = 100
	MaxProcedureNameLen = 1000
	MaxNoteLen          = 2000
)

// CheckText says, in Vietnamese and naming the field by label, what makes
// a cleaned text unfit to store, print or send to the province: control
// characters (NUL among them), bidirectional overrides and isolates that
// make a printed name read otherwise than it is stored, a value made only
// of invisible characters, or more than max characters. It returns "" for
// a fit text, the empty one included.
func CheckText(label, s string, max int) string {
	if s == "" {
		return ""
	}
	if !utf8.ValidString(s) {
		return label + " không phải chữ Unicode hợp lệ"
	}
	visible := false
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			return fmt.Sprintf("%s có ký tự điều khiển không in được (U+%04X)", label, r)
		case isBidiControl(r):
			return fmt.Sprintf("%s có ký tự đảo chiều chữ (U+%04X), có thể làm chữ in ra khác chữ đã lưu", label, r)
		case !isInvisible(r):
			visible = true
		}
	}
	if !visible {
		return label + " chỉ có ký tự không nhìn thấy"
	}
	if n := utf8.RuneCountInString(s); n > max {
		return fmt.Sprintf("%s dài quá %d ký tự (đang có %d)", label, max, n)
	}
	return ""
}

// isBidiControl reports the embedding, override and isolate controls
// (U+202A–U+202E, U+2066–U+2069).
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// isInvisible reports characters that print as nothing: white space,
// format characters (zero-width space and joiners, word joiner, BOM,
// soft hyphen) and the Hangul fillers.
func isInvisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0
}
