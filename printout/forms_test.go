package printout_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/printout"
)

// Dossiers received on each side of the day Circular 03/2025 took effect
// (15/9/2025, provisional: see data/forms.go).
var (
	receivedOld = time.Date(2025, 9, 12, 9, 5, 0, 0, data.Zone) // a Friday
	dueOld      = time.Date(2025, 9, 19, 0, 0, 0, 0, data.Zone)
	receivedNew = received // 24/02/2026
)

func dossierAt(at time.Time) data.Dossier {
	d := dossier()
	d.ReceivedAt = at
	d.Code = data.DossierCode("000.30.12.H30", at, 1001)
	if at.Equal(receivedOld) {
		d.DueDate = dueOld
	}
	return d
}

// formSide is one side of the effective date and what its papers print.
type formSide struct {
	name     string
	received time.Time
	numbers  map[data.FormKind]string
	apology  string
}

var formSides = []formSide{
	{
		name: "01/2018", received: receivedOld,
		numbers: map[data.FormKind]string{
			data.FormReceipt: "Mẫu số 01", data.FormSupplement: "Mẫu số 02", data.FormRefusal: "Mẫu số 03",
			data.FormApology: "Mẫu số 04", data.FormControl: "Mẫu số 05",
			data.FormStop: "Mẫu số 05", // 01/2018 has none: the set in force on the day of the notice
		},
		apology: "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
	},
	{
		name: "03/2025", received: receivedNew,
		numbers: map[data.FormKind]string{
			data.FormReceipt: "Mẫu số 01", data.FormSupplement: "Mẫu số 02", data.FormRefusal: "Mẫu số 03",
			data.FormApology: "Mẫu số 04", data.FormStop: "Mẫu số 05", data.FormControl: "Mẫu số 06",
		},
		apology: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
	},
}

// paper is one form of a side, rendered.
type paper struct {
	kind     data.FormKind
	heading  string
	pages    int      // expected page count
	want     []string // texts the paper holds
	qr       bool     // every page carries the payload
	render   func(*bytes.Buffer) error
	unwanted []string
}

func handOvers(d data.Dossier) []data.HandOver {
	unit := office("").Name
	return []data.HandOver{
		{At: d.ReceivedAt, FromUnit: "Người nộp hồ sơ", From: d.Applicant.Name, ToUnit: unit, To: "Lê Văn Hùng", Result: "Đã tiếp nhận"},
		{At: d.ReceivedAt.Add(26 * time.Hour), FromUnit: unit, From: "Lê Văn Hùng", ToUnit: "Phòng Văn hóa - Xã hội", To: "Nguyễn Thị Lan", Note: "Biên bản số 260225-W01"},
		{At: d.DueDate.Add(-20 * time.Hour), FromUnit: "Phòng Văn hóa - Xã hội", From: "Nguyễn Thị Lan", ToUnit: unit, To: "Lê Văn Hùng", Result: data.Timeliness(d.DueDate.Add(-20*time.Hour), d.DueDate)},
	}
}

