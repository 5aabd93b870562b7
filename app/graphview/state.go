package graphview

import "reelgraph/app/explore"

// State is what the view shows, as one value: the model's State.
type State = explore.State

// NodeState is one node of a State with its place.
type NodeState = explore.NodeState

// State returns what the view shows, nodes in drawing order and where the
// layout has put them.
func (g *GraphView) State() State {
	g.record()
	return g.m.State()
}

// Restore shows st exactly: same nodes in the same places, pins,
// expansions, edges, focus and selection, as one undo step of the model.
// The layout stays at rest until the next change. It does not call
// OnSelected.
func (g *GraphView) Restore(st State) {
	g.record()
	c := g.m.Restore(st)
	g.hover = hoverState{}
	g.draw(c, placeExact, "")
	g.mu.Lock()
	g.lay.Rest()
	g.mu.Unlock()
	g.view.autoFit = false
	g.changed()
}
