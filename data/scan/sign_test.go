package scan

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"motcua/data"
)

var (
	testKey  = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	oldKey   = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, ed25519.SeedSize))
	testKeys = []ed25519.PublicKey{oldKey.Public().(ed25519.PublicKey), testKey.Public().(ed25519.PublicKey)}
)

var signCases = []struct {
	name, kind, prefix, code string
}{
	{"receipt", KindReceipt, "", "000.30.12.H30-261126-1001"},
	{"receipt with vowel in agency code", KindReceipt, "", "000.A0.01.H26-210212-9090"},
	{"receipt with every escaped letter", KindReceipt, "", "ADEIOUWYZ-Z0-Z8-Z9"},
	{"receipt holding the marker", KindReceipt, "", "MC1-BB1-000.30.12.H30-261126-1001"},
	{"receipt behind tracking URL", KindReceipt, "https://motcua.example.vn/tra-cuu?ma=", "000.30.12.H30-261126-1001"},
	{"receipt behind upper-case URL", KindReceipt, "HTTPS://MOTCUA.EXAMPLE.VN/R/", "000.30.12.H30-261126-1002"},
	{"receipt behind URL ending in a letter", KindReceipt, "https://x.vn/r/ma", "000.30.12.H30-261126-1003"},
	{"manifest", KindManifest, "", "BB-000.30.12.H30-20261126-01"},
	{"manifest behind URL", KindManifest, "https://motcua.example.vn/bien-ban/", "H30-2026-0042"},
	{"manifest starting with its marker", KindManifest, "", "BB1-7"},
	{"single character", KindReceipt, "", "7"},
	{"longest code", KindReceipt, "", strings.Repeat("Y", maxCodeLen)},
}

func signFor(t testing.TB, kind, prefix, code string, key ed25519.PrivateKey) string {
	t.Helper()
	sign := SignReceipt
	if kind == KindManifest {
		sign = SignManifest
	}
	p, err := sign(prefix, code, key)
	if err != nil {
		t.Fatalf("sign %s %q: %v", kind, code, err)
	}
	return p
}

func TestSignParseVerify(t *testing.T) {
	for _, tc := range signCases {
		t.Run(tc.name, func(t *testing.T) {
			p := signFor(t, tc.kind, tc.prefix, tc.code, testKey)
			if !strings.HasPrefix(p, tc.prefix) {
				t.Fatalf("payload %q does not start with prefix %q", p, tc.prefix)
			}
			body := p[len(tc.prefix):]
			for _, c := range []byte(body) {
				if !strings.ContainsRune(alphabet+"-.", rune(c)) {
					t.Fatalf("payload %q holds unsafe character %q", body, c)
				}
			}
			for _, variant := range []struct{ name, text string }{
				{"as printed", p},
				{"with Enter", p + "\r\n"},
				{"with spaces", "  " + p + " \n"},
				{"lower case", strings.ToLower(p)},
				{"Caps Lock", swapCase(p) + "\r"},
			} {
				r := Parse(variant.text)
				if r.Kind != tc.kind || r.Code != tc.code || len(r.Signature) != ed25519.SignatureSize || r.Reason != "" {
					t.Fatalf("%s: Parse(%q) = %+v, want %s %q with a signature", variant.name, variant.text, r, tc.kind, tc.code)
				}
				if err := Verify(r, testKeys); err != nil {
					t.Fatalf("%s: Verify: %v", variant.name, err)
				}
			}
		})
	}
}

func TestSignRefuses(t *testing.T) {
	tests := []struct {
		name, prefix, code string
		key                ed25519.PrivateKey
		code_              string // wanted data error code, "" for an internal error
	}{
		{"empty code", "", "  ", testKey, data.EInvalid},
		{"lower-case letter", "", "000.30.12.h30-261126-1001", testKey, data.EInvalid},
		{"Vietnamese letter", "", "HỒ-SƠ-1", testKey, data.EInvalid},
		{"inner space", "", "000.30.12.H30 261126-1001", testKey, data.EInvalid},
		{"slash", "", "H30/1", testKey, data.EInvalid},
		{"too long", "", strings.Repeat("1", maxCodeLen+1), testKey, data.EInvalid},
		{"prefix hiding the payload", "MC1-", "000.30.12.H30-261126-1001", testKey, data.EInvalid},
		{"short key", "", "000.30.12.H30-261126-1001", testKey[:32], ""},
		{"no key", "", "000.30.12.H30-261126-1001", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := SignReceipt(tc.prefix, tc.code, tc.key)
			if err == nil {
				t.Fatalf("SignReceipt(%q, %q) = %q, want an error", tc.prefix, tc.code, p)
			}
			var de *data.Error
			switch {
			case tc.code_ == "" && errors.As(err, &de):
				t.Fatalf("got domain error %v, want an internal error", err)
			case tc.code_ != "" && data.ErrorCode(err) != tc.code_:
				t.Fatalf("got %v (code %q), want code %q", err, data.ErrorCode(err), tc.code_)
			}
		})
	}
}

