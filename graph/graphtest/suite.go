// Package graphtest is the conformance suite every Reelgraph store backend
// passes: it loads a small fixture graph and checks what the domain API
// answers (nodes, neighbours, search, details, sources, paths, subgraphs),
// that loads and imports land whole or not at all, that a store on disk or
// on a server keeps its quads across Close, and that Refresh catches what
// others wrote to a shared store.
package graphtest

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph"
)

//go:embed fixture.nq
var fixture string

// FixtureQuads is the number of quads in the suite's fixture.
const FixtureQuads = 33

// Fixture returns a reader of the suite's fixture graph.
func Fixture() quad.Reader {
	return nquads.NewReader(strings.NewReader(fixture), true)
}

// Opener opens a fresh, empty-or-seeded store for one test; the suite
// closes it.
type Opener func(t *testing.T, opt graph.Options) *graph.Store

// Run runs the conformance suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	ctx := context.Background()
	s := open(t, graph.Options{Seed: Fixture})
	t.Cleanup(func() { s.Close() })
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, context.Context, *graph.Store)
	}{
		{"Node", testNode},
		{"NodeForeignVocabulary", testForeignNode},
		{"NodeNotFound", testNotFound},
		{"Neighbors", testNeighbors},
		{"NeighborCounts", testNeighborCounts},
		{"Search", testSearch},
		{"Resolve", testResolve},
		{"Details", testDetails},
		{"DetailsOfType", testDetailsOfType},
		{"Stats", testStats},
		{"Sources", testSources},
		{"Paths", testPaths},
		{"PathsCiteEveryHop", testPathsCiteEveryHop},
		{"Subgraph", testSubgraph},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, ctx, s) })
	}
	t.Run("Empty", func(t *testing.T) { testEmpty(t, ctx, open(t, graph.Options{})) })
	t.Run("LoadIsAtomic", func(t *testing.T) { testLoadAtomic(t, ctx, open(t, graph.Options{})) })
	t.Run("SourceAfterWrite", func(t *testing.T) { testSourceAfterWrite(t, ctx, open(t, graph.Options{Seed: Fixture})) })
	t.Run("SourceKind", func(t *testing.T) { testSourceKind(t, ctx, open(t, graph.Options{Seed: Fixture})) })
	t.Run("ObjectDisputes", func(t *testing.T) { testObjectDisputes(t, ctx, open(t, graph.Options{Seed: Fixture})) })
	t.Run("Disputes", func(t *testing.T) {
		testDisputes(t, ctx, open(t, graph.Options{Seed: Fixture, Functional: []graph.ID{graph.VocabNS + "revenue"}}))
	})
	t.Run("Import", func(t *testing.T) { testImport(t, ctx, open(t, graph.Options{Seed: Fixture})) })
	t.Run("ImportIsAtomic", func(t *testing.T) { testImportIsAtomic(t, ctx, open(t, graph.Options{Seed: Fixture})) })
	t.Run("Reopen", func(t *testing.T) { testReopen(t, ctx, open(t, graph.Options{Seed: Fixture})) })
	t.Run("Refresh", func(t *testing.T) { testRefresh(t, ctx, open(t, graph.Options{})) })
}

func testNode(t *testing.T, ctx context.Context, s *graph.Store) {
	n, err := s.Node(ctx, "urn:reelgraph:id:eternaut")
	if err != nil {
		t.Fatal(err)
	}
	want := graph.Node{
		ID:          "urn:reelgraph:id:eternaut",
		Label:       "The Eternaut",
		Types:       []graph.ID{graph.TypeProduction},
		Description: "An Argentine series.",
		Aliases:     []string{"El Eternauta"},
		Sources:     []graph.ID{"urn:reelgraph:src:letter", "urn:reelgraph:src:news"},
	}
	sortIDs(n.Sources)
	if !reflect.DeepEqual(n, want) {
		t.Errorf("Node(eternaut)\n got %+v\nwant %+v", n, want)
	}
	nf, err := s.Node(ctx, "urn:reelgraph:id:netflix")
	if err != nil {
		t.Fatal(err)
	}
	wantProp := graph.Property{Predicate: "urn:reelgraph:vocab:revenue", Value: "11.5",
		Datatype: graph.XSD + "decimal", Source: "urn:reelgraph:src:letter"}
	if len(nf.Properties) != 1 || nf.Properties[0] != wantProp {
		t.Errorf("Node(netflix).Properties = %+v, want [%+v]", nf.Properties, wantProp)
	}
}

