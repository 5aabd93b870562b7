package layout

import (
	"math"
	"math/rand/v2"
)

// Config tunes a Layout. A zero field takes its value from DefaultConfig.
type Config struct {
	SpringLength   float64 // rest length of a spring, in world units
	SpringStrength float64 // scales each spring's stiffness, 1/min(degree of its ends)
	Charge         float64 // strength of the repulsion between every two nodes
	Gravity        float64 // pull of every node towards the origin
	Aspect         float64 // width/height the layout should fill; gravity along x is divided by Aspect
	Theta          float64 // Barnes–Hut opening criterion; 0 is exact and O(n²)
	VelocityDecay  float64 // fraction of velocity lost per step (friction)
	AlphaDecay     float64 // fraction of the remaining temperature lost per step
	AlphaMin       float64 // temperature below which the layout is at rest
	ReheatAlpha    float64 // temperature a change to the graph raises the layout to
	RestSpeed      float64 // fastest movement per step still counted as at rest
	Seed           uint64  // seed of the jitter for new and coincident nodes
}

// DefaultConfig returns the settings the explorer uses: springs of 100 units,
// θ = 0.8, and a cooling schedule that comes to rest in at most 300 steps.
func DefaultConfig() Config {
	return Config{
		SpringLength:   100,
		SpringStrength: 1,
		Charge:         600,
		Gravity:        0.03,
		Aspect:         1,
		Theta:          0.8,
		VelocityDecay:  0.4,
		AlphaDecay:     1 - math.Pow(0.001, 1.0/300),
		AlphaMin:       0.001,
		ReheatAlpha:    0.3,
		RestSpeed:      0.05,
		Seed:           1,
	}
}

// withDefaults fills c's zero fields from DefaultConfig.
func (c Config) withDefaults() Config {
	d := DefaultConfig()
	fill := func(v *float64, def float64) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&c.SpringLength, d.SpringLength)
	fill(&c.SpringStrength, d.SpringStrength)
	fill(&c.Charge, d.Charge)
	fill(&c.Gravity, d.Gravity)
	fill(&c.Aspect, d.Aspect)
	fill(&c.Theta, d.Theta)
	fill(&c.VelocityDecay, d.VelocityDecay)
	fill(&c.AlphaDecay, d.AlphaDecay)
	fill(&c.AlphaMin, d.AlphaMin)
	fill(&c.ReheatAlpha, d.ReheatAlpha)
	fill(&c.RestSpeed, d.RestSpeed)
	return c
}

// calmSteps is how many consecutive steps must move no node faster than
// RestSpeed for the layout to count as at rest before it has fully cooled.
const calmSteps = 10

// Layout holds the nodes, springs and positions of a force-directed layout.
//
// Each node has a handle, an int index into the slices returned by
// Positions and IDs, which stays the same for the node's lifetime; the
// handle of a removed node is reused by a later Add.
//
// A Layout is not safe for concurrent use: use it from one goroutine at a
// time, guarding it with a mutex when a worker steps it while another
// goroutine adds nodes or reads positions.
type Layout struct {
	cfg Config
	rng *rand.Rand

	index  map[string]int32
	ids    []string
	pos    []Point
	vel    []Point
	live   []bool
	pinned []bool
	adj    [][]int32 // neighbours by handle
	spawn  []int32   // how many nodes were added near each node
	free   []int32   // handles of removed nodes, for reuse

	springs  []spring
	springAt map[uint64]int32 // spring key → index in springs

	alpha    float64
	calm     int
	minDist2 float64 // squared distance below which charge stops growing
	tree     quadtree
}

// spring is an undirected spring between two node handles.
type spring struct{ a, b int32 }

// springKey identifies the spring between a and b whatever their order.
func springKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

// New returns an empty layout, hot and ready to arrange the nodes added to it.
func New(cfg Config) *Layout {
	cfg = cfg.withDefaults()
	return &Layout{
		cfg:      cfg,
		rng:      rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		index:    make(map[string]int32),
		springAt: make(map[uint64]int32),
		alpha:    1,
	}
}

// Config returns the settings the layout runs with, defaults filled in.
func (l *Layout) Config() Config { return l.cfg }

// Len returns the number of nodes.
func (l *Layout) Len() int { return len(l.index) }

// Has reports whether the layout has a node with the given ID.
func (l *Layout) Has(id string) bool { _, ok := l.index[id]; return ok }

// Handle returns the handle of node id, or false if there is none.
func (l *Layout) Handle(id string) (int, bool) {
	h, ok := l.index[id]
	return int(h), ok
}

// IDs returns the node IDs by handle; the entry of a free handle is "".
// The slice belongs to the layout: read it, do not keep it past the next
// call that adds or removes a node.
func (l *Layout) IDs() []string { return l.ids }

// Positions returns node positions by handle, without copying; the entry of
// a free handle is meaningless (see IDs). The slice belongs to the layout:
// read it, do not keep it past the next call to any other method.
func (l *Layout) Positions() []Point { return l.pos }

// Position returns the position of node id, or false if there is none.
func (l *Layout) Position(id string) (Point, bool) {
	h, ok := l.index[id]
	if !ok {
		return Point{}, false
	}
	return l.pos[h], true
}

// SetAspect makes the layout fill a frame of the given width/height ratio,
// stretching it along x by weakening gravity there, and reheats it. Ratios
// that are not positive are taken as 1.
func (l *Layout) SetAspect(a float64) {
	if !(a > 0) || math.IsInf(a, 0) {
		a = 1
	}
	if a == l.cfg.Aspect {
		return
	}
	l.cfg.Aspect = a
	l.Reheat(l.cfg.ReheatAlpha)
}

// Alpha returns the current temperature, from 1 (hot) towards 0.
func (l *Layout) Alpha() float64 { return l.alpha }

// Stable reports whether the layout is at rest: it has cooled below
// AlphaMin, or no node has moved faster than RestSpeed for several steps.
func (l *Layout) Stable() bool {
	return l.alpha < l.cfg.AlphaMin || l.calm >= calmSteps
}

// Reheat raises the temperature to at least alpha, so that the layout moves
// again; Add, Remove, Link, Unlink, Pin and SetPosition reheat by themselves.
func (l *Layout) Reheat(alpha float64) {
	l.alpha = max(l.alpha, min(alpha, 1))
	l.calm = 0
}

// Rest cools the layout at once: it is Stable, and Step moves nothing,
// until the next change reheats it. Restoring saved positions uses it.
func (l *Layout) Rest() {
	l.alpha = 0
	for i := range l.vel {
		l.vel[i] = Point{}
	}
}

// Bounds returns the smallest rectangle holding every node's position; it is
// Empty when there are no nodes.
func (l *Layout) Bounds() Rect {
	r := emptyRect()
	for h, p := range l.pos {
		if l.live[h] {
			r = r.extend(p)
		}
	}
	return r
}
