package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"reelgraph/graph"
	"reelgraph/graph/graphtest"
)

func TestSubgraph(t *testing.T) {
	ctx := context.Background()
	s := open(t, graph.Location{Backend: graph.Memory}, graph.Options{Seed: graphtest.Fixture})
	defer s.Close()
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
			var w lines
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
	if _, err := s.Subgraph(ctx, graph.Scope{Nodes: []graph.ID{"urn:nope"}}, &lines{}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("unknown node: got %v, want ErrNotFound", err)
	}
}
