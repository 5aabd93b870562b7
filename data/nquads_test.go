package data_test

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
)

const (
	ex  = "http://example.org/"
	xsd = "http://www.w3.org/2001/XMLSchema#"
)

// nquadsValid are lines the strict reader must accept, with the quad each
// yields (nil for a line that holds no statement).
var nquadsValid = []struct {
	name, in string
	want     *quad.Quad
}{
	{"triple", `<http://example.org/s> <http://example.org/p> <http://example.org/o> .`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.IRI(ex + "o")}},
	{"quad", `<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> .`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.String("o"), Label: quad.IRI(ex + "g")}},
	{"blank nodes", `_:a <http://example.org/p> _:b.c _:g .`,
		&quad.Quad{Subject: quad.BNode("a"), Predicate: quad.IRI(ex + "p"), Object: quad.BNode("b.c"), Label: quad.BNode("g")}},
	{"blank node before dot", `_:a <http://example.org/p> _:b.`,
		&quad.Quad{Subject: quad.BNode("a"), Predicate: quad.IRI(ex + "p"), Object: quad.BNode("b")}},
	{"no spaces", `<http://example.org/s><http://example.org/p>"o"<http://example.org/g>.`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.String("o"), Label: quad.IRI(ex + "g")}},
	{"tabs and comment", "\t<http://example.org/s>\t<http://example.org/p>\t\"o\"\t.\t# note",
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.String("o")}},
	{"language tag", `<http://example.org/s> <http://example.org/p> "chat"@fr-CA .`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.LangString{Value: "chat", Lang: "fr-ca"}}},
	{"datatype", `<http://example.org/s> <http://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.TypedString{Value: "1", Type: xsd + "integer"}}},
	{"echar", `<http://example.org/s> <http://example.org/p> "a\t\b\n\r\f\"\'\\z" .`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.String("a\t\b\n\r\f\"'\\z")}},
	{"uchar in literal", `<http://example.org/s> <http://example.org/p> "\u00e9\U0001F600" .`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.String("é😀")}},
	{"uchar in IRI", `<http://example.org/\u00E9> <http://example.org/p> <urn:x:\U0001F600> .`,
		&quad.Quad{Subject: quad.IRI(ex + "é"), Predicate: quad.IRI(ex + "p"), Object: quad.IRI("urn:x:😀")}},
	{"raw unicode", `<http://example.org/ñ> <http://example.org/p> "El Eternauta — ñ" .`,
		&quad.Quad{Subject: quad.IRI(ex + "ñ"), Predicate: quad.IRI(ex + "p"), Object: quad.String("El Eternauta — ñ")}},
	{"empty literal", `<http://example.org/s> <http://example.org/p> "" .`,
		&quad.Quad{Subject: quad.IRI(ex + "s"), Predicate: quad.IRI(ex + "p"), Object: quad.String("")}},
	{"blank line", "   \t ", nil},
	{"comment", "# just a comment", nil},
}

