package server_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/scan"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

const (
	officeName = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH"
	agencyName = "Phòng Tư pháp thành phố Cần Thơ"
)

// han is an applicant with every kind of personal data the page must not
// show.
var han = data.ApplicantRecord{Name: "Trần Thị Ngọc Hân", IDNumber: "094302004567", BirthDate: "2002-04-09",
	Phone: "0912345678", Email: "ngochan.tran@example.vn", Address: "Số 12 đường Trần Hưng Đạo, phường Vị Thanh"}

// personal lists what of han (and of the officer) no public page may hold.
var personal = []string{han.Name, han.IDNumber, han.Phone, han.Email, han.Address, "Trần Hưng Đạo", "0912", "ngochan",
	"Trần Văn Bình", "2002"}

// syncBuffer collects logs written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// office is workstation 1 of an enrolled office, whose key signs
// receipts, and the public pages of the same server.
type office struct {
	*station
	key  ed25519.PrivateKey
	pub  *servertest.Public
	logs *syncBuffer
	seq  int
}

func startPublic(t *testing.T, opts server.PublicOptions) *office {
	t.Helper()
	logs := &syncBuffer{}
	srv := servertest.Start(t, servertest.Options{Log: logs})
	pubKey, key, _ := ed25519.GenerateKey(rand.Reader)
	hc, err := province.HTTPClient(srv.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	s := &station{t: t, srv: srv, http: hc, agency: agency, number: 1}
	var resp data.EnrollResponse
	if status, body := s.do("POST", "/v1/enroll", data.EnrollRequest{Code: srv.Enrollment(t, agency, 1), AgencyCode: agency,
		Workstation: 1, PublicKey: pubKey, OfficeName: officeName, Place: "Vị Thanh"}, &resp); status != 200 {
		t.Fatalf("enroll: %d %s", status, body)
	}
	s.token = resp.Token
	return &office{station: s, key: key, pub: srv.StartPublic(t, opts), logs: logs}
}

// take pushes a new dossier of a and returns its code.
func (o *office) take(a data.ApplicantRecord) string {
	o.t.Helper()
	o.seq++
	code := data.DossierCode(agency, at, 1000+o.seq)
	rec := data.DossierRecord{Code: code, ProcedureCode: "1.004837", ProcedureName: "Thủ tục đăng ký giám hộ",
		Applicant: a, Documents: []data.DocumentRecord{{Name: "Tờ khai", Originals: 1}}, Sets: 1, Channel: "counter",
		ReturnMethod: "counter", ReceivedAt: at.Format(time.RFC3339), WorkingDays: 8, DueDate: "2027-02-15",
		Status: data.StatusReceived, Book: 2027, RegisterNo: o.seq, Officer: "Trần Văn Bình", Workstation: 1}
	raw, _ := json.Marshal(rec)
	res := o.push(data.OutboxChange{Key: "take-" + code, Kind: data.ChangeDossierCreated, Subject: code, Payload: raw, CreatedAt: at})
	if res[0].Result != data.ResultApplied {
		o.t.Fatalf("push %s: %+v", code, res)
	}
	return code
}

// finish has a processing agency make the result and the counter return it.
func (o *office) finish(code string) {
	o.t.Helper()
	if err := o.srv.Store.SetStatus(context.Background(), code, data.StatusResultReady, agencyName, "Đã ký quyết định"); err != nil {
		o.t.Fatal(err)
	}
	returned := statusChange("return-"+code, code, data.StatusResultReady, data.StatusReturned)
	returned.CreatedAt = at.AddDate(0, 0, 9)
	if res := o.push(returned); res[0].Result != data.ResultApplied {
		o.t.Fatalf("return %s: %+v", code, res)
	}
}

func (o *office) sign(code string) string {
	o.t.Helper()
	p, err := scan.SignReceipt("", code, o.key)
	if err != nil {
		o.t.Fatal(err)
	}
	return p
}

type page struct {
	status int
	header http.Header
	body   string
}

func (o *office) get(path string) page {
	o.t.Helper()
	return o.send(httpRequest(o.t, "GET", o.pub.URL+path, nil))
}

// post sends a form as a browser on the page's own origin would.
func (o *office) post(path string, form url.Values, headers ...string) page {
	o.t.Helper()
	req := httpRequest(o.t, "POST", o.pub.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", o.pub.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] == "" {
			req.Header.Del(headers[i])
		} else {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	return o.send(req)
}

func httpRequest(t *testing.T, method, u string, body io.Reader) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func (o *office) send(req *http.Request) page {
	o.t.Helper()
	resp, err := o.pub.Client.Do(req)
	if err != nil {
		o.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return page{resp.StatusCode, resp.Header, string(raw)}
}

// text is what a reader sees of a page: its HTML without tags, entities
// decoded.
func (p page) text() string {
	s := regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>`).ReplaceAllString(p.body, " ")
	s = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func (p page) has(t *testing.T, what string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(p.text(), w) {
			t.Errorf("%s: page lacks %q\n%s", what, w, p.text())
		}
	}
}

func (p page) hasNot(t *testing.T, what string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(p.body, w) {
			t.Errorf("%s: the HTML holds %q", what, w)
		}
	}
}

// token is the rating form's hidden token on a page, "" without a form.
func (p page) token() string {
	m := regexp.MustCompile(`name="token" value="([^"]+)"`).FindStringSubmatch(p.body)
	if m == nil {
		return ""
	}
	return m[1]
}

func TestPublicPageShowsDossier(t *testing.T) {
	o := startPublic(t, server.PublicOptions{})
	code := o.take(han)
	path := "/tra-cuu/" + o.sign(code)

	p := o.get(path)
	if p.status != 200 {
		t.Fatalf("genuine receipt: %d\n%s", p.status, p.text())
	}
	p.has(t, "received", officeName, "Vị Thanh", "Thủ tục đăng ký giám hộ", code, "T. T. N. Hân", "Đã tiếp nhận",
		"09:00, 03/02/2027", "15/02/2027", "Tiếp nhận hồ sơ")
	p.hasNot(t, "received", personal...)
	if p.token() != "" || strings.Contains(p.body, "<form") {
		t.Error("a dossier not returned offers a rating form")
	}
	wantHeaders := map[string]string{
		"Content-Security-Policy": server.ContentSecurityPolicy,
		"Referrer-Policy":         "no-referrer",
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Cache-Control":           "no-store",
		"Content-Type":            "text/html; charset=utf-8",
	}
	for h, v := range wantHeaders {
		if got := p.header.Get(h); got != v {
			t.Errorf("%s: %q, want %q", h, got, v)
		}
	}
	for _, part := range []string{"default-src 'none'", "style-src 'sha256-", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"} {
		if !strings.Contains(server.ContentSecurityPolicy, part) {
			t.Errorf("CSP lacks %q", part)
		}
	}
	if strings.Contains(p.body, "<script") || strings.Contains(p.body, " style=") {
		t.Error("the page has a script or an inline style attribute the CSP would block")
	}

	// The agency's decision shows under its name, the return under the office's.
	o.finish(code)
	p = o.get(path)
	p.has(t, "returned", "Đã trả kết quả", "Có kết quả giải quyết", agencyName, "Trả kết quả", "12/02/2027")
	p.hasNot(t, "returned", personal...)
	p.hasNot(t, "returned", "Đã ký quyết định") // notes may name people: never shown
	if p.token() == "" {
		t.Error("a returned dossier offers no rating form")
	}
}

func TestPublicPageRefusesForgeries(t *testing.T) {
	o := startPublic(t, server.PublicOptions{})
	code := o.take(han)
	genuine := o.sign(code)
	_, stranger, _ := ed25519.GenerateKey(rand.Reader)
	signedBy := func(key ed25519.PrivateKey, code string) string {
		p, err := scan.SignReceipt("", code, key)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	flip := func(s string, i int) string {
		c := byte('7')
		if s[i] == '7' {
			c = '8'
		}
		return s[:i] + string(c) + s[i+1:]
	}
	manifest, _ := scan.SignManifest("", "BB-"+code, o.key)
	tests := []struct{ name, payload string }{
		{"signature changed", flip(genuine, len(genuine)-5)},
		{"code changed", flip(genuine, len("MC1-000.30.12.H30-27020"))},
		{"signed by another key", signedBy(stranger, code)},
		{"genuine key, dossier never sent", o.sign(data.DossierCode(agency, at, 1999))},
		{"office unknown to the province", signedBy(o.key, data.DossierCode("000.30.99.H30", at, 1001))},
		{"manifest", manifest},
		{"junk before the payload", "X" + genuine},
		{"junk after the payload", genuine + "7"},
		{"truncated", genuine[:len(genuine)-1]},
		{"bare code", code},
		{"garbage", "xin-chao"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := o.get("/tra-cuu/" + tc.payload)
			if p.status != 404 {
				t.Fatalf("status %d, want 404", p.status)
			}
			p.has(t, tc.name, "Mã không đúng hoặc không tìm thấy hồ sơ")
			p.hasNot(t, tc.name, append([]string{officeName, code, "T. T. N. Hân", "Thủ tục", "Tình trạng"}, personal...)...)
			if p.header.Get("Content-Security-Policy") != server.ContentSecurityPolicy {
				t.Error("the 404 page lacks the CSP")
			}
		})
	}
	if p := o.get("/tra-cuu/" + strings.ToLower(genuine)); p.status != 200 {
		t.Errorf("the genuine payload in lower case: %d", p.status)
	}
	if p := o.get("/khong-co"); p.status != 404 {
		t.Errorf("an unknown path: %d", p.status)
	}
	if p := o.get("/"); p.status != 303 || p.header.Get("Location") != "/tra-cuu" {
		t.Errorf("/ answers %d %q", p.status, p.header.Get("Location"))
	}
}

// TestPublicPageEscapesHTML: whatever a workstation sent is shown as text.
func TestPublicPageEscapesHTML(t *testing.T) {
	o := startPublic(t, server.PublicOptions{})
	evil := han
	evil.Name = `Lê Văn <script>alert("x")</script>`
	code := o.take(evil)
	if err := o.srv.Store.SetStatus(context.Background(), code, data.StatusTransferred, `<img src=x onerror=alert(1)>`, ""); err != nil {
		t.Fatal(err)
	}
	p := o.get("/tra-cuu/" + o.sign(code))
	if p.status != 200 {
		t.Fatalf("status %d", p.status)
	}
	p.hasNot(t, "escaping", "<script>", "<img")
	p.has(t, "escaping", `L. V. <script>alert("x")</script>`, `<img src=x onerror=alert(1)>`)
	if !strings.Contains(p.body, "&lt;script&gt;") {
		t.Error("the name is not escaped as text")
	}
}

func TestPublicLookupByCode(t *testing.T) {
	o := startPublic(t, server.PublicOptions{FailuresPerCode: 3})
	code := o.take(han)
	other := o.take(han)
	form := o.get("/tra-cuu")
	if form.status != 200 || !strings.Contains(form.body, `name="so"`) {
		t.Fatalf("form: %d", form.status)
	}
	unknown := o.post("/tra-cuu", url.Values{"ma": {data.DossierCode(agency, at, 1999)}, "so": {"4567"}})
	tests := []struct {
		name, code, last4 string
		status            int
		want              string
	}{
		{"right pair", code, "4567", 200, "T. T. N. Hân"},
		{"code typed in lower case with spaces", "  " + strings.ToLower(code) + " ", "4567", 200, code},
		{"wrong digits", code, "4568", 404, "Mã không đúng"},
		{"digits of the whole ID", code, han.IDNumber, 400, "4 chữ số"},
		{"letters", code, "45a7", 400, "4 chữ số"},
		{"malformed code", "HS-123", "4567", 400, "không đúng dạng"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := o.post("/tra-cuu", url.Values{"ma": {tc.code}, "so": {tc.last4}})
			if p.status != tc.status {
				t.Fatalf("status %d, want %d\n%s", p.status, tc.status, p.text())
			}
			p.has(t, tc.name, tc.want)
			p.hasNot(t, tc.name, personal...)
			if tc.status == 404 && p.body != unknown.body {
				t.Error("a wrong number is told apart from an unknown code")
			}
		})
	}
	// One wrong try was made above; two more and the code is closed for
	// a while, even to the right digits; other codes are not.
	o.post("/tra-cuu", url.Values{"ma": {code}, "so": {"0000"}})
	o.post("/tra-cuu", url.Values{"ma": {code}, "so": {"0001"}})
	if p := o.post("/tra-cuu", url.Values{"ma": {code}, "so": {"4567"}}); p.status != 429 {
		t.Errorf("after 3 wrong tries: %d", p.status)
	}
	if p := o.post("/tra-cuu", url.Values{"ma": {other}, "so": {"4567"}}); p.status != 200 {
		t.Errorf("another code: %d", p.status)
	}
}

