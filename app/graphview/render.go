package graphview

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Level of detail: from labelZoom every node label that fits shows; from
// hubZoom only those of nodes with at least hubDegree edges; below that
// only the selected, hovered and focus nodes'. From edgeLabelZoom every
// edge label that fits shows.
const (
	labelZoom     = 0.45
	hubZoom       = 0.2
	hubDegree     = 3
	edgeLabelZoom = 1.15
)

// graphRenderer draws a GraphView with canvas primitives. Each node and edge
// owns its drawing, made once when it first appears; frames only move them,
// so animation neither allocates nor re-rasterises text.
type graphRenderer struct {
	g           *GraphView
	objects     []fyne.CanvasObject
	tip         label
	placeholder *canvas.Text
	rev         uint64 // the GraphView revision the objects reflect
	labels      labelPlacer
}

// nodeDrawing is the canvas objects of one node.
type nodeDrawing struct {
	ring, disc, pin *canvas.Circle
	icon            *canvas.Image
	label           label
	kind            string // kind the disc and icon were made for
	wantLabel       bool   // the label would show if it fit
}

// edgeDrawing is the canvas objects of the edges from one node to another.
type edgeDrawing struct {
	line      *canvas.Line
	head      *canvas.Polygon
	label     label
	wantLabel bool // the label would show if it fit
}

// label is a text on a translucent plate, so that it reads over edges.
type label struct {
	plate *canvas.Rectangle
	text  *canvas.Text
	size  fyne.Size // measured size of text
}

// newLabel returns an empty label of the given text size.
func newLabel(size float32) label {
	t := canvas.NewText("", color.Black)
	t.TextSize = size
	p := canvas.NewRectangle(color.Transparent)
	p.CornerRadius = 3
	return label{plate: p, text: t}
}

// set changes the text, measuring it only when it changed.
func (l *label) set(s string) {
	if l.text.Text == s && (s == "" || l.size != fyne.Size{}) {
		return
	}
	l.text.Text = s
	l.size = fyne.MeasureText(s, l.text.TextSize, l.text.TextStyle)
	l.text.Refresh()
}

// moveTo places the label with its top centre at p.
func (l *label) moveTo(p fyne.Position) {
	const pad = 2
	l.text.Move(fyne.NewPos(p.X-l.size.Width/2, p.Y))
	l.text.Resize(l.size)
	l.plate.Move(fyne.NewPos(p.X-l.size.Width/2-pad*2, p.Y-pad/2))
	l.plate.Resize(fyne.NewSize(l.size.Width+pad*4, l.size.Height+pad))
}

// show shows or hides the label.
func (l *label) show(v bool) {
	setVisible(l.text, v)
	setVisible(l.plate, v)
}

// setVisible shows or hides o, touching it only on a change.
func setVisible(o fyne.CanvasObject, v bool) {
	if o.Visible() == v {
		return
	}
	if v {
		o.Show()
	} else {
		o.Hide()
	}
}

func newGraphRenderer(g *GraphView) *graphRenderer {
	r := &graphRenderer{g: g, tip: newLabel(theme.CaptionTextSize() + 1)}
	r.tip.plate.StrokeWidth = 1
	r.tip.show(false)
	r.placeholder = canvas.NewText("Nothing to show yet: search for a node to start exploring.", color.Black)
	r.placeholder.Alignment = fyne.TextAlignCenter
	r.sync()
	return r
}

// sync gives new nodes and edges their drawings and rebuilds the object
// list in drawing order: edges, nodes, edge labels, node labels, tooltip.
func (r *graphRenderer) sync() {
	g := r.g
	r.rev = g.rev
	objs := r.objects[:0]
	for _, e := range g.edges {
		if e.d == nil {
			e.d = newEdgeDrawing()
		}
		e.d.label.set(e.label)
		objs = append(objs, e.d.line, e.d.head)
	}
	for _, n := range g.order {
		if n.d == nil || n.d.kind != n.Kind {
			n.d = newNodeDrawing(n.Kind)
		}
		n.d.label.set(nodeLabel(n.Node))
		objs = append(objs, n.d.ring, n.d.disc, n.d.icon, n.d.pin)
	}
	for _, e := range g.edges {
		objs = append(objs, e.d.label.plate, e.d.label.text)
	}
	for _, n := range g.order {
		objs = append(objs, n.d.label.plate, n.d.label.text)
	}
	r.objects = append(objs, r.tip.plate, r.tip.text, r.placeholder)
	r.restyle()
}

