package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/vocab"
)

// SourceKind grades a cited document by how authoritative it is. The
// store holds it as the Source's vocab:sourceKind literal.
type SourceKind string

// The kinds of source, best first. KindNone is a Source the store does not
// grade.
const (
	KindPrimary       SourceKind = vocab.KindPrimary       // the actor's own document
	KindOutlet        SourceKind = vocab.KindOutlet        // an established news organisation
	KindRepublication SourceKind = vocab.KindRepublication // an aggregator, copy or translation
	KindImport        SourceKind = vocab.KindImport        // a file the analyst imported
	KindNone          SourceKind = ""
)

// SourceKinds lists the kinds a Source can be graded, best first.
var SourceKinds = []SourceKind{KindPrimary, KindOutlet, KindRepublication, KindImport}

// ErrBadKind is returned for a kind that is not one of SourceKinds.
var ErrBadKind = errors.New("not a kind of source (primary, outlet, republication or import)")

// ParseSourceKind reads a kind as written in the store or by a person:
// "primary", "outlet", "republication", "import", or "none" or "" for no
// grade.
func ParseSourceKind(s string) (SourceKind, error) {
	if s == "none" || s == "" {
		return KindNone, nil
	}
	for _, k := range SourceKinds {
		if string(k) == s {
			return k, nil
		}
	}
	return KindNone, fmt.Errorf("graph: %q: %w", s, ErrBadKind)
}

// Rank orders kinds best first: 0 for primary up to 4 for none (and for
// a value the store holds that is no kind).
func (k SourceKind) Rank() int {
	for i, x := range SourceKinds {
		if x == k {
			return i
		}
	}
	return len(SourceKinds)
}

// Backs reports whether a fact cited to a source of this kind is backed by
// the actor's own document or an established outlet.
func (k SourceKind) Backs() bool { return k == KindPrimary || k == KindOutlet }

// String returns the kind as written, "none" for KindNone.
func (k SourceKind) String() string {
	if k == KindNone {
		return "none"
	}
	return string(k)
}

// SortSources orders srcs best kind first, keeping the order of sources of
// the same kind.
func SortSources(srcs []Source) {
	sort.SliceStable(srcs, func(i, j int) bool { return srcs[i].Kind.Rank() < srcs[j].Kind.Rank() })
}

// sortSourceIDs orders ids best kind first, as SortSources does.
func (s *Store) sortSourceIDs(ctx context.Context, ids []ID) {
	if len(ids) < 2 {
		return
	}
	rank := make(map[ID]int, len(ids))
	for _, id := range ids {
		src, err := s.Source(ctx, id)
		rank[id] = len(SourceKinds)
		if err == nil {
			rank[id] = src.Kind.Rank()
		}
	}
	sort.SliceStable(ids, func(i, j int) bool { return rank[ids[i]] < rank[ids[j]] })
}

// SetSourceKind grades the Source id as kind (KindNone removes its grade).
// The change is one transaction of the store, whatever its backend: the
// Source's old vocab:sourceKind statements are deleted and the new one,
// labelled with the Source itself, added, or neither. It waits for a
// running Import or Load. It returns ErrNotFound when id is not a node
// typed Source.
func (s *Store) SetSourceKind(ctx context.Context, id ID, kind SourceKind) error {
	if kind != KindNone && kind.Rank() == len(SourceKinds) {
		return fmt.Errorf("graph: grade %s: %q: %w", id, string(kind), ErrBadKind)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if !contains(s.Brief(id).Types, TypeSource) {
		return fmt.Errorf("graph: grade %s: not a source: %w", id, ErrNotFound)
	}
	deltas, err := s.regrade(ctx, id, kind)
	if err != nil || len(deltas) == 0 {
		return err
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		return fmt.Errorf("graph: grade %s: %w", id, err)
	}
	counts := make(map[ID]int)
	for _, d := range deltas {
		if l, ok := nodeID(d.Quad.Label); ok {
			counts[l] = s.countLabel(ctx, l)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgetSourcesLocked()
	for l, n := range counts {
		if n == 0 {
			delete(s.labels, l)
		} else {
			s.labels[l] = n
		}
	}
	return nil
}

// regrade returns the deltas that make kind the only grade of Source id:
// none when it is already.
func (s *Store) regrade(ctx context.Context, id ID, kind SourceKind) ([]cgraph.Delta, error) {
	ref, err := s.ref(id)
	if err != nil {
		return nil, err
	}
	want := quad.Quad{Subject: value(id), Predicate: quad.IRI(SourceKindOf), Object: quad.String(kind), Label: value(id)}
	var deltas []cgraph.Delta
	has := false
	err = s.eachQuad(ctx, quad.Subject, ref, func(q quad.Quad) error {
		if p, _ := nodeID(q.Predicate); p != SourceKindOf {
			return nil
		}
		if kind != KindNone && q == want {
			has = true
			return nil
		}
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: grade %s: %w", id, err)
	}
	if kind != KindNone && !has {
		deltas = append(deltas, cgraph.Delta{Quad: want, Action: cgraph.Add})
	}
	return deltas, nil
}
