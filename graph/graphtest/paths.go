package graphtest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"reelgraph/graph"
)

// pathLabels writes a path as its nodes' labels.
func pathLabels(s *graph.Store, p graph.Path) string {
	var names []string
	for _, id := range p.Nodes {
		names = append(names, s.Brief(id).Label)
	}
	return strings.Join(names, " > ")
}

func testPaths(t *testing.T, ctx context.Context, s *graph.Store) {
	for _, tc := range []struct {
		name     string
		from, to graph.ID
		opt      graph.PathOptions
		want     []string
		err      error
	}{
		{"two hops", "urn:reelgraph:id:sarandos", "urn:reelgraph:id:eternaut", graph.PathOptions{},
			[]string{"Ted Sarandos > Netflix > The Eternaut"}, nil},
		{"against the arrows", "urn:reelgraph:id:gilmore", "urn:reelgraph:id:sarandos", graph.PathOptions{},
			[]string{"Happy Gilmore 2 > Netflix > Ted Sarandos"}, nil},
		{"k paths", "urn:reelgraph:id:gilmore", "urn:reelgraph:id:eternaut", graph.PathOptions{K: 5},
			[]string{"Happy Gilmore 2 > Netflix > The Eternaut"}, nil},
		{"same node", "urn:reelgraph:id:netflix", "urn:reelgraph:id:netflix", graph.PathOptions{},
			[]string{"Netflix"}, nil},
		{"via a predicate", "urn:reelgraph:id:sarandos", "urn:reelgraph:id:eternaut",
			graph.PathOptions{Via: []graph.ID{"urn:reelgraph:vocab:streamedOn"}}, nil, graph.ErrNoPath},
		{"excluding a type", "urn:reelgraph:id:sarandos", "urn:reelgraph:id:eternaut",
			graph.PathOptions{ExcludeTypes: []graph.ID{graph.TypeCompany}}, nil, graph.ErrNoPath},
		{"disconnected", "urn:reelgraph:id:medici", "urn:reelgraph:id:netflix", graph.PathOptions{}, nil, graph.ErrNoPath},
		{"unknown end", "urn:reelgraph:id:nobody", "urn:reelgraph:id:netflix", graph.PathOptions{}, nil, graph.ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paths, err := s.Paths(ctx, tc.from, tc.to, tc.opt)
			if !errors.Is(err, tc.err) {
				t.Fatalf("error = %v, want %v", err, tc.err)
			}
			var got []string
			for _, p := range paths {
				got = append(got, pathLabels(s, p))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func testPathsCiteEveryHop(t *testing.T, ctx context.Context, s *graph.Store) {
	paths, err := s.Paths(ctx, "urn:reelgraph:id:sarandos", "urn:reelgraph:id:eternaut", graph.PathOptions{})
	if err != nil {
		t.Fatal(err)
	}
	hops := paths[0].Hops
	if len(hops) != 2 || len(hops[1].Edges) != 2 {
		t.Fatalf("hops = %+v, want 2 hops, the second with both edges joining Netflix and The Eternaut", hops)
	}
	for _, h := range hops {
		for _, e := range h.Edges {
			if e.Source == "" {
				t.Errorf("edge %v has no source", e)
			}
		}
	}
}

func testSubgraph(t *testing.T, ctx context.Context, s *graph.Store) {
	for _, tc := range []struct {
		name       string
		scope      graph.Scope
		has, lacks []string
	}{
		{"one node", graph.Scope{Nodes: []graph.ID{"urn:reelgraph:id:gilmore"}},
			[]string{`<urn:reelgraph:id:gilmore> <http://www.w3.org/2000/01/rdf-schema#label> "Happy Gilmore 2"`,
				`<urn:reelgraph:src:news> <http://www.w3.org/2000/01/rdf-schema#label> "A news report"`},
			[]string{"streamedOn", "urn:reelgraph:src:letter>"}},
		{"one hop", graph.Scope{From: "urn:reelgraph:id:gilmore", Hops: 1},
			[]string{`<urn:reelgraph:id:gilmore> <urn:reelgraph:vocab:streamedOn> <urn:reelgraph:id:netflix>`, `"Netflix"`, `<urn:reelgraph:src:letter> <http://schema.org/publisher>`},
			[]string{"eternaut"}},
		{"two hops", graph.Scope{From: "urn:reelgraph:id:gilmore", Hops: 2},
			[]string{`<urn:reelgraph:id:eternaut> <urn:reelgraph:vocab:streamedOn>`, "sarandos"},
			[]string{"medici"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w Lines
			if _, err := s.Subgraph(ctx, tc.scope, &w); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(w, "\n")
			for _, h := range tc.has {
				if !strings.Contains(text, h) {
					t.Errorf("subgraph lacks %s:\n%s", h, text)
				}
			}
			for _, l := range tc.lacks {
				if strings.Contains(text, l) {
					t.Errorf("subgraph has %s:\n%s", l, text)
				}
			}
		})
	}
	t.Run("all", func(t *testing.T) {
		if got := Dump(t, s); len(got) != FixtureQuads {
			t.Errorf("Subgraph(All) wrote %d quads, want %d", len(got), FixtureQuads)
		}
	})
	if _, err := s.Subgraph(ctx, graph.Scope{Nodes: []graph.ID{"urn:nope"}}, &Lines{}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("unknown node: got %v, want ErrNotFound", err)
	}
}
