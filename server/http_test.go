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
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

const agency = "000.30.12.H30"

// station is an enrolled workstation speaking raw HTTP.
type station struct {
	t      *testing.T
	srv    *servertest.Server
	http   *http.Client
	token  string
	agency string
	number int
}

func enroll(t *testing.T, srv *servertest.Server, agency string, number int) *station {
	t.Helper()
	hc, err := province.HTTPClient(srv.CAFile)
	if err != nil {
		t.Fatal(err)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	s := &station{t: t, srv: srv, http: hc, agency: agency, number: number}
	var resp data.EnrollResponse
	status, body := s.do("POST", "/v1/enroll", data.EnrollRequest{Code: srv.Enrollment(t, agency, number),
		AgencyCode: agency, Workstation: number, PublicKey: pub}, &resp)
	if status != 200 {
		t.Fatalf("enroll: %d %s", status, body)
	}
	s.token = resp.Token
	return s
}

// do sends v as JSON (raw when it is []byte) and decodes a 2xx answer.
func (s *station) do(method, path string, v any, out any) (int, string) {
	s.t.Helper()
	var body io.Reader
	switch v := v.(type) {
	case nil:
	case []byte:
		body = bytes.NewReader(v)
	default:
		raw, _ := json.Marshal(v)
		body = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, s.srv.URL+path, body)
	if s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	resp, err := s.http.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 == 2 && out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			s.t.Fatalf("%s %s: %v\n%s", method, path, err, raw)
		}
	}
	return resp.StatusCode, string(raw)
}

func (s *station) push(cs ...data.OutboxChange) []data.ChangeResult {
	s.t.Helper()
	var resp data.PushResponse
	if status, body := s.do("POST", "/v1/changes", data.PushRequest{Changes: cs}, &resp); status != 200 {
		s.t.Fatalf("push: %d %s", status, body)
	}
	return resp.Results
}

var at = time.Date(2027, 2, 3, 9, 0, 0, 0, data.Zone)

func created(agency string, ws, seq int) data.OutboxChange {
	code := data.DossierCode(agency, at, ws*1000+seq)
	rec := map[string]any{"code": code, "procedure_code": "1.004837", "procedure_name": "Đăng ký lại khai sinh",
		"applicant": map[string]any{"name": "Nguyễn Thị Hồng Nhung", "id_number": "093190001234"},
		"documents": []map[string]any{{"Name": "Tờ khai", "Originals": 1, "Copies": 0}},
		"sets":      1, "channel": "counter", "return_method": "counter", "received_at": at.Format(time.RFC3339),
		"working_days": 3, "due_date": "2027-02-15", "status": "received", "book": 2027, "register_no": seq,
		"officer": "Trần Văn Bình", "workstation": ws}
	raw, _ := json.Marshal(rec)
	return data.OutboxChange{Key: fmt.Sprintf("c-%s-%d-%d", agency, ws, seq), Kind: data.ChangeDossierCreated,
		Subject: code, Payload: raw, CreatedAt: at}
}

func statusChange(key, code string, from, to data.Status) data.OutboxChange {
	raw, _ := json.Marshal(data.StatusChange{Code: code, From: from, To: to, Actor: "Trần Văn Bình"})
	return data.OutboxChange{Key: key, Kind: data.ChangeDossierStatus, Subject: code, Payload: raw, CreatedAt: at}
}

