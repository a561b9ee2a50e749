package province_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"motcua/data"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

// serveProcess starts this test binary as a real motcua-server process
// (see TestMain) on dbURL and a free loopback port, until the test ends,
// and returns its address.
func serveProcess(t *testing.T, dbURL, certs string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	logs, _ := os.Create(filepath.Join(t.TempDir(), "server.log"))
	cmd := exec.Command(os.Args[0], "serve", "--listen", addr, "--database", dbURL,
		"--tls-cert", filepath.Join(certs, server.DevCertFile), "--tls-key", filepath.Join(certs, server.DevKeyFile))
	cmd.Env = append(os.Environ(), "MOTCUA_TEST_SERVE=1")
	cmd.Stdout, cmd.Stderr = logs, logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	hc, _ := province.HTTPClient(filepath.Join(certs, server.DevCAFile))
	for range 400 {
		if resp, err := hc.Get("https://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return "https://" + addr
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("the server did not start")
	return ""
}

// recorder remembers the feed positions of every change a workstation
// pulled, in the order it applied them.
type recorder struct {
	data.SyncStore
	mu   sync.Mutex
	seqs []int64
}

func (r *recorder) ApplyRemote(ctx context.Context, page data.PullPage) (int, error) {
	n, err := r.SyncStore.ApplyRemote(ctx, page)
	if err == nil {
		r.mu.Lock()
		for _, c := range page.Changes {
			r.seqs = append(r.seqs, c.Seq)
		}
		r.mu.Unlock()
	}
	return n, err
}

// pool is the provincial database as sameAsServer reads it.
type pool struct{ s *server.Store }

func (p pool) Strings(t testing.TB, query string, args ...any) []string {
	t.Helper()
	rows, _ := p.s.Pool().Query(context.Background(), query, args...)
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return out
}

// TestTwoServerProcesses: two motcua-server processes on one PostgreSQL
// serve the same offices, as behind a load balancer. Six workstations of
// two offices take dossiers, change their statuses, and push and pull at
// the same time, each round through the other server. Nothing is lost or
// applied twice, and every workstation pulls every change of its office
// exactly once and in the feed's order: the feed's per-office advisory
// locks hold across processes.
func TestTwoServerProcesses(t *testing.T) {
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
	urls := []string{serveProcess(t, dbURL, certs), serveProcess(t, dbURL, certs)}
	ca := filepath.Join(certs, server.DevCAFile)
	offices := []string{"000.30.12.H30", "000.30.13.H30"}
	var stations []*station
	var recs []*recorder
	for i := range 6 {
		s := newStation(t, store, urls[i%2], ca, offices[i%2], i/2+1)
		s.w.Batch, s.w.PullLimit = 7, 13 // many small batches and pages, to interleave
		rec := &recorder{SyncStore: s.db}
		s.w.Store = rec
		stations, recs = append(stations, s), append(recs, rec)
	}
	const rounds, perRound = 5, 12
	errs := make([]error, len(stations))
	var wg sync.WaitGroup
	for i, s := range stations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.work(i, rounds, perRound, urls)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("station %d: %v", i, err)
		}
	}
	// Every station pulls what the others pushed last, through either server.
	for round := range 2 {
		for i, s := range stations {
			s.w.Client.BaseURL = urls[(i+round)%2]
			if _, err := s.w.SyncOnce(ctx); err != nil {
				t.Fatalf("station %d: final sync: %v", i, err)
			}
		}
	}

	total := len(stations) * rounds * perRound
	var dossiers, applied, feedRows, feedKeys int
	store.Pool().QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM dossier), (SELECT COUNT(*) FROM applied_change WHERE result = 'applied'),
		(SELECT COUNT(*) FROM feed), (SELECT COUNT(DISTINCT key) FROM feed)`).Scan(&dossiers, &applied, &feedRows, &feedKeys)
	changes := total + total/3 // each third dossier moved once
	if dossiers != total || applied != changes || feedRows != changes || feedKeys != feedRows {
		t.Errorf("server: %d dossiers (want %d), %d changes applied and %d in the feed under %d keys (want %d)",
			dossiers, total, applied, feedRows, feedKeys, changes)
	}
	sameAsServer(t, pool{store}, stations...)
	for i, s := range stations {
		var want []int64
		rows, _ := store.Pool().Query(ctx, `SELECT f.seq FROM feed f JOIN office o ON o.id = f.office_id
			WHERE o.agency_code = $1 ORDER BY f.seq`, s.office.AgencyCode)
		want, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			t.Fatal(err)
		}
		if got := recs[i].seqs; !slices.Equal(got, want) {
			t.Errorf("station %d pulled %d changes, the feed of its office has %d: not every change once, in order (first difference at %d)",
				i, len(got), len(want), firstDifference(got, want))
		}
		if n := len(s.rows(stationDossier)); n != total/2 {
			t.Errorf("station %d holds %d dossiers, its office %d", i, n, total/2)
		}
		if dup := s.rows(`SELECT remote_key FROM dossier_event WHERE remote_key IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1`); len(dup) > 0 {
			t.Errorf("station %d recorded %d pulled events twice", i, len(dup))
		}
	}
}

// work takes dossiers and moves some in each round, then syncs through
// the next server; it reports instead of failing, off the test's goroutine.
func (s *station) work(i, rounds, perRound int, urls []string) error {
	ctx := context.Background()
	for round := range rounds {
		for k := range perRound {
			n := round*perRound + k
			d, err := s.db.Intake(ctx, data.IntakeRequest{ProcedureCode: "1.004837",
				Applicant: data.Applicant{Name: fmt.Sprintf("Lê Thị Thu %d-%d", i, n), IDNumber: "093190001234",
					Address: "Ấp 3, xã Vị Thanh, TP Cần Thơ"},
				Documents:  []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}},
				ReceivedAt: time.Date(2027, 3, 1, 8, 0, 0, 0, data.Zone).Add(time.Duration(n) * time.Minute),
				Officer:    "Trần Văn Bình"})
			if err != nil {
				return err
			}
			if n%3 == 0 {
				if _, err := s.db.SetStatus(ctx, d.Code, data.StatusTransferred, "Trần Văn Bình", "Chuyển Phòng Tư pháp"); err != nil {
					return err
				}
			}
		}
		s.w.Client.BaseURL = urls[(i+round)%2]
		var err error
		for range 5 {
			if _, err = s.w.SyncOnce(ctx); err == nil {
				break
			}
		}
		if err != nil {
			return fmt.Errorf("round %d: %w", round, err)
		}
	}
	return nil
}

func firstDifference(a, b []int64) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
