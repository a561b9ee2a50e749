package province_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"motcua/data"
	"motcua/server/servertest"
)

// TestLoad: 20 workstations of 3 offices each take 2,000 dossiers and
// push them at the same time; every dossier arrives exactly once, and a
// workstation then pulls every dossier its office mates took.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	const perStation = 2000
	srv := servertest.Start(t, servertest.Options{})
	offices := []string{"000.30.12.H30", "000.30.13.H30", "000.30.14.H30"}
	var stations []*station
	for i := range 20 {
		stations = append(stations, enrolled(t, srv, offices[i%3], i/3+1))
	}
	var wg sync.WaitGroup
	for _, s := range stations {
		wg.Add(1)
		go func() { defer wg.Done(); s.intake(perStation) }()
	}
	wg.Wait()
	reports := make([]error, len(stations))
	for i, s := range stations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				if _, reports[i] = s.w.Push(context.Background()); reports[i] == nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	for i, err := range reports {
		if err != nil || stations[i].queue() != 0 {
			t.Errorf("station %d: %v, queue %d", i, err, stations[i].queue())
		}
	}
	if n := srv.Count(t, `SELECT COUNT(*) FROM dossier`); n != 20*perStation {
		t.Errorf("%d dossiers on the server", n)
	}
	sameAsServer(t, srv, stations...)

	// Workstation 1 of the first office receives its 6 mates' dossiers.
	s := stations[0]
	rep := s.syncAll(true)
	mates := 0
	for _, o := range stations[1:] {
		if o.office.AgencyCode == s.office.AgencyCode {
			mates++
		}
	}
	if rep.Received != mates*perStation {
		t.Errorf("received %d, want %d", rep.Received, mates*perStation)
	}
	if got := len(s.rows(stationDossier)); got != (mates+1)*perStation {
		t.Errorf("station has %d dossiers", got)
	}
}

// BenchmarkPush100k pushes 100,000 queued changes (MOTCUA_BENCH_CHANGES
// to change) from one workstation to the server over loopback HTTPS and
// reports changes/s. Target: at least 5,000.
func BenchmarkPush100k(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("MOTCUA_BENCH_CHANGES")); err == nil && v > 0 {
		n = v
	}
	var total time.Duration
	for range b.N {
		b.StopTimer()
		srv := servertest.Start(b, servertest.Options{Log: benchLog})
		s := enrolled(b, srv, "000.30.12.H30", 1)
		fill(b, s, n)
		b.StartTimer()
		start := time.Now()
		rep, err := s.w.Push(context.Background())
		total += time.Since(start)
		if err != nil || rep.Sent != n {
			b.Fatalf("sent %d of %d: %v", rep.Sent, n, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/total.Seconds(), "changes/s")
}

// fill queues n dossier.created changes straight into the outbox, copied
// from one real intake with new codes: taking 100,000 dossiers through
// Intake would take longer than pushing them.
func fill(b *testing.B, s *station, n int) {
	b.Helper()
	s.intake(1)
	cs, err := s.db.Outbox(context.Background(), 1)
	if err != nil || len(cs) != 1 {
		b.Fatal(err)
	}
	var rec map[string]any
	json.Unmarshal(cs[0].Payload, &rec)
	db, err := sql.Open("sqlite3", "file:"+s.file+"?_busy_timeout=5000&_txlock=immediate")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	st, err := tx.Prepare(`INSERT INTO outbox (key, kind, subject, payload, created_at) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	day := time.Date(2026, 1, 1, 8, 0, 0, 0, data.Zone)
	for i := 1; i < n; i++ {
		code := data.DossierCode(s.office.AgencyCode, day.AddDate(0, 0, i/999), 1001+i%999)
		rec["code"] = code
		raw, _ := json.Marshal(rec)
		if _, err := st.Exec(fmt.Sprintf("bench-%d", i), data.ChangeDossierCreated, code, string(raw), cs[0].CreatedAt.Format(time.RFC3339)); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

var benchLog = func() io.Writer {
	if os.Getenv("MOTCUA_BENCH_LOG") != "" {
		return os.Stderr
	}
	return nil
}()
