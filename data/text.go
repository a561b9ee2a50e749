package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s in NFC with surrounding space trimmed and inner runs of
// white space folded to one space. Every text that enters the store, a QR
// code or a printout passes through it: decomposed Vietnamese prints with
// misplaced accents and does not match in searches.
func Clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
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
