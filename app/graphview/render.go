package graphview

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Level of detail: from labelZoom every node label that fits shows; from
// hubZoom only those of nodes with at least hubDegree edges; below that
// only the selected, hovered and focus nodes'. From edgeLabelZoom every
// edge label that fits shows. At most maxLabels labels show at once, the
// most important first.
const (
	labelZoom     = 0.45
	hubZoom       = 0.2
	hubDegree     = 3
	edgeLabelZoom = 1.15
	maxLabels     = 300
)

// panMargin is how far, in widget units, the raster reaches beyond each
// side of the widget. The widget clips it: Fyne clips the objects of a
// fyne.Scrollable to its bounds, and GraphView is one (input.go). A pan
// moves the raster and the labels already placed rather than painting
// afresh, until it has used up the margin.
const panMargin = 160

// graphRenderer draws a GraphView. Edges, arrowheads, discs with their
// icons, rings, pins and the plates behind labels are painted into one
// canvas.Raster (paint.go), which reaches panMargin beyond the widget; the
// labels that fit are canvas.Text objects over it, and only those on show
// are in the object list. A frame places the drawings and has the raster
// painted again, except that a pan only moves the raster and the labels:
// it neither allocates nor re-measures text.
type graphRenderer struct {
	g           *GraphView
	raster      *canvas.Raster
	objects     []fyne.CanvasObject
	tip         tooltip
	placeholder *canvas.Text
	rev         uint64 // the GraphView revision the drawings reflect
	labels      labelPlacer
	shown       []*label // the labels on show, in the order they were placed
	pal         palette
	fg          color.Color // the theme's text colour, as of the last restyle
	paint       painter
	offset      fyne.Delta    // pan since the drawings were placed
	placedPan   fyne.Position // the view's pan when they were placed
	gen         uint64        // bumped by every change but a pan or one of selection, hover or highlight
	needsPaint  bool          // placed since the raster was last painted
}

// palette is the colours of a frame, from the theme as of the last restyle.
type palette struct {
	fg, rim, plate, primary, warm color.NRGBA
	edge                          [edgeStyles]color.NRGBA
}

// Edge styles, in the order they are painted.
const (
	edgePlain = iota
	edgeHighlighted
	edgeHot
	edgeStyles
)

// edgeWidths are the widths of a line in each edge style.
var edgeWidths = [edgeStyles]float32{edgeWidth, edgeWidth * 2.2, edgeWidth * 1.8}

// nodeDrawing is where a node was placed in the last frame, and its label.
type nodeDrawing struct {
	label     label
	at        fyne.Position // centre on screen, as of the last place
	rad       float32       // radius on screen
	onScreen  bool          // within the raster, and not filtered out
	sprite    spriteKey     // the disc painted for it
	ring      int8          // the ring painted for it: ringNone, ringSelected or ringHighlighted
	wantLabel bool          // the label would show if it fit
}

// edgeDrawing is where the line and arrowhead of the edges from one node to
// another were placed in the last frame, and their label.
type edgeDrawing struct {
	start, end fyne.Position // the line, from the source's rim to the arrowhead's base
	tip        fyne.Position // the arrowhead's point, on the target's rim
	ux, uy     float32       // unit vector from source to target
	visible    bool
	style      int8 // the style it was painted in
	label      label
	wantLabel  bool // the label would show if it fit
}

// label is a text; the renderer paints a translucent plate behind it, so
// that it reads over edges.
type label struct {
	text *canvas.Text
	size fyne.Size // measured size of text
}

// labelPad is the room, in pixels, a label's plate leaves around its text.
const labelPad = 2

// newLabel returns an empty label of the given text size.
func newLabel(size float32) label {
	t := canvas.NewText("", color.Black)
	t.TextSize = size
	return label{text: t}
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
	l.text.Move(fyne.NewPos(p.X-l.size.Width/2, p.Y))
	l.text.Resize(l.size)
}

// plate returns the rectangle of the label's plate.
func (l *label) plate() (pos fyne.Position, size fyne.Size) {
	return l.text.Position().SubtractXY(labelPad*2, labelPad/2),
		fyne.NewSize(l.size.Width+labelPad*4, l.size.Height+labelPad)
}

// show shows or hides the label.
func (l *label) show(v bool) { setVisible(l.text, v) }

// tooltip is the label beside the pointer, on a plate of its own that sits
// over everything.
type tooltip struct {
	label
	plate *canvas.Rectangle
}

func (t *tooltip) moveTo(p fyne.Position) {
	t.label.moveTo(p)
	pos, size := t.label.plate()
	t.plate.Move(pos)
	t.plate.Resize(size)
}

