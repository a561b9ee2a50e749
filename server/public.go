package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"motcua/data"
	"motcua/data/scan"
)

// PublicRoutes lists what the public listener answers; every other path
// gets the not-found page.
var PublicRoutes = []string{
	"GET /{$}",
	"GET /tra-cuu",
	"POST /tra-cuu",
	"GET /tra-cuu/{payload}",
	"POST /tra-cuu/danh-gia",
}

// Limits of the public pages.
const (
	// MaxPublicBody bounds a form post: a code, a token, a level and a
	// comment of 500 characters, percent-encoded, fit many times over.
	MaxPublicBody = 16 << 10
	// maxPayloadLen bounds the last part of a tracking address; a receipt
	// payload is far shorter.
	maxPayloadLen = 400
	// formTokenAge is how long a rating form stays valid after the page
	// that held it was shown.
	formTokenAge = 2 * time.Hour
	// publicTimeout bounds the database work of one page.
	publicTimeout = 10 * time.Second
)

// PublicOptions set the public pages' rate limits and trusted proxies.
type PublicOptions struct {
	// Trusted are the reverse proxies whose X-Forwarded-For is believed.
	Trusted []string
	// PerMinute is how many requests one client address may make each
	// minute on average, with bursts of Burst; 0 turns the limit off.
	PerMinute, Burst int
	// FormsPerMinute bounds form posts (lookups by code, ratings) per
	// client address; 0 turns the limit off.
	FormsPerMinute int
	// FailuresPerCode bounds wrong lookups by code per dossier code each
	// hour, whatever the address; 0 turns the limit off.
	FailuresPerCode int
}

// DefaultPublicOptions are the limits the server runs with unless told.
var DefaultPublicOptions = PublicOptions{PerMinute: 60, Burst: 20, FormsPerMinute: 10, FailuresPerCode: 10}

// Public serves citizens the tracking pages: a dossier by its receipt QR
// or by its code and the last digits of the applicant's ID number, and
// the rating of the service once the result is returned.
type Public struct {
	Store *Store
	Log   *slog.Logger
	Now   func() time.Time
	Addr  ClientAddr

	pages, forms, codes *Limiter
	secret              []byte // keys the rating forms' tokens
}

// NewPublic makes the public pages over a store.
func NewPublic(ctx context.Context, store *Store, log *slog.Logger, opts PublicOptions) (*Public, error) {
	trusted, err := ParsePrefixes(opts.Trusted)
	if err != nil {
		return nil, data.Errorf(data.EInvalid, "Địa chỉ proxy tin cậy không đúng dạng (ví dụ 10.0.0.5 hoặc 10.0.0.0/8): %v", err)
	}
	key, err := store.serverSecret(ctx, "public-form")
	if err != nil {
		return nil, err
	}
	p := &Public{Store: store, Log: log, Now: time.Now, Addr: ClientAddr{Trusted: trusted}, secret: key}
	if opts.PerMinute > 0 {
		p.pages = NewLimiter(time.Minute/time.Duration(opts.PerMinute), max(opts.Burst, 1))
	}
	if opts.FormsPerMinute > 0 {
		p.forms = NewLimiter(time.Minute/time.Duration(opts.FormsPerMinute), max(opts.FormsPerMinute/2, 1))
	}
	if opts.FailuresPerCode > 0 {
		p.codes = NewLimiter(time.Hour/time.Duration(opts.FailuresPerCode), opts.FailuresPerCode)
	}
	return p, nil
}

// Handler returns the public pages with their headers, limits and log.
func (p *Public) Handler() http.Handler {
	mux := http.NewServeMux()
	handlers := map[string]http.HandlerFunc{
		"GET /{$}":               func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/tra-cuu", http.StatusSeeOther) },
		"GET /tra-cuu":           p.lookupForm,
		"POST /tra-cuu":          p.lookupByCode,
		"GET /tra-cuu/{payload}": p.lookupByQR,
		"POST /tra-cuu/danh-gia": p.rate,
	}
	for _, r := range PublicRoutes {
		mux.HandleFunc(r, handlers[r])
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { notFound(w) })
	return p.logged(p.guarded(mux))
}

