// Package snapshot draws a graph view as an SVG or PNG picture for
// reports: discs coloured by type, directed edges with arrowheads, node
// labels and, when there is room, predicate labels. It needs no window and
// no Fyne: callers give it positions and colours.
package snapshot

import (
	"fmt"
	"image/color"
	"math"
)

// Node is a disc to draw at (X, Y) in world units.
type Node struct {
	ID, Label string
	X, Y      float64
	Color     color.Color
	// Emphasis draws the node larger, with a bold label: the focus.
	Emphasis bool
}

// Edge is an arrow from one node to another, with the predicate's words.
type Edge struct {
	From, To, Label string
}

// Scene is what to draw.
type Scene struct {
	Nodes []Node
	Edges []Edge
	// Dark draws light text on a dark background.
	Dark bool
	// Caption, if set, is written in the bottom left corner (the store, a
	// date, a citation note).
	Caption string
}

// Sizes of the drawing, in output pixels at scale 1.
const (
	nodeRadius   = 14.0
	focusRadius  = 18.0
	labelSize    = 12.0
	edgeSize     = 10.0
	margin       = 60.0
	arrowLength  = 9.0
	arrowWidth   = 4.5
	edgeLabelMax = 80 // edge labels are drawn only on scenes with at most this many edges
)

// placed is a scene mapped onto the picture.
type placed struct {
	scene   Scene
	w, h    float64
	pos     map[string][2]float64
	radius  map[string]float64
	fg, bg  color.NRGBA
	edgeCol color.NRGBA
}

// place fits the scene's positions into a w×h picture with a margin,
// keeping the aspect ratio, never magnifying more than 2.5×.
func place(s Scene, w, h float64) *placed {
	p := &placed{scene: s, w: w, h: h, pos: make(map[string][2]float64), radius: make(map[string]float64)}
	p.fg, p.bg = color.NRGBA{0x20, 0x24, 0x30, 0xff}, color.NRGBA{0xfa, 0xfa, 0xfb, 0xff}
	if s.Dark {
		p.fg, p.bg = p.bg, color.NRGBA{0x18, 0x1a, 0x20, 0xff}
	}
	p.edgeCol = color.NRGBA{p.fg.R, p.fg.G, p.fg.B, 0x90}
	if len(s.Nodes) == 0 {
		return p
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, n := range s.Nodes {
		minX, maxX = math.Min(minX, n.X), math.Max(maxX, n.X)
		minY, maxY = math.Min(minY, n.Y), math.Max(maxY, n.Y)
	}
	zoom := 2.5
	if bw := maxX - minX; bw > 0 {
		zoom = math.Min(zoom, (w-2*margin)/bw)
	}
	if bh := maxY - minY; bh > 0 {
		zoom = math.Min(zoom, (h-2*margin-labelSize)/bh)
	}
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	for _, n := range s.Nodes {
		p.pos[n.ID] = [2]float64{w/2 + (n.X-cx)*zoom, h/2 + (n.Y-cy)*zoom - labelSize/2}
		p.radius[n.ID] = nodeRadius
		if n.Emphasis {
			p.radius[n.ID] = focusRadius
		}
	}
	return p
}

// arrow returns where an edge's line starts and ends (rim to rim) and the
// arrowhead's three corners; ok is false when the discs overlap.
func (p *placed) arrow(e Edge) (x1, y1, x2, y2 float64, head [3][2]float64, ok bool) {
	a, okA := p.pos[e.From]
	b, okB := p.pos[e.To]
	if !okA || !okB || e.From == e.To {
		return
	}
	dx, dy := b[0]-a[0], b[1]-a[1]
	d := math.Hypot(dx, dy)
	ra, rb := p.radius[e.From], p.radius[e.To]
	if d <= ra+rb+arrowLength {
		return
	}
	ux, uy := dx/d, dy/d
	x1, y1 = a[0]+ux*ra, a[1]+uy*ra
	tipX, tipY := b[0]-ux*rb, b[1]-uy*rb
	x2, y2 = tipX-ux*arrowLength, tipY-uy*arrowLength
	head = [3][2]float64{{tipX, tipY}, {x2 - uy*arrowWidth, y2 + ux*arrowWidth}, {x2 + uy*arrowWidth, y2 - ux*arrowWidth}}
	return x1, y1, x2, y2, head, true
}

// edgeLabels reports whether predicate labels fit on the picture.
func (p *placed) edgeLabels() bool { return len(p.scene.Edges) <= edgeLabelMax }

func hex(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}
