package data_test

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"reelgraph/data"
)

var rdfxmlTable = []struct {
	name, in string
	want     []string // N-Quads, sorted
	err      string   // the error's text after the file name
}{
	{"node, attributes, literal and collection", `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:eg="http://e.org/" xml:base="http://e.org/dir/doc">
  <eg:Film rdf:ID="heat" eg:title="Heat" xml:lang="EN">
    <eg:lit rdf:parseType="Literal"><b xmlns="http://www.w3.org/1999/xhtml" a="1">x &amp; y</b></eg:lit>
    <eg:cast rdf:parseType="Collection"><rdf:Description rdf:about="#pacino"/></eg:cast>
    <eg:year rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">1995</eg:year>
    <rdf:li rdf:resource="../x"/>
  </eg:Film>
</rdf:RDF>`, []string{
		`<http://e.org/dir/doc#heat> <http://e.org/cast> _:g_1 .`,
		`<http://e.org/dir/doc#heat> <http://e.org/lit> "<b xmlns=\"http://www.w3.org/1999/xhtml\" a=\"1\">x &amp; y</b>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .`,
		`<http://e.org/dir/doc#heat> <http://e.org/title> "Heat"@en .`,
		`<http://e.org/dir/doc#heat> <http://e.org/year> "1995"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`<http://e.org/dir/doc#heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#_1> <http://e.org/x> .`,
		`<http://e.org/dir/doc#heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e.org/Film> .`,
		`_:g_1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://e.org/dir/doc#pacino> .`,
		`_:g_1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .`,
	}, ""},
	{"relative IRI without a base", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="a"/></rdf:RDF>`, nil, "1: relative IRI <a>"},
	{"not well-formed", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description>\n</rdf:RDF>", nil, "3: XML: </rdf:RDF> where </rdf:Description> was expected"},
	{"undeclared prefix", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><eg:x/></rdf:RDF>`, nil, `1: the namespace prefix "eg" is not declared`},
	{"text and node together", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:eg="http://e.org/"><rdf:Description rdf:about="http://e.org/a"><eg:p>x<rdf:Description/></eg:p></rdf:Description></rdf:RDF>`, nil, "1: a property element holds either text"},
}

func TestRDFXML(t *testing.T) {
	for _, tc := range rdfxmlTable {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readQuads(t, data.NewRDFXMLReader(strings.NewReader(tc.in), "doc.rdf", ""))
			if tc.err != "" {
				var pe *data.ParseError
				if err == nil || !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "doc.rdf:"+tc.err) {
					t.Fatalf("got error %v, want doc.rdf:%s…", err, tc.err)
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
			sort.Strings(lines)
			if strings.Join(lines, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tc.want, "\n"))
			}
			checkTriGRoundTrip(t, got)
		})
	}
}

func FuzzRDFXML(f *testing.F) {
	for _, tc := range rdfxmlTable {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := readQuads(t, data.NewRDFXMLReader(strings.NewReader(in), "f.rdf", "http://e.org/"))
		checkFuzzed(t, got, err)
		if err == nil {
			checkTriGRoundTrip(t, got)
		}
	})
}
