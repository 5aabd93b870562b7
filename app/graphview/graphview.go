// Package graphview provides GraphView, a Fyne widget that draws a graph of
// typed nodes and labelled, directed edges with an animated force-directed
// layout, and Legend, which names the kinds of node on show.
//
// The widget knows nothing of where the graph comes from: callers hand it
// nodes and edges, and hear of taps through OnSelected and OnExpand. They
// may also move the nodes to places of their own with Arrange (a layered
// or radial layout, say) and size them by a measure with SetSizes.
package graphview

import (
	"slices"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/layout"
)

// Node is a vertex to show.
type Node struct {
	ID    string // unique identifier, e.g. an IRI
	Label string // text shown under the node; the ID's last segment if empty
	Kind  string // the node's type IRI, e.g. "urn:reelgraph:vocab:Company"; "" if unknown
}

// Edge is a directed, labelled connection from one node to another.
type Edge struct {
	From, To  string // node IDs
	Predicate string // the predicate IRI
	Label     string // human text for the predicate; its last segment if empty
	Source    string // the source that states it, if known
}

// GraphView shows a graph and lets a person explore it: tap to select,
// double tap to expand or collapse, drag to move and pin, scroll to zoom.
//
// Its methods must be called on the Fyne UI goroutine (inside fyne.Do from
// other goroutines); the layout runs on a worker goroutine of its own.
type GraphView struct {
	widget.BaseWidget

	// OnSelected is called when a node is tapped, with its ID, or when the
	// background is tapped, with "".
	OnSelected func(id string)
	// OnExpand is called when a node that is not yet expanded is double
	// tapped or "Expand" is chosen from its menu; the caller answers with
	// Add(neighbours, edges, id). Double tapping an expanded node collapses
	// it without calling OnExpand.
	OnExpand func(id string)
	// NodeMenu, if set, adds items to a node's right-click menu, between
	// its own view actions and Hide.
	NodeMenu func(id string) []*fyne.MenuItem
	// OnBeforeChange is called just before the nodes, edges, pins or
	// places change (not for pans, zooms or selection), so that the caller
	// can take a State to undo to. Restore does not call it.
	OnBeforeChange func()

	nodes    map[string]*vnode
	order    []*vnode // drawing order: oldest first
	edges    []*vedge
	edgeKey  map[edgeKey]*vedge
	focus    string
	selected string
	// highlight marks the nodes of a found path or query result; an edge
	// between two of them is highlighted too.
	highlight map[string]bool
	filter    Filter
	hover     hoverState
	view      viewport
	rev       uint64   // bumped on every change of nodes or edges
	watchers  []func() // called after each change of nodes or edges
	r         *graphRenderer
	drag      dragState

	mu      sync.Mutex // guards lay and running
	lay     *layout.Layout
	running bool  // whether a worker goroutine is stepping lay
	tween   tween // an Arrange under way
	sized   bool  // SetSizes gave nodes a weight

	// arranged is set by Arrange and cleared by the next change: while it
	// is set, a resize does not hand the nodes back to the force layout.
	arranged bool
	pending  atomic.Bool     // a frame is queued for the UI goroutine
	async    bool            // step on a worker (false in tests: settle at once)
	do       func(fn func()) // delivers work to the UI goroutine; fyne.Do
}

// vnode is a node on show. Its fields belong to the UI goroutine.
type vnode struct {
	Node
	pos       layout.Point // world position as of the last frame
	handle    int          // index into the layout's positions
	expanded  bool         // Add(…, near = this) has been called
	broughtBy string       // the node whose expansion added this one
	pinned    bool
	hidden    bool         // by the filter
	degree    int          // number of edge drawings at this node
	weight    float32      // size from 0 to 1, if the view is sized
	d         *nodeDrawing // made by the renderer when first drawn
}

// vedge is the drawing of all edges from one node to another.
type vedge struct {
	from, to *vnode
	preds    []Edge       // the edges drawn, in arrival order
	label    string       // their labels joined
	twin     bool         // an edge runs the other way too: draw both offset
	d        *edgeDrawing // made by the renderer when first drawn
}

