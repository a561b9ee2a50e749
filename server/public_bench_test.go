package server_test

import (
	"context"
	"crypto/ed25519"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"motcua/data"
	"motcua/data/scan"
	"motcua/server"
	"motcua/server/servertest"
)

// TestMain drops the benchmark's database, which outlives each run of a
// benchmark function so that its rows are made once per process.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB.name != "" {
		dropDatabase(benchDB.base, benchDB.name)
	}
	os.Exit(code)
}

// Shape of the generated province: offices of 3 workstations each, every
// dossier with an intake, a transfer by an agency and a result.
const (
	genOffices     = 100
	genWorkstation = 3
)

// generated is a province filled with n dossiers straight through COPY.
type generated struct {
	n    int
	keys [genOffices][genWorkstation]ed25519.PrivateKey
}

func genAgency(office int) string { return fmt.Sprintf("000.30.%02d.H30", office) }

// genDossier is the code, office and workstation of the i-th dossier.
func (g *generated) genDossier(i int) (code string, office, ws int) {
	office = i % genOffices
	j := i / genOffices
	ws = j % genWorkstation
	k := j / genWorkstation
	day := time.Date(2026, 1, 5, 8, 0, 0, 0, data.Zone).AddDate(0, 0, k/999)
	return data.DossierCode(genAgency(office), day, (ws+1)*1000+1+k%999), office, ws
}

