package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
	"motcua/data/scan"
)

// deskNow is a working morning: Wednesday 3 February 2027, 10:00.
var deskNow = vn(2027, 2, 3, 10, 0)

// openDesk starts the window on a set-up office whose store keeps the
// same clock as the window.
func openDesk(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, true)
	h.db.Now = func() time.Time { return deskNow }
	h.start(deskNow)
	return h
}

// deskApplicant is the applicant of the test dossiers.
var deskApplicant = data.Applicant{
	Name:      "Nguyễn Thị Hồng Nhung",
	IDNumber:  "093190001234",
	BirthDate: time.Date(1990, 5, 17, 0, 0, 0, 0, data.Zone),
	Phone:     "0912345678",
	Address:   "Ấp 3, xã Vị Thanh, TP Cần Thơ",
}

// deskApplicantCard is what a scanner types for her ID card.
const deskApplicantCard = "093190001234||Nguyễn Thị Hồng Nhung|17051990|Nữ|Ấp 3, xã Vị Thanh, TP Cần Thơ|01012021"

// takeDossier takes a dossier of hers received this morning: at the counter,
// or through the post when postalItem is given.
func (h *harness) takeDossier(postalItem string) data.Dossier {
	h.t.Helper()
	return h.takeDossierAt(vn(2027, 2, 3, 9, 0), postalItem)
}

func (h *harness) takeDossierAt(received time.Time, postalItem string) data.Dossier {
	h.t.Helper()
	req := data.IntakeRequest{
		ProcedureCode: "1.004837",
		Applicant:     deskApplicant,
		Documents: []data.SubmittedDocument{
			{Name: "Tờ khai đăng ký lại khai sinh", Originals: 1},
			{Name: "Bản sao giấy khai sinh", Copies: 1},
		},
		Sets:         1,
		Channel:      data.ChannelCounter,
		ReturnMethod: data.ReturnCounter,
		ReceivedAt:   received,
		Officer:      adminName,
	}
	if postalItem != "" {
		req.Channel, req.PostalItem = data.ChannelPostal, postalItem
		req.ReturnMethod, req.ReturnAddress = data.ReturnPost, deskApplicant.Address
	}
	d, err := h.db.Intake(context.Background(), req)
	if err != nil {
		h.t.Fatal(err)
	}
	return d
}

// setStatus moves a dossier as the agency's work would.
func (h *harness) setStatus(code string, to data.Status) {
	h.t.Helper()
	if _, err := h.db.SetStatus(context.Background(), code, to, "Thử nghiệm", ""); err != nil {
		h.t.Fatal(err)
	}
}

