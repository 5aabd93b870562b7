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

var turtleTable = []struct {
	name, in string
	trig     bool
	want     []string // N-Quads
	err      string   // the error's text after the file name, when it fails
}{
	{"prefixes and lists", `@prefix : <http://e.org/> . :heat :cast :pacino, :deniro ; :year 1995 ; :rated 7.5e0 ; :ok true .`, false, []string{
		`<http://e.org/heat> <http://e.org/cast> <http://e.org/pacino> .`,
		`<http://e.org/heat> <http://e.org/cast> <http://e.org/deniro> .`,
		`<http://e.org/heat> <http://e.org/year> "1995"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`<http://e.org/heat> <http://e.org/rated> "7.5e0"^^<http://www.w3.org/2001/XMLSchema#double> .`,
		`<http://e.org/heat> <http://e.org/ok> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`,
	}, ""},
	{"base and relative IRIs", "BASE <http://e.org/a/b>\n<c> <../p> <#o> .", false, []string{
		`<http://e.org/a/c> <http://e.org/p> <http://e.org/a/b#o> .`,
	}, ""},
	{"blank nodes and collections", `@prefix : <http://e.org/> . _:g_1 :p [ :q ( 1 ) ] .`, false, []string{
		`_:g_g_1 <http://e.org/p> _:g_1 .`,
		`_:g_1 <http://e.org/q> _:g_2 .`,
		`_:g_2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`_:g_2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .`,
	}, ""},
	{"long strings and languages", "<http://e.org/s> <http://e.org/p> \"\"\"two\nlines\"\"\"@EN-gb, 'x'^^<http://www.w3.org/2001/XMLSchema#string> .", false, []string{
		`<http://e.org/s> <http://e.org/p> "two\nlines"@en-gb .`,
		`<http://e.org/s> <http://e.org/p> "x" .`,
	}, ""},
	{"trig graphs", "PREFIX : <http://e.org/>\n:a :b :c .\nGRAPH :g { :s :p :o . :s :p :o2 }\n{ :d :e :f }", true, []string{
		`<http://e.org/a> <http://e.org/b> <http://e.org/c> .`,
		`<http://e.org/s> <http://e.org/p> <http://e.org/o> <http://e.org/g> .`,
		`<http://e.org/s> <http://e.org/p> <http://e.org/o2> <http://e.org/g> .`,
		`<http://e.org/d> <http://e.org/e> <http://e.org/f> .`,
	}, ""},
	{"relative IRI without a base", `<a> <http://e.org/p> <http://e.org/o> .`, false, nil, "1:1: relative IRI <a> and no base"},
	{"undeclared prefix", "@prefix : <http://e.org/> .\n:a ex:b :c .", false, nil, `2:4: the prefix "ex" is not declared`},
	{"missing dot", "<http://e.org/a> <http://e.org/b> <http://e.org/c>\n<http://e.org/a> <http://e.org/b> <http://e.org/c> .", false, nil, "2:1: expected '.' to end the statement"},
	{"graph in turtle", `{ <http://e.org/a> <http://e.org/b> <http://e.org/c> }`, false, nil, "1:1: expected subject"},
	{"unclosed graph", `{ <http://e.org/a> <http://e.org/b> <http://e.org/c> .`, true, nil, "1:55: expected '}' to close the graph"},
	{"literal subject", `"x" <http://e.org/b> <http://e.org/c> .`, false, nil, "1:1: a subject cannot be a literal"},
	{"bad UTF-8", "<http://e.org/a> <http://e.org/b> \"\xff\" .", false, nil, "1:36: invalid UTF-8"},
}

