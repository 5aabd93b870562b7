package graph_test

import (
	"context"
	"path/filepath"
	"testing"

	"reelgraph/graph"
	"reelgraph/graph/graphtest"
)

// TestSourceKindPersists regrades a source, closes the store and opens it
// again: the grade is in the store, not only in its index.
func TestSourceKindPersists(t *testing.T) {
	for _, b := range []struct {
		name string
		loc  func(t *testing.T) graph.Location
	}{
		{"bolt", func(t *testing.T) graph.Location {
			return graph.Location{Backend: graph.Bolt, Path: filepath.Join(t.TempDir(), "store")}
		}},
		{"postgres", func(t *testing.T) graph.Location { return newPGLocation(t) }},
	} {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			loc := b.loc(t)
			s := open(t, loc, graph.Options{Seed: graphtest.Fixture})
			if err := s.SetSourceKind(ctx, "urn:reelgraph:src:news", graph.KindOutlet); err != nil {
				t.Fatal(err)
			}
			if err := s.SetSourceKind(ctx, "urn:reelgraph:src:news", graph.KindPrimary); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s = open(t, loc, graph.Options{})
			defer s.Close()
			src, err := s.Source(ctx, "urn:reelgraph:src:news")
			if err != nil || src.Kind != graph.KindPrimary || src.Facts != 13 {
				t.Errorf("after reopening, Source(news) = %+v, %v; want kind primary, 13 facts", src, err)
			}
		})
	}
}

func TestNumbersAgree(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"17", "17.2", true},
		{"17.2", "17", true},
		{"17", "17.5", false}, // 17.5 rounds to 18
		{"17.2", "17.3", false},
		{"17.2", "17.25", false}, // 17.25 rounds to 17.3
		{"17.2", "17.24", true},
		{"-3", "-3.4", true},
		{"-3", "-3.5", false},
		{"11510000000", "11500000000", false},
		{"11.50", "11.5", true},
		{"2025-09-30", "2025-09-30", false}, // not numbers: equal text is agreement elsewhere
		{"1e3", "1000", false},
		{"abc", "17", false},
	} {
		if got := graph.NumbersAgree(tc.a, tc.b); got != tc.want {
			t.Errorf("NumbersAgree(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestParseSourceKind(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want graph.SourceKind
		ok   bool
	}{
		{"primary", graph.KindPrimary, true},
		{"outlet", graph.KindOutlet, true},
		{"republication", graph.KindRepublication, true},
		{"import", graph.KindImport, true},
		{"none", graph.KindNone, true},
		{"", graph.KindNone, true},
		{"Primary", graph.KindNone, false},
		{"blog", graph.KindNone, false},
	} {
		got, err := graph.ParseSourceKind(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseSourceKind(%q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
