package data_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
)

func readQuads(t testing.TB, r quad.Reader) ([]quad.Quad, error) {
	t.Helper()
	var out []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

var jsonldTable = []struct {
	name, in string
	want     []quad.Quad
	err      string
}{
	{"inline context", `{"@context": {"@vocab": "http://example.org/"}, "@id": "http://example.org/heat", "name": "Heat", "year": {"@value": "1995", "@type": "http://www.w3.org/2001/XMLSchema#gYear"}}`,
		[]quad.Quad{
			{Subject: quad.IRI(ex + "heat"), Predicate: quad.IRI(ex + "name"), Object: quad.String("Heat")},
			{Subject: quad.IRI(ex + "heat"), Predicate: quad.IRI(ex + "year"), Object: quad.TypedString{Value: "1995", Type: xsd + "gYear"}},
		}, ""},
	{"named graph and language", `{"@id": "http://example.org/g", "@graph": [{"@id": "http://example.org/a", "http://example.org/p": {"@value": "chat", "@language": "fr"}}]}`,
		[]quad.Quad{{Subject: quad.IRI(ex + "a"), Predicate: quad.IRI(ex + "p"), Object: quad.LangString{Value: "chat", Lang: "fr"}, Label: quad.IRI(ex + "g")}}, ""},
	{"blank node", `{"http://example.org/p": {"http://example.org/q": "x"}}`,
		[]quad.Quad{
			{Subject: quad.BNode("b0"), Predicate: quad.IRI(ex + "p"), Object: quad.BNode("b1")},
			{Subject: quad.BNode("b1"), Predicate: quad.IRI(ex + "q"), Object: quad.String("x")},
		}, ""},
	{"bundled schema.org", `{"@context": "https://schema.org", "@id": "http://example.org/heat", "@type": "Movie", "name": "Heat"}`,
		[]quad.Quad{
			{Subject: quad.IRI(ex + "heat"), Predicate: quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), Object: quad.IRI("http://schema.org/Movie")},
			{Subject: quad.IRI(ex + "heat"), Predicate: quad.IRI("http://schema.org/name"), Object: quad.String("Heat")},
		}, ""},
	{"remote context", `{"@context": "https://example.com/ctx.jsonld", "name": "x"}`, nil, "remote JSON-LD context https://example.com/ctx.jsonld"},
	{"remote context in a list", `{"@context": [{"a": "http://e.org/a"}, "http://example.com/other"], "a": "x"}`, nil, "does not fetch anything from the network"},
	{"not JSON", `{"@id": `, nil, "JSON-LD"},
	{"relative IRI", `{"@id": "http://example.org/a", "http://example.org/p": {"@id": "rel"}}`, nil, `the @id "rel" cannot be made an absolute IRI`},
	{"unmapped property", `{"@id": "http://example.org/a", "name": "Heat"}`, nil, `the property "name" maps to no IRI`},
	{"JSON literal, canonical", `{"@context": {"@version": 1.1, "d": {"@id": "http://example.org/d", "@type": "@json"}}, "@id": "http://example.org/a", "d": {"b": [1.0, 1e21, 0.000001, "\u00e9\n"], "a": null, "@context": "http://example.com/not-a-context"}}`,
		[]quad.Quad{{Subject: quad.IRI(ex + "a"), Predicate: quad.IRI(ex + "d"), Object: quad.TypedString{Value: `{"@context":"http://example.com/not-a-context","a":null,"b":[1,1e+21,0.000001,"é\n"]}`, Type: "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"}}}, ""},
	{"blank node property", `{"@context": {"@vocab": "_:"}, "@id": "http://example.org/a", "name": "x"}`, nil, "the property _:name is a blank node"},
	{"JSON literal, a number", `{"@context": {"@version": 1.1, "d": {"@id": "http://example.org/d", "@type": "@json"}}, "@id": "http://example.org/a", "d": 12.50}`,
		[]quad.Quad{{Subject: quad.IRI(ex + "a"), Predicate: quad.IRI(ex + "d"), Object: quad.TypedString{Value: `12.5`, Type: "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"}}}, ""},
}