func testForeignNode(t *testing.T, ctx context.Context, s *graph.Store) {
	for _, tc := range []struct {
		id        graph.ID
		label     string
		types     []graph.ID
		wantFound bool
	}{
		{"/en/blade_runner", "Blade Runner", []graph.ID{"/film/film"}, true},
		{"http://example.org/nolabel", "nolabel", nil, true},
		{"_:perf1", "Blade Runner", nil, true}, // a blank node without a label reads as what it joins
	} {
		n, err := s.Node(ctx, tc.id)
		if err != nil {
			t.Errorf("Node(%s): %v", tc.id, err)
			continue
		}
		if n.Label != tc.label || !reflect.DeepEqual(n.Types, tc.types) {
			t.Errorf("Node(%s) = label %q types %v, want %q %v", tc.id, n.Label, n.Types, tc.label, tc.types)
		}
	}
}

func testNotFound(t *testing.T, ctx context.Context, s *graph.Store) {
	for _, id := range []graph.ID{"urn:reelgraph:id:nobody", "", "_:nobody"} {
		if _, err := s.Node(ctx, id); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Node(%q) error = %v, want ErrNotFound", id, err)
		}
		if _, err := s.Neighbors(ctx, id, graph.NeighborOptions{}); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Neighbors(%q) error = %v, want ErrNotFound", id, err)
		}
	}
}

func testNeighbors(t *testing.T, ctx context.Context, s *graph.Store) {
	nf := graph.ID("urn:reelgraph:id:netflix")
	for _, tc := range []struct {
		name string
		id   graph.ID
		opt  graph.NeighborOptions
		want int
	}{
		{"both", nf, graph.NeighborOptions{}, 4},
		{"in", nf, graph.NeighborOptions{Dir: graph.In}, 4},
		{"out", nf, graph.NeighborOptions{Dir: graph.Out}, 0},
		{"predicate", nf, graph.NeighborOptions{Predicate: "urn:reelgraph:vocab:streamedOn"}, 2},
		{"limit", nf, graph.NeighborOptions{Limit: 3}, 3},
		{"out of eternaut", "urn:reelgraph:id:eternaut", graph.NeighborOptions{Dir: graph.Out}, 2},
		{"foreign", "/en/blade_runner", graph.NeighborOptions{}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edges, err := s.Neighbors(ctx, tc.id, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(edges) != tc.want {
				t.Errorf("got %d edges %v, want %d", len(edges), edges, tc.want)
			}
			for _, e := range edges {
				if e.Subject != tc.id && e.Object != tc.id {
					t.Errorf("edge %v does not touch %s", e, tc.id)
				}
			}
		})
	}
	edges, _ := s.Neighbors(ctx, "urn:reelgraph:id:sarandos", graph.NeighborOptions{})
	want := []graph.Edge{{Subject: "urn:reelgraph:id:sarandos", Predicate: "urn:reelgraph:vocab:leads",
		Object: nf, Source: "urn:reelgraph:src:news"}}
	if !reflect.DeepEqual(edges, want) {
		t.Errorf("Neighbors(sarandos) = %v, want %v", edges, want)
	}
}

