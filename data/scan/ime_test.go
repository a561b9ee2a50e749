package scan

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Simulated Vietnamese input methods, close enough to Unikey/EVKey to show
// what a keyboard-wedge scanner delivers while one of them is on.

// Combining tone marks.
const (
	sac   = '\u0301'
	huyen = '\u0300'
	hoi   = '\u0309'
	nga   = '\u0303'
	nang  = '\u0323'
)

// ime holds the word being typed; tones are kept as combining marks after
// their vowel and composed at the end.
type ime struct {
	out       []rune
	wordStart int
}

func isVowel(r rune) bool {
	return strings.ContainsRune("aăâeêioôơuưy", unicode.ToLower(r))
}

func isTone(r rune) bool {
	return strings.ContainsRune(string([]rune{sac, huyen, hoi, nga, nang}), r)
}

// last returns the index of the last letter of the word, or -1.
func (m *ime) last() int {
	for i := len(m.out) - 1; i >= m.wordStart; i-- {
		if !isTone(m.out[i]) {
			return i
		}
	}
	return -1
}

// replaceLast changes the last letter of the word, when it is the i-th
// letter of from (ASCII), to the i-th rune of to in the same case; reports
// whether it did.
func (m *ime) replaceLast(from, to string) bool {
	i := m.last()
	if i < 0 {
		return false
	}
	j := strings.IndexRune(from, unicode.ToLower(m.out[i]))
	if j < 0 {
		return false
	}
	r := []rune(to)[j]
	if unicode.IsUpper(m.out[i]) {
		r = unicode.ToUpper(r)
	}
	m.out[i] = r
	return true
}

// tone puts a tone mark on the word's vowel roughly the way the input
// methods do: in the last run of vowels, on the last vowel with a hat,
// horn or breve, else on the first of two vowels that end the word, else
// on the last vowel.
func (m *ime) tone(mark rune) bool {
	var run []int // the last run of vowels
	broken := false
	for i := m.wordStart; i < len(m.out); i++ {
		switch r := m.out[i]; {
		case isTone(r):
		case isVowel(r):
			if broken {
				run, broken = nil, false
			}
			run = append(run, i)
		default:
			broken = true
		}
	}
	if len(run) == 0 {
		return false
	}
	at := run[len(run)-1]
	if len(run) >= 2 && at == m.last() {
		at = run[len(run)-2]
	}
	for _, i := range run {
		if strings.ContainsRune("ăâêôơư", unicode.ToLower(m.out[i])) {
			at = i
		}
	}
	if at+1 < len(m.out) && isTone(m.out[at+1]) {
		m.out[at+1] = mark
		return true
	}
	m.out = append(m.out[:at+1], append([]rune{mark}, m.out[at+1:]...)...)
	return true
}

func (m *ime) literal(r rune, inWord bool) {
	m.out = append(m.out, r)
	if !inWord {
		m.wordStart = len(m.out)
	}
}

func (m *ime) String() string { return norm.NFC.String(string(m.out)) }

// telex types s through Telex: dd→đ, aa→â, ee→ê, oo→ô, aw→ă, ow→ơ, uw or a
// lone w→ư, and s f r x j after a vowel of the word become tone marks.
func telex(s string) string {
	var m ime
	for _, r := range s {
		if !unicode.IsLetter(r) {
			m.literal(r, false)
			continue
		}
		done := false
		switch lr := unicode.ToLower(r); lr {
		case 'd':
			done = m.replaceLast("d", "đ")
		case 'a':
			done = m.replaceLast("a", "â")
		case 'e':
			done = m.replaceLast("e", "ê")
		case 'o':
			done = m.replaceLast("o", "ô")
		case 'w':
			if done = m.replaceLast("aou", "ăơư"); !done {
				upper := r != lr
				r = 'ư' // a lone w
				if upper {
					r = 'Ư'
				}
			}
		case 's':
			done = m.tone(sac)
		case 'f':
			done = m.tone(huyen)
		case 'r':
			done = m.tone(hoi)
		case 'x':
			done = m.tone(nga)
		case 'j':
			done = m.tone(nang)
		}
		if !done {
			m.literal(r, true)
		}
	}
	return m.String()
}

// vni types s through VNI: after a vowel of the word 1–5 are tones, 6 a
// circumflex, 7 a horn, 8 a breve; 9 after d makes đ.
func vni(s string) string {
	var m ime
	for _, r := range s {
		done := false
		switch r {
		case '1', '2', '3', '4', '5':
			done = m.tone([]rune{sac, huyen, hoi, nga, nang}[r-'1'])
		case '6':
			done = m.replaceLast("aeo", "âêô")
		case '7':
			done = m.replaceLast("ou", "ơư")
		case '8':
			done = m.replaceLast("a", "ă")
		case '9':
			done = m.replaceLast("d", "đ")
		}
		if !done {
			m.literal(r, unicode.IsLetter(r))
		}
	}
	return m.String()
}

// swapCase inverts the case of every letter, as Caps Lock does to a
// scanner's keystrokes.
func swapCase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}