func papers(side formSide, paperSize string) []paper {
	d := dossierAt(side.received)
	issued := d.ReceivedAt.Add(3 * time.Hour)
	notice := printout.NoticeInput{Office: office(paperSize), Dossier: d, Items: []string{"Bổ sung bản chính Giấy chứng sinh do cơ sở y tế cấp"},
		Issued: issued, Officer: "Lê Văn Hùng", QRPayload: payload()}
	apology := printout.ApologyInput{Office: office(paperSize), Dossier: d, Apology: data.Apology{
		DossierCode: d.Code, IssuedAt: d.DueDate.AddDate(0, 0, -2), OldDue: d.DueDate, NewDue: d.DueDate.AddDate(0, 0, 7),
		Reason: "Chờ kết quả xác minh của Công an phường", Officer: "Lê Văn Hùng"}}
	stopAt := time.Date(2026, 3, 2, 10, 0, 0, 0, data.Zone)
	stop := printout.StopInput{Office: office(paperSize), Dossier: d, Stop: data.Stop{
		DossierCode: d.Code, Number: "15/TB-TTPVHCC", IssuedAt: stopAt,
		Reason:  "Người nộp hồ sơ có đơn đề nghị dừng giải quyết hồ sơ",
		Basis:   "Đơn đề nghị dừng giải quyết hồ sơ của Ông/Bà ngày 27/02/2026",
		Officer: "Lê Văn Hùng", Signer: "Trần Minh Quang", SignerTitle: "GIÁM ĐỐC",
	}}
	control := printout.ControlInput{Office: office(paperSize), Dossier: d, Steps: handOvers(d), QRPayload: payload(),
		Agency: "Ủy ban nhân dân phường Ninh Kiều"}
	receipt := receiptInput(paperSize)
	receipt.Dossier = d
	return []paper{
		{kind: data.FormReceipt, heading: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", pages: 2, qr: true,
			render: func(b *bytes.Buffer) error { return printout.Receipt(b, receipt) }},
		{kind: data.FormSupplement, heading: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", pages: 1, qr: true,
			render: func(b *bytes.Buffer) error { return printout.Supplement(b, notice) }},
		{kind: data.FormRefusal, heading: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", pages: 1, qr: true,
			render: func(b *bytes.Buffer) error { return printout.Refusal(b, notice) }},
		{kind: data.FormApology, heading: side.apology, pages: 1,
			want:   []string{"Chờ kết quả xác minh", "Lê Văn Hùng", dmy(apology.Apology.NewDue)},
			render: func(b *bytes.Buffer) error { return printout.Apology(b, apology) }},
		{kind: data.FormStop, heading: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", pages: 1,
			want: []string{"Số: 15/TB-TTPVHCC", "Ninh Kiều, ngày 02 tháng 3 năm 2026", "Kính gửi Ông/Bà: Huỳnh Thị Phượng Tường Vy",
				"Căn cứ Nghị định số 118/2025/NĐ-CP", "Căn cứ Thông tư số 03/2025/TT-VPCP",
				"Căn cứ Đơn đề nghị dừng giải quyết hồ sơ của Ông/Bà ngày 27/02/2026;", "092188001234",
				"Thủ tục đăng ký khai sinh", "thông báo dừng giải quyết hồ sơ nêu trên. Lý do:",
				"Người nộp hồ sơ có đơn đề nghị dừng giải quyết hồ sơ.", "NGƯỜI LẬP THÔNG BÁO", "GIÁM ĐỐC",
				"(Ký, ghi rõ họ tên và đóng dấu)", "Trần Minh Quang", "Lê Văn Hùng", dmy(d.ReceivedAt)},
			render: func(b *bytes.Buffer) error { return printout.StopNotice(b, stop) }},
		{kind: data.FormControl, heading: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", qr: true,
			want: []string{"Kèm theo hồ sơ của Ông/Bà: Huỳnh Thị Phượng Tường Vy", "Thủ tục đăng ký khai sinh",
				"Thời gian nhận hồ sơ: 09 giờ 05 phút, ngày " + dmy(d.ReceivedAt),
				"Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân phường", // the code under the QR may sit inside the line
				"TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "GHI CHÚ", "Phòng Văn hóa - Xã hội", "Nguyễn Thị Lan",
				"09 giờ 05 phút, ngày " + dmy(d.ReceivedAt), "Người giao", "Người nhận", "Biên bản số 260225-W01", data.Early},
			render: func(b *bytes.Buffer) error { return printout.ControlSheet(b, control) }},
	}
}