func TestJSONLD(t *testing.T) {
	for _, tc := range jsonldTable {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readQuads(t, data.NewJSONLDReader(strings.NewReader(tc.in), data.JSONLDOptions{Name: "doc.jsonld"}))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "doc.jsonld") {
					t.Fatalf("got error %v, want one naming doc.jsonld and containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// JSON-LD promises no order of statements, and the library's
			// changes from run to run.
			byText(got)
			byText(tc.want)
			if tc.want != nil && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
	_, err := readQuads(t, data.NewJSONLDReader(strings.NewReader(`{"@context": "http://example.com/c"}`), data.JSONLDOptions{Name: "x"}))
	if !errors.Is(err, data.ErrRemoteContext) {
		t.Errorf("got %v, want ErrRemoteContext", err)
	}
	_, err = readQuads(t, data.NewJSONLDReader(strings.NewReader(`{"@id": "a", "http://example.org/p": "x"}`), data.JSONLDOptions{Name: "x"}))
	if !errors.Is(err, data.ErrUnresolved) {
		t.Errorf("got %v, want ErrUnresolved", err)
	}
}

// A document's base is --base, or else its own IRI; an expand context
// maps its terms.
func TestJSONLDBaseAndExpandContext(t *testing.T) {
	const doc = `{"@id": "heat", "name": "Heat", "http://example.org/p": {"@id": "#x"}}`
	got, err := readQuads(t, data.NewJSONLDReader(strings.NewReader(doc), data.JSONLDOptions{Name: "x", Base: "http://example.org/films/",
		ExpandContext: map[string]any{"@context": map[string]any{"name": "http://schema.org/name"}}}))
	if err != nil {
		t.Fatal(err)
	}
	want := []quad.Quad{
		{Subject: quad.IRI(ex + "films/heat"), Predicate: quad.IRI(ex + "p"), Object: quad.IRI(ex + "films/#x")},
		{Subject: quad.IRI(ex + "films/heat"), Predicate: quad.IRI("http://schema.org/name"), Object: quad.String("Heat")},
	}
	if ok, why := isomorphic(got, want); !ok {
		t.Errorf("%s", why)
	}
}

var jsonTable = []struct {
	name, in string
	want     []quad.Quad
	err      string
}{
	{"quads", `[{"subject": "<http://example.org/a>", "predicate": "<http://example.org/p>", "object": "x"},
	 {"subject": "_:b", "predicate": "<http://example.org/p>", "object": "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>", "label": "<http://example.org/g>"}]`,
		[]quad.Quad{
			{Subject: quad.IRI(ex + "a"), Predicate: quad.IRI(ex + "p"), Object: quad.String("x")},
			{Subject: quad.BNode("b"), Predicate: quad.IRI(ex + "p"), Object: quad.TypedString{Value: "1", Type: xsd + "integer"}, Label: quad.IRI(ex + "g")},
		}, ""},
	{"null", `null`, nil, ""},
	{"empty array", `[]`, nil, ""},
	{"bare subject", `[{"subject": "alice", "predicate": "<http://example.org/p>", "object": "x"}]`, nil, `element 1: the subject "alice" is a literal`},
	{"relative IRI", `[{"subject": "<a>", "predicate": "<http://example.org/p>", "object": "x"}]`, nil, "relative IRI"},
	{"not an array", `{"subject": "<http://example.org/a>"}`, nil, "expected a JSON array"},
	{"truncated", `[{"subject": "<http://example.org/a>", "predicate": "<http://example.org/p>", "object": "x"}`, nil, "unexpected EOF"},
	{"trailing data", `[] []`, nil, "after the array"},
}

func TestCayleyJSON(t *testing.T) {
	for _, tc := range jsonTable {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readQuads(t, data.NewJSONReader(strings.NewReader(tc.in), "q.json"))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.HasPrefix(err.Error(), "q.json") {
					t.Fatalf("got error %v, want one starting q.json and containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v\nwant %v", got, tc.want)
			}
		})
	}
}

const base = data.DefaultCSVBase

