package graphview

import (
	"fmt"
	"math/rand/v2"
	"testing"

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

// BenchmarkPan5000 times one frame of panning 5,000 nodes and 10,000 edges
// at 1280×800 on the UI goroutine: every drawing moved, labels placed.
func BenchmarkPan5000(b *testing.B) {
	g := panView(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		g.panBy(fyne.NewDelta(float32(i%7-3), float32(i%5-2)))
	}
}
