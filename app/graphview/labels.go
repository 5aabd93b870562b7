package graphview

import (
	"cmp"
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// labelCell is the side, in pixels, of the cells labelPlacer sorts boxes into.
const labelCell = 64

// labelPlacer decides which labels to show so that none overlaps another
// label or a node's disc. Boxes go into a grid of cells so that each check
// looks only at its neighbourhood: a frame costs O(labels), and the placer's
// slices are reused from frame to frame.
type labelPlacer struct {
	origin     fyne.Position // widget position of cell (0, 0)
	cols, rows int
	grid       [][]int32 // box indexes by cell
	boxes      []box
	order      []labelCandidate
}

// box is a rectangle taken on screen; owner is the index in GraphView.order
// of the node whose disc it is, or -1.
type box struct {
	x0, y0, x1, y1 float32
	owner          int32
}

// labelCandidate is a label that wants to show, in order of importance.
type labelCandidate struct {
	rank   int           // lower goes first
	node   int32         // index in GraphView.order, or -1
	edge   int32         // index in GraphView.edges, or -1
	order  int32         // tie-break: drawing order
	anchor fyne.Position // a node's centre, an edge's start
	gap    float32       // a node's radius plus a margin
	along  fyne.Delta    // an edge's vector from start to tip
}

// mustShow is the rank up to which labels show even where they overlap.
const mustShow = 3

// reset empties the placer for a widget of the given size, keeping a margin
// of reach around it.
func (p *labelPlacer) reset(size fyne.Size) {
	p.origin = fyne.NewPos(-reach, -reach)
	p.cols = int((size.Width+2*reach)/labelCell) + 1
	p.rows = int((size.Height+2*reach)/labelCell) + 1
	if n := p.cols * p.rows; cap(p.grid) < n {
		p.grid = make([][]int32, n)
	} else {
		p.grid = p.grid[:n]
	}
	for i := range p.grid {
		p.grid[i] = p.grid[i][:0]
	}
	p.boxes = p.boxes[:0]
	p.order = p.order[:0]
}

// cells returns the range of grid cells b covers, clamped to the grid.
func (p *labelPlacer) cells(b box) (c0, r0, c1, r1 int) {
	clamp := func(v float32, n int) int { return max(0, min(n-1, int(v/labelCell))) }
	return clamp(b.x0-p.origin.X, p.cols), clamp(b.y0-p.origin.Y, p.rows),
		clamp(b.x1-p.origin.X, p.cols), clamp(b.y1-p.origin.Y, p.rows)
}

// take records b as taken.
func (p *labelPlacer) take(b box) {
	i := int32(len(p.boxes))
	p.boxes = append(p.boxes, b)
	c0, r0, c1, r1 := p.cells(b)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			p.grid[r*p.cols+c] = append(p.grid[r*p.cols+c], i)
		}
	}
}

// others calls fn with every box taken near b, other than the disc of the
// node owning b, until fn returns false.
func (p *labelPlacer) others(b box, fn func(o box) bool) {
	c0, r0, c1, r1 := p.cells(b)
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			for _, i := range p.grid[r*p.cols+c] {
				if o := p.boxes[i]; (o.owner < 0 || o.owner != b.owner) && !fn(o) {
					return
				}
			}
		}
	}
}

// overlap returns the area b shares with boxes taken, other than the disc
// of the node owning b.
func (p *labelPlacer) overlap(b box) float32 {
	area := float32(0)
	p.others(b, func(o box) bool {
		w, h := min(b.x1, o.x1)-max(b.x0, o.x0), min(b.y1, o.y1)-max(b.y0, o.y0)
		if w > 0 && h > 0 {
			area += w * h // a box spanning cells counts once per cell: fine for ranking
		}
		return true
	})
	return area
}

// free reports whether b overlaps nothing taken, other than the disc of
// the node owning b.
func (p *labelPlacer) free(b box) bool {
	free := true
	p.others(b, func(o box) bool {
		free = !(b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1)
		return free
	})
	return free
}

