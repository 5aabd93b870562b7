package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
)

// Stats counts the store's quads and nodes, its entities per type (keyed
// by the type's label) and its sources.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		// a bolt store that has never been written to
		st, err = cgraph.Stats{}, nil
	}
	if err != nil {
		return Stats{}, fmt.Errorf("graph: stats: %w", err)
	}
	nodes := st.Nodes.Value
	if !st.Nodes.Exact {
		if nodes, err = iterator.Iterate(ctx, s.qs.NodesAllIterator()).Count(); err != nil {
			return Stats{}, fmt.Errorf("graph: stats: %w", err)
		}
	}
	out := Stats{Quads: st.Quads.Value, Nodes: nodes, Types: make(map[string]int)}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for t, n := range s.kinds {
		out.Types[s.labelLocked(t)] += n
	}
	out.Sources = s.kinds[TypeSource]
	return out, nil
}

// Sources returns every node typed Source with its kind and the number of
// facts it labels: best kind first (see SourceKind.Rank), then most facts,
// then by title.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	s.mu.RLock()
	var ids []ID
	for id, info := range s.names {
		if contains(info.types, TypeSource) {
			ids = append(ids, id)
		}
	}
	s.mu.RUnlock()
	out := make([]Source, 0, len(ids))
	for _, id := range ids {
		src, err := s.Source(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	sort.Slice(out, func(i, j int) bool {
		if ri, rj := out[i].Kind.Rank(), out[j].Kind.Rank(); ri != rj {
			return ri < rj
		}
		if out[i].Facts != out[j].Facts {
			return out[i].Facts > out[j].Facts
		}
		return out[i].Title < out[j].Title
	})
	return out, nil
}

// Source returns the cited document id names: its title, publisher, date,
// URL, kind and how many facts it labels. Its fields are empty where the store
// does not state them. Answers are kept until the store is next written
// to, so that a node citing hundreds of sources costs no read of each.
func (s *Store) Source(ctx context.Context, id ID) (Source, error) {
	s.mu.RLock()
	src, ok := s.sources[id]
	gen, facts := s.writes, s.labels[id]
	s.mu.RUnlock()
	if !ok {
		var err error
		if src, err = s.readSource(ctx, id); err != nil {
			return Source{}, err
		}
		s.mu.Lock()
		if s.writes == gen { // else what was read may be out of date already
			if s.sources == nil {
				s.sources = make(map[ID]Source)
			}
			s.sources[id] = src
		}
		s.mu.Unlock()
	}
	src.Facts = facts
	return src, nil
}

// forgetSourcesLocked drops the Sources kept, after a write. The caller
// holds s.mu.
func (s *Store) forgetSourcesLocked() {
	s.sources, s.writes = nil, s.writes+1
}

// readSource reads a Source's fields, all but Facts, from the store.
func (s *Store) readSource(ctx context.Context, id ID) (Source, error) {
	n, err := s.Node(ctx, id)
	if err != nil {
		return Source{}, err
	}
	src := Source{ID: id, Title: n.Label}
	for _, p := range n.Properties {
		switch p.Predicate {
		case Publisher:
			src.Publisher = p.Value
		case DatePublished:
			src.Date = p.Value
		case URL:
			src.URL = p.Value
		case SourceKindOf:
			src.Kind = SourceKind(p.Value)
		}
	}
	return src, nil
}

// labelLocked is Brief's label, for callers that hold s.mu.
func (s *Store) labelLocked(id ID) string {
	if l := s.names[id].label; l != "" {
		return l
	}
	return LocalName(id)
}
