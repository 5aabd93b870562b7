package graphview

import (
	"image/color"
	"math"
	"slices"
	"testing"

	"reelgraph/graph/vocab"
)

// knownKinds are the local names of the vocabulary's types: every one has
// a style of its own.
var knownKinds = func() []string {
	var out []string
	for _, t := range append(slices.Clone(vocab.EntityTypes), vocab.Source) {
		out = append(out, vocab.Term(t))
	}
	return out
}()

func TestKindStyleDistinctColours(t *testing.T) {
	seen := make(map[color.Color]string)
	for _, k := range knownKinds {
		t.Run(k, func(t *testing.T) {
			c, icon, name := KindStyle(Vocab + k)
			if other, dup := seen[c]; dup {
				t.Errorf("colour %v: got shared with %s want distinct", c, other)
			}
			seen[c] = k
			if icon == nil {
				t.Errorf("icon: got nil want a theme icon")
			}
			if name == "" || name == unknownKind.name {
				t.Errorf("name: got %q want a human name", name)
			}
		})
	}
	t.Run("colours far apart", func(t *testing.T) {
		for i, a := range knownKinds {
			for _, b := range knownKinds[i+1:] {
				ca, _, _ := KindStyle(Vocab + a)
				cb, _, _ := KindStyle(Vocab + b)
				if d := colourDistance(ca, cb); d < 60 {
					t.Errorf("%s and %s: got distance %.0f want ≥ 60", a, b, d)
				}
			}
		}
	})
}

// colourDistance is the Euclidean distance between two colours in 8-bit RGB.
func colourDistance(a, b color.Color) float64 {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	d := func(x, y uint32) float64 { v := float64(x>>8) - float64(y>>8); return v * v }
	return sqrt(d(ar, br) + d(ag, bg) + d(ab, bb))
}

func TestKindStyleUnknown(t *testing.T) {
	tests := []struct {
		kind, name string
	}{
		{"", "Unknown"},
		{"http://example.org/ns#Widget", "Widget"},
		{"https://schema.org/Movie", "Movie"},
		{Vocab + "Spaceship", "Spaceship"},
		{"urn:other:Company", "Company"}, // same last segment, other vocabulary
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			c1, icon, name := KindStyle(tt.kind)
			c2, _, _ := KindStyle(tt.kind)
			if name != tt.name {
				t.Errorf("name: got %q want %q", name, tt.name)
			}
			if c1 != c2 {
				t.Errorf("colour: got %v then %v want the same", c1, c2)
			}
			if icon == nil {
				t.Errorf("icon: got nil want one")
			}
		})
	}
	t.Run("different unknown kinds differ", func(t *testing.T) {
		a, _, _ := KindStyle("urn:x:Alpha")
		b, _, _ := KindStyle("urn:x:Beta")
		if a == b {
			t.Errorf("colours: got %v for both want different", a)
		}
	})
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"Everything Everywhere All at Once", 12, "Everything…"},
		{"ÄÖÜäöüßẞ", 5, "ÄÖÜä…"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := shorten(tt.in, tt.max); got != tt.want {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

func sqrt(v float64) float64 { return math.Sqrt(v) }
