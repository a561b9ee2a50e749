package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/unicode/norm"

	"motcua/data"
)

// Monday 11 January 2027, 9:00 in Vietnam: the clock of the intake tests.
var intakeNow = vn(2027, 1, 11, 9, 0)

// The first dossier of that day at workstation 1.
const firstCode = "000.30.12.H30-270111-1001"

// A citizen and their ID card QR.
const (
	citizenName    = "Nguyễn Thị Hoa"
	citizenID      = "092190001234" // Cần Thơ, woman born in 1990
	citizenBirth   = "15/03/1990"
	citizenAddress = "12 đường 30/4, phường Ninh Kiều, thành phố Cần Thơ"
	citizenCard    = citizenID + "|361234567|" + citizenName + "|15031990|Nữ|" + citizenAddress + "|01022021"
)

// printer records what the screen prints and opens.
type printer struct {
	mu      sync.Mutex
	printed []string
	opened  []string
	err     error // what printing returns
}

func (p *printer) print(path string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.printed = append(p.printed, path)
	return p.err
}

func (p *printer) open(path string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.opened = append(p.opened, path)
	return nil
}

// openIntake opens a configured window, store and screen on the same
// clock, with an officer's name set, previews at once and printing
// recorded.
func openIntake(t *testing.T) (*harness, *intakeScreen, *printer) {
	t.Helper()
	old := previewDelay
	previewDelay = 0
	t.Cleanup(func() { previewDelay = old })
	h := newHarness(t, true)
	h.db.Now = func() time.Time { return intakeNow }
	h.start(intakeNow)
	s := h.u.intake
	p := &printer{}
	s.saved.print, s.saved.open = p.print, p.open
	return h, s, p
}

