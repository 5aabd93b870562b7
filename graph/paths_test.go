package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/data"
	"reelgraph/graph"
)

func bundled() quad.Reader { return nquads.NewReader(data.Bundled(), true) }

func labels(s *graph.Store, p graph.Path) string {
	var names []string
	for _, id := range p.Nodes {
		names = append(names, s.Brief(id).Label)
	}
	return strings.Join(names, " > ")
}

// TestPathsOnBundledGraph asks how key entities of the bundled graph are
// connected; each row names the ends and a node one of the paths must pass.
func TestPathsOnBundledGraph(t *testing.T) {
	ctx := context.Background()
	s := open(t, graph.Location{Backend: graph.Memory}, graph.Options{Seed: bundled})
	defer s.Close()
	for _, tc := range []struct {
		from, to, through string
		maxHops           int
	}{
		{"Ted Sarandos", "The Eternaut", "Netflix", 3},
		{"Bryan Cranston", "OpenAI", "", 4},
		{"Sora 2", "SAG-AFTRA", "", 4},
		{"Lionsgate", "Runway", "", 3},
		{"Netflix", "Sora 2", "", 6},
	} {
		t.Run(tc.from+" to "+tc.to, func(t *testing.T) {
			from, err := s.Resolve(ctx, tc.from)
			if err != nil {
				t.Fatal(err)
			}
			to, err := s.Resolve(ctx, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			paths, err := s.Paths(ctx, from, to, graph.PathOptions{K: 3})
			if err != nil {
				t.Fatalf("Paths: %v", err)
			}
			through := tc.through == ""
			for i, p := range paths {
				if len(p.Nodes)-1 > tc.maxHops && i == 0 {
					t.Errorf("shortest path has %d hops, want at most %d: %s", len(p.Nodes)-1, tc.maxHops, labels(s, p))
				}
				if i > 0 && len(p.Nodes) < len(paths[i-1].Nodes) {
					t.Errorf("path %d is shorter than path %d", i, i-1)
				}
				if p.Nodes[0] != from || p.Nodes[len(p.Nodes)-1] != to {
					t.Errorf("path %s does not run from %s to %s", labels(s, p), tc.from, tc.to)
				}
				seen := map[graph.ID]bool{}
				for _, n := range p.Nodes {
					if seen[n] {
						t.Errorf("path %s visits %s twice", labels(s, p), n)
					}
					seen[n] = true
					through = through || s.Brief(n).Label == tc.through
				}
				for _, h := range p.Hops {
					if len(h.Edges) == 0 {
						t.Errorf("hop %s-%s of %s has no edge", h.From, h.To, labels(s, p))
					}
					for _, e := range h.Edges {
						if e.Source == "" {
							t.Errorf("edge %v is not cited", e)
						}
					}
				}
			}
			if !through {
				t.Errorf("no path passes %s", tc.through)
			}
		})
	}
}
