// Package report holds the rules of the office's books: how a dossier's
// history counts in a period (carried over, received, resolved early, on
// time or late, in progress at the end, and what was done to it). The
// office's period report and the province's totals count with these
// rules; the province computes them in SQL, and its tests check the SQL
// against Classify. It is pure: callers hand it facts, it hands back
// figures.
package report

import (
	"math"
	"time"

	"motcua/data"
)

// MaxDays is the longest period a report covers: a few years.
const MaxDays = 3 * 366

// Period is whole days in Vietnam, From and To both included, as seen at
// Until: the end of To, or now when the period has not ended yet.
type Period struct {
	From, To time.Time // midnight in data.Zone
	Until    time.Time // exclusive end of what the report counts
}

// NewPeriod is the period from one day to another as of now; EInvalid
// when to comes before from, or the period is longer than MaxDays.
func NewPeriod(from, to, now time.Time) (Period, error) {
	p := Period{From: data.DateOf(from), To: data.DateOf(to)}
	switch {
	case p.To.Before(p.From):
		return p, data.Errorf(data.EInvalid, "Ngày cuối (%s) trước ngày đầu (%s).", p.To.Format("02/01/2006"), p.From.Format("02/01/2006"))
	case p.To.Sub(p.From).Hours()/24 >= MaxDays:
		return p, data.Errorf(data.EInvalid, "Kỳ báo cáo dài quá %d ngày: hãy chọn kỳ ngắn hơn.", MaxDays)
	}
	p.Until = p.To.AddDate(0, 0, 1)
	if now.Before(p.Until) && !now.Before(p.From) {
		p.Until = now
	}
	return p, nil
}

// Contains reports whether t falls in the period.
func (p Period) Contains(t time.Time) bool {
	return !t.IsZero() && !t.Before(p.From) && t.Before(p.Until)
}

// StepKind is something done to a dossier that a report counts.
type StepKind int

const (
	StepReturned   StepKind = iota + 1 // result handed to the applicant
	StepRefused                        // Mẫu 03
	StepSupplement                     // Mẫu 02
	StepApology                        // Mẫu 04
	StepStopped                        // Mẫu 05
)

// Step is one thing done to a dossier, and when.
type Step struct {
	Kind StepKind
	At   time.Time
}

// Facts are what the report needs of one dossier's history.
type Facts struct {
	Code      string
	Procedure string // code
	Field     string // lĩnh vực of the procedure
	Officer   string // who received it
	Channel   data.Channel
	Received  time.Time // the legal filing time
	Due       time.Time // the due date in force now
	// ApologyAt is when Mẫu 04 set a new due date, and OldDue the date
	// before it (zero when not known: Due counts throughout).
	ApologyAt time.Time
	OldDue    time.Time
	Ready     time.Time // when the result was ready; zero if not yet
	// Closed is when the dossier was refused, withdrawn or stopped: it
	// ended without a result.
	Closed time.Time
	Steps  []Step
}

// DueAt is the due date in force at t: an apology's new date counts from
// the moment it was given.
func (f Facts) DueAt(t time.Time) time.Time {
	if !f.OldDue.IsZero() && !f.ApologyAt.IsZero() && t.Before(f.ApologyAt) {
		return data.DateOf(f.OldDue)
	}
	return data.DateOf(f.Due)
}

// Timeliness is how a dossier stands against its due date.
type Timeliness int

const (
	None    Timeliness = iota
	Early              // result ready before the due date
	OnTime             // on the due date; in progress: before it ended
	Late               // after the due date; in progress: past it
	Overdue = Late
)

// Class is how one dossier counts in a period.
type Class struct {
	CarriedOver bool // received before the period, unfinished when it began
	Received    bool // filed in the period
	Resolved    Timeliness
	InProgress  Timeliness // at the end of the period
	Steps       map[StepKind]int
}

// open reports whether the dossier had neither a result nor an end at t.
func (f Facts) open(t time.Time) bool {
	return (f.Ready.IsZero() || !f.Ready.Before(t)) && (f.Closed.IsZero() || !f.Closed.Before(t))
}

// Classify says how a dossier counts in a period. A dossier is resolved
// in the period when its result became ready in it: early when that day
// is before the due date in force, on time on that day, late after it. It
// is in progress at the end when it was filed before the end and had
// then neither a result nor an end (refused, withdrawn, stopped); past
// the deadline when its due date is before the day the period ends on
// (Until's day: a dossier due on the last day of a period that has ended
// is past it). Steps count when they fall in the period.
func Classify(f Facts, p Period) Class {
	c, n := classify(f, p)
	for k, v := range n {
		if v > 0 {
			if c.Steps == nil {
				c.Steps = map[StepKind]int{}
			}
			c.Steps[StepKind(k)] = v
		}
	}
	return c
}

// stepCounts are a class's steps by kind, as Class.Steps holds them.
type stepCounts [StepStopped + 1]int