// enter presses Enter in a field.
func enter(f fyne.Focusable) { f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// pickProcedure types text in the procedure field and picks the first
// match with Enter.
func (h *harness) pickProcedure(s *intakeScreen, text string) {
	h.t.Helper()
	h.u.Window().Canvas().Focus(s.procedure.picker.search)
	test.Type(s.procedure.picker.search, text)
	h.wait()
	enter(s.procedure.picker.search)
	h.wait()
	if s.procedure.proc.Code == "" {
		h.t.Fatalf("no procedure picked for %q", text)
	}
}

// fillApplicant types a valid applicant.
func (h *harness) fillApplicant(s *intakeScreen) {
	test.Type(s.applicant.name, citizenName)
	test.Type(s.applicant.idNumber, citizenID)
	test.Type(s.applicant.birth, citizenBirth)
	test.Type(s.applicant.phone, "0912 345 678")
	test.Type(s.applicant.address, citizenAddress)
	h.wait()
}

// save presses Ctrl+S and waits for the result.
func (h *harness) save() {
	h.press(shortcut(fyne.KeyS))
	h.wait()
}

// notSaved fails the test when a dossier was saved.
func (h *harness) notSaved() {
	h.t.Helper()
	if _, err := h.db.Dossier(context.Background(), firstCode); data.ErrorCode(err) != data.ENotFound {
		h.t.Fatalf("a dossier was saved (err %v)", err)
	}
}

func TestIntakeTypedThroughScreen(t *testing.T) {
	h, s, p := openIntake(t)
	if h.u.current() != sectionIntake || h.focused() != s.procedure.picker.search {
		t.Fatalf("the window does not open with the cursor in the intake's procedure")
	}
	if !strings.Contains(s.officer.Text, "Trần Văn Bình") {
		t.Errorf("header shows officer %q", s.officer.Text)
	}

	// A procedure typed without diacritics, d for đ.
	test.Type(s.procedure.picker.search, "dang ky giam ho")
	h.wait()
	if !s.procedure.picker.view.Visible() || len(s.procedure.picker.found) == 0 || s.procedure.picker.found[0].Code != "1.004837" {
		t.Fatalf("matches for “dang ky giam ho”: %v", codes(s.procedure.picker.found))
	}
	enter(s.procedure.picker.search)
	h.wait()
	if s.procedure.proc.Code != "1.004837" || s.procedure.picker.view.Visible() || !s.papers.panel.Visible() {
		t.Fatalf("Enter picked %q; matches shown %v, checklist shown %v", s.procedure.proc.Code, s.procedure.picker.view.Visible(), s.papers.panel.Visible())
	}
	if h.focused() != s.applicant.name {
		t.Errorf("after the pick the cursor is not in the applicant's name")
	}
	if len(s.papers.docs) != len(s.procedure.proc.Documents) || s.procedure.daysRow.Visible() {
		t.Fatalf("checklist of %d rows for %d documents; working days asked: %v", len(s.papers.docs), len(s.procedure.proc.Documents), s.procedure.daysRow.Visible())
	}
	if s.bar.code.Text != "Mã hồ sơ: cấp khi đủ thông tin" || !strings.Contains(s.bar.due.Text, "14/01/2027") {
		t.Errorf("before the applicant: preview %q, %q", s.bar.code.Text, s.bar.due.Text)
	}

	// Papers: two of the catalogue's with counts adjusted, one typed.
	test.Tap(s.papers.docs[0].check)
	s.papers.docs[0].originals.SetText("1")
	s.papers.docs[0].copies.SetText("0")
	test.Tap(s.papers.docs[1].check)
	s.papers.docs[1].originals.SetText("0")
	s.papers.docs[1].copies.SetText("2")
	test.Type(s.papers.extra, "Giấy xác nhận của trường học")
	enter(s.papers.extra)
	s.papers.sets.SetText("2")

	// The applicant, the name typed decomposed as some keyboards send it.
	test.Type(s.applicant.name, norm.NFD.String(citizenName))
	test.Type(s.applicant.idNumber, citizenID)
	test.Type(s.applicant.birth, citizenBirth)
	test.Type(s.applicant.phone, "0912 345 678")
	test.Type(s.applicant.email, "hoa@example.com")
	test.Type(s.applicant.address, citizenAddress)
	h.wait()

	if s.bar.code.Text != "Mã hồ sơ: "+firstCode {
		t.Errorf("preview code %q", s.bar.code.Text)
	}
	if s.bar.due.Text != "Hẹn trả: Thứ năm, 14/01/2027" {
		t.Errorf("preview due %q", s.bar.due.Text)
	}
	if !strings.Contains(s.bar.note.Text, "Đủ thông tin") {
		t.Errorf("preview note %q", s.bar.note.Text)
	}

	h.save()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil {
		t.Fatalf("dossier not saved: %v (status %q)", err, s.bar.status.Text)
	}
	a := d.Applicant
	if a.Name != citizenName || !norm.NFC.IsNormalString(a.Name) {
		t.Errorf("name %q stored, want %q in NFC", a.Name, citizenName)
	}
	if a.IDNumber != citizenID || a.BirthDate.Format("02/01/2006") != citizenBirth || a.Phone != "0912345678" ||
		a.Email != "hoa@example.com" || a.Address != citizenAddress {
		t.Errorf("applicant stored %+v", a)
	}
	proc, _ := h.db.Procedure(context.Background(), "1.004837")
	want := []data.SubmittedDocument{
		{Name: proc.Documents[0].Name, Originals: 1},
		{Name: proc.Documents[1].Name, Copies: 2},
		{Name: "Giấy xác nhận của trường học", Originals: 1},
	}
	if len(d.Documents) != len(want) {
		t.Fatalf("documents stored %+v", d.Documents)
	}
	for i := range want {
		if d.Documents[i] != want[i] {
			t.Errorf("document %d stored %+v, want %+v", i, d.Documents[i], want[i])
		}
	}
	if d.ProcedureCode != "1.004837" || d.Sets != 2 || d.Channel != data.ChannelCounter || d.ReturnMethod != data.ReturnCounter ||
		d.WorkingDays != 3 || d.DueDate.Format("2006-01-02") != "2027-01-14" || d.Officer != "Trần Văn Bình" {
		t.Errorf("dossier stored %+v", d)
	}

	// The receipt was kept under the data folder and printed.
	if len(p.printed) != 1 {
		t.Fatalf("printed %v", p.printed)
	}
	if !strings.HasPrefix(p.printed[0], filepath.Join(h.u.dataDir, "printouts")) || !strings.Contains(p.printed[0], firstCode+"-receipt") {
		t.Errorf("receipt kept at %s", p.printed[0])
	}
	if pdf, err := os.ReadFile(p.printed[0]); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("receipt file: %v", err)
	}

	// The bar shows what was saved; the form is ready for the next citizen.
	if !strings.Contains(s.saved.title.Text, firstCode) || s.saved.due.Text != "Hẹn trả: Thứ năm, 14/01/2027" {
		t.Errorf("bar: %q, %q", s.saved.title.Text, s.saved.due.Text)
	}
	if s.saved.status.Text != "Đã gửi giấy tiếp nhận (Mẫu 01) tới máy in." {
		t.Errorf("print status %q", s.saved.status.Text)
	}
	if s.procedure.proc.Code != "" || s.procedure.picker.search.Text != "" || len(s.papers.docs) != 0 || s.applicant.name.Text != "" || s.applicant.idNumber.Text != "" || s.papers.sets.Text != "1" {
		t.Errorf("form not cleared: procedure %q, %d papers, name %q, sets %q", s.procedure.picker.search.Text, len(s.papers.docs), s.applicant.name.Text, s.papers.sets.Text)
	}
	if h.focused() != s.procedure.picker.search {
		t.Errorf("the cursor is not back in the procedure field")
	}
	if s.saved.reprint.Disabled() || s.saved.view.Disabled() {
		t.Errorf("reprint or view disabled after saving")
	}
}

