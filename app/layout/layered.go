package layout

import (
	"cmp"
	"math"
	"slices"
)

// sweeps is how many barycenter passes Hierarchical makes, alternately
// downwards and upwards.
const sweeps = 8

// Hierarchical places the nodes in horizontal layers a gap apart, layer k
// holding the nodes k breadth-first steps from the nearest of roots, layer 0
// at the top (y grows down), each layer centred on x = 0 with its nodes a gap
// apart; a layer of many nodes is staggered over a few rows (see rowLimit). A component that no root reaches is layered from its node of the
// highest degree, as are all nodes if roots names none of them. Within each
// layer the nodes start in ids order and are reordered by barycenter sweeps
// to reduce edge crossings; the order with the fewest crossings seen,
// the starting one included, is kept.
func Hierarchical(ids []string, adj Adjacency, roots []string, gap float64) map[string]Point {
	g, gap := index(ids, adj), gapOr(gap)
	layers := g.layers(roots)
	orderLayers(g, layers)
	pos := make([]Point, len(g.ids))
	row := rowLimit(len(g.ids))
	y := 0.0
	for _, layer := range layers {
		rows := (len(layer) + row - 1) / row
		step := gap / float64(rows)
		mid := float64(len(layer)-1) / 2
		for x, i := range layer {
			pos[i] = Point{(float64(x) - mid) * step, y + float64(x%rows)*gap/2}
		}
		y += float64(rows-1)*gap/2 + gap
	}
	return g.positions(pos)
}

// rowLimit is how many nodes of n a layer holds in one row: a wider layer
// is staggered over several rows, half a gap apart, its nodes taking turns
// row by row so that their order from left to right is kept. Without it a
// hub's neighbours would make one row too long to read.
func rowLimit(n int) int {
	return max(6, 2*int(math.Ceil(math.Sqrt(float64(n)))))
}

// layers returns the nodes of g by breadth-first depth from roots, each
// layer in ids order.
func (g igraph) layers(roots []string) [][]int32 {
	depth, parent := g.unseen()
	var src []int32
	for _, r := range roots {
		if i := slices.Index(g.ids, r); i >= 0 && !slices.Contains(src, int32(i)) {
			src = append(src, int32(i))
		}
	}
	order := make([]int32, 0, len(g.ids))
	if len(src) > 0 {
		order = g.bfs(src, 0, depth, parent, order)
	}
	for h := g.hub(depth); h >= 0; h = g.hub(depth) {
		order = g.bfs([]int32{h}, 0, depth, parent, order)
	}
	var layers [][]int32
	for i := range g.ids {
		for int(depth[i]) >= len(layers) {
			layers = append(layers, nil)
		}
		layers[depth[i]] = append(layers[depth[i]], int32(i))
	}
	return layers
}

// orderLayers reorders each layer in place to reduce crossings.
func orderLayers(g igraph, layers [][]int32) {
	rank := make([]float64, len(g.ids)) // place of each node in its layer
	setRanks := func() {
		for _, layer := range layers {
			for x, i := range layer {
				rank[i] = float64(x)
			}
		}
	}
	setRanks()
	best, bestCross := cloneLayers(layers), crossings(g, layers, rank)
	bary := make([]float64, len(g.ids))
	for s := range sweeps {
		down := s%2 == 0
		for k := range layers {
			if !down {
				k = len(layers) - 1 - k
			}
			ref := k - 1
			if !down {
				ref = k + 1
			}
			if ref < 0 || ref >= len(layers) {
				continue
			}
			reorder(g, layers[k], layers[ref], rank, bary)
		}
		if c := crossings(g, layers, rank); c < bestCross {
			best, bestCross = cloneLayers(layers), c
		}
	}
	for k := range layers {
		copy(layers[k], best[k])
	}
}

// reorder sorts layer by the mean place of each node's neighbours in the
// layer ref, a node without any there keeping its own place, and renumbers
// its ranks.
func reorder(g igraph, layer, ref []int32, rank, bary []float64) {
	inRef := func(v int32) bool {
		x := int(rank[v])
		return x < len(ref) && ref[x] == v
	}
	for _, i := range layer {
		sum, n := 0.0, 0
		for _, v := range g.adj[i] {
			if inRef(v) {
				sum, n = sum+rank[v], n+1
			}
		}
		bary[i] = rank[i]
		if n > 0 {
			bary[i] = sum / float64(n)
		}
	}
	slices.SortStableFunc(layer, func(a, b int32) int { return cmp.Compare(bary[a], bary[b]) })
	for x, i := range layer {
		rank[i] = float64(x)
	}
}

func cloneLayers(layers [][]int32) [][]int32 {
	c := make([][]int32, len(layers))
	for k, l := range layers {
		c[k] = slices.Clone(l)
	}
	return c
}

// crossings counts the pairs of edges between consecutive layers that
// cross, given each node's place in its layer; edges within a layer are not
// counted. It costs O(E log E).
func crossings(g igraph, layers [][]int32, rank []float64) int {
	total := 0
	var pairs [][2]int
	for k := 0; k+1 < len(layers); k++ {
		lower := layers[k+1]
		pairs = pairs[:0]
		for _, u := range layers[k] {
			for _, v := range g.adj[u] {
				x := int(rank[v])
				if x < len(lower) && lower[x] == v {
					pairs = append(pairs, [2]int{int(rank[u]), x})
				}
			}
		}
		total += inversions(pairs, len(lower))
	}
	return total
}

// inversions counts the pairs (a, b) that cross: a before b at the top and
// after it at the bottom, using a Fenwick tree over the n bottom places.
func inversions(pairs [][2]int, n int) int {
	slices.SortFunc(pairs, func(a, b [2]int) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	tree := make([]int, n+1)
	count, seen := 0, 0
	for _, p := range pairs {
		below := 0 // seen edges ending at or left of p's bottom
		for i := p[1] + 1; i > 0; i -= i & -i {
			below += tree[i]
		}
		count += seen - below
		for i := p[1] + 1; i <= n; i += i & -i {
			tree[i]++
		}
		seen++
	}
	return count
}
