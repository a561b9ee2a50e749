// Package province is the workstation's side of the provincial sync: an
// HTTPS client that trusts only the province's certificate authority, the
// enrollment, and a worker that sends the outbox and applies what the
// province sends back, offline for as long as it must.
package province

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"motcua/data"
)

// DefaultTimeout bounds each request.
const DefaultTimeout = 30 * time.Second

// maxResponse bounds what is read of a response.
const maxResponse = 64 << 20

// Client talks to the provincial server.
type Client struct {
	BaseURL string
	Token   string
	HTTP    *http.Client
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
	// Now is the local clock, compared with the server's.
	Now func() time.Time

	mu         sync.Mutex
	skew       time.Duration
	skewKnown  bool
	lastAnswer time.Time
}

// Error is an answer of the server other than success.
type Error struct {
	Status int
	Code   string
	// Message is the server's, for the officer.
	Message string
	// RetryAfter is how long the server asked to wait; 0 when it did not.
	RetryAfter time.Duration
}

func (e *Error) Error() string {
	if e.Message != "" {
		return e.Message
	}
	return fmt.Sprintf("Máy chủ tỉnh trả lời %d %s.", e.Status, http.StatusText(e.Status))
}

// HTTPClient returns an HTTP client that trusts, when caFile is given,
// only the certificate authority in that file; else the system's.
func HTTPClient(caFile string) (*http.Client, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, data.Errorf(data.EInvalid, "Không đọc được tệp chứng chỉ CA %s%s. Hãy kiểm tra đường dẫn tệp (dạng .pem do tỉnh gửi) rồi thử lại.", caFile, data.FileProblem(err))
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, data.Errorf(data.EInvalid, "Tệp %s không chứa chứng chỉ CA nào (cần dạng PEM).", caFile)
		}
		cfg.RootCAs = pool
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = cfg
	tr.MaxIdleConnsPerHost = 4
	return &http.Client{Transport: tr}, nil
}

// NewClient returns a client for an enrolled workstation.
func NewClient(s data.SyncSettings) (*Client, error) {
	if !s.Enrolled() {
		return nil, data.Errorf(data.ENotFound, "Máy trạm chưa đăng ký với máy chủ tỉnh: hãy chạy motcua enroll --server URL --code MÃ.")
	}
	hc, err := HTTPClient(s.CAFile)
	if err != nil {
		return nil, err
	}
	return &Client{BaseURL: s.ServerURL, Token: s.Token, HTTP: hc}, nil
}

// CheckURL accepts only https:// server addresses.
func CheckURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return "", data.Errorf(data.EInvalid, "Địa chỉ máy chủ %q phải có dạng https://tên-máy[:cổng].", raw)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// ClockSkew is the server's clock minus this PC's, as last measured.
func (c *Client) ClockSkew() (time.Duration, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.skew, c.skewKnown
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// do sends a request with a JSON body (nil for none) and decodes a 2xx
// JSON answer into out.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	timeout := c.Timeout
	if timeout == 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("province: %s %s: %w", method, path, err)
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, body)
	if err != nil {
		return fmt.Errorf("province: %s %s: %w", method, path, err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	sent := c.now()
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("province: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	c.measure(resp.Header.Get("Date"), sent)
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return fmt.Errorf("province: %s %s: read answer: %w", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		e := &Error{Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), c.now())}
		var eb struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		if json.Unmarshal(raw, &eb) == nil {
			e.Code, e.Message = eb.Error.Code, eb.Error.Message
		}
		return e
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("province: %s %s: answer is not the expected JSON: %w", method, path, err)
	}
	return nil
}

// measure compares the server's Date header with the middle of the
// request; the header has whole seconds, enough to warn of minutes.
func (c *Client) measure(date string, sent time.Time) {
	server, err := http.ParseTime(date)
	if err != nil {
		return
	}
	now := c.now()
	local := sent.Add(now.Sub(sent) / 2)
	c.mu.Lock()
	c.skew, c.skewKnown, c.lastAnswer = server.Sub(local).Truncate(time.Second), true, now
	c.mu.Unlock()
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if n, err := strconv.Atoi(h); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// Enroll exchanges a one-time code for the workstation's token.
func (c *Client) Enroll(ctx context.Context, req data.EnrollRequest) (data.EnrollResponse, error) {
	var resp data.EnrollResponse
	err := c.do(ctx, http.MethodPost, "/v1/enroll", req, &resp)
	if err == nil && resp.Token == "" {
		err = errors.New("province: enroll: the server gave no token")
	}
	return resp, err
}

// Push sends a batch of changes and returns the server's result for each.
func (c *Client) Push(ctx context.Context, changes []data.OutboxChange) ([]data.ChangeResult, error) {
	var resp data.PushResponse
	if err := c.do(ctx, http.MethodPost, "/v1/changes", data.PushRequest{Changes: changes}, &resp); err != nil {
		return nil, err
	}
	if len(resp.Results) != len(changes) {
		return nil, fmt.Errorf("province: push: %d results for %d changes", len(resp.Results), len(changes))
	}
	for i, r := range resp.Results {
		if r.Key != changes[i].Key {
			return nil, fmt.Errorf("province: push: result %d is for key %q, not %q", i, r.Key, changes[i].Key)
		}
	}
	return resp.Results, nil
}

// Pull returns the page of the office's feed after the cursor.
func (c *Client) Pull(ctx context.Context, after int64, limit int) (data.PullPage, error) {
	var page data.PullPage
	err := c.do(ctx, http.MethodGet, fmt.Sprintf("/v1/changes?after=%d&limit=%d", after, limit), nil, &page)
	return page, err
}

// PushAuditHead sends the head of this workstation's audit trail; the
// province accepts it or refuses it with the reason (a finding).
func (c *Client) PushAuditHead(ctx context.Context, h data.AuditHeadRecord) (data.ChangeResult, error) {
	var r data.ChangeResult
	err := c.do(ctx, http.MethodPost, "/v1/audit-head", h, &r)
	return r, err
}

// AuditHead returns the head of this workstation's audit trail that the
// province holds; the zero head when it holds none.
func (c *Client) AuditHead(ctx context.Context) (data.AuditHead, error) {
	var h data.AuditHead
	err := c.do(ctx, http.MethodGet, "/v1/audit-head", nil, &h)
	return h, err
}
