// Package report holds the rules of the office's reports: how a dossier's
// history counts in a period (carried over, received, resolved early, on
// time or late, in progress at the end, and what was done to it), and
// the totals of the period and the quarterly postal report. It is pure:
// the store hands it facts, it hands back figures.
package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"motcua/data"
)

// Row is the figures of one field, procedure or officer.
type Row struct {
	Key  string `json:"key"`            // the field's name, the procedure's code, the officer's name
	Name string `json:"name,omitempty"` // the procedure's name
	Figures
}

// Week is one week of the period (from Monday, cut at the period's
// ends): what was received by channel and resolved on time or late.
type Week struct {
	Start    time.Time
	Received Channels
	OnTime   int // early or on time
	Late     int
}

// OverdueDossier is a dossier in progress past its deadline at the end
// of the period.
type OverdueDossier struct {
	Code      string
	Procedure string
	Field     string
	Officer   string
	Received  time.Time
	Due       time.Time
	DaysLate  int // calendar days from the due date to the period's end
}

// Report is a period's report.
type Report struct {
	Period
	Figures
	ByField     []Row
	ByProcedure []Row
	ByOfficer   []Row
	Weeks       []Week
	Overdue     []OverdueDossier // most overdue first
	Ratings     data.RatingCounts
}

// Summarise classifies every dossier's facts against the period and
// totals them; names gives procedures' names by code. Rows come in the
// order of their keys, with "" (not known) last.
func Summarise(p Period, facts []Facts, names map[string]string) Report {
	r := Report{Period: p}
	fields, procs, officers := map[string]*Row{}, map[string]*Row{}, map[string]*Row{}
	row := func(m map[string]*Row, key string) *Row {
		x := m[key]
		if x == nil {
			x = &Row{Key: key}
			m[key] = x
		}
		return x
	}
	for wk := weekStart(p.From); !wk.After(p.To); wk = wk.AddDate(0, 0, 7) {
		start := wk
		if start.Before(p.From) {
			start = p.From
		}
		r.Weeks = append(r.Weeks, Week{Start: start})
	}
	lastDay := data.DateOf(p.Until.Add(-time.Nanosecond))
	week := weekOf(p)
	for _, f := range facts {
		c, n := classify(f, p)
		if !c.counts(n) {
			continue
		}
		r.Figures.add(f, c, n)
		row(fields, f.Field).add(f, c, n)
		row(procs, f.Procedure).add(f, c, n)
		row(officers, f.Officer).add(f, c, n)
		if c.Received {
			r.Weeks[week(f.Received)].Received.add(f.Channel)
		}
		switch c.Resolved {
		case Early, OnTime:
			r.Weeks[week(f.Ready)].OnTime++
		case Late:
			r.Weeks[week(f.Ready)].Late++
		}
		if c.InProgress == Overdue {
			due := f.DueAt(p.Until)
			r.Overdue = append(r.Overdue, OverdueDossier{Code: f.Code, Procedure: f.Procedure, Field: f.Field, Officer: f.Officer,
				Received: f.Received, Due: due, DaysLate: int(math.Round(lastDay.Sub(due).Hours() / 24))})
		}
	}
	r.Figures.finish()
	sorted := func(m map[string]*Row) []Row {
		out := make([]Row, 0, len(m))
		for _, x := range m {
			x.Name = names[x.Key]
			x.finish()
			out = append(out, *x)
		}
		slices.SortFunc(out, func(a, b Row) int {
			if (a.Key == "") != (b.Key == "") {
				if a.Key == "" {
					return 1
				}
				return -1
			}
			return cmp.Compare(a.Key, b.Key)
		})
		return out
	}
	r.ByField, r.ByProcedure, r.ByOfficer = sorted(fields), sorted(procs), sorted(officers)
	slices.SortFunc(r.Overdue, func(a, b OverdueDossier) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
	return r
}

// weekStart is the Monday of t's week.
func weekStart(t time.Time) time.Time {
	d := data.DateOf(t)
	return d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
}

// weekIndex is the index in Report.Weeks of the week t falls in.
func weekIndex(p Period, t time.Time) int {
	return int(weekStart(t).Sub(weekStart(p.From)).Hours()/24+0.5) / 7
}

// weekOf is weekIndex for the period's times, by day numbers in
// Vietnam, whose offset is fixed: a year's report asks for every dossier.
func weekOf(p Period) func(t time.Time) int {
	_, offset := p.From.In(data.Zone).Zone()
	day := func(t time.Time) int64 {
		s := t.Unix() + int64(offset)
		if s < 0 {
			return (s+1)/86400 - 1
		}
		return s / 86400
	}
	first := day(weekStart(p.From))
	return func(t time.Time) int {
		if !p.Contains(t) {
			return weekIndex(p, t)
		}
		return int((day(t) - first) / 7)
	}
}

// Line is one figure with its label, as the report's papers and screen
// print them.
type Line struct {
	Label string
	Value string
}

// Percent writes an on-time share ("92,5%"), "—" when there is none.
func Percent(p *float64) string {
	if p == nil {
		return "—"
	}
	return strings.Replace(strconv.FormatFloat(*p, 'f', 1, 64), ".", ",", 1) + "%"
}

// Lines are the figures in the order the report prints them.
func (f Figures) Lines() []Line {
	n := func(label string, v int) Line { return Line{label, strconv.Itoa(v)} }
	return []Line{
		n("Tồn từ kỳ trước chuyển sang", f.CarriedOver),
		n("Tiếp nhận trong kỳ", f.Received),
		n("  – trực tiếp tại quầy", f.ReceivedByChannel.Counter),
		n("  – qua dịch vụ bưu chính công ích", f.ReceivedByChannel.Postal),
		n("  – trực tuyến", f.ReceivedByChannel.Online),
		n("Đã giải quyết trước hạn", f.ResolvedEarly),
		n("Đã giải quyết đúng hạn", f.ResolvedOnTime),
		n("Đã giải quyết quá hạn", f.ResolvedLate),
		n("Đang giải quyết trong hạn", f.InProgressOnTime),
		n("Đang giải quyết quá hạn", f.InProgressOverdue),
		n("Đã trả kết quả", f.Returned),
		n("Từ chối tiếp nhận (Mẫu 03)", f.Refused),
		n("Yêu cầu bổ sung (Mẫu 02)", f.Supplement),
		n("Xin lỗi, hẹn lại (Mẫu 04)", f.Apologies),
		n("Dừng giải quyết (Mẫu 05)", f.Stopped),
		{"Tỷ lệ giải quyết đúng hạn", Percent(f.OnTimePercent)},
	}
}

// Columns are the short heads of the figures in a table of rows, and
// Cells a row's figures under them.
var Columns = []string{"Tồn", "Nhận", "Quầy", "BC", "TT", "Sớm", "Đúng", "Trễ", "Đang trong hạn", "Đang quá hạn", "Đã trả", "Từ chối", "Bổ sung", "Xin lỗi", "Dừng", "Đúng hạn"}

// Cells are a row's figures under Columns.
func (f Figures) Cells() []string {
	out := []string{}
	for _, v := range []int{f.CarriedOver, f.Received, f.ReceivedByChannel.Counter, f.ReceivedByChannel.Postal, f.ReceivedByChannel.Online,
		f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate, f.InProgressOnTime, f.InProgressOverdue, f.Returned, f.Refused,
		f.Supplement, f.Apologies, f.Stopped} {
		out = append(out, strconv.Itoa(v))
	}
	return append(out, Percent(f.OnTimePercent))
}