func codes(ps []data.Procedure) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

func TestIntakeScanIDCardIntoAnyField(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.004837")
	test.Tap(s.papers.docs[0].check)

	// The scanner types into the phone field, already filled, and ends
	// with Enter: the payload is taken out of the field as soon as it is
	// complete, and the Enter does not move on.
	h.u.Window().Canvas().Focus(s.applicant.phone)
	test.Type(s.applicant.phone, "0912345678")
	test.Type(s.applicant.phone, citizenCard)
	enter(s.applicant.phone)
	h.wait()

	if s.applicant.phone.Text != "0912345678" {
		t.Errorf("phone holds %q after the scan", s.applicant.phone.Text)
	}
	if s.applicant.name.Text != citizenName || s.applicant.idNumber.Text != citizenID || s.applicant.birth.Text != citizenBirth || s.applicant.address.Text != citizenAddress {
		t.Errorf("filled name %q, ID %q, birth %q, address %q", s.applicant.name.Text, s.applicant.idNumber.Text, s.applicant.birth.Text, s.applicant.address.Text)
	}
	if !s.applicant.banner.Visible() || !strings.Contains(s.applicant.banner.Text, "Đã đọc căn cước: "+citizenName) || !strings.Contains(s.applicant.banner.Text, "kiểm tra lại") {
		t.Errorf("banner %q (shown %v)", s.applicant.banner.Text, s.applicant.banner.Visible())
	}
	if h.focused() != s.applicant.phone {
		t.Errorf("the cursor left the phone field")
	}

	h.save()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil {
		t.Fatalf("not saved after the scan: %v (status %q)", err, s.bar.status.Text)
	}
	if d.Applicant.Name != citizenName || d.Applicant.IDNumber != citizenID || d.Applicant.BirthDate.Format("02/01/2006") != citizenBirth {
		t.Errorf("stored applicant %+v", d.Applicant)
	}
}

