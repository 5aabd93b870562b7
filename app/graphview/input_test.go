package graphview

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestTapped(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	var heard []string
	g.OnSelected = func(id string) { heard = append(heard, id) }
	tests := []struct {
		name string
		at   fyne.Position
		want string
	}{
		{"node", at(t, g, "a"), "a"},
		{"node's rim", at(t, g, "b").AddXY(nodeRadius-1, 0), "b"},
		{"background clears", background(t, g), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			heard = nil
			g.Tapped(pointAt(tt.at))
			if !slices.Equal(heard, []string{tt.want}) {
				t.Errorf("OnSelected: got %q want [%q]", heard, tt.want)
			}
			if got := g.Selected(); got != tt.want {
				t.Errorf("Selected: got %q want %q", got, tt.want)
			}
		})
	}
	t.Run("test.Tap on the widget hits what is at its centre", func(t *testing.T) {
		heard = nil
		test.Tap(g) // taps at the widget's middle
		if len(heard) != 1 {
			t.Errorf("OnSelected calls: got %d want 1", len(heard))
		}
	})
}

func TestDoubleTapped(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	var expanded []string
	g.OnExpand = func(id string) {
		expanded = append(expanded, id)
		g.Add([]Node{n(id+"1", ""), n(id+"2", "")}, []Edge{e(id, id+"1"), e(id, id+"2")}, id)
	}
	g.DoubleTapped(pointAt(at(t, g, "a")))
	if !slices.Equal(expanded, []string{"a"}) {
		t.Fatalf("OnExpand: got %v want [a]", expanded)
	}
	if !g.Has("a1") || !g.Expanded("a") {
		t.Fatalf("after expanding a: Has(a1) %v Expanded(a) %v want true, true", g.Has("a1"), g.Expanded("a"))
	}
	g.DoubleTapped(pointAt(at(t, g, "a")))
	if len(expanded) != 1 {
		t.Errorf("OnExpand on an expanded node: got calls %v want none more", expanded)
	}
	if g.Has("a1") || g.Has("a2") || g.Expanded("a") {
		t.Errorf("after collapsing a: Has(a1) %v Has(a2) %v Expanded(a) %v want false, false, false",
			g.Has("a1"), g.Has("a2"), g.Expanded("a"))
	}
	g.DoubleTapped(pointAt(background(t, g)))
	if len(expanded) != 1 {
		t.Errorf("OnExpand on background: got calls %v want none more", expanded)
	}
}

func TestDragNodePinsIt(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	from := at(t, g, "a")
	to := from.AddXY(60, 40)
	drag(g, from, to)
	if !g.Pinned("a") {
		t.Fatalf("Pinned(a) after drag: got false want true")
	}
	if got := at(t, g, "a"); dist(got, to) > 1 {
		t.Errorf("a drawn at: got %v want %v", got, to)
	}
	pin := func() bool { // the marker's centre is painted in the foreground colour
		n := g.nodes["a"]
		return near(painted(t, g, 1, n.d.at.AddXY(n.d.rad*0.75, -n.d.rad*0.75)), g.r.pal.fg)
	}
	if !pin() {
		t.Errorf("pin marker painted: got false want true")
	}
	g.Unpin("a")
	if g.Pinned("a") || pin() {
		t.Errorf("after Unpin: Pinned %v, marker painted %v want false, false", g.Pinned("a"), pin())
	}
}

func TestDragBackgroundPans(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	before := at(t, g, "hub")
	bg := background(t, g)
	drag(g, bg, bg.AddXY(-30, 25))
	if got, want := at(t, g, "hub"), before.AddXY(-30, 25); dist(got, want) > 0.5 {
		t.Errorf("hub after pan: got %v want %v", got, want)
	}
	if g.Pinned("hub") {
		t.Errorf("Pinned(hub) after panning: got true want false")
	}
}

// drag sends a drag from a to b in four moves, then DragEnd.
func drag(g *GraphView, a, b fyne.Position) {
	step := fyne.NewDelta((b.X-a.X)/4, (b.Y-a.Y)/4)
	p := a
	for range 4 {
		p = p.AddXY(step.DX, step.DY)
		g.Dragged(&fyne.DragEvent{PointEvent: *pointAt(p), Dragged: step})
	}
	g.DragEnd()
}