// guarded sets the security headers of every answer, bounds what a
// request may send and applies the per-address limit.
func (p *Public) guarded(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		h.Set("Strict-Transport-Security", "max-age=31536000")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if !p.pages.Allow(p.Addr.Key(r), p.now()) {
			tooMany(w)
			return
		}
		if len(r.URL.RawQuery) > 1024 || len(r.URL.EscapedPath()) > maxPayloadLen+20 {
			notFound(w)
			return
		}
		if r.Method == http.MethodPost {
			if r.ContentLength > MaxPublicBody {
				message(w, http.StatusRequestEntityTooLarge, "Nội dung gửi quá dài", "Góp ý chỉ được tối đa 500 ký tự.")
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, MaxPublicBody)
		}
		ctx, cancel := context.WithTimeout(r.Context(), publicTimeout)
		defer cancel()
		inner := r.WithContext(ctx)
		next.ServeHTTP(w, inner)
		r.Pattern = inner.Pattern // for the log
	})
}

func tooMany(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "60")
	message(w, http.StatusTooManyRequests, "Quá nhiều lượt tra cứu", "Ông/bà đã tra cứu quá nhiều lần trong thời gian ngắn. Xin chờ một phút rồi thử lại.")
}

// logged logs each request without what could name a person: the route
// pattern instead of the path, never the query, the payload or the
// client's address.
func (p *Public) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{status: http.StatusOK}
		next.ServeHTTP(&statusWriter{w, info}, r)
		route := r.Pattern
		if route == "" || route == "/" {
			route = r.Method + " (khác)"
		}
		p.Log.Info("public request", "route", route, "status", info.status,
			"duration_ms", float64(time.Since(start).Microseconds())/1000)
	})
}

func (p *Public) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}

func (p *Public) lookupForm(w http.ResponseWriter, r *http.Request) {
	render(w, http.StatusOK, "lookup", view{Title: "Tra cứu hồ sơ", OnForm: true})
}

// lookupByQR shows the dossier a receipt's QR code names, when its
// signature verifies against a key of the dossier's office.
func (p *Public) lookupByQR(w http.ResponseWriter, r *http.Request) {
	res := scan.ParseExact(r.PathValue("payload"))
	if res.Kind != scan.KindReceipt || res.Signature == nil || !data.IsDossierCode(res.Code) {
		notFound(w)
		return
	}
	keys, err := p.Store.OfficeKeys(r.Context(), data.AgencyOf(res.Code))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	if len(keys) == 0 || scan.Verify(res, keys) != nil {
		notFound(w)
		return
	}
	p.showDossier(w, r, res.Code, view{})
}

// lookupByCode shows a dossier by its code and the last four digits of
// the applicant's ID number. A wrong pair gets the same page as an
// unknown code; each code allows only a few wrong tries an hour.
func (p *Public) lookupByCode(w http.ResponseWriter, r *http.Request) {
	if !p.forms.Allow(p.Addr.Key(r), p.now()) {
		tooMany(w)
		return
	}
	if err := r.ParseForm(); err != nil {
		message(w, http.StatusBadRequest, "Không đọc được nội dung gửi", "Xin tải lại trang và thử lại.")
		return
	}
	code := strings.ToUpper(data.Clean(r.PostForm.Get("ma")))
	last4 := data.Clean(r.PostForm.Get("so"))
	var problem string
	switch {
	case !data.IsDossierCode(code):
		problem = "Mã hồ sơ không đúng dạng; mã in trên giấy tiếp nhận có dạng 000.30.12.H30-270203-1001."
	case len(last4) != 4 || strings.Trim(last4, "0123456789") != "":
		problem = "Hãy nhập đúng 4 chữ số cuối của số định danh cá nhân (số căn cước) của người nộp."
	}
	if problem != "" {
		v := view{Title: "Tra cứu hồ sơ", OnForm: true, Error: problem}
		if data.IsDossierCode(code) {
			v.Code = code
		}
		render(w, http.StatusBadRequest, "lookup", v)
		return
	}
	// The limit holds before the check: a guesser learns nothing past it.
	if !p.codes.Has(code, p.now()) {
		tooMany(w)
		return
	}
	ok, err := p.Store.MatchApplicantID(r.Context(), code, last4)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	if !ok {
		p.codes.Allow(code, p.now())
		notFound(w)
		return
	}
	p.showDossier(w, r, code, view{})
}

