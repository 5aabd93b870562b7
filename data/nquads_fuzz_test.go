package data_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/data"
)

// FuzzNQuads checks that the strict reader never panics, that its errors
// point inside the input, and that what it accepts survives a round trip
// through quad's N-Quads writer.
func FuzzNQuads(f *testing.F) {
	for _, tc := range nquadsValid {
		f.Add(tc.in)
	}
	for _, tc := range nquadsInvalid {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := readAll(t, in, data.NQuadsOptions{Name: "fuzz.nq"})
		var pe *data.ParseError
		if err != nil {
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if pe.Line < 1 || pe.Line > strings.Count(in, "\n")+strings.Count(in, "\r")+1 {
				t.Fatalf("error on line %d of an input of fewer lines: %v", pe.Line, err)
			}
			return
		}
		var buf bytes.Buffer
		w := nquads.NewWriter(&buf)
		if _, err := w.WriteQuads(got); err != nil {
			t.Fatal(err)
		}
		w.Close()
		again, err := readAll(t, buf.String(), data.NQuadsOptions{})
		if err != nil {
			t.Fatalf("our own output fails to read back: %v\n%s", err, buf.String())
		}
		if !quadsEqual(got, again) {
			t.Fatalf("round trip changed the quads:\n got %v\nwant %v", again, got)
		}
	})
}

var _ quad.Reader = (*data.NQuadsReader)(nil)
