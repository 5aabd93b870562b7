package graphview

import (
	"slices"

	"reelgraph/app/explore"
	"reelgraph/app/layout"
)

// The view's edits: each changes the model (one undo step) and draws what
// changed.

// placing says where nodes the model adds are drawn.
type placing int

const (
	placeExact    placing = iota // where the model says (undo, redo, restore)
	placeNear                    // around one node (Add)
	placeOutwards                // each near the node it is reached from (SetGraph)
)

// SetGraph replaces everything on show with nodes and edges, placing focus
// (if among nodes) at the centre with its neighbours around it, and frames
// the graph as it settles. The focus counts as expanded and as bringing in
// its neighbours: they are collapsed by Collapse(focus).
func (g *GraphView) SetGraph(nodes []Node, edges []Edge, focus string) {
	g.record()
	c := g.m.SetGraph(nodes, edges, focus)
	g.hover = hoverState{}
	g.draw(c, placeOutwards, "")
	g.view.autoFit = true
	g.changed()
}

// Add shows nodes and edges that are not on show yet, new nodes appearing
// around near; near is then marked expanded and the new nodes as brought in
// by it. Nodes already shown and edges whose ends are missing are ignored,
// except that an empty Label or Kind is filled in.
func (g *GraphView) Add(nodes []Node, edges []Edge, near string) {
	g.record()
	g.draw(g.m.Add(nodes, edges, near), placeNear, near)
	g.changed()
}

// Remove hides the given nodes and their edges. Removing the selected node
// clears the selection and calls OnSelected("").
func (g *GraphView) Remove(ids ...string) {
	g.record()
	g.drawLosing(g.m.Remove(ids...))
}

// Collapse hides the nodes brought in by expanding id, and in turn by
// expanding those, that are now connected to the rest of the graph only
// through id; pinned nodes, the focus and the selected node stay, and so
// do nodes linked to anything that stays. id is no longer expanded.
func (g *GraphView) Collapse(id string) {
	g.record()
	g.drawLosing(g.m.Collapse(id))
}

// drawLosing draws a change that may take the selection away, and tells
// OnSelected if it did.
func (g *GraphView) drawLosing(c explore.Change) {
	if c.Empty() {
		return
	}
	g.draw(c, placeExact, "")
	g.changed()
	if c.SelectedBefore != "" && g.selected == "" && g.OnSelected != nil {
		g.OnSelected("")
	}
}

// Pin fixes node id where it is, so the layout no longer moves it.
func (g *GraphView) Pin(id string) {
	if n := g.nodes[id]; n != nil && !n.pinned {
		g.record()
		g.drawPlaces(g.m.Pin(id, n.pos.X, n.pos.Y))
	}
}

// Unpin lets the layout move node id again.
func (g *GraphView) Unpin(id string) {
	if n := g.nodes[id]; n != nil && n.pinned {
		g.record()
		g.drawPlaces(g.m.Unpin(id))
	}
}

// pinAt pins node id at world position at, as a drag does: the first move
// of a drag is an undo step, the rest of the drag joins it.
func (g *GraphView) pinAt(id string, at layout.Point) {
	if g.nodes[id] == nil {
		return
	}
	g.record()
	if !g.drag.moved {
		g.drag.moved = true
		g.drawPlaces(g.m.Pin(id, at.X, at.Y))
		return
	}
	var c explore.Change
	g.m.Amend(func() { c = g.m.Pin(id, at.X, at.Y) })
	g.drawPlaces(c)
}

// drawPlaces draws a change of pins or places.
func (g *GraphView) drawPlaces(c explore.Change) {
	g.draw(c, placeExact, "")
	g.viewChanged()
	g.kick()
}

// Undo takes back the model's last step and draws it; it reports whether
// there was one. The layout rests until the next change.
func (g *GraphView) Undo() bool { return g.replay(g.m.Undo) }

// Redo makes again the step Undo took back and draws it.
func (g *GraphView) Redo() bool { return g.replay(g.m.Redo) }

func (g *GraphView) replay(step func() (explore.Change, bool)) bool {
	g.record()
	c, ok := step()
	if !ok {
		return false
	}
	g.hover = hoverState{}
	g.draw(c, placeExact, "")
	g.mu.Lock()
	g.lay.Rest()
	g.mu.Unlock()
	g.view.autoFit = false
	g.changed()
	return true
}

// draw brings the drawing in line with the model after change c, placing
// the nodes c adds as how says, and tells the model where new nodes stand.
func (g *GraphView) draw(c explore.Change, how placing, near string) {
	adj := make(map[string][]string)
	if how == placeOutwards {
		for _, o := range c.Ops {
			if o.Kind == explore.EdgeAdded {
				adj[o.Edge.From] = append(adj[o.Edge.From], o.Edge.To)
				adj[o.Edge.To] = append(adj[o.Edge.To], o.Edge.From)
			}
		}
	}
	placed := make(map[string][2]float64)
	for _, o := range c.Ops {
		switch o.Kind {
		case explore.NodeAdded:
			at := near
			if how == placeOutwards {
				at = g.nearest(adj[o.ID])
			}
			g.drawNode(o, how, at)
			if how != placeExact {
				p := g.nodes[o.ID].pos
				placed[o.ID] = [2]float64{p.X, p.Y}
			}
		case explore.NodeRemoved:
			g.dropNode(o.ID)
		case explore.NodeChanged:
			g.movePlace(o.ID, o.Before, o.After)
		case explore.NodeLabelled:
			g.nodes[o.ID].Node = o.Node
		case explore.EdgeAdded:
			g.addEdges([]Edge{o.Edge})
		case explore.EdgeRemoved:
			g.dropEdge(o.Edge)
		case explore.FocusSet:
			g.focus = o.To
		}
	}
	g.selected = g.m.Selected()
	if len(placed) > 0 {
		g.m.Placed(placed)
	}
}

