package layout

import "math"

// Step advances the layout by one iteration and returns the total distance
// its nodes moved. It cools the layout a little each time; once Stable, steps
// move nodes less and less and callers may stop stepping until a change
// reheats it. One step costs O(n log n + springs).
func (l *Layout) Step() float64 {
	if l.Len() == 0 {
		l.calm = calmSteps
		return 0
	}
	l.alpha += -l.alpha * l.cfg.AlphaDecay
	l.applySprings()
	l.applyCharge()
	l.applyGravity()
	return l.integrate()
}

// applySprings pulls or pushes the ends of each spring towards its rest
// length, as d3-force's link force does: stiffness 1/min(degree) so hubs do
// not dominate, the lighter end moving more.
func (l *Layout) applySprings() {
	rest := l.cfg.SpringLength
	for _, s := range l.springs {
		a, b := s.a, s.b
		dx := l.pos[b].X + l.vel[b].X - l.pos[a].X - l.vel[a].X
		dy := l.pos[b].Y + l.vel[b].Y - l.pos[a].Y - l.vel[a].Y
		if dx == 0 && dy == 0 {
			dx, dy = l.jiggle(), l.jiggle()
		}
		d := math.Hypot(dx, dy)
		da, db := float64(len(l.adj[a])), float64(len(l.adj[b]))
		k := (d - rest) / d * l.alpha * l.cfg.SpringStrength / min(da, db)
		dx, dy = dx*k, dy*k
		bias := da / (da + db) // the end with fewer springs moves more
		l.vel[b].X -= dx * bias
		l.vel[b].Y -= dy * bias
		l.vel[a].X += dx * (1 - bias)
		l.vel[a].Y += dy * (1 - bias)
	}
}

// applyGravity pulls every node weakly towards the origin, less along x
// when the layout is to fill a wide frame.
func (l *Layout) applyGravity() {
	gy := l.cfg.Gravity * l.alpha
	gx := gy / l.cfg.Aspect
	for h := range l.pos {
		l.vel[h].X -= l.pos[h].X * gx
		l.vel[h].Y -= l.pos[h].Y * gy
	}
}

// integrate moves each free node by its damped velocity and returns the
// total distance moved; pinned and free-handle entries stay put.
func (l *Layout) integrate() float64 {
	keep := 1 - l.cfg.VelocityDecay
	total, fastest := 0.0, 0.0
	for h := range l.pos {
		if !l.live[h] || l.pinned[h] {
			l.vel[h] = Point{}
			continue
		}
		v := Point{l.vel[h].X * keep, l.vel[h].Y * keep}
		l.vel[h] = v
		l.pos[h] = l.pos[h].Add(v)
		d := v.Len()
		total += d
		fastest = max(fastest, d)
	}
	if fastest <= l.cfg.RestSpeed {
		l.calm++
	} else {
		l.calm = 0
	}
	return total
}

// jiggle returns a tiny deterministic random offset that separates
// coincident nodes.
func (l *Layout) jiggle() float64 { return (l.rng.Float64() - 0.5) * 1e-6 }

// applyCharge makes every node repel every other, approximating far groups
// by their centre of mass (Barnes–Hut).
func (l *Layout) applyCharge() {
	l.tree.build(l.pos, l.live, l.Bounds())
	strength := l.cfg.Charge * l.alpha
	l.minDist2 = l.cfg.SpringLength * l.cfg.SpringLength / 100
	theta2 := l.cfg.Theta * l.cfg.Theta
	for h := range l.pos {
		if l.live[h] && !l.pinned[h] {
			f := l.chargeOn(int32(h), theta2)
			l.vel[h].X += f.X * strength
			l.vel[h].Y += f.Y * strength
		}
	}
}

// chargeOn returns the unscaled repulsion on node h: the sum over other
// nodes of the unit vector away from them divided by their distance.
func (l *Layout) chargeOn(h int32, theta2 float64) Point {
	t := &l.tree
	p := l.pos[h]
	var f Point
	stack := append(t.stack[:0], 0)
	for len(stack) > 0 {
		c := &t.cells[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if c.mass == 0 {
			continue
		}
		dx, dy := p.X-c.x, p.Y-c.y
		d2 := dx*dx + dy*dy
		if c.inner {
			w := 2 * c.half
			if w*w < theta2*d2 { // far enough: the whole cell acts as one body
				f = l.push(f, dx, dy, d2, c.mass)
				continue
			}
			for _, k := range c.child {
				if k != 0 {
					stack = append(stack, k)
				}
			}
			continue
		}
		for b := c.body; b >= 0; b = t.next[b] {
			if b == h {
				continue
			}
			dx, dy := p.X-l.pos[b].X, p.Y-l.pos[b].Y
			if dx == 0 && dy == 0 {
				dx, dy = l.jiggle(), l.jiggle()
			}
			f = l.push(f, dx, dy, dx*dx+dy*dy, 1)
		}
	}
	t.stack = stack
	return f
}

// push adds to f the repulsion of mass at offset (dx, dy), squared distance d2.
func (l *Layout) push(f Point, dx, dy, d2, mass float64) Point {
	if d2 < l.minDist2 { // closer than a tenth of a spring: cap the force
		d2 = math.Sqrt(l.minDist2 * d2)
	}
	w := mass / d2
	return Point{f.X + dx*w, f.Y + dy*w}
}
