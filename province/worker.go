package province

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"motcua/data"
)

// Defaults of a Worker.
const (
	DefaultBatch    = 500
	DefaultPull     = 1000
	DefaultInterval = 30 * time.Second
	DefaultBase     = time.Second
	DefaultMaxDelay = 5 * time.Minute
	// SkewWarning is how far the PC's clock may be from the server's
	// before the sync screen warns.
	SkewWarning = 5 * time.Minute
)

// Report says what one round of sync did.
type Report struct {
	Sent       int // changes the province applied now
	Duplicates int // changes it had already: success too
	Rejected   int // changes it refused: now in the needs-attention list
	Received   int // changes pulled and applied here (not this workstation's own it had)
	// Rejections are this round's refused changes with their reasons.
	Rejections []data.ChangeResult
}

// Status is what the sync screen shows.
type Status struct {
	Enrolled bool
	Online   bool // the last request reached the server
	Syncing  bool
	// Queue is how many changes wait to be sent.
	Queue int
	// NeedsAttention counts rejected changes an officer has not seen to.
	NeedsAttention int
	LastSuccess    time.Time
	LastError      string // for the officer; "" after a success
	LastErrorAt    time.Time
	// ClockSkew is the server's clock minus this PC's.
	ClockSkew   time.Duration
	ClockKnown  bool
	NextAttempt time.Time
	LastReport  Report
	// Pulled of ToPull changes of the feed have come in this round's
	// pull so far; ToPull is 0 when no pull is under way. A first pull of
	// a busy office brings hundreds of thousands: the sync screen shows
	// a progress bar.
	Pulled, ToPull int
}

// ClockWarning is the warning to show when the PC's clock is more than
// SkewWarning away from the server's, "" otherwise.
func (s Status) ClockWarning() string {
	if !s.ClockKnown || (s.ClockSkew <= SkewWarning && s.ClockSkew >= -SkewWarning) {
		return ""
	}
	way, d := "chậm", s.ClockSkew
	if d < 0 {
		way, d = "nhanh", -d
	}
	return fmt.Sprintf("Đồng hồ máy này %s %s so với máy chủ tỉnh: hãy chỉnh lại giờ của máy (ngày giờ tiếp nhận và hẹn trả dựa vào nó).",
		way, d.Round(time.Minute))
}

// Worker sends the outbox to the province and applies what the province
// sends back, retrying with exponential backoff and full jitter.
type Worker struct {
	Store  data.SyncStore
	Client *Client

	Batch     int           // changes per push; DefaultBatch
	PullLimit int           // changes per pull; DefaultPull
	Interval  time.Duration // between rounds when all went well
	BaseDelay time.Duration // first backoff cap, doubling per failure
	MaxDelay  time.Duration // backoff cap

	Now func() time.Time
	// Sleep waits d or until ctx ends; nil waits on a timer that SyncNow
	// cuts short. Tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// Rand returns a number in [0, 1) for the jitter.
	Rand func() float64
	Log  *slog.Logger

	mu       sync.Mutex
	status   Status
	failures int
	watchers map[int]func(Status)
	nextID   int
	kick     chan struct{}
	round    sync.Mutex // one round at a time
}

func (w *Worker) init() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.kick == nil {
		w.kick = make(chan struct{}, 1)
	}
}

func (w *Worker) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Worker) log() *slog.Logger {
	if w.Log != nil {
		return w.Log
	}
	return slog.Default()
}

func orDefault[T int | time.Duration](v, d T) T {
	if v <= 0 {
		return d
	}
	return v
}

// Status returns the last known state of the sync.
func (w *Worker) Status() Status {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.status
}

// Refresh re-reads the queue length and the needs-attention count from
// the store, notifies the watchers and returns the status.
func (w *Worker) Refresh(ctx context.Context) (Status, error) {
	q, err := w.Store.QueueLength(ctx)
	if err != nil {
		return w.Status(), err
	}
	rs, err := w.Store.NeedsAttention(ctx)
	if err != nil {
		return w.Status(), err
	}
	return w.update(func(s *Status) { s.Queue, s.NeedsAttention = q, len(rs) }), nil
}

// Watch calls fn, on the worker's goroutine, with each new status until
// the returned stop is called. fn must not block.
func (w *Worker) Watch(fn func(Status)) (stop func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.watchers == nil {
		w.watchers = map[int]func(Status){}
	}
	id := w.nextID
	w.nextID++
	w.watchers[id] = fn
	return func() {
		w.mu.Lock()
		delete(w.watchers, id)
		w.mu.Unlock()
	}
}