// TestVerifyRejectsEveryChange changes, inserts and deletes each character
// of signed payloads: none of the results may verify.
func TestVerifyRejectsEveryChange(t *testing.T) {
	replacements := alphabet + "-.ADEIOUWY?đ "
	for _, tc := range signCases[:3] {
		t.Run(tc.name, func(t *testing.T) {
			p := signFor(t, tc.kind, "", tc.code, testKey)
			try := func(what, text string) {
				if err := Verify(Parse(text), testKeys); err == nil {
					t.Fatalf("%s: %q verifies", what, text)
				} else if data.ErrorCode(err) != data.EInvalid {
					t.Fatalf("%s: %q: got %v, want an EInvalid error", what, text, err)
				}
			}
			for i := range len(p) {
				for _, c := range replacements {
					if string(c) != p[i:i+1] {
						try("change", p[:i]+string(c)+p[i+1:])
					}
				}
				try("delete", p[:i]+p[i+1:])
				if i > 0 { // a character before the marker is a prefix
					try("insert", p[:i]+"7"+p[i:])
				}
			}
		})
	}
}

// TestVerifyRejectsChangedCode keeps a genuine signature but changes one
// character of the code it is attached to.
func TestVerifyRejectsChangedCode(t *testing.T) {
	code := "000.A0.01.H26-210212-9090"
	r := Parse(signFor(t, KindReceipt, "", code, testKey))
	chars := "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-."
	for i := range len(code) {
		for _, c := range chars {
			changed := code[:i] + string(c) + code[i+1:]
			if changed == code {
				continue
			}
			text, err := receipt.payload(changed, r.Signature)
			if err != nil {
				t.Fatal(err)
			}
			got := Parse(text)
			if got.Code != changed {
				t.Fatalf("Parse(%q).Code = %q, want %q", text, got.Code, changed)
			}
			if err := Verify(got, testKeys); err == nil {
				t.Fatalf("code %q verifies with the signature of %q", changed, code)
			}
		}
	}
	// A receipt signature does not make a manifest, nor the other way round.
	m := r
	m.Kind = KindManifest
	if err := Verify(m, testKeys); err == nil {
		t.Fatal("receipt signature verifies as a manifest")
	}
}

func TestVerify(t *testing.T) {
	good := Parse(signFor(t, KindReceipt, "", "000.30.12.H30-261126-1001", testKey))
	byOld := Parse(signFor(t, KindReceipt, "", "000.30.12.H30-261126-1001", oldKey))
	tests := []struct {
		name     string
		r        Result
		keys     []ed25519.PublicKey
		wantCode string // "" verifies, "internal" for a configuration fault
		wantMsg  string
	}{
		{"current key", good, testKeys, "", ""},
		{"rotated-out key still listed", byOld, testKeys, "", ""},
		{"unknown key", good, testKeys[:1], data.EInvalid, "chữ ký không khớp"},
		{"malformed key skipped", good, []ed25519.PublicKey{{1, 2, 3}, testKeys[1]}, "", ""},
		{"no keys", good, nil, data.EInternal, ""},
		{"only malformed keys", good, []ed25519.PublicKey{{1, 2, 3}}, data.EInternal, ""},
		{"not a signed kind", Result{Kind: KindCode, Code: "000.30.12.H30-261126-1001"}, testKeys, data.EInvalid, "không phải mã QR"},
		{"damaged signature", Parse("MC1-000.30.12.H30-261126-1001-BCF"), testKeys, data.EInvalid, "phần chữ ký có 3 ký tự"},
		{"short signature", Result{Kind: KindReceipt, Code: "7", Signature: []byte{1}}, testKeys, data.EInvalid, "thiếu chữ ký"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Verify(tc.r, tc.keys)
			if got := data.ErrorCode(err); got != tc.wantCode {
				t.Fatalf("Verify = %v (code %q), want code %q", err, got, tc.wantCode)
			}
			if !strings.Contains(data.ErrorMessage(err), tc.wantMsg) {
				t.Fatalf("Verify = %q, want it to say %q", data.ErrorMessage(err), tc.wantMsg)
			}
		})
	}
}

