package graphview

import (
	"testing"
	"time"
)

// TestAnimateDeliversFramesWithDo runs the real worker goroutine, with frames
// delivered over a channel to the test goroutine as fyne.Do would deliver
// them to the UI goroutine.
func TestAnimateDeliversFramesWithDo(t *testing.T) {
	g, _ := newTestView(t)
	frames := make(chan func(), 1)
	g.async = true
	g.do = func(fn func()) { frames <- fn }
	star(g)
	start := g.nodes["a"].pos
	deadline := time.After(20 * time.Second)
	count := 0
	for running := true; running; {
		select {
		case fn := <-frames:
			fn()
			count++
		case <-deadline:
			t.Fatalf("layout still running after 20 s and %d frames", count)
		}
		g.mu.Lock()
		running = g.running
		g.mu.Unlock()
	}
	if count < 2 {
		t.Errorf("frames delivered: got %d want several", count)
	}
	if g.nodes["a"].pos == start {
		t.Errorf("position of a: got unchanged %v want moved by the layout", start)
	}
	g.mu.Lock()
	stable := g.lay.Stable()
	g.mu.Unlock()
	if !stable {
		t.Errorf("layout Stable when the worker stops: got false want true")
	}
}
