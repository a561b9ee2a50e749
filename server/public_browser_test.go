package server_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"motcua/counter"
	"motcua/data"
	"motcua/data/catalogfile"
	"motcua/data/password"
	"motcua/data/scan"
	"motcua/data/sqlite"
	"motcua/province"
	"motcua/server"
	"motcua/server/servertest"
)

// required finds a program the full suite needs: without it the test is
// skipped, unless MOTCUA_GUI_TEST says the full suite is running.
func required(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("MOTCUA_GUI_TEST") != "" {
		t.Fatalf("%s is not installed, and MOTCUA_GUI_TEST is set: make test installs it (Debian package)", names[0])
	}
	t.Skipf("%s is not installed (Debian package; make test installs it): the browser test is skipped", names[0])
	return ""
}

// workstation is a counter PC of the office: its own SQLite store, desk
// and sync worker, enrolled with the server.
type workstation struct {
	db   *sqlite.DB
	desk *counter.Desk
	sync *province.Worker
}

func newWorkstation(t *testing.T, srv *servertest.Server, n int, prefix string) *workstation {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqlite.Open(ctx, filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SaveOffice(ctx, data.Office{AgencyCode: agency, Name: officeName, Parent: "ỦY BAN NHÂN DÂN XÃ VỊ THANH",
		Place: "Vị Thanh", Workstation: n, TrackingPrefix: prefix}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("../assets/catalog/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := catalogfile.Parse("sample.json", f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportProcedures(ctx, ps); err != nil {
		t.Fatal(err)
	}
	desk := counter.New(db, dir)
	desk.Passwords = password.Fast
	if _, err := desk.CreateFirstAdmin(ctx, "binh", "Trần Văn Bình", "mat-khau-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := desk.Enroll(ctx, srv.URL, srv.Enrollment(t, agency, n), srv.CAFile); err != nil {
		t.Fatal(err)
	}
	settings, err := db.SyncSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	client, err := province.NewClient(settings)
	if err != nil {
		t.Fatal(err)
	}
	w := &province.Worker{Store: db, Client: client, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	return &workstation{db: db, desk: desk, sync: w}
}

func (w *workstation) syncOnce(t *testing.T) {
	t.Helper()
	if _, err := w.sync.SyncOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func (w *workstation) intake(t *testing.T, a data.ApplicantRecord) data.Dossier {
	t.Helper()
	birth, _ := data.ParseDate(a.BirthDate)
	d, err := w.db.Intake(context.Background(), data.IntakeRequest{ProcedureCode: "1.004837",
		Applicant: data.Applicant{Name: a.Name, IDNumber: a.IDNumber, BirthDate: birth, Phone: a.Phone, Email: a.Email, Address: a.Address},
		Documents: []data.SubmittedDocument{{Name: "Tờ khai đăng ký giám hộ", Originals: 1}}, Officer: "Trần Văn Bình"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// receiptQR prints a dossier's receipt and decodes the QR codes of its
// pages as a phone would.
func receiptQR(t *testing.T, w *workstation, code string) string {
	t.Helper()
	pdftoppm, zbarimg := required(t, "pdftoppm"), required(t, "zbarimg")
	path, err := w.desk.Receipt(context.Background(), code, false)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if out, err := exec.Command(pdftoppm, "-r", "150", "-png", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	sort.Strings(pages)
	var texts []string
	for _, p := range pages {
		out, err := exec.Command(zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", p).Output()
		if err != nil {
			t.Fatalf("zbarimg %s: %v", filepath.Base(p), err)
		}
		texts = append(texts, strings.TrimSpace(string(out)))
	}
	if len(texts) != 2 || texts[0] != texts[1] {
		t.Fatalf("receipt QR codes: %q", texts)
	}
	return texts[0]
}

// browser is a headless Chromium the size of a phone.
type browser struct {
	t   *testing.T
	ctx context.Context
	// shots is where screenshots go: MOTCUA_SCREENSHOT_DIR or a
	// temporary folder.
	shots string
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := required(t, "chromium", "chromium-browser")
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		// The test's server has a certificate of a private CA.
		chromedp.Flag("ignore-certificate-errors", true),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844),
	)
	t.Cleanup(cancel)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(cancelTab)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTime)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulatePortrait, chromedp.EmulateMobile)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	shots := os.Getenv("MOTCUA_SCREENSHOT_DIR")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	return &browser{t: t, ctx: ctx, shots: shots}
}

// shown is what the browser rendered: the status of the page's answer,
// its visible text and its HTML.
type shown struct {
	status int64
	text   string
	html   string
}

func (b *browser) open(url string) shown {
	b.t.Helper()
	resp, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(url))
	if err != nil {
		b.t.Fatalf("open: %v", err)
	}
	return b.read(resp.Status)
}

func (b *browser) read(status int64) shown {
	b.t.Helper()
	text, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		b.t.Fatal(err)
	}
	html, err := chromedp.Run(b.ctx, chromedp.OuterHTML(chromedp.CSS("html")))
	if err != nil {
		b.t.Fatal(err)
	}
	return shown{status, strings.Join(strings.Fields(text), " "), html}
}

// screenshot saves what the phone's screen shows, scrolled to sel.
func (b *browser) screenshot(name, sel string) string {
	b.t.Helper()
	if sel != "" {
		if err := chromedp.Do(b.ctx, chromedp.ScrollIntoView(chromedp.CSS(sel))); err != nil {
			b.t.Fatal(err)
		}
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	path := filepath.Join(b.shots, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", path)
	return path
}

func (s shown) check(t *testing.T, what string, want, unwanted []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(s.text, w) {
			t.Errorf("%s: the browser shows no %q\n%s", what, w, s.text)
		}
	}
	for _, u := range unwanted {
		if strings.Contains(s.html, u) {
			t.Errorf("%s: the page's HTML holds %q", what, u)
		}
	}
}

// TestPublicPagesInBrowser prints a real receipt, reads its QR code as a
// phone would, opens the address in headless Chromium and rates the
// service through the page; a second workstation of the office then has
// the rating.
func TestPublicPagesInBrowser(t *testing.T) {
	b := newBrowser(t)
	ctx := context.Background()
	srv := servertest.Start(t, servertest.Options{})
	pub := srv.StartPublic(t, server.DefaultPublicOptions)
	prefix := pub.URL + "/tra-cuu/"
	ws1 := newWorkstation(t, srv, 1, prefix)
	ws2 := newWorkstation(t, srv, 2, prefix)

	d := ws1.intake(t, han)
	ws1.syncOnce(t)
	qr := receiptQR(t, ws1, d.Code)
	if !strings.HasPrefix(qr, prefix+"MC1-") {
		t.Fatalf("the receipt's QR is %q, want the tracking address %s…", qr, prefix)
	}
	// The counter's scanner still reads the same code.
	if res, err := ws1.desk.Scan(ctx, qr); err != nil || !res.Valid || res.Code != d.Code {
		t.Fatalf("the counter scans %+v %v", res, err)
	}

	hidden := append(personal, "Trần Văn Bình")
	p := b.open(qr)
	if p.status != 200 {
		t.Fatalf("genuine receipt: %d\n%s", p.status, p.text)
	}
	p.check(t, "genuine", []string{officeName, "Vị Thanh", d.ProcedureName, d.Code, "T. T. N. Hân", "Đã tiếp nhận",
		d.DueDate.Format("02/01/2006"), "Tiếp nhận hồ sơ"}, hidden)
	b.screenshot("tra-cuu-ho-so.png", "")

	forged := qr[:len(qr)-3] + map[bool]string{true: "8", false: "7"}[qr[len(qr)-3] == '7'] + qr[len(qr)-2:]
	p = b.open(forged)
	if p.status != 404 {
		t.Errorf("forged receipt: %d", p.status)
	}
	p.check(t, "forged", []string{"Mã không đúng hoặc không tìm thấy hồ sơ"}, append([]string{officeName, d.Code, "Hân", "Thủ tục"}, hidden...))
	b.screenshot("tra-cuu-gia-mao.png", "")

	// Without the QR: the code and the last digits of the ID number.
	p = b.open(pub.URL + "/tra-cuu")
	p.check(t, "form", []string{"Mã hồ sơ", "4 số cuối số định danh", "Tra cứu"}, hidden)
	if err := chromedp.Do(b.ctx,
		chromedp.SendKeys(chromedp.ID("ma"), strings.ToLower(d.Code)),
		chromedp.SendKeys(chromedp.ID("so"), han.IDNumber[len(han.IDNumber)-4:]),
	); err != nil {
		t.Fatal(err)
	}
	b.screenshot("tra-cuu-theo-ma.png", "")
	resp, err := chromedp.RunResponse(b.ctx, chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	if err != nil {
		t.Fatal(err)
	}
	p = b.read(resp.Status)
	if p.status != 200 {
		t.Fatalf("lookup by code: %d\n%s", p.status, p.text)
	}
	p.check(t, "lookup by code", []string{d.Code, "T. T. N. Hân", "Đã tiếp nhận"}, hidden)

	// A name holding a script stays text, and nothing runs.
	evil := han
	evil.Name = "Lê Văn <script>window.pwned=1</script>"
	e := ws1.intake(t, evil)
	ws1.syncOnce(t)
	p = b.open(prefix + receiptPayload(t, ws1, e.Code))
	p.check(t, "script in a name", []string{"L. V. <script>window.pwned=1</script>"}, []string{"<script>"})
	if ran, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.pwned === 1`)); err != nil || ran {
		t.Errorf("the script in the name ran: %v %v", ran, err)
	}

	// The agency decides, the counter hands the result over: the page
	// offers the rating.
	if err := srv.Store.SetStatus(ctx, d.Code, data.StatusResultReady, agencyName, ""); err != nil {
		t.Fatal(err)
	}
	ws1.syncOnce(t)
	if _, err := ws1.db.ReturnResult(ctx, d.Code, data.Recipient{IDNumber: han.IDNumber}, "Trần Văn Bình"); err != nil {
		t.Fatal(err)
	}
	ws1.syncOnce(t)
	p = b.open(qr)
	p.check(t, "returned", []string{"Đã trả kết quả", agencyName, "Rất hài lòng", "Hài lòng", "Không hài lòng", "Gửi đánh giá"}, hidden)
	b.screenshot("danh-gia.png", "#danh-gia")

	comment := "Cán bộ hướng dẫn tận tình, đúng hẹn"
	if err := chromedp.Do(b.ctx,
		chromedp.Click(chromedp.CSS(`input[name="muc"][value="satisfied"]`)),
		chromedp.SendKeys(chromedp.ID("gop-y"), comment),
	); err != nil {
		t.Fatal(err)
	}
	resp, err = chromedp.RunResponse(b.ctx, chromedp.Click(chromedp.CSS(`button[type="submit"]`)))
	if err != nil {
		t.Fatal(err)
	}
	p = b.read(resp.Status)
	if p.status != 200 {
		t.Fatalf("rating: %d\n%s", p.status, p.text)
	}
	p.check(t, "rated", []string{"Cảm ơn ông/bà đã đánh giá", "Ông/bà đã đánh giá: Hài lòng"}, append([]string{"Gửi đánh giá"}, hidden...))
	b.screenshot("da-danh-gia.png", "#danh-gia")

	// The office's other workstation pulls the rating.
	ws2.syncOnce(t)
	r, err := ws2.db.Rating(ctx, d.Code)
	if err != nil {
		t.Fatalf("workstation 2: %v", err)
	}
	if r.Level != data.RatingSatisfied || r.Comment != comment {
		t.Errorf("workstation 2 has %+v", r)
	}
	// The return desk's dossier view at workstation 2 carries it.
	if v, err := ws2.desk.View(ctx, d.Code); err != nil || v.Rating == nil || v.Rating.Level != data.RatingSatisfied {
		t.Errorf("workstation 2's dossier view: rating %+v, %v", v.Rating, err)
	}
	counts, err := ws2.db.RatingCounts(ctx, time.Now().AddDate(0, 0, -1), time.Now().Add(time.Hour))
	if err != nil || counts != (data.RatingCounts{Satisfied: 1}) {
		t.Errorf("workstation 2 counts %+v %v", counts, err)
	}
}

// receiptPayload signs a dossier's receipt payload with the workstation's
// key, as its receipt would print it, without printing.
func receiptPayload(t *testing.T, w *workstation, code string) string {
	t.Helper()
	key, err := w.desk.EnsureKey(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p, err := scan.SignReceipt("", code, key)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
