package data_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
	"reelgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files of the export tests")

// exportNQ is the graph the export tests write: labels, types, edges, a
// cited source, a blank node, awkward text.
const exportNQ = `<urn:reelgraph:id:netflix> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Company> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:netflix> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix" <urn:reelgraph:src:letter> .
<urn:reelgraph:id:netflix> <http://schema.org/description> "A \"streaming\" company & more." <urn:reelgraph:src:letter> .
<urn:reelgraph:id:eternaut> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Production> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:eternaut> <http://www.w3.org/2000/01/rdf-schema#label> "El Eternauta — ñ"@es <urn:reelgraph:src:letter> .
<urn:reelgraph:id:eternaut> <urn:reelgraph:vocab:streamedOn> <urn:reelgraph:id:netflix> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:eternaut> <urn:reelgraph:vocab:releaseDate> "2025-04-30"^^<http://www.w3.org/2001/XMLSchema#date> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:formula> <http://www.w3.org/2000/01/rdf-schema#label> "=HYPERLINK(\"http://evil\")" .
<urn:reelgraph:id:formula> <urn:reelgraph:vocab:relatedTo> <urn:reelgraph:id:netflix> .
_:b1 <urn:reelgraph:vocab:relatedTo> <urn:reelgraph:id:eternaut> <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Source> <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <http://www.w3.org/2000/01/rdf-schema#label> "Letter to shareholders" <urn:reelgraph:src:letter> .
`

func exportQuads(t testing.TB) []quad.Quad {
	t.Helper()
	qs, err := readAll(t, exportNQ, data.NQuadsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./data -run Export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s:\n got:\n%s\nwant:\n%s", name, path, got, want)
	}
}

