// Package app is Reelgraph's front end: the Fyne explorer window and the
// command-line interface that scripts and tests use. Both run over the
// same graph.Store.
package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/data"
	"reelgraph/graph"
)

// StoreFlags are the flags every command shares.
type StoreFlags struct {
	DB    string // --db: "", "memory" or "bolt:PATH"
	Empty bool   // --empty: do not seed a new store with the bundled graph
}

// OpenStore opens the store the flags name, seeding a new one with the
// bundled graph unless Empty is set.
func OpenStore(ctx context.Context, f StoreFlags) (*graph.Store, error) {
	loc, err := graph.ParseLocation(f.DB)
	if err != nil {
		return nil, err
	}
	opt := graph.Options{Functional: functionalPredicates()}
	if !f.Empty {
		opt.Seed = bundledQuads
	}
	s, err := graph.Open(ctx, loc, opt)
	if err != nil {
		return nil, explainOpen(loc, err)
	}
	return s, nil
}

// functionalPredicates returns the predicates the shipped vocabulary says
// take one value per node.
func functionalPredicates() []graph.ID {
	var out []graph.ID
	for _, p := range data.FunctionalPredicates() {
		out = append(out, graph.ID(p))
	}
	return out
}

func bundledQuads() quad.Reader {
	return nquads.NewReader(data.Bundled(), true)
}

// explainOpen turns a failure to open a store into a sentence that says
// what to do.
func explainOpen(loc graph.Location, err error) error {
	switch {
	case errors.Is(err, graph.ErrLocked):
		return fmt.Errorf("the store %s is open in another Reelgraph; close it there, or pass --db memory", loc.Path)
	case errors.Is(err, graph.ErrNotStore):
		return fmt.Errorf("%v; Reelgraph will not write there: pass --db bolt:DIR with a new or empty directory", err)
	case errors.Is(err, graph.ErrLogin):
		return fmt.Errorf("%v; check the user name and password in --db postgres://USER:PASSWORD@HOST/DB, or in ~/.pgpass", err)
	case errors.Is(err, graph.ErrNoDatabase):
		return fmt.Errorf("%v; create it first (createdb NAME on the server) or fix its name in --db", err)
	case errors.Is(err, graph.ErrPrivilege):
		return fmt.Errorf("%v; docs/DEPLOY.md lists the privileges to grant", err)
	}
	return err
}
