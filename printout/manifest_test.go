package printout_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/printout"
)

var signed = time.Date(2026, 2, 24, 15, 42, 0, 0, data.Zone)

func manifest(n int) data.Manifest {
	m := data.Manifest{Number: "260224-103", Kind: data.ManifestFromPost, Status: data.ManifestClosed,
		Carrier: "Bưu điện phường Ninh Kiều", OpenedAt: signed.Add(-time.Hour), ClosedAt: signed,
		Officer: "Lê Văn Hùng", PostalStaff: "Trương Thị Ngọc Hân"}
	for k := range n {
		m.Items = append(m.Items, data.ManifestItem{
			DossierCode: fmt.Sprintf("000.30.12.H30-260224-%04d", 1001+k), Applicant: "Nguyễn Thị Hồng Nhung",
			ProcedureName: "Thủ tục đăng ký khai sinh", Documents: 3, Originals: 2, Copies: 1,
			PostalItem: "RR123456785VN", Fee: 25000})
	}
	return m
}

func manifestPayload() string {
	return strings.Replace(payload(), "MC1-000.30.12.H30-260224-1001", "BB1-000.30.12.H30-260224-103", 1)
}

func TestManifestText(t *testing.T) {
	in := printout.ManifestInput{Office: office(printout.A4), Manifest: manifest(3), QRPayload: manifestPayload()}
	pdf := render(t, func(b *bytes.Buffer) error { return printout.Manifest(b, in) })
	text := strings.Join(pages(t, pdf), "\n")
	for _, want := range []string{
		"BIÊN BẢN GIAO NHẬN HỒ SƠ TỪ BƯU ĐIỆN", "Số: 260224-103", "15 giờ 42 phút", "24/02/2026",
		"000.30.12.H30-260224-1001", "000.30.12.H30-260224-1002", "000.30.12.H30-260224-1003",
		"Trương Thị Ngọc Hân", "Lê Văn Hùng", "Bưu điện phường Ninh Kiều",
		"3 hồ sơ, 9 giấy tờ (6 bản chính, 3 bản sao)", "75.000 đồng",
		"ĐẠI DIỆN BÊN GIAO", "ĐẠI DIỆN BÊN NHẬN", "RR123456785VN",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("manifest text lacks %q", want)
		}
	}
	if strings.Contains(text, "BẢN IN LẠI") || strings.Contains(text, "BẢN NHÁP") {
		t.Error("a first, signed print is marked")
	}
	res := decodeQRs(t, pdf)
	if len(res) == 0 || res[0] == nil || res[0].GetText() != manifestPayload() {
		t.Fatalf("QR: %v", res)
	}

	in.Reprint = 1
	text = strings.Join(pages(t, render(t, func(b *bytes.Buffer) error { return printout.Manifest(b, in) })), "\n")
	if !strings.Contains(text, "BẢN IN LẠI (lần 1)") {
		t.Error("reprint not marked")
	}
	in.Reprint = 0
	in.Manifest.Status, in.Manifest.ClosedAt = data.ManifestOpen, time.Time{}
	text = strings.Join(pages(t, render(t, func(b *bytes.Buffer) error { return printout.Manifest(b, in) })), "\n")
	if !strings.Contains(text, "BẢN NHÁP") {
		t.Error("an unsigned manifest is not marked as a draft")
	}
}

func TestManifestLongFlowsOnPages(t *testing.T) {
	in := printout.ManifestInput{Office: office(printout.A4), Manifest: manifest(120), QRPayload: manifestPayload()}
	ps := pages(t, render(t, func(b *bytes.Buffer) error { return printout.Manifest(b, in) }))
	if len(ps) < 3 {
		t.Fatalf("%d pages for 120 items", len(ps))
	}
	text := strings.Join(ps, "\n")
	for k := range 120 {
		if code := fmt.Sprintf("000.30.12.H30-260224-%04d", 1001+k); !strings.Contains(text, code) {
			t.Errorf("%s missing", code)
		}
	}
	if !strings.Contains(ps[1], "Mã hồ sơ") || !strings.Contains(ps[1], "(tiếp theo)") {
		t.Error("the table head does not repeat")
	}
}

func TestReconciliationReport(t *testing.T) {
	m := manifest(2)
	m.Reconciled = &data.Reconciliation{At: signed, Actor: "Lê Văn Hùng", Scanned: []string{m.Items[0].DossierCode},
		Missing: []string{m.Items[1].DossierCode}, Unexpected: []string{"000.30.12.H30-260224-1999"}}
	in := printout.ManifestInput{Office: office(printout.A4), Manifest: m, QRPayload: manifestPayload(), Reconciliation: true}
	text := strings.Join(pages(t, render(t, func(b *bytes.Buffer) error { return printout.Manifest(b, in) })), "\n")
	for _, want := range []string{"ĐỐI CHIẾU", "thiếu", "thừa", m.Items[1].DossierCode, "000.30.12.H30-260224-1999", "chênh lệch"} {
		if !strings.Contains(text, want) {
			t.Errorf("reconciliation text lacks %q", want)
		}
	}
}

func TestApologyText(t *testing.T) {
	a := data.Apology{DossierCode: dossier().Code, IssuedAt: due.AddDate(0, 0, -2), OldDue: due, NewDue: due.AddDate(0, 0, 7),
		Reason: "Chờ kết quả xác minh của Công an phường", Officer: "Lê Văn Hùng"}
	in := printout.ApologyInput{Office: office(printout.A4), Dossier: dossier(), Apology: a}
	text := strings.Join(pages(t, render(t, func(b *bytes.Buffer) error { return printout.Apology(b, in) })), "\n")
	// Received in 2026: Mẫu số 04 of Circular 03/2025.
	for _, want := range []string{"VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", dossier().Code, "03/03/2026", "10/03/2026",
		"Chờ kết quả", "Huỳnh Thị Phượng Tường Vy", "xin lỗi"} {
		if !strings.Contains(text, want) {
			t.Errorf("apology text lacks %q", want)
		}
	}
}

// BenchmarkManifest500 renders a 500-item manifest. Target: median ≤ 150 ms.
func BenchmarkManifest500(b *testing.B) {
	in := printout.ManifestInput{Office: office(printout.A4), Manifest: manifest(500), QRPayload: manifestPayload()}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := printout.Manifest(&buf, in); err != nil {
			b.Fatal(err)
		}
	}
}

func TestReturnNoteText(t *testing.T) {
	r := data.Return{DossierCode: dossier().Code, At: due.Add(10 * time.Hour), Officer: "Lê Văn Hùng", Name: "Trần Văn Tư",
		IDNumber: "092085000111", Authorised: true, Authorisation: "Giấy ủy quyền ngày 01/03/2026"}
	in := printout.ReturnInput{Office: office(printout.A4), Dossier: dossier(), Return: r}
	text := strings.Join(pages(t, render(t, func(b *bytes.Buffer) error { return printout.ReturnNote(b, in) })), "\n")
	for _, want := range []string{"PHIẾU GIAO NHẬN KẾT QUẢ", dossier().Code, "Trần Văn Tư", "092085000111", "Giấy ủy quyền ngày 01/03/2026",
		"10 giờ 00 phút", "03/03/2026", "NGƯỜI NHẬN KẾT QUẢ", "Lê Văn Hùng", "Huỳnh Thị Phượng Tường Vy"} {
		if !strings.Contains(text, want) {
			t.Errorf("return note lacks %q", want)
		}
	}
}
