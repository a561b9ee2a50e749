// Package report holds the figures of the office's books: how one
// dossier's history counts in a period (received, carried over, resolved
// early, on time or late, in progress within or past its deadline at the
// period's end, returned, refused, supplement requested, apology,
// stopped). The office's period report and the province's totals count
// with these rules; the province computes them in SQL and its tests
// check the SQL against Classify.
package report

import (
	"math"
	"time"

	"motcua/data"
)

// Period is a span of days, both included, as midnights in data.Zone.
type Period struct {
	From, To time.Time
}

// NewPeriod returns the period of two days, both included; it refuses
// a last day before the first.
func NewPeriod(from, to time.Time) (Period, error) {
	p := Period{From: data.DateOf(from), To: data.DateOf(to)}
	if p.To.Before(p.From) {
		return p, data.Errorf(data.EInvalid, "Ngày cuối (%s) trước ngày đầu (%s).", p.To.Format("02/01/2006"), p.From.Format("02/01/2006"))
	}
	return p, nil
}

// Start is the first instant of the period.
func (p Period) Start() time.Time { return data.DateOf(p.From) }

// End is the first instant after the period: midnight after its last day.
func (p Period) End() time.Time { return data.DateOf(p.To).AddDate(0, 0, 1) }

// Contains reports whether t falls within the period; the zero time never does.
func (p Period) Contains(t time.Time) bool {
	return !t.IsZero() && !t.Before(p.Start()) && t.Before(p.End())
}

// History is what the figures need of one dossier: how and when it came,
// its deadline, and when each step of its life happened (zero for a step
// that did not happen).
type History struct {
	Channel    data.Channel
	ReceivedAt time.Time // the legal filing time
	// Due is the legal due date, midnight in data.Zone: the one set at
	// filing, before any apology (Form 04). An apology moves the date
	// the applicant is given, not the deadline the office is measured
	// against: a result after the first date is late, apology or not.
	Due time.Time

	ResultAt     time.Time // the result was ready (first move to result-ready)
	ReturnedAt   time.Time // the result was handed over
	RefusedAt    time.Time
	StoppedAt    time.Time // Mẫu 05
	WithdrawnAt  time.Time
	SupplementAt time.Time // the first request to complete the dossier (Form 02)
	ApologyAt    time.Time // Form 04
}

// Record reads one event of the dossier's history into h, in the order
// of the history: the first move to a status is the one that counts.
func (h *History) Record(e data.Event) {
	first := func(t *time.Time) {
		if t.IsZero() {
			*t = e.At
		}
	}
	if e.Action == data.UpdateApology {
		first(&h.ApologyAt)
	}
	if e.From == e.To {
		return
	}
	switch e.To {
	case data.StatusResultReady:
		first(&h.ResultAt)
	case data.StatusReturned:
		first(&h.ReturnedAt)
	case data.StatusRefused:
		first(&h.RefusedAt)
	case data.StatusStopped:
		first(&h.StoppedAt)
	case data.StatusWithdrawn:
		first(&h.WithdrawnAt)
	case data.StatusSupplement:
		first(&h.SupplementAt)
	}
}

// ClosedAt is when the office finished with the dossier's processing:
// its result was ready, or it was refused, stopped or withdrawn; zero
// while it is still being processed. A dossier waiting for the
// applicant's papers is still in progress.
func (h History) ClosedAt() time.Time {
	var end time.Time
	for _, t := range []time.Time{h.ResultAt, h.RefusedAt, h.StoppedAt, h.WithdrawnAt} {
		if !t.IsZero() && (end.IsZero() || t.Before(end)) {
			end = t
		}
	}
	return end
}

// openAt reports whether the dossier was received before t and still
// in progress at t.
func (h History) openAt(t time.Time) bool {
	end := h.ClosedAt()
	return h.ReceivedAt.Before(t) && (end.IsZero() || !end.Before(t))
}

// Timing says how a result or an open dossier stands against its due date.
type Timing int

const (
	None   Timing = iota // not resolved (or not in progress) in the period
	Early                // resolved before its due date
	OnTime               // resolved on its due date; in progress within it
	Late                 // resolved after its due date; in progress past it
)

// timing compares a day with the due date.
func timing(day, due time.Time) Timing {
	day, due = data.DateOf(day), data.DateOf(due)
	switch {
	case day.Before(due):
		return Early
	case day.Equal(due):
		return OnTime
	}
	return Late
}