func TestIntakeScanEnterFollowsTheCursor(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.004837")
	// The card is read as it completes in the name field and the cursor
	// moves to the phone; the scanner's Enter lands there and is the
	// scan's, not a move to the next field.
	test.Type(s.applicant.name, citizenCard)
	if h.focused() != s.applicant.phone || s.applicant.name.Text != citizenName {
		t.Fatalf("after the scan: name %q, cursor in the phone %v", s.applicant.name.Text, h.focused() == s.applicant.phone)
	}
	enter(s.applicant.phone)
	if h.focused() != s.applicant.phone {
		t.Errorf("the scan's Enter moved the cursor")
	}
	// The next Enter is the officer's.
	enter(s.applicant.phone)
	if h.focused() != s.applicant.email {
		t.Errorf("the officer's Enter did not move on")
	}
}

func TestIntakeScanWaitsForEnter(t *testing.T) {
	h, s, _ := openIntake(t)
	// A card without an issue date is complete only at its Enter; what
	// the email field held before comes back.
	test.Type(s.applicant.email, "hoa@example.com")
	card := strings.TrimSuffix(citizenCard, "01022021")
	test.Type(s.applicant.email, card)
	if s.applicant.name.Text != "" {
		t.Fatalf("filled before the Enter")
	}
	enter(s.applicant.email)
	h.wait()
	if s.applicant.email.Text != "hoa@example.com" || s.applicant.name.Text != citizenName || s.applicant.idNumber.Text != citizenID {
		t.Errorf("email %q, name %q, ID %q", s.applicant.email.Text, s.applicant.name.Text, s.applicant.idNumber.Text)
	}
}

func TestIntakeScanField(t *testing.T) {
	h, s, _ := openIntake(t)
	h.press(shortcut(fyne.KeyK))
	if h.focused() != s.applicant.scanField {
		t.Fatalf("Ctrl+K does not put the cursor in the scan field")
	}
	test.Type(s.applicant.scanField, citizenCard)
	enter(s.applicant.scanField)
	h.wait()
	if s.applicant.scanField.Text != "" || s.applicant.name.Text != citizenName || s.applicant.address.Text != citizenAddress {
		t.Errorf("scan field %q; name %q, address %q", s.applicant.scanField.Text, s.applicant.name.Text, s.applicant.address.Text)
	}

	// A scan the Vietnamese keyboard garbled: plain advice.
	test.Type(s.applicant.scanField, "ĐƯỜNG DẪN ĐÃ BỊ ĐỔI")
	enter(s.applicant.scanField)
	if !strings.Contains(s.applicant.banner.Text, "tắt bộ gõ tiếng Việt") {
		t.Errorf("garbled scan: banner %q", s.applicant.banner.Text)
	}

	// A card QR that lost fields on its way.
	s.applicant.name.SetText(citizenID + "|361234567|" + citizenName)
	enter(s.applicant.name)
	if !strings.Contains(s.applicant.banner.Text, "Không đọc được mã QR căn cước") || !strings.Contains(s.applicant.banner.Text, "thiếu trường") {
		t.Errorf("short card: banner %q", s.applicant.banner.Text)
	}
}

