package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"motcua/data"
)

// Limits of one push.
const (
	MaxBatch    = 500     // changes
	MaxBodySize = 4 << 20 // bytes
)

// Routes lists every endpoint the server answers, as "METHOD /path"; the
// OpenAPI description must list the same.
var Routes = []string{
	"GET /healthz",
	"POST /v1/enroll",
	"POST /v1/changes",
	"GET /v1/changes",
	"GET /v1/audit-head",
	"POST /v1/audit-head",
	"POST /postal/v1/items",
	"POST /postal/v1/deliveries",
	"GET /postal/v1/items/{item}",
}

// API serves the workstations.
type API struct {
	Store *Store
	Log   *slog.Logger
	// PostalLimit is the rate each postal key may send at;
	// DefaultPostalLimit when nil.
	PostalLimit *Limiter
	Now         func() time.Time // time.Now when nil
}

// Handler returns the HTTP handler of the API, with request logging.
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	handlers := map[string]http.HandlerFunc{
		"GET /healthz":        a.health,
		"POST /v1/enroll":     a.enroll,
		"POST /v1/changes":    a.authenticated(a.push),
		"GET /v1/changes":     a.authenticated(a.pull),
		"GET /v1/audit-head":  a.authenticated(a.auditHead),
		"POST /v1/audit-head": a.authenticated(a.pushAuditHead),

		"POST /postal/v1/items":       a.postal(a.announce),
		"POST /postal/v1/deliveries":  a.postal(a.deliver),
		"GET /postal/v1/items/{item}": a.postal(a.postalItem),
	}
	if a.PostalLimit == nil {
		a.PostalLimit = DefaultPostalLimit()
	}
	for _, r := range Routes {
		mux.HandleFunc(r, handlers[r])
	}
	return a.logged(mux)
}

// requestInfo collects what the log line of a request says.
type requestInfo struct {
	status      int
	workstation string
	changes     int
}

type infoKey struct{}

type statusWriter struct {
	http.ResponseWriter
	info *requestInfo
}

func (w *statusWriter) WriteHeader(code int) {
	w.info.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (a *API) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{status: http.StatusOK}
		next.ServeHTTP(&statusWriter{w, info}, r.WithContext(context.WithValue(r.Context(), infoKey{}, info)))
		a.Log.Info("request", "method", r.Method, "path", r.URL.Path, "status", info.status,
			"duration_ms", float64(time.Since(start).Microseconds())/1000, "workstation", info.workstation,
			"changes", info.changes, "remote", r.RemoteAddr)
	})
}

func info(r *http.Request) *requestInfo {
	if i, ok := r.Context().Value(infoKey{}).(*requestInfo); ok {
		return i
	}
	return &requestInfo{}
}

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"` // for the officer, in Vietnamese
		// Fields names each bad field of an invalid request.
		Fields []FieldJSON `json:"fields,omitempty"`
	} `json:"error"`
}

// FieldJSON is one bad field of a request and what is wrong with it.
type FieldJSON struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// fail answers with the error's status and message. Faults of ours are
// logged with an id that the message carries.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	var body ErrorBody
	body.Error.Code = data.ErrorCode(err)
	body.Error.Message = data.ErrorMessage(err)
	var de *data.Error
	if errors.As(err, &de) {
		for _, f := range de.Fields {
			body.Error.Fields = append(body.Error.Fields, FieldJSON{f.Field, f.Message})
		}
	}
	status := map[string]int{
		data.EInvalid: http.StatusBadRequest, data.ENotFound: http.StatusNotFound, data.EConflict: http.StatusConflict,
		EUnauthorized: http.StatusUnauthorized, EForbidden: http.StatusForbidden,
	}[body.Error.Code]
	var (
		connErr *pgconn.ConnectError
		pgErr   *pgconn.PgError
	)
	switch {
	case status == http.StatusUnauthorized:
		w.Header().Set("WWW-Authenticate", `Bearer realm="motcua"`)
	case errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "22"):
		// A data exception (a character the database cannot hold, a value
		// out of range): the change is at fault, not the server. 400 lets
		// the workstation set it aside and send the rest.
		status = http.StatusBadRequest
		body.Error.Code = data.EInvalid
		body.Error.Message = "Cơ sở dữ liệu của tỉnh không lưu được thay đổi này: nó có ký tự hoặc giá trị không hợp lệ (mã lỗi " + pgErr.Code + "). Chưa ghi gì."
		a.Log.Warn("change refused by the database", "method", r.Method, "path", r.URL.Path, "sqlstate", pgErr.Code, "error", pgErr.Message)
	case errors.As(err, &connErr):
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "5")
		body.Error.Message = "Cơ sở dữ liệu của tỉnh tạm thời không trả lời; máy trạm sẽ gửi lại sau."
	case status == 0:
		status = http.StatusInternalServerError
		id := strconv.FormatInt(time.Now().UnixNano(), 36)
		a.Log.Error("internal error", "log_id", id, "method", r.Method, "path", r.URL.Path, "error", err.Error())
		body.Error.Message = "Lỗi nội bộ của máy chủ tỉnh (mã nhật ký " + id + ")."
	}
	writeJSON(w, status, body)
}

