package graphtest

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph"
)

const (
	letter = graph.ID("urn:reelgraph:src:letter")
	news   = graph.ID("urn:reelgraph:src:news")
)

// testSourceKind grades the fixture's sources, regrades one and takes a
// grade away, checking what Source and Sources read after each write.
func testSourceKind(t *testing.T, ctx context.Context, s *graph.Store) {
	defer s.Close()
	if src, err := s.Source(ctx, letter); err != nil || src.Kind != graph.KindNone || src.Facts != 14 {
		t.Fatalf("Source(letter) before grading = %+v, %v; want no kind, 14 facts", src, err)
	}
	for _, step := range []struct {
		id    graph.ID
		kind  graph.SourceKind
		want  graph.SourceKind
		facts int
	}{
		{news, graph.KindOutlet, graph.KindOutlet, 13},
		{letter, graph.KindRepublication, graph.KindRepublication, 15},
		{letter, graph.KindPrimary, graph.KindPrimary, 15}, // replaces, does not add
		{letter, graph.KindPrimary, graph.KindPrimary, 15}, // the same again changes nothing
		{news, graph.KindNone, graph.KindNone, 12},
		{news, graph.KindRepublication, graph.KindRepublication, 13},
	} {
		if err := s.SetSourceKind(ctx, step.id, step.kind); err != nil {
			t.Fatalf("SetSourceKind(%s, %s): %v", step.id, step.kind, err)
		}
		src, err := s.Source(ctx, step.id)
		if err != nil || src.Kind != step.want || src.Facts != step.facts {
			t.Errorf("after SetSourceKind(%s, %s): Source = %+v, %v; want kind %s, %d facts", step.id, step.kind, src, err, step.want, step.facts)
		}
	}
	srcs, err := s.Sources(ctx)
	if err != nil || len(srcs) != 2 || srcs[0].ID != letter || srcs[1].Kind != graph.KindRepublication {
		t.Errorf("Sources = %+v, %v; want the primary letter first, then the republished news", srcs, err)
	}
	if err := s.SetSourceKind(ctx, news, "rumour"); !errors.Is(err, graph.ErrBadKind) {
		t.Errorf("SetSourceKind(rumour) error = %v, want ErrBadKind", err)
	}
	if err := s.SetSourceKind(ctx, "urn:reelgraph:id:netflix", graph.KindOutlet); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("SetSourceKind of a node that is no Source: error = %v, want ErrNotFound", err)
	}
	d, err := s.Details(ctx, "urn:reelgraph:id:eternaut", 0)
	if err != nil || len(d.Cited) != 2 || d.Cited[0].ID != letter || d.Cited[0].Kind != graph.KindPrimary {
		t.Errorf("Details(eternaut).Cited = %+v, %v; want the primary letter first", d.Cited, err)
	}
}

// disputesNQ declares a functional property of its own and states values
// of it and of the shipped vocabulary's revenue.
const disputesNQ = `<http://example.org/born> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#FunctionalProperty> <http://example.org/onto> .
<http://example.org/height> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#FunctionalProperty> <http://example.org/onto> .
<http://example.org/ada> <http://www.w3.org/2000/01/rdf-schema#label> "Ada" <http://example.org/a> .
<http://example.org/ada> <http://example.org/born> "1815" <http://example.org/a> .
<http://example.org/ada> <http://example.org/born> "1816" <http://example.org/b> .
<http://example.org/ada> <http://example.org/born> "1815" <http://example.org/c> .
<http://example.org/ada> <http://example.org/height> "1.65" <http://example.org/a> .
<http://example.org/ada> <http://example.org/height> "1.7" <http://example.org/b> .
<http://example.org/ada> <http://example.org/nick> "Countess" <http://example.org/a> .
<http://example.org/ada> <http://example.org/nick> "Enchantress" <http://example.org/b> .
<http://example.org/bob> <http://example.org/born> "1900" <http://example.org/a> .
<http://example.org/bob> <http://example.org/born> "1901" <http://example.org/a> .
<http://example.org/cy> <http://example.org/born> "1900"@en <http://example.org/a> .
<http://example.org/cy> <http://example.org/born> "mil novecientos"@es <http://example.org/b> .
<urn:reelgraph:id:netflix> <urn:reelgraph:vocab:revenue> "11.51" <urn:reelgraph:src:news> .
<urn:reelgraph:id:eternaut> <urn:reelgraph:vocab:revenue> "3" <urn:reelgraph:src:news> .
<urn:reelgraph:id:eternaut> <urn:reelgraph:vocab:revenue> "3.4" <urn:reelgraph:src:letter> .
`

