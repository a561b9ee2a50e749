package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
)

// Each action that cannot be taken back asks first: Esc leaves the
// dossier or manifest as it was, Enter does it.
func TestConfirmationsEnterConfirmsEscCancels(t *testing.T) {
	for _, tc := range []struct {
		name string
		// start prepares and asks (the confirmation is then on show);
		// done reports whether the action was taken.
		start func(h *harness) (ask func(), done func() bool)
	}{
		{"result ready", func(h *harness) (func(), func() bool) {
			d := h.takeDossier("")
			s := h.openDossier(d.Code)
			return func() { test.Tap(s.dossier.ready) }, statusIs(h, d.Code, data.StatusResultReady)
		}},
		{"return by Enter in the recipient's ID", func(h *harness) (func(), func() bool) {
			d := h.takeDossier("")
			h.setStatus(d.Code, data.StatusResultReady)
			s := h.openDossier(d.Code)
			return func() {
				s.handover.recipientID.SetText("")
				h.scanInto(s.handover.recipientID, deskApplicant.IDNumber)
			}, statusIs(h, d.Code, data.StatusReturned)
		}},
		{"stop (Mẫu 05)", func(h *harness) (func(), func() bool) {
			d := h.takeDossier("")
			s := h.openDossier(d.Code)
			s.print = func(string) error { return nil }
			return func() {
				test.Tap(s.dossier.stop)
				test.Type(s.stop.reason, "Người nộp đề nghị dừng")
				s.stop.d.Submit()
			}, statusIs(h, d.Code, data.StatusStopped)
		}},
		{"undo of a status", func(h *harness) (func(), func() bool) {
			d := h.takeDossier("")
			h.setStatus(d.Code, data.StatusResultReady)
			s := h.openDossier(d.Code)
			return func() {
				test.Tap(s.dossier.undo)
				test.Type(s.undo.reason, "Bấm nhầm hồ sơ khác")
				s.undo.d.Submit()
			}, statusIs(h, d.Code, data.StatusReceived)
		}},
		{"refusal (Mẫu 03)", func(h *harness) (func(), func() bool) {
			d := h.takeDossier("")
			s := h.u.intake
			s.saved.print = func(string) error { return nil }
			return func() {
				test.Tap(s.saved.refuse)
				n := s.saved.notice
				n.code.SetText(d.Code)
				n.items.SetText("Không thuộc thẩm quyền")
				test.Tap(n.issue)
			}, statusIs(h, d.Code, data.StatusRefused)
		}},
		{"signing a manifest", func(h *harness) (func(), func() bool) {
			a := h.takeDossier("RR123456785VN")
			s := h.openManifest(data.ManifestFromPost, "Bưu điện Vị Thanh")
			s.print = func(string) error { return nil }
			h.scanInto(s.items.scan, a.Code)
			s.sign.postal.SetText("Lê Thị Hoa")
			number := s.m.Number
			return func() { test.Tap(s.sign.closeBtn) }, func() bool {
				m, err := h.db.Manifest(context.Background(), number)
				return err == nil && m.Status == data.ManifestClosed
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := openDesk(t)
			ask, done := tc.start(h)
			ask()
			h.wait()
			if _, ok := h.u.dialog.(*confirmDialog); !ok || h.u.Window().Canvas().Focused() != nil {
				t.Fatalf("no confirmation asked, or a field kept the cursor (dialog %T)", h.u.dialog)
			}
			h.key(fyne.KeyEscape)
			h.wait()
			if done() {
				t.Fatal("Esc did not cancel")
			}
			if _, ok := h.u.dialog.(*confirmDialog); ok {
				t.Fatal("the confirmation stayed after Esc")
			}
			h.closeDialogs()
			ask()
			h.wait()
			h.confirm()
			if !done() {
				t.Fatal("Enter did not confirm")
			}
		})
	}
}

// statusIs reports, when called, whether a dossier has a status.
func statusIs(h *harness, code string, st data.Status) func() bool {
	return func() bool {
		d, err := h.db.Dossier(context.Background(), code)
		return err == nil && d.Status == st
	}
}

// closeDialogs closes what is still on show (the stop's reasons).
func (h *harness) closeDialogs() {
	for h.u.Window().Canvas().Overlays().Top() != nil {
		h.key(fyne.KeyEscape)
	}
}
