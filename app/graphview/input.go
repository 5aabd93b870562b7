package graphview

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/layout"
)

// Compile-time checks that GraphView takes the input it promises to.
var (
	_ fyne.Tappable          = (*GraphView)(nil)
	_ fyne.DoubleTappable    = (*GraphView)(nil)
	_ fyne.SecondaryTappable = (*GraphView)(nil)
	_ fyne.Draggable         = (*GraphView)(nil)
	_ fyne.Scrollable        = (*GraphView)(nil)
	_ desktop.Hoverable      = (*GraphView)(nil)
	_ desktop.Cursorable     = (*GraphView)(nil)
)

// hitSlop is how far, in pixels, outside a node or off an edge a pointer
// still counts as on it.
const hitSlop = 3

// hoverState is what the pointer is over and the text shown for it.
type hoverState struct {
	node string        // ID of the node under the pointer, "" if none
	edge *vedge        // edge under the pointer when no node is
	text string        // tooltip text, "" for none
	at   fyne.Position // pointer position
}

// dragState follows a drag from its first event to DragEnd.
type dragState struct {
	active bool
	node   string       // node being moved, "" when panning
	grab   layout.Point // world offset from the pointer to the node's centre
	moved  bool         // the node has moved: the drag's undo step is taken
}

// Tapped selects the node under the pointer, or clears the selection on the
// background, and tells OnSelected.
func (g *GraphView) Tapped(ev *fyne.PointEvent) {
	g.view.autoFit = false // the person has taken over the view
	id := ""
	if n := g.nodeAt(ev.Position); n != nil {
		id = n.ID
	}
	g.Select(id)
	if g.OnSelected != nil {
		g.OnSelected(id)
	}
}

// DoubleTapped expands the node under the pointer, or collapses it if it is
// already expanded.
func (g *GraphView) DoubleTapped(ev *fyne.PointEvent) {
	g.view.autoFit = false
	if n := g.nodeAt(ev.Position); n != nil {
		g.toggleExpand(n.ID)
	}
}

// toggleExpand collapses an expanded node and asks OnExpand to expand any other.
func (g *GraphView) toggleExpand(id string) {
	if g.Expanded(id) {
		g.Collapse(id)
		return
	}
	if g.OnExpand != nil {
		g.OnExpand(id)
	}
}

// TappedSecondary shows the menu of the node under the pointer, or of the
// view on the background.
func (g *GraphView) TappedSecondary(ev *fyne.PointEvent) {
	g.view.autoFit = false
	c := fyne.CurrentApp().Driver().CanvasForObject(g)
	if c == nil {
		return
	}
	m := g.viewMenu()
	if n := g.nodeAt(ev.Position); n != nil {
		m = g.nodeMenu(n.ID)
	}
	widget.ShowPopUpMenuAtPosition(m, c, ev.AbsolutePosition)
}

// nodeMenu returns the context menu of node id.
func (g *GraphView) nodeMenu(id string) *fyne.Menu {
	expand := fyne.NewMenuItem("Expand", func() { g.toggleExpand(id) })
	if g.Expanded(id) {
		expand.Label = "Collapse"
	}
	pin := fyne.NewMenuItem("Pin", func() { g.Pin(id) })
	if g.Pinned(id) {
		pin = fyne.NewMenuItem("Unpin", func() { g.Unpin(id) })
	}
	hide := fyne.NewMenuItem("Hide", func() { g.Remove(id) })
	items := []*fyne.MenuItem{expand, pin}
	if g.NodeMenu != nil {
		if more := g.NodeMenu(id); len(more) > 0 {
			items = append(append(items, fyne.NewMenuItemSeparator()), more...)
		}
	}
	items = append(items, fyne.NewMenuItemSeparator(), hide)
	return fyne.NewMenu("", items...)
}

// viewMenu returns the context menu of the background.
func (g *GraphView) viewMenu() *fyne.Menu {
	return fyne.NewMenu("",
		fyne.NewMenuItem("Fit graph", g.Fit),
		fyne.NewMenuItem("Zoom in", g.ZoomIn),
		fyne.NewMenuItem("Zoom out", g.ZoomOut),
	)
}

// Dragged moves and pins the node the drag started on, or pans the view
// when it started on the background.
func (g *GraphView) Dragged(ev *fyne.DragEvent) {
	if !g.drag.active {
		g.startDrag(ev.Position.SubtractXY(ev.Dragged.DX, ev.Dragged.DY))
	}
	if g.drag.node == "" {
		g.panBy(ev.Dragged)
		return
	}
	w := g.toWorld(ev.Position)
	at := layout.Point{X: w.X + g.drag.grab.X, Y: w.Y + g.drag.grab.Y}
	g.pinAt(g.drag.node, at)
}

