package data

import (
	"bytes"
	_ "embed"
	"io"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph/vocab"
)

// vocabulary is the vocabulary that ships with Reelgraph: which predicates
// take one value per node (owl:FunctionalProperty). docs/VOCABULARY.md
// describes it.
//
//go:embed vocab/reelgraph.nq
var vocabulary []byte

// Vocabulary returns the shipped vocabulary as N-Quads.
func Vocabulary() io.Reader { return bytes.NewReader(vocabulary) }

// FunctionalPredicates returns the predicates the shipped vocabulary types
// owl:FunctionalProperty, as IRIs, sorted: those graph.Options.Functional
// takes.
func FunctionalPredicates() []string {
	fp, err := functionalIn(nquads.NewReader(Vocabulary(), true))
	if err != nil {
		// The file is embedded at build time and tested; this cannot fail.
		panic("data: reading the embedded vocabulary: " + err.Error())
	}
	return fp
}

// functionalIn returns the subjects of r's `?p rdf:type
// owl:FunctionalProperty` quads, sorted.
func functionalIn(r quad.Reader) ([]string, error) {
	var out []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		p, _ := q.Predicate.(quad.IRI)
		o, _ := q.Object.(quad.IRI)
		s, ok := q.Subject.(quad.IRI)
		if ok && p == vocab.Type && o == vocab.FunctionalProperty {
			out = append(out, string(s))
		}
	}
	sort.Strings(out)
	return out, nil
}
