package layout

import (
	"fmt"
	"math"
	"testing"
)

// adjOf returns the adjacency of the edges "a-b".
func adjOf(edges [][2]string) Adjacency {
	a := Adjacency{}
	for _, e := range edges {
		a.Link(e[0], e[1])
	}
	return a
}

// near reports whether a and b are within 1e-6 of each other.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestCircular(t *testing.T) {
	tests := []struct {
		name  string
		ids   []string
		edges [][2]string
	}{
		{"one node", []string{"a"}, nil},
		{"two nodes", []string{"a", "b"}, [][2]string{{"a", "b"}}},
		{"five unlinked", []string{"a", "b", "c", "d", "e"}, nil},
		{"star of seven", []string{"h", "1", "2", "3", "4", "5", "6"},
			[][2]string{{"h", "1"}, {"h", "2"}, {"h", "3"}, {"h", "4"}, {"h", "5"}, {"h", "6"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pos := Circular(tt.ids, adjOf(tt.edges), 100)
			if len(pos) != len(tt.ids) {
				t.Fatalf("got %d positions want %d", len(pos), len(tt.ids))
			}
			n := len(tt.ids)
			if n == 1 {
				if p := pos["a"]; p != (Point{}) {
					t.Errorf("single node: got %v want origin", p)
				}
				return
			}
			r := pos[tt.ids[0]].Len()
			chord := 2 * r * math.Sin(math.Pi/float64(n))
			if !near(chord, 100) {
				t.Errorf("chord between neighbours: got %.3f want 100", chord)
			}
			for id, p := range pos {
				if !near(p.Len(), r) {
					t.Errorf("%s: got radius %.3f want %.3f", id, p.Len(), r)
				}
			}
			// Equally spaced: every node's nearest other node is one chord away.
			for id, p := range pos {
				best := math.Inf(1)
				for jd, q := range pos {
					if jd != id {
						best = min(best, p.Sub(q).Len())
					}
				}
				if !near(best, chord) {
					t.Errorf("%s: got nearest neighbour at %.3f want %.3f", id, best, chord)
				}
			}
		})
	}
}

func TestCircularRunsPathsAlongTheCircle(t *testing.T) {
	// A path a-b-c-d-e-f with the IDs out of order, and a branch off c.
	ids := []string{"a", "d", "f", "b", "e", "c", "x"}
	edges := [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"c", "x"}}
	pos := Circular(ids, adjOf(edges), 100)
	side := 0
	for _, e := range edges {
		if near(pos[e[0]].Sub(pos[e[1]]).Len(), 100) {
			side++
		}
	}
	if side < 5 {
		t.Errorf("edges between circle neighbours: got %d of 6 want at least 5", side)
	}
}

func TestRadialRings(t *testing.T) {
	// r - a - c - e, r - b - d, and x - y unconnected to r.
	ids := []string{"r", "a", "b", "c", "d", "e", "x", "y"}
	adj := adjOf([][2]string{{"r", "a"}, {"r", "b"}, {"a", "c"}, {"b", "d"}, {"c", "e"}, {"x", "y"}})
	pos := Radial(ids, adj, "r", 100)
	ring := map[string]int{"r": 0, "a": 1, "b": 1, "c": 2, "d": 2, "e": 3, "x": 4, "y": 4}
	radius := map[int]float64{}
	for id, k := range ring {
		d := pos[id].Len()
		if r, ok := radius[k]; ok && !near(r, d) {
			t.Errorf("%s on ring %d: got radius %.3f want %.3f", id, k, d, r)
		}
		radius[k] = d
	}
	for k := 1; k <= 4; k++ {
		if radius[k] < radius[k-1]+100-1e-6 {
			t.Errorf("ring %d: got radius %.3f want at least %.3f", k, radius[k], radius[k-1]+100)
		}
	}
	// A child sits in its parent's direction.
	for _, pc := range [][2]string{{"a", "c"}, {"b", "d"}, {"c", "e"}} {
		pa, pc2 := pos[pc[0]], pos[pc[1]]
		cos := (pa.X*pc2.X + pa.Y*pc2.Y) / (pa.Len() * pc2.Len())
		if cos < 0.99 {
			t.Errorf("%s below %s: got cosine %.3f want ≈1", pc[1], pc[0], cos)
		}
	}
	// Unknown root falls back to the first ID.
	if p := Radial(ids, adj, "nope", 100)["r"]; p != (Point{}) {
		t.Errorf("unknown root: got r at %v want origin", p)
	}
}

