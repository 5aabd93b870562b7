package data_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
)

// rdflibPython returns a python3 that has rdflib (Debian's
// python3-rdflib), a Turtle, TriG and RDF/XML implementation nobody here
// wrote, or skips.
func rdflibPython(t *testing.T) string {
	t.Helper()
	var cands []string
	if py, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, py)
	}
	cands = append(cands, "/usr/bin/python3")
	for _, py := range cands {
		if exec.Command(py, "-c", "import rdflib").Run() == nil {
			return py
		}
	}
	t.Skip("no python3 with rdflib: install python3-rdflib (.ci/deps test does)")
	return ""
}

// rdflibConvert has rdflib read text in one format and write it in
// another.
func rdflibConvert(t *testing.T, py, text, from, to string) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in")
	os.WriteFile(in, []byte(text), 0o644)
	script := `import sys, rdflib
src, fmt_in, fmt_out = sys.argv[1:4]
g = rdflib.ConjunctiveGraph() if fmt_in in ("trig", "nquads") else rdflib.Graph()
g.parse(src, format=fmt_in)
out = g.serialize(format=fmt_out)
sys.stdout.write(out.decode() if isinstance(out, bytes) else out)
`
	var stderr bytes.Buffer
	cmd := exec.Command(py, "-c", script, in, from, to)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("rdflib %s -> %s: %v\n%s\n%s", from, to, err, stderr.String(), text)
	}
	return string(out)
}

func readFormat(t *testing.T, text, format string) []quad.Quad {
	t.Helper()
	r, err := data.NewReader(strings.NewReader(text), "peer."+format, data.ReadOptions{Format: format})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := readQuads(t, r)
	if err != nil {
		t.Fatalf("reading rdflib's %s: %v\n%s", format, err, text)
	}
	for i, q := range qs {
		// rdflib names the default graph after the file it read, or
		// urn:x-rdflib:default, when it writes N-Quads.
		if l, ok := q.Label.(quad.IRI); ok && (strings.HasPrefix(string(l), "file:") || l == "urn:x-rdflib:default") {
			qs[i].Label = nil
		}
	}
	return qs
}

// Our TriG and Turtle exports read in rdflib, and rdflib's Turtle, TriG
// and RDF/XML read in Reelgraph, carry the same statements.
func TestTurtleWithRDFLib(t *testing.T) {
	py := rdflibPython(t)
	quads := exportQuads(t)
	more, err := readQuads(t, data.NewTurtleReader(strings.NewReader(turtleTable[2].in+"\n"+turtleTable[3].in), data.TurtleOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	quads = append(quads, more...)
	var triples []quad.Quad
	for _, q := range quads {
		q.Label = nil
		triples = append(triples, q)
	}
	nq := func(qs []quad.Quad) string {
		var b strings.Builder
		for _, q := range qs {
			b.WriteString(q.NQuad() + "\n")
		}
		return b.String()
	}
	t.Run("rdflib reads our TriG", func(t *testing.T) {
		got := readFormat(t, rdflibConvert(t, py, string(export(t, data.TriG, quads)), "trig", "nquads"), data.NQuads)
		if ok, why := isomorphic(got, quads); !ok {
			t.Error(why)
		}
	})
	t.Run("rdflib reads our Turtle", func(t *testing.T) {
		got := readFormat(t, rdflibConvert(t, py, string(export(t, data.Turtle, quads)), "turtle", "nt"), data.NTriples)
		if ok, why := isomorphic(got, triples); !ok {
			t.Error(why)
		}
	})
	for _, f := range []struct{ rdflib, ours string }{{"trig", data.TriG}, {"turtle", data.Turtle}, {"xml", data.RDFXML}} {
		t.Run("we read rdflib's "+f.rdflib, func(t *testing.T) {
			in, from, want := nq(triples), "nt", triples
			if f.rdflib == "trig" {
				in, from, want = nq(quads), "nquads", quads
			}
			got := readFormat(t, rdflibConvert(t, py, in, from, f.rdflib), f.ours)
			if ok, why := isomorphic(got, want); !ok {
				t.Error(why)
			}
		})
	}
}
