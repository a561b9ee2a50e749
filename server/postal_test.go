package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/server"
	"motcua/server/servertest"
)

// postalProcedures publishes a procedure that takes postal dossiers and
// one that does not.
func postalProcedures(t *testing.T, srv *servertest.Server) {
	t.Helper()
	days := 5
	_, err := srv.Store.ImportProcedures(context.Background(), []data.Procedure{
		{Code: "1.004884", Name: "Thủ tục đăng ký lại khai sinh", WorkingDays: &days, PostalAllowed: true,
			Fees: data.FeeSchedule{Known: true, Amounts: []data.FeeAmount{{Kind: data.FeeLePhi, Amount: 8000}}}},
		{Code: "1.004222", Name: "Đăng ký thường trú", WorkingDays: &days},
	})
	if err != nil {
		t.Fatal(err)
	}
}

type errorBody struct {
	Error struct {
		Code    string             `json:"code"`
		Message string             `json:"message"`
		Fields  []server.FieldJSON `json:"fields"`
	} `json:"error"`
}

func (e errorBody) fields() []string {
	var out []string
	for _, f := range e.Error.Fields {
		out = append(out, f.Field)
	}
	return out
}

// TestPostalAnnouncements posts 20 announcements through a test postal
// client: 15 new, one repeated, one conflicting, three invalid; and
// checks what reaches the office's feed.
func TestPostalAnnouncements(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	postalProcedures(t, srv)
	ws := enroll(t, srv, agency, 1)
	other := enroll(t, srv, "000.30.13.H30", 1)
	post := srv.PostalKey(t, "VNPost Cần Thơ")
	collected := time.Now().Add(-2 * time.Hour).Truncate(time.Second)

	ann := func(n int) data.PostalAnnouncement {
		return servertest.Announcement(servertest.S10(n), agency, "1.004884", n, collected)
	}
	for n := 1; n <= 15; n++ {
		a := ann(n)
		if n == 3 {
			a.Fees = []data.FeeEntry{{Kind: "le-phi", Amount: "8000"}}
		}
		if got := post.Announce(a); got.Status != 201 {
			t.Fatalf("announcement %d: %d %s", n, got.Status, got.Body)
		}
	}
	// The same slip again (a retry): 200, nothing new.
	repeat := post.Announce(ann(1))
	var st data.PostalItemStatus
	repeat.Decode(t, &st)
	if repeat.Status != 200 || st.Item != servertest.S10(1) || st.HandedOver || st.AgencyCode != agency {
		t.Errorf("repeat: %d %s", repeat.Status, repeat.Body)
	}
	// The same item with other content: 409.
	changed := ann(2)
	changed.Applicant.Name = "Trần Thị Khác"
	if got := post.Announce(changed); got.Status != 409 || !strings.Contains(got.Body, "nội dung khác") {
		t.Errorf("conflicting: %d %s", got.Status, got.Body)
	}

	invalid := []struct {
		name   string
		change func(*data.PostalAnnouncement)
		fields []string
	}{
		{"wrong check digit", func(a *data.PostalAnnouncement) { a.Item = "RR123456784VN" }, []string{"item"}},
		{"procedure not by post", func(a *data.PostalAnnouncement) { a.ProcedureCode = "1.004222" }, []string{"procedure_code"}},
		{"bad id, no documents, future", func(a *data.PostalAnnouncement) {
			a.Applicant.IDNumber = "12345"
			a.Documents = nil
			a.CollectedAt = time.Now().Add(24 * time.Hour).Format(time.RFC3339)
		}, []string{"applicant.id_number", "documents", "collected_at"}},
	}
	for i, c := range invalid {
		t.Run(c.name, func(t *testing.T) {
			a := ann(100 + i)
			c.change(&a)
			got := post.Announce(a)
			var body errorBody
			got.Decode(t, &body)
			if got.Status != 400 || body.Error.Code != "invalid" {
				t.Fatalf("%d %s", got.Status, got.Body)
			}
			for _, f := range c.fields {
				if !slices.Contains(body.fields(), f) {
					t.Errorf("no reason for %s: %s", f, got.Body)
				}
			}
		})
	}
	if n := srv.Count(t, `SELECT count(*) FROM postal_item`); n != 15 {
		t.Errorf("%d items recorded, want 15", n)
	}

	// The office's workstations pull the 15; another office none.
	var page data.PullPage
	if status, body := ws.do("GET", "/v1/changes?after=0", nil, &page); status != 200 {
		t.Fatalf("pull: %d %s", status, body)
	}
	var items []string
	for _, c := range page.Changes {
		if c.Kind != data.ChangePostalItem {
			continue
		}
		p, err := data.DecodeChange(c.Kind, c.Payload)
		if err != nil {
			t.Errorf("feed payload %s: %v", c.Subject, err)
			continue
		}
		a := p.(*data.PostalAnnouncement)
		if a.Item != c.Subject || a.AnnouncedAt == "" || a.Applicant.Phone != "0912345678" {
			t.Errorf("feed payload %+v", a)
		}
		items = append(items, c.Subject)
	}
	if len(items) != 15 || items[0] != servertest.S10(1) {
		t.Errorf("pulled items %v", items)
	}
	if status, _ := other.do("GET", "/v1/changes?after=0", nil, &page); status != 200 || slices.ContainsFunc(page.Changes,
		func(c data.RemoteChange) bool { return c.Kind == data.ChangePostalItem }) {
		t.Errorf("another office pulled announcements: %+v", page.Changes)
	}

	// An office the province does not know, and a body not JSON.
	a := ann(200)
	a.AgencyCode = "000.99.99.H99"
	if got := post.Announce(a); got.Status != 400 || !strings.Contains(got.Body, "agency_code") {
		t.Errorf("unknown office: %d %s", got.Status, got.Body)
	}
	if got := post.Do("POST", "/postal/v1/items", []byte(`{"item": 12`)); got.Status != 400 || strings.Contains(got.Body, "unexpected") {
		t.Errorf("not JSON: %d %s", got.Status, got.Body)
	}
	if got := post.Do("POST", "/postal/v1/items", []byte(`{"documents": "giấy"}`)); got.Status != 400 || !strings.Contains(got.Body, `"field":"documents"`) {
		t.Errorf("wrong type: %d %s", got.Status, got.Body)
	}
	big := bytes.Repeat([]byte(" "), server.MaxBodySize+1)
	if got := post.Do("POST", "/postal/v1/items", big); got.Status != 413 {
		t.Errorf("too large: %d", got.Status)
	}

	// Status of an announced item, of one unknown.
	got := post.Item(servertest.S10(3))
	got.Decode(t, &st)
	if got.Status != 200 || st.HandedOver || st.CollectedAt == "" || strings.Contains(got.Body, "Nguyễn") {
		t.Errorf("status: %d %s", got.Status, got.Body)
	}
	if got := post.Item(servertest.S10(999)); got.Status != 404 {
		t.Errorf("unknown item: %d %s", got.Status, got.Body)
	}
}

