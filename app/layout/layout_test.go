package layout

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// settle steps l until it is stable or limit steps have run.
func settle(l *Layout, limit int) int {
	for i := 0; i < limit; i++ {
		if l.Stable() {
			return i
		}
		l.Step()
	}
	return limit
}

// dist returns the distance between nodes a and b of l.
func dist(t *testing.T, l *Layout, a, b string) float64 {
	t.Helper()
	pa, oka := l.Position(a)
	pb, okb := l.Position(b)
	if !oka || !okb {
		t.Fatalf("Position(%q), Position(%q): got ok %v, %v want true, true", a, b, oka, okb)
	}
	return pa.Sub(pb).Len()
}

// build returns a layout with the named nodes and springs "a-b".
func build(nodes []string, springs [][2]string) *Layout {
	l := New(Config{})
	for _, n := range nodes {
		l.Add(n)
	}
	for _, s := range springs {
		l.Link(s[0], s[1])
	}
	return l
}

func TestSettling(t *testing.T) {
	rest := DefaultConfig().SpringLength
	tests := []struct {
		name     string
		nodes    []string
		springs  [][2]string
		a, b     string
		min, max float64 // accepted distance between a and b, in spring lengths
	}{
		{"two linked nodes rest near spring length", []string{"a", "b"}, [][2]string{{"a", "b"}}, "a", "b", 0.8, 1.6},
		{"path ends are further apart than neighbours", []string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}}, "a", "c", 1.6, 3.2},
		{"unlinked nodes drift apart but stay in view", []string{"a", "b"}, nil, "a", "b", 0.8, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := build(tt.nodes, tt.springs)
			if n := settle(l, 2000); n == 2000 {
				t.Fatalf("Stable after 2000 steps: got false want true")
			}
			d := dist(t, l, tt.a, tt.b) / rest
			if d < tt.min || d > tt.max {
				t.Errorf("distance %s-%s: got %.2f spring lengths want %.2f..%.2f", tt.a, tt.b, d, tt.min, tt.max)
			}
		})
	}
}

func TestPinnedNodeStaysExactly(t *testing.T) {
	l := build([]string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}})
	at := Point{X: 1234.5, Y: -42.25}
	l.Pin("b", at)
	for range 300 {
		l.Step()
		if got, _ := l.Position("b"); got != at {
			t.Fatalf("pinned position: got %v want %v", got, at)
		}
	}
	if !l.Pinned("b") {
		t.Errorf("Pinned(b): got false want true")
	}
	l.Unpin("b")
	l.Step()
	if got, _ := l.Position("b"); got == at {
		t.Errorf("unpinned position after a step: got %v want it to move", got)
	}
}

func TestRemove(t *testing.T) {
	l := build([]string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}})
	if !l.Remove("b") {
		t.Fatalf("Remove(b): got false want true")
	}
	checks := []struct {
		name string
		got  any
		want any
	}{
		{"Has(b)", l.Has("b"), false},
		{"Len", l.Len(), 2},
		{"Springs", l.Springs(), 0},
		{"Degree(a)", l.Degree("a"), 0},
		{"Linked(a,b)", l.Linked("a", "b"), false},
		{"Remove(b) again", l.Remove("b"), false},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v want %v", c.got, c.want)
			}
		})
	}
	t.Run("handle reused and IDs updated", func(t *testing.T) {
		l.Add("d")
		h, _ := l.Handle("d")
		if got := l.IDs()[h]; got != "d" {
			t.Errorf("IDs()[Handle(d)]: got %q want %q", got, "d")
		}
		if got, want := len(l.IDs()), 3; got != want {
			t.Errorf("len(IDs()): got %d want %d (free handle reused)", got, want)
		}
	})
}

func TestDisconnectedComponentsSeparate(t *testing.T) {
	// Two triangles, nothing between them.
	l := build([]string{"a1", "a2", "a3", "b1", "b2", "b3"},
		[][2]string{{"a1", "a2"}, {"a2", "a3"}, {"a3", "a1"}, {"b1", "b2"}, {"b2", "b3"}, {"b3", "b1"}})
	settle(l, 2000)
	rest := l.Config().SpringLength
	within, across := 0.0, math.Inf(1)
	for _, a := range []string{"a1", "a2", "a3"} {
		for _, b := range []string{"b1", "b2", "b3"} {
			across = min(across, dist(t, l, a, b))
		}
	}
	for _, p := range [][2]string{{"a1", "a2"}, {"b1", "b3"}} {
		within = max(within, dist(t, l, p[0], p[1]))
	}
	if across < 0.8*rest {
		t.Errorf("closest nodes of different components: got %.1f want ≥ %.1f", across, 0.8*rest)
	}
	if within > 2*rest {
		t.Errorf("linked nodes in a component: got %.1f apart want ≤ %.1f", within, 2*rest)
	}
}

func TestCoincidentNodesNoNaN(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		links bool
	}{
		{"two", 2, false},
		{"two linked", 2, true},
		{"fifty stacked", 50, false},
		{"fifty stacked in a chain", 50, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New(Config{})
			for i := range tt.n {
				l.AddAt(fmt.Sprint(i), Point{X: 7, Y: 7})
				if tt.links && i > 0 {
					l.Link(fmt.Sprint(i-1), fmt.Sprint(i))
				}
			}
			for range 300 {
				if m := l.Step(); math.IsNaN(m) || math.IsInf(m, 0) {
					t.Fatalf("Step: got movement %v want a finite number", m)
				}
			}
			for h, p := range l.Positions() {
				if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
					t.Fatalf("position of %s: got %v want finite", l.IDs()[h], p)
				}
			}
			if d := dist(t, l, "0", "1"); d < 1 {
				t.Errorf("distance between formerly coincident nodes: got %.3f want ≥ 1", d)
			}
		})
	}
}