// Class is how one dossier counts in a period.
type Class struct {
	Received    bool // filed within the period
	CarriedOver bool // filed before the period and still in progress at its start
	// Resolved is the timing of a result ready within the period: the
	// day it was ready against the due date.
	Resolved Timing
	// InProgress is OnTime for a dossier still in progress at the
	// period's end whose due date is its last day or later, Late for one
	// whose due date passed before then.
	InProgress Timing
	Returned   bool // result handed over within the period
	Refused    bool
	Supplement bool // first supplement request within the period
	Apology    bool
	Stopped    bool
}

// Classify says how a dossier's history counts in a period.
func Classify(h History, p Period) Class {
	c := Class{
		Received:    p.Contains(h.ReceivedAt),
		CarriedOver: h.openAt(p.Start()),
		Returned:    p.Contains(h.ReturnedAt),
		Refused:     p.Contains(h.RefusedAt),
		Supplement:  p.Contains(h.SupplementAt),
		Apology:     p.Contains(h.ApologyAt),
		Stopped:     p.Contains(h.StoppedAt),
	}
	if p.Contains(h.ResultAt) {
		c.Resolved = timing(h.ResultAt, h.Due)
	}
	if h.openAt(p.End()) {
		if data.DateOf(h.Due).Before(p.To) {
			c.InProgress = Late
		} else {
			c.InProgress = OnTime
		}
	}
	return c
}

// Figures are the counts of a period, for an office or a part of it.
type Figures struct {
	Received          int
	ReceivedCounter   int
	ReceivedPostal    int
	ReceivedOnline    int
	CarriedOver       int
	ResolvedEarly     int
	ResolvedOnTime    int
	ResolvedLate      int
	InProgressOnTime  int
	InProgressOverdue int
	Returned          int
	Refused           int
	Supplement        int
	Apologies         int
	Stopped           int
}

// Count adds one dossier of a channel, classified in the period.
func (f *Figures) Count(ch data.Channel, c Class) {
	if c.Received {
		f.Received++
		switch ch {
		case data.ChannelCounter:
			f.ReceivedCounter++
		case data.ChannelPostal:
			f.ReceivedPostal++
		case data.ChannelOnline:
			f.ReceivedOnline++
		}
	}
	f.CarriedOver += b(c.CarriedOver)
	f.ResolvedEarly += b(c.Resolved == Early)
	f.ResolvedOnTime += b(c.Resolved == OnTime)
	f.ResolvedLate += b(c.Resolved == Late)
	f.InProgressOnTime += b(c.InProgress == OnTime)
	f.InProgressOverdue += b(c.InProgress == Late)
	f.Returned += b(c.Returned)
	f.Refused += b(c.Refused)
	f.Supplement += b(c.Supplement)
	f.Apologies += b(c.Apology)
	f.Stopped += b(c.Stopped)
}

// Add counts a dossier's history in the period.
func (f *Figures) Add(h History, p Period) { f.Count(h.Channel, Classify(h, p)) }

// Plus returns the sum of two sets of figures: an office's and the
// province's total.
func (f Figures) Plus(o Figures) Figures {
	return Figures{
		Received: f.Received + o.Received, ReceivedCounter: f.ReceivedCounter + o.ReceivedCounter,
		ReceivedPostal: f.ReceivedPostal + o.ReceivedPostal, ReceivedOnline: f.ReceivedOnline + o.ReceivedOnline,
		CarriedOver: f.CarriedOver + o.CarriedOver, ResolvedEarly: f.ResolvedEarly + o.ResolvedEarly,
		ResolvedOnTime: f.ResolvedOnTime + o.ResolvedOnTime, ResolvedLate: f.ResolvedLate + o.ResolvedLate,
		InProgressOnTime: f.InProgressOnTime + o.InProgressOnTime, InProgressOverdue: f.InProgressOverdue + o.InProgressOverdue,
		Returned: f.Returned + o.Returned, Refused: f.Refused + o.Refused, Supplement: f.Supplement + o.Supplement,
		Apologies: f.Apologies + o.Apologies, Stopped: f.Stopped + o.Stopped,
	}
}

// Resolved is how many results were ready in the period.
func (f Figures) Resolved() int { return f.ResolvedEarly + f.ResolvedOnTime + f.ResolvedLate }

// OnTimePercent is the share of the period's results ready by their due
// date (early or on time), in percent with one decimal; 0 when no result
// was ready (show Resolved() beside it).
func (f Figures) OnTimePercent() float64 {
	n := f.Resolved()
	if n == 0 {
		return 0
	}
	return math.Round(float64(f.ResolvedEarly+f.ResolvedOnTime)*1000/float64(n)) / 10
}

func b(v bool) int {
	if v {
		return 1
	}
	return 0
}