func (a *API) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := a.Store.Ping(ctx); err != nil {
		a.Log.Warn("health: database does not answer", "error", err.Error())
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "database": "down"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "database": "ok"})
}

// decode reads a JSON body of at most MaxBodySize bytes into v. A body
// too large is EInvalid with status 413; anything unreadable 400.
func decode(w http.ResponseWriter, r *http.Request, v any) (int, error) {
	if r.ContentLength > MaxBodySize {
		return http.StatusRequestEntityTooLarge, tooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodySize))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge, tooLarge()
	}
	if err != nil {
		return http.StatusBadRequest, data.Errorf(data.EInvalid, "Không đọc được nội dung yêu cầu: %v", err)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return http.StatusBadRequest, data.Errorf(data.EInvalid, "Nội dung yêu cầu không phải JSON hợp lệ: %v", err)
	}
	return 0, nil
}

func tooLarge() error {
	return data.Errorf(data.EInvalid, "Lô gửi lên quá lớn (tối đa %d MiB và %d thay đổi): hãy gửi thành nhiều lô nhỏ hơn.", MaxBodySize>>20, MaxBatch)
}

func (a *API) failStatus(w http.ResponseWriter, r *http.Request, status int, err error) {
	if status != http.StatusRequestEntityTooLarge {
		a.fail(w, r, err)
		return
	}
	var body ErrorBody
	body.Error.Code, body.Error.Message = "too_large", data.ErrorMessage(err)
	writeJSON(w, status, body)
}

func (a *API) enroll(w http.ResponseWriter, r *http.Request) {
	var req data.EnrollRequest
	if status, err := decode(w, r, &req); err != nil {
		a.failStatus(w, r, status, err)
		return
	}
	if strings.TrimSpace(req.Code) == "" {
		a.fail(w, r, data.Errorf(data.EInvalid, "Thiếu mã đăng ký."))
		return
	}
	resp, err := a.Store.Enroll(r.Context(), req)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	info(r).workstation = fmt.Sprintf("%s/%d", resp.AgencyCode, resp.Workstation)
	a.Log.Info("workstation enrolled", "agency_code", resp.AgencyCode, "workstation", resp.Workstation)
	if req.OfficeName != "" {
		// The public tracking page names the office; a bad name does not undo the enrollment.
		p := data.OfficeProfile{AgencyCode: resp.AgencyCode, Name: req.OfficeName, Place: req.Place}
		if err := a.Store.SaveOfficeProfile(r.Context(), p); err != nil {
			a.Log.Warn("office profile not saved", "agency_code", resp.AgencyCode, "error", err.Error())
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

type wsKey struct{}

// authenticated lets through requests with a valid bearer token.
func (a *API) authenticated(next func(http.ResponseWriter, *http.Request, Workstation)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			a.fail(w, r, errUnauthorized)
			return
		}
		ws, err := a.Store.Authenticate(r.Context(), strings.TrimSpace(token))
		if err != nil {
			a.fail(w, r, err)
			return
		}
		info(r).workstation = fmt.Sprintf("%s/%d", ws.AgencyCode, ws.Number)
		next(w, r, ws)
	}
}

func (a *API) push(w http.ResponseWriter, r *http.Request, ws Workstation) {
	var req data.PushRequest
	if status, err := decode(w, r, &req); err != nil {
		a.failStatus(w, r, status, err)
		return
	}
	info(r).changes = len(req.Changes)
	if len(req.Changes) > MaxBatch {
		a.failStatus(w, r, http.StatusRequestEntityTooLarge, tooLarge())
		return
	}
	results, err := a.Store.Push(r.Context(), ws, req.Changes)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if results == nil {
		results = []data.ChangeResult{}
	}
	writeJSON(w, http.StatusOK, data.PushResponse{Results: results})
}

func (a *API) pull(w http.ResponseWriter, r *http.Request, ws Workstation) {
	q := r.URL.Query()
	var bad data.Fields
	after, limit := int64(0), 500
	if s := q.Get("after"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			bad.Add("after", "phải là số nguyên không âm")
		}
		after = n
	}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > MaxPull {
			bad.Add("limit", "phải từ 1 đến %d", MaxPull)
		}
		limit = n
	}
	if err := bad.Err("Tham số không hợp lệ."); err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.Store.Pull(r.Context(), ws, after, limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	info(r).changes = len(page.Changes)
	writeJSON(w, http.StatusOK, page)
}

// auditHead answers the head of the caller's audit trail the province
// holds, for motcua audit verify.
func (a *API) auditHead(w http.ResponseWriter, r *http.Request, ws Workstation) {
	h, err := a.Store.AuditHead(r.Context(), ws)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, h)
}

// pushAuditHead keeps the head of the caller's audit trail, or refuses it
// with the finding as the reason: 200 either way, a finding is no fault.
func (a *API) pushAuditHead(w http.ResponseWriter, r *http.Request, ws Workstation) {
	var h data.AuditHeadRecord
	if status, err := decode(w, r, &h); err != nil {
		a.failStatus(w, r, status, err)
		return
	}
	res, err := a.Store.PushAuditHead(r.Context(), ws, h)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if !res.Accepted() {
		a.Log.Warn("audit head refused", "workstation", info(r).workstation, "reason", res.Reason)
	}
	writeJSON(w, http.StatusOK, res)
}