func TestIntakeRefusesBadIDAndPhone(t *testing.T) {
	h, s, p := openIntake(t)
	h.pickProcedure(s, "1.004837")
	test.Tap(s.papers.docs[0].check)
	test.Type(s.applicant.name, citizenName)
	test.Type(s.applicant.idNumber, "09219000123") // 11 digits
	test.Type(s.applicant.phone, "12345")
	test.Type(s.applicant.address, citizenAddress)
	h.wait()
	h.save()

	if m := s.form.message("applicant.id_number"); !strings.Contains(m, "12 chữ số") {
		t.Errorf("ID message %q", m)
	}
	if m := s.form.message("applicant.phone"); !strings.Contains(m, "Số điện thoại") {
		t.Errorf("phone message %q", m)
	}
	for _, f := range []string{"applicant.name", "applicant.address", "applicant.birth_date", "documents"} {
		if m := s.form.message(f); m != "" {
			t.Errorf("field %s: unexpected message %q", f, m)
		}
	}
	if !s.bar.status.Visible() || !strings.Contains(s.bar.status.Text, "chưa hợp lệ") {
		t.Errorf("status %q", s.bar.status.Text)
	}
	if h.focused() != s.applicant.idNumber {
		t.Errorf("the cursor is not in the first bad field")
	}
	h.notSaved()
	if len(p.printed) != 0 {
		t.Errorf("printed %v", p.printed)
	}

	// An ID number that disagrees with the date of birth.
	s.applicant.idNumber.SetText(citizenID)
	s.applicant.phone.SetText("0912345678")
	if m := s.form.message("applicant.phone"); m != "" {
		t.Errorf("the phone's message stays after an edit: %q", m)
	}
	test.Type(s.applicant.birth, "15/03/1991")
	h.save()
	if m := s.form.message("applicant.id_number"); !strings.Contains(m, "năm sinh 1990") {
		t.Errorf("ID against birth date: %q", m)
	}
	h.notSaved()

	// A date of birth that is no date.
	s.applicant.birth.SetText("31/02/1990")
	h.save()
	if m := s.form.message("applicant.birth_date"); !strings.Contains(m, "dd/mm/yyyy") {
		t.Errorf("birth date message %q", m)
	}
	h.notSaved()

	s.applicant.birth.SetText(citizenBirth)
	h.save()
	if _, err := h.db.Dossier(context.Background(), firstCode); err != nil {
		t.Fatalf("not saved once right: %v (status %q)", err, s.bar.status.Text)
	}
}

func TestIntakeRequiresPapers(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.004837")
	h.fillApplicant(s)
	h.save()
	if m := s.form.message("documents"); !strings.Contains(m, "Chưa đánh dấu giấy tờ") {
		t.Errorf("no paper ticked: %q", m)
	}
	if h.focused() != s.papers.docs[0].check {
		t.Errorf("the cursor is not on the first paper")
	}
	h.notSaved()

	// A paper ticked with no original and no copy.
	test.Tap(s.papers.docs[1].check)
	if m := s.form.message("documents"); m != "" {
		t.Errorf("ticking a paper leaves %q", m)
	}
	s.papers.docs[1].originals.SetText("0")
	s.papers.docs[1].copies.SetText("")
	h.save()
	if r := s.papers.docs[1]; !r.ff.msg.Visible() || !strings.Contains(r.ff.msg.Text, "chưa có bản nào") {
		t.Errorf("paper without copies: %q", r.ff.msg.Text)
	}
	if h.focused() != s.papers.docs[1].originals {
		t.Errorf("the cursor is not in the paper's originals")
	}
	h.notSaved()

	s.papers.docs[1].copies.SetText("1")
	h.save()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil || len(d.Documents) != 1 || d.Documents[0].Copies != 1 {
		t.Errorf("saved %+v, %v", d.Documents, err)
	}
}

func TestIntakeMarksWrongFieldOnLeaving(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.004837")
	c := h.u.Window().Canvas()
	c.Focus(s.applicant.phone)
	test.Type(s.applicant.phone, "0123")
	h.wait()
	if m := s.form.message("applicant.phone"); m != "" {
		t.Errorf("marked while still typing: %q", m)
	}
	c.Focus(s.applicant.address)
	h.wait()
	if m := s.form.message("applicant.phone"); !strings.Contains(m, "Số điện thoại") {
		t.Errorf("not marked after leaving: %q", m)
	}
	// A field merely empty is not marked before saving.
	if m := s.form.message("applicant.name"); m != "" {
		t.Errorf("empty name marked: %q", m)
	}
	if !strings.Contains(s.bar.note.Text, "Họ và tên") || !strings.Contains(s.bar.note.Text, "Điện thoại") {
		t.Errorf("preview note %q", s.bar.note.Text)
	}
}

