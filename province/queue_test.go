package province_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"motcua/counter"
	"motcua/data"
	"motcua/server/servertest"
)

// queueRaw puts a change straight into a station's outbox, as a version
// of the app without today's checks could have queued it.
func (s *station) queueRaw(key string, kind data.ChangeKind, subject, payload string) {
	s.t.Helper()
	db, err := sql.Open("sqlite3", "file:"+s.file+"?_busy_timeout=5000")
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO outbox (key, kind, subject, payload, created_at) VALUES (?, ?, ?, ?, ?)`,
		key, kind, subject, payload, clock.Format(time.RFC3339)); err != nil {
		s.t.Fatal(err)
	}
}

// badDossier is a dossier.created payload with name as the applicant's.
func badDossier(t *testing.T, code, name string, extra map[string]any) string {
	t.Helper()
	rec := map[string]any{"code": code, "procedure_code": "1.004837", "procedure_name": "Đăng ký khai sinh",
		"applicant": map[string]any{"name": name, "id_number": "093190001234", "address": "Ấp 3"},
		"documents": []any{}, "sets": 1, "channel": "counter", "return_method": "counter",
		"received_at": "2027-03-01T08:00:00+07:00", "working_days": 3, "due_date": "2027-03-04", "status": "received",
		"book": 2027, "register_no": 900, "officer": "Bình", "workstation": 1}
	for k, v := range extra {
		rec[k] = v
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestQueueNothingCanBlock: a change the province cannot store is
// answered 400 with its reason, moved to the needs-attention list, and
// every change after it still goes.
func TestQueueNothingCanBlock(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	s := enrolled(t, srv, agency, 1)
	before := s.intake(2)
	nul := agency + "-270301-1901"
	s.queueRaw("bad-nul", data.ChangeDossierCreated, nul, badDossier(t, nul, "Nguyễn\u0000 Văn A", nil))
	bidi := agency + "-270301-1902"
	s.queueRaw("bad-bidi", data.ChangeDossierCreated, bidi, badDossier(t, bidi, "\u202eNguyễn Văn B", nil))
	// Passes every check of the text, but PostgreSQL cannot hold it
	// (SQLSTATE 22P05): the province must answer 400, never 500.
	hidden := agency + "-270301-1903"
	s.queueRaw("bad-jsonb", data.ChangeDossierCreated, hidden, badDossier(t, hidden, "Nguyễn Văn C", map[string]any{"note": "a\u0000b"}))
	after := s.intake(3)

	rep, err := s.w.SyncOnce(context.Background())
	if err != nil {
		t.Fatalf("sync: %v (report %+v)", err, rep)
	}
	if rep.Sent != 5 || rep.Rejected != 3 || s.queue() != 0 {
		t.Errorf("sent %d, rejected %d, queue %d", rep.Sent, rep.Rejected, s.queue())
	}
	rs, err := s.db.NeedsAttention(context.Background())
	if err != nil || len(rs) != 3 {
		t.Fatalf("needs attention %+v %v", rs, err)
	}
	want := map[string]string{nul: "họ tên", bidi: "đảo chiều", hidden: "không lưu được"}
	for _, r := range rs {
		if !strings.Contains(r.Reason, want[r.Subject]) {
			t.Errorf("%s rejected for %q", r.Subject, r.Reason)
		}
	}
	for _, code := range append(before, after...) {
		if srv.Count(t, `SELECT COUNT(*) FROM dossier WHERE code = $1`, code) != 1 {
			t.Errorf("%s did not reach the province", code)
		}
	}
	if n := srv.Count(t, `SELECT COUNT(*) FROM dossier WHERE code = ANY($1)`, []string{nul, bidi, hidden}); n != 0 {
		t.Errorf("%d bad dossiers stored", n)
	}
	// Nothing is sent again.
	if rep, err := s.w.SyncOnce(context.Background()); err != nil || rep.Sent+rep.Rejected+rep.Duplicates != 0 {
		t.Errorf("second round %+v %v", rep, err)
	}
}

// TestStoreFaultIsNotCalledOffline: when this PC's own database fails
// during a pull, the officer is not told that the province is out of
// reach.
func TestStoreFaultIsNotCalledOffline(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	s1, s2 := enrolled(t, srv, agency, 1), enrolled(t, srv, agency, 2)
	s1.intake(1)
	s1.syncAll(true)
	db, err := sql.Open("sqlite3", "file:"+s2.file+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE dossier_event`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = s2.w.SyncOnce(context.Background())
	if err == nil {
		t.Fatal("the pull into a broken database succeeded")
	}
	for name, msg := range map[string]string{"status": s2.w.Status().LastError, "command": data.ErrorMessage(counter.SyncError(err))} {
		if strings.Contains(msg, "Không kết nối") || !strings.Contains(msg, "cơ sở dữ liệu của máy này") {
			t.Errorf("%s says %q", name, msg)
		}
	}
}
