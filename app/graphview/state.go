package graphview

import (
	"slices"

	"reelgraph/app/layout"
)

// State is a snapshot of what the view shows: every node with its place,
// pin and expansion, every edge, the focus and the selection. Undo and
// saved workspaces are made of States.
type State struct {
	Nodes    []NodeState `json:"nodes"`
	Edges    []Edge      `json:"edges"`
	Focus    string      `json:"focus,omitempty"`
	Selected string      `json:"selected,omitempty"`
}

// NodeState is one node of a State.
type NodeState struct {
	Node
	X         float64 `json:"x"`
	Y         float64 `json:"y"`
	Pinned    bool    `json:"pinned,omitempty"`
	Expanded  bool    `json:"expanded,omitempty"`
	BroughtBy string  `json:"broughtBy,omitempty"`
}

// State returns a snapshot of the view, nodes in drawing order.
func (g *GraphView) State() State {
	st := State{Focus: g.focus, Selected: g.selected}
	st.Nodes = make([]NodeState, len(g.order))
	for i, n := range g.order {
		st.Nodes[i] = NodeState{Node: n.Node, X: n.pos.X, Y: n.pos.Y,
			Pinned: n.pinned, Expanded: n.expanded, BroughtBy: n.broughtBy}
	}
	for _, e := range g.edges {
		st.Edges = append(st.Edges, e.preds...)
	}
	return st
}

// Restore shows st exactly as it was taken: same nodes in the same places,
// pins, expansions, edges, focus and selection. The layout stays at rest
// until the next change. It does not call OnBeforeChange or OnSelected.
func (g *GraphView) Restore(st State) {
	g.nodes = make(map[string]*vnode, len(st.Nodes))
	g.order = g.order[:0]
	g.edges = g.edges[:0]
	clear(g.edgeKey)
	g.hover = hoverState{}
	g.mu.Lock()
	g.lay.Clear()
	for _, ns := range st.Nodes {
		p := layout.Point{X: ns.X, Y: ns.Y}
		g.lay.AddAt(ns.ID, p)
		v := &vnode{Node: ns.Node, pos: p, pinned: ns.Pinned, expanded: ns.Expanded, broughtBy: ns.BroughtBy}
		v.handle, _ = g.lay.Handle(ns.ID)
		if ns.Pinned {
			g.lay.Pin(ns.ID, p)
		}
		g.nodes[ns.ID] = v
		g.order = append(g.order, v)
	}
	g.mu.Unlock()
	g.addEdges(st.Edges)
	g.mu.Lock()
	g.lay.Rest()
	g.mu.Unlock()
	g.focus, g.selected = "", ""
	if g.Has(st.Focus) {
		g.focus = st.Focus
	}
	if g.Has(st.Selected) {
		g.selected = st.Selected
	}
	g.view.autoFit = false
	g.changed()
}

// Equal reports whether two States show the same thing: the same nodes in
// the same places with the same pins and expansions, the same edges, focus
// and selection. The order of nodes and edges does not matter.
func (st State) Equal(o State) bool {
	if st.Focus != o.Focus || st.Selected != o.Selected || len(st.Nodes) != len(o.Nodes) || len(st.Edges) != len(o.Edges) {
		return false
	}
	nodes := make(map[string]NodeState, len(st.Nodes))
	for _, n := range st.Nodes {
		nodes[n.ID] = n
	}
	for _, n := range o.Nodes {
		if m, ok := nodes[n.ID]; !ok || m != n {
			return false
		}
	}
	return sameEdges(st.Edges, o.Edges)
}

func sameEdges(a, b []Edge) bool {
	key := func(e Edge) string { return e.From + "\x00" + e.To + "\x00" + e.Predicate + "\x00" + e.Label }
	ka := make([]string, len(a))
	for i, e := range a {
		ka[i] = key(e)
	}
	kb := make([]string, len(b))
	for i, e := range b {
		kb[i] = key(e)
	}
	slices.Sort(ka)
	slices.Sort(kb)
	return slices.Equal(ka, kb)
}