// nquadsInvalid are lines the strict reader must reject, with the column
// (1-based byte) of the error and part of its message.
var nquadsInvalid = []struct {
	name, in string
	col      int
	msg      string
}{
	{"unclosed IRI", `<http://example.org/s> <http://example.org/p`, 45, "expected '>' to close IRI"},
	{"space in IRI", `<http://example.org/a b> <http://example.org/p> "o" .`, 22, "IRIs hold no spaces"},
	{"relative subject", `<s> <http://example.org/p> "o" .`, 1, "relative IRI <s>"},
	{"relative predicate", `<http://example.org/s> <p> "o" .`, 24, "relative IRI <p>"},
	{"relative datatype", `<http://example.org/s> <http://example.org/p> "o"^^<int> .`, 52, "relative IRI"},
	{"bad escape in IRI", `<http://example.org/\n> <http://example.org/p> "o" .`, 22, "expected 'u' or 'U'"},
	{"escaped space in IRI", `<http://example.org/\u0020> <http://example.org/p> "o" .`, 21, "may not hold"},
	{"short uchar", `<http://example.org/s> <http://example.org/p> "\u00G1" .`, 52, "hex digits"},
	{"surrogate", `<http://example.org/s> <http://example.org/p> "\uD800" .`, 48, "no Unicode character"},
	{"bad echar", `<http://example.org/s> <http://example.org/p> "\a" .`, 49, "unknown escape"},
	{"unclosed literal", `<http://example.org/s> <http://example.org/p> "o .`, 51, "to close the literal"},
	{"single quotes", `<http://example.org/s> <http://example.org/p> 'o' .`, 47, "expected object"},
	{"literal subject", `"s" <http://example.org/p> "o" .`, 1, "expected subject"},
	{"blank predicate", `<http://example.org/s> _:p "o" .`, 24, "expected predicate"},
	{"literal label", `<http://example.org/s> <http://example.org/p> "o" "g" .`, 51, "expected graph label"},
	{"missing dot", `<http://example.org/s> <http://example.org/p> "o"`, 50, "expected '.'"},
	{"fifth term", `<http://example.org/s> <http://example.org/p> "o" <http://example.org/g> <http://example.org/h> .`, 74, "expected '.'"},
	{"text after dot", `<http://example.org/s> <http://example.org/p> "o" . x`, 53, "after '.'"},
	{"bad language tag", `<http://example.org/s> <http://example.org/p> "o"@ .`, 51, "language tag"},
	{"bad subtag", `<http://example.org/s> <http://example.org/p> "o"@en- .`, 54, "after '-'"},
	{"single caret", `<http://example.org/s> <http://example.org/p> "o"^<http://example.org/t> .`, 51, "'^^'"},
	{"bad blank node", `_:-a <http://example.org/p> "o" .`, 3, "blank node label"},
	{"underscore alone", `_a <http://example.org/p> "o" .`, 2, "expected ':'"},
	{"invalid UTF-8", "<http://example.org/s> <http://example.org/p> \"o\xff\" .", 49, "invalid UTF-8"},
	{"control character in IRI", "<http://example.org/\x01> <http://example.org/p> \"o\" .", 21, "control character"},
	{"prefix directive", `@prefix ex: <http://example.org/> .`, 1, "expected subject"},
	{"prefixed name", `ex:s <http://example.org/p> "o" .`, 1, "expected subject"},
	{"NUL", "\x00", 1, "control character"},
}

func readAll(t testing.TB, in string, opt data.NQuadsOptions) ([]quad.Quad, error) {
	t.Helper()
	return readQuads(t, data.NewNQuadsReader(strings.NewReader(in), opt))
}