// want adds a label that would like to show.
func (p *labelPlacer) want(c labelCandidate) { p.order = append(p.order, c) }

// sortWanted orders the wanted labels by rank, then drawing order.
func (p *labelPlacer) sortWanted() {
	slices.SortFunc(p.order, func(a, b labelCandidate) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.order, b.order))
	})
}

// labelBox returns the screen box of l, owned by node owner (or -1).
func labelBox(l *label, owner int32) box {
	const pad = 2
	pos := l.text.Position()
	return box{pos.X - pad, pos.Y - pad, pos.X + l.size.Width + pad, pos.Y + l.size.Height, owner}
}

// placeLabels shows the wanted labels that fit, most important first, up
// to maxLabels of them, and hides the rest. Discs must already be taken.
func (r *graphRenderer) placeLabels() {
	g, p := r.g, &r.labels
	p.sortWanted()
	r.shown = r.shown[:0]
	for _, c := range p.order {
		l := r.candidateLabel(c)
		ok := len(r.shown) < maxLabels && r.fitLabel(l, c)
		if !ok && c.rank <= mustShow { // selected, hovered, focus and expanded labels always show
			r.leastCovering(l, c)
			ok = true
		}
		if ok {
			p.take(labelBox(l, c.node))
			r.shown = append(r.shown, l)
		}
		l.show(ok)
	}
	for _, n := range g.order { // labels that did not even want to show
		if !n.d.wantLabel {
			n.d.label.show(false)
		}
	}
	for _, e := range g.edges {
		if !e.d.wantLabel {
			e.d.label.show(false)
		}
	}
}

// labelSpots is how many places around a node placeAround knows.
const labelSpots = 6

// fitLabel moves l to the first place around its anchor where it overlaps
// nothing taken, reporting whether there was one.
func (r *graphRenderer) fitLabel(l *label, c labelCandidate) bool {
	for i := range labelSpots {
		placeAround(l, c, i)
		if r.labels.free(labelBox(l, c.node)) {
			return true
		}
	}
	return false
}

// edgeSpots are the fractions of the way along an edge where its label may sit.
var edgeSpots = [labelSpots]float32{0.5, 0.35, 0.65, 0.2, 0.8, 0.5}

// leastCovering moves l to the place around its anchor where it covers
// the least of what is taken.
func (r *graphRenderer) leastCovering(l *label, c labelCandidate) {
	best, bestArea := 0, float32(math.MaxFloat32)
	for i := range labelSpots {
		placeAround(l, c, i)
		if a := r.labels.overlap(labelBox(l, c.node)); a < bestArea {
			best, bestArea = i, a
		}
	}
	placeAround(l, c, best)
}

// placeAround moves l to place i around its anchor: below, above, right,
// left, below right or below left of a node; on an edge, at its middle or
// either side of it.
func placeAround(l *label, c labelCandidate, i int) {
	a, w, h := c.anchor, l.size.Width, l.size.Height
	if c.node < 0 {
		f := edgeSpots[i]
		l.moveTo(a.AddXY(c.along.DX*f, c.along.DY*f-h/2))
		return
	}
	switch i {
	case 0:
		l.moveTo(a.AddXY(0, c.gap))
	case 1:
		l.moveTo(a.SubtractXY(0, c.gap+h))
	case 2:
		l.moveTo(a.AddXY(c.gap+w/2+2, -h/2))
	case 3:
		l.moveTo(a.SubtractXY(c.gap+w/2+2, h/2))
	case 4:
		l.moveTo(a.AddXY(c.gap*0.7+w/2, c.gap*0.7))
	default:
		l.moveTo(a.AddXY(-c.gap*0.7-w/2, c.gap*0.7))
	}
}

// candidateLabel returns the label a candidate stands for.
func (r *graphRenderer) candidateLabel(c labelCandidate) *label {
	if c.node >= 0 {
		return &r.g.order[c.node].d.label
	}
	return &r.g.edges[c.edge].d.label
}
