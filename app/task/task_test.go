package task

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
)

// onUI stands in for the UI goroutine: one delivery at a time.
type onUI struct{ mu sync.Mutex }

func (u *onUI) do(fn func()) {
	u.mu.Lock()
	defer u.mu.Unlock()
	fn()
}

func newRunner() (*Runner, *[]string) {
	ui := &onUI{}
	var failures []string
	r := New(ui.do, func(what string, err error) { failures = append(failures, what+": "+err.Error()) })
	return r, &failures
}

func TestNewerJobDropsOlderAnswer(t *testing.T) {
	r, _ := newRunner()
	release := make(chan struct{})
	canceled := make(chan error, 1)
	var got []string
	Go(r, "search", "", func(ctx context.Context) (string, error) {
		<-release
		<-ctx.Done() // the newer job cancels this one
		canceled <- ctx.Err()
		return "old", nil
	}, func(s string) { got = append(got, s) })
	Go(r, "search", "", func(ctx context.Context) (string, error) { return "new", nil },
		func(s string) { got = append(got, s) })
	close(release)
	r.Idle()
	if err := <-canceled; !errors.Is(err, context.Canceled) {
		t.Errorf("the older job's context: got %v, want context.Canceled", err)
	}
	if fmt.Sprint(got) != "[new]" {
		t.Errorf("applied %v, want [new]", got)
	}
}

func TestOlderAnswerArrivingLastIsDropped(t *testing.T) {
	r, _ := newRunner()
	oldDone := make(chan struct{})
	newApplied := make(chan struct{})
	var got []string
	Go(r, "focus", "", func(ctx context.Context) (string, error) {
		<-newApplied // answer only after the newer job's answer is in
		return "old", nil
	}, func(s string) { got = append(got, s) })
	Go(r, "focus", "", func(ctx context.Context) (string, error) { return "new", nil },
		func(s string) { got = append(got, s); close(newApplied) })
	go func() { r.Idle(); close(oldDone) }()
	<-oldDone
	if fmt.Sprint(got) != "[new]" {
		t.Errorf("applied %v, want [new]", got)
	}
}

func TestDifferentKeysBothApply(t *testing.T) {
	r, _ := newRunner()
	var got []string
	for _, k := range []string{"expand:a", "expand:b", "", ""} {
		Go(r, k, "", func(context.Context) (string, error) { return k, nil },
			func(s string) { got = append(got, s) })
	}
	r.Idle()
	if len(got) != 4 {
		t.Errorf("applied %v, want all four", got)
	}
}

func TestErrorsGoToTheHandler(t *testing.T) {
	r, failures := newRunner()
	applied := false
	Go(r, "details", "Could not read Netflix", func(context.Context) (int, error) {
		return 0, errors.New("disk on fire")
	}, func(int) { applied = true })
	Go(r, "other", "Stopped", func(context.Context) (int, error) {
		return 0, fmt.Errorf("wrapped: %w", context.Canceled)
	}, func(int) { applied = true })
	r.Idle()
	if applied {
		t.Error("a failed job's answer was applied")
	}
	if want := "[Could not read Netflix: disk on fire]"; fmt.Sprint(*failures) != want {
		t.Errorf("failures = %v, want %s", *failures, want)
	}
}

func TestIdleWaitsForChainedJobs(t *testing.T) {
	r, _ := newRunner()
	var got []string
	Go(r, "first", "", func(context.Context) (int, error) { return 1, nil }, func(int) {
		got = append(got, "first")
		Go(r, "second", "", func(context.Context) (int, error) { return 2, nil }, func(int) {
			got = append(got, "second")
		})
	})
	r.Idle()
	if fmt.Sprint(got) != "[first second]" {
		t.Errorf("after Idle: %v, want [first second]", got)
	}
}

func TestCancelAndClose(t *testing.T) {
	r, _ := newRunner()
	release := make(chan struct{})
	applied := false
	Go(r, "query", "", func(ctx context.Context) (int, error) {
		<-ctx.Done()
		return 0, nil
	}, func(int) { applied = true })
	if !r.Running("query") {
		t.Error("Running(query) = false while it runs")
	}
	r.Cancel("query")
	r.Idle()
	if applied {
		t.Error("a canceled job's answer was applied")
	}
	Go(r, "late", "", func(ctx context.Context) (int, error) {
		<-release
		return 0, nil
	}, func(int) { applied = true })
	r.Close()
	close(release)
	r.Idle()
	Go(r, "after", "", func(context.Context) (int, error) { return 0, nil }, func(int) { applied = true })
	r.Idle()
	if applied {
		t.Error("an answer was applied after Close")
	}
	if r.Context().Err() == nil {
		t.Error("the Runner's context is live after Close")
	}
}

func TestWaitForOneKey(t *testing.T) {
	r, _ := newRunner()
	gate := make(chan struct{})
	var got []string
	Go(r, "counts", "", func(context.Context) (string, error) {
		<-gate
		return "counts", nil
	}, func(s string) { got = append(got, s) })
	Go(r, "refresh", "", func(context.Context) (string, error) { return "refresh", nil },
		func(s string) { got = append(got, s) })
	r.Wait("refresh")
	if fmt.Sprint(got) != "[refresh]" {
		t.Errorf("after Wait(refresh): %v, want [refresh]", got)
	}
	close(gate)
	r.Idle()
	if fmt.Sprint(got) != "[refresh counts]" {
		t.Errorf("after Idle: %v, want [refresh counts]", got)
	}
}
