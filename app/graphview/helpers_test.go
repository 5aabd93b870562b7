package graphview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// newTestView returns a GraphView in a 800×600 test window that settles its
// layout synchronously instead of animating.
func newTestView(t testing.TB) (*GraphView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	g := New()
	g.async = false
	w := test.NewWindow(g)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	t.Cleanup(w.Close)
	return g, w
}

// at returns the screen position of node id, failing the test if absent.
func at(t *testing.T, g *GraphView, id string) fyne.Position {
	t.Helper()
	p, ok := g.screenPos(id)
	if !ok {
		t.Fatalf("screenPos(%q): got absent want shown", id)
	}
	return p
}

// pointAt returns a PointEvent at widget position p.
func pointAt(p fyne.Position) *fyne.PointEvent {
	return &fyne.PointEvent{Position: p, AbsolutePosition: p}
}

// ids returns the IDs shown by g, in drawing order.
func ids(g *GraphView) []string { return g.NodeIDs() }

// n is shorthand for a node whose label is its ID.
func n(id, kind string) Node { return Node{ID: id, Label: id, Kind: kind} }

// e is shorthand for an edge with predicate "p".
func e(from, to string) Edge { return Edge{From: from, To: to, Predicate: "urn:p", Label: "p"} }

// star shows a focus "hub" with leaves a, b, c.
func star(g *GraphView) {
	g.SetGraph([]Node{n("hub", Vocab+"Company"), n("a", Vocab+"Person"), n("b", Vocab+"Person"), n("c", Vocab+"AITool")},
		[]Edge{e("hub", "a"), e("hub", "b"), e("c", "hub")}, "hub")
}

// background returns a widget position with no node near it.
func background(t *testing.T, g *GraphView) fyne.Position {
	t.Helper()
	s := g.Size()
	for y := float32(5); y < s.Height; y += 20 {
		for x := float32(5); x < s.Width; x += 20 {
			p := fyne.NewPos(x, y)
			if g.nodeAt(p) == nil && g.edgeAt(p) == nil {
				return p
			}
		}
	}
	t.Fatal("no background position found")
	return fyne.Position{}
}

// painted returns the colour, not premultiplied, that the view's raster
// paints at widget position p (as of the last place) when drawn at the
// given canvas scale.
func painted(t *testing.T, g *GraphView, scale float32, p fyne.Position) color.NRGBA {
	t.Helper()
	s := g.Size().AddWidthHeight(2*panMargin, 2*panMargin)
	img := g.r.draw(int(s.Width*scale), int(s.Height*scale))
	return color.NRGBAModel.Convert(img.At(int((p.X+panMargin)*scale), int((p.Y+panMargin)*scale))).(color.NRGBA)
}

// near reports whether two opaque-ish colours are alike, channel by channel.
func near(a, b color.NRGBA) bool {
	d := func(x, y uint8) bool { return max(x, y)-min(x, y) < 24 }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}
