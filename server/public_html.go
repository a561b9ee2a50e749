package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"strconv"
	"time"

	"motcua/data"
)

//go:embed templates/*.html templates/public.css
var templateFiles embed.FS

// publicCSS is the pages' one style sheet, inlined: the Content-Security-
// Policy allows it by its hash and nothing else.
var publicCSS = func() string {
	b, err := templateFiles.ReadFile("templates/public.css")
	if err != nil {
		panic(err)
	}
	return string(bytes.TrimSpace(b))
}()

// ContentSecurityPolicy is what the public pages allow: no script, no
// image, no frame, no other origin; only their inline style and forms
// posted to themselves.
var ContentSecurityPolicy = func() string {
	sum := sha256.Sum256([]byte(publicCSS))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; " +
		"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
}()

var pageFuncs = template.FuncMap{
	"css": func() template.CSS { return template.CSS(publicCSS) },
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(data.Zone).Format("02/01/2006")
	},
	"datetime": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(data.Zone).Format("15:04, 02/01/2006")
	},
	"statusClass": func(s data.Status) string {
		switch s {
		case data.StatusResultReady:
			return "ready"
		case data.StatusReturned:
			return "done"
		case data.StatusSupplement:
			return "need"
		case data.StatusRefused, data.StatusWithdrawn, data.StatusStopped:
			return "stop"
		}
		return ""
	},
	"statusHint": statusHint,
	"step":       stepLabel,
}

// pages are the public templates, each the layout around its content.
var pages = func() map[string]*template.Template {
	layout := template.Must(template.New("layout.html").Funcs(pageFuncs).ParseFS(templateFiles, "templates/layout.html"))
	out := map[string]*template.Template{}
	for _, name := range []string{"dossier", "lookup", "message"} {
		t := template.Must(layout.Clone())
		out[name] = template.Must(t.ParseFS(templateFiles, "templates/"+name+".html"))
	}
	return out
}()

// view is what a page shows.
type view struct {
	Title string
	// dossier page
	Dossier *PublicDossier
	CanRate bool
	Token   string
	Levels  []data.RatingLevel
	Level   data.RatingLevel // chosen before an error
	Comment string           // typed before an error
	Thanks  string
	// lookup form
	OnForm bool
	Code   string
	// message page
	Class, Heading, Text string
	// every page
	Error string
}

// statusHint says in a sentence what a status means for the citizen.
func statusHint(s data.Status) string {
	switch s {
	case data.StatusReceived:
		return "Hồ sơ đã được tiếp nhận và đang được giải quyết."
	case data.StatusTransferred:
		return "Hồ sơ đã được chuyển đến cơ quan có thẩm quyền và đang được giải quyết."
	case data.StatusSupplement:
		return "Hồ sơ cần bổ sung, hoàn thiện; mời ông/bà liên hệ nơi nộp hồ sơ theo phiếu hướng dẫn đã nhận."
	case data.StatusResultReady:
		return "Đã có kết quả giải quyết; mời ông/bà mang giấy tiếp nhận đến nhận kết quả (hoặc chờ bưu điện phát nếu đã đăng ký nhận qua bưu điện)."
	case data.StatusReturned:
		return "Kết quả đã được trả cho người nộp hồ sơ."
	case data.StatusRefused:
		return "Hồ sơ không được tiếp nhận giải quyết; lý do ghi trong phiếu từ chối đã giao cho người nộp."
	case data.StatusWithdrawn:
		return "Người nộp đã rút hồ sơ."
	case data.StatusStopped:
		return "Hồ sơ đã dừng giải quyết; lý do ghi trong thông báo dừng giải quyết hồ sơ gửi ông/bà."
	}
	return ""
}

// stepLabel names a history line for the citizen.
func stepLabel(e PublicEvent) string {
	switch e.Action {
	case "intake":
		return "Tiếp nhận hồ sơ"
	case data.UpdateFiled:
		return "Nhận hồ sơ từ bưu điện; thời hạn giải quyết tính lại từ ngày này"
	case data.UpdateApology:
		return "Xin lỗi và hẹn lại ngày trả kết quả"
	case data.UpdateDelivery:
		return "Bưu điện phát kết quả chưa thành công"
	case "fees":
		return "Nộp phí, lệ phí"
	case data.ActionUndo:
		return "Đính chính trạng thái ghi nhầm, trở lại: " + e.To.Label()
	case "status":
		switch e.To {
		case data.StatusReceived:
			return "Nhận hồ sơ đã bổ sung"
		case data.StatusSupplement:
			return "Yêu cầu bổ sung, hoàn thiện hồ sơ"
		case data.StatusRefused:
			return "Từ chối tiếp nhận hồ sơ"
		case data.StatusTransferred:
			return "Chuyển cơ quan có thẩm quyền giải quyết"
		case data.StatusResultReady:
			return "Có kết quả giải quyết"
		case data.StatusReturned:
			return "Trả kết quả"
		case data.StatusWithdrawn:
			return "Rút hồ sơ"
		case data.StatusStopped:
			return "Dừng giải quyết hồ sơ"
		}
		return e.To.Label()
	}
	return "Cập nhật hồ sơ"
}

// render writes a page with the public headers and a status.
func render(w http.ResponseWriter, status int, page string, v view) {
	var buf bytes.Buffer
	if err := pages[page].ExecuteTemplate(&buf, "layout", v); err != nil {
		// The templates are fixed and tested: this is a fault of ours.
		http.Error(w, "Lỗi hệ thống, xin thử lại sau.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// Texts of the pages that show no dossier.
const (
	notFoundTitle = "Không tìm thấy hồ sơ"
	notFoundText  = "Mã tra cứu không đúng hoặc không phải do cơ quan nhà nước cấp, hoặc chưa tìm thấy hồ sơ. " +
		"Hãy kiểm tra lại mã trên giấy tiếp nhận; nếu ông/bà vừa nộp hồ sơ, thông tin có thể chưa được cập nhật, xin thử lại sau."
)

func notFound(w http.ResponseWriter) {
	render(w, http.StatusNotFound, "message", view{Title: notFoundTitle, Class: "bad",
		Heading: "Mã không đúng hoặc không tìm thấy hồ sơ", Text: notFoundText})
}

func message(w http.ResponseWriter, status int, heading, text string) {
	render(w, status, "message", view{Title: heading, Class: "bad", Heading: heading, Text: text})
}
