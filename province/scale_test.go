package province_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"motcua/data"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

// The province's benchmarks: a province of 100 offices of 5 workstations
// pushing at once, and pulls from a database of 10,000,000 dossiers.
// MOTCUA_BENCH_OFFICES and MOTCUA_BENCH_PROVINCE_DOSSIERS make them small
// for make test; MOTCUA_BENCH_DATABASE_URL names a database kept between
// runs of make bench for the large one.

func sizeEnv(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// pusher is one workstation pushing straight from memory.
type pusher struct {
	c      *province.Client
	agency string
	number int
}

// enrollMany enrolls every workstation of offices at the store and
// returns a client for each, over its own HTTPS connection.
func enrollMany(b *testing.B, srv *servertest.Server, offices, stations int) []pusher {
	b.Helper()
	ctx := context.Background()
	var ps []pusher
	for o := range offices {
		agency := fmt.Sprintf("000.%02d.%02d.H30", 10+o/100, o%100)
		for w := 1; w <= stations; w++ {
			code, err := srv.Store.NewEnrollment(ctx, agency, w, time.Hour)
			if err != nil {
				b.Fatal(err)
			}
			resp, err := srv.Store.Enroll(ctx, data.EnrollRequest{Code: code, AgencyCode: agency, Workstation: w})
			if err != nil {
				b.Fatal(err)
			}
			hc, err := province.HTTPClient(srv.CAFile)
			if err != nil {
				b.Fatal(err)
			}
			ps = append(ps, pusher{c: &province.Client{BaseURL: srv.URL, Token: resp.Token, HTTP: hc}, agency: agency, number: w})
		}
	}
	return ps
}

// batch makes n dossier.created changes of a workstation, the k-th batch.
func (p pusher) batch(k, n int) []data.OutboxChange {
	at := time.Date(2027, 3, 1, 8, 0, 0, 0, data.Zone).AddDate(0, 0, k)
	first, _ := data.SequenceBlock(p.number)
	cs := make([]data.OutboxChange, n)
	for i := range cs {
		code := data.DossierCode(p.agency, at, first+i)
		rec := data.DossierRecord{Code: code, ProcedureCode: "1.004837", ProcedureName: "Thủ tục đăng ký khai sinh",
			Applicant: data.ApplicantRecord{Name: "Nguyễn Thị Hồng Nhung", IDNumber: "093190001234", Phone: "0912345678",
				Address: "Ấp 3, xã Vị Thanh, thành phố Cần Thơ"},
			Documents: []data.DocumentRecord{{Name: "Tờ khai đăng ký khai sinh", Originals: 1}, {Name: "Giấy chứng sinh", Originals: 1}},
			Sets:      1, Channel: "counter", ReturnMethod: "counter", ReceivedAt: at.Add(time.Duration(i) * time.Minute).Format(time.RFC3339),
			WorkingDays: 3, DueDate: at.AddDate(0, 0, 3).Format("2006-01-02"), Status: data.StatusReceived, Book: 2027,
			RegisterNo: k*n + i + 1, Officer: "Trần Văn Bình", Workstation: p.number}
		raw, _ := json.Marshal(rec)
		cs[i] = data.OutboxChange{Key: fmt.Sprintf("%s-%d-%d-%d", p.agency, p.number, k, i), Kind: data.ChangeDossierCreated,
			Subject: code, Payload: raw, CreatedAt: at}
	}
	return cs
}

// BenchmarkProvincePush: 100 offices × 5 workstations (500 clients, each
// on its own HTTPS connection over loopback) push at once, each 4 batches
// of 50 new dossiers: changes per second and the p95 latency of a push.
// The baseline is one workstation pushing the same number of batches
// alone.
func BenchmarkProvincePush(b *testing.B) {
	offices := sizeEnv("MOTCUA_BENCH_OFFICES", 100)
	const stations, batches, size = 5, 4, 50
	srv := servertest.Start(b, servertest.Options{Log: benchLog})
	ps := enrollMany(b, srv, offices, stations)
	ctx := context.Background()
	var (
		took    []time.Duration
		elapsed time.Duration
		round   int
	)
	for b.Loop() {
		var (
			mu sync.Mutex
			wg sync.WaitGroup
		)
		errs := make(chan error, len(ps))
		start := time.Now()
		for _, p := range ps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range batches {
					cs := p.batch(round*batches+k, size)
					t0 := time.Now()
					if _, err := p.c.Push(ctx, cs); err != nil {
						errs <- err
						return
					}
					mu.Lock()
					took = append(took, time.Since(t0))
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		elapsed += time.Since(start)
		round++
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
	}
	changes := len(took) * size
	b.ReportMetric(float64(changes)/elapsed.Seconds(), "changes/s")
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	b.ReportMetric(ms(took[len(took)/2]), "p50-ms")
	b.ReportMetric(ms(took[len(took)*95/100]), "p95-ms")
	b.ReportMetric(float64(len(ps)), "workstations")
	// The baseline: the first workstation alone, as many batches again.
	alone := ps[0]
	start := time.Now()
	for k := range batches {
		if _, err := alone.c.Push(ctx, alone.batch(1000+k, size)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(batches*size)/time.Since(start).Seconds(), "alone-changes/s")
	if n := srv.Count(b, `SELECT COUNT(*) FROM dossier`); n != changes+batches*size {
		b.Fatalf("%d dossiers on the server, want %d", n, changes+batches*size)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// provinceVersion changes whenever the generated provincial database
// changes; a kept database of another version is made again.
const provinceVersion = 1

// provinceDatabase returns a database holding n dossiers of 100 offices
// (5 workstations each) with their feed. With MOTCUA_BENCH_DATABASE_URL
// it is kept there between runs (made once, recorded in bench_info);
// else a fresh one for the run.
func provinceDatabase(b *testing.B, n, offices int) string {
	b.Helper()
	ctx := context.Background()
	url := os.Getenv("MOTCUA_BENCH_DATABASE_URL")
	if url == "" {
		url = servertest.NewDatabase(b)
	}
	store, err := server.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	db := store.Pool()
	if _, err := db.Exec(ctx, `CREATE TABLE IF NOT EXISTS bench_info (version INTEGER, dossiers BIGINT, offices INTEGER)`); err != nil {
		b.Fatal(err)
	}
	var have int64
	err = db.QueryRow(ctx, `SELECT dossiers FROM bench_info WHERE version = $1 AND offices = $2`, provinceVersion, offices).Scan(&have)
	if err == nil && have == int64(n) {
		return url
	}
	if err != nil && err != pgx.ErrNoRows {
		b.Fatal(err)
	}
	for _, q := range []string{`TRUNCATE bench_info, applied_change, feed, dossier_event, rating, dossier, enrollment_code, workstation_key, workstation, office CASCADE`} {
		if _, err := db.Exec(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	start := time.Now()
	per := n / offices
	for o := range offices {
		agency := fmt.Sprintf("000.%02d.%02d.H30", 10+o/100, o%100)
		if _, err := servertest.FillOffice(ctx, db, agency, 5, 0, per); err != nil {
			b.Fatal(err)
		}
		if o%10 == 9 {
			b.Logf("province: %d of %d offices filled in %v", o+1, offices, time.Since(start).Round(time.Second))
		}
	}
	if _, err := db.Exec(ctx, `VACUUM ANALYZE`); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(ctx, `INSERT INTO bench_info (version, dossiers, offices) VALUES ($1, $2, $3)`, provinceVersion, n, offices); err != nil {
		b.Fatal(err)
	}
	return url
}

// BenchmarkProvincePull pulls pages of 1,000 changes from random places of
// random offices' feeds in a database of 10,000,000 dossiers, over
// loopback HTTPS, and reports p50 and p95; the baseline is the same pulls
// from a database of one office's 100,000.
func BenchmarkProvincePull(b *testing.B) {
	n := sizeEnv("MOTCUA_BENCH_PROVINCE_DOSSIERS", 10_000_000)
	const offices = 100
	run := func(b *testing.B, url string, offices int, prefix string) {
		srv := servertest.Start(b, servertest.Options{DatabaseURL: url, Log: benchLog})
		ctx := context.Background()
		var clients []pusher
		for o := range offices {
			agency := fmt.Sprintf("000.%02d.%02d.H30", 10+o/100, o%100)
			code, err := srv.Store.NewReplacement(ctx, agency, 1, time.Hour)
			if err != nil {
				b.Fatal(err)
			}
			resp, err := srv.Store.Enroll(ctx, data.EnrollRequest{Code: code, AgencyCode: agency, Workstation: 1})
			if err != nil {
				b.Fatal(err)
			}
			hc, _ := province.HTTPClient(srv.CAFile)
			clients = append(clients, pusher{c: &province.Client{BaseURL: srv.URL, Token: resp.Token, HTTP: hc}, agency: agency})
		}
		r := rand.New(rand.NewPCG(3, 3))
		var took []time.Duration
		for range 200 {
			c := clients[r.IntN(len(clients))]
			// Somewhere in the office's own feed, as a workstation behind it.
			var lo, hi int64
			srv.DB.QueryRow(ctx, `SELECT MIN(seq), MAX(seq) FROM feed WHERE office_id = (SELECT id FROM office WHERE agency_code = $1)`,
				c.agency).Scan(&lo, &hi)
			after := lo - 1 + r.Int64N(max(hi-lo-1000, 1))
			start := time.Now()
			page, err := c.c.Pull(ctx, after, 1000)
			took = append(took, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			if len(page.Changes) != min(1000, int(hi-after)) {
				b.Fatalf("%d changes after %d of %d–%d", len(page.Changes), after, lo, hi)
			}
		}
		sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
		b.ReportMetric(ms(took[len(took)/2]), prefix+"p50-ms")
		b.ReportMetric(ms(took[len(took)*95/100]), prefix+"p95-ms")
	}
	for b.Loop() {
		run(b, provinceDatabase(b, n, offices), offices, "")
		small := servertest.NewDatabase(b)
		store, err := server.Open(context.Background(), small)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := servertest.FillOffice(context.Background(), store.Pool(), "000.10.00.H30", 5, 0, n/offices); err != nil {
			b.Fatal(err)
		}
		store.Close()
		run(b, small, 1, "one-office-")
	}
	b.ReportMetric(float64(n), "dossiers")
}
