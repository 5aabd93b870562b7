package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"reelgraph/graph"
)

// Explorer is what the window needs from a knowledge graph. Safe for
// concurrent use; every method but Brief and Location may touch the store,
// so the window calls them off the UI goroutine.
type Explorer interface {
	// Details returns a node, its neighbours (at most perGroup per group)
	// and its cited sources; graph.ErrNotFound for an unknown node.
	Details(ctx context.Context, id graph.ID, perGroup int) (graph.Details, error)
	// Node returns what the store says of id; graph.ErrNotFound if nothing.
	Node(ctx context.Context, id graph.ID) (graph.Node, error)
	// Neighbors returns the edges at id; graph.ErrNotFound for an unknown node.
	Neighbors(ctx context.Context, id graph.ID, opt graph.NeighborOptions) ([]graph.Edge, error)
	// Search returns up to limit nodes matching text, best first.
	Search(ctx context.Context, text string, limit int) ([]graph.Node, error)
	// Resolve finds a node by exact ID, label or alias.
	Resolve(ctx context.Context, name string) (graph.ID, error)
	// Brief labels a node from memory, without touching the store.
	Brief(id graph.ID) graph.Node
	// PredicateLabel returns the words a person reads for a predicate.
	PredicateLabel(p graph.ID) string
	// Stats counts what the store holds.
	Stats(ctx context.Context) (graph.Stats, error)
	// Sources lists every cited document.
	Sources(ctx context.Context) ([]graph.Source, error)
	// SetSourceKind grades a source; graph.ErrNotFound if it is no Source.
	SetSourceKind(ctx context.Context, id graph.ID, kind graph.SourceKind) error
	// Disputes lists the disputes of node, or of the store when node is "".
	Disputes(ctx context.Context, node graph.ID) ([]graph.Dispute, error)
	// Paths finds up to opt.K shortest paths between two nodes.
	Paths(ctx context.Context, from, to graph.ID, opt graph.PathOptions) ([]graph.Path, error)
	// Query runs a Gizmo query within timeout.
	Query(ctx context.Context, text string, limit int, timeout time.Duration) ([]graph.QueryResult, error)
	// Location says where the store lives.
	Location() graph.Location
}

var _ Explorer = (*graph.Store)(nil)

// uiDo runs fn on the UI goroutine. Work done off it (queries, loading)
// delivers its results through uiDo; tests replace it to serialize.
var uiDo = fyne.Do
