package layout

import "math"

// PageRank parameters: the damping factor, the L1 change between iterations
// below which the ranks count as converged, and a bound on iterations.
const (
	Damping       = 0.85
	rankTolerance = 1e-10
	rankMaxIter   = 200
)

// Degree returns the number of distinct neighbours of each node.
func Degree(ids []string, adj Adjacency) map[string]float64 {
	g := index(ids, adj)
	m := make(map[string]float64, len(g.ids))
	for i, id := range g.ids {
		m[id] = float64(len(g.adj[i]))
	}
	return m
}

// PageRank returns the PageRank of each node, walking each undirected edge
// both ways, by power iteration with damping factor Damping until the ranks
// change by less than 1e-10 (in sum) or 200 iterations have run. A node
// without neighbours shares its rank among all nodes. The ranks sum to 1.
func PageRank(ids []string, adj Adjacency) map[string]float64 {
	g := index(ids, adj)
	n := len(g.ids)
	rank, next := make([]float64, n), make([]float64, n)
	for i := range rank {
		rank[i] = 1 / float64(n)
	}
	for range rankMaxIter {
		dangling := 0.0
		for i, ns := range g.adj {
			if len(ns) == 0 {
				dangling += rank[i]
			}
		}
		base := (1-Damping)/float64(n) + Damping*dangling/float64(n)
		for i := range next {
			next[i] = base
		}
		for i, ns := range g.adj {
			share := Damping * rank[i] / float64(len(ns))
			for _, j := range ns {
				next[j] += share
			}
		}
		change := 0.0
		for i := range rank {
			change += math.Abs(next[i] - rank[i])
		}
		rank, next = next, rank
		if change < rankTolerance {
			break
		}
	}
	m := make(map[string]float64, n)
	for i, id := range g.ids {
		m[id] = rank[i]
	}
	return m
}
