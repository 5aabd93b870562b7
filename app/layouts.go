package app

import (
	"slices"

	"fyne.io/fyne/v2"

	"reelgraph/app/graphview"
	"reelgraph/app/layout"
)

// The arrangements the canvas offers. Force is the live force-directed
// layout; the others place the nodes once and again after each change.
const (
	layoutForce        = "Force"
	layoutHierarchical = "Hierarchical"
	layoutRadial       = "Radial"
	layoutCircular     = "Circular"
)

var layoutNames = []string{layoutForce, layoutHierarchical, layoutRadial, layoutCircular}

// arrangeGap is the spacing of fixed arrangements, in world units: a little
// more than a spring so that labels have room.
const arrangeGap = 120

// chooseLayout arranges the canvas by name, around the selection (or the
// focus) for Radial and Hierarchical, and keeps doing so after each change
// until Force is chosen again. Force lets the forces take over at once.
func (m *metricsPanel) chooseLayout(name string) {
	if m.layoutSel.Selected != name {
		m.layoutSel.SetSelected(name) // calls back here
		return
	}
	m.layout = name
	m.root = m.canvas.Selected()
	if m.root == "" {
		m.root = m.canvas.Focus()
	}
	m.seenFocus = m.canvas.Focus()
	if name == layoutForce {
		m.canvas.Relax()
		return
	}
	m.arrange(m.onShow(m.canvas.State()))
}

// arrangement says how the canvas is arranged: the layout, the node it
// is arranged around, and what sizes the nodes.
func (m *metricsPanel) arrangement() (layout, root, sizeBy string) {
	return m.layout, m.root, m.sizeBy
}

// resume takes up a saved arrangement (a workspace's) before its view is
// restored: the saved positions are that arrangement's work, so nothing is
// placed again until new nodes show.
func (m *metricsPanel) resume(name, root string, st graphview.State) {
	if !slices.Contains(layoutNames, name) {
		name = layoutForce
	}
	m.layout, m.root, m.seenFocus = name, root, st.Focus
	m.placed = make(map[string]bool, len(st.Nodes))
	for _, n := range st.Nodes {
		m.placed[n.ID] = true
	}
	m.layoutSel.Selected = name
	m.layoutSel.Refresh()
}

// arrange moves the nodes of st (those on show) to where the chosen layout
// puts them and remembers which nodes it placed.
func (m *metricsPanel) arrange(st graphview.State) {
	m.placed = make(map[string]bool, len(st.Nodes))
	for _, n := range st.Nodes {
		m.placed[n.ID] = true
	}
	m.canvas.Arrange(m.targets(st))
}

// rearrange places the nodes again after a change that brought new nodes
// (an expansion, a new focus), while a fixed arrangement is chosen. It is
// not recorded for undo: the change is. Changes that only take nodes away,
// such as hiding or undoing an expansion, leave the others where they are.
func (m *metricsPanel) rearrange(st graphview.State) {
	if m.layout == layoutForce || m.layout == "" {
		return
	}
	grew := false
	for _, n := range st.Nodes {
		grew = grew || !m.placed[n.ID]
	}
	if !grew {
		return
	}
	if st.Focus != m.seenFocus { // a new focus: arrange around it
		m.root, m.seenFocus = st.Focus, st.Focus
	}
	m.WithoutUndo(func() { m.arrange(st) })
}

// targets computes where the chosen arrangement puts the nodes of st.
func (m *metricsPanel) targets(st graphview.State) map[string]layout.Point {
	ids, adj := canvasGraph(st)
	root := m.root
	if root == "" || !slices.Contains(ids, root) {
		root = st.Focus
	}
	if root == "" || !slices.Contains(ids, root) {
		root = st.Selected
	}
	switch m.layout {
	case layoutHierarchical:
		var roots []string
		if root != "" {
			roots = []string{root}
		}
		return layout.Hierarchical(ids, adj, roots, arrangeGap)
	case layoutRadial:
		return layout.Radial(ids, adj, root, arrangeGap)
	case layoutCircular:
		return layout.Circular(ids, adj, arrangeGap)
	}
	return nil
}

// canvasGraph returns the IDs of the nodes in st, in drawing order, and
// their edges as undirected adjacency.
func canvasGraph(st graphview.State) ([]string, layout.Adjacency) {
	ids := make([]string, len(st.Nodes))
	for i, n := range st.Nodes {
		ids[i] = n.ID
	}
	adj := make(layout.Adjacency, len(ids))
	for _, e := range st.Edges {
		adj.Link(e.From, e.To)
	}
	return ids, adj
}

// layoutMenuItem is the View menu's Layout submenu.
func (u *ui) layoutMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Layout", nil)
	item.ChildMenu = fyne.NewMenu("")
	for _, name := range layoutNames {
		item.ChildMenu.Items = append(item.ChildMenu.Items, fyne.NewMenuItem(name, func() { u.metrics.chooseLayout(name) }))
	}
	return item
}
