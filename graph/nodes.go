package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// Node returns everything the store says of id as a subject: label, types,
// description, aliases, literal properties and the sources of those
// statements. It returns ErrNotFound when id occurs in no quad.
func (s *Store) Node(ctx context.Context, id ID) (Node, error) {
	ref, err := s.ref(id)
	if err != nil {
		return Node{}, err
	}
	n := s.Brief(id)
	labelRank := len(labelPredicates)
	sources := make(map[ID]bool)
	err = s.eachQuad(ctx, quad.Subject, ref, func(q quad.Quad) error {
		pred, _ := nodeID(q.Predicate)
		src, _ := nodeID(q.Label)
		if _, isNode := nodeID(q.Object); isNode {
			return nil // edges and IRI types come from Neighbors and the index
		}
		if src != "" && !sources[src] {
			sources[src] = true
			n.Sources = append(n.Sources, src)
		}
		text := literalText(q.Object)
		switch {
		case rankOf(labelPredicates, pred) >= 0:
			if r := rankOf(labelPredicates, pred); r < labelRank {
				labelRank = r
			}
			if text != n.Label {
				n.Aliases = appendNew(n.Aliases, text)
			}
		case contains(aliasPredicates, pred):
			n.Aliases = appendNew(n.Aliases, text)
		case contains(descriptionPredicates, pred) && n.Description == "":
			n.Description = text
		case contains(typePredicates, pred):
		default:
			n.Properties = append(n.Properties, property(pred, q.Object, src))
		}
		return nil
	})
	if err != nil {
		return Node{}, fmt.Errorf("graph: node %s: %w", id, err)
	}
	sort.SliceStable(n.Properties, func(i, j int) bool { return n.Properties[i].Predicate < n.Properties[j].Predicate })
	return n, nil
}

// Brief returns a node's ID, label and types from the in-memory index,
// without reading the store. A blank node without a label is described by
// its neighbours' labels (adjacency.describe); other nodes without one get
// their IRI's last segment.
func (s *Store) Brief(id ID) Node {
	s.mu.RLock()
	info := s.names[id]
	n := Node{ID: id, Label: info.label, Types: info.types}
	if n.Label == "" && s.adj != nil {
		if num, ok := s.adj.num[id]; ok {
			n.Label = s.adj.labelOf(num)
		}
	}
	s.mu.RUnlock()
	if n.Label == "" {
		n.Label = LocalName(id)
	}
	return n
}

// Neighbors returns the edges between id and other nodes, in the direction
// opt asks for: outgoing edges first, then incoming, each in the order
// the store received them. Type statements are not edges (they are the
// node's Types). It returns ErrNotFound when id occurs in no quad. The
// edges come from the index, not the quads, so a supernode costs only the
// edges asked for.
func (s *Store) Neighbors(ctx context.Context, id ID, opt NeighborOptions) ([]Edge, error) {
	if _, err := s.ref(id); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.adj.neighbors(id, opt), ctx.Err()
}

// NeighborCounts counts id's edges per predicate and direction, outgoing
// before incoming, then by predicate.
func (s *Store) NeighborCounts(ctx context.Context, id ID) ([]PredicateCount, error) {
	edges, err := s.Neighbors(ctx, id, NeighborOptions{Dir: Both})
	if err != nil {
		return nil, err
	}
	type key struct {
		p ID
		d Direction
	}
	counts := make(map[key]int)
	for _, e := range edges {
		d := Out
		if e.Subject != id {
			d = In
		}
		counts[key{e.Predicate, d}]++
	}
	out := make([]PredicateCount, 0, len(counts))
	for k, c := range counts {
		out = append(out, PredicateCount{Predicate: k.p, Dir: k.d, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Dir != out[j].Dir {
			return out[i].Dir < out[j].Dir
		}
		return out[i].Predicate < out[j].Predicate
	})
	return out, nil
}

// Search returns up to limit nodes whose label or alias contains text,
// ignoring case and accents, best match first (see TextIndex.Search). The
// nodes carry ID, Label and Types.
func (s *Store) Search(ctx context.Context, text string, limit int) ([]Node, error) {
	s.mu.RLock()
	hits := s.text.Search(text, limit)
	s.mu.RUnlock()
	nodes := make([]Node, len(hits))
	for i, h := range hits {
		nodes[i] = s.Brief(h.ID)
	}
	return nodes, ctx.Err()
}

// Resolve finds the node a person means by name: an ID that occurs in the
// store, or else the best exact match of a label or alias. It returns
// ErrNotFound when nothing matches exactly.
func (s *Store) Resolve(ctx context.Context, name string) (ID, error) {
	id := ID(strings.TrimSuffix(strings.TrimPrefix(name, "<"), ">"))
	if _, err := s.ref(id); err == nil {
		return id, nil
	}
	s.mu.RLock()
	hits := s.text.Search(name, 1)
	s.mu.RUnlock()
	if len(hits) == 0 || hits[0].Match != MatchExact {
		return "", fmt.Errorf("graph: no node named %q: %w", name, ErrNotFound)
	}
	return hits[0].ID, nil
}

// edgeOf returns the edge a quad states, if its object is a node and it is
// not a type statement.
func edgeOf(q quad.Quad) (Edge, bool) {
	subj, ok1 := nodeID(q.Subject)
	pred, ok2 := nodeID(q.Predicate)
	obj, ok3 := nodeID(q.Object)
	if !ok1 || !ok2 || !ok3 || contains(typePredicates, pred) {
		return Edge{}, false
	}
	src, _ := nodeID(q.Label)
	return Edge{Subject: subj, Predicate: pred, Object: obj, Source: src}, true
}

// ref returns the store's reference for id, or ErrNotFound.
func (s *Store) ref(id ID) (refs.Ref, error) {
	if id == "" {
		return nil, fmt.Errorf("graph: empty node id: %w", ErrNotFound)
	}
	ref, err := s.qs.ValueOf(value(id))
	if err != nil {
		return nil, fmt.Errorf("graph: node %s: %w", id, err)
	}
	if ref == nil {
		return nil, fmt.Errorf("graph: node %s: %w", id, ErrNotFound)
	}
	return ref, nil
}

// eachQuad calls fn with every quad that has ref in direction d, stopping
// at the first error fn returns.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, ref refs.Ref, fn func(quad.Quad) error) error {
	return iterator.Iterate(ctx, s.qs.QuadIterator(d, ref)).Each(func(r refs.Ref) error {
		q, err := s.qs.Quad(r)
		if err != nil {
			return err
		}
		return fn(q)
	})
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
