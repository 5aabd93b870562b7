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
	// Disputes returns the node's disputes: a one-valued predicate with
	// different values from different sources.
	Disputes(ctx context.Context, node graph.ID) ([]graph.Dispute, error)
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

// Build gathers a report: each node's details, its facts as sentences and
// the sources they cite, numbered in order of first citation (the paths'
// hops first). A node the store does not know is an error.
func Build(ctx context.Context, s Store, in Input) (Report, error) {
	details := make([]graph.Details, 0, len(in.Nodes))
	disputes := make([][]graph.Dispute, 0, len(in.Nodes))
	cited := make(map[graph.ID]graph.Source)
	for _, id := range in.Nodes {
		d, err := s.Details(ctx, id, 0)
		if err != nil {
			return Report{}, fmt.Errorf("report: %s: %w", id, err)
		}
		ds, err := s.Disputes(ctx, id)
		if err != nil {
			return Report{}, fmt.Errorf("report: %s: %w", id, err)
		}
		details = append(details, d)
		disputes = append(disputes, ds)
		for _, src := range d.Cited {
			cited[src.ID] = src
		}
	}
	cite := func(id graph.ID) Source {
		src, ok := cited[id]
		if !ok {
			src = graph.Source{ID: id, Title: s.Brief(id).Label}
		}
		return Source{ID: id, Title: src.Title, Publisher: src.Publisher, Date: src.Date, URL: src.URL, Kind: string(src.Kind)}
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
	for i, d := range details {
		b.addEntity(d, disputes[i], set)
	}
	return b.r, ctx.Err()
}
