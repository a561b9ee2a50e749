package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// idleLock locks the window once no key has been pressed and the mouse
// has not moved for a while. Its clock and timer are injected, so that
// tests move time instead of waiting.
type idleLock struct {
	now   func() time.Time
	after func(d time.Duration, f func()) (stop func())
	lock  func()

	limit   time.Duration
	last    time.Time
	stop    func()
	running bool
}

func newIdleLock(now func() time.Time, after func(time.Duration, func()) func(), lock func()) *idleLock {
	if after == nil {
		after = func(d time.Duration, f func()) func() {
			t := time.AfterFunc(d, func() { fyne.Do(f) })
			return func() { t.Stop() }
		}
	}
	return &idleLock{now: now, after: after, lock: lock}
}

// start watches from now, locking after limit idle.
func (l *idleLock) start(limit time.Duration) {
	l.halt()
	l.limit, l.last, l.running = limit, l.now(), true
	l.arm(limit)
}

// halt stops watching.
func (l *idleLock) halt() {
	l.running = false
	if l.stop != nil {
		l.stop()
		l.stop = nil
	}
}

// touch notes that the officer is at the window.
func (l *idleLock) touch() {
	if l.running {
		l.last = l.now()
	}
}

func (l *idleLock) arm(d time.Duration) { l.stop = l.after(d, l.check) }

// check locks when the window has been idle long enough, and otherwise
// waits for what is left.
func (l *idleLock) check() {
	if !l.running {
		return
	}
	idle := l.now().Sub(l.last)
	if idle >= l.limit {
		l.halt()
		l.lock()
		return
	}
	l.arm(l.limit - idle)
}

// pointerWatch holds the window's content and hears the mouse move over
// it without taking any event from the widgets: as the pointer moves,
// the driver asks every object under it for its cursor, this one too.
type pointerWatch struct {
	widget.BaseWidget
	content fyne.CanvasObject
	moved   func()
}

func newPointerWatch(content fyne.CanvasObject, moved func()) *pointerWatch {
	p := &pointerWatch{content: content, moved: moved}
	p.ExtendBaseWidget(p)
	return p
}

func (p *pointerWatch) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// Cursor notes the movement and leaves the cursor to the widgets under it.
func (p *pointerWatch) Cursor() desktop.Cursor {
	p.moved()
	return desktop.DefaultCursor
}

var _ desktop.Cursorable = (*pointerWatch)(nil)