var csvTable = []struct {
	name, in string
	m        *data.Mapping
	want     []string // N-Quads
	err      string
}{
	{"edge list guessed", "from,to,relation,cited in\nAlice,Bob,knows,https://example.org/doc\nhttp://example.org/c,Bob,likes,\n", nil, []string{
		`<https://example.org/doc> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Source> <https://example.org/doc> .`,
		`<https://example.org/doc> <http://www.w3.org/2000/01/rdf-schema#label> "https://example.org/doc" <https://example.org/doc> .`,
		`<https://example.org/doc> <http://schema.org/url> "https://example.org/doc"^^<http://www.w3.org/2001/XMLSchema#anyURI> <https://example.org/doc> .`,
		`<` + base + `Alice> <` + base + `vocab:knows> <` + base + `Bob> <https://example.org/doc> .`,
		`<http://example.org/c> <` + base + `vocab:likes> <` + base + `Bob> .`,
	}, ""},
	{"edge list fixed predicate", "a;b\nx y;z\n", &data.Mapping{Kind: data.KindEdges, Delimiter: ";", Base: "http://e.org/", Predicate: "http://e.org/rel", Columns: map[string]string{"a": "source", "b": "target"}}, []string{
		`<http://e.org/x%20y> <http://e.org/rel> <http://e.org/z> .`,
	}, ""},
	{"node table", "id,name,type,born,notes\nridley,Ridley Scott,Person,1937,\n", nil, []string{
		`<` + base + `ridley> <http://www.w3.org/2000/01/rdf-schema#label> "Ridley Scott" .`,
		`<` + base + `ridley> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <` + base + `vocab:Person> .`,
		`<` + base + `ridley> <` + base + `vocab:born> "1937" .`,
	}, ""},
	{"empty source", "from,to,rel\n,Bob,knows\n", nil, nil, "t.csv:2:1: the source cell (column \"from\") is empty"},
	{"bad quote", "from,to,rel\nA,\"B,knows\n", nil, nil, "t.csv:2:"},
	{"missing column", "a,b\n1,2\n", &data.Mapping{Kind: data.KindEdges, Columns: map[string]string{"x": "source"}}, nil, "column \"x\" the table does not have"},
	{"two id columns", "a,b\n1,2\n", &data.Mapping{Kind: data.KindNodes, Columns: map[string]string{"a": "id", "b": "id"}}, nil, "2 columns have the role id"},
	{"empty table", "", nil, nil, "the table is empty"},
}

