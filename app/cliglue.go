package app

import (
	"context"

	"reelgraph/app/cli"
	"reelgraph/app/report"
	"reelgraph/graph"
)

// What the window shares with the command line (app/cli): the flags that
// name the store, and the helpers that import, export and cite.
type (
	// StoreFlags name the store to open (see cli.StoreFlags).
	StoreFlags = cli.StoreFlags
	// Porter is what importing and exporting need of the store (see
	// cli.Porter).
	Porter = cli.Porter
)

// OpenStore opens the store the flags name (see cli.OpenStore).
func OpenStore(ctx context.Context, f StoreFlags) (*graph.Store, error) {
	return cli.OpenStore(ctx, f)
}

var (
	fileSource       = cli.FileSource
	exportTo         = cli.ExportTo
	thousands        = cli.Thousands
	citations        = cli.Citations
	resolvePredicate = cli.ResolvePredicate
	sourceLabel      = cli.SourceLabel
	writeAtomically  = report.WriteAtomically
)
