package graphview

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
)

func TestFitFramesAllNodes(t *testing.T) {
	tests := []struct {
		name string
		size fyne.Size
	}{
		{"wide", fyne.NewSize(800, 600)},
		{"small", fyne.NewSize(300, 200)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, w := newTestView(t)
			w.Resize(tt.size)
			var nodes []Node
			var edges []Edge
			for i := range 40 {
				nodes = append(nodes, n(fmt.Sprint(i), ""))
				if i > 0 {
					edges = append(edges, e(fmt.Sprint(i/3), fmt.Sprint(i)))
				}
			}
			g.SetGraph(nodes, edges, "0")
			g.ZoomIn() // spoil the framing, then restore it
			g.panBy(fyne.NewDelta(500, 500))
			g.Fit()
			s := g.Size()
			for _, nd := range nodes {
				p := at(t, g, nd.ID)
				if p.X < 0 || p.Y < 0 || p.X > s.Width || p.Y > s.Height {
					t.Errorf("node %s at %v: got outside want inside %v", nd.ID, p, s)
				}
			}
		})
	}
}

func TestZoomButtons(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	z := g.Zoom()
	tests := []struct {
		name string
		do   func()
		want float32
	}{
		{"ZoomIn", g.ZoomIn, z * zoomStep},
		{"ZoomOut", g.ZoomOut, z},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.do()
			if got := g.Zoom(); got < tt.want*0.999 || got > tt.want*1.001 {
				t.Errorf("Zoom: got %v want %v", got, tt.want)
			}
		})
	}
	t.Run("clamped", func(t *testing.T) {
		for range 50 {
			g.ZoomIn()
		}
		if got := g.Zoom(); got != maxZoom {
			t.Errorf("Zoom after many ZoomIn: got %v want %v", got, maxZoom)
		}
	})
}

func TestScreenWorldRoundTrip(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.ZoomIn()
	g.panBy(fyne.NewDelta(13, -7))
	for _, p := range []fyne.Position{{}, {X: 100, Y: 50}, {X: 799, Y: 599}} {
		t.Run(fmt.Sprint(p), func(t *testing.T) {
			if got := g.toScreen(g.toWorld(p)); dist(got, p) > 0.01 {
				t.Errorf("toScreen(toWorld(p)): got %v want %v", got, p)
			}
		})
	}
}