func newNodeDrawing(kind string) *nodeDrawing {
	c, icon, _ := KindStyle(kind)
	d := &nodeDrawing{
		ring:  canvas.NewCircle(color.Transparent),
		disc:  canvas.NewCircle(c),
		pin:   canvas.NewCircle(color.Black),
		icon:  canvas.NewImageFromResource(icon),
		label: newLabel(theme.CaptionTextSize() + 1),
		kind:  kind,
	}
	d.ring.StrokeWidth = ringWidth
	d.pin.StrokeWidth = 1.5
	d.icon.FillMode = canvas.ImageFillContain
	return d
}

func newEdgeDrawing() *edgeDrawing {
	d := &edgeDrawing{
		line:  canvas.NewLine(color.Black),
		head:  canvas.NewPolygon(3, color.Black),
		label: newLabel(theme.CaptionTextSize()),
	}
	d.label.text.TextStyle.Italic = true
	return d
}

// restyle applies theme colours and the selection, hover and pin state to
// every drawing, then places them.
func (r *graphRenderer) restyle() {
	g := r.g
	fg := theme.ColorForWidget(theme.ColorNameForeground, g)
	bg := theme.ColorForWidget(theme.ColorNameBackground, g)
	primary := theme.ColorForWidget(theme.ColorNamePrimary, g)
	warm := theme.ColorForWidget(theme.ColorNameWarning, g)
	plate := withAlpha(bg, 0.8)
	for _, n := range g.order {
		d := n.d
		d.ring.StrokeColor = primary
		if g.highlight[n.ID] && n.ID != g.selected {
			d.ring.StrokeColor = warm
		}
		d.disc.StrokeColor, d.disc.StrokeWidth = withAlpha(bg, 0.9), 1.5
		d.pin.FillColor, d.pin.StrokeColor = fg, bg
		if bold := n.ID == g.selected || n.ID == g.focus; d.label.text.TextStyle.Bold != bold {
			d.label.text.TextStyle.Bold = bold
			d.label.size = fyne.Size{} // measure again
		}
		restyleLabel(&d.label, fg, plate)
		for _, o := range []fyne.CanvasObject{d.ring, d.disc, d.pin} {
			o.Refresh()
		}
	}
	for _, e := range g.edges {
		c, w := withAlpha(fg, 0.4), float32(edgeWidth)
		if g.highlight[e.from.ID] && g.highlight[e.to.ID] {
			c, w = withAlpha(warm, 1), edgeWidth*2.2
		}
		if g.hot(e.from) || g.hot(e.to) || e == g.hover.edge {
			c, w = withAlpha(primary, 1), edgeWidth*1.8
		}
		e.d.line.StrokeColor, e.d.line.StrokeWidth = c, w
		e.d.head.FillColor = c
		restyleLabel(&e.d.label, withAlpha(fg, 0.85), plate)
		e.d.line.Refresh()
		e.d.head.Refresh()
	}
	restyleLabel(&r.tip, fg, theme.ColorForWidget(theme.ColorNameOverlayBackground, g))
	r.tip.plate.StrokeColor = theme.ColorForWidget(theme.ColorNameSeparator, g)
	r.placeholder.Color = theme.ColorForWidget(theme.ColorNamePlaceHolder, g)
	r.placeholder.Refresh()
	r.place()
}

// restyleLabel colours a label, re-rendering its text only if that changed.
func restyleLabel(l *label, fg, plate color.Color) {
	l.plate.FillColor = plate
	l.plate.Refresh()
	if l.text.Color != fg || l.size == (fyne.Size{}) {
		l.text.Color = fg
		l.size = fyne.MeasureText(l.text.Text, l.text.TextSize, l.text.TextStyle)
		l.text.Refresh()
	}
}

