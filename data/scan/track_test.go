package scan

import (
	"strings"
	"testing"
)

// TestTrackingAddressThroughKeyboards: a receipt whose QR is the
// province's tracking address, as init --tracking-prefix sets it, still
// scans at the counter through Telex and VNI, with the address mangled.
func TestTrackingAddressThroughKeyboards(t *testing.T) {
	code := "000.30.12.H30-270203-1001"
	tests := []struct {
		name, prefix string
		keyboard     func(string) string
	}{
		{"Telex", "https://dichvucong.soctrang.gov.vn/tra-cuu/", telex},
		{"Telex, Caps Lock", "https://dichvucong.soctrang.gov.vn/tra-cuu/", func(s string) string { return telex(swapCase(s)) }},
		{"Telex, with port", "https://motcua.soctrang.gov.vn:8444/tra-cuu/", telex},
		{"VNI", "https://cantho2.gov.vn/tra-cuu/", vni},
		{"VNI, with port", "https://motcua.cantho2.gov.vn:8444/tra-cuu/", vni},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := signFor(t, KindReceipt, tc.prefix, code, testKey)
			if !strings.HasPrefix(p, tc.prefix+"MC1-") {
				t.Fatalf("QR text %q is not the address followed by the payload", p)
			}
			typed := tc.keyboard(p + "\r\n")
			if !hasVietnamese(typed) {
				t.Fatalf("the simulated keyboard left %q unchanged; the test proves nothing", typed)
			}
			r := Parse(typed)
			if r.Kind != KindReceipt || r.Code != code {
				t.Fatalf("Parse(%q) = %+v", typed, r)
			}
			if err := Verify(r, testKeys); err != nil {
				t.Fatalf("Verify: %v", err)
			}
			// The tracking page reads the last part of the address.
			if e := ParseExact(p[len(tc.prefix):]); e.Code != code || Verify(e, testKeys) != nil {
				t.Fatalf("ParseExact = %+v", e)
			}
		})
	}
}

func TestParseExact(t *testing.T) {
	code := "000.30.12.H30-270203-1001"
	p := signFor(t, KindReceipt, "", code, testKey)
	m := signFor(t, KindManifest, "", "BB-H30-1", testKey)
	tests := []struct {
		name, text, kind string
		verifies         bool
	}{
		{"receipt", p, KindReceipt, true},
		{"lower case", strings.ToLower(p), KindReceipt, true},
		{"manifest", m, KindManifest, true},
		{"prefix", "x" + p, KindUnknown, false},
		{"URL prefix", "https://x.vn/tra-cuu/" + p, KindUnknown, false},
		{"suffix", p + "7", KindReceipt, false},
		{"trailing newline", p + "\n", KindReceipt, false},
		{"code changed", strings.Replace(p, "H30", "H31", 1), KindReceipt, false},
		{"bare code", code, KindUnknown, false},
		{"empty", "", KindUnknown, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ParseExact(tc.text)
			if r.Kind != tc.kind {
				t.Fatalf("ParseExact(%q) = %+v, want kind %s", tc.text, r, tc.kind)
			}
			if err := Verify(r, testKeys); (err == nil) != tc.verifies {
				t.Fatalf("Verify = %v, want it to verify: %v", err, tc.verifies)
			}
		})
	}
}

// FuzzParseExact: whatever the tracking page is given, nothing but a text
// we signed, as sign writes it, verifies.
func FuzzParseExact(f *testing.F) {
	genuine := map[string]bool{}
	for _, tc := range signCases {
		p := signFor(f, tc.kind, "", tc.code, testKey)
		genuine[p] = true
		f.Add(p)
		f.Add("x" + p)
		f.Add(strings.ToLower(p))
	}
	f.Fuzz(func(t *testing.T, text string) {
		r := ParseExact(text)
		if Verify(r, testKeys) == nil && !genuine[upperASCII(text)] {
			t.Fatalf("%q verifies but was never signed", text)
		}
	})
}
