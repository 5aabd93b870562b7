package layout

import "math"

// goldenAngle spreads successive new nodes evenly around a point.
var goldenAngle = math.Pi * (3 - math.Sqrt(5))

// Add adds node id on a spiral around the origin, reporting false (and
// changing nothing) if the layout already has it.
func (l *Layout) Add(id string) bool {
	if l.Has(id) {
		return false
	}
	i := float64(l.Len())
	r := l.cfg.SpringLength * 0.5 * math.Sqrt(0.5+i)
	a := i * goldenAngle
	l.add(id, l.jitter(Point{r * math.Cos(a), r * math.Sin(a)}))
	return true
}

// AddNear adds node id close to node near, on the side facing away from the
// origin, each further node added near the same node at another angle. If
// near is absent it behaves as Add. It reports false if id already exists.
func (l *Layout) AddNear(id, near string) bool {
	if l.Has(id) {
		return false
	}
	n, ok := l.index[near]
	if !ok {
		return l.Add(id)
	}
	c := l.pos[n]
	base := math.Atan2(c.Y, c.X)
	k := float64(l.spawn[n])
	l.spawn[n]++
	a := base + k*goldenAngle
	r := l.cfg.SpringLength * (0.6 + 0.05*math.Sqrt(k))
	l.add(id, l.jitter(Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}))
	return true
}

// AddAt adds node id at p exactly, reporting false if id already exists.
func (l *Layout) AddAt(id string, p Point) bool {
	if l.Has(id) {
		return false
	}
	l.add(id, p)
	return true
}

// jitter moves p by a small deterministic random offset so that nodes never
// start on top of one another.
func (l *Layout) jitter(p Point) Point {
	s := l.cfg.SpringLength * 0.02
	return Point{p.X + (l.rng.Float64()-0.5)*s, p.Y + (l.rng.Float64()-0.5)*s}
}

// add stores a new node at p, reusing a free handle if there is one.
func (l *Layout) add(id string, p Point) {
	var h int32
	if n := len(l.free); n > 0 {
		h = l.free[n-1]
		l.free = l.free[:n-1]
		l.ids[h], l.pos[h], l.vel[h] = id, p, Point{}
		l.live[h], l.pinned[h], l.adj[h], l.spawn[h] = true, false, l.adj[h][:0], 0
	} else {
		h = int32(len(l.ids))
		l.ids = append(l.ids, id)
		l.pos = append(l.pos, p)
		l.vel = append(l.vel, Point{})
		l.live = append(l.live, true)
		l.pinned = append(l.pinned, false)
		l.adj = append(l.adj, nil)
		l.spawn = append(l.spawn, 0)
	}
	l.index[id] = h
	l.Reheat(l.cfg.ReheatAlpha)
}

// Remove removes node id and its springs, reporting whether it existed.
func (l *Layout) Remove(id string) bool {
	h, ok := l.index[id]
	if !ok {
		return false
	}
	for len(l.adj[h]) > 0 {
		l.unlink(h, l.adj[h][len(l.adj[h])-1])
	}
	delete(l.index, id)
	l.ids[h], l.live[h], l.pinned[h] = "", false, false
	l.free = append(l.free, h)
	l.Reheat(l.cfg.ReheatAlpha)
	return true
}

// Clear removes every node and spring and makes the layout hot again, as New
// does, keeping its memory for reuse.
func (l *Layout) Clear() {
	clear(l.index)
	clear(l.springAt)
	l.ids, l.pos, l.vel = l.ids[:0], l.pos[:0], l.vel[:0]
	l.live, l.pinned, l.adj, l.spawn = l.live[:0], l.pinned[:0], l.adj[:0], l.spawn[:0]
	l.free, l.springs = l.free[:0], l.springs[:0]
	l.alpha, l.calm = 1, 0
}

// Pin fixes node id at p until Unpin; forces no longer move it. It reports
// whether the node exists.
func (l *Layout) Pin(id string, p Point) bool {
	h, ok := l.index[id]
	if !ok {
		return false
	}
	l.pos[h], l.vel[h], l.pinned[h] = p, Point{}, true
	l.Reheat(l.cfg.ReheatAlpha)
	return true
}

// Unpin lets forces move node id again, reporting whether it exists.
func (l *Layout) Unpin(id string) bool {
	h, ok := l.index[id]
	if !ok {
		return false
	}
	if l.pinned[h] {
		l.pinned[h] = false
		l.Reheat(l.cfg.ReheatAlpha)
	}
	return true
}

// Pinned reports whether node id is pinned.
func (l *Layout) Pinned(id string) bool {
	h, ok := l.index[id]
	return ok && l.pinned[h]
}

// SetPosition moves node id to p, pinned or not, and stops it; it reports
// whether the node exists.
func (l *Layout) SetPosition(id string, p Point) bool {
	h, ok := l.index[id]
	if !ok {
		return false
	}
	l.pos[h], l.vel[h] = p, Point{}
	l.Reheat(l.cfg.ReheatAlpha)
	return true
}
