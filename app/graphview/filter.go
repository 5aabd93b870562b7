package graphview

// Filter decides what the view draws. Filtered things stay in the graph
// and the layout, so they come back in place when the filter changes; they
// are counted by Hidden, never silently lost.
type Filter struct {
	// Node, if set, returns false for nodes to hide (and with them their
	// edges).
	Node func(Node) bool
	// Edge, if set, returns false for edges to hide. A drawn line joins
	// every edge from one node to another; it hides when all of them do.
	Edge func(Edge) bool
}

// SetFilter replaces the filter; the zero Filter shows everything.
func (g *GraphView) SetFilter(f Filter) {
	g.filter = f
	g.applyFilter()
	if g.selected != "" && g.nodes[g.selected] != nil && g.nodes[g.selected].hidden {
		g.m.Select("")
		g.selected = ""
		if g.OnSelected != nil {
			g.OnSelected("")
		}
	}
	g.restyle()
	for _, fn := range g.watchers {
		fn()
	}
}

// applyFilter marks the nodes the filter hides.
func (g *GraphView) applyFilter() {
	for _, n := range g.order {
		n.hidden = g.filter.Node != nil && !g.filter.Node(n.Node)
	}
}

// edgeHidden reports whether the line e draws is hidden: an end is, or the
// filter hides every edge it joins.
func (g *GraphView) edgeHidden(e *vedge) bool {
	if e.from.hidden || e.to.hidden {
		return true
	}
	if g.filter.Edge == nil {
		return false
	}
	for _, p := range e.preds {
		if g.filter.Edge(p) {
			return false
		}
	}
	return true
}

// Hidden counts the nodes and edges on the canvas that the filter hides.
func (g *GraphView) Hidden() (nodes, edges int) {
	for _, n := range g.order {
		if n.hidden {
			nodes++
		}
	}
	for _, e := range g.edges {
		for _, p := range e.preds {
			if e.from.hidden || e.to.hidden || (g.filter.Edge != nil && !g.filter.Edge(p)) {
				edges++
			}
		}
	}
	return nodes, edges
}

// Shown reports whether node id is on show and not hidden by the filter.
func (g *GraphView) Shown(id string) bool {
	n := g.nodes[id]
	return n != nil && !n.hidden
}