// startDrag begins a drag at widget position p.
func (g *GraphView) startDrag(p fyne.Position) {
	g.drag = dragState{active: true}
	g.view.autoFit = false // the person has taken over the view
	if n := g.nodeAt(p); n != nil {
		g.drag.node = n.ID
		g.drag.grab = n.pos.Sub(g.toWorld(p))
	}
	g.clearHover()
}

// DragEnd ends a drag; a moved node stays pinned where it was dropped.
func (g *GraphView) DragEnd() { g.drag = dragState{} }

// Scrolled zooms around the pointer with the wheel's vertical motion and
// pans with its horizontal motion.
func (g *GraphView) Scrolled(ev *fyne.ScrollEvent) {
	if ev.Scrolled.DY != 0 {
		f := math.Pow(scrollFactor, float64(ev.Scrolled.DY)/scrollNotch)
		g.zoomAround(ev.Position, float32(f))
		return
	}
	if ev.Scrolled.DX != 0 {
		g.panBy(fyne.NewDelta(ev.Scrolled.DX, 0))
	}
}

// MouseIn is part of desktop.Hoverable.
func (g *GraphView) MouseIn(ev *desktop.MouseEvent) { g.updateHover(ev.Position) }

// MouseMoved shows the label of the node or edge under the pointer.
func (g *GraphView) MouseMoved(ev *desktop.MouseEvent) { g.updateHover(ev.Position) }

// MouseOut hides the hover text.
func (g *GraphView) MouseOut() { g.clearHover() }

// Cursor is part of desktop.Cursorable: a pointing hand over nodes.
func (g *GraphView) Cursor() desktop.Cursor {
	if g.hover.node != "" || g.drag.node != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// updateHover finds what is under the pointer at p and shows its text.
func (g *GraphView) updateHover(p fyne.Position) {
	if g.drag.active {
		return
	}
	h := hoverState{at: p}
	if n := g.nodeAt(p); n != nil {
		_, _, kind := g.style(n.Kind)
		h.node, h.text = n.ID, cmpOr(n.Label, n.ID)+"  ·  "+kind
	} else if e := g.edgeAt(p); e != nil {
		h.edge = e
		h.text = shorten(nodeLabel(e.from.Node), 30) + "  —" + e.label + "→  " + shorten(nodeLabel(e.to.Node), 30)
	}
	was := g.hover
	g.hover = h
	switch {
	case was.node != h.node || was.edge != h.edge:
		g.remark()
	case g.r != nil:
		g.r.placeTip(g.Size())
	}
}

// clearHover hides the hover text and highlight.
func (g *GraphView) clearHover() {
	if g.hover == (hoverState{}) {
		return
	}
	g.hover = hoverState{}
	g.remark()
}

// nodeAt returns the topmost node whose disc or visible label is at p.
func (g *GraphView) nodeAt(p fyne.Position) *vnode {
	for i := len(g.order) - 1; i >= 0; i-- {
		n := g.order[i]
		if n.hidden {
			continue
		}
		c, r := g.toScreen(n.pos), g.radius(n)+hitSlop
		dx, dy := p.X-c.X, p.Y-c.Y
		if dx*dx+dy*dy <= r*r {
			return n
		}
	}
	for i := len(g.order) - 1; i >= 0; i-- { // labels lie under discs
		n := g.order[i]
		if n.hidden || n.d == nil || !n.d.label.text.Visible() {
			continue
		}
		tp, ts := n.d.label.text.Position(), n.d.label.size
		if p.X >= tp.X && p.X <= tp.X+ts.Width && p.Y >= tp.Y && p.Y <= tp.Y+ts.Height {
			return n
		}
	}
	return nil
}

// edgeAt returns the edge nearest to p within hitSlop+2 pixels, if any.
func (g *GraphView) edgeAt(p fyne.Position) *vedge {
	var best *vedge
	bestD := float32(hitSlop + 2)
	for _, e := range g.edges {
		if g.edgeHidden(e) {
			continue
		}
		if d := segmentDistance(p, g.toScreen(e.from.pos), g.toScreen(e.to.pos)); d <= bestD {
			best, bestD = e, d
		}
	}
	return best
}

// segmentDistance returns the distance from p to the segment ab.
func segmentDistance(p, a, b fyne.Position) float32 {
	abx, aby := b.X-a.X, b.Y-a.Y
	l2 := abx*abx + aby*aby
	t := float32(0)
	if l2 > 0 {
		t = max(0, min(1, ((p.X-a.X)*abx+(p.Y-a.Y)*aby)/l2))
	}
	dx, dy := p.X-(a.X+t*abx), p.Y-(a.Y+t*aby)
	return float32(math.Sqrt(float64(dx*dx + dy*dy)))
}
