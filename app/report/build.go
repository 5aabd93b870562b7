package report

import (
	"context"
	"fmt"
	"time"

	"reelgraph/graph"
)

// Store is what Build reads. Safe for concurrent use (graph.Store
// satisfies it).
type Store interface {
	Graph
	// Details returns a node, its neighbours (all when perGroup is zero)
	// and the sources its statements cite; graph.ErrNotFound if unknown.
	Details(ctx context.Context, id graph.ID, perGroup int) (graph.Details, error)
	// Node returns what the store says of id (a Source's kind among its
	// properties); graph.ErrNotFound if nothing.
	Node(ctx context.Context, id graph.ID) (graph.Node, error)
}

// Input is what a report is about.
type Input struct {
	Title string
	Date  time.Time
	// Nodes are the entities, in the order the report lists them.
	Nodes []graph.ID
	// Paths, when set, are written as chains of cited hops; the entities
	// then carry only their literal facts, for the chains state the edges.
	// Without paths, each entity carries its edges to the other Nodes.
	Paths []graph.Path
	// Picture is a PNG of the view, described by Caption.
	Picture []byte
	Caption string
}

// sourceKind is the predicate of a Source's kind (docs/VOCABULARY.md).
const sourceKind = graph.VocabNS + "sourceKind"

// Build gathers a report: each node's details, its facts as sentences and
// the sources they cite, numbered in order of first citation (the paths'
// hops first). A node the store does not know is an error.
func Build(ctx context.Context, s Store, in Input) (Report, error) {
	details := make([]graph.Details, 0, len(in.Nodes))
	cited := make(map[graph.ID]graph.Source)
	for _, id := range in.Nodes {
		d, err := s.Details(ctx, id, 0)
		if err != nil {
			return Report{}, fmt.Errorf("report: %s: %w", id, err)
		}
		details = append(details, d)
		for _, src := range d.Cited {
			cited[src.ID] = src
		}
	}
	cite := func(id graph.ID) Source {
		src, ok := cited[id]
		if !ok {
			src = graph.Source{ID: id, Title: s.Brief(id).Label}
		}
		out := Source{ID: id, Title: src.Title, Publisher: src.Publisher, Date: src.Date, URL: src.URL}
		if n, err := s.Node(ctx, id); err == nil {
			for _, p := range n.Properties {
				if p.Predicate == sourceKind {
					out.Kind = p.Value
				}
			}
		}
		return out
	}
	b := newBuilder(in.Title, in.Date, s, cite)
	b.r.Picture, b.r.Caption = in.Picture, in.Caption
	for _, p := range in.Paths {
		b.addPath(p)
	}
	var set map[graph.ID]bool
	if len(in.Paths) == 0 {
		set = make(map[graph.ID]bool, len(in.Nodes))
		for _, id := range in.Nodes {
			set[id] = true
		}
	}
	for _, d := range details {
		b.addEntity(d, set)
	}
	return b.r, ctx.Err()
}
