package province_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/data"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

const agency = "000.30.12.H30"

// faults answers pushes by plan: one mode per push request, then normally.
type faults struct {
	mu     sync.Mutex
	plan   []string
	delay  time.Duration
	pushes int
}

func (f *faults) next() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pushes++
	if len(f.plan) == 0 {
		return ""
	}
	m := f.plan[0]
	f.plan = f.plan[1:]
	return m
}

func (f *faults) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/changes" {
			h.ServeHTTP(w, r)
			return
		}
		switch f.next() {
		case "500": // fails before doing anything
			http.Error(w, `{"error":{"code":"internal","message":"Lỗi nội bộ (thử)."}}`, http.StatusInternalServerError)
		case "503": // overloaded: asks to come back later
			w.Header().Set("Retry-After", "7")
			http.Error(w, `{"error":{"code":"internal","message":"Bận."}}`, http.StatusServiceUnavailable)
		case "drop": // commits, then the answer is lost
			h.ServeHTTP(httptest.NewRecorder(), r)
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		case "slow": // commits, then answers after the client gave up
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			time.Sleep(f.delay)
			w.WriteHeader(rec.Code)
			w.Write(rec.Body.Bytes())
		default:
			h.ServeHTTP(w, r)
		}
	})
}

func TestFaultsLoseAndDuplicateNothing(t *testing.T) {
	tests := []struct {
		name  string
		plan  []string
		check func(t *testing.T, s *station, rep province.Report)
	}{
		{"answer lost after commit", []string{"", "drop"}, func(t *testing.T, s *station, rep province.Report) {
			if rep.Duplicates != 100 {
				t.Errorf("%d duplicates, want the lost batch of 100 answered duplicate", rep.Duplicates)
			}
		}},
		{"500 answers", []string{"500", "500", "500"}, func(t *testing.T, s *station, rep province.Report) {
			if rep.Duplicates != 0 || len(s.sleeps) != 3 {
				t.Errorf("duplicates %d, sleeps %v", rep.Duplicates, s.sleeps)
			}
			// Full jitter below a cap that doubles: 1 s, 2 s, 4 s.
			for i, d := range s.sleeps {
				if d < 0 || d >= time.Second<<i {
					t.Errorf("backoff %d = %v", i, d)
				}
			}
		}},
		{"timeouts", []string{"slow", "", "slow"}, func(t *testing.T, s *station, rep province.Report) {
			if rep.Duplicates != 200 {
				t.Errorf("%d duplicates, want the 2 timed-out batches", rep.Duplicates)
			}
		}},
		{"retry after", []string{"503"}, func(t *testing.T, s *station, rep province.Report) {
			if len(s.sleeps) != 1 || s.sleeps[0] != 7*time.Second {
				t.Errorf("sleeps %v, want the 7 s the server asked for", s.sleeps)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := &faults{plan: tt.plan, delay: 600 * time.Millisecond}
			srv := servertest.Start(t, servertest.Options{Wrap: f.wrap})
			s := enrolled(t, srv, agency, 1)
			s.timeout = 300 * time.Millisecond
			s.worker()
			s.w.Batch = 100
			s.intake(450)
			// Run the real loop; the injected sleep returns at once. Each
			// round's report is added up as the round ends.
			ctx, cancel := context.WithCancel(context.Background())
			var (
				total   province.Report
				syncing bool
			)
			stop := s.w.Watch(func(st province.Status) {
				if syncing && !st.Syncing {
					total.Sent += st.LastReport.Sent
					total.Duplicates += st.LastReport.Duplicates
					if st.LastError == "" && st.Queue == 0 {
						cancel()
					}
				}
				syncing = st.Syncing
			})
			defer stop()
			done := make(chan struct{})
			go func() { s.w.Run(ctx); close(done) }()
			select {
			case <-done:
			case <-time.After(time.Minute):
				cancel()
				t.Fatal("the worker did not finish")
			}
			if total.Sent+total.Duplicates != 450 || s.queue() != 0 {
				t.Errorf("sent %d + %d duplicates, queue %d", total.Sent, total.Duplicates, s.queue())
			}
			tt.check(t, s, total)
			sameAsServer(t, srv, s)
		})
	}
}

func TestRestartWithQueuedChanges(t *testing.T) {
	f := &faults{plan: []string{"", "500"}}
	srv := servertest.Start(t, servertest.Options{Wrap: f.wrap})
	s := enrolled(t, srv, agency, 1)
	s.w.Batch = 100
	s.intake(300)
	if _, err := s.w.SyncOnce(context.Background()); err == nil {
		t.Fatal("the 500 was not reported")
	}
	if q := s.queue(); q != 200 {
		t.Fatalf("queue %d after one batch went through", q)
	}
	// The PC is switched off with changes queued, and more are taken
	// after it is switched on again.
	s.restart()
	if q := s.queue(); q != 200 {
		t.Fatalf("queue %d after restart", q)
	}
	s.intake(0)
	rep := s.syncAll(true)
	if rep.Sent != 200 || rep.Duplicates != 0 {
		t.Errorf("after restart: %+v", rep)
	}
	sameAsServer(t, srv, s)
}

// TestServerKilledMidBatch kills the real server process while a batch
// is being applied, then starts it again.
func TestServerKilledMidBatch(t *testing.T) {
	dbURL := servertest.NewDatabase(t)
	ctx := context.Background()
	store, err := server.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	certs := t.TempDir()
	if err := server.WriteDevCert(certs, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	logs, _ := os.Create(filepath.Join(t.TempDir(), "server.log"))
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "serve", "--listen", addr, "--database", dbURL,
			"--tls-cert", filepath.Join(certs, server.DevCertFile), "--tls-key", filepath.Join(certs, server.DevKeyFile))
		cmd.Env = append(os.Environ(), "MOTCUA_TEST_SERVE=1")
		cmd.Stdout, cmd.Stderr = logs, logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		hc, _ := province.HTTPClient(filepath.Join(certs, server.DevCAFile))
		for range 200 {
			if resp, err := hc.Get("https://" + addr + "/healthz"); err == nil {
				resp.Body.Close()
				return cmd
			}
			time.Sleep(25 * time.Millisecond)
		}
		t.Fatal("the server did not start")
		return nil
	}
	proc := start()
	defer func() { proc.Process.Kill(); proc.Wait() }()
	s := newStation(t, store, "https://"+addr, filepath.Join(certs, server.DevCAFile), agency, 1)
	s.w.Batch = 500
	s.intake(3000)
	count := func() int {
		var n int
		if err := store.Pool().QueryRow(ctx, `SELECT COUNT(*) FROM dossier`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	done := make(chan error, 1)
	go func() {
		_, err := s.w.Push(ctx)
		done <- err
	}()
	// Once a batch is in, wait for the server to be inside the next
	// one's transaction, and kill it there.
	inTx := func() bool {
		var n int
		store.Pool().QueryRow(ctx, `SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()
			AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`).Scan(&n)
		return n > 0
	}
	deadline := time.Now().Add(time.Minute)
	for count() == 0 || !inTx() {
		select {
		case err := <-done:
			t.Fatalf("the push ended (%v) before the server could be killed mid-batch", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("no batch reached the server")
		}
	}
	proc.Process.Kill()
	proc.Wait()
	if err := <-done; err == nil {
		t.Fatal("the push survived the server's death: nothing was killed mid-way")
	}
	n := count()
	if n%500 != 0 || n >= 3000 {
		t.Fatalf("after the kill the server holds %d dossiers: a batch was half applied", n)
	}
	if q := s.queue(); q != 3000-n && q <= 3000-n {
		t.Errorf("queue %d, server %d", q, n)
	}
	proc = start()
	s.syncAll(false)
	sameAsServer(t, storeRows{store}, s)
}

// storeRows runs a test's queries on a server store's database.
type storeRows struct{ *server.Store }

func (s storeRows) Strings(t testing.TB, query string, args ...any) []string {
	t.Helper()
	rows, err := s.Pool().Query(context.Background(), query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		rows.Scan(&v)
		out = append(out, v)
	}
	return out
}

// TestRefusedBatchIsHalvedToTheChangeAtFault: a change of another office
// makes the server refuse the batch whole; the worker isolates it,
// records it as rejected with the server's reason, and sends the rest.
func TestRefusedBatchIsHalvedToTheChangeAtFault(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	s := enrolled(t, srv, agency, 1)
	s.intake(10)
	// The office's agency code was changed after enrollment: dossiers
	// taken since carry a code of another office.
	s.office.AgencyCode = "000.30.99.H30"
	if err := s.db.SaveOffice(context.Background(), s.office); err != nil {
		t.Fatal(err)
	}
	bad := s.intake(1)[0]
	s.office.AgencyCode = agency
	s.db.SaveOffice(context.Background(), s.office)
	s.intake(5)
	rep := s.syncAll(true)
	if rep.Sent != 15 || rep.Rejected != 1 {
		t.Errorf("report %+v", rep)
	}
	rs, _ := s.db.NeedsAttention(context.Background())
	if len(rs) != 1 || rs[0].Subject != bad || !strings.Contains(rs[0].Reason, "chỉ được ghi hồ sơ của đơn vị mình") {
		t.Errorf("needs attention %+v", rs)
	}
	if got := s.w.Status(); got.NeedsAttention != 1 || got.Queue != 0 || !got.Online || got.LastSuccess.IsZero() {
		t.Errorf("status %+v", got)
	}
}

func TestOfflineBackoffAndStatus(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	s := enrolled(t, srv, agency, 1)
	s.intake(3)
	srv.HTTP.Close() // the network is down
	s.w.Rand = func() float64 { return 0.999 }
	var errs int
	for range 12 {
		if _, err := s.w.SyncOnce(context.Background()); err != nil {
			errs++
			s.sleeps = append(s.sleeps, s.w.Backoff(err))
		}
	}
	st := s.w.Status()
	if errs != 12 || st.Online || st.Queue != 3 || st.LastError == "" || !strings.Contains(st.LastError, "sẽ gửi lại") {
		t.Errorf("offline status %+v", st)
	}
	// Caps 1 s, 2 s, 4 s … 256 s, then 5 min for good.
	for i, d := range s.sleeps {
		want := min(time.Second<<i, 5*time.Minute)
		if d > want || d < want*99/100 {
			t.Errorf("backoff %d = %v, cap %v", i, d, want)
		}
	}
}

func TestClientErrorsAndRetryAfterDate(t *testing.T) {
	when := time.Now().Add(90 * time.Second).UTC()
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", when.Format(http.TimeFormat))
		w.Header().Set("Date", time.Now().Add(-7*time.Minute).UTC().Format(http.TimeFormat))
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"error":{"code":"busy","message":"Máy chủ bận."}}`)
	}))
	defer ts.Close()
	c := &province.Client{BaseURL: ts.URL, HTTP: ts.Client()}
	_, err := c.Push(context.Background(), []data.OutboxChange{{Key: "k"}})
	var e *province.Error
	if !errors.As(err, &e) || e.Status != 429 || e.Message != "Máy chủ bận." || e.RetryAfter < 80*time.Second || e.RetryAfter > 91*time.Second {
		t.Fatalf("error %#v", err)
	}
	skew, ok := c.ClockSkew()
	if !ok || skew > -6*time.Minute {
		t.Errorf("skew %v %v", skew, ok)
	}
	st := province.Status{ClockSkew: skew, ClockKnown: ok}
	if w := st.ClockWarning(); !strings.Contains(w, "nhanh") || !strings.Contains(w, "7m") {
		t.Errorf("warning %q", w)
	}
	if w := (province.Status{ClockSkew: 4 * time.Minute, ClockKnown: true}).ClockWarning(); w != "" {
		t.Errorf("warning within 5 min: %q", w)
	}
	// Only the pinned CA is trusted.
	hc, err := province.HTTPClient(writeTemp(t, "ca.pem", mustDevCA(t)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&province.Client{BaseURL: ts.URL, HTTP: hc}).Pull(context.Background(), 0, 1); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("a server outside the pinned CA was trusted: %v", err)
	}
	if _, err := province.CheckURL("http://tinh.example"); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("plain http accepted: %v", err)
	}
}

func mustDevCA(t *testing.T) []byte {
	c, err := server.NewDevCert(nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c.CA
}

func writeTemp(t *testing.T, name string, b []byte) string {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