func TestFormSetsPrint(t *testing.T) {
	for _, side := range formSides {
		for _, paperSize := range []string{printout.A4, printout.A5} {
			for _, p := range papers(side, paperSize) {
				t.Run(side.name+"/"+paperSize+"/"+string(p.kind), func(t *testing.T) {
					pdf := render(t, p.render)
					ps := pages(t, pdf)
					if p.pages > 0 && len(ps) != p.pages {
						t.Errorf("%d pages, want %d", len(ps), p.pages)
					}
					all := strings.Join(ps, "\n")
					flat := rawText(t, pdf)
					number := side.numbers[p.kind]
					// The number at the top of the first page, above the header.
					if first := strings.SplitN(strings.TrimSpace(ps[0]), "\n", 2)[0]; first != number {
						t.Errorf("first line %q, want the form number %q", first, number)
					}
					for _, w := range append([]string{p.heading, "Mã hồ sơ: " + dossierAt(side.received).Code}, p.want...) {
						if !strings.Contains(flat, w) {
							t.Errorf("lacks %q:\n%s", w, all)
						}
					}
					for _, other := range formSides {
						if other.name == side.name || other.numbers[p.kind] == number {
							continue
						}
						if strings.Contains(all, other.numbers[p.kind]) {
							t.Errorf("prints %q of the other set", other.numbers[p.kind])
						}
					}
					if !p.qr {
						return
					}
					for k, r := range decodeQRs(t, pdf) {
						if k > 0 && p.kind == data.FormControl {
							break // a continuation page carries no QR code
						}
						if r == nil || r.GetText() != payload() {
							t.Errorf("page %d: QR code does not read the payload", k+1)
						}
					}
					if got := zbar(t, pdf); len(got) == 0 || got[0] != payload() {
						t.Errorf("zbarimg reads %q", got)
					}
				})
			}
		}
	}
}

// rawText extracts the text in the order it was drawn (pdftotext -raw),
// lines joined: a table cell's wrapped lines stay together.
func rawText(t *testing.T, pdf []byte) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-raw", "-enc", "UTF-8", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// zbar decodes the QR codes of every page with zbarimg, page by page.
func zbar(t *testing.T, pdf []byte) []string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command(tool(t, "pdftoppm"), "-r", "150", "-png", writeTemp(t, pdf), filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	var codes []string
	for _, f := range files {
		out, err := exec.Command(tool(t, "zbarimg"), "-q", "--raw", "-Sdisable", "-Sqrcode.enable", f).Output()
		if err != nil {
			continue // exit status 4: no code on this page
		}
		for l := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
			codes = append(codes, l)
		}
	}
	return codes
}

func dmy(t time.Time) string { return t.In(data.Zone).Format("02/01/2006") }

// TestFormSetOverride: a reprint keeps the set of its first print, whatever
// the dossier's date.
func TestFormSetOverride(t *testing.T) {
	old, _ := data.FormSetByCircular("01/2018/TT-VPCP")
	in := receiptInput(printout.A4) // received in 2026
	in.Forms = old
	ctl := printout.ControlInput{Office: office(printout.A4), Dossier: dossier(), QRPayload: payload(), Forms: old}
	for name, f := range map[string]func(*bytes.Buffer) error{
		"receipt": func(b *bytes.Buffer) error { return printout.Receipt(b, in) },
		"control": func(b *bytes.Buffer) error { return printout.ControlSheet(b, ctl) },
	} {
		ps := pages(t, render(t, f))
		want := map[string]string{"receipt": "Mẫu số 01", "control": "Mẫu số 05"}[name]
		if first := strings.SplitN(strings.TrimSpace(ps[0]), "\n", 2)[0]; first != want {
			t.Errorf("%s: first line %q, want %q", name, first, want)
		}
	}
	stop := printout.StopInput{Office: office(printout.A4), Dossier: dossier(), Forms: old, Stop: data.Stop{
		DossierCode: dossier().Code, IssuedAt: received, Reason: "x", Officer: "y"}}
	if err := printout.StopNotice(&bytes.Buffer{}, stop); err == nil {
		t.Error("a stop notice printed with the 01/2018 set, which has none")
	}
}

