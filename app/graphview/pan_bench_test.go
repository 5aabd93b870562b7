package graphview

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// panView returns a settled 1280×800 view of 5,000 nodes and 10,000 edges:
// a tree with hubs (node i hangs off i/3) and as many random links.
func panView(b *testing.B) *GraphView {
	g, w := newTestView(b)
	w.Resize(fyne.NewSize(1280, 800))
	const size = 5000
	rnd := rand.New(rand.NewPCG(1, 2))
	nodes := make([]Node, size)
	var edges []Edge
	for i := range nodes {
		nodes[i] = Node{ID: fmt.Sprint(i), Label: fmt.Sprint("Node ", i), Kind: Vocab + knownKinds[i%len(knownKinds)]}
		if i > 0 {
			edges = append(edges, e(fmt.Sprint(i/3), fmt.Sprint(i)))
		}
	}
	for len(edges) < 2*size {
		a, c := rnd.IntN(size), rnd.IntN(size)
		if a != c {
			edges = append(edges, e(fmt.Sprint(a), fmt.Sprint(c)))
		}
	}
	g.SetGraph(nodes, edges, "0")
	g.applyFrame()
	return g
}

// BenchmarkPan5000 times our part of one frame of panning 5,000 nodes and
// 10,000 edges at 1280×800 on the UI goroutine, sweeping 640 pixels one
// way then back at 16 a frame: the raster and labels moved, and every time
// the pan has used up the raster's margin, everything placed and the
// raster painted as the GL driver would ask for it. What the driver then
// does with the image and the labels' texts is measured by reelgraph
// glbench.
func BenchmarkPan5000(b *testing.B) {
	g := panView(b)
	s := g.Size().AddWidthHeight(2*panMargin, 2*panMargin)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		g.panBy(fyne.NewDelta(sweep(i), 0))
		if g.r.needsPaint {
			g.r.draw(int(s.Width), int(s.Height))
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
}

// cpuTime returns the CPU time the process has used, all threads: a
// benchmark's share of a busy machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sweep is the pan of frame i: 16 pixels one way for 40 frames, then back.
func sweep(i int) float32 {
	if i/40%2 == 1 {
		return -16
	}
	return 16
}

// BenchmarkPaint5000 times painting the raster of the same view once, as
// after a zoom, a step of the layout, or a pan past the raster's margin.
func BenchmarkPaint5000(b *testing.B) {
	g := panView(b)
	b.ReportAllocs()
	b.ResetTimer()
	s := g.Size().AddWidthHeight(2*panMargin, 2*panMargin)
	c0 := cpuTime()
	for b.Loop() {
		g.r.gen++ // as if the nodes had moved: nothing painted can be reused
		g.r.draw(int(s.Width), int(s.Height))
	}
	b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkSelect5000 times selecting one node after another in the same
// view and painting the raster again, as a click asks: the selection's
// ring and the edges it lights up are repainted, not the whole raster.
func BenchmarkSelect5000(b *testing.B) {
	g := panView(b)
	s := g.Size().AddWidthHeight(2*panMargin, 2*panMargin)
	g.r.draw(int(s.Width), int(s.Height))
	c0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		g.Select(fmt.Sprint(1 + i%2)) // two hubs of the tree
		g.r.draw(int(s.Width), int(s.Height))
	}
	b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
}
