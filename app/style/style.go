// Package style says how each kind of node is shown: a human name and a
// colour, the same on the canvas, in pictures and on the command line. It
// imports no Fyne; the canvas adds a themed icon to each (app/graphview).
package style

import (
	"cmp"
	"hash/fnv"
	"image/color"
	"math"

	"reelgraph/graph/vocab"
)

// Kind is how one kind of node is shown.
type Kind struct {
	Name  string // what a person reads: "AI tool", "Legal case"
	Color color.NRGBA
}

// known are the styles of the vocabulary's types. The colours are
// mid-tones that carry a white icon in light and dark themes alike.
var known = map[string]Kind{
	vocab.Company:      {"Company", color.NRGBA{0x3b, 0x73, 0xb9, 0xff}},
	vocab.Production:   {"Production", color.NRGBA{0xf0, 0x70, 0x20, 0xff}},
	vocab.AITool:       {"AI tool", color.NRGBA{0x8e, 0x5c, 0xc2, 0xff}},
	vocab.Person:       {"Person", color.NRGBA{0x3f, 0x9b, 0x4a, 0xff}},
	vocab.Organization: {"Organization", color.NRGBA{0x16, 0xa3, 0x94, 0xff}},
	vocab.Controversy:  {"Controversy", color.NRGBA{0xd6, 0x3c, 0x3c, 0xff}},
	vocab.Event:        {"Event", color.NRGBA{0xcf, 0xa6, 0x00, 0xff}},
	vocab.LegalCase:    {"Legal case", color.NRGBA{0x8a, 0x5a, 0x3c, 0xff}},
	vocab.Technique:    {"Technique", color.NRGBA{0xc9, 0x4f, 0x8a, 0xff}},
	vocab.Allegation:   {"Allegation", color.NRGBA{0x9a, 0x1f, 0x5e, 0xff}},
	vocab.Legislation:  {"Legislation", color.NRGBA{0x2a, 0x3f, 0x80, 0xff}},
	vocab.Source:       {"Source", color.NRGBA{0x6e, 0x75, 0x80, 0xff}},
}

// Unknown is the style of a node whose kind is not known.
var Unknown = Kind{"Unknown", color.NRGBA{0x90, 0x90, 0x90, 0xff}}

// Of returns the style of nodes of the given kind IRI; "" is Unknown.
// Kinds outside Reelgraph's vocabulary get a colour derived from a hash of
// the IRI and are named by its last segment.
func Of(kind string) Kind {
	if kind == "" {
		return Unknown
	}
	if k, ok := known[kind]; ok {
		return k
	}
	return Kind{Name: vocab.LocalName(kind), Color: hashColor(kind)}
}

// Known reports whether kind is one of the vocabulary's types, with a
// style of its own.
func Known(kind string) bool {
	_, ok := known[kind]
	return ok
}

// Compare orders kinds by human name, the unknown kind ("") last.
func Compare(a, b string) int {
	if (a == "") != (b == "") {
		if a == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(Of(a).Name, Of(b).Name), cmp.Compare(a, b))
}

// hashColor derives a stable mid-tone colour from s.
func hashColor(s string) color.NRGBA {
	h := fnv.New32a()
	h.Write([]byte(s))
	v := h.Sum32()
	hue := float64(v%360) / 360
	sat := 0.45 + float64(v>>9%20)/100
	return hsl(hue, sat, 0.45)
}

// hsl converts a colour from hue, saturation and lightness in [0, 1].
func hsl(h, s, l float64) color.NRGBA {
	c := (1 - math.Abs(2*l-1)) * s
	x := c * (1 - math.Abs(math.Mod(h*6, 2)-1))
	m := l - c/2
	var r, g, b float64
	switch int(h * 6) {
	case 0:
		r, g = c, x
	case 1:
		r, g = x, c
	case 2:
		g, b = c, x
	case 3:
		g, b = x, c
	case 4:
		r, b = x, c
	default:
		r, b = c, x
	}
	to8 := func(v float64) uint8 { return uint8(math.Round((v + m) * 255)) }
	return color.NRGBA{to8(r), to8(g), to8(b), 0xff}
}
