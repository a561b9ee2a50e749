package printout_test

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	zxqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/skip2/go-qrcode"
	"golang.org/x/text/unicode/norm"

	"motcua/data"
	"motcua/printout"
)

var (
	received = time.Date(2026, 2, 24, 9, 5, 0, 0, data.Zone) // a Tuesday
	due      = time.Date(2026, 3, 3, 0, 0, 0, 0, data.Zone)  // 5 working days later, a Tuesday
)

func office(paper string) data.Office {
	return data.Office{
		AgencyCode:  "000.30.12.H30",
		Name:        "Trung tâm Phục vụ hành chính công phường Ninh Kiều",
		Parent:      "Ủy ban nhân dân phường Ninh Kiều",
		Place:       "Ninh Kiều",
		Workstation: 1,
		PaperSize:   paper,
	}
}

func dossier() data.Dossier {
	return data.Dossier{
		Code:          "000.30.12.H30-260224-1001",
		ProcedureCode: "1.001193",
		ProcedureName: "Thủ tục đăng ký khai sinh",
		Applicant: data.Applicant{
			Name:     "Huỳnh Thị Phượng Tường Vy",
			IDNumber: "092188001234",
			Phone:    "0912345678",
			Email:    "tuongvy.huynh@example.vn",
			Address:  "Số 12, đường Nguyễn Văn Cừ, khu vực 3, phường Ninh Kiều, thành phố Cần Thơ",
		},
		Documents: []data.SubmittedDocument{
			{Name: "Tờ khai đăng ký khai sinh theo mẫu", Originals: 1},
			{Name: "Giấy chứng sinh do cơ sở y tế cấp", Originals: 1},
			{Name: "Giấy tờ tùy thân của người đi đăng ký khai sinh (thẻ Căn cước, thẻ Căn cước công dân hoặc Hộ chiếu còn giá trị sử dụng) để đối chiếu", Copies: 1},
		},
		Sets:         1,
		Channel:      data.ChannelCounter,
		ReturnMethod: data.ReturnCounter,
		ReceivedAt:   received,
		WorkingDays:  5,
		DueDate:      due,
		Status:       data.StatusReceived,
		Book:         2026,
		RegisterNo:   152,
		Officer:      "Lê Văn Hùng",
		Workstation:  1,
	}
}

// payload is shaped like a signed receipt payload: a tracking URL, "MC1-",
// the escaped code, '-' and a 107-character signature in base 28.
func payload() string {
	const alphabet = "0123456789BCFGHJKLMNPQRSTVXZ"
	var sig strings.Builder
	for k := range 107 {
		sig.WriteByte(alphabet[(k*17+5)%len(alphabet)])
	}
	return "HTTPS://DVC.CANTHO.GOV.VN/TRA-CUU/MC1-000.30.12.H30-260224-1001-" + sig.String()
}

func receiptInput(paper string) printout.ReceiptInput {
	return printout.ReceiptInput{Office: office(paper), Dossier: dossier(), QRPayload: payload()}
}

// tool returns the path of a poppler or zbar program. Without it the test
// is skipped, unless MOTCUA_GUI_TEST is set (make test installs the tools).
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("MOTCUA_GUI_TEST") == "" {
			t.Skipf("%s not installed", name)
		}
		t.Fatalf("%s not installed (MOTCUA_GUI_TEST is set)", name)
	}
	return p
}

func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// pages extracts the text of each page with pdftotext -layout, runs of
// spaces folded to one.
func pages(t *testing.T, pdf []byte) []string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-layout", "-enc", "UTF-8", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	ps := strings.Split(string(out), "\f")
	ps = ps[:len(ps)-1] // pdftotext ends every page with a form feed
	for k, p := range ps {
		var lines []string
		for l := range strings.SplitSeq(p, "\n") {
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
		ps[k] = strings.Join(lines, "\n")
	}
	return ps
}