func testNeighborCounts(t *testing.T, ctx context.Context, s *graph.Store) {
	got, err := s.NeighborCounts(ctx, "urn:reelgraph:id:netflix")
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.PredicateCount{
		{Predicate: "urn:reelgraph:vocab:leads", Dir: graph.In, Count: 1},
		{Predicate: "urn:reelgraph:vocab:producedBy", Dir: graph.In, Count: 1},
		{Predicate: "urn:reelgraph:vocab:streamedOn", Dir: graph.In, Count: 2},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func testSearch(t *testing.T, ctx context.Context, s *graph.Store) {
	for _, tc := range []struct {
		text string
		want []graph.ID
	}{
		{"netflix", []graph.ID{"urn:reelgraph:id:netflix"}},
		{"ETERNAUTA", []graph.ID{"urn:reelgraph:id:eternaut"}},
		{"perez medici", []graph.ID{"urn:reelgraph:id:medici"}},
		{"médici", []graph.ID{"urn:reelgraph:id:medici"}},
		{"gilm", []graph.ID{"urn:reelgraph:id:gilmore"}},
		// prefix, then word prefix, then substring; shorter names first
		{"r", []graph.ID{"/en/ridley_scott", "/en/blade_runner", "urn:reelgraph:src:news",
			"urn:reelgraph:id:sarandos", "urn:reelgraph:id:eternaut"}},
		{"", nil},
		{"zzz", nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			nodes, err := s.Search(ctx, tc.text, 5)
			if err != nil {
				t.Fatal(err)
			}
			var got []graph.ID
			for _, n := range nodes {
				got = append(got, n.ID)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Search(%q) = %v, want %v", tc.text, got, tc.want)
			}
		})
	}
}

func testResolve(t *testing.T, ctx context.Context, s *graph.Store) {
	for _, tc := range []struct {
		name string
		want graph.ID
		err  error
	}{
		{"Netflix", "urn:reelgraph:id:netflix", nil},
		{"el eternauta", "urn:reelgraph:id:eternaut", nil},
		{"<urn:reelgraph:id:gilmore>", "urn:reelgraph:id:gilmore", nil},
		{"urn:reelgraph:id:gilmore", "urn:reelgraph:id:gilmore", nil},
		{"Netfl", "", graph.ErrNotFound},
	} {
		got, err := s.Resolve(ctx, tc.name)
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tc.name, got, err, tc.want, tc.err)
		}
	}
}

func testStats(t *testing.T, ctx context.Context, s *graph.Store) {
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Quads != FixtureQuads {
		t.Errorf("Quads = %d, want %d", st.Quads, FixtureQuads)
	}
	if st.Nodes < 20 {
		t.Errorf("Nodes = %d, want at least 20", st.Nodes)
	}
	want := map[string]int{"Company": 1, "Production": 2, "Person": 2, "Source": 2, "film": 1, "person": 1}
	if !reflect.DeepEqual(st.Types, want) || st.Sources != 2 {
		t.Errorf("Types = %v, Sources = %d; want %v, 2", st.Types, st.Sources, want)
	}
}

func testSources(t *testing.T, ctx context.Context, s *graph.Store) {
	srcs, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []graph.Source{
		{ID: "urn:reelgraph:src:letter", Title: "Letter to shareholders", Publisher: "Netflix",
			Date: "2025-10-21", URL: "https://example.org/letter.pdf", Facts: 14},
		{ID: "urn:reelgraph:src:news", Title: "A news report", Facts: 12},
	}
	if !reflect.DeepEqual(srcs, want) {
		t.Errorf("Sources\n got %+v\nwant %+v", srcs, want)
	}
}

func testEmpty(t *testing.T, ctx context.Context, s *graph.Store) {
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.Quads != 0 || st.Nodes != 0 {
		t.Errorf("Stats of an empty store = %+v, %v", st, err)
	}
	if nodes, err := s.Search(ctx, "netflix", 5); err != nil || len(nodes) != 0 {
		t.Errorf("Search on an empty store = %v, %v", nodes, err)
	}
	if _, err := s.Node(ctx, "urn:reelgraph:id:netflix"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Node on an empty store error = %v, want ErrNotFound", err)
	}
}

// failingReader yields the fixture, then fails.
type failingReader struct {
	quad.Reader
}

var errBroken = errors.New("broken input")

func (r failingReader) ReadQuad() (quad.Quad, error) {
	q, err := r.Reader.ReadQuad()
	if err != nil {
		return q, errBroken
	}
	return q, nil
}

func testLoadAtomic(t *testing.T, ctx context.Context, s *graph.Store) {
	defer s.Close()
	if _, err := s.Load(ctx, failingReader{Fixture()}); !errors.Is(err, errBroken) {
		t.Fatalf("Load of a failing reader error = %v, want errBroken", err)
	}
	st, _ := s.Stats(ctx)
	if st.Quads != 0 {
		t.Errorf("after a failed load the store holds %d quads, want 0", st.Quads)
	}
	n, err := s.Load(ctx, Fixture())
	if err != nil || n != FixtureQuads {
		t.Fatalf("Load = %d, %v; want %d", n, err, FixtureQuads)
	}
	if _, err := s.Resolve(ctx, "Netflix"); err != nil {
		t.Errorf("after Load, Resolve(Netflix): %v", err)
	}
}

func sortIDs(ids []graph.ID) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

