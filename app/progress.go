package app

import (
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/data"
)

// progressBar shows how far long work has got (a first pull, a catalogue
// import, a backup, a report): a line of text over a bar, hidden while no
// such work runs. Its report is a data.Progress the work calls from its
// own goroutine; the bar follows on the UI goroutine a few times a
// second, and hides itself once the work is done.
type progressBar struct {
	text  func(done, total int) string
	label *widget.Label
	bar   *widget.ProgressBar

	mu      sync.Mutex
	pending bool // an update is on its way to the UI goroutine
	done    int
	total   int

	content *fyne.Container
}

func newProgressBar(text func(done, total int) string) *progressBar {
	p := &progressBar{text: text, label: widget.NewLabel(""), bar: widget.NewProgressBar()}
	p.bar.TextFormatter = func() string { return "" }
	p.content = container.NewVBox(p.label, p.bar)
	p.content.Hide()
	return p
}

// set shows done of total on the UI goroutine; total 0, or done reaching
// total, hides the bar.
func (p *progressBar) set(done, total int) {
	if total <= 0 || done >= total {
		p.content.Hide()
		return
	}
	p.label.SetText(p.text(done, total))
	p.bar.Max = float64(total)
	p.bar.SetValue(float64(done))
	p.content.Show()
}

// report is the bar as a data.Progress, to be called from any goroutine.
func (p *progressBar) report() data.Progress {
	return func(done, total int) {
		p.mu.Lock()
		p.done, p.total = done, total
		if p.pending {
			p.mu.Unlock()
			return
		}
		p.pending = true
		p.mu.Unlock()
		// At most a few repaints a second, whatever the rate of calls;
		// the last call always shows.
		time.AfterFunc(150*time.Millisecond, func() {
			deliver(func() {
				p.mu.Lock()
				done, total := p.done, p.total
				p.pending = false
				p.mu.Unlock()
				p.set(done, total)
			})
		})
	}
}

// percent is done of total as a whole percentage.
func percent(done, total int) int {
	if total <= 0 {
		return 0
	}
	return done * 100 / total
}

// grouped writes n with a dot every three digits, as Vietnamese does:
// 45000 → "45.000".
func grouped(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// countsText is the text of a progress that counts things.
func countsText(key string) func(done, total int) string {
	return func(done, total int) string {
		return lang.L(key, map[string]any{"Done": grouped(done), "Total": grouped(total), "Percent": percent(done, total)})
	}
}
