package graphview

import (
	"cmp"
	"hash/fnv"
	"image/color"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"reelgraph/graph/vocab"
)

// Vocab is the namespace of the kinds KindStyle knows.
const Vocab = vocab.Vocab

// Sizes of a node's drawing, in pixels at zoom 1.
const (
	nodeRadius    = 15  // radius of a node's disc
	focusScale    = 1.3 // the focus node is this much larger
	ringGap       = 4   // between the disc and the selection ring
	ringWidth     = 3
	labelWidth    = 130 // longest label, in pixels, before it is cut short
	labelHeight   = 18
	labelMaxRunes = 24
	edgeWidth     = 1.5
	arrowSize     = 11 // side of an arrowhead
)

// kindStyle is how one kind of node is drawn.
type kindStyle struct {
	name  string
	color color.NRGBA
	icon  fyne.ThemeIconName
}

// kinds maps the known kinds (package vocab's types) to their styles. The
// colours are mid-tones that carry a white icon in light and dark themes
// alike.
var kinds = map[string]kindStyle{
	vocab.Company:      {"Company", color.NRGBA{0x3b, 0x73, 0xb9, 0xff}, theme.IconNameHome},
	vocab.Production:   {"Production", color.NRGBA{0xf0, 0x70, 0x20, 0xff}, theme.IconNameMediaVideo},
	vocab.AITool:       {"AI tool", color.NRGBA{0x8e, 0x5c, 0xc2, 0xff}, theme.IconNameComputer},
	vocab.Person:       {"Person", color.NRGBA{0x3f, 0x9b, 0x4a, 0xff}, theme.IconNameAccount},
	vocab.Organization: {"Organization", color.NRGBA{0x16, 0xa3, 0x94, 0xff}, theme.IconNameGrid},
	vocab.Controversy:  {"Controversy", color.NRGBA{0xd6, 0x3c, 0x3c, 0xff}, theme.IconNameWarning},
	vocab.Event:        {"Event", color.NRGBA{0xcf, 0xa6, 0x00, 0xff}, theme.IconNameCalendar},
	vocab.LegalCase:    {"Legal case", color.NRGBA{0x8a, 0x5a, 0x3c, 0xff}, theme.IconNameDocument},
	vocab.Technique:    {"Technique", color.NRGBA{0xc9, 0x4f, 0x8a, 0xff}, theme.IconNameSettings},
	vocab.Allegation:   {"Allegation", color.NRGBA{0x9a, 0x1f, 0x5e, 0xff}, theme.IconNameError},
	vocab.Legislation:  {"Legislation", color.NRGBA{0x2a, 0x3f, 0x80, 0xff}, theme.IconNameList},
	vocab.Source:       {"Source", color.NRGBA{0x6e, 0x75, 0x80, 0xff}, theme.IconNameFileText},
}

// unknownKind is the style of a node whose kind is not known.
var unknownKind = kindStyle{"Unknown", color.NRGBA{0x90, 0x90, 0x90, 0xff}, theme.IconNameQuestion}

// KindStyle returns how nodes of the given kind IRI are drawn: their colour,
// a themed icon (drawn in the on-primary colour, for use on the swatch) and
// a human name. Kinds outside Reelgraph's vocabulary get a colour derived
// from a hash of the IRI and are named by its last segment.
func KindStyle(kind string) (color.Color, fyne.Resource, string) {
	s := styleOf(kind)
	return s.color, iconFor(s.icon), s.name
}

// KindColor returns the colour KindStyle gives kind, without touching the
// theme: it needs no running Fyne app, as the snapshot command has none.
func KindColor(kind string) color.Color { return styleOf(kind).color }

// styleOf returns the style of kind.
func styleOf(kind string) kindStyle {
	if kind == "" {
		return unknownKind
	}
	if s, ok := kinds[kind]; ok {
		return s
	}
	return kindStyle{name: vocab.LocalName(kind), color: hashColor(kind), icon: theme.IconNameFile}
}

// iconFor returns the named theme icon coloured to sit on a kind's swatch.
func iconFor(name fyne.ThemeIconName) fyne.Resource {
	return theme.NewColoredResource(theme.Icon(name), theme.ColorNameForegroundOnPrimary)
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

// compareKinds orders kinds by human name, the unknown kind last.
func compareKinds(a, b string) int {
	if (a == "") != (b == "") {
		if a == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(styleOf(a).name, styleOf(b).name), cmp.Compare(a, b))
}

// nodeLabel returns the text under a node: its label, else its ID's last
// segment, cut short with an ellipsis past labelMaxRunes.
func nodeLabel(n Node) string {
	return shorten(cmpOr(n.Label, vocab.LocalName(n.ID)), labelMaxRunes)
}

// shorten cuts s to at most max runes, ending with "…" when cut.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

// edgeLabel returns the human text for an edge's predicate.
func edgeLabel(e Edge) string { return cmpOr(e.Label, vocab.LocalName(e.Predicate)) }

// joinLabels joins the predicate labels of edges drawn as one.
func joinLabels(edges []Edge) string {
	parts := make([]string, 0, len(edges))
	for _, e := range edges {
		if l := edgeLabel(e); !slices.Contains(parts, l) { // one predicate, many sources
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, ", ")
}

// withAlpha returns c with its alpha scaled by a in [0, 1].
func withAlpha(c color.Color, a float64) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(float64(n.A) * a)
	return n
}