func (t *tooltip) show(v bool) {
	t.label.show(v)
	setVisible(t.plate, v)
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
	r := &graphRenderer{g: g, tip: tooltip{label: newLabel(theme.CaptionTextSize() + 1), plate: canvas.NewRectangle(color.Transparent)}}
	r.paint.style = g.style
	r.raster = canvas.NewRaster(r.draw)
	r.raster.ScaleMode = canvas.ImageScalePixels // moved by a pan, it stays crisp
	r.tip.plate.StrokeWidth = 1
	r.tip.plate.CornerRadius = 3
	r.tip.show(false)
	r.placeholder = canvas.NewText("Nothing to show yet: search for a node to start exploring.", color.Black)
	r.placeholder.Alignment = fyne.TextAlignCenter
	r.sync()
	return r
}

// sync gives new nodes and edges their drawings and labels' texts.
func (r *graphRenderer) sync() {
	g := r.g
	r.rev = g.rev
	for _, e := range g.edges {
		if e.d == nil {
			e.d = &edgeDrawing{label: newLabel(theme.CaptionTextSize())}
			e.d.label.text.TextStyle.Italic = true
		}
		e.d.label.set(e.label)
	}
	for _, n := range g.order {
		if n.d == nil {
			n.d = &nodeDrawing{label: newLabel(theme.CaptionTextSize() + 1)}
		}
		n.d.label.set(nodeLabel(n.Node))
	}
	r.restyle()
}

// restyle takes the theme's colours and applies the selection and focus to
// the labels, then places everything.
func (r *graphRenderer) restyle() {
	g := r.g
	fg := theme.ColorForWidget(theme.ColorNameForeground, g)
	bg := theme.ColorForWidget(theme.ColorNameBackground, g)
	primary := withAlpha(theme.ColorForWidget(theme.ColorNamePrimary, g), 1)
	warm := withAlpha(theme.ColorForWidget(theme.ColorNameWarning, g), 1)
	pal := palette{fg: withAlpha(fg, 1), rim: withAlpha(bg, 0.9), plate: withAlpha(bg, 0.8), primary: primary, warm: warm,
		edge: [edgeStyles]color.NRGBA{withAlpha(fg, 0.4), warm, primary}}
	if pal != r.pal {
		r.paint.sprites = nil // icons are drawn in theme colours
		r.pal = pal
	}
	r.fg = fg
	r.styleLabels()
	restyleLabel(&r.tip.label, fg)
	r.tip.plate.FillColor = theme.ColorForWidget(theme.ColorNameOverlayBackground, g)
	r.tip.plate.StrokeColor = theme.ColorForWidget(theme.ColorNameSeparator, g)
	r.tip.plate.Refresh()
	r.placeholder.Color = theme.ColorForWidget(theme.ColorNamePlaceHolder, g)
	r.placeholder.Refresh()
	r.place()
}

// styleLabels applies the theme's text colour, the selection and the focus
// to the labels.
func (r *graphRenderer) styleLabels() {
	g := r.g
	for _, n := range g.order {
		d := n.d
		if bold := n.ID == g.selected || n.ID == g.focus; d.label.text.TextStyle.Bold != bold {
			d.label.text.TextStyle.Bold = bold
			d.label.size = fyne.Size{} // measure again
		}
		restyleLabel(&d.label, r.fg)
	}
	for _, e := range g.edges {
		restyleLabel(&e.d.label, withAlpha(r.fg, 0.85))
	}
}

// remark follows a change of selection, hover or highlight: the labels are
// restyled and placed again, and the painter repaints only around the
// edges and rings whose look changed (marksChanged).
func (r *graphRenderer) remark() {
	if r.rev != r.g.rev {
		r.sync()
		return
	}
	r.styleLabels()
	r.relayout()
}