// TestPostalKeys checks that only a postal key in force reaches the
// postal API, and that it reaches nothing else.
func TestPostalKeys(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	postalProcedures(t, srv)
	ws := enroll(t, srv, agency, 1)
	post := srv.PostalKey(t, "VNPost")
	item := servertest.S10(1)
	a := servertest.Announcement(item, agency, "1.004884", 1, time.Now().Add(-time.Hour))

	wrong := *post
	wrong.Key = "not-a-key"
	none := *post
	none.Key = ""
	asStation := *post
	asStation.Key = ws.token
	for name, c := range map[string]*servertest.Postal{"wrong key": &wrong, "no key": &none, "a workstation's token": &asStation} {
		if got := c.Announce(a); got.Status != 401 || !strings.Contains(got.Body, "unauthorized") {
			t.Errorf("%s: %d %s", name, got.Status, got.Body)
		}
	}
	// The postal key does not open the workstations' API.
	station := *ws
	station.token = post.Key
	if status, body := station.do("GET", "/v1/changes", nil, nil); status != 401 {
		t.Errorf("postal key on the feed: %d %s", status, body)
	}
	if got := post.Announce(a); got.Status != 201 {
		t.Fatalf("announce: %d %s", got.Status, got.Body)
	}
	if _, err := srv.Store.NewPostalKey(context.Background(), "VNPost"); data.ErrorCode(err) != data.EConflict {
		t.Errorf("a second key in force under one name: %v", err)
	}
	if err := srv.Store.RevokePostalKey(context.Background(), "VNPost"); err != nil {
		t.Fatal(err)
	}
	if got := post.Item(item); got.Status != 403 || !strings.Contains(got.Body, "thu hồi") {
		t.Errorf("revoked key: %d %s", got.Status, got.Body)
	}
	if n := srv.Count(t, `SELECT count(*) FROM postal_key WHERE key_hash = $1::bytea`, []byte(post.Key)); n != 0 {
		t.Error("the key is stored as it is")
	}
	// A new key under the same name works.
	again := srv.PostalKey(t, "VNPost")
	if got := again.Item(item); got.Status != 200 {
		t.Errorf("new key: %d %s", got.Status, got.Body)
	}
}

