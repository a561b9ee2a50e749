package cli

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/catalogfile"
	"motcua/server/servertest"
)

// TestPostalOperatorEndToEnd: the postal operator announces 20 items
// through its API (one repeated, one conflicting, three invalid); the
// office's workstation syncs, builds a from-post manifest by scanning the
// S10 numbers, signs it; the results go to the post on a to-citizen
// manifest; the operator posts the deliveries; after their next sync the
// workstations show every outcome.
func TestPostalOperatorEndToEnd(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	f, err := os.Open(sample)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := catalogfile.Parse(sample, f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Store.ImportProcedures(context.Background(), ps); err != nil {
		t.Fatal(err)
	}
	ws1, ws2 := workstation(t, srv, "1"), workstation(t, srv, "2")
	ws1.ok("init", "--fee-collector", "Ủy ban nhân dân xã Vị Thanh", "--tax-code", "6300123456")
	post := srv.PostalKey(t, "VNPost Cần Thơ")
	collected := time.Now().Add(-3 * time.Hour).Truncate(time.Second) // the server's clock, not the test office's

	const procedure = "1.004837"
	ann := func(n int) data.PostalAnnouncement {
		return servertest.Announcement(servertest.S10(n), "000.30.12.H30", procedure, n, collected)
	}
	var statuses []int
	for n := 1; n <= 15; n++ {
		a := ann(n)
		if n == 1 {
			a.Fees = []data.FeeEntry{{Kind: "le-phi", Amount: "8000"}}
		}
		statuses = append(statuses, post.Announce(a).Status)
	}
	statuses = append(statuses, post.Announce(ann(4)).Status) // a retry
	other := ann(5)
	other.Documents = other.Documents[:1]
	statuses = append(statuses, post.Announce(other).Status)
	for _, bad := range []func(*data.PostalAnnouncement){
		func(a *data.PostalAnnouncement) { a.Item = "RR000000001VN" },     // check digit
		func(a *data.PostalAnnouncement) { a.ProcedureCode = "1.004222" }, // not by post
		func(a *data.PostalAnnouncement) { a.Applicant.IDNumber = "0930" },
	} {
		a := ann(30 + len(statuses))
		bad(&a)
		statuses = append(statuses, post.Announce(a).Status)
	}
	want := append(slices.Repeat([]int{201}, 15), 200, 409, 400, 400, 400)
	if !slices.Equal(statuses, want) {
		t.Fatalf("announcements answered %v, want %v", statuses, want)
	}

	// The workstation learns the 15 and lists them as not handed over.
	ws1.ok("sync", "--once")
	out := ws1.ok("manifest", "announced")
	if !strings.Contains(out, "Bưu điện đã báo, chưa giao: 15") || !strings.Contains(out, servertest.S10(15)) {
		t.Fatalf("announced: %s", out)
	}

	// The postman brings 14 of them and one typed at the counter before.
	typed := ws1.intake(postalDoc("EE000000014VN"))
	num := strings.SplitN(ws1.ok("manifest", "new", "--kind", "from-post", "--carrier", "Bưu điện Vị Thanh"), "\n", 2)[0]
	codes := map[string]string{}
	for n := 1; n <= 14; n++ {
		out := ws1.ok("manifest", "add", num, servertest.S10(n))
		if !strings.Contains(out, "lập từ thông báo của bưu điện") || !strings.Contains(out, "Tờ khai theo mẫu") {
			t.Fatalf("add %d: %s", n, out)
		}
		codes[servertest.S10(n)] = strings.Fields(strings.Split(out, "\n")[len(strings.Split(out, "\n"))-3])[0]
	}
	ws1.ok("manifest", "add", num, typed)
	if code, _, errOut := ws1.run("manifest", "add", num, servertest.S10(2)); code == 0 || !strings.Contains(errOut, "đã có trong biên bản") {
		t.Errorf("an item scanned twice: %d %s", code, errOut)
	}
	ws1.ok("manifest", "close", num, "--postal", "Lê Văn Phát")

	first := ws1.show(codes[servertest.S10(1)])
	if first["channel"] != "postal" || first["postal_item"] != servertest.S10(1) || !strings.HasPrefix(first["received_at"].(string), "2027-02-03T10:00") ||
		first["applicant"].(map[string]any)["name"] != "Nguyễn Văn Bưu 1" {
		t.Errorf("dossier from the announcement: %v", first)
	}
	out = ws1.ok("manifest", "announced", "--from", "2026-01-01", "--to", "2027-12-31")
	if !strings.Contains(out, "Bưu điện đã báo, chưa giao: 1\n") || !strings.Contains(out, "Đã báo, chưa giao (1): "+servertest.S10(15)) ||
		!strings.Contains(out, "Đã giao, không báo (1): EE000000014VN") {
		t.Errorf("reconciliation: %s", out)
	}
	// The quarter's postal report counts the item handed over that was
	// never announced (the announcements carry the province's time).
	var postal struct {
		Operator struct {
			Announced, AnnouncedNotHandedOver, HandedOverNotAnnounced int
		} `json:"operator"`
	}
	raw := ws1.ok("report", "postal", "--quarter", "2027Q1", "--json")
	raw = strings.NewReplacer(`"announced_not_handed_over"`, `"AnnouncedNotHandedOver"`, `"handed_over_not_announced"`, `"HandedOverNotAnnounced"`).Replace(raw)
	if err := json.Unmarshal([]byte(raw), &postal); err != nil || postal.Operator.HandedOverNotAnnounced != 1 {
		t.Errorf("report postal: %+v %v\n%s", postal.Operator, err, raw)
	}

	// The results of three go home by post.
	home := []string{codes[servertest.S10(2)], codes[servertest.S10(3)], codes[servertest.S10(4)]}
	to := strings.SplitN(ws1.ok("manifest", "new", "--kind", "to-citizen"), "\n", 2)[0]
	for i, code := range home {
		ws1.ok("status", code, "result-ready")
		ws1.ok("manifest", "add", to, code, "--item", servertest.S10(601+i))
	}
	ws1.ok("manifest", "close", to, "--postal", "Lê Văn Phát")
	ws1.ok("sync", "--once")

	var st data.PostalItemStatus
	got := post.Item(servertest.S10(1))
	got.Decode(t, &st)
	if !st.HandedOver || st.DossierCode != codes[servertest.S10(1)] || !strings.HasPrefix(st.ReceivedAt, "2027-02-03T10:00") {
		t.Errorf("the operator's view after the hand-over: %s", got.Body)
	}

	// The operator reports: delivered; failed twice; failed once.
	at := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, d := range []data.PostalDelivery{
		{Item: servertest.S10(601), Outcome: "delivered", RecipientID: "093090000002", At: at.Format(time.RFC3339)},
		{Item: servertest.S10(602), Outcome: "failed", Reason: "Không có người nhận", At: at.Format(time.RFC3339)},
		{Item: servertest.S10(602), Outcome: "failed", Reason: "Không có người nhận", At: at.Add(time.Minute).Format(time.RFC3339)},
		{Item: servertest.S10(603), Outcome: "failed", Reason: "Sai địa chỉ", At: at.Format(time.RFC3339)},
	} {
		if got := post.Deliver(d); got.Status != 201 {
			t.Fatalf("delivery %+v: %d %s", d, got.Status, got.Body)
		}
	}

	// Both counters show every outcome after their next sync.
	ws1.ok("sync", "--once")
	ws2.ok("sync", "--once")
	var m manifestJSON
	if err := json.Unmarshal([]byte(ws1.ok("manifest", "show", to, "--json")), &m); err != nil {
		t.Fatal(err)
	}
	var outcomes []string
	for _, it := range m.Items {
		outcomes = append(outcomes, it.Outcome)
	}
	if !slices.Equal(outcomes, []string{"delivered", "returning", "failed"}) || m.Items[1].Attempts != 2 {
		t.Errorf("to-citizen manifest after the sync: %+v", m.Items)
	}
	for _, h := range []*harness{ws1, ws2} {
		var got []string
		for _, code := range home {
			shown := h.show(code)
			got = append(got, shown["status"].(string)+" "+shown["return_method"].(string))
		}
		if !slices.Equal(got, []string{"returned post", "result-ready counter", "result-ready post"}) {
			t.Errorf("dossiers after the operator's reports: %v", got)
		}
	}
	hist := ws2.show(home[0])["history"].([]any)
	if last := hist[len(hist)-1].(map[string]any); last["actor"] != "VNPost Cần Thơ" || !strings.Contains(last["note"].(string), "đã phát") {
		t.Errorf("history of the delivered result: %v", last)
	}
	if rs, err := ws1.env.Desk.NeedsAttention(context.Background()); err != nil || len(rs) != 0 {
		t.Errorf("needs attention: %+v %v", rs, err)
	}
}
