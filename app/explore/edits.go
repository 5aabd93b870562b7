package explore

// The edits an analyst makes. Each is one undo step and returns what it
// changed (an empty Change when it changed nothing, which is no step).

// SetGraph replaces everything on the canvas with nodes and edges centred
// on focus: focus (if among nodes) counts as expanded and brings in its
// neighbours. places, if it has a node, says where it stands; the others
// stand at the origin until Move.
func (m *Model) SetGraph(nodes []Node, edges []Edge, focus string) Change {
	m.begin()
	m.clear()
	linked := make(map[string]bool)
	for _, e := range edges {
		if e.From == focus {
			linked[e.To] = true
		}
		if e.To == focus {
			linked[e.From] = true
		}
	}
	for _, n := range outwards(nodes, edges, focus) {
		p := Place{}
		switch {
		case n.ID == focus:
			p.Expanded = true
		case linked[n.ID]:
			p.BroughtBy = focus
		}
		m.addNode(n, p)
	}
	m.addEdges(edges)
	m.setFocus(m.existing(focus))
	m.selected = ""
	return m.commit()
}

// outwards orders nodes breadth first from focus along edges, either way,
// then the nodes not reached in their order; each node once.
func outwards(nodes []Node, edges []Edge, focus string) []Node {
	byID := make(map[string]Node, len(nodes))
	for _, n := range nodes {
		byID[n.ID] = n
	}
	adj := make(map[string][]string)
	for _, e := range edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	var out []Node
	taken := make(map[string]bool)
	take := func(id string) bool {
		n, ok := byID[id]
		if ok && !taken[id] {
			taken[id] = true
			out = append(out, n)
		}
		return ok
	}
	if take(focus) {
		for i := 0; i < len(out); i++ {
			for _, to := range adj[out[i].ID] {
				take(to)
			}
		}
	}
	for _, n := range nodes {
		take(n.ID)
	}
	return out
}

// clear removes every node and edge, as part of the open step.
func (m *Model) clear() {
	for len(m.edges) > 0 {
		m.apply(Op{Kind: EdgeRemoved, Edge: m.edges[len(m.edges)-1], At: len(m.edges) - 1})
	}
	for len(m.order) > 0 {
		m.removeNode(m.order[len(m.order)-1])
	}
	m.setFocus("")
}

// Add puts on the canvas the nodes and edges not on it yet, the new nodes
// brought in by near, which is then expanded; near "" brings in nothing.
// Edges whose ends are missing are ignored; a node already on the canvas
// gets a Label or Kind it lacked.
func (m *Model) Add(nodes []Node, edges []Edge, near string) Change {
	m.begin()
	brought := m.existing(near)
	if brought != "" {
		m.setPlace(brought, func(p *Place) { p.Expanded = true })
	}
	for _, n := range nodes {
		if e := m.nodes[n.ID]; e != nil {
			if (e.Label == "" && n.Label != "") || (e.Kind == "" && n.Kind != "") {
				m.relabel(n)
			}
			continue
		}
		m.addNode(n, Place{BroughtBy: brought})
	}
	m.addEdges(edges)
	return m.commit()
}

