package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/data"
)

// TestUndoStatusFromTheDossierView: “Hoàn tác trạng thái” is no button of
// a counter officer's; a supervisor's asks for the reason (required),
// then for confirmation (Esc cancels, Enter confirms), and the view then
// shows the status before, the undo in the history and a message that
// fades; the undo itself is not undone.
func TestUndoStatusFromTheDossierView(t *testing.T) {
	h := newHarness(t, true)
	h.addAccount("hoa", "Lê Thị Hoa", data.RoleCounter)
	h.addAccount("lan", "Phạm Thị Lan", data.RoleSupervisor)
	h.db.Now = func() time.Time { return deskNow }
	h.startLocked(h.db, deskNow)
	h.logIn("hoa")
	d := h.takeDossier("")
	h.setStatus(d.Code, data.StatusTransferred)
	h.setStatus(d.Code, data.StatusResultReady)
	s := h.openDossier(d.Code)
	if s.dossier.undo.Visible() {
		t.Fatal("a counter officer is offered “Hoàn tác trạng thái”")
	}

	h.u.lock()
	h.logIn("lan")
	s = h.openDossier(d.Code)
	if !s.dossier.undo.Visible() || s.dossier.undo.Disabled() || s.dossier.undo.Text != "Hoàn tác trạng thái" {
		t.Fatalf("a supervisor's undo: visible %v, enabled %v, %q", s.dossier.undo.Visible(), !s.dossier.undo.Disabled(), s.dossier.undo.Text)
	}
	test.Tap(s.dossier.undo)
	ud := s.undo
	if ud == nil || h.u.dialog != ud.d || h.focused() != ud.reason {
		t.Fatalf("no reason asked with the cursor in it (dialog %T)", h.u.dialog)
	}
	if text := h.overlayText(); !strings.Contains(text, "“Có kết quả, chờ trả”") || !strings.Contains(text, "“Đã chuyển cơ quan giải quyết”") {
		t.Errorf("the dialog does not say what goes back to what: %s", text)
	}
	// No reason: the rule names it under its field, and nothing is asked.
	ud.d.Submit()
	h.wait()
	if m := ud.form.message(data.FieldUndoReason); !strings.Contains(strings.ToLower(m), "chưa ghi lý do hoàn tác") {
		t.Errorf("reason message %q", m)
	}
	if _, asked := h.u.dialog.(*confirmDialog); asked || !statusIs(h, d.Code, data.StatusResultReady)() {
		t.Fatal("undone, or asked to confirm, without a reason")
	}
	test.Type(ud.reason, "Bấm nhầm hồ sơ khác")
	if ud.form.message(data.FieldUndoReason) != "" {
		t.Error("the message stayed after typing")
	}
	enter(ud.reason)
	h.wait()
	if _, ok := h.u.dialog.(*confirmDialog); !ok {
		t.Fatalf("no confirmation asked (dialog %T)", h.u.dialog)
	}
	h.key(fyne.KeyEscape)
	h.wait()
	if !statusIs(h, d.Code, data.StatusResultReady)() || h.u.dialog != ud.d {
		t.Fatalf("Esc did not cancel back to the reason (dialog %T)", h.u.dialog)
	}
	ud.d.Submit()
	h.wait()
	h.confirm()

	if !statusIs(h, d.Code, data.StatusTransferred)() {
		t.Fatal("Enter did not undo")
	}
	if h.u.Window().Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open")
	}
	if s.dossier.status.Text != "Đã chuyển cơ quan giải quyết" || !s.dossier.undo.Disabled() {
		t.Errorf("after the undo: status %q, undo enabled %v", s.dossier.status.Text, !s.dossier.undo.Disabled())
	}
	if line := timelineText(s); !strings.Contains(line, "Hoàn tác") || !strings.Contains(line, "Bấm nhầm hồ sơ khác") || !strings.Contains(line, "Phạm Thị Lan") {
		t.Errorf("timeline %q", line)
	}
	if msg := s.dossier.actionMsg.message(); !strings.Contains(msg, "Đã hoàn tác") {
		t.Errorf("message %q", msg)
	}
	h.advance(fadeAfter + time.Second)
	if msg := s.dossier.actionMsg.message(); msg != "" {
		t.Errorf("the message stays: %q", msg)
	}
	hist, _ := h.db.History(context.Background(), d.Code)
	if last := hist[len(hist)-1]; last.Action != data.ActionUndo || last.Actor != "Phạm Thị Lan" {
		t.Errorf("history %+v", last)
	}
}

// timelineText is the dossier's history as the view lists it.
func timelineText(s *returnsScreen) string {
	var b strings.Builder
	collectText(s.dossier.timeline, &b)
	return b.String()
}
