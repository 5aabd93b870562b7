package graphtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
	"reelgraph/graph"
)

// ImportNQ is the file the import tests read: quads new to the fixture,
// quads it holds, repeats, and names that look like the fixture's.
const ImportNQ = `<http://example.org/film/heat> <http://www.w3.org/2000/01/rdf-schema#label> "Heat" .
<http://example.org/film/heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Production> .
<http://example.org/film/heat> <urn:reelgraph:vocab:streamedOn> <urn:reelgraph:id:netflix> .
<http://example.org/co/nflx> <http://www.w3.org/2000/01/rdf-schema#label> "NETFLIX" <http://example.org/doc> .
<http://example.org/co/nflx> <http://schema.org/alternateName> "Pérez Medici" <http://example.org/doc> .
<http://example.org/film/heat> <http://www.w3.org/2000/01/rdf-schema#label> "Heat" .
<urn:reelgraph:id:netflix> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix" <urn:reelgraph:src:letter> .
`

// NQ returns a strict N-Quads reader of text, named after t.
func NQ(t testing.TB, text string) quad.Reader {
	return data.NewNQuadsReader(strings.NewReader(text), data.NQuadsOptions{Name: t.Name()})
}

// Lines is a quad writer that keeps each quad as an N-Quads line.
type Lines []string

// WriteQuad keeps q.
func (l *Lines) WriteQuad(q quad.Quad) error { *l = append(*l, q.NQuad()); return nil }

// WriteQuads keeps qs.
func (l *Lines) WriteQuads(qs []quad.Quad) (int, error) {
	for _, q := range qs {
		l.WriteQuad(q)
	}
	return len(qs), nil
}

// Dump returns every quad of s as sorted N-Quads lines.
func Dump(t testing.TB, s *graph.Store) []string {
	t.Helper()
	var w Lines
	if _, err := s.Subgraph(context.Background(), graph.Scope{All: true}, &w); err != nil {
		t.Fatal(err)
	}
	sort.Strings(w)
	return w
}

// NumberedReader yields N quads labelling nodes "Node 1", "Node 2"… (no
// graph label), then calls AtEnd if set and returns Err.
type NumberedReader struct {
	N     int
	Err   error
	AtEnd func()
	i     int
}

// ReadQuad returns the next quad.
func (r *NumberedReader) ReadQuad() (quad.Quad, error) {
	if r.i >= r.N {
		if r.AtEnd != nil {
			r.AtEnd()
		}
		return quad.Quad{}, r.Err
	}
	r.i++
	return quad.Quad{
		Subject:   quad.IRI(fmt.Sprintf("http://example.org/n%d", r.i)),
		Predicate: quad.IRI(graph.Label),
		Object:    quad.String(fmt.Sprintf("Node %d", r.i)),
	}, nil
}

func hasSource(srcs []graph.Source, id graph.ID) bool {
	for _, s := range srcs {
		if s.ID == id {
			return true
		}
	}
	return false
}