func TestIntakeNeedsReviewRequiresWorkingDays(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.001193") // khai sinh: no working days in the sample
	if !s.procedure.proc.NeedsReview() || !s.procedure.daysRow.Visible() {
		t.Fatalf("no working-days entry for a procedure that needs review")
	}
	if s.bar.due.Text != "Chưa tính được ngày hẹn trả" {
		t.Errorf("preview due %q", s.bar.due.Text)
	}
	test.Tap(s.papers.docs[0].check)
	h.fillApplicant(s)
	h.save()
	if m := s.form.message("working_days"); !strings.Contains(m, "chưa có thời hạn") {
		t.Errorf("working days message %q", m)
	}
	if h.focused() != s.procedure.days {
		t.Errorf("the cursor is not in the working days")
	}
	h.notSaved()

	test.Type(s.procedure.days, "2")
	h.wait()
	if s.bar.due.Text != "Hẹn trả: Thứ tư, 13/01/2027" {
		t.Errorf("preview due %q", s.bar.due.Text)
	}
	h.save()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil {
		t.Fatalf("not saved: %v (status %q)", err, s.bar.status.Text)
	}
	if d.WorkingDays != 2 || d.DueDate.Format("2006-01-02") != "2027-01-13" {
		t.Errorf("stored %d working days, due %s", d.WorkingDays, d.DueDate.Format("2006-01-02"))
	}
	// The catalogue still needs review: the days were this dossier's.
	p, _ := h.db.Procedure(context.Background(), "1.001193")
	if !p.NeedsReview() {
		t.Errorf("the catalogue's time limit changed")
	}
}

func TestIntakePostalRequiresValidS10(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.004837")
	test.Tap(s.papers.docs[0].check)
	h.fillApplicant(s)
	if s.applicant.postalRow.Visible() {
		t.Errorf("postal item asked at the counter")
	}
	s.applicant.channel.SetSelected(s.applicant.channel.Options[1])
	if !s.applicant.postalRow.Visible() || !s.applicant.postalLabel.Visible() {
		t.Fatalf("postal item not asked for the postal channel")
	}
	h.save()
	if m := s.form.message("postal_item"); !strings.Contains(m, "số hiệu bưu gửi") {
		t.Errorf("missing postal item: %q", m)
	}
	h.notSaved()

	test.Type(s.applicant.postalItem, "RR123456784VN")
	h.save()
	if m := s.form.message("postal_item"); m == "" || !strings.Contains(m, "RR123456784VN") {
		t.Errorf("wrong check digit: %q", m)
	}
	if h.focused() != s.applicant.postalItem {
		t.Errorf("the cursor is not in the postal item")
	}
	h.notSaved()

	s.applicant.postalItem.SetText("rr123456785vn")
	h.save()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil {
		t.Fatalf("not saved: %v (status %q)", err, s.bar.status.Text)
	}
	if d.Channel != data.ChannelPostal || d.PostalItem != "RR123456785VN" {
		t.Errorf("stored channel %s, item %q", d.Channel, d.PostalItem)
	}
}

func TestIntakeRefusesPostForProcedureWithoutIt(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.004222") // thường trú: not by post
	if !strings.Contains(s.procedure.procMeta.Text, "không nhận qua bưu chính") {
		t.Errorf("meta %q", s.procedure.procMeta.Text)
	}
	s.applicant.channel.SetSelected(s.applicant.channel.Options[1])
	h.wait()
	if m := s.form.message("channel"); !strings.Contains(m, "không nhận hồ sơ qua bưu chính") {
		t.Errorf("channel message %q", m)
	}
}

func TestIntakePrintFailureKeepsDossier(t *testing.T) {
	h, s, p := openIntake(t)
	p.err = errors.New("no default printer")
	h.pickProcedure(s, "1.004837")
	test.Tap(s.papers.docs[0].check)
	h.fillApplicant(s)
	h.save()

	if _, err := h.db.Dossier(context.Background(), firstCode); err != nil {
		t.Fatalf("dossier not saved when printing failed: %v", err)
	}
	if len(p.printed) != 1 {
		t.Fatalf("printed %v", p.printed)
	}
	for _, want := range []string{"Không in được", "Hồ sơ đã được lưu", p.printed[0], "Mã nhật ký"} {
		if !strings.Contains(s.saved.status.Text, want) {
			t.Errorf("status lacks %q: %q", want, s.saved.status.Text)
		}
	}
	if _, err := os.Stat(p.printed[0]); err != nil {
		t.Errorf("PDF not kept: %v", err)
	}

	test.Tap(s.saved.view)
	h.wait()
	if len(p.opened) != 1 || p.opened[0] != p.printed[0] {
		t.Errorf("opened %v", p.opened)
	}

	p.err = nil
	test.Tap(s.saved.reprint)
	h.wait()
	if len(p.printed) != 2 || !strings.Contains(p.printed[1], "-in-lai-1") {
		t.Errorf("reprint printed %v", p.printed)
	}
	if s.saved.status.Text != "Đã gửi bản in lại của giấy tiếp nhận tới máy in." {
		t.Errorf("status after reprint %q", s.saved.status.Text)
	}
}