// TestSigLen checks that sigLen is the fewest base-28 digits for 512 bits.
func TestSigLen(t *testing.T) {
	limit := new(big.Int).Lsh(big.NewInt(1), 8*ed25519.SignatureSize)
	pow := func(n int) *big.Int { return new(big.Int).Exp(big.NewInt(28), big.NewInt(int64(n)), nil) }
	if pow(sigLen).Cmp(limit) < 0 || pow(sigLen-1).Cmp(limit) >= 0 {
		t.Fatalf("sigLen %d is not the fewest base-28 digits holding 2^512", sigLen)
	}
	if len(alphabet) != 28 || strings.ContainsAny(alphabet, "AEIOUYDW") {
		t.Fatalf("alphabet %q must be 28 characters without vowels, D or W", alphabet)
	}
}

// TestSigEncoding compares the base-28 writing with math/big.
func TestSigEncoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sigs := [][]byte{make([]byte, 64), bytes.Repeat([]byte{0xff}, 64)}
	for range 200 {
		sig := make([]byte, 64)
		for i := range sig {
			sig[i] = byte(rng.UintN(256))
		}
		sigs = append(sigs, sig)
	}
	const bigDigits = "0123456789abcdefghijklmnopqr"
	for _, sig := range sigs {
		got := encodeSig(sig)
		want := new(big.Int).SetBytes(sig).Text(28)
		want = strings.Repeat("0", sigLen-len(want)) + want
		want = strings.Map(func(r rune) rune { return rune(alphabet[strings.IndexRune(bigDigits, r)]) }, want)
		if got != want {
			t.Fatalf("encodeSig(%x) = %s, want %s", sig, got, want)
		}
		back, msg := decodeSig(got)
		if !bytes.Equal(back, sig) {
			t.Fatalf("decodeSig(%s) = %x (%s), want %x", got, back, msg, sig)
		}
	}
	if sig, msg := decodeSig(strings.Repeat("Z", sigLen)); sig != nil || msg == "" {
		t.Fatalf("decodeSig of 28^107-1 = %x, want an overflow", sig)
	}
}

// TestPayloadSurvivesKeyboards types signed payloads through simulated
// Telex and VNI input methods: they must arrive unchanged.
func TestPayloadSurvivesKeyboards(t *testing.T) {
	for _, tc := range signCases {
		p := signFor(t, tc.kind, "", tc.code, testKey)
		for _, text := range []string{p, strings.ToLower(p)} {
			if got := telex(text); got != text {
				t.Errorf("%s: Telex changed %q into %q", tc.name, text, got)
			}
			if got := vni(text); got != text {
				t.Errorf("%s: VNI changed %q into %q", tc.name, text, got)
			}
		}
	}
}

// TestParseBehindMangledPrefix types a tracking URL and payload through the
// input methods: the URL is mangled, the payload still parses and verifies.
func TestParseBehindMangledPrefix(t *testing.T) {
	tests := []struct {
		name, prefix string
		keyboard     func(string) string
	}{
		{"Telex", "https://www.tracuu.dichvucong.example.vn/hoso?madd=", telex},
		{"Telex, word runs into the payload", "https://tra-cuus.example/ma", telex},
		{"Telex, Caps Lock", "HTTPS://WWW.TRACUUS.EXAMPLE.VN/HOSO/", func(s string) string { return telex(swapCase(s)) }},
		{"VNI", "https://tra-cuu1.example.vn/ho-so6/", vni},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code := "000.30.12.H30-261126-1001"
			p := signFor(t, KindReceipt, tc.prefix, code, testKey)
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
		})
	}
}

func TestTelexSimulation(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dduwowngf", "đường"},
		{"tieesng vieejt", "tiếng việt"},
		{"tra-cuus", "tra-cúu"},
		{"www", "ưưư"},
		{"MC1-BCF", "MC1-BCF"},
	}
	for _, tc := range tests {
		if got := telex(tc.in); got != tc.want {
			t.Errorf("telex(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
