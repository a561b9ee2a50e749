package server_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/report"
	"motcua/server/servertest"
)

func undoChange(key, code string, from, to data.Status) data.OutboxChange {
	raw, _ := json.Marshal(data.StatusChange{Code: code, From: from, To: to, Actor: "Lê Văn Sáu", Note: "Bấm nhầm hồ sơ", Undo: true})
	return data.OutboxChange{Key: key, Kind: data.ChangeDossierStatus, Subject: code, Payload: raw, CreatedAt: at.Add(time.Hour)}
}

// TestPushAcceptsAnUndoOfTheLastChange: the province takes a supervisor's
// undo of a dossier's last status change as its history holds it (pushed
// before or in the same batch), moves the dossier back, forgets what the
// undone status brought (the figures' result and return times) and passes
// it on in the feed; it still refuses a backwards change that is no undo,
// an undo of another change than the last, and an undo of a refusal.
func TestPushAcceptsAnUndoOfTheLastChange(t *testing.T) {
	srv := servertest.Start(t, servertest.Options{})
	ctx := context.Background()
	ws, ws2 := enroll(t, srv, agency, 1), enroll(t, srv, agency, 2)
	ready, returned, refused, supplied, batch := created(agency, 1, 1), created(agency, 1, 2), created(agency, 1, 3),
		created(agency, 1, 4), created(agency, 1, 5)
	first := ws.push(ready, returned, refused, supplied,
		statusChange("r1", ready.Subject, "received", "transferred"),
		statusChange("r2", ready.Subject, "transferred", "result-ready"),
		statusChange("t1", returned.Subject, "received", "result-ready"),
		statusChange("t2", returned.Subject, "result-ready", "returned"),
		statusChange("f1", refused.Subject, "received", "refused"),
		statusChange("s1", supplied.Subject, "received", "supplement-requested"),
		statusChange("s2", supplied.Subject, "supplement-requested", "received"))
	for _, r := range first {
		if r.Result != data.ResultApplied {
			t.Fatalf("setting up: %+v", r)
		}
	}

	cs := []data.OutboxChange{
		undoChange("u-ready", ready.Subject, "result-ready", "transferred"),
		statusChange("back", ready.Subject, "transferred", "received"),  // backwards, no undo
		undoChange("u-again", ready.Subject, "transferred", "received"), // the last change is the undo
		undoChange("u-returned", returned.Subject, "returned", "result-ready"),
		undoChange("u-wrong", refused.Subject, "returned", "result-ready"), // not its status
		undoChange("u-refused", refused.Subject, "refused", "received"),
		undoChange("u-supplied", supplied.Subject, "received", "supplement-requested"),
		batch, statusChange("b1", batch.Subject, "received", "withdrawn"),
		undoChange("u-batch", batch.Subject, "withdrawn", "received"), // its change is in this batch
	}
	results := ws.push(cs...)
	want := map[string]string{"u-ready": "applied", "back": "không thể chuyển", "u-again": "vừa được hoàn tác",
		"u-returned": "applied", "u-wrong": "Từ chối tiếp nhận", "u-refused": "Mẫu 03", "u-supplied": "applied",
		batch.Key: "applied", "b1": "applied", "u-batch": "applied"}
	for i, r := range results {
		w := want[cs[i].Key]
		switch {
		case w == "applied" && r.Result != data.ResultApplied:
			t.Errorf("%s: %+v, want applied", cs[i].Key, r)
		case w != "applied" && (r.Result != data.ResultRejected || !strings.Contains(r.Reason, w) || r.Status == ""):
			t.Errorf("%s: %+v, want rejected saying %q with the province's status", cs[i].Key, r, w)
		}
	}

	status := func(code string) string {
		return strings.Join(srv.Strings(t, `SELECT status || ' ready=' || (ready_at IS NOT NULL) || ' returned=' || (returned_at IS NOT NULL)
			|| ' withdrawn=' || (withdrawn_at IS NOT NULL) FROM dossier WHERE code = $1`, code), "")
	}
	for code, want := range map[string]string{
		ready.Subject:    "transferred ready=false returned=false withdrawn=false",
		returned.Subject: "result-ready ready=true returned=false withdrawn=false",
		refused.Subject:  "refused ready=false returned=false withdrawn=false",
		supplied.Subject: "supplement-requested ready=false returned=false withdrawn=false",
		batch.Subject:    "received ready=false returned=false withdrawn=false",
	} {
		if got := status(code); got != want {
			t.Errorf("%s: %s, want %s", code, got, want)
		}
	}
	if got := srv.Strings(t, `SELECT action || ' ' || from_status || ' ' || to_status || ' ' || actor || ' ' || note FROM dossier_event
		WHERE dossier_code = $1 ORDER BY id DESC LIMIT 1`, ready.Subject); !slices.Equal(got, []string{"undo result-ready transferred Lê Văn Sáu Bấm nhầm hồ sơ"}) {
		t.Errorf("last history line %v", got)
	}

	// The province's figures: the undone result is not resolved, the
	// undone return not returned, the undo back to a supplement request
	// no second request.
	p, err := report.NewPeriod(at, at, at.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	r, err := srv.Store.ProvinceReport(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if f := r.Total; f.Resolved() != 1 || f.Returned != 0 || f.Supplement != 1 || f.Refused != 1 {
		t.Errorf("figures: resolved %d, returned %d, supplement %d, refused %d; want 1, 0, 1, 1", f.Resolved(), f.Returned, f.Supplement, f.Refused)
	}
	// The public page no longer shows a result.
	pd, err := srv.Store.PublicDossier(ctx, ready.Subject)
	if err != nil || !pd.ResultAt.IsZero() || pd.Status != data.StatusTransferred {
		t.Errorf("public page: result at %v, status %s, %v", pd.ResultAt, pd.Status, err)
	}

	// Another workstation pulls the undo as it was pushed.
	var page data.PullPage
	ws2.do("GET", "/v1/changes?after=0&limit=1000", nil, &page)
	var undos []string
	for _, c := range page.Changes {
		var sc data.StatusChange
		if c.Kind == data.ChangeDossierStatus && json.Unmarshal(c.Payload, &sc) == nil && sc.Undo {
			undos = append(undos, c.Key)
		}
	}
	if !slices.Equal(undos, []string{"u-ready", "u-returned", "u-supplied", "u-batch"}) {
		t.Errorf("undos in the feed %v", undos)
	}
}