func TestIntakeSupplementAndRefusal(t *testing.T) {
	h, s, p := openIntake(t)
	h.pickProcedure(s, "1.004837")
	test.Tap(s.papers.docs[0].check)
	h.fillApplicant(s)
	h.save()
	if s.saved.last.Code != firstCode {
		t.Fatalf("not saved: %q", s.bar.status.Text)
	}

	// Form 02 for the dossier just saved.
	test.Tap(s.saved.supplement)
	n := s.saved.notice
	if n == nil || n.code.Text != firstCode || !strings.Contains(h.overlayText(), "Mẫu 02") {
		t.Fatalf("no Form 02 dialog for the dossier just saved:\n%s", h.overlayText())
	}
	test.Tap(n.issue)
	h.wait()
	if msg := n.form.message(data.FieldNoticeItems); !strings.Contains(msg, "giấy tờ cần bổ sung") || h.focused() != n.items {
		t.Errorf("empty list: %q under the list, summary %q", msg, n.msg.Text)
	}
	if h.u.Window().Canvas().Overlays().Top() == nil {
		t.Fatalf("the dialog closed on an error")
	}
	test.Type(n.items, "Bản sao Giấy khai sinh của người được giám hộ\nVăn bản cử người giám hộ")
	test.Tap(n.issue)
	h.wait()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil || d.Status != data.StatusSupplement {
		t.Fatalf("status %s, %v", d.Status, err)
	}
	if last := p.printed[len(p.printed)-1]; !strings.Contains(last, firstCode+"-supplement") {
		t.Errorf("printed %s", last)
	}
	if !strings.Contains(s.saved.status.Text, "Mẫu 02") || h.u.Window().Canvas().Overlays().Top() != nil {
		t.Errorf("after Form 02: status %q, dialog still open %v", s.saved.status.Text, h.u.Window().Canvas().Overlays().Top() != nil)
	}

	// Form 03 for a dossier named by its code.
	s.saved.last = data.Dossier{}
	test.Tap(s.saved.refuse)
	n = s.saved.notice
	if n.code.Text != "" || !strings.Contains(h.overlayText(), "Mẫu 03") {
		t.Fatalf("Form 03 dialog: code %q\n%s", n.code.Text, h.overlayText())
	}
	test.Tap(n.issue)
	if msg := n.form.message(data.FieldNoticeCode); !strings.Contains(msg, "mã hồ sơ") || h.focused() != n.code {
		t.Errorf("no code: %q under the code, summary %q", msg, n.msg.Text)
	}
	test.Type(n.code, strings.ToLower(firstCode)+"x")
	test.Type(n.items, "Hồ sơ không thuộc thẩm quyền của xã")
	test.Tap(n.issue)
	h.confirm()
	if n.form.message(data.FieldNoticeCode) == "" {
		t.Errorf("a wrong code was taken (%q)", n.msg.Text)
	}
	n.code.SetText(firstCode)
	test.Tap(n.issue)
	h.confirm()
	d, _ = h.db.Dossier(context.Background(), firstCode)
	if d.Status != data.StatusRefused {
		t.Errorf("status %s after Form 03", d.Status)
	}
	if last := p.printed[len(p.printed)-1]; !strings.Contains(last, firstCode+"-refusal") {
		t.Errorf("printed %s", last)
	}
	if !strings.Contains(s.saved.title.Text, firstCode) {
		t.Errorf("bar %q", s.saved.title.Text)
	}
}