func (w *Worker) update(change func(*Status)) Status {
	w.mu.Lock()
	change(&w.status)
	if w.Client != nil {
		w.status.Enrolled = true
		w.status.ClockSkew, w.status.ClockKnown = w.Client.ClockSkew()
	}
	s := w.status
	fns := make([]func(Status), 0, len(w.watchers))
	for _, fn := range w.watchers {
		fns = append(fns, fn)
	}
	w.mu.Unlock()
	for _, fn := range fns {
		fn(s)
	}
	return s
}

// SyncNow asks a running worker to start a round at once.
func (w *Worker) SyncNow() {
	w.init()
	select {
	case w.kick <- struct{}{}:
	default:
	}
}

// Run syncs until ctx ends: a round, then the interval after a success or
// a backoff after a failure. It never gives up while offline.
func (w *Worker) Run(ctx context.Context) error {
	w.init()
	w.Refresh(ctx)
	for {
		_, err := w.SyncOnce(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		d := orDefault(w.Interval, DefaultInterval)
		if err != nil {
			d = w.Backoff(err)
		}
		w.update(func(s *Status) { s.NextAttempt = w.now().Add(d) })
		if err := w.wait(ctx, d); err != nil {
			return err
		}
	}
}

func (w *Worker) wait(ctx context.Context, d time.Duration) error {
	if w.Sleep != nil {
		return w.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
	case <-w.kick:
	}
	return nil
}

// Backoff returns how long to wait after a failed round: what the server
// asked for in Retry-After, else a random time up to BaseDelay doubled
// for each failure in a row, capped at MaxDelay (full jitter).
func (w *Worker) Backoff(err error) time.Duration {
	w.mu.Lock()
	n := w.failures
	w.mu.Unlock()
	var e *Error
	if errors.As(err, &e) && e.RetryAfter > 0 {
		return min(e.RetryAfter, time.Hour)
	}
	base, top := orDefault(w.BaseDelay, DefaultBase), orDefault(w.MaxDelay, DefaultMaxDelay)
	ceiling := top
	if n > 0 && n < 32 {
		ceiling = min(top, base<<(n-1))
	}
	r := rand.Float64
	if w.Rand != nil {
		r = w.Rand
	}
	return time.Duration(r() * float64(ceiling))
}

// SyncOnce sends every queued change, then pulls every page of the feed.
// Changes are marked sent only after the server's 2xx answer; a lost
// answer means they are sent again and the server answers "duplicate".
func (w *Worker) SyncOnce(ctx context.Context) (Report, error) {
	return w.run(ctx, true)
}

// Push sends every queued change without pulling, e.g. to flush the
// queue before the PC is shut down.
func (w *Worker) Push(ctx context.Context) (Report, error) {
	return w.run(ctx, false)
}

func (w *Worker) run(ctx context.Context, pull bool) (Report, error) {
	w.round.Lock()
	defer w.round.Unlock()
	w.update(func(s *Status) { s.Syncing = true })
	rep, err := w.syncOnce(ctx, pull)
	q, qerr := w.Store.QueueLength(context.WithoutCancel(ctx))
	rs, rerr := w.Store.NeedsAttention(context.WithoutCancel(ctx))
	w.update(func(s *Status) {
		s.Syncing = false
		if qerr == nil {
			s.Queue = q
		}
		if rerr == nil {
			s.NeedsAttention = len(rs)
		}
		s.LastReport = rep
		var e *Error
		s.Online = err == nil || errors.As(err, &e)
		if err == nil {
			s.LastSuccess, s.LastError, s.LastErrorAt = w.now(), "", time.Time{}
			return
		}
		s.LastError, s.LastErrorAt = describe(err), w.now()
	})
	w.mu.Lock()
	if err == nil {
		w.failures = 0
	} else {
		w.failures++
	}
	w.mu.Unlock()
	if err != nil {
		w.log().Warn("province sync failed", "error", err.Error(), "sent", rep.Sent, "received", rep.Received)
	}
	return rep, err
}

// StoreError is a failure of this workstation's own database during a
// sync round: not a network fault, and not to be told as one.
type StoreError struct {
	Op  string
	Err error
}

func (e *StoreError) Error() string {
	return "Lỗi cơ sở dữ liệu của máy này khi " + e.Op + " (" + e.Err.Error() + "); dữ liệu đã lưu vẫn còn, hãy chạy motcua check và báo quản trị."
}

func (e *StoreError) Unwrap() error { return e.Err }

// storeErr wraps a store failure, keeping domain errors as they are.
func storeErr(op string, err error) error {
	if err == nil || data.ErrorCode(err) != data.EInternal {
		return err
	}
	return &StoreError{Op: op, Err: err}
}

// describe says what went wrong, for the officer.
func describe(err error) string {
	var (
		e  *Error
		se *StoreError
	)
	switch {
	case errors.As(err, &e):
		return e.Error()
	case errors.As(err, &se):
		return se.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return "Máy chủ tỉnh không trả lời kịp; sẽ gửi lại sau."
	case data.ErrorCode(err) != data.EInternal:
		return data.ErrorMessage(err)
	}
	return Unreachable(err) + "; dữ liệu vẫn được giữ và sẽ gửi lại sau."
}

func (w *Worker) syncOnce(ctx context.Context, pull bool) (Report, error) {
	var rep Report
	if w.Client == nil {
		return rep, data.Errorf(data.ENotFound, "Máy trạm chưa đăng ký với máy chủ tỉnh: hãy chạy motcua enroll --server URL --code MÃ.")
	}
	for {
		batch, err := w.Store.Outbox(ctx, orDefault(w.Batch, DefaultBatch))
		if err != nil || len(batch) == 0 {
			if err != nil {
				return rep, storeErr("đọc hàng đợi", err)
			}
			break
		}
		results, err := w.push(ctx, batch)
		if len(results) > 0 {
			if rerr := w.Store.RecordResults(context.WithoutCancel(ctx), results); rerr != nil {
				return rep, storeErr("ghi kết quả gửi", rerr)
			}
			for _, r := range results {
				switch r.Result {
				case data.ResultApplied:
					rep.Sent++
				case data.ResultDuplicate:
					rep.Duplicates++
				default:
					rep.Rejected++
					rep.Rejections = append(rep.Rejections, r)
				}
			}
		}
		if err != nil {
			keys := make([]string, 0, len(batch)-len(results))
			for _, c := range batch[len(results):] {
				keys = append(keys, c.Key)
			}
			w.Store.RecordFailure(context.WithoutCancel(ctx), keys, describe(err))
			return rep, err
		}
	}
	if err := w.pushAuditHead(ctx, &rep); err != nil {
		return rep, err
	}
	// Each page is applied with its cursor in one transaction: a pull cut
	// short goes on from the last page applied, nothing lost or doubled.
	pulled := 0
	defer w.update(func(s *Status) { s.Pulled, s.ToPull = 0, 0 })
	for pull {
		after, err := w.Store.Cursor(ctx)
		if err != nil {
			return rep, storeErr("đọc vị trí đồng bộ", err)
		}
		page, err := w.Client.Pull(ctx, after, orDefault(w.PullLimit, DefaultPull))
		if err != nil {
			return rep, err
		}
		n, err := w.Store.ApplyRemote(ctx, page)
		if err != nil {
			return rep, storeErr("ghi thay đổi nhận từ tỉnh", err)
		}
		rep.Received += n
		if len(page.Changes) > 0 {
			pulled += len(page.Changes)
			total := pulled + int(page.Remaining)
			data.ReportProgress(ctx, pulled, total)
			w.update(func(s *Status) { s.Pulled, s.ToPull = pulled, total })
		}
		if !page.More || page.Next <= after {
			break
		}
	}
	return rep, nil
}

// push sends a batch. A batch the server refuses whole (malformed, of
// another office, too large) is halved until the change at fault stands
// alone; that change is rejected with the server's reason, so one bad
// change neither blocks the queue nor is retried forever. The results
// returned are for a prefix of the batch, the rest failed with err.
func (w *Worker) push(ctx context.Context, batch []data.OutboxChange) ([]data.ChangeResult, error) {
	results, err := w.Client.Push(ctx, batch)
	var e *Error
	if !errors.As(err, &e) || (e.Status != http.StatusBadRequest && e.Status != http.StatusForbidden && e.Status != http.StatusRequestEntityTooLarge) {
		return results, err
	}
	if len(batch) == 1 {
		w.log().Warn("province refused a change", "key", batch[0].Key, "subject", batch[0].Subject, "status", e.Status, "reason", e.Message)
		return []data.ChangeResult{{Key: batch[0].Key, Result: data.ResultRejected, Reason: e.Error()}}, nil
	}
	half := len(batch) / 2
	first, err := w.push(ctx, batch[:half])
	if err != nil {
		return first, err
	}
	second, err := w.push(ctx, batch[half:])
	return append(first, second...), err
}

// pushAuditHead tells the province how far the audit trail has grown, so
// that entries deleted here later are found; a head it refuses is listed
// as needing attention with its reason, and among the round's rejections.
func (w *Worker) pushAuditHead(ctx context.Context, rep *Report) error {
	h, ok, err := w.Store.AuditHeadToSend(ctx)
	if err != nil || !ok {
		return storeErr("đọc đầu chuỗi nhật ký", err)
	}
	r, err := w.Client.PushAuditHead(ctx, h)
	if err != nil {
		return err
	}
	r.Key = data.AuditHeadKey
	if err := w.Store.RecordAuditHead(context.WithoutCancel(ctx), h, r); err != nil {
		return storeErr("ghi đầu chuỗi nhật ký", err)
	}
	if !r.Accepted() {
		rep.Rejected++
		rep.Rejections = append(rep.Rejections, r)
	}
	return nil
}
