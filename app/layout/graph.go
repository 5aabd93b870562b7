package layout

import "slices"

// Adjacency lists the neighbours of each node by ID. The arranging and
// metric functions read it as undirected: an edge listed at either end
// counts at both, repeats count once, and self-loops and IDs not among the
// nodes are ignored.
type Adjacency map[string][]string

// Link records an undirected edge between a and b.
func (a Adjacency) Link(x, y string) {
	a[x] = append(a[x], y)
	a[y] = append(a[y], x)
}

// igraph is an undirected graph over the indices of ids, each neighbour list
// sorted and without repeats, so that walks over it are deterministic.
type igraph struct {
	ids []string
	adj [][]int32
}

// index builds the igraph of ids and adj; a repeated ID counts once, at its
// first place.
func index(ids []string, adj Adjacency) igraph {
	at := make(map[string]int32, len(ids))
	g := igraph{ids: make([]string, 0, len(ids))}
	for _, id := range ids {
		if _, ok := at[id]; !ok {
			at[id] = int32(len(g.ids))
			g.ids = append(g.ids, id)
		}
	}
	g.adj = make([][]int32, len(g.ids))
	for from, tos := range adj {
		a, ok := at[from]
		if !ok {
			continue
		}
		for _, to := range tos {
			if b, ok := at[to]; ok && a != b {
				g.adj[a] = append(g.adj[a], b)
				g.adj[b] = append(g.adj[b], a)
			}
		}
	}
	for i, ns := range g.adj {
		slices.Sort(ns)
		g.adj[i] = slices.Compact(ns)
	}
	return g
}

// bfs walks g breadth first from sources, which must not yet be seen,
// marking each node it reaches with its depth (sources at base) and parent
// (-1 for sources) and appending it to order, which it returns. depth holds
// -1 for nodes not yet seen.
func (g igraph) bfs(sources []int32, base int32, depth, parent []int32, order []int32) []int32 {
	start := len(order)
	for _, s := range sources {
		depth[s], parent[s] = base, -1
		order = append(order, s)
	}
	for i := start; i < len(order); i++ {
		u := order[i]
		for _, v := range g.adj[u] {
			if depth[v] < 0 {
				depth[v], parent[v] = depth[u]+1, u
				order = append(order, v)
			}
		}
	}
	return order
}

// hub returns the node of the highest degree among those not yet seen in
// depth, the first in ids order on a tie, or -1 if every node is seen.
func (g igraph) hub(depth []int32) int32 {
	best := int32(-1)
	for i := range g.ids {
		if depth[i] < 0 && (best < 0 || len(g.adj[i]) > len(g.adj[best])) {
			best = int32(i)
		}
	}
	return best
}

// unseen returns a depth slice for g with every node unseen, and a parent
// slice to go with it.
func (g igraph) unseen() (depth, parent []int32) {
	depth, parent = make([]int32, len(g.ids)), make([]int32, len(g.ids))
	for i := range depth {
		depth[i] = -1
	}
	return depth, parent
}

// positions keys the points pos, by index, with the IDs of g.
func (g igraph) positions(pos []Point) map[string]Point {
	m := make(map[string]Point, len(pos))
	for i, p := range pos {
		m[g.ids[i]] = p
	}
	return m
}
