package report

import (
	"testing"
	"time"

	"motcua/data"
)

func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, data.Zone) }
func day(y int, m time.Month, d int) time.Time   { return at(y, m, d, 0) }

// March 2026.
var march = Period{From: day(2026, 3, 1), To: day(2026, 3, 31)}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		h    History
		want Class
	}{
		{"received and resolved early", History{ReceivedAt: at(2026, 3, 2, 9), Due: day(2026, 3, 10), ResultAt: at(2026, 3, 9, 16)},
			Class{Received: true, Resolved: Early}},
		{"resolved on its due date", History{ReceivedAt: at(2026, 3, 2, 9), Due: day(2026, 3, 10), ResultAt: at(2026, 3, 10, 16), ReturnedAt: at(2026, 3, 11, 8)},
			Class{Received: true, Resolved: OnTime, Returned: true}},
		{"late despite an apology", History{ReceivedAt: at(2026, 3, 2, 9), Due: day(2026, 3, 10), ApologyAt: at(2026, 3, 8, 9), ResultAt: at(2026, 3, 12, 9)},
			Class{Received: true, Resolved: Late, Apology: true}},
		{"carried over, resolved late", History{ReceivedAt: at(2026, 2, 20, 9), Due: day(2026, 2, 27), ResultAt: at(2026, 3, 3, 9)},
			Class{CarriedOver: true, Resolved: Late}},
		{"closed before the period counts nowhere", History{ReceivedAt: at(2026, 2, 2, 9), Due: day(2026, 2, 10), ResultAt: at(2026, 2, 9, 9), ReturnedAt: at(2026, 2, 10, 9)},
			Class{}},
		{"result before, returned within", History{ReceivedAt: at(2026, 2, 2, 9), Due: day(2026, 2, 10), ResultAt: at(2026, 2, 27, 9), ReturnedAt: at(2026, 3, 2, 9)},
			Class{Returned: true}},
		{"open, due on the last day: within", History{ReceivedAt: at(2026, 3, 20, 9), Due: day(2026, 3, 31)},
			Class{Received: true, InProgress: OnTime}},
		{"open, due the day before the end: overdue", History{ReceivedAt: at(2026, 3, 20, 9), Due: day(2026, 3, 30)},
			Class{Received: true, InProgress: Late}},
		{"carried over and still open past its date", History{ReceivedAt: at(2026, 1, 5, 9), Due: day(2026, 1, 20), SupplementAt: at(2026, 1, 10, 9)},
			Class{CarriedOver: true, InProgress: Late}},
		{"resolved after the period: in progress at its end", History{ReceivedAt: at(2026, 3, 25, 9), Due: day(2026, 4, 3), ResultAt: at(2026, 4, 1, 9)},
			Class{Received: true, InProgress: OnTime}},
		{"refused", History{ReceivedAt: at(2026, 3, 5, 9), Due: day(2026, 3, 15), RefusedAt: at(2026, 3, 6, 9)},
			Class{Received: true, Refused: true}},
		{"supplement requested, still waiting", History{ReceivedAt: at(2026, 3, 5, 9), Due: day(2026, 4, 15), SupplementAt: at(2026, 3, 6, 9)},
			Class{Received: true, Supplement: true, InProgress: OnTime}},
		{"stopped", History{ReceivedAt: at(2026, 3, 5, 9), Due: day(2026, 4, 15), StoppedAt: at(2026, 3, 20, 9)},
			Class{Received: true, Stopped: true}},
		{"withdrawn counts only as received", History{ReceivedAt: at(2026, 3, 5, 9), Due: day(2026, 4, 15), WithdrawnAt: at(2026, 3, 7, 9)},
			Class{Received: true}},
		{"received after the period", History{ReceivedAt: at(2026, 4, 1, 0), Due: day(2026, 4, 9)}, Class{}},
		{"received at the first instant", History{ReceivedAt: day(2026, 3, 1), Due: day(2026, 3, 9), ResultAt: at(2026, 3, 31, 23)},
			Class{Received: true, Resolved: Late}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Classify(tt.h, march); got != tt.want {
				t.Errorf("Classify = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestRecordReadsTheHistory(t *testing.T) {
	events := []data.Event{
		{At: at(2026, 3, 2, 9), Action: "intake", To: data.StatusReceived},
		{At: at(2026, 3, 3, 9), Action: "status", From: data.StatusReceived, To: data.StatusSupplement},
		{At: at(2026, 3, 4, 9), Action: "status", From: data.StatusSupplement, To: data.StatusReceived},
		{At: at(2026, 3, 5, 9), Action: "status", From: data.StatusReceived, To: data.StatusSupplement},
		{At: at(2026, 3, 6, 9), Action: "status", From: data.StatusSupplement, To: data.StatusReceived},
		{At: at(2026, 3, 7, 9), Action: data.UpdateApology, From: data.StatusReceived, To: data.StatusReceived},
		{At: at(2026, 3, 8, 9), Action: "status", From: data.StatusReceived, To: data.StatusTransferred},
		{At: at(2026, 3, 9, 9), Action: "status", From: data.StatusTransferred, To: data.StatusResultReady},
		{At: at(2026, 3, 10, 9), Action: "return", From: data.StatusResultReady, To: data.StatusReturned},
	}
	var h History
	for _, e := range events {
		h.Record(e)
	}
	want := History{SupplementAt: at(2026, 3, 3, 9), ApologyAt: at(2026, 3, 7, 9), ResultAt: at(2026, 3, 9, 9), ReturnedAt: at(2026, 3, 10, 9)}
	if h != want {
		t.Errorf("History = %+v, want %+v", h, want)
	}
	if got := h.ClosedAt(); !got.Equal(at(2026, 3, 9, 9)) {
		t.Errorf("ClosedAt = %v, want the result's time", got)
	}
}

func TestFigures(t *testing.T) {
	hs := []History{
		{Channel: data.ChannelCounter, ReceivedAt: at(2026, 3, 2, 9), Due: day(2026, 3, 10), ResultAt: at(2026, 3, 9, 9)},   // early
		{Channel: data.ChannelPostal, ReceivedAt: at(2026, 3, 2, 9), Due: day(2026, 3, 10), ResultAt: at(2026, 3, 10, 9)},   // on time
		{Channel: data.ChannelOnline, ReceivedAt: at(2026, 3, 2, 9), Due: day(2026, 3, 10), ResultAt: at(2026, 3, 11, 9)},   // late
		{Channel: data.ChannelCounter, ReceivedAt: at(2026, 2, 25, 9), Due: day(2026, 3, 30), RefusedAt: at(2026, 3, 2, 9)}, // carried, refused
	}
	var f Figures
	for _, h := range hs {
		f.Add(h, march)
	}
	want := Figures{Received: 3, ReceivedCounter: 1, ReceivedPostal: 1, ReceivedOnline: 1, CarriedOver: 1,
		ResolvedEarly: 1, ResolvedOnTime: 1, ResolvedLate: 1, Refused: 1}
	if f != want {
		t.Errorf("Figures = %+v, want %+v", f, want)
	}
	if got := f.OnTimePercent(); got != 66.7 {
		t.Errorf("OnTimePercent = %v, want 66.7", got)
	}
	if got := f.Plus(f); got.Received != 6 || got.Refused != 2 || got.OnTimePercent() != 66.7 {
		t.Errorf("Plus = %+v", got)
	}
	if got := (Figures{}).OnTimePercent(); got != 0 {
		t.Errorf("OnTimePercent of nothing = %v, want 0", got)
	}
	if _, err := NewPeriod(day(2026, 3, 2), day(2026, 3, 1)); err == nil {
		t.Error("NewPeriod accepted a last day before the first")
	}
}