// hot reports whether n is selected or under the pointer: its edges are
// highlighted and labelled.
func (g *GraphView) hot(n *vnode) bool {
	return n.ID == g.selected || n.ID == g.hover.node
}

// scale returns how much node discs and arrowheads are scaled at the
// current zoom: less than the zoom itself, so they stay legible.
func (g *GraphView) scale() float32 {
	return float32(math.Max(0.5, math.Min(1.5, math.Sqrt(float64(g.view.zoom)))))
}

// radius returns the on-screen radius of n at the current zoom.
func (g *GraphView) radius(n *vnode) float32 {
	r := nodeRadius * g.scale() * g.sizeScale(n)
	if n.ID == g.focus {
		r *= focusScale
	}
	return r
}

// place moves every drawing to its node's current position. It is the only
// work done per animation frame: O(nodes + edges), no allocation.
func (r *graphRenderer) place() {
	g := r.g
	if r.rev != g.rev {
		r.sync() // restyle calls place again
		return
	}
	size := g.Size()
	r.labels.reset(size)
	for i, n := range g.order {
		r.placeNode(int32(i), n, size)
	}
	for i, e := range g.edges {
		r.placeEdge(int32(i), e, size)
	}
	r.placeLabels()
	r.placeTip(size)
	setVisible(r.placeholder, len(g.order) == 0)
	r.placeholder.Move(fyne.NewPos(0, size.Height/2-10))
	r.placeholder.Resize(fyne.NewSize(size.Width, 20))
}

// placeNode positions the drawing of node n.
func (r *graphRenderer) placeNode(i int32, n *vnode, size fyne.Size) {
	g, d := r.g, n.d
	p, rad := g.toScreen(n.pos), g.radius(n)
	onScreen := !n.hidden && p.X > -labelWidth && p.Y > -labelWidth && p.X < size.Width+labelWidth && p.Y < size.Height+labelWidth
	setVisible(d.disc, onScreen)
	setVisible(d.icon, onScreen)
	setVisible(d.ring, onScreen && (n.ID == g.selected || g.highlight[n.ID]))
	setVisible(d.pin, onScreen && n.pinned)
	d.disc.Move(p.SubtractXY(rad, rad))
	d.disc.Resize(fyne.NewSquareSize(2 * rad))
	rr := rad + ringGap
	d.ring.Move(p.SubtractXY(rr, rr))
	d.ring.Resize(fyne.NewSquareSize(2 * rr))
	ic := rad * 1.1
	d.icon.Move(p.SubtractXY(ic/2, ic/2))
	d.icon.Resize(fyne.NewSquareSize(ic))
	pr := float32(5)
	d.pin.Move(p.AddXY(rad*0.75-pr, -rad*0.75-pr))
	d.pin.Resize(fyne.NewSquareSize(2 * pr))
	z := g.view.zoom
	d.wantLabel = onScreen && (z >= labelZoom || (z >= hubZoom && n.degree >= hubDegree) || g.hot(n) || n.ID == g.focus || g.highlight[n.ID])
	if !onScreen {
		return
	}
	r.labels.take(box{p.X - rad, p.Y - rad, p.X + rad, p.Y + rad, i})
	if d.wantLabel {
		r.labels.want(labelCandidate{rank: g.labelRank(n), node: i, edge: -1, order: i, anchor: p, gap: rad + 3})
	}
}

// labelRank orders node labels by importance: the selected node, the one
// under the pointer, the focus, then the best connected.
func (g *GraphView) labelRank(n *vnode) int {
	switch {
	case n.ID == g.selected:
		return 0
	case n.ID == g.hover.node:
		return 1
	case n.ID == g.focus:
		return 2
	case n.expanded || g.highlight[n.ID]: // landmarks: opened, or a found path's
		return 3
	}
	return mustShow + 2 + max(0, 100-n.degree)
}

