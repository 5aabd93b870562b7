package graphview

import "time"

// frameInterval paces the layout worker: at most 60 steps a second.
const frameInterval = time.Second / 60

// settleLimit bounds the steps a synchronous settle takes.
const settleLimit = 1000

// kick sets the layout moving after a change, starting the worker goroutine
// unless it is already running, and cuts short an Arrange under way. Called
// on the UI goroutine.
func (g *GraphView) kick() {
	g.mu.Lock()
	g.tween.active, g.arranged = false, false
	g.mu.Unlock()
	if !g.async {
		g.settle()
		return
	}
	g.mu.Lock()
	start := !g.running
	g.running = true
	g.mu.Unlock()
	if start {
		go g.animate()
	}
}

// settle runs the layout to rest at once and shows the result; tests use it
// in place of the worker.
func (g *GraphView) settle() {
	g.mu.Lock()
	for i := 0; i < settleLimit && !g.lay.Stable(); i++ {
		g.lay.Step()
	}
	g.mu.Unlock()
	g.applyFrame()
}

// animate is the worker: it moves the nodes of an Arrange, or else steps
// the layout, at most once a frame until it is stable, handing each new
// frame to the UI goroutine.
func (g *GraphView) animate() {
	tick := time.NewTicker(frameInterval)
	defer tick.Stop()
	for now := range tick.C {
		g.mu.Lock()
		stable := false
		switch {
		case g.stepTween(now):
		case g.lay.Stable():
			stable, g.running = true, false
		default:
			g.lay.Step()
		}
		g.mu.Unlock()
		g.deliver()
		if stable {
			return
		}
	}
}

// deliver queues applyFrame on the UI goroutine unless a frame is already
// waiting there: a slow UI skips frames rather than piling them up.
func (g *GraphView) deliver() {
	if g.pending.Swap(true) {
		return
	}
	g.do(g.applyFrame)
}

// applyFrame copies the layout's positions into the nodes on show and moves
// their drawings. Called on the UI goroutine.
func (g *GraphView) applyFrame() {
	g.pending.Store(false)
	g.mu.Lock()
	pos := g.lay.Positions()
	for _, n := range g.order {
		n.pos = pos[n.handle]
	}
	g.mu.Unlock()
	if g.view.autoFit {
		g.fit()
	}
	if g.hover.text != "" { // the graph moves under a still pointer
		g.updateHover(g.hover.at)
	}
	if g.r != nil {
		g.r.place()
	}
}
