package graphview

import (
	"math"

	"fyne.io/fyne/v2"

	"reelgraph/app/layout"
)

// Zoom limits and steps.
const (
	minZoom      = 0.1
	maxZoom      = 4
	maxFitZoom   = 1.4  // Fit never magnifies a small graph beyond this
	zoomStep     = 1.25 // ZoomIn and ZoomOut
	scrollNotch  = 25   // Fyne's scroll delta for one wheel notch on Linux and Windows
	scrollFactor = 1.15 // zoom per wheel notch
	fitMargin    = 40   // pixels left around the graph by Fit
)

// viewport maps world coordinates to the widget: screen = size/2 + pan + world×zoom.
type viewport struct {
	zoom    float32
	pan     fyne.Position
	autoFit bool // refit on every frame until the person takes over
	// insets are margins Fit keeps clear, for things floating over the
	// widget such as a legend: top, left, bottom, right.
	insets [4]float32
}

// SetInsets tells Fit to keep the given margins clear of nodes, for
// controls that float over the widget (a legend at the bottom left, say).
func (g *GraphView) SetInsets(top, left, bottom, right float32) {
	g.view.insets = [4]float32{top, left, bottom, right}
}

func newViewport() viewport { return viewport{zoom: 1} }

// toScreen returns the widget position of world point p.
func (g *GraphView) toScreen(p layout.Point) fyne.Position {
	s := g.Size()
	return fyne.NewPos(s.Width/2+g.view.pan.X+float32(p.X)*g.view.zoom,
		s.Height/2+g.view.pan.Y+float32(p.Y)*g.view.zoom)
}

// toWorld returns the world point at widget position p.
func (g *GraphView) toWorld(p fyne.Position) layout.Point {
	s := g.Size()
	return layout.Point{
		X: float64((p.X - s.Width/2 - g.view.pan.X) / g.view.zoom),
		Y: float64((p.Y - s.Height/2 - g.view.pan.Y) / g.view.zoom),
	}
}

// NodePosition returns where node id is drawn, relative to the widget, and
// whether it is on show: for menus anchored to a node, and for tests.
func (g *GraphView) NodePosition(id string) (fyne.Position, bool) { return g.screenPos(id) }

// screenPos returns where node id is drawn.
func (g *GraphView) screenPos(id string) (fyne.Position, bool) {
	n := g.nodes[id]
	if n == nil {
		return fyne.Position{}, false
	}
	return g.toScreen(n.pos), true
}

// Zoom returns the current magnification, 1 being one pixel per world unit.
func (g *GraphView) Zoom() float32 { return g.view.zoom }

// ZoomIn magnifies around the centre of the widget.
func (g *GraphView) ZoomIn() { g.zoomAround(g.center(), zoomStep) }

// ZoomOut shrinks around the centre of the widget.
func (g *GraphView) ZoomOut() { g.zoomAround(g.center(), 1/zoomStep) }

// center returns the middle of the widget.
func (g *GraphView) center() fyne.Position {
	s := g.Size()
	return fyne.NewPos(s.Width/2, s.Height/2)
}

// zoomAround multiplies the zoom by factor keeping the world point under at
// in place, and stops automatic fitting.
func (g *GraphView) zoomAround(at fyne.Position, factor float32) {
	g.view.autoFit = false
	w := g.toWorld(at)
	g.view.zoom = float32(math.Max(minZoom, math.Min(maxZoom, float64(g.view.zoom*factor))))
	after := g.toScreen(w)
	g.view.pan = g.view.pan.Add(at.Subtract(after))
	g.viewChanged()
}

// panBy moves the view by d pixels and stops automatic fitting.
func (g *GraphView) panBy(d fyne.Delta) {
	g.view.autoFit = false
	g.view.pan = g.view.pan.AddXY(d.DX, d.DY)
	if g.r != nil {
		g.r.panned(d)
	}
}

// Fit frames every node with a margin, magnifying at most to maxFitZoom.
func (g *GraphView) Fit() {
	g.fit()
	g.viewChanged()
}

// fit computes the framing Fit shows, without redrawing.
func (g *GraphView) fit() {
	if len(g.order) == 0 {
		g.view.zoom, g.view.pan = 1, fyne.Position{}
		return
	}
	b := g.worldBounds()
	s := g.Size()
	in := g.view.insets
	// Leave room for a node's radius and its label below it.
	w := float64(s.Width-in[1]-in[3]) - 2*fitMargin - 2*labelWidth/2
	h := float64(s.Height-in[0]-in[2]) - 2*fitMargin - 2*nodeRadius - labelHeight
	zoom := maxFitZoom
	if b.Width() > 0 {
		zoom = math.Min(zoom, math.Max(w, 1)/b.Width())
	}
	if b.Height() > 0 {
		zoom = math.Min(zoom, math.Max(h, 1)/b.Height())
	}
	g.view.zoom = float32(math.Max(minZoom, zoom))
	c := b.Center()
	g.view.pan = fyne.NewPos(-float32(c.X)*g.view.zoom+(in[1]-in[3])/2,
		-float32(c.Y+labelHeight/2/float64(g.view.zoom))*g.view.zoom+(in[0]-in[2])/2)
}

// worldBounds returns the rectangle holding every node on show.
func (g *GraphView) worldBounds() layout.Rect {
	b := layout.Rect{Min: g.order[0].pos, Max: g.order[0].pos}
	for _, n := range g.order[1:] {
		b.Min.X, b.Min.Y = math.Min(b.Min.X, n.pos.X), math.Min(b.Min.Y, n.pos.Y)
		b.Max.X, b.Max.Y = math.Max(b.Max.X, n.pos.X), math.Max(b.Max.Y, n.pos.Y)
	}
	return b
}

// viewChanged redraws after the view moved.
func (g *GraphView) viewChanged() {
	if g.r != nil {
		g.r.place()
	}
}

// setAspect tells the layout the shape of the widget, so that the graph
// spreads to fill it; wide and tall extremes are limited to 2.5:1.
func (g *GraphView) setAspect(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	a := math.Max(0.4, math.Min(2.5, float64(size.Width/size.Height)))
	g.mu.Lock()
	changed := g.lay.Config().Aspect != a
	g.lay.SetAspect(a)
	held := g.tween.active || g.arranged // an Arrange owns the places
	g.mu.Unlock()
	if changed && len(g.order) > 0 && !held {
		g.kick()
	}
}
