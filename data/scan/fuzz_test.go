package scan

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"motcua/data"
)

// FuzzParse feeds Parse anything: it must not panic, every kind must keep
// its promises, a signed Result must write back to the text it came from,
// and nothing but what we signed may verify.
func FuzzParse(f *testing.F) {
	genuine := map[string]bool{} // signed payloads without prefix
	for _, tc := range signCases {
		p := signFor(f, tc.kind, tc.prefix, tc.code, testKey)
		genuine[p[len(tc.prefix):]] = true
		f.Add(p)
		f.Add(telex(strings.ToLower(p)) + "\r\n")
	}
	for _, tc := range parseCases {
		f.Add(tc.text)
	}
	for _, tc := range idCardCases {
		f.Add(tc.text)
	}
	for _, tc := range s10Cases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := Parse(text)
		up := upperASCII(trim(text))
		switch r.Kind {
		case KindReceipt, KindManifest:
			if r.Signature == nil {
				if r.Reason == "" {
					t.Fatalf("damaged %s without a reason", r.Kind)
				}
				break
			}
			s := receipt
			if r.Kind == KindManifest {
				s = manifest
			}
			p, err := s.payload(r.Code, r.Signature)
			if err != nil {
				t.Fatalf("parsed %s %q does not write back: %v", r.Kind, r.Code, err)
			}
			if !strings.HasSuffix(up, p) {
				t.Fatalf("Parse(%q) = %s %q, which writes back as %q", text, r.Kind, r.Code, p)
			}
			if err := Verify(r, testKeys); err == nil && !genuine[p] {
				t.Fatalf("%q verifies but was never signed", p)
			}
		case KindIDCard:
			if r.IDCard == nil && r.Reason == "" || r.IDCard != nil && r.IDCard.Number != r.Code {
				t.Fatalf("Parse(%q) = %+v", text, r)
			}
		case KindPostalItem:
			if r.Code == "" && r.Reason == "" {
				t.Fatalf("bad postal item without a reason")
			}
			if r.Code != "" {
				if got, err := CheckS10(r.Code); err != nil || got != r.Code {
					t.Fatalf("postal item %q does not check: %v", r.Code, err)
				}
			}
		case KindCode:
			if r.Code != up || !isDossierCode(r.Code) {
				t.Fatalf("Parse(%q) = code %q", text, r.Code)
			}
		case KindUnknown:
			if !strings.Contains(r.Reason, "Unikey/EVKey") {
				t.Fatalf("unknown scan %q without keyboard advice: %q", text, r.Reason)
			}
		default:
			t.Fatalf("Parse(%q) returned kind %q", text, r.Kind)
		}
		if r.Kind != KindReceipt && r.Kind != KindManifest && Verify(r, testKeys) == nil {
			t.Fatalf("a %s verifies", r.Kind)
		}
	})
}

// FuzzParseIDCard: no panic, errors are domain errors, and a card that
// parses holds valid NFC text and a number that checks.
func FuzzParseIDCard(f *testing.F) {
	for _, tc := range idCardCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c, err := ParseIDCard(text)
		if err != nil {
			var de *data.Error
			if !errors.As(err, &de) || de.Code != data.EInvalid {
				t.Fatalf("ParseIDCard(%q): %v is not an EInvalid *data.Error", text, err)
			}
			return
		}
		if err := CheckIDNumber(c.Number, c.BirthDate); err != nil {
			t.Fatalf("ParseIDCard(%q) accepted number %q: %v", text, c.Number, err)
		}
		if c.Name == "" {
			t.Fatalf("ParseIDCard(%q) accepted an empty name", text)
		}
		for _, s := range []string{c.OldNumber, c.Name, c.Gender, c.Address} {
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) || strings.Contains(s, "|") {
				t.Fatalf("ParseIDCard(%q) gave field %q", text, s)
			}
		}
	})
}

// FuzzCheckS10: no panic, errors are domain errors, an accepted number is
// canonical and checks again.
func FuzzCheckS10(f *testing.F) {
	for _, tc := range s10Cases {
		f.Add(tc.in)
	}
	for _, tc := range s10DigitCases {
		f.Add("RR" + tc.digits + "5VN")
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := CheckS10(s)
		if err != nil {
			if data.ErrorCode(err) != data.EInvalid {
				t.Fatalf("CheckS10(%q): %v", s, err)
			}
			return
		}
		d, err := S10CheckDigit(got[2:10])
		if err != nil || len(got) != 13 || int(got[10]-'0') != d || got != strings.ToUpper(got) {
			t.Fatalf("CheckS10(%q) = %q", s, got)
		}
		if again, err := CheckS10(got); err != nil || again != got {
			t.Fatalf("CheckS10(%q) = %q, %v", got, again, err)
		}
		if r := Parse(got); r.Kind != KindPostalItem || r.Code != got {
			t.Fatalf("Parse(%q) = %+v", got, r)
		}
	})
}

// BenchmarkParseVerify measures one receipt scan behind a mangled prefix,
// verified against two keys. Target: under 0.5 ms per scan on an office PC
// (the officer scans a few a minute; Ed25519 verification dominates).
func BenchmarkParseVerify(b *testing.B) {
	p := signFor(b, KindReceipt, "https://tracuu.example.vn/hoso?ma=", "000.30.12.H30-261126-1001", testKey)
	typed := telex(p) + "\r\n"
	keys := []ed25519.PublicKey{testKeys[0], testKeys[1]}
	b.ReportAllocs()
	for b.Loop() {
		r := Parse(typed)
		if err := Verify(r, keys); err != nil {
			b.Fatal(err)
		}
	}
}
