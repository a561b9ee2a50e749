package report

import (
	"testing"
	"time"

	"motcua/data"
)

func at(day string, hour int) time.Time {
	d, err := data.ParseDate(day)
	if err != nil {
		panic(err)
	}
	return d.Add(time.Duration(hour) * time.Hour)
}

// TestClassify: each way a dossier counts in March 2027, seen after the
// month ended, and the same month seen on 10 March.
func TestClassify(t *testing.T) {
	march, err := NewPeriod(at("2027-03-01", 0), at("2027-03-31", 0), at("2027-04-05", 10))
	if err != nil {
		t.Fatal(err)
	}
	sofar, err := NewPeriod(at("2027-03-01", 0), at("2027-03-31", 0), at("2027-03-10", 10))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		p    Period
		f    Facts
		want Class
	}{
		{"filed and resolved early", march, Facts{Received: at("2027-03-01", 9), Due: at("2027-03-04", 0), Ready: at("2027-03-03", 15)},
			Class{Received: true, Resolved: Early}},
		{"on the due day", march, Facts{Received: at("2027-03-01", 9), Due: at("2027-03-04", 0), Ready: at("2027-03-04", 16)},
			Class{Received: true, Resolved: OnTime}},
		{"late", march, Facts{Received: at("2027-03-01", 9), Due: at("2027-03-04", 0), Ready: at("2027-03-05", 8)},
			Class{Received: true, Resolved: Late}},
		{"carried over, resolved", march, Facts{Received: at("2027-02-26", 9), Due: at("2027-03-03", 0), Ready: at("2027-03-02", 9)},
			Class{CarriedOver: true, Resolved: Early}},
		{"resolved before the period", march, Facts{Received: at("2027-02-20", 9), Due: at("2027-02-25", 0), Ready: at("2027-02-24", 9)},
			Class{}},
		{"ended before the period", march, Facts{Received: at("2027-02-20", 9), Due: at("2027-02-25", 0), Closed: at("2027-02-21", 9)},
			Class{}},
		{"carried over, still open", march, Facts{Received: at("2027-02-20", 9), Due: at("2027-02-25", 0)},
			Class{CarriedOver: true, InProgress: Overdue}},
		{"due on the last day, unfinished", march, Facts{Received: at("2027-03-25", 9), Due: at("2027-03-31", 0)},
			Class{Received: true, InProgress: Overdue}},
		{"due after the period", march, Facts{Received: at("2027-03-29", 9), Due: at("2027-04-05", 0), Ready: at("2027-04-02", 9)},
			Class{Received: true, InProgress: OnTime}},
		{"due today, on today's report", sofar, Facts{Received: at("2027-03-05", 9), Due: at("2027-03-10", 0)},
			Class{Received: true, InProgress: OnTime}},
		{"due yesterday, on today's report", sofar, Facts{Received: at("2027-03-04", 9), Due: at("2027-03-09", 0)},
			Class{Received: true, InProgress: Overdue}},
		{"filed after now", sofar, Facts{Received: at("2027-03-10", 11), Due: at("2027-03-15", 0)}, Class{}},
		{"refused in the period", march, Facts{Received: at("2027-03-04", 9), Due: at("2027-03-09", 0), Closed: at("2027-03-04", 10),
			Steps: []Step{{StepRefused, at("2027-03-04", 10)}}}, Class{Received: true, Steps: map[StepKind]int{StepRefused: 1}}},
		{"apology: early against the new date", march, Facts{Received: at("2027-03-15", 9), Due: at("2027-03-24", 0),
			OldDue: at("2027-03-17", 0), ApologyAt: at("2027-03-16", 14), Ready: at("2027-03-23", 9),
			Steps: []Step{{StepApology, at("2027-03-16", 14)}}}, Class{Received: true, Resolved: Early, Steps: map[StepKind]int{StepApology: 1}}},
		{"apology after the period: the old date stood", march, Facts{Received: at("2027-03-25", 9), Due: at("2027-04-09", 0),
			OldDue: at("2027-03-30", 0), ApologyAt: at("2027-04-01", 9)}, Class{Received: true, InProgress: Overdue}},
		{"returned in the period, ready before", march, Facts{Received: at("2027-02-20", 9), Due: at("2027-02-25", 0), Ready: at("2027-02-24", 9),
			Steps: []Step{{StepReturned, at("2027-03-01", 9)}}}, Class{Steps: map[StepKind]int{StepReturned: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.f, tt.p)
			if got.CarriedOver != tt.want.CarriedOver || got.Received != tt.want.Received || got.Resolved != tt.want.Resolved ||
				got.InProgress != tt.want.InProgress || len(got.Steps) != len(tt.want.Steps) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for k, n := range tt.want.Steps {
				if got.Steps[k] != n {
					t.Errorf("step %d: %d, want %d", k, got.Steps[k], n)
				}
			}
		})
	}
}

