package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/data"
	"motcua/server/servertest"
)

func init() { autoSync = false }

// TestSyncScreenEnrollsAndSyncs enrolls through the screen against a real
// server, then sends an intake with "Đồng bộ ngay".
func TestSyncScreenEnrollsAndSyncs(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	h := openDesk(t)
	s := h.u.syncScr
	h.press(sectionKey(sectionSync))
	h.wait()
	if !s.enrollUI.Visible() || s.enrolled.Visible() || h.focused() != s.serverURL {
		t.Fatalf("an unenrolled workstation shows no enrollment form")
	}

	// A plain-HTTP address is refused and nothing is saved.
	test.Type(s.serverURL, "http://127.0.0.1:1")
	test.Type(s.code, "XYZ")
	test.Tap(s.enroll)
	h.wait()
	if st, err := h.db.SyncSettings(context.Background()); err == nil && st.ServerURL != "" {
		t.Fatalf("a refused enrollment saved %+v", st)
	}
	h.u.closeDialog()

	s.serverURL.SetText(srv.URL)
	s.code.SetText(srv.Enrollment(t, "000.30.12.H30", 1))
	s.ca.SetText(srv.CAFile)
	test.Tap(s.enroll)
	h.wait()
	if !s.enrolled.Visible() || h.u.syncWorker == nil || s.server.Text != srv.URL {
		t.Fatalf("after enrolling: form %v, worker %v, server %q", s.enrollUI.Visible(), h.u.syncWorker, s.server.Text)
	}

	h.takeDossier("")
	test.Tap(s.syncNow)
	h.wait()
	if s.state.Text != "Trực tuyến" || s.queue.Text != "0 thay đổi chờ gửi" || s.last.Text == "Chưa có" {
		t.Errorf("after syncing: %q, %q, %q", s.state.Text, s.queue.Text, s.last.Text)
	}
	if got := srv.Strings(t, `SELECT count(*)::text FROM dossier`); len(got) != 1 || got[0] != "1" {
		t.Errorf("the server holds %v dossiers", got)
	}
	// The test clock is in 2027: the screen warns about the PC's clock.
	if !s.clock.Visible() || !strings.Contains(s.clock.Text, "Đồng hồ máy này") {
		t.Errorf("clock warning %q", s.clock.Text)
	}
}

// TestSyncScreenListsRefusedChanges shows a change the province refused
// with its reason until an officer marks it dealt with.
func TestSyncScreenListsRefusedChanges(t *testing.T) {
	h := openDesk(t)
	ctx := context.Background()
	d := h.takeDossier("")
	queued, err := h.db.Outbox(ctx, 10)
	queued = slices.DeleteFunc(queued, func(c data.OutboxChange) bool { return c.Kind != data.ChangeDossierCreated })
	if err != nil || len(queued) != 1 {
		t.Fatalf("outbox %v %v", queued, err)
	}
	reason := "Cơ sở dữ liệu của tỉnh đã có hồ sơ " + d.Code
	if err := h.db.RecordResults(ctx, []data.ChangeResult{{Key: queued[0].Key, Result: data.ResultRejected, Reason: reason}}); err != nil {
		t.Fatal(err)
	}
	s := h.u.syncScr
	h.press(sectionKey(sectionSync))
	h.wait()
	if len(s.rejections) != 1 || s.rejections[0].Reason != reason || s.attention.Length() != 1 {
		t.Fatalf("needs attention: %+v", s.rejections)
	}
	if !s.dismiss.Disabled() {
		t.Error("dismiss enabled with nothing selected")
	}
	s.attention.Select(0)
	test.Tap(s.dismiss)
	h.wait()
	if len(s.rejections) != 0 {
		t.Errorf("still listed: %+v", s.rejections)
	}
	if rs, _ := h.db.NeedsAttention(ctx); len(rs) != 0 {
		t.Errorf("store still lists %+v", rs)
	}
}