// snapshot is every row of every table, to prove a refused request
// changed nothing.
func snapshot(t *testing.T, srv *servertest.Server) string {
	t.Helper()
	tables := srv.Strings(t, `SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
	var b strings.Builder
	for _, tb := range tables {
		rows := srv.Strings(t, fmt.Sprintf(`SELECT t::text FROM %q t ORDER BY 1`, tb))
		fmt.Fprintf(&b, "%s: %v\n", tb, rows)
	}
	return b.String()
}

func TestHealth(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	s := &station{t: t, srv: srv}
	s.http, _ = province.HTTPClient(srv.CAFile)
	if status, body := s.do("GET", "/healthz", nil, nil); status != 200 || !strings.Contains(body, `"ok"`) {
		t.Errorf("healthz: %d %s", status, body)
	}
}

func TestRefusedRequestsChangeNothing(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws := enroll(t, srv, agency, 1)
	other := enroll(t, srv, "000.30.13.H30", 1)
	ws.push(created(agency, 1, 1))
	other.push(created(other.agency, 1, 1))

	good, _ := json.Marshal(data.PushRequest{Changes: []data.OutboxChange{created(agency, 1, 2)}})
	huge := append([]byte(`{"changes":[{"key":"x","kind":"dossier.created","subject":"`), bytes.Repeat([]byte("A"), server.MaxBodySize)...)
	var tooMany []data.OutboxChange
	for i := range server.MaxBatch + 1 {
		tooMany = append(tooMany, created(agency, 1, 100+i))
	}
	mixed := []data.OutboxChange{created(agency, 1, 3), created(other.agency, 1, 2)}
	malformedChange := created(agency, 1, 4)
	malformedChange.Subject = data.DossierCode(agency, at, 1999)

	tests := []struct {
		name   string
		token  string
		method string
		path   string
		body   any
		status int
		want   string
	}{
		{"no token", "-", "POST", "/v1/changes", good, 401, "đăng ký"},
		{"wrong token", "abc", "POST", "/v1/changes", good, 401, "đăng ký"},
		{"no token pull", "-", "GET", "/v1/changes", nil, 401, "đăng ký"},
		{"other office's dossier", "", "POST", "/v1/changes", data.PushRequest{Changes: mixed}, 403, "000.30.13.H30"},
		{"status of other office's dossier", "", "POST", "/v1/changes",
			data.PushRequest{Changes: []data.OutboxChange{statusChange("s1", created(other.agency, 1, 1).Subject, "received", "transferred")}}, 403, "chỉ được ghi"},
		{"not JSON", "", "POST", "/v1/changes", []byte(`{"changes": [`), 400, "JSON"},
		{"wrong types", "", "POST", "/v1/changes", []byte(`{"changes": "many"}`), 400, "JSON"},
		{"unknown kind", "", "POST", "/v1/changes", []byte(`{"changes":[{"key":"k","kind":"dossier.deleted","subject":"x","payload":{},"created_at":"2027-02-03T09:00:00+07:00"}]}`), 400, "dossier.deleted"},
		{"subject differs from payload", "", "POST", "/v1/changes", data.PushRequest{Changes: []data.OutboxChange{created(agency, 1, 5), malformedChange}}, 400, "changes[1].subject"},
		{"repeated key", "", "POST", "/v1/changes", data.PushRequest{Changes: []data.OutboxChange{created(agency, 1, 6), created(agency, 1, 6)}}, 400, "lặp lại"},
		{"bad cursor", "", "GET", "/v1/changes?after=-1", nil, 400, "after"},
		{"body too large", "", "POST", "/v1/changes", huge, 413, "quá lớn"},
		{"too many changes", "", "POST", "/v1/changes", data.PushRequest{Changes: tooMany}, 413, "quá lớn"},
		{"used enrollment code", "-", "POST", "/v1/enroll", data.EnrollRequest{Code: "BBBB-CCCC-DDDD-FFFF", AgencyCode: agency, Workstation: 2}, 403, "Mã đăng ký"},
		{"enroll without code", "-", "POST", "/v1/enroll", data.EnrollRequest{AgencyCode: agency, Workstation: 2}, 400, "mã đăng ký"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, srv)
			s := *ws
			s.t = t
			switch tt.token {
			case "-":
				s.token = ""
			case "":
			default:
				s.token = tt.token
			}
			status, body := s.do(tt.method, tt.path, tt.body, nil)
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("%d %s, want %d with %q", status, body, tt.status, tt.want)
			}
			var eb server.ErrorBody
			if err := json.Unmarshal([]byte(body), &eb); err != nil || eb.Error.Message == "" {
				t.Errorf("error body %s: %v", body, err)
			}
			if after := snapshot(t, srv); after != before {
				t.Errorf("the database changed:\nbefore %s\nafter %s", before, after)
			}
		})
	}
}

func TestPushAppliesOnceAndValidatesTransitions(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws := enroll(t, srv, agency, 1)
	d1, d2 := created(agency, 1, 1), created(agency, 1, 2)
	batch := []data.OutboxChange{d1, d2,
		statusChange("s1", d1.Subject, "received", "transferred"),
		statusChange("s2", d1.Subject, "transferred", "returned"), // not allowed
		statusChange("s3", data.DossierCode(agency, at, 1099), "received", "transferred"),
		statusChange("s4", d1.Subject, "transferred", "result-ready"),
	}
	results := ws.push(batch...)
	want := []string{"applied", "applied", "applied", "rejected", "rejected", "applied"}
	for i, r := range results {
		if r.Key != batch[i].Key || r.Result != want[i] {
			t.Errorf("result %d = %+v, want %s", i, r, want[i])
		}
	}
	if r := results[3]; !strings.Contains(r.Reason, "không thể chuyển") || r.Status != data.StatusTransferred {
		t.Errorf("invalid transition: %+v", r)
	}
	if r := results[4]; !strings.Contains(r.Reason, "chưa có hồ sơ") {
		t.Errorf("unknown dossier: %+v", r)
	}
	for i := 1; i < len(results); i++ {
		if results[i].Seq != 0 && results[i].Seq <= results[0].Seq {
			t.Errorf("feed order: %+v", results)
		}
	}
	// The same batch again: every change gets its first answer.
	again := ws.push(batch...)
	for i, r := range again {
		w := map[string]string{"applied": "duplicate", "rejected": "rejected"}[want[i]]
		if r.Result != w || r.Reason != results[i].Reason || r.Seq != results[i].Seq {
			t.Errorf("retry %d = %+v, first %+v", i, r, results[i])
		}
	}
	if n := srv.Count(t, `SELECT COUNT(*) FROM dossier`); n != 2 {
		t.Errorf("%d dossiers", n)
	}
	if n := srv.Count(t, `SELECT COUNT(*) FROM dossier_event`); n != 4 {
		t.Errorf("%d events", n)
	}
	if got := srv.Strings(t, `SELECT status FROM dossier WHERE code = $1`, d1.Subject); !slices.Equal(got, []string{"result-ready"}) {
		t.Errorf("status %v", got)
	}
	// The same dossier under another key is refused, not doubled.
	twice := d2
	twice.Key = "other-key"
	if r := ws.push(twice); r[0].Result != "rejected" || !strings.Contains(r[0].Reason, "đã có") {
		t.Errorf("dossier created twice: %+v", r)
	}
}

func TestPullIsOfficeScopedAndOrdered(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	ws1, ws2 := enroll(t, srv, agency, 1), enroll(t, srv, agency, 2)
	other := enroll(t, srv, "000.30.13.H30", 1)
	d := created(agency, 1, 1)
	ws1.push(d)
	other.push(created(other.agency, 1, 1))
	own := created(agency, 2, 1)
	ws2.push(own)
	if err := srv.Store.SetStatus(ctx, d.Subject, data.StatusTransferred, "Phòng Tư pháp", "đã chuyển"); err != nil {
		t.Fatal(err)
	}
	if err := srv.Store.SetStatus(ctx, d.Subject, data.StatusReturned, "Phòng Tư pháp", ""); data.ErrorCode(err) != data.EConflict {
		t.Errorf("agency's invalid transition: %v", err)
	}
	if err := srv.Store.SetOverride(ctx, data.Override{Date: time.Date(2027, 4, 30, 0, 0, 0, 0, data.Zone), Off: true, Name: "Nghỉ"}); err != nil {
		t.Fatal(err)
	}
	n, err := srv.Store.ImportProcedures(ctx, []data.Procedure{{Code: "1.000001", Name: "Thủ tục thử"}})
	if err != nil || n != 1 {
		t.Fatalf("import: %d %v", n, err)
	}
	if n, _ := srv.Store.ImportProcedures(ctx, []data.Procedure{{Code: "1.000001", Name: "Thủ tục thử"}}); n != 0 {
		t.Errorf("an unchanged procedure was published again")
	}

	var page data.PullPage
	if status, body := ws2.do("GET", "/v1/changes?after=0&limit=2", nil, &page); status != 200 {
		t.Fatalf("pull: %d %s", status, body)
	}
	// The caller's own changes come too: a restored or replaced PC gets
	// back what it pushed.
	if len(page.Changes) != 2 || page.Changes[0].Subject != d.Subject || page.Changes[1].Subject != own.Subject ||
		len(page.Changes[1].Payload) == 0 || !page.More {
		t.Errorf("first page %+v", page)
	}
	var all []data.RemoteChange
	after := int64(0)
	for {
		var p data.PullPage
		ws2.do("GET", fmt.Sprintf("/v1/changes?after=%d&limit=2", after), nil, &p)
		all = append(all, p.Changes...)
		after = p.Next
		if !p.More {
			break
		}
	}
	var kinds []string
	for i, c := range all {
		kinds = append(kinds, string(c.Kind)+" "+c.Subject)
		if i > 0 && c.Seq <= all[i-1].Seq {
			t.Errorf("not ordered: %v", all)
		}
	}
	want := []string{"dossier.created " + d.Subject, "dossier.created " + own.Subject, "dossier.status " + d.Subject,
		"calendar.override 2027-04-30", "catalog.procedure 1.000001"}
	if !slices.Equal(kinds, want) {
		t.Errorf("ws2 pulled %v\nwant %v", kinds, want)
	}
	if all[2].Workstation != 0 || !strings.Contains(string(all[2].Payload), "Phòng Tư pháp") {
		t.Errorf("agency change %+v", all[2])
	}
	var keys []int
	for _, k := range page.Keys {
		if k.AgencyCode != agency {
			t.Errorf("key of another office: %+v", k)
		}
		keys = append(keys, k.Workstation)
	}
	sort.Ints(keys)
	if !slices.Equal(keys, []int{1, 2}) {
		t.Errorf("keys of workstations %v", keys)
	}
	if page.ServerTime.IsZero() {
		t.Error("no server time")
	}
}

// TestOpenAPIMatchesRoutes checks that api/openapi.yaml describes every
// route the server answers, and no other, with the statuses it returns.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	raw, err := os.ReadFile("../api/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	described := map[string][]string{}
	var path, method string
	pathRe := regexp.MustCompile(`^  (/[^:]*):\s*$`)
	methodRe := regexp.MustCompile(`^    (get|post|put|delete|patch):\s*$`)
	statusRe := regexp.MustCompile(`^        "?(\d{3})"?:\s*$`)
	inPaths := false
	for _, line := range strings.Split(string(raw), "\n") {
		switch {
		case line == "paths:":
			inPaths = true
		case inPaths && len(line) > 0 && line[0] != ' ' && line[0] != '#':
			inPaths = false
		case !inPaths:
		case pathRe.MatchString(line):
			path = pathRe.FindStringSubmatch(line)[1]
		case methodRe.MatchString(line):
			method = strings.ToUpper(methodRe.FindStringSubmatch(line)[1])
			described[method+" "+path] = nil
		case statusRe.MatchString(line):
			described[method+" "+path] = append(described[method+" "+path], statusRe.FindStringSubmatch(line)[1])
		}
	}
	var got []string
	for r := range described {
		got = append(got, r)
	}
	sort.Strings(got)
	routes := slices.Clone(server.Routes)
	sort.Strings(routes)
	if !slices.Equal(got, routes) {
		t.Errorf("openapi.yaml describes %v\nthe server answers %v", got, routes)
	}
	// Every status the tests see the server give is described.
	for route, statuses := range map[string][]string{
		"GET /healthz":     {"200", "503"},
		"POST /v1/enroll":  {"200", "400", "403", "409", "413"},
		"POST /v1/changes": {"200", "400", "401", "403", "413", "500", "503"},
		"GET /v1/changes":  {"200", "400", "401"},

		"POST /postal/v1/items":       {"200", "201", "400", "401", "403", "409", "413", "429"},
		"POST /postal/v1/deliveries":  {"200", "201", "400", "401", "403", "404", "409", "429"},
		"GET /postal/v1/items/{item}": {"200", "401", "403", "404", "429"},
	} {
		for _, s := range statuses {
			if !slices.Contains(described[route], s) {
				t.Errorf("%s: status %s not described (has %v)", route, s, described[route])
			}
		}
	}
}