// edgeKey identifies the drawing of edges from one node to another.
type edgeKey struct{ from, to string }

// Compile-time check that GraphView is a widget; input.go checks its input.
var _ fyne.Widget = (*GraphView)(nil)

// New returns an empty GraphView.
func New() *GraphView {
	g := &GraphView{
		nodes:   make(map[string]*vnode),
		edgeKey: make(map[edgeKey]*vedge),
		lay:     layout.New(layoutConfig()),
		view:    newViewport(),
		async:   true,
		do:      fyne.Do,
	}
	g.ExtendBaseWidget(g)
	return g
}

// layoutConfig is the layout tuned for nodes with labels under them.
func layoutConfig() layout.Config {
	c := layout.DefaultConfig()
	c.SpringLength = 100
	c.Charge = 800
	c.Gravity = 0.08
	return c
}

// SetGraph replaces everything on show with nodes and edges, placing focus
// (if among nodes) at the centre with its neighbours around it, and frames
// the graph as it settles. The focus counts as expanded: its neighbours are
// collapsed by Collapse(focus).
func (g *GraphView) SetGraph(nodes []Node, edges []Edge, focus string) {
	g.beforeChange()
	g.nodes = make(map[string]*vnode, len(nodes))
	g.order = g.order[:0]
	g.edges = g.edges[:0]
	clear(g.edgeKey)
	g.focus, g.selected, g.hover = "", "", hoverState{}
	g.mu.Lock()
	g.lay.Clear()
	g.mu.Unlock()
	byID := make(map[string]Node, len(nodes))
	for _, n := range nodes {
		byID[n.ID] = n
	}
	if f, ok := byID[focus]; ok {
		g.focus = focus
		g.addNode(f, "", "")
		g.nodes[focus].expanded = true
	}
	g.placeOutwards(nodes, edges, byID)
	g.addEdges(edges)
	g.view.autoFit = true
	g.changed()
}

// placeOutwards adds nodes breadth first from those already shown, each near
// the neighbour it is reached from, then any left over on a spiral. Nodes
// next to the focus count as brought in by it.
func (g *GraphView) placeOutwards(nodes []Node, edges []Edge, byID map[string]Node) {
	adj := make(map[string][]string)
	for _, e := range edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
	}
	queue := make([]string, 0, len(nodes))
	for _, n := range g.order {
		queue = append(queue, n.ID)
	}
	for i := 0; i < len(queue); i++ {
		from := queue[i]
		for _, to := range adj[from] {
			n, ok := byID[to]
			if !ok || g.Has(to) {
				continue
			}
			brought := ""
			if from == g.focus {
				brought = from
			}
			g.addNode(n, from, brought)
			queue = append(queue, to)
		}
	}
	for _, n := range nodes {
		if !g.Has(n.ID) {
			g.addNode(n, "", "")
		}
	}
}

// Add shows nodes and edges that are not on show yet, new nodes appearing
// around near; near is then marked expanded and the new nodes as brought in
// by it. Nodes already shown and edges whose ends are missing are ignored,
// except that an empty Label or Kind is filled in.
func (g *GraphView) Add(nodes []Node, edges []Edge, near string) {
	g.beforeChange()
	from := g.nodes[near]
	brought := ""
	if from != nil {
		from.expanded = true
		brought = near
	}
	for _, n := range nodes {
		if old, ok := g.nodes[n.ID]; ok {
			old.Label = cmpOr(old.Label, n.Label)
			old.Kind = cmpOr(old.Kind, n.Kind)
			continue
		}
		g.addNode(n, near, brought)
	}
	g.addEdges(edges)
	g.changed()
}

// cmpOr returns a unless it is empty, then b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// addNode shows n near the node near (if shown), recording who brought it.
func (g *GraphView) addNode(n Node, near, broughtBy string) {
	v := &vnode{Node: n, broughtBy: broughtBy}
	g.mu.Lock()
	if len(g.order) == 0 {
		g.lay.AddAt(n.ID, layout.Point{})
	} else {
		g.lay.AddNear(n.ID, near)
	}
	v.handle, _ = g.lay.Handle(n.ID)
	v.pos = g.lay.Positions()[v.handle]
	g.mu.Unlock()
	g.nodes[n.ID] = v
	g.order = append(g.order, v)
}