func TestRadialKeepsLinkedSiblingsTogether(t *testing.T) {
	ids := []string{"r", "a", "b", "c", "d", "e", "f"}
	adj := adjOf([][2]string{{"r", "a"}, {"r", "b"}, {"r", "c"}, {"r", "d"}, {"r", "e"}, {"r", "f"}, {"a", "d"}, {"b", "f"}})
	pos := Radial(ids, adj, "r", 100)
	for _, pair := range [][2]string{{"a", "d"}, {"b", "f"}} {
		nearest := math.Inf(1)
		for _, id := range ids[1:] {
			if id != pair[0] {
				nearest = math.Min(nearest, pos[pair[0]].Sub(pos[id]).Len())
			}
		}
		if d := pos[pair[0]].Sub(pos[pair[1]]).Len(); d > nearest+1e-6 {
			t.Errorf("linked siblings %s and %s: got %.1f apart want neighbours on the ring (%.1f)", pair[0], pair[1], d, nearest)
		}
	}
}

func TestRadialRingHoldsItsNodes(t *testing.T) {
	ids := []string{"h"}
	adj := Adjacency{}
	for i := range 50 {
		id := fmt.Sprint(i)
		ids = append(ids, id)
		adj.Link("h", id)
	}
	pos := Radial(ids, adj, "h", 100)
	for i := range 49 {
		a, b := pos[fmt.Sprint(i)], pos[fmt.Sprint(i+1)]
		if d := a.Sub(b).Len(); d < 99 {
			t.Fatalf("neighbours %d and %d on the ring: got %.1f apart want ≥ 99", i, i+1, d)
		}
	}
}

// layerCrossings counts crossings of pos, laid out in layers by y.
func layerCrossings(pos map[string]Point, adj Adjacency) int {
	type edge struct{ a, b Point }
	var es []edge
	for u, vs := range adj {
		for _, v := range vs {
			if pos[u].Y < pos[v].Y && near(pos[v].Y-pos[u].Y, 100) {
				es = append(es, edge{pos[u], pos[v]})
			}
		}
	}
	n := 0
	for i := range es {
		for j := i + 1; j < len(es); j++ {
			e, f := es[i], es[j]
			if near(e.a.Y, f.a.Y) && (e.a.X-f.a.X)*(e.b.X-f.b.X) < 0 {
				n++
			}
		}
	}
	return n
}

func TestHierarchical(t *testing.T) {
	tests := []struct {
		name  string
		ids   []string
		edges [][2]string
		roots []string
		depth map[string]int
	}{
		{"tree from its root", []string{"r", "a", "b", "c", "d"},
			[][2]string{{"r", "a"}, {"r", "b"}, {"a", "c"}, {"b", "d"}}, []string{"r"},
			map[string]int{"r": 0, "a": 1, "b": 1, "c": 2, "d": 2}},
		{"crossed input order", []string{"r", "a", "b", "c", "d"},
			[][2]string{{"r", "a"}, {"r", "b"}, {"a", "d"}, {"b", "c"}}, []string{"r"},
			map[string]int{"r": 0, "a": 1, "b": 1, "c": 2, "d": 2}},
		{"no roots: the hub leads", []string{"a", "b", "h", "c"},
			[][2]string{{"h", "a"}, {"h", "b"}, {"h", "c"}}, nil,
			map[string]int{"h": 0, "a": 1, "b": 1, "c": 1}},
		{"two roots", []string{"x", "y", "m"},
			[][2]string{{"x", "m"}, {"y", "m"}}, []string{"x", "y"},
			map[string]int{"x": 0, "y": 0, "m": 1}},
		{"K33-like tangle", []string{"r", "a", "b", "c", "p", "q", "s"},
			[][2]string{{"r", "a"}, {"r", "b"}, {"r", "c"}, {"a", "s"}, {"b", "q"}, {"c", "p"}, {"a", "q"}},
			[]string{"r"}, map[string]int{"r": 0, "a": 1, "b": 1, "c": 1, "p": 2, "q": 2, "s": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adj := adjOf(tt.edges)
			pos := Hierarchical(tt.ids, adj, tt.roots, 100)
			for id, d := range tt.depth {
				if got := pos[id].Y; !near(got, float64(d)*100) {
					t.Errorf("%s: got y %.1f want %.1f", id, got, float64(d)*100)
				}
			}
			// The input order, as Hierarchical would place it without sweeps.
			input := map[string]Point{}
			count := map[int]int{}
			for _, id := range tt.ids {
				d := tt.depth[id]
				input[id] = Point{float64(count[d]) * 100, float64(d) * 100}
				count[d]++
			}
			if got, in := layerCrossings(pos, adj), layerCrossings(input, adj); got > in {
				t.Errorf("crossings: got %d want at most %d (input order)", got, in)
			}
		})
	}
	pos := Hierarchical([]string{"r", "a", "b", "c", "d"},
		adjOf([][2]string{{"r", "a"}, {"r", "b"}, {"a", "d"}, {"b", "c"}}), []string{"r"}, 100)
	if n := layerCrossings(pos, adjOf([][2]string{{"r", "a"}, {"r", "b"}, {"a", "d"}, {"b", "c"}})); n != 0 {
		t.Errorf("crossed input order: got %d crossings want 0", n)
	}
}