// payload is the receipt QR payload of the i-th dossier.
func (g *generated) payload(tb testing.TB, i int) string {
	code, office, ws := g.genDossier(i)
	p, err := scan.SignReceipt("", code, g.keys[office][ws])
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// generate fills a migrated database with n dossiers, 3n events, n/10
// ratings and the offices' keys, then analyses it.
func generate(ctx context.Context, tb testing.TB, pool *pgxpool.Pool, n int) *generated {
	g := &generated{n: n}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Release()
	copyRows := func(table string, cols []string, rows int, row func(i int) []any) {
		tb.Helper()
		i := 0
		src := pgx.CopyFromFunc(func() ([]any, error) {
			if i == rows {
				return nil, nil
			}
			i++
			return row(i - 1), nil
		})
		if _, err := conn.CopyFrom(ctx, pgx.Identifier{table}, cols, src); err != nil {
			tb.Fatalf("copy %s: %v", table, err)
		}
	}
	// Identity columns take the ids given with OVERRIDING only: let them
	// count from 1, in the order written.
	copyRows("office", []string{"agency_code", "name", "place"}, genOffices, func(i int) []any {
		return []any{genAgency(i), fmt.Sprintf("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ SỐ %d", i), "Cần Thơ"}
	})
	copyRows("workstation", []string{"office_id", "number"}, genOffices*genWorkstation, func(i int) []any {
		return []any{int64(i/genWorkstation + 1), i%genWorkstation + 1}
	})
	seed := [32]byte{}
	copyRows("workstation_key", []string{"workstation_id", "public_key"}, genOffices*genWorkstation, func(i int) []any {
		seed[0], seed[1] = byte(i), byte(i>>8)
		key := ed25519.NewKeyFromSeed(seed[:])
		g.keys[i/genWorkstation][i%genWorkstation] = key
		return []any{int64(i + 1), []byte(key.Public().(ed25519.PublicKey))}
	})
	rec := data.DossierRecord{ProcedureCode: "1.004837", ProcedureName: "Thủ tục đăng ký lại khai sinh",
		Applicant: data.ApplicantRecord{Name: "Nguyễn Thị Hồng Nhung", IDNumber: "093190001234", BirthDate: "1990-05-17",
			Phone: "0912345678", Email: "nhung@example.vn", Address: "Ấp 3, xã Vị Thanh, TP Cần Thơ"},
		Documents: []data.DocumentRecord{{Name: "Tờ khai", Originals: 1}, {Name: "Giấy chứng sinh", Originals: 1, Copies: 1}},
		Sets:      1, Channel: "counter", ReturnMethod: "counter", WorkingDays: 3, Status: data.StatusReceived,
		Book: 2026, Officer: "Trần Văn Bình"}
	copyRows("dossier", []string{"code", "office_id", "workstation", "procedure_code", "applicant_name", "applicant_id",
		"received_at", "due_date", "status", "record"}, n, func(i int) []any {
		code, office, ws := g.genDossier(i)
		received, _ := time.ParseInLocation("060102", strings.Split(code, "-")[1], data.Zone)
		received = received.Add(8 * time.Hour)
		rec.Code, rec.Workstation, rec.RegisterNo = code, ws+1, i+1
		rec.ReceivedAt, rec.DueDate = received.Format(time.RFC3339), received.AddDate(0, 0, 5).Format(time.DateOnly)
		raw, _ := json.Marshal(rec)
		return []any{code, int64(office + 1), ws + 1, rec.ProcedureCode, rec.Applicant.Name, rec.Applicant.IDNumber,
			received, received.AddDate(0, 0, 5), string(data.StatusResultReady), raw}
	})
	steps := []struct {
		action   string
		from, to data.Status
		agency   bool
	}{
		{"intake", "", data.StatusReceived, false},
		{"status", data.StatusReceived, data.StatusTransferred, false},
		{"status", data.StatusTransferred, data.StatusResultReady, true},
	}
	copyRows("dossier_event", []string{"dossier_code", "workstation_id", "change_key", "at", "actor", "action",
		"from_status", "to_status"}, 3*n, func(i int) []any {
		code, office, ws := g.genDossier(i / 3)
		st := steps[i%3]
		var wsID *int64
		actor := "Trần Văn Bình"
		if !st.agency {
			id := int64(office*genWorkstation + ws + 1)
			wsID = &id
		} else {
			actor = "Phòng Tư pháp"
		}
		at := time.Date(2026, 1, 5, 8, 0, 0, 0, data.Zone).Add(time.Duration(i) * time.Second)
		return []any{code, wsID, "gen-" + strconv.Itoa(i), at, actor, st.action, string(st.from), string(st.to)}
	})
	// A tenth of the dossiers were rated.
	levels := data.RatingLevels
	copyRows("rating", []string{"dossier_code", "level", "comment", "rated_at", "change_key"}, n/10, func(i int) []any {
		code, _, _ := g.genDossier(10 * i)
		return []any{code, string(levels[i%len(levels)]), "", time.Date(2026, 3, 1, 8, 0, 0, 0, data.Zone), "rate-" + strconv.Itoa(i)}
	})
	if _, err := conn.Exec(ctx, `ANALYZE`); err != nil {
		tb.Fatal(err)
	}
	return g
}

// benchDB is the benchmark's province, made once per process.
var benchDB struct {
	once       sync.Once
	base, name string
	url        string
	g          *generated
	err        error
}

func dropDatabase(base, name string) {
	conn, err := pgx.Connect(context.Background(), base)
	if err != nil {
		return
	}
	defer conn.Close(context.Background())
	conn.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
}

// benchProvince returns the URL of a migrated database holding n
// generated dossiers.
func benchProvince(b *testing.B, n int) (string, *generated) {
	benchDB.once.Do(func() {
		base := servertest.DatabaseURL(b)
		conn, err := pgx.Connect(context.Background(), base)
		if err != nil {
			benchDB.err = err
			return
		}
		defer conn.Close(context.Background())
		var r [6]byte
		crand.Read(r[:])
		name := "motcua_bench_" + hex.EncodeToString(r[:])
		if _, err := conn.Exec(context.Background(), "CREATE DATABASE "+name); err != nil {
			benchDB.err = err
			return
		}
		benchDB.base, benchDB.name = base, name
		u, _ := url.Parse(base)
		u.Path = "/" + name
		benchDB.url = u.String()
		store, err := server.Open(context.Background(), benchDB.url)
		if err != nil {
			benchDB.err = err
			return
		}
		defer store.Close()
		start := time.Now()
		benchDB.g = generate(context.Background(), b, store.Pool(), n)
		b.Logf("generated %d dossiers and %d events in %s", n, 3*n, time.Since(start).Round(time.Second))
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	if benchDB.g.n != n {
		b.Fatalf("the database holds %d dossiers, not %d", benchDB.g.n, n)
	}
	return benchDB.url, benchDB.g
}

// BenchmarkPublicLookup opens the tracking page of random dossiers over
// loopback HTTPS, with MOTCUA_BENCH_DOSSIERS dossiers (default 1,000,000)
// in PostgreSQL, and reports the latency's median and 95th percentile:
// by receipt QR, by code and ID digits, and, as the baseline, the lookup
// form, which reads no database. Target: p95 ≤ 20 ms.
func BenchmarkPublicLookup(b *testing.B) {
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("MOTCUA_BENCH_DOSSIERS")); err == nil && v > 0 {
		n = v
	}
	dbURL, g := benchProvince(b, n)
	ctx := context.Background()
	store, err := server.Open(ctx, dbURL)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	pages, err := server.NewPublic(ctx, store, slog.New(slog.NewTextHandler(io.Discard, nil)), server.PublicOptions{})
	if err != nil {
		b.Fatal(err)
	}
	hs := httptest.NewTLSServer(pages.Handler())
	defer hs.Close()
	client := hs.Client()
	rng := rand.New(rand.NewPCG(1, 2))
	qr := make([]string, 1000)
	codes := make([]string, len(qr))
	for i := range qr {
		k := rng.IntN(n)
		qr[i] = hs.URL + "/tra-cuu/" + g.payload(b, k)
		codes[i], _, _ = g.genDossier(k)
	}
	cases := []struct {
		name    string
		request func(i int) *http.Request
	}{
		{"form", func(int) *http.Request {
			req, _ := http.NewRequest("GET", hs.URL+"/tra-cuu", nil)
			return req
		}},
		{"receipt-qr", func(i int) *http.Request {
			req, _ := http.NewRequest("GET", qr[i%len(qr)], nil)
			return req
		}},
		{"code-and-id", func(i int) *http.Request {
			form := url.Values{"ma": {codes[i%len(codes)]}, "so": {"1234"}}
			req, _ := http.NewRequest("POST", hs.URL+"/tra-cuu", strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return req
		}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			get := func(i int) {
				resp, err := client.Do(tc.request(i))
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatalf("status %d", resp.StatusCode)
				}
			}
			for i := range 50 { // warm the connection and the plans
				get(i)
			}
			took := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				get(i)
				took = append(took, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(took)
			at := func(q float64) float64 {
				return float64(took[min(len(took)-1, int(q*float64(len(took))))].Microseconds()) / 1000
			}
			b.ReportMetric(at(0.50), "p50-ms")
			b.ReportMetric(at(0.95), "p95-ms")
			b.ReportMetric(float64(n), "dossiers")
		})
	}
}

// TestPublicLookupUsesIndexes fills a province with generated dossiers and
// checks that every lookup of the public pages finds its rows through an
// index, and the pages answer for them.
func TestPublicLookupUsesIndexes(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	g := generate(ctx, t, srv.DB, 20_000)
	code, office, _ := g.genDossier(12_345)
	args := map[string]any{"keys": genAgency(office), "dossier": code, "events": code, "applicant": code}
	for name, q := range server.PublicQueries {
		rows, _ := srv.DB.Query(ctx, "EXPLAIN "+q, args[name])
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		plan := strings.Join(lines, "\n")
		// The tables that grow with the dossiers; offices and keys stay few.
		for _, table := range []string{"dossier", "dossier_event", "rating"} {
			if strings.Contains(plan, "Seq Scan on "+table+" ") {
				t.Errorf("%s reads all of %s:\n%s", name, table, plan)
			}
		}
	}
	pub := srv.StartPublic(t, server.PublicOptions{})
	for _, i := range []int{0, 12_345, 19_999} {
		resp, err := pub.Client.Get(pub.URL + "/tra-cuu/" + g.payload(t, i))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		code, _, _ := g.genDossier(i)
		if resp.StatusCode != 200 || !strings.Contains(string(body), code) || !strings.Contains(string(body), "Phòng Tư pháp") {
			t.Errorf("dossier %d: %d", i, resp.StatusCode)
		}
	}
}