// addEdges shows the edges whose ends are both shown and that are new.
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

// Remove hides the given nodes and their edges. Removing the selected node
// clears the selection and calls OnSelected("").
func (g *GraphView) Remove(ids ...string) {
	gone := make(map[string]bool, len(ids))
	for _, id := range ids {
		if g.Has(id) {
			gone[id] = true
		}
	}
	if len(gone) == 0 {
		return
	}
	g.beforeChange()
	g.removeSet(gone)
	g.changed()
}

// beforeChange tells OnBeforeChange that a change is about to happen.
func (g *GraphView) beforeChange() {
	if g.OnBeforeChange != nil {
		g.OnBeforeChange()
	}
}

// removeSet removes the nodes in gone, which are all shown.
func (g *GraphView) removeSet(gone map[string]bool) {
	g.edges = slices.DeleteFunc(g.edges, func(e *vedge) bool {
		if !gone[e.from.ID] && !gone[e.to.ID] {
			return false
		}
		delete(g.edgeKey, edgeKey{e.from.ID, e.to.ID})
		e.from.degree--
		e.to.degree--
		if back := g.edgeKey[edgeKey{e.to.ID, e.from.ID}]; back != nil {
			back.twin = false
		}
		return true
	})
	g.order = slices.DeleteFunc(g.order, func(n *vnode) bool { return gone[n.ID] })
	g.mu.Lock()
	for id := range gone {
		g.lay.Remove(id)
		delete(g.nodes, id)
	}
	g.mu.Unlock()
	if gone[g.focus] {
		g.focus = ""
	}
	if gone[g.hover.node] {
		g.hover = hoverState{}
	}
	if gone[g.selected] {
		g.selected = ""
		if g.OnSelected != nil {
			g.OnSelected("")
		}
	}
}

// Collapse hides the nodes brought in by expanding id, and in turn by
// expanding those, that are now connected to the rest of the graph only
// through id; pinned nodes, the focus and the selected node stay, and so
// do nodes linked to anything that stays. id is no longer expanded.
func (g *GraphView) Collapse(id string) {
	n := g.nodes[id]
	if n == nil {
		return
	}
	g.beforeChange()
	n.expanded = false
	gone := g.collapsible(id)
	if len(gone) > 0 {
		g.removeSet(gone)
	}
	g.changed()
}