func TestCSV(t *testing.T) {
	for _, tc := range csvTable {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readQuads(t, data.NewCSVReader(strings.NewReader(tc.in), "t.csv", tc.m, 0))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, q := range got {
				lines = append(lines, q.NQuad())
			}
			if strings.Join(lines, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestMappingTOML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "map.toml")
	m := &data.Mapping{Kind: data.KindEdges, Delimiter: "\t", Base: "http://e.org/", Columns: map[string]string{"from": "source", "to": "target", "cited in": "document", "rel": "predicate"}}
	if err := m.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := data.LoadMapping(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("got %+v, want %+v", got, m)
	}
	os.WriteFile(path, []byte("kind = \"nodes\"\ncolumns = {id = \"id\"}\ncolour = \"red\"\n"), 0o600)
	if _, err := data.LoadMapping(path); err == nil || !strings.Contains(err.Error(), "unknown key colour") {
		t.Errorf("got %v, want an unknown key error", err)
	}
}

func TestDetectFormat(t *testing.T) {
	for _, tc := range []struct{ name, head, want string }{
		{"film.nq", "", data.NQuads},
		{"film.nq.gz", "", data.NQuads},
		{"FILM.NT", "", data.NTriples},
		{"doc.jsonld", "", data.JSONLD},
		{"doc.json", `{"@context": {}}`, data.JSONLD},
		{"quads.json", `[{"subject": "<a>"}]`, data.JSON},
		{"edges.csv", "", data.CSV},
		{"edges.tsv", "", data.TSV},
		{"noext", "<http://e.org/a> <http://e.org/p> <http://e.org/o> .", data.NQuads},
		{"noext", "# comment\n", data.NQuads},
		{"noext", "_:a <http://e.org/p> \"x\" .", data.NQuads},
		{"noext", `{"@id": "x"}`, data.JSONLD},
		{"noext", "a,b,c\n1,2,3", data.CSV},
		{"noext", "a\tb\n", data.TSV},
		{"noext", "\x00\x01garbage", ""},
		{"films.ttl", "", data.Turtle},
		{"films.ttl.gz", "", data.Turtle},
		{"films.trig", "", data.TriG},
		{"films.rdf", "", data.RDFXML},
		{"ontology.owl", "", data.RDFXML},
		{"noext", "@prefix s: <http://schema.org/> .", data.Turtle},
		{"noext", "PREFIX s: <http://schema.org/>", data.Turtle},
		{"noext", "base <http://e.org/>", data.Turtle},
		{"noext", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, data.RDFXML},
		{"noext", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, data.RDFXML},
	} {
		got, err := data.DetectFormat(tc.name, []byte(tc.head))
		if got != tc.want || (tc.want == "") != (err != nil) {
			t.Errorf("DetectFormat(%q, %q) = %q, %v; want %q", tc.name, tc.head, got, err, tc.want)
		}
	}
}

func TestNewReaderGzipAndDetect(t *testing.T) {
	text := "<http://e.org/a> <http://e.org/p> \"x\" .\n"
	r, err := data.NewReader(strings.NewReader(string(gz(text))), "upload", data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := readQuads(t, r)
	if err != nil || len(got) != 1 {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := data.NewReader(strings.NewReader(text), "x", data.ReadOptions{Format: "graphml"}); err == nil {
		t.Error("importing GraphML was accepted")
	}
	path := filepath.Join(t.TempDir(), "x.nq.gz")
	os.WriteFile(path, gz(text)[:20], 0o600)
	rc, err := data.OpenFile(path, data.ReadOptions{})
	if err == nil {
		_, err = readQuads(t, rc)
		rc.Close()
	}
	if !errors.Is(err, data.ErrGzip) || !strings.Contains(err.Error(), "x.nq.gz") {
		t.Errorf("truncated gzip: got %v", err)
	}
}

// TestBlankScope: with a scope, every blank node a reader yields, whether
// the file names it (N-Quads) or the reader makes it up (JSON-LD's nested
// objects), carries the scope; IRIs and literals do not change.
func TestBlankScope(t *testing.T) {
	scope := data.BlankScope("sha256-0123456789abcdef0123456789abcdef")
	if scope != "f0123456789ab" {
		t.Fatalf("BlankScope = %q", scope)
	}
	for _, tc := range []struct{ name, text string }{
		{"a.nq", "_:b0 <http://e.org/p> _:b1 _:g .\n<http://e.org/a> <http://e.org/p> \"_:b0\" .\n"},
		{"a.jsonld", `{"@id": "http://e.org/a", "http://e.org/p": {"http://e.org/q": "x"}}`},
	} {
		plain, err := data.NewReader(strings.NewReader(tc.text), tc.name, data.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := readQuads(t, plain)
		scoped, err := data.NewReader(strings.NewReader(tc.text), tc.name, data.ReadOptions{BlankScope: scope})
		if err != nil {
			t.Fatal(err)
		}
		got, err := readQuads(t, scoped)
		if err != nil || len(got) != len(want) {
			t.Fatalf("%s: %v, %v; want %d quads", tc.name, got, err, len(want))
		}
		// Scoping keeps a blank label's place among IRIs and literals.
		byText(want)
		byText(got)
		blanks := 0
		for i := range want {
			for _, d := range quad.Directions {
				w, g := want[i].Get(d), got[i].Get(d)
				if b, ok := w.(quad.BNode); ok {
					blanks++
					w = quad.BNode(scope + string(b))
				}
				if w != g {
					t.Errorf("%s: quad %d, %v: %v, want %v", tc.name, i, d, g, w)
				}
			}
		}
		if blanks == 0 {
			t.Errorf("%s: the file has no blank node to scope", tc.name)
		}
	}
}

// byText sorts quads by their N-Quads text, for readers that promise no
// order.
func byText(qs []quad.Quad) {
	sort.Slice(qs, func(i, j int) bool { return qs[i].String() < qs[j].String() })
}

// A JSON-LD file read from disk has its own file: IRI as base, so that its
// relative IRIs give statements instead of none.
func TestJSONLDFileBase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "films.jsonld")
	os.WriteFile(path, []byte(`{"@context": {"@vocab": "http://schema.org/"}, "@graph": [{"@id": "heat", "name": "Heat", "actor": {"@id": "#pacino"}}, {"@id": "ronin", "name": "Ronin"}]}`), 0o644)
	r, err := data.OpenFile(path, data.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := readQuads(t, r)
	if err != nil || len(got) != 3 {
		t.Fatalf("got %d quads, %v; want 3", len(got), err)
	}
	dir := data.FileIRI(filepath.Dir(path)) + "/"
	for _, q := range got {
		if !strings.HasPrefix(string(q.Subject.(quad.IRI)), dir) {
			t.Errorf("subject %v is not under %s", q.Subject, dir)
		}
	}
}