func TestPublicRating(t *testing.T) {
	o := startPublic(t, server.PublicOptions{})
	code := o.take(han)
	path := "/tra-cuu/" + o.sign(code)
	if p := o.get(path); p.token() != "" {
		t.Fatal("rating offered before the result")
	}
	o.finish(code)
	token := o.get(path).token()
	if token == "" {
		t.Fatal("no rating form once returned")
	}
	other := o.take(han)
	o.finish(other)
	otherToken := o.get("/tra-cuu/" + o.sign(other)).token()

	rating := func(level, comment string) url.Values {
		return url.Values{"ma": {code}, "token": {token}, "muc": {level}, "gop_y": {comment}}
	}
	refused := []struct {
		name    string
		form    url.Values
		headers []string
		status  int
		want    string
	}{
		{"no level", rating("", "Tốt"), nil, 400, "Hãy chọn một mức"},
		{"unknown level", rating("tuyet-voi", ""), nil, 400, "Hãy chọn một mức"},
		{"comment too long", rating("satisfied", strings.Repeat("á", 501)), nil, 400, "tối đa 500"},
		{"control character", rating("satisfied", "Tốt\x1b[31m"), nil, 400, "ký tự điều khiển"},
		{"forged token", url.Values{"ma": {code}, "token": {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}, "muc": {"satisfied"}}, nil, 403, "hết hạn"},
		{"token of another dossier", url.Values{"ma": {code}, "token": {otherToken}, "muc": {"satisfied"}}, nil, 403, "hết hạn"},
		{"posted by another site", rating("unsatisfied", ""), []string{"Sec-Fetch-Site", "cross-site"}, 403, "Không nhận"},
		{"old browser, other origin", rating("unsatisfied", ""), []string{"Sec-Fetch-Site", "", "Origin", "https://evil.example"}, 403, "Không nhận"},
		{"body too large", rating("satisfied", strings.Repeat("x", server.MaxPublicBody)), nil, 413, "quá dài"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			p := o.post("/tra-cuu/danh-gia", tc.form, tc.headers...)
			if p.status != tc.status {
				t.Fatalf("status %d, want %d\n%s", p.status, tc.status, p.text())
			}
			p.has(t, tc.name, tc.want)
			if n := o.srv.Count(t, `SELECT COUNT(*) FROM rating`); n != 0 {
				t.Fatalf("%d ratings stored", n)
			}
		})
	}

	comment := "Cán bộ  hướng dẫn\r\nrất tận tình"
	p := o.post("/tra-cuu/danh-gia", rating("very-satisfied", comment))
	if p.status != 200 {
		t.Fatalf("rating: %d\n%s", p.status, p.text())
	}
	p.has(t, "rated", "Cảm ơn ông/bà đã đánh giá", "Ông/bà đã đánh giá: Rất hài lòng")
	if p.token() != "" {
		t.Error("the form is still offered after the rating")
	}
	got := o.srv.Strings(t, `SELECT level || '|' || comment FROM rating WHERE dossier_code = $1`, code)
	if len(got) != 1 || got[0] != "very-satisfied|Cán bộ hướng dẫn rất tận tình" {
		t.Errorf("stored %v", got)
	}
	feed := o.srv.Strings(t, `SELECT payload::text FROM feed WHERE kind = $1 AND workstation_id IS NULL`, data.ChangeDossierRated)
	if len(feed) != 1 || !strings.Contains(feed[0], `"level": "very-satisfied"`) {
		t.Errorf("feed %v", feed)
	}

	p = o.post("/tra-cuu/danh-gia", rating("unsatisfied", "đổi ý"))
	if p.status != 200 {
		t.Fatalf("second rating: %d", p.status)
	}
	p.has(t, "second", "đã được đánh giá", "Rất hài lòng")
	if got := o.srv.Strings(t, `SELECT level FROM rating WHERE dossier_code = $1`, code); len(got) != 1 || got[0] != "very-satisfied" {
		t.Errorf("after a second rating: %v", got)
	}
	if n := o.srv.Count(t, `SELECT COUNT(*) FROM feed WHERE kind = $1`, data.ChangeDossierRated); n != 1 {
		t.Errorf("%d rating changes in the feed", n)
	}

	// The workstation's pull brings the rating.
	var page data.PullPage
	if status, body := o.do("GET", "/v1/changes?after=0", nil, &page); status != 200 {
		t.Fatalf("pull: %d %s", status, body)
	}
	var rated []data.RemoteChange
	for _, c := range page.Changes {
		if c.Kind == data.ChangeDossierRated {
			rated = append(rated, c)
		}
	}
	if len(rated) != 1 || rated[0].Subject != code || rated[0].Workstation != 0 {
		t.Errorf("pulled ratings %+v", rated)
	}
}