func render(t *testing.T, f func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReceiptText(t *testing.T) {
	nfd := receiptInput(printout.A4)
	// Decomposed Vietnamese, as some keyboards and files deliver it.
	nfd.Dossier.Applicant.Name = "Nguye\u0302\u0303n Thi\u0323 Ho\u0302\u0300ng"
	nfd.Dossier.ProcedureName = "Thu\u0309 tu\u0323c đa\u0306ng ky\u0301 khai sinh"
	// A character outside the fonts' Vietnamese set: the UTF-8 fonts.
	other := receiptInput(printout.A5)
	other.Dossier.Applicant.Name = "Kovács Győző"
	other.Dossier.ReturnAddress = "Ấp Mỹ Phước"
	post := receiptInput(printout.A4)
	post.Dossier.ReturnMethod = data.ReturnPost
	post.Dossier.ReturnAddress = "Ấp Mỹ Phước, xã Phong Điền, thành phố Cần Thơ"

	for _, tc := range []struct {
		name string
		in   printout.ReceiptInput
		want []string // on the first page of each copy
	}{
		{"A4", receiptInput(printout.A4), nil},
		{"A5", receiptInput(printout.A5), nil},
		{"NFD input", nfd, []string{"Nguyễn Thị Hồng", "Thủ tục đăng ký khai sinh"}},
		{"by post", post, []string{"Qua dịch vụ bưu chính công ích đến địa chỉ: Ấp Mỹ Phước"}},
		{"other script", other, []string{"Ông/Bà: Kovács Győző", "Thủ tục đăng ký khai sinh"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := pages(t, render(t, func(b *bytes.Buffer) error { return printout.Receipt(b, tc.in) }))
			if len(ps) != 2 {
				t.Fatalf("%d pages, want 2", len(ps))
			}
			d := tc.in.Dossier
			want := append([]string{
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc",
				"Ninh Kiều, ngày 24 tháng 02 năm 2026",
				"Số: 152/TNHS",
				"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
				"Mã hồ sơ: 000.30.12.H30-260224-1001",
				"092188001234", // the citizen's own paper: the ID in full
				"0912345678",
				"tuongvy.huynh@example.vn",
				"Tờ khai đăng ký khai sinh theo mẫu",
				"Giấy chứng sinh do cơ sở y tế cấp",
				"2. Số lượng hồ sơ: 1 bộ",
				"5 ngày làm việc",
				"4. Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày 24/02/2026",
				"5. Thời gian trả kết quả giải quyết hồ sơ: ngày 03/03/2026 (Thứ ba)",
				"Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 152.",
				"NGƯỜI NỘP HỒ SƠ",
				"NGƯỜI TIẾP NHẬN HỒ SƠ",
				"Lê Văn Hùng",
			}, tc.want...)
			if tc.want == nil {
				want = append(want, d.Applicant.Name, d.ProcedureName)
			}
			for k, label := range []string{"Liên 1: Giao người nộp hồ sơ", "Liên 2: Lưu tại bộ phận tiếp nhận"} {
				p := ps[k]
				for _, w := range append(want, label) {
					if !strings.Contains(p, w) {
						t.Errorf("page %d lacks %q:\n%s", k+1, w, p)
					}
				}
				if strings.Contains(p, "BẢN IN LẠI") {
					t.Errorf("page %d of a first print is marked as a reprint", k+1)
				}
				if !norm.NFC.IsNormalString(p) {
					t.Errorf("page %d is not in NFC", k+1)
				}
			}
		})
	}
}

func TestReceiptReprint(t *testing.T) {
	in := receiptInput(printout.A4)
	in.Reprint = 3
	ps := pages(t, render(t, func(b *bytes.Buffer) error { return printout.Receipt(b, in) }))
	for k, p := range ps {
		if !strings.Contains(p, "BẢN IN LẠI (lần 3)") {
			t.Errorf("page %d lacks the reprint mark:\n%s", k+1, p)
		}
	}
}

// TestReceiptLongList: a long list of documents flows on to further pages,
// with nothing lost and each copy starting on a page of its own.
func TestReceiptLongList(t *testing.T) {
	for _, paper := range []string{printout.A4, printout.A5} {
		t.Run(paper, func(t *testing.T) {
			in := receiptInput(paper)
			in.Dossier.Documents = nil
			for k := range 40 {
				in.Dossier.Documents = append(in.Dossier.Documents, data.SubmittedDocument{
					Name: fmt.Sprintf("Giấy tờ số %d: bản sao giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu", k+1), Copies: 1,
				})
			}
			ps := pages(t, render(t, func(b *bytes.Buffer) error { return printout.Receipt(b, in) }))
			if len(ps)%2 != 0 || len(ps) < 4 {
				t.Fatalf("%d pages, want an even number of at least 4", len(ps))
			}
			half := len(ps) / 2
			for c, pages := range [][]string{ps[:half], ps[half:]} {
				all := strings.Join(pages, "\n")
				for k := range 40 {
					if w := fmt.Sprintf("Giấy tờ số %d:", k+1); !strings.Contains(all, w) {
						t.Errorf("copy %d lacks %q", c+1, w)
					}
				}
				for _, w := range []string{"Liên " + fmt.Sprint(c+1), "NGƯỜI TIẾP NHẬN HỒ SƠ", "Số thứ tự: 152"} {
					if !strings.Contains(all, w) {
						t.Errorf("copy %d lacks %q", c+1, w)
					}
				}
				for p, text := range pages[1:] {
					if !strings.Contains(text, "(tiếp theo)") || !strings.Contains(text, in.Dossier.Code) {
						t.Errorf("copy %d page %d lacks the continuation header:\n%s", c+1, p+2, text)
					}
				}
			}
		})
	}
}

// decodeQRs renders each page at 150 dpi and decodes its QR code, if any.
func decodeQRs(t *testing.T, pdf []byte) []*gozxing.Result {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command(tool(t, "pdftoppm"), "-r", "150", "-png", writeTemp(t, pdf), filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	var results []*gozxing.Result
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		res, err := zxqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
		if err != nil {
			t.Logf("%s: no QR code (%v)", filepath.Base(f), err)
			results = append(results, nil)
			continue
		}
		results = append(results, res)
	}
	return results
}

func TestReceiptQR(t *testing.T) {
	for _, paper := range []string{printout.A4, printout.A5} {
		t.Run(paper, func(t *testing.T) {
			in := receiptInput(paper)
			res := decodeQRs(t, render(t, func(b *bytes.Buffer) error { return printout.Receipt(b, in) }))
			if len(res) != 2 {
				t.Fatalf("%d pages, want 2", len(res))
			}
			q, err := qrcode.New(in.QRPayload, qrcode.High)
			if err != nil {
				t.Fatal(err)
			}
			q.DisableBorder = true
			n := float64(len(q.Bitmap()))
			for k, r := range res {
				if r == nil {
					t.Errorf("copy %d: QR code not decoded", k+1)
					continue
				}
				if r.GetText() != in.QRPayload {
					t.Errorf("copy %d: QR code reads %q, want %q", k+1, r.GetText(), in.QRPayload)
				}
				if l := r.GetResultMetadata()[gozxing.ResultMetadataType_ERROR_CORRECTION_LEVEL]; l != "Q" {
					t.Errorf("copy %d: error correction level %v, want Q", k+1, l)
				}
				// Finder pattern centres are 3.5 modules in from the edges:
				// top-left to top-right spans n-7 modules.
				pts := r.GetResultPoints()
				tl, tr := pts[1], pts[2]
				px := math.Hypot(tr.GetX()-tl.GetX(), tr.GetY()-tl.GetY()) * n / (n - 7)
				if mm := px / 150 * 25.4; mm < 25 {
					t.Errorf("copy %d: QR code is %.1f mm wide, want at least 25", k+1, mm)
				} else {
					t.Logf("copy %d: QR code %.0f modules, %.1f mm wide", k+1, n, mm)
				}
			}
		})
	}
}

// TestConcurrent renders from several goroutines: the fonts are shared.
func TestConcurrent(t *testing.T) {
	in := receiptInput(printout.A4)
	errs := make(chan error)
	for range 4 {
		go func() { errs <- printout.Receipt(&bytes.Buffer{}, in) }()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestReceiptErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*printout.ReceiptInput)
	}{
		{"no code", func(in *printout.ReceiptInput) { in.Dossier.Code = "" }},
		{"no time of receipt", func(in *printout.ReceiptInput) { in.Dossier.ReceivedAt = time.Time{} }},
		{"no payload", func(in *printout.ReceiptInput) { in.QRPayload = "" }},
		{"paper", func(in *printout.ReceiptInput) { in.Office.PaperSize = "Letter" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := receiptInput(printout.A4)
			tc.edit(&in)
			if err := printout.Receipt(&bytes.Buffer{}, in); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestNotices(t *testing.T) {
	issued := time.Date(2026, 2, 24, 10, 30, 0, 0, data.Zone)
	for _, tc := range []struct {
		name   string
		render func(*bytes.Buffer, printout.NoticeInput) error
		paper  string
		items  []string
		want   []string
	}{
		{
			name: "supplement", render: func(b *bytes.Buffer, in printout.NoticeInput) error { return printout.Supplement(b, in) },
			paper: printout.A4,
			items: []string{
				"Bổ sung bản chính Giấy chứng sinh do cơ sở y tế cấp",
				"Tờ khai đăng ký khai sinh ghi thiếu họ, chữ đệm, tên và ngày, tháng, năm sinh của người mẹ; đề nghị ghi đầy đủ, đúng với giấy tờ tùy thân",
			},
			want: []string{"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Hồ sơ của Ông/Bà:", "gồm những nội dung sau:", "Hồ sơ được trả lại", "NGƯỜI HƯỚNG DẪN"},
		},
		{
			name: "supplement A5", render: func(b *bytes.Buffer, in printout.NoticeInput) error { return printout.Supplement(b, in) },
			paper: printout.A5,
			items: []string{"Bổ sung bản chính Giấy chứng sinh do cơ sở y tế cấp"},
			want:  []string{"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"},
		},
		{
			name: "refusal", render: func(b *bytes.Buffer, in printout.NoticeInput) error { return printout.Refusal(b, in) },
			paper: printout.A4,
			items: []string{
				"Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường Ninh Kiều",
				"Trẻ em đã được đăng ký khai sinh tại Ủy ban nhân dân xã Phong Điền",
			},
			want: []string{"PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "thông báo không", "lý do cụ thể như sau:", "NGƯỜI TIẾP NHẬN HỒ SƠ"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := printout.NoticeInput{
				Office: office(tc.paper), Dossier: dossier(), Items: tc.items,
				Issued: issued, Officer: "Lê Văn Hùng", QRPayload: payload(),
			}
			pdf := render(t, func(b *bytes.Buffer) error { return tc.render(b, in) })
			ps := pages(t, pdf)
			if len(ps) != 1 {
				t.Errorf("%d pages, want 1", len(ps))
			}
			all := strings.Join(ps, "\n")
			want := append([]string{
				"Mã hồ sơ: 000.30.12.H30-260224-1001",
				"Ninh Kiều, ngày 24 tháng 02 năm 2026",
				"Huỳnh Thị Phượng Tường Vy",
				"Thủ tục đăng ký khai sinh",
				"Lê Văn Hùng",
			}, tc.want...)
			for k, it := range tc.items {
				want = append(want, fmt.Sprintf("%d. %s", k+1, firstWords(it, 6)))
				want = append(want, lastWords(it, 4))
			}
			for _, w := range want {
				if !strings.Contains(all, w) {
					t.Errorf("lacks %q:\n%s", w, all)
				}
			}
			for k, r := range decodeQRs(t, pdf) {
				if r == nil || r.GetText() != in.QRPayload {
					t.Errorf("page %d: QR code does not read the payload", k+1)
				}
			}
		})
	}
}

// firstWords and lastWords pick words that pdftotext keeps on one line
// when an item wraps.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func lastWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[max(0, len(f)-n):], " ")
}

func TestNoticeErrors(t *testing.T) {
	in := printout.NoticeInput{Office: office(""), Dossier: dossier(), Issued: received}
	if err := printout.Supplement(&bytes.Buffer{}, in); err == nil {
		t.Error("Supplement without items: no error")
	}
	in.Items = []string{"x"}
	in.Issued = time.Time{}
	if err := printout.Refusal(&bytes.Buffer{}, in); err == nil {
		t.Error("Refusal without a date: no error")
	}
}

// TestSamples writes sample printouts to $MOTCUA_PRINTOUT_SAMPLES, to look
// at them.
func TestSamples(t *testing.T) {
	dir := os.Getenv("MOTCUA_PRINTOUT_SAMPLES")
	if dir == "" {
		t.Skip("MOTCUA_PRINTOUT_SAMPLES not set")
	}
	save := func(name string, f func(*bytes.Buffer) error) {
		if err := os.WriteFile(filepath.Join(dir, name), render(t, f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, paper := range []string{printout.A4, printout.A5} {
		in := receiptInput(paper)
		save("receipt-"+paper+".pdf", func(b *bytes.Buffer) error { return printout.Receipt(b, in) })
		in.Reprint = 2
		in.Dossier.ReturnMethod = data.ReturnPost
		in.Dossier.ReturnAddress = "Ấp Mỹ Phước, xã Phong Điền, thành phố Cần Thơ"
		save("reprint-"+paper+".pdf", func(b *bytes.Buffer) error { return printout.Receipt(b, in) })
		n := printout.NoticeInput{
			Office: office(paper), Dossier: dossier(), Issued: received, Officer: "Lê Văn Hùng",
			Items: []string{
				"Bổ sung bản chính Giấy chứng sinh do cơ sở y tế cấp",
				"Tờ khai đăng ký khai sinh ghi thiếu họ, chữ đệm, tên và ngày, tháng, năm sinh của người mẹ; đề nghị ghi đầy đủ, đúng với giấy tờ tùy thân",
			},
		}
		save("supplement-"+paper+".pdf", func(b *bytes.Buffer) error { return printout.Supplement(b, n) })
		save("refusal-"+paper+".pdf", func(b *bytes.Buffer) error { return printout.Refusal(b, n) })
		long := receiptInput(paper)
		for k := range 30 {
			long.Dossier.Documents = append(long.Dossier.Documents, data.SubmittedDocument{
				Name: fmt.Sprintf("Giấy tờ số %d: bản sao giấy tờ chứng minh nơi cư trú hợp pháp của người yêu cầu", k+4), Copies: 1,
			})
		}
		save("long-"+paper+".pdf", func(b *bytes.Buffer) error { return printout.Receipt(b, long) })
		other := receiptInput(paper)
		other.Dossier.Applicant.Name = "Kovács Győző"
		save("other-"+paper+".pdf", func(b *bytes.Buffer) error { return printout.Receipt(b, other) })
	}
}

func BenchmarkReceipt(b *testing.B) {
	in := receiptInput(printout.A4)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := printout.Receipt(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// BenchmarkReceiptOtherScript renders with the UTF-8 fonts, for a name
// the simple fonts lack.
func BenchmarkReceiptOtherScript(b *testing.B) {
	in := receiptInput(printout.A4)
	in.Dossier.Applicant.Name = "Kovács Győző"
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := printout.Receipt(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}