// testDisputes imports a graph that declares its own functional property
// into a store opened with one of its own, and reads the disputes.
func testDisputes(t *testing.T, ctx context.Context, s *graph.Store) {
	defer s.Close()
	if d, err := s.Disputes(ctx, ""); err != nil || len(d) != 0 {
		t.Fatalf("Disputes of the fixture = %+v, %v; want none", d, err)
	}
	if _, err := s.Import(ctx, nquads.NewReader(strings.NewReader(disputesNQ), false), graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Disputes(ctx, ""); err != nil || len(d) != 1 {
		t.Fatalf("Disputes after the import = %+v, %v; want Ada's birth year alone", d, err)
	}
	more := `<urn:reelgraph:id:netflix> <urn:reelgraph:vocab:revenue> "12.1" <urn:reelgraph:src:news> .`
	if _, err := s.Import(ctx, nquads.NewReader(strings.NewReader(more), false), graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSourceKind(ctx, letter, graph.KindPrimary); err != nil {
		t.Fatal(err)
	}
	got, err := s.Disputes(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"node":"http://example.org/ada","label":"Ada","predicate":"http://example.org/born","values":[` +
		`{"value":"1815","sources":["http://example.org/a","http://example.org/c"]},{"value":"1816","sources":["http://example.org/b"]}]},` +
		`{"node":"urn:reelgraph:id:netflix","label":"Netflix","predicate":"urn:reelgraph:vocab:revenue","values":[` +
		`{"value":"11.5","sources":["urn:reelgraph:src:letter"]},{"value":"11.51","sources":["urn:reelgraph:src:news"]},{"value":"12.1","sources":["urn:reelgraph:src:news"]}]}]`
	if b, _ := json.Marshal(got); string(b) != want {
		t.Errorf("Disputes\n got %s\nwant %s", b, want)
	}
	one, err := s.Disputes(ctx, "http://example.org/ada")
	if err != nil || len(one) != 1 || one[0].Predicate != "http://example.org/born" {
		t.Errorf("Disputes(ada) = %+v, %v; want its birth year", one, err)
	}
	if _, err := s.Disputes(ctx, "http://example.org/nobody"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Disputes(nobody) error = %v, want ErrNotFound", err)
	}
}

// testObjectDisputes declares a predicate between nodes functional: two
// objects of it from different sources are a dispute, read the same from
// the node and from the whole store, and Details carries it.
func testObjectDisputes(t *testing.T, ctx context.Context, s *graph.Store) {
	defer s.Close()
	nq := `<urn:reelgraph:vocab:streamedOn> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#FunctionalProperty> <urn:reelgraph:src:news> .
<urn:reelgraph:id:eternaut> <urn:reelgraph:vocab:streamedOn> <urn:reelgraph:id:gilmore> <urn:reelgraph:src:news> .
`
	if _, err := s.Import(ctx, nquads.NewReader(strings.NewReader(nq), false), graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	all, err := s.Disputes(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	one, err := s.Disputes(ctx, "urn:reelgraph:id:eternaut")
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Details(ctx, "urn:reelgraph:id:eternaut", 1)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"node":"urn:reelgraph:id:eternaut","label":"The Eternaut","predicate":"urn:reelgraph:vocab:streamedOn","values":[` +
		`{"value":"urn:reelgraph:id:gilmore","sources":["urn:reelgraph:src:news"]},{"value":"urn:reelgraph:id:netflix","sources":["urn:reelgraph:src:letter"]}]}]`
	for name, got := range map[string][]graph.Dispute{"Disputes()": all, "Disputes(eternaut)": one, "Details(eternaut).Disputes": d.Disputes} {
		if b, _ := json.Marshal(got); string(b) != want {
			t.Errorf("%s\n got %s\nwant %s", name, b, want)
		}
	}
}
