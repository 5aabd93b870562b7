package data_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
)

// checkFuzzed fails unless every quad a reader produced passes CheckQuad
// and every error is a *ParseError.
func checkFuzzed(t *testing.T, got []quad.Quad, err error) {
	t.Helper()
	var pe *data.ParseError
	if err != nil && !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *ParseError", err)
	}
	for _, q := range got {
		if err := data.CheckQuad(q); err != nil {
			t.Fatalf("reader produced an invalid quad %v: %v", q, err)
		}
	}
}

func FuzzJSONLD(f *testing.F) {
	for _, tc := range jsonldTable {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := readQuads(t, data.NewJSONLDReader(strings.NewReader(in), data.JSONLDOptions{Name: "f.jsonld"}))
		checkFuzzed(t, got, err)
	})
}

func FuzzJSON(f *testing.F) {
	for _, tc := range jsonTable {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := readQuads(t, data.NewJSONReader(strings.NewReader(in), "f.json"))
		checkFuzzed(t, got, err)
	})
}

func FuzzCSV(f *testing.F) {
	for _, tc := range csvTable {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := readQuads(t, data.NewCSVReader(strings.NewReader(in), "f.csv", nil, 0))
		checkFuzzed(t, got, err)
	})
}
