package explore

import "slices"

// State is the whole of a Model's canvas as one value: what workspaces
// save and Restore shows. The filter is apart (Model.Filter).
type State struct {
	Nodes    []NodeState `json:"nodes"`
	Edges    []Edge      `json:"edges"`
	Focus    string      `json:"focus,omitempty"`
	Selected string      `json:"selected,omitempty"`
}

// NodeState is one node of a State with its place.
type NodeState struct {
	Node
	Place
}

// State returns the canvas, nodes in drawing order.
func (m *Model) State() State {
	st := State{Focus: m.focus, Selected: m.selected, Edges: slices.Clone(m.edges)}
	for _, id := range m.order {
		e := m.nodes[id]
		st.Nodes = append(st.Nodes, NodeState{e.Node, e.Place})
	}
	return st
}

// Restore shows st, replacing the canvas, as one undo step; the filter
// stays as it is.
func (m *Model) Restore(st State) Change {
	m.begin()
	m.clear()
	for _, n := range st.Nodes {
		if !m.Has(n.ID) {
			m.addNode(n.Node, n.Place)
		}
	}
	m.addEdges(st.Edges)
	m.setFocus(m.existing(st.Focus))
	m.selected = m.existing(st.Selected)
	return m.commit()
}

// Equal reports whether two States show the same canvas: the same nodes
// in the same places, the same edges, focus and selection. The order of
// nodes and edges does not matter.
func (st State) Equal(o State) bool {
	if st.Focus != o.Focus || st.Selected != o.Selected || len(st.Nodes) != len(o.Nodes) ||
		len(st.Edges) != len(o.Edges) {
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
	edges := make(map[edgeKey]Edge, len(st.Edges))
	for _, e := range st.Edges {
		edges[e.key()] = e
	}
	for _, e := range o.Edges {
		if f, ok := edges[e.key()]; !ok || f != e {
			return false
		}
	}
	return true
}