func testImport(t *testing.T, ctx context.Context, s *graph.Store) {
	defer s.Close()
	var progress []graph.ImportProgress
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	src := graph.ImportSource{ID: "urn:reelgraph:import:test", Title: "films.nq", Time: when, Note: "from a test"}
	sum, err := s.Import(ctx, NQ(t, ImportNQ), graph.ImportOptions{
		Source:   src,
		Progress: func(p graph.ImportProgress) { progress = append(progress, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := graph.ImportSummary{Source: "urn:reelgraph:import:test", Read: 7, Added: 5, Duplicates: 2, SourceQuads: 6, NewEntities: 2}
	got := sum
	got.LookAlikes, got.Elapsed = nil, 0
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("summary\n got %+v\nwant %+v", got, want)
	}
	alikes := fmt.Sprint(sum.LookAlikes)
	for _, w := range []string{"{http://example.org/co/nflx NETFLIX urn:reelgraph:id:netflix Netflix}", "{http://example.org/co/nflx Pérez Medici urn:reelgraph:id:medici Pérez Médici}"} {
		if !strings.Contains(alikes, w) {
			t.Errorf("look-alikes %s lack %s", alikes, w)
		}
	}
	if len(progress) == 0 || progress[len(progress)-1].Quads != 7 {
		t.Errorf("progress reports %v, want the last at 7 quads", progress)
	}
	hits, _ := s.Search(ctx, "heat", 5)
	if len(hits) != 1 || hits[0].ID != "http://example.org/film/heat" || len(hits[0].Types) != 1 {
		t.Errorf("Search(heat) after import = %+v", hits)
	}
	source, err := s.Source(ctx, "urn:reelgraph:import:test")
	if err != nil || source.Title != "films.nq" || source.Date != "2026-01-02" || source.Facts != 3+6 || source.Kind != graph.KindImport {
		t.Errorf("import Source = %+v, %v", source, err)
	}
	edges, _ := s.Neighbors(ctx, "http://example.org/film/heat", graph.NeighborOptions{Dir: graph.Out})
	if len(edges) != 1 || edges[0].Source != "urn:reelgraph:import:test" {
		t.Errorf("edges of heat = %+v, want one cited to the import", edges)
	}
	if srcs, _ := s.Sources(ctx); !hasSource(srcs, "urn:reelgraph:import:test") {
		t.Errorf("Sources() lacks the import: %+v", srcs)
	}
	st, _ := s.Stats(ctx)
	if st.Quads != FixtureQuads+11 {
		t.Errorf("Stats.Quads = %d, want %d", st.Quads, FixtureQuads+11)
	}

	// The same content again, under the same Source: nothing new.
	before := Dump(t, s)
	sum, err = s.Import(ctx, NQ(t, ImportNQ), graph.ImportOptions{Source: src})
	if err != nil || sum.Added != 0 || sum.Duplicates != 7 || sum.SourceQuads != 0 || sum.NewEntities != 0 {
		t.Errorf("second import: %+v, %v", sum, err)
	}
	if after := Dump(t, s); strings.Join(after, "") != strings.Join(before, "") {
		t.Error("importing the same content twice changed the store")
	}
}

// testImportIsAtomic fails imports three ways (a broken reader after
// a batch was written, a malformed file, a cancelled context after a batch
// was written) and checks that none left anything behind, in the store or
// in its index, nor after reopening a store that outlives Close.
func testImportIsAtomic(t *testing.T, ctx context.Context, s *graph.Store) {
	defer func() { s.Close() }()
	before := Dump(t, s)
	statsBefore, _ := s.Stats(ctx)

	_, err := s.Import(ctx, &NumberedReader{N: 2500, Err: errors.New("disk on fire")}, graph.ImportOptions{BatchSize: 1000})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("failed import: error %v", err)
	}
	_, err = s.Import(ctx, NQ(t, ImportNQ+"<s> <p> <o> .\n"), graph.ImportOptions{})
	if !errors.Is(err, data.ErrRelativeIRI) {
		t.Errorf("import of a bad file: error %v, want ErrRelativeIRI", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, err = s.Import(cctx, &NumberedReader{N: 1500, AtEnd: cancel, Err: io.EOF}, graph.ImportOptions{BatchSize: 1000})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled import: error %v, want context.Canceled", err)
	}

	if after := Dump(t, s); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("failed imports changed the store: %d quads, want %d", len(after), len(before))
	}
	if st, _ := s.Stats(ctx); st.Quads != statsBefore.Quads || st.Sources != statsBefore.Sources {
		t.Errorf("Stats after failed imports = %+v, want %+v", st, statsBefore)
	}
	if hits, _ := s.Search(ctx, "Node 1", 1); len(hits) != 0 {
		t.Errorf("the index knows a node of a failed import: %v", hits)
	}
	if !persistent(s.Location()) {
		return
	}
	s.Close()
	s = reopen(t, ctx, s.Location(), graph.Options{})
	if after := Dump(t, s); len(after) != len(before) {
		t.Errorf("after reopening: %d quads, want %d", len(after), len(before))
	}
}