// TestPostalRateLimit checks that one key may not flood the API.
func TestPostalRateLimit(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	key, err := srv.Store.NewPostalKey(context.Background(), "VNPost")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone)
	h := (&server.API{Store: srv.Store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		PostalLimit: server.NewLimiter(time.Minute, 3), Now: func() time.Time { return now }}).Handler()
	var statuses []int
	for range 5 {
		req := httptest.NewRequest("GET", "/postal/v1/items/"+servertest.S10(1), nil)
		req.Header.Set("Authorization", "Bearer "+key)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		statuses = append(statuses, rec.Code)
	}
	if !slices.Equal(statuses, []int{404, 404, 404, 429, 429}) {
		t.Errorf("statuses %v", statuses)
	}
	now = now.Add(time.Minute)
	req := httptest.NewRequest("GET", "/postal/v1/items/"+servertest.S10(1), nil)
	req.Header.Set("Authorization", "Bearer "+key)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotFound {
		t.Errorf("after a minute: %d", rec.Code)
	}
}

// resultAtPost pushes a dossier whose result went to the post as item.
func resultAtPost(t *testing.T, ws *station, seq int, item string) string {
	t.Helper()
	d := created(agency, ws.number, seq)
	var rec map[string]any
	json.Unmarshal(d.Payload, &rec)
	rec["return_method"], rec["return_address"] = "post", "Ấp 3, xã Vị Thanh"
	d.Payload, _ = json.Marshal(rec)
	update, _ := json.Marshal(data.DossierUpdate{Code: d.Subject, Action: data.UpdateToPost, Actor: "Lan", ResultItem: item,
		Note: "Giao bưu điện phát kết quả"})
	results := ws.push(d,
		statusChange(fmt.Sprintf("t%d", seq), d.Subject, data.StatusReceived, data.StatusTransferred),
		statusChange(fmt.Sprintf("r%d", seq), d.Subject, data.StatusTransferred, data.StatusResultReady),
		data.OutboxChange{Key: fmt.Sprintf("p%d", seq), Kind: data.ChangeDossierUpdated, Subject: d.Subject, Payload: update, CreatedAt: at})
	for _, r := range results {
		if r.Result != data.ResultApplied {
			t.Fatalf("push: %+v", results)
		}
	}
	return d.Subject
}

