// Package memory is the backend of stores held in memory, in Cayley's
// memstore: gone when closed. It registers itself as "memory".
package memory

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/internal/backend"
)

// Name is the backend's name in --db.
const Name = "memory"

func init() {
	backend.Register(backend.Registration{Name: Name, Open: open})
}

type store struct{ qs cgraph.QuadStore }

func open(ctx context.Context, cfg backend.Config) (backend.Store, error) {
	s := &store{qs: memstore.New()}
	if cfg.Seed != nil {
		if _, err := backend.Load(ctx, s.qs, cfg.Seed()); err != nil {
			return nil, fmt.Errorf("graph: seed: %w", err)
		}
	}
	return s, nil
}

func (s *store) QuadStore() cgraph.QuadStore { return s.qs }

// Changed reports false: nobody else writes to the store.
func (s *store) Changed(context.Context) (int64, bool, error) { return 0, false, nil }

// Indexed does nothing: the domain's index always matches the store.
func (s *store) Indexed(int64) {}

// Snapshot reports false: a store in memory keeps no snapshot.
func (s *store) Snapshot() (string, backend.Stamp, bool) { return "", backend.Stamp{}, false }

func (s *store) Close() error { return s.qs.Close() }

// NewImport begins an import that holds the quads until Commit and applies
// them in one ApplyDeltas: the store is in memory anyway, and the deltas
// cost about what the stored quads will.
func (s *store) NewImport(context.Context) (backend.Target, error) {
	return &target{live: s.qs, seen: make(map[quad.Value]struct{}), pend: make(map[quad.Quad]struct{})}, nil
}

// target imports into an in-memory store.
type target struct {
	live   cgraph.QuadStore
	deltas []cgraph.Delta
	pend   map[quad.Quad]struct{}  // the quads of deltas: a repeated quad is held once
	seen   map[quad.Value]struct{} // subjects added so far
	done   bool
}

func (t *target) Count(ctx context.Context) (int64, error) {
	st, err := t.live.Stats(ctx, false)
	if err != nil {
		return 0, err
	}
	// Duplicates within the pending deltas are not known until they are
	// applied; count the distinct ones.
	return st.Quads.Value + int64(len(t.pending())), nil
}

// pending returns the deltas the live store does not hold yet, compacting
// t.deltas on the way (Add keeps them free of repeats).
func (t *target) pending() []cgraph.Delta {
	out := t.deltas[:0]
	for _, d := range t.deltas {
		if t.holds(d.Quad) {
			delete(t.pend, d.Quad)
			continue
		}
		out = append(out, d)
	}
	t.deltas = out
	return out
}

// holds reports whether the live store has q.
func (t *target) holds(q quad.Quad) bool {
	ref, err := t.live.ValueOf(q.Subject)
	if err != nil || ref == nil {
		return false
	}
	found := false
	for _, d := range []quad.Direction{quad.Predicate, quad.Object, quad.Label} {
		r, err := t.live.ValueOf(q.Get(d))
		if err != nil || r == nil {
			return false
		}
	}
	it := t.live.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	for !found && it.Next(context.Background()) {
		if got, err := t.live.Quad(it.Result()); err == nil && got == q {
			found = true
		}
	}
	return found
}

func (t *target) Known(v quad.Value) (bool, error) {
	if _, ok := t.seen[v]; ok {
		return true, nil
	}
	return backend.IsSubject(t.live, v)
}

func (t *target) Add(batch []quad.Quad) error {
	for _, q := range batch {
		t.seen[q.Subject] = struct{}{}
		if _, dup := t.pend[q]; dup {
			continue
		}
		t.pend[q] = struct{}{}
		t.deltas = append(t.deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return nil
}

func (t *target) Commit() error {
	if t.done {
		return backend.ErrImportDone
	}
	t.done = true
	err := t.live.ApplyDeltas(t.deltas, cgraph.IgnoreOpts{IgnoreDup: true})
	t.deltas, t.pend = nil, nil
	return err
}

func (t *target) Abort() { t.deltas, t.pend, t.done = nil, nil, true }
