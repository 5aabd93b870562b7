package graphview

import (
	"image/color"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"reelgraph/app/style"
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

// kindStyle is how one kind of node is drawn: its name and colour (from
// app/style) and a themed icon.
type kindStyle struct {
	name  string
	color color.NRGBA
	icon  fyne.ThemeIconName
}

// kindIcons are the icons of the vocabulary's types.
var kindIcons = map[string]fyne.ThemeIconName{
	vocab.Company:      theme.IconNameHome,
	vocab.Production:   theme.IconNameMediaVideo,
	vocab.AITool:       theme.IconNameComputer,
	vocab.Person:       theme.IconNameAccount,
	vocab.Organization: theme.IconNameGrid,
	vocab.Controversy:  theme.IconNameWarning,
	vocab.Event:        theme.IconNameCalendar,
	vocab.LegalCase:    theme.IconNameDocument,
	vocab.Technique:    theme.IconNameSettings,
	vocab.Allegation:   theme.IconNameError,
	vocab.Legislation:  theme.IconNameList,
	vocab.Source:       theme.IconNameFileText,
}

// unknownKind is the style of a node whose kind is not known.
var unknownKind = kindStyle{style.Unknown.Name, style.Unknown.Color, theme.IconNameQuestion}

// KindStyle returns how nodes of the given kind IRI are drawn: their colour,
// a themed icon (drawn in the on-primary colour, for use on the swatch) and
// a human name. Kinds outside Reelgraph's vocabulary get a colour derived
// from a hash of the IRI and are named by its last segment.
func KindStyle(kind string) (color.Color, fyne.Resource, string) {
	s := styleOf(kind)
	return s.color, iconFor(s.icon), s.name
}

// styleOf returns the style of kind.
func styleOf(kind string) kindStyle {
	if kind == "" {
		return unknownKind
	}
	k := style.Of(kind)
	icon, ok := kindIcons[kind]
	if !ok {
		icon = theme.IconNameFile
	}
	return kindStyle{k.Name, k.Color, icon}
}

// iconFor returns the named theme icon coloured to sit on a kind's swatch.
func iconFor(name fyne.ThemeIconName) fyne.Resource {
	return theme.NewColoredResource(theme.Icon(name), theme.ColorNameForegroundOnPrimary)
}

// compareKinds orders kinds by human name, the unknown kind last.
func compareKinds(a, b string) int { return style.Compare(a, b) }

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
