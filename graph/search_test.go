package graph

import (
	"fmt"
	"reflect"
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