func TestNQuadsValid(t *testing.T) {
	for _, tc := range nquadsValid {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readAll(t, tc.in+"\n", data.NQuadsOptions{Name: "t.nq"})
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			var want []quad.Quad
			if tc.want != nil {
				want = []quad.Quad{*tc.want}
			}
			if !quadsEqual(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestNQuadsInvalid(t *testing.T) {
	for _, tc := range nquadsInvalid {
		t.Run(tc.name, func(t *testing.T) {
			in := "# first line\n" + tc.in + "\n"
			_, err := readAll(t, in, data.NQuadsOptions{Name: "film.nq"})
			var pe *data.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if pe.File != "film.nq" || pe.Line != 2 || pe.Column != tc.col {
				t.Errorf("got %s:%d:%d, want film.nq:2:%d (%v)", pe.File, pe.Line, pe.Column, tc.col, err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got message %q, want it to contain %q", err, tc.msg)
			}
		})
	}
}

func TestNQuadsErrorMessage(t *testing.T) {
	_, err := readAll(t, "\n\n<http://example.org/s> <http://example.org/p", data.NQuadsOptions{Name: "film.nq"})
	if got, want := err.Error(), "film.nq:3:45: expected '>' to close IRI"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNQuadsLineEndings(t *testing.T) {
	in := "<http://e.org/a> <http://e.org/p> \"1\" .\r\n<http://e.org/a> <http://e.org/p> \"2\" .\r<http://e.org/a> <http://e.org/p> \"3\" .\n\n<http://e.org/a> <http://e.org/p> \"4\" ."
	got, err := readAll(t, in, data.NQuadsOptions{})
	if err != nil || len(got) != 4 {
		t.Fatalf("got %d quads, error %v; want 4, none", len(got), err)
	}
	_, err = readAll(t, "<http://e.org/a> <http://e.org/p> \"1\" .\r<s> <http://e.org/p> \"2\" .", data.NQuadsOptions{})
	var pe *data.ParseError
	if !errors.As(err, &pe) || pe.Line != 2 {
		t.Errorf("after a lone CR: got %v, want an error on line 2", err)
	}
}

func TestNTriplesRejectsGraphLabel(t *testing.T) {
	_, err := readAll(t, `<http://e.org/a> <http://e.org/p> "1" <http://e.org/g> .`, data.NQuadsOptions{Triples: true})
	if err == nil || !strings.Contains(err.Error(), "N-Triples has no graph label") {
		t.Errorf("got %v, want an error about the graph label", err)
	}
}

func TestNQuadsRelativeIRIs(t *testing.T) {
	in := `</film/x> <name> "X" .` + "\n"
	got, err := readAll(t, in, data.NQuadsOptions{KeepRelative: true})
	if err != nil || len(got) != 1 || got[0].Subject != quad.IRI("/film/x") || got[0].Predicate != quad.IRI("name") {
		t.Errorf("KeepRelative: got %v, %v", got, err)
	}
	got, err = readAll(t, in, data.NQuadsOptions{Base: "http://example.org/base/"})
	if err != nil || len(got) != 1 || got[0].Subject != quad.IRI("http://example.org/film/x") || got[0].Predicate != quad.IRI("http://example.org/base/name") {
		t.Errorf("Base: got %v, %v", got, err)
	}
	if _, err := readAll(t, in, data.NQuadsOptions{Base: "not/absolute"}); err == nil {
		t.Error("a relative base was accepted")
	}
	_, err = readAll(t, in, data.NQuadsOptions{})
	if !errors.Is(err, data.ErrRelativeIRI) {
		t.Errorf("strict: got %v, want ErrRelativeIRI", err)
	}
}

func TestNQuadsLineTooLong(t *testing.T) {
	r := data.NewNQuadsReader(io.LimitReader(zeros{}, data.MaxLine+10), data.NQuadsOptions{Name: "blob"})
	_, err := r.ReadQuad()
	if !errors.Is(err, data.ErrLineTooLong) {
		t.Errorf("got %v, want ErrLineTooLong", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestW3CSuite runs the W3C RDF 1.1 N-Quads and N-Triples syntax tests that
// ship with the quad module: every positive test reads without error,
// every negative one fails.
func TestW3CSuite(t *testing.T) {
	dir := quadModuleDir(t)
	for _, suite := range []struct {
		file    string
		triples bool
	}{{"nquad_tests.tar.gz", false}, {"ntriple_tests.tar.gz", true}} {
		files := untar(t, filepath.Join(dir, suite.file))
		manifest := files["manifest.ttl"]
		re := regexp.MustCompile(`(?:a|rdf:type) rdft:Test(NQuads|NTriples)(Positive|Negative)Syntax ;[^.]*?mf:action\s+<([^>]+)>`)
		ms := re.FindAllStringSubmatch(manifest, -1)
		if len(ms) < 50 {
			t.Fatalf("%s: found %d tests in the manifest", suite.file, len(ms))
		}
		for _, m := range ms {
			name, positive := m[3], m[2] == "Positive"
			t.Run(name, func(t *testing.T) {
				_, err := readAll(t, files[name], data.NQuadsOptions{Name: name, Triples: suite.triples})
				if positive && err != nil {
					t.Errorf("positive test failed: %v", err)
				} else if !positive && err == nil {
					t.Errorf("negative test passed:\n%s", files[name])
				}
			})
		}
	}
}

func quadModuleDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/cayleygraph/quad").Output()
	if err != nil {
		t.Skipf("cannot find the quad module: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func untar(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	files := make(map[string]string)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		} else if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		files[strings.TrimPrefix(h.Name, "./")] = string(b)
	}
}

func quadsEqual(a, b []quad.Quad) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