// receiptQR is the payload of a dossier's receipt QR, signed by this
// workstation.
func (h *harness) receiptQR(code string) string {
	h.t.Helper()
	key, err := h.u.desk.EnsureKey(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	p, err := scan.SignReceipt("", code, key)
	if err != nil {
		h.t.Fatal(err)
	}
	return p
}

// manifestQR is the payload of a manifest's QR.
func (h *harness) manifestQR(number string) string {
	h.t.Helper()
	key, err := h.u.desk.EnsureKey(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	p, err := scan.SignManifest("", testOffice.AgencyCode+"-"+number, key)
	if err != nil {
		h.t.Fatal(err)
	}
	return p
}

// forgeSignature changes the last character of a signed payload.
func forgeSignature(payload string) string {
	last := "0"
	if strings.HasSuffix(payload, "0") {
		last = "1"
	}
	return payload[:len(payload)-1] + last
}

// scanInto types text into a field the way a USB scanner does, key by
// key ending with Enter, and waits for what it starts.
func (h *harness) scanInto(e *field, text string) {
	h.t.Helper()
	h.u.Window().Canvas().Focus(e)
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
}

func TestScanReceiptBehindTelexPrefixOpensDossier(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	b := h.u.scan
	// The tracking URL "https://tra-cuu.vn/" as Telex mangles it.
	h.scanInto(b.entry, "https://trá-cứu.vn/"+h.receiptQR(d.Code))

	if h.u.current() != sectionReturns {
		t.Errorf("section %d, want the return desk", h.u.current())
	}
	if got := h.u.returns.v.Dossier.Code; got != d.Code {
		t.Fatalf("return desk shows %q, want %s", got, d.Code)
	}
	if b.entry.Text != "" {
		t.Errorf("scan field keeps %q", b.entry.Text)
	}
	if h.focused() != b.entry {
		t.Errorf("the cursor did not come back to the scan field")
	}
	if !strings.Contains(b.banner.message(), d.Code) || b.banner.text.Importance != widget.SuccessImportance {
		t.Errorf("banner %q", b.banner.message())
	}
}

func TestScanForgedReceiptOpensNothing(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	b := h.u.scan
	before := h.u.current()
	h.scanInto(b.entry, forgeSignature(h.receiptQR(d.Code)))

	if msg := b.banner.message(); !strings.Contains(msg, "KHÔNG HỢP LỆ") || b.banner.text.Importance != widget.DangerImportance {
		t.Errorf("banner %q (importance %v), want a red warning", msg, b.banner.text.Importance)
	}
	if h.u.returns.v.Dossier.Code != "" || h.u.current() != before {
		t.Errorf("a forged receipt opened %q (section %d)", h.u.returns.v.Dossier.Code, h.u.current())
	}
	if h.focused() != b.entry {
		t.Errorf("the cursor did not come back to the scan field")
	}

	// The dossier of the citizen before does not stay on show under the
	// warning, where it could pass for this one.
	h.openDossier(d.Code)
	h.scanInto(b.entry, forgeSignature(h.receiptQR(d.Code)))
	if r := h.u.returns; r.v.Dossier.Code != "" || r.detail.Visible() || !r.placeholder.Visible() {
		t.Errorf("dossier %q still on show after a forged scan", r.v.Dossier.Code)
	}
}

func TestScanUnreadableAdvisesKeyboard(t *testing.T) {
	h := openDesk(t)
	b := h.u.scan
	// A dossier code typed through Telex: "dd" became "đ", "a" + "s" a tone.
	h.scanInto(b.entry, "000.30.12.H30-270203-1001đá")
	if msg := b.banner.message(); !strings.Contains(msg, "tắt bộ gõ tiếng Việt") || b.banner.text.Importance != widget.WarningImportance {
		t.Errorf("banner %q", msg)
	}
	if h.focused() != b.entry {
		t.Errorf("the cursor did not come back to the scan field")
	}
}

func TestScanPostalItemAndIDCard(t *testing.T) {
	h := openDesk(t)
	postal := h.takeDossier("RR123456785VN")
	counter := h.takeDossier("")
	b := h.u.scan

	h.scanInto(b.entry, "rr123456785vn")
	if got := h.u.returns.v.Dossier.Code; got != postal.Code {
		t.Errorf("postal item opened %q, want %s", got, postal.Code)
	}

	h.scanInto(b.entry, "RR123456784VN")
	if msg := b.banner.message(); !strings.Contains(msg, "số kiểm tra") {
		t.Errorf("bad check digit: %q", msg)
	}

	h.scanInto(b.entry, deskApplicantCard)
	r := h.u.returns
	if r.board.tabs.SelectedIndex() != tabPerson || len(r.board.person) != 2 || r.board.ofPerson.Length() != 2 {
		t.Fatalf("ID card lists %d dossiers on tab %d", len(r.board.person), r.board.tabs.SelectedIndex())
	}
	codes := []string{r.board.person[0].Code, r.board.person[1].Code}
	if !strings.Contains(strings.Join(codes, " "), counter.Code) || !strings.Contains(b.banner.message(), "********1234: 2 hồ sơ") {
		t.Errorf("person's dossiers %v, banner %q", codes, b.banner.message())
	}
	if !strings.Contains(r.board.tabs.Items[tabPerson].Text, "(2)") {
		t.Errorf("tab %q", r.board.tabs.Items[tabPerson].Text)
	}

	// Enter on the list opens the dossier the cursor is on.
	h.u.Window().Canvas().Focus(r.board.ofPerson)
	r.board.ofPerson.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
	if got := r.v.Dossier.Code; got != r.board.person[0].Code {
		t.Errorf("Enter opened %q, want %s", got, r.board.person[0].Code)
	}
}

func TestScanManifestQROpensManifest(t *testing.T) {
	h := openDesk(t)
	m, err := h.db.OpenManifest(context.Background(), data.ManifestFromPost, "Bưu điện Vị Thanh", "", "Thử nghiệm")
	if err != nil {
		t.Fatal(err)
	}
	h.scanInto(h.u.scan.entry, "https://trá-cứu.vn/"+h.manifestQR(m.Number))
	if h.u.current() != sectionManifests || h.u.manifests.m.Number != m.Number {
		t.Errorf("section %d shows manifest %q, want %s", h.u.current(), h.u.manifests.m.Number, m.Number)
	}
	if h.focused() != h.u.scan.entry {
		t.Errorf("the cursor did not come back to the scan field")
	}

	h.scanInto(h.u.scan.entry, forgeSignature(h.manifestQR(m.Number)))
	if msg := h.u.scan.banner.message(); !strings.Contains(msg, "BIÊN BẢN KHÔNG HỢP LỆ") {
		t.Errorf("forged manifest: %q", msg)
	}
}

func TestF2ReachesScanField(t *testing.T) {
	h := openDesk(t)
	f2 := &fyne.KeyEvent{Name: fyne.KeyF2}
	c := h.u.Window().Canvas()

	// Nothing has the cursor: the window takes the key.
	c.Unfocus()
	c.OnTypedKey()(f2)
	if h.focused() != h.u.scan.entry {
		t.Fatalf("F2 with no focus: cursor in %T", h.focused())
	}

	// A field or list of the desk passes it on.
	h.press(sectionKey(sectionReturns))
	for _, f := range []fyne.Focusable{h.u.returns.handover.recipientID, h.u.returns.board.waiting, h.u.manifests.items.scan,
		h.u.catalog.picker.search, h.u.calendar.override.date, h.u.setup.agencyCode} {
		c.Focus(f)
		f.TypedKey(f2)
		if h.focused() != h.u.scan.entry {
			t.Errorf("F2 in %T: cursor in %T", f, h.focused())
		}
	}

	// The menu names it.
	found := false
	for _, m := range h.u.Window().MainMenu().Items {
		for _, it := range m.Items {
			found = found || it.Shortcut != nil && strings.HasSuffix(it.Shortcut.ShortcutName(), "F2") && it.Label == "Quét mã"
		}
	}
	if !found {
		t.Error("no menu item for F2")
	}
}

func TestNavigationToDeskAndManifests(t *testing.T) {
	h := openDesk(t)
	h.press(sectionKey(sectionReturns))
	if h.u.current() != sectionReturns || h.focused() != h.u.scan.entry {
		t.Errorf("Ctrl+2: section %d, cursor in %T", h.u.current(), h.focused())
	}
	h.press(sectionKey(sectionManifests))
	if h.u.current() != sectionManifests || h.focused() != h.u.manifests.opener.kind {
		t.Errorf("Ctrl+3: section %d, cursor in %T", h.u.current(), h.focused())
	}
	if got := h.u.tabs.Items[sectionReturns].Text; got != "Trả kết quả" {
		t.Errorf("return desk tab %q", got)
	}
	if got := h.u.tabs.Items[sectionManifests].Text; got != "Giao nhận bưu chính" {
		t.Errorf("manifests tab %q", got)
	}
}
