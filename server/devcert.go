package server

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// DevCert is a private certificate authority and a server certificate it
// signed, in PEM, for loopback tests and pilots.
type DevCert struct {
	CA, Cert, Key []byte
}

// Files that WriteDevCert writes.
const (
	DevCAFile   = "ca.pem"         // give it to workstations (--ca)
	DevCertFile = "server.pem"     // --tls-cert
	DevKeyFile  = "server-key.pem" // --tls-key
)

// NewDevCert makes a CA and a server certificate for hosts (names or IP
// addresses) plus localhost, 127.0.0.1 and ::1, valid for a year. The CA's
// private key is not kept: nothing else can be signed with it.
func NewDevCert(hosts []string, now time.Time) (DevCert, error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return DevCert{}, err
	}
	serial := func() *big.Int {
		n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 120))
		return n
	}
	caTmpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: "Một Cửa dev CA", Organization: []string{"Một Cửa (thử nghiệm)"}},
		NotBefore: now.Add(-time.Hour), NotAfter: now.AddDate(1, 0, 0),
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign, BasicConstraintsValid: true, IsCA: true, MaxPathLenZero: true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return DevCert{}, err
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		return DevCert{}, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return DevCert{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial(), Subject: pkix.Name{CommonName: "motcua-server"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.AddDate(1, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else if h != "" {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return DevCert{}, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return DevCert{}, err
	}
	return DevCert{
		CA:   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		Cert: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		Key:  pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}),
	}, nil
}

// WriteDevCert writes a new DevCert into dir.
func WriteDevCert(dir string, hosts []string, now time.Time) error {
	c, err := NewDevCert(hosts, now)
	if err != nil {
		return fmt.Errorf("server: dev cert: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("server: dev cert: %w", err)
	}
	return errors.Join(
		os.WriteFile(filepath.Join(dir, DevCAFile), c.CA, 0o644),
		os.WriteFile(filepath.Join(dir, DevCertFile), c.Cert, 0o644),
		os.WriteFile(filepath.Join(dir, DevKeyFile), c.Key, 0o600),
	)
}
