package sqlite

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"motcua/data"
)

func TestOutboxQueueAndResults(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	d1, err := db.Intake(ctx, birthRequest())
	if err != nil {
		t.Fatal(err)
	}
	d2, _ := db.Intake(ctx, birthRequest())
	if _, err := db.SetStatus(ctx, d1.Code, data.StatusTransferred, "Bình", "chuyển phòng Tư pháp"); err != nil {
		t.Fatal(err)
	}
	cs, err := db.Outbox(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 || cs[0].Subject != d1.Code || cs[1].Subject != d2.Code || cs[2].Kind != data.ChangeDossierStatus {
		t.Fatalf("outbox %+v", cs)
	}
	var rec data.DossierRecord
	if err := json.Unmarshal(cs[0].Payload, &rec); err != nil || rec.Validate() != nil || rec.Applicant.Name != d1.Applicant.Name {
		t.Fatalf("payload %s: %v %v", cs[0].Payload, err, rec.Validate())
	}
	if first, _ := db.Outbox(ctx, 1); len(first) != 1 || first[0].Key != cs[0].Key {
		t.Errorf("limit: %+v", first)
	}

	// The status change is refused: it leaves the queue for the
	// needs-attention list and the dossier takes the province's status.
	err = db.RecordResults(ctx, []data.ChangeResult{
		{Key: cs[0].Key, Result: data.ResultApplied, Seq: 7},
		{Key: cs[1].Key, Result: data.ResultDuplicate, Seq: 8},
		{Key: cs[2].Key, Result: data.ResultRejected, Reason: "Hồ sơ đã có kết quả.", Status: data.StatusResultReady},
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := db.QueueLength(ctx); n != 0 {
		t.Errorf("queue %d", n)
	}
	rs, _ := db.NeedsAttention(ctx)
	if len(rs) != 1 || rs[0].Key != cs[2].Key || rs[0].Reason != "Hồ sơ đã có kết quả." || rs[0].Subject != d1.Code {
		t.Errorf("needs attention %+v", rs)
	}
	if d, _ := db.Dossier(ctx, d1.Code); d.Status != data.StatusResultReady {
		t.Errorf("status after rejection %s", d.Status)
	}
	// The accepted changes leave the outbox, their keys kept; the
	// rejected one stays with its payload.
	var kept, keys int
	db.read.QueryRow(`SELECT COUNT(*) FROM outbox WHERE payload <> ''`).Scan(&kept)
	db.read.QueryRow(`SELECT COUNT(*) FROM outbox_sent WHERE key IN (?, ?)`, cs[0].Key, cs[1].Key).Scan(&keys)
	if kept != 1 || keys != 2 {
		t.Errorf("outbox rows %d, sent keys %d: want the rejected change kept and both sent keys", kept, keys)
	}
	// Recording the same results again changes nothing.
	db.RecordResults(ctx, []data.ChangeResult{{Key: cs[2].Key, Result: data.ResultRejected, Reason: "khác"}})
	if rs2, _ := db.NeedsAttention(ctx); len(rs2) != 1 || rs2[0].Reason != rs[0].Reason {
		t.Errorf("after repeat %+v", rs2)
	}
	if err := db.DismissRejection(ctx, cs[2].Key, "Bình"); err != nil {
		t.Fatal(err)
	}
	if rs, _ := db.NeedsAttention(ctx); len(rs) != 0 {
		t.Errorf("dismissed still listed %+v", rs)
	}
	if err := db.DismissRejection(ctx, cs[2].Key, "Bình"); data.ErrorCode(err) != data.ENotFound {
		t.Errorf("dismiss twice: %v", err)
	}

	// A failure counts an attempt and keeps the change queued.
	d3, _ := db.Intake(ctx, birthRequest())
	cs, _ = db.Outbox(ctx, 10)
	if err := db.RecordFailure(ctx, []string{cs[0].Key}, "mất mạng"); err != nil {
		t.Fatal(err)
	}
	var attempts int
	var last string
	db.read.QueryRow(`SELECT attempts, last_error FROM outbox WHERE subject = ?`, d3.Code).Scan(&attempts, &last)
	if attempts != 1 || last != "mất mạng" {
		t.Errorf("attempts %d %q", attempts, last)
	}
	if n, _ := db.QueueLength(ctx); n != 1 {
		t.Errorf("queue %d", n)
	}
}

// remoteDossier is a dossier made at workstation 2 as the feed brings it.
func remoteDossier(t *testing.T, seq int64) data.RemoteChange {
	t.Helper()
	other := counterDB(t)
	office := testOffice()
	office.Workstation = 2
	if err := other.SaveOffice(context.Background(), office); err != nil {
		t.Fatal(err)
	}
	d, err := other.Intake(context.Background(), birthRequest())
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := other.Outbox(context.Background(), 1)
	return data.RemoteChange{Seq: seq, Key: cs[0].Key, Kind: cs[0].Kind, Subject: d.Code, Payload: cs[0].Payload,
		Workstation: 2, At: cs[0].CreatedAt}
}

func remoteStatus(seq int64, key, code string, from, to data.Status) data.RemoteChange {
	raw, _ := json.Marshal(data.StatusChange{Code: code, From: from, To: to, Actor: "Phòng Tư pháp", Note: "đã xử lý"})
	return data.RemoteChange{Seq: seq, Key: key, Kind: data.ChangeDossierStatus, Subject: code, Payload: raw,
		At: time.Date(2027, 2, 4, 10, 0, 0, 0, data.Zone)}
}

func TestApplyRemoteIsIdempotent(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	created := remoteDossier(t, 10)
	code := created.Subject
	proc, _ := json.Marshal(data.ProcedureRecord{Code: "1.000001", Name: "Thủ tục mới của tỉnh"})
	day, _ := json.Marshal(data.OverrideRecord{Date: "2027-02-04", Off: true, Name: "Nghỉ theo tỉnh"})
	page := data.PullPage{
		Changes: []data.RemoteChange{
			created,
			remoteStatus(11, "s11", code, data.StatusReceived, data.StatusTransferred),
			{Seq: 12, Key: "p12", Kind: data.ChangeProcedure, Subject: "1.000001", Payload: proc},
			{Seq: 13, Key: "o13", Kind: data.ChangeOverride, Subject: "2027-02-04", Payload: day},
			{Seq: 14, Key: "x14", Kind: "future.kind", Subject: "x", Payload: json.RawMessage(`{}`)},
		},
		Next: 20,
		Keys: []data.KeyJSON{{AgencyCode: testOffice().AgencyCode, Workstation: 2, PublicKey: make([]byte, 32)}},
	}
	for range 2 {
		if _, err := db.ApplyRemote(ctx, page); err != nil {
			t.Fatal(err)
		}
	}
	d, err := db.Dossier(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != data.StatusTransferred || d.Workstation != 2 || len(d.Documents) != 2 || d.Applicant.Name != "Nguyễn Thị Hồng Nhung" {
		t.Errorf("pulled dossier %+v", d)
	}
	hist, _ := db.History(ctx, code)
	if len(hist) != 2 || hist[0].Action != "intake" || hist[1].Actor != "Phòng Tư pháp" || hist[1].To != data.StatusTransferred {
		t.Errorf("history %+v", hist)
	}
	if n, _ := db.QueueLength(ctx); n != 0 {
		t.Errorf("pulled changes were queued to be sent back: %d", n)
	}
	if c, _ := db.Cursor(ctx); c != 20 {
		t.Errorf("cursor %d", c)
	}
	if p, err := db.Procedure(ctx, "1.000001"); err != nil || p.Name != "Thủ tục mới của tỉnh" {
		t.Errorf("procedure %+v %v", p, err)
	}
	cal, _ := db.Calendar(ctx)
	if cal.IsWorkingDay(time.Date(2027, 2, 4, 0, 0, 0, 0, data.Zone)) {
		t.Error("the province's day off was not applied")
	}
	keys, _ := db.Keys(ctx)
	if len(keys) != 1 || keys[0].Workstation != 2 {
		t.Errorf("keys %+v", keys)
	}

	// An older page does not move the cursor or the status back.
	old := data.PullPage{Changes: []data.RemoteChange{remoteStatus(5, "s5", code, data.StatusTransferred, data.StatusSupplement)}, Next: 5}
	if _, err := db.ApplyRemote(ctx, old); err != nil {
		t.Fatal(err)
	}
	if d, _ := db.Dossier(ctx, code); d.Status != data.StatusTransferred {
		t.Errorf("an older change moved the status to %s", d.Status)
	}
	if c, _ := db.Cursor(ctx); c != 20 {
		t.Errorf("cursor went back to %d", c)
	}
	// While a change made here waits to be sent, the officer's status stands.
	if _, err := db.SetStatus(ctx, code, data.StatusResultReady, "Bình", ""); err != nil {
		t.Fatal(err)
	}
	newer := data.PullPage{Changes: []data.RemoteChange{remoteStatus(21, "s21", code, data.StatusTransferred, data.StatusRefused)}, Next: 21}
	db.ApplyRemote(ctx, newer)
	if d, _ := db.Dossier(ctx, code); d.Status != data.StatusResultReady {
		t.Errorf("a pulled change overrode a queued one: %s", d.Status)
	}
	// A status change of a dossier never seen here is skipped.
	if _, err := db.ApplyRemote(ctx, data.PullPage{Changes: []data.RemoteChange{remoteStatus(22, "s22", "000.30.12.H30-270203-9001", "received", "transferred")}, Next: 22}); err != nil {
		t.Error(err)
	}
}

func TestSyncSettings(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if s, err := db.SyncSettings(ctx); err != nil || s.Enrolled() {
		t.Fatalf("before enrollment %+v %v", s, err)
	}
	s := data.SyncSettings{ServerURL: "https://tinh.example:8443", Token: "tok", CAFile: "/x/ca.pem"}
	if err := db.SaveSyncSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	db.ApplyRemote(ctx, data.PullPage{Next: 40})
	if got, _ := db.SyncSettings(ctx); got != s {
		t.Errorf("settings %+v", got)
	}
	s.Token = "tok2"
	db.SaveSyncSettings(ctx, s)
	if c, _ := db.Cursor(ctx); c != 40 {
		t.Errorf("a new token reset the cursor: %d", c)
	}
	s.ServerURL = "https://khac.example"
	db.SaveSyncSettings(ctx, s)
	if c, _ := db.Cursor(ctx); c != 0 {
		t.Errorf("another server kept the cursor %d", c)
	}
}

// TestPulledLinesKeepTheirKeyIn16Bytes: a pulled history line keeps the
// key of its change, 32 hex digits, as its 16 bytes; a line an older
// version kept as text still stops the same change being applied twice.
func TestPulledLinesKeepTheirKeyIn16Bytes(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	created := remoteDossier(t, 10)
	code := created.Subject
	const newKey, oldKey = "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"
	page := data.PullPage{Changes: []data.RemoteChange{created,
		remoteStatus(11, newKey, code, data.StatusReceived, data.StatusTransferred)}, Next: 11}
	if _, err := db.ApplyRemote(ctx, page); err != nil {
		t.Fatal(err)
	}
	var kind string
	var size int
	if err := db.read.QueryRow(`SELECT typeof(remote_key), length(remote_key) FROM dossier_event WHERE to_status = 'transferred'`).
		Scan(&kind, &size); err != nil {
		t.Fatal(err)
	}
	if kind != "blob" || size != 16 {
		t.Errorf("the key is kept as %s of %d bytes, want 16 bytes", kind, size)
	}
	if _, err := db.write.Exec(`INSERT INTO dossier_event (dossier_code, at, actor, action, from_status, to_status, note, remote_key)
		VALUES (?, '2027-02-04T10:00:00+07:00', 'Phòng Tư pháp', 'status', 'transferred', 'result-ready', '', ?)`, code, oldKey); err != nil {
		t.Fatal(err)
	}
	again := data.PullPage{Changes: []data.RemoteChange{remoteStatus(11, newKey, code, data.StatusReceived, data.StatusTransferred),
		remoteStatus(12, oldKey, code, data.StatusTransferred, data.StatusResultReady)}, Next: 12}
	if _, err := db.ApplyRemote(ctx, again); err != nil {
		t.Fatal(err)
	}
	hist, _ := db.History(ctx, code)
	if len(hist) != 3 {
		t.Errorf("history after the same changes again: %d lines, want 3: %+v", len(hist), hist)
	}
}