func dist(a, b fyne.Position) float64 {
	return math.Hypot(float64(a.X-b.X), float64(a.Y-b.Y))
}

func TestScrolled(t *testing.T) {
	tests := []struct {
		name   string
		dy     float32
		zoomIn bool
	}{
		{"wheel up zooms in", scrollNotch, true},
		{"wheel down zooms out", -scrollNotch, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, _ := newTestView(t)
			star(g)
			before := g.Zoom()
			under := at(t, g, "a").AddXY(3, 2)
			world := g.toWorld(under)
			g.Scrolled(&fyne.ScrollEvent{PointEvent: *pointAt(under), Scrolled: fyne.NewDelta(0, tt.dy)})
			if got := g.Zoom() > before; got != tt.zoomIn {
				t.Errorf("zoom %v → %v: got zoomed in %v want %v", before, g.Zoom(), got, tt.zoomIn)
			}
			if got := g.toScreen(world); dist(got, under) > 0.5 {
				t.Errorf("point under the pointer moved: got %v want %v", got, under)
			}
		})
	}
}

func TestHover(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.nodes["a"].Label = "Alice Example"
	mouse := func(p fyne.Position) *desktop.MouseEvent {
		return &desktop.MouseEvent{PointEvent: *pointAt(p)}
	}
	a, hub := at(t, g, "a"), at(t, g, "hub")
	mid := fyne.NewPos((a.X+hub.X)/2, (a.Y+hub.Y)/2)
	tests := []struct {
		name string
		at   fyne.Position
		want []string // the tooltip holds each of these
	}{
		{"node shows label and kind", a, []string{"Alice Example", "Person"}},
		{"edge shows its predicate", mid, []string{"—p→"}},
		{"background shows nothing", background(t, g), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g.MouseMoved(mouse(tt.at))
			text := g.hover.text
			if (text != "") != (tt.want != nil) {
				t.Fatalf("tooltip: got %q want one holding %q", text, tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("tooltip: got %q want it to hold %q", text, w)
				}
			}
			if shown := g.r.tip.text.Visible(); shown != (text != "") {
				t.Errorf("tooltip visible: got %v want %v", shown, text != "")
			}
		})
	}
	g.MouseMoved(mouse(a))
	g.MouseOut()
	if g.hover.text != "" || g.r.tip.text.Visible() {
		t.Errorf("after MouseOut: tooltip %q visible %v want none", g.hover.text, g.r.tip.text.Visible())
	}
}

func TestNodeMenu(t *testing.T) {
	g, w := newTestView(t)
	star(g)
	labels := func(m *fyne.Menu) []string {
		var out []string
		for _, it := range m.Items {
			if !it.IsSeparator {
				out = append(out, it.Label)
			}
		}
		return out
	}
	g.Add([]Node{n("x", "")}, []Edge{e("a", "x")}, "a")
	tests := []struct {
		name string
		id   string
		pin  bool
		want []string
	}{
		{"fresh node", "b", false, []string{"Expand", "Pin", "Hide"}},
		{"expanded, pinned node", "a", true, []string{"Collapse", "Unpin", "Hide"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.pin {
				g.Pin(tt.id)
			}
			if got := labels(g.nodeMenu(tt.id)); !slices.Equal(got, tt.want) {
				t.Errorf("menu: got %v want %v", got, tt.want)
			}
		})
	}
	t.Run("Hide removes the node", func(t *testing.T) {
		m := g.nodeMenu("b")
		m.Items[len(m.Items)-1].Action()
		if g.Has("b") {
			t.Errorf("Has(b) after Hide: got true want false")
		}
	})
	t.Run("right click shows a menu", func(t *testing.T) {
		g.TappedSecondary(pointAt(at(t, g, "c")))
		if w.Canvas().Overlays().Top() == nil {
			t.Errorf("overlay after right click: got none want a menu")
		}
	})
}
