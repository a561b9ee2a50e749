package province_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"motcua/data"
	"motcua/data/catalogfile"
	"motcua/data/sqlite"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

// TestMain lets a test start this binary as the real server process
// (MOTCUA_TEST_SERVE=1), so that a test can kill it.
func TestMain(m *testing.M) {
	if os.Getenv("MOTCUA_TEST_SERVE") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := server.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

var (
	catalogOnce sync.Once
	catalog     []data.Procedure
)

func sampleCatalog(t testing.TB) []data.Procedure {
	catalogOnce.Do(func() {
		f, err := os.Open("../assets/catalog/sample.json")
		if err != nil {
			panic(err)
		}
		defer f.Close()
		catalog, err = catalogfile.Parse("sample.json", f)
		if err != nil {
			panic(err)
		}
	})
	return catalog
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// clock is the stations' fixed "now": every intake is received before it.
var clock = time.Date(2027, 6, 1, 9, 0, 0, 0, data.Zone)

// station is one enrolled workstation: its own SQLite store and worker.
type station struct {
	t      testing.TB
	file   string
	office data.Office
	db     *sqlite.DB
	w      *province.Worker
	// Timeout bounds each request of the worker; 0 is the default.
	timeout time.Duration

	mu     sync.Mutex
	sleeps []time.Duration
}

// newStation sets up workstation n of an office and enrolls it with the
// server at url (trusting ca), using a code from store.
func newStation(t testing.TB, store *server.Store, url, ca, agency string, n int) *station {
	t.Helper()
	ctx := context.Background()
	s := &station{t: t, file: filepath.Join(t.TempDir(), "motcua.db"),
		office: data.Office{AgencyCode: agency, Name: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VỊ THANH",
			Parent: "ỦY BAN NHÂN DÂN XÃ VỊ THANH", Place: "Vị Thanh", Workstation: n}}
	s.open()
	if err := s.db.SaveOffice(ctx, s.office); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ImportProcedures(ctx, sampleCatalog(t)); err != nil {
		t.Fatal(err)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	s.db.AddKey(ctx, data.WorkstationKey{AgencyCode: agency, Workstation: n, PublicKey: pub})
	hc, err := province.HTTPClient(ca)
	if err != nil {
		t.Fatal(err)
	}
	code, err := store.NewEnrollment(ctx, agency, n, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := (&province.Client{BaseURL: url, HTTP: hc}).Enroll(ctx, data.EnrollRequest{Code: code, AgencyCode: agency, Workstation: n, PublicKey: pub})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.SaveSyncSettings(ctx, data.SyncSettings{ServerURL: url, Token: resp.Token, CAFile: ca}); err != nil {
		t.Fatal(err)
	}
	s.worker()
	return s
}

func enrolled(t testing.TB, srv *servertest.Server, agency string, n int) *station {
	return newStation(t, srv.Store, srv.URL, srv.CAFile, agency, n)
}

func (s *station) open() {
	s.t.Helper()
	db, err := sqlite.Open(context.Background(), s.file)
	if err != nil {
		s.t.Fatal(err)
	}
	db.Now = func() time.Time { return clock }
	s.db = db
	s.t.Cleanup(func() { db.Close() })
}

// worker makes a fresh worker from the stored settings. It never really
// sleeps: it records how long it was asked to.
func (s *station) worker() {
	s.t.Helper()
	settings, err := s.db.SyncSettings(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	c, err := province.NewClient(settings)
	if err != nil {
		s.t.Fatal(err)
	}
	c.Timeout = s.timeout
	s.w = &province.Worker{Store: s.db, Client: c, Now: func() time.Time { return clock }, Log: quiet,
		Sleep: func(ctx context.Context, d time.Duration) error {
			s.mu.Lock()
			s.sleeps = append(s.sleeps, d)
			s.mu.Unlock()
			return ctx.Err()
		}}
}

// restart closes the store and opens it again, as after a reboot.
func (s *station) restart() {
	s.t.Helper()
	s.db.Close()
	s.open()
	s.worker()
}

// intake takes n dossiers through the store's real Intake, spread over
// days so that no day runs out of numbers.
func (s *station) intake(n int) []string {
	s.t.Helper()
	ctx := context.Background()
	codes := make([]string, 0, n)
	for i := range n {
		req := data.IntakeRequest{ProcedureCode: "1.004837",
			Applicant: data.Applicant{Name: fmt.Sprintf("Nguyễn Thị Hồng Nhung %d", i), IDNumber: "093190001234",
				Address: "Ấp 3, xã Vị Thanh, TP Cần Thơ"},
			Documents:  []data.SubmittedDocument{{Name: "Tờ khai", Originals: 1}},
			ReceivedAt: time.Date(2027, 3, 1, 8, 0, 0, 0, data.Zone).AddDate(0, 0, i/900).Add(time.Duration(i%900) * time.Second),
			Officer:    "Trần Văn Bình"}
		d, err := s.db.Intake(ctx, req)
		if err != nil {
			s.t.Fatal(err)
		}
		codes = append(codes, d.Code)
	}
	return codes
}

// syncAll runs rounds until one succeeds with nothing left queued.
func (s *station) syncAll(pull bool) province.Report {
	s.t.Helper()
	var total province.Report
	for range 20 {
		var (
			rep province.Report
			err error
		)
		if pull {
			rep, err = s.w.SyncOnce(context.Background())
		} else {
			rep, err = s.w.Push(context.Background())
		}
		total.Sent += rep.Sent
		total.Duplicates += rep.Duplicates
		total.Rejected += rep.Rejected
		total.Received += rep.Received
		if err == nil {
			if n, _ := s.db.QueueLength(context.Background()); n == 0 {
				return total
			}
		}
	}
	s.t.Fatalf("station %d: the queue did not empty", s.office.Workstation)
	return total
}

func (s *station) queue() int {
	n, err := s.db.QueueLength(context.Background())
	if err != nil {
		s.t.Fatal(err)
	}
	return n
}

// rows reads the first column of a query on the station's SQLite file.
func (s *station) rows(query string) []string {
	s.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+s.file+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	rs, err := db.Query(query)
	if err != nil {
		s.t.Fatal(err)
	}
	defer rs.Close()
	var out []string
	for rs.Next() {
		var v string
		rs.Scan(&v)
		out = append(out, v)
	}
	return out
}

const (
	eventRow       = `dossier_code || '|' || action || '|' || to_status || '|' || actor`
	serverEvents   = `SELECT ` + eventRow + ` FROM dossier_event ORDER BY 1`
	stationEvents  = `SELECT ` + eventRow + ` FROM dossier_event WHERE remote_key IS NULL AND action <> 'sync.rejected'`
	stationDossier = `SELECT code FROM dossier`
)

// sameAsServer checks that the server holds exactly the stations'
// dossiers and events: nothing lost, nothing twice.
func sameAsServer(t testing.TB, db interface {
	Strings(testing.TB, string, ...any) []string
}, stations ...*station) {
	t.Helper()
	var codes, events []string
	for _, s := range stations {
		codes = append(codes, s.rows(stationDossier+fmt.Sprintf(` WHERE workstation = %d`, s.office.Workstation))...)
		events = append(events, s.rows(stationEvents)...)
	}
	slices.Sort(codes)
	slices.Sort(events)
	gotCodes := db.Strings(t, `SELECT code FROM dossier ORDER BY code`)
	gotEvents := db.Strings(t, serverEvents)
	if !slices.Equal(gotCodes, codes) {
		t.Errorf("server has %d dossiers, the stations %d", len(gotCodes), len(codes))
	}
	if !slices.Equal(gotEvents, events) {
		t.Errorf("server has %d events, the stations %d", len(gotEvents), len(events))
	}
	if len(codes) == 0 {
		t.Error("nothing to compare")
	}
}
