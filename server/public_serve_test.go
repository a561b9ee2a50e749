package server_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/server"
	"motcua/server/servertest"
)

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestServePublicPages runs the serve command with --public-listen: the
// API and the public pages answer on their own listeners, with the same
// certificate, until the command is stopped.
func TestServePublicPages(t *testing.T) {
	db := servertest.NewDatabase(t)
	dir := t.TempDir()
	if err := server.WriteDevCert(dir, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	cert, key := filepath.Join(dir, server.DevCertFile), filepath.Join(dir, server.DevKeyFile)
	run := func(ctx context.Context, args ...string) (int, string) {
		var out, errOut bytes.Buffer
		code := server.Main(ctx, args, &out, &errOut)
		return code, errOut.String()
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"public certificate without listener", []string{"--public-tls-cert", cert, "--public-tls-key", key}},
		{"public certificate without key", []string{"--public-listen", "127.0.0.1:0", "--public-tls-cert", cert}},
		{"negative rate", []string{"--public-listen", "127.0.0.1:0", "--public-rate", "-1"}},
	} {
		args := append([]string{"serve", "--database", db, "--tls-cert", cert, "--tls-key", key}, tc.args...)
		if code, errOut := run(context.Background(), args...); code != 2 {
			t.Errorf("%s: exit %d %s", tc.name, code, errOut)
		}
	}

	api, public := freePort(t), freePort(t)
	ctx, stop := context.WithCancel(context.Background())
	var (
		wg     sync.WaitGroup
		code   int
		errOut string
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		code, errOut = run(ctx, "serve", "--database", db, "--listen", api, "--tls-cert", cert, "--tls-key", key,
			"--public-listen", public, "--trusted-proxy", "10.0.0.0/8")
	}()
	ca, _ := os.ReadFile(filepath.Join(dir, server.DevCAFile))
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(ca)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}, Timeout: 5 * time.Second}
	get := func(url string) *http.Response {
		for range 100 {
			if resp, err := client.Get(url); err == nil {
				resp.Body.Close()
				return resp
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("%s does not answer", url)
		return nil
	}
	if resp := get("https://" + public + "/tra-cuu"); resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("public form: %d %v", resp.StatusCode, resp.Header)
	}
	if resp := get("https://" + api + "/healthz"); resp.StatusCode != 200 {
		t.Errorf("API: %d", resp.StatusCode)
	}
	if resp := get("https://" + public + "/healthz"); resp.StatusCode != 404 {
		t.Errorf("the API's routes on the public listener: %d", resp.StatusCode)
	}
	if resp := get("https://" + api + "/tra-cuu"); resp.StatusCode != 404 {
		t.Errorf("the public pages on the API's listener: %d", resp.StatusCode)
	}
	// A handshake that fails is logged without the client's address.
	if conn, err := net.Dial("tcp", public); err == nil {
		conn.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
		conn.Close()
	}
	time.Sleep(100 * time.Millisecond)
	stop()
	wg.Wait()
	if code != 0 {
		t.Fatalf("serve: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "public pages listening") {
		t.Errorf("log:\n%s", errOut)
	}
	handshakes := 0
	for _, l := range strings.Split(errOut, "\n") {
		if strings.Contains(l, "handshake error") {
			handshakes++
			if strings.Contains(l, "127.0.0.1") || !strings.Contains(l, "[địa chỉ]") {
				t.Errorf("a client's address in the log: %s", l)
			}
		}
	}
	if handshakes == 0 {
		t.Errorf("the failed handshake is not logged:\n%s", errOut)
	}
}