// restyleLabel colours a label, re-rendering its text only if that changed.
func restyleLabel(l *label, fg color.Color) {
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

// edgeStyle returns how e is painted: hot when an end is selected or under
// the pointer, or the edge is; highlighted when both ends are; else plain.
func (g *GraphView) edgeStyle(e *vedge) int {
	switch {
	case g.hot(e.from) || g.hot(e.to) || e == g.hover.edge:
		return edgeHot
	case g.highlight[e.from.ID] && g.highlight[e.to.ID]:
		return edgeHighlighted
	}
	return edgePlain
}

// Rings a node may wear.
const (
	ringNone = iota
	ringSelected
	ringHighlighted
)

// ringOf returns the ring n wears: the selection's, or the highlight's.
func (g *GraphView) ringOf(n *vnode) int8 {
	switch {
	case n.ID == g.selected:
		return ringSelected
	case g.highlight[n.ID]:
		return ringHighlighted
	}
	return ringNone
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

// place moves every drawing to its node's current position, chooses the
// labels to show and has the raster painted again. It is the only work
// done per animation frame on the UI goroutine besides painting:
// O(nodes + edges), no allocation once the slices have grown.
func (r *graphRenderer) place() {
	if r.rev != r.g.rev {
		r.sync() // restyle calls place again
		return
	}
	r.gen++
	r.relayout()
}

// relayout does place's work for a change of the view's pan alone, which
// leaves the painted nodes and edges as they were, only shifted: the
// painter then moves what it painted and paints only what the pan brought
// into the raster.
func (r *graphRenderer) relayout() {
	g := r.g
	r.placedPan = g.view.pan
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
	r.offset = fyne.Delta{}
	r.raster.Move(fyne.NewPos(-panMargin, -panMargin))
	r.raster.Resize(size.AddWidthHeight(2*panMargin, 2*panMargin))
	r.raster.Refresh()
	r.needsPaint = true
	objs := append(r.objects[:0], r.raster)
	for _, l := range r.shown {
		objs = append(objs, l.text)
	}
	r.objects = append(objs, r.tip.plate, r.tip.text, r.placeholder)
}

// panned follows a pan of the view by d: the raster and the labels on show
// move with it, unless the pan has used up the margin painted around the
// widget or something else changed, when everything is placed afresh.
func (r *graphRenderer) panned(d fyne.Delta) {
	off := fyne.NewDelta(r.offset.DX+d.DX, r.offset.DY+d.DY)
	if r.rev != r.g.rev {
		r.place()
		return
	}
	if abs32(off.DX) > panMargin || abs32(off.DY) > panMargin {
		r.relayout()
		return
	}
	r.offset = off
	r.raster.Move(fyne.NewPos(-panMargin+off.DX, -panMargin+off.DY))
	for _, l := range r.shown {
		l.text.Move(l.text.Position().Add(d))
	}
}

// reach is how far beyond the widget nodes and edges are placed: the
// raster's margin, and room for a label.
const reach = panMargin + labelWidth

// placeNode records where node n is drawn and asks for its label.
func (r *graphRenderer) placeNode(i int32, n *vnode, size fyne.Size) {
	g, d := r.g, n.d
	p, rad := g.toScreen(n.pos), g.radius(n)
	d.at, d.rad = p, rad
	d.onScreen = !n.hidden && p.X > -reach && p.Y > -reach && p.X < size.Width+reach && p.Y < size.Height+reach
	z := g.view.zoom
	d.wantLabel = d.onScreen && (z >= labelZoom || (z >= hubZoom && n.degree >= hubDegree) || g.hot(n) || n.ID == g.focus || g.highlight[n.ID])
	if !d.onScreen {
		return
	}
	r.labels.take(box{p.X - rad, p.Y - rad, p.X + rad, p.Y + rad, i})
	if d.wantLabel {
		r.labels.want(labelCandidate{rank: offscreen(g.labelRank(n), p, size), node: i, edge: -1, order: i, anchor: p, gap: rad + 3})
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

// placeEdge records where the line, arrowhead and label of edge e go: from
// rim to rim, the head touching the target's rim, twins offset to either
// side.
func (r *graphRenderer) placeEdge(i int32, e *vedge, size fyne.Size) {
	g, d := r.g, e.d
	a, b := g.toScreen(e.from.pos), g.toScreen(e.to.pos)
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	dist := math.Hypot(dx, dy)
	ra, rb := float64(g.radius(e.from)), float64(g.radius(e.to))
	arrow := float64(arrowSize * g.scale())
	d.visible = !g.edgeHidden(e) && dist > ra+rb+arrow && segmentNear(a, b, size, reach)
	d.wantLabel = false
	if !d.visible {
		return
	}
	ux, uy := dx/dist, dy/dist
	var ox, oy float64
	if e.twin { // offset to the right of the direction of travel
		ox, oy = -uy*4, ux*4
	}
	d.ux, d.uy = float32(ux), float32(uy)
	d.start = fyne.NewPos(float32(float64(a.X)+ux*ra+ox), float32(float64(a.Y)+uy*ra+oy))
	d.tip = fyne.NewPos(float32(float64(b.X)-ux*(rb+1)+ox), float32(float64(b.Y)-uy*(rb+1)+oy))
	// The head is 3/4 of arrow long (paint.go); the line stops just inside
	// its base, so that a translucent line does not darken it.
	base := arrow*0.75 - 0.5
	d.end = fyne.NewPos(d.tip.X-float32(ux*base), d.tip.Y-float32(uy*base))
	half := float32(arrow / 2)
	mid := fyne.NewPos(d.tip.X-float32(ux)*half, d.tip.Y-float32(uy)*half)
	r.labels.take(box{mid.X - half, mid.Y - half, mid.X + half, mid.Y + half, -1})
	hot := g.hot(e.from) || g.hot(e.to)
	d.wantLabel = g.view.zoom >= edgeLabelZoom || hot
	if d.wantLabel {
		rank := 200 // after every node label
		if hot {
			rank = mustShow + 1
		}
		along := fyne.NewDelta(d.tip.X-d.start.X, d.tip.Y-d.start.Y)
		centre := d.start.AddXY(along.DX/2, along.DY/2)
		r.labels.want(labelCandidate{rank: offscreen(rank, centre, size), node: -1, edge: i, order: i, anchor: d.start, along: along})
	}
}

// offscreen returns the rank of a label anchored at p: rank itself if p is
// within the widget or the label must show, else a rank after every label
// on screen, so that labels in the raster's margin, which a pan may bring
// into view, take what maxLabels leaves.
func offscreen(rank int, p fyne.Position, size fyne.Size) int {
	if rank <= mustShow+1 || (p.X >= 0 && p.Y >= 0 && p.X <= size.Width && p.Y <= size.Height) {
		return rank
	}
	return rank + 1000
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

// draw is the raster's generator: it paints the frame last placed into an
// image of w×h pixels (the raster's size times the canvas scale). Fyne
// calls it while painting, on the UI goroutine. Edges and nodes go on a
// base image kept between frames, of which a pan repaints only what it
// exposed (painter.reuseBase); the plates go on a copy of it.
func (r *graphRenderer) draw(w, h int) image.Image {
	z := &r.paint
	r.needsPaint = false
	size := r.g.Size()
	if size.Width <= 0 || w <= 0 {
		img := z.frame(w, h)
		clear(img.Pix)
		return img
	}
	z.scale = float32(w) / (size.Width + 2*panMargin)
	z.shift = panMargin
	for _, n := range r.g.order {
		if n.d.onScreen {
			n.d.sprite = z.spriteFor(n.Kind, n.d.rad, r.pal.rim)
		}
	}
	base, full := z.reuseBase(w, h, r.gen, r.placedPan)
	areas := z.exposed
	if !full {
		areas = bandHulls(append(areas, r.marksChanged()...), h)
		for _, a := range areas {
			clearRect(base, a)
		}
		z.exposed = areas
	}
	r.paintStrips(base, areas)
	r.notePainted()
	img := z.frame(w, h)
	copy(img.Pix, base.Pix)
	r.paintPlates()
	return img
}

// marksChanged returns the rectangles of the raster around the visible
// edges whose style, and the nodes whose ring, changed since they were
// painted.
func (r *graphRenderer) marksChanged() []image.Rectangle {
	g, z := r.g, &r.paint
	var out []image.Rectangle
	pad := (arrowSize*g.scale() + edgeWidth*2.2 + 2) * z.scale
	around := func(a, b fyne.Position, pad float32) image.Rectangle {
		ax, ay := z.px(a)
		bx, by := z.px(b)
		return image.Rect(ifloor(min(ax, bx)-pad), ifloor(min(ay, by)-pad), ifloor(max(ax, bx)+pad)+1, ifloor(max(ay, by)+pad)+1)
	}
	for _, e := range g.edges {
		if d := e.d; d.visible && d.style != int8(g.edgeStyle(e)) {
			out = append(out, around(d.start, d.tip, pad))
		}
	}
	for _, n := range g.order {
		if d := n.d; d.onScreen && d.ring != g.ringOf(n) {
			out = append(out, around(d.at, d.at, (d.rad+ringGap+1)*z.scale))
		}
	}
	return out
}

// notePainted records the style each edge and the ring each node was
// painted with.
func (r *graphRenderer) notePainted() {
	g := r.g
	for _, e := range g.edges {
		e.d.style = int8(g.edgeStyle(e))
	}
	for _, n := range g.order {
		n.d.ring = g.ringOf(n)
	}
}

// bandHulls returns, for each band of stripHeight rows of an image h
// pixels high that rects touch, one rectangle spanning the band's rows and
// every column the rects touch there: rectangles that do not overlap, so
// that what they cover is painted once.
func bandHulls(rects []image.Rectangle, h int) []image.Rectangle {
	bands := make([]image.Rectangle, (h+stripHeight-1)/stripHeight)
	for _, a := range rects {
		for b := max(0, a.Min.Y/stripHeight); b < len(bands) && b*stripHeight < a.Max.Y; b++ {
			band := image.Rect(a.Min.X, b*stripHeight, a.Max.X, min(h, (b+1)*stripHeight))
			if bands[b].Empty() {
				bands[b] = band
			} else {
				bands[b] = bands[b].Union(band)
			}
		}
	}
	out := rects[:0]
	for _, b := range bands {
		if !b.Empty() {
			out = append(out, b)
		}
	}
	return out
}

// paintStrips paints the edges and nodes within the given rectangles of
// img, cut into strips of stripHeight rows, each strip in drawing order,
// shared out among up to 4 cores.
func (r *graphRenderer) paintStrips(img *image.RGBA, areas []image.Rectangle) {
	z := &r.paint
	var strips []image.Rectangle
	for _, a := range areas {
		for y := a.Min.Y; y < a.Max.Y; y += stripHeight {
			strips = append(strips, image.Rect(a.Min.X, y, a.Max.X, min(a.Max.Y, y+stripHeight)))
		}
	}
	var next atomic.Int32
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), 4)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(strips); i = int(next.Add(1) - 1) {
				strip := &painter{img: img, clip: strips[i], sprites: z.sprites, style: z.style, scale: z.scale, shift: z.shift}
				r.paintEdges(strip)
				r.paintNodes(strip)
			}
		}()
	}
	wg.Wait()
}

// stripHeight is the height, in pixels, of the strips paintStrips hands out.
const stripHeight = 64

// paintEdges paints the visible lines and arrowheads within z's clip, style
// by style, so that highlighted edges lie over plain ones and hot edges
// over both.
func (r *graphRenderer) paintEdges(z *painter) {
	g := r.g
	arrow := arrowSize * g.scale() * z.scale
	left, top := float32(z.clip.Min.X)/z.scale-z.shift-arrow, float32(z.clip.Min.Y)/z.scale-z.shift-arrow
	right, bottom := float32(z.clip.Max.X)/z.scale-z.shift+arrow, float32(z.clip.Max.Y)/z.scale-z.shift+arrow
	for st := range edgeStyles {
		c := premulOf(r.pal.edge[st])
		for _, e := range g.edges {
			d := e.d
			if !d.visible || max(d.start.Y, d.tip.Y) < top || min(d.start.Y, d.tip.Y) > bottom ||
				max(d.start.X, d.tip.X) < left || min(d.start.X, d.tip.X) > right {
				continue
			}
			if g.edgeStyle(e) == st {
				z.line(d.start, d.end, edgeWidths[st]*z.scale, c)
				z.head(d.tip, d.ux, d.uy, arrow, c)
			}
		}
	}
}

// paintNodes paints, in drawing order, each node on screen: its ring, its
// disc with its icon, and its pin.
func (r *graphRenderer) paintNodes(z *painter) {
	g, s := r.g, z.scale
	primary, warm, rim, fg := premulOf(r.pal.primary), premulOf(r.pal.warm), premulOf(r.pal.rim), premulOf(r.pal.fg)
	left, top := float32(z.clip.Min.X)/s-z.shift, float32(z.clip.Min.Y)/s-z.shift
	right, bottom := float32(z.clip.Max.X)/s-z.shift, float32(z.clip.Max.Y)/s-z.shift
	for _, n := range g.order {
		d := n.d
		out := d.rad + ringGap + 6 // the ring and pin stay within this
		if !d.onScreen || d.at.Y+out < top || d.at.Y-out > bottom || d.at.X+out < left || d.at.X-out > right {
			continue
		}
		if ring := g.ringOf(n); ring != ringNone {
			c := primary
			if ring == ringHighlighted {
				c = warm
			}
			rr := (d.rad + ringGap) * s
			z.ring(d.at, rr-ringWidth*s, rr, c)
		}
		z.disc(d.sprite, d.at)
		if n.pinned {
			const pr = 5
			at := d.at.AddXY(d.rad*0.75, -d.rad*0.75)
			z.ring(at, -1, pr*s, rim)
			z.ring(at, -1, (pr-1.5)*s, fg)
		}
	}
}

// paintPlates paints the plates behind the labels on show.
func (r *graphRenderer) paintPlates() {
	z := &r.paint
	s := z.scale
	for _, l := range r.shown {
		p, size := l.plate()
		x, y := z.px(p)
		z.shape.reset()
		z.shape.roundRect(x, y, x+size.Width*s, y+size.Height*s, 3*s)
		z.fill(&z.shape, r.pal.plate)
	}
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
