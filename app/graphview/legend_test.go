package graphview

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"reelgraph/graph/vocab"
)

func TestLegendFollowsGraph(t *testing.T) {
	g, _ := newTestView(t)
	l := NewLegend(g)
	steps := []struct {
		name   string
		change func()
		want   []string
	}{
		{"empty", func() {}, []string{}},
		{"SetGraph", func() { star(g) }, []string{"AI tool", "Company", "Person"}},
		{"Add unknown", func() { g.Add([]Node{n("u", "")}, []Edge{e("hub", "u")}, "hub") }, []string{"AI tool", "Company", "Person", "Unknown"}},
		{"Remove last AI tool", func() { g.Remove("c") }, []string{"Company", "Person", "Unknown"}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.change()
			if got := l.Entries(); !slices.Equal(got, s.want) {
				t.Errorf("Entries: got %v want %v", got, s.want)
			}
			if got := len(l.rows.Objects); got != len(s.want) {
				t.Errorf("rows: got %d want %d", got, len(s.want))
			}
		})
	}
}

func TestInjectedStyleNamesTheKinds(t *testing.T) {
	g, _ := newTestView(t)
	g.SetStyle(func(kind string) (color.Color, fyne.Resource, string) {
		return color.Black, theme.InfoIcon(), "kind " + vocab.LocalName(kind)
	})
	l := NewLegend(g)
	star(g)
	if got, want := l.Entries(), []string{"kind AITool", "kind Company", "kind Person"}; !slices.Equal(got, want) {
		t.Errorf("Entries: got %v want %v", got, want)
	}
	p, _ := g.screenPos("a")
	g.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}})
	if !strings.HasSuffix(g.hover.text, "kind Person") {
		t.Errorf("hover text %q, want it to end with the injected name", g.hover.text)
	}
}
