package app

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/counter"
	"motcua/data"
	"motcua/data/returns"
)

// openDossier opens a dossier on the return desk by typing its code into
// the scan field.
func (h *harness) openDossier(code string) *returnsScreen {
	h.t.Helper()
	h.scanInto(h.u.scan.entry, code)
	s := h.u.returns
	if s.v.Dossier.Code != code {
		h.t.Fatalf("return desk shows %q, want %s (banner %q)", s.v.Dossier.Code, code, h.u.scan.banner.message())
	}
	return s
}

func TestReturnToAuthorisedPerson(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	d := h.takeDossier("")
	h.setStatus(d.Code, data.StatusResultReady)
	s := h.openDossier(d.Code)

	if s.dossier.status.Text != "Có kết quả, chờ trả" || s.dossier.idNumber.Text != "********1234" || s.dossier.applicant.Text != deskApplicant.Name {
		t.Errorf("status %q, ID %q, applicant %q", s.dossier.status.Text, s.dossier.idNumber.Text, s.dossier.applicant.Text)
	}
	if s.dossier.handOver.Disabled() || !s.dossier.ready.Disabled() || !s.dossier.transfer.Disabled() || !s.dossier.withdraw.Disabled() || !s.dossier.apology.Disabled() {
		t.Errorf("actions of a ready result: return %v ready %v transfer %v withdraw %v apology %v",
			!s.dossier.handOver.Disabled(), !s.dossier.ready.Disabled(), !s.dossier.transfer.Disabled(), !s.dossier.withdraw.Disabled(), !s.dossier.apology.Disabled())
	}
	test.Tap(s.dossier.handOver)
	if h.focused() != s.handover.recipientID {
		t.Fatalf("“Trả kết quả” did not put the cursor in the recipient's ID")
	}

	// Someone else's ID number is refused, next to the field.
	h.scanInto(s.handover.recipientID, "092085000111")
	if !strings.Contains(s.handover.form.message(returns.FieldRecipientID), "không khớp") {
		t.Errorf("recipient error %q", s.handover.form.message(returns.FieldRecipientID))
	}
	if got, _ := h.db.Dossier(ctx, d.Code); got.Status != data.StatusResultReady {
		t.Fatalf("returned to the wrong person: %s", got.Status)
	}

	// … unless they are authorised.
	test.Tap(s.handover.authorised)
	if !s.handover.authFields.Visible() {
		t.Fatal("the authorised person's fields are hidden")
	}
	test.Type(s.handover.authName, "Lê Văn Tư")
	test.Type(s.handover.authNote, "Giấy ủy quyền ngày 01/02/2027")
	test.Tap(s.handover.returnBtn)
	h.wait()

	ret, err := h.db.Returned(ctx, d.Code)
	if err != nil {
		t.Fatalf("not returned: %v (message %q)", err, s.handover.returnMsg.Text)
	}
	if !ret.Authorised || ret.Name != "Lê Văn Tư" || ret.IDNumber != "092085000111" || ret.Authorisation != "Giấy ủy quyền ngày 01/02/2027" || ret.Officer != adminName {
		t.Errorf("return record %+v", ret)
	}
	if s.dossier.status.Text != "Đã trả kết quả" || s.handover.returnForm.Visible() || !s.handover.returnRecord.Visible() {
		t.Errorf("after the return: status %q, form shown %v", s.dossier.status.Text, s.handover.returnForm.Visible())
	}
	for _, want := range []string{"người được ủy quyền Lê Văn Tư", "10:00 03/02/2027", "********0111"} {
		if !strings.Contains(s.handover.returnRecord.Text, want) {
			t.Errorf("record %q lacks %q", s.handover.returnRecord.Text, want)
		}
	}
	if last := s.dossier.timeline.Objects[len(s.dossier.timeline.Objects)-1].(*widget.Label).Text; !strings.Contains(last, "Lê Văn Tư") {
		t.Errorf("timeline ends with %q", last)
	}
	if h.focused() != h.u.scan.entry {
		t.Errorf("the cursor did not go back to the scan field for the next citizen")
	}

	// The hand-over confirmation prints.
	var printed []string
	s.print = func(path string) error { printed = append(printed, path); return nil }
	if !s.handover.returnNote.Visible() {
		t.Fatal("no button for the hand-over confirmation")
	}
	test.Tap(s.handover.returnNote)
	h.wait()
	if len(printed) != 1 || !strings.HasSuffix(printed[0], d.Code+"-return.pdf") {
		t.Errorf("printed %v", printed)
	}
}

