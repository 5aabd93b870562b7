package gentest

import (
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestDeterministic(t *testing.T) {
	a := ReadAll(Options{Quads: 5000, Seed: 7})
	b := ReadAll(Options{Quads: 5000, Seed: 7})
	c := ReadAll(Options{Quads: 5000, Seed: 8})
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with seed 7 differ")
	}
	if reflect.DeepEqual(a, c) {
		t.Error("seeds 7 and 8 give the same graph")
	}
}

func TestSize(t *testing.T) {
	for _, n := range []int{1, 10, 1000, 123457} {
		if got := len(ReadAll(Options{Quads: n})); got != n {
			t.Errorf("Quads %d: got %d quads want %d", n, got, n)
		}
	}
}

func TestValid(t *testing.T) {
	for _, q := range ReadAll(Options{Quads: 20000, Seed: 1}) {
		if !q.IsValid() || q.Label == nil {
			t.Fatalf("invalid or unlabelled quad %v", q)
		}
	}
}

// TestSkew checks the shape: a hub that a large share of films link to,
// and many people in one film at most.
func TestSkew(t *testing.T) {
	in := make(map[quad.Value]int)
	films := 0
	for _, q := range ReadAll(Options{Quads: 200000, Seed: 1}) {
		if _, ok := q.Object.(quad.IRI); ok && q.Predicate != quad.IRI(rdf+"type") {
			in[q.Object]++
		}
		if q.Predicate == quad.IRI(rdf+"type") && q.Object == quad.IRI(vocab+"Production") {
			films++
		}
	}
	if hub := in[quad.IRI(Hub)]; hub < films/4 {
		t.Errorf("hub in-degree: got %d want at least a quarter of %d films", hub, films)
	}
	people, leaves := 0, 0
	for i := range films * 3 / 2 {
		people++
		if in[quad.IRI(Person(i))] <= 1 {
			leaves++
		}
	}
	if leaves < people/3 {
		t.Errorf("people in at most one film: got %d of %d want at least a third", leaves, people)
	}
}