func TestStopNoticeErrors(t *testing.T) {
	good := data.Stop{DossierCode: dossier().Code, IssuedAt: received, Reason: "Lý do", Officer: "Lê Văn Hùng"}
	for _, tc := range []struct {
		name string
		edit func(*printout.StopInput)
	}{
		{"no reason", func(in *printout.StopInput) { in.Stop.Reason = " " }},
		{"no officer", func(in *printout.StopInput) { in.Stop.Officer = "" }},
		{"no date", func(in *printout.StopInput) { in.Stop.IssuedAt = time.Time{} }},
		{"bad code", func(in *printout.StopInput) { in.Stop.DossierCode = "x"; in.Dossier.Code = "x" }},
		{"old dossier, notice before 03/2025", func(in *printout.StopInput) {
			in.Dossier = dossierAt(receivedOld)
			in.Stop.DossierCode = in.Dossier.Code
			in.Stop.IssuedAt = receivedOld.Add(time.Hour)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := printout.StopInput{Office: office(printout.A4), Dossier: dossier(), Stop: good}
			tc.edit(&in)
			if err := printout.StopNotice(&bytes.Buffer{}, in); err == nil {
				t.Error("no error")
			}
		})
	}
	// A blank number and signer leave room to fill in by hand.
	in := printout.StopInput{Office: office(printout.A4), Dossier: dossier(), Stop: good}
	text := strings.Join(pages(t, render(t, func(b *bytes.Buffer) error { return printout.StopNotice(b, in) })), "\n")
	for _, w := range []string{"Số: ……", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"} {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q:\n%s", w, text)
		}
	}
}

// TestControlSheetRows: a row for each hand-over known, then the blank
// rows; a long list flows on to further pages with the head repeated.
func TestControlSheetRows(t *testing.T) {
	const blankTime = "…… giờ …… phút, ngày ……/……/………"
	d := dossier()
	for _, tc := range []struct {
		name       string
		steps      int
		blank      int
		wantBlanks int
	}{
		{"default blank rows", 3, 0, printout.DefaultBlankRows},
		{"no blank rows", 3, -1, 0},
		{"many steps", 14, 2, 2},
	} {
		for _, paperSize := range []string{printout.A4, printout.A5} {
			t.Run(tc.name+"/"+paperSize, func(t *testing.T) {
				var steps []data.HandOver
				for k := range tc.steps {
					steps = append(steps, data.HandOver{At: d.ReceivedAt.Add(time.Duration(k) * time.Hour),
						FromUnit: fmt.Sprintf("Đơn vị giao số %d", k+1), ToUnit: fmt.Sprintf("Đơn vị nhận số %d", k+1),
						From: "Lê Văn Hùng", To: "Nguyễn Thị Lan", Note: fmt.Sprintf("Bước %d", k+1)})
				}
				in := printout.ControlInput{Office: office(paperSize), Dossier: d, Steps: steps, BlankRows: tc.blank, QRPayload: payload()}
				pdf := render(t, func(b *bytes.Buffer) error { return printout.ControlSheet(b, in) })
				ps := pages(t, pdf)
				all := rawText(t, pdf)
				if n := strings.Count(all, blankTime); n != tc.wantBlanks {
					t.Errorf("%d blank rows, want %d", n, tc.wantBlanks)
				}
				for k := range tc.steps {
					for _, w := range []string{fmt.Sprintf("Đơn vị giao số %d", k+1), fmt.Sprintf("Đơn vị nhận số %d", k+1), fmt.Sprintf("Bước %d", k+1)} {
						if !strings.Contains(all, w) {
							t.Errorf("lacks %q", w)
						}
					}
				}
				for k, p := range ps[1:] {
					if !strings.Contains(p, "(tiếp theo)") || !strings.Contains(p, "TÊN CƠ QUAN") {
						t.Errorf("page %d lacks the continuation header or the table head:\n%s", k+2, p)
					}
				}
			})
		}
	}
}

func TestControlSheetErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*printout.ControlInput)
	}{
		{"no code", func(in *printout.ControlInput) { in.Dossier.Code = "" }},
		{"no time of receipt", func(in *printout.ControlInput) { in.Dossier.ReceivedAt = time.Time{} }},
		{"no payload", func(in *printout.ControlInput) { in.QRPayload = "" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := printout.ControlInput{Office: office(printout.A4), Dossier: dossier(), QRPayload: payload()}
			tc.edit(&in)
			if err := printout.ControlSheet(&bytes.Buffer{}, in); err == nil {
				t.Error("no error")
			}
		})
	}
}