// placeEdge positions the line, arrowhead and label of edge e: from rim to
// rim, the head touching the target's rim, twins offset to either side.
func (r *graphRenderer) placeEdge(i int32, e *vedge, size fyne.Size) {
	g, d := r.g, e.d
	a, b := g.toScreen(e.from.pos), g.toScreen(e.to.pos)
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	dist := math.Hypot(dx, dy)
	ra, rb := float64(g.radius(e.from)), float64(g.radius(e.to))
	arrow := float64(arrowSize * g.scale())
	visible := !g.edgeHidden(e) && dist > ra+rb+arrow && segmentNear(a, b, size, labelWidth)
	setVisible(d.line, visible)
	setVisible(d.head, visible)
	d.wantLabel = false
	if !visible {
		return
	}
	ux, uy := dx/dist, dy/dist
	var ox, oy float64
	if e.twin { // offset to the right of the direction of travel
		ox, oy = -uy*4, ux*4
	}
	start := fyne.NewPos(float32(float64(a.X)+ux*ra+ox), float32(float64(a.Y)+uy*ra+oy))
	tip := fyne.NewPos(float32(float64(b.X)-ux*(rb+1)+ox), float32(float64(b.Y)-uy*(rb+1)+oy))
	half := arrow / 2
	mid := fyne.NewPos(tip.X-float32(ux*half), tip.Y-float32(uy*half))
	d.line.Position1, d.line.Position2 = start, mid
	d.line.Refresh()
	d.head.Move(mid.SubtractXY(float32(half), float32(half)))
	r.labels.take(box{mid.X - float32(half), mid.Y - float32(half), mid.X + float32(half), mid.Y + float32(half), -1})
	d.head.Resize(fyne.NewSquareSize(float32(arrow)))
	if angle := float32(math.Atan2(uy, ux)*180/math.Pi + 90); d.head.Angle != angle {
		d.head.Angle = angle
		d.head.Refresh()
	}
	hot := g.hot(e.from) || g.hot(e.to)
	d.wantLabel = g.view.zoom >= edgeLabelZoom || hot
	if d.wantLabel {
		rank := 200 // after every node label
		if hot {
			rank = mustShow + 1
		}
		along := fyne.NewDelta(tip.X-start.X, tip.Y-start.Y)
		r.labels.want(labelCandidate{rank: rank, node: -1, edge: i, order: i, anchor: start, along: along})
	}
}

// segmentNear reports whether the segment ab comes within margin of the
// rectangle of the given size (a cheap, conservative bounding-box test).
func segmentNear(a, b fyne.Position, size fyne.Size, margin float32) bool {
	return max(a.X, b.X) > -margin && min(a.X, b.X) < size.Width+margin &&
		max(a.Y, b.Y) > -margin && min(a.Y, b.Y) < size.Height+margin
}

// placeTip shows the hover text beside the pointer, kept inside the widget.
func (r *graphRenderer) placeTip(size fyne.Size) {
	h := r.g.hover
	r.tip.set(h.text)
	r.tip.show(h.text != "")
	if h.text == "" {
		return
	}
	p := h.at.AddXY(14+r.tip.size.Width/2, 18)
	p.X = min(p.X, size.Width-r.tip.size.Width/2-6)
	p.Y = min(p.Y, size.Height-r.tip.size.Height-4)
	r.tip.moveTo(p)
}

// Layout is part of fyne.WidgetRenderer.
func (r *graphRenderer) Layout(size fyne.Size) {
	r.g.setAspect(size)
	if r.g.view.autoFit {
		r.g.fit()
	}
	r.place()
}

// MinSize is part of fyne.WidgetRenderer.
func (r *graphRenderer) MinSize() fyne.Size { return r.g.MinSize() }

// Refresh is part of fyne.WidgetRenderer; Fyne calls it when the theme changes.
func (r *graphRenderer) Refresh() { r.restyle() }

// Objects is part of fyne.WidgetRenderer.
func (r *graphRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy is part of fyne.WidgetRenderer.
func (r *graphRenderer) Destroy() {}