func testDetails(t *testing.T, ctx context.Context, s *graph.Store) {
	d, err := s.Details(ctx, "urn:reelgraph:id:netflix", 1)
	if err != nil {
		t.Fatal(err)
	}
	got := groupLines(d)
	want := []string{
		"in leads 1: Ted Sarandos [urn:reelgraph:src:news]",
		"in produced by 1: The Eternaut [urn:reelgraph:src:news]",
		"in streamed on 2: Happy Gilmore 2 [urn:reelgraph:src:news]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Details(netflix).Groups\n got %q\nwant %q", got, want)
	}
	if len(d.TypeLabels) != 1 || d.TypeLabels[0] != "Company" {
		t.Errorf("TypeLabels = %v, want [Company]", d.TypeLabels)
	}
	var cited []graph.ID
	for _, c := range d.Cited {
		cited = append(cited, c.ID)
	}
	wantCited := []graph.ID{"urn:reelgraph:src:letter", "urn:reelgraph:src:news"}
	if !reflect.DeepEqual(cited, wantCited) || d.Cited[0].URL == "" {
		t.Errorf("Cited = %v, want %v with the letter's URL", d.Cited, wantCited)
	}
	if _, err := s.Details(ctx, "urn:reelgraph:id:nobody", 0); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Details(nobody) error = %v, want ErrNotFound", err)
	}
}

// groupLines writes each of d's groups as one line: direction, predicate,
// total, then the neighbours listed with their sources.
func groupLines(d graph.Details) []string {
	var out []string
	for _, g := range d.Groups {
		var names []string
		for _, n := range g.Neighbors {
			names = append(names, fmt.Sprintf("%s %v", n.Label, n.Sources))
		}
		out = append(out, fmt.Sprintf("%s %s %d: %s", g.Dir, g.PredicateLabel, g.Total, strings.Join(names, ", ")))
	}
	return out
}

// testDetailsOfType checks that a type presents its members: how many, and
// the first by label, with the sources of their type statements.
func testDetailsOfType(t *testing.T, ctx context.Context, s *graph.Store) {
	for _, tc := range []struct {
		id       graph.ID
		perGroup int
		want     string
	}{
		{graph.TypeProduction, 1, "in type 2: Happy Gilmore 2 [urn:reelgraph:src:news]"},
		{graph.TypeProduction, 0, "in type 2: Happy Gilmore 2 [urn:reelgraph:src:news], The Eternaut [urn:reelgraph:src:letter]"},
		{"/people/person", 5, "in type 1: Ridley Scott []"},
	} {
		d, err := s.Details(ctx, tc.id, tc.perGroup)
		if err != nil {
			t.Fatal(err)
		}
		got := groupLines(d)
		if want := []string{tc.want}; !reflect.DeepEqual(got, want) {
			t.Errorf("Details(%s, %d).Groups\n got %q\nwant %q", tc.id, tc.perGroup, got, want)
		}
	}
}

// testSourceAfterWrite checks that Source, which keeps its answers, gives
// what the store holds after an Import and after a Load.
func testSourceAfterWrite(t *testing.T, ctx context.Context, s *graph.Store) {
	defer s.Close()
	news := graph.ID("urn:reelgraph:src:news")
	if src, err := s.Source(ctx, news); err != nil || src.URL != "" || src.Publisher != "" {
		t.Fatalf("Source(news) = %+v, %v; want no URL and no publisher", src, err)
	}
	url := `<urn:reelgraph:src:news> <http://schema.org/url> "https://example.org/news" <urn:reelgraph:src:news> .`
	if _, err := s.Import(ctx, nquads.NewReader(strings.NewReader(url), false), graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if src, _ := s.Source(ctx, news); src.URL != "https://example.org/news" || src.Facts != 13 {
		t.Errorf("after an import, Source(news) = %+v; want its new URL and 13 facts", src)
	}
	pub := `<urn:reelgraph:src:news> <http://schema.org/publisher> "Daily" <urn:reelgraph:src:news> .`
	if _, err := s.Load(ctx, nquads.NewReader(strings.NewReader(pub), false)); err != nil {
		t.Fatal(err)
	}
	if src, _ := s.Source(ctx, news); src.Publisher != "Daily" {
		t.Errorf("after a load, Source(news) = %+v; want publisher Daily", src)
	}
}
