package graphview

import (
	"slices"
	"testing"
)

func TestSetGraph(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	checks := []struct {
		name      string
		got, want any
	}{
		{"Len", g.Len(), 4},
		{"Has(hub)", g.Has("hub"), true},
		{"Focus", g.Focus(), "hub"},
		{"Expanded(hub)", g.Expanded("hub"), true},
		{"edges", len(g.edges), 3},
		{"first drawn is focus", g.order[0].ID, "hub"},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v want %v", c.got, c.want)
			}
		})
	}
	t.Run("replaces everything", func(t *testing.T) {
		g.SetGraph([]Node{n("x", "")}, nil, "x")
		if got := ids(g); !slices.Equal(got, []string{"x"}) {
			t.Errorf("ids: got %v want [x]", got)
		}
	})
}

func TestAdd(t *testing.T) {
	tests := []struct {
		name      string
		nodes     []Node
		edges     []Edge
		near      string
		wantIDs   []string
		wantEdges int
	}{
		{"new nodes appear", []Node{n("d", ""), n("e", "")}, []Edge{e("a", "d"), e("a", "e")}, "a",
			[]string{"hub", "a", "b", "c", "d", "e"}, 5},
		{"duplicates ignored", []Node{n("a", ""), n("hub", "")}, []Edge{e("hub", "a")}, "a",
			[]string{"hub", "a", "b", "c"}, 3},
		{"edges to absent nodes ignored", []Node{n("d", "")}, []Edge{e("a", "d"), e("d", "zz")}, "a",
			[]string{"hub", "a", "b", "c", "d"}, 4},
		{"second predicate joins the drawing", nil, []Edge{{From: "hub", To: "a", Predicate: "urn:q", Label: "q"}}, "a",
			[]string{"hub", "a", "b", "c"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _ := newTestView(t)
			star(g)
			g.Add(tt.nodes, tt.edges, tt.near)
			if got := ids(g); !slices.Equal(got, tt.wantIDs) {
				t.Errorf("ids: got %v want %v", got, tt.wantIDs)
			}
			if got := len(g.edges); got != tt.wantEdges {
				t.Errorf("edge drawings: got %d want %d", got, tt.wantEdges)
			}
			if !g.Expanded(tt.near) {
				t.Errorf("Expanded(%q): got false want true", tt.near)
			}
		})
	}
	t.Run("labels of one drawing are joined", func(t *testing.T) {
		g, _ := newTestView(t)
		star(g)
		g.Add(nil, []Edge{{From: "hub", To: "a", Predicate: "urn:q", Label: "q"}}, "")
		if got, want := g.edgeKey[edgeKey{"hub", "a"}].label, "p, q"; got != want {
			t.Errorf("label: got %q want %q", got, want)
		}
	})
}

func TestCollapse(t *testing.T) {
	// hub (focus) — a; expanding a brings d, e, f, k; expanding d brings g.
	// e is also linked to b, f is pinned, k is selected: those stay.
	setup := func(t *testing.T, plain bool) *GraphView {
		g, _ := newTestView(t)
		star(g)
		g.Add([]Node{n("d", ""), n("e", ""), n("f", ""), n("k", "")},
			[]Edge{e("a", "d"), e("a", "e"), e("e", "b"), e("a", "f"), e("a", "k")}, "a")
		g.Add([]Node{n("g", "")}, []Edge{e("d", "g")}, "d")
		if !plain {
			g.Pin("f")
			g.Select("k")
		}
		return g
	}
	tests := []struct {
		name     string
		plain    bool // no pinned or selected node
		collapse string
		want     []string
	}{
		{"removes exactly what expansion brought", false, "a", []string{"hub", "a", "b", "c", "e", "f", "k"}},
		{"nested expansion", false, "d", []string{"hub", "a", "b", "c", "d", "e", "f", "k"}},
		{"without pins or selection everything goes", true, "a", []string{"hub", "a", "b", "c", "e"}},
		{"focus keeps itself", true, "hub", []string{"hub"}},
		{"pinned and selected nodes hold on to their neighbours", false, "hub", []string{"hub", "a", "b", "d", "e", "f", "g", "k"}},
		{"not expanded: nothing", false, "b", []string{"hub", "a", "b", "c", "d", "e", "f", "k", "g"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := setup(t, tt.plain)
			g.Collapse(tt.collapse)
			got := ids(g)
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("after Collapse(%q): got %v want %v", tt.collapse, got, want)
			}
			if g.Expanded(tt.collapse) {
				t.Errorf("Expanded(%q): got true want false", tt.collapse)
			}
		})
	}
}

func TestRemove(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.Select("a")
	var heard []string
	g.OnSelected = func(id string) { heard = append(heard, id) }
	g.Remove("a", "nope")
	checks := []struct {
		name      string
		got, want any
	}{
		{"Has(a)", g.Has("a"), false},
		{"edges", len(g.edges), 2},
		{"Selected", g.Selected(), ""},
		{"OnSelected", slices.Equal(heard, []string{""}), true},
		{"hub degree", g.nodes["hub"].degree, 2},
		{"layout forgot it", g.lay.Has("a"), false},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v want %v", c.got, c.want)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.Add([]Node{n("u", "")}, []Edge{e("u", "hub")}, "hub")
	want := []string{Vocab + "AITool", Vocab + "Company", Vocab + "Person", ""}
	if got := g.Kinds(); !slices.Equal(got, want) {
		t.Errorf("Kinds: got %v want %v", got, want)
	}
	if got := g.KindCount(Vocab + "Person"); got != 2 {
		t.Errorf("KindCount(Person): got %d want 2", got)
	}
}

func TestSelect(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	tests := []struct{ in, want string }{{"a", "a"}, {"missing", ""}, {"b", "b"}, {"", ""}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			g.Select(tt.in)
			if got := g.Selected(); got != tt.want {
				t.Errorf("Selected: got %q want %q", got, tt.want)
			}
		})
	}
}