// collapsible returns the set Collapse(id) removes.
func (g *GraphView) collapsible(id string) map[string]bool {
	set := make(map[string]bool)
	for grew := true; grew; { // everything brought in, transitively
		grew = false
		for _, n := range g.order {
			if !set[n.ID] && n.ID != id && (n.broughtBy == id || set[n.broughtBy]) {
				set[n.ID], grew = true, true
			}
		}
	}
	adj := make(map[string][]string, len(set))
	for _, e := range g.edges {
		if set[e.from.ID] || set[e.to.ID] {
			adj[e.from.ID] = append(adj[e.from.ID], e.to.ID)
			adj[e.to.ID] = append(adj[e.to.ID], e.from.ID)
		}
	}
	// Whatever must stay holds on to its neighbours, and they to theirs.
	var keep []string
	for nid := range set {
		if n := g.nodes[nid]; n.pinned || nid == g.focus || nid == g.selected {
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

// Expanded reports whether node id has been expanded and not collapsed since.
func (g *GraphView) Expanded(id string) bool {
	n := g.nodes[id]
	return n != nil && n.expanded
}

// Has reports whether node id is on show.
func (g *GraphView) Has(id string) bool { _, ok := g.nodes[id]; return ok }

// NodeIDs returns the IDs of the nodes on show, oldest first, in a new slice.
func (g *GraphView) NodeIDs() []string {
	out := make([]string, len(g.order))
	for i, n := range g.order {
		out[i] = n.ID
	}
	return out
}

// Len returns the number of nodes on show.
func (g *GraphView) Len() int { return len(g.order) }

// Focus returns the ID of the node SetGraph centred on, "" if it is gone.
func (g *GraphView) Focus() string { return g.focus }

// Select highlights node id, or clears the highlight when id is "" or not
// shown. It does not call OnSelected.
func (g *GraphView) Select(id string) {
	if !g.Has(id) {
		id = ""
	}
	if id == g.selected {
		return
	}
	g.selected = id
	g.remark()
}

// Highlight marks the given nodes (a path, a query's results) with a ring,
// and the edges between them, replacing any earlier highlight; no IDs
// clears it. IDs not on show are ignored until they are.
func (g *GraphView) Highlight(ids ...string) {
	g.highlight = make(map[string]bool, len(ids))
	for _, id := range ids {
		g.highlight[id] = true
	}
	g.remark()
}

// Highlighted reports whether node id is highlighted.
func (g *GraphView) Highlighted(id string) bool { return g.highlight[id] }

// Selected returns the ID of the selected node, "" if none.
func (g *GraphView) Selected() string { return g.selected }

// Pin fixes node id where it is, so the layout no longer moves it.
func (g *GraphView) Pin(id string) {
	if n := g.nodes[id]; n != nil && !n.pinned {
		g.beforeChange()
		g.pinAt(id, nil)
	}
}

// pinAt pins node id at world position at, or where it is when at is nil.
func (g *GraphView) pinAt(id string, at *layout.Point) {
	n := g.nodes[id]
	if n == nil {
		return
	}
	p := n.pos
	if at != nil {
		p = *at
	}
	n.pinned, n.pos = true, p
	g.mu.Lock()
	g.lay.Pin(id, p)
	g.mu.Unlock()
	g.viewChanged()
	g.kick()
}

// Unpin lets the layout move node id again.
func (g *GraphView) Unpin(id string) {
	n := g.nodes[id]
	if n == nil || !n.pinned {
		return
	}
	g.beforeChange()
	n.pinned = false
	g.mu.Lock()
	g.lay.Unpin(id)
	g.mu.Unlock()
	g.viewChanged()
	g.kick()
}

// Pinned reports whether node id is pinned.
func (g *GraphView) Pinned(id string) bool {
	n := g.nodes[id]
	return n != nil && n.pinned
}

// Kinds returns the distinct kinds of the nodes on show, sorted by their
// human names, "" (unknown) last.
func (g *GraphView) Kinds() []string {
	seen := make(map[string]bool)
	var kinds []string
	for _, n := range g.order {
		if !seen[n.Kind] {
			seen[n.Kind] = true
			kinds = append(kinds, n.Kind)
		}
	}
	slices.SortFunc(kinds, compareKinds)
	return kinds
}

// KindCount returns how many nodes of the given kind are on show.
func (g *GraphView) KindCount(kind string) int {
	c := 0
	for _, n := range g.order {
		if n.Kind == kind {
			c++
		}
	}
	return c
}

// OnChanged registers fn to be called, on the UI goroutine, after nodes or
// edges are added or removed, or the filter changes. Legend uses it to
// follow the graph. The layout is already moving when fn is called, so fn
// may Arrange the nodes afresh.
func (g *GraphView) OnChanged(fn func()) { g.watchers = append(g.watchers, fn) }

// changed records a change of nodes or edges: it redraws, sets the layout
// moving, and tells watchers.
func (g *GraphView) changed() {
	g.applyFilter()
	g.rev++
	if g.r != nil {
		g.r.sync()
	}
	g.kick()
	for _, fn := range g.watchers {
		fn()
	}
}

// restyle redraws after a change of what is drawn, such as the filter.
func (g *GraphView) restyle() {
	if g.r != nil {
		g.r.restyle()
	}
}

// remark redraws after a change of selection, hover or highlight.
func (g *GraphView) remark() {
	if g.r != nil {
		g.r.remark()
	}
}

// CreateRenderer is part of fyne.Widget.
func (g *GraphView) CreateRenderer() fyne.WidgetRenderer {
	g.r = newGraphRenderer(g)
	return g.r
}

// MinSize is part of fyne.Widget: a graph needs room to be useful.
func (g *GraphView) MinSize() fyne.Size { return fyne.NewSize(200, 150) }
