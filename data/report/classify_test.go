package report

import (
	"testing"
	"time"

	"motcua/data"
)

func stamp(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, data.Zone) }
func day(y int, m time.Month, d int) time.Time      { return stamp(y, m, d, 0) }

// march is March 2026 seen in April, once it has ended.
func march(t *testing.T) Period {
	p, err := NewPeriod(day(2026, 3, 1), day(2026, 3, 31), stamp(2026, 4, 10, 9))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestClassifyInMarch(t *testing.T) {
	step := func(k StepKind, t time.Time) []Step { return []Step{{k, t}} }
	tests := []struct {
		name string
		f    Facts
		want Class
	}{
		{"received and resolved early", Facts{Received: stamp(2026, 3, 2, 9), Due: day(2026, 3, 10), Ready: stamp(2026, 3, 9, 16)},
			Class{Received: true, Resolved: Early}},
		{"resolved on its due date, returned", Facts{Received: stamp(2026, 3, 2, 9), Due: day(2026, 3, 10), Ready: stamp(2026, 3, 10, 16),
			Steps: step(StepReturned, stamp(2026, 3, 11, 8))},
			Class{Received: true, Resolved: OnTime, Steps: map[StepKind]int{StepReturned: 1}}},
		{"late against the date in force after an apology", Facts{Received: stamp(2026, 3, 2, 9), Due: day(2026, 3, 11), OldDue: day(2026, 3, 10),
			ApologyAt: stamp(2026, 3, 8, 9), Ready: stamp(2026, 3, 12, 9), Steps: step(StepApology, stamp(2026, 3, 8, 9))},
			Class{Received: true, Resolved: Late, Steps: map[StepKind]int{StepApology: 1}}},
		{"carried over, resolved late", Facts{Received: stamp(2026, 2, 20, 9), Due: day(2026, 2, 27), Ready: stamp(2026, 3, 3, 9)},
			Class{CarriedOver: true, Resolved: Late}},
		{"closed before the period counts nowhere", Facts{Received: stamp(2026, 2, 2, 9), Due: day(2026, 2, 10), Ready: stamp(2026, 2, 9, 9),
			Steps: step(StepReturned, stamp(2026, 2, 10, 9))}, Class{}},
		{"open, due after the last day: within", Facts{Received: stamp(2026, 3, 20, 9), Due: day(2026, 4, 1)},
			Class{Received: true, InProgress: OnTime}},
		{"open, due on the last day: past it once the day ended", Facts{Received: stamp(2026, 3, 20, 9), Due: day(2026, 3, 31)},
			Class{Received: true, InProgress: Overdue}},
		{"resolved after the period: in progress at its end", Facts{Received: stamp(2026, 3, 25, 9), Due: day(2026, 4, 3), Ready: stamp(2026, 4, 1, 9)},
			Class{Received: true, InProgress: OnTime}},
		{"refused", Facts{Received: stamp(2026, 3, 5, 9), Due: day(2026, 3, 15), Closed: stamp(2026, 3, 6, 9), Steps: step(StepRefused, stamp(2026, 3, 6, 9))},
			Class{Received: true, Steps: map[StepKind]int{StepRefused: 1}}},
		{"received after the period", Facts{Received: stamp(2026, 4, 1, 0), Due: day(2026, 4, 9)}, Class{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Classify(tt.f, march(t))
			if got.CarriedOver != tt.want.CarriedOver || got.Received != tt.want.Received || got.Resolved != tt.want.Resolved ||
				got.InProgress != tt.want.InProgress || len(got.Steps) != len(tt.want.Steps) {
				t.Fatalf("Classify = %+v, want %+v", got, tt.want)
			}
			for k, n := range tt.want.Steps {
				if got.Steps[k] != n {
					t.Errorf("Steps[%d] = %d, want %d", k, got.Steps[k], n)
				}
			}
		})
	}
}

func TestTallyAndSum(t *testing.T) {
	p := march(t)
	facts := []Facts{
		{Channel: data.ChannelCounter, Received: stamp(2026, 3, 2, 9), Due: day(2026, 3, 10), Ready: stamp(2026, 3, 9, 9)},                                                       // early
		{Channel: data.ChannelPostal, Received: stamp(2026, 3, 2, 9), Due: day(2026, 3, 10), Ready: stamp(2026, 3, 10, 9)},                                                       // on time
		{Channel: data.ChannelOnline, Received: stamp(2026, 3, 2, 9), Due: day(2026, 3, 10), Ready: stamp(2026, 3, 11, 9)},                                                       // late
		{Channel: data.ChannelCounter, Received: stamp(2026, 2, 25, 9), Due: day(2026, 3, 30), Closed: stamp(2026, 3, 2, 9), Steps: []Step{{StepRefused, stamp(2026, 3, 2, 9)}}}, // carried, refused
	}
	f := Tally(p, facts)
	if f.Received != 3 || f.ReceivedByChannel != (Channels{1, 1, 1}) || f.CarriedOver != 1 || f.ResolvedEarly != 1 ||
		f.ResolvedOnTime != 1 || f.ResolvedLate != 1 || f.Refused != 1 || f.InProgress() != 0 {
		t.Errorf("Tally = %+v", f)
	}
	if f.OnTimePercent == nil || *f.OnTimePercent != 66.7 {
		t.Errorf("OnTimePercent = %v, want 66.7", f.OnTimePercent)
	}
	s := Sum(f, f)
	if s.Received != 6 || s.ReceivedByChannel.Postal != 2 || s.Refused != 2 || *s.OnTimePercent != 66.7 {
		t.Errorf("Sum = %+v", s)
	}
	if none := Sum(); none.OnTimePercent != nil {
		t.Errorf("Sum of nothing has a percent %v", *none.OnTimePercent)
	}
}