func TestAddNearAndDuplicates(t *testing.T) {
	l := New(Config{})
	l.AddAt("hub", Point{X: 500, Y: 500})
	for i := range 8 {
		if !l.AddNear(fmt.Sprint("leaf", i), "hub") {
			t.Fatalf("AddNear(leaf%d): got false want true", i)
		}
	}
	rest := l.Config().SpringLength
	for i := range 8 {
		if d := dist(t, l, "hub", fmt.Sprint("leaf", i)); d > rest {
			t.Errorf("leaf%d starts %.1f from hub, want ≤ %.1f", i, d, rest)
		}
	}
	checks := []struct {
		name string
		got  bool
	}{
		{"Add duplicate", l.Add("hub")},
		{"AddNear duplicate", l.AddNear("leaf0", "hub")},
		{"AddAt duplicate", l.AddAt("leaf1", Point{})},
		{"Link to missing node", l.Link("hub", "nope")},
		{"Link to itself", l.Link("hub", "hub")},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got {
				t.Errorf("got true want false")
			}
		})
	}
}

func TestStableAndReheat(t *testing.T) {
	l := build([]string{"a", "b", "c"}, [][2]string{{"a", "b"}})
	if l.Stable() {
		t.Fatalf("new layout Stable: got true want false")
	}
	settle(l, 2000)
	if !l.Stable() {
		t.Fatalf("Stable after settling: got false want true")
	}
	changes := []struct {
		name   string
		change func()
	}{
		{"Add", func() { l.Add("d") }},
		{"Link", func() { l.Link("c", "d") }},
		{"Unlink", func() { l.Unlink("a", "b") }},
		{"Pin", func() { l.Pin("a", Point{}) }},
		{"Remove", func() { l.Remove("d") }},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			settle(l, 2000)
			c.change()
			if l.Stable() {
				t.Errorf("Stable after %s: got true want false", c.name)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	run := func() []Point {
		l := randomGraph(200, 3)
		for range 50 {
			l.Step()
		}
		return append([]Point(nil), l.Positions()...)
	}
	a, b := run(), run()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("position %d: got %v and %v from identical runs want equal", i, a[i], b[i])
		}
	}
}

func TestBounds(t *testing.T) {
	l := New(Config{})
	if !l.Bounds().Empty() {
		t.Errorf("Bounds of empty layout: got %v want Empty", l.Bounds())
	}
	l.AddAt("a", Point{X: -10, Y: 5})
	l.AddAt("b", Point{X: 30, Y: -2})
	want := Rect{Min: Point{X: -10, Y: -2}, Max: Point{X: 30, Y: 5}}
	if got := l.Bounds(); got != want {
		t.Errorf("Bounds: got %v want %v", got, want)
	}
	l.Remove("b")
	if got, want := l.Bounds(), (Rect{Min: Point{X: -10, Y: 5}, Max: Point{X: -10, Y: 5}}); got != want {
		t.Errorf("Bounds after Remove: got %v want %v", got, want)
	}
}

func TestBarnesHutCloseToExact(t *testing.T) {
	approx := randomGraph(500, 2)
	exact := randomGraph(500, 2)
	exact.cfg.Theta = 1e-9
	approx.applyCharge()
	exact.applyCharge()
	var errSum, magSum float64
	for h := range approx.vel {
		errSum += approx.vel[h].Sub(exact.vel[h]).Len()
		magSum += exact.vel[h].Len()
	}
	if rel := errSum / magSum; rel > 0.05 {
		t.Errorf("relative error of θ=%.1f against exact charge: got %.3f want ≤ 0.05", approx.cfg.Theta, rel)
	}
}

// randomGraph returns a scale-free-ish graph of n nodes: each new node links
// to m earlier nodes chosen with probability growing with their degree
// (preferential attachment), positions from Add's spiral.
func randomGraph(n, m int) *Layout {
	rng := rand.New(rand.NewPCG(7, 11))
	l := New(Config{})
	var ends []int // node indexes, once per spring end
	for i := range n {
		id := fmt.Sprint(i)
		l.Add(id)
		for k := 0; k < m && i > 0; k++ {
			j := rng.IntN(i)
			if len(ends) > 0 && rng.IntN(2) == 0 {
				j = ends[rng.IntN(len(ends))]
			}
			if l.Link(id, fmt.Sprint(j)) {
				ends = append(ends, i, j)
			}
		}
	}
	return l
}

func benchmarkStep(b *testing.B, n int) {
	l := randomGraph(n, 2)
	for range 5 { // let the tree and stacks reach their working size
		l.Step()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l.Step()
		if l.Stable() {
			l.Reheat(1)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
}

func BenchmarkStep2000(b *testing.B)  { benchmarkStep(b, 2000) }
func BenchmarkStep20000(b *testing.B) { benchmarkStep(b, 20000) }

func TestSetAspectWidens(t *testing.T) {
	tests := []struct {
		name   string
		aspect float64
		wide   bool // whether the settled layout should be wider than tall
	}{
		{"wide frame", 2, true},
		{"tall frame", 0.5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New(Config{})
			for i := range 60 {
				l.Add(fmt.Sprint(i))
			}
			l.SetAspect(tt.aspect)
			settle(l, 2000)
			b := l.Bounds()
			if got := b.Width() > b.Height(); got != tt.wide {
				t.Errorf("width %.0f > height %.0f: got %v want %v", b.Width(), b.Height(), got, tt.wide)
			}
		})
	}
}
