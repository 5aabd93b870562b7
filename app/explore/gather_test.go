package explore

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"reelgraph/graph"
)

// chain is a store of edges: a-b, b-c, c-d, a-e, and b-e stated twice.
type chain []graph.Edge

func (c chain) Neighbors(_ context.Context, id graph.ID, opt graph.NeighborOptions) ([]graph.Edge, error) {
	var out []graph.Edge
	for _, e := range c {
		if (e.Subject == id || e.Object == id) && (opt.Limit == 0 || len(out) < opt.Limit) {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return nil, graph.ErrNotFound
	}
	return out, nil
}

func ed(s, o string) graph.Edge {
	return graph.Edge{Subject: graph.ID(s), Predicate: "p", Object: graph.ID(o), Source: "src"}
}

func TestGather(t *testing.T) {
	store := chain{ed("a", "b"), ed("b", "c"), ed("c", "d"), ed("a", "e"), ed("b", "e"), ed("b", "e")}
	for _, tc := range []struct {
		name      string
		opt       GatherOptions
		nodes     string
		edgeCount int
	}{
		{"one hop", GatherOptions{Hops: 1}, "[a b e]", 3},
		{"two hops", GatherOptions{Hops: 2}, "[a b e c]", 4},
		{"at most two nodes", GatherOptions{Hops: 3, Max: 2}, "[a b]", 1},
		{"shown nodes are not taken but linked", GatherOptions{Hops: 1, Shown: map[graph.ID]bool{"e": true}}, "[a b]", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nodes, edges, err := Gather(context.Background(), store, "a", tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(nodes); got != tc.nodes {
				t.Errorf("nodes: got %s want %s", got, tc.nodes)
			}
			if len(edges) != tc.edgeCount {
				t.Errorf("edges: got %v want %d of them", edges, tc.edgeCount)
			}
			for i, e := range edges {
				if slices.Contains(edges[i+1:], e) {
					t.Errorf("edge %v twice", e)
				}
			}
		})
	}
	if _, _, err := Gather(context.Background(), store, "zz", GatherOptions{Hops: 1}); err == nil {
		t.Error("gathering around an unknown node: got no error")
	}
}
