package sqlite

import (
	"context"
	"testing"
	"time"

	"motcua/data"
	"motcua/data/report"
)

// TestPulledResultCountsInTheReport: a result made ready at another
// workstation, pulled from the province, is resolved in the period it was
// ready in, not in progress for ever.
func TestPulledResultCountsInTheReport(t *testing.T) {
	db := counterDB(t)
	ctx := context.Background()
	created := remoteDossier(t, 10)
	page := data.PullPage{Changes: []data.RemoteChange{created,
		remoteStatus(11, "s11", created.Subject, data.StatusReceived, data.StatusResultReady)}, Next: 20}
	if _, err := db.ApplyRemote(ctx, page); err != nil {
		t.Fatal(err)
	}
	d, err := db.Dossier(ctx, created.Subject)
	if err != nil {
		t.Fatal(err)
	}
	day := data.DateOf(d.ReceivedAt)
	p, err := report.NewPeriod(day, time.Date(2027, 2, 28, 0, 0, 0, 0, data.Zone), time.Date(2027, 3, 5, 0, 0, 0, 0, data.Zone))
	if err != nil {
		t.Fatal(err)
	}
	facts, err := db.PeriodFacts(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	r := report.Summarise(p, facts, nil)
	if r.Received != 1 || r.Resolved() != 1 || r.InProgress() != 0 {
		t.Errorf("received %d, resolved %d, in progress %d", r.Received, r.Resolved(), r.InProgress())
	}
}