func TestTurtle(t *testing.T) {
	for _, tc := range turtleTable {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readQuads(t, data.NewTurtleReader(strings.NewReader(tc.in), data.TurtleOptions{Name: "doc.ttl", TriG: tc.trig}))
			if tc.err != "" {
				var pe *data.ParseError
				if err == nil || !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "doc.ttl:"+tc.err) {
					t.Fatalf("got error %v, want doc.ttl:%s…", err, tc.err)
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
			want := append([]string(nil), tc.want...)
			sort.Strings(lines)
			sort.Strings(want)
			if !reflect.DeepEqual(lines, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestTurtleRelativeIRIError(t *testing.T) {
	_, err := readQuads(t, data.NewTurtleReader(strings.NewReader(`<a> <b> <c> .`), data.TurtleOptions{}))
	if !errors.Is(err, data.ErrRelativeIRI) {
		t.Errorf("got %v, want ErrRelativeIRI", err)
	}
}

// A file read from disk has its own file: IRI as base; --base overrides it.
func TestTurtleDocumentBase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my films.ttl")
	if err := os.WriteFile(path, []byte("<#heat> <p> <o> ."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ base, want string }{
		{"", data.FileIRI(path) + "#heat"},
		{"http://e.org/x/", "http://e.org/x/#heat"},
	} {
		r, err := data.OpenFile(path, data.ReadOptions{Base: tc.base})
		if err != nil {
			t.Fatal(err)
		}
		got, err := readQuads(t, r)
		r.Close()
		if err != nil || len(got) != 1 || got[0].Subject != quad.IRI(tc.want) {
			t.Errorf("base %q: got %v, %v; want subject <%s>", tc.base, got, err, tc.want)
		}
	}
	if !strings.Contains(data.FileIRI(path), "my%20films.ttl") {
		t.Errorf("FileIRI(%q) = %s; want the space escaped", path, data.FileIRI(path))
	}
}

// The reader streams: it holds a statement, not the file.
func TestTurtleLongInputStreams(t *testing.T) {
	const n = 20000
	r := data.NewTurtleReader(&repeatReader{head: "@prefix : <http://e.org/> .\n", line: ":s :p \"a string of some length\" .\n", n: n}, data.TurtleOptions{})
	got, err := readQuads(t, r)
	if err != nil || len(got) != n {
		t.Fatalf("got %d quads, %v; want %d", len(got), err, n)
	}
}

// repeatReader yields head, then line n times, a few bytes a call.
type repeatReader struct {
	head, line string
	n          int
	pending    string
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.pending == "" {
		switch {
		case r.head != "":
			r.pending, r.head = r.head, ""
		case r.n > 0:
			r.pending = r.line
			r.n--
		default:
			return 0, io.EOF
		}
	}
	k := copy(p[:min(len(p), 7)], r.pending)
	r.pending = r.pending[k:]
	return k, nil
}

func FuzzTurtle(f *testing.F) {
	for _, tc := range turtleTable {
		f.Add(tc.in, tc.trig)
	}
	f.Fuzz(func(t *testing.T, in string, trig bool) {
		got, err := readQuads(t, data.NewTurtleReader(strings.NewReader(in), data.TurtleOptions{Name: "f.ttl", Base: "http://e.org/", TriG: trig}))
		checkFuzzed(t, got, err)
		if err == nil {
			checkTriGRoundTrip(t, got)
		}
	})
}

// checkTriGRoundTrip writes qs as TriG, reads it back and wants the same
// quads, up to blank node names.
func checkTriGRoundTrip(t *testing.T, qs []quad.Quad) {
	t.Helper()
	var buf strings.Builder
	w := data.NewTurtleWriter(&buf, true)
	if _, err := w.WriteQuads(qs); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	back, err := readQuads(t, data.NewTurtleReader(strings.NewReader(buf.String()), data.TurtleOptions{Name: "out.trig", TriG: true}))
	if err != nil {
		t.Fatalf("reading back what the writer wrote: %v\n%s", err, buf.String())
	}
	if ok, why := isomorphic(back, qs); !ok {
		t.Fatalf("round trip changed the quads: %s\n%s", why, buf.String())
	}
}

func TestTurtleRoundTrip(t *testing.T) {
	for _, tc := range turtleTable {
		if tc.err != "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			qs, err := readQuads(t, data.NewTurtleReader(strings.NewReader(tc.in), data.TurtleOptions{TriG: tc.trig}))
			if err != nil {
				t.Fatal(err)
			}
			checkTriGRoundTrip(t, qs)
		})
	}
}

// Every evaluation test of the W3C suites round-trips through the writer.
func TestTurtleRoundTripW3C(t *testing.T) {
	for _, dir := range []string{"testdata/w3c/turtle", "testdata/w3c/trig"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.nq"))
		more, _ := filepath.Glob(filepath.Join(dir, "*.nt"))
		for _, f := range append(files, more...) {
			qs, err := readNQuadsFile(t, f)
			if err != nil {
				continue // the expected results of some tests are not N-Quads
			}
			t.Run(f, func(t *testing.T) { checkTriGRoundTrip(t, qs) })
		}
	}
}

// A string longer than MaxLine is an error, not a reason to hold the
// input in memory.
func TestTurtleTermTooLong(t *testing.T) {
	r := data.NewTurtleReader(strings.NewReader(`<http://e.org/s> <http://e.org/p> "`+strings.Repeat("x", data.MaxLine+100)), data.TurtleOptions{Name: "big.ttl"})
	_, err := readQuads(t, r)
	if !errors.Is(err, data.ErrLineTooLong) || !strings.HasPrefix(err.Error(), "big.ttl:1:") {
		t.Errorf("got %v, want ErrLineTooLong at big.ttl:1", err)
	}
}
