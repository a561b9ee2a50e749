package server

import (
	"context"
	"flag"
	"io"
	"log"
	"log/slog"
	"net/http"
	"regexp"
	"time"
)

// publicServe holds the serve command's flags for the public pages.
type publicServe struct {
	listen, cert, key string
	trusted           []string
	perMinute         int
}

func publicFlags(fs *flag.FlagSet) *publicServe {
	p := &publicServe{}
	fs.StringVar(&p.listen, "public-listen", "", "")
	fs.StringVar(&p.cert, "public-tls-cert", "", "")
	fs.StringVar(&p.key, "public-tls-key", "", "")
	fs.Func("trusted-proxy", "", func(s string) error { p.trusted = append(p.trusted, s); return nil })
	fs.IntVar(&p.perMinute, "public-rate", DefaultPublicOptions.PerMinute, "")
	return p
}

// check completes the flags: the public pages use the API's certificate
// unless given their own.
func (p *publicServe) check(cert, key string) error {
	if p.listen == "" {
		if p.cert != "" || p.key != "" || len(p.trusted) > 0 {
			return usageError("--public-tls-cert, --public-tls-key và --trusted-proxy chỉ dùng cùng --public-listen.")
		}
		return nil
	}
	if (p.cert == "") != (p.key == "") {
		return usageError("Cần cả --public-tls-cert và --public-tls-key, hoặc bỏ cả hai để dùng chứng chỉ của --tls-cert.")
	}
	if p.cert == "" {
		p.cert, p.key = cert, key
	}
	if p.perMinute < 0 {
		return usageError("--public-rate phải là số lượt mỗi phút, 0 để tắt giới hạn.")
	}
	return nil
}

// server returns the public pages' HTTP server, nil without
// --public-listen.
func (p *publicServe) server(ctx context.Context, store *Store, lg *slog.Logger) (*http.Server, error) {
	if p.listen == "" {
		return nil, nil
	}
	opts := DefaultPublicOptions
	opts.Trusted, opts.PerMinute = p.trusted, p.perMinute
	pub, err := NewPublic(ctx, store, lg, opts)
	if err != nil {
		return nil, err
	}
	return &http.Server{
		Addr:              p.listen,
		Handler:           pub.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          log.New(redactAddrs{slog.NewLogLogger(lg.Handler(), slog.LevelWarn).Writer()}, "", 0),
	}, nil
}

// addrPattern matches IPv4 and IPv6 addresses with an optional port, as
// net/http writes them in "TLS handshake error from …".
var addrPattern = regexp.MustCompile(`\[?[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+\]?(:\d+)?|\d{1,3}(\.\d{1,3}){3}(:\d+)?`)

// redactAddrs keeps citizens' addresses out of the server's own error
// log.
type redactAddrs struct{ w io.Writer }

func (r redactAddrs) Write(b []byte) (int, error) {
	if _, err := r.w.Write(addrPattern.ReplaceAll(b, []byte("[địa chỉ]"))); err != nil {
		return 0, err
	}
	return len(b), nil
}
