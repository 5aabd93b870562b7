package graphview

import (
	"testing"
	"time"

	"reelgraph/app/layout"
)

func TestArrangeMovesUnpinnedNodesAndRests(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.Pin("c")
	pinned := g.nodes["c"].pos
	before := g.State()
	targets := map[string]layout.Point{
		"hub": {X: 0, Y: 0}, "a": {X: 300, Y: 0}, "b": {X: -300, Y: 0}, "c": {X: 0, Y: 300}, "gone": {X: 9, Y: 9},
	}
	g.Arrange(targets)
	for _, id := range []string{"hub", "a", "b"} {
		if got := g.nodes[id].pos; got != targets[id] {
			t.Errorf("%s: got %v want %v", id, got, targets[id])
		}
	}
	if got := g.nodes["c"].pos; got != pinned {
		t.Errorf("pinned c: got %v want %v where it was pinned", got, pinned)
	}
	if g.lay.Alpha() != 0 || !g.lay.Stable() {
		t.Errorf("layout after Arrange: got alpha %v stable %v want 0, true", g.lay.Alpha(), g.lay.Stable())
	}
	if !g.Undo() || !g.State().Equal(before) {
		t.Errorf("one Undo after Arrange: got %+v want %+v", g.State(), before)
	}
	if g.Has("gone") {
		t.Errorf("Has(gone): got true want false")
	}
}

func TestArrangeThenChangeReturnsToForces(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	far := map[string]layout.Point{"hub": {}, "a": {X: 2000}, "b": {X: -2000}, "c": {Y: 2000}}
	g.Arrange(far)
	g.Add([]Node{n("d", "")}, []Edge{e("a", "d")}, "a")
	if got := g.nodes["a"].pos; got == far["a"] {
		t.Errorf("a after a change: got %v still arranged want moved by forces", got)
	}
}

// TestArrangeAnimates runs the real worker and checks that nodes glide to
// their targets over several frames, then stop there.
func TestArrangeAnimates(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	frames := make(chan func(), 1)
	g.async = true
	g.do = func(fn func()) { frames <- fn }
	start := g.nodes["a"].pos
	target := layout.Point{X: start.X + 500, Y: start.Y}
	g.Arrange(map[string]layout.Point{"a": target})
	deadline := time.After(10 * time.Second)
	count, between := 0, 0
	for running := true; running; {
		select {
		case fn := <-frames:
			fn()
			count++
			if p := g.nodes["a"].pos; p.X > start.X+1 && p.X < target.X-1 {
				between++
			}
		case <-deadline:
			t.Fatalf("Arrange still running after 10 s and %d frames", count)
		}
		g.mu.Lock()
		running = g.running
		g.mu.Unlock()
	}
	if between < 3 {
		t.Errorf("frames with a between its start and target: got %d want several", between)
	}
	if got := g.nodes["a"].pos; got != target {
		t.Errorf("a at the end: got %v want %v", got, target)
	}
	if count > 60 {
		t.Errorf("frames for a 400 ms glide: got %d want at most 60", count)
	}
}

func TestStepTweenAllocatesNothing(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.Arrange(map[string]layout.Point{"a": {X: 1}, "b": {X: 2}, "hub": {X: 3}})
	g.mu.Lock()
	defer g.mu.Unlock()
	now := time.Now()
	allocs := testing.AllocsPerRun(100, func() {
		g.tween.active, g.tween.start = true, now
		g.stepTween(now.Add(arrangeDuration / 2))
	})
	if allocs != 0 {
		t.Errorf("allocations per tween frame: got %v want 0", allocs)
	}
}

func TestSetSizes(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	def := g.radius(g.nodes["a"])
	g.SetSizes(map[string]float64{"a": 1, "b": 0.5, "c": 7})
	ra, rb, rc := g.radius(g.nodes["a"]), g.radius(g.nodes["b"]), g.radius(g.nodes["c"])
	if !(ra > rb && rb > def*minSizeScale && rb < ra) {
		t.Errorf("radii a (1), b (0.5): got %v, %v want a > b > smallest %v", ra, rb, def*minSizeScale)
	}
	if rc != ra {
		t.Errorf("radius of c (7, clamped to 1): got %v want %v", rc, ra)
	}
	if got, want := g.radius(g.nodes["hub"]), def*minSizeScale*focusScale; got != want {
		t.Errorf("radius of the unsized focus: got %v want %v", got, want)
	}
	g.SetSizes(nil)
	if got := g.radius(g.nodes["a"]); got != def {
		t.Errorf("radius after SetSizes(nil): got %v want %v", got, def)
	}
}

func TestArrangeFromOnChangedSurvivesTheChange(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	target := layout.Point{X: 1234, Y: 0}
	g.OnChanged(func() {
		if g.Has("d") {
			g.Arrange(map[string]layout.Point{"d": target})
		}
	})
	g.Add([]Node{n("d", "")}, []Edge{e("a", "d")}, "a")
	if got := g.nodes["d"].pos; got != target {
		t.Errorf("d arranged by a watcher: got %v want %v", got, target)
	}
}

// TestArrangeIgnoresLateTicks steps an arrangement with a tick older than
// its start, as a busy ticker delivers: the nodes must not overshoot.
func TestArrangeIgnoresLateTicks(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.mu.Lock()
	g.tween.active, g.tween.start = true, time.Now()
	g.tween.ids = []string{"a"}
	g.tween.from = []layout.Point{{X: 0, Y: 0}}
	g.tween.to = []layout.Point{{X: 100, Y: 0}}
	g.stepTween(g.tween.start.Add(-arrangeDuration)) // a tick from before the start
	p, _ := g.lay.Position("a")
	active := g.tween.active
	g.mu.Unlock()
	if p.X != 0 || !active {
		t.Errorf("after a late tick: node at %v, glide active %v; want it still at the start, gliding", p, active)
	}
}
