// Package password hashes officers' passwords with argon2id and a random
// salt per account, as PHC strings
// ($argon2id$v=19$m=65536,t=2,p=2$salt$hash) that carry their own
// parameters: a hash made with older parameters still verifies after
// the defaults change.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// Params are argon2id's costs.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen int
	KeyLen  uint32
}

// Default costs 64 MiB and about a quarter of a second per login
// (BenchmarkHash: 0.28 s on a busy 2-core machine); tests use Fast.
var Default = Params{Memory: 64 * 1024, Time: 2, Threads: 2, SaltLen: 16, KeyLen: 32}

// Fast is for tests only: the same algorithm at the least cost.
var Fast = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

var b64 = base64.RawStdEncoding

// Hash returns the PHC string of pw's argon2id hash under a new salt.
// The password is taken in NFC: Vietnamese typed through another input
// method still matches.
func Hash(pw string, p Params) (string, error) {
	pw = norm.NFC.String(pw)
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrFormat is a hash that is not an argon2id PHC string this package
// can read.
var ErrFormat = errors.New("password: not an argon2id PHC string")

// decoded is a PHC string's parts.
type decoded struct {
	p         Params
	salt, key []byte
}

func decode(phc string) (decoded, error) {
	var d decoded
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return d, ErrFormat
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return d, ErrFormat
	}
	var threads uint32
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &d.p.Memory, &d.p.Time, &threads); err != nil || n != 3 ||
		threads == 0 || threads > 255 || d.p.Time == 0 || d.p.Memory < 8*threads || d.p.Memory > 4<<20 || d.p.Time > 100 {
		return d, ErrFormat
	}
	d.p.Threads = uint8(threads)
	var err error
	if d.salt, err = b64.DecodeString(parts[4]); err != nil || len(d.salt) < 8 {
		return d, ErrFormat
	}
	if d.key, err = b64.DecodeString(parts[5]); err != nil || len(d.key) < 16 || len(d.key) > 128 {
		return d, ErrFormat
	}
	d.p.SaltLen, d.p.KeyLen = len(d.salt), uint32(len(d.key))
	return d, nil
}

// Check reports whether phc is a hash Verify can read.
func Check(phc string) error {
	_, err := decode(phc)
	return err
}

// Verify reports whether pw is the password of the hash, comparing in
// constant time.
func Verify(pw, phc string) (bool, error) {
	d, err := decode(phc)
	if err != nil {
		return false, err
	}
	pw = norm.NFC.String(pw)
	key := argon2.IDKey([]byte(pw), d.salt, d.p.Time, d.p.Memory, d.p.Threads, d.p.KeyLen)
	return subtle.ConstantTimeCompare(key, d.key) == 1, nil
}