func TestReturnToApplicantByScanningHerCard(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	h.setStatus(d.Code, data.StatusResultReady)
	s := h.openDossier(d.Code)

	h.scanInto(s.handover.recipientID, deskApplicantCard)
	if s.handover.recipientID.Text != deskApplicant.IDNumber || !strings.Contains(s.handover.returnMsg.Text, "khớp") {
		t.Fatalf("card filled %q, message %q", s.handover.recipientID.Text, s.handover.returnMsg.Text)
	}
	if _, err := h.db.Returned(context.Background(), d.Code); data.ErrorCode(err) != data.ENotFound {
		t.Fatal("a scan alone recorded the return")
	}
	s.handover.recipientID.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
	ret, err := h.db.Returned(context.Background(), d.Code)
	if err != nil || ret.Authorised || ret.Name != deskApplicant.Name || ret.Officer != "Trần Văn Bình" {
		t.Errorf("return %+v, %v", ret, err)
	}
}

func TestReturnRefusedWithTheStoresReason(t *testing.T) {
	h := openDesk(t)
	d := h.takeDossier("")
	s := h.openDossier(d.Code)
	if !s.handover.returnHint.Visible() || !strings.Contains(s.handover.returnHint.Text, "chưa có kết quả") {
		t.Errorf("hint %q", s.handover.returnHint.Text)
	}
	h.scanInto(s.handover.recipientID, deskApplicant.IDNumber)
	if !strings.Contains(s.handover.returnMsg.Text, "chưa có kết quả để trả") || s.handover.returnMsg.Importance != widget.DangerImportance {
		t.Errorf("not ready: %q", s.handover.returnMsg.Text)
	}

	// Returned meanwhile at another counter: the store says when and to whom.
	h.setStatus(d.Code, data.StatusResultReady)
	s.open(d.Code)
	h.wait()
	if _, err := h.db.ReturnResult(context.Background(), d.Code, data.Recipient{IDNumber: deskApplicant.IDNumber}, "Quầy 2"); err != nil {
		t.Fatal(err)
	}
	h.scanInto(s.handover.recipientID, deskApplicant.IDNumber)
	if !strings.Contains(s.handover.returnMsg.Text, "đã trả kết quả lúc") {
		t.Errorf("already returned: %q", s.handover.returnMsg.Text)
	}
}

// auditSpy records the audit calls the window makes.
type auditSpy struct {
	counter.Store
	mu     sync.Mutex
	audits []string
}

func (a *auditSpy) Audit(ctx context.Context, actor, action, code, detail string) error {
	if actor == "" {
		actor = data.OfficerFrom(ctx).FullName
	}
	a.mu.Lock()
	a.audits = append(a.audits, actor+" "+action+" "+code)
	a.mu.Unlock()
	return a.Store.Audit(ctx, actor, action, code, detail)
}

