// Package task runs the explorer's background work: queries, loading and
// layout measures that must stay off the UI goroutine.
//
// Each kind of work has a key. Starting a job under a key cancels the job
// already running under it, through its context, and drops its answer
// should it still arrive: only the newest answer per key is applied. An
// answer is applied on the UI goroutine through the do function the Runner
// was made with (fyne.Do in the application); an error goes to the one
// handler the Runner was made with. Tests wait for Idle rather than poll.
//
// The package does not import Fyne.
package task

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Runner runs jobs off the UI goroutine and applies their answers on it.
// Its methods are safe for concurrent use.
type Runner struct {
	do      func(func())
	onError func(what string, err error)

	mu      sync.Mutex
	idle    *sync.Cond
	busy    int                // jobs started whose answer is not yet applied or dropped
	current map[string]*ticket // the newest job per key
	closed  bool
	ctx     context.Context // canceled by Close
	stop    context.CancelFunc
}

// ticket is one job started under a key.
type ticket struct{ cancel context.CancelFunc }

// New returns a Runner that applies answers through do and hands every
// failure, with the words saying what failed, to onError on the UI
// goroutine. A context.Canceled failure is not a failure: it is dropped.
func New(do func(func()), onError func(what string, err error)) *Runner {
	r := &Runner{do: do, onError: onError, current: make(map[string]*ticket)}
	r.idle = sync.NewCond(&r.mu)
	r.ctx, r.stop = context.WithCancel(context.Background())
	return r
}

// Go runs job on a goroutine of its own under key, canceling the job
// already under key. When job returns, and unless a newer job under key
// has started or the Runner is closed, apply gets the answer on the UI
// goroutine, or, if job failed, the Runner's error handler gets what and
// the error. A nil apply just runs job. An empty key never cancels
// anything: each such job is applied.
func Go[T any](r *Runner, key, what string, job func(ctx context.Context) (T, error), apply func(T)) {
	ctx, t, ok := r.begin(key)
	if !ok {
		return
	}
	go func() {
		v, err := job(ctx)
		r.do(func() {
			defer r.end(key, t)
			if !r.live(key, t) {
				return
			}
			switch {
			case err == nil:
				if apply != nil {
					apply(v)
				}
			case errors.Is(err, context.Canceled):
			case r.onError != nil:
				r.onError(what, err)
			}
		})
	}()
}

// begin registers a job under key, canceling the one it replaces.
func (r *Runner) begin(key string) (context.Context, *ticket, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, nil, false
	}
	ctx, cancel := context.WithCancel(r.ctx)
	t := &ticket{cancel: cancel}
	if key != "" {
		if old := r.current[key]; old != nil {
			old.cancel()
		}
		r.current[key] = t
	}
	r.busy++
	return ctx, t, true
}

// live reports whether t is still the newest job under its key.
func (r *Runner) live(key string, t *ticket) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return !r.closed && (key == "" || r.current[key] == t)
}

// end retires t once its answer is applied or dropped.
func (r *Runner) end(key string, t *ticket) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t.cancel()
	if key != "" && r.current[key] == t {
		delete(r.current, key)
	}
	r.busy--
	r.idle.Broadcast()
}

// Cancel cancels the job under key, if any; its answer is dropped.
func (r *Runner) Cancel(key string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t := r.current[key]; t != nil {
		t.cancel()
		delete(r.current, key)
		r.idle.Broadcast()
	}
}

// Running reports whether a job under key has not yet been applied.
func (r *Runner) Running(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.current[key] != nil
}

// Idle blocks until no job is running and no answer waits to be applied,
// including the jobs those answers start. It must not be called on the UI
// goroutine, which would then never apply what it waits for.
func (r *Runner) Idle() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.busy > 0 {
		r.idle.Wait()
	}
}

// Wait blocks until no job under key waits to be applied: the newest has
// been applied, dropped or canceled. Jobs under other keys may still run.
// Like Idle, it must not be called on the UI goroutine.
func (r *Runner) Wait(key string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.current[key] != nil {
		r.idle.Wait()
	}
}

// Context is canceled when the Runner closes; long-lived work (a ticker)
// stops on it.
func (r *Runner) Context() context.Context { return r.ctx }

// Close cancels every job and drops every answer still to come; later
// jobs are not started.
func (r *Runner) Close() {
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.stop()
}

// Every calls fn on the UI goroutine every d until the Runner closes.
func (r *Runner) Every(d time.Duration, fn func()) {
	go func() {
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-r.ctx.Done():
				return
			case <-t.C:
				r.do(func() {
					if r.ctx.Err() == nil {
						fn()
					}
				})
			}
		}
	}()
}
