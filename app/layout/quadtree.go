package layout

// quadtree is a Barnes–Hut tree over the live nodes of a layout. Its cells
// live in one slice that is reused from step to step, so building and
// querying the tree allocates nothing once it has grown to the graph's size.
type quadtree struct {
	cells []cell
	next  []int32 // next body in the same leaf (coincident bodies); -1 ends
	stack []int32 // traversal stack reused by force
	pos   []Point // positions of the bodies being inserted
}

// cell is a square region of the tree. A leaf holds a chain of bodies
// starting at body; an inner cell has children and body == -1.
type cell struct {
	cx, cy, half float64  // centre and half the side
	mass         float64  // number of bodies below
	x, y         float64  // centre of mass of the bodies below
	child        [4]int32 // quadrant children, 0 when absent (the root is never a child)
	parent       int32    // index of the parent cell; the root's is -1
	body         int32    // first body of a leaf, -1 for inner or empty cells
	inner        bool     // whether the cell has been split
}

// maxDepth bounds subdivision: bodies closer than the root's side / 2^maxDepth
// share a leaf.
const maxDepth = 40

// build rebuilds the tree over the bodies at pos for which live is true;
// bounds must contain all of them.
func (t *quadtree) build(pos []Point, live []bool, bounds Rect) {
	t.pos = pos
	t.cells = t.cells[:0]
	if cap(t.next) < len(pos) {
		t.next = make([]int32, len(pos), cap(pos))
	}
	t.next = t.next[:len(pos)]
	half := max(bounds.Width(), bounds.Height())/2 + 1
	c := bounds.Center()
	t.cells = append(t.cells, cell{cx: c.X, cy: c.Y, half: half, parent: -1, body: -1})
	for i := range pos {
		if live[i] {
			t.insert(int32(i))
		}
	}
	t.aggregate()
}

// insert places body b in the leaf for its position, splitting leaves as needed.
func (t *quadtree) insert(b int32) {
	p := t.pos[b]
	t.next[b] = -1
	ci := int32(0)
	for depth := 0; ; depth++ {
		c := &t.cells[ci]
		switch {
		case c.inner:
			ci = t.childFor(ci, p)
			continue
		case c.body < 0:
			c.body = b
			return
		case depth >= maxDepth || t.pos[c.body] == p:
			t.next[b] = c.body
			c.body = b
			return
		}
		old := c.body
		c.body, c.inner = -1, true
		t.cells[t.childFor(ci, t.pos[old])].body = old
		depth-- // ci is now inner; stay at this depth
	}
}

// childFor returns, creating it if need be, the child of ci whose quadrant holds p.
func (t *quadtree) childFor(ci int32, p Point) int32 {
	c := &t.cells[ci]
	q, h := 0, c.half/2
	cx, cy := c.cx-h, c.cy-h
	if p.X >= c.cx {
		q |= 1
		cx = c.cx + h
	}
	if p.Y >= c.cy {
		q |= 2
		cy = c.cy + h
	}
	if k := c.child[q]; k != 0 {
		return k
	}
	k := int32(len(t.cells))
	c.child[q] = k // c is not used after the append below may move the slice
	t.cells = append(t.cells, cell{cx: cx, cy: cy, half: h, parent: ci, body: -1})
	return k
}

// aggregate computes each cell's mass and centre of mass. Children are
// always created after their parent, so one reverse pass suffices.
func (t *quadtree) aggregate() {
	for i := range t.cells {
		c := &t.cells[i]
		c.mass, c.x, c.y = 0, 0, 0
		for b := c.body; b >= 0; b = t.next[b] {
			c.mass++
			c.x += t.pos[b].X
			c.y += t.pos[b].Y
		}
	}
	for i := len(t.cells) - 1; i >= 0; i-- {
		c := &t.cells[i]
		if c.parent >= 0 {
			p := &t.cells[c.parent]
			p.mass += c.mass
			p.x += c.x
			p.y += c.y
		}
		if c.mass > 0 {
			c.x /= c.mass
			c.y /= c.mass
		}
	}
}
