package graphview

import (
	"time"

	"reelgraph/app/layout"
)

// arrangeDuration is how long Arrange takes to move nodes to their places.
const arrangeDuration = 400 * time.Millisecond

// Node sizes by metric: a node's radius goes from minSizeScale to
// maxSizeScale times the default as its value goes from 0 to 1.
const (
	minSizeScale = 0.6
	maxSizeScale = 1.8
)

// tween moves nodes in a straight line from where they were to their
// targets, easing in and out. It is guarded by GraphView.mu and its slices
// are reused from one Arrange to the next, so frames allocate nothing.
type tween struct {
	active   bool
	start    time.Time
	ids      []string
	from, to []layout.Point
}

// Arrange moves the nodes on show to the world positions in targets,
// gliding there over 400 ms, and leaves the layout at rest so that forces do
// not undo the arrangement; the next change to the graph (an expansion, a
// pin, a move) sets the force layout going again, and cuts short an
// arrangement still under way. Pinned nodes, nodes missing from targets and
// IDs not on show stay where they are. The view is framed to follow the
// nodes. The model records the move as one undo step at once (or as part
// of the last, inside the model's Amend).
func (g *GraphView) Arrange(targets map[string]layout.Point) {
	g.record()
	at := make(map[string][2]float64, len(targets))
	for id, p := range targets {
		if n := g.nodes[id]; n != nil && !n.pinned {
			at[id] = [2]float64{p.X, p.Y}
		}
	}
	g.m.MoveAll(at) // the glide below draws it
	g.mu.Lock()
	tw := &g.tween
	tw.ids, tw.from, tw.to = tw.ids[:0], tw.from[:0], tw.to[:0]
	for _, n := range g.order {
		if p, ok := targets[n.ID]; ok && !n.pinned {
			tw.ids = append(tw.ids, n.ID)
			tw.from = append(tw.from, n.pos)
			tw.to = append(tw.to, p)
		}
	}
	tw.active, tw.start = true, time.Now()
	g.arranged = true
	start := g.async && !g.running
	if start {
		g.running = true
	}
	if !g.async {
		g.stepTween(tw.start.Add(arrangeDuration))
	}
	g.mu.Unlock()
	g.view.autoFit = true
	if start {
		go g.animate()
	}
	if !g.async {
		g.applyFrame()
	}
}

// stepTween moves the arranged nodes to where they should be at now and,
// once they have arrived, ends the tween and rests the layout. It reports
// whether a tween was under way. Called with mu held.
func (g *GraphView) stepTween(now time.Time) bool {
	tw := &g.tween
	if !tw.active {
		return false
	}
	// A tick read late from the ticker may predate the start: clamp, or
	// smoothstep of a negative time overshoots past 1 and ends the glide
	// far from the targets.
	raw := max(0, min(1, float64(now.Sub(tw.start))/float64(arrangeDuration)))
	t := raw * raw * (3 - 2*raw) // smoothstep
	for i, id := range tw.ids {
		a, b := tw.from[i], tw.to[i]
		g.lay.SetPosition(id, layout.Point{X: a.X + (b.X-a.X)*t, Y: a.Y + (b.Y-a.Y)*t})
	}
	if raw >= 1 {
		tw.active = false
		g.lay.Rest()
	}
	return true
}

// SetSizes sizes each node by its value in sizes, from 0 (smallest) to 1
// (largest), values outside clamped; nodes missing from sizes, including
// nodes added later, are smallest. Nil restores the default size for all.
func (g *GraphView) SetSizes(sizes map[string]float64) {
	g.sized = sizes != nil
	for _, n := range g.order {
		n.weight = float32(min(1, max(0, sizes[n.ID])))
	}
	g.viewChanged()
}

// sizeScale returns how much n's disc is scaled by SetSizes.
func (g *GraphView) sizeScale(n *vnode) float32 {
	if !g.sized {
		return 1
	}
	return minSizeScale + (maxSizeScale-minSizeScale)*n.weight
}

// Relax sets the force layout moving again from where the nodes are, as a
// change to the graph would, ending an Arrange under way; it is how the
// view returns to the force layout after an arrangement.
func (g *GraphView) Relax() {
	g.mu.Lock()
	g.lay.Reheat(g.lay.Config().ReheatAlpha)
	g.mu.Unlock()
	g.kick()
}