func feeReceipt() data.FeeReceipt {
	d := dossier()
	return data.FeeReceipt{
		FormSymbol: data.EReceiptFormSymbol, SeriesSymbol: "26TAA", Number: 12, IssuedAt: d.ReceivedAt,
		Collector: data.FeeCollector{Name: "Ủy ban nhân dân phường Ninh Kiều", TaxCode: "1801234567",
			Address: "Số 2 đường Hòa Bình, phường Ninh Kiều, thành phố Cần Thơ"},
		Officer: "Lê Văn Hùng", PayerName: d.Applicant.Name, PayerAddress: d.Applicant.Address,
		DossierCode: d.Code, ProcedureCode: "2.000913", ProcedureName: "Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch",
		Kind: data.FeePhi, Amount: 50_000, Method: data.PayCash,
	}
}

func TestFeeReceipt(t *testing.T) {
	post := feeReceipt()
	post.Officer, post.ByPost, post.PostalStaff, post.Method = "", true, "Trần Văn Bưu", data.PayTransfer
	elec := feeReceipt()
	elec.EReceipt = data.EReceipt{Provider: "VNPT", ID: "EBL-0001", LookupCode: "B7KX9M2Q", SignedAt: received.Add(time.Minute)}
	big := feeReceipt()
	big.Amount, big.Number, big.Kind = 1_234_567, 99_999_999, data.FeeLePhi
	for _, tc := range []struct {
		name   string
		r      data.FeeReceipt
		paper  string
		labels []string
		want   []string
	}{
		{"A4", feeReceipt(), printout.A4, []string{"Liên 1: Lưu tại tổ chức thu", "Liên 2: Giao người nộp tiền"},
			[]string{"Tiền mặt", "NGƯỜI THU TIỀN", "Lê Văn Hùng"}},
		{"A5", feeReceipt(), printout.A5, []string{"Liên 1: Lưu tại tổ chức thu", "Liên 2: Giao người nộp tiền"},
			[]string{"Tiền mặt", "Lê Văn Hùng"}},
		{"collected by post", post, printout.A5, []string{"Liên 1", "Liên 2"},
			[]string{"Chuyển khoản", "Thu qua dịch vụ bưu chính công ích, nhân viên bưu chính: Trần Văn Bưu"}},
		{"electronic", elec, printout.A4, []string{"Bản thể hiện của biên lai điện tử"},
			[]string{"Mã tra cứu: B7KX9M2Q", "VNPT EBL-0001", "(Chữ ký số)", "TỔ CHỨC THU PHÍ, LỆ PHÍ"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := pages(t, render(t, func(b *bytes.Buffer) error {
				return printout.FeeReceipt(b, printout.FeeReceiptInput{Office: office(tc.paper), Receipt: tc.r})
			}))
			if len(ps) != len(tc.labels) {
				t.Fatalf("%d pages, want %d", len(ps), len(tc.labels))
			}
			for k, p := range ps {
				for _, w := range append([]string{
					"ỦY BAN NHÂN DÂN", "Mẫu số: EBL01", "Ký hiệu: 26TAA", "Số: 00000012",
					"BIÊN LAI THU PHÍ, LỆ PHÍ", "Ngày 24 tháng 02 năm 2026",
					"Tên tổ chức thu: Ủy ban nhân dân phường Ninh Kiều", "Mã số thuế: 1801234567",
					"Tên người nộp: Huỳnh Thị Phượng Tường Vy", "Mã hồ sơ: 000.30.12.H30-260224-1001",
					"Nội dung thu: Phí: Chứng thực việc sửa đổi, bổ sung, hủy bỏ giao dịch", "Loại: Phí",
					"Số tiền: 50.000 đồng", "Số tiền bằng chữ: Năm mươi nghìn đồng", "Hình thức thanh toán:",
					"NGƯỜI NỘP TIỀN", tc.labels[k],
				}, tc.want...) {
					if !strings.Contains(p, w) {
						t.Errorf("page %d lacks %q:\n%s", k+1, w, p)
					}
				}
			}
		})
	}
	text := rawText(t, render(t, func(b *bytes.Buffer) error {
		return printout.FeeReceipt(b, printout.FeeReceiptInput{Office: office(printout.A5), Receipt: big, Reprint: 1})
	}))
	for _, w := range []string{"Số: 99999999", "1.234.567 đồng", "Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng", "Loại: Lệ phí", "BẢN IN LẠI (lần 1)"} {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q:\n%s", w, text)
		}
	}
	bad := feeReceipt()
	bad.Amount = -50_000
	if err := printout.FeeReceipt(&bytes.Buffer{}, printout.FeeReceiptInput{Office: office(""), Receipt: bad}); err == nil || data.ErrorCode(err) != data.EInvalid {
		t.Errorf("negative amount: %v", err)
	}
}

