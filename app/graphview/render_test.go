package graphview

import (
	"fmt"
	"math"
	"testing"

	"fyne.io/fyne/v2"
)

func TestRenderSelectionRingAndFocus(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.Select("a")
	checks := []struct {
		name      string
		got, want bool
	}{
		{"ring on selected", g.nodes["a"].d.ring.Visible(), true},
		{"no ring elsewhere", g.nodes["b"].d.ring.Visible(), false},
		{"focus larger", g.radius(g.nodes["hub"]) > g.radius(g.nodes["a"]), true},
		{"selected label bold", g.nodes["a"].d.label.text.TextStyle.Bold, true},
		{"selected label shown", g.nodes["a"].d.label.text.Visible(), true},
		{"placeholder hidden", g.r.placeholder.Visible(), false},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("got %v want %v", c.got, c.want)
			}
		})
	}
}

func TestRenderArrowTouchesTargetRim(t *testing.T) {
	g, _ := newTestView(t)
	star(g) // hub → a, c → hub
	for _, k := range []edgeKey{{"hub", "a"}, {"c", "hub"}} {
		t.Run(k.from+"→"+k.to, func(t *testing.T) {
			ve := g.edgeKey[k]
			head := ve.d.head
			c := head.Position().AddXY(head.Size().Width/2, head.Size().Height/2)
			target := at(t, g, k.to)
			rim := float64(g.radius(ve.to))
			d := dist(c, target) // head centre lies half a head outside the rim
			if want := rim + 1 + float64(arrowSize*g.scale())/2; math.Abs(d-want) > 1 {
				t.Errorf("arrowhead centre from target: got %.1f want %.1f", d, want)
			}
			if !head.Visible() || !ve.d.line.Visible() {
				t.Errorf("visible: got head %v line %v want true, true", head.Visible(), ve.d.line.Visible())
			}
		})
	}
}

func TestRenderLabelsDoNotOverlap(t *testing.T) {
	g, w := newTestView(t)
	w.Resize(fyne.NewSize(500, 400)) // crowded on purpose
	var nodes []Node
	var edges []Edge
	for i := range 60 {
		nodes = append(nodes, Node{ID: fmt.Sprint(i), Label: fmt.Sprint("A fairly long label ", i)})
		if i > 0 {
			edges = append(edges, e(fmt.Sprint(i/4), fmt.Sprint(i)))
		}
	}
	g.SetGraph(nodes, edges, "0")
	var boxes []box
	for i, n := range g.order {
		if n.d.label.text.Visible() {
			boxes = append(boxes, labelBox(&n.d.label, int32(i)))
		}
	}
	if len(boxes) == 0 {
		t.Fatalf("visible labels: got 0 want some")
	}
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if a.x0 < b.x1-1 && b.x0 < a.x1-1 && a.y0 < b.y1-1 && b.y0 < a.y1-1 {
				t.Errorf("labels of nodes %d and %d overlap: %v %v", a.owner, b.owner, a, b)
			}
		}
	}
}

func TestRenderEmptyShowsPlaceholder(t *testing.T) {
	g, _ := newTestView(t)
	if !g.r.placeholder.Visible() {
		t.Errorf("placeholder on empty view: got hidden want shown")
	}
}

func TestRenderEdgeLabelsWhenZoomedIn(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	label := func() bool { return g.edgeKey[edgeKey{"hub", "a"}].d.label.text.Visible() }
	for g.Zoom() < edgeLabelZoom {
		g.ZoomIn()
	}
	if !label() {
		t.Errorf("edge label at zoom %.2f: got hidden want shown", g.Zoom())
	}
	for g.Zoom() >= edgeLabelZoom {
		g.ZoomOut()
	}
	if label() {
		t.Errorf("edge label at zoom %.2f: got shown want hidden", g.Zoom())
	}
}

// BenchmarkFrame measures one animation frame on the UI goroutine: copying
// positions out of the layout and moving every drawing, labels placed.
func BenchmarkFrame500(b *testing.B)  { benchmarkFrame(b, 500) }
func BenchmarkFrame2000(b *testing.B) { benchmarkFrame(b, 2000) }

func benchmarkFrame(b *testing.B, size int) {
	g, _ := newTestView(b)
	var nodes []Node
	var edges []Edge
	for i := range size {
		nodes = append(nodes, Node{ID: fmt.Sprint(i), Label: fmt.Sprint("Node ", i), Kind: Vocab + knownKinds[i%len(knownKinds)]})
		if i > 0 {
			edges = append(edges, e(fmt.Sprint(i/3), fmt.Sprint(i)))
		}
	}
	g.SetGraph(nodes, edges, "0")
	g.ZoomIn() // show labels
	g.applyFrame()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g.applyFrame()
	}
}