// classify is Classify with the steps counted apart (Steps stays nil),
// without a map for every dossier of a year's report.
func classify(f Facts, p Period) (Class, stepCounts) {
	var c Class
	var n stepCounts
	if f.Received.IsZero() || !f.Received.Before(p.Until) {
		return c, n
	}
	c.Received = p.Contains(f.Received)
	c.CarriedOver = f.Received.Before(p.From) && f.open(p.From)
	if p.Contains(f.Ready) {
		day, due := data.DateOf(f.Ready), f.DueAt(f.Ready)
		switch {
		case day.Before(due):
			c.Resolved = Early
		case day.Equal(due):
			c.Resolved = OnTime
		default:
			c.Resolved = Late
		}
	}
	if f.open(p.Until) {
		c.InProgress = OnTime
		if f.DueAt(p.Until).Before(data.DateOf(p.Until)) {
			c.InProgress = Overdue
		}
	}
	for _, s := range f.Steps {
		if p.Contains(s.At) && s.Kind > 0 && s.Kind < StepKind(len(n)) {
			n[s.Kind]++
		}
	}
	return c, n
}

// Counts reports whether the class counts the dossier anywhere.
func (c Class) Counts() bool {
	return c.CarriedOver || c.Received || c.Resolved != None || c.InProgress != None || len(c.Steps) > 0
}

// counts is Counts of a class from classify.
func (c Class) counts(n stepCounts) bool { return c.Counts() || n != stepCounts{} }

// Channels counts dossiers by how they reached the office.
type Channels struct {
	Counter int `json:"counter"`
	Postal  int `json:"postal"`
	Online  int `json:"online"`
}

func (c *Channels) add(ch data.Channel) {
	switch ch {
	case data.ChannelPostal:
		c.Postal++
	case data.ChannelOnline:
		c.Online++
	default:
		c.Counter++
	}
}

// Figures are a period's figures for the office, a field, a procedure or
// an officer. The JSON keys are the report's, documented in the README.
type Figures struct {
	Received          int      `json:"received"`
	ReceivedByChannel Channels `json:"received_by_channel"`
	CarriedOver       int      `json:"carried_over"`
	ResolvedEarly     int      `json:"resolved_early"`
	ResolvedOnTime    int      `json:"resolved_on_time"`
	ResolvedLate      int      `json:"resolved_late"`
	InProgressOnTime  int      `json:"in_progress_on_time"`
	InProgressOverdue int      `json:"in_progress_overdue"`
	Returned          int      `json:"returned"`
	Refused           int      `json:"refused"`
	Supplement        int      `json:"supplement"`
	Apologies         int      `json:"apologies"`
	Stopped           int      `json:"stopped"`
	// OnTimePercent is the share of the dossiers resolved in the period
	// that were resolved early or on time, to one decimal; nil when none
	// was resolved.
	OnTimePercent *float64 `json:"on_time_percent"`
}

// Resolved is how many dossiers were resolved in the period.
func (f Figures) Resolved() int { return f.ResolvedEarly + f.ResolvedOnTime + f.ResolvedLate }

// InProgress is how many were in progress at its end.
func (f Figures) InProgress() int { return f.InProgressOnTime + f.InProgressOverdue }

func (f *Figures) add(fa Facts, c Class, n stepCounts) {
	if c.Received {
		f.Received++
		f.ReceivedByChannel.add(fa.Channel)
	}
	if c.CarriedOver {
		f.CarriedOver++
	}
	switch c.Resolved {
	case Early:
		f.ResolvedEarly++
	case OnTime:
		f.ResolvedOnTime++
	case Late:
		f.ResolvedLate++
	}
	switch c.InProgress {
	case OnTime:
		f.InProgressOnTime++
	case Overdue:
		f.InProgressOverdue++
	}
	f.Returned += n[StepReturned]
	f.Refused += n[StepRefused]
	f.Supplement += n[StepSupplement]
	f.Apologies += n[StepApology]
	f.Stopped += n[StepStopped]
}

func (f *Figures) finish() {
	f.OnTimePercent = nil
	if n := f.Resolved(); n > 0 {
		p := math.Round(float64(f.ResolvedEarly+f.ResolvedOnTime)*1000/float64(n)) / 10
		f.OnTimePercent = &p
	}
}

// Tally classifies every dossier's facts against the period and totals
// them, with the on-time share.
func Tally(p Period, facts []Facts) Figures {
	var f Figures
	for _, fa := range facts {
		if c, n := classify(fa, p); c.counts(n) {
			f.add(fa, c, n)
		}
	}
	f.finish()
	return f
}

// Sum adds figures up (the province's total of its offices) and gives
// the sum its on-time share.
func Sum(fs ...Figures) Figures {
	var t Figures
	for _, f := range fs {
		t.Received += f.Received
		t.ReceivedByChannel.Counter += f.ReceivedByChannel.Counter
		t.ReceivedByChannel.Postal += f.ReceivedByChannel.Postal
		t.ReceivedByChannel.Online += f.ReceivedByChannel.Online
		t.CarriedOver += f.CarriedOver
		t.ResolvedEarly += f.ResolvedEarly
		t.ResolvedOnTime += f.ResolvedOnTime
		t.ResolvedLate += f.ResolvedLate
		t.InProgressOnTime += f.InProgressOnTime
		t.InProgressOverdue += f.InProgressOverdue
		t.Returned += f.Returned
		t.Refused += f.Refused
		t.Supplement += f.Supplement
		t.Apologies += f.Apologies
		t.Stopped += f.Stopped
	}
	t.finish()
	return t
}
