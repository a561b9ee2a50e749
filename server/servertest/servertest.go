// Package servertest starts the provincial server for tests: a fresh
// PostgreSQL database of its own on the cluster that the test script
// started (MOTCUA_TEST_DATABASE_URL), and the real handler over HTTPS with
// a certificate from a private CA.
package servertest

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"motcua/server"
)

// DatabaseURL returns the test cluster's URL. Without one the test is
// skipped, or fails when MOTCUA_GUI_TEST says the full suite is running.
func DatabaseURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("MOTCUA_TEST_DATABASE_URL")
	if u == "" {
		if os.Getenv("MOTCUA_GUI_TEST") != "" {
			t.Fatal("MOTCUA_TEST_DATABASE_URL is not set: run the tests with scripts/test, which starts PostgreSQL")
		}
		t.Skip("no PostgreSQL: set MOTCUA_TEST_DATABASE_URL (scripts/test does)")
	}
	return u
}

// NewDatabase creates an empty database with a unique name, dropped when
// the test ends, and returns its URL.
func NewDatabase(t testing.TB) string {
	t.Helper()
	base := DatabaseURL(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to the test cluster: %v", err)
	}
	defer conn.Close(ctx)
	var b [6]byte
	rand.Read(b[:])
	name := "motcua_test_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Server is a running provincial server.
type Server struct {
	URL         string // https://127.0.0.1:PORT
	DatabaseURL string
	CAFile      string // the CA workstations must trust
	Store       *server.Store
	// DB is a pool for the test's own checks.
	DB   *pgxpool.Pool
	HTTP *httptest.Server
	Log  *slog.Logger
}

// Options change how Start serves.
type Options struct {
	// Wrap, when set, wraps the real handler, e.g. to inject faults.
	Wrap func(http.Handler) http.Handler
	// Log receives the server's JSON logs; nil discards them.
	Log io.Writer
	// DatabaseURL, when set, is the database to serve, kept after the
	// test (a benchmark's large one); else a new one is made and dropped.
	DatabaseURL string
}

// Start runs the server over a new database until the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	ctx := context.Background()
	dbURL := opts.DatabaseURL
	if dbURL == "" {
		dbURL = NewDatabase(t)
	}
	store, err := server.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	w := opts.Log
	if w == nil {
		w = io.Discard
	}
	log := slog.New(slog.NewJSONHandler(w, nil))
	var h http.Handler = (&server.API{Store: store, Log: log}).Handler()
	if opts.Wrap != nil {
		h = opts.Wrap(h)
	}
	cert, err := server.NewDevCert(nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	pair, err := tls.X509KeyPair(cert.Cert, cert.Key)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewUnstartedServer(h)
	hs.TLS = &tls.Config{Certificates: []tls.Certificate{pair}}
	hs.StartTLS()
	t.Cleanup(hs.Close)
	ca := filepath.Join(t.TempDir(), server.DevCAFile)
	if err := os.WriteFile(ca, cert.CA, 0o644); err != nil {
		t.Fatal(err)
	}
	return &Server{URL: hs.URL, DatabaseURL: dbURL, CAFile: ca, Store: store, DB: pool, HTTP: hs, Log: log}
}

// Count returns the result of a SELECT COUNT(*) … query.
func (s *Server) Count(t testing.TB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// Strings returns the first column of a query's rows.
func (s *Server) Strings(t testing.TB, query string, args ...any) []string {
	t.Helper()
	rows, _ := s.DB.Query(context.Background(), query, args...)
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}

// Enrollment returns a fresh one-time code for a workstation.
func (s *Server) Enrollment(t testing.TB, agency string, workstation int) string {
	t.Helper()
	code, err := s.Store.NewEnrollment(context.Background(), agency, workstation, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// Public is the server's public pages running over HTTPS.
type Public struct {
	URL    string // https://127.0.0.1:PORT
	Pages  *server.Public
	HTTP   *httptest.Server
	Client *http.Client // trusts the pages' certificate, follows no redirect
	CAFile string
}

// StartPublic serves the public pages over the server's store until the
// test ends, on a listener and certificate of their own.
func (s *Server) StartPublic(t testing.TB, opts server.PublicOptions) *Public {
	t.Helper()
	pages, err := server.NewPublic(context.Background(), s.Store, s.Log, opts)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := server.NewDevCert(nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	pair, err := tls.X509KeyPair(cert.Cert, cert.Key)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewUnstartedServer(pages.Handler())
	hs.TLS = &tls.Config{Certificates: []tls.Certificate{pair}}
	hs.StartTLS()
	t.Cleanup(hs.Close)
	ca := filepath.Join(t.TempDir(), server.DevCAFile)
	if err := os.WriteFile(ca, cert.CA, 0o644); err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(cert.CA)
	client := &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Timeout:       30 * time.Second,
	}
	t.Cleanup(client.CloseIdleConnections)
	return &Public{URL: hs.URL, Pages: pages, HTTP: hs, Client: client, CAFile: ca}
}
