package layout

import (
	"iter"
	"math"
	"slices"
)

// DefaultGap is the spacing the arranging functions use when given a gap
// that is not positive: the default spring length.
const DefaultGap = 100

func gapOr(gap float64) float64 {
	if !(gap > 0) {
		return DefaultGap
	}
	return gap
}

// Circular places the nodes on one circle around the origin, gap apart
// along it, the first at the top and the rest clockwise (y grows down).
// Nodes follow a depth-first walk of each connected component in turn, so
// that a path or a branch runs along the circle. A single node sits at the
// origin.
func Circular(ids []string, adj Adjacency, gap float64) map[string]Point {
	g, gap := index(ids, adj), gapOr(gap)
	order := g.dfs()
	n := len(order)
	pos := make([]Point, len(g.ids))
	if n < 2 {
		return g.positions(pos)
	}
	r := gap / (2 * math.Sin(math.Pi/float64(n)))
	for k, i := range order {
		a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(n)
		pos[i] = Point{r * math.Cos(a), r * math.Sin(a)}
	}
	return g.positions(pos)
}

// Radial places root at the origin and every other node on the ring of its
// breadth-first distance from root, ring k at least k gaps out and wide
// enough to hold its nodes gap apart. Each node's children share its
// angular wedge in proportion to the leaves below them, so that a subtree
// fans out behind its parent. Nodes not connected to root go on one more
// ring outside the others. If root is not among ids the first ID is used.
func Radial(ids []string, adj Adjacency, root string, gap float64) map[string]Point {
	g, gap := index(ids, adj), gapOr(gap)
	pos := make([]Point, len(g.ids))
	if len(g.ids) == 0 {
		return g.positions(pos)
	}
	r := int32(max(0, slices.Index(g.ids, root)))
	depth, parent := g.unseen()
	order := g.bfs([]int32{r}, 0, depth, parent, nil)
	rest := make([]int32, 0, len(g.ids)-len(order))
	for i := range g.ids {
		if depth[i] < 0 {
			rest = g.bfs([]int32{int32(i)}, 0, depth, parent, rest)
		}
	}
	outer := depth[order[len(order)-1]] + 1
	for _, i := range rest {
		depth[i] = outer
	}
	radius := ringRadii(depth, int(outer), gap)
	fanOut(g, order, parent, depth, radius, pos)
	for k, i := range rest {
		a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(len(rest))
		pos[i] = Point{radius[outer] * math.Cos(a), radius[outer] * math.Sin(a)}
	}
	return g.positions(pos)
}

// ringRadii returns the radius of each ring 0…last: ring 0 is the centre;
// ring k is at least a gap outside ring k-1, at least k gaps out, and long
// enough to hold its nodes a gap apart.
func ringRadii(depth []int32, last int, gap float64) []float64 {
	count := make([]int, last+1)
	for _, d := range depth {
		count[d]++
	}
	radius := make([]float64, last+1)
	for k := 1; k <= last; k++ {
		radius[k] = max(radius[k-1]+gap, float64(count[k])*gap/(2*math.Pi))
	}
	return radius
}

// fanOut places the breadth-first tree in order (root first, parents before
// children) on its rings, each node in the middle of its wedge, siblings
// side by side when they are linked (see chain).
func fanOut(g igraph, order, parent, depth []int32, radius []float64, pos []Point) {
	leaves := make([]float64, len(pos))
	children := make([][]int32, len(pos))
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		leaves[i] = max(leaves[i], 1)
		if p := parent[i]; p >= 0 {
			leaves[p] += leaves[i]
			children[p] = append(children[p], i)
		}
	}
	from := make([]float64, len(pos)) // start angle of each node's wedge
	width := 2 * math.Pi / leaves[order[0]]
	from[order[0]] = -math.Pi / 2
	linked := make([]bool, len(pos))
	for _, p := range order {
		kids := chain(g, slices.Backward(children[p]), linked)
		at := from[p]
		for _, i := range kids {
			from[i] = at
			at += leaves[i] * width
			a := from[i] + leaves[i]*width/2
			r := radius[depth[i]]
			pos[i] = Point{r * math.Cos(a), r * math.Sin(a)}
		}
	}
}

// chain orders siblings so that linked ones sit side by side: it starts at
// the first and moves on to an unvisited sibling linked to the last one
// placed, or else to the next in the given order. linked is scratch space,
// all false on entry and on return.
func chain(g igraph, sibs iter.Seq2[int, int32], linked []bool) []int32 {
	var in []int32
	for _, i := range sibs {
		in = append(in, i)
	}
	for _, i := range in {
		linked[i] = true // a sibling not yet placed
	}
	out := make([]int32, 0, len(in))
	next := 0
	for len(out) < len(in) {
		cur := int32(-1)
		if len(out) > 0 {
			for _, v := range g.adj[out[len(out)-1]] {
				if linked[v] {
					cur = v
					break
				}
			}
		}
		if cur < 0 {
			for !linked[in[next]] {
				next++
			}
			cur = in[next]
		}
		linked[cur] = false
		out = append(out, cur)
	}
	return out
}

// dfs returns the nodes of g in depth-first preorder, each component in
// turn from its first node in ids order, neighbours taken in ids order.
func (g igraph) dfs() []int32 {
	seen := make([]bool, len(g.ids))
	order := make([]int32, 0, len(g.ids))
	var stack []int32
	for s := range g.ids {
		if seen[s] {
			continue
		}
		stack = append(stack[:0], int32(s))
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[u] {
				continue
			}
			seen[u] = true
			order = append(order, u)
			for _, v := range slices.Backward(g.adj[u]) {
				if !seen[v] {
					stack = append(stack, v)
				}
			}
		}
	}
	return order
}