// nearest returns the one of ids drawn first, "" if none is drawn.
func (g *GraphView) nearest(ids []string) string {
	best, at := "", len(g.order)
	for _, id := range ids {
		if g.nodes[id] == nil {
			continue
		}
		if i := slices.IndexFunc(g.order, func(n *vnode) bool { return n.ID == id }); i < at {
			best, at = id, i
		}
	}
	return best
}

// drawNode draws the node o adds, at its place in the drawing order.
func (g *GraphView) drawNode(o explore.Op, how placing, near string) {
	v := &vnode{Node: o.Node, expanded: o.After.Expanded, pinned: o.After.Pinned}
	g.mu.Lock()
	switch {
	case how == placeExact:
		g.lay.AddAt(o.ID, layout.Point{X: o.After.X, Y: o.After.Y})
	case len(g.order) == 0:
		g.lay.AddAt(o.ID, layout.Point{})
	default:
		g.lay.AddNear(o.ID, near)
	}
	v.handle, _ = g.lay.Handle(o.ID)
	v.pos = g.lay.Positions()[v.handle]
	if v.pinned {
		g.lay.Pin(o.ID, v.pos)
	}
	g.mu.Unlock()
	g.nodes[o.ID] = v
	at := min(max(o.At, 0), len(g.order))
	g.order = slices.Insert(g.order, at, v)
}

// dropNode stops drawing node id, whose edges are gone already.
func (g *GraphView) dropNode(id string) {
	g.order = slices.DeleteFunc(g.order, func(n *vnode) bool { return n.ID == id })
	delete(g.nodes, id)
	g.mu.Lock()
	g.lay.Remove(id)
	g.mu.Unlock()
	if g.hover.node == id {
		g.hover = hoverState{}
	}
}

// movePlace draws node id's new place: pinned or not, expanded or not, and
// where, if the model moved it.
func (g *GraphView) movePlace(id string, before, after explore.Place) {
	n := g.nodes[id]
	n.expanded = after.Expanded
	p := layout.Point{X: after.X, Y: after.Y}
	moved := after.X != before.X || after.Y != before.Y
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case after.Pinned:
		n.pos = p
		g.lay.Pin(id, p)
	case before.Pinned:
		g.lay.Unpin(id)
	}
	if moved && !after.Pinned {
		n.pos = p
		g.lay.SetPosition(id, p)
	}
	n.pinned = after.Pinned
}

// addEdges draws the edges whose ends are both drawn and that are new.
func (g *GraphView) addEdges(edges []Edge) {
	for _, e := range edges {
		from, to := g.nodes[e.From], g.nodes[e.To]
		if from == nil || to == nil || from == to {
			continue
		}
		k := edgeKey{e.From, e.To}
		ve := g.edgeKey[k]
		if ve == nil {
			ve = &vedge{from: from, to: to}
			from.degree++
			to.degree++
			g.edgeKey[k] = ve
			g.edges = append(g.edges, ve)
			if back := g.edgeKey[edgeKey{e.To, e.From}]; back != nil {
				back.twin, ve.twin = true, true
			}
			g.mu.Lock()
			g.lay.Link(e.From, e.To)
			g.mu.Unlock()
		}
		if !slices.ContainsFunc(ve.preds, func(p Edge) bool { return p.Predicate == e.Predicate && p.Source == e.Source }) {
			ve.preds = append(ve.preds, e)
			ve.label = joinLabels(ve.preds)
		}
	}
}

// dropEdge stops drawing e, and the line it was drawn with once it draws
// nothing else.
func (g *GraphView) dropEdge(e Edge) {
	k := edgeKey{e.From, e.To}
	ve := g.edgeKey[k]
	if ve == nil {
		return
	}
	ve.preds = slices.DeleteFunc(ve.preds, func(p Edge) bool { return p.Predicate == e.Predicate && p.Source == e.Source })
	if len(ve.preds) > 0 {
		ve.label = joinLabels(ve.preds)
		return
	}
	delete(g.edgeKey, k)
	g.edges = slices.DeleteFunc(g.edges, func(x *vedge) bool { return x == ve })
	ve.from.degree--
	ve.to.degree--
	back := g.edgeKey[edgeKey{e.To, e.From}]
	if back != nil {
		back.twin = false
	}
	if back == nil {
		g.mu.Lock()
		g.lay.Unlink(e.From, e.To)
		g.mu.Unlock()
	}
}

// record tells the model where the layout has put the nodes, before an
// edit records their places.
func (g *GraphView) record() {
	at := make(map[string][2]float64, len(g.order))
	for _, n := range g.order {
		at[n.ID] = [2]float64{n.pos.X, n.pos.Y}
	}
	g.m.Settle(at)
}
