package counter

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"motcua/data"
	"motcua/platform"
)

func (d *Desk) keyPath() string { return filepath.Join(d.DataDir, "keys", "workstation.key") }

// EnsureKey makes this workstation's signing key when it has none, keeps
// the private half in the data folder readable by its owner only, and
// records the public half in the store.
func (d *Desk) EnsureKey(ctx context.Context) (ed25519.PrivateKey, error) {
	office, err := d.store.Office(ctx)
	if err != nil {
		return nil, err
	}
	key, err := d.loadKey()
	if errors.Is(err, os.ErrNotExist) {
		key, err = d.createKey()
	} else if err == nil {
		err = errors.Join(platform.PrivateDir(filepath.Dir(d.keyPath())), platform.PrivateFile(d.keyPath()))
	}
	if err != nil {
		return nil, err
	}
	pub := key.Public().(ed25519.PublicKey)
	if err := d.store.AddKey(ctx, data.WorkstationKey{AgencyCode: office.AgencyCode, Workstation: office.Workstation, PublicKey: pub}); err != nil {
		return nil, err
	}
	return key, nil
}

func (d *Desk) loadKey() (ed25519.PrivateKey, error) {
	raw, err := os.ReadFile(d.keyPath())
	if err != nil {
		return nil, err
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		return nil, fmt.Errorf("counter: key %s is not PEM", d.keyPath())
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("counter: key %s: %w", d.keyPath(), err)
	}
	key, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("counter: key %s is not Ed25519", d.keyPath())
	}
	return key, nil
}

func (d *Desk) createKey() (ed25519.PrivateKey, error) {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	if err := platform.PrivateDir(filepath.Dir(d.keyPath())); err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	f, err := os.OpenFile(d.keyPath(), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	werr := pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if err := errors.Join(werr, f.Sync(), f.Close()); err != nil {
		return nil, fmt.Errorf("counter: make key: %w", err)
	}
	return key, nil
}

// officeKey is the office's configuration and this workstation's signing
// key, which a printout with a QR code needs.
func (d *Desk) officeKey(ctx context.Context) (data.Office, ed25519.PrivateKey, error) {
	office, err := d.store.Office(ctx)
	if err != nil {
		return office, nil, err
	}
	key, err := d.EnsureKey(ctx)
	return office, key, err
}
