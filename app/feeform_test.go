package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/data/intake"
	"motcua/printout/pdftest"
)

// takeWithFee fills the intake for 2.002516 (lệ phí 8.000 đồng), whose
// catalogue has no time limit: one working day is typed.
func (h *harness) takeWithFee(s *intakeScreen) {
	h.t.Helper()
	h.pickProcedure(s, "2.002516")
	s.procedure.days.SetText("1")
	test.Tap(s.papers.docs[0].check)
	h.fillApplicant(s)
}

func TestFeeFormCollectsTheCatalogueFee(t *testing.T) {
	h, s, p := openIntake(t)
	f := s.fees
	if f.content.Visible() {
		t.Error("the fees show before a procedure is chosen")
	}
	h.takeWithFee(s)
	if !f.content.Visible() || f.due.Text != "Phải thu: Lệ phí 8.000 đồng" || len(f.rows) != 1 {
		t.Fatalf("fees shown %v: %q, %d rows", f.content.Visible(), f.due.Text, len(f.rows))
	}
	r := f.rows[0]
	if r.amount.Text != "8.000" || r.kind.Selected != "Lệ phí" || r.method.Selected != "Tiền mặt" {
		t.Errorf("row prefilled %q %q %q", r.amount.Text, r.kind.Selected, r.method.Selected)
	}

	// An amount that is no amount is said under it; nothing is saved.
	r.amount.SetText("8.000,5")
	h.save()
	h.notSaved()
	if m := s.form.message(intake.FeeField(0, "amount")); !strings.Contains(m, "dấu phẩy") {
		t.Errorf("amount message %q", m)
	}
	// Nothing collected for a procedure that charges: the rule says so.
	r.amount.SetText("")
	h.save()
	h.notSaved()
	if m := s.form.message(intake.FieldFees); !strings.Contains(m, "Thủ tục này thu Lệ phí 8.000 đồng: ghi khoản đã thu") {
		t.Errorf("fees message %q", m)
	}

	// Collected by transfer: saved, and Form 01 prints with the receipt.
	r.amount.SetText("8.000")
	r.method.SetSelected("Chuyển khoản")
	h.wait()
	h.save()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil {
		t.Fatalf("not saved: %v (%q)", err, s.bar.status.Text)
	}
	if len(d.Fees) != 1 || d.Fees[0] != (data.FeePaid{Kind: data.FeeLePhi, Amount: 8000, Method: data.PayTransfer}) {
		t.Errorf("fees stored %+v", d.Fees)
	}
	if len(p.printed) != 1 {
		t.Fatalf("printed %v", p.printed)
	}
	ps := pdftest.Pages(t, p.printed[0])
	if len(ps) != 4 || !strings.Contains(ps[2], "BIÊN LAI THU PHÍ, LỆ PHÍ") || !strings.Contains(ps[2], "Hình thức thanh toán: Chuyển khoản") {
		t.Errorf("the receipt printout: %d pages\n%v", len(ps), ps)
	}
	if f.content.Visible() || len(f.rows) != 0 {
		t.Error("the fees stayed for the next citizen")
	}
}

func TestFeeFormExemptionAndPost(t *testing.T) {
	h, s, _ := openIntake(t)
	f := s.fees
	h.takeWithFee(s)
	test.Tap(f.exempt)
	if f.rowsBox.Visible() || !f.reasonRow.Visible() || h.focused() != f.reason {
		t.Fatalf("exempt: rows %v, reason %v", f.rowsBox.Visible(), f.reasonRow.Visible())
	}
	h.save()
	h.notSaved()
	if m := s.form.message(intake.FieldFees); m == "" {
		t.Error("an exemption with no reason was not refused")
	}
	test.Type(f.reason, "Người thuộc hộ nghèo")
	h.wait()
	h.save()
	d, err := h.db.Dossier(context.Background(), firstCode)
	if err != nil || d.FeeExempt != "Người thuộc hộ nghèo" || len(d.Fees) != 0 {
		t.Fatalf("exempt dossier %+v, %v (%q)", d, err, s.bar.status.Text)
	}

	// By post: the postman collects; the form asks for nothing.
	h.takeWithFee(s)
	s.applicant.channel.SetSelected(s.applicant.channel.Options[1])
	h.wait()
	if f.rowsBox.Visible() || f.exempt.Visible() || !f.postNote.Visible() {
		t.Errorf("by post: rows %v, exempt %v, note %v", f.rowsBox.Visible(), f.exempt.Visible(), f.postNote.Visible())
	}
}

func TestFeeFormMarkup(t *testing.T) {
	h, s, _ := openIntake(t)
	h.takeWithFee(s)
	assertMarkup(t, "intake/fees.xml", s.fees.content, fyne.NewSize(620, 200))
}

func TestFeeFormAsksTheKindTheCatalogueDoesNotSay(t *testing.T) {
	h, s, _ := openIntake(t)
	h.pickProcedure(s, "2.000635") // "8,000 VNĐ": phí or lệ phí, it does not say
	s.procedure.days.SetText("1")
	test.Tap(s.papers.docs[0].check)
	h.fillApplicant(s)
	f := s.fees
	if len(f.rows) != 1 || f.rows[0].kind.Selected != "" || f.rows[0].amount.Text != "8.000" {
		t.Fatalf("rows %d, kind %q, amount %q", len(f.rows), f.rows[0].kind.Selected, f.rows[0].amount.Text)
	}
	h.save()
	h.notSaved()
	if m := s.form.message(intake.FeeField(0, "kind")); !strings.Contains(m, "chưa ghi loại") {
		t.Errorf("kind message %q", m)
	}
	f.rows[0].kind.SetSelected("Phí")
	if s.form.message(intake.FeeField(0, "kind")) != "" {
		t.Error("choosing the kind left its message")
	}
	h.wait()
	h.save()
	if d, err := h.db.Dossier(context.Background(), firstCode); err != nil || len(d.Fees) != 1 || d.Fees[0].Kind != data.FeePhi {
		t.Errorf("saved %+v, %v", d.Fees, err)
	}
}
