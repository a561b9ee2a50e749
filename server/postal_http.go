package server

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"motcua/data"
)

// DefaultPostalLimit is what one postal key may send: a steady 10
// requests a second with bursts of 200, enough for a morning's
// collections posted at once, not for a runaway loop.
func DefaultPostalLimit() *Limiter { return NewLimiter(100*time.Millisecond, 200) }

type postalKey struct{}

// postal lets through requests that carry a postal key in force, within
// the key's rate; every other caller, a workstation's token included, is
// refused.
func (a *API) postal(next func(http.ResponseWriter, *http.Request, PostalKey)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			a.fail(w, r, errPostalUnauthorized)
			return
		}
		k, err := a.Store.AuthenticatePostal(r.Context(), strings.TrimSpace(key))
		if err != nil {
			a.fail(w, r, err)
			return
		}
		info(r).workstation = "postal/" + k.Name
		if !a.PostalLimit.Allow(k.Name, a.now()) {
			w.Header().Set("Retry-After", "1")
			var body ErrorBody
			body.Error.Code = "too_many"
			body.Error.Message = "Quá nhiều yêu cầu trong thời gian ngắn: hãy gửi chậm lại và thử lại sau ít giây."
			writeJSON(w, http.StatusTooManyRequests, body)
			return
		}
		next(w, r, k)
	}
}

func (a *API) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

// decodePostal reads a JSON body of at most MaxBodySize bytes into v and
// says what is wrong in words the operator's developers act on, without
// the decoder's own text.
func decodePostal(w http.ResponseWriter, r *http.Request, v any) (int, error) {
	if r.ContentLength > MaxBodySize {
		return http.StatusRequestEntityTooLarge, tooLargeBody()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodySize))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, tooLargeBody()
	case err != nil:
		return http.StatusBadRequest, data.Errorf(data.EInvalid, "Không đọc hết được nội dung yêu cầu; hãy gửi lại.")
	}
	err = json.Unmarshal(body, v)
	var (
		typeErr   *json.UnmarshalTypeError
		syntaxErr *json.SyntaxError
		bad       data.Fields
	)
	switch {
	case err == nil:
		return 0, nil
	case errors.As(err, &typeErr) && typeErr.Field != "":
		bad.Add(typeErr.Field, "phải là %s", jsonKind(typeErr.Type.Kind().String()))
		return http.StatusBadRequest, bad.Err("Nội dung yêu cầu chưa hợp lệ, chưa ghi:")
	case errors.As(err, &syntaxErr):
		return http.StatusBadRequest, data.Errorf(data.EInvalid, "Nội dung yêu cầu không phải JSON hợp lệ (lỗi ở byte thứ %d).", syntaxErr.Offset)
	}
	return http.StatusBadRequest, data.Errorf(data.EInvalid, "Nội dung yêu cầu phải là một đối tượng JSON như api/openapi.yaml mô tả.")
}

func jsonKind(kind string) string {
	switch kind {
	case "string":
		return "chuỗi"
	case "int", "int64":
		return "số nguyên"
	case "slice":
		return "mảng"
	case "struct":
		return "đối tượng"
	}
	return kind
}

func tooLargeBody() error {
	return data.Errorf(data.EInvalid, "Nội dung yêu cầu quá lớn (tối đa %d MiB).", MaxBodySize>>20)
}

func (a *API) announce(w http.ResponseWriter, r *http.Request, k PostalKey) {
	var ann data.PostalAnnouncement
	if status, err := decodePostal(w, r, &ann); err != nil {
		a.failStatus(w, r, status, err)
		return
	}
	created, err := a.Store.Announce(r.Context(), k, ann, a.now())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	st, err := a.Store.PostalStatus(r.Context(), data.Clean(strings.ToUpper(ann.Item)))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		a.Log.Info("postal item announced", "item", st.Item, "agency_code", st.AgencyCode, "key", k.Name)
	}
	writeJSON(w, status, st)
}

func (a *API) deliver(w http.ResponseWriter, r *http.Request, k PostalKey) {
	var d data.PostalDelivery
	if status, err := decodePostal(w, r, &d); err != nil {
		a.failStatus(w, r, status, err)
		return
	}
	res, created, err := a.Store.Deliver(r.Context(), k, d, a.now())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, res)
}

func (a *API) postalItem(w http.ResponseWriter, r *http.Request, k PostalKey) {
	st, err := a.Store.PostalStatus(r.Context(), strings.ToUpper(r.PathValue("item")))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
