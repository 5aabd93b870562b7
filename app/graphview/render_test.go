package graphview

import (
	"cmp"
	"fmt"
	"image"
	"math"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"reelgraph/app/explore"
)

func TestRenderSelectionRingAndFocus(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.Select("a")
	checks := []struct {
		name      string
		got, want bool
	}{
		{"ring on selected", ring(t, g, "a", 1), true},
		{"no ring elsewhere", ring(t, g, "b", 1), false},
		{"ring on selected at scale 2", ring(t, g, "a", 2), true},
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
			target := at(t, g, k.to)
			rim := float64(g.radius(ve.to))
			if d, want := dist(ve.d.tip, target), rim+1; math.Abs(d-want) > 0.5 {
				t.Errorf("arrowhead point from target: got %.1f want %.1f", d, want)
			}
			if !ve.d.visible {
				t.Errorf("visible: got false want true")
			}
			// Halfway along the head, and on the line where no label covers
			// it, the edge's colour.
			arrow := arrowSize * g.scale()
			head := ve.d.tip.SubtractXY(ve.d.ux*arrow*0.4, ve.d.uy*arrow*0.4)
			line := uncovered(t, g, ve.d.start, ve.d.end)
			for _, p := range []fyne.Position{head, line} {
				if c := painted(t, g, 1, p); !near(c, g.r.pal.edge[edgePlain]) {
					t.Errorf("painted at %v: got %v want %v", p, c, g.r.pal.edge[edgePlain])
				}
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

// uncovered returns a point on the segment ab that no label's plate covers.
func uncovered(t *testing.T, g *GraphView, a, b fyne.Position) fyne.Position {
	t.Helper()
	for f := float32(0.1); f < 0.95; f += 0.05 {
		p := a.AddXY((b.X-a.X)*f, (b.Y-a.Y)*f)
		free := true
		for _, l := range g.r.shown {
			at, size := l.plate()
			if p.X >= at.X-1 && p.Y >= at.Y-1 && p.X <= at.X+size.Width+1 && p.Y <= at.Y+size.Height+1 {
				free = false
			}
		}
		if free {
			return p
		}
	}
	t.Fatalf("labels cover the whole of %v–%v", a, b)
	return a
}

// ring reports whether node id's ring is painted in the selection colour,
// on an image painted at the given scale.
func ring(t *testing.T, g *GraphView, id string, scale float32) bool {
	n := g.nodes[id]
	p := n.d.at.AddXY(n.d.rad+ringGap-ringWidth/2, 0)
	return near(painted(t, g, scale, p), g.r.pal.primary)
}

func TestRenderDiscsInKindColours(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	for _, scale := range []float32{1, 2} {
		for _, id := range []string{"hub", "a", "c"} {
			n := g.nodes[id]
			want, _, _ := KindStyle(n.Kind)
			// Inside the rim, beside the icon.
			if got := painted(t, g, scale, n.d.at.AddXY(0, n.d.rad*0.8)); !near(got, withAlpha(want, 1)) {
				t.Errorf("disc of %s at scale %v: got %v want %v", id, scale, got, want)
			}
		}
	}
	t.Run("hidden by the filter", func(t *testing.T) {
		g.SetFilter(Filter{Node: func(n Node) bool { return n.ID != "a" }})
		want, _, _ := KindStyle(Vocab + "Person")
		if got := painted(t, g, 1, g.nodes["a"].d.at); near(got, withAlpha(want, 1)) {
			t.Errorf("filtered-out disc: got %v painted want nothing of its colour", got)
		}
	})
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

func TestRenderLabelsCappedOnScreenFirst(t *testing.T) {
	g, _ := newTestView(t)
	// A grid of 1,600 nodes 70 units apart at zoom 1: ~100 on screen, many
	// more in the raster's margin, more labels than maxLabels. The nodes
	// farthest out come first in drawing order, which breaks ties.
	var st State
	for i := range 1600 {
		x, y := float64(i%40-20)*70, float64(i/40-20)*70
		st.Nodes = append(st.Nodes, NodeState{Node: Node{ID: fmt.Sprint(i), Label: fmt.Sprint("N", i)}, Place: explore.Place{X: x, Y: y}})
	}
	slices.SortFunc(st.Nodes, func(a, b NodeState) int {
		return cmp.Compare(math.Hypot(b.X, b.Y), math.Hypot(a.X, a.Y))
	})
	g.Restore(st)
	if g.Zoom() != 1 {
		t.Fatalf("zoom: got %v want 1", g.Zoom())
	}
	s := g.Size()
	on, wantOn := 0, 0
	for _, n := range g.order {
		if p := n.d.at; p.X >= 0 && p.Y >= 0 && p.X <= s.Width && p.Y <= s.Height {
			wantOn++
			if n.d.label.text.Visible() {
				on++
			}
		}
	}
	if len(g.r.shown) != maxLabels {
		t.Errorf("labels shown: got %d want %d", len(g.r.shown), maxLabels)
	}
	if on != wantOn {
		t.Errorf("labels of nodes on screen shown: got %d want all %d", on, wantOn)
	}
}

// TestRenderPanRepaintsOnlyWhatItExposes checks that a frame painted by
// shifting the last one and painting the strips a pan exposed is the frame
// a full repaint gives.
func TestRenderPanRepaintsOnlyWhatItExposes(t *testing.T) {
	g := spreadView(t)
	s := g.Size().AddWidthHeight(2*panMargin, 2*panMargin)
	for _, scale := range []float32{1, 2} {
		w, h := int(s.Width*scale), int(s.Height*scale)
		g.r.draw(w, h)
		for _, d := range []fyne.Delta{{DX: panMargin + 37, DY: -90}, {DX: -20, DY: panMargin + 1}, {DX: -panMargin - 5, DY: -panMargin - 9}} {
			g.panBy(d) // past the margin: placed again and painted
			name := fmt.Sprintf("scale %v pan %v", scale, d)
			partialMatchesFull(t, g, w, h, name)
		}
	}
}

func TestRenderRemarkRepaintsOnlyAroundChanges(t *testing.T) {
	g := spreadView(t)
	s := g.Size().AddWidthHeight(2*panMargin, 2*panMargin)
	mouse := func(id string) func() {
		return func() { g.MouseMoved(&desktop.MouseEvent{PointEvent: *pointAt(at(t, g, id))}) }
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"select", func() { g.Select("3") }},
		{"highlight", func() { g.Highlight("1", "4", "13") }},
		{"hover a node", mouse("40")},
		{"hover another", mouse("41")},
		{"hover out", g.MouseOut},
		{"unselect", func() { g.Select("") }},
		{"highlight none", func() { g.Highlight() }},
	}
	for _, scale := range []float32{1, 2} {
		w, h := int(s.Width*scale), int(s.Height*scale)
		g.r.draw(w, h)
		for _, st := range steps {
			st.do()
			partialMatchesFull(t, g, w, h, fmt.Sprintf("scale %v %s", scale, st.name))
		}
	}
}

// spreadView returns a view of 300 nodes with two edges each, zoomed in so
// that the graph reaches beyond the raster, one node pinned and one
// selected.
func spreadView(t *testing.T) *GraphView {
	g, _ := newTestView(t)
	var nodes []Node
	var edges []Edge
	for i := range 300 {
		nodes = append(nodes, Node{ID: fmt.Sprint(i), Label: fmt.Sprint("Node ", i), Kind: Vocab + knownKinds[i%len(knownKinds)]})
		if i > 0 {
			edges = append(edges, e(fmt.Sprint(i/3), fmt.Sprint(i)), e(fmt.Sprint(i), fmt.Sprint(i*7%300)))
		}
	}
	g.SetGraph(nodes, edges, "0")
	g.ZoomIn()
	g.Pin("5")
	g.Select("7")
	return g
}

// partialMatchesFull paints the raster as the change just made asks, checks
// that only part of it was painted afresh, then paints it all afresh and
// checks that the two agree.
func partialMatchesFull(t *testing.T, g *GraphView, w, h int, name string) {
	t.Helper()
	partial := slices.Clone(g.r.draw(w, h).(*image.RGBA).Pix)
	area := 0
	for _, a := range g.r.paint.exposed {
		area += a.Dx() * a.Dy()
	}
	if area == 0 || area >= w*h {
		t.Errorf("%s: painted afresh %d of %d pixels, want some but not all", name, area, w*h)
	}
	g.r.gen++
	full := g.r.draw(w, h).(*image.RGBA).Pix
	worst, at := 0, 0
	for i := range full {
		if d := abs(int(full[i]) - int(partial[i])); d > worst {
			worst, at = d, i
		}
	}
	if worst > 2 { // float rounding may tip a channel by one level
		t.Errorf("%s: frame differs from a full repaint by %d levels at pixel (%d, %d)", name, worst, at/4%w, at/4/w)
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
