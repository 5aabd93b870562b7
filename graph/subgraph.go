package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// Scope says which part of the store Subgraph takes.
type Scope struct {
	// All takes every quad; the other fields are then ignored.
	All bool
	// Nodes are taken as they are.
	Nodes []ID
	// From, when set, adds the nodes within Hops edges of it, either way.
	From ID
	Hops int
}

// Subgraph writes the quads of the scope to w and returns how many it wrote.
//
// For All that is every quad, in store order. Otherwise it is, for the
// scope's nodes: every statement whose subject is one of them and whose
// object is a literal, a type, or another of them; then the description of
// every Source those statements cite. Those quads come sorted, so the same
// scope over the same store always writes the same output. Unknown node IDs
// are an ErrNotFound.
func (s *Store) Subgraph(ctx context.Context, sc Scope, w quad.Writer) (int, error) {
	if sc.All {
		return s.writeAll(ctx, w)
	}
	nodes, err := s.scopeNodes(ctx, sc)
	if err != nil {
		return 0, fmt.Errorf("graph: subgraph: %w", err)
	}
	quads, err := s.statements(ctx, nodes)
	if err != nil {
		return 0, fmt.Errorf("graph: subgraph: %w", err)
	}
	n, err := w.WriteQuads(quads)
	if err != nil {
		return n, fmt.Errorf("graph: subgraph: %w", err)
	}
	return n, nil
}

func (s *Store) writeAll(ctx context.Context, w quad.Writer) (int, error) {
	n := 0
	err := iterator.Iterate(ctx, s.qs.QuadsAllIterator()).Each(func(r refs.Ref) error {
		q, err := s.qs.Quad(r)
		if err != nil {
			return err
		}
		n++
		return w.WriteQuad(q)
	})
	if err != nil {
		return n, fmt.Errorf("graph: subgraph: %w", err)
	}
	return n, nil
}

// scopeNodes returns the set of nodes a scope names.
func (s *Store) scopeNodes(ctx context.Context, sc Scope) (map[ID]bool, error) {
	set := make(map[ID]bool)
	for _, id := range sc.Nodes {
		if _, err := s.ref(id); err != nil {
			return nil, err
		}
		set[id] = true
	}
	if sc.From == "" {
		return set, nil
	}
	if _, err := s.ref(sc.From); err != nil {
		return nil, err
	}
	set[sc.From] = true
	frontier := []ID{sc.From}
	for hop := 0; hop < sc.Hops && len(frontier) > 0; hop++ {
		var next []ID
		for _, id := range frontier {
			edges, err := s.Neighbors(ctx, id, NeighborOptions{Dir: Both})
			if err != nil {
				return nil, err
			}
			for _, e := range edges {
				if o := e.Other(id); !set[o] {
					set[o] = true
					next = append(next, o)
				}
			}
		}
		frontier = next
	}
	return set, nil
}

// statements gathers what Subgraph writes for a set of nodes, sorted.
func (s *Store) statements(ctx context.Context, nodes map[ID]bool) ([]quad.Quad, error) {
	seen := make(map[quad.Quad]bool)
	var out []quad.Quad
	sources := make(map[ID]bool)
	keep := func(q quad.Quad) error {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
			if l, ok := nodeID(q.Label); ok {
				sources[l] = true
			}
		}
		return nil
	}
	for id := range nodes {
		ref, err := s.ref(id)
		if err != nil {
			return nil, err
		}
		err = s.eachQuad(ctx, quad.Subject, ref, func(q quad.Quad) error {
			pred, _ := nodeID(q.Predicate)
			obj, isNode := nodeID(q.Object)
			if !isNode || nodes[obj] || contains(typePredicates, pred) {
				return keep(q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for src := range sources {
		ref, err := s.ref(src)
		if err != nil {
			continue // a label that is no node of its own: nothing describes it
		}
		if err := s.eachQuad(ctx, quad.Subject, ref, keep); err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].NQuad() < out[j].NQuad() })
	return out, nil
}
