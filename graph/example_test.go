package graph_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph"
)

const exampleGraph = `<urn:x:eternaut> <http://www.w3.org/2000/01/rdf-schema#label> "The Eternaut" <urn:x:src> .
<urn:x:eternaut> <http://schema.org/alternateName> "El Eternauta" <urn:x:src> .
<urn:x:eternaut> <urn:x:streamedOn> <urn:x:netflix> <urn:x:src> .
<urn:x:netflix> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix" <urn:x:src> .
`

func exampleSeed() quad.Reader { return nquads.NewReader(strings.NewReader(exampleGraph), true) }

// Open a store in memory seeded with a small graph, find a node by an alias
// and list its neighbours with the source of each link.
func Example() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Location{Backend: graph.Memory}, graph.Options{Seed: exampleSeed})
	if err != nil {
		panic(err)
	}
	defer s.Close()

	hits, _ := s.Search(ctx, "eternauta", 5)
	id := hits[0].ID
	edges, _ := s.Neighbors(ctx, id, graph.NeighborOptions{Dir: graph.Out})
	for _, e := range edges {
		fmt.Printf("%s %s %s (source %s)\n", s.Brief(e.Subject).Label, s.PredicateLabel(e.Predicate), s.Brief(e.Object).Label, e.Source)
	}
	// Output:
	// The Eternaut streamed on Netflix (source urn:x:src)
}

// Details gathers what the details panel shows: neighbours grouped by
// predicate and direction.
func ExampleStore_Details() {
	ctx := context.Background()
	s, _ := graph.Open(ctx, graph.Location{Backend: graph.Memory}, graph.Options{Seed: exampleSeed})
	defer s.Close()

	d, _ := s.Details(ctx, "urn:x:netflix", 10)
	for _, g := range d.Groups {
		for _, n := range g.Neighbors {
			fmt.Printf("%s: %s %s\n", d.Label, g.Dir, g.PredicateLabel+" "+n.Label)
		}
	}
	// Output:
	// Netflix: in streamed on The Eternaut
}
