package graphtest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph"
)

// persistent reports whether a store at loc outlives Close: it lives in a
// directory or a database, not in memory.
func persistent(loc graph.Location) bool { return loc.Path != "" || loc.URL != "" }

func reopen(t *testing.T, ctx context.Context, loc graph.Location, opt graph.Options) *graph.Store {
	t.Helper()
	s, err := graph.Open(ctx, loc, opt)
	if err != nil {
		t.Fatalf("reopen %s: %v", loc, err)
	}
	return s
}

// testReopen closes a seeded store and opens it again: it keeps its quads
// and is not seeded a second time.
func testReopen(t *testing.T, ctx context.Context, s *graph.Store) {
	loc := s.Location()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !persistent(loc) {
		t.Skipf("a store in %s does not outlive Close", loc)
	}
	seeded := false
	s = reopen(t, ctx, loc, graph.Options{Seed: func() quad.Reader { seeded = true; return Fixture() }})
	defer s.Close()
	if seeded {
		t.Error("an existing store was seeded again")
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Quads != FixtureQuads {
		t.Errorf("after reopening, Stats = %+v, %v; want %d quads", st, err, FixtureQuads)
	}
	if _, err := s.Resolve(ctx, "Netflix"); err != nil {
		t.Errorf("after reopening, Resolve(Netflix): %v", err)
	}
}

// testRefresh: a store only its Store writes never needs a Refresh; on a
// shared store, what one Store loads another finds after Refresh.
func testRefresh(t *testing.T, ctx context.Context, a *graph.Store) {
	defer a.Close()
	if !a.Location().Shared() {
		for _, write := range []func() error{
			func() error { _, err := a.Load(ctx, Fixture()); return err },
			func() error { _, err := a.Import(ctx, NQ(t, ImportNQ), graph.ImportOptions{}); return err },
		} {
			if err := write(); err != nil {
				t.Fatal(err)
			}
			if changed, err := a.Refresh(ctx); changed || err != nil {
				t.Errorf("Refresh of a store nobody else writes = %v, %v; want false, nil", changed, err)
			}
		}
		return
	}
	b := reopen(t, ctx, a.Location(), graph.Options{})
	defer b.Close()
	if changed, err := b.Refresh(ctx); changed || err != nil {
		t.Errorf("Refresh of an unchanged store = %v, %v; want false, nil", changed, err)
	}
	if _, err := a.Load(ctx, Fixture()); err != nil {
		t.Fatal(err)
	}
	if changed, err := a.Refresh(ctx); changed || err != nil {
		t.Errorf("a.Refresh after its own load = %v, %v; want false, nil (nothing new to read)", changed, err)
	}
	if hits, _ := b.Search(ctx, "netflix", 5); len(hits) != 0 {
		t.Errorf("before Refresh, b finds %v", hits)
	}
	if changed, err := b.Refresh(ctx); !changed || err != nil {
		t.Errorf("Refresh after a's load = %v, %v; want true, nil", changed, err)
	}
	hits, err := b.Search(ctx, "netflix", 5)
	if err != nil || len(hits) != 1 || hits[0].ID != "urn:reelgraph:id:netflix" {
		t.Errorf("after Refresh, b.Search(netflix) = %v, %v", hits, err)
	}
	if st, _ := b.Stats(ctx); st.Sources != 2 {
		t.Errorf("after Refresh, b counts %d sources, want 2", st.Sources)
	}

	// b loads, then a loads without having refreshed: a's index is behind
	// b's quads, and its own load must not hide that from Refresh.
	one := func(s, name string) quad.Reader {
		return nquads.NewReader(strings.NewReader(fmt.Sprintf(
			"<urn:t:%s> <http://schema.org/name> %q <urn:t:src> .\n", s, name)), true)
	}
	if _, err := b.Load(ctx, one("b1", "Bravo Pictures")); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Load(ctx, one("a1", "Alpha Films")); err != nil {
		t.Fatal(err)
	}
	if changed, err := a.Refresh(ctx); !changed || err != nil {
		t.Errorf("a.Refresh after b's load and its own = %v, %v; want true, nil", changed, err)
	}
	for _, s := range []*graph.Store{a, b} {
		s.Refresh(ctx)
		for _, name := range []string{"Bravo Pictures", "Alpha Films"} {
			if hits, _ := s.Search(ctx, name, 1); len(hits) != 1 {
				t.Errorf("after both loads and Refresh, Search(%q) = %v", name, hits)
			}
		}
	}
}
