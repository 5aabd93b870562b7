package explore

import (
	"context"

	"reelgraph/graph"
)

// Neighbors is what Gather reads of a store; graph.Store has it.
type Neighbors interface {
	// Neighbors returns the edges at id, at most opt.Limit if it is set;
	// graph.ErrNotFound for an unknown node.
	Neighbors(ctx context.Context, id graph.ID, opt graph.NeighborOptions) ([]graph.Edge, error)
}

// GatherOptions bound what Gather takes.
type GatherOptions struct {
	Hops  int // how far from the centre: 1 takes its neighbours
	Max   int // the most nodes taken, the centre included; 0 for no bound
	Limit int // the most edges read at each node but the centre; 0 for all
	// Shown are nodes already on the canvas: they are not taken again,
	// but the edges between them and what is taken are.
	Shown map[graph.ID]bool
}

// Gather takes the neighbourhood of id: id and the nodes within opt.Hops
// of it, nearest first and in the store's order at each node, with every
// edge among them and between them and opt.Shown, each edge once. It is
// what the explorer shows on focusing a node and what the snapshot
// command draws.
func Gather(ctx context.Context, s Neighbors, id graph.ID, opt GatherOptions) ([]graph.ID, []graph.Edge, error) {
	order := []graph.ID{id}
	depth := map[graph.ID]int{id: 0}
	var found []graph.Edge
	for i := 0; i < len(order); i++ {
		n := order[i]
		limit := opt.Limit
		if i == 0 {
			limit = 0
		}
		es, err := s.Neighbors(ctx, n, graph.NeighborOptions{Limit: limit})
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			o := e.Other(n)
			if _, ok := depth[o]; !ok && !opt.Shown[o] && depth[n] < opt.Hops && (opt.Max <= 0 || len(order) < opt.Max) {
				depth[o] = depth[n] + 1
				order = append(order, o)
			}
			found = append(found, e)
		}
	}
	in := func(x graph.ID) bool { _, ok := depth[x]; return ok || opt.Shown[x] }
	seen := make(map[graph.Edge]bool)
	var edges []graph.Edge
	for _, e := range found {
		if !seen[e] && in(e.Subject) && in(e.Object) {
			seen[e] = true
			edges = append(edges, e)
		}
	}
	return order, edges, nil
}