func TestIntakeProcedureKeys(t *testing.T) {
	h, s, _ := openIntake(t)
	c := h.u.Window().Canvas()
	c.Focus(s.procedure.picker.search)

	// Down in the empty field lists every procedure.
	s.procedure.picker.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	h.wait()
	if !s.procedure.picker.view.Visible() || len(s.procedure.picker.found) != sampleSize {
		t.Fatalf("Down lists %d procedures (shown %v)", len(s.procedure.picker.found), s.procedure.picker.view.Visible())
	}

	test.Type(s.procedure.picker.search, "khai sinh")
	h.wait()
	if len(s.procedure.picker.found) < 3 {
		t.Fatalf("matches %v", codes(s.procedure.picker.found))
	}
	s.procedure.picker.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.procedure.picker.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.procedure.picker.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if s.procedure.picker.highlight != 1 {
		t.Errorf("highlight %d after Down, Down, Up", s.procedure.picker.highlight)
	}
	want := s.procedure.picker.found[1].Code
	enter(s.procedure.picker.search)
	if s.procedure.proc.Code != want {
		t.Errorf("Enter picked %s, want %s", s.procedure.proc.Code, want)
	}

	// Escape closes the list and keeps the procedure.
	test.Type(s.procedure.picker.search, "x")
	h.wait()
	s.procedure.picker.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.procedure.picker.view.Visible() || !s.papers.panel.Visible() || s.procedure.proc.Code != want {
		t.Errorf("Escape: matches %v, checklist %v, procedure %s", s.procedure.picker.view.Visible(), s.papers.panel.Visible(), s.procedure.proc.Code)
	}

	// Enter typed before the search answers picks its first match.
	s.procedure.picker.search.SetText("")
	test.Type(s.procedure.picker.search, "giam ho")
	enter(s.procedure.picker.search)
	h.wait()
	if s.procedure.proc.Code != "1.004837" {
		t.Errorf("fast Enter picked %s", s.procedure.proc.Code)
	}

	// A tap picks too.
	test.Type(s.procedure.picker.search, "khai tu")
	h.wait()
	s.procedure.picker.list.Select(0)
	if s.procedure.proc.Code != s.procedure.picker.found[0].Code || s.procedure.picker.view.Visible() {
		t.Errorf("tap picked %s", s.procedure.proc.Code)
	}
}

func TestIntakeShortcutsAndMenu(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "1.004837")
	test.Type(s.applicant.name, citizenName)

	h.press(sectionKey(sectionCatalog))
	h.press(shortcut(fyne.KeyT))
	if h.u.current() != sectionIntake || h.focused() != s.procedure.picker.search {
		t.Errorf("Ctrl+T: section %d", h.u.current())
	}
	if s.applicant.name.Text != citizenName {
		t.Errorf("moving away lost the form")
	}
	h.press(shortcut(fyne.KeyN))
	h.wait()
	if s.applicant.name.Text != "" || s.procedure.proc.Code != "" || h.focused() != s.procedure.picker.search {
		t.Errorf("Ctrl+N did not start a new intake")
	}

	found := map[string]string{}
	for _, m := range h.u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				found[it.Shortcut.ShortcutName()] = it.Label
			}
		}
	}
	for key, label := range map[fyne.KeyName]string{fyne.Key1: "Tiếp nhận hồ sơ", fyne.KeyN: "Tiếp nhận hồ sơ mới", fyne.KeyK: "Quét căn cước"} {
		if got := found[shortcut(key).ShortcutName()]; got != label {
			t.Errorf("menu item for Ctrl+%s is %q, want %q", key, got, label)
		}
	}
}

func TestIntakeNamesTheLoggedInOfficer(t *testing.T) {
	_, s, _ := openIntake(t)
	if got := s.officer.Text; got != "Cán bộ tiếp nhận: "+adminName {
		t.Errorf("header %q", got)
	}
}
