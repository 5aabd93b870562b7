package graph_test

import (
	"context"
	"path/filepath"
	"testing"

	"reelgraph/graph"
	"reelgraph/graph/graphtest"
)

// TestBlankNodesDescribedByNeighbours: a blank node without a label reads
// as the labels of what it joins, those pointing at it first, wherever a
// label is shown; labelled blank nodes and IRIs keep their own.
func TestBlankNodesDescribedByNeighbours(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []graph.Backend{graph.Memory, graph.Bolt} {
		t.Run(string(backend), func(t *testing.T) {
			loc := graph.Location{Backend: backend}
			if backend == graph.Bolt {
				loc.Path = filepath.Join(t.TempDir(), "store")
			}
			s := open(t, loc, graph.Options{})
			defer s.Close()
			const name = "<http://schema.org/name>"
			if _, err := s.Load(ctx, graphtest.NQ(t, `<urn:f:space-jam> `+name+` "Space Jam" .
<urn:f:space-jam> <urn:f:starring> _:p1 .
_:p1 <urn:f:actor> <urn:f:mel-blanc> .
_:p1 <urn:f:character> <urn:f:bugs> .
<urn:f:mel-blanc> `+name+` "Mel Blanc" .
<urn:f:bugs> `+name+` "Bugs Bunny" .
<urn:f:mel-blanc> <urn:f:award> _:a1 .
_:a1 <urn:f:note> "no label here" .
_:named `+name+` "A named blank" .
_:named <urn:f:actor> <urn:f:mel-blanc> .
<urn:f:unnamed> <urn:f:actor> <urn:f:mel-blanc> .
`)); err != nil {
				t.Fatal(err)
			}
			for id, want := range map[graph.ID]string{
				"_:p1":            "Space Jam · Mel Blanc · Bugs Bunny",
				"_:a1":            "Mel Blanc",
				"_:named":         "A named blank",
				"urn:f:unnamed":   "unnamed",
				"urn:f:mel-blanc": "Mel Blanc",
			} {
				if got := s.Brief(id).Label; got != want {
					t.Errorf("Brief(%s).Label = %q, want %q", id, got, want)
				}
			}
			d, err := s.Details(ctx, "urn:f:mel-blanc", 5)
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, g := range d.Groups {
				for _, n := range g.Neighbors {
					labels = append(labels, n.Label)
				}
			}
			found := false
			for _, l := range labels {
				found = found || l == "Space Jam · Mel Blanc · Bugs Bunny"
			}
			if !found {
				t.Errorf("Mel Blanc's details list %q, without the performance described", labels)
			}
		})
	}
}
