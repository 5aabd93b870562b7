package data_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
)

// The W3C RDF 1.1 test suites (github.com/w3c/rdf-tests, under the W3C
// Test Suite and 3-clause BSD licences) are copied into testdata/w3c:
// their manifests and the files the tests read.

const (
	mf   = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	rdft = "http://www.w3.org/ns/rdftest#"
	rdf  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// w3cTest is one entry of a manifest.
type w3cTest struct {
	name, kind     string // kind: the rdft: type without its namespace
	action, result string // IRIs
}

// readManifest reads a suite's manifest.ttl (itself Turtle) and lists its
// tests in order.
func readManifest(t *testing.T, dir, base string) []w3cTest {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := readQuads(t, data.NewTurtleReader(f, data.TurtleOptions{Name: "manifest.ttl", Base: base + "manifest.ttl"}))
	if err != nil {
		t.Fatalf("reading the manifest: %v", err)
	}
	props := map[quad.Value]map[string]quad.Value{}
	for _, q := range qs {
		if props[q.Subject] == nil {
			props[q.Subject] = map[string]quad.Value{}
		}
		props[q.Subject][string(q.Predicate.(quad.IRI))] = q.Object
	}
	var tests []w3cTest
	list := props[quad.IRI(base+"manifest.ttl")][mf+"entries"]
	for list != quad.IRI(rdf+"nil") {
		e := props[props[list][rdf+"first"]]
		name := e[mf+"name"]
		tc := w3cTest{kind: strings.TrimPrefix(string(e[rdf+"type"].(quad.IRI)), rdft), action: string(e[mf+"action"].(quad.IRI))}
		if s, ok := name.(quad.String); ok {
			tc.name = string(s)
		}
		if r, ok := e[mf+"result"].(quad.IRI); ok {
			tc.result = string(r)
		}
		tests = append(tests, tc)
		list = props[list][rdf+"rest"]
	}
	if len(tests) == 0 {
		t.Fatal("the manifest lists no tests")
	}
	return tests
}

// suite runs a manifest's tests with read, which parses the file at path
// as the document base. skip names the tests known to fail and why.
type suite struct {
	dir, base string
	read      func(path, base string) ([]quad.Quad, error)
	skip      map[string]string
	// minEval and minNeg are the shares of evaluation and negative tests
	// that must pass.
	minEval, minNeg float64
}

func (s suite) run(t *testing.T) {
	tests := readManifest(t, s.dir, s.base)
	var eval, evalOK, neg, negOK int
	for _, tc := range tests {
		local := func(iri string) string {
			return filepath.Join(s.dir, filepath.FromSlash(strings.TrimPrefix(iri, s.base)))
		}
		t.Run(tc.name, func(t *testing.T) {
			isNeg := strings.Contains(tc.kind, "Negative")
			if isNeg {
				neg++
			} else {
				eval++
			}
			got, err := s.read(local(tc.action), tc.action)
			var ok bool
			var why string
			switch {
			case isNeg:
				ok, why = err != nil, "read without error a document that must be refused"
			case err != nil:
				why = err.Error()
			case tc.result == "":
				ok = true
			default:
				want, werr := readNQuadsFile(t, local(tc.result))
				if werr != nil {
					t.Fatalf("reading the expected result: %v", werr)
				}
				ok, why = isomorphic(got, want)
			}
			if reason, skip := s.skip[tc.name]; skip {
				if ok {
					t.Errorf("passes now; remove it from the skip list (%s)", reason)
				}
				t.Skip(reason)
			}
			if !ok {
				t.Errorf("%s (%s): %s", tc.kind, tc.action, why)
				return
			}
			if isNeg {
				negOK++
			} else {
				evalOK++
			}
		})
	}
	t.Logf("%s: evaluation and positive syntax %d/%d passed, negative %d/%d refused", filepath.Base(s.dir), evalOK, eval, negOK, neg)
	if eval > 0 && float64(evalOK) < s.minEval*float64(eval) {
		t.Errorf("only %d of %d positive tests pass; want %.0f%%", evalOK, eval, 100*s.minEval)
	}
	if neg > 0 && float64(negOK) < s.minNeg*float64(neg) {
		t.Errorf("only %d of %d negative tests are refused; want %.0f%%", negOK, neg, 100*s.minNeg)
	}
}

func readNQuadsFile(t *testing.T, path string) ([]quad.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readQuads(t, data.NewNQuadsReader(f, data.NQuadsOptions{Name: filepath.Base(path)}))
}

func readTurtleFile(trig bool) func(path, base string) ([]quad.Quad, error) {
	return func(path, base string) ([]quad.Quad, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var out []quad.Quad
		r := data.NewTurtleReader(f, data.TurtleOptions{Name: filepath.Base(path), Base: base, TriG: trig})
		for {
			q, err := r.ReadQuad()
			if err != nil {
				if err.Error() == "EOF" {
					return out, nil
				}
				return out, err
			}
			out = append(out, q)
		}
	}
}

func TestW3CTurtle(t *testing.T) {
	suite{
		dir: "testdata/w3c/turtle", base: "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/",
		read: readTurtleFile(false), minEval: 0.98, minNeg: 0.95,
		skip: map[string]string{},
	}.run(t)
}

func TestW3CTriG(t *testing.T) {
	suite{
		dir: "testdata/w3c/trig", base: "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-trig/",
		read: readTurtleFile(true), minEval: 0.98, minNeg: 0.95,
		skip: map[string]string{},
	}.run(t)
}
