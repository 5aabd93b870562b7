package style

import (
	"slices"
	"testing"

	"reelgraph/graph/vocab"
)

func TestEveryTypeHasAStyle(t *testing.T) {
	for _, k := range append(slices.Clone(vocab.EntityTypes), vocab.Source) {
		if !Known(k) {
			t.Errorf("%s: got no style of its own, want one", k)
		}
		if got := Of(k); got.Name == "" || got == Unknown {
			t.Errorf("%s: got %+v, want a name and a colour", k, got)
		}
	}
}

func TestCompare(t *testing.T) {
	kinds := []string{"", vocab.Person, "urn:x:Zebra", vocab.AITool, vocab.LegalCase}
	slices.SortFunc(kinds, Compare)
	want := []string{vocab.AITool, vocab.LegalCase, vocab.Person, "urn:x:Zebra", ""}
	if !slices.Equal(kinds, want) {
		t.Errorf("got %v, want %v", kinds, want)
	}
}
