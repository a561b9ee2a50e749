package app

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// This file holds how the screens write and read dates, amounts, counts
// and the domain's words.

// longDate is a date with its weekday: "Thứ sáu, 15/01/2027".
func longDate(t time.Time) string {
	t = t.In(data.Zone)
	return weekdayName(t.Weekday()) + ", " + t.Format("02/01/2006")
}

// weekdayName is the day's name in the window's language, through the
// keys Fyne's own calendar widget uses.
func weekdayName(wd time.Weekday) string {
	return lang.X(strings.ToLower(wd.String()), wd.String())
}

// parseDay reads a date as dd/mm/yyyy (or d/m/yyyy, dd-mm-yyyy) or as
// yyyy-mm-dd.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2/1/2006", "2-1-2006", "2.1.2006"} {
		if t, err := time.ParseInLocation(layout, s, data.Zone); err == nil {
			return t, true
		}
	}
	t, err := data.ParseDate(s)
	return t, err == nil
}

// parseBirth reads a date of birth: dd/mm/yyyy as parseDay reads it, or
// the eight digits ddmmyyyy of the ID card.
func parseBirth(s string) (time.Time, bool) {
	if len(s) == 8 && onlyDigits(s) {
		t, err := time.ParseInLocation("02012006", s, data.Zone)
		return t, err == nil
	}
	return parseDay(s)
}

// parseReceived reads a reception time: a date as parseDay reads it,
// optionally followed by HH:MM; a date alone is the start of that day.
func parseReceived(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(strings.Replace(s, "T", " ", 1)), " ")
	datePart, clockPart, _ := strings.Cut(s, " ")
	d, ok := parseDay(datePart)
	if !ok {
		return time.Time{}, false
	}
	if clockPart == "" {
		return d, true
	}
	c, err := data.ParseClock(clock(clockPart))
	if err != nil {
		return time.Time{}, false
	}
	return d.Add(c), true
}

// clock accepts "8:00" for "08:00" and "8h30" for "08:30".
func clock(s string) string {
	s = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "h", ":")
	if strings.HasSuffix(s, ":") {
		s += "00"
	}
	if i := strings.IndexByte(s, ':'); i == 1 {
		s = "0" + s
	}
	return s
}

// count reads a whole number typed in a field; "" is 0.
func count(text string) (int, bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, true
	}
	n, err := strconv.Atoi(t)
	return n, err == nil
}

func onlyDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// money writes đồng with dots between thousands: 25.000 đ.
func money(v int64) string {
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && r != '-' && s[i-1] != '-' {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String() + " đ"
}

// parseMoney reads an amount of đồng written with or without dots,
// spaces or a trailing đ; "" is 0.
func parseMoney(text string) (int64, bool) {
	t := strings.NewReplacer(".", "", ",", "", " ", "", "đ", "", "Đ", "").Replace(strings.TrimSpace(text))
	if t == "" {
		return 0, true
	}
	v, err := strconv.ParseInt(t, 10, 64)
	return v, err == nil && v >= 0
}

// shorten cuts s to n letters at a word, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

// capitalize upper-cases the first letter of a message.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// errorSummary is the first line of an error's message.
func errorSummary(err error) string {
	var de *data.Error
	if errors.As(err, &de) {
		return de.Message
	}
	return data.ErrorMessage(err)
}

// copiesText says how many originals and copies a document needs.
func copiesText(d data.RequiredDocument) string {
	var parts []string
	if d.Originals > 0 {
		parts = append(parts, lang.N("catalog.originals", d.Originals, map[string]any{"Count": d.Originals}))
	}
	if d.Copies > 0 {
		parts = append(parts, lang.N("catalog.copies", d.Copies, map[string]any{"Count": d.Copies}))
	}
	if len(parts) == 0 {
		return d.CopiesText
	}
	return strings.Join(parts, ", ")
}

// limitLabel says a procedure's time limit as the lists show it.
func limitLabel(p data.Procedure) string {
	if p.WorkingDays == nil {
		return lang.L("catalog.needsReview")
	}
	n := *p.WorkingDays
	s := lang.N("catalog.workingDays", n, map[string]any{"Count": n})
	if p.SameDayCutoff != "" {
		s += " · " + lang.L("catalog.cutoffShort", map[string]any{"Cutoff": p.SameDayCutoff})
	}
	return s
}

// showLimit writes a procedure's time limit into a list row's label, in
// the warning colour while it still needs review.
func showLimit(l *widget.Label, p data.Procedure, normal widget.Importance) {
	l.Importance = normal
	text := limitLabel(p)
	if p.Fees.NeedsReview() {
		text += " · " + lang.L("catalog.feesNeedReview")
	}
	if p.NeedsReview() || p.Fees.NeedsReview() {
		l.Importance = widget.WarningImportance
	}
	l.SetText(text)
}

// statusName is a status in the window's language.
func statusName(st data.Status) string { return lang.X("returns.status."+string(st), st.Label()) }

// statusImportance colours a status: green when the result waits, grey
// when the dossier is closed.
func statusImportance(st data.Status) widget.Importance {
	switch st {
	case data.StatusResultReady:
		return widget.SuccessImportance
	case data.StatusSupplement:
		return widget.WarningImportance
	case data.StatusRefused, data.StatusWithdrawn, data.StatusReturned, data.StatusStopped:
		return widget.LowImportance
	}
	return widget.HighImportance
}

// kindName is a manifest kind in the window's language.
func kindName(k data.ManifestKind) string { return lang.X("manifest.kind."+string(k), string(k)) }
