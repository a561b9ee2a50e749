package password

import (
	"strings"
	"testing"
)

func TestHashVerifies(t *testing.T) {
	h, err := Hash("mật khẩu 1", Fast)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Errorf("PHC string %q", h)
	}
	tests := []struct {
		name string
		pw   string
		ok   bool
	}{
		{"the password", "mật khẩu 1", true},
		{"decomposed (NFD), as another input method types it", "ma\u0302\u0323t kha\u0302\u0309u 1", true},
		{"another", "mật khẩu 2", false},
		{"empty", "", false},
		{"one letter off", "mật khẩu1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, err := Verify(tt.pw, h)
			if err != nil || ok != tt.ok {
				t.Errorf("Verify = %v, %v; want %v", ok, err, tt.ok)
			}
		})
	}
	again, _ := Hash("mật khẩu 1", Fast)
	if again == h {
		t.Error("two hashes of one password share their salt")
	}
}

// TestParametersTravelWithTheHash: a hash made with other costs verifies
// by the costs it carries.
func TestParametersTravelWithTheHash(t *testing.T) {
	other := Params{Memory: 128, Time: 2, Threads: 2, SaltLen: 24, KeyLen: 48}
	h, err := Hash("mat-khau-1", other)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h, "$m=128,t=2,p=2$") {
		t.Errorf("PHC string %q", h)
	}
	if ok, err := Verify("mat-khau-1", h); !ok || err != nil {
		t.Errorf("Verify = %v, %v", ok, err)
	}
}

func TestMalformedHashes(t *testing.T) {
	good, _ := Hash("mat-khau-1", Fast)
	parts := strings.Split(good, "$")
	tests := map[string]string{
		"empty":          "",
		"bcrypt":         "$2a$10$abcdefghijklmnopqrstuu5Yy3p6cQbS6j9nCkF2bXo3Z2wP7m7C.",
		"argon2i":        strings.Replace(good, "argon2id", "argon2i", 1),
		"version":        strings.Replace(good, "v=19", "v=16", 1),
		"no threads":     strings.Join(append(append([]string{}, parts[:3]...), "m=64,t=1,p=0", parts[4], parts[5]), "$"),
		"huge memory":    strings.Join(append(append([]string{}, parts[:3]...), "m=99999999,t=1,p=1", parts[4], parts[5]), "$"),
		"short salt":     strings.Join(append(append([]string{}, parts[:4]...), "AAAA", parts[5]), "$"),
		"bad base64 key": strings.Join(append(append([]string{}, parts[:5]...), "!!!"), "$"),
		"missing part":   strings.Join(parts[:5], "$"),
	}
	for name, h := range tests {
		t.Run(name, func(t *testing.T) {
			if Check(h) == nil {
				t.Errorf("%q accepted", h)
			}
			if ok, err := Verify("mat-khau-1", h); ok || err == nil {
				t.Errorf("Verify = %v, %v", ok, err)
			}
		})
	}
	if err := Check(good); err != nil {
		t.Errorf("good hash refused: %v", err)
	}
}

func FuzzCheck(f *testing.F) {
	good, _ := Hash("mat-khau-1", Fast)
	f.Add(good)
	f.Add("$argon2id$v=19$m=64,t=1,p=1$$")
	f.Fuzz(func(t *testing.T, s string) {
		if Check(s) == nil {
			if _, err := Verify("x", s); err != nil {
				t.Errorf("Check accepts %q, Verify does not: %v", s, err)
			}
		}
	})
}

// BenchmarkHash is a login's cost at the default parameters; a counter PC
// should stay well under a second.
func BenchmarkHash(b *testing.B) {
	h, _ := Hash("mat-khau-1", Default)
	for b.Loop() {
		Verify("mat-khau-1", h)
	}
}