// relabel fills in the Label and Kind node n.ID lacks.
func (m *Model) relabel(n Node) {
	old := m.nodes[n.ID].Node
	filled := Node{ID: n.ID, Label: or(old.Label, n.Label), Kind: or(old.Kind, n.Kind)}
	m.apply(Op{Kind: NodeLabelled, ID: n.ID, Node: filled, Was: old})
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Remove takes nodes and their edges off the canvas. Removing the focus
// clears it; removing the selection clears it.
func (m *Model) Remove(ids ...string) Change {
	m.begin()
	gone := make(map[string]bool)
	for _, id := range ids {
		if m.Has(id) {
			gone[id] = true
		}
	}
	m.removeSet(gone)
	return m.commit()
}

// Collapse takes off the canvas what expanding id brought in, and in turn
// what expanding those brought in, as far as it hangs on the rest only
// through id: pinned nodes, the focus and the selection stay, and so does
// whatever is linked to something that stays. id is no longer expanded.
func (m *Model) Collapse(id string) Change {
	m.begin()
	if m.Has(id) {
		m.setPlace(id, func(p *Place) { p.Expanded = false })
		m.removeSet(m.collapsible(id))
	}
	return m.commit()
}

// Pin fixes node id at x, y.
func (m *Model) Pin(id string, x, y float64) Change {
	m.begin()
	if m.Has(id) {
		m.setPlace(id, func(p *Place) { p.Pinned, p.X, p.Y = true, x, y })
	}
	return m.commit()
}

// Unpin lets the layout move node id again.
func (m *Model) Unpin(id string) Change {
	m.begin()
	if m.Has(id) {
		m.setPlace(id, func(p *Place) { p.Pinned = false })
	}
	return m.commit()
}

// Move puts node id at x, y, as a drag does: an undo step.
func (m *Model) Move(id string, x, y float64) Change {
	m.begin()
	if m.Has(id) {
		m.setPlace(id, func(p *Place) { p.X, p.Y = x, y })
	}
	return m.commit()
}

// Placed records where the canvas first put nodes the last step added, so
// that Redo puts them there again. It is no undo step of its own.
func (m *Model) Placed(at map[string][2]float64) {
	m.Settle(at)
	for id, p := range at {
		if m.Has(id) {
			m.anchor[id] = p // where it first stood, not a motion
		}
	}
	if len(m.undo) == 0 {
		return
	}
	ops := m.undo[len(m.undo)-1].Ops
	for i, o := range ops {
		if p, ok := at[o.ID]; ok && o.Kind == NodeAdded {
			ops[i].After.X, ops[i].After.Y = p[0], p[1]
		}
	}
}

// MoveAll puts nodes where at says, as an arrangement does: one undo step.
func (m *Model) MoveAll(at map[string][2]float64) Change {
	m.begin()
	for _, id := range m.order {
		if p, ok := at[id]; ok {
			m.setPlace(id, func(pl *Place) { pl.X, pl.Y = p[0], p[1] })
		}
	}
	return m.commit()
}

// Settle records where the layout has put nodes. It is no undo step of its
// own: the layout moves nodes all the time, and the next edit, Undo or
// Redo adds the motion to the step it followed, so that Undo puts every
// node back where it stood when the step it undoes was taken.
func (m *Model) Settle(at map[string][2]float64) {
	for id, p := range at {
		if e := m.nodes[id]; e != nil {
			e.X, e.Y = p[0], p[1]
		}
	}
}

// SetFilter replaces what is hidden.
func (m *Model) SetFilter(f Filter) Change {
	m.begin()
	if !f.Equal(m.filter) {
		m.apply(Op{Kind: FilterSet, FilterBefore: m.filter, FilterAfter: f})
	}
	return m.commit()
}

// Select makes id the selection ("" or a node not on the canvas clears it).
// Selecting is not an undo step; Undo returns to the selection of the time.
func (m *Model) Select(id string) { m.selected = m.existing(id) }

// addNode adds n at the end of the drawing order.
func (m *Model) addNode(n Node, p Place) {
	m.apply(Op{Kind: NodeAdded, ID: n.ID, Node: n, After: p, At: len(m.order)})
}

// removeNode removes id, whose edges are already gone.
func (m *Model) removeNode(id string) {
	e := m.nodes[id]
	m.apply(Op{Kind: NodeRemoved, ID: id, Node: e.Node, After: e.Place, At: m.indexOf(id)})
}

// addEdges adds the edges between nodes on the canvas that are new.
func (m *Model) addEdges(edges []Edge) {
	for _, e := range edges {
		if m.Has(e.From) && m.Has(e.To) && e.From != e.To && !m.edgeSet[e.key()] {
			m.apply(Op{Kind: EdgeAdded, Edge: e, At: len(m.edges)})
		}
	}
}

// removeSet removes the nodes of gone with their edges.
func (m *Model) removeSet(gone map[string]bool) {
	if len(gone) == 0 {
		return
	}
	for i := len(m.edges) - 1; i >= 0; i-- {
		if e := m.edges[i]; gone[e.From] || gone[e.To] {
			m.apply(Op{Kind: EdgeRemoved, Edge: e, At: i})
		}
	}
	for i := len(m.order) - 1; i >= 0; i-- {
		if id := m.order[i]; gone[id] {
			m.removeNode(id)
		}
	}
	if gone[m.focus] {
		m.setFocus("")
	}
	if gone[m.selected] {
		m.selected = ""
	}
}

// setPlace changes node id's place by edit, recording the change.
func (m *Model) setPlace(id string, edit func(*Place)) {
	before := m.nodes[id].Place
	after := before
	edit(&after)
	if after != before {
		m.apply(Op{Kind: NodeChanged, ID: id, Node: m.nodes[id].Node, Before: before, After: after})
	}
}

func (m *Model) setFocus(id string) {
	if id != m.focus {
		m.apply(Op{Kind: FocusSet, From: m.focus, To: id})
	}
}

func (m *Model) indexOf(id string) int {
	for i, o := range m.order {
		if o == id {
			return i
		}
	}
	return -1
}

// collapsible returns the set Collapse(id) removes.
func (m *Model) collapsible(id string) map[string]bool {
	set := make(map[string]bool)
	for grew := true; grew; { // everything brought in, transitively
		grew = false
		for _, nid := range m.order {
			if b := m.nodes[nid].BroughtBy; !set[nid] && nid != id && (b == id || set[b]) {
				set[nid], grew = true, true
			}
		}
	}
	adj := make(map[string][]string, len(set))
	for _, e := range m.edges {
		if set[e.From] || set[e.To] {
			adj[e.From] = append(adj[e.From], e.To)
			adj[e.To] = append(adj[e.To], e.From)
		}
	}
	var keep []string // whatever must stay holds on to its neighbours
	for nid := range set {
		if m.nodes[nid].Pinned || nid == m.focus || nid == m.selected {
			keep = append(keep, nid)
		}
		for _, other := range adj[nid] {
			if other != id && !set[other] {
				keep = append(keep, nid)
			}
		}
	}
	for len(keep) > 0 {
		nid := keep[len(keep)-1]
		keep = keep[:len(keep)-1]
		if !set[nid] {
			continue
		}
		delete(set, nid)
		for _, other := range adj[nid] {
			if set[other] {
				keep = append(keep, other)
			}
		}
	}
	return set
}
