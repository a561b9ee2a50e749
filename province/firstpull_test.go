package province_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"motcua/data"
	"motcua/server/servertest"
)

// cutter cuts the connection in the middle of the answer to the pull
// it is armed for (the n-th GET /v1/changes from then on).
type cutter struct {
	armed atomic.Int64 // pulls to let through before cutting; 0: never
}

func (c *cutter) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != "/v1/changes" || c.armed.Load() == 0 || c.armed.Add(-1) > 0 {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
		buf.Write(body[:len(body)/2])
		buf.Flush()
		conn.Close()
	})
}

// TestFirstPullResumes: a new workstation's first pull of an office's
// feed is cut in the middle of a page; every page before it stays
// applied with its cursor, and the next sync goes on from there with
// nothing lost or doubled, telling its progress against what the server
// says remains.
func TestFirstPullResumes(t *testing.T) {
	const n, page = 2500, 100
	cut := &cutter{}
	srv := servertest.Start(t, servertest.Options{Wrap: cut.wrap})
	const agency = "000.30.12.H30"
	if _, err := servertest.FillOffice(context.Background(), srv.DB, agency, 3, 0, n); err != nil {
		t.Fatal(err)
	}
	s := enrolled(t, srv, agency, 4)
	s.w.PullLimit = page
	ctx := context.Background()
	cut.armed.Store(7)
	if _, err := s.w.SyncOnce(ctx); err == nil {
		t.Fatal("a pull cut short succeeded")
	}
	cursor, _ := s.db.Cursor(ctx)
	if got := len(s.rows(stationDossier)); got != 6*page || cursor == 0 {
		t.Fatalf("after the cut: %d dossiers, cursor %d; want the 6 pages before it", got, cursor)
	}
	var (
		mu    sync.Mutex
		steps [][2]int
	)
	progress := data.WithProgress(ctx, func(done, total int) {
		mu.Lock()
		steps = append(steps, [2]int{done, total})
		mu.Unlock()
	})
	rep, err := s.w.SyncOnce(progress)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Received != n-6*page {
		t.Errorf("received %d on resuming, want %d", rep.Received, n-6*page)
	}
	if got := len(s.rows(stationDossier)); got != n {
		t.Errorf("%d dossiers, want %d", got, n)
	}
	if events := s.rows(`SELECT COUNT(*) FROM dossier_event`); events[0] != strconv.Itoa(n) {
		t.Errorf("%s events, want %d: one intake each", events[0], n)
	}
	rest := n - 6*page
	if len(steps) != rest/page {
		t.Fatalf("progress told %d times, want once a page: %v", len(steps), steps)
	}
	for i, st := range steps {
		if st[0] != (i+1)*page || st[1] != rest {
			t.Errorf("progress %d: %d of %d, want %d of %d", i, st[0], st[1], (i+1)*page, rest)
		}
	}
}

// BenchmarkFirstPull: a new workstation pulls the whole feed of an office
// holding 200,000 dossiers (MOTCUA_BENCH_OFFICE_DOSSIERS) over loopback
// HTTPS, page by page, each applied with its cursor in one transaction.
// It reports the time and changes/s, beside the server alone: the same
// pages fetched and decoded without applying them.
func BenchmarkFirstPull(b *testing.B) {
	n := 200_000
	if v, err := strconv.Atoi(os.Getenv("MOTCUA_BENCH_OFFICE_DOSSIERS")); err == nil && v > 0 {
		n = v
	}
	srv := servertest.Start(b, servertest.Options{Log: benchLog})
	const agency = "000.30.12.H30"
	if _, err := servertest.FillOffice(context.Background(), srv.DB, agency, 5, 0, n); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var took, fetch time.Duration
	for i := 0; b.Loop(); i++ {
		s := enrolled(b, srv, agency, 6+i%4)
		start := time.Now()
		rep, err := s.w.SyncOnce(ctx)
		took += time.Since(start)
		if err != nil || rep.Received != n {
			b.Fatalf("received %d of %d: %v", rep.Received, n, err)
		}
		// The baseline: the server's pages alone.
		start = time.Now()
		after, got := int64(0), 0
		for {
			page, err := s.w.Client.Pull(ctx, after, 1000)
			if err != nil {
				b.Fatal(err)
			}
			got += len(page.Changes)
			after = page.Next
			if !page.More {
				break
			}
		}
		fetch += time.Since(start)
		if got != n {
			b.Fatalf("fetched %d of %d", got, n)
		}
	}
	b.ReportMetric(took.Seconds()/float64(b.N), "s/first-pull")
	b.ReportMetric(float64(n*b.N)/took.Seconds(), "changes/s")
	b.ReportMetric(float64(n*b.N)/fetch.Seconds(), "server-only-changes/s")
}
