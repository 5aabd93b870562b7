package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Netflix", "netflix"},
		{"  El  Eternauta ", "el eternauta"},
		{"Pérez Médici", "perez medici"},
		{"Billionaires' Bunker", "billionaires bunker"},
		{"SAG-AFTRA", "sag aftra"},
		{"ＳＯＲＡ", "sora"},
		{"", ""},
		{"!!!", ""},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextIndexRanking(t *testing.T) {
	x := NewTextIndex()
	x.Add("a", "Sora", false)
	x.Add("b", "Sora 2", false)
	x.Add("c", "Kasora", false)
	x.Add("d", "OpenAI", false)
	x.Add("d", "Sora maker", true)
	x.Add("e", "The Sora Files", false)
	got := x.Search("sora", 10)
	want := []Hit{
		{ID: "a", Name: "Sora", Match: MatchExact},
		{ID: "b", Name: "Sora 2", Match: MatchPrefix},
		{ID: "d", Name: "Sora maker", Alias: true, Match: MatchPrefix},
		{ID: "e", Name: "The Sora Files", Match: MatchWordPrefix},
		{ID: "c", Name: "Kasora", Match: MatchSubstring},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Search(sora)\n got %v\nwant %v", got, want)
	}
	if got := x.Search("sora", 2); len(got) != 2 {
		t.Errorf("Search with limit 2 returned %d hits", len(got))
	}
	x.Remove("a")
	if got := x.Search("sora", 1); got[0].ID != "b" {
		t.Errorf("after Remove(a), best hit = %v, want b", got[0])
	}
	x.Add("f", "Sora", false) // reuses a's slot
	if got := x.Search("sora", 1); got[0].ID != "f" || x.Len() != 6 {
		t.Errorf("after re-adding, best hit = %v, Len = %d; want f, 6", got[0], x.Len())
	}
}

func TestTextIndexOneHitPerNode(t *testing.T) {
	x := NewTextIndex()
	x.Add("e", "The Eternaut", false)
	x.Add("e", "El Eternauta", true)
	x.Add("e", "The Eternaut", false)
	got := x.Search("eternaut", 10)
	want := []Hit{{ID: "e", Name: "The Eternaut", Match: MatchWordPrefix}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func BenchmarkTextIndexSearch75k(b *testing.B) {
	x := NewTextIndex()
	for i := 0; i < 75000; i++ {
		x.Add(ID(fmt.Sprint(i)), fmt.Sprintf("Film number %d of the great archive", i), false)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Search("great arch", 20)
	}
}

// TestTextIndexTopK checks the bounded search against sorting every hit.
func TestTextIndexTopK(t *testing.T) {
	x := NewTextIndex()
	words := []string{"sora", "the", "river", "so", "ra", "eternaut", "s"}
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var b strings.Builder
		for range 1 + rnd.IntN(3) {
			b.WriteString(words[rnd.IntN(len(words))] + " ")
		}
		x.Add(ID(fmt.Sprint(i%700)), b.String(), rnd.IntN(4) == 0)
	}
	for _, q := range []string{"s", "so", "sora", "the river", "ra", "x"} {
		for _, limit := range []int{1, 5, 50, 10000} {
			got, want := x.Search(q, limit), searchAll(x, q, limit)
			if (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
				t.Errorf("Search(%q, %d):\ngot  %v\nwant %v", q, limit, got, want)
			}
		}
	}
}

// searchAll is Search done the simple way: every hit, best per node, sorted.
func searchAll(x *TextIndex, text string, limit int) []Hit {
	q := Normalize(text)
	best := make(map[ID]Hit)
	for _, e := range x.names {
		if m, ok := matchName(e.norm, q); ok && e.norm != "" {
			h := Hit{ID: e.id, Name: e.name, Alias: e.alias, Match: m}
			if old, seen := best[e.id]; !seen || less(h, old) {
				best[e.id] = h
			}
		}
	}
	var hits []Hit
	for _, h := range best {
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool { return less(hits[i], hits[j]) })
	return hits[:min(limit, len(hits))]
}

// BenchmarkTextIndexSearchAll75k is the worst case: every name matches.
func BenchmarkTextIndexSearchAll75k(b *testing.B) {
	x := NewTextIndex()
	for i := 0; i < 75000; i++ {
		x.Add(ID(fmt.Sprint(i)), fmt.Sprintf("Film number %d of the great archive", i), false)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Search("a", 20)
	}
}
