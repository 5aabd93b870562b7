package graph

import (
	"context"
	"fmt"
)

// Refresh brings the in-memory index of names, types, edges and source
// counts up to date with the store, and reports whether the store had
// changed. Only a shared store (see Location.Shared), on a database
// server, changes under a Reelgraph; for the others Refresh does nothing
// and returns false. Until then, Neighbors and Details answer from the index as it
// was.
//
// It costs one small query when nothing changed, and a read of every quad
// when something did. Searches and reads keep using the old index until
// the new one is complete. It waits for a running Import or Load.
func (s *Store) Refresh(ctx context.Context) (bool, error) {
	if !s.loc.Shared() {
		return false, nil
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	v, changed, err := s.be.Changed(ctx)
	if err != nil {
		return false, fmt.Errorf("graph: refresh %s: %w", s.loc, err)
	}
	if !changed {
		return false, nil
	}
	fresh := &Store{loc: s.loc, be: s.be, qs: s.qs}
	if err := fresh.buildIndex(ctx); err != nil {
		return false, err
	}
	s.mu.Lock()
	s.names, s.text, s.kinds, s.labels, s.adj = fresh.names, fresh.text, fresh.kinds, fresh.labels, fresh.adj
	s.forgetSourcesLocked()
	s.mu.Unlock()
	s.be.Indexed(v)
	return true, nil
}
