package app

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// This file holds the glue between the background work of the screens
// and the UI goroutine: every store call runs off it and its result comes
// back through deliver.

// deliver hands a background result to the UI goroutine. Tests replace
// it to run results on the test's goroutine, one at a time, when they
// choose.
var deliver = fyne.Do

// jobs counts the store calls running off the UI goroutine whose results
// have not yet come back to it.
type jobs struct {
	pending atomic.Int64
}

// busy reports whether some result is still to come.
func (j *jobs) busy() bool { return j.pending.Load() > 0 }

// background runs work on its own goroutine and then done, with its
// result, on the UI goroutine.
func background[T any](j *jobs, ctx context.Context, work func(context.Context) (T, error), done func(T, error)) {
	j.pending.Add(1)
	go func() {
		v, err := work(ctx)
		deliver(func() {
			defer j.pending.Add(-1)
			done(v, err)
		})
	}()
}

// backgroundErr is background for work that only succeeds or fails.
func backgroundErr(j *jobs, ctx context.Context, work func(context.Context) error, done func(error)) {
	background(j, ctx, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, work(ctx)
	}, func(_ struct{}, err error) {
		done(err)
	})
}

// latest runs one kind of background work, a new call replacing the one
// on its way (a search as the officer types): the result of a replaced
// call is dropped.
type latest struct {
	cancel context.CancelFunc
}

// runLatest starts work, cancelling the previous one; done runs only for
// the newest.
func runLatest[T any](l *latest, j *jobs, parent context.Context, work func(context.Context) (T, error), done func(T, error)) {
	l.stop()
	ctx, cancel := context.WithCancel(parent)
	l.cancel = cancel
	background(j, ctx, work, func(v T, err error) {
		if ctx.Err() != nil {
			return // a newer call has replaced this one
		}
		cancel()
		done(v, err)
	})
}

// stop forgets the work on its way, if any.
func (l *latest) stop() {
	if l.cancel != nil {
		l.cancel()
	}
}

// debounce runs a function on the UI goroutine once calls to it have
// stopped for its delay. The wait counts as background work, so that
// tests can wait for it like for any store call.
type debounce struct {
	j     *jobs
	delay time.Duration
	timer *time.Timer
	gen   int // the latest call; earlier ones do nothing
}

// call (on the UI goroutine) runs f after the delay unless call or stop
// comes again first.
func (b *debounce) call(f func()) {
	b.stop()
	gen := b.gen
	b.j.pending.Add(1)
	b.timer = time.AfterFunc(b.delay, func() {
		deliver(func() {
			defer b.j.pending.Add(-1)
			if gen == b.gen {
				f()
			}
		})
	})
}

// stop forgets the call waiting, if any.
func (b *debounce) stop() {
	b.gen++
	if b.timer != nil && b.timer.Stop() {
		b.j.pending.Add(-1)
	}
}