func TestPublicRatingTokenExpires(t *testing.T) {
	o := startPublic(t, server.PublicOptions{})
	code := o.take(han)
	o.finish(code)
	now := time.Now()
	o.pub.Pages.Now = func() time.Time { return now }
	token := o.get("/tra-cuu/" + o.sign(code)).token()
	o.pub.Pages.Now = func() time.Time { return now.Add(2*time.Hour + time.Minute) }
	if p := o.post("/tra-cuu/danh-gia", url.Values{"ma": {code}, "token": {token}, "muc": {"satisfied"}}); p.status != 403 {
		t.Errorf("a token 2 hours old: %d", p.status)
	}
	o.pub.Pages.Now = func() time.Time { return now.Add(time.Hour) }
	if p := o.post("/tra-cuu/danh-gia", url.Values{"ma": {code}, "token": {token}, "muc": {"satisfied"}}); p.status != 200 {
		t.Errorf("a token an hour old: %d", p.status)
	}
}

func TestPublicRateLimits(t *testing.T) {
	o := startPublic(t, server.PublicOptions{PerMinute: 1, Burst: 3, Trusted: []string{"127.0.0.1"}})
	from := func(addr string) page {
		req := httpRequest(t, "GET", o.pub.URL+"/tra-cuu", nil)
		if addr != "" {
			req.Header.Set("X-Forwarded-For", addr)
		}
		return o.send(req)
	}
	for i := range 3 {
		if p := from("203.0.113.7"); p.status != 200 {
			t.Fatalf("request %d: %d", i+1, p.status)
		}
	}
	p := from("203.0.113.7")
	if p.status != 429 || p.header.Get("Retry-After") == "" {
		t.Fatalf("fourth request: %d, Retry-After %q", p.status, p.header.Get("Retry-After"))
	}
	p.has(t, "429", "Quá nhiều lượt tra cứu")
	if p := from("203.0.113.8"); p.status != 200 {
		t.Errorf("another client behind the proxy: %d", p.status)
	}
	if p := from("198.51.100.1, 203.0.113.7"); p.status != 429 {
		t.Errorf("a client naming another address before its own: %d", p.status)
	}
}