func TestFullIDNumberIsAudited(t *testing.T) {
	h := newHarness(t, true)
	h.db.Now = func() time.Time { return deskNow }
	spy := &auditSpy{Store: h.db}
	h.startOn(spy, deskNow)

	d := h.takeDossier("")
	s := h.openDossier(d.Code)
	// Opening the dossier is audited; its ID number stays masked.
	if want := "Trần Văn Bình dossier.open " + d.Code; s.dossier.idNumber.Text != "********1234" || len(spy.audits) != 1 || spy.audits[0] != want {
		t.Fatalf("ID %q, audits %v", s.dossier.idNumber.Text, spy.audits)
	}
	spy.audits = nil
	test.Tap(s.dossier.showID)
	h.wait()
	if s.dossier.idNumber.Text != deskApplicant.IDNumber || s.dossier.showID.Visible() {
		t.Errorf("ID %q after asking to see it", s.dossier.idNumber.Text)
	}
	if want := "Trần Văn Bình dossier.view-id " + d.Code; len(spy.audits) != 1 || spy.audits[0] != want {
		t.Errorf("audits %v, want [%s]", spy.audits, want)
	}
}

func TestResultsComeBackAndWait(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	single := h.takeDossier("")
	h.setStatus(single.Code, data.StatusTransferred)
	a, b := h.takeDossier(""), h.takeDossier("")
	m, err := h.db.OpenManifest(ctx, data.ManifestToAgency, "", "Phòng Tư pháp", "Thử nghiệm")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{a.Code, b.Code} {
		if _, err := h.db.AddItem(ctx, m.Number, data.ManifestAdd{DossierCode: code}, "Thử nghiệm"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := h.db.CloseManifest(ctx, m.Number, "Bình", "Hoa"); err != nil {
		t.Fatal(err)
	}
	h.press(sectionKey(sectionReturns))
	s := h.u.returns

	h.scanInto(s.board.resultScan, h.receiptQR(single.Code))
	if got, _ := h.db.Dossier(ctx, single.Code); got.Status != data.StatusResultReady {
		t.Fatalf("one result back: %s (message %q)", got.Status, s.board.resultMsg.message())
	}
	h.scanInto(s.board.resultScan, h.manifestQR(m.Number))
	if msg := s.board.resultMsg.message(); !strings.Contains(msg, "2 hồ sơ đã có kết quả") {
		t.Errorf("manifest back: %q", msg)
	}
	if len(s.board.lists.Waiting) != 3 || s.board.waiting.Length() != 3 || !strings.HasPrefix(s.board.tabs.Items[tabWaiting].Text, "Chờ trả (3)") {
		t.Fatalf("waiting %d, tab %q", len(s.board.lists.Waiting), s.board.tabs.Items[tabWaiting].Text)
	}
	if h.focused() != s.board.resultScan {
		t.Errorf("the cursor left the results field")
	}
	h.scanInto(s.board.resultScan, h.receiptQR(single.Code))
	if msg := s.board.resultMsg.message(); !strings.Contains(msg, "không thể chuyển") || s.board.resultMsg.text.Importance != widget.DangerImportance {
		t.Errorf("twice: %q", msg)
	}

	// Three days later they still wait, and say so.
	later := deskNow.AddDate(0, 0, 3)
	h.db.Now = func() time.Time { return later }
	s.reloadLists()
	h.wait()
	var row strings.Builder
	collectText(test.WidgetRenderer(s.board.waiting).Objects()[0], &row)
	if !strings.Contains(row.String(), "chờ 3 ngày") || s.board.lists.Waiting[0].Dossier.Code != single.Code {
		t.Errorf("waiting row:\n%s", row.String())
	}

	// Choosing one opens it, ready to hand over.
	s.board.waiting.Select(0)
	h.wait()
	if s.v.Dossier.Code != single.Code || s.dossier.handOver.Disabled() {
		t.Errorf("list opened %q", s.v.Dossier.Code)
	}
}

func TestApologyMovesDueDateOnce(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	d := h.takeDossier("")
	var printed []string
	h.u.returns.print = func(path string) error { printed = append(printed, path); return nil }
	s := h.openDossier(d.Code)
	if !strings.Contains(s.dossier.due.Text, "15/02/2027") || s.dossier.due.Importance != widget.MediumImportance {
		t.Errorf("due %q (importance %v)", s.dossier.due.Text, s.dossier.due.Importance)
	}
	test.Tap(s.dossier.apology)
	if !s.apology.content.Visible() || h.focused() != s.apology.newDue {
		t.Fatal("the Form 04 form did not open on the new date")
	}

	test.Type(s.apology.newDue, "21/02/2027") // a Sunday
	test.Type(s.apology.reason, "Chờ xác minh của cơ quan liên quan")
	s.apology.reason.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.wait()
	if !strings.Contains(s.apology.form.message(returns.FieldNewDue), "ngày nghỉ") || len(printed) != 0 {
		t.Fatalf("a Sunday: error %q, printed %v", s.apology.form.message(returns.FieldNewDue), printed)
	}

	s.apology.newDue.SetText("22/02/2027")
	test.Tap(s.apology.apologySave)
	h.wait()
	if len(printed) != 1 {
		t.Fatalf("printed %v (message %q)", printed, s.apology.apologyMsg.Text)
	}
	if pdf, err := os.ReadFile(printed[0]); err != nil || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Errorf("Form 04 file: %v", err)
	}
	got, _ := h.db.Dossier(ctx, d.Code)
	if got.DueDate.Format("2006-01-02") != "2027-02-22" || !strings.Contains(s.dossier.due.Text, "22/02/2027") {
		t.Errorf("due date %s, shown %q", got.DueDate.Format("2006-01-02"), s.dossier.due.Text)
	}
	if !s.dossier.apology.Disabled() || s.apology.content.Visible() {
		t.Error("Form 04 offered a second time")
	}
}

func TestDueDateColouredAndListed(t *testing.T) {
	h := openDesk(t)
	// The procedure takes 3 working days.
	late := h.takeDossierAt(vn(2027, 1, 4, 9, 0), "") // due 07/01
	soon := h.takeDossierAt(vn(2027, 2, 1, 9, 0), "") // due 04/02, tomorrow
	h.u.returns.reloadLists()
	h.wait()
	s := h.u.returns
	if len(s.board.lists.Overdue) != 1 || s.board.lists.Overdue[0].Code != late.Code {
		t.Fatalf("overdue %v", s.board.lists.Overdue)
	}
	s.board.overdue.Select(0)
	h.wait()
	if s.v.Dossier.Code != late.Code || s.dossier.due.Importance != widget.DangerImportance || !strings.Contains(s.dossier.due.Text, "quá hạn") {
		t.Errorf("overdue dossier %q: due %q (importance %v)", s.v.Dossier.Code, s.dossier.due.Text, s.dossier.due.Importance)
	}
	if len(s.board.lists.DueSoon) == 1 {
		s.board.dueSoon.Select(0)
		h.wait()
		if s.v.Dossier.Code != soon.Code || s.dossier.due.Importance != widget.WarningImportance {
			t.Errorf("due-soon dossier %q: due %q (importance %v)", s.v.Dossier.Code, s.dossier.due.Text, s.dossier.due.Importance)
		}
	} else {
		t.Errorf("due soon %v (due %s)", s.board.lists.DueSoon, soon.DueDate.Format("02/01/2006"))
	}
}

func TestStatusNamesAreTheDomainsInVietnamese(t *testing.T) {
	vi := readTranslations(t, Vietnamese)
	en := readTranslations(t, English)
	for _, st := range []data.Status{data.StatusReceived, data.StatusSupplement, data.StatusRefused, data.StatusTransferred,
		data.StatusResultReady, data.StatusReturned, data.StatusWithdrawn} {
		key := "returns.status." + string(st)
		if vi[key] != st.Label() {
			t.Errorf("vi %s = %q, want %q", key, vi[key], st.Label())
		}
		if en[key] == nil {
			t.Errorf("en.json lacks %s", key)
		}
	}
}