func TestNewPeriodRefuses(t *testing.T) {
	now := at("2027-04-05", 10)
	if _, err := NewPeriod(at("2027-03-31", 0), at("2027-03-01", 0), now); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("backwards: %v", err)
	}
	if _, err := NewPeriod(at("2020-01-01", 0), at("2027-03-01", 0), now); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("seven years: %v", err)
	}
}

// TestSummariseWeeks: weeks start on Monday, cut at the period's start.
func TestSummariseWeeks(t *testing.T) {
	p, _ := NewPeriod(at("2027-03-03", 0), at("2027-03-16", 0), at("2027-04-01", 0)) // Wednesday to Tuesday
	r := Summarise(p, []Facts{
		{Code: "a", Channel: data.ChannelPostal, Received: at("2027-03-03", 9), Due: at("2027-03-05", 0), Ready: at("2027-03-08", 9)},
		{Code: "b", Channel: data.ChannelOnline, Received: at("2027-03-15", 9), Due: at("2027-03-17", 0), Ready: at("2027-03-16", 9)},
	}, nil)
	if len(r.Weeks) != 3 || !r.Weeks[0].Start.Equal(at("2027-03-03", 0)) || !r.Weeks[1].Start.Equal(at("2027-03-08", 0)) {
		t.Fatalf("weeks %+v", r.Weeks)
	}
	if r.Weeks[0].Received.Postal != 1 || r.Weeks[1].Late != 1 || r.Weeks[2].Received.Online != 1 || r.Weeks[2].OnTime != 1 {
		t.Errorf("weeks %+v", r.Weeks)
	}
	if r.OnTimePercent == nil || *r.OnTimePercent != 50 || Percent(r.OnTimePercent) != "50,0%" {
		t.Errorf("on time %v", Percent(r.OnTimePercent))
	}
}

func TestPostal(t *testing.T) {
	cal := data.NewCalendar(data.DefaultRules(), nil)
	q, err := ParseQuarter("2027Q1")
	if err != nil || !q.Start().Equal(at("2027-01-01", 0)) || !q.End().Equal(at("2027-04-01", 0)) {
		t.Fatalf("%v %v", q, err)
	}
	if _, err := ParseQuarter("2027Q5"); err == nil {
		t.Error("2027Q5 taken")
	}
	ms := []data.Manifest{
		{Kind: data.ManifestFromPost, Status: data.ManifestClosed, ClosedAt: at("2027-03-05", 10),
			Items:      []data.ManifestItem{{DossierCode: "a", Fee: 8000}, {DossierCode: "b", Fee: 2000}},
			Reconciled: &data.Reconciliation{Missing: []string{"b"}, Unexpected: []string{"x", "y"}}},
		{Kind: data.ManifestToCitizen, Status: data.ManifestClosed, ClosedAt: at("2027-02-01", 10),
			Items: []data.ManifestItem{{Outcome: data.DeliveryDelivered}, {Outcome: data.DeliveryReturning, Attempts: 2}, {Outcome: data.DeliveryFailed, Attempts: 1}}},
		{Kind: data.ManifestFromPost, Status: data.ManifestClosed, ClosedAt: at("2027-04-01", 8), Items: []data.ManifestItem{{DossierCode: "c"}}},
		{Kind: data.ManifestFromPost, Status: data.ManifestOpen, Items: []data.ManifestItem{{DossierCode: "d"}}},
	}
	// a collected on Monday 1 March, J+2: by Wednesday 3rd; filed Friday 5th.
	// b collected on Thursday 4th, J+1: by Friday 5th.
	got := SummarisePostal(q, ms, map[string]Collection{"a": {at("2027-03-01", 9), 2}, "b": {at("2027-03-04", 9), 1}}, cal)
	want := Postal{Quarter: q, ReceivedByPost: 2, ResultsByPost: 3, Delivered: 1, FailedAttempts: 3, ReturnedToOffice: 1,
		PostalFees: 10000, ReconciliationDifferences: 3, FilingDays: FilingDays{Known: 2, WithinLimit: 1, OverLimit: 1}}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestWeekOf: the weeks Summarise files each time under are weekIndex's,
// for every hour of a period across a year's end.
func TestWeekOf(t *testing.T) {
	from := time.Date(2026, 12, 3, 0, 0, 0, 0, data.Zone) // a Thursday
	p, err := NewPeriod(from, from.AddDate(0, 2, 0), from.AddDate(1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	week := weekOf(p)
	for at := p.From; at.Before(p.Until); at = at.Add(time.Hour + 17*time.Second) {
		if got, want := week(at), weekIndex(p, at); got != want {
			t.Fatalf("%s: week %d, want %d", at, got, want)
		}
	}
}
