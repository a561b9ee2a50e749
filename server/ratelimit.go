package server

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limiter allows each key (a client address, a dossier code) a steady
// rate of events with bursts. Keys idle long enough to be full again are
// forgotten, so memory stays bounded by the number of recent keys.
type Limiter struct {
	Every time.Duration // one event per Every, on average
	Burst int

	mu    sync.Mutex
	keys  map[string]*visitor
	swept time.Time
}

type visitor struct {
	lim  *rate.Limiter
	last time.Time
}

// NewLimiter allows burst events at once and one per every after that.
func NewLimiter(every time.Duration, burst int) *Limiter {
	return &Limiter{Every: every, Burst: burst}
}

// Allow reports whether key may have one more event at now.
func (l *Limiter) Allow(key string, now time.Time) bool {
	if l == nil || l.Every <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.keys == nil {
		l.keys = map[string]*visitor{}
	}
	// A key idle for Burst periods has its whole burst back: forget it.
	idle := l.Every * time.Duration(max(l.Burst, 1))
	if now.Sub(l.swept) > idle {
		for k, v := range l.keys {
			if now.Sub(v.last) > idle {
				delete(l.keys, k)
			}
		}
		l.swept = now
	}
	v, ok := l.keys[key]
	if !ok {
		v = &visitor{lim: rate.NewLimiter(rate.Every(l.Every), max(l.Burst, 1))}
		l.keys[key] = v
	}
	v.last = now
	return v.lim.AllowN(now, 1)
}

// Has reports whether key may have one more event at now, without
// spending it: a check made before work whose failure alone counts.
func (l *Limiter) Has(key string, now time.Time) bool {
	if l == nil || l.Every <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.keys[key]
	return !ok || v.lim.TokensAt(now) >= 1
}

// Len is the number of keys remembered.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.keys)
}

// ClientAddr finds who sent a request: the connection's address, or,
// when that is a trusted reverse proxy, the last address in
// X-Forwarded-For that is not one of the trusted proxies. An address that
// is not trusted never chooses its own identity through that header.
type ClientAddr struct {
	Trusted []netip.Prefix
}

func (c ClientAddr) trusted(a netip.Addr) bool {
	for _, p := range c.Trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Of returns the client's address, or an invalid Addr when the
// connection's address cannot be read.
func (c ClientAddr) Of(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	addr = addr.Unmap()
	if !c.trusted(addr) {
		return addr
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return addr // a malformed hop: trust nothing further left
		}
		hop = hop.Unmap()
		if !c.trusted(hop) {
			return hop
		}
		addr = hop
	}
	return addr
}

// Key is the rate-limit key of a client: its IPv4 address, or the /64
// network of an IPv6 one (one subscriber holds a whole /64).
func (c ClientAddr) Key(r *http.Request) string {
	a := c.Of(r)
	if !a.IsValid() {
		return "?"
	}
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// ParsePrefixes reads addresses or CIDR networks, such as "10.0.0.5" or
// "10.0.0.0/8".
func ParsePrefixes(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			a, err := netip.ParseAddr(s)
			if err != nil {
				return nil, err
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, err
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