func TestHierarchicalStaggersWideLayers(t *testing.T) {
	ids := []string{"h"}
	adj := Adjacency{}
	for i := range 20 {
		id := fmt.Sprint("leaf", i)
		ids = append(ids, id)
		adj.Link("h", id)
	}
	adj.Link("leaf0", "deep")
	ids = append(ids, "deep")
	pos := Hierarchical(ids, adj, []string{"h"}, 100)
	rows := map[float64]int{}
	for i := range 20 {
		p := pos[fmt.Sprint("leaf", i)]
		if p.Y <= pos["h"].Y {
			t.Errorf("leaf%d: got y %.0f want below the root at %.0f", i, p.Y, pos["h"].Y)
		}
		if p.Y >= pos["deep"].Y {
			t.Errorf("leaf%d: got y %.0f want above the next layer at %.0f", i, p.Y, pos["deep"].Y)
		}
		rows[p.Y]++
		for j := range i {
			if q := pos[fmt.Sprint("leaf", j)]; p.Sub(q).Len() < 50-1e-9 {
				t.Errorf("leaf%d and leaf%d: got %.1f apart want at least half a gap", i, j, p.Sub(q).Len())
			}
		}
	}
	if len(rows) < 2 {
		t.Errorf("rows of 20 leaves: got %d want several", len(rows))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range 20 {
		x := pos[fmt.Sprint("leaf", i)].X
		lo, hi = min(lo, x), max(hi, x)
	}
	if w := hi - lo; w > 19*100/2+1e-9 {
		t.Errorf("width of 20 leaves: got %.0f want at most %d, half of one row", w, 19*100/2)
	}
}

func TestInversions(t *testing.T) {
	tests := []struct {
		pairs [][2]int
		n     int
		want  int
	}{
		{nil, 0, 0},
		{[][2]int{{0, 0}, {1, 1}}, 2, 0},
		{[][2]int{{0, 1}, {1, 0}}, 2, 1},
		{[][2]int{{0, 0}, {0, 1}, {1, 0}}, 2, 1},
		{[][2]int{{0, 2}, {1, 1}, {2, 0}}, 3, 3},
	}
	for _, tt := range tests {
		if got := inversions(tt.pairs, tt.n); got != tt.want {
			t.Errorf("inversions(%v): got %d want %d", tt.pairs, got, tt.want)
		}
	}
}

func TestArrangeDeterministic(t *testing.T) {
	ids, adj := sparseGraph(300)
	for name, f := range map[string]func() map[string]Point{
		"circular":     func() map[string]Point { return Circular(ids, adj, 0) },
		"radial":       func() map[string]Point { return Radial(ids, adj, ids[0], 0) },
		"hierarchical": func() map[string]Point { return Hierarchical(ids, adj, ids[:1], 0) },
	} {
		a, b := f(), f()
		for id, p := range a {
			if b[id] != p {
				t.Errorf("%s: %s got %v then %v want the same", name, id, p, b[id])
				break
			}
		}
	}
}

// sparseGraph returns n nodes in a random tree with n/2 extra edges.
func sparseGraph(n int) ([]string, Adjacency) {
	ids := make([]string, n)
	adj := Adjacency{}
	seed := uint64(7)
	next := func(m int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed>>33) % m
	}
	for i := range ids {
		ids[i] = fmt.Sprint("n", i)
		if i > 0 {
			adj.Link(ids[i], ids[next(i)])
		}
	}
	for range n / 2 {
		adj.Link(ids[next(n)], ids[next(n)])
	}
	return ids, adj
}

func BenchmarkCircular2000(b *testing.B) {
	ids, adj := sparseGraph(2000)
	for b.Loop() {
		Circular(ids, adj, 0)
	}
}

func BenchmarkRadial2000(b *testing.B) {
	ids, adj := sparseGraph(2000)
	for b.Loop() {
		Radial(ids, adj, ids[0], 0)
	}
}

func BenchmarkHierarchical2000(b *testing.B) {
	ids, adj := sparseGraph(2000)
	for b.Loop() {
		Hierarchical(ids, adj, ids[:1], 0)
	}
}