// showDossier renders a dossier's page; v carries a message or what was
// typed in the rating form.
func (p *Public) showDossier(w http.ResponseWriter, r *http.Request, code string, v view) {
	d, err := p.Store.PublicDossier(r.Context(), code)
	if data.ErrorCode(err) == data.ENotFound {
		notFound(w)
		return
	}
	if err != nil {
		p.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if v.Error != "" {
		status = http.StatusBadRequest
	}
	v.Title, v.Dossier, v.Levels = "Thông tin hồ sơ", &d, data.RatingLevels
	v.CanRate = d.Status == data.StatusReturned && d.Rating == nil
	if v.CanRate {
		v.Token = p.formToken(code, p.now())
	}
	render(w, status, "dossier", v)
}

// rate records a citizen's rating posted from a dossier's page.
func (p *Public) rate(w http.ResponseWriter, r *http.Request) {
	if !p.forms.Allow(p.Addr.Key(r), p.now()) {
		tooMany(w)
		return
	}
	if !sameOrigin(r) {
		message(w, http.StatusForbidden, "Không nhận đánh giá này", "Đánh giá phải được gửi từ trang tra cứu hồ sơ. Xin mở lại trang bằng mã QR trên giấy tiếp nhận.")
		return
	}
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			message(w, http.StatusRequestEntityTooLarge, "Nội dung gửi quá dài", "Góp ý chỉ được tối đa 500 ký tự.")
			return
		}
		message(w, http.StatusBadRequest, "Không đọc được nội dung gửi", "Xin tải lại trang và thử lại.")
		return
	}
	code := r.PostForm.Get("ma")
	if !data.IsDossierCode(code) || !p.checkToken(r.PostForm.Get("token"), code, p.now()) {
		message(w, http.StatusForbidden, "Phiên đánh giá đã hết hạn", "Xin mở lại trang hồ sơ bằng mã QR trên giấy tiếp nhận rồi đánh giá lại.")
		return
	}
	level := data.RatingLevel(r.PostForm.Get("muc"))
	comment := r.PostForm.Get("gop_y")
	_, err := p.Store.RateDossier(r.Context(), code, level, comment, p.now())
	switch data.ErrorCode(err) {
	case "":
		p.showDossier(w, r, code, view{Thanks: "Cảm ơn ông/bà đã đánh giá. Ý kiến của ông/bà đã được gửi đến đơn vị tiếp nhận hồ sơ."})
	case data.EInvalid:
		v := view{Error: data.ErrorMessage(err), Comment: comment}
		if level.Valid() {
			v.Level = level
		}
		p.showDossier(w, r, code, v)
	case data.EConflict:
		// Rated before, or not returned: the page says which.
		p.showDossier(w, r, code, view{Thanks: data.ErrorMessage(err)})
	case data.ENotFound:
		notFound(w)
	default:
		p.fail(w, r, err)
	}
}

// sameOrigin refuses a post another site made the browser send: browsers
// say so in Sec-Fetch-Site, older ones in Origin. The form's token is
// checked besides.
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin":
		return true
	case "":
	default:
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}

// formToken binds a rating form to its dossier and the time it was shown.
func (p *Public) formToken(code string, now time.Time) string {
	var b [8 + 16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(now.Unix()))
	copy(b[8:], p.tokenMAC(code, b[:8]))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func (p *Public) tokenMAC(code string, stamp []byte) []byte {
	m := hmac.New(sha256.New, p.secret)
	m.Write([]byte("motcua/rating-form/v1\n"))
	m.Write(stamp)
	m.Write([]byte(code))
	return m.Sum(nil)[:16]
}

// checkToken accepts a token formToken made for code less than
// formTokenAge ago.
func (p *Public) checkToken(token, code string, now time.Time) bool {
	b, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil || len(b) != 24 {
		return false
	}
	issued := time.Unix(int64(binary.BigEndian.Uint64(b[:8])), 0)
	if age := now.Sub(issued); age < -time.Minute || age > formTokenAge {
		return false
	}
	return hmac.Equal(b[8:], p.tokenMAC(code, b[:8]))
}

// fail answers a fault of ours with a page that names nobody, and logs
// the error for the province's administrators.
func (p *Public) fail(w http.ResponseWriter, r *http.Request, err error) {
	p.Log.Error("public page failed", "route", r.Pattern, "error", err.Error())
	message(w, http.StatusInternalServerError, "Hệ thống đang bận", "Xin lỗi, hệ thống tra cứu đang gặp sự cố. Xin thử lại sau ít phút.")
}