// receiptRecord is a receipt of workstation ws as a workstation sends it.
func receiptRecord(ws, n int, amount int64, byPost bool) data.FeeReceiptRecord {
	first, _ := data.ReceiptBlock(ws)
	r := data.FeeReceiptRecord{FormSymbol: "EBL01", SeriesSymbol: "27TAA", Number: first + n - 1, IssuedAt: at.Format(time.RFC3339),
		Workstation: ws, CollectorName: "Ủy ban nhân dân xã Vị Thanh", CollectorTaxCode: "6300123456", Officer: "Trần Văn Bình",
		PayerName: "Nguyễn Thị Hồng Nhung", ProcedureCode: "2.002516", ProcedureName: "Xác nhận", Kind: data.FeeLePhi,
		Amount: amount, Method: data.PayCash}
	if byPost {
		r.ByPost, r.PostalStaff = true, "Hùng"
	}
	return r
}

func TestPushStopsAndKeepsFeesInTheRecord(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ws := enroll(t, srv, agency, 1)
	d := created(agency, 1, 1)
	var rec map[string]any
	json.Unmarshal(d.Payload, &rec)
	rec["fee_receipts"] = []data.FeeReceiptRecord{receiptRecord(1, 1, 8000, false)}
	d.Payload, _ = json.Marshal(rec)
	fees, _ := json.Marshal(data.FeesRecord{Code: d.Subject, Actor: "Lan", Note: "Bưu điện thu lệ phí",
		Receipts: []data.FeeReceiptRecord{receiptRecord(1, 2, 25000, true)}})
	batch := []data.OutboxChange{d,
		{Key: "f1", Kind: data.ChangeDossierFees, Subject: d.Subject, Payload: fees, CreatedAt: at},
		statusChange("s1", d.Subject, "received", "stopped"),
		statusChange("s2", d.Subject, "stopped", "received"), // closed
	}
	results := ws.push(batch...)
	for i, want := range []string{"applied", "applied", "applied", "rejected"} {
		if results[i].Result != want {
			t.Errorf("result %d = %+v, want %s", i, results[i], want)
		}
	}
	if r := results[3]; r.Status != data.StatusStopped {
		t.Errorf("the province's status after the refusal: %+v", r)
	}
	if got := srv.Strings(t, `SELECT status FROM dossier WHERE code = $1`, d.Subject); !slices.Equal(got, []string{"stopped"}) {
		t.Errorf("status %v", got)
	}
	got := srv.Strings(t, `SELECT concat_ws(' ', r->>'number', r->>'amount', COALESCE(r->>'by_post', 'false'))
		FROM dossier, jsonb_array_elements(record->'fee_receipts') r WHERE code = $1 ORDER BY 1`, d.Subject)
	if !slices.Equal(got, []string{"10000001 8000 false", "10000002 25000 true"}) {
		t.Errorf("receipts in the record: %v", got)
	}
	// A receipt outside the workstation's block is refused with the batch.
	bad, _ := json.Marshal(data.FeesRecord{Code: d.Subject, Actor: "Lan", Receipts: []data.FeeReceiptRecord{receiptRecord(2, 1, 8000, false)}})
	status, body := ws.do("POST", "/v1/changes", data.PushRequest{Changes: []data.OutboxChange{
		{Key: "f2", Kind: data.ChangeDossierFees, Subject: d.Subject, Payload: bad, CreatedAt: at}}}, nil)
	if status != 400 || !strings.Contains(body, "dãy số") {
		t.Errorf("foreign receipt number: %d %s", status, body)
	}
}