// TestPostalDeliveries reports delivery outcomes: two failures bring a
// result back to the office, a delivery closes the dossier, repeats are
// answered as the first, and each outcome reaches the feed.
func TestPostalDeliveries(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws := enroll(t, srv, agency, 1)
	post := srv.PostalKey(t, "VNPost")
	back, home := servertest.S10(501), servertest.S10(502)
	backCode := resultAtPost(t, ws, 1, back)
	homeCode := resultAtPost(t, ws, 2, home)
	t0 := time.Now().Add(-48 * time.Hour).Truncate(time.Second)

	steps := []struct {
		name     string
		d        data.PostalDelivery
		status   int
		outcome  string
		attempts int
	}{
		{"first failure", data.PostalDelivery{Item: back, Outcome: "failed", Reason: "Không có người ở nhà", At: t0.Format(time.RFC3339)}, 201, "failed", 1},
		{"the same report again", data.PostalDelivery{Item: back, Outcome: "failed", Reason: "Không có người ở nhà", At: t0.Format(time.RFC3339)}, 200, "failed", 1},
		{"second failure", data.PostalDelivery{Item: back, Outcome: "failed", Reason: "Chuyển nơi ở", At: t0.Add(24 * time.Hour).Format(time.RFC3339)}, 201, "returning", 2},
		{"delivered after it came back", data.PostalDelivery{Item: back, Outcome: "delivered", RecipientID: "093090000001", At: t0.Add(30 * time.Hour).Format(time.RFC3339)}, 409, "", 0},
		{"delivered", data.PostalDelivery{Item: home, Outcome: "delivered", RecipientID: "093090000002", At: t0.Format(time.RFC3339)}, 201, "delivered", 0},
		{"unknown item", data.PostalDelivery{Item: servertest.S10(503), Outcome: "delivered", RecipientID: "093090000002", At: t0.Format(time.RFC3339)}, 404, "", 0},
	}
	for _, s := range steps {
		got := post.Deliver(s.d)
		if got.Status != s.status {
			t.Fatalf("%s: %d %s", s.name, got.Status, got.Body)
		}
		if s.outcome == "" {
			continue
		}
		var res server.DeliveryResult
		got.Decode(t, &res)
		if res.Outcome != s.outcome || res.Attempts != s.attempts {
			t.Errorf("%s: %+v", s.name, res)
		}
	}
	bad := post.Deliver(data.PostalDelivery{Item: "RR1", Outcome: "lost", At: "hôm qua"})
	var body errorBody
	bad.Decode(t, &body)
	if bad.Status != 400 || !slices.Equal(body.fields(), []string{"item", "outcome", "at"}) {
		t.Errorf("invalid report: %d %s", bad.Status, bad.Body)
	}
	if got := srv.Strings(t, `SELECT concat_ws(' ', code, status, record->>'return_method') FROM dossier ORDER BY code`); !slices.Equal(got,
		[]string{backCode + " result-ready counter", homeCode + " returned post"}) {
		t.Errorf("dossiers %v", got)
	}
	var page data.PullPage
	ws.do("GET", "/v1/changes?after=0", nil, &page)
	var outcomes []string
	for _, c := range page.Changes {
		if c.Kind == data.ChangePostalDelivery {
			p, err := data.DecodeChange(c.Kind, c.Payload)
			if err != nil {
				t.Fatal(err)
			}
			r := p.(*data.DeliveryRecord)
			outcomes = append(outcomes, fmt.Sprintf("%s %s %d", r.Code, r.Outcome, r.Attempts))
		}
	}
	if !slices.Equal(outcomes, []string{backCode + " failed 1", backCode + " returning 2", homeCode + " delivered 0"}) {
		t.Errorf("feed %v", outcomes)
	}
	var st data.PostalItemStatus
	got := post.Item(back)
	got.Decode(t, &st)
	if st.DossierCode != backCode || len(st.Deliveries) != 2 || st.Status != data.StatusResultReady {
		t.Errorf("status of the result: %s", got.Body)
	}
}