// logTime is the time field of a JSON log line.
var logTime = regexp.MustCompile(`"time":"[^"]*",?`)

func TestPublicLogsNameNobody(t *testing.T) {
	o := startPublic(t, server.PublicOptions{})
	code := o.take(han)
	o.finish(code)
	payload := o.sign(code)
	token := o.get("/tra-cuu/" + payload).token()
	o.get("/tra-cuu/" + payload + "7")
	o.post("/tra-cuu", url.Values{"ma": {code}, "so": {"4567"}})
	o.post("/tra-cuu/danh-gia", url.Values{"ma": {code}, "token": {token}, "muc": {"satisfied"}, "gop_y": {"Tôi là Trần Thị Ngọc Hân"}})
	var lines []string
	for _, l := range strings.Split(o.logs.String(), "\n") {
		if strings.Contains(l, `"msg":"public`) {
			// The time's nanoseconds may spell a phone number's digits.
			lines = append(lines, logTime.ReplaceAllString(l, ""))
		}
	}
	logs := strings.Join(lines, "\n")
	if n := strings.Count(logs, `"public request"`); n != 4 {
		t.Errorf("%d public requests logged, want 4\n%s", n, logs)
	}
	if !strings.Contains(logs, `"route":"GET /tra-cuu/{payload}"`) {
		t.Errorf("the route is not logged\n%s", logs)
	}
	for _, secret := range append([]string{payload[:20], code, "4567", "127.0.0.1", token}, personal...) {
		if strings.Contains(logs, secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

// TestOfficeProfileReachesProvince: the enrollment names the office, and a
// workstation's later change of name travels as office.profile, for its own
// office only.
func TestOfficeProfileReachesProvince(t *testing.T) {
	o := startPublic(t, server.PublicOptions{})
	names := func() string {
		return strings.Join(o.srv.Strings(t, `SELECT name || '|' || place FROM office WHERE agency_code = $1`, agency), ",")
	}
	if got := names(); got != officeName+"|Vị Thanh" {
		t.Fatalf("after enrollment: %q", got)
	}
	profile := func(key string, p data.OfficeProfile) data.OutboxChange {
		raw, _ := json.Marshal(p)
		return data.OutboxChange{Key: key, Kind: data.ChangeOfficeProfile, Subject: p.AgencyCode, Payload: raw, CreatedAt: at}
	}
	renamed := "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG VỊ THANH"
	res := o.push(profile("p1", data.OfficeProfile{AgencyCode: agency, Name: renamed, Place: "Cần Thơ"}))
	if res[0].Result != data.ResultApplied || res[0].Seq != 0 {
		t.Fatalf("profile: %+v", res)
	}
	if got := names(); got != renamed+"|Cần Thơ" {
		t.Errorf("after the change: %q", got)
	}
	if n := o.srv.Count(t, `SELECT COUNT(*) FROM feed WHERE kind = $1`, data.ChangeOfficeProfile); n != 0 {
		t.Errorf("the profile went into the feed %d times", n)
	}
	for _, tc := range []struct {
		name   string
		change data.OutboxChange
		status int
	}{
		{"another office", profile("p2", data.OfficeProfile{AgencyCode: "000.30.13.H30", Name: "X"}), 403},
		{"empty name", profile("p3", data.OfficeProfile{AgencyCode: agency}), 400},
		{"a rating from a workstation", data.OutboxChange{Key: "r1", Kind: data.ChangeDossierRated, Subject: agency,
			Payload: json.RawMessage(`{}`), CreatedAt: at}, 400},
	} {
		if status, body := o.do("POST", "/v1/changes", data.PushRequest{Changes: []data.OutboxChange{tc.change}}, nil); status != tc.status {
			t.Errorf("%s: %d %s", tc.name, status, body)
		}
	}
	if got := names(); got != renamed+"|Cần Thơ" {
		t.Errorf("after refused changes: %q", got)
	}
}

func TestClientAddr(t *testing.T) {
	trusted, err := server.ParsePrefixes([]string{"10.0.0.0/8", "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	c := server.ClientAddr{Trusted: trusted}
	tests := []struct {
		name, remote, xff, want string
	}{
		{"direct", "203.0.113.7:5000", "", "203.0.113.7"},
		{"direct, header ignored", "203.0.113.7:5000", "198.51.100.1", "203.0.113.7"},
		{"through a proxy", "10.1.2.3:5000", "198.51.100.1", "198.51.100.1"},
		{"through two proxies", "10.1.2.3:5000", "198.51.100.1, 192.0.2.1", "198.51.100.1"},
		{"forged hop before the real one", "10.1.2.3:5000", "1.1.1.1, 198.51.100.1", "198.51.100.1"},
		{"only proxies", "10.1.2.3:5000", "10.9.9.9", "10.9.9.9"},
		{"garbage hop", "10.1.2.3:5000", "nonsense", "10.1.2.3"},
		{"IPv6 by /64", "[2001:db8:1:2:3:4:5:6]:443", "", "2001:db8:1:2::/64"},
		{"IPv4-mapped", "[::ffff:203.0.113.7]:443", "", "203.0.113.7"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httpRequest(t, "GET", "https://x/", nil)
			r.RemoteAddr = tc.remote
			if tc.xff != "" {
				r.Header.Set("X-Forwarded-For", tc.xff)
			}
			if got := c.Key(r); got != tc.want {
				t.Errorf("Key = %q, want %q", got, tc.want)
			}
		})
	}
	if _, err := server.ParsePrefixes([]string{"10.0.0/8"}); err == nil {
		t.Error("a malformed network is accepted")
	}
}

func TestLimiterForgetsIdleKeys(t *testing.T) {
	l := server.NewLimiter(time.Second, 2)
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 1000 {
		l.Allow(fmt.Sprint(i), now)
	}
	if !l.Allow("a", now) || !l.Allow("a", now) || l.Allow("a", now) {
		t.Error("a burst of 2 is not 2")
	}
	if !l.Allow("a", now.Add(time.Second)) {
		t.Error("no event after a period")
	}
	l.Allow("b", now.Add(time.Minute))
	if n := l.Len(); n != 1 {
		t.Errorf("%d keys remembered after a minute idle", n)
	}
}
