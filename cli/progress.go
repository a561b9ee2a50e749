package cli

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"motcua/data"
)

// progressLine shows long work on a terminal: one line, rewritten in
// place at most a few times a second, e.g. "Đang nhận từ tỉnh:
// 45.000/200.000 thay đổi (22%)". Written to anything but a terminal it
// prints nothing, so that a command's output stays parseable.
type progressLine struct {
	w      io.Writer
	label  string // before the counts
	unit   string // after them
	on     bool
	mu     sync.Mutex
	last   time.Time
	shown  bool
	lastNs [2]int
}

// newProgress returns the progress line of a command writing to w.
func newProgress(w io.Writer, label, unit string) *progressLine {
	return &progressLine{w: w, label: label, unit: unit, on: terminal(w)}
}

// terminal reports whether w is a terminal (a character device).
func terminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// report is the line as a data.Progress.
func (p *progressLine) report() data.Progress { return p.update }

func (p *progressLine) update(done, total int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastNs = [2]int{done, total}
	if !p.shown && total > 0 && done >= total {
		return // done at once: no line needed
	}
	if time.Since(p.last) < 200*time.Millisecond && done < total {
		return
	}
	p.last = time.Now()
	p.shown = true
	fmt.Fprint(p.w, "\r"+progressText(p.label, p.unit, done, total)+"\x1b[K")
}

// done ends the line, so that what the command prints next starts on a
// line of its own.
func (p *progressLine) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r"+progressText(p.label, p.unit, p.lastNs[0], p.lastNs[1])+"\x1b[K\n")
		p.shown = false
	}
}

// progressText is "label: done/total unit (N%)", numbers grouped with
// dots as Vietnamese writes them; without a total, "label: done unit".
func progressText(label, unit string, done, total int) string {
	if total <= 0 {
		return fmt.Sprintf("%s: %s %s", label, grouped(done), unit)
	}
	return fmt.Sprintf("%s: %s/%s %s (%d%%)", label, grouped(done), grouped(total), unit, done*100/total)
}

// grouped writes n with a dot every three digits: 45000 → "45.000".
func grouped(n int) string {
	s := strconv.Itoa(n)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return neg + s
}
