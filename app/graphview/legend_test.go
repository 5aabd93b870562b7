package graphview

import (
	"slices"
	"testing"
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