func export(t testing.TB, format string, qs []quad.Quad) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := data.NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteQuads(qs); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExportGolden(t *testing.T) {
	qs := exportQuads(t)
	for _, f := range []string{data.NQuads, data.JSONLD, data.JSON, data.GraphML, data.GML, data.DOT, data.Turtle, data.TriG} {
		t.Run(f, func(t *testing.T) { golden(t, "export."+f, export(t, f, qs)) })
	}
	t.Run("csv", func(t *testing.T) {
		var nodes, edges bytes.Buffer
		w := data.NewCSVWriter(&nodes, &edges)
		w.WriteQuads(qs)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		golden(t, "export.nodes.csv", nodes.Bytes())
		golden(t, "export.edges.csv", edges.Bytes())
		if strings.Contains(nodes.String(), ",=HYPERLINK") || !strings.Contains(nodes.String(), `'=HYPERLINK`) {
			t.Errorf("a formula cell was not neutralized:\n%s", nodes.String())
		}
	})
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{"=1+2": "'=1+2", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "plain": "plain", "": "", "a=b": "a=b"} {
		if got := data.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExportCSVReimports reads our edges.csv back with a guessed mapping.
func TestExportCSVReimports(t *testing.T) {
	var nodes, edges bytes.Buffer
	w := data.NewCSVWriter(&nodes, &edges)
	w.WriteQuads(exportQuads(t))
	w.Close()
	got, err := readQuads(t, data.NewCSVReader(&edges, "edges.csv", nil, 0))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range got {
		if q.Subject == quad.IRI("urn:reelgraph:id:eternaut") && q.Predicate == quad.IRI("urn:reelgraph:vocab:streamedOn") && q.Label == quad.IRI("urn:reelgraph:src:letter") {
			found = true
		}
	}
	if !found {
		t.Errorf("the re-imported edge list lacks the cited edge: %v", got)
	}
}

func TestGraphMLWithNetworkx(t *testing.T) {
	py := lookPython(t, "networkx")
	path := filepath.Join(t.TempDir(), "g.graphml")
	os.WriteFile(path, export(t, data.GraphML, exportQuads(t)), 0o644)
	script := `import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
n = {d["iri"]: d for _, d in g.nodes(data=True)}
print(g.number_of_nodes(), g.number_of_edges(), n["urn:reelgraph:id:netflix"]["label"], n["urn:reelgraph:id:netflix"]["type"])
e = [d for _, _, d in g.edges(data=True) if d["predicate"] == "urn:reelgraph:vocab:streamedOn"][0]
print(e["label"], e["source"], e["sourceTitle"])
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx cannot read our GraphML: %v\n%s", err, out)
	}
	want := "4 3 Netflix Company\nstreamedOn urn:reelgraph:src:letter Letter to shareholders\n"
	if string(out) != want {
		t.Errorf("networkx read\n%s\nwant\n%s", out, want)
	}
	gml := filepath.Join(t.TempDir(), "g.gml")
	os.WriteFile(gml, export(t, data.GML, exportQuads(t)), 0o644)
	out, err = exec.Command(py, "-c", `import sys, networkx as nx
g = nx.read_gml(sys.argv[1])
print(g.number_of_nodes(), g.number_of_edges(), "El Eternauta — ñ" in g.nodes())`, gml).CombinedOutput()
	if err != nil || string(out) != "4 3 True\n" {
		t.Errorf("networkx read our GML: %v\n%s", err, out)
	}
}

func lookPython(t *testing.T, module string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed (make test installs it)")
	}
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		t.Skipf("python3 lacks %s: install python3-%s (make test does)", module, module)
	}
	return py
}

func TestDOTWithGraphviz(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz is not installed (make test installs it)")
	}
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = bytes.NewReader(export(t, data.DOT, exportQuads(t)))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{"<svg", "Netflix", "El Eternauta — ñ", "streamedOn"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
}

// roundTrip imports text into an empty memory store, exports everything
// in format, imports the export into another empty store, and returns both
// stores' quads.
func roundTrip(t *testing.T, text, format string) (first, second []string) {
	t.Helper()
	ctx := context.Background()
	a := openMemory(t)
	if _, err := a.Import(ctx, data.NewNQuadsReader(strings.NewReader(text), data.NQuadsOptions{}), graph.ImportOptions{Source: graph.ImportSource{ID: "urn:reelgraph:import:x"}}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := data.NewWriter(&buf, format)
	if _, err := a.Subgraph(ctx, graph.Scope{All: true}, w); errors.Is(err, data.ErrNotExpressible) {
		return nil, nil // refused, loudly: nothing is lost
	} else if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); errors.Is(err, data.ErrNotExpressible) {
		return nil, nil
	} else if err != nil {
		t.Fatal(err)
	}
	r, err := data.NewReader(&buf, "export", data.ReadOptions{Format: format})
	if err != nil {
		t.Fatal(err)
	}
	b := openMemory(t)
	if _, err := b.Import(ctx, r, graph.ImportOptions{}); err != nil {
		t.Fatalf("re-import of the %s export: %v\n%s", format, err, buf.String())
	}
	return storeLines(t, a), storeLines(t, b)
}

func openMemory(t *testing.T) *graph.Store {
	s, err := graph.Open(context.Background(), graph.Location{Backend: graph.Memory}, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

type lineWriter struct{ lines []string }

func (w *lineWriter) WriteQuad(q quad.Quad) error { w.lines = append(w.lines, q.NQuad()); return nil }
func (w *lineWriter) WriteQuads(qs []quad.Quad) (int, error) {
	for _, q := range qs {
		w.WriteQuad(q)
	}
	return len(qs), nil
}

func storeLines(t *testing.T, s *graph.Store) []string {
	var w lineWriter
	if _, err := s.Subgraph(context.Background(), graph.Scope{All: true}, &w); err != nil {
		t.Fatal(err)
	}
	sort.Strings(w.lines)
	return w.lines
}

func TestRoundTripBundled(t *testing.T) {
	var b bytes.Buffer
	b.ReadFrom(data.Bundled())
	for _, f := range []string{data.NQuads, data.JSONLD, data.TriG} {
		t.Run(f, func(t *testing.T) {
			first, second := roundTrip(t, b.String()+exportNQ, f)
			if f == data.JSONLD { // JSON-LD renames blank nodes
				first, second = withoutBlanks(first), withoutBlanks(second)
			}
			if f == data.TriG { // TriG renames the blank nodes it writes inline
				if ok, why := sameUpToBlanks(t, first, second); !ok {
					t.Errorf("TriG round trip: %s", why)
				}
				return
			}
			if strings.Join(first, "\n") != strings.Join(second, "\n") {
				t.Errorf("%s round trip: %d quads, then %d", f, len(first), len(second))
			}
		})
	}
}

// sameUpToBlanks reports whether two sets of N-Quads lines are the same
// dataset up to blank node names.
func sameUpToBlanks(t *testing.T, a, b []string) (bool, string) {
	qa, err := readAll(t, strings.Join(a, "\n"), data.NQuadsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	qb, err := readAll(t, strings.Join(b, "\n"), data.NQuadsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return isomorphic(qa, qb)
}

func withoutBlanks(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, "_:") {
			out = append(out, l)
		}
	}
	return out
}

// FuzzRoundTrip checks the round-trip property on any input the strict
// reader accepts: import, export as N-Quads, JSON-LD and TriG, import
// again, and the quads are the same (up to blank node names for JSON-LD
// and TriG).
func FuzzRoundTrip(f *testing.F) {
	for _, tc := range nquadsValid {
		f.Add(tc.in)
	}
	f.Add(exportNQ)
	f.Fuzz(func(t *testing.T, in string) {
		if _, err := readAll(t, in, data.NQuadsOptions{}); err != nil {
			return
		}
		for _, format := range []string{data.NQuads, data.JSONLD, data.TriG} {
			first, second := roundTrip(t, in, format)
			if format == data.JSONLD {
				first, second = withoutBlanks(first), withoutBlanks(second)
			}
			if format == data.TriG {
				if ok, why := sameUpToBlanks(t, first, second); !ok {
					t.Fatalf("TriG round trip changed the quads: %s", why)
				}
				continue
			}
			if strings.Join(first, "\n") != strings.Join(second, "\n") {
				t.Fatalf("%s round trip changed the quads:\n%s\n---\n%s", format, strings.Join(first, "\n"), strings.Join(second, "\n"))
			}
		}
	})
}