// TestReceiptFees: Form 01 says what was collected, still one page a copy.
func TestReceiptFees(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fees   []data.FeePaid
		exempt string
		want   string
	}{
		{"paid", []data.FeePaid{{Kind: data.FeeLePhi, Amount: 8000, Method: data.PayCash}}, "", "Phí, lệ phí đã nộp: Lệ phí 8.000 đồng (tiền mặt)."},
		{"two", []data.FeePaid{{Kind: data.FeeLePhi, Amount: 8000, Method: data.PayCash}, {Kind: data.FeePhi, Amount: 2000, Method: data.PayTransfer}}, "",
			"Phí, lệ phí đã nộp: Lệ phí 8.000 đồng (tiền mặt); Phí 2.000 đồng (chuyển khoản)."},
		{"exempt", nil, "Người thuộc hộ nghèo.", "Miễn phí, lệ phí: Người thuộc hộ nghèo."},
		{"none", nil, "", ""},
	} {
		for _, paperSize := range []string{printout.A4, printout.A5} {
			t.Run(tc.name+"/"+paperSize, func(t *testing.T) {
				in := receiptInput(paperSize)
				in.Fees, in.FeeExempt = tc.fees, tc.exempt
				ps := pages(t, render(t, func(b *bytes.Buffer) error { return printout.Receipt(b, in) }))
				if len(ps) != 2 {
					t.Fatalf("%d pages, want 2", len(ps))
				}
				for k, p := range ps {
					flat := strings.Join(strings.Fields(p), " ")
					if tc.want != "" && !strings.Contains(flat, tc.want) {
						t.Errorf("copy %d lacks %q:\n%s", k+1, tc.want, p)
					}
					if tc.want == "" && strings.Contains(flat, "Phí, lệ phí") {
						t.Errorf("copy %d prints a fee line", k+1)
					}
				}
			})
		}
	}
}

// TestFormSamples writes every paper of both sets, and the fee receipts,
// to $MOTCUA_PRINTOUT_SAMPLES, to look at them.
func TestFormSamples(t *testing.T) {
	dir := os.Getenv("MOTCUA_PRINTOUT_SAMPLES")
	if dir == "" {
		t.Skip("MOTCUA_PRINTOUT_SAMPLES not set")
	}
	save := func(name string, f func(*bytes.Buffer) error) {
		if err := os.WriteFile(filepath.Join(dir, name), render(t, f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, side := range formSides {
		for _, paperSize := range []string{printout.A4, printout.A5} {
			for _, p := range papers(side, paperSize) {
				save(fmt.Sprintf("%s-%s-%s.pdf", strings.ReplaceAll(side.name, "/", ""), p.kind, paperSize), p.render)
			}
		}
	}
	for _, paperSize := range []string{printout.A4, printout.A5} {
		r := feeReceipt()
		save("fee-"+paperSize+".pdf", func(b *bytes.Buffer) error {
			return printout.FeeReceipt(b, printout.FeeReceiptInput{Office: office(paperSize), Receipt: r})
		})
		in := receiptInput(paperSize)
		in.Fees = []data.FeePaid{{Kind: data.FeeLePhi, Amount: 8000, Method: data.PayCash}}
		save("receipt-fee-"+paperSize+".pdf", func(b *bytes.Buffer) error { return printout.Receipt(b, in) })
	}
}
