// Package graphview provides GraphView, a Fyne widget that draws a graph of
// typed nodes and labelled, directed edges with an animated force-directed
// layout, and Legend, which names the kinds of node on show.
//
// The widget draws an explore.Model, the source of truth for what is on
// show and why: its edits (SetGraph, Add, Remove, Collapse, Pin, Undo…)
// change the model and draw the change. It knows nothing of where the
// graph comes from: callers hand it nodes and edges, and hear of taps
// through OnSelected and OnExpand. They
// may also move the nodes to places of their own with Arrange (a layered
// or radial layout, say) and size them by a measure with SetSizes.
package graphview

import (
	"image/color"
	"slices"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/explore"
	"reelgraph/app/layout"
)

// Node is a vertex to show: the model's node.
type Node = explore.Node

// Edge is a directed, labelled connection from one node to another: the
// model's edge.
type Edge = explore.Edge

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
	m        *explore.Model // what is on show and why; the rest draws it
	style    Style          // the colours, icons and names of the kinds
	nodes    map[string]*vnode
	order    []*vnode // drawing order: oldest first
	edges    []*vedge
	edgeKey  map[edgeKey]*vedge
	focus    string // the model's, as last drawn
	selected string // the model's, as last drawn
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

// vnode is the drawing of a node of the model. Its fields belong to the UI
// goroutine; expanded and pinned are the model's, as last drawn.
type vnode struct {
	Node
	pos      layout.Point // world position as of the last frame
	handle   int          // index into the layout's positions
	expanded bool
	pinned   bool
	hidden   bool         // by the filter
	degree   int          // number of edge drawings at this node
	weight   float32      // size from 0 to 1, if the view is sized
	d        *nodeDrawing // made by the renderer when first drawn
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

// New returns an empty GraphView drawing a model of its own (Model).
func New() *GraphView {
	g := &GraphView{
		m:       explore.New(0),
		style:   KindStyle,
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

// Style says how nodes of a kind (a type IRI, "" if unknown) are drawn:
// their colour, an icon to sit on it, and the kind's name.
type Style func(kind string) (col color.Color, icon fyne.Resource, name string)

// SetStyle sets how the kinds are drawn, from the next frame on; the view
// starts with KindStyle, Reelgraph's vocabulary. Call it before the view is
// shown.
func (g *GraphView) SetStyle(s Style) {
	g.style = s
	if g.r != nil {
		g.r.paint.style = s
		clear(g.r.paint.sprites)
		g.r.restyle()
	}
}

// cmpOr returns a unless it is empty, then b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Model returns the exploration the view draws. Change it through the
// view's edits, which draw what they change.
func (g *GraphView) Model() *explore.Model { return g.m }

// Expanded reports whether node id has been expanded and not collapsed since.
func (g *GraphView) Expanded(id string) bool { return g.m.Expanded(id) }

// Has reports whether node id is on show.
func (g *GraphView) Has(id string) bool { return g.m.Has(id) }

// NodeIDs returns the IDs of the nodes on show, oldest first, in a new slice.
func (g *GraphView) NodeIDs() []string { return g.m.NodeIDs() }

// Len returns the number of nodes on show.
func (g *GraphView) Len() int { return g.m.Len() }

// Focus returns the ID of the node SetGraph centred on, "" if it is gone.
func (g *GraphView) Focus() string { return g.m.Focus() }

// Select highlights node id, or clears the highlight when id is "" or not
// shown. It does not call OnSelected.
func (g *GraphView) Select(id string) {
	g.m.Select(id)
	if g.m.Selected() == g.selected {
		return
	}
	g.selected = g.m.Selected()
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
func (g *GraphView) Selected() string { return g.m.Selected() }

// Pinned reports whether node id is pinned.
func (g *GraphView) Pinned(id string) bool { return g.m.Pinned(id) }

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
